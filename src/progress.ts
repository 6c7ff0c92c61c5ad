// `progress`: one person's assessments over time, judged against the pathway's progression rules.
import { compareScores, type ChangeComparison, type CompareOptions } from "./change.js";
import { compare } from "./conditions.js";
import { parseInstant, weeksBetween } from "./dates.js";
import { defaultPathway, type DefaultPathway } from "./stratify/default-pathway.js";
import {
  checkedPathway,
  stepChecked,
  stratifyChecked,
  type StepOf,
  type StratifyResult,
  type UncheckedUrgent,
  type UrgentAction,
} from "./stratify/evaluate.js";
import { citer } from "./stratify/cite.js";
import { definitionFor, tagCondition, urgentFlags, type CheckedPathway, type Pathway } from "./stratify/pathway.js";
import { conditionKind, conditionSubject } from "./rules/conditions.js";
import { unreachable } from "./rules/kinds.js";
import {
  trackedScale,
  type ChangeAnchor,
  type ProgressCondition,
  type ProgressionAction,
  type ProgressionRule,
  type WeeksWindow,
} from "./stratify/progression.js";
import type { BandResult, CitedSource, Comparison, InstrumentDefinition, ScaleOutcome, ScoreResult } from "./types.js";

// Scores such as the ODI's are unrounded fractions; a difference this small is floating-point noise.
const EPS = 1e-9;

/** One dated assessment: when it was made and its result. @category Care over time */
export interface HistoryEntry {
  /** ISO 8601 date (`2026-03-01`) or date-time (`2026-03-01T09:30`, `…Z`, `…+01:00`); without an offset, UTC. */
  readonly at: string;
  /** The score result. */
  readonly result: ScoreResult;
}

/** Options for {@link progress}. @category Care over time */
export interface ProgressOptions<P extends Pathway = Pathway> {
  /** The pathway whose progression rules apply; {@link defaultPathway} when left out. */
  readonly pathway?: P;
  /**
   * The step the person is at and the date it started. Without it, the current step is the one `stratify`
   * gives over each instrument's first scored result, and time at the step counts from the first assessment.
   */
  readonly step?: { readonly current: StepOf<P>; readonly since: string };
  /** Judge the history as of this date: assessments after it are left out (listed in `excluded`). */
  readonly asOf?: string;
  /** Definitions of instruments that are not bundled. */
  readonly definitions?: readonly InstrumentDefinition[];
}

/** One problem with the input to {@link progress}. @category Care over time */
export interface ProgressInputIssue {
  /** Where, e.g. "history.2.at" or "options.step.current". */
  readonly path: string;
  /** The value found. */
  readonly value: unknown;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/**
 * Thrown by {@link progress} for a history or options it cannot read: not an array, an entry without a
 * score result, a date that is not ISO 8601 (or not a real day), a current step not in the pathway.
 *
 * @example
 * ```ts
 * try {
 *   progress([{ at: "2026-02-30", result: score(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0]) }]);
 * } catch (e) {
 *   if (e instanceof ProgressInputError) e.issues[0].path; // "history.0.at"
 * }
 * ```
 * @category Care over time
 */
export class ProgressInputError extends Error {
  /** One entry per problem. */
  readonly issues: readonly ProgressInputIssue[];

