// `stepscore report`: the long and the wide example give the same report, read as `stepscore progress` reads
// them; bad input is refused by name with nothing written; the scoring options progress and report cannot
// honour are refused rather than ignored, and --skip-rows is applied.
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cli, workdir } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
const LONG = ["report", "phq9,gad7,odi", "cohort-long.csv", "--id", "id", "--at", "date", "--group", "site"];
const WIDE = [
  "report",
  "phq9,gad7,odi",
  "cohort-wide.csv",
  "--id",
  "id",
  "--wide",
  "baseline,6w,3m",
  "--at",
  "date_{time}",
  "--group",
  "site",
];

function cohortDir(): string {
  const dir = workdir();
  for (const f of ["cohort-long.csv", "cohort-wide.csv"]) copyFileSync(join(root, "examples", f), join(dir, f));
  return dir;
}

/** The Jacobson–Truax point count of each instrument's plot, as the page states it. */
const jtCounts = (html: string): string[] =>
  [...html.matchAll(/data-chart="jt" data-points="(\d+)"/g)].map((m) => m[1] ?? "");

describe("stepscore report", () => {
  const dir = cohortDir();

  it("writes the same report from the long and the wide example", { timeout: 120_000 }, async () => {
    const long = await cli([...LONG, "-o", "long.html"], { cwd: dir });
    const wide = await cli([...WIDE, "-o", "wide.html"], { cwd: dir });
    // Exit 1: the example holds one invalid GAD-7 cell, named on stderr (that GAD-7 is not scored).
    expect(long.code, long.stderr).toBe(1);
    expect(wide.code, wide.stderr).toBe(1);
    expect(long.stderr).toContain("90 persons read from cohort-long.csv, report written to long.html");
    expect(long.stderr).toContain('column gad7_3 (GAD-7 item 3): "x"');
    const a = readFileSync(join(dir, "long.html"), "utf8");
    const b = readFileSync(join(dir, "wide.html"), "utf8");
    expect(a.startsWith("<!DOCTYPE html>") || a.startsWith("<!doctype html>")).toBe(true);
    // PHQ-9 and GAD-7 have a plot; the ODI has no reliable-change inputs, so none.
    expect(jtCounts(a)).toHaveLength(2);
    expect(jtCounts(a).every((n) => Number(n) > 0)).toBe(true);
    expect(jtCounts(b)).toEqual(jtCounts(a));
    // Vega numbers clip paths across one process's renders: the same page but for those names.
    const unnumbered = (html: string): string => html.replaceAll(/clip\d+/g, "clip");
    expect(unnumbered(b)).toBe(unnumbered(a));
    expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("applies the title, the cut-off and the people shown", { timeout: 60_000 }, async () => {
    const r = await cli(
      [...LONG, "--title", "North & south", "--cutoff", "phq9=9", "--people", "S003,S004", "-o", "r.html"],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(1);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toContain("<title>North &amp; south</title>");
    expect([...html.matchAll(/<details class="person"[^>]*data-person="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "S003",
      "S004",
    ]);
    expect(html).toMatch(/cut-off[^.]*9/i);
  });

  const refused: [string, readonly string[], string][] = [
    ["no --id", ["report", "phq9", "cohort-long.csv", "--at", "date"], "report: name the column with the person's id"],
    [
      "labels without dates",
      ["report", "phq9", "cohort-long.csv", "--id", "id", "--at", "visit", "--order", "baseline=0,6w=6,3m=13"],
      "labelled time points (--order, or --wide without --at) have none",
    ],
    [
      "wide without date columns",
      ["report", "phq9", "cohort-wide.csv", "--id", "id", "--wide", "baseline,6w,3m"],
      "name the date column",
    ],
    [
      "a cut-off with an operator",
      [...LONG, "--cutoff", "phq9=<10"],
      "--cutoff expects <instrument>=<score>, e.g. --cutoff phq9=4",
    ],
    [
      "a cut-off of another instrument",
      [...LONG, "--cutoff", "isi=7"],
      "--cutoff isi=7: isi is not among the instruments",
    ],
    [
      "an unknown person",
      [...LONG, "--people", "S001,NOBODY"],
      '--people S001,NOBODY: "NOBODY" not in cohort-long.csv',
    ],
    [
      "a date that is not ISO",
      ["report", "phq9", "cohort-long.csv", "--id", "id", "--at", "visit"],
      "cohort-long.csv: ",
    ],
    ["--digits", [...LONG, "--digits", "1"], "--digits rounds the score columns of score and stratify; report"],
    ["--band-labels", [...LONG, "--band-labels"], "--band-labels adds <id>_band_label to score and stratify; report"],
    [
      "--escape-formulas",
      [...LONG, "--escape-formulas"],
      "--escape-formulas applies to CSV output; report writes HTML",
    ],
    ["--replace-columns", [...LONG, "--replace-columns"], "report does not write the input's rows"],
    ["--latest", [...LONG, "--latest"], "Unknown option '--latest'"],
  ];
  for (const [what, args, message] of refused)
    it(`refuses ${what} by name and writes nothing`, { timeout: 30_000 }, async () => {
      const r = await cli([...args, "-o", "bad.html"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(join(dir, "bad.html"))).toBe(false);
    });

  it("is listed in the help and the CLI reference", async () => {
    expect((await cli(["--help"])).stdout).toContain("stepscore report <ids>");
    expect((await cli(["report", "--help"])).stdout).toContain("--people N|IDS");
    expect(readFileSync(join(root, "docs", "cli.md"), "utf8")).toContain("## stepscore report");
  });
});

describe("stepscore progress and the scoring options", () => {
  const dir = cohortDir();
  const PROGRESS = ["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "date"];

  for (const [option, args, message] of [
    ["--digits", ["--digits", "1"], "--digits rounds the score columns of score and stratify; progress"],
    ["--band-labels", ["--band-labels"], "--band-labels adds <id>_band_label to score and stratify; progress"],
    ["--replace-columns", ["--replace-columns"], "progress does not write the input's rows"],
  ] as const)
    it(`refuses ${option} rather than ignore it`, async () => {
      const r = await cli([...PROGRESS, ...args, "-o", "out.csv"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(existsSync(join(dir, "out.csv"))).toBe(false);
    });

  it("leaves out the rows --skip-rows names, and reads a ; file as score does", { timeout: 60_000 }, async () => {
    const text = readFileSync(join(dir, "cohort-long.csv"), "utf8");
    const [header = "", ...body] = text.split("\n");
    const questions = header
      .split(",")
      .map((c) => `"Question ${c}"`)
      .join(",");
    const d = workdir({ "q.csv": [header, questions, ...body].join("\n"), "semi.csv": text.replaceAll(",", ";") });
    const plain = await cli([...PROGRESS, "-o", "plain.csv"], { cwd: dir });
    const skipped = await cli(
      ["progress", "phq9", "q.csv", "--id", "id", "--at", "date", "--skip-rows", "1", "-o", "s.csv"],
      {
        cwd: d,
      },
    );
    expect(skipped.code, skipped.stderr).toBe(plain.code);
    expect(readFileSync(join(d, "s.csv"), "utf8")).toBe(readFileSync(join(dir, "plain.csv"), "utf8"));
    // Without it the question row is a row like any other, and its date is refused by name.
    const unskipped = await cli(["progress", "phq9", "q.csv", "--id", "id", "--at", "date", "-o", "u.csv"], { cwd: d });
    expect(unskipped.code).toBe(2);
    expect(unskipped.stderr).toContain("Question date");
    const semi = await cli(["progress", "phq9", "semi.csv", "--id", "id", "--at", "date", "-o", "semi-out.csv"], {
      cwd: d,
    });
    expect(semi.code, semi.stderr).toBe(plain.code);
    expect(readFileSync(join(d, "semi-out.csv"), "utf8")).toBe(readFileSync(join(dir, "plain.csv"), "utf8"));
  });

  it("refuses --skip-rows for JSON Lines, which have no header rows", async () => {
    const d = workdir({ "a.jsonl": '{"id":"A","date":"2026-01-01","phq9_1":0}\n' });
    const r = await cli(["progress", "phq9", "a.jsonl", "--id", "id", "--at", "date", "--skip-rows", "1"], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--skip-rows applies to CSV input only");
  });

  it("applies --labels (the reading options reach the batch scorer)", async () => {
    const items = Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`);
    const d = workdir({
      "l.csv": `id,date,${items.join(",")}\nA,2026-01-01,${items.map(() => "Several days").join(",")}\nA,2026-03-01,${items.map(() => "Not at all").join(",")}\n`,
    });
    const args = ["progress", "phq9", "l.csv", "--id", "id", "--at", "date"];
    const without = await cli(args, { cwd: d });
    expect(without.code).toBe(1);
    const withLabels = await cli([...args, "--labels"], { cwd: d });
    expect(withLabels.code, withLabels.stderr).toBe(0);
    expect(withLabels.stdout).toContain(",9,0,-9,");
  });
});

describe("stepscore report without vega", () => {
  afterEach(() => {
    vi.doUnmock("vega");
    vi.resetModules();
  });

  it("says what to install and writes nothing", async () => {
    vi.resetModules();
    vi.doMock("vega", () => {
      throw Object.assign(new Error("Cannot find package 'vega'"), { code: "ERR_MODULE_NOT_FOUND" });
    });
    const { cli: fresh } = await import("./helpers.js");
    const dir = cohortDir();
    const r = await fresh([...LONG, "-o", "r.html"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("stepscore: report: the report draws its charts with Vega and Vega-Lite");
    expect(r.stderr).toContain("npm install vega vega-lite");
    expect(existsSync(join(dir, "r.html"))).toBe(false);
  });
});
