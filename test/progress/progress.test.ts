// progress as the contract says: trajectories, change, status, time, the urgent overlay, options and errors.
import { describe, expect, it } from "vitest";
import {
  bpi,
  compareScores,
  phq9,
  defaultPathway,
  PathwayError,
  progress,
  ProgressInputError,
  score,
  stratify,
  validatePathway,
  type InstrumentDefinition,
  type Pathway,
  type ProgressionRule,
  type ScoreResult,
} from "../../src/index.js";
import { at, day, gad, odiSum, phq, sb } from "./helpers.js";

describe("trajectories", () => {
  it("sorts a history given in any order, per instrument, with weeks since each instrument's first point", () => {
    const h = [at(70, phq(14)), at(14, gad(12)), at(0, phq(16)), at(28, phq(15)), at(42, gad(9))];
    const p = progress(h);
    expect(p.instruments.phq9?.points.map((x) => [x.at, x.weeks, x.score])).toEqual([
      [day(0), 0, 16],
      [day(28), 4, 15],
      [day(70), 10, 14],
    ]);
    expect(p.instruments.gad7?.points.map((x) => [x.weeks, x.score])).toEqual([
      [0, 12],
      [4, 9],
    ]);
    expect(p.judgedAt).toBe(day(70));
    expect(Object.keys(p.instruments)).toEqual(["phq9", "gad7"]);
    // The same history in another order gives the same answer.
    expect(progress([...h].reverse())).toEqual({ ...p, instruments: expect.any(Object) as unknown });
    expect(progress([...h].reverse()).instruments).toEqual(p.instruments);
  });

  it("gives exactly compareScores(baseline, latest) as the change", () => {
    const h = [at(0, phq(16)), at(30, phq(11)), at(60, phq(7))];
    const p = progress(h);
    expect(p.instruments.phq9?.change).toEqual(compareScores(phq(16), phq(7)));
    expect(p.instruments.phq9?.baseline?.score).toBe(16);
    expect(p.instruments.phq9?.latest?.score).toBe(7);
  });

  it("keeps unscored results as points with score null, never as baseline or latest", () => {
    const h = [at(0, phq(0, null)), at(7, phq(16)), at(30, phq(10)), at(40, phq(0, null))];
    const t = progress(h).instruments.phq9;
    expect(t?.points.map((x) => x.score)).toEqual([null, 16, 10, null]);
    expect(t?.baseline?.at).toBe(day(7));
    expect(t?.latest?.at).toBe(day(30));
    expect(t?.change?.change).toBe(-6);
  });

  it("with one assessment: baseline-only, latest the same point, no change", () => {
    const p = progress([at(0, phq(12))]);
    expect(p.instruments.phq9).toMatchObject({ status: "baseline-only", change: null });
    expect(p.instruments.phq9?.latest).toEqual(p.instruments.phq9?.baseline);
    expect(p.action).toBe("continue");
    expect(p.step).toBe(2);
    expect(p.current).toMatchObject({ step: 2, from: "first-assessment", since: day(0), weeks: 0 });
  });

  it("gives each status in its order", () => {
    const status = (a: number, b: number): string | undefined =>
      progress([at(0, phq(a)), at(60, phq(b))]).instruments.phq9?.status;
    expect(status(16, 4)).toBe("remission");
    expect(status(16, 8)).toBe("response");
    expect(status(8, 1)).toBe("reliable-improvement"); // 7 points, baseline below 10: no response definition applies
    expect(status(16, 12)).toBe("no-reliable-change");
    expect(status(3, 10)).toBe("reliable-deterioration");
    // Remission already met at baseline does not count (GAD-7 below 5 has no baseline condition).
    expect(progress([at(0, gad(4)), at(30, gad(2))]).instruments.gad7?.status).toBe("no-reliable-change");
  });

  it("follows the first subscale of an instrument without a total (BPI severity)", () => {
    const h = [
      at(0, score(bpi, [6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5])),
      at(30, score(bpi, [3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5])),
    ];
    const t = progress(h).instruments.bpi;
    expect(t?.scale).toBe("severity");
    const [a, b] = h.map((e) => e.result);
    if (a !== undefined && b !== undefined) expect(t?.change).toEqual(compareScores(a, b, { scale: "severity" }));
    expect(t?.status).toBe("response");
  });

  it("reads several instruments at once and says which rule read which", () => {
    const p = progress([at(0, phq(16)), at(0, gad(3)), at(70, phq(14)), at(70, gad(8))], {
      step: { current: 2, since: day(0) },
    });
    expect(p.reasons.map((r) => r.rule)).toEqual(["phq9-not-improved-step-up", "reliable-deterioration"]);
    expect(p.instruments.phq9?.action).toBe("step-up");
    expect(p.instruments.gad7?.action).toBe("review");
    expect(p.action).toBe("step-up");
    expect(p.reasons.find((r) => r.rule === "reliable-deterioration")?.applied).toBe(false);
  });
});