  /** @param issues - the problems */
  constructor(issues: readonly ProgressInputIssue[]) {
    super(`invalid progress input: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "ProgressInputError";
    this.issues = issues;
  }
}

/** One assessment of one instrument on a trajectory. @category Care over time */
export interface ProgressPoint {
  /** The date as given. */
  readonly at: string;
  /** Weeks since the instrument's first point (days / 7, unrounded). */
  readonly weeks: number;
  /** The score on the tracked scale, or null when the result has none. */
  readonly score: number | null;
  /** The band on the tracked scale, or null. */
  readonly band: BandResult | null;
  /** The result itself. */
  readonly result: ScoreResult;
}

/**
 * An instrument's status from baseline to latest, the first that holds in this order: remission and response
 * (where the instrument defines them, the baseline is one they are made for and did not already meet them),
 * reliable improvement, no reliable change, reliable deterioration; `baseline-only` with one scored point;
 * `not-scored` with none. Without reliability inputs a change is never called reliable.
 * @category Care over time
 */
export type ProgressStatus =
  | "remission"
  | "response"
  | "reliable-improvement"
  | "no-reliable-change"
  | "reliable-deterioration"
  | "baseline-only"
  | "not-scored";

/** What `progress` asks for overall: a progression action, or `not-assessed` when nothing could be. @category Care over time */
export type ProgressAction = ProgressionAction | "not-assessed";

/** One instrument followed over time. @category Care over time */
export interface InstrumentProgress {
  /** The instrument's id. */
  readonly instrument: string;
  /** The scale followed: the primary score, else (BPI, FABQ) the first subscale. */
  readonly scale: string;
  /** Every result of the instrument, sorted by date; unscored ones kept with `score: null`. */
  readonly points: readonly ProgressPoint[];
  /** The first scored point, or null. */
  readonly baseline: ProgressPoint | null;
  /** The last scored point, or null. */
  readonly latest: ProgressPoint | null;
  /** Exactly what `compareScores(baseline, latest)` returns (on `scale`); null with fewer than two scored points. */
  readonly change: ChangeComparison | null;
  /** Where the instrument stands. */
  readonly status: ProgressStatus;
  /** The most intensive action of the rules that fired on this instrument; `continue` when none did. */
  readonly action: ProgressAction;
}

/** What a progression condition observed. @category Care over time */
export interface ProgressEvidence {
  /** The condition's kind. */
  readonly kind: Exclude<ProgressCondition["kind"], "all" | "any" | "not">;
  /** The instrument read, or null (time at the step overall, `stratify`'s step). */
  readonly instrument: string | null;
  /** The scale read, or null. */
  readonly scale: string | null;
  /** What was observed: a score, an improvement, weeks, a band, a step. */
  readonly observed: number | string | boolean | null;
  /** The comparison, or null. */
  readonly op: Comparison | null;
  /** The threshold, band(s) or step compared with, or null. */
  readonly threshold: number | string | boolean | null;
  /** Whether this condition held (under a `not`, a condition that failed is what made the rule fire). */
  readonly holds: boolean;
  /** Weeks at the current step of the point judged, or null. */
  readonly weeks: number | null;
  /** The date of the point judged, or null. */
  readonly at: string | null;
  /** The same in words, e.g. "PHQ-9 total 14 at 10 weeks: not below 10 or 50 % lower than 16". */
  readonly text: string;
}

/** A progression rule that fired. @category Care over time */
export interface ProgressReason {
  /** Always "progression" (urgent actions are in `urgentActions`). */
  readonly kind: "progression";
  /** The rule's id. */
  readonly rule: string;
  /** What the rule says. */
  readonly label: string;
  /** What the rule asked for. */
  readonly action: ProgressionAction;
  /** What it came to after the guards (a step-up already at the top step is a review; a blocked step-down continues). */
  readonly effect: ProgressionAction;
  /** The step a step-up or step-down moves to, or null. */
  readonly step: number | null;
  /** True when its effect is the overall action. */
  readonly applied: boolean;
  /** Why the rule's own action did not apply (urgent, a higher action, already at the top step …), or null. */
  readonly blocked: string | null;
  /** What to do. */
  readonly advice: string;
  /** What each condition observed. */
  readonly evidence: readonly ProgressEvidence[];
  /** The rule's source. */
  readonly source: CitedSource;
  /** True where the rule is the pathway's own choice. */
  readonly designChoice: boolean;
  /** Why, where the rule says. */
  readonly note: string | null;
}

/** A progression rule that could not be judged, and why. @category Care over time */
export interface NotEvaluated {
  /** The rule's id. */
  readonly rule: string;
  /** What the rule says. */
  readonly label: string;
  /** Why, e.g. "no PHQ-9 in weeks 8–10 at the step". */
  readonly reason: string;
}

/** What {@link progress} returns. @category Care over time */
export interface ProgressResult<P extends Pathway = Pathway> {
  /** The pathway applied. */
  readonly pathway: { readonly id: P["id"]; readonly version: string; readonly title: string };
  /** The date of the latest assessment, at which the rules were judged; null without any. */
  readonly judgedAt: string | null;
  /** `options.asOf`, or null. */
  readonly asOf: string | null;
  /** Each instrument of the history, by id. */
  readonly instruments: Readonly<Record<string, InstrumentProgress>>;
  /** The most intensive action any rule asks for (step-down only when none asks for more and nothing is urgent). */
  readonly action: ProgressAction;
  /** The recommended step after this reassessment; null when not assessed. */
  readonly step: StepOf<P> | null;
  /** The step the person was at, and since when. */
  readonly current: {
    /** The step, or null when nothing the pathway uses was ever scored. */
    readonly step: StepOf<P> | null;
    /** Where it came from: `options.step`, or `stratify` over each instrument's first scored result. */
    readonly from: "options" | "first-assessment";
    /** The date time at the step counts from (the first assessment without `options.step`), or null. */
    readonly since: string | null;
    /** Weeks at the step at the latest assessment, or null. */
    readonly weeks: number | null;
  };
  /** True when an urgent rule fired on the deciding results (for the PHQ-9, the latest with item 9 answered). */
  readonly urgent: boolean;
  /** The urgent actions, as `stratify` gives them. */
  readonly urgentActions: readonly UrgentAction[];
  /** Urgent rules that could not be checked on the deciding results. */
  readonly urgentNotChecked: readonly UncheckedUrgent[];
  /** Every progression rule that fired, in the pathway's order. */
  readonly reasons: readonly ProgressReason[];
  /** Rules that could not be judged (an instrument not reassessed, no point in the rule's weeks). */
  readonly notEvaluated: readonly NotEvaluated[];
  /** Assessments left out: after `options.asOf`. */
  readonly excluded: readonly { readonly index: number; readonly at: string; readonly reason: string }[];
  /** `stratify` over the latest scored result of each instrument. */
  readonly stratified: StratifyResult<P>;
}

const RANK: Readonly<Record<ProgressAction, number>> = {
  "not-assessed": 0,
  "step-down": 1,
  continue: 2,
  review: 3,
  "step-up": 4,
};

/**
 * Follows one person across reassessments: per instrument the trajectory, the change from baseline to latest
 * (exactly `compareScores`'s result) and a status; then the pathway's progression rules, judged at the latest
 * assessment, give the action (step up, review, continue, step down) and the step after this reassessment,
 * each fired rule with its evidence and source. The urgent overlay comes from the latest result of each
 * instrument (for one whose definition declares an `urgent` flag on an item, such as the PHQ-9's item 9, the
 * latest in which that item was answered), and never allows a step-down.
 *
 * Pure: no clock is read; `options.asOf` is the only "now". Dates are ISO 8601 dates or date-times (without
 * an offset, UTC); `weeks` are days / 7, unrounded.
 *
 * @param history - dated results, in any order, of any instruments
 * @param options - the pathway, the current step and since when, an as-of date, custom definitions
 * @returns the trajectories, the action and step, the reasons, the urgent overlay and `stratify` over the latest results
 * @throws {@link ProgressInputError} for a history or options it cannot read (every problem named by path)
 * @throws {@link PathwayError} when the pathway is invalid
 * @example
 * ```ts
 * const p = progress([
 *   { at: "2026-01-05", result: score(phq9, [2, 2, 2, 2, 2, 2, 2, 1, 0]) }, // 15
 *   { at: "2026-03-16", result: score(phq9, [2, 2, 1, 2, 2, 1, 2, 2, 0]) }, // 14, 10 weeks later
 * ]);
 * p.instruments.phq9?.status; // "no-reliable-change"
 * p.action;                   // "step-up" (not below 10 nor 50 % lower after 10 weeks)
 * p.step;                     // 3 (from step 2: one elevated psychosocial domain)
 * ```
 * @category Care over time
 */
export function progress<const P extends Pathway = DefaultPathway>(
  history: readonly HistoryEntry[],
  options?: ProgressOptions<P>,
): ProgressResult<P>;
export function progress(history: readonly HistoryEntry[], options: ProgressOptions = {}): ProgressResult {
  const pathway = options.pathway ?? defaultPathway;
  const extra = options.definitions ?? [];
  const input = readInput(history, options, pathway);
  // Validates the pathway (throws PathwayError) before anything is judged against it; once per pathway object.
  const checked = checkedPathway(pathway, { definitions: extra });
  return new Judgement(pathway, checked, extra, input).result();
}

interface Entry {
  readonly index: number;
  readonly at: string;
  readonly t: number;
  readonly result: ScoreResult;
}

interface Input {
  readonly entries: readonly Entry[];
  readonly excluded: ProgressResult["excluded"];
  readonly asOf: string | null;
  readonly step: { readonly current: number; readonly since: string; readonly t: number } | null;
}

function readInput(history: unknown, options: ProgressOptions, pathway: Pathway): Input {
  const issues: ProgressInputIssue[] = [];
  if (!Array.isArray(history))
    throw new ProgressInputError([{ path: "history", value: history, message: "must be an array of { at, result }" }]);
  const asOfT = options.asOf === undefined ? null : parseInstant(options.asOf);
  if (options.asOf !== undefined && asOfT === null)
    issues.push({ path: "options.asOf", value: options.asOf, message: dateMessage });
  let step: Input["step"] = null;
  if (options.step !== undefined) {
    const { current, since } = options.step as { current: unknown; since: unknown };
    const t = parseInstant(since);
    if (t === null) issues.push({ path: "options.step.since", value: since, message: dateMessage });
    const steps = pathway.steps.map((s) => s.step);
    if (typeof current !== "number" || !steps.includes(current)) {
      issues.push({
        path: "options.step.current",
        value: current,
        message: `must be one of the pathway's steps (${steps.join(", ")})`,
      });
    }
    if (t !== null && typeof current === "number") step = { current, since: since as string, t };
  }
  const entries: Entry[] = [];
  const excluded: { index: number; at: string; reason: string }[] = [];
  history.forEach((e: unknown, index) => {
    const at = `history.${String(index)}`;
    if (typeof e !== "object" || e === null) {
      issues.push({ path: at, value: e, message: "must be { at, result }" });
      return;
    }
    const { at: when, result } = e as { at?: unknown; result?: unknown };
    const t = parseInstant(when);
    if (t === null) issues.push({ path: `${at}.at`, value: when, message: dateMessage });
    const ok =
      typeof result === "object" &&
      result !== null &&
      typeof (result as { instrument?: unknown }).instrument === "string";
    if (!ok)
      issues.push({ path: `${at}.result`, value: result, message: "must be a score result (it has no instrument id)" });
    if (t === null || !ok) return;
    if (asOfT !== null && t > asOfT)
      excluded.push({ index, at: when as string, reason: `after the as-of date ${options.asOf as string}` });
    else entries.push({ index, at: when as string, t, result: result as ScoreResult });
  });
  if (issues.length > 0) throw new ProgressInputError(issues);
  // Sorted by time; results of the same instant keep their order in the history.
  entries.sort((a, b) => a.t - b.t || a.index - b.index);
  return { entries, excluded, asOf: options.asOf ?? null, step };
}

