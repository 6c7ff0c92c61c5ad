// Change over time for a cohort: each person's follow-ups judged by `progress` (so a table of change and the
// API never disagree), and the cohort summary researchers report per instrument and time point.
import type { ChangeComparison, NotAvailable } from "./change.js";
import { parseInstant } from "./dates.js";
import {
  progress,
  type HistoryEntry,
  type ProgressAction,
  type ProgressPoint,
  type ProgressResult,
  type ProgressStatus,
} from "./progress.js";
import type { Rate } from "./outcomes.js";
import { compare } from "./rules/conditions.js";
import { defaultPathway } from "./stratify/default-pathway.js";
import { definitionFor, type Pathway } from "./stratify/pathway.js";
import { trackedScale } from "./stratify/progression.js";
import type { CellError } from "./batch/types.js";
import type { Comparison, InstrumentDefinition, OutcomeDefinition } from "./types.js";

/** A dated result, with the time point (visit label) it belongs to when the data name one. @category Outcomes */
export interface TimedEntry extends HistoryEntry {
  /** The time point's label (`baseline`, `t1`, `6w`); without it, time points are numbered `visit 1`, `visit 2` … */
  readonly timePoint?: string;
}

/** Cells that could not be read for one instrument at one time point: the instrument was given but not scored. @category Outcomes */
export interface InvalidAssessment {
  /** The date of the time point. */
  readonly at: string;
  /** The time point's label, as in the history. */
  readonly timePoint?: string;
  /** The instrument. */
  readonly instrument: string;
  /** The cells, as the batch scorer names them. */
  readonly errors: readonly CellError[];
}

/** One person's assessments over time: what the batch readers give and the summary and report read. @category Outcomes */
export interface PersonHistory {
  /** The person's id, as in the data. */
  readonly id: string;
  /** The group (site, arm) the person belongs to, when the data give one. */
  readonly group?: string;
  /** Every scored (or partly answered) result, with its date and time point. */
  readonly history: readonly TimedEntry[];
  /** Instruments given but not scorable because of invalid cells. */
  readonly invalid?: readonly InvalidAssessment[];
}

/**
 * An instrument's standing at one follow-up: one of `progress`'s statuses (from its baseline to this time
 * point), or `missing` (not given at this time point: lost to follow-up or skipped), or `invalid` (given,
 * with cells that could not be read).
 * @category Outcomes
 */
export type FollowUpStatus = ProgressStatus | "missing" | "invalid";

/** One instrument at one follow-up. @category Outcomes */
export interface FollowUpInstrument {
  /** The instrument's id. */
  readonly instrument: string;
  /** The scale followed (as `progress` follows it: the primary score, else the first subscale). */
  readonly scale: string;
  /** Where it stands; see {@link FollowUpStatus}. */
  readonly status: FollowUpStatus;
  /** Its baseline (first scored point) on or before this time point, or null. */
  readonly baseline: ProgressPoint | null;
  /** Its point at this time point, or null when not given (or not readable). */
  readonly point: ProgressPoint | null;
  /** `compareScores(baseline, point)` exactly as `progress` gives it; null unless both are scored. */
  readonly change: ChangeComparison | null;
}

/** One person at one time point after their first. @category Outcomes */
export interface FollowUp {
  /** The time point's label. */
  readonly timePoint: string;
  /** Its date, or null for a declared time point the person has no assessment at. */
  readonly at: string | null;
  /** Weeks since the person's first assessment, or null (no date, or dates that are only an order). */
  readonly weeks: number | null;
  /** Each instrument followed, by id. */
  readonly instruments: Readonly<Record<string, FollowUpInstrument>>;
  /** `progress` over the history up to this time point; null when the person has no assessment here or actions are off. */
  readonly progress: ProgressResult | null;
  /** `progress`'s action, or null where it is not judged. */
  readonly action: ProgressAction | null;
}

