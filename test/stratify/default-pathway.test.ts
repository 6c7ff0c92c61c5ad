// The default pathway, rule by rule: each fires at its threshold and not just below it. Thresholds and
// their sources are in src/stratify/default-pathway.ts and docs/stratification.md.
import { describe, expect, it } from "vitest";
import {
  defaultPathway,
  fabq,
  gad2,
  gad7,
  isi,
  ndi,
  odi,
  ompsq10,
  pcs,
  phq2,
  phq8,
  phq9,
  pseq,
  score,
  startback,
  stratify,
  tsk11,
  tsk17,
  validatePathway,
  type ScoreResult,
} from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

/** A result of a sum scale with the given total. */
const total = (def: Parameters<typeof answersWithTotal>[0], n: number, scale = "total"): ScoreResult =>
  score(def, answersWithTotal(def, n, scale));

/** ODI with ten sections summing to `sum` (index = sum × 2 %). */
const odiSum = (sum: number): ScoreResult => {
  const a = Array.from({ length: 10 }, (_, i) => Math.max(0, Math.min(5, sum - i * 5)));
  return score(odi, a);
};

/** STarT Back answers: items 1–4 (physical) and 5–9 (psychosocial; item 9 passed as 0–4). */
const sb = (physical: number, psychosocial: number): ScoreResult => {
  const items = [0, 1, 2, 3].map((i) => (i < physical ? 1 : 0));
  const psych = [0, 1, 2, 3].map((i) => (i < Math.min(psychosocial, 4) ? 1 : 0));
  return score(startback, [...items, ...psych, psychosocial >= 5 ? 3 : 0]);
};

const stepOf = (...results: ScoreResult[]): number | null => stratify(results).step;
const fired = (...results: ScoreResult[]): string[] => stratify(results).reasons.map((r) => r.rule);

