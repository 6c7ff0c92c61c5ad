import { describe, expect, it } from "vitest";
import { fabq, safeScore, score } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import { expectOneInvalid } from "../helpers/errors.js";

// Subscales as printed in the APTA low back pain guideline (Delitto 2012, FABQ table) after Waddell 1993:
// physical activity = items 2–5, work = items 6, 7, 9, 10, 11, 12, 15; items 1, 8, 13, 14, 16 unscored.
const PHYSICAL_ACTIVITY = ["2", "3", "4", "5"];
const WORK = ["6", "7", "9", "10", "11", "12", "15"];
const UNSCORED = ["1", "8", "13", "14", "16"];

const zeros = (): number[] => Array.from({ length: 16 }, () => 0);

// Worked example: items 2–5 = [4,5,3,6] → 18; work items = [6,5,4,6,5,6,3] → 35.
// Unscored items are set to 0 here.
const EXAMPLE = [0, 4, 5, 3, 6, 6, 5, 0, 4, 6, 5, 6, 0, 0, 3, 0];

describe("FABQ", () => {
  it("scores the worked example as physical activity 18 and work 35, with no single total", () => {
    const r = score(fabq, EXAMPLE);
    expect(r.subscales).toEqual({ physicalActivity: 18, work: 35 });
    expect(r.score).toBeNull();
    expect(r.method).toBeNull();
    expect(r.band).toBeNull();
    expect(r.reason).toBe("FABQ has no single total score; see its subscales");
    expect(r.flags).toEqual([]);
  });

  it("scores 0 and the maxima 24 and 42", () => {
    expect(score(fabq, zeros()).subscales).toEqual({ physicalActivity: 0, work: 0 });
    expect(
      score(
        fabq,
        Array.from({ length: 16 }, () => 6),
      ).subscales,
    ).toEqual({ physicalActivity: 24, work: 42 });
  });

  describe("subscale membership", () => {
    it.each(Array.from({ length: 16 }, (_, i) => String(i + 1)))("item %s moves only its own subscale", (item) => {
      const answers = zeros();
      answers[Number(item) - 1] = 6;
      const r = score(fabq, answers);
      expect(r.subscales.physicalActivity).toBe(PHYSICAL_ACTIVITY.includes(item) ? 6 : 0);
      expect(r.subscales.work).toBe(WORK.includes(item) ? 6 : 0);
    });

    it("leaves exactly items 1, 8, 13, 14 and 16 out of both subscales", () => {
      const inScales = new Set([...PHYSICAL_ACTIVITY, ...WORK]);
      expect(fabq.items.map((i) => i.id).filter((id) => !inScales.has(id))).toEqual(UNSCORED);
    });
  });

  describe("unscored items (1, 8, 13, 14, 16)", () => {
    it("are recorded but never summed", () => {
      const high = [...EXAMPLE];
      for (const id of UNSCORED) high[Number(id) - 1] = 6;
      const r = score(fabq, high);
      expect(r.subscales).toEqual({ physicalActivity: 18, work: 35 });
      expect(r.answers["1"]).toBe(6);
      expect(r.answers["8"]).toBe(6);
      expect(r.answers["16"]).toBe(6);
    });

    it("may be left unanswered without affecting either subscale; they are reported missing", () => {
      const answers: (number | null)[] = [...EXAMPLE];
      for (const id of UNSCORED) answers[Number(id) - 1] = null;
      const r = score(fabq, answers);
      expect(r.subscales).toEqual({ physicalActivity: 18, work: 35 });
      expect(r.missing).toEqual(UNSCORED);
      expect(r.scales.work.method).toBe("complete");
    });

    it("are still validated", () => {
      const answers = [...EXAMPLE];
      answers[7] = 7;
      const r = safeScore(fabq, answers);
      expect(!r.success && r.error.issues.map((i) => i.item)).toEqual(["8"]);
    });
  });

  describe("missing answers (strict on scored items)", () => {
    it("null only the work subscale when item 15 is missing, with the reason", () => {
      const answers: (number | null)[] = [...EXAMPLE];
      answers[14] = null;
      const r = score(fabq, answers);
      expect(r.subscales).toEqual({ physicalActivity: 18, work: null });
      expect(r.scales.work.reason).toBe("FABQ work: 1 of 7 items not answered (15); all 7 items are required");
      expect(r.scales.physicalActivity.method).toBe("complete");
    });

    it("null only the physical-activity subscale when item 3 is missing", () => {
      const answers: (number | null)[] = [...EXAMPLE];
      answers[2] = null;
      const r = score(fabq, answers);
      expect(r.subscales).toEqual({ physicalActivity: null, work: 35 });
      expect(r.scales.physicalActivity.reason).toBe(
        "FABQ physical activity: 1 of 4 items not answered (3); all 4 items are required",
      );
    });
  });

  describe("opt-in cut-off flags (as published, >)", () => {
    it("are off by default, even far above every cut-off", () => {
      expect(
        score(
          fabq,
          Array.from({ length: 16 }, () => 6),
        ).flags,
      ).toEqual([]);
    });

    // Fritz & George 2002: FABQ-W greater than 34 (+LR 3.33).
    it.each([
      [34, false],
      [35, true],
      [42, true],
    ] as const)("work-above-34: work %i raised %s", (work, raised) => {
      const r = score(fabq, answersWithTotal(fabq, work, "work"), { flags: ["work-above-34"] });
      expect(r.subscales.work).toBe(work);
      expect(r.flags.map((f) => f.id)).toEqual(raised ? ["work-above-34"] : []);
    });

    // Delitto 2012 (APTA guideline), after Fritz, George & Delitto 2001: FABQ-W > 29.
    it.each([
      [29, false],
      [30, true],
      [31, true],
    ] as const)("work-above-29: work %i raised %s", (work, raised) => {
      const r = score(fabq, answersWithTotal(fabq, work, "work"), { flags: ["work-above-29"] });
      expect(r.subscales.work).toBe(work);
      expect(r.flags.map((f) => f.id)).toEqual(raised ? ["work-above-29"] : []);
    });

    // George, Fritz & Childs 2008: FABQ-PA > 14.
    it.each([
      [14, false],
      [15, true],
      [16, true],
    ] as const)("physical-activity-above-14: physical activity %i raised %s", (pa, raised) => {
      const r = score(fabq, answersWithTotal(fabq, pa, "physicalActivity"), { flags: ["physical-activity-above-14"] });
      expect(r.subscales.physicalActivity).toBe(pa);
      expect(r.flags.map((f) => f.id)).toEqual(raised ? ["physical-activity-above-14"] : []);
    });

    it("raise only the flags asked for", () => {
      const r = score(fabq, EXAMPLE, { flags: ["work-above-34", "physical-activity-above-14"] });
      expect(r.flags.map((f) => f.id)).toEqual(["work-above-34", "physical-activity-above-14"]);
      const all = score(fabq, EXAMPLE, { flags: ["work-above-34", "work-above-29", "physical-activity-above-14"] });
      expect(all.flags.map((f) => f.id)).toEqual(["work-above-34", "work-above-29", "physical-activity-above-14"]);
    });

    it("are not raised when their subscale has no score", () => {
      const answers: (number | null)[] = Array.from({ length: 16 }, () => 6);
      answers[5] = null;
      const r = score(fabq, answers, { flags: ["work-above-34", "physical-activity-above-14"] });
      expect(r.flags.map((f) => f.id)).toEqual(["physical-activity-above-14"]);
    });

    it("are all opt-in and written with >", () => {
      expect(fabq.flags.map((f) => [f.id, f.optIn, f.when.op, f.when.value])).toEqual([
        ["work-above-34", true, ">", 34],
        ["work-above-29", true, ">", 29],
        ["physical-activity-above-14", true, ">", 14],
      ]);
    });
  });

  describe("invalid input", () => {
    it.each([
      [[0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "2", 7, /7 is out of range \(allowed: 0, 1, 2, 3, 4, 5, 6\)/],
      [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0], "15", -1, /-1 is out of range/],
      [[0, 0, 0, 0, 0, "6", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "6", "6", /"6" is a string, not a number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(fabq, answers, item, value, message);
    });
  });

  it("scores by id as by definition", () => {
    expect(score("fabq", EXAMPLE)).toEqual(score(fabq, EXAMPLE));
  });
});
