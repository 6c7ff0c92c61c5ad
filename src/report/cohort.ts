// What the report shows, computed from the people's histories with the library's own functions (`progress`,
// `safeCompareScores`, `cohortJacobsonTruax`), so the report never disagrees with them. No charting here: the
// spec builders (specs.ts) and the HTML (html.ts) only lay these numbers out.
import { safeCompareScores, type ChangeComparison } from "../change.js";
import { parseInstant } from "../dates.js";
import { cohortJacobsonTruax, type JacobsonTruaxCategory } from "../outcomes.js";
import { progress, ProgressInputError, type HistoryEntry, type ProgressResult } from "../progress.js";
import { getInstrument } from "../registry.js";
import { scalesOf } from "../rules/items.js";
import { definitionFor } from "../stratify/pathway.js";
import type { BandResult, InstrumentDefinition, ScoreResult } from "../types.js";

const DAY_MS = 86_400_000;
const Z95 = 1.96;

/** One person followed over time, as the report reads them. @category Report */
export interface ReportPerson {
  /** The person's id, unique in the cohort. */
  readonly id: string;
  /** A site, service or arm, for the per-group trajectories and responder tables. */
  readonly group?: string;
  /** The person's dated results, of any instruments, in any order. */
  readonly history: readonly HistoryEntry[];
}

/** Options for {@link renderReport}. @category Report */
export interface ReportOptions {
  /** The report's title; "stepscore report" when left out. */
  readonly title?: string;
  /**
   * The Jacobson–Truax cut-off score per instrument id: at or past it (at or below where higher is worse) a
   * reliable improvement counts as recovered. When left out, the edge of the instrument's healthiest band
   * (PHQ-9 4: "minimal"); an instrument without range bands has no cut-off and nobody is counted recovered.
   */
  readonly cutoffs?: Readonly<Record<string, number>>;
  /** Who gets a per-person view: these ids, or the first this many people (default 20). */
  readonly people?: readonly string[] | number;
  /** Definitions of instruments that are not bundled. */
  readonly definitions?: readonly InstrumentDefinition[];
}

/** How many per-person views the report has when `options.people` is left out. */
export const DEFAULT_PEOPLE = 20;

/** A band of the tracked scale, lowest first; `min`/`max` only for bands given by a score range. */
export interface BandInfo {
  readonly id: string;
  readonly label: string;
  readonly min: number | null;
  readonly max: number | null;
}

/** One scored point of one person on one instrument. */
export interface PersonPoint {
  /** The time point: the person's n-th assessment day (0 = baseline). */
  readonly visit: number;
  /** Weeks since the person's first assessment. */
  readonly weeks: number;
  readonly at: string;
  readonly score: number;
  readonly band: BandResult | null;
  /** Labels of the flags the result raised. */
  readonly flags: readonly string[];
  readonly result: ScoreResult;
}

/** One person, with each instrument's scored points and `progress` over their history. */
export interface PersonModel {
  readonly id: string;
  readonly group: string | null;
  /** Their assessment days, as ISO dates (UTC), baseline first. */
  readonly days: readonly string[];
  readonly points: ReadonlyMap<string, readonly PersonPoint[]>;
  readonly progress: ProgressResult;
}

/** Band counts at one time point. */
export interface BandCounts {
  readonly visit: number;
  /** People scored at this time point. */
  readonly n: number;
  /** One entry per band of the scale, in the scale's order (zero counts included). */
  readonly counts: readonly { readonly band: string; readonly label: string; readonly count: number }[];
}

/** One point of the Jacobson–Truax plot: a person's baseline against their latest score. */
export interface JtPoint {
  readonly id: string;
  readonly group: string | null;
  readonly pre: number;
  readonly post: number;
  readonly category: JacobsonTruaxCategory;
  readonly pastCutoff: boolean;
}

/** The Jacobson–Truax plot of one instrument, or why there is none. */
export type JtModel =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      /** The smallest reliable change in points, 1.96 × S_diff: the band's half-width. */
      readonly threshold: number;
      readonly standardErrorOfDifference: number;
      /** Where the reliable-change inputs come from (the option's label and source). */
      readonly reliability: string;
      /** The cut-off score, or null when there is none. */
      readonly cutoff: number | null;
      /** Where the cut-off comes from. */
      readonly cutoffFrom: "options" | "band" | null;
      readonly points: readonly JtPoint[];
      readonly counts: Readonly<Record<JacobsonTruaxCategory, number>> & { readonly nonReliablyRecovered: number };
    };