describe("the default pathway", () => {
  it("is valid and names its id and version in every result", () => {
    expect(validatePathway(defaultPathway)).toEqual([]);
    expect(stratify([]).pathway).toEqual({ id: "stepscore-default", version: "1.1.0", title: defaultPathway.title });
  });

  it("recommends step 1 with its label and care when no rule fires", () => {
    const r = stratify([total(phq9, 4), total(gad7, 4)]);
    expect(r.step).toBe(1);
    expect(r.stepLabel).toBe("Advice, reassurance and self-management");
    expect(r.care).toMatch(/self-management/);
    expect(r.reasons).toEqual([]);
    expect(r.urgent).toBe(false);
  });

  // Hill 2011 / Keele calculator: total ≤ 3 low; ≥ 4 with psychosocial ≤ 3 medium; psychosocial ≥ 4 high.
  describe("STarT Back (hill2011)", () => {
    it.each([
      ["low (total 3)", sb(3, 0), "low", 1],
      ["medium (total 4, psychosocial 3)", sb(1, 3), "medium", 2],
      ["high (psychosocial 4)", sb(0, 4), "high", 3],
      ["high (psychosocial 5)", sb(4, 5), "high", 3],
    ] as const)("%s gives step %s", (_, r, band, step) => {
      expect(r.band?.id).toBe(band);
      expect(stepOf(r)).toBe(step);
    });
    it("names the rule, the band and the source", () => {
      const reason = stratify([sb(0, 4)]).reasons.find((x) => x.rule === "startback-high");
      expect(reason?.step).toBe(3);
      expect(reason?.source.key).toBe("hill2011");
      expect(reason?.designChoice).toBe(false);
      expect(reason?.evidence[0]).toMatchObject({
        instrument: "startback",
        kind: "band",
        observed: "high",
        threshold: "high",
      });
      expect(reason?.evidence[0]?.source.key).toBe("keele");
    });
  });

  // Linton 2011: cut-off 50. Nicholas 2020: those above it offered psychological care for their obstacles to return to
  // work (step 3), still a design choice (non-randomised, recent work injuries).
  it.each([
    [49, 1],
    [50, 3],
    [51, 3],
  ])("ÖMPSQ-10 of %i gives step %i", (n, step) => {
    expect(stepOf(total(ompsq10, n))).toBe(step);
  });
  it("marks the ÖMPSQ-10 rule as a design choice resting on the study that treats by its cut-off", () => {
    const reason = stratify([total(ompsq10, 50)]).reasons.find((x) => x.rule === "ompsq10-high");
    expect(reason?.designChoice).toBe(true);
    expect(reason?.source.key).toBe("nicholas2020");
    expect(reason?.source.doi).toBe("10.1007/s10926-019-09849-y");
    expect(reason?.note).toMatch(/prescribes no treatment.*nicholas2020/s);
    expect(reason?.evidence[0]?.text).toBe("ÖMPSQ-10 total 50 ≥ 50");
  });

  // Kroenke 2001: ≥ 10 moderate (elevated domain, step 2 alone). NICE NG222: ≥ 16 "more severe", whose
  // high-intensity treatment is step 3's care (the depression target's own text).
  describe.each([
    ["PHQ-9", phq9, "phq9-severe"],
    ["PHQ-8", phq8, "phq8-severe"],
  ] as const)("%s", (_, def, severe) => {
    it.each([
      [9, 1],
      [10, 2],
      [11, 2],
      [15, 2],
      [16, 3],
      [17, 3],
      [19, 3],
      [20, 3],
      [21, 3],
    ])("a total of %i gives step %i", (n, step) => {
      expect(stepOf(total(def, n))).toBe(step);
    });
    it("elevates depression from 10", () => {
      expect(stratify([total(def, 9)]).domains.find((d) => d.id === "depression")?.status).toBe("not-elevated");
      expect(stratify([total(def, 10)]).domains.find((d) => d.id === "depression")?.status).toBe("elevated");
    });
    it("fires the more-severe rule from 16 (NG222), as well as the one-domain rule", () => {
      expect(fired(total(def, 15))).toEqual(["psychosocial-one", "depression"]);
      expect(fired(total(def, 16))).toEqual([severe, "psychosocial-one", "depression"]);
      const reason = stratify([total(def, 16)]).reasons.find((r) => r.rule === severe);
      expect(reason?.source.key).toBe("ng222");
      expect(reason?.evidence[0]?.text).toMatch(/total 16 ≥ 16$/);
    });
    it("gives step 3 the high-intensity care the depression target names for 16 or more", () => {
      const r = stratify([total(def, 16)]);
      expect(r.targets.find((t) => t.domain === "depression")?.intervention).toMatch(
        /high-intensity .* \(PHQ-9 16 or more\)/,
      );
      expect(r.care).toMatch(
        /high-intensity psychological treatment where depression is more severe \(PHQ-9 16 or more\)/,
      );
    });
  });

  // Spitzer 2006: ≥ 10 moderate (elevated), ≥ 15 severe (step 3).
  it.each([
    [9, 1],
    [10, 2],
    [11, 2],
    [14, 2],
    [15, 3],
    [16, 3],
  ])("GAD-7 of %i gives step %i", (n, step) => {
    expect(stepOf(total(gad7, n))).toBe(step);
  });

  // Sullivan manual: ≥ 30 clinically relevant.
  it.each([
    [29, 1],
    [30, 2],
    [31, 2],
  ])("PCS of %i gives step %i", (n, step) => {
    expect(stepOf(total(pcs, n))).toBe(step);
  });

  // Vlaeyen 1995: > 37 high fear of movement.
  it.each([
    [36, 1],
    [37, 1],
    [38, 2],
  ])("TSK-17 of %i gives step %i", (n, step) => {
    expect(stepOf(total(tsk17, n))).toBe(step);
  });

  // George 2008: FABQ physical activity > 14 did not predict 6-month disability: a treatment target only. It adds
  // its target from 15 and never raises the step, alone or with another elevated domain.
  describe("FABQ physical activity above 14 (George 2008): a target, not a step", () => {
    it.each([
      [13, false],
      [14, false],
      [15, true],
      [16, true],
    ])("FABQ physical activity of %i: target %s, step 1", (n, target) => {
      const r = total(fabq, n, "physicalActivity");
      expect(r.subscales.physicalActivity).toBe(n);
      const s = stratify([r]);
      expect(s.step).toBe(1);
      expect(s.targets.some((t) => t.domain === "fear-avoidance-beliefs")).toBe(target);
      expect(s.domains.find((d) => d.id === "fear-avoidance-beliefs")?.status).toBe(
        target ? "elevated" : "not-elevated",
      );
    });
    it("does not count toward two elevated psychosocial domains (PHQ-9 10 with FABQ 15 stays at step 2)", () => {
      const r = stratify([total(phq9, 10), total(fabq, 15, "physicalActivity")]);
      expect(r.step).toBe(2);
      expect(r.reasons.some((x) => x.rule === "psychosocial-two-or-more")).toBe(false);
      expect(r.reasons.find((x) => x.rule === "psychosocial-one")?.domains).toEqual(["depression"]);
      expect(r.targets.map((t) => t.domain)).toEqual(["depression", "fear-avoidance-beliefs"]);
      expect(stepOf(total(phq9, 10), total(isi, 15))).toBe(3);
    });
    it("reports the FABQ condition as a design choice, with George 2008", () => {
      const e = stratify([total(fabq, 15, "physicalActivity")]).domains.find((d) => d.id === "fear-avoidance-beliefs")
        ?.elevatedBy[0];
      expect(e).toMatchObject({
        instrument: "fabq",
        kind: "score",
        scale: "physicalActivity",
        observed: 15,
        op: ">",
        threshold: 14,
        designChoice: true,
      });
      expect(e?.source.key).toBe("george2008");
      expect(e?.text).toBe("FABQ physicalActivity 15 > 14");
    });
    it("leaves fear of movement to the TSK-17: a FABQ does not assess it", () => {
      const r = stratify([total(fabq, 20, "physicalActivity")]);
      expect(r.domains.find((d) => d.id === "fear-of-movement")?.status).toBe("not-assessed");
      expect(r.missing.find((m) => m.domain === "fear-of-movement")).toMatchObject({
        couldRaiseStep: true,
        couldRaiseStepTo: 2,
      });
    });
  });

  // Bastien 2001: 15–21 clinical insomnia.
  it.each([
    [14, 1],
    [15, 2],
    [16, 2],
  ])("ISI of %i gives step %i", (n, step) => {
    expect(stepOf(total(isi, n))).toBe(step);
  });

  // Fairbank 1980: 41–60 % severe disability (> 40).
  it.each([
    [19, 38, 1],
    [20, 40, 1],
    [21, 42, 2],
  ])("ODI sum %i (%i %%) gives step %i", (sum, pct, step) => {
    const r = odiSum(sum);
    expect(r.score).toBe(pct);
    expect(stepOf(r)).toBe(step);
  });
  it("reads an unrounded ODI just above 40 % (nine sections) as above 40", () => {
    const r = score(odi, [5, 5, 5, 4, 0, 0, 0, 0, 0, null]); // 19 / 45 = 42.2 %
    expect(stepOf(r)).toBe(2);
    const r2 = score(odi, [5, 5, 5, 3, 0, 0, 0, 0, 0, null]); // 18 / 45 = 40 %
    expect(r2.score).toBe(40);
    expect(stepOf(r2)).toBe(1);
  });

  // Vernon: 25–34 severe, read as above 24 as the bands read a prorated score.
  it.each([
    [24, 1],
    [25, 2],
    [26, 2],
  ])("NDI of %i gives step %i", (n, step) => {
    expect(stepOf(total(ndi, n))).toBe(step);
  });
  it("counts a prorated NDI of 24.44 (banded severe) as severe disability, and 24 or 23.33 not", () => {
    const r = score(ndi, [5, 5, 5, 5, 2, 0, 0, null, 0, 0]); // 22 × 10 / 9
    expect(r.score).toBeCloseTo(24.444, 3);
    expect(r.band?.id).toBe("severe");
    expect(stepOf(r)).toBe(2);
    expect(stratify([r]).reasons.find((x) => x.rule === "disability-severe")?.evidence[0]?.text).toBe(
      "NDI total 24.44 > 24",
    );
    const below = score(ndi, [5, 5, 5, 5, 1, 0, 0, null, 0, 0]); // 21 × 10 / 9 = 23.33
    expect([below.band?.id, stepOf(below)]).toEqual(["moderate", 1]);
  });

  describe("counting psychosocial domains", () => {
    it("gives step 3 for two elevated domains and step 2 for one (PCS 30 with ISI 15 or 14)", () => {
      expect(stepOf(total(pcs, 30), total(isi, 15))).toBe(3);
      expect(stepOf(total(pcs, 30), total(isi, 14))).toBe(2);
      const r = stratify([total(pcs, 30), total(isi, 15)]);
      const reason = r.reasons.find((x) => x.rule === "psychosocial-two-or-more");
      expect(reason?.domains).toEqual(["catastrophizing", "sleep"]);
      expect(reason?.evidence.map((e) => e.text)).toEqual(["PCS total 30 ≥ 30", "ISI total 15 ≥ 15"]);
      expect(r.reasons.some((x) => x.rule === "psychosocial-one")).toBe(false);
    });
    it("counts fear of movement (TSK-17) once, and FABQ beliefs not at all (TSK-17 38 with FABQ 15 is step 2)", () => {
      const r = stratify([total(tsk17, 38), total(fabq, 15, "physicalActivity")]);
      expect(r.step).toBe(2);
      const fear = r.domains.find((d) => d.id === "fear-of-movement");
      expect(fear?.status).toBe("elevated");
      expect(fear?.assessedBy).toEqual(["tsk17"]);
      expect(fear?.elevatedBy).toHaveLength(1);
      expect(r.reasons.find((x) => x.rule === "psychosocial-one")?.domains).toEqual(["fear-of-movement"]);
    });
    it("counts depression once when both the PHQ-9 and the PHQ-8 are elevated", () => {
      expect(stepOf(total(phq9, 12), total(phq8, 12))).toBe(2);
    });
    it("does not count the risk or disability domains as psychosocial", () => {
      expect(stepOf(sb(1, 3), odiSum(21))).toBe(2);
    });
  });

  it("lists every elevated domain as a target with its intervention and source", () => {
    const r = stratify([total(pcs, 30), total(isi, 15), sb(1, 3), odiSum(21)]);
    expect(r.targets.map((t) => [t.domain, t.source.key, t.designChoice])).toEqual([
      ["catastrophizing", "nicholas2011", true],
      ["sleep", "qaseem2016", false],
      ["risk", "hill2011", false],
      ["disability", "ng59", false],
    ]);
    expect(r.targets.find((t) => t.domain === "sleep")?.intervention).toMatch(/CBT-I/);
  });
});

