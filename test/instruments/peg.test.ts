import { describe, expect, it } from "vitest";
import { peg, safeScore, score, ScoreInputError } from "../../src/index.js";

describe("PEG", () => {
  // Worked example: PEG = mean of the three items (Krebs 2009): (6+5+7)/3 = 6.
  it("scores the worked example [6,5,7] as 6, with no band", () => {
    const r = score(peg, [6, 5, 7]);
    expect(r.score).toBe(6);
    expect(r.band).toBeNull();
    expect(r.method).toBe("complete");
  });

  it("is an unrounded mean", () => {
    expect(score(peg, [1, 2, 2]).score).toBeCloseTo(5 / 3, 12);
    expect(score(peg, [4, 4, 5]).score).toBeCloseTo(13 / 3, 12);
    expect(score(peg, [0, 0, 0]).score).toBe(0);
    expect(score(peg, [10, 10, 10]).score).toBe(10);
  });

  it("weights the three items equally", () => {
    expect(score(peg, [9, 0, 0]).score).toBe(3);
    expect(score(peg, [0, 9, 0]).score).toBe(3);
    expect(score(peg, [0, 0, 9]).score).toBe(3);
  });

  it("ships no bands (calculator bands have no primary source)", () => {
    expect("bands" in peg.score).toBe(false);
    for (const answers of [
      [3, 4, 4],
      [4, 4, 4],
      [7, 7, 7],
    ])
      expect(score(peg, answers).band).toBeNull();
  });

  it("needs all three items", () => {
    const r = score(peg, [6, null, 7]);
    expect(r.score).toBeNull();
    expect(r.reason).toBe("PEG score: 1 of 3 items not answered (2); all 3 items are required");
  });

  it.each([
    [[11, 5, 7], "1", 11, /11 is out of range/],
    [[6, 5, -1], "3", -1, /-1 is out of range/],
    [[6, "5", 7], "2", "5", /"5" is a string, not a number/],
  ])("rejects %j naming item %s", (answers, item, value, message) => {
    const r = safeScore(peg, answers);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(ScoreInputError);
    expect(r.error.issues[0]?.item).toBe(item);
    expect(r.error.issues[0]?.value).toBe(value);
    expect(r.error.issues[0]?.message).toMatch(message);
  });

  it("ships no item wording (adapted from the BPI)", () => {
    expect(peg.licence.redistributeWording).toBe(false);
    expect(peg.items.every((it) => !("text" in it))).toBe(true);
  });
});
