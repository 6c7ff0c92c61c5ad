// Service outcomes over a cohort of histories, by the published reporting definitions: NHS Talking Therapies
// (first against last score), HEDIS / CMS windows (index score against the most recent in a window) and
// Jacobson–Truax categories. Pure functions; the same compareScores underneath as progress.
import { compareScores, type ChangeComparison } from "./change.js";
import { parseInstant } from "./dates.js";
import { ProgressInputError, type HistoryEntry } from "./progress.js";
import { getInstrument } from "./registry.js";
import type { ScoreResult } from "./types.js";

const DAY_MS = 86_400_000;
const Z95 = 1.96;
const EPS = 1e-9;

/** One person's episode of care: their dated results and, where known, the treatment contacts attended. @category Outcomes */
export interface CohortEpisode {
  /** An id for the per-episode lists. */
  readonly id?: string;
  /** The dated results, in any order. */
  readonly history: readonly HistoryEntry[];
  /**
   * Treatment appointments attended (follow-ups excluded). NHS Talking Therapies counts an episode as finished
   * from 2. When left out, the number of distinct days with a scored PHQ-9 or GAD-7 stands in for it
   * (session-by-session measurement), and the report counts such episodes in `finishedInferred`.
   */
  readonly treatmentContacts?: number;
}

/** A rate with its counts: `rate` is numerator / denominator (0–1), null when the denominator is 0. @category Outcomes */
export interface Rate {
  /** Those who met the definition. */
  readonly numerator: number;
  /** Those it is counted among. */
  readonly denominator: number;
  /** numerator / denominator, or null for an empty denominator (0 with a zero numerator). */
  readonly rate: number | null;
}

/** How one episode came out under the NHS Talking Therapies definitions. @category Outcomes */
export interface TalkingTherapiesEpisode {
  /** The episode's id, or its position in the cohort. */
  readonly id: string;
  /** At least two treatment contacts. */
  readonly finished: boolean;
  /** Why it is not in any denominator, or null. */
  readonly excluded: string | null;
  /** PHQ-9 ≥ 10 or GAD-7 ≥ 8 at the first score. */
  readonly caseAtStart: boolean | null;
  /** A case at the first score and a case on neither measure at the last. */
  readonly recovered: boolean | null;
  /** See {@link talkingTherapiesOutcomes} for how the two measures combine. */
  readonly reliablyImproved: boolean | null;
  /** See {@link talkingTherapiesOutcomes}. */
  readonly reliablyDeteriorated: boolean | null;
  /** First and last PHQ-9, and its change. */
  readonly phq9: { readonly first: number; readonly last: number; readonly change: number } | null;
  /** First and last GAD-7, and its change. */
  readonly gad7: { readonly first: number; readonly last: number; readonly change: number } | null;
}

/** What {@link talkingTherapiesOutcomes} returns. @category Outcomes */
export interface TalkingTherapiesOutcomes {
  /** Episodes in the cohort. */
  readonly episodes: number;
  /** Finished episodes with a first and a last PHQ-9 and GAD-7 (the denominators are built from these). */
  readonly finished: number;
  /** Of those, how many were counted as finished from their assessment days (no `treatmentContacts`). */
  readonly finishedInferred: number;
  /** Finished episodes left out for want of a first and last score on both measures. */
  readonly withoutPairedScores: number;
  /** Finished episodes not at caseness at the first score. */
  readonly notCaseAtStart: number;
  /** recovered / (finished − not at caseness at start). */
  readonly recovery: Rate;
  /** reliably improved / finished. */
  readonly reliableImprovement: Rate;
  /** (recovered and reliably improved) / (finished − not at caseness at start). */
  readonly reliableRecovery: Rate;
  /** reliably deteriorated / finished. */
  readonly reliableDeterioration: Rate;
  /** Per-measure counts among the finished, before the measures are combined. */
  readonly perMeasure: {
    readonly phq9: { readonly reliablyImproved: number; readonly reliablyDeteriorated: number };
    readonly gad7: { readonly reliablyImproved: number; readonly reliablyDeteriorated: number };
  };
  /** Each episode. */
  readonly perEpisode: readonly TalkingTherapiesEpisode[];
  /** The definitions used, and which parts are not verified against the national technical text. */
  readonly notes: readonly string[];
}

