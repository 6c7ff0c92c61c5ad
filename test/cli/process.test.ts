// The command as a real process: the entry point, stdin and stdout as pipes, and exit codes.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { COHORT, records, workdir } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
// By its path: a process started in another directory would not find the package by name.
const tsx = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

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

  it("reports a full disk plainly, exit 2", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(
        process.execPath,
        ["--import", "tsx", join(root, "src/cli/main.ts"), "score", "phq2", "-", "-q"],
        {
          cwd: root,
          input: "phq2_1,phq2_2\n1,1\n",
          stdio: ["pipe", full, "pipe"],
          encoding: "utf8",
        },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toBe("stepscore: cannot write stdout: no space left on the device\n");
    } finally {
      closeSync(full);
    }
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`leaves no partial output file behind when stopped by ${signal}`, async () => {
      const dir = workdir();
      const child = spawn(
        process.execPath,
        ["--import", tsx, join(root, "src/cli/main.ts"), "score", "phq2", "-", "-q", "-o", "out.csv"],
        { cwd: dir, stdio: ["pipe", "ignore", "pipe"] },
      );
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        child.once("exit", (_code, s) => {
          done(s);
        }),
      );
      // Rows keep coming (stdin stays open), so the run is still writing when it is stopped.
      child.stdin.write("phq2_1,phq2_2\n1,1\n");
      let partial: string[] = [];
      for (let i = 0; i < 200 && partial.length === 0; i++) {
        await sleep(50);
        partial = readdirSync(dir).filter((f) => f.endsWith(".partial"));
      }
      expect(partial).toHaveLength(1);
      expect(partial[0]).toMatch(/^\.out\.csv\.[0-9a-f]{16}\.partial$/);
      // Patient data: readable by its owner only.
      expect(statSync(join(dir, partial[0]!)).mode & 0o777).toBe(0o600);
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
