import { describe, expect, it } from "vitest";
import { odi, safeScore, score } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

/**
 * Ten sections whose answered ones sum to `total`, raising sections in order (each at most 5); the
 * sections listed in `missing` (1-based) are left unanswered.
 */
function sections(total: number, missing: readonly number[] = []): (number | null)[] {
  let remaining = total;
  const answers = Array.from({ length: 10 }, (_, i) => {
    if (missing.includes(i + 1)) return null;
    const v = Math.min(5, remaining);
    remaining -= v;
    return v;
  });
  if (remaining !== 0) throw new Error(`total ${String(total)} is out of reach`);
  return answers;
}

describe("ODI v2.1a", () => {
  // Worked example: Sections [2,1,3,2,2,3,1,—,2,1]: 17 over nine sections,
  // 17 / (5 × 9) × 100 = 37.78 % (Fairbank: the denominator drops by 5 per missing section) → Moderate.
  it("scores the worked example with section 8 missing as 17/45 × 100 = 37.78 %, moderate", () => {
    const r = score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, 1]);
    expect(r.score).toBeCloseTo(37.78, 2);
    expect(r.method).toBe("partial");
    expect(r.missing).toEqual(["8"]);
    expect(r.band).toEqual({ id: "moderate", label: "Moderate disability" });
    expect(r.instrument).toBe("odi");
    expect(r.version).toBe(odi.version);
  });

  // ODI scoring instructions: "16 (total scored) / 50 (total possible score) × 100 = 32 %".
  it("scores the instructions' complete example 16/50 × 100 = 32 %", () => {
    const r = score(odi, [2, 2, 2, 2, 2, 2, 2, 2, 0, 0]);
    expect(r.score).toBe(32);
    expect(r.method).toBe("complete");
    expect(r.band?.id).toBe("moderate");
  });

  // ODI scoring instructions: "If one section is missed … 16 / 45 × 100 = 35.5 %"; exactly 35.555…, which the
  // instructions truncate. The library returns the unrounded value.
  it("scores Fairbank's one-missing example 16/45 unrounded (35.56, not 35.5 or 36)", () => {
    const r = score(odi, [2, 2, 2, 2, 2, 2, 2, null, 2, 0]);
    expect(r.score).toBeCloseTo(35.5556, 4);
    expect(r.score).not.toBe(35.5);
    expect(r.score).not.toBe(36);
    expect(r.method).toBe("partial");
  });

  it("scores 0 and 100 at the ends of the range", () => {
    expect(score(odi, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBe(0);
    const top = score(odi, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(top.score).toBe(100);
    expect(top.band?.id).toBe("bed-bound");
  });

  // Fairbank 1980 bands (restated on the Mapi site): 0–20 minimal, 21–40 moderate, 41–60 severe,
  // 61–80 crippled, 81–100 bed-bound or exaggerating. All ten sections answered: index = sum × 2.
  it.each([
    [9, 18, "minimal"],
    [10, 20, "minimal"],
    [11, 22, "moderate"],
    [19, 38, "moderate"],
    [20, 40, "moderate"],
    [21, 42, "severe"],
    [29, 58, "severe"],
    [30, 60, "severe"],
    [31, 62, "crippled"],
    [39, 78, "crippled"],
    [40, 80, "crippled"],
    [41, 82, "bed-bound"],
  ] as const)("puts a complete sum of %i (%i %) in band %s", (sum, percent, band) => {
    const r = score(odi, sections(sum));
    // Close, not exact: sum / 50 × 100 in floating point gives e.g. 57.99999999999999 for 29.
    expect(r.score).toBeCloseTo(percent, 9);
    expect(r.band?.id).toBe(band);
  });

  // The cut-offs themselves must come out exact, or 20 % would fall in the moderate band.
  it.each([
    [10, 20, "minimal"],
    [20, 40, "moderate"],
    [30, 60, "severe"],
    [40, 80, "crippled"],
  ] as const)("gives exactly %i → %i % at a cut-off, band %s", (sum, percent, band) => {
    const r = score(odi, sections(sum));
    expect(r.score).toBe(percent);
    expect(r.band?.id).toBe(band);
  });

  // Fractional indexes next to each cut-off, from real answer sets with one section (9) or two (8, 9)
  // missing: ≤ 20 minimal, ≤ 40 moderate, ≤ 60 severe, ≤ 80 crippled, above 80 bed-bound.
  describe("fractional indexes at the band boundaries", () => {
    it.each([
      [8, 17.78, "minimal"],
      [10, 22.22, "moderate"],
      [17, 37.78, "moderate"],
      [19, 42.22, "severe"],
      [26, 57.78, "severe"],
      [28, 62.22, "crippled"],
      [35, 77.78, "crippled"],
      [37, 82.22, "bed-bound"],
    ] as const)("nine sections summing to %i give %f %, band %s", (sum, percent, band) => {
      const r = score(odi, sections(sum, [9]));
      expect(r.score).toBeCloseTo(percent, 2);
      expect(r.band?.id).toBe(band);
    });

    it.each([
      [9, 20, "minimal"],
      [18, 40, "moderate"],
      [27, 60, "severe"],
      [36, 80, "crippled"],
    ] as const)("nine sections summing to %i give exactly %i %, still band %s", (sum, percent, band) => {
      const r = score(odi, sections(sum, [9]));
      expect(r.score).toBe(percent);
      expect(r.band?.id).toBe(band);
    });

    it.each([
      [8, 20, "minimal"],
      [9, 22.5, "moderate"],
      [16, 40, "moderate"],
      [17, 42.5, "severe"],
      [24, 60, "severe"],
      [25, 62.5, "crippled"],
      [32, 80, "crippled"],
      [33, 82.5, "bed-bound"],
    ] as const)("eight sections summing to %i give %f %, band %s", (sum, percent, band) => {
      const r = score(odi, sections(sum, [8, 9]));
      expect(r.score).toBe(percent);
      expect(r.band?.id).toBe(band);
    });
  });

  describe("missing sections", () => {
    // Default: at least 8 of 10 answered (Fairbank: responses to fewer than eight sections are rare).
    it("scores two missing sections over the eight answered: 16/40 × 100 = 40 %", () => {
      const r = score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, null]);
      expect(r.score).toBe(40);
      expect(r.method).toBe("partial");
      expect(r.band?.id).toBe("moderate");
      expect(r.missing).toEqual(["8", "10"]);
    });

    it("gives no score with three sections missing, and says why", () => {
      const r = score(odi, [2, null, 3, 2, null, 3, 1, null, 2, 1]);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.method).toBe("insufficient");
      expect(r.reason).toBe(
        "ODI disability index (%): 3 of 10 items not answered (2, 5, 8); at least 8 must be answered",
      );
    });

    it("never counts a missing section as 0", () => {
      // Were section 8 scored 0, the index would be 17/50 × 100 = 34.
      expect(score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, 1]).score).not.toBe(34);
    });

    // nine-sections option: at least 9 answered (awell-score: "less than 9 questions answered … cannot be calculated").
    it("scores one missing section under nine-sections: 17/45 × 100 = 37.78 %", () => {
      const r = score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, 1], { missing: "nine-sections" });
      expect(r.score).toBeCloseTo(37.78, 2);
      expect(r.method).toBe("partial");
    });

    it("gives no score with two sections missing under nine-sections", () => {
      const r = score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, null], { missing: "nine-sections" });
      expect(r.score).toBeNull();
      expect(r.reason).toBe(
        "ODI disability index (%): 2 of 10 items not answered (8, 10); at least 9 must be answered",
      );
    });

    it("rejects an unknown missing-data option, naming the one there is", () => {
      expect(() => score(odi, sections(10), { missing: "any" as never })).toThrow(
        /unknown missing-data option "any" \(options: "nine-sections"\)/,
      );
    });
  });

  describe("invalid input", () => {
    it.each([
      [[2, 1, 6, 2, 2, 3, 1, 0, 2, 1], "3", 6, /6 is out of range \(allowed: 0, 1, 2, 3, 4, 5\)/],
      [[2, 1, 3, 2, -1, 3, 1, 0, 2, 1], "5", -1, /-1 is out of range/],
      [[2, 1, 3, 2, 2, 3, 1, 0, 2.5, 1], "9", 2.5, /2.5 is not a whole number/],
      [[2, "1", 3, 2, 2, 3, 1, 0, 2, 1], "2", "1", /"1" is a string, not a number/],
    ])("rejects %j naming section %s", (answers, item, value, message) => {
      expectOneInvalid(odi, answers, item, value, message);
    });

    it("rejects answers coded 1–6 instead of 0–5 with a hint", () => {
      const r = safeScore(odi, [3, 2, 4, 3, 3, 6, 2, 1, 3, 2]);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.hint).toMatch(/one above the allowed range/);
    });

    it("rejects an array of the wrong length", () => {
      expect(() => score(odi, [1, 1, 1, 1, 1, 1, 1, 1, 1])).toThrow(/expected 10 answers in published item order/);
    });
  });

  it("ships no section wording and states its licence", () => {
    expect(odi.items.every((it) => !("text" in it))).toBe(true);
    expect(odi.licence.redistributeWording).toBe(false);
    expect(odi.licence.rightsHolder).toMatch(/Fairbank/);
    expect(odi.licence.rightsHolder).toMatch(/Mapi Research Trust/);
  });

  it("scores by id as by definition", () => {
    const answers = [2, 1, 3, 2, 2, 3, 1, null, 2, 1];
    expect(score("odi", answers)).toEqual(score(odi, answers));
  });
});
