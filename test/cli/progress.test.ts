// `stepscore progress`: long and wide files give the same table, the summary on stderr and as JSON is the
// library's, rows that cannot be placed in time are named (exit 2); and `score --prefix/--suffix`.
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { progressRows } from "../../src/index.js";
import { cli, COHORT, csv, records, workdir } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
const ORDER = "baseline=0,6w=6,3m=13";

const longRows = (): Record<string, string>[] =>
  parse<Record<string, string>>(readFileSync(join(root, "examples", "cohort-long.csv"), "utf8"), { columns: true });

function cohortDir(): string {
  const dir = workdir();
  for (const f of ["cohort-long.csv", "cohort-wide.csv"]) copyFileSync(join(root, "examples", f), join(dir, f));
  return dir;
}

describe("stepscore progress", () => {
  const dir = cohortDir();

  // Three runs over the 90-person cohort: longer than the default timeout on a busy machine.
  it("gives the same table from the long and the wide file, and the library's summary as JSON", {
    timeout: 90_000,
  }, async () => {
    const long = await cli(
      [
        "progress",
        "phq9,gad7,odi",
        "cohort-long.csv",
        "--id",
        "id",
        "--at",
        "visit",
        "--order",
        ORDER,
        "--group",
        "site",
        "--summary",
        "long.json",
      ],
      { cwd: dir },
    );
    const wide = await cli(
      ["progress", "phq9,gad7,odi", "cohort-wide.csv", "--id", "id", "--wide", ORDER, "--group", "site", "-q"],
      { cwd: dir },
    );
    // The example cohort holds one invalid cell (a GAD-7 "x"): exit 1, named on stderr.
    expect(long.code).toBe(1);
    expect(wide.code).toBe(1);
    expect(long.stderr).toContain('column gad7_3 (GAD-7 item 3): "x" is a string');
    expect(wide.stdout).toBe(long.stdout);
    const rows = records(long.stdout);
    expect(rows).toHaveLength(180);
    expect(csv(long.stdout)[0]?.slice(0, 6)).toEqual(["id", "group", "time_point", "at", "weeks", "phq9_baseline"]);

    const api = progressRows(longRows(), {
      instruments: ["phq9", "gad7", "odi"],
      id: "id",
      at: "visit",
      order: [
        { label: "baseline", weeks: 0 },
        { label: "6w", weeks: 6 },
        { label: "3m", weeks: 13 },
      ],
      group: "site",
    });
    expect(JSON.parse(readFileSync(join(dir, "long.json"), "utf8"))).toEqual(JSON.parse(JSON.stringify(api.summary)));
    expect(rows.map((r) => r.phq9_status)).toEqual(api.rows.map((r) => r.phq9_status));
    expect(rows.map((r) => r.action)).toEqual(api.rows.map((r) => r.action ?? ""));
  });

  it("reports persons without a follow-up on stderr, by count and id", { timeout: 60_000 }, async () => {
    const r = await cli(["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "visit", "--order", ORDER], {
      cwd: dir,
    });
    const s = progressRows(longRows(), {
      instruments: ["phq9"],
      id: "id",
      at: "visit",
      order: ["baseline", "6w", "3m"],
    }).summary;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${String(s.withoutFollowUp.count)} without one (counted, not dropped): ${s.withoutFollowUp.ids.slice(0, 3).join(", ")}`,
    );
    expect(r.stderr).toMatch(/PHQ-9 at 3m: \d+ paired of \d+ with a baseline \(\d+ not scored, \d+ not assessed\)/);
    expect(r.stderr).toMatch(/response \d+\/\d+ \([\d.]+ %\) \(baseline ≥ 10\)/);
  });

  it("reads ISO dates, and names a date that is not one (exit 2, nothing written)", async () => {
    const good = await cli(["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "date", "--latest", "-q"], {
      cwd: dir,
    });
    expect(good.code).toBe(0);
    expect(records(good.stdout)).toHaveLength(90);
    const text = readFileSync(join(dir, "cohort-long.csv"), "utf8").replace(/,2026-01-15,/, ",15/01/2026,");
    const bad = workdir({ "bad.csv": text });
    const r = await cli(["progress", "phq9", "bad.csv", "--id", "id", "--at", "date", "-o", "out.csv"], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stepscore: bad\.csv: row \d+, column "date": "15\/01\/2026" is not an ISO 8601 date/);
    expect(() => readFileSync(join(bad, "out.csv"))).toThrow();
  });

  it("names a visit label not among --order", async () => {
    const r = await cli(
      ["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "visit", "--order", "baseline,6w"],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column "visit": "3m" is not one of the time points (baseline, 6w)');
  });

  it("says how time is recorded when neither --at nor --wide is given, and checks --order and --cutoff", async () => {
    const none = await cli(["progress", "phq9", "cohort-long.csv", "--id", "id"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--at <column>");
    const weeks = await cli(
      ["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "visit", "--order", "baseline=0,6w=x"],
      {
        cwd: dir,
      },
    );
    expect(weeks.stderr).toContain('"6w=x" must be a label, or label=weeks');
    const cutoff = await cli(
      ["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "date", "--cutoff", "gad7=<5"],
      {
        cwd: dir,
      },
    );
    expect(cutoff.stderr).toContain("gad7 is not among the instruments");
  });

  it("takes a Jacobson–Truax cut-off", async () => {
    const r = await cli(
      ["progress", "phq9", "cohort-long.csv", "--id", "id", "--at", "date", "--cutoff", "phq9=<10", "-o", "t.csv"],
      { cwd: dir },
    );
    expect(r.stderr).toContain("Jacobson–Truax (recovered: follow-up < 10)");
  });

  it("is listed in the help", async () => {
    const r = await cli(["--help"]);
    expect(r.stdout).toContain("stepscore progress <ids>");
    const h = await cli(["progress", "--help"]);
    expect(h.stdout).toContain("--wide-pattern PATTERN");
    expect(h.stdout).toContain("--replace-columns       not for progress");
  });
});

describe("stepscore score --prefix / --suffix", () => {
  it("renames the appended columns so two time points can stand in one file", async () => {
    const dir = workdir({ "cohort.csv": COHORT });
    const r = await cli(["score", "phq9", "cohort.csv", "--suffix", "_t1", "--prefix", "f_"], { cwd: dir });
    const header = csv(r.stdout)[0] ?? [];
    expect(header.filter((h) => h.startsWith("f_"))).toEqual([
      "f_phq9_score_t1",
      "f_phq9_band_t1",
      "f_phq9_method_t1",
      "f_phq9_missing_t1",
      "f_phq9_flags_t1",
      "f_phq9_error_t1",
    ]);
    expect(records(r.stdout).map((x) => x.f_phq9_score_t1)).toEqual(["12", "1", "", "", "27", "0"]);
    // Scoring the scored file again for the other time point: the columns do not collide.
    const scored = workdir({ "t1.csv": r.stdout });
    const again = await cli(["score", "phq9", "t1.csv", "--suffix", "_t0"], { cwd: scored });
    expect(again.stderr).not.toContain("already has the column");
    expect(csv(again.stdout)[0]).toContain("phq9_score_t0");
  });
});

describe("stepscore progress: input and output forms", () => {
  const jsonl = [
    {
      pid: "A",
      d: "2026-01-05",
      ...Object.fromEntries([2, 2, 2, 2, 2, 2, 2, 2, 0].map((v, i) => [`phq9_${String(i + 1)}`, v])),
    },
    {
      pid: "A",
      d: "2026-03-16",
      ...Object.fromEntries([1, 1, 1, 1, 1, 1, 1, 0, 0].map((v, i) => [`phq9_${String(i + 1)}`, v])),
    },
  ]
    .map((r) => JSON.stringify(r))
    .join("\n");

  it("reads and writes JSON Lines, typed", async () => {
    const dir = workdir({ "v.jsonl": `${jsonl}\n` });
    const r = await cli(["progress", "phq9", "v.jsonl", "--id", "pid", "--at", "d", "-q"], { cwd: dir });
    expect(r.code).toBe(0);
    const [row] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(row).toMatchObject({
      id: "A",
      phq9_baseline: 16,
      phq9_score: 7,
      phq9_change: -9,
      phq9_response: true,
      weeks: 10,
    });
  });

  it("names a line that is not a JSON object, a repeated header column and an empty file", async () => {
    const dir = workdir({ "b.jsonl": `${jsonl}\n[1]\n`, "c.jsonl": "{nope\n", "h.csv": "pid,d,d\n", "e.csv": "" });
    const b = await cli(["progress", "phq9", "b.jsonl", "--id", "pid", "--at", "d"], { cwd: dir });
    expect(b.stderr).toContain("malformed JSON Lines in b.jsonl at line 3: each line must be a JSON object");
    const c = await cli(["progress", "phq9", "c.jsonl", "--id", "pid", "--at", "d"], { cwd: dir });
    expect(c.stderr).toContain("malformed JSON Lines in c.jsonl at line 1");
    const h = await cli(["progress", "phq9", "h.csv", "--id", "pid", "--at", "d"], { cwd: dir });
    expect(h.stderr).toContain("the column d appears twice in the header");
    const e = await cli(["progress", "phq9", "e.csv", "--id", "pid", "--at", "d"], { cwd: dir });
    expect(e.stderr).toContain("e.csv is empty");
    for (const x of [b, c, h, e]) expect(x.code).toBe(2);
  });

  it("escapes formula-like ids on request, and refuses options that do not go together", async () => {
    const text = `pid,d,${Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`).join(",")}\n=cmd,2026-01-05,1,1,1,1,1,1,1,1,0\n`;
    const dir = workdir({ "f.csv": text, "v.jsonl": jsonl });
    const r = await cli(["progress", "phq9", "f.csv", "--id", "pid", "--at", "d", "--escape-formulas", "-q"], {
      cwd: dir,
    });
    expect(records(r.stdout)[0]?.id).toBe("'=cmd");
    const cases: [string[], string][] = [
      [["--wide", "t0", "--order", "a"], "--order is for long files"],
      [["--at", "d", "--wide-pattern", "{time}_{column}"], "--wide-pattern needs --wide"],
      [["--at", "d", "--replace-columns"], "--replace-columns does not apply"],
      [["--at", "d", "--cutoff", "phq9=10"], "--cutoff expects <instrument>=<op><score>"],
    ];
    for (const [args, message] of cases) {
      const x = await cli(["progress", "phq9", "f.csv", "--id", "pid", ...args], { cwd: dir });
      expect(x.code, message).toBe(2);
      expect(x.stderr).toContain(message);
    }
    const noId = await cli(["progress", "phq9", "f.csv", "--at", "d"], { cwd: dir });
    expect(noId.stderr).toContain("--id <column>");
    const esc = await cli(["progress", "phq9", "v.jsonl", "--id", "pid", "--at", "d", "--escape-formulas"], {
      cwd: dir,
    });
    expect(esc.stderr).toContain("--escape-formulas applies to CSV output only");
    const absent = await cli(["progress", "phq9", "f.csv", "--id", "person", "--at", "d"], { cwd: dir });
    expect(absent.stderr).toContain('the id column "person" is not in the data');
  });

  it("takes a pathway of its own", async () => {
    const dir = workdir({ "v.jsonl": jsonl, "p.json": "{}" });
    const r = await cli(["progress", "phq9", "v.jsonl", "--id", "pid", "--at", "d", "--pathway", "p.json"], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the pathway p.json is not valid");
  });
});