/** Mean score at one time point in one group. */
export interface TrajectoryPoint {
  readonly visit: number;
  /** The group, or null for everyone. */
  readonly group: string | null;
  readonly n: number;
  readonly mean: number;
  /** Sample SD (n − 1); null with one person. */
  readonly sd: number | null;
  /** 95 % confidence interval of the mean (Student's t); null with one person. */
  readonly lo: number | null;
  readonly hi: number | null;
}

/** A share with its counts. */
export interface Count {
  readonly numerator: number;
  readonly denominator: number;
}

/** One row of a responder table: baseline against one follow-up time point (or the latest), one group. */
export interface ResponderRow {
  /** The follow-up time point, or "latest" (each person's last score). */
  readonly visit: number | "latest";
  /** The group, or null for everyone. */
  readonly group: string | null;
  /** People with a baseline and a score at this time point. */
  readonly n: number;
  /** Mean change (after − before), or null when n is 0. */
  readonly meanChange: number | null;
  /** Reliable improvement / no reliable change / reliable deterioration; null without reliability inputs. */
  readonly reliable: { readonly improved: number; readonly unchanged: number; readonly deteriorated: number } | null;
  /** Improved by at least the MCID; null without one. */
  readonly mcid: Count | null;
  /** Response among those the definition applies to; null without one. */
  readonly response: Count | null;
  /** Remission among those the definition applies to; null without one. */
  readonly remission: Count | null;
}

/** Everything the report shows about one instrument. */
export interface InstrumentModel {
  readonly id: string;
  readonly title: string;
  readonly scale: string;
  readonly scaleLabel: string;
  readonly range: readonly [number, number];
  readonly higherIsBetter: boolean;
  readonly bands: readonly BandInfo[];
  /** People with at least one result of the instrument. */
  readonly people: number;
  /** Of those, people with a scored baseline and no later score. */
  readonly baselineOnly: number;
  /** Of those, people with no scored result at all. */
  readonly notScored: number;
  readonly bandCounts: readonly BandCounts[];
  readonly jt: JtModel;
  readonly trajectories: readonly TrajectoryPoint[];
  readonly responders: readonly ResponderRow[];
  /** The definitions used for the responder columns, in words. */
  readonly definitions: {
    readonly mcid: string | null;
    readonly response: string | null;
    readonly remission: string | null;
  };
}

/** The whole report's numbers. */
export interface ReportModel {
  readonly people: readonly PersonModel[];
  readonly groups: readonly string[];
  /** The highest time point anyone reached (0 when nobody was reassessed). */
  readonly lastVisit: number;
  readonly instruments: readonly InstrumentModel[];
  /** The people given a per-person view. */
  readonly shown: readonly PersonModel[];
}

/** The time point's name: "Baseline", "Follow-up 1", … */
export function visitLabel(visit: number | "latest"): string {
  if (visit === "latest") return "Latest";
  return visit === 0 ? "Baseline" : `Follow-up ${String(visit)}`;
}

/**
 * The report's numbers from the people's histories. Each person's assessments are grouped into time points
 * by calendar day (UTC): their first day with any result is the baseline, the next is follow-up 1, and so on.
 *
 * @throws TypeError for people that are not an array of `{ id, history }` or repeat an id
 * @throws {@link ProgressInputError} for a history `progress` cannot read, the path naming the person
 */
export function buildReportModel(people: readonly ReportPerson[], options: ReportOptions = {}): ReportModel {
  if (!Array.isArray(people)) throw new TypeError("renderReport: people must be an array of { id, history }");
  const extra = options.definitions ?? [];
  const seen = new Set<string>();
  const models = people.map((p: unknown, i): PersonModel => {
    const person = p as Partial<ReportPerson> | null;
    if (typeof person?.id !== "string" || person.id === "")
      throw new TypeError(`renderReport: people[${String(i)}].id must be a non-empty string`);
    if (seen.has(person.id)) throw new TypeError(`renderReport: people[${String(i)}].id "${person.id}" is repeated`);
    seen.add(person.id);
    if (person.group !== undefined && typeof person.group !== "string")
      throw new TypeError(`renderReport: people[${String(i)}].group must be a string when given`);
    return personModel(person as ReportPerson, i, extra);
  });
  const groups = [...new Set(models.flatMap((m) => (m.group === null ? [] : [m.group])))].sort();
  const ids: string[] = [];
  for (const m of models) for (const id of m.points.keys()) if (!ids.includes(id)) ids.push(id);
  const lastVisit = Math.max(0, ...models.map((m) => m.days.length - 1));
  const instruments = ids.map((id) => instrumentModel(id, models, groups, lastVisit, options, extra));
  return { people: models, groups, lastVisit, instruments, shown: shownPeople(models, options.people) };
}

