import { describe, expect, it } from "vitest";
import { pdi, score } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

describe("PDI", () => {
  // Worked example: [5,6,4,7,3,2,1] → 28 (Pollard 1984: the overall score is
  // the sum of the seven 0–10 ratings).
  it("scores the worked example [5,6,4,7,3,2,1] as 28", () => {
    const r = score(pdi, [5, 6, 4, 7, 3, 2, 1]);
    expect(r.score).toBe(28);
    expect(r.method).toBe("complete");
    expect(r.instrument).toBe("pdi");
  });

  // Pollard 1984: "range = 0 to 70".
  it("scores 0 and 70 at the ends of the range", () => {
    expect(score(pdi, [0, 0, 0, 0, 0, 0, 0]).score).toBe(0);
    expect(score(pdi, [10, 10, 10, 10, 10, 10, 10]).score).toBe(70);
  });

  it.each([1, 35, 69])("sums to %i", (total) => {
    expect(score(pdi, answersWithTotal(pdi, total)).score).toBe(total);
  });

  it("has no bands", () => {
    expect(score(pdi, [5, 6, 4, 7, 3, 2, 1]).band).toBeNull();
    expect("bands" in pdi.score).toBe(false);
  });

  it("requires every category (no published missing rule), with the reason", () => {
    const r = score(pdi, [5, 6, 4, 7, null, 2, 1]);
    expect(r.score).toBeNull();
    expect(r.method).toBe("insufficient");
    expect(r.reason).toBe("PDI total: 1 of 7 items not answered (5); all 7 items are required");
    expect(r.missing).toEqual(["5"]);
  });

  it("offers no alternative missing-data rule", () => {
    expect(() => score(pdi, [5, 6, 4, 7, null, 2, 1], { missing: "prorate" as never })).toThrow(
      /unknown missing-data option "prorate" \(options: none\)/,
    );
  });

  describe("invalid input", () => {
    it.each([
      [[5, 6, 4, 11, 3, 2, 1], "4", 11, /11 is out of range \(allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\)/],
      [[5, 6, 4, 7, 3, 2, -1], "7", -1, /-1 is out of range/],
      [[5, 6.5, 4, 7, 3, 2, 1], "2", 6.5, /6.5 is not a whole number/],
      [["5", 6, 4, 7, 3, 2, 1], "1", "5", /"5" is a string, not a number/],
    ])("rejects %j naming category %s", (answers, item, value, message) => {
      expectOneInvalid(pdi, answers, item, value, message);
    });
  });

  it("ships no category descriptions and states its licence", () => {
    expect(pdi.items.every((it) => !("text" in it))).toBe(true);
    expect(pdi.licence.redistributeWording).toBe(false);
    expect(pdi.licence.terms).toMatch(/No rights holder or terms/);
  });
});