const dateMessage =
  "must be an ISO 8601 date (2026-03-01) or date-time (2026-03-01T09:30, with Z or ±hh:mm, else read as UTC) naming a real day";

/** A point with its instant and its score on one scale. */
interface Point {
  readonly entry: Entry;
  readonly score: number | null;
  readonly band: BandResult | null;
}

/** One instrument on one scale: every point, and the scored ones. */
interface Series {
  readonly instrument: string;
  readonly def: InstrumentDefinition | undefined;
  readonly scale: string;
  readonly points: readonly Point[];
  readonly scored: readonly Point[];
}

/** A condition's value: true, false, or null (not evaluable, with why). */
interface Outcome {
  readonly value: boolean | null;
  readonly evidence: readonly ProgressEvidence[];
  readonly why: string | null;
}

class Judgement {
  private readonly cite: (key: string) => CitedSource;
  private readonly series = new Map<string, Series>();
  private readonly instrumentIds: readonly string[];
  /** The instant time at the step counts from, or null without any assessment. */
  private readonly t0: number | null;
  private readonly current: number | null;
  private readonly stratified: StratifyResult;
  private readonly urgentFrom: StratifyResult;

  constructor(
    private readonly p: Pathway,
    checked: CheckedPathway,
    private readonly extra: readonly InstrumentDefinition[],
    private readonly input: Input,
  ) {
    this.cite = citer(p.references);
    this.instrumentIds = [...new Set(input.entries.map((e) => e.result.instrument))];
    this.t0 = input.step?.t ?? input.entries[0]?.t ?? null;
    const baselines = this.instrumentIds.flatMap((id) => {
      const s = this.tracked(id);
      return s.scored[0] === undefined ? [] : [s.scored[0].entry.result];
    });
    this.current = input.step?.current ?? stepChecked(checked, baselines, extra);
    const latest = this.instrumentIds.map((id) => {
      const s = this.tracked(id);
      return (s.scored.at(-1) ?? lastOf(s)).entry.result;
    });
    this.stratified = stratifyChecked(checked, latest, extra);
    const deciding = this.instrumentIds.map((id) => this.decidingForUrgent(id));
    this.urgentFrom = deciding.every((r, i) => r === latest[i])
      ? this.stratified
      : stratifyChecked(checked, deciding, extra);
  }