/** Options for {@link followUps} and {@link summarizeOutcomes}. @category Outcomes */
export interface FollowUpOptions {
  /** The instruments to follow; every instrument in the histories when left out. */
  readonly instruments?: readonly string[];
  /** The time points in order; from the data when left out (labels by date, else `visit 1`, `visit 2` …). */
  readonly timePoints?: readonly string[];
  /** The pathway whose progression rules give the action; {@link defaultPathway} when left out. */
  readonly pathway?: Pathway;
  /** False when the dates only order the time points (visit labels without weeks): no action or weeks then. */
  readonly actions?: boolean;
  /** Definitions of instruments that are not bundled. */
  readonly definitions?: readonly InstrumentDefinition[];
}

/** A person's time points: label, date and the entries at it. */
interface Slot {
  readonly label: string;
  readonly at: string;
  readonly t: number;
}

function instantOf(at: string, id: string): number {
  const t = parseInstant(at);
  if (t === null) throw new RangeError(`person "${id}": "${at}" is not an ISO 8601 date or date-time`);
  return t;
}

/** The person's time points in date order, labelled from the entries or numbered. */
function slots(person: PersonHistory): Slot[] {
  const byT = new Map<number, { at: string; label: string | undefined }>();
  const dated = [
    ...person.history.map((e) => ({ at: e.at, label: e.timePoint })),
    ...(person.invalid ?? []).map((e) => ({ at: e.at, label: e.timePoint })),
  ];
  for (const e of dated) {
    const t = instantOf(e.at, person.id);
    if (!byT.has(t)) byT.set(t, { at: e.at, label: e.label });
  }
  const sorted = [...byT.entries()].sort((a, b) => a[0] - b[0]);
  const labelled = sorted.every(([, v]) => v.label !== undefined);
  return sorted.map(([t, v], i) => ({ t, at: v.at, label: labelled ? (v.label as string) : `visit ${String(i + 1)}` }));
}

function definitionOf(id: string, extra: readonly InstrumentDefinition[]): InstrumentDefinition {
  const def = definitionFor(id, extra);
  if (def === undefined)
    throw new RangeError(`"${id}" is not a bundled instrument; pass its definition in options.definitions`);
  return def;
}

function instrumentsOf(persons: readonly PersonHistory[], options: FollowUpOptions): string[] {
  if (options.instruments !== undefined) return [...options.instruments];
  const ids = new Set<string>();
  for (const p of persons) for (const e of p.history) ids.add(e.result.instrument);
  return [...ids];
}

/**
 * One person's follow-ups: at every time point after their first assessment (and at every later time point of
 * `options.timePoints`, assessed or not), each instrument's status, baseline, point and change as `progress`
 * gives them over the history up to that time point, and `progress`'s action there.
 *
 * @param person - the person's history
 * @param options - the instruments, the time points, the pathway
 * @returns one entry per time point after the first; a person with a single time point gets that one, with each instrument `baseline-only`
 * @throws RangeError for a date that is not ISO 8601 or an unknown instrument
 * @throws {@link ProgressInputError} as `progress` does
 * @example
 * ```ts
 * const [f] = followUps({ id: "p1", history: [
 *   { at: "2026-01-05", timePoint: "t0", result: score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]) }, // 16
 *   { at: "2026-03-02", timePoint: "t1", result: score(phq9, [1, 1, 1, 0, 0, 0, 0, 0, 0]) }, // 3
 * ] });
 * f?.instruments.phq9?.status; // "remission"
 * f?.instruments.phq9?.change?.change; // -13
 * ```
 * @category Outcomes
 */
