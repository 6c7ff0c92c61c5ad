import { describe, expect, it } from "vitest";
import { safeScore, score, tsk17 } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

const all = (v: number): number[] => Array.from({ length: 17 }, () => v);

describe("TSK-17", () => {
  // Worked example: 13 non-reversed items at 3 give 39; items 4, 8, 12
  // and 16 answered 2 score 5 − 2 = 3 each (Vlaeyen 1995; awell-score), 12 in all: total 51, above 37.
  it("scores the worked example as 51, high", () => {
    const r = score(tsk17, [3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3]);
    expect(r.score).toBe(51);
    expect(r.band).toEqual({ id: "high", label: "High fear of movement (above 37)" });
    expect(r.method).toBe("complete");
  });

  it("scores 17 and 68 at the ends of the range (reversed items answered 4 and 1)", () => {
    expect(score(tsk17, [1, 1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1]).score).toBe(17);
    expect(score(tsk17, [4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4]).score).toBe(68);
  });

  describe("reverse keying of items 4, 8, 12, 16 (5 − answer)", () => {
    // Every other item at its lowest score: non-reversed answered 1, reversed 8, 12, 16 answered 4 (scoring 1).
    const floor = [1, 1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1];

    it("scores an answer of 4 on item 4 as 1 (total 17 = 16 × 1 + 1)", () => {
      const r = score(tsk17, floor);
      expect(r.answers["4"]).toBe(4);
      expect(r.score).toBe(17);
    });

    it("scores an answer of 1 on item 4 as 4 (total 20 = 16 × 1 + 4)", () => {
      const answers = [...floor];
      answers[3] = 1;
      expect(score(tsk17, answers).score).toBe(20);
    });

    it("scores all 1s as 29 (13 × 1 + 4 reversed items × 4)", () => {
      expect(score(tsk17, all(1)).score).toBe(29);
    });

    it.each([
      ["4", 3],
      ["8", 7],
      ["12", 11],
      ["16", 15],
    ] as const)("reverses item %s", (_, index) => {
      const low = all(2);
      low[index] = 1;
      const high = all(2);
      high[index] = 4;
      // Answering 4 on a reversed item lowers the total by 3 compared with answering 1.
      expect((score(tsk17, low).score as number) - (score(tsk17, high).score as number)).toBe(3);
    });

    it.each([
      ["1", 0],
      ["9", 8],
      ["14", 13],
      ["17", 16],
    ] as const)("does not reverse item %s", (_, index) => {
      const low = all(2);
      low[index] = 1;
      const high = all(2);
      high[index] = 4;
      expect((score(tsk17, high).score as number) - (score(tsk17, low).score as number)).toBe(3);
    });

    it("marks exactly items 4, 8, 12 and 16 as reversed", () => {
      expect(tsk17.items.filter((i) => "reversed" in i && i.reversed).map((i) => i.id)).toEqual(["4", "8", "12", "16"]);
    });
  });

  // Vlaeyen 1995 as cited: high fear when the total is above 37.
  it.each([
    [17, "low"],
    [36, "low"],
    [37, "low"],
    [38, "high"],
    [68, "high"],
  ] as const)("puts a total of %i in band %s (Vlaeyen 1995: > 37)", (total, band) => {
    const r = score(tsk17, answersWithTotal(tsk17, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it("records the > 37 vs ≥ 37 disagreement in a note", () => {
    expect(tsk17.notes.some((n) => n.includes("above 37") && n.includes("37 or more"))).toBe(true);
  });

  it("gives no total when an item is missing (strict), with the reason", () => {
    const answers: (number | null)[] = all(2);
    answers[11] = null;
    const r = score(tsk17, answers);
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.reason).toBe("TSK-17 total: 1 of 17 items not answered (12); all 17 items are required");
    expect(r.missing).toEqual(["12"]);
  });

  describe("invalid input", () => {
    it.each([
      [[1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "5", 0, /0 is out of range \(allowed: 1, 2, 3, 4\)/],
      [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5], "17", 5, /5 is out of range/],
      [[1, 1, 1, "4", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "4", "4", /"4" is a string, not a number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(tsk17, answers, item, value, message);
    });

    it("rejects answers coded 0–3 instead of 1–4, naming each 0", () => {
      const r = safeScore(tsk17, [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0]);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.item)).toEqual(["1", "5", "9", "13", "17"]);
    });
  });

  it("ships no item wording", () => {
    expect(tsk17.licence.redistributeWording).toBe(false);
    expect(tsk17.items.every((it) => !("text" in it))).toBe(true);
  });

  it("scores by id as by definition", () => {
    const answers = [3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3];
    expect(score("tsk17", answers)).toEqual(score(tsk17, answers));
  });
});
