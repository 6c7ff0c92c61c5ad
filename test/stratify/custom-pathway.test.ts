// Pathways of one's own: evaluated like the default, checked against the definitions, errors naming the rule.
import { describe, expect, it } from "vitest";
import {
  defaultPathway,
  fabq,
  isi,
  ompsq10,
  psqi,
  phq9,
  PathwayError,
  score,
  startback,
  stratify,
  validatePathway,
  validateDefinition,
  type InstrumentDefinition,
  type Pathway,
  type PathwayIssue,
} from "../../src/index.js";
import { examplePathway } from "../../scripts/care-docs.js";
import { answersWithTotal } from "../helpers/build.js";

const phq = (n: number) => score(phq9, answersWithTotal(phq9, n));

describe("a custom pathway", () => {
  it("is valid, and round-trips through JSON unchanged in behaviour", () => {
    expect(validatePathway(examplePathway)).toEqual([]);
    const json = JSON.parse(JSON.stringify(examplePathway)) as Pathway;
    for (const n of [0, 14, 15, 27]) expect(stratify([phq(n)], json)).toEqual(stratify([phq(n)], examplePathway));
  });

  it("uses its own steps, thresholds, labels and urgent rules", () => {
    expect(stratify([phq(14)], examplePathway)).toMatchObject({
      step: 1,
      stepLabel: "Physiotherapy",
      pathway: { id: "clinic-example", version: "1.0.0" },
    });
    const r = stratify([phq(15)], examplePathway);
    expect(r.step).toBe(2);
    expect(r.care).toBe("Physiotherapy with a referral to the pain psychology team.");
    expect(r.reasons.map((x) => [x.kind, x.rule])).toEqual([
      ["step", "depressed"],
      ["domain", "depression"],
    ]);
    expect(r.reasons[0]?.evidence[0]?.text).toBe("PHQ-9 total 15 ≥ 15");
    const harm = stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 2])], examplePathway);
    expect(harm.urgentActions[0]?.action).toBe("Same-day review by the duty clinician.");
    expect(harm.step).toBe(1);
  });

  it("lists the default pathway's instruments as not used when they are not in the custom one", () => {
    expect(stratify([score(startback, [1, 1, 1, 1, 1, 1, 1, 1, 4])], examplePathway).notUsed).toEqual([
      { index: 0, instrument: "startback", reason: 'the pathway "clinic-example" does not use STarT Back' },
    ]);
  });

  it("can adjust one threshold of the default (the guide's example)", () => {
    const mine: Pathway = {
      ...defaultPathway,
      id: "my-clinic",
      version: "1.0.0",
      stepRules: defaultPathway.stepRules.map((r) =>
        r.id === "ompsq10-high"
          ? {
              ...r,
              when: { instrument: "ompsq10", scale: "total", op: ">", value: 50, source: "linton2011" },
              note: "Linton 2011's cut-off of 50 read as above 50.",
            }
          : r,
      ),
    };
    const ompsq = (n: number) => score(ompsq10, answersWithTotal(ompsq10, n));
    expect(stratify([ompsq(50)]).step).toBe(3);
    expect(stratify([ompsq(50)], mine).step).toBe(1);
    expect(stratify([ompsq(51)], mine).step).toBe(3);
  });

  it("reads subscale bands, item answers and count ranges", () => {
    const p: Pathway = {
      ...examplePathway,
      domains: [
        ...examplePathway.domains,
        {
          id: "risk",
          label: "Risk",
          instruments: ["startback"],
          elevatedWhen: [{ instrument: "startback", scale: "total", band: "high", source: "clinic" }],
          target: { intervention: "x", source: "clinic" },
        },
      ],
      stepRules: [
        {
          id: "item-9",
          step: 2,
          label: "item 9 of 2 or more",
          when: { instrument: "phq9", item: "9", op: ">=", value: 2, source: "clinic" },
          source: "clinic",
        },
        { id: "two", step: 2, label: "both", when: { elevatedDomains: { min: 2, max: 2 } }, source: "clinic" },
      ],
    };
    expect(validatePathway(p)).toEqual([]);
    expect(stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1])], p).step).toBe(1);
    const r = stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 2])], p);
    expect(r.step).toBe(2);
    expect(r.reasons[1]?.evidence[0]).toMatchObject({
      kind: "item",
      item: "9",
      observed: 2,
      op: ">=",
      threshold: 2,
      text: "PHQ-9 item 9 = 2 (≥ 2)",
    });
    const both = stratify([phq(20), score(startback, [1, 1, 1, 1, 1, 1, 1, 1, 4])], p);
    expect(both.reasons.find((x) => x.rule === "two")?.domains).toEqual(["depression", "risk"]);
    // Item 9 unanswered: no PHQ-9 score, so nothing is assessed and there is no step (never "step 1" for nothing).
    expect(stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, null])], p).step).toBeNull();
  });

  it("says why an urgent rule on a score, an item or a scale-based flag could not be checked", () => {
    const p: Pathway = {
      ...examplePathway,
      domains: [
        ...examplePathway.domains,
        {
          id: "sleep",
          label: "Sleep",
          instruments: ["isi", "psqi"],
          elevatedWhen: [{ instrument: "isi", op: ">=", value: 15, source: "clinic" }],
          target: { intervention: "x", source: "clinic" },
        },
      ],
      urgent: [
        {
          id: "phq9-very-severe",
          label: "PHQ-9 of 25 or more",
          when: { instrument: "phq9", scale: "total", op: ">=", value: 25, source: "kroenke2001" },
          action: "Call.",
          source: "clinic",
        },
        {
          id: "isi-case",
          label: "ISI case",
          when: { instrument: "isi", flag: "case-finding-10", source: "clinic" },
          action: "Ask.",
          source: "clinic",
        },
        {
          id: "psqi-latency",
          label: "latency over 2 hours",
          when: { instrument: "psqi", item: "2", op: ">", value: 120, source: "clinic" },
          action: "Ask.",
          source: "clinic",
        },
      ],
    };
    expect(validatePathway(p)).toEqual([]);
    const noScore = stratify([score(phq9, [3, 3, 3, null, 3, 3, 3, 3, 0])], p);
    expect(noScore.urgentNotChecked.find((u) => u.rule === "phq9-very-severe")?.reason).toBe(
      "the PHQ-9 result has no score, so this was not checked",
    );
    expect(stratify([phq(3)], p).urgentNotChecked.some((u) => u.rule === "phq9-very-severe")).toBe(false);
    const isiNull = score(isi, [1, 1, 1, 1, 1, 1, null]);
    expect(stratify([isiNull], p).urgentNotChecked.find((u) => u.rule === "isi-case")?.reason).toBe(
      "the ISI result has no score, so this was not checked",
    );
    const psqiBlank = score(psqi, ["23:00", null, "07:00", 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const unchecked = stratify([psqiBlank], p).urgentNotChecked;
    expect(unchecked.find((u) => u.rule === "psqi-latency")?.reason).toBe(
      "PSQI item 2 was not answered, so this was not checked",
    );
    expect(
      stratify(
        [score(psqi, ["23:00", 150, "07:00", 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
        p,
      ).urgentActions.map((u) => u.rule),
    ).toEqual(["psqi-latency"]);
  });

  it("names instruments of custom definitions when their definitions are passed", () => {
    const pain = {
      id: "mypain",
      title: "My pain rating",
      shortTitle: "MyPain",
      version: "1.0.0",
      domain: "pain",
      description: "A 0–10 rating.",
      direction: "higher-is-worse",
      references: { local: { text: "Local form." } },
      licence: { rightsHolder: "The clinic", redistributeWording: true, terms: "Ours.", source: "local" },
      items: [
        { id: "1", label: "Pain", options: Array.from({ length: 11 }, (_, v) => ({ value: v, label: String(v) })) },
      ],
      score: {
        id: "total",
        label: "total",
        items: ["1"],
        method: "sum",
        range: [0, 10],
        missing: { kind: "strict", source: "local" },
        source: "local",
      },
    } as const satisfies InstrumentDefinition;
    expect(validateDefinition(pain)).toEqual([]);
    const p: Pathway = {
      ...examplePathway,
      domains: [
        {
          id: "pain",
          label: "Pain",
          instruments: ["mypain"],
          elevatedWhen: [{ instrument: "mypain", op: ">=", value: 7, source: "clinic" }],
          target: { intervention: "Pain review.", source: "clinic" },
        },
      ],
      stepRules: [{ id: "severe-pain", step: 2, label: "pain 7+", when: { domain: "pain" }, source: "clinic" }],
      urgent: [],
    };
    expect(validatePathway(p)[0]).toMatchObject({
      path: "domains.0.instruments.0",
      rule: "pain",
      message: 'unknown instrument "mypain"',
    });
    expect(() => stratify([], p)).toThrow(PathwayError);
    const options = { definitions: [pain] };
    expect(validatePathway(p, options)).toEqual([]);
    const r = stratify([score(pain, [8])], p, options);
    expect(r.step).toBe(2);
    expect(r.reasons[0]?.evidence[0]?.text).toBe("MyPain total 8 ≥ 7");
    expect(stratify([score(pain, [8])]).notUsed[0]?.reason).toBe('the pathway "stepscore-default" does not use mypain');
  });
});

/** A copy of the default pathway with one step rule replaced. */
function withRule(rule: unknown): unknown {
  return { ...defaultPathway, stepRules: [...defaultPathway.stepRules.slice(0, 2), rule] };
}

const ok = { id: "bad", step: 3, label: "bad", source: "kroenke2001" };

describe("an invalid pathway", () => {
  const cases: [string, unknown, Partial<PathwayIssue>][] = [
    [
      "an unknown instrument",
      withRule({ ...ok, when: { instrument: "phq10", op: ">=", value: 20, source: "kroenke2001" } }),
      { path: "stepRules.2.when.instrument", rule: "bad", message: 'unknown instrument "phq10"' },
    ],
    [
      "an unknown scale",
      withRule({ ...ok, when: { instrument: "phq9", scale: "sum", op: ">=", value: 20, source: "kroenke2001" } }),
      { path: "stepRules.2.when.scale", rule: "bad", message: 'PHQ-9 has no scale "sum" (scales: "total")' },
    ],
    [
      "no scale for an instrument without a total",
      withRule({ ...ok, when: { instrument: "fabq", op: ">", value: 14, source: "kroenke2001" } }),
      {
        path: "stepRules.2.when.scale",
        message: 'FABQ has no single total score; name a scale ("physicalActivity", "work")',
      },
    ],
    [
      "an unknown band",
      withRule({ ...ok, when: { instrument: "startback", band: "very-high", source: "keele" } }),
      {
        path: "stepRules.2.when.band",
        message: 'STarT Back total has no band "very-high" (bands: "low", "medium", "high")',
      },
    ],
    [
      "an unknown flag",
      withRule({ ...ok, when: { instrument: "phq9", flag: "suicide", source: "kroenke2001" } }),
      { path: "stepRules.2.when.flag", message: 'PHQ-9 has no flag "suicide" (flags: "self-harm")' },
    ],
    [
      "an unknown item",
      withRule({ ...ok, when: { instrument: "phq9", item: "11", op: ">=", value: 1, source: "kroenke2001" } }),
      { path: "stepRules.2.when.item", message: expect.stringMatching(/^PHQ-9 has no item "11"/) },
    ],
    [
      "a condition on a clock-time item",
      {
        ...defaultPathway,
        urgent: [
          {
            ...defaultPathway.urgent[0],
            when: { instrument: "psqi", item: "1", op: ">", value: 0, source: "focus2023" },
          },
        ],
      },
      {
        path: "urgent.0.when.item",
        rule: "phq9-self-harm",
        message: "PSQI item 1 is a clock time, which a condition cannot compare",
      },
    ],
    [
      "an item threshold out of range",
      withRule({ ...ok, when: { instrument: "phq9", item: "9", op: ">=", value: 4, source: "kroenke2001" } }),
      { path: "stepRules.2.when.value", message: "4 is outside the PHQ-9 item 9 range 0–3" },
    ],
    [
      "a score threshold out of range",
      withRule({ ...ok, when: { instrument: "odi", scale: "percent", op: ">", value: 400, source: "kroenke2001" } }),
      { path: "stepRules.2.when.value", message: "400 is outside the ODI percent range 0–100" },
    ],
    [
      "a bad operator",
      withRule({ ...ok, when: { instrument: "phq9", op: "=>", value: 20, source: "kroenke2001" } }),
      { path: "stepRules.2.when.op", rule: "bad" },
    ],
    [
      "a missing source on a rule",
      withRule({
        id: "bad",
        step: 3,
        label: "bad",
        when: { instrument: "phq9", op: ">=", value: 20, source: "kroenke2001" },
      }),
      { path: "stepRules.2.source", rule: "bad" },
    ],
    [
      "a missing source on a condition",
      withRule({ ...ok, when: { instrument: "phq9", op: ">=", value: 20 } }),
      { path: "stepRules.2.when.source", rule: "bad", message: "a condition needs a source" },
    ],
    [
      "a source not among the references",
      withRule({ ...ok, source: "nowhere", when: { domain: "sleep" } }),
      { path: "stepRules.2.source", rule: "bad", message: 'source "nowhere" is not among the references' },
    ],
    [
      "a design choice without a note",
      withRule({ ...ok, designChoice: true, when: { domain: "sleep" } }),
      { path: "stepRules.2.note", rule: "bad", message: "a design choice needs a note saying why" },
    ],
    [
      "a step that does not exist",
      withRule({ ...ok, step: 4, when: { domain: "sleep" } }),
      { path: "stepRules.2.step", rule: "bad", message: "step 4 is not among the pathway's steps" },
    ],
    [
      "an unknown domain",
      withRule({ ...ok, when: { domain: "mood" } }),
      { path: "stepRules.2.when.domain", message: 'unknown domain "mood"' },
    ],
    [
      "an unknown group",
      withRule({ ...ok, when: { elevatedDomains: { group: "social", min: 1 } } }),
      { path: "stepRules.2.when.elevatedDomains.group", message: 'no domain has the group "social"' },
    ],
    [
      "max below min",
      withRule({ ...ok, when: { elevatedDomains: { min: 3, max: 2 } } }),
      { path: "stepRules.2.when.elevatedDomains.max", message: "max is below min" },
    ],
    [
      "a trigger of two kinds",
      withRule({ ...ok, when: { domain: "sleep", instrument: "isi", op: ">=", value: 15, source: "bastien2001" } }),
      { path: "stepRules.2.when", message: expect.stringMatching(/^a trigger is exactly one of/) },
    ],
    [
      "a domain trigger with extra fields",
      withRule({ ...ok, when: { domain: "sleep", source: "bastien2001" } }),
      { path: "stepRules.2.when", message: "a domain trigger has only the field domain" },
    ],
    [
      "a count trigger with extra fields",
      withRule({ ...ok, when: { elevatedDomains: { min: 2 }, note: "x" } }),
      { path: "stepRules.2.when", message: "a count trigger has only the field elevatedDomains" },
    ],
    [
      "a condition of two kinds",
      withRule({ ...ok, when: { instrument: "startback", band: "high", op: ">=", value: 4, source: "keele" } }),
      { path: "stepRules.2.when", message: expect.stringMatching(/^a condition is exactly one of/) },
    ],
    [
      "a step rule on an instrument in no domain",
      withRule({ ...ok, when: { instrument: "pseq", op: "<", value: 20, source: "kroenke2001" } }),
      { path: "stepRules.2.when.instrument", message: '"pseq" is not among any domain\'s instruments' },
    ],
    [
      "a duplicate id",
      withRule({ ...ok, id: "startback-high", when: { domain: "sleep" } }),
      { path: "(pathway)", rule: "startback-high", message: 'the id "startback-high" is used twice' },
    ],
  ];

  it.each(cases)("reports %s, naming the rule and its path", (_, pathway, expected) => {
    const issues = validatePathway(pathway);
    expect(issues).toContainEqual(expect.objectContaining(expected));
    expect(() => stratify([], pathway as Pathway)).toThrow(PathwayError);
  });

  it("matches the validatePathway TSDoc example", () => {
    expect(
      validatePathway({
        ...defaultPathway,
        stepRules: [
          {
            id: "x",
            step: 3,
            label: "x",
            source: "hill2011",
            when: { instrument: "phq10", op: ">=", value: 20, source: "kroenke2001" },
          },
        ],
      }),
    ).toEqual([{ path: "stepRules.0.when.instrument", rule: "x", message: 'unknown instrument "phq10"' }]);
  });

  it("reports domain, follow-up, urgent and step problems with their paths", () => {
    const d = defaultPathway;
    const p = {
      ...d,
      steps: [d.steps[1], d.steps[0], d.steps[2]],
      domains: [
        {
          ...d.domains[0],
          instruments: ["phq9", "phq99"],
          elevatedWhen: [
            ...d.domains[0].elevatedWhen,
            { instrument: "gad7", op: ">=", value: 10, source: "spitzer2006" },
          ],
        },
        ...d.domains.slice(1),
      ],
      urgent: [{ ...d.urgent[0], when: { instrument: "phq9", flag: "harm", source: "focus2023" } }],
      followUps: [{ ...d.followUps[0], administer: ["phq90"], domain: "mood" }],
    };
    const issues = validatePathway(p);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "steps.1.step", rule: "1", message: "steps must be listed in increasing order, each once" },
        { path: "domains.0.instruments.1", rule: "depression", message: 'unknown instrument "phq99"' },
        {
          path: "domains.0.elevatedWhen.2.instrument",
          rule: "depression",
          message: '"gad7" is not among the domain\'s instruments',
        },
        {
          path: "urgent.0.when.flag",
          rule: "phq9-self-harm",
          message: 'PHQ-9 has no flag "harm" (flags: "self-harm")',
        },
        { path: "followUps.0.administer.0", rule: "phq2-positive", message: 'unknown instrument "phq90"' },
        { path: "followUps.0.domain", rule: "phq2-positive", message: 'unknown domain "mood"' },
      ]),
    );
  });

  it("reports schema problems with their path and the rule's id", () => {
    expect(validatePathway(42)).toEqual([{ path: "(pathway)", rule: null, message: expect.any(String) }]);
    const issues = validatePathway({
      ...defaultPathway,
      version: "one",
      domains: [{ ...defaultPathway.domains[0], id: "Depression!" }],
    });
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ["version", null],
      ["domains.0.id", "Depression!"],
    ]);
    expect(
      validatePathway({ ...defaultPathway, steps: [{ step: 0, label: "x", care: "x", source: "ng59" }] })[0],
    ).toMatchObject({ path: "steps.0.step", rule: "0" });
    expect(validatePathway({ ...defaultPathway, extra: 1 })[0]?.path).toBe("(pathway)");
  });

  it("throws a PathwayError whose message lists every problem", () => {
    try {
      stratify(
        [],
        withRule({ ...ok, when: { instrument: "phq10", op: ">=", value: 20, source: "kroenke2001" } }) as Pathway,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PathwayError);
      const err = e as PathwayError;
      expect(err.pathway).toBe("stepscore-default");
      expect(err.message).toBe(
        'invalid pathway "stepscore-default": stepRules.2.when.instrument (rule "bad"): unknown instrument "phq10"',
      );
    }
    try {
      stratify([], { nonsense: true } as never);
      expect.unreachable();
    } catch (e) {
      expect((e as PathwayError).pathway).toBeNull();
    }
  });

  it("accepts a condition on any of the FABQ's subscales", () => {
    expect(fabq.subscales.map((s) => s.id)).toEqual(["physicalActivity", "work"]);
    expect(
      validatePathway(
        withRule({ ...ok, when: { instrument: "fabq", scale: "work", op: ">", value: 34, source: "kroenke2001" } }),
      ),
    ).toEqual([]);
  });
});

describe("validation of a pathway reused across calls", () => {
  it("re-validates a pathway that was changed after a successful call", () => {
    const mine = structuredClone(defaultPathway) as unknown as Record<string, unknown>;
    const results = [score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 0])];
    expect(stratify(results, mine as never).step).toBe(1);
    (mine as { steps: unknown[] }).steps = [];
    expect(() => stratify(results, mine as never)).toThrow(PathwayError);
  });
});

describe("a pathway validated once", () => {
  it("the default pathway is frozen throughout, so no caller can change it for the others", () => {
    const frozen = (v: unknown): boolean =>
      typeof v !== "object" || v === null || (Object.isFrozen(v) && Object.values(v).every(frozen));
    expect(frozen(defaultPathway)).toBe(true);
    expect(() => {
      (defaultPathway.stepRules as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("an unfrozen pathway changed after it validated is validated again", () => {
    const p = structuredClone(defaultPathway) as unknown as { stepRules: { source: string }[] };
    expect(() => stratify([], p as unknown as Pathway)).not.toThrow();
    (p.stepRules[0] as { source: string }).source = "nowhere";
    expect(() => stratify([], p as unknown as Pathway)).toThrow(PathwayError);
  });
});
