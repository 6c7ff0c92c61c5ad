import { describe, expect, it } from "vitest";
import { rand36, score, validateDefinition } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

const blank = (): (number | null)[] => Array.from({ length: 36 }, () => null);
/** Answers by printed item number. */
const answers = (given: Readonly<Record<number, number>>): (number | null)[] => {
  const a = blank();
  for (const [item, value] of Object.entries(given)) a[Number(item) - 1] = value;
  return a;
};

// RAND Table 1 (instruments-2 §9; rand.org as reproduced at chiro.org; the same in CamCOPS and awell-score),
// written out here rather than read from the definition.
const RECODE: Readonly<Record<string, readonly number[]>> = {};
const set = (items: readonly number[], values: readonly number[]): void => {
  for (const i of items) (RECODE as Record<string, readonly number[]>)[String(i)] = values;
};
set([1, 2, 20, 22, 34, 36], [100, 75, 50, 25, 0]);
set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [0, 50, 100]);
set([13, 14, 15, 16, 17, 18, 19], [0, 100]);
set([21, 23, 26, 27, 30], [100, 80, 60, 40, 20, 0]);
set([24, 25, 28, 29, 31], [0, 20, 40, 60, 80, 100]);
set([32, 33, 35], [0, 25, 50, 75, 100]);

const SCALES = {
  physicalFunctioning: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  roleLimitationsPhysical: [13, 14, 15, 16],
  roleLimitationsEmotional: [17, 18, 19],
  energyFatigue: [23, 27, 29, 31],
  emotionalWellbeing: [24, 25, 26, 28, 30],
  socialFunctioning: [20, 32],
  pain: [21, 22],
  generalHealth: [1, 33, 34, 35, 36],
  healthChange: [2],
} as const;

describe("RAND-36", () => {
  it("scores the published worked example: energy/fatigue 46.67 with item 31 blank (chiro.org)", () => {
    const r = score(rand36, answers({ 23: 4, 27: 3, 29: 3 }));
    expect(r.subscales.energyFatigue).toBeCloseTo(140 / 3, 12);
    expect(r.scales.energyFatigue.method).toBe("partial");
    expect(r.scales.energyFatigue.missing).toEqual(["31"]);
  });

  it("scores items 3–12 all 3 as physical functioning 100, and item 2 = 3 as health change 50", () => {
    const r = score(rand36, answers({ 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3, 11: 3, 12: 3 }));
    expect(r.subscales.physicalFunctioning).toBe(100);
    expect(r.scales.physicalFunctioning.method).toBe("complete");
    expect(r.subscales.healthChange).toBe(50);
  });

  it("recodes every answer of every item by RAND's Table 1", () => {
    for (let item = 1; item <= 36; item++) {
      const recode = RECODE[String(item)] as readonly number[];
      const scale = Object.entries(SCALES).find(([, items]) => (items as readonly number[]).includes(item));
      expect(scale, `item ${String(item)} belongs to a scale`).toBeDefined();
      const id = (scale as [keyof typeof SCALES, readonly number[]])[0];
      recode.forEach((value, k) => {
        // Alone in its scale, the item's recode is the scale's mean.
        const alone = blank();
        alone[item - 1] = k + 1;
        expect(
          (score(rand36, alone).subscales as Readonly<Record<string, number | null>>)[id],
          `item ${String(item)} answer ${String(k + 1)}`,
        ).toBe(value);
      });
      expect(rand36.items[item - 1]?.options.length, `item ${String(item)} options`).toBe(recode.length);
    }
  });

  it("is the mean of the answered items of each scale; there is no total", () => {
    // Pain: 21 = 2 (80), 22 = 4 (25) → 52.5. General health: 1 = 2 (75), 33 = 5 (100), 34 = 1 (100) → 91.666….
    const r = score(rand36, answers({ 21: 2, 22: 4, 1: 2, 33: 5, 34: 1 }));
    expect(r.subscales.pain).toBe(52.5);
    expect(r.subscales.generalHealth).toBeCloseTo(275 / 3, 12);
    expect(r.score).toBeNull();
    expect(r.reason).toMatch(/RAND-36/);
  });

  it("gives a scale no score when none of its items is answered, and scores the others", () => {
    const r = score(rand36, answers({ 21: 1 }));
    expect(r.subscales.pain).toBe(100);
    expect(r.subscales.socialFunctioning).toBeNull();
    expect(r.scales.socialFunctioning.reason).toMatch(/at least 1 must be answered/);
    expect(r.subscales.healthChange).toBeNull();
  });

  it("takes record input keyed by the printed item numbers 1–36", () => {
    const r = score(rand36, { "20": 1, "32": 5 });
    expect(r.subscales.socialFunctioning).toBe(100);
    expect(rand36.items.map((it) => it.id)).toEqual(Array.from({ length: 36 }, (_, i) => String(i + 1)));
  });

  it.each([
    [0, 6, /6/], // item 1 has five answers, 1–5
    [2, 0, /0/], // item 3 is coded 1–3, not 0–2
    [12, 3, /3/], // item 13 is yes/no, 1–2
    [20, 7, /7/], // item 21 has six answers
  ] as const)("rejects an answer at position %i (%s) and names the item", (i, value, message) => {
    const a = blank();
    a[i] = value;
    expectOneInvalid(rand36, a, String(i + 1), value, message);
  });

  it("is accepted by validateDefinition, and a broken copy is not", () => {
    expect(validateDefinition(rand36)).toEqual([]);
    const [first, ...rest] = rand36.subscales;
    expect(validateDefinition({ ...rand36, subscales: [{ ...first, range: [0, 3] }, ...rest] })).toEqual([
      'scale "physicalFunctioning": range [0, 3] does not match its items, which give [0, 100]',
    ]);
  });
});