export function followUps(person: PersonHistory, options: FollowUpOptions = {}): FollowUp[] {
  const extra = options.definitions ?? [];
  const ids = instrumentsOf([person], options);
  const defs = ids.map((id) => definitionOf(id, extra));
  const own = slots(person);
  const first = own[0];
  const out: FollowUp[] = [];
  if (first === undefined) return out;
  const declared = options.timePoints ?? [];
  const later = new Set(own.slice(1).map((s) => s.label));
  const firstIndex = declared.indexOf(first.label);
  if (firstIndex >= 0) for (const label of declared.slice(firstIndex + 1)) later.add(label);
  const order = (label: string): number => {
    const i = declared.indexOf(label);
    const s = own.findIndex((x) => x.label === label);
    return i >= 0 ? i : declared.length + s;
  };
  const labels = own.length === 1 && later.size === 0 ? [first.label] : [...later].sort((a, b) => order(a) - order(b));
  const actions = options.actions !== false;
  // Over the whole history: needed only for a declared time point the person has no assessment at.
  let whole: ProgressResult | null | undefined;
  for (const label of labels) {
    const slot = own.find((s) => s.label === label);
    if (slot === undefined) {
      // A declared time point without any assessment: each instrument is missing here, measured against its
      // baseline among the time points before this one.
      const instruments: Record<string, FollowUpInstrument> = {};
      for (const def of defs) {
        whole ??= progressAt(person, null, extra, options.pathway);
        const b = whole?.instruments[def.id]?.baseline ?? null;
        const bSlot = b === null ? undefined : own.find((s) => s.t === parseInstant(b.at));
        const before = bSlot !== undefined && order(bSlot.label) < order(label);
        instruments[def.id] = {
          instrument: def.id,
          scale: trackedScale(def),
          status: "missing",
          baseline: before ? b : null,
          point: null,
          change: null,
        };
      }
      out.push({ timePoint: label, at: null, weeks: null, instruments, progress: null, action: null });
      continue;
    }
    const p = progressAt(person, slot.at, extra, options.pathway);
    const instruments: Record<string, FollowUpInstrument> = {};
    for (const def of defs) {
      const ip = p?.instruments[def.id];
      const point = ip?.points.find((x) => parseInstant(x.at) === slot.t) ?? null;
      const invalid = (person.invalid ?? []).some((x) => x.instrument === def.id && parseInstant(x.at) === slot.t);
      const baseline = ip?.baseline ?? null;
      let status: FollowUpStatus;
      let change: ChangeComparison | null = null;
      if (point === null) status = invalid ? "invalid" : "missing";
      else if (point.score === null) status = "not-scored";
      else if (baseline === null || parseInstant(baseline.at) === slot.t) status = "baseline-only";
      else {
        status = ip?.status ?? "not-scored";
        change = ip?.change ?? null;
      }
      instruments[def.id] = {
        instrument: def.id,
        scale: ip?.scale ?? trackedScale(def),
        status,
        baseline,
        point,
        change,
      };
    }
    out.push({
      timePoint: label,
      at: slot.at,
      weeks: actions ? (slot.t - first.t) / 86_400_000 / 7 : null,
      instruments,
      progress: actions ? p : null,
      action: actions && p !== null ? p.action : null,
    });
  }
  return out;
}

/** `progress` over the history up to `at` (all of it for null); null without any entry. */
function progressAt(
  person: PersonHistory,
  at: string | null,
  definitions: readonly InstrumentDefinition[],
  pathway: Pathway | undefined,
): ProgressResult | null {
  if (person.history.length === 0) return null;
  const history = person.history.map((e) => ({ at: e.at, result: e.result }));
  return progress(history, {
    pathway: pathway ?? defaultPathway,
    ...(at === null ? {} : { asOf: at }),
    ...(definitions.length === 0 ? {} : { definitions }),
  });
}

/** Mean change with its spread. @category Outcomes */
export interface ChangeStatistics {
  /** Mean of (follow-up − baseline). */
  readonly mean: number;
  /** Sample standard deviation (n − 1); null with one pair. */
  readonly sd: number | null;
  /** 95 % confidence interval of the mean (Student's t, n − 1 degrees of freedom); null with one pair. */
  readonly ci95: { readonly lower: number; readonly upper: number } | null;
}

/** A response or remission rate with the definition and its denominator. @category Outcomes */
export interface OutcomeRate {
  /** Discriminant. */
  readonly available: true;
  /** The definition's id. */
  readonly id: string;
  /** The definition's label. */
  readonly label: string;
  /** The baselines it is judged for, e.g. "baseline ≥ 10", or null for every baseline. */
  readonly population: string | null;
  /**
   * Met among those it could be judged for: pairs with a baseline in `population` (remission: and not
   * already met at baseline, as `progress` judges it).
   */
  readonly rate: Rate;
  /** Pairs it could not be judged for (baseline outside `population`, or a remission already met at baseline). */
  readonly notJudged: number;
}

