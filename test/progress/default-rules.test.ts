// The default progression rules one by one: each just before and at its week, and just short of and at its
// threshold. Rules, thresholds and sources are in src/stratify/default-pathway.ts (docs/stratification.md).
import { describe, expect, it } from "vitest";
import { peg, progress, score, type HistoryEntry, type ProgressOptions, type ProgressResult } from "../../src/index.js";
import { at, day, gad, odiSum, pegOf, phq, sb } from "./helpers.js";

const run = (h: readonly HistoryEntry[], options?: ProgressOptions): ProgressResult => progress(h, options);
const fired = (p: ProgressResult): string[] => p.reasons.map((r) => r.rule);
/** At step `current` since the first day of the history. */
const atStep = (current: 1 | 2 | 3): ProgressOptions => ({ step: { current, since: day(0) } });

describe("phq9-not-improved-step-up (IMPACT 10–12 weeks; MHIP below 10 or 50 % lower)", () => {
  it("fires at 10 weeks (day 70), not at day 69", () => {
    const before = run([at(0, phq(16)), at(69, phq(14))], atStep(2));
    expect(fired(before)).not.toContain("phq9-not-improved-step-up");
    expect(before.action).toBe("review"); // the case review of weeks 8–10
    const p = run([at(0, phq(16)), at(70, phq(14))], atStep(2));
    expect(p.action).toBe("step-up");
    expect(p.step).toBe(3);
    const r = p.reasons.find((x) => x.rule === "phq9-not-improved-step-up");
    expect(r).toMatchObject({
      action: "step-up",
      effect: "step-up",
      step: 3,
      applied: true,
      blocked: null,
      designChoice: false,
    });
    expect(r?.source.key).toBe("unutzer2002");
    expect(r?.evidence.map((e) => [e.kind, e.observed, e.weeks])).toEqual([
      ["score", 16, 0],
      ["outcome", false, 10],
    ]);
  });
  it("does not fire once the latest is below 10 (10 fires, 9 does not)", () => {
    expect(run([at(0, phq(16)), at(70, phq(10))], atStep(1)).action).toBe("step-up");
    const p = run([at(0, phq(16)), at(70, phq(9))], atStep(1));
    expect(fired(p)).toEqual([]);
    expect(p.action).toBe("continue");
  });
  it("does not fire at 50 % lower (20 → 10 is improved; 20 → 11 is not)", () => {
    expect(fired(run([at(0, phq(20)), at(70, phq(11))], atStep(2)))).toContain("phq9-not-improved-step-up");
    expect(fired(run([at(0, phq(20)), at(70, phq(10))], atStep(2)))).not.toContain("phq9-not-improved-step-up");
  });
  it("needs a baseline of 10 or more at the start of the step (10 fires, 9 does not)", () => {
    expect(fired(run([at(0, phq(10)), at(70, phq(10))], atStep(1)))).toContain("phq9-not-improved-step-up");
    expect(fired(run([at(0, phq(9)), at(70, phq(9))], atStep(1)))).not.toContain("phq9-not-improved-step-up");
  });
  it("at step 3, the highest, asks for a review: the plan still changes, the step cannot", () => {
    const p = run([at(0, phq(16)), at(70, phq(14))], atStep(3));
    expect(fired(p)).toContain("phq9-not-improved-step-up");
    expect(p.reasons.find((r) => r.rule === "phq9-not-improved-step-up")).toMatchObject({
      action: "step-up",
      effect: "review",
    });
    expect(p.action).toBe("review");
    expect(p.step).toBe(3);
  });
  it("counts the weeks from options.step.since and compares with the last score on or before it", () => {
    // Stepped up on day 70 at 14; at day 130 (8.6 weeks at the new step) 13 is only the case review.
    const h = [at(0, phq(16)), at(70, phq(14)), at(130, phq(13))];
    const p = run(h, { step: { current: 3, since: day(70) } });
    expect(p.current).toMatchObject({ step: 3, from: "options", since: day(70) });
    expect(p.action).toBe("review");
    const e = p.reasons.find((r) => r.rule === "phq9-case-review")?.evidence;
    expect(e?.[0]).toMatchObject({ kind: "score", observed: 14, at: day(70) });
  });
});

