// `stepscore stratify`: the scores, then a recommended step of care for every row.
import { describe, expect, it } from "vitest";
import { defaultPathway, score, stratify } from "../../src/index.js";
import { cli, records, workdir } from "./helpers.js";

const START = Array.from({ length: 9 }, (_, i) => `startback_${String(i + 1)}`);
const PHQ9 = Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`);
const FILE = [
  ["id", ...START, ...PHQ9, "note"].join(","),
  ["A", "1,0,1,1,0,0,0,0,3", "1,1,1,1,1,0,0,0,1", "kept"].join(","),
  ["B", "0,0,0,0,0,0,0,0,0", "0,0,0,0,0,0,0,0,0", ""].join(","),
  ["C", "0,0,0,0,0,0,0,0,9", "0,0,0,0,0,0,0,0,", ""].join(","),
].join("\n");

describe("stepscore stratify", () => {
  it("finds the pathway's instruments in the header and adds scores and the step to every row", async () => {
    const r = await cli(["stratify", "-"], { stdin: FILE });
    expect(r.code).toBe(1);
    const rows = records(r.stdout);
    expect(rows.map((x) => x.id)).toEqual(["A", "B", "C"]);
    const expected = stratify([
      score("startback", [1, 0, 1, 1, 0, 0, 0, 0, 3]),
      score("phq9", [1, 1, 1, 1, 1, 0, 0, 0, 1]),
    ]);
    expect(rows[0]).toMatchObject({
      note: "kept",
      startback_band: "medium",
      phq9_score: "6",
      step: String(expected.step),
      step_label: expected.stepLabel,
      urgent: "true",
    });
    expect(rows[0]?.reasons).toContain("PHQ-9 item 9 answered above 'Not at all' [PHQ-9 flag self-harm]");
    expect(rows[0]?.reasons).toContain("STarT Back medium risk");
    expect(rows[1]).toMatchObject({ step: "1", urgent: "false", reasons: "" });
    expect(Number(rows[1]?.step_could_rise_to)).toBeGreaterThan(1);
    // STarT Back invalid, PHQ-9 incomplete: both count as not assessed, so there is no step (an empty cell,
    // never "1"), and item 9 could not be checked.
    expect(rows[2]).toMatchObject({
      startback_error: "startback_9: 9 is out of range (allowed: 0, 1, 2, 3, 4)",
      phq9_score: "",
      step: "",
      step_label: "Not assessed",
      urgent: "not checked",
    });
    expect(r.stderr).toMatch(/step 1 {2}Advice, reassurance and self-management +1/);
    expect(r.stderr).toMatch(/not assessed \(no score the pathway uses, so no step\): 1 row\n/);
    expect(r.stderr).toMatch(/urgent action \(e\.g\. PHQ-9 item 9\): 1 row\n/);
  });

  it("scores the instruments named with --instruments, in JSON Lines too", async () => {
    const line = JSON.stringify({ id: 1, phq2_1: 3, phq2_2: 3, gad2_1: 0, gad2_2: 0 });
    const r = await cli(["stratify", "--from", "jsonl", "--instruments", "phq2"], { stdin: line });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ phq2_score: 6, step: 1, urgent: "not checked" });
    expect(out).not.toHaveProperty("gad2_score");
    expect(out.reasons).toMatch(/PHQ-2/);
    const found = await cli(["stratify", "--from", "jsonl", "-q"], { stdin: line });
    expect(JSON.parse(found.stdout)).toHaveProperty("gad2_score", 0);
  });

  it("takes a pathway file, and explains a bad one", async () => {
    const dir = workdir({
      "mine.json": JSON.stringify({
        ...defaultPathway,
        id: "mine",
        steps: defaultPathway.steps.map((s) => ({ ...s, label: `Level ${String(s.step)}` })),
      }),
      "bad.json": JSON.stringify({ ...defaultPathway, steps: [] }),
      "nonsense.json": "{",
      "data.csv": FILE,
    });
    const mine = await cli(["stratify", "data.csv", "--pathway", "mine.json"], { cwd: dir });
    expect(records(mine.stdout)[1]?.step_label).toBe("Level 1");
    const bad = await cli(["stratify", "data.csv", "--pathway", "bad.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/the pathway bad.json is not valid:\n {2}steps/);
    expect((await cli(["stratify", "data.csv", "--pathway", "nonsense.json"], { cwd: dir })).stderr).toMatch(
      /cannot read the pathway nonsense.json/,
    );
    expect((await cli(["stratify", "data.csv", "--pathway", "none.json"], { cwd: dir })).stderr).toMatch(
      /cannot read the pathway none.json: no such file/,
    );
  });

  it("stops when the file has none of the pathway's columns", async () => {
    const r = await cli(["stratify", "-"], { stdin: "id,x\n1,2\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/found no columns of the pathway's instruments \(phq9, .*\)/);
    expect((await cli(["stratify", "--from", "jsonl"], { stdin: "" })).stderr).toMatch(/found no columns/);
    expect((await cli(["stratify", "-", "--instruments", "nope"])).stderr).toMatch(/unknown instrument "nope"/);
    expect((await cli(["stratify", "a.csv", "b.csv"])).stderr).toMatch(/unexpected argument "b.csv"/);
  });
});
