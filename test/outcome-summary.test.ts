// The cohort outcome summary and the follow-ups under it: golden values computed by hand, denominators as
// the definitions set them, persons without a follow-up counted, and agreement with progress and
// cohortJacobsonTruax.
import { describe, expect, it } from "vitest";
import {
  cohortJacobsonTruax,
  followUps,
  progress,
  score,
  phq9,
  summarizeOutcomes,
  type PersonHistory,
  type TimedEntry,
} from "../src/index.js";
import { day, gad, phq } from "./progress/helpers.js";

const t0 = (result: ReturnType<typeof phq>, days = 0): TimedEntry => ({ at: day(days), timePoint: "t0", result });
const t1 = (result: ReturnType<typeof phq>, days = 70): TimedEntry => ({ at: day(days), timePoint: "t1", result });

/**
 * Five persons on the PHQ-9, hand-worked:
 *   P1 16 → 7   change −9   reliable improvement (≥ 6.93) · response (−56 %) · no remission (7 ≥ 5) · JT improved
 *   P2 12 → 11  change −1   no reliable change · no response · no remission · JT unchanged
 *   P3  8 → 9   change +1   no reliable change · baseline < 10: response and remission not judged · JT unchanged
 *   P4 20 → 3   change −17  reliable improvement · response · remission · JT recovered (3 < 5)
 *   P5 14 → —   lost to follow-up
 * Changes −9, −1, +1, −17: mean −6.5; squared deviations 6.25 + 30.25 + 56.25 + 110.25 = 203, SD √(203/3) =
 * 8.225975; t(0.975, 3) = 3.182446, so the half-width is 3.182446 × 8.225975 / √4 = 13.089334.
 */
const COHORT: PersonHistory[] = [
  { id: "P1", group: "A", history: [t0(phq(16)), t1(phq(7))] },
  { id: "P2", group: "A", history: [t0(phq(12)), t1(phq(11))] },
  { id: "P3", group: "B", history: [t0(phq(8)), t1(phq(9))] },
  { id: "P4", group: "B", history: [t0(phq(20)), t1(phq(3))] },
  { id: "P5", group: "B", history: [t0(phq(14))] },
];

describe("summarizeOutcomes", () => {
  const s = summarizeOutcomes(COHORT, { timePoints: ["t0", "t1"] });
  const phqT1 = s.instruments[0];

  it("counts the pairs and the person lost to follow-up, never dropping them", () => {
    expect(s.persons).toBe(5);
    expect(s.withFollowUp).toBe(4);
    expect(s.withoutFollowUp).toEqual({ count: 1, ids: ["P5"] });
    expect(phqT1).toMatchObject({
      instrument: "phq9",
      scale: "total",
      timePoint: "t1",
      withBaseline: 5,
      paired: 4,
      notScored: 0,
      missing: 1,
    });
  });

  it("gives the mean change with its SD and Student-t 95 % confidence interval (hand-computed)", () => {
    expect(phqT1?.change?.mean).toBe(-6.5);
    expect(phqT1?.change?.sd).toBeCloseTo(8.225975, 5);
    expect(phqT1?.change?.ci95?.lower).toBeCloseTo(-6.5 - 13.089334, 4);
    expect(phqT1?.change?.ci95?.upper).toBeCloseTo(-6.5 + 13.089334, 4);
  });

  it("uses t with n − 1 degrees of freedom: two pairs give t(0.975, 1) = 12.706205", () => {
    const two = summarizeOutcomes(COHORT.slice(0, 2), { timePoints: ["t0", "t1"] }).instruments[0];
    // Changes −9 and −1: mean −5, SD √32 = 5.656854, half-width 12.706205 × 5.656854 / √2 = 50.82482.
    expect(two?.change?.mean).toBe(-5);
    expect(two?.change?.ci95?.upper).toBeCloseTo(-5 + 50.82482, 3);
    const one = summarizeOutcomes(COHORT.slice(0, 1), { timePoints: ["t0", "t1"] }).instruments[0];
    expect(one?.change).toEqual({ mean: -9, sd: null, ci95: null });
  });

  it("gives reliable change shares over the pairs", () => {
    expect(phqT1?.reliableChange).toMatchObject({
      available: true,
      id: "lowe2004",
      improved: { numerator: 2, denominator: 4, rate: 0.5 },
      unchanged: { numerator: 2, denominator: 4, rate: 0.5 },
      deteriorated: { numerator: 0, denominator: 4, rate: 0 },
    });
  });

  it("counts response and remission only among baselines of 10 or more, as the PHQ-9 definition says", () => {
    expect(phqT1?.response).toMatchObject({
      available: true,
      id: "halved",
      population: "baseline ≥ 10",
      rate: { numerator: 2, denominator: 3 },
      notJudged: 1,
    });
    expect(phqT1?.remission).toMatchObject({
      available: true,
      id: "below-5",
      rate: { numerator: 1, denominator: 3 },
      notJudged: 1,
    });
  });

  it("gives Jacobson–Truax categories with the remission score as cut-off, as cohortJacobsonTruax does", () => {
    expect(phqT1?.jacobsonTruax).toEqual({
      available: true,
      cutoff: { op: "<", value: 5, from: expect.stringContaining("below-5") as string },
      counts: { recovered: 1, improved: 1, unchanged: 2, deteriorated: 0, nonReliablyRecovered: 0 },
    });
    // Integer scores: "below 5" is "4 or less".
    const jt = cohortJacobsonTruax(COHORT, { instrument: "phq9", cutoff: 4 });
    const counts = phqT1?.jacobsonTruax.available === true ? phqT1.jacobsonTruax.counts : null;
    expect(counts).toEqual(jt.counts);
    expect(jt.notPaired).toBe(s.withoutFollowUp.count);
  });

  it("takes a cut-off from the options", () => {
    const c = summarizeOutcomes(COHORT, { timePoints: ["t0", "t1"], cutoffs: { phq9: { op: "<", value: 10 } } });
    const jt = c.instruments[0]?.jacobsonTruax;
    // P1 ends at 7: now below the cut-off, recovered.
    expect(jt?.available === true ? jt.counts : null).toMatchObject({ recovered: 2, improved: 0 });
  });

  it("summarises each group the same way", () => {
    expect(s.groups.map((g) => g.group)).toEqual(["A", "B"]);
    const b = s.groups[1];
    expect(b?.withoutFollowUp).toEqual({ count: 1, ids: ["P5"] });
    expect(b?.instruments[0]).toMatchObject({ paired: 2, missing: 1, change: { mean: -8 } });
    expect(s.groups[0]?.instruments[0]).toMatchObject({ paired: 2, missing: 0, change: { mean: -5 } });
  });

  it("counts a follow-up given but not scored apart from one not given", () => {
    const incomplete = score(phq9, [1, 1, null, null, 1, 1, 1, 1, 0]); // two items missing: no total
    const s2 = summarizeOutcomes([...COHORT, { id: "P6", history: [t0(phq(18)), t1(incomplete)] }], {
      timePoints: ["t0", "t1"],
    });
    expect(s2.instruments[0]).toMatchObject({ withBaseline: 6, paired: 4, notScored: 1, missing: 1 });
  });

  it("does not count a remission already met at baseline (GAD-7 has no baseline range)", () => {
    const s3 = summarizeOutcomes(
      [
        { id: "low", history: [t0(gad(3)), t1(gad(2))] },
        { id: "high", history: [t0(gad(12)), t1(gad(4))] },
      ],
      { timePoints: ["t0", "t1"] },
    );
    expect(s3.instruments[0]?.remission).toMatchObject({ rate: { numerator: 1, denominator: 1 }, notJudged: 1 });
    expect(s3.instruments[0]?.response).toMatchObject({ available: false });
  });

  it("reports every declared time point, numbering visits when there are no labels", () => {
    const dated: PersonHistory[] = [
      {
        id: "a",
        history: [
          { at: day(0), result: phq(16) },
          { at: day(40), result: phq(12) },
          { at: day(90), result: phq(6) },
        ],
      },
      {
        id: "b",
        history: [
          { at: day(3), result: phq(15) },
          { at: day(50), result: phq(14) },
        ],
      },
    ];
    const s4 = summarizeOutcomes(dated);
    expect(s4.timePoints).toEqual(["visit 1", "visit 2", "visit 3"]);
    expect(s4.instruments.map((x) => [x.timePoint, x.paired, x.missing])).toEqual([
      ["visit 2", 2, 0],
      ["visit 3", 1, 1],
    ]);
  });
});