describe("phq9-case-review (MHIP weeks 8–12, Bao 2016)", () => {
  it("fires from week 8 (day 56), not at day 55, until week 10", () => {
    expect(fired(run([at(0, phq(16)), at(55, phq(14))]))).not.toContain("phq9-case-review");
    const p = run([at(0, phq(16)), at(56, phq(14))]);
    expect(fired(p)).toContain("phq9-case-review");
    expect(p.action).toBe("review");
    expect(p.step).toBe(p.current.step);
    expect(fired(run([at(0, phq(16)), at(69, phq(14))]))).toContain("phq9-case-review");
    expect(fired(run([at(0, phq(16)), at(70, phq(14))]))).not.toContain("phq9-case-review");
  });
  it("does not fire when improved (16 → 9, or 20 → 10)", () => {
    expect(fired(run([at(0, phq(16)), at(60, phq(9))]))).not.toContain("phq9-case-review");
    expect(fired(run([at(0, phq(20)), at(60, phq(10))]))).not.toContain("phq9-case-review");
    expect(fired(run([at(0, phq(20)), at(60, phq(11))]))).toContain("phq9-case-review");
  });
});

describe("phq9-early-non-improvement (NG222 1.9.1; < 20 %)", () => {
  it("fires from week 4 (day 28), not at day 27, and never changes the step", () => {
    expect(fired(run([at(0, phq(15)), at(27, phq(14))]))).not.toContain("phq9-early-non-improvement");
    const p = run([at(0, phq(15)), at(28, phq(14))]);
    expect(fired(p)).toEqual(["phq9-early-non-improvement"]);
    expect(p.action).toBe("review");
    expect(p.step).toBe(p.current.step);
    expect(p.reasons[0]).toMatchObject({ designChoice: true, effect: "review" });
  });
  it("fires below 20 % better (15 → 13) and not at 20 % (15 → 12)", () => {
    expect(fired(run([at(0, phq(15)), at(35, phq(13))]))).toContain("phq9-early-non-improvement");
    expect(fired(run([at(0, phq(15)), at(35, phq(12))]))).not.toContain("phq9-early-non-improvement");
  });
  it("gives way to the case review at week 8 (day 55 early review, day 56 case review)", () => {
    expect(fired(run([at(0, phq(15)), at(55, phq(14))]))).toEqual(["phq9-early-non-improvement"]);
    expect(fired(run([at(0, phq(15)), at(56, phq(14))]))).toEqual(["phq9-case-review"]);
  });
});