/**
 * NHS Talking Therapies (IAPT) outcomes for a cohort, first against last score of each episode, with the
 * published denominators (NHS Digital *Psychological Therapies* reports; NHS England's dashboard SQL):
 * recovery and reliable recovery over finished episodes that were at caseness at the start; reliable
 * improvement and reliable deterioration over all finished episodes.
 *
 * Caseness is PHQ-9 ≥ 10 or GAD-7 ≥ 8; reliable change is a PHQ-9 change of 6 or more and a GAD-7 change of 4
 * or more (the `iapt` reliability options of the definitions). These cut-offs were read in secondary sources
 * only. The two measures are combined as the IAPT manual is commonly cited (not verified): reliably improved
 * when either measure reliably improved and neither reliably deteriorated; reliably deteriorated when either
 * reliably deteriorated and neither reliably improved. `perMeasure` gives the counts before combining.
 *
 * @param cohort - one episode per person, each a history
 * @returns the four rates with their counts, per-measure counts and every episode
 * @throws {@link ProgressInputError} for a history with a date that is not ISO 8601
 * @example
 * ```ts
 * const r = talkingTherapiesOutcomes([
 *   { history: [{ at: "2026-01-05", result: score(phq9, [2, 2, 2, 2, 2, 2, 0, 0, 0]) },
 *               { at: "2026-01-05", result: score(gad7, [2, 2, 2, 1, 1, 1, 1]) },
 *               { at: "2026-03-02", result: score(phq9, [1, 1, 1, 1, 0, 0, 0, 0, 0]) },
 *               { at: "2026-03-02", result: score(gad7, [1, 1, 1, 0, 0, 0, 0]) }], treatmentContacts: 6 },
 * ]);
 * r.recovery;            // { numerator: 1, denominator: 1, rate: 1 } (12 → 4 and 10 → 3)
 * r.reliableImprovement; // { numerator: 1, denominator: 1, rate: 1 }
 * ```
 * @see {@link https://digital.nhs.uk/data-and-information/publications/statistical/psychological-therapies-report-on-the-use-of-iapt-services | NHS Digital, Psychological Therapies reports}
 * @category Outcomes
 */
export function talkingTherapiesOutcomes(cohort: readonly CohortEpisode[]): TalkingTherapiesOutcomes {
  const perEpisode = cohort.map((e, i) => talkingTherapiesEpisode(e, i));
  const counted = perEpisode.filter((e) => e.finished && e.excluded === null);
  const cases = counted.filter((e) => e.caseAtStart === true);
  const count = (xs: readonly TalkingTherapiesEpisode[], f: (e: TalkingTherapiesEpisode) => boolean): number =>
    xs.filter(f).length;
  const inferred = cohort.filter(
    (e, i) => e.treatmentContacts === undefined && counted.some((c) => c === perEpisode[i]),
  ).length;
  const measure = (m: "phq9" | "gad7"): { reliablyImproved: number; reliablyDeteriorated: number } => {
    const threshold = m === "phq9" ? 6 : 4;
    const changes = counted.map((e) => e[m]?.change ?? 0);
    return {
      reliablyImproved: changes.filter((c) => c <= -threshold + EPS).length,
      reliablyDeteriorated: changes.filter((c) => c >= threshold - EPS).length,
    };
  };
  return {
    episodes: cohort.length,
    finished: counted.length,
    finishedInferred: inferred,
    withoutPairedScores: count(perEpisode, (e) => e.finished && e.excluded !== null),
    notCaseAtStart: counted.length - cases.length,
    recovery: rate(
      count(cases, (e) => e.recovered === true),
      cases.length,
    ),
    reliableImprovement: rate(
      count(counted, (e) => e.reliablyImproved === true),
      counted.length,
    ),
    reliableRecovery: rate(
      count(cases, (e) => e.recovered === true && e.reliablyImproved === true),
      cases.length,
    ),
    reliableDeterioration: rate(
      count(counted, (e) => e.reliablyDeteriorated === true),
      counted.length,
    ),
    perMeasure: { phq9: measure("phq9"), gad7: measure("gad7") },
    perEpisode,
    notes: [
      "Finished: at least two attended treatment contacts (NHS Digital; NHS England SQL); without treatmentContacts, the days with a scored PHQ-9 or GAD-7 are counted instead.",
      "First against last score of the episode on each measure (NHS Digital).",
      "Caseness PHQ-9 ≥ 10 or GAD-7 ≥ 8; reliable change PHQ-9 6, GAD-7 4 points: read in secondary sources only, not in the national technical text.",
      "Combining the two measures (either reliably better and neither reliably worse; and the reverse for deterioration) is NOT verified against the IAPT manual or NHS Digital's technical text; perMeasure gives the counts before combining.",
      "Only the PHQ-9 and GAD-7 pair is used; services using an anxiety-disorder-specific measure instead of the GAD-7 are not reproduced.",
    ],
  };
}

