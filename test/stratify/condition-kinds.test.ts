// A pathway condition's kind is told once from its fields, and every check and evaluation follows that
// kind. A field given as undefined is a field left out (as the schema and the kind rules read it), so it
// never sends a condition down another kind's path.
import { describe, expect, it } from "vitest";
import {
  defaultPathway,
  gad7,
  ompsq10,
  phq9,
  score,
  startback,
  stratify,
  validatePathway,
  type Pathway,
  type PathwayCondition,
  type ScoreResult,
} from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

const CONDITION_FIELDS = ["scale", "op", "value", "band", "flag", "item"] as const;

/** The condition with every condition field it does not use written out as undefined. */
function spelledOut(c: PathwayCondition): PathwayCondition {
  const out: Record<string, unknown> = { ...c };
  for (const f of CONDITION_FIELDS) if (!(f in out)) out[f] = undefined;
  return out as unknown as PathwayCondition;
}

/** The default pathway with every condition (step rules, domains, urgent rules, follow-ups) spelt out. */
function spelledOutPathway(): Pathway {
  const p = defaultPathway as Pathway;
  return {
    ...p,
    id: "spelt-out",
    domains: p.domains.map((d) => ({ ...d, elevatedWhen: d.elevatedWhen.map(spelledOut) })),
    stepRules: p.stepRules.map((r) => ("instrument" in r.when ? { ...r, when: spelledOut(r.when) } : r)),
    urgent: p.urgent.map((r) => ({ ...r, when: spelledOut(r.when) })),
    followUps: p.followUps.map((r) => ({ ...r, when: r.when.map(spelledOut) })),
  };
}

const total = (def: Parameters<typeof answersWithTotal>[0], n: number): ScoreResult =>
  score(def, answersWithTotal(def, n));

describe("pathway conditions with fields given as undefined", () => {
  const spelt = spelledOutPathway();

  it("validate as the same conditions without those fields", () => {
    expect(validatePathway(spelt)).toEqual([]);
  });

  it.each([
    ["severe depression with item 9 answered", [score(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 2])], 3, true],
    ["STarT Back high risk", [score(startback, [1, 1, 1, 1, 1, 1, 1, 1, 4])], 3, false],
    ["OMPSQ-10 high, GAD-7 severe", [total(ompsq10, 60), total(gad7, 18)], 3, false],
    ["nothing elevated", [total(phq9, 2), total(gad7, 1)], 1, false],
  ] as const)("give the same recommendation as the default pathway: %s", (_, results, step, urgent) => {
    const expected = stratify(results, defaultPathway);
    const actual = stratify(results, spelt);
    expect({ ...actual, pathway: null }).toEqual({ ...expected, pathway: null });
    expect(actual).toMatchObject({ step, urgent });
  });

  it("fire as their kind says: a score condition with an undefined item is read as a score", () => {
    const p: Pathway = {
      ...(defaultPathway as Pathway),
      id: "score-with-undefined-item",
      stepRules: [
        {
          id: "phq9-moderate",
          step: 3,
          label: "PHQ-9 moderate",
          source: "ng222",
          when: {
            instrument: "phq9",
            op: ">=",
            value: 10,
            item: undefined,
            source: "ng222",
          } as unknown as PathwayCondition,
        },
      ],
    };
    expect(validatePathway(p)).toEqual([]);
    const r = stratify([total(phq9, 12)], p);
    expect(r.step).toBe(3);
    expect(r.reasons.find((x) => x.rule === "phq9-moderate")?.evidence[0]).toMatchObject({
      kind: "score",
      observed: 12,
      threshold: 10,
    });
  });

  it("fire as their kind says: an item condition with an undefined flag is read as an item", () => {
    const p: Pathway = {
      ...(defaultPathway as Pathway),
      id: "item-with-undefined-flag",
      urgent: [
        {
          id: "phq9-item9-often",
          label: "PHQ-9 item 9 more than half the days",
          action: "Call the duty clinician now.",
          source: "focus2023",
          when: {
            instrument: "phq9",
            item: "9",
            op: ">=",
            value: 2,
            flag: undefined,
            source: "focus2023",
          } as unknown as PathwayCondition,
        },
      ],
    };
    expect(validatePathway(p)).toEqual([]);
    const r = stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 2])], p);
    expect(r.urgentActions.map((a) => a.rule)).toEqual(["phq9-item9-often"]);
    expect(r.urgentActions[0]?.evidence[0]).toMatchObject({ kind: "item", item: "9", observed: 2 });
  });
});

describe("step triggers with fields given as undefined", () => {
  it("read a condition trigger with an undefined domain (and elevatedDomains) as a condition", () => {
    const p = defaultPathway as Pathway;
    const spelt: Pathway = {
      ...p,
      id: "trigger-fields-spelt-out",
      stepRules: p.stepRules.map((r) =>
        "instrument" in r.when ? { ...r, when: { ...r.when, domain: undefined, elevatedDomains: undefined } } : r,
      ),
    };
    expect(validatePathway(spelt)).toEqual([]);
    const results = [score(startback, [1, 1, 1, 1, 1, 1, 1, 1, 4])];
    expect({ ...stratify(results, spelt), pathway: null }).toEqual({ ...stratify(results), pathway: null });
  });
});
