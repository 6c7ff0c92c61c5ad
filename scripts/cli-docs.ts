// The command line reference page (docs/cli.md), generated from the commands' own option tables (what
// parseArgs accepts) and their --help texts, so the page cannot drift from the command: an option in a
// table that its help does not describe, or one the help describes that the table lacks, stops the build.
import { HELP as COMMAND_HELP } from "../src/cli/help.js";
import { OPTION_TABLES as COMMAND_OPTIONS } from "../src/cli/run.js";

/** One option as its help describes it. */
interface Described {
  readonly short: string | null;
  readonly value: string | null;
  readonly text: string;
}

/** The options a help text describes: `  -o, --out FILE   write to …` and its indented continuation lines. */
function described(help: string): Map<string, Described> {
  const out = new Map<string, Described>();
  let current: { name: string; short: string | null; value: string | null; text: string[] } | null = null;
  const flush = (): void => {
    if (current !== null)
      out.set(current.name, { short: current.short, value: current.value, text: current.text.join(" ") });
    current = null;
  };
  for (const line of help.split("\n")) {
    const m = /^ {2}(?:-([a-z]), | {4})--([a-z-]+)(?: ([A-Z][A-Za-z=.:|]*|[a-z]+\|[a-z]+))? +(.*)$/.exec(line);
    if (m !== null) {
      flush();
      current = { name: m[2] ?? "", short: m[1] ?? null, value: m[3] ?? null, text: [(m[4] ?? "").trim()] };
    } else if (current !== null && /^ {30,}\S/.test(line)) current.text.push(line.trim());
    else flush();
  }
  flush();
  return out;
}

// Markdown table cells: a bar would end the cell, and <id> would be read as an HTML tag.
const cell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("<", "&lt;");

/** The page, or an error naming every option the table and the help disagree on. */
export function renderCliPage(
  texts: Readonly<Record<string, string>> = COMMAND_HELP,
  tables: typeof COMMAND_OPTIONS = COMMAND_OPTIONS,
): string {
  const problems: string[] = [];
  const sections: string[] = [];
  for (const [command, table] of Object.entries(tables)) {
    const help = texts[command] ?? "";
    const said = described(help);
    const rows: string[] = [];
    for (const [name, option] of Object.entries(table)) {
      const d = said.get(name);
      if (d === undefined) {
        problems.push(`stepscore ${command}: --${name} is accepted but its --help does not describe it`);
        continue;
      }
      if ((option.short ?? null) !== d.short)
        problems.push(`stepscore ${command}: --${name}'s short form differs between the option table and the help`);
      if ((option.type === "string") !== (d.value !== null))
        problems.push(
          `stepscore ${command}: --${name} ${option.type === "string" ? "takes" : "takes no"} value, but the help says otherwise`,
        );
      const flag = `${d.short === null ? "" : `\`-${d.short}\`, `}\`--${name}${d.value === null ? "" : ` ${d.value}`}\``;
      rows.push(`| ${cell(flag)} | ${option.multiple === true ? "yes" : ""} | ${cell(d.text)} |`);
    }
    for (const name of said.keys())
      if (!(name in table))
        problems.push(`stepscore ${command}: its --help describes --${name}, which it does not accept`);
    sections.push(
      `## stepscore ${command}\n\n| option | repeatable | what it does |\n|---|---|---|\n${rows.join("\n")}\n\nThe full \`stepscore ${command} --help\`:\n\n\`\`\`text\n${help.trimEnd()}\n\`\`\`\n`,
    );
  }
  if (problems.length > 0) throw new Error(`the CLI's option tables and help disagree:\n  ${problems.join("\n  ")}`);
  const others = Object.keys(texts)
    .filter((k) => k !== "" && !(k in tables))
    .map((k) => `## stepscore ${k}\n\n\`\`\`text\n${(texts[k] ?? "").trimEnd()}\n\`\`\`\n`);
  return [
    "---\ntitle: Command line\n---\n",
    "# Command line reference\n",
    "Generated from the `stepscore` command's own option tables and `--help` texts (src/cli/run.ts, src/cli/help.ts) by `npm run docs:instruments`, and checked by `npm run docs:check`: an option the command accepts that its help does not describe stops the build. Do not edit by hand.\n",
    `\`\`\`text\n${(texts[""] ?? "").trimEnd()}\n\`\`\`\n`,
    ...sections,
    ...others,
  ].join("\n");
}