function talkingTherapiesEpisode(e: CohortEpisode, i: number): TalkingTherapiesEpisode {
  const id = e.id ?? String(i);
  const phq = firstAndLast(e.history, "phq9");
  const gad = firstAndLast(e.history, "gad7");
  const days = new Set(
    e.history
      .filter((h) => (h.result.instrument === "phq9" || h.result.instrument === "gad7") && h.result.score !== null)
      .map((h) => Math.floor(instant(h.at) / DAY_MS)),
  );
  const finished = (e.treatmentContacts ?? days.size) >= 2;
  const none = { caseAtStart: null, recovered: null, reliablyImproved: null, reliablyDeteriorated: null };
  const summary = (c: ChangeComparison | null): TalkingTherapiesEpisode["phq9"] =>
    c === null ? null : { first: c.before, last: c.after, change: c.change };
  if (phq === null || gad === null) {
    return {
      id,
      finished,
      excluded: "no first and last score on both the PHQ-9 and the GAD-7",
      ...none,
      phq9: summary(phq),
      gad7: summary(gad),
    };
  }
  const caseAt = (p: number, g: number): boolean => p >= 10 || g >= 8;
  const caseAtStart = caseAt(phq.before, gad.before);
  const reliable = (c: ChangeComparison, way: "improved" | "worsened"): boolean =>
    c.reliableChange.available && c.reliableChange.reliable && c.direction === way;
  const better = reliable(phq, "improved") || reliable(gad, "improved");
  const worse = reliable(phq, "worsened") || reliable(gad, "worsened");
  return {
    id,
    finished,
    excluded: null,
    caseAtStart,
    recovered: caseAtStart && !caseAt(phq.after, gad.after),
    reliablyImproved: better && !worse,
    reliablyDeteriorated: worse && !better,
    phq9: summary(phq),
    gad7: summary(gad),
  };
}

/** First against last scored result of an instrument, with its IAPT reliable-change option; null with fewer than two. */
function firstAndLast(history: readonly HistoryEntry[], instrument: "phq9" | "gad7"): ChangeComparison | null {
  const scored = sortedScored(history, instrument);
  const first = scored[0];
  const last = scored.at(-1);
  if (first === undefined || last === undefined || scored.length < 2) return null;
  return compareScores(first.result, last.result, { reliability: "iapt" });
}

/** A window of days after the index score, both ends included. @category Outcomes */
export interface DayWindow {
  /** First day, inclusive. */
  readonly fromDays: number;
  /** Last day, inclusive. */
  readonly toDays: number;
}

/** What {@link depressionWindowOutcomes} returns. @category Outcomes */
export interface DepressionWindowOutcomes {
  /** Episodes with an index PHQ-9 above 9 (the denominator of every rate). */
  readonly withIndex: number;
  /** NCQA HEDIS DRR-E: the most recent PHQ-9 120–240 days after the index. */
  readonly hedis: {
    /** The window used. */
    readonly window: DayWindow;
    /** A follow-up PHQ-9 in the window. */
    readonly followUp: Rate;
    /** The most recent PHQ-9 in the window below 5. */
    readonly remission: Rate;
    /** The most recent PHQ-9 in the window at least 50 % below the index. */
    readonly response: Rate;
  };
  /** CMS159 / NQF 0710: the most recent PHQ-9 at 12 months ± 60 days below 5. */
  readonly remissionAt12Months: { readonly window: DayWindow; readonly followUp: Rate; readonly remission: Rate };
  /** The definitions used. */
  readonly notes: readonly string[];
}