/** The Jacobson–Truax categories of the pairs, with the cut-off used. @category Outcomes */
export interface JacobsonTruaxCounts {
  /** Discriminant. */
  readonly available: true;
  /** The cut-off for "recovered": the follow-up must meet `op value`; where it came from. */
  readonly cutoff: { readonly op: Comparison; readonly value: number; readonly from: string };
  /** Pairs per category (recovered, improved, unchanged, deteriorated). */
  readonly counts: {
    readonly recovered: number;
    readonly improved: number;
    readonly unchanged: number;
    readonly deteriorated: number;
    /** Of the unchanged, those past the cut-off ("non-reliably recovered"). */
    readonly nonReliablyRecovered: number;
  };
}

/** One instrument at one time point over a cohort (or one group of it). @category Outcomes */
export interface InstrumentOutcomeSummary {
  /** The instrument. */
  readonly instrument: string;
  /** The scale followed. */
  readonly scale: string;
  /** The follow-up time point. */
  readonly timePoint: string;
  /** Persons with a scored baseline before this time point. */
  readonly withBaseline: number;
  /** Of those, persons with a scored result at this time point: the pairs everything below is computed over. */
  readonly paired: number;
  /** Of those with a baseline: given here but not scored (too many answers missing, or invalid cells). */
  readonly notScored: number;
  /** Of those with a baseline: no assessment of the instrument at this time point (lost to follow-up, skipped). */
  readonly missing: number;
  /** Mean change from baseline, or null without pairs. */
  readonly change: ChangeStatistics | null;
  /** Shares of the pairs reliably improved, with no reliable change and reliably deteriorated, where the definition gives reliability inputs. */
  readonly reliableChange:
    | {
        readonly available: true;
        readonly id: string;
        readonly threshold: number;
        readonly improved: Rate;
        readonly unchanged: Rate;
        readonly deteriorated: Rate;
      }
    | NotAvailable;
  /** Response, where the definition defines it. */
  readonly response: OutcomeRate | NotAvailable;
  /** Remission, where the definition defines it. */
  readonly remission: OutcomeRate | NotAvailable;
  /** Jacobson–Truax categories, where there are reliability inputs and a cut-off. */
  readonly jacobsonTruax: JacobsonTruaxCounts | NotAvailable;
}

/** A cohort (or one group of it) summarised. @category Outcomes */
export interface CohortOutcomes {
  /** Persons. */
  readonly persons: number;
  /** Persons with an assessment at more than one time point. */
  readonly withFollowUp: number;
  /** Persons with at most one time point assessed, never dropped: their count and ids. */
  readonly withoutFollowUp: { readonly count: number; readonly ids: readonly string[] };
  /** Per instrument, per follow-up time point in order. */
  readonly instruments: readonly InstrumentOutcomeSummary[];
}

/** What {@link summarizeOutcomes} returns. @category Outcomes */
export interface OutcomeSummary extends CohortOutcomes {
  /** The time points, in order (the first is the baseline time point). */
  readonly timePoints: readonly string[];
  /** The same per group, in order of first appearance; empty when no person has a group. */
  readonly groups: readonly ({ readonly group: string } & CohortOutcomes)[];
  /** How the figures are defined. */
  readonly notes: readonly string[];
}

/** Options for {@link summarizeOutcomes}. @category Outcomes */
export interface SummaryOptions extends FollowUpOptions {
  /**
   * Jacobson–Truax cut-offs by instrument id: the follow-up must meet `op value` to count as recovered. By
   * default the follow-up criterion of the instrument's default remission definition (PHQ-9: below 5).
   */
  readonly cutoffs?: Readonly<Record<string, { readonly op: Comparison; readonly value: number }>>;
}

function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

/** The default (or only) definition of a list. */
function defaultOf<T extends { readonly default?: boolean }>(list: readonly T[] | undefined): T | undefined {
  if (list === undefined || list.length === 0) return undefined;
  return list.find((x) => x.default === true) ?? (list.length === 1 ? list[0] : undefined);
}

