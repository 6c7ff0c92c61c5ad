import { describe, expect, it } from "vitest";
import { ahchrsn, score, validateDefinition, type AnswersInput } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

const flags = (answers: AnswersInput<typeof ahchrsn>): string[] => score(ahchrsn, answers).flags.map((f) => f.id);

// Positive answers: NYS SHIN-NY HRSN IG (the CMS "underlined" answers) and PhenX 281401; safety score 11 or
// more (NYS IG; CMS 2017 "a value greater than 10"). Values are the library's codes (see the definition).
describe("AHC HRSN core questions", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(ahchrsn)).toEqual([]);
  });

  // Worked examples (instruments-2 §7, constructed).
  it("scores [1,0,0,1,0,0,1,2,3,2]: living situation and food needs, safety score 8", () => {
    const r = score(ahchrsn, [1, 0, 0, 1, 0, 0, 1, 2, 3, 2]);
    expect(r.score).toBeNull();
    expect(r.reason).toBe("AHC HRSN has no single total score; see its subscales");
    expect(r.subscales).toEqual({
      livingSituation: 1,
      food: 1,
      transportation: 0,
      utilities: 0,
      safetyScore: 8,
      safety: 0,
    });
    expect(r.flags.map((f) => f.id)).toEqual(["living-situation", "food-insecurity"]);
  });

  it("scores [0,0,0,0,0,2,3,3,3,2]: utilities already shut off and a safety score of 11", () => {
    const r = score(ahchrsn, [0, 0, 0, 0, 0, 2, 3, 3, 3, 2]);
    expect(r.subscales).toMatchObject({ utilities: 1, safetyScore: 11, safety: 1 });
    expect(r.flags.map((f) => f.id)).toEqual(["utilities", "interpersonal-safety"]);
  });

  it("raises nothing when every answer is the negative one", () => {
    const r = score(ahchrsn, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(r.subscales).toEqual({
      livingSituation: 0,
      food: 0,
      transportation: 0,
      utilities: 0,
      safetyScore: 4,
      safety: 0,
    });
    expect(r.flags).toEqual([]);
  });

  describe("each positive answer raises its domain", () => {
    const none = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const at = (i: number, v: number) => none.map((x, k) => (k === i ? v : x));
    it.each([
      [0, 1, "living-situation"],
      [0, 2, "living-situation"],
      [1, 1, "living-situation"],
      [1, 7, "living-situation"],
      [2, 1, "food-insecurity"],
      [2, 2, "food-insecurity"],
      [3, 1, "food-insecurity"],
      [3, 2, "food-insecurity"],
      [4, 1, "transportation"],
      [5, 1, "utilities"],
      [5, 2, "utilities"],
    ] as const)("item %i answered %i raises %s", (i, v, flag) => {
      expect(flags(at(i, v))).toEqual([flag]);
    });
  });

  it.each([
    [[2, 3, 3, 2], 10, []],
    [[2, 3, 3, 3], 11, ["interpersonal-safety"]],
    [[3, 3, 3, 3], 12, ["interpersonal-safety"]],
    [[5, 5, 5, 5], 20, ["interpersonal-safety"]],
  ] as const)("safety items %j sum to %i, raising %j (11 or more)", (safety, sum, raised) => {
    const r = score(ahchrsn, [0, 0, 0, 0, 0, 0, ...safety]);
    expect(r.subscales.safetyScore).toBe(sum);
    expect(r.subscales.safety).toBe(sum >= 11 ? 1 : 0);
    expect(r.flags.map((f) => f.id)).toEqual(raised);
  });

  it("takes record input by the printed item numbers", () => {
    const r = score(ahchrsn, { "1": 0, "2": 0, "3": 2, "4": 0, "5": 1, "6": 0, "7": 1, "8": 1, "9": 1, "10": 1 });
    expect(r.flags.map((f) => f.id)).toEqual(["food-insecurity", "transportation"]);
  });

  describe("missing data per domain", () => {
    it("gives a two-item domain as soon as one answered item is positive", () => {
      const r = score(ahchrsn, { "1": 2, "4": 1 });
      expect(r.subscales).toMatchObject({ livingSituation: 1, food: 1 });
      expect(r.flags.map((f) => f.id)).toEqual(["living-situation", "food-insecurity"]);
    });

    it("gives 0 only when both items are answered, null when one negative answer is all there is", () => {
      const r = score(ahchrsn, { "1": 0, "3": 0 });
      expect(r.subscales).toMatchObject({ livingSituation: null, food: null });
      expect(r.scales.livingSituation.missing).toEqual(["2"]);
      expect(r.scales.livingSituation.reason).toMatch(/item 2 is not answered/);
      expect(score(ahchrsn, { "1": 0, "2": 0, "3": 0, "4": 0 }).subscales).toMatchObject({
        livingSituation: 0,
        food: 0,
      });
    });

    it("needs the one item of the transportation and utilities domains", () => {
      const r = score(ahchrsn, { "1": 0 });
      expect(r.subscales).toMatchObject({ transportation: null, utilities: null });
      expect(r.flags).toEqual([]);
    });

    it("needs all four safety items, however high the answered ones", () => {
      const r = score(ahchrsn, [0, 0, 0, 0, 0, 0, 5, 5, 5, null]);
      expect(r.subscales).toMatchObject({ safetyScore: null, safety: null });
      expect(r.flags).toEqual([]);
      expect(r.scales.safetyScore.reason).toMatch(/all 4 items are required/);
    });
  });

  describe("invalid input is named", () => {
    it.each([
      [[3, 0, 0, 0, 0, 0, 1, 1, 1, 1], "1", 3, /3/],
      [[0, 8, 0, 0, 0, 0, 1, 1, 1, 1], "2", 8, /8/],
      [[0, 0, 0, 0, 2, 0, 1, 1, 1, 1], "5", 2, /2/],
      [[0, 0, 0, 0, 0, 3, 1, 1, 1, 1], "6", 3, /3/],
      [[0, 0, 0, 0, 0, 0, 0, 1, 1, 1], "7", 0, /0/],
      [[0, 0, 0, 0, 0, 0, 1, 1, 1, 6], "10", 6, /6/],
    ] as const)("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(ahchrsn, answers, item, value, message);
    });
  });

  it("carries the LOINC panel and the question and answer codes the NYS IG lists, and none on the count item", () => {
    expect(ahchrsn.loinc.panel).toBe("96777-8");
    expect(ahchrsn.items.map((it) => ("loinc" in it ? it.loinc : null))).toEqual([
      "71802-3",
      null,
      "88122-7",
      "88123-5",
      "93030-5",
      "96779-4",
      "95618-5",
      "95617-7",
      "95616-9",
      "95615-1",
    ]);
    const code = (item: number, value: number) =>
      (ahchrsn.items[item - 1]?.options as readonly { value: number; loinc?: string }[] | undefined)?.find(
        (o) => o.value === value,
      )?.loinc;
    expect([code(1, 0), code(1, 1), code(1, 2)]).toEqual(["LA31993-1", "LA31994-9", "LA31995-6"]);
    expect([code(3, 0), code(3, 1), code(3, 2)]).toEqual(["LA28398-8", "LA6729-3", "LA28397-0"]);
    expect([code(6, 0), code(6, 1), code(6, 2)]).toEqual(["LA32-8", "LA33-6", "LA32002-0"]);
    expect([1, 2, 3, 4, 5].map((v) => code(7, v))).toEqual([
      "LA6270-8",
      "LA10066-1",
      "LA10082-8",
      "LA16644-9",
      "LA6482-9",
    ]);
  });

  it("rejects a broken copy (a domain rule reading an item outside its domain's items)", () => {
    const [living, ...rest] = ahchrsn.subscales;
    const broken = { ...ahchrsn, subscales: [{ ...living, items: ["1"] }, ...rest] };
    expect(validateDefinition(broken).join("\n")).toMatch(/scale "livingSituation": rule 1 reads item "2"/);
  });
});
