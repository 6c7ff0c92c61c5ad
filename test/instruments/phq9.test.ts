import { describe, expect, it } from "vitest";
import { phq9, safeScore, score, ScoreInputError } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

describe("PHQ-9", () => {
  // Worked example: checked by hand against Kroenke 2001 (sum of items 1–9).
  it("scores the worked example [1,2,1,2,0,1,3,2,0] as 12, moderate, no flag", () => {
    const r = score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]);
    expect(r.score).toBe(12);
    expect(r.band).toEqual({ id: "moderate", label: "Moderate" });
    expect(r.flags).toEqual([]);
    expect(r.method).toBe("complete");
    expect(r.instrument).toBe("phq9");
    expect(r.version).toBe(phq9.version);
  });

  it("scores 0 and 27 at the ends of the range", () => {
    expect(score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBe(0);
    expect(score(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 3]).score).toBe(27);
  });

  // Kroenke 2001: "scores of 5, 10, 15 and 20 represent mild, moderate, moderately severe and severe".
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [6, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [11, "moderate"],
    [14, "moderate"],
    [15, "moderately-severe"],
    [16, "moderately-severe"],
    [19, "moderately-severe"],
    [20, "severe"],
    [21, "severe"],
    [27, "severe"],
  ] as const)("puts a total of %i in band %s (Kroenke 2001)", (total, band) => {
    const r = score(phq9, answersWithTotal(phq9, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  describe("the difficulty item (10)", () => {
    it("is recorded but never summed", () => {
      const r = score(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]);
      expect(r.score).toBe(9);
      expect(r.answers["10"]).toBe(3);
      expect(r.missing).toEqual([]);
    });
    it("may be left off array input, and is then reported missing", () => {
      const r = score(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
      expect(r.score).toBe(9);
      expect(r.missing).toEqual(["10"]);
    });
    it("rejects values outside its 0–3 scale", () => {
      expect(() => score(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 1, 4])).toThrow(/item 10: 4 is out of range/);
    });
  });

  describe("the self-harm flag (item 9 ≥ 1; Focus 2023, Joint Commission screeners)", () => {
    it.each([1, 2, 3])("is raised when item 9 is %i, whatever the total", (v) => {
      const r = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, v]);
      expect(r.flags.map((f) => f.id)).toEqual(["self-harm"]);
      expect(r.band?.id).toBe("minimal");
    });
    it("is not raised when item 9 is 0, even at the top of the scale", () => {
      expect(score(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags).toEqual([]);
    });
    it("is raised even when every other item is missing and there is no total", () => {
      const r = score(phq9, { "9": 1 });
      expect(r.score).toBeNull();
      expect(r.flags[0]?.id).toBe("self-harm");
      expect(r.flags[0]?.message).toMatch(/same day/);
    });
    it("is not raised when item 9 is missing", () => {
      expect(score(phq9, [3, 3, 3, 3, 3, 3, 3, 3, null]).flags).toEqual([]);
    });
  });

  describe("missing answers", () => {
    it("give no total by default (strict), with the reason and the missing items", () => {
      const r = score(phq9, [2, 2, 1, 1, 0, 1, 2, 1, null]);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.method).toBe("insufficient");
      expect(r.reason).toBe("PHQ-9 total: 1 of 9 items not answered (9); all 9 items are required");
      expect(r.missing).toEqual(["9", "10"]);
    });

    // CMS MDS 3.0 edit -3587: one missing → sum × 9/8, two → × 9/7, nearest integer; three or more → no score.
    it("prorate one missing item under cms-mds: 10 × 9/8 = 11.25 → 11", () => {
      const r = score(phq9, [2, 2, 1, 1, 0, 1, 2, 1, null], { missing: "cms-mds" });
      expect(r.score).toBe(11);
      expect(r.method).toBe("prorated");
      expect(r.band?.id).toBe("moderate");
    });
    it("prorate two missing items under cms-mds: 9 × 9/7 = 11.57 → 12", () => {
      const r = score(phq9, [2, 2, 1, 1, 1, 1, 1, null, null], { missing: "cms-mds" });
      expect(r.score).toBe(12);
      expect(r.method).toBe("prorated");
    });
    it("round a half up under cms-mds: 4 × 9/8 = 4.5 → 5 (mild, not minimal)", () => {
      const r = score(phq9, [1, 1, 1, 1, 0, 0, 0, 0, null], { missing: "cms-mds" });
      expect(r.score).toBe(5);
      expect(r.band?.id).toBe("mild");
    });
    it("give no score with three missing items under cms-mds", () => {
      const r = score(phq9, [3, 3, 3, 3, 3, 3, null, null, null], { missing: "cms-mds" });
      expect(r.score).toBeNull();
      expect(r.reason).toMatch(/3 of 9 items not answered \(7, 8, 9\); at most 2 may be missing/);
    });
    it("never count the difficulty item's absence against the total", () => {
      expect(score(phq9, { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0 }).score).toBe(0);
    });
  });

  describe("invalid input", () => {
    it.each([
      [[0, 1, 4, 0, 0, 0, 0, 0, 0], "3", 4, /4 is out of range \(allowed: 0, 1, 2, 3\)/],
      [[0, 1, 2, 0, -1, 0, 0, 0, 0], "5", -1, /-1 is out of range/],
      [[0, 1, 1.5, 0, 0, 0, 0, 0, 0], "3", 1.5, /1.5 is not a whole number/],
      [[0, "2", 0, 0, 0, 0, 0, 0, 0], "2", "2", /"2" is a string, not a number/],
      [[0, 0, 0, 0, 0, 0, 0, 0, Number.NaN], "9", Number.NaN, /NaN is not a number/],
      [[0, 0, 0, Infinity, 0, 0, 0, 0, 0], "4", Infinity, /Infinity is not a finite number/],
      [[0, 0, 0, 0, 0, 0, true, 0, 0], "7", true, /true is not a number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      try {
        score(phq9, answers as never);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ScoreInputError);
        const err = e as ScoreInputError;
        expect(err.issues).toHaveLength(1);
        expect(err.issues[0]?.item).toBe(item);
        expect(Object.is(err.issues[0]?.value, value)).toBe(true);
        expect(err.issues[0]?.message).toMatch(message);
        expect(err.message).toMatch(/^PHQ-9 \(phq9\): 1 invalid answer: item /);
      }
    });

    it("names every bad item at once", () => {
      const r = safeScore(phq9, [9, 0, 0, "x", 0, 0, 0, 0, 0]);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.item)).toEqual(["1", "4"]);
    });

    it.each([[[]], [[0, 0, 0]], [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]])(
      "rejects an array of the wrong length (%j)",
      (answers) => {
        expect(() => score(phq9, answers)).toThrow(/expected 9 to 10 answers in published item order/);
      },
    );

    it("rejects unknown item ids in record input", () => {
      expect(() => score(phq9, { "1": 0, q2: 1 } as never)).toThrow(/item q2: unknown item id "q2"/);
    });

    it.each([null, undefined, 7, "0,1,2", new Map([["1", 0]]), new Date()])("rejects %s as answers", (answers) => {
      expect(() => score(phq9, answers as never)).toThrow(/answers must be an array or a plain object/);
    });

    it("recognises answers coded 1–4 instead of 0–3", () => {
      const r = safeScore(phq9, [1, 2, 4, 4, 3, 2, 1, 4, 1]);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error.hint).toMatch(/one above the allowed range/);
        expect(r.error.issues.map((i) => i.item)).toEqual(["3", "4", "8"]);
      }
    });

    it("does not claim a coding slip when values are merely out of range", () => {
      const r = safeScore(phq9, [0, 0, 4, 0, 0, 0, 0, 0, 0]);
      expect(!r.success && r.error.hint).toBeNull();
    });

    it("rejects an unknown missing-data option and opt-in flag", () => {
      expect(() => score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0], { missing: "lenient" as never })).toThrow(
        /unknown missing-data option "lenient" \(options: "cms-mds"\)/,
      );
      expect(() => score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0], { flags: ["x"] as never })).toThrow(
        /unknown opt-in flag "x"/,
      );
    });
  });

  it("scores by id as by definition", () => {
    const answers = [1, 2, 1, 2, 0, 1, 3, 2, 0];
    expect(score("phq9", answers)).toEqual(score(phq9, answers));
  });
});
