import { describe, expect, it } from "vitest";
import { phq8, score } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

describe("PHQ-8", () => {
  // Worked example: summed by hand: 3+3+2+2+3+3+2+2 = 20.
  it("scores [3,3,2,2,3,3,2,2] as 20, severe", () => {
    const r = score(phq8, [3, 3, 2, 2, 3, 3, 2, 2]);
    expect(r.score).toBe(20);
    expect(r.band?.id).toBe("severe");
  });

  // Kroenke 2009: the PHQ-9 cut-points 5, 10, 15 and 20 apply to the PHQ-8; its range ends at 24.
  it.each([
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
    [24, "severe"],
  ] as const)("puts a total of %i in band %s (Kroenke 2009)", (total, band) => {
    expect(score(phq8, answersWithTotal(phq8, total)).band?.id).toBe(band);
  });

  it("has no item 9 and no self-harm flag", () => {
    expect(phq8.items.map((i) => i.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(() => score(phq8, [0, 0, 0, 0, 0, 0, 0, 0, 1])).toThrow(/expected 8 answers/);
    expect(() => score(phq8, { "9": 1 } as never)).toThrow(/unknown item id "9"/);
  });

  it("requires all eight items", () => {
    const r = score(phq8, [3, 3, 2, 2, 3, 3, 2, null]);
    expect(r.score).toBeNull();
    expect(r.reason).toBe("PHQ-8 total: 1 of 8 items not answered (8); all 8 items are required");
  });
});
