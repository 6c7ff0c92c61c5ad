import { describe, expect, it } from "vitest";
import { compareScores, hoosjr, score, validateDefinition } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

// The HSS conversion table as printed in instruments-2 §12 (agreeing across public implementations),
// written out here rather than read from the definition, so a mistyped row in either is caught.
const TABLE = [
  100.0, 92.34, 85.257, 80.55, 76.776, 73.472, 70.426, 67.516, 64.664, 61.815, 58.93, 55.985, 52.965, 49.858, 46.652,
  43.335, 39.902, 36.363, 32.735, 29.009, 25.103, 20.805, 15.633, 8.104, 0.0,
];
const all = (v: number): number[] => Array.from({ length: 6 }, () => v);
const withRaw = (raw: number): (number | null)[] => answersWithTotal(hoosjr, raw, "raw");

describe("HOOS JR", () => {
  // Worked examples (instruments-2 §12).
  it("converts all items 2 (raw 12) to 52.965, all 0 to 100 and all 4 to 0", () => {
    expect(score(hoosjr, all(2)).score).toBe(52.965);
    expect(score(hoosjr, all(2)).subscales.raw).toBe(12);
    expect(score(hoosjr, all(0)).score).toBe(100);
    expect(score(hoosjr, all(4)).score).toBe(0);
  });

  it("converts every raw sum 0–24 by the published table, whichever items make it up", () => {
    for (let raw = 0; raw <= 24; raw++) {
      const r = score(hoosjr, withRaw(raw));
      expect(r.subscales.raw, `raw ${String(raw)}`).toBe(raw);
      expect(r.score, `raw ${String(raw)}`).toBe(TABLE[raw]);
      const reversed = [...withRaw(raw)].reverse();
      expect(score(hoosjr, reversed).score, `raw ${String(raw)} reversed`).toBe(TABLE[raw]);
    }
  });

  it("does not use the dissenting table of an SDC example (raw 12 → 50.760)", () => {
    expect(score(hoosjr, withRaw(12)).score).toBe(52.965);
  });

  it("takes record input keyed by the printed item numbers 1–6", () => {
    expect(score(hoosjr, { "1": 4, "2": 4, "3": 4, "4": 4, "5": 4, "6": 3 }).score).toBe(8.104);
    expect(hoosjr.items.map((it) => it.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("requires every item: no interval score and no raw sum with one missing", () => {
    const answers: (number | null)[] = all(1);
    answers[5] = null;
    const r = score(hoosjr, answers);
    expect(r.score).toBeNull();
    expect(r.subscales.raw).toBeNull();
    expect(r.missing).toEqual(["6"]);
    expect(r.reason).toBe("HOOS JR interval score: 1 of 6 items not answered (6); all 6 items are required");
  });

  it.each([
    [0, 5, /5/],
    [2, -1, /-1/],
    [5, 0.5, /0\.5/],
  ] as const)("rejects an answer at position %i (%s) and names the item", (i, value, message) => {
    const answers: number[] = all(2);
    answers[i] = value;
    expectOneInvalid(hoosjr, answers, String(i + 1), value, message);
  });

  it("is higher-is-better: counts the CMS substantial clinical benefit from 22 points (21.5 is short of it)", () => {
    expect(hoosjr.direction).toBe("higher-is-better");
    // raw 20 → 25.103; raw 14 → 46.652 (+21.549); raw 13 → 49.858 (+24.755).
    const base = score(hoosjr, withRaw(20));
    const below = compareScores(base, score(hoosjr, withRaw(14)));
    expect(below.direction).toBe("improved");
    expect(below.response.available && below.response.met).toBe(false);
    const met = compareScores(base, score(hoosjr, withRaw(13)));
    expect(met.response.available && met.response.met).toBe(true);
    // No MCID is offered (none published).
    expect(met.mcid.available).toBe(false);
  });

  it("carries the LOINC total 82323-7, the panel 82316-1 and item codes 82317-9…82322-9, no wording", () => {
    expect(hoosjr.loinc).toEqual({ panel: "82316-1", score: "82323-7" });
    expect(hoosjr.items.map((it) => it.loinc)).toEqual([
      "82317-9",
      "82318-7",
      "82319-5",
      "82320-3",
      "82321-1",
      "82322-9",
    ]);
    expect(hoosjr.items.every((it) => !("text" in it))).toBe(true);
  });

  it("is accepted by validateDefinition, and a copy with a row twice in its table is not", () => {
    expect(validateDefinition(hoosjr)).toEqual([]);
    const table = [...hoosjr.score.table, [12, 50.76] as const];
    expect(validateDefinition({ ...hoosjr, score: { ...hoosjr.score, table } })).toEqual([
      'scale "interval": table has more than one row for raw sum 12',
    ]);
  });
});
