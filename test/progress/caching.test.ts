// A pathway is checked once per object, however many `progress` (and `stratify`) calls use it; and what is
// remembered never outlives a change: a pathway changed since (one not deeply frozen), or other definitions,
// are checked again.
import { describe, expect, it, vi } from "vitest";
import * as pathwayModule from "../../src/stratify/pathway.js";
import {
  defaultPathway,
  followUps,
  PathwayError,
  progress,
  score,
  stratify,
  type InstrumentDefinition,
  type Pathway,
} from "../../src/index.js";
import { at, gad, odiSum, pegOf, phq, sb } from "./helpers.js";

// The real check, counted.
vi.mock("../../src/stratify/pathway.js", async (importOriginal) => {
  const real = await importOriginal<typeof pathwayModule>();
  return { ...real, checkPathway: vi.fn(real.checkPathway) };
});
const checks = vi.mocked(pathwayModule.checkPathway);

// PHQ-9 15 → 14 ten weeks later: not improved, a step-up (the default pathway's example).
const history = [at(0, phq(15)), at(0, gad(12)), at(70, phq(14)), at(70, gad(11))];

/** The default pathway's content in objects of its own, none frozen. */
const own = (): Pathway => structuredClone<Pathway>(defaultPathway);

describe("progress checks a pathway once per object", () => {
  it("across calls, without definitions (each call makes its own empty list)", () => {
    const p = own();
    checks.mockClear();
    const first = progress(history, { pathway: p });
    for (let i = 0; i < 4; i++) expect(progress(history, { pathway: p })).toEqual(first);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(first.reasons.map((r) => r.action)).toContain("step-up");
  });

  it("across calls with new arrays of the same definitions", () => {
    const p = own();
    checks.mockClear();
    for (let i = 0; i < 3; i++) progress(history, { pathway: p, definitions: [] });
    for (let i = 0; i < 3; i++) stratify([phq(12)], p, { definitions: [] });
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it("across a person's follow-ups and across persons", () => {
    const p = own();
    checks.mockClear();
    for (const id of ["a", "b", "c"]) followUps({ id, history }, { instruments: ["phq9", "gad7"], pathway: p });
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it("gives the same result as with the default pathway, on the first call and on later ones", () => {
    const p = own();
    const expected = progress(history);
    expect(progress(history, { pathway: p })).toEqual(expected);
    expect(progress(history, { pathway: p })).toEqual(expected);
    expect(progress(history)).toEqual(expected);
  });
});

describe("the current step, from the first results alone", () => {
  it("is the step stratify gives over each instrument's first scored result, null when not assessed", () => {
    const cases = [
      history,
      [at(0, pegOf(8)), at(30, pegOf(4))],
      [at(0, sb(4, 4)), at(0, phq(22, 2)), at(42, sb(1, 1)), at(42, phq(5))],
      [at(0, odiSum(30)), at(0, gad(3)), at(56, odiSum(10))],
      [at(0, phq(4)), at(70, phq(3))],
    ];
    const steps = cases.map((h) => {
      const first = [...new Set(h.map((e) => e.result.instrument))].map(
        (id) => (h.find((e) => e.result.instrument === id) as (typeof h)[number]).result,
      );
      const expected = stratify(first).step;
      expect(progress(h).current.step).toBe(expected);
      return expected;
    });
    expect(steps).toContain(null);
    expect(new Set(steps).size).toBeGreaterThan(2);
  });
});

describe("what is remembered never outlives a change", () => {
  it("sees a pathway changed after it was used", () => {
    const p = own();
    const before = progress(history, { pathway: p });
    const fired = before.reasons.find((r) => r.applied);
    expect(fired?.action).toBe("step-up");
    const rule = (p.progression ?? []).find((r) => r.id === fired?.rule) as { advice: string; action: string };
    rule.advice = "Changed after first use.";
    expect(progress(history, { pathway: p }).reasons.find((r) => r.rule === fired?.rule)?.advice).toBe(
      "Changed after first use.",
    );
    rule.action = "jump";
    expect(() => progress(history, { pathway: p })).toThrow(PathwayError);
    expect(() => stratify([phq(12)], p)).toThrow(PathwayError);
  });

  it("sees a definitions array changed after it was used", () => {
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
    const p: Pathway = {
      ...own(),
      domains: [
        {
          id: "pain",
          label: "Pain",
          instruments: ["mypain"],
          elevatedWhen: [{ instrument: "mypain", op: ">=", value: 7, source: "kroenke2001" }],
          target: { intervention: "Pain review.", source: "kroenke2001" },
        },
      ],
      stepRules: [{ id: "severe-pain", step: 3, label: "pain 7+", when: { domain: "pain" }, source: "kroenke2001" }],
      urgent: [],
      followUps: [],
      progression: [],
    };
    const definitions: InstrumentDefinition[] = [pain];
    const painAt = [at(0, score(pain, [8])), at(28, score(pain, [8]))];
    expect(stratify([score(pain, [8])], p, { definitions }).step).toBe(3);
    expect(progress(painAt, { pathway: p, definitions }).stratified.step).toBe(3);
    // The same array, emptied: the pathway names an instrument it no longer defines.
    definitions.pop();
    expect(() => stratify([score(pain, [8])], p, { definitions })).toThrow(PathwayError);
    expect(() => progress(painAt, { pathway: p, definitions })).toThrow(PathwayError);
  });

  it("keeps trusting the deeply frozen default pathway", () => {
    progress(history);
    checks.mockClear();
    for (let i = 0; i < 3; i++) progress(history);
    expect(checks).not.toHaveBeenCalled();
    expect(Object.isFrozen(defaultPathway)).toBe(true);
  });
});