describe("the urgent overlay (PHQ-9 self-harm flag)", () => {
  const harm = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1]); // total 1, item 9 answered 1
  it.each([
    ["step 1", [harm], 1],
    ["step 2 (PCS 30)", [harm, total(pcs, 30)], 2],
    ["step 3 (STarT Back high)", [harm, sb(0, 4)], 3],
    ["step 3 (PHQ-9 of 27 with item 9)", [score(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 3])], 3],
  ] as const)("is urgent at %s and leaves the step as it is", (_, results, step) => {
    const r = stratify(results);
    expect(r.step).toBe(step);
    expect(r.urgent).toBe(true);
    expect(r.urgentActions).toHaveLength(1);
    expect(r.urgentActions[0]?.action).toMatch(/^Same-day suicide-risk assessment by a clinician/);
    expect(r.urgentActions[0]?.designChoice).toBe(true);
    expect(r.reasons[0]).toMatchObject({ kind: "urgent", rule: "phq9-self-harm", step: null });
  });
  it("gives the same step with and without the flag", () => {
    for (const others of [[], [total(pcs, 30)], [sb(0, 4)]]) {
      expect(stratify([harm, ...others]).step).toBe(
        stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]), ...others]).step,
      );
    }
  });
  it("is not turned into a risk level: the result has no risk field, only the action", () => {
    expect(Object.keys(stratify([harm]).urgentActions[0] ?? {})).toEqual([
      "rule",
      "label",
      "action",
      "evidence",
      "source",
      "designChoice",
      "note",
    ]);
  });
  it("reads the flag from a PHQ-9 without a score, which otherwise counts as not assessed", () => {
    const partial = score(phq9, { "1": 1, "9": 2 });
    expect(partial.score).toBeNull();
    const r = stratify([partial]);
    expect(r.urgent).toBe(true);
    expect(r.domains.find((d) => d.id === "depression")?.status).toBe("not-assessed");
    expect(r.notUsed).toEqual([
      {
        index: 0,
        instrument: "phq9",
        reason: expect.stringMatching(
          /^no score \(.*\): counted as not assessed; read only for the urgent check$/,
        ) as unknown,
      },
    ]);
  });
  it("says when it could not be checked: no PHQ-9, or item 9 unanswered", () => {
    expect(stratify([total(gad7, 3)]).urgentNotChecked).toEqual([
      {
        rule: "phq9-self-harm",
        label: defaultPathway.urgent[0].label,
        instrument: "phq9",
        reason: "no PHQ-9 result, so this was not checked",
      },
    ]);
    expect(stratify([total(phq8, 3)]).urgentNotChecked[0]?.reason).toBe("no PHQ-9 result, so this was not checked");
    expect(stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, null])]).urgentNotChecked[0]?.reason).toBe(
      "PHQ-9 item 9 was not answered, so this was not checked",
    );
    expect(stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0])]).urgentNotChecked).toEqual([]);
    expect(stratify([harm]).urgentNotChecked).toEqual([]);
  });
});