/**
 * HEDIS-style depression response and remission for a cohort: the index is each episode's first PHQ-9 above
 * 9; the measure reads the most recent PHQ-9 inside a window of days after it. NCQA DRR-E: 120–240 days,
 * follow-up present, remission below 5, response at least 50 % below the index. CMS159 (NQF 0710, v7 and
 * later): 12 months ± 60 days (here 305–425 days), remission below 5. Every rate's denominator is the episodes
 * with an index score; an episode without a PHQ-9 in the window counts in the denominator only.
 *
 * @param cohort - one episode per person
 * @param options - other windows, in days after the index
 * @returns the rates with their counts
 * @throws {@link ProgressInputError} for a history with a date that is not ISO 8601
 * @example
 * ```ts
 * const r = depressionWindowOutcomes([{ history: [
 *   { at: "2026-01-05", result: score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]) }, // 16: the index
 *   { at: "2026-06-01", result: score(phq9, [1, 1, 1, 0, 0, 0, 0, 0, 0]) }, // 3, day 147
 * ] }]);
 * r.hedis.remission; // { numerator: 1, denominator: 1, rate: 1 }
 * ```
 * @see {@link https://www.ncqa.org/hedis/measures/depression-remission-or-response-for-adolescents-and-adults/ | NCQA DRR-E}
 * @category Outcomes
 */
export function depressionWindowOutcomes(
  cohort: readonly CohortEpisode[],
  options: { readonly hedis?: DayWindow; readonly twelveMonths?: DayWindow } = {},
): DepressionWindowOutcomes {
  const hedisWindow = options.hedis ?? { fromDays: 120, toDays: 240 };
  const yearWindow = options.twelveMonths ?? { fromDays: 305, toDays: 425 };
  let withIndex = 0;
  const hits = { hedisFollow: 0, hedisRemission: 0, hedisResponse: 0, yearFollow: 0, yearRemission: 0 };
  for (const e of cohort) {
    const scored = sortedScored(e.history, "phq9");
    const index = scored.find((s) => (s.result.score as number) > 9);
    if (index === undefined) continue;
    withIndex++;
    const day0 = Math.floor(index.t / DAY_MS);
    const inWindow = (w: DayWindow): Scored | undefined =>
      scored
        .filter(
          (s) =>
            s !== index && Math.floor(s.t / DAY_MS) - day0 >= w.fromDays && Math.floor(s.t / DAY_MS) - day0 <= w.toDays,
        )
        .at(-1);
    const base = index.result.score as number;
    const h = inWindow(hedisWindow);
    if (h !== undefined) {
      const v = h.result.score as number;
      hits.hedisFollow++;
      if (v < 5) hits.hedisRemission++;
      // Cross-multiplied: 16 → 8 is exactly 50 % lower.
      if ((base - v) * 100 >= 50 * base - EPS) hits.hedisResponse++;
    }
    const y = inWindow(yearWindow);
    if (y !== undefined) {
      hits.yearFollow++;
      if ((y.result.score as number) < 5) hits.yearRemission++;
    }
  }
  return {
    withIndex,
    hedis: {
      window: hedisWindow,
      followUp: rate(hits.hedisFollow, withIndex),
      remission: rate(hits.hedisRemission, withIndex),
      response: rate(hits.hedisResponse, withIndex),
    },
    remissionAt12Months: {
      window: yearWindow,
      followUp: rate(hits.yearFollow, withIndex),
      remission: rate(hits.yearRemission, withIndex),
    },
    notes: [
      "Index: the episode's first PHQ-9 above 9 (NCQA DRR-E, CMS159); the measures' own intake periods and exclusions are the caller's to apply.",
      "The most recent PHQ-9 inside the window is read (NCQA DRR-E; CMS159); days are counted between calendar dates (UTC).",
      "12 months is taken as 365 days, so 12 months ± 60 days is days 305–425 after the index.",
    ],
  };
}