function personModel(person: ReportPerson, index: number, extra: readonly InstrumentDefinition[]): PersonModel {
  let p: ProgressResult;
  try {
    p = progress(person.history, { definitions: extra });
  } catch (e) {
    if (e instanceof ProgressInputError)
      throw new ProgressInputError(e.issues.map((i) => ({ ...i, path: `people.${String(index)}.${i.path}` })));
    throw e;
  }
  const dayOf = (at: string): number => Math.floor((parseInstant(at) as number) / DAY_MS);
  const dayNumbers = [...new Set(person.history.map((h) => dayOf(h.at)))].sort((a, b) => a - b);
  const first = dayNumbers[0] ?? 0;
  const points = new Map<string, PersonPoint[]>();
  for (const ip of Object.values(p.instruments)) {
    const byVisit = new Map<number, PersonPoint>();
    for (const pt of ip.points) {
      if (pt.score === null) continue;
      const t = parseInstant(pt.at) as number;
      const visit = dayNumbers.indexOf(Math.floor(t / DAY_MS));
      // Two results of one instrument on one day are one time point: the later (as `progress` sorts them) counts.
      byVisit.set(visit, {
        visit,
        weeks: (t - first * DAY_MS) / DAY_MS / 7,
        at: pt.at,
        score: pt.score,
        band: pt.band,
        flags: pt.result.flags.map((f) => f.label),
        result: pt.result,
      });
    }
    points.set(
      ip.instrument,
      [...byVisit.values()].sort((a, b) => a.visit - b.visit),
    );
  }
  return {
    id: person.id,
    group: person.group ?? null,
    days: dayNumbers.map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10)),
    points,
    progress: p,
  };
}

function shownPeople(models: readonly PersonModel[], chosen: ReportOptions["people"]): readonly PersonModel[] {
  if (chosen === undefined || typeof chosen === "number") {
    const n = chosen ?? DEFAULT_PEOPLE;
    if (!Number.isInteger(n) || n < 0)
      throw new TypeError(
        `renderReport: options.people must be a whole number of at least 0 or a list of ids (got ${String(n)})`,
      );
    return models.slice(0, n);
  }
  return chosen.map((id) => {
    const m = models.find((x) => x.id === id);
    if (m === undefined) throw new TypeError(`renderReport: options.people names "${id}", who is not among the people`);
    return m;
  });
}

function instrumentModel(
  id: string,
  people: readonly PersonModel[],
  groups: readonly string[],
  lastVisit: number,
  options: ReportOptions,
  extra: readonly InstrumentDefinition[],
): InstrumentModel {
  const def = definitionFor(id, extra);
  const anyProgress = people.map((p) => p.progress.instruments[id]).find((x) => x !== undefined);
  const scaleId = anyProgress?.scale ?? def?.score?.id ?? "score";
  const scale = def === undefined ? undefined : scalesOf(def).find((s) => s.id === scaleId);
  const bands: BandInfo[] = (scale?.bands ?? []).map((b) =>
    "min" in b
      ? { id: b.id, label: b.label, min: b.min, max: b.max }
      : { id: b.id, label: b.label, min: null, max: null },
  );
  const withIt = people.filter((p) => p.points.has(id));
  const pointsOf = (p: PersonModel): readonly PersonPoint[] => p.points.get(id) ?? [];
  const higherIsBetter = def?.direction === "higher-is-better";
  return {
    id,
    title: def?.shortTitle ?? id,
    scale: scaleId,
    scaleLabel: scale?.label ?? scaleId,
    range: scale?.range ?? rangeOf(withIt.flatMap((p) => pointsOf(p).map((pt) => pt.score))),
    higherIsBetter,
    bands,
    people: withIt.length,
    baselineOnly: withIt.filter((p) => pointsOf(p).length === 1).length,
    notScored: withIt.filter((p) => pointsOf(p).length === 0).length,
    bandCounts: bands.length === 0 ? [] : bandCounts(withIt.map(pointsOf), bands, lastVisit),
    jt: jtModel(id, scaleId, def, withIt, options, higherIsBetter),
    trajectories: trajectories(withIt, pointsOf, groups, lastVisit),
    responders: responders(withIt, pointsOf, groups, lastVisit, scaleId, def, id),
    definitions: definitionsOf(def, scaleId),
  };
}