describe("phq9-remission and phq9-sustained-remission-step-down (GermanIMPACT; DSM-5 two months)", () => {
  it("continues with a relapse-prevention reason below 5 from a baseline of 10 or more (4 yes, 5 no)", () => {
    const p = run([at(0, phq(12)), at(14, phq(4))]);
    expect(p.action).toBe("continue");
    expect(p.reasons.map((r) => [r.rule, r.effect])).toEqual([["phq9-remission", "continue"]]);
    expect(p.reasons[0]?.advice).toMatch(/relapse-prevention/);
    expect(p.instruments.phq9?.status).toBe("remission");
    expect(fired(run([at(0, phq(12)), at(14, phq(5))]))).toEqual([]);
  });
  it("steps down only after two assessments below 5 at least 8 weeks apart (day 83 no, day 84 yes)", () => {
    const base = [at(0, phq(15)), at(28, phq(4))];
    const before = run([...base, at(83, phq(3))], atStep(2));
    expect(before.action).toBe("continue");
    expect(fired(before)).toEqual(["phq9-remission"]);
    const p = run([...base, at(84, phq(3))], atStep(2));
    expect(p.action).toBe("step-down");
    expect(p.step).toBe(1);
    expect(p.reasons.find((r) => r.rule === "phq9-sustained-remission-step-down")).toMatchObject({
      step: 1,
      applied: true,
      designChoice: true,
    });
  });
  it("needs every assessment of the run below 5 (a 5 in between restarts it)", () => {
    const p = run([at(0, phq(15)), at(28, phq(4)), at(56, phq(5)), at(84, phq(3))], atStep(2));
    expect(p.action).toBe("continue");
  });
  it("never steps down while anything is urgent (the latest PHQ-9 item 9 answered 1)", () => {
    const p = run([at(0, phq(15)), at(28, phq(4)), at(84, phq(3, 1))], atStep(2));
    expect(p.urgent).toBe(true);
    expect(p.action).toBe("continue");
    expect(p.step).toBe(2);
    expect(p.reasons.find((r) => r.rule === "phq9-sustained-remission-step-down")).toMatchObject({
      effect: "continue",
      applied: true,
    });
    expect(p.reasons.find((r) => r.rule === "phq9-sustained-remission-step-down")?.blocked).toMatch(/urgent/);
  });
  it("never steps down below the step stratify gives over the latest results, nor while another rule asks for more", () => {
    const high = sb(0, 4); // STarT Back high: step 3 at intake
    const p = run([at(0, phq(15)), at(0, high), at(28, phq(4)), at(84, phq(3)), at(84, high)], atStep(3));
    expect(p.stratified.step).toBe(3);
    expect(p.action).not.toBe("step-down");
    expect(p.step).toBe(3);
    // Staying high is a reassessment that asks for a review, which outranks a step-down.
    expect(p.reasons.find((r) => r.rule === "phq9-sustained-remission-step-down")?.applied).toBe(false);
  });
  it("at step 1 there is no lower step: continue with the advice", () => {
    const p = run([at(0, phq(15)), at(28, phq(4)), at(84, phq(3))], atStep(1));
    expect(p.action).toBe("continue");
    expect(p.reasons[0]?.blocked).toMatch(/lowest/);
  });
});

describe("reliable-deterioration (Jacobson & Truax 1991)", () => {
  it("reviews a GAD-7 rise of 4 points (IAPT 4), not of 3", () => {
    expect(fired(run([at(0, gad(3)), at(14, gad(6))]))).toEqual([]);
    const p = run([at(0, gad(3)), at(14, gad(7))]);
    expect(p.reasons.map((r) => [r.rule, r.effect])).toEqual([["reliable-deterioration", "review"]]);
    expect(p.reasons[0]?.evidence[0]).toMatchObject({ instrument: "gad7", observed: 4, threshold: 4, holds: true });
    expect(p.instruments.gad7?.status).toBe("reliable-deterioration");
  });
  it("reviews a PHQ-9 rise of 7 points (6.93 by default), not of 6", () => {
    expect(fired(run([at(0, phq(3)), at(14, phq(9))]))).not.toContain("reliable-deterioration");
    expect(fired(run([at(0, phq(3)), at(14, phq(10))]))).toContain("reliable-deterioration");
  });
});