/** Jacobson & Truax's categories; "unchanged" includes those past the cut-off without a reliable change. @category Outcomes */
export type JacobsonTruaxCategory = "recovered" | "improved" | "unchanged" | "deteriorated";

/** How the Jacobson–Truax cut-off is set: a score, or one of the three criteria. @category Outcomes */
export type JacobsonTruaxCutoff =
  | number
  /** a: `width` SDs beyond the dysfunctional mean (default: the pre scores' mean and SD), towards health. */
  | {
      readonly criterion: "a";
      readonly width?: number;
      readonly dysfunctionalMean?: number;
      readonly dysfunctionalSd?: number;
    }
  /** b: `width` SDs from the functional mean, towards dysfunction. */
  | { readonly criterion: "b"; readonly width?: number; readonly functionalMean: number; readonly functionalSd: number }
  /** c: the SD-weighted midpoint between the dysfunctional and the functional means. */
  | {
      readonly criterion: "c";
      readonly functionalMean: number;
      readonly functionalSd: number;
      readonly dysfunctionalMean?: number;
      readonly dysfunctionalSd?: number;
    };

/** Options for {@link jacobsonTruax}. @category Outcomes */
export interface JacobsonTruaxOptions {
  /** Test-retest (or internal) reliability of the measure, 0 ≤ r < 1. */
  readonly reliability: number;
  /** The SD for the standard error of measurement; the pre scores' sample SD (n − 1) when left out. */
  readonly sd?: number;
  /** The cut-off for "recovered". */
  readonly cutoff: JacobsonTruaxCutoff;
  /** True where higher scores are better (default false). */
  readonly higherIsBetter?: boolean;
}

/** One pre/post pair, classified. @category Outcomes */
export interface JacobsonTruaxPair {
  /** The pre score. */
  readonly pre: number;
  /** The post score. */
  readonly post: number;
  /** post − pre. */
  readonly change: number;
  /** (post − pre) / S_diff. */
  readonly rci: number;
  /** True when |RCI| ≥ 1.96. */
  readonly reliable: boolean;
  /** True when the post score is on the functional side of the cut-off (at it counts as past). */
  readonly pastCutoff: boolean;
  /** The category. */
  readonly category: JacobsonTruaxCategory;
}

/** What {@link jacobsonTruax} returns: the inputs derived, each pair, the counts and the plot's lines. @category Outcomes */
export interface JacobsonTruaxResult {
  /** The SD used. */
  readonly sd: number;
  /** SEM = SD × √(1 − r). */
  readonly sem: number;
  /** S_diff = √2 × SEM. */
  readonly standardErrorOfDifference: number;
  /** The smallest reliable change in points: 1.96 × S_diff (the half-width of the plot's band). */
  readonly threshold: number;
  /** The cut-off score. */
  readonly cutoff: number;
  /** Each pair, in input order. */
  readonly pairs: readonly JacobsonTruaxPair[];
  /** How many in each category, and how many of the unchanged are past the cut-off ("non-reliably recovered"). */
  readonly counts: Readonly<Record<JacobsonTruaxCategory, number>> & { readonly nonReliablyRecovered: number };
  /** The Jacobson–Truax plot (x = pre, y = post): y = x, y = x ± threshold, y = cutoff. */
  readonly plot: {
    readonly identity: { readonly slope: 1; readonly intercept: 0 };
    readonly band: readonly [number, number];
    readonly cutoff: number;
  };
}