function rangeOf(scores: readonly number[]): readonly [number, number] {
  return scores.length === 0 ? [0, 1] : [Math.min(...scores), Math.max(...scores)];
}

function bandCounts(
  series: readonly (readonly PersonPoint[])[],
  bands: readonly BandInfo[],
  lastVisit: number,
): BandCounts[] {
  const out: BandCounts[] = [];
  for (let visit = 0; visit <= lastVisit; visit++) {
    const at = series.flatMap((s) => s.filter((pt) => pt.visit === visit));
    if (at.length === 0) continue;
    out.push({
      visit,
      n: at.length,
      counts: bands.map((b) => ({ band: b.id, label: b.label, count: at.filter((pt) => pt.band?.id === b.id).length })),
    });
  }
  return out;
}

/**
 * The cut-off for "recovered": the caller's, else the edge of the healthiest range band (its `max` where
 * higher is worse, its `min` where higher is better), else none.
 */
export function cutoffFor(
  id: string,
  bands: readonly BandInfo[],
  higherIsBetter: boolean,
  options: ReportOptions,
): { readonly cutoff: number | null; readonly from: "options" | "band" | null } {
  const given = options.cutoffs?.[id];
  if (given !== undefined) {
    if (!Number.isFinite(given))
      throw new TypeError(`renderReport: options.cutoffs.${id} must be a finite number (got ${String(given)})`);
    return { cutoff: given, from: "options" };
  }
  const healthiest = higherIsBetter ? bands.at(-1) : bands[0];
  const edge = higherIsBetter ? healthiest?.min : healthiest?.max;
  return edge === undefined || edge === null || bands.some((b) => b.min === null)
    ? { cutoff: null, from: null }
    : { cutoff: edge, from: "band" };
}

function jtModel(
  id: string,
  scale: string,
  def: InstrumentDefinition | undefined,
  people: readonly PersonModel[],
  options: ReportOptions,
  higherIsBetter: boolean,
): JtModel {
  const paired = people.filter((p) => p.progress.instruments[id]?.change != null);
  const rc = paired.map((p) => p.progress.instruments[id]?.change?.reliableChange).find((r) => r !== undefined);
  if (def === undefined || getInstrument(id) !== def)
    return { available: false, reason: `${def?.shortTitle ?? id} is not a bundled instrument` };
  if (paired.length === 0) return { available: false, reason: "nobody has a baseline and a later score" };
  if (rc === undefined || !rc.available)
    return {
      available: false,
      reason: `the ${def.shortTitle} definition gives no reliable-change inputs for ${scale}`,
    };
  const bands = (scalesOf(def).find((s) => s.id === scale)?.bands ?? []).map((b) =>
    "min" in b
      ? { id: b.id, label: b.label, min: b.min, max: b.max }
      : { id: b.id, label: b.label, min: null, max: null },
  );
  const { cutoff, from } = cutoffFor(id, bands, higherIsBetter, options);
  // Without a cut-off nobody is past it: a cut-off beyond the scale on the unhealthy side.
  const none = higherIsBetter ? Infinity : -Infinity;
  const r = cohortJacobsonTruax(
    people.map((p) => ({
      id: p.id,
      history: p.progress.instruments[id]?.points.map((pt) => ({ at: pt.at, result: pt.result })) ?? [],
    })),
    { instrument: id, scale, cutoff: cutoff ?? none },
  );
  const groupOf = new Map(people.map((p) => [p.id, p.group]));
  return {
    available: true,
    threshold: rc.threshold,
    standardErrorOfDifference: rc.standardErrorOfDifference,
    reliability: `${rc.label} (${rc.source.text})`,
    cutoff,
    cutoffFrom: from,
    points: r.perEpisode.map((e) => ({
      id: e.id,
      group: groupOf.get(e.id) ?? null,
      pre: e.pre,
      post: e.post,
      category: e.category,
      pastCutoff: e.pastCutoff,
    })),
    counts: r.counts,
  };
}

/** Two-sided 95 % quantiles of Student's t for 1–30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 0.975 quantile of Student's t: the table to 30 degrees of freedom, then the Cornish–Fisher expansion. */
export function t975(df: number): number {
  const tabled = T975[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z95;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/** Mean, sample SD and the 95 % confidence interval of the mean (t with n − 1 degrees of freedom). */
export function meanCi(values: readonly number[]): Omit<TrajectoryPoint, "visit" | "group"> {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, sd: null, lo: null, hi: null };
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, lo: mean - half, hi: mean + half };
}