  result(): ProgressResult {
    const p = this.p;
    const instruments: Record<string, InstrumentProgress> = {};
    const judgedAt = this.input.entries.at(-1)?.at ?? null;
    const reasons: ProgressReason[] = [];
    const notEvaluated: NotEvaluated[] = [];
    const urgent = this.urgentFrom.urgent;
    const current = this.current;

    if (current !== null) {
      for (const rule of p.progression ?? []) {
        if (rule.steps !== undefined && !rule.steps.includes(current)) continue;
        const o = this.all(rule.when);
        if (o.value === null) notEvaluated.push({ rule: rule.id, label: rule.label, reason: o.why ?? "not evaluable" });
        if (o.value !== true) continue;
        reasons.push(this.reason(rule, o.evidence, current, urgent));
      }
    }
    // The most intensive effect; "continue" when no rule fired (a step-down can win only over nothing else).
    const top = reasons.reduce<ProgressionAction | null>(
      (a, r) => (a === null || RANK[r.effect] > RANK[a] ? r.effect : a),
      null,
    );
    const action: ProgressAction = current === null ? "not-assessed" : (top ?? "continue");
    const movers = reasons.filter((r) => r.effect === action && (action === "step-up" || action === "step-down"));
    const step =
      current === null ? null : movers.length > 0 ? Math.max(...movers.map((r) => r.step as number)) : current;
    const applied = reasons.map((r): ProgressReason => {
      const isApplied = r.effect === action && (movers.length === 0 || r.step === step);
      const blocked =
        r.blocked ?? (isApplied || r.effect === action ? null : `${actionWords(action)} takes precedence`);
      return { ...r, applied: isApplied, blocked };
    });

    for (const id of this.instrumentIds) instruments[id] = this.instrument(id, applied);
    const weeks =
      this.t0 === null || judgedAt === null ? null : weeksBetween(this.t0, (this.input.entries.at(-1) as Entry).t);
    return {
      pathway: { id: p.id, version: p.version, title: p.title },
      judgedAt,
      asOf: this.input.asOf,
      instruments,
      action,
      step,
      current: {
        step: current,
        from: this.input.step === null ? "first-assessment" : "options",
        since: this.input.step?.since ?? this.input.entries[0]?.at ?? null,
        weeks,
      },
      urgent,
      urgentActions: this.urgentFrom.urgentActions,
      urgentNotChecked: this.urgentFrom.urgentNotChecked,
      reasons: applied,
      notEvaluated,
      excluded: this.input.excluded,
      stratified: this.stratified,
    };
  }