describe("followUps", () => {
  it("gives at each follow-up exactly progress's change and status over the history up to it", () => {
    const person: PersonHistory = {
      id: "x",
      history: [
        { at: day(0), timePoint: "t0", result: phq(18) },
        { at: day(42), timePoint: "t1", result: phq(12) },
        { at: day(84), timePoint: "t2", result: phq(4) },
      ],
    };
    const list = followUps(person, { timePoints: ["t0", "t1", "t2"] });
    expect(list.map((f) => f.timePoint)).toEqual(["t1", "t2"]);
    const upToT1 = progress(person.history.slice(0, 2).map(({ at, result }) => ({ at, result })));
    expect(list[0]?.instruments.phq9?.change).toEqual(upToT1.instruments.phq9?.change);
    expect(list[0]?.instruments.phq9?.status).toBe(upToT1.instruments.phq9?.status);
    expect(list[0]?.action).toBe(upToT1.action);
    expect(list[0]?.weeks).toBe(6);
    expect(list[1]?.instruments.phq9?.status).toBe("remission");
    expect(list[1]?.instruments.phq9?.change?.change).toBe(-14);
  });

  it("marks a declared time point without an assessment as missing, against the earlier baseline", () => {
    const list = followUps({ id: "lost", history: [t0(phq(15))] }, { timePoints: ["t0", "t1", "t2"] });
    expect(
      list.map((f) => [f.timePoint, f.at, f.instruments.phq9?.status, f.instruments.phq9?.baseline?.score]),
    ).toEqual([
      ["t1", null, "missing", 15],
      ["t2", null, "missing", 15],
    ]);
  });

  it("gives a person never reassessed one follow-up at baseline, baseline-only", () => {
    const list = followUps({ id: "once", history: [t0(phq(15))] });
    expect(list.map((f) => [f.timePoint, f.instruments.phq9?.status])).toEqual([["t0", "baseline-only"]]);
  });
});

describe("summarizeOutcomes: instruments without the facts", () => {
  it("says what a definition does not give instead of a number", () => {
    const s = summarizeOutcomes([{ id: "a", history: [t0(phq(16)), t1(phq(7))] }], {
      instruments: ["phq9", "odi"],
      timePoints: ["t0", "t1"],
    });
    const odi = s.instruments.find((x) => x.instrument === "odi");
    expect(odi).toMatchObject({ withBaseline: 0, paired: 0, change: null });
    expect(odi?.reliableChange).toEqual({
      available: false,
      reason: "the ODI definition gives no reliable-change inputs for percent",
    });
    expect(odi?.jacobsonTruax).toMatchObject({ available: false });
    expect(odi?.remission).toMatchObject({ available: false });
  });

  it("refuses an instrument it does not know", () => {
    expect(() => summarizeOutcomes([], { instruments: ["nope"] })).toThrow(/"nope" is not a bundled instrument/);
  });
});