function trajectories(
  people: readonly PersonModel[],
  pointsOf: (p: PersonModel) => readonly PersonPoint[],
  groups: readonly string[],
  lastVisit: number,
): TrajectoryPoint[] {
  const out: TrajectoryPoint[] = [];
  for (const group of [null, ...groups]) {
    const members = people.filter((p) => group === null || p.group === group);
    for (let visit = 0; visit <= lastVisit; visit++) {
      const scores = members.flatMap((p) =>
        pointsOf(p)
          .filter((pt) => pt.visit === visit)
          .map((pt) => pt.score),
      );
      if (scores.length > 0) out.push({ visit, group, ...meanCi(scores) });
    }
  }
  return out;
}

function responders(
  people: readonly PersonModel[],
  pointsOf: (p: PersonModel) => readonly PersonPoint[],
  groups: readonly string[],
  lastVisit: number,
  scale: string,
  def: InstrumentDefinition | undefined,
  id: string,
): ResponderRow[] {
  const options = { scale, ...(def === undefined ? {} : { definition: def }) };
  const compare = (a: PersonPoint, b: PersonPoint): ChangeComparison | null => {
    const c = safeCompareScores(a.result, b.result, options);
    return c.success ? c.data : null;
  };
  const rows: ResponderRow[] = [];
  for (const group of [null, ...groups]) {
    const members = people.filter((p) => group === null || p.group === group);
    for (let visit = 1; visit <= lastVisit; visit++) {
      const changes = members.flatMap((p) => {
        const pts = pointsOf(p);
        const base = pts[0];
        const at = pts.find((pt) => pt.visit === visit);
        const c = base === undefined || at === undefined || at === base ? null : compare(base, at);
        return c === null ? [] : [c];
      });
      rows.push(responderRow(visit, group, changes));
    }
    // The latest: exactly `progress`'s change, baseline against each person's last score.
    const latest = members.flatMap((p) => {
      const c = p.progress.instruments[id]?.change;
      return c === null || c === undefined ? [] : [c];
    });
    rows.push(responderRow("latest", group, latest));
  }
  return rows;
}

/** One responder row from the comparisons of the people in it. */
export function responderRow(
  visit: number | "latest",
  group: string | null,
  changes: readonly ChangeComparison[],
): ResponderRow {
  const n = changes.length;
  const reliable = changes.every((c) => c.reliableChange.available) && n > 0;
  const isReliable = (c: ChangeComparison): boolean => c.reliableChange.available && c.reliableChange.reliable;
  const defined = (pick: (c: ChangeComparison) => ChangeComparison["response"]): Count | null => {
    if (n === 0 || !changes.some((c) => pick(c).available)) return null;
    // The definition applies to the baseline (PHQ-9 ≥ 10 for response) and the baseline did not already meet it.
    const applies = changes.filter((c) => {
      const o = pick(c);
      return o.available && o.met !== null && o.metAtBaseline !== true;
    });
    return {
      numerator: applies.filter((c) => {
        const o = pick(c);
        return o.available && o.met === true;
      }).length,
      denominator: applies.length,
    };
  };
  return {
    visit,
    group,
    n,
    meanChange: n === 0 ? null : changes.reduce((a, c) => a + c.change, 0) / n,
    reliable: reliable
      ? {
          improved: changes.filter((c) => isReliable(c) && c.direction === "improved").length,
          deteriorated: changes.filter((c) => isReliable(c) && c.direction === "worsened").length,
          unchanged: changes.filter((c) => !isReliable(c) || c.direction === "unchanged").length,
        }
      : null,
    mcid:
      n > 0 && changes.every((c) => c.mcid.available)
        ? {
            numerator: changes.filter((c) => c.mcid.available && c.mcid.reached === true && c.direction === "improved")
              .length,
            denominator: changes.filter((c) => c.mcid.available && c.mcid.reached !== null).length,
          }
        : null,
    response: defined((c) => c.response),
    remission: defined((c) => c.remission),
  };
}

function definitionsOf(def: InstrumentDefinition | undefined, scale: string): InstrumentModel["definitions"] {
  const facts = def?.change?.[scale];
  const dflt = (xs: readonly { readonly default?: boolean; readonly label: string }[] | undefined): string | null =>
    (xs?.find((x) => x.default === true) ?? xs?.[0])?.label ?? null;
  return { mcid: dflt(facts?.mcid), response: dflt(facts?.response), remission: dflt(facts?.remission) };
}