  /** One fired rule, its action after the guards: the top step, the step `stratify` still gives, urgency. */
  private reason(
    rule: ProgressionRule,
    evidence: readonly ProgressEvidence[],
    current: number,
    urgent: boolean,
  ): ProgressReason {
    const steps = this.p.steps.map((s) => s.step);
    let effect: ProgressionAction = rule.action;
    let step: number | null = null;
    let blocked: string | null = null;
    if (rule.action === "step-up") {
      const to = rule.to ?? "next";
      const target =
        to === "next"
          ? (steps.find((s) => s > current) ?? null)
          : to === "stratified"
            ? this.stratified.step
            : to === "previous"
              ? null
              : to;
      if (target === null || target <= current) {
        effect = "review";
        blocked =
          target === null && to === "next"
            ? `already at step ${String(current)}, the highest`
            : `step ${String(target)} is not above the current step ${String(current)}`;
      } else step = target;
    } else if (rule.action === "step-down") {
      const to = rule.to ?? "previous";
      const below = [...steps].reverse().find((s) => s < current) ?? null;
      let target = to === "previous" ? below : to === "stratified" ? this.stratified.step : to === "next" ? null : to;
      // Never below what the latest results call for: another rule asking for more.
      const floor = this.stratified.step;
      if (target !== null && floor !== null && target < floor) target = floor;
      if (urgent) {
        effect = "continue";
        blocked = "an urgent action is open: no step-down while anything is urgent";
      } else if (target === null || target >= current) {
        effect = "continue";
        blocked =
          below === null
            ? `already at step ${String(current)}, the lowest`
            : `stratify over the latest results still gives step ${String(floor ?? current)}`;
      } else step = target;
    }
    return {
      kind: "progression",
      rule: rule.id,
      label: rule.label,
      action: rule.action,
      effect,
      step,
      applied: false,
      blocked,
      advice: rule.advice,
      evidence,
      source: this.cite(rule.source),
      designChoice: rule.designChoice === true,
      note: rule.note ?? null,
    };
  }

  private instrument(id: string, reasons: readonly ProgressReason[]): InstrumentProgress {
    const s = this.tracked(id);
    const first = s.points[0] as Point;
    const points = s.points.map(
      (pt): ProgressPoint => ({
        at: pt.entry.at,
        weeks: weeksBetween(first.entry.t, pt.entry.t),
        score: pt.score,
        band: pt.band,
        result: pt.entry.result,
      }),
    );
    const pointOf = (pt: Point | undefined): ProgressPoint | null =>
      pt === undefined ? null : (points[s.points.indexOf(pt)] as ProgressPoint);
    const baseline = pointOf(s.scored[0]);
    const latest = pointOf(s.scored.at(-1));
    // Without a definition (an instrument neither bundled nor passed) there is nothing to compare with.
    const change =
      s.scored.length > 1 && s.def !== undefined
        ? this.compare(s, s.scored[0] as Point, s.scored.at(-1) as Point)
        : null;
    const mine = reasons.filter((r) => r.evidence.some((e) => e.instrument === id));
    const action: ProgressAction =
      baseline === null
        ? "not-assessed"
        : mine.reduce<ProgressionAction>((a, r) => (RANK[r.effect] > RANK[a] ? r.effect : a), "continue");
    return { instrument: id, scale: s.scale, points, baseline, latest, change, status: statusOf(s, change), action };
  }

  /** The result that decides an instrument's urgent rules: the latest in which every item they read was answered. */
  private decidingForUrgent(id: string): ScoreResult {
    const s = this.tracked(id);
    const def = s.def;
    const items = new Set<string>();
    // The items the safety overlay reads (the PHQ-9's item 9): it applies whatever the pathway.
    for (const u of urgentFlags(id, this.extra))
      if (conditionKind(u.flag.when) === "item") items.add(conditionSubject(u.flag.when));
    for (const u of this.p.urgent) {
      if (u.when.instrument !== id) continue;
      // Told apart as validatePathway tells them (a field given as undefined is a field left out).
      const w = tagCondition(u.when);
      switch (w?.kind) {
        case undefined:
        case "score":
        case "band":
          break;
        case "item":
          items.add(w.item);
          break;
        case "flag": {
          const when = def?.flags?.find((f) => f.id === w.flag)?.when;
          if (when !== undefined && conditionKind(when) === "item") items.add(conditionSubject(when));
          break;
        }
        default:
          return unreachable(w);
      }
    }
    const answered = (r: ScoreResult): boolean =>
      [...items].every((it) => typeof (r.answers as Readonly<Record<string, unknown>>)[it] === "number");
    const pick = [...s.points].reverse().find((pt) => answered(pt.entry.result)) ?? lastOf(s);
    return pick.entry.result;
  }

  // -------------------------------------------------------------------------------------------------------
  // Conditions: three-valued (true, false, not evaluable), each with what it observed.
  // -------------------------------------------------------------------------------------------------------

  private all(cs: readonly ProgressCondition[]): Outcome {
    const outs = cs.map((c) => this.evaluate(c));
    const evidence = outs.flatMap((o) => o.evidence);
    if (outs.some((o) => o.value === false)) return { value: false, evidence, why: null };
    const unknown = outs.find((o) => o.value === null);
    return unknown === undefined ? { value: true, evidence, why: null } : { value: null, evidence, why: unknown.why };
  }

