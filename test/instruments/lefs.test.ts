import { describe, expect, it } from "vitest";
import { compareScores, lefs, score, validateDefinition } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

const all = (v: number): number[] => Array.from({ length: 20 }, () => v);

describe("LEFS", () => {
  // Worked examples (instruments-2 §11; Binkley 1999: the sum of twenty 0–4 items, 0–80).
  it("scores all items 3 as 60 and all items 4 as 80, with no band", () => {
    expect(score(lefs, all(3)).score).toBe(60);
    expect(score(lefs, all(4)).score).toBe(80);
    expect(score(lefs, all(0)).score).toBe(0);
    expect(score(lefs, all(3)).band).toBeNull();
  });

  it("sums the items as answered, none reversed", () => {
    for (let i = 0; i < 20; i++) {
      const answers = all(2);
      answers[i] = 4;
      expect(score(lefs, answers).score, `item ${String(i + 1)}`).toBe(42);
    }
    for (const total of [1, 9, 40, 79]) expect(score(lefs, answersWithTotal(lefs, total)).score).toBe(total);
  });

  it("takes record input keyed by the printed item numbers 1–20", () => {
    const record = Object.fromEntries(lefs.items.map((it, i) => [it.id, i % 5]));
    expect(score(lefs, record).score).toBe(4 * (0 + 1 + 2 + 3 + 4));
    expect(lefs.items.map((it) => it.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it("is higher-is-better: a rise is an improvement", () => {
    expect(lefs.direction).toBe("higher-is-better");
    const c = compareScores(score(lefs, answersWithTotal(lefs, 40)), score(lefs, answersWithTotal(lefs, 49)));
    expect(c.direction).toBe("improved");
    expect(c.improvement).toBe(9);
  });

  describe("change (Binkley 1999; Abbott & Schmitt 2014)", () => {
    it("counts 9 points as the MCID by default, and 8 as short of it", () => {
      const base = score(lefs, answersWithTotal(lefs, 40));
      const reached = compareScores(base, score(lefs, answersWithTotal(lefs, 49)));
      expect(reached.mcid.available && reached.mcid.threshold).toBe(9);
      expect(reached.mcid.available && reached.mcid.reached).toBe(true);
      const short = compareScores(base, score(lefs, answersWithTotal(lefs, 48)));
      expect(short.mcid.available && short.mcid.reached).toBe(false);
    });

    it("offers Abbott & Schmitt's 16 points for a large change", () => {
      const c = compareScores(score(lefs, answersWithTotal(lefs, 40)), score(lefs, answersWithTotal(lefs, 55)), {
        mcid: "abbott2014-large",
      });
      expect(c.mcid.available && c.mcid.threshold).toBe(16);
      expect(c.mcid.available && c.mcid.reached).toBe(false);
    });

    it("reaches each MCID at its threshold, not a point below (9 by default, 16 for a large change)", () => {
      const base = score(lefs, answersWithTotal(lefs, 40));
      const reached = (gain: number, mcid?: "abbott2014-large"): boolean => {
        const c = compareScores(
          base,
          score(lefs, answersWithTotal(lefs, 40 + gain)),
          mcid === undefined ? {} : { mcid },
        );
        return c.mcid.available && c.mcid.reached === true;
      };
      expect([8, 9, 10].map((g) => reached(g))).toEqual([false, true, true]);
      expect([15, 16, 17].map((g) => reached(g, "abbott2014-large"))).toEqual([false, true, true]);
    });

    it("derives the reliable change from ±5.3 points at 90 % confidence (SEM 3.22): about 8.9 points at 95 %", () => {
      const c = compareScores(score(lefs, answersWithTotal(lefs, 40)), score(lefs, answersWithTotal(lefs, 49)));
      expect(c.reliableChange.available).toBe(true);
      if (!c.reliableChange.available) return;
      expect(c.reliableChange.threshold).toBeCloseTo(1.96 * Math.SQRT2 * (5.3 / 1.645), 1);
      expect(c.reliableChange.reliable).toBe(true);
      const eight = compareScores(score(lefs, answersWithTotal(lefs, 40)), score(lefs, answersWithTotal(lefs, 48)));
      expect(eight.reliableChange.available && eight.reliableChange.reliable).toBe(false);
    });
  });

  it("requires every item (no published rule for unanswered items)", () => {
    const answers: (number | null)[] = all(4);
    answers[19] = null;
    const r = score(lefs, answers);
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(["20"]);
    expect(r.reason).toMatch(/LEFS total: 1 of 20 items not answered \(20\)/);
  });

  it.each([
    [0, 5, /5/],
    [6, -1, /-1/],
    [19, 2.5, /2\.5/],
  ] as const)("rejects an answer at position %i (%s) and names the item", (i, value, message) => {
    const answers: number[] = all(2);
    answers[i] = value;
    expectOneInvalid(lefs, answers, String(i + 1), value, message);
  });

  it("ships no wording, no bands and no LOINC code", () => {
    expect(lefs.licence.redistributeWording).toBe(false);
    expect(lefs.items.every((it) => !("text" in it))).toBe(true);
    expect("bands" in lefs.score).toBe(false);
    expect("loinc" in lefs).toBe(false);
    expect(lefs.items.every((it) => !("loinc" in it))).toBe(true);
  });

  it("is accepted by validateDefinition, and a broken copy is not", () => {
    expect(validateDefinition(lefs)).toEqual([]);
    expect(validateDefinition({ ...lefs, score: { ...lefs.score, range: [0, 79] } })).toEqual([
      'scale "total": range [0, 79] does not match its items, which give [0, 80]',
    ]);
  });
});
