import { describe, expect, it } from "vitest";
import { gcpsr, score, validateDefinition } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

// Grade rule, in order (instruments-2 §1; Millisecond GCPS-R manual, "follows the algorithm outline in
// vonKorff et al (2020)"): item 1 ≤ 1 → 0; item 2 ≥ 2 → 3; items 3 + 4 + 5 ≥ 12 → 2; else 1.
describe("GCPS-R", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(gcpsr)).toEqual([]);
  });

  // Worked examples (instruments-2 §1, constructed from the rule).
  it.each([
    [[0, null, null, null, null], 0, "no-chronic-pain"],
    [[1, 3, 8, 9, 9], 0, "no-chronic-pain"],
    [[2, 2, 3, 2, 2], 3, "high-impact"],
    [[3, 1, 5, 4, 3], 2, "bothersome"],
    [[2, 0, 4, 4, 3], 1, "mild"],
  ] as const)("grades %j as %i (%s)", (answers, grade, band) => {
    const r = score(gcpsr, answers);
    expect(r.score).toBe(grade);
    expect(r.band?.id).toBe(band);
  });

  it("sums items 3–5 as intensityInterference", () => {
    expect(score(gcpsr, [3, 1, 5, 4, 3]).subscales).toEqual({ intensityInterference: 12 });
    expect(score(gcpsr, [0, 0, 10, 10, 10]).subscales).toEqual({ intensityInterference: 30 });
  });

  it("takes record input by the printed item numbers", () => {
    const r = score(gcpsr, { "1": 3, "2": 3 });
    expect(r.score).toBe(3);
    expect(r.band?.id).toBe("high-impact");
    expect(r.missing).toEqual(["3", "4", "5"]);
    expect(r.subscales.intensityInterference).toBeNull();
  });

  describe("every cut-off below, at and above", () => {
    // Item 1: 1 (some days) is no chronic pain; 2 (most days) is chronic pain.
    it.each([
      [[1, 0, 9, 9, 9], 0],
      [[2, 0, 9, 9, 9], 2],
      [[3, 0, 9, 9, 9], 2],
    ] as const)("item 1 of %j gives %i", (answers, grade) => {
      expect(score(gcpsr, answers).score).toBe(grade);
    });
    // Item 2: 1 (some days) is not high-impact; 2 (most days) is.
    it.each([
      [[2, 1, 0, 0, 0], 1],
      [[2, 2, 0, 0, 0], 3],
      [[2, 3, 0, 0, 0], 3],
    ] as const)("item 2 of %j gives %i", (answers, grade) => {
      expect(score(gcpsr, answers).score).toBe(grade);
    });
    // Sum of items 3–5: 11 mild, 12 bothersome, 13 bothersome.
    it.each([
      [[2, 1, 4, 4, 3], 1, "mild"],
      [[2, 1, 4, 4, 4], 2, "bothersome"],
      [[2, 1, 5, 4, 4], 2, "bothersome"],
    ] as const)("sum of %j gives %i (%s)", (answers, grade, band) => {
      const r = score(gcpsr, answers);
      expect(r.score).toBe(grade);
      expect(r.band?.id).toBe(band);
    });
  });

  describe("missing data follows the rules (item 1 required; item 2 if item 1 ≥ 2; items 3–5 if item 2 ≤ 1)", () => {
    it("needs item 1", () => {
      const r = score(gcpsr, [null, 0, 1, 1, 1]);
      expect(r.score).toBeNull();
      expect(r.method).toBe("insufficient");
      expect(r.reason).toMatch(/^GCPS-R chronic pain grade: cannot be decided, as item 1 is not answered/);
    });

    it("needs nothing else when item 1 is 0 or 1", () => {
      for (const first of [0, 1]) {
        const r = score(gcpsr, [first, null, null, null, null]);
        expect(r.score).toBe(0);
        expect(r.method).toBe("partial");
        expect(r.scales.grade.missing).toEqual(["2", "3", "4", "5"]);
      }
    });

    it("needs item 2 when item 1 is 2 or more", () => {
      const r = score(gcpsr, [2, null, 9, 9, 9]);
      expect(r.score).toBeNull();
      expect(r.scales.grade.missing).toEqual(["2"]);
    });

    it("needs no rating when item 2 is 2 or more", () => {
      expect(score(gcpsr, [3, 2, null, null, null]).score).toBe(3);
    });

    it.each([
      [[2, 1, null, 4, 4], ["3"]],
      [[2, 0, 4, null, 4], ["4"]],
      [[3, 1, 4, 4, null], ["5"]],
    ] as const)("needs every one of items 3–5 when item 2 is 1 or less: %j", (answers, missing) => {
      const r = score(gcpsr, answers);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.scales.grade.missing).toEqual(missing);
      expect(r.subscales.intensityInterference).toBeNull();
    });

    it("never prorates, even when the answered ratings alone reach 12", () => {
      expect(score(gcpsr, [2, 1, 10, 10, null]).score).toBeNull();
    });

    it("validates answers the rules do not reach", () => {
      expectOneInvalid(gcpsr, [0, null, 11, null, null], "3", 11, /11/);
    });
  });

  describe("invalid input is named", () => {
    it.each([
      [[4, 0, 0, 0, 0], "1", 4, /4/],
      [[2, -1, 0, 0, 0], "2", -1, /-1/],
      [[2, 1, 0, 0, 2.5], "5", 2.5, /2\.5/],
      [[2, 1, "3", 0, 0], "3", "3", /"3" is a string, not a number/],
    ] as const)("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(gcpsr, answers, item, value, message);
    });

    it("rejects six answers", () => {
      expect(() => score(gcpsr, [0, 0, 0, 0, 0, 0])).toThrow(/GCPS-R/);
    });
  });

  it("rejects a broken copy (bands beyond the grade's range)", () => {
    const broken = {
      ...gcpsr,
      score: { ...gcpsr.score, bands: [...gcpsr.score.bands, { id: "x", label: "x", min: 4, max: 4 }] },
    };
    expect(validateDefinition(broken).join("\n")).toMatch(/last band ends at 4/);
  });
});