describe("screeners and follow-ups (Kroenke 2003, Kroenke 2007)", () => {
  it("turns a positive PHQ-2 into a follow-up, not an elevated domain", () => {
    const r = stratify([total(phq2, 3)]);
    expect(r.step).toBe(1);
    expect(r.domains.find((d) => d.id === "depression")?.status).toBe("screen-positive");
    expect(r.followUps).toMatchObject([{ rule: "phq2-positive", pending: true, administer: ["phq9"] }]);
    expect(r.followUps[0]?.recommend).toMatch(/^Administer the full PHQ-9/);
    expect(r.missing.find((m) => m.domain === "depression")).toMatchObject({
      status: "screen-positive",
      couldRaiseStep: true,
      couldRaiseStepTo: 3,
    });
  });
  it("treats a negative PHQ-2 (2) as assessed and not elevated", () => {
    const r = stratify([total(phq2, 2)]);
    expect(r.followUps).toEqual([]);
    expect(r.domains.find((d) => d.id === "depression")).toMatchObject({
      status: "not-elevated",
      assessedBy: ["phq2"],
    });
    expect(r.missing.some((m) => m.domain === "depression")).toBe(false);
  });
  it("honours the opt-in sensitive cut-off (PHQ-2 of 2, Arroll 2010) when the caller raised it", () => {
    const r = stratify([score(phq2, answersWithTotal(phq2, 2), { flags: ["sensitive-cutoff"] })]);
    expect(r.followUps[0]?.evidence.map((e) => e.source.key)).toEqual(["arroll2010"]);
  });
  it("completes the follow-up once the PHQ-9 is scored", () => {
    const r = stratify([total(phq2, 4), total(phq9, 7)]);
    expect(r.followUps).toMatchObject([{ rule: "phq2-positive", pending: false }]);
    expect(r.domains.find((d) => d.id === "depression")?.status).toBe("not-elevated");
  });
  it("keeps the domain elevated when a full measure says so, whatever the screen", () => {
    expect(stratify([total(phq2, 4), total(phq8, 12)]).domains.find((d) => d.id === "depression")?.status).toBe(
      "elevated",
    );
  });
  it("does the same for the GAD-2 and GAD-7", () => {
    expect(stratify([total(gad2, 3)]).domains.find((d) => d.id === "anxiety")?.status).toBe("screen-positive");
    expect(stratify([total(gad2, 2)]).domains.find((d) => d.id === "anxiety")?.status).toBe("not-elevated");
    expect(stratify([total(gad2, 3), total(gad7, 12)]).step).toBe(2);
  });
});

