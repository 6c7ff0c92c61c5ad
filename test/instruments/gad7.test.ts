import { describe, expect, it } from "vitest";
import { gad7, score } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

describe("GAD-7", () => {
  // Worked example: [2,2,1,1,0,3,1] → 10 → moderate (Spitzer 2006).
  it("scores [2,2,1,1,0,3,1] as 10, moderate", () => {
    const r = score(gad7, [2, 2, 1, 1, 0, 3, 1]);
    expect(r.score).toBe(10);
    expect(r.band).toEqual({ id: "moderate", label: "Moderate" });
  });

  // Spitzer 2006: cut-points 5, 10 and 15 for mild, moderate and severe.
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [6, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [11, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [16, "severe"],
    [21, "severe"],
  ] as const)("puts a total of %i in band %s (Spitzer 2006)", (total, band) => {
    const r = score(gad7, answersWithTotal(gad7, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it("records the difficulty item (8) without summing it", () => {
    const r = score(gad7, [1, 1, 1, 1, 1, 1, 1, 3]);
    expect(r.score).toBe(7);
    expect(r.answers["8"]).toBe(3);
  });

  it("carries the HL7 LOINC item codes, not the sequential ones some documents list", () => {
    expect(gad7.items.map((i) => ("loinc" in i ? i.loinc : null))).toEqual([
      "69725-0",
      "68509-9",
      "69733-4",
      "69734-2",
      "69735-9",
      "69689-8",
      "69736-7",
      null,
    ]);
  });

  it("requires all seven items", () => {
    const r = score(gad7, { "1": 3, "2": 3, "3": 3, "4": 3, "5": 3, "6": 3 });
    expect(r.score).toBeNull();
    expect(r.reason).toBe("GAD-7 total: 1 of 7 items not answered (7); all 7 items are required");
  });

  it("rejects an answer of 4 and names the item", () => {
    expect(() => score(gad7, [0, 0, 0, 0, 0, 4, 0])).toThrow(
      /GAD-7 \(gad7\): 1 invalid answer: item 6: 4 is out of range/,
    );
  });
});
