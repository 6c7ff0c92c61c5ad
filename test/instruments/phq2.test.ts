import { describe, expect, it } from "vitest";
import { phq2, score } from "../../src/index.js";

describe("PHQ-2", () => {
  // Worked example: [2,1] → 3 → positive (Kroenke 2003, cut-point 3).
  it("scores [2,1] as 3, a positive screen", () => {
    const r = score(phq2, [2, 1]);
    expect(r.score).toBe(3);
    expect(r.band).toEqual({ id: "positive", label: "Positive screen" });
  });

  // Kroenke 2003: 3 or more is positive.
  it.each([
    [[0, 0], 0, "negative"],
    [[1, 1], 2, "negative"],
    [[2, 1], 3, "positive"],
    [[2, 2], 4, "positive"],
    [[3, 3], 6, "positive"],
  ] as const)("scores %j as %i, %s", (answers, total, band) => {
    const r = score(phq2, answers);
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  // Arroll 2010: a cut-point of 2 is more sensitive; offered as an opt-in flag, never the default band.
  it.each([
    [[1, 0], false],
    [[1, 1], true],
    [[2, 1], true],
  ] as const)("raises sensitive-cutoff for %j only when asked: %s", (answers, raised) => {
    expect(score(phq2, answers).flags).toEqual([]);
    const flags = score(phq2, answers, { flags: ["sensitive-cutoff"] }).flags.map((f) => f.id);
    expect(flags).toEqual(raised ? ["sensitive-cutoff"] : []);
  });

  it("gives no score when either item is missing", () => {
    expect(score(phq2, [3, null]).score).toBeNull();
    expect(score(phq2, { "2": 3 }).reason).toMatch(/1 of 2 items not answered \(1\)/);
  });
});
