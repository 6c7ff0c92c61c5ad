// The PHQ-9 self-harm overlay holds whatever pathway is passed: a pathway may add urgent rules, never remove it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultPathway,
  gad7,
  instruments,
  phq9,
  score,
  scoreRows,
  stratify,
  validateDefinition,
  type Condition,
  type InstrumentDefinition,
  type Pathway,
  type ScoreResult,
} from "../../src/index.js";
import { examplePathway } from "../../scripts/care-docs.js";

const harm = (item9: number): ScoreResult => score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, item9]);
const noUrgent: Pathway = { ...defaultPathway, id: "no-urgent", urgent: [] };
const narrowed: Pathway = {
  ...defaultPathway,
  id: "narrowed",
  urgent: [
    { ...defaultPathway.urgent[0], when: { instrument: "phq9", item: "9", op: ">=", value: 3, source: "focus2023" } },
  ],
};
// A pathway that reads no PHQ-9 at all: its domains and rules are about the GAD-7 only.
const anxietyOnly: Pathway = {
  ...examplePathway,
  id: "anxiety-only",
  domains: [
    {
      ...examplePathway.domains[0],
      id: "anxiety",
      instruments: ["gad7"],
      elevatedWhen: [{ instrument: "gad7", scale: "total", op: ">=", value: 10, source: "kroenke2001" }],
    },
  ],
  stepRules: [{ ...examplePathway.stepRules[0], when: { domain: "anxiety" } }],
  urgent: [],
};

describe("the self-harm overlay, whatever the pathway", () => {
  it.each([
    ["no urgent rules", noUrgent],
    ["a narrowed urgent rule (item 9 ≥ 3)", narrowed],
    ["a pathway that does not read the PHQ-9", anxietyOnly],
  ] as const)("is urgent with %s, and leaves the step alone", (_, pathway) => {
    for (const v of [1, 2]) {
      const r = stratify([harm(v)], pathway);
      expect(r.urgent).toBe(true);
      expect(r.urgentActions).toHaveLength(1);
      const a = r.urgentActions[0];
      expect(a).toMatchObject({
        rule: "safety-phq9-self-harm",
        label: defaultPathway.urgent[0].label,
        action: defaultPathway.urgent[0].action,
        designChoice: true,
      });
      // The source is the one the PHQ-9 definition cites for its item 9 flag.
      expect(a?.source).toEqual({ key: "item9", ...phq9.references.item9 });
      expect(a?.evidence).toEqual([
        expect.objectContaining({
          instrument: "phq9",
          kind: "flag",
          observed: "self-harm",
          text: "PHQ-9 flag self-harm",
        }),
      ]);
      expect(r.reasons[0]).toMatchObject({
        kind: "urgent",
        rule: "safety-phq9-self-harm",
        step: null,
        source: a?.source,
      });
      expect(r.step).toBe(stratify([harm(0)], pathway).step);
    }
    expect(stratify([harm(0)], pathway).urgent).toBe(false);
  });

  it("says nothing twice where the pathway's own rule on the flag fired", () => {
    const d = stratify([harm(1)]);
    expect(d.urgentActions.map((u) => u.rule)).toEqual(["phq9-self-harm"]);
    const own = stratify([harm(2)], examplePathway);
    expect(own.urgentActions.map((u) => [u.rule, u.action])).toEqual([
      ["self-harm", "Same-day review by the duty clinician."],
    ]);
  });

  it("adds its action where a narrowed rule did not fire, and only there", () => {
    expect(stratify([harm(3)], narrowed).urgentActions.map((u) => u.rule)).toEqual(["phq9-self-harm"]);
    expect(stratify([harm(1)], narrowed).urgentActions.map((u) => u.rule)).toEqual(["safety-phq9-self-harm"]);
  });

  it("reads item 9 from a result that lacks the flag (made by hand)", () => {
    const made: ScoreResult = { ...harm(0), answers: { ...harm(0).answers, "9": 2 } };
    const r = stratify([made], noUrgent);
    expect(r.urgent).toBe(true);
    expect(r.urgentActions[0]?.evidence[0]).toMatchObject({
      kind: "item",
      item: "9",
      observed: 2,
      op: ">=",
      threshold: 1,
      text: "PHQ-9 item 9 = 2 (≥ 1)",
    });
  });

  it("says when it could not be checked, once, and only when a PHQ-9 was given", () => {
    const unanswered = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, null]);
    expect(stratify([unanswered], noUrgent).urgentNotChecked).toEqual([
      {
        rule: "safety-phq9-self-harm",
        label: defaultPathway.urgent[0].label,
        instrument: "phq9",
        reason: "PHQ-9 item 9 was not answered, so this was not checked",
      },
    ]);
    expect(stratify([unanswered]).urgentNotChecked.map((u) => u.rule)).toEqual(["phq9-self-harm"]);
    expect(stratify([score(gad7, [0, 0, 0, 0, 0, 0, 0])], anxietyOnly).urgentNotChecked).toEqual([]);
    expect(stratify([harm(0)], noUrgent).urgentNotChecked).toEqual([]);
  });

  it("names the PHQ-9 as read for the urgent check in a pathway that does not use it", () => {
    expect(stratify([harm(1)], anxietyOnly).notUsed).toEqual([
      {
        index: 0,
        instrument: "phq9",
        reason: 'the pathway "anxiety-only" does not use PHQ-9; read only for the urgent check',
      },
    ]);
  });

  it("holds for any pathway urgent list and any item 9 answer (property)", () => {
    const rules = fc.subarray([
      ...defaultPathway.urgent,
      ...narrowed.urgent,
      ...examplePathway.urgent.map((u) => ({ ...u, source: "focus2023" })),
    ]);
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 3 }), (urgent, v) => {
        const ids = urgent.map((u, i) => ({ ...u, id: `rule-${String(i)}` }));
        expect(stratify([harm(v)], { ...defaultPathway, urgent: ids }).urgent).toBe(v >= 1);
      }),
    );
  });

  it("holds in batch scoring with a pathway of one's own", () => {
    const rows = [
      { phq9_1: 0, phq9_2: 0, phq9_3: 0, phq9_4: 0, phq9_5: 0, phq9_6: 0, phq9_7: 0, phq9_8: 0, phq9_9: 1 },
    ];
    const { rows: out, summary } = scoreRows(rows, { instruments: ["phq9"], stratify: { pathway: noUrgent } });
    expect(out[0]?.stratification?.urgent).toBe(true);
    expect(summary.stratification?.urgent).toBe(1);
  });
});