describe("pain-disability-not-improved-step-up (ESCAPE/SCAMP 12 weeks; IMMPACT 30 %)", () => {
  it("steps up to 3 at 12 weeks at step 2 (day 84), not at day 83", () => {
    expect(fired(run([at(0, odiSum(20)), at(83, odiSum(15))], atStep(2)))).not.toContain(
      "pain-disability-not-improved-step-up",
    );
    const p = run([at(0, odiSum(20)), at(84, odiSum(15))], atStep(2));
    expect(p.action).toBe("step-up");
    expect(p.step).toBe(3);
    expect(p.reasons[0]?.evidence.find((e) => e.instrument === "odi")).toMatchObject({
      kind: "improvement",
      observed: 25,
      threshold: 30,
      holds: false,
    });
  });
  it("does not fire at 30 % better (ODI 40 → 28) and fires at 25 % (40 → 30)", () => {
    expect(fired(run([at(0, odiSum(20)), at(90, odiSum(14))], atStep(2)))).toEqual([]);
    expect(fired(run([at(0, odiSum(20)), at(90, odiSum(15))], atStep(2)))).toEqual([
      "pain-disability-not-improved-step-up",
    ]);
  });
  it("does not fire when pain is 30 % better though disability is not", () => {
    // PEG 5 → 3.33 is 33 % better; 5 → 3.67 is 27 %.
    const h = [at(0, odiSum(20)), at(0, pegOf(5)), at(90, odiSum(19)), at(90, score(peg, [4, 3, 3]))];
    expect(fired(run(h, atStep(2)))).toEqual([]);
    const h2 = [at(0, odiSum(20)), at(0, pegOf(5)), at(90, odiSum(19)), at(90, score(peg, [4, 4, 3]))];
    expect(fired(run(h2, atStep(2)))).toEqual(["pain-disability-not-improved-step-up"]);
  });
  it("judges only measures reassessed at 12 weeks or later, and applies at step 2 only", () => {
    expect(fired(run([at(0, odiSum(20)), at(30, odiSum(19)), at(90, phq(3))], atStep(2)))).toEqual([]);
    expect(fired(run([at(0, odiSum(20)), at(90, odiSum(19))], atStep(1)))).toEqual([]);
  });
});

describe("startback-worse and startback-now-high (Beneciuk 2014)", () => {
  it("reviews low → medium; nothing for low → low", () => {
    expect(fired(run([at(0, sb(2, 0)), at(28, sb(2, 0))], atStep(1)))).toEqual([]);
    const p = run([at(0, sb(2, 0)), at(28, sb(1, 3))], atStep(2));
    expect(fired(p)).toEqual(["startback-worse"]);
    expect(p.action).toBe("review");
  });
  it("steps up to 3 when now high, including staying high; nothing for medium → medium", () => {
    expect(fired(run([at(0, sb(1, 3)), at(28, sb(1, 3))], atStep(2)))).toEqual([]);
    const p = run([at(0, sb(1, 3)), at(28, sb(0, 4))], atStep(2));
    expect(p.action).toBe("step-up");
    expect(p.step).toBe(3);
    expect(fired(p)).toEqual(["startback-worse", "startback-now-high", "restratified-higher"]);
    const stay = run([at(0, sb(0, 4)), at(28, sb(0, 4))], atStep(2));
    expect(fired(stay)).toContain("startback-now-high");
  });
  it("at step 3, staying high is a review", () => {
    const p = run([at(0, sb(0, 4)), at(28, sb(0, 4))], atStep(3));
    expect(fired(p)).toEqual(["startback-worse"]);
    expect(p.action).toBe("review");
  });
  it("needs a reassessment: one STarT Back is not a change", () => {
    expect(fired(run([at(0, sb(0, 4))], atStep(3)))).toEqual([]);
  });
});

describe("restratified-higher (stratify over the latest results)", () => {
  it("steps up to the step the latest results give when higher than the current one", () => {
    expect(run([at(0, phq(4)), at(14, phq(4))], atStep(1)).action).toBe("continue");
    const two = run([at(0, phq(4)), at(14, phq(10))], atStep(1));
    expect(two.reasons.map((r) => [r.rule, r.step])).toEqual([["restratified-higher", 2]]);
    expect(two.step).toBe(2);
    const three = run([at(0, phq(4)), at(14, phq(20))], atStep(1));
    expect(three.step).toBe(3);
  });
});

describe("nothing scored", () => {
  it("is not assessed, with no step", () => {
    const p = run([at(0, phq(0, null)), at(14, phq(0, null))]);
    expect(p.instruments.phq9?.status).toBe("not-scored");
    expect(p.action).toBe("not-assessed");
    expect(p.step).toBeNull();
    expect(p.current.step).toBeNull();
    expect(run([]).action).toBe("not-assessed");
  });
});