const OP_TEXT: Readonly<Record<Comparison, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" };

function populationOf(d: OutcomeDefinition | undefined): string | null {
  return d?.baseline === undefined ? null : `baseline ${OP_TEXT[d.baseline.op]} ${String(d.baseline.value)}`;
}

/** The Jacobson–Truax cut-off: the caller's, else the default remission definition's follow-up criterion. */
function cutoffOf(
  def: InstrumentDefinition,
  scale: string,
  given: SummaryOptions["cutoffs"],
): JacobsonTruaxCounts["cutoff"] | null {
  const own = given?.[def.id];
  if (own !== undefined) return { op: own.op, value: own.value, from: "options.cutoffs" };
  const remission = defaultOf(def.change?.[scale]?.remission);
  const criterion = remission?.anyOf.find((c): c is Extract<typeof c, { kind: "score" }> => c.kind === "score");
  if (remission === undefined || criterion === undefined) return null;
  return {
    op: criterion.op,
    value: criterion.value,
    from: `remission definition "${remission.id}" (${remission.label})`,
  };
}

/** Two-sided 97.5 % quantile of Student's t with `df` degrees of freedom. */
function tQuantile975(df: number): number {
  // Bisection on the CDF: monotone, and 60 halvings of [0, 700] are far below any printed precision.
  let lo = 0;
  let hi = 700;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < 0.975) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(T ≤ t) for t ≥ 0: 1 − ½ I_x(df/2, ½) with x = df / (df + t²). */
function tCdf(t: number, df: number): number {
  return 1 - 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The regularised incomplete beta function I_x(a, b) (continued fraction, Numerical Recipes §6.4). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = g[0] as number;
  for (let i = 1; i < 9; i++) s += (g[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

function statistics(changes: readonly number[]): ChangeStatistics | null {
  const n = changes.length;
  if (n === 0) return null;
  const mean = changes.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, sd: null, ci95: null };
  const sd = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95: { lower: mean - half, upper: mean + half } };
}

interface Cell {
  withBaseline: number;
  paired: number;
  notScored: number;
  missing: number;
  changes: ChangeComparison[];
}

function summarizeCell(
  def: InstrumentDefinition,
  scale: string,
  timePoint: string,
  cell: Cell,
  cutoffs: SummaryOptions["cutoffs"],
): InstrumentOutcomeSummary {
  const facts = def.change?.[scale];
  const pairs = cell.changes;
  const reliability = facts?.reliability !== undefined && facts.reliability.length > 0;
  let reliableChange: InstrumentOutcomeSummary["reliableChange"];
  const rc = pairs.map((c) => c.reliableChange);
  const first = rc.find((r) => r.available);
  if (!reliability) {
    reliableChange = {
      available: false,
      reason: `the ${def.shortTitle} definition gives no reliable-change inputs for ${scale}`,
    };
  } else {
    const improved = pairs.filter(
      (c) => c.reliableChange.available && c.reliableChange.reliable && c.direction === "improved",
    ).length;
    const deteriorated = pairs.filter(
      (c) => c.reliableChange.available && c.reliableChange.reliable && c.direction === "worsened",
    ).length;
    const def0 = defaultOf(facts.reliability);
    reliableChange = {
      available: true,
      id: first?.available === true ? first.id : (def0?.id ?? ""),
      threshold: first?.available === true ? first.threshold : Number.NaN,
      improved: rate(improved, pairs.length),
      unchanged: rate(pairs.length - improved - deteriorated, pairs.length),
      deteriorated: rate(deteriorated, pairs.length),
    };
  }
  const outcome = (kind: "response" | "remission"): OutcomeRate | NotAvailable => {
    const d = defaultOf(facts?.[kind]);
    if (d === undefined)
      return { available: false, reason: `the ${def.shortTitle} definition defines no ${kind} for ${scale}` };
    let met = 0;
    let judged = 0;
    for (const c of pairs) {
      const o = c[kind];
      if (!o.available || o.met === null || (kind === "remission" && o.metAtBaseline === true)) continue;
      judged++;
      if (o.met) met++;
    }
    return {
      available: true,
      id: d.id,
      label: d.label,
      population: populationOf(d),
      rate: rate(met, judged),
      notJudged: pairs.length - judged,
    };
  };
  let jacobsonTruax: InstrumentOutcomeSummary["jacobsonTruax"];
  const cutoff = cutoffOf(def, scale, cutoffs);
  if (!reliability) jacobsonTruax = { available: false, reason: "no reliable-change inputs" };
  else if (cutoff === null)
    jacobsonTruax = {
      available: false,
      reason: `no cut-off: the ${def.shortTitle} definition has no remission score to take it from; give one in options.cutoffs`,
    };
  else {
    const counts = { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0, nonReliablyRecovered: 0 };
    for (const c of pairs) {
      const reliable = c.reliableChange.available && c.reliableChange.reliable;
      const past = compare(c.after, cutoff.op, cutoff.value);
      // As cohortJacobsonTruax classifies: a reliable worsening, a reliable improvement past the cut-off or short of it.
      if (reliable && c.direction === "worsened") counts.deteriorated++;
      else if (reliable && c.direction === "improved") counts[past ? "recovered" : "improved"]++;
      else {
        counts.unchanged++;
        if (past) counts.nonReliablyRecovered++;
      }
    }
    jacobsonTruax = { available: true, cutoff, counts };
  }
  return {
    instrument: def.id,
    scale,
    timePoint,
    withBaseline: cell.withBaseline,
    paired: cell.paired,
    notScored: cell.notScored,
    missing: cell.missing,
    change: statistics(pairs.map((c) => c.change)),
    reliableChange,
    response: outcome("response"),
    remission: outcome("remission"),
    jacobsonTruax,
  };
}

/** The cohort's time points in order: the declared ones, else labels by their mean position, else visits. */
function cohortTimePoints(all: readonly Slot[][], declared: readonly string[] | undefined): string[] {
  if (declared !== undefined) return [...declared];
  const where = new Map<string, number[]>();
  for (const own of all) own.forEach((s, i) => where.set(s.label, [...(where.get(s.label) ?? []), i]));
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...where.entries()].sort((a, b) => mean(a[1]) - mean(b[1])).map(([label]) => label);
}