  private evaluate(c: ProgressCondition): Outcome {
    switch (c.kind) {
      case "all":
        return this.all(c.of);
      case "any": {
        // Conditions that could not be evaluated (an instrument not reassessed) are skipped.
        const outs = c.of.map((x) => this.evaluate(x));
        const evidence = outs.flatMap((o) => o.evidence);
        if (outs.some((o) => o.value === true)) return { value: true, evidence, why: null };
        if (outs.some((o) => o.value === false)) return { value: false, evidence, why: null };
        return {
          value: null,
          evidence,
          why:
            outs
              .map((o) => o.why)
              .filter((w) => w !== null)
              .join("; ") || "none could be evaluated",
        };
      }
      case "not": {
        const o = this.evaluate(c.condition);
        return { value: o.value === null ? null : !o.value, evidence: o.evidence, why: o.why };
      }
      case "weeks-at-step":
        return this.weeksAtStep(c.instrument, c.op, c.value);
      case "stratified-step": {
        const st = this.stratified.step;
        if (st === null || this.current === null) return unknown("stratify over the latest results gives no step");
        const holds = compare(st, c.op, this.current);
        return known(holds, {
          kind: c.kind,
          instrument: null,
          scale: null,
          observed: st,
          op: c.op,
          threshold: this.current,
          holds,
          weeks: null,
          at: null,
          text: `stratify over the latest results gives step ${String(st)} (current step ${String(this.current)})`,
        });
      }
      case "consecutive": {
        const s = this.seriesOf(c.instrument, c.scale);
        if (s.scored.length === 0) return unknown(`no scored ${this.name(s)}`);
        const run: Point[] = [];
        for (const pt of [...s.scored].reverse()) {
          if (!compare(pt.score as number, c.op, c.value)) break;
          run.unshift(pt);
        }
        const span = run.length === 0 ? 0 : weeksBetween((run[0] as Point).entry.t, (run.at(-1) as Point).entry.t);
        const holds = run.length >= c.count && span >= (c.minSpanWeeks ?? 0) - EPS;
        const last = s.scored.at(-1) as Point;
        return known(holds, {
          kind: c.kind,
          instrument: s.instrument,
          scale: s.scale,
          observed: run.length,
          op: c.op,
          threshold: c.value,
          holds,
          weeks: this.weeksAt(last),
          at: last.entry.at,
          text: `${this.name(s)} ${opText(c.op)} ${fmt(c.value)} on the last ${String(run.length)} assessment${run.length === 1 ? "" : "s"}, over ${fmt(span)} weeks (needs ${String(c.count)}${c.minSpanWeeks === undefined ? "" : ` over ${fmt(c.minSpanWeeks)} weeks`})`,
        });
      }
      case "score":
      case "band": {
        const s = this.seriesOf(c.instrument, c.scale);
        const w = this.inWindow(s, c.window);
        if (w !== null) return w;
        const pt = c.point === "latest" ? s.scored.at(-1) : this.anchor(s, c.point);
        if (pt === undefined) return unknown(`no scored ${this.name(s)}`);
        const where =
          c.point === "latest" ? "latest" : c.point === "baseline" ? "baseline" : "at the start of the step";
        if (c.kind === "score") {
          const holds = compare(pt.score as number, c.op, c.value);
          return known(holds, {
            kind: c.kind,
            instrument: s.instrument,
            scale: s.scale,
            observed: pt.score,
            op: c.op,
            threshold: c.value,
            holds,
            weeks: this.weeksAt(pt),
            at: pt.entry.at,
            text: `${this.name(s)} ${where} ${fmt(pt.score as number)} (${opText(c.op)} ${fmt(c.value)}: ${holds ? "yes" : "no"})`,
          });
        }
        const band = pt.band?.id ?? null;
        const holds = band !== null && c.bands.includes(band);
        return known(holds, {
          kind: c.kind,
          instrument: s.instrument,
          scale: s.scale,
          observed: band,
          op: null,
          threshold: c.bands.join(" or "),
          holds,
          weeks: this.weeksAt(pt),
          at: pt.entry.at,
          text: `${this.name(s)} ${where} band ${band ?? "none"}`,
        });
      }
      case "improvement":
      case "outcome":
      case "band-change": {
        const s = this.seriesOf(c.instrument, c.scale);
        const w = this.inWindow(s, c.window);
        if (w !== null) return w;
        const pair = this.pair(s, c.from);
        if (typeof pair === "string") return unknown(pair);
        const [from, latest] = pair;
        const ctx = { instrument: s.instrument, scale: s.scale, weeks: this.weeksAt(latest), at: latest.entry.at };
        const words = `${this.name(s)} ${fmt(from.score as number)} → ${fmt(latest.score as number)} at ${fmt(ctx.weeks)} weeks`;
        if (c.kind === "band-change") {
          const a = from.band?.id ?? null;
          const b = latest.band?.id ?? null;
          const holds = a !== null && b !== null && c.changes.some(([x, y]) => x === a && y === b);
          return known(holds, {
            kind: c.kind,
            ...ctx,
            observed: `${a ?? "none"} → ${b ?? "none"}`,
            op: null,
            threshold: c.changes.map(([x, y]) => `${x} → ${y}`).join(", "),
            holds,
            text: `${this.name(s)} band ${a ?? "none"} → ${b ?? "none"} at ${fmt(ctx.weeks)} weeks`,
          });
        }
        const change = this.compare(
          s,
          from,
          latest,
          c.kind === "outcome" && c.option !== undefined ? { [c.outcome]: c.option } : {},
        );
        if (c.kind === "outcome") {
          const o = change[c.outcome];
          if (!o.available) return unknown(o.reason);
          if (o.met === null)
            return unknown(`${this.name(s)} ${c.outcome} (${o.label}) cannot be judged: ${o.note ?? "undetermined"}`);
          const holds = o.met === c.met;
          return known(holds, {
            kind: c.kind,
            ...ctx,
            observed: o.met,
            op: null,
            threshold: c.met,
            holds,
            text: `${words}: ${c.outcome} (${o.label}) ${o.met ? "met" : "not met"}`,
          });
        }
        if (c.unit === "points") {
          const holds = compareTol(change.improvement, c.op, c.value);
          return known(holds, {
            kind: c.kind,
            ...ctx,
            observed: change.improvement,
            op: c.op,
            threshold: c.value,
            holds,
            text: `${words}: improvement ${fmt(change.improvement)} points (${opText(c.op)} ${fmt(c.value)}: ${holds ? "yes" : "no"})`,
          });
        }
        if (change.before === 0) return unknown(`${this.name(s)}: a percentage of a baseline of 0 is undefined`);
        // Cross-multiplied so that 20 → 14 is exactly a 30 % improvement.
        const holds = compareTol(change.improvement * 100, c.op, c.value * Math.abs(change.before));
        const pct = (change.improvement / Math.abs(change.before)) * 100;
        return known(holds, {
          kind: c.kind,
          ...ctx,
          observed: pct,
          op: c.op,
          threshold: c.value,
          holds,
          text: `${words}: improvement ${fmt(pct)} % (${opText(c.op)} ${fmt(c.value)} %: ${holds ? "yes" : "no"})`,
        });
      }
      case "reliable-change": {
        const ids =
          c.instrument === undefined ? this.instrumentIds.filter((id) => this.hasReliability(id)) : [c.instrument];
        const outs = ids.map((id) =>
          this.reliable(
            this.seriesOf(id, c.instrument === undefined ? undefined : c.scale),
            c.from,
            c.direction,
            c.window,
          ),
        );
        if (outs.length === 0) return unknown("no instrument in the history has reliable-change inputs");
        const evidence = outs.flatMap((o) => o.evidence);
        if (outs.some((o) => o.value === true))
          return { value: true, evidence: evidence.filter((e) => e.holds), why: null };
        if (outs.some((o) => o.value === false)) return { value: false, evidence, why: null };
        return { value: null, evidence, why: outs.map((o) => o.why).join("; ") };
      }
    }
  }

