// docs/cli.md is generated from the commands' option tables and help texts, and cannot drift from them.
import { describe, expect, it } from "vitest";
import { renderCliPage } from "../scripts/cli-docs.js";
import { HELP } from "../src/cli/help.js";
import { OPTION_TABLES } from "../src/cli/run.js";

describe("the command line reference page", () => {
  it("lists every option of the scoring commands with its help text", () => {
    const page = renderCliPage();
    for (const [command, table] of Object.entries(OPTION_TABLES)) {
      expect(page).toContain(`## stepscore ${command}`);
      for (const name of Object.keys(table)) expect(page).toContain(`--${name}`);
    }
    expect(page).toContain('| `--decimal-comma` |  | read "1,5" as 1.5');
  });

  it("stops when an option is accepted but not described, or described but not accepted", () => {
    const score = OPTION_TABLES.score ?? {};
    expect(() => renderCliPage(HELP, { score: { ...score, bogus: { type: "boolean" } } })).toThrow(
      /stepscore score: --bogus is accepted but its --help does not describe it/,
    );
    const withoutLabels = Object.fromEntries(Object.entries(score).filter(([name]) => name !== "labels"));
    expect(() => renderCliPage(HELP, { score: withoutLabels })).toThrow(
      /stepscore score: its --help describes --labels, which it does not accept/,
    );
    expect(() => renderCliPage(HELP, { score: { ...score, digits: { type: "boolean" } } })).toThrow(
      /--digits takes no value, but the help says otherwise/,
    );
  });
});