/**
 * Jacobson & Truax (1991) clinical significance for pre/post pairs: the reliable change index RCI = (post −
 * pre) / S_diff, S_diff = √2 × SD × √(1 − r), reliable when |RCI| ≥ 1.96; recovered = a reliable improvement
 * ending past the cut-off; improved = a reliable improvement short of it; deteriorated = a reliable worsening;
 * unchanged otherwise (`pastCutoff` marks the "non-reliably recovered"). The cut-off is a score or criterion
 * a, b or c; criteria a and b default to 2 SDs (Jacobson & Truax; some implementations use 1.96).
 *
 * @param pairs - pre and post scores of one measure
 * @param options - reliability, SD, cut-off, direction
 * @returns the derived inputs, every pair classified, the counts and the plot's lines
 * @throws RangeError for a reliability outside [0, 1), a non-finite score, fewer than two pairs without `sd`
 * @example
 * ```ts
 * const r = jacobsonTruax([{ pre: 20, post: 8 }, { pre: 18, post: 16 }, { pre: 15, post: 24 }], { reliability: 0.84, sd: 5, cutoff: 10 });
 * r.threshold;                      // 5.54… (1.96 × √2 × 5 × √0.16)
 * r.pairs.map((p) => p.category);   // ["recovered", "unchanged", "deteriorated"]
 * ```
 * @see {@link https://doi.org/10.1037/0022-006X.59.1.12 | Jacobson & Truax 1991}
 * @category Outcomes
 */
export function jacobsonTruax(
  pairs: readonly { readonly pre: number; readonly post: number }[],
  options: JacobsonTruaxOptions,
): JacobsonTruaxResult {
  const r = options.reliability;
  if (typeof r !== "number" || !(r >= 0 && r < 1))
    throw new RangeError(`jacobsonTruax: reliability must be at least 0 and below 1 (got ${String(r)})`);
  pairs.forEach((p, i) => {
    if (!Number.isFinite(p.pre) || !Number.isFinite(p.post))
      throw new RangeError(`jacobsonTruax: pairs[${String(i)}] must have finite pre and post scores`);
  });
  const pre = pairs.map((p) => p.pre);
  if (options.sd === undefined && pre.length < 2)
    throw new RangeError(
      "jacobsonTruax: at least two pairs are needed to take the SD from the pre scores; pass options.sd",
    );
  const mean = pre.reduce((a, b) => a + b, 0) / Math.max(pre.length, 1);
  const sampleSd = pre.length < 2 ? 0 : Math.sqrt(pre.reduce((a, b) => a + (b - mean) ** 2, 0) / (pre.length - 1));
  const sd = options.sd ?? sampleSd;
  const hib = options.higherIsBetter === true;
  const toward = hib ? 1 : -1;
  const c = options.cutoff;
  let cutoff: number;
  if (typeof c === "number") cutoff = c;
  else if (c.criterion === "a")
    cutoff = (c.dysfunctionalMean ?? mean) + toward * (c.width ?? 2) * (c.dysfunctionalSd ?? sampleSd);
  else if (c.criterion === "b") cutoff = c.functionalMean - toward * (c.width ?? 2) * c.functionalSd;
  else {
    const dm = c.dysfunctionalMean ?? mean;
    const ds = c.dysfunctionalSd ?? sampleSd;
    cutoff = (ds * c.functionalMean + c.functionalSd * dm) / (ds + c.functionalSd);
  }
  const sem = sd * Math.sqrt(1 - r);
  const sDiff = Math.SQRT2 * sem;
  const threshold = Z95 * sDiff;
  const counts = { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0, nonReliablyRecovered: 0 };
  const out = pairs.map((p): JacobsonTruaxPair => {
    const change = p.post - p.pre;
    const rci = sDiff === 0 ? (change === 0 ? 0 : Math.sign(change) * Infinity) : change / sDiff;
    const better = toward * rci >= Z95 - EPS;
    const worse = toward * rci <= -Z95 + EPS;
    const pastCutoff = hib ? p.post >= cutoff : p.post <= cutoff;
    const category: JacobsonTruaxCategory = worse
      ? "deteriorated"
      : better
        ? pastCutoff
          ? "recovered"
          : "improved"
        : "unchanged";
    counts[category]++;
    if (category === "unchanged" && pastCutoff) counts.nonReliablyRecovered++;
    return { pre: p.pre, post: p.post, change, rci, reliable: better || worse, pastCutoff, category };
  });
  return {
    sd,
    sem,
    standardErrorOfDifference: sDiff,
    threshold,
    cutoff,
    pairs: out,
    counts,
    plot: { identity: { slope: 1, intercept: 0 }, band: [-threshold, threshold], cutoff },
  };
}