describe("missing domains", () => {
  it("with no results, gives no step (not assessed) and says which domains could raise it, and to what", () => {
    const r = stratify([]);
    expect(r.step).toBeNull();
    expect(r.stepLabel).toBe("Not assessed");
    expect(r.care).toMatch(/^No questionnaire the pathway uses has a score/);
    expect(r.missing.map((m) => [m.domain, m.couldRaiseStepTo])).toEqual([
      ["depression", 3],
      ["anxiety", 3],
      ["catastrophizing", 2],
      ["fear-of-movement", 2],
      ["fear-avoidance-beliefs", null],
      ["sleep", 2],
      ["risk", 3],
      ["disability", 2],
    ]);
    expect(r.missingCouldRaiseStepTo).toBe(3);
  });
  it("with no psychosocial domain assessed at step 2, says assessing them could raise it to 3", () => {
    const r = stratify([sb(1, 3)]);
    expect(r.step).toBe(2);
    expect(r.missing.filter((m) => m.couldRaiseStep).map((m) => m.domain)).toEqual(["depression", "anxiety"]);
    expect(r.missing.find((m) => m.domain === "sleep")).toMatchObject({
      couldRaiseStep: false,
      couldRaiseStepTo: null,
    });
    expect(r.missingCouldRaiseStepTo).toBe(3);
  });
  it("with one elevated domain, says any other psychosocial domain could raise the step to 3", () => {
    const r = stratify([total(pcs, 30)]);
    expect(r.missing.filter((m) => m.couldRaiseStepTo === 3).map((m) => m.domain)).toEqual([
      "depression",
      "anxiety",
      "fear-of-movement",
      "sleep",
      "risk",
    ]);
    expect(r.missing.find((m) => m.domain === "disability")?.couldRaiseStep).toBe(false);
  });
  it("at step 3, says nothing could raise it", () => {
    const r = stratify([sb(0, 4)]);
    expect(r.missing.every((m) => !m.couldRaiseStep)).toBe(true);
    expect(r.missingCouldRaiseStepTo).toBeNull();
  });
  it("lists nothing when every domain is assessed", () => {
    const r = stratify([
      total(phq9, 3),
      total(gad7, 3),
      total(pcs, 3),
      total(tsk17, 20),
      total(fabq, 3, "physicalActivity"),
      total(isi, 3),
      sb(0, 0),
      odiSum(3),
    ]);
    expect(r.missing).toEqual([]);
    expect(r.missingCouldRaiseStepTo).toBeNull();
    expect(r.domains.every((d) => d.status === "not-elevated")).toBe(true);
  });
});

