import { describe, expect, it } from "vitest";
import { compareScores, psfs, safeScore, score, toQuestionnaire, validateDefinition } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

describe("PSFS", () => {
  // Worked examples (instruments-2 §8; the form: "Total score = sum of the activity scores/number of activities").
  it("scores [3, 5, 7] as 5, the mean of three rated activities", () => {
    const r = score(psfs, [3, 5, 7]);
    expect(r.score).toBe(5);
    expect(r.band).toBeNull();
  });

  it("scores [2, null, 6] as 4: an activity not rated is not counted", () => {
    const r = score(psfs, [2, null, 6]);
    expect(r.score).toBe(4);
    expect(r.missing).toEqual(["2", "4", "5"]);
  });

  it("divides by the number of activities rated, not by five", () => {
    expect(score(psfs, [8]).score).toBe(8);
    expect(score(psfs, [10, 0]).score).toBe(5);
    expect(score(psfs, [1, 2, 3, 4, 5]).score).toBe(3);
    expect(score(psfs, [4, 4, 5]).score).toBeCloseTo(13 / 3, 12);
  });

  it("takes record input keyed '1'…'5', and any subset of the rows", () => {
    expect(score(psfs, { "1": 2, "3": 6 }).score).toBe(4);
    expect(score(psfs, { "5": 9 }).score).toBe(9);
    expect(score(psfs, { "1": 3, "2": 5, "3": 7, "4": null, "5": null }).score).toBe(5);
  });

  it("has no score when no activity is rated", () => {
    for (const answers of [[], [null, null, null], {}]) {
      const r = safeScore(psfs, answers);
      expect(r.success).toBe(true);
      if (!r.success) continue;
      expect(r.data.score).toBeNull();
      expect(r.data.reason).toBe(
        "PSFS mean activity score: 5 of 5 items not answered (1, 2, 3, 4, 5); at least 1 must be answered",
      );
    }
  });

  it("scores 0 and 10 at the ends of the range", () => {
    expect(score(psfs, [0, 0, 0]).score).toBe(0);
    expect(score(psfs, [10, 10, 10, 10, 10]).score).toBe(10);
  });

  describe("invalid input is named", () => {
    it.each([
      [[11], "1", 11, /11/],
      [[5, -1], "2", -1, /-1/],
      [[5, 5, 7.5], "3", 7.5, /7\.5/],
      [[5, 5, 5, "6"], "4", "6", /"6" is a string, not a number/],
    ] as const)("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(psfs, answers, item, value, message);
    });

    it("rejects a sixth activity and an activity named instead of rated", () => {
      expect(safeScore(psfs, [1, 2, 3, 4, 5, 6]).success).toBe(false);
      expect(safeScore(psfs, { "1": 4, "6": 5 }).success).toBe(false);
      expectOneInvalid(psfs, { "1": "Climbing stairs" }, "1", "Climbing stairs", /string, not a number/);
    });
  });

  describe("change (Abbott & Schmitt 2014; the form's MDC)", () => {
    it("is higher-is-better and counts 2.3 points as the MCID by default", () => {
      expect(psfs.direction).toBe("higher-is-better");
      const c = compareScores(score(psfs, [3, 3, 3]), score(psfs, [5, 6, 5]));
      expect(c.direction).toBe("improved");
      expect(c.mcid.available && c.mcid.threshold).toBe(2.3);
      expect(c.mcid.available && c.mcid.reached).toBe(true);
      const short = compareScores(score(psfs, [3, 3, 3]), score(psfs, [5, 5, 5]));
      expect(short.mcid.available && short.mcid.reached).toBe(false);
    });

    it("offers 1.3 (small) and 2.7 (large)", () => {
      const before = score(psfs, [3, 3, 3]);
      const after = score(psfs, [5, 5, 5]);
      expect(compareScores(before, after, { mcid: "abbott2014-small" }).mcid).toMatchObject({
        threshold: 1.3,
        reached: true,
      });
      expect(compareScores(before, after, { mcid: "abbott2014-large" }).mcid).toMatchObject({
        threshold: 2.7,
        reached: false,
      });
    });

    it("reaches each MCID just above it and not just below (means of whole ratings never land on 2.3, 1.3 or 2.7)", () => {
      const reached = (before: number[], after: number[], mcid?: "abbott2014-small" | "abbott2014-large"): boolean => {
        const c = compareScores(score(psfs, before), score(psfs, after), mcid === undefined ? {} : { mcid });
        return c.mcid.available && c.mcid.reached === true;
      };
      // 2.3 (default): a mean change of 2.25 (9 over four rows) is short, 2.33 (7 over three) reaches it.
      expect(reached([3, 3, 3, 3], [5, 5, 6, 5])).toBe(false);
      expect(reached([3, 3, 3], [5, 6, 5])).toBe(true);
      // 1.3 (small): 1.25 (5 over four) short, 1.33 (4 over three) reached.
      expect(reached([3, 3, 3, 3], [4, 4, 4, 5], "abbott2014-small")).toBe(false);
      expect(reached([3, 3, 3], [4, 4, 5], "abbott2014-small")).toBe(true);
      // 2.7 (large): 2.67 (8 over three) short, 2.75 (11 over four) reached.
      expect(reached([3, 3, 3], [6, 6, 5], "abbott2014-large")).toBe(false);
      expect(reached([3, 3, 3, 3], [6, 6, 6, 5], "abbott2014-large")).toBe(true);
    });

    it("treats the form's 2 points as a 90 % detectable change, not a 95 % one", () => {
      const c = compareScores(score(psfs, [3, 3, 3]), score(psfs, [5, 5, 5]));
      expect(c.reliableChange.available).toBe(true);
      if (!c.reliableChange.available) return;
      expect(c.reliableChange.threshold).toBeCloseTo((1.96 / 1.645) * 2, 1);
      expect(c.reliableChange.reliable).toBe(false);
    });
  });

  it("labels the rows generically: the activities are the patient's, and the script is not shipped", () => {
    expect(psfs.items.map((it) => it.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(psfs.licence.redistributeWording).toBe(false);
    expect(psfs.items.every((it) => !("text" in it) && it.optional)).toBe(true);
    const q = toQuestionnaire(psfs);
    expect(q.item?.filter((it) => !it.linkId.startsWith("score.")).map((it) => it.text)).toEqual(
      psfs.items.map((it) => it.label),
    );
    expect("loinc" in psfs).toBe(false);
  });

  it("is accepted by validateDefinition, and a broken copy is not", () => {
    expect(validateDefinition(psfs)).toEqual([]);
    const six = { kind: "min-answered", minAnswered: 6, source: "psfsForm" } as const;
    expect(validateDefinition({ ...psfs, score: { ...psfs.score, missing: six } })).toEqual([
      'scale "mean" missing rule: minAnswered 6 exceeds the 5 items',
    ]);
    expect(validateDefinition({ ...psfs, change: { total: psfs.change.mean } })).toEqual([
      "change.total: names a scale the definition does not have",
    ]);
  });
});
