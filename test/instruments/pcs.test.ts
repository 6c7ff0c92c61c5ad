import { describe, expect, it } from "vitest";
import { pcs, score } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

// Subscale membership as printed in the PCS manual and the Rehabilitation Measures Database:
// rumination 8–11, magnification 6, 7, 13, helplessness 1–5 and 12. Written out here, not read from the definition.
const RUMINATION = ["8", "9", "10", "11"];
const MAGNIFICATION = ["6", "7", "13"];
const HELPLESSNESS = ["1", "2", "3", "4", "5", "12"];

const zeros = (): number[] => Array.from({ length: 13 }, () => 0);

describe("PCS", () => {
  // Worked example: checked by hand against the manual's scoring
  // (rumination 4+3+3+2, magnification 3+2+2, helplessness 2+3+2+1+2+1; total = sum of 13 items).
  it("scores the worked example as total 30 (clinical), rumination 12, magnification 7, helplessness 11", () => {
    const r = score(pcs, [2, 3, 2, 1, 2, 3, 2, 4, 3, 3, 2, 1, 2]);
    expect(r.score).toBe(30);
    expect(r.band).toEqual({ id: "clinical", label: "Clinically relevant catastrophizing (30 or more)" });
    expect(r.subscales).toEqual({ rumination: 12, magnification: 7, helplessness: 11 });
    expect(r.method).toBe("complete");
    expect(r.flags).toEqual([]);
    expect(r.instrument).toBe("pcs");
  });

  it("scores 0 and 52 at the ends of the range, subscales 0–16, 0–12, 0–24", () => {
    expect(score(pcs, zeros()).score).toBe(0);
    const top = score(
      pcs,
      Array.from({ length: 13 }, () => 4),
    );
    expect(top.score).toBe(52);
    expect(top.subscales).toEqual({ rumination: 16, magnification: 12, helplessness: 24 });
  });

  // Manual p. 6: a total of 30 (75th percentile) is clinically relevant; this library counts 30 itself as clinical.
  it.each([
    [0, "below-threshold"],
    [29, "below-threshold"],
    [30, "clinical"],
    [31, "clinical"],
    [52, "clinical"],
  ] as const)("puts a total of %i in band %s (Sullivan manual: 30 or more)", (total, band) => {
    const r = score(pcs, answersWithTotal(pcs, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it("records the source disagreement on the threshold in a note", () => {
    expect(pcs.notes.some((n) => n.includes("above 30") && n.includes("30 or above"))).toBe(true);
  });

  describe("subscale membership", () => {
    it.each(Array.from({ length: 13 }, (_, i) => String(i + 1)))("item %s moves only its own subscale", (item) => {
      const base = score(pcs, zeros());
      const answers = zeros();
      answers[Number(item) - 1] = 4;
      const r = score(pcs, answers);
      expect(r.score).toBe(4);
      expect(r.subscales.rumination).toBe(RUMINATION.includes(item) ? 4 : 0);
      expect(r.subscales.magnification).toBe(MAGNIFICATION.includes(item) ? 4 : 0);
      expect(r.subscales.helplessness).toBe(HELPLESSNESS.includes(item) ? 4 : 0);
      expect(base.subscales).toEqual({ rumination: 0, magnification: 0, helplessness: 0 });
    });

    it("puts every item in exactly one subscale", () => {
      expect([...RUMINATION, ...MAGNIFICATION, ...HELPLESSNESS].sort((a, b) => Number(a) - Number(b))).toEqual([
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
      ]);
    });
  });

  describe("missing answers (strict: no published rule)", () => {
    it("null the total and rumination when item 8 is missing, with the reason; the other subscales are scored", () => {
      const r = score(pcs, [2, 3, 2, 1, 2, 3, 2, null, 3, 3, 2, 1, 2]);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.reason).toBe("PCS total: 1 of 13 items not answered (8); all 13 items are required");
      expect(r.subscales).toEqual({ rumination: null, magnification: 7, helplessness: 11 });
      expect(r.scales.rumination.reason).toBe(
        "PCS rumination: 1 of 4 items not answered (8); all 4 items are required",
      );
      expect(r.scales.magnification.method).toBe("complete");
      expect(r.missing).toEqual(["8"]);
    });

    it("null magnification only (and the total) when item 13 is missing", () => {
      const r = score(pcs, {
        "1": 1,
        "2": 1,
        "3": 1,
        "4": 1,
        "5": 1,
        "6": 1,
        "7": 1,
        "8": 1,
        "9": 1,
        "10": 1,
        "11": 1,
        "12": 1,
      });
      expect(r.score).toBeNull();
      expect(r.subscales).toEqual({ rumination: 4, magnification: null, helplessness: 6 });
      expect(r.scales.magnification.missing).toEqual(["13"]);
    });
  });

  it("has no flags: the manual's percentile tables were not available", () => {
    expect("flags" in pcs).toBe(false);
  });

  it("ships no item wording (licensed through Mapi Research Trust)", () => {
    expect(pcs.licence.redistributeWording).toBe(false);
    expect(pcs.licence.rightsHolder).toMatch(/Mapi Research Trust/);
    expect(pcs.items.every((it) => !("text" in it))).toBe(true);
  });

  describe("invalid input", () => {
    it.each([
      [[0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0], "5", 5, /5 is out of range \(allowed: 0, 1, 2, 3, 4\)/],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1], "13", -1, /-1 is out of range/],
      [[0, "3", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "2", "3", /"3" is a string, not a number/],
      [[0, 0, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 0, 0], "7", 2.5, /2.5 is not a whole number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(pcs, answers, item, value, message);
    });

    it("rejects an array of the wrong length", () => {
      expect(() => score(pcs, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/expected 13 answers/);
    });
  });

  it("scores by id as by definition", () => {
    const answers = [2, 3, 2, 1, 2, 3, 2, 4, 3, 3, 2, 1, 2];
    expect(score("pcs", answers)).toEqual(score(pcs, answers));
  });
});
