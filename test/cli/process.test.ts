// The command as a real process: the entry point, stdin and stdout as pipes, and exit codes.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COHORT, records } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");

function stepscore(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the stepscore process", () => {
  it("scores rows piped through stdin and exits 1 when some had errors, every row written", () => {
    const r = stepscore(["score", "phq9,gad7", "-"], COHORT);
    expect(r.status).toBe(1);
    expect(records(r.stdout).map((x) => x.id)).toEqual(["P1", "P2", "P3", "P4", "P5, quoted", "P6"]);
    expect(r.stderr).toContain("6 rows read from stdin");
  });

  it("exits 0 for a clean file, 2 for a usage error", () => {
    expect(stepscore(["score", "phq2", "-", "-q"], "phq2_1,phq2_2\n1,1\n").status).toBe(0);
    const usage = stepscore(["score", "nope"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown instrument "nope"/);
  });

  it("prints help", () => {
    const r = stepscore(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage:");
  });
});