  private reliable(
    s: Series,
    from: ChangeAnchor,
    direction: "improvement" | "deterioration",
    window: WeeksWindow | undefined,
  ): Outcome {
    const w = this.inWindow(s, window);
    if (w !== null) return w;
    const pair = this.pair(s, from);
    if (typeof pair === "string") return unknown(pair);
    const [a, b] = pair;
    const change = this.compare(s, a, b);
    const rc = change.reliableChange;
    if (!rc.available) return unknown(rc.reason);
    const way = direction === "improvement" ? "improved" : "worsened";
    const holds = rc.reliable && change.direction === way;
    const weeks = this.weeksAt(b);
    return known(holds, {
      kind: "reliable-change",
      instrument: s.instrument,
      scale: s.scale,
      observed: change.change,
      op: null,
      threshold: rc.threshold,
      holds,
      weeks,
      at: b.entry.at,
      text: `${this.name(s)} ${fmt(change.before)} → ${fmt(change.after)} at ${fmt(weeks)} weeks: ${holds ? `reliable ${direction}` : `no reliable ${direction}`} (change of ${fmt(rc.threshold)} points needed, ${rc.label})`,
    });
  }

  private weeksAtStep(instrument: string | undefined, op: Comparison, value: number): Outcome {
    let pt: Point | undefined;
    let s: Series | null = null;
    if (instrument !== undefined) {
      s = this.seriesOf(instrument, undefined);
      pt = s.scored.at(-1);
    } else {
      for (const id of this.instrumentIds) {
        const last = this.tracked(id).scored.at(-1);
        if (last !== undefined && (pt === undefined || last.entry.t > pt.entry.t)) pt = last;
      }
    }
    if (pt === undefined || this.t0 === null)
      return unknown(instrument === undefined || s === null ? "nothing was scored" : `no scored ${this.name(s)}`);
    const weeks = this.weeksAt(pt);
    const holds = compareTol(weeks, op, value);
    return known(holds, {
      kind: "weeks-at-step",
      instrument: instrument ?? null,
      scale: s?.scale ?? null,
      observed: weeks,
      op,
      threshold: value,
      holds,
      weeks,
      at: pt.entry.at,
      text: `${fmt(weeks)} weeks at the step${s === null ? "" : ` (${this.name(s)})`} (${opText(op)} ${fmt(value)}: ${holds ? "yes" : "no"})`,
    });
  }

