import { describe, expect, it } from "vitest";
import { compareScores, koosjr, score, validateDefinition } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

// The HSS conversion table as printed in instruments-2 §12 (agreeing across four public implementations),
// written out here rather than read from the definition, so a mistyped row in either is caught.
const TABLE = [
  100.0, 91.975, 84.6, 79.914, 76.332, 73.342, 70.704, 68.284, 65.994, 63.776, 61.583, 59.381, 57.14, 54.84, 52.465,
  50.012, 47.487, 44.905, 42.281, 39.625, 36.931, 34.174, 31.307, 28.251, 24.875, 20.941, 15.939, 8.291, 0.0,
];
const all = (v: number): number[] => Array.from({ length: 7 }, () => v);
const withRaw = (raw: number): (number | null)[] => answersWithTotal(koosjr, raw, "raw");

describe("KOOS JR", () => {
  // Worked examples (instruments-2 §12; a public unit test asserts 0 → 100, 28 → 0, 14 → 52.465, 7 → 68.284).
  it("converts all items 2 (raw 14) to 52.465, all 0 to 100 and all 4 to 0", () => {
    expect(score(koosjr, all(2)).score).toBe(52.465);
    expect(score(koosjr, all(2)).subscales.raw).toBe(14);
    expect(score(koosjr, all(0)).score).toBe(100);
    expect(score(koosjr, all(4)).score).toBe(0);
    expect(score(koosjr, withRaw(7)).score).toBe(68.284);
  });

  it("converts every raw sum 0–28 by the published table, whichever items make it up", () => {
    for (let raw = 0; raw <= 28; raw++) {
      const r = score(koosjr, withRaw(raw));
      expect(r.subscales.raw, `raw ${String(raw)}`).toBe(raw);
      expect(r.score, `raw ${String(raw)}`).toBe(TABLE[raw]);
      // The same sum from the other end of the form gives the same value.
      const reversed = [...withRaw(raw)].reverse();
      expect(score(koosjr, reversed).score, `raw ${String(raw)} reversed`).toBe(TABLE[raw]);
    }
  });

  it("does not use the dissenting near-linear table of an SDC example (raw 26 → 0.544, 27 → 0)", () => {
    expect(score(koosjr, withRaw(26)).score).toBe(15.939);
    expect(score(koosjr, withRaw(27)).score).toBe(8.291);
  });

  it("takes record input keyed by the printed item numbers 1–7", () => {
    expect(score(koosjr, { "1": 4, "2": 4, "3": 4, "4": 4, "5": 4, "6": 4, "7": 3 }).score).toBe(8.291);
    expect(koosjr.items.map((it) => it.id)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });

  it("requires every item: no interval score and no raw sum with one missing", () => {
    const answers: (number | null)[] = all(1);
    answers[3] = null;
    const r = score(koosjr, answers);
    expect(r.score).toBeNull();
    expect(r.subscales.raw).toBeNull();
    expect(r.missing).toEqual(["4"]);
    expect(r.reason).toBe("KOOS JR interval score: 1 of 7 items not answered (4); all 7 items are required");
  });

  it.each([
    [0, 5, /5/],
    [3, -1, /-1/],
    [6, 1.5, /1\.5/],
  ] as const)("rejects an answer at position %i (%s) and names the item", (i, value, message) => {
    const answers: number[] = all(2);
    answers[i] = value;
    expectOneInvalid(koosjr, answers, String(i + 1), value, message);
  });

  it("is higher-is-better: counts the CMS substantial clinical benefit from 20 points (17.9 is short of it)", () => {
    expect(koosjr.direction).toBe("higher-is-better");
    // raw 20 → 36.931; raw 13 → 54.840 (+17.909); raw 12 → 57.140 (+20.209).
    const base = score(koosjr, withRaw(20));
    const below = compareScores(base, score(koosjr, withRaw(13)));
    expect(below.direction).toBe("improved");
    expect(below.response.available && below.response.met).toBe(false);
    const met = compareScores(base, score(koosjr, withRaw(12)));
    expect(met.response.available && met.response.met).toBe(true);
  });

  it("counts the 14-point MCID at 14, not below", () => {
    // raw 14 → 52.465; raw 8 → 65.994 (+13.529); raw 7 → 68.284 (+15.819).
    const base = score(koosjr, withRaw(14));
    const short = compareScores(base, score(koosjr, withRaw(8)));
    expect(short.mcid.available && short.mcid.reached).toBe(false);
    const reached = compareScores(base, score(koosjr, withRaw(7)));
    expect(reached.mcid.available && reached.mcid.threshold).toBe(14);
    expect(reached.mcid.available && reached.mcid.reached).toBe(true);
  });

  it("carries the LOINC panel 82324-5, the interval score 82332-8 and item codes 82325-2…82331-0, no wording", () => {
    expect(koosjr.loinc).toEqual({ panel: "82324-5", score: "82332-8" });
    expect(koosjr.items.map((it) => it.loinc)).toEqual([
      "82325-2",
      "82326-0",
      "82327-8",
      "82328-6",
      "82329-4",
      "82330-2",
      "82331-0",
    ]);
    expect(koosjr.items.every((it) => !("text" in it))).toBe(true);
  });

  it("is accepted by validateDefinition, and a copy with a row missing from its table is not", () => {
    expect(validateDefinition(koosjr)).toEqual([]);
    const table = koosjr.score.table.filter(([raw]) => raw !== 27);
    expect(validateDefinition({ ...koosjr, score: { ...koosjr.score, table } })).toEqual([
      'scale "interval": table has no row for raw sum 27 (its items give 0–28)',
    ]);
  });
});