function cohort(
  persons: readonly PersonHistory[],
  follow: ReadonlyMap<PersonHistory, readonly FollowUp[]>,
  defs: readonly InstrumentDefinition[],
  timePoints: readonly string[],
  cutoffs: SummaryOptions["cutoffs"],
): CohortOutcomes {
  const without: string[] = [];
  const cells = new Map<string, Cell>();
  const key = (id: string, tp: string): string => `${id}\u0000${tp}`;
  for (const person of persons) {
    const list = follow.get(person) ?? [];
    if (slots(person).length <= 1) without.push(person.id);
    for (const f of list) {
      for (const def of defs) {
        const fi = f.instruments[def.id];
        if (fi === undefined || fi.baseline === null) continue;
        // A baseline at this very time point is not a follow-up of it.
        if (fi.point !== null && fi.baseline.at === fi.point.at) continue;
        const k = key(def.id, f.timePoint);
        const cell = cells.get(k) ?? { withBaseline: 0, paired: 0, notScored: 0, missing: 0, changes: [] };
        cells.set(k, cell);
        cell.withBaseline++;
        if (fi.change !== null) {
          cell.paired++;
          cell.changes.push(fi.change);
        } else if (fi.status === "missing") cell.missing++;
        else cell.notScored++;
      }
    }
  }
  const instruments: InstrumentOutcomeSummary[] = [];
  for (const def of defs) {
    const scale = trackedScale(def);
    for (const tp of timePoints.slice(1)) {
      const cell = cells.get(key(def.id, tp)) ?? { withBaseline: 0, paired: 0, notScored: 0, missing: 0, changes: [] };
      instruments.push(summarizeCell(def, scale, tp, cell, cutoffs));
    }
  }
  return {
    persons: persons.length,
    withFollowUp: persons.length - without.length,
    withoutFollowUp: { count: without.length, ids: without },
    instruments,
  };
}