/** A three-item custom instrument whose item 3 answered 2 or more raises a flag; `urgent` as given. */
function moodDefinition(urgent: boolean, when: Condition = { item: "3", op: ">=", value: 2 }) {
  return {
    id: "mood3",
    title: "Three-item mood check",
    shortTitle: "Mood-3",
    version: "1.0.0",
    domain: "depression",
    description: "A local three-item check.",
    direction: "higher-is-worse",
    references: { local: { text: "Local protocol." } },
    licence: { rightsHolder: "The clinic", redistributeWording: true, terms: "Ours.", source: "local" },
    items: ["1", "2", "3"].map((id) => ({
      id,
      label: `Item ${id}`,
      options: [0, 1, 2, 3].map((v) => ({ value: v, label: String(v) })),
    })),
    score: {
      id: "total",
      label: "total",
      items: ["1", "2", "3"],
      method: "sum",
      range: [0, 9],
      missing: { kind: "strict", source: "local" },
      source: "local",
    },
    flags: [
      {
        id: "harm",
        label: "Thoughts of harm (item 3)",
        message: "Item 3 was answered 2 or more: see the clinic's safety procedure today.",
        when,
        source: "local",
        ...(urgent ? { urgent: true } : {}),
      },
    ],
  } satisfies InstrumentDefinition;
}

