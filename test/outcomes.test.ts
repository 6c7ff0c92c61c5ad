// Service outcomes: NHS Talking Therapies rates and their denominators, HEDIS / CMS windows, Jacobson–Truax
// categories (with Jacobson & Truax 1991 Table 2 as a golden test).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cohortJacobsonTruax,
  depressionWindowOutcomes,
  jacobsonTruax,
  ProgressInputError,
  talkingTherapiesOutcomes,
  type CohortEpisode,
  type HistoryEntry,
} from "../src/index.js";
import { at, gad, phq } from "./progress/helpers.js";

interface Golden {
  readonly settings: {
    readonly reliability: number;
    readonly higherIsBetter: boolean;
    readonly criterion: "a";
    readonly width: number;
  };
  readonly expectedDerived: {
    readonly sdPre: number;
    readonly standardErrorOfDifference: number;
    readonly cutoff: number;
  };
  readonly pairs: readonly {
    readonly ppid: number;
    readonly pre: number;
    readonly post: number;
    readonly expected: string;
  }[];
}

describe("jacobsonTruax", () => {
  it("classifies the 30 couples of Jacobson & Truax 1991 Table 2 as the JT-RCI reference code does", () => {
    const g = JSON.parse(readFileSync(join(import.meta.dirname, "golden", "jt1991-table2.json"), "utf8")) as Golden;
    expect(g.pairs).toHaveLength(30);
    const r = jacobsonTruax(g.pairs, {
      reliability: g.settings.reliability,
      higherIsBetter: g.settings.higherIsBetter,
      cutoff: { criterion: g.settings.criterion, width: g.settings.width },
    });
    expect(r.sd).toBeCloseTo(g.expectedDerived.sdPre, 10);
    expect(r.standardErrorOfDifference).toBeCloseTo(g.expectedDerived.standardErrorOfDifference, 10);
    expect(r.cutoff).toBeCloseTo(g.expectedDerived.cutoff, 10);
    // The package's "non reliably recovered" is Jacobson & Truax's "unchanged" past the cut-off.
    const theirs = r.pairs.map((p) =>
      p.category === "unchanged" && p.pastCutoff ? "non reliably recovered" : p.category,
    );
    expect(theirs).toEqual(g.pairs.map((p) => p.expected));
    expect(r.counts).toEqual({ recovered: 10, improved: 8, unchanged: 11, deteriorated: 1, nonReliablyRecovered: 0 });
    expect(r.plot.band).toEqual([-r.threshold, r.threshold]);
  });

  it("handles a lower-is-better measure, each criterion and the boundaries (|RCI| = 1.96 is reliable)", () => {
    // SD 5, r .84: S_diff = √2 × 2 = 2.83, threshold 5.54.
    const opts = { reliability: 0.84, sd: 5, cutoff: 10 };
    const t = jacobsonTruax([{ pre: 20, post: 20 }], opts).threshold;
    const r = jacobsonTruax(
      [
        { pre: 20, post: 20 - t }, // exactly reliable, not past 10
        { pre: 15, post: 15 - t }, // exactly reliable, past 10: recovered
        { pre: 20, post: 20 - t + 0.001 },
        { pre: 12, post: 9 }, // past the cut-off, not reliable
        { pre: 10, post: 10 + t },
      ],
      opts,
    );
    expect(r.pairs.map((p) => p.category)).toEqual(["improved", "recovered", "unchanged", "unchanged", "deteriorated"]);
    expect(r.counts.nonReliablyRecovered).toBe(1);
    const pre = [
      { pre: 20, post: 10 },
      { pre: 30, post: 10 },
    ];
    expect(
      jacobsonTruax(pre, { reliability: 0.8, cutoff: { criterion: "b", functionalMean: 5, functionalSd: 3 } }).cutoff,
    ).toBe(11);
    expect(
      jacobsonTruax(pre, {
        reliability: 0.8,
        cutoff: { criterion: "b", functionalMean: 50, functionalSd: 5 },
        higherIsBetter: true,
      }).cutoff,
    ).toBe(40);
    // a: mean 25, SD √50 of the pre scores, two SDs towards health.
    expect(jacobsonTruax(pre, { reliability: 0.8, cutoff: { criterion: "a" } }).cutoff).toBeCloseTo(
      25 - 2 * Math.sqrt(50),
      12,
    );
    expect(
      jacobsonTruax(pre, {
        reliability: 0.8,
        cutoff: { criterion: "c", functionalMean: 5, functionalSd: 5, dysfunctionalMean: 25, dysfunctionalSd: 5 },
      }).cutoff,
    ).toBe(15);
  });

  it("rejects a reliability outside [0, 1), non-finite scores, and one pair without an SD", () => {
    expect(() =>
      jacobsonTruax(
        [
          { pre: 1, post: 2 },
          { pre: 2, post: 3 },
        ],
        { reliability: 1, cutoff: 1 },
      ),
    ).toThrow(/reliability must be at least 0 and below 1/);
    expect(() => jacobsonTruax([{ pre: Number.NaN, post: 2 }], { reliability: 0.5, sd: 1, cutoff: 1 })).toThrow(
      /pairs\[0\]/,
    );
    expect(() => jacobsonTruax([{ pre: 1, post: 2 }], { reliability: 0.5, cutoff: 1 })).toThrow(/pass options\.sd/);
  });
});