/**
 * The cohort outcome summary researchers report, per instrument and follow-up time point (and per group):
 * how many had a baseline, how many a scored follow-up (the pairs), how many were not scored or not assessed
 * there (lost to follow-up), the mean change from baseline with its SD and 95 % confidence interval (Student's
 * t), the shares reliably improved, with no reliable change and reliably deteriorated, response and remission
 * with their denominators (only baselines the definitions judge them for, e.g. PHQ-9 of 10 or more), and the
 * Jacobson–Truax categories. Every comparison is the one {@link followUps} (so `progress`, so
 * `compareScores`) gives; persons with no follow-up are counted and listed, never dropped.
 *
 * @param persons - one history per person, e.g. from {@link historiesFromRows}
 * @param options - the instruments, the time points, Jacobson–Truax cut-offs
 * @returns the counts and statistics, for the cohort and per group
 * @throws RangeError for a date that is not ISO 8601 or an unknown instrument
 * @example
 * ```ts
 * const s = summarizeOutcomes([
 *   { id: "a", history: [{ at: "2026-01-05", timePoint: "t0", result: score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]) },   // 16
 *                        { at: "2026-03-02", timePoint: "t1", result: score(phq9, [1, 1, 1, 1, 1, 1, 1, 0, 0]) }] }, // 7
 *   { id: "b", history: [{ at: "2026-01-06", timePoint: "t0", result: score(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0]) }] }, // 8, lost
 * ], { timePoints: ["t0", "t1"] });
 * s.instruments[0]?.paired;  // 1
 * s.instruments[0]?.missing; // 1
 * s.withoutFollowUp.ids;     // ["b"]
 * ```
 * @category Outcomes
 */
export function summarizeOutcomes(persons: readonly PersonHistory[], options: SummaryOptions = {}): OutcomeSummary {
  const ids = instrumentsOf(persons, options);
  const timePoints = cohortTimePointsOf(persons, options.timePoints);
  const follow = new Map<PersonHistory, readonly FollowUp[]>();
  for (const p of persons) follow.set(p, followUps(p, { ...options, instruments: ids, timePoints, actions: false }));
  return summarizeFollowUps(persons, follow, { ...options, instruments: ids, timePoints });
}

/**
 * The cohort's time points in order: `declared`, else the labels by their mean position in the persons'
 * histories (`visit 1`, `visit 2` … for unlabelled ones). Shared by {@link summarizeOutcomes} and the batch
 * table, so both count the same time points.
 * @internal
 */
export function cohortTimePointsOf(persons: readonly PersonHistory[], declared?: readonly string[]): string[] {
  return cohortTimePoints(persons.map(slots), declared);
}

/**
 * {@link summarizeOutcomes} over follow-ups already computed with `options.timePoints` (as the batch table
 * computes them once for its rows and its summary).
 * @internal
 */
export function summarizeFollowUps(
  persons: readonly PersonHistory[],
  follow: ReadonlyMap<PersonHistory, readonly FollowUp[]>,
  options: SummaryOptions & { readonly instruments: readonly string[]; readonly timePoints: readonly string[] },
): OutcomeSummary {
  const extra = options.definitions ?? [];
  const defs = options.instruments.map((id) => definitionOf(id, extra));
  const timePoints = options.timePoints;
  const whole = cohort(persons, follow, defs, timePoints, options.cutoffs);
  const groupNames: string[] = [];
  for (const p of persons) if (p.group !== undefined && !groupNames.includes(p.group)) groupNames.push(p.group);
  const groups = groupNames.map((group) => ({
    group,
    ...cohort(
      persons.filter((p) => p.group === group),
      follow,
      defs,
      timePoints,
      options.cutoffs,
    ),
  }));
  return {
    ...whole,
    timePoints,
    groups,
    notes: [
      "Change is follow-up − baseline on the scale progress follows; the baseline is each instrument's first scored result before the time point.",
      "Reliable change, response and remission are those of compareScores with the definitions' default options.",
      "Response and remission are counted only among the pairs they can be judged for (the definitions' baseline range; remission not already met at baseline).",
      "The 95 % confidence interval of the mean change uses Student's t with n − 1 degrees of freedom.",
    ],
  };
}