describe("the overlay for any definition that declares an urgent flag", () => {
  const urgentDef = moodDefinition(true);
  const plainDef = moodDefinition(false);
  const options = { definitions: [urgentDef] };

  it("validates the definitions", () => {
    expect(validateDefinition(urgentDef)).toEqual([]);
    expect(validateDefinition(plainDef)).toEqual([]);
  });

  it.each([
    ["the default pathway", defaultPathway],
    ["a pathway with urgent: []", noUrgent],
  ] as const)("makes stratify urgent under %s, worded and cited from the definition", (_, pathway) => {
    const r = stratify([score(urgentDef, [0, 0, 2])], pathway, options);
    expect(r.urgent).toBe(true);
    expect(r.urgentActions).toEqual([
      {
        rule: "safety-mood3-harm",
        label: "Mood-3: Thoughts of harm (item 3)",
        action: "Item 3 was answered 2 or more: see the clinic's safety procedure today.",
        evidence: [
          {
            instrument: "mood3",
            kind: "flag",
            scale: null,
            item: null,
            observed: "harm",
            op: null,
            threshold: "harm",
            text: "Mood-3 flag harm",
            source: { key: "local", text: "Local protocol." },
            designChoice: false,
            note: null,
          },
        ],
        source: { key: "local", text: "Local protocol." },
        designChoice: false,
        note: "Applied by stratify whatever the pathway: a pathway may add urgent rules, never remove this one.",
      },
    ]);
    expect(r.reasons[0]).toMatchObject({ kind: "urgent", rule: "safety-mood3-harm", step: null });
    expect(r.notUsed[0]?.reason).toMatch(/read only for the urgent check$/);
    expect(stratify([score(urgentDef, [3, 3, 1])], pathway, options).urgent).toBe(false);
  });

  it("is checked by validateDefinition: a boolean, and never on an opt-in flag", () => {
    const [flag] = urgentDef.flags;
    const optIn = { ...urgentDef, flags: [{ ...flag, optIn: true }] };
    expect(validateDefinition(optIn)).toEqual(['flag "harm": an urgent flag cannot be opt-in']);
    expect(validateDefinition({ ...urgentDef, flags: [{ ...flag, urgent: "yes" }] })).toEqual([
      expect.stringMatching(/^flags\.0\.urgent: /),
    ]);
  });

  it("reads the item from a result that lacks the flag, and says when the item was not answered", () => {
    const made: ScoreResult = { ...score(urgentDef, [0, 0, 0]), answers: { "1": 0, "2": 0, "3": 3 } };
    const r = stratify([made], noUrgent, options);
    expect(r.urgent).toBe(true);
    expect(r.urgentActions[0]?.evidence[0]?.text).toBe("Mood-3 item 3 = 3 (≥ 2)");
    const unanswered = score(urgentDef, [0, 0, null]);
    expect(stratify([unanswered], noUrgent, options).urgentNotChecked).toEqual([
      {
        rule: "safety-mood3-harm",
        label: "Mood-3: Thoughts of harm (item 3)",
        instrument: "mood3",
        reason: "Mood-3 item 3 was not answered, so this was not checked",
      },
    ]);
  });

  it("reads a scale condition by the scale's score", () => {
    const byScale = moodDefinition(true, { scale: "total", op: ">=", value: 8 });
    const opts = { definitions: [byScale] };
    const made: ScoreResult = { ...score(byScale, [3, 3, 3]), flags: [] };
    const r = stratify([made], noUrgent, opts);
    expect(r.urgentActions[0]?.evidence[0]).toMatchObject({ kind: "score", scale: "total", observed: 9 });
    expect(r.urgentActions[0]?.evidence[0]?.text).toBe("Mood-3 total 9 ≥ 8");
    expect(stratify([score(byScale, [3, 3, null])], noUrgent, opts).urgentNotChecked[0]?.reason).toBe(
      "the Mood-3 result has no score, so this was not checked",
    );
    expect(stratify([score(byScale, [3, 3, 1])], noUrgent, opts).urgent).toBe(false);
  });

  it("is not applied for a flag its definition does not declare urgent", () => {
    const r = stratify([score(plainDef, [0, 0, 3])], noUrgent, { definitions: [plainDef] });
    expect(score(plainDef, [0, 0, 3]).flags.map((f) => f.id)).toEqual(["harm"]);
    expect(r.urgent).toBe(false);
    expect(r.urgentActions).toEqual([]);
    expect(stratify([score(plainDef, [0, 0, null])], noUrgent, { definitions: [plainDef] }).urgentNotChecked).toEqual(
      [],
    );
  });

  it("keeps the bundled PHQ-9's overlay when a definition of its own is passed under the id", () => {
    // The PHQ-9 under its own id without flags, as a scoring-only form that kept none might be.
    const own = { ...phq9, flags: [] };
    const r = stratify([harm(1)], noUrgent, { definitions: [own] });
    expect(r.urgentActions.map((u) => u.rule)).toEqual(["safety-phq9-self-harm"]);
  });

  it("is declared on the PHQ-9's self-harm flag and on no other bundled flag", () => {
    const declared = Object.values(instruments).flatMap((d: InstrumentDefinition) =>
      (d.flags ?? []).filter((f) => f.urgent === true).map((f) => `${d.id}/${f.id}`),
    );
    expect(declared).toEqual(["phq9/self-harm"]);
  });
});