/** An episode: PHQ-9 and GAD-7 at the start (day 0) and the end (day 84). */
function episode(phq0: number, gad0: number, phq1: number, gad1: number, treatmentContacts?: number): CohortEpisode {
  const history: HistoryEntry[] = [at(0, phq(phq0)), at(0, gad(gad0)), at(84, phq(phq1)), at(84, gad(gad1))];
  return treatmentContacts === undefined ? { history } : { history, treatmentContacts };
}

describe("talkingTherapiesOutcomes (NHS Talking Therapies)", () => {
  it("uses the published denominators: recovery over cases at the start, improvement over all finished", () => {
    const cohort = [
      episode(12, 10, 4, 3, 6), // case → not a case, both reliably better: recovered, reliably improved
      episode(12, 6, 9, 6, 6), // case (PHQ-9) → not a case, PHQ-9 3 points: recovered, not reliably improved
      episode(15, 12, 14, 11, 6), // case → case: neither
      episode(6, 5, 0, 0, 6), // not a case at the start: reliably improved (6 and 5 points), not in the recovery denominator
      episode(5, 3, 12, 3, 6), // not a case → PHQ-9 up 7: reliably deteriorated
      episode(12, 10, 4, 3, 1), // one treatment contact: not finished
      { history: [at(0, phq(12)), at(84, phq(4))], treatmentContacts: 6 }, // no GAD-7: no paired scores
    ];
    const r = talkingTherapiesOutcomes(cohort);
    expect(r).toMatchObject({
      episodes: 7,
      finished: 5,
      withoutPairedScores: 1,
      notCaseAtStart: 2,
      finishedInferred: 0,
    });
    expect(r.recovery).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(r.reliableImprovement).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    expect(r.reliableRecovery).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(r.reliableDeterioration).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
    expect(r.perMeasure).toEqual({
      phq9: { reliablyImproved: 2, reliablyDeteriorated: 1 },
      gad7: { reliablyImproved: 2, reliablyDeteriorated: 0 },
    });
    expect(r.perEpisode[5]).toMatchObject({ finished: false });
    expect(r.notes.some((n) => /NOT verified/.test(n))).toBe(true);
  });

  it("reads the thresholds at their edges: PHQ-9 caseness 10, GAD-7 8; reliable change 6 and 4 points", () => {
    const one = (e: CohortEpisode) => talkingTherapiesOutcomes([e]).perEpisode[0];
    expect(one(episode(10, 0, 9, 0, 2))).toMatchObject({ caseAtStart: true, recovered: true });
    expect(one(episode(9, 7, 9, 7, 2))).toMatchObject({ caseAtStart: false, recovered: false });
    expect(one(episode(9, 8, 9, 7, 2))).toMatchObject({ caseAtStart: true, recovered: true });
    expect(one(episode(16, 0, 10, 0, 2))).toMatchObject({ reliablyImproved: true });
    expect(one(episode(16, 0, 11, 0, 2))).toMatchObject({ reliablyImproved: false });
    expect(one(episode(0, 10, 0, 6, 2))).toMatchObject({ reliablyImproved: true });
    expect(one(episode(0, 10, 0, 7, 2))).toMatchObject({ reliablyImproved: false });
    expect(one(episode(0, 3, 0, 7, 2))).toMatchObject({ reliablyDeteriorated: true });
    // One measure reliably better, the other reliably worse: neither (the combination is unverified).
    expect(one(episode(16, 3, 10, 7, 2))).toMatchObject({ reliablyImproved: false, reliablyDeteriorated: false });
  });

  it("gives 0 with a zero numerator and null only for an empty denominator; infers finished from assessment days", () => {
    const r = talkingTherapiesOutcomes([episode(15, 12, 14, 11)]);
    expect(r.finishedInferred).toBe(1);
    expect(r.recovery).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(talkingTherapiesOutcomes([]).recovery).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(talkingTherapiesOutcomes([episode(5, 3, 4, 2, 3)]).recovery.rate).toBeNull();
  });

  it("says which date it cannot read", () => {
    expect(() => talkingTherapiesOutcomes([{ history: [{ at: "2026-02-30", result: phq(3) }] }])).toThrow(
      ProgressInputError,
    );
  });
});

