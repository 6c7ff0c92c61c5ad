import { describe, expect, it } from "vitest";
import { gad2, score } from "../../src/index.js";

describe("GAD-2", () => {
  // Worked example: [2,2] → 4 → positive (Kroenke 2007, cut-point 3).
  it("scores [2,2] as 4, a positive screen", () => {
    expect(score(gad2, [2, 2]).score).toBe(4);
    expect(score(gad2, [2, 2]).band?.id).toBe("positive");
  });

  it.each([
    [[1, 1], "negative"],
    [[2, 0], "negative"],
    [[2, 1], "positive"],
    [[3, 1], "positive"],
  ] as const)("classifies %j as %s (cut-point 3)", (answers, band) => {
    expect(score(gad2, answers).band?.id).toBe(band);
  });

  it("offers only the published screen bands", () => {
    expect(gad2.score.bands.map((b) => b.id)).toEqual(["negative", "positive"]);
  });

  it("uses the first two GAD-7 items", () => {
    expect(gad2.items.map((i) => i.loinc)).toEqual(["69725-0", "68509-9"]);
  });
});
