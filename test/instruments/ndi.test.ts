import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ndi, score } from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

/** Ten sections, section `missing` (1-based) unanswered, the other nine summing to `total` in order. */
function nineAnswered(total: number, missing = 8): (number | null)[] {
  let remaining = total;
  const answers = Array.from({ length: 10 }, (_, i) => {
    if (i + 1 === missing) return null;
    const v = Math.min(5, remaining);
    remaining -= v;
    return v;
  });
  if (remaining !== 0) throw new Error(`total ${String(total)} is out of reach`);
  return answers;
}

describe("NDI", () => {
  // Worked example: [1,2,1,2,3,1,2,1,2,1] → raw 16 → 32 % → Moderate (15–24),
  // checked by hand against Vernon's note (sum of ten items 0–5; × 2 for a percentage).
  it("scores the worked example as raw 16, 32 %, moderate", () => {
    const r = score(ndi, [1, 2, 1, 2, 3, 1, 2, 1, 2, 1]);
    expect(r.score).toBe(16);
    expect(r.subscales.percent).toBe(32);
    expect(r.band).toEqual({ id: "moderate", label: "Moderate disability" });
    expect(r.method).toBe("complete");
    expect(r.instrument).toBe("ndi");
  });

  it("scores 0 and 50 (0 % and 100 %) at the ends of the range", () => {
    const low = score(ndi, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([low.score, low.subscales.percent, low.band?.id]).toEqual([0, 0, "none"]);
    const high = score(ndi, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect([high.score, high.subscales.percent, high.band?.id]).toEqual([50, 100, "complete"]);
  });

  // Vernon's note: "0 - 4 = no disability, 5 - 14 = mild, 15 - 24 = moderate, 25 - 34 = severe,
  // above 34 = complete", on the raw score out of 50.
  it.each([
    [0, "none"],
    [4, "none"],
    [5, "mild"],
    [6, "mild"],
    [13, "mild"],
    [14, "mild"],
    [15, "moderate"],
    [16, "moderate"],
    [23, "moderate"],
    [24, "moderate"],
    [25, "severe"],
    [26, "severe"],
    [33, "severe"],
    [34, "severe"],
    [35, "complete"],
    [36, "complete"],
    [50, "complete"],
  ] as const)("puts a raw total of %i in band %s (Vernon)", (total, band) => {
    const r = score(ndi, answersWithTotal(ndi, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it("bands the raw score, not the percentage: raw 20 (40 %) is moderate, not complete", () => {
    const r = score(ndi, answersWithTotal(ndi, 20));
    expect(r.subscales.percent).toBe(40);
    expect(r.band?.id).toBe("moderate");
  });

  describe("one missing section (Vernon: the average of the other items is added)", () => {
    // Nine sections summing to s: raw = s + s/9 = s × 10 / 9, unrounded; percent = s / 45 × 100.
    it("prorates the worked example without section 8: 15 × 10 / 9 = 16.67", () => {
      const r = score(ndi, [1, 2, 1, 2, 3, 1, 2, null, 2, 1]);
      expect(r.score).toBeCloseTo(16.6667, 4);
      expect(r.method).toBe("prorated");
      expect(r.missing).toEqual(["8"]);
      expect(r.subscales.percent).toBeCloseTo(33.3333, 4);
      expect(r.scales.percent.method).toBe("partial");
      expect(r.band?.id).toBe("moderate");
    });

    // Prorated raw scores next to each cut-off; one between two bands' whole-number bounds belongs to the upper.
    it.each([
      [3, 3.33, "none"],
      [4, 4.44, "mild"],
      [12, 13.33, "mild"],
      [13, 14.44, "moderate"],
      [21, 23.33, "moderate"],
      [22, 24.44, "severe"],
      [30, 33.33, "severe"],
      [31, 34.44, "complete"],
    ] as const)("nine sections summing to %i give raw %f, band %s", (sum, raw, band) => {
      const r = score(ndi, nineAnswered(sum));
      expect(r.score).toBeCloseTo(raw, 2);
      expect(r.band?.id).toBe(band);
    });

    it.each([
      [9, 10, "mild"],
      [18, 20, "moderate"],
      [27, 30, "severe"],
      [36, 40, "complete"],
      [45, 50, "complete"],
    ] as const)("nine sections summing to %i give exactly raw %i, band %s", (sum, raw, band) => {
      const r = score(ndi, nineAnswered(sum, 3));
      expect(r.score).toBe(raw);
      expect(r.band?.id).toBe(band);
    });

    it("never counts the missing section as 0", () => {
      // Were section 8 scored 0, the raw score would be 15.
      expect(score(ndi, [1, 2, 1, 2, 3, 1, 2, null, 2, 1]).score).not.toBe(15);
    });
  });

  it("gives no raw score and no percentage with two sections missing, and says why", () => {
    const r = score(ndi, [1, 2, 1, 2, 3, null, 2, null, 2, 1]);
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.method).toBe("insufficient");
    expect(r.reason).toBe(
      "NDI raw score (0–50): 2 of 10 items not answered (6, 8); at most 1 may be missing for a prorated score",
    );
    expect(r.subscales.percent).toBeNull();
    expect(r.scales.percent.reason).toBe(
      "NDI percentage score (0–100): 2 of 10 items not answered (6, 8); at least 9 must be answered",
    );
  });

  // Vernon: "The obtained score can be multiplied by 2 to produce a percentage score."
  it("reports a percentage equal to the raw score × 2 for every answer set (complete or one missing)", () => {
    fc.assert(
      fc.property(answerSet(ndi, { missingRate: 0.1 }), (answers) => {
        const r = score(ndi, answers as never);
        if (r.score === null) {
          expect(r.subscales.percent).toBeNull();
          return;
        }
        expect(r.subscales.percent).not.toBeNull();
        expect(r.subscales.percent).toBeCloseTo(r.score * 2, 9);
      }),
    );
  });

  describe("invalid input", () => {
    it.each([
      [[1, 2, 1, 6, 3, 1, 2, 1, 2, 1], "4", 6, /6 is out of range \(allowed: 0, 1, 2, 3, 4, 5\)/],
      [[1, 2, 1, 2, 3, 1, 2, 1, 2, "1"], "10", "1", /"1" is a string, not a number/],
      [[1, 2, 1, 2, 3, 1, 0.5, 1, 2, 1], "7", 0.5, /0.5 is not a whole number/],
    ])("rejects %j naming section %s", (answers, item, value, message) => {
      expectOneInvalid(ndi, answers, item, value, message);
    });
  });

  it("ships no section wording and states its licence", () => {
    expect(ndi.items.every((it) => !("text" in it))).toBe(true);
    expect(ndi.licence.redistributeWording).toBe(false);
    expect(ndi.licence.rightsHolder).toMatch(/Vernon/);
  });
});