describe("depressionWindowOutcomes (NCQA DRR-E; CMS159)", () => {
  const one = (...h: HistoryEntry[]) => depressionWindowOutcomes([{ history: h }]);
  it("reads the most recent PHQ-9 120–240 days after the first PHQ-9 above 9", () => {
    expect(one(at(0, phq(16)), at(119, phq(3))).hedis.followUp.numerator).toBe(0);
    expect(one(at(0, phq(16)), at(120, phq(3))).hedis).toMatchObject({
      followUp: { numerator: 1 },
      remission: { numerator: 1 },
      response: { numerator: 1 },
    });
    expect(one(at(0, phq(16)), at(240, phq(3))).hedis.followUp.numerator).toBe(1);
    expect(one(at(0, phq(16)), at(241, phq(3))).hedis.followUp).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    // The most recent in the window decides: 3 then 9 is a response (9 ≤ 8? no: 16 → 9 is 44 %) and no remission.
    const r = one(at(0, phq(16)), at(130, phq(3)), at(200, phq(9)));
    expect(r.hedis).toMatchObject({ remission: { numerator: 0 }, response: { numerator: 0 } });
    expect(one(at(0, phq(16)), at(150, phq(8))).hedis.response.numerator).toBe(1); // exactly 50 % lower
    expect(one(at(0, phq(16)), at(150, phq(5))).hedis.remission.numerator).toBe(0); // 5 is not below 5
  });
  it("takes the first PHQ-9 above 9 as the index (9 is not one) and counts only those with an index", () => {
    const r = depressionWindowOutcomes([
      { history: [at(0, phq(9)), at(150, phq(3))] },
      { history: [at(0, phq(9)), at(10, phq(10)), at(128, phq(4))] },
    ]);
    // The index is day 10 (PHQ-9 10), so day 128 is 118 days on: before the window.
    expect(r.withIndex).toBe(1);
    expect(r.hedis.remission).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(depressionWindowOutcomes([]).hedis.remission.rate).toBeNull();
  });
  it("reads remission at 12 months ± 60 days (days 305–425)", () => {
    expect(one(at(0, phq(16)), at(304, phq(3))).remissionAt12Months.remission.numerator).toBe(0);
    expect(one(at(0, phq(16)), at(305, phq(3))).remissionAt12Months.remission.numerator).toBe(1);
    expect(one(at(0, phq(16)), at(425, phq(3))).remissionAt12Months.remission.numerator).toBe(1);
    expect(one(at(0, phq(16)), at(426, phq(3))).remissionAt12Months.followUp.numerator).toBe(0);
  });
});

describe("cohortJacobsonTruax", () => {
  it("uses the instrument's reliable-change inputs and the cut-off, first against last", () => {
    const r = cohortJacobsonTruax(
      [
        { history: [at(0, phq(16)), at(30, phq(5)), at(90, phq(4))] }, // 12 points, ends ≤ 9: recovered
        { history: [at(0, phq(20)), at(90, phq(12))] }, // 8 points, ends above 9: improved
        { history: [at(0, phq(12)), at(90, phq(8))] }, // 4 points, past the cut-off: unchanged (non-reliably recovered)
        { history: [at(0, phq(3)), at(90, phq(10))] }, // 7 points worse: deteriorated
        { history: [at(0, phq(12))] },
      ],
      { instrument: "phq9", cutoff: 9 },
    );
    expect(r.perEpisode.map((e) => e.category)).toEqual(["recovered", "improved", "unchanged", "deteriorated"]);
    expect(r.counts).toEqual({ recovered: 1, improved: 1, unchanged: 1, deteriorated: 1, nonReliablyRecovered: 1 });
    expect(r.notPaired).toBe(1);
    expect(() =>
      cohortJacobsonTruax([{ history: [at(0, phq(12)), at(9, phq(3))] }], {
        instrument: "phq9",
        cutoff: 9,
        reliability: "nope",
      }),
    ).toThrow(/no reliability option/);
  });
});