/**
 * Jacobson–Truax categories for a cohort on one instrument, first against last scored result, with the
 * instrument's own reliable-change inputs (its default, or `reliability`) as `compareScores` applies them and
 * a cut-off score (e.g. PHQ-9 10, the caseness threshold). Episodes with fewer than two scores are counted in
 * `notPaired`.
 *
 * @param cohort - one episode per person
 * @param options - the instrument, its scale, the cut-off score, a reliability option id
 * @returns the counts, per episode the category, and the episodes without a pair
 * @throws {@link CompareInputError} when the instrument has no reliable-change inputs for the scale
 * @example
 * ```ts
 * const r = cohortJacobsonTruax([{ history: [
 *   { at: "2026-01-05", result: score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]) }, // 16
 *   { at: "2026-04-06", result: score(phq9, [1, 1, 1, 1, 1, 0, 0, 0, 0]) }, // 5
 * ] }], { instrument: "phq9", cutoff: 9 }); // recovered: 9 or less
 * r.counts.recovered; // 1
 * ```
 * @category Outcomes
 */
export function cohortJacobsonTruax(
  cohort: readonly CohortEpisode[],
  options: {
    readonly instrument: string;
    readonly cutoff: number;
    readonly scale?: string;
    readonly reliability?: string;
  },
): {
  readonly counts: Readonly<Record<JacobsonTruaxCategory, number>> & { readonly nonReliablyRecovered: number };
  readonly perEpisode: readonly {
    readonly id: string;
    readonly pre: number;
    readonly post: number;
    readonly category: JacobsonTruaxCategory;
    readonly pastCutoff: boolean;
  }[];
  readonly notPaired: number;
} {
  const counts = { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0, nonReliablyRecovered: 0 };
  const perEpisode: { id: string; pre: number; post: number; category: JacobsonTruaxCategory; pastCutoff: boolean }[] =
    [];
  let notPaired = 0;
  cohort.forEach((e, i) => {
    const scored = sortedScored(e.history, options.instrument, options.scale);
    const first = scored[0];
    const last = scored.at(-1);
    if (first === undefined || last === undefined || scored.length < 2) {
      notPaired++;
      return;
    }
    const c = compareScores(first.result, last.result, {
      ...(options.scale === undefined ? {} : { scale: options.scale }),
      ...(options.reliability === undefined ? {} : { reliability: options.reliability }),
    });
    if (!c.reliableChange.available) {
      throw new RangeError(`cohortJacobsonTruax: ${c.reliableChange.reason}`);
    }
    const reliable = c.reliableChange.reliable;
    const pastCutoff =
      getInstrument(options.instrument)?.direction === "higher-is-better"
        ? c.after >= options.cutoff
        : c.after <= options.cutoff;
    const category: JacobsonTruaxCategory =
      reliable && c.direction === "worsened"
        ? "deteriorated"
        : reliable && c.direction === "improved"
          ? pastCutoff
            ? "recovered"
            : "improved"
          : "unchanged";
    counts[category]++;
    if (category === "unchanged" && pastCutoff) counts.nonReliablyRecovered++;
    perEpisode.push({ id: e.id ?? String(i), pre: c.before, post: c.after, category, pastCutoff });
  });
  return { counts, perEpisode, notPaired };
}

interface Scored {
  readonly t: number;
  readonly index: number;
  readonly result: ScoreResult;
}

/** An instrument's results with a score (on `scale`, else the primary score), by date. */
function sortedScored(history: readonly HistoryEntry[], instrument: string, scale?: string): Scored[] {
  return history
    .map((h, index) => ({ t: instant(h.at), index, result: h.result }))
    .filter((s) => {
      if (s.result.instrument !== instrument) return false;
      const v =
        scale === undefined
          ? s.result.score
          : (s.result.scales as Readonly<Record<string, { score: number | null } | undefined>>)[scale]?.score;
      return typeof v === "number" && Number.isFinite(v);
    })
    .sort((a, b) => a.t - b.t || a.index - b.index);
}

function instant(at: string): number {
  const t = parseInstant(at);
  if (t === null)
    throw new ProgressInputError([
      { path: "history.at", value: at, message: "must be an ISO 8601 date or date-time naming a real day" },
    ]);
  return t;
}

function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
