import { describe, expect, it } from "vitest";
import { isi, safeScore, score, ScoreInputError } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

describe("ISI", () => {
  // Worked example: checked by hand against Bastien 2001 (sum of the 7 items):
  // 2 + 2 + 1 + 3 + 2 + 3 + 2 = 15, in 15–21 "clinical insomnia (moderate severity)".
  it("scores the worked example [2,2,1,3,2,3,2] as 15, moderate", () => {
    const r = score(isi, [2, 2, 1, 3, 2, 3, 2]);
    expect(r.score).toBe(15);
    expect(r.band).toEqual({ id: "moderate", label: "Clinical insomnia (moderate severity)" });
    expect(r.method).toBe("complete");
    expect(r.flags).toEqual([]);
    expect(r.instrument).toBe("isi");
  });

  it("scores 0 and 28 at the ends of the range", () => {
    expect(score(isi, [0, 0, 0, 0, 0, 0, 0]).score).toBe(0);
    expect(score(isi, [4, 4, 4, 4, 4, 4, 4]).score).toBe(28);
  });

  // Bastien 2001 and the form's scoring guidelines: 0–7 none, 8–14 subthreshold, 15–21 moderate, 22–28 severe.
  it.each([
    [0, "none"],
    [7, "none"],
    [8, "subthreshold"],
    [9, "subthreshold"],
    [14, "subthreshold"],
    [15, "moderate"],
    [16, "moderate"],
    [21, "moderate"],
    [22, "severe"],
    [23, "severe"],
    [28, "severe"],
  ] as const)("puts a total of %i in band %s (Bastien 2001)", (total, band) => {
    const r = score(isi, answersWithTotal(isi, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  describe("the opt-in community case-finding flag (total ≥ 10, Morin 2011)", () => {
    it.each([
      [9, false],
      [10, true],
      [11, true],
      [28, true],
    ] as const)("at a total of %i is raised: %s", (total, raised) => {
      const r = score(isi, answersWithTotal(isi, total), { flags: ["case-finding-10"] });
      expect(r.flags.map((f) => f.id)).toEqual(raised ? ["case-finding-10"] : []);
    });
    it("says what it is and where it comes from", () => {
      const r = score(isi, [1, 1, 1, 2, 1, 2, 2], { flags: ["case-finding-10"] });
      expect(r.score).toBe(10);
      expect(r.band?.id).toBe("subthreshold");
      expect(r.flags[0]?.message).toMatch(/Morin 2011.*86\.1 %.*87\.7 %/);
    });
    it("is never raised unless asked for, even at the top of the scale", () => {
      expect(score(isi, [4, 4, 4, 4, 4, 4, 4]).flags).toEqual([]);
    });
    it("is not raised when the total cannot be computed", () => {
      expect(score(isi, [4, 4, 4, 4, 4, 4, null], { flags: ["case-finding-10"] }).flags).toEqual([]);
    });
  });

  it("gives no total when an item is missing (no published missing rule), with the reason", () => {
    const r = score(isi, [2, 2, 1, null, 2, 3, 2]);
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.method).toBe("insufficient");
    expect(r.reason).toBe("ISI total: 1 of 7 items not answered (4); all 7 items are required");
    expect(r.missing).toEqual(["4"]);
  });

  describe("invalid input", () => {
    it.each([
      [[2, 2, 1, 5, 2, 3, 2], "4", 5, /5 is out of range \(allowed: 0, 1, 2, 3, 4\)/],
      [[2, 2, -1, 3, 2, 3, 2], "3", -1, /-1 is out of range/],
      [[2, 2, 1, 3, 2.5, 3, 2], "5", 2.5, /2.5 is not a whole number/],
      [[2, 2, 1, 3, 2, "3", 2], "6", "3", /"3" is a string, not a number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      const r = safeScore(isi, answers);
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error).toBeInstanceOf(ScoreInputError);
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]?.item).toBe(item);
      expect(r.error.issues[0]?.value).toBe(value);
      expect(r.error.issues[0]?.message).toMatch(message);
    });

    it("rejects an array of the wrong length", () => {
      expect(() => score(isi, [2, 2, 1, 3, 2, 3])).toThrow(/expected 7 answers in published item order/);
    });

    it("rejects an unknown opt-in flag", () => {
      expect(() => score(isi, [0, 0, 0, 0, 0, 0, 0], { flags: ["x"] as never })).toThrow(/unknown opt-in flag "x"/);
    });
  });

  it("scores by id as by definition", () => {
    expect(score("isi", [2, 2, 1, 3, 2, 3, 2])).toEqual(score(isi, [2, 2, 1, 3, 2, 3, 2]));
  });
});
