import { describe, expect, it } from "vitest";
import { score, validateDefinition, wpai } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

describe("WPAI", () => {
  // Worked examples (instruments-2 §10, constructed from the developer's formulas).
  it("scores [1, 4, 0, 36, 3, 5]: absenteeism 10, presenteeism 30, work productivity loss 37, activity 50", () => {
    const r = score(wpai, [1, 4, 0, 36, 3, 5]);
    expect(r.subscales).toEqual({
      absenteeism: 10,
      presenteeism: 30,
      workProductivityLoss: 37,
      activityImpairment: 50,
    });
    expect(r.score).toBeNull();
    expect(r.reason).toMatch(/WPAI/);
  });

  it("not employed (item 1 = 0): no work scales, activity impairment from item 6", () => {
    const r = score(wpai, [0, null, null, null, null, 6]);
    expect(r.subscales).toEqual({
      absenteeism: null,
      presenteeism: null,
      workProductivityLoss: null,
      activityImpairment: 60,
    });
    expect(r.scales.absenteeism.reason).toMatch(/not employed \(item 1 = 0\)/);
    expect(r.scales.absenteeism.missing).toEqual([]);
  });

  it("no hours worked but hours missed for health: absenteeism and work productivity loss 100, no presenteeism", () => {
    const r = score(wpai, [1, 8, 0, 0, null, 7]);
    expect(r.subscales).toEqual({
      absenteeism: 100,
      presenteeism: null,
      workProductivityLoss: 100,
      activityImpairment: 70,
    });
    expect(r.scales.presenteeism.reason).toMatch(/no hours worked \(item 4 = 0\)/);
  });

  it("never divides by zero: no hours missed for health and none worked leave the work scales without a score", () => {
    const r = score(wpai, [1, 0, 40, 0, null, 2]);
    expect(r.subscales.absenteeism).toBeNull();
    expect(r.subscales.workProductivityLoss).toBeNull();
    expect(r.subscales.presenteeism).toBeNull();
    expect(r.scales.absenteeism.reason).toMatch(/divide by zero/);
    expect(r.subscales.activityImpairment).toBe(20);
  });

  it("agrees with the published formula on every whole-hour split and every item 5 answer", () => {
    for (let q2 = 0; q2 <= 40; q2 += 3)
      for (let q4 = 1; q4 <= 60; q4 += 7)
        for (let q5 = 0; q5 <= 10; q5++) {
          const r = score(wpai, [1, q2, 5, q4, q5, 0]);
          const share = q2 / (q2 + q4);
          expect(r.subscales.absenteeism).toBeCloseTo(share * 100, 9);
          expect(r.subscales.presenteeism).toBeCloseTo((q5 / 10) * 100, 9);
          expect(r.subscales.workProductivityLoss).toBeCloseTo((share + (1 - share) * (q5 / 10)) * 100, 9);
        }
  });

  it("never goes above 100 when hours far apart in size round the share a hair over 1", () => {
    for (const answers of [
      [1, 1.03757000801334e-104, 0, 0, 0, 0],
      [1, 40, 0, 1e-300, 5, 0],
    ]) {
      const r = score(wpai, answers);
      expect(r.subscales.absenteeism).toBe(100);
      expect(r.subscales.workProductivityLoss).toBe(100);
    }
  });

  it("takes fractional hours and ignores hours missed for other reasons (item 3)", () => {
    expect(score(wpai, [1, 1.5, 0, 13.5, 0, 0]).subscales.absenteeism).toBe(10);
    expect(score(wpai, [1, 4, 100, 36, 3, 5]).subscales.workProductivityLoss).toBe(37);
  });

  it("takes record input keyed by the printed item numbers", () => {
    const r = score(wpai, { "1": 1, "2": 4, "3": 0, "4": 36, "5": 3, "6": 5 });
    expect(r.subscales.workProductivityLoss).toBe(37);
  });

  it("needs the items each formula uses, after the skip logic, and names what is missing", () => {
    const noQ1 = score(wpai, [null, 4, 0, 36, 3, 5]);
    expect(noQ1.subscales.absenteeism).toBeNull();
    expect(noQ1.scales.absenteeism.missing).toEqual(["1"]);
    expect(noQ1.subscales.activityImpairment).toBe(50);
    const noQ5 = score(wpai, [1, 4, 0, 36, null, 5]);
    expect(noQ5.subscales.absenteeism).toBe(10);
    expect(noQ5.subscales.presenteeism).toBeNull();
    expect(noQ5.scales.presenteeism.missing).toEqual(["5"]);
    expect(noQ5.subscales.workProductivityLoss).toBeNull();
    const noQ4 = score(wpai, [1, 4, 0, null, 3, 5]);
    expect(noQ4.scales.absenteeism.missing).toEqual(["4"]);
    expect(noQ4.scales.presenteeism.missing).toEqual(["4"]);
    const noQ6 = score(wpai, [1, 4, 0, 36, 3, null]);
    expect(noQ6.subscales.activityImpairment).toBeNull();
  });

  it.each([
    [0, 2, /2/],
    [1, 169, /169/],
    [3, -1, /-1/],
    [4, 11, /11/],
  ] as const)("rejects an answer at position %i (%s) and names the item", (i, value, message) => {
    const answers: number[] = [1, 4, 0, 36, 3, 5];
    answers[i] = value;
    expectOneInvalid(wpai, answers, String(i + 1), value, message);
  });

  it("is accepted by validateDefinition, and a broken copy is not", () => {
    expect(validateDefinition(wpai)).toEqual([]);
    expect(validateDefinition({ ...wpai, compute: undefined })).toContain(
      'scale "absenteeism": method "custom" needs the definition\'s compute function',
    );
  });
});