describe("dates", () => {
  it("reads dates and date-times alike; without an offset a date-time is UTC", () => {
    const a = progress([
      { at: "2026-01-05", result: phq(15) },
      { at: "2026-03-16T00:00", result: phq(14) },
    ]);
    expect(a.instruments.phq9?.latest?.weeks).toBe(10);
    const b = progress([
      { at: "2026-01-05T10:00:00Z", result: phq(15) },
      { at: "2026-03-16T11:00:00+01:00", result: phq(14) },
    ]);
    expect(b.instruments.phq9?.latest?.weeks).toBe(10);
    const c = progress([
      { at: "2026-01-05T12:00", result: phq(15) },
      { at: "2026-03-16", result: phq(14) },
    ]);
    expect(c.instruments.phq9?.latest?.weeks).toBeCloseTo(10 - 0.5 / 7, 12);
    expect(c.action).toBe("review"); // just under 10 weeks: the case review, not yet the step-up
    const d = progress([
      { at: "2026-01-05T00:00:00.000Z", result: phq(15) },
      { at: "2026-03-15T23:59:59.999-00:01", result: phq(14) },
    ]);
    expect(d.action).toBe("step-up");
  });

  it("rejects what is not an ISO 8601 date, or a day that does not exist, naming the entry", () => {
    for (const bad of [
      "2026-02-30",
      "2026-13-01",
      "05/01/2026",
      "2026-1-5",
      "2026-01-05 10:00",
      "2026-01-05T25:00",
      "",
      20260105,
      null,
    ]) {
      let err: unknown;
      try {
        progress([at(0, phq(10)), { at: bad as string, result: phq(12) }]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ProgressInputError);
      expect((err as ProgressInputError).issues).toEqual([
        { path: "history.1.at", value: bad, message: expect.stringMatching(/ISO 8601/) as unknown },
      ]);
    }
    expect(() => progress([at(0, phq(10))], { asOf: "yesterday" })).toThrow(/options\.asOf: must be an ISO 8601/);
    expect(() => progress([at(0, phq(10))], { step: { current: 4 as 1, since: "2026-01-05" } })).toThrow(
      /options\.step\.current: must be one of the pathway's steps \(1, 2, 3\)/,
    );
    expect(() => progress([{ at: day(0), result: { score: 3 } as never }])).toThrow(
      /history\.0\.result: must be a score result/,
    );
    expect(() => progress("x" as never)).toThrow(ProgressInputError);
    expect(progress([{ at: "2024-02-29", result: phq(3) }]).judgedAt).toBe("2024-02-29");
  });

  it("judges as of options.asOf: later assessments are left out and listed", () => {
    const h = [at(0, phq(16)), at(56, phq(14)), at(70, phq(14))];
    const p = progress(h, { asOf: day(60) });
    expect(p.judgedAt).toBe(day(56));
    expect(p.action).toBe("review");
    expect(p.excluded).toEqual([{ index: 2, at: day(70), reason: `after the as-of date ${day(60)}` }]);
    expect(p.asOf).toBe(day(60));
  });

  it("reads no clock: the same input gives the same output, and the input is not changed", () => {
    const h = [at(0, phq(16)), at(70, phq(14))];
    const copy = structuredClone(h);
    expect(progress(h)).toEqual(progress(copy));
    expect(h).toEqual(copy);
  });
});

describe("the urgent overlay", () => {
  it("comes from the latest PHQ-9 in which item 9 was answered", () => {
    // The latest PHQ-9 left item 9 unanswered (no score); the one before answered it 1.
    const p = progress([at(0, phq(12, 0)), at(14, phq(12, 1)), at(21, phq(8, null))]);
    expect(p.urgent).toBe(true);
    expect(p.urgentActions.map((u) => u.rule)).toEqual(["phq9-self-harm"]);
    // A later PHQ-9 with item 9 answered 0 decides: not urgent.
    expect(progress([at(0, phq(12, 1)), at(14, phq(12, 0))]).urgent).toBe(false);
    expect(progress([at(0, phq(12, 0)), at(14, phq(12, 2))]).urgent).toBe(true);
  });

  it("reads an urgent rule's condition with fields given as undefined as the fields left out", () => {
    // validatePathway reads `{ flag: "self-harm", item: undefined }` as a flag condition; so must progress.
    const blank = {
      scale: undefined,
      op: undefined,
      value: undefined,
      band: undefined,
      flag: undefined,
      item: undefined,
    };
    const urgent = defaultPathway.urgent.map((u) => ({ ...u, when: Object.assign({}, blank, u.when) }));
    const pathway = { ...defaultPathway, urgent } as unknown as Pathway;
    expect(validatePathway(pathway)).toEqual([]);
    const p = progress([at(0, phq(12, 0)), at(14, phq(12, 1)), at(21, phq(8, null))], { pathway });
    expect(p.urgent).toBe(true);
  });

  it("comes, for a definition's own urgent flag, from the latest result in which its item was answered", () => {
    const mood = {
      ...phq9,
      id: "mood9",
      shortTitle: "Mood-9",
      flags: [{ ...phq9.flags[0], id: "harm" }],
    } satisfies InstrumentDefinition;
    const m = (item9: number | null): ScoreResult => score(mood, [1, 1, 1, 1, 1, 1, 1, 1, item9]);
    const options = { definitions: [mood], pathway: { ...defaultPathway, urgent: [] } };
    const p = progress([at(0, m(0)), at(14, m(1)), at(21, m(null))], options);
    expect(p.urgent).toBe(true);
    expect(p.urgentActions.map((u) => u.rule)).toEqual(["safety-mood9-harm"]);
    expect(progress([at(0, m(1)), at(14, m(0))], options).urgent).toBe(false);
  });

  it("says when no PHQ-9 answered item 9", () => {
    const p = progress([at(0, phq(0, null))]);
    expect(p.urgent).toBe(false);
    expect(p.urgentNotChecked.map((u) => u.rule)).toEqual(["phq9-self-harm"]);
  });

  it("gives stratify over the latest scored result of each instrument", () => {
    const h = [at(0, sb(0, 4)), at(28, sb(1, 0)), at(0, phq(16)), at(28, phq(4))];
    const p = progress(h);
    expect(p.stratified).toEqual(stratify([sb(1, 0), phq(4)]));
  });
});

describe("pathways of one's own", () => {
  const mine: ProgressionRule[] = [
    {
      id: "odi-stalled",
      label: "ODI not 10 points better at 6 weeks",
      action: "step-up",
      when: [
        {
          kind: "improvement",
          instrument: "odi",
          from: "baseline",
          unit: "points",
          op: "<",
          value: 10,
          window: { minWeeks: 6 },
        },
      ],
      advice: "Refer to the combined programme.",
      source: "clinic",
      designChoice: true,
      note: "Local agreement.",
    },
  ];
  const clinic = {
    ...defaultPathway,
    id: "clinic",
    version: "1.0.0",
    references: { ...defaultPathway.references, clinic: { text: "Clinic pathway group." } },
    progression: mine,
  } as Pathway;

  it("replaces the default rules", () => {
    expect(validatePathway(clinic)).toEqual([]);
    const p = progress([at(0, odiSum(25)), at(42, odiSum(21))], {
      pathway: clinic,
      step: { current: 1, since: day(0) },
    });
    expect(p.pathway.id).toBe("clinic");
    expect(p.reasons.map((r) => [r.rule, r.step, r.source.key])).toEqual([["odi-stalled", 2, "clinic"]]);
    expect(
      progress([at(0, odiSum(25)), at(41, odiSum(21))], { pathway: clinic, step: { current: 1, since: day(0) } })
        .action,
    ).toBe("continue");
  });

  it("without progression rules gives continue once something is assessed", () => {
    const none = { ...defaultPathway, progression: [] } as Pathway;
    expect(progress([at(0, phq(16)), at(70, phq(16))], { pathway: none }).action).toBe("continue");
  });

  it("rejects bad rules, each named by path and rule id", () => {
    const bad = {
      ...clinic,
      progression: [
        {
          ...mine[0],
          id: "a",
          when: [{ kind: "improvement", instrument: "odx", from: "baseline", unit: "points", op: "<", value: 10 }],
        },
        {
          ...mine[0],
          id: "b",
          to: 7,
          when: [{ kind: "band", instrument: "startback", point: "latest", bands: ["severe"] }],
        },
        {
          ...mine[0],
          id: "c",
          when: [
            {
              kind: "any",
              of: [
                { kind: "outcome", instrument: "ndi", from: "baseline", outcome: "response", met: false },
                { kind: "weeks" },
              ],
            },
          ],
        },
        {
          ...mine[0],
          id: "d",
          source: "nowhere",
          when: [
            {
              kind: "not",
              condition: { kind: "score", instrument: "bpi", scale: "pain", point: "latest", op: ">=", value: 4 },
            },
          ],
        },
        {
          ...mine[0],
          id: "e",
          action: "review",
          to: 3,
          steps: [9],
          when: [{ kind: "consecutive", instrument: "phq9", op: "<", value: 5, count: 0 }],
        },
        {
          ...mine[0],
          id: "f",
          designChoice: true,
          note: undefined,
          when: [
            {
              kind: "improvement",
              instrument: "odi",
              from: "baseline",
              unit: "points",
              op: "<",
              value: 10,
              window: { minWeeks: 8, maxWeeks: 4 },
            },
          ],
        },
      ],
    };
    expect(validatePathway(bad)).toEqual([
      { path: "progression.0.when.0.instrument", rule: "a", message: 'unknown instrument "odx"' },
      { path: "progression.1.to", rule: "b", message: "step 7 is not among the pathway's steps" },
      {
        path: "progression.1.when.0.bands.0",
        rule: "b",
        message: 'STarT Back total has no band "severe" (bands: "low", "medium", "high")',
      },
      { path: "progression.2.when.0.of.0.outcome", rule: "c", message: "NDI total defines no response" },
      {
        path: "progression.2.when.0.of.1.kind",
        rule: "c",
        message: expect.stringMatching(/^a condition's kind is one of "weeks-at-step", "score"/) as unknown,
      },
      { path: "progression.3.source", rule: "d", message: 'source "nowhere" is not among the references' },
      {
        path: "progression.3.when.0.condition.scale",
        rule: "d",
        message: 'BPI-SF has no scale "pain" (scales: "severity", "interference")',
      },
      { path: "progression.4.steps.0", rule: "e", message: "step 9 is not among the pathway's steps" },
      {
        path: "progression.4.to",
        rule: "e",
        message: "only a step-up or step-down rule has a target step (this rule asks to review)",
      },
      { path: "progression.4.when.0.count", rule: "e", message: "must be a whole number of 1 or more" },
      { path: "progression.5.note", rule: "f", message: "a design choice needs a note saying why" },
      {
        path: "progression.5.when.0.window.maxWeeks",
        rule: "f",
        message: "the window closes before it opens (maxWeeks must be above minWeeks)",
      },
    ]);
    expect(validatePathway({ ...clinic, progression: "x" }).map((i) => i.path)).toEqual(["progression"]);
    expect(() => progress([at(0, phq(3))], { pathway: bad as Pathway })).toThrow(PathwayError);
  });
});