describe("results the pathway does not use", () => {
  it("lists results of other instruments, and of instruments without the score the pathway reads", () => {
    const r = stratify([total(tsk11, 30), total(pseq, 20), score(pcs, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null])]);
    expect(r.notUsed.map((u) => [u.index, u.instrument])).toEqual([
      [0, "tsk11"],
      [1, "pseq"],
      [2, "pcs"],
    ]);
    expect(r.notUsed[0]?.reason).toBe('the pathway "stepscore-default" does not use TSK-11');
    expect(r.notUsed[2]?.reason).toMatch(/^no score \(.+\): counted as not assessed$/);
    expect(r.domains.find((d) => d.id === "catastrophizing")?.status).toBe("not-assessed");
  });
  it("does not count a FABQ without its physical-activity score as assessing fear-avoidance beliefs", () => {
    const workOnly = score(fabq, [null, null, null, null, null, 6, 5, 0, 4, 6, 5, 6, 0, 0, 3, 0]);
    expect(workOnly.subscales.physicalActivity).toBeNull();
    expect(stratify([workOnly]).domains.find((d) => d.id === "fear-avoidance-beliefs")?.status).toBe("not-assessed");
  });
  it("rejects input that is not an array of score results", () => {
    expect(() => stratify("phq9" as never)).toThrow(TypeError);
    expect(() => stratify([{ score: 3 }] as never)).toThrow(/results\[0\] is not a score result/);
  });
});

describe("the documented examples", () => {
  it("matches the stratify TSDoc example", () => {
    const r = stratify([
      score(startback, [1, 0, 1, 1, 0, 0, 0, 0, 3]),
      score(pcs, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]),
      score(phq9, [1, 1, 1, 1, 1, 0, 0, 0, 1]),
    ]);
    expect(r.step).toBe(2);
    expect(r.urgent).toBe(true);
    expect(r.targets.map((t) => t.domain)).toEqual(["catastrophizing", "risk"]);
    expect(r.missing.map((m) => m.domain)).toEqual([
      "anxiety",
      "fear-of-movement",
      "fear-avoidance-beliefs",
      "sleep",
      "disability",
    ]);
  });
  it("matches the defaultPathway TSDoc example", () => {
    expect(stratify([score(startback, [1, 0, 1, 1, 1, 0, 1, 1, 3])]).step).toBe(3);
    expect(defaultPathway.stepRules.map((r) => r.id).slice(0, 2)).toEqual(["startback-high", "ompsq10-high"]);
  });
});