  /** Not evaluable (with why) when the latest scored point is outside the window; null when inside or no window. */
  private inWindow(s: Series, w: WeeksWindow | undefined): Outcome | null {
    if (w === undefined) return null;
    const last = s.scored.at(-1);
    const span =
      w.maxWeeks === undefined
        ? `${fmt(w.minWeeks ?? 0)} on`
        : w.minWeeks === undefined
          ? `before ${fmt(w.maxWeeks)}`
          : `${fmt(w.minWeeks)}–${fmt(w.maxWeeks)}`;
    if (last === undefined) return unknown(`no scored ${this.name(s)}`);
    const weeks = this.weeksAt(last);
    const inside =
      (w.minWeeks === undefined || weeks >= w.minWeeks - EPS) && (w.maxWeeks === undefined || weeks < w.maxWeeks - EPS);
    return inside
      ? null
      : unknown(`the latest ${this.name(s)} is at ${fmt(weeks)} weeks at the step, outside its weeks (${span})`);
  }

  /** The point a change is measured from and the latest scored point, or why there is no such pair. */
  private pair(s: Series, from: ChangeAnchor): readonly [Point, Point] | string {
    const a = this.anchor(s, from);
    const b = s.scored.at(-1);
    if (a === undefined || b === undefined) return `no scored ${this.name(s)}`;
    if (a === b)
      return `${this.name(s)} not reassessed since the ${from === "baseline" ? "baseline" : "start of the step"}`;
    return [a, b];
  }

  /** The baseline (first scored point), or the start of the step: the latest scored point on or before it, else the baseline. */
  private anchor(s: Series, from: ChangeAnchor): Point | undefined {
    if (from === "baseline" || this.input.step === null) return s.scored[0];
    const t = this.input.step.t;
    return [...s.scored].reverse().find((pt) => pt.entry.t <= t) ?? s.scored[0];
  }

  private compare(
    s: Series,
    a: Point,
    b: Point,
    choose: Pick<CompareOptions, "response" | "remission"> = {},
  ): ChangeComparison {
    // The definition is passed so that instruments of the caller's own compare too.
    const options: CompareOptions = { scale: s.scale, ...(s.def === undefined ? {} : { definition: s.def }) };
    return compareScores(a.entry.result, b.entry.result, { ...options, ...choose });
  }

  private hasReliability(id: string): boolean {
    const s = this.tracked(id);
    return (s.def?.change?.[s.scale]?.reliability?.length ?? 0) > 0;
  }

  private weeksAt(pt: Point): number {
    return weeksBetween(this.t0 ?? pt.entry.t, pt.entry.t);
  }

  private tracked(id: string): Series {
    return this.seriesOf(id, undefined);
  }

  private seriesOf(instrument: string, scale: string | undefined): Series {
    const def = definitionFor(instrument, this.extra);
    const sc = scale ?? (def === undefined ? "score" : trackedScale(def));
    const key = `${instrument}\u0000${sc}`;
    let s = this.series.get(key);
    if (s === undefined) {
      const points = this.input.entries
        .filter((e) => e.result.instrument === instrument)
        .map((entry): Point => {
          const out = (entry.result.scales as Readonly<Record<string, ScaleOutcome | undefined>>)[sc];
          const v = out === undefined ? (sc === def?.score?.id ? entry.result.score : null) : out.score;
          return { entry, score: typeof v === "number" && Number.isFinite(v) ? v : null, band: out?.band ?? null };
        });
      s = { instrument, def, scale: sc, points, scored: points.filter((pt) => pt.score !== null) };
      this.series.set(key, s);
    }
    return s;
  }

  private name(s: Series): string {
    const title = s.def?.shortTitle ?? s.instrument;
    return s.scale === s.def?.score?.id ? title : `${title} ${s.scale}`;
  }
}

/** The last point of a series (every series of the history has at least one). */
function lastOf(s: Series): Point {
  return s.points[s.points.length - 1] as Point;
}

function statusOf(s: Series, change: ChangeComparison | null): ProgressStatus {
  if (s.scored.length === 0) return "not-scored";
  if (change === null) return "baseline-only";
  const { remission, response, reliableChange } = change;
  // "Apply to the baseline": the definition is made for this baseline, and the baseline did not already meet it.
  if (remission.available && remission.met === true && remission.metAtBaseline !== true) return "remission";
  if (response.available && response.met === true && response.metAtBaseline !== true) return "response";
  if (reliableChange.available && reliableChange.reliable && change.direction === "improved")
    return "reliable-improvement";
  if (reliableChange.available && reliableChange.reliable && change.direction === "worsened")
    return "reliable-deterioration";
  return "no-reliable-change";
}

function known(holds: boolean, e: ProgressEvidence): Outcome {
  return { value: holds, evidence: [e], why: null };
}

function unknown(why: string): Outcome {
  return { value: null, evidence: [], why };
}

/** A comparison that a floating-point difference cannot tip (ODI scores are fractions). */
function compareTol(left: number, op: Comparison, right: number): boolean {
  switch (op) {
    case ">=":
      return left >= right - EPS;
    case ">":
      return left > right + EPS;
    case "<=":
      return left <= right + EPS;
    case "<":
      return left < right - EPS;
    case "==":
      return Math.abs(left - right) <= EPS;
  }
}

function actionWords(a: ProgressAction): string {
  return {
    "step-up": "a step-up",
    review: "a review",
    continue: "continuing",
    "step-down": "a step-down",
    "not-assessed": "not assessed",
  }[a];
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function opText(op: Comparison): string {
  return { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" }[op];
}
