import { compare } from "./conditions.js";
import { getInstrument, type InstrumentId, type Instruments } from "./registry.js";
import { unreachable } from "./rules/kinds.js";
import { scalesOf } from "./rules/items.js";
import type {
  BandResult,
  ChangeFacts,
  CitedSource,
  Comparison,
  ImportantChange,
  InstrumentDefinition,
  OutcomeDefinition,
  PrimaryScaleId,
  ReliabilityOption,
  ScaleOutcome,
  ScoreResult,
  SubscaleId,
} from "./types.js";

/** z for a two-tailed 95 % test (Jacobson & Truax 1991). */
const Z95 = 1.96;
// Scores such as the ODI's are unrounded fractions; a difference this small is floating-point noise, not change.
const EPS = 1e-9;

/** Which way a score moved, given whether higher is better for the instrument. @category Change */
export type ChangeDirection = "improved" | "worsened" | "unchanged";

/** A fact the definition does not give for this scale, or an option that does not apply. @category Change */
export interface NotAvailable {
  /** Discriminant. */
  readonly available: false;
  /** Why, in a sentence. */
  readonly reason: string;
}

/** Whether the change reaches the minimal clinically important difference. @category Change */
export interface McidResult {
  /** Discriminant. */
  readonly available: true;
  /** The option used (the definition's default unless the caller chose another). */
  readonly id: string;
  /** The option's label. */
  readonly label: string;
  /** Whether `threshold` is in points or in percent of the baseline. */
  readonly unit: "points" | "percent";
  /** The threshold applied; for baseline-dependent MCIDs, the one for this baseline. */
  readonly threshold: number;
  /** True when the size of the change reaches the threshold (either direction); null when it cannot be judged. */
  readonly reached: boolean | null;
  /** Why `reached` is null, or a caveat (MCIDs are derived for improvement; applied to worsening too). */
  readonly note: string | null;
  /** Where the threshold comes from. */
  readonly source: CitedSource;
}

/** The Jacobson–Truax reliable change index and what it was computed from. @category Change */
export interface ReliableChangeResult {
  /** Discriminant. */
  readonly available: true;
  /** The option used. */
  readonly id: string;
  /** The option's label. */
  readonly label: string;
  /** (after − before) / S_diff; its sign follows the score, not the direction of benefit. */
  readonly rci: number;
  /** True when |RCI| ≥ 1.96, i.e. the change exceeds `threshold` points. */
  readonly reliable: boolean;
  /** The smallest change in points that is reliable: 1.96 × S_diff. */
  readonly threshold: number;
  /** The standard error of the difference, S_diff = √2 × SEM. */
  readonly standardErrorOfDifference: number;
  /** The inputs, as published: SD and reliability, or SEM, or a threshold in points (others null). */
  readonly inputs: {
    /** Standard deviation of the reference population. */
    readonly sd: number | null;
    /** Test-retest reliability. */
    readonly reliability: number | null;
    /** Standard error of measurement. */
    readonly sem: number | null;
    /** A published MDC95, SDC95 or reliable-change criterion in points. */
    readonly threshold: number | null;
  };
  /** The population the inputs come from, when stated. */
  readonly population: string | null;
  /** A caveat, when the option has one. */
  readonly note: string | null;
  /** Where the inputs come from. */
  readonly source: CitedSource;
}

/** Whether a response or remission definition is met. @category Change */
export interface OutcomeResult {
  /** Discriminant. */
  readonly available: true;
  /** The definition used. */
  readonly id: string;
  /** The definition's label. */
  readonly label: string;
  /** True or false; null when it cannot be judged (baseline outside the definition's range, percent of 0). */
  readonly met: boolean | null;
  /** Why `met` is null, or the definition's caveat. */
  readonly note: string | null;
  /** For definitions on the follow-up score: whether the baseline already met it (null otherwise). */
  readonly metAtBaseline: boolean | null;
  /** Where the definition comes from. */
  readonly source: CitedSource;
}

/**
 * What {@link compareScores} returns.
 *
 * @typeParam I - the instrument id
 * @category Change
 */
export interface ChangeComparison<I extends string = string> {
  /** The instrument's id. */
  readonly instrument: I;
  /** The scale compared (the primary score unless `options.scale` named a subscale). */
  readonly scale: string;
  /** The earlier score. */
  readonly before: number;
  /** The later score. */
  readonly after: number;
  /** after − before. */
  readonly change: number;
  /** change ÷ before × 100; null when the baseline is 0. */
  readonly percentChange: number | null;
  /** Why `percentChange` is null, or null. */
  readonly percentChangeReason: string | null;
  /** Improved, worsened or unchanged, aware of the instrument's direction (a rise on the PSEQ is better). */
  readonly direction: ChangeDirection;
  /** The change turned so that a positive number is an improvement (−change where higher is worse). */
  readonly improvement: number;
  /** The scale's band before and after, when it has bands. */
  readonly band: { readonly before: BandResult | null; readonly after: BandResult | null };
  /** Minimal clinically important difference, where the definition gives one. */
  readonly mcid: McidResult | NotAvailable;
  /** Reliable change index, where the definition (or the caller) gives its inputs. */
  readonly reliableChange: ReliableChangeResult | NotAvailable;
  /** Response, where the definition defines it. */
  readonly response: OutcomeResult | NotAvailable;
  /** Remission, where the definition defines it. */
  readonly remission: OutcomeResult | NotAvailable;
  /** Things to know: different definition versions, a threshold applied to worsening. */
  readonly notes: readonly string[];
}

/**
 * Reliability inputs the caller supplies instead of one of the definition's options: exactly one of `sd`
 * with `reliability`, `sem`, or `threshold`, and the source as text.
 *
 * @category Change
 */
export interface CustomReliability {
  /** What it is, for the result. */
  readonly label?: string;
  /** Standard deviation of the reference population. */
  readonly sd?: number;
  /** Test-retest reliability, 0 ≤ r < 1. */
  readonly reliability?: number;
  /** Standard error of measurement. */
  readonly sem?: number;
  /** A published MDC95, SDC95 or reliable-change criterion in points. */
  readonly threshold?: number;
  /** The population the inputs come from. */
  readonly population?: string;
  /** The citation, as text. */
  readonly source: string;
}

/** Ids of a definition's change options of one kind (`"mcid"`, `"reliability"`, …), across its scales. @category Change */
export type ChangeOptionId<D extends InstrumentDefinition, K extends keyof ChangeFacts> = D extends {
  readonly change?: infer C;
}
  ? C extends Readonly<Record<string, infer F>>
    ? F extends { readonly [P in K]?: readonly (infer O)[] }
      ? O extends { readonly id: infer Id extends string }
        ? Id
        : never
      : never
    : never
  : never;

/** Options for {@link compareScores}. @category Change */
export interface CompareOptions<D extends InstrumentDefinition = InstrumentDefinition> {
  /** The scale to compare; defaults to the primary score (required for instruments without one, e.g. FABQ). */
  readonly scale?: PrimaryScaleId<D> | SubscaleId<D>;
  /** An MCID option other than the default. */
  readonly mcid?: ChangeOptionId<D, "mcid">;
  /** A reliability option other than the default, or inputs of the caller's own. */
  readonly reliability?: ChangeOptionId<D, "reliability"> | CustomReliability;
  /** A response definition other than the default. */
  readonly response?: ChangeOptionId<D, "response">;
  /** A remission definition other than the default. */
  readonly remission?: ChangeOptionId<D, "remission">;
  /** The definition, for results of an instrument that is not bundled. */
  readonly definition?: InstrumentDefinition;
}

/** The bundled definition for a result's instrument id, or the general type for others. @category Change */
export type DefinitionOf<R extends ScoreResult> = R["instrument"] extends InstrumentId
  ? Instruments[R["instrument"]]
  : InstrumentDefinition;

/** Why {@link compareScores} could not compare. @category Change */
export type CompareErrorCode =
  | "different-instruments"
  | "unknown-instrument"
  | "unknown-scale"
  | "no-score"
  | "unknown-option"
  | "invalid-reliability"
  | "invalid-input";

/**
 * Thrown by {@link compareScores} when the two results cannot be compared: different instruments, an
 * instrument it has no definition for, an unknown scale or option, or a result without a score.
 *
 * @example
 * ```ts
 * try {
 *   compareScores(phq9Result, gad7Result as never);
 * } catch (e) {
 *   if (e instanceof CompareInputError) e.code; // "different-instruments"
 * }
 * ```
 * @category Change
 */
export class CompareInputError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: CompareErrorCode;

  /**
   * @param code - the stable code
   * @param message - what went wrong, in a sentence
   */
  constructor(code: CompareErrorCode, message: string) {
    super(message);
    this.name = "CompareInputError";
    this.code = code;
  }
}

/**
 * Compares two results of the same instrument: the change (after − before), percent change, direction
 * (aware that higher is better on the PSEQ), whether the change reaches the minimal clinically important
 * difference, the Jacobson–Truax reliable change index, and response and remission where the instrument
 * defines them. Every threshold comes from the definition's `change` facts and names its source; where
 * sources disagree the definition offers several options with one default, and `options` picks another.
 *
 * RCI = (after − before) / S_diff with S_diff = √2 × SEM and SEM = SD × √(1 − r); the change is reliable
 * when |RCI| ≥ 1.96. Pure: nothing is read but the arguments and the bundled definitions.
 *
 * @param before - the earlier result
 * @param after - the later result, of the same instrument
 * @param options - scale, alternative options, custom reliability inputs, a custom definition
 * @returns the comparison
 * @throws {@link CompareInputError} for results of different instruments, a null score, an unknown scale or option
 * @example
 * ```ts
 * const before = score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]); // 16
 * const after = score(phq9, [1, 1, 1, 0, 1, 1, 1, 1, 0]);  // 7
 * const c = compareScores(before, after);
 * c.change;                 // -9
 * c.direction;              // "improved"
 * c.mcid.available && c.mcid.reached;                    // true (5 points, Löwe 2004)
 * c.reliableChange.available && c.reliableChange.reliable; // true (9 ≥ 6.93)
 * c.response.available && c.response.met;               // true (≥ 50 % reduction)
 * c.remission.available && c.remission.met;             // false (7 is not below 5)
 * ```
 * @see {@link https://doi.org/10.1037/0022-006X.59.1.12 | Jacobson & Truax 1991}
 * @category Change
 */
export function compareScores<R extends ScoreResult>(
  before: R,
  after: NoInfer<R>,
  options?: CompareOptions<DefinitionOf<R>>,
): ChangeComparison<R["instrument"]>;
export function compareScores(before: ScoreResult, after: ScoreResult, options: CompareOptions = {}): ChangeComparison {
  if (before.instrument !== after.instrument) {
    throw new CompareInputError(
      "different-instruments",
      `cannot compare results of different instruments ("${before.instrument}" and "${after.instrument}")`,
    );
  }
  const def = options.definition ?? getInstrument(before.instrument);
  if (def?.id !== before.instrument) {
    throw new CompareInputError(
      "unknown-instrument",
      def === undefined
        ? `no definition for instrument "${before.instrument}": pass it as options.definition`
        : `options.definition is "${def.id}", but the results are of "${before.instrument}"`,
    );
  }
  const scale = options.scale ?? def.score?.id;
  const scaleIds = scalesOf(def).map((s) => s.id);
  if (scale === undefined || !scaleIds.includes(scale)) {
    const known = scaleIds.map((s) => `"${s}"`).join(", ");
    throw new CompareInputError(
      "unknown-scale",
      scale === undefined
        ? `${def.shortTitle} has no single total score: pass options.scale (one of ${known})`
        : `${def.shortTitle} has no scale "${scale}" (scales: ${known})`,
    );
  }
  const a = scoreOf(def, before, scale, "before");
  const b = scoreOf(def, after, scale, "after");
  const change = b - a;
  const higherIsBetter = def.direction === "higher-is-better";
  // 0 − change rather than −change, so that no change is 0 and not −0.
  const improvement = higherIsBetter ? change : 0 - change;
  const direction: ChangeDirection = improvement > EPS ? "improved" : improvement < -EPS ? "worsened" : "unchanged";
  const percentChange = a === 0 ? null : (change / Math.abs(a)) * 100;
  const facts = def.change?.[scale] ?? {};
  const ctx: Context = { def, scale, before: a, after: b, change, improvement, percentChange, direction };

  const notes: string[] = [];
  if (before.version !== after.version) {
    notes.push(`the results were scored with different definition versions (${before.version} and ${after.version})`);
  }
  if (before.version !== def.version || after.version !== def.version) {
    notes.push(`the change facts are those of definition version ${def.version}`);
  }
  return {
    instrument: def.id,
    scale,
    before: a,
    after: b,
    change,
    percentChange,
    percentChangeReason: a === 0 ? "percent change is undefined from a baseline of 0" : null,
    direction,
    improvement,
    band: { before: bandOf(before, scale), after: bandOf(after, scale) },
    mcid: mcidOf(ctx, pick(def, scale, "mcid", facts.mcid, options.mcid)),
    reliableChange: reliableOf(ctx, facts.reliability, options.reliability),
    response: outcomeOf(ctx, "response", pick(def, scale, "response", facts.response, options.response)),
    remission: outcomeOf(ctx, "remission", pick(def, scale, "remission", facts.remission, options.remission)),
    notes,
  };
}

/** The outcome of {@link safeCompareScores}: the comparison, or why there is none. @category Change */
export type SafeCompareResult<I extends string = string> =
  | { readonly success: true; readonly data: ChangeComparison<I> }
  | { readonly success: false; readonly error: CompareInputError };

/**
 * {@link compareScores} for cohorts: never throws. A pair that cannot be compared (a follow-up without a
 * score, results of different instruments, an unknown scale or option) gives `{ success: false, error }`
 * with the error `compareScores` would throw; anything that is not a pair of results at all gives a
 * `CompareInputError` with the code `"invalid-input"`.
 *
 * @param before - the earlier result
 * @param after - the later result, of the same instrument
 * @param options - as for {@link compareScores}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * ```ts
 * const before = score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]); // 16
 * const after = score(phq9, [1, 1, 1, null, 1, 1, 1, 1, 0]); // no total: item 4 not answered
 * const c = safeCompareScores(before, after);
 * c.success; // false
 * !c.success && c.error.code; // "no-score"
 * ```
 * @category Change
 */
export function safeCompareScores<R extends ScoreResult>(
  before: R,
  after: NoInfer<R>,
  options?: CompareOptions<DefinitionOf<R>>,
): SafeCompareResult<R["instrument"]>;
export function safeCompareScores(before: unknown, after: unknown, options?: unknown): SafeCompareResult;
export function safeCompareScores(before: unknown, after: unknown, options?: unknown): SafeCompareResult {
  try {
    const shape = notResult(before, "before") ?? notResult(after, "after");
    if (shape !== null) return { success: false, error: new CompareInputError("invalid-input", shape) };
    const data = compareScores(before as ScoreResult, after as ScoreResult, (options ?? {}) as CompareOptions);
    return { success: true, data };
  } catch (error) {
    if (error instanceof CompareInputError) return { success: false, error };
    const said = error instanceof Error ? error.message : "an unreadable value was thrown";
    return { success: false, error: new CompareInputError("invalid-input", `cannot compare: ${said}`) };
  }
}

/** Why a value is not a result to compare, or null when it may be one. */
function notResult(v: unknown, which: string): string | null {
  if (typeof v !== "object" || v === null) return `${which} is ${v === null ? "null" : typeof v}, not a score result`;
  const r = v as { instrument?: unknown; scales?: unknown };
  if (typeof r.instrument !== "string") return `${which} has no instrument id: it is not a score result`;
  if (typeof r.scales !== "object" || r.scales === null) return `${which} has no scales: it is not a score result`;
  return null;
}

interface Context {
  readonly def: InstrumentDefinition;
  readonly scale: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
  readonly improvement: number;
  readonly percentChange: number | null;
  readonly direction: ChangeDirection;
}

function scoreOf(def: InstrumentDefinition, r: ScoreResult, scale: string, which: string): number {
  const outcome = (r.scales as Readonly<Record<string, ScaleOutcome | undefined>>)[scale];
  const value = outcome === undefined ? (scale === def.score?.id ? r.score : null) : outcome.score;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const why = outcome?.reason ?? (scale === def.score?.id ? r.reason : null);
    throw new CompareInputError(
      "no-score",
      `the ${which} result has no ${def.shortTitle} ${scale} score${why === null ? "" : ` (${why})`}`,
    );
  }
  return value;
}

function bandOf(r: ScoreResult, scale: string): BandResult | null {
  return (r.scales as Readonly<Record<string, ScaleOutcome | undefined>>)[scale]?.band ?? null;
}

function cited(def: InstrumentDefinition, key: string): CitedSource {
  // The laws guarantee every key is among the references; a custom definition that skipped them still gets the key.
  return { key, ...(def.references[key] ?? { text: key }) };
}

/** The option the caller named, else the default; undefined when the definition gives none. */
function pick<T extends { readonly id: string; readonly default?: boolean }>(
  def: InstrumentDefinition,
  scale: string,
  kind: string,
  list: readonly T[] | undefined,
  id: string | undefined,
): T | undefined {
  if (id === undefined) return list?.find((o) => o.default === true) ?? list?.[0];
  const found = list?.find((o) => o.id === id);
  if (found !== undefined) return found;
  const known = (list ?? []).map((o) => `"${o.id}"`).join(", ") || "none";
  throw new CompareInputError(
    "unknown-option",
    `${def.shortTitle} ${scale} has no ${kind} option "${id}" (options: ${known})`,
  );
}

function unavailable(ctx: Context, what: string): NotAvailable {
  return { available: false, reason: `the ${ctx.def.shortTitle} definition gives no ${what} for ${ctx.scale}` };
}

function mcidOf(ctx: Context, m: ImportantChange | undefined): McidResult | NotAvailable {
  if (m === undefined) return unavailable(ctx, "minimal clinically important difference");
  const worse = ctx.direction === "worsened" ? "derived for improvement; the same size is applied to worsening" : null;
  const note = [m.note, worse].filter((n) => n !== undefined && n !== null).join("; ") || null;
  const source = cited(ctx.def, m.source);
  if (m.percent !== undefined) {
    const pct = ctx.percentChange;
    return pct === null
      ? {
          available: true,
          id: m.id,
          label: m.label,
          unit: "percent",
          threshold: m.percent,
          reached: null,
          note: "a percentage of a baseline of 0 is undefined",
          source,
        }
      : {
          available: true,
          id: m.id,
          label: m.label,
          unit: "percent",
          threshold: m.percent,
          reached: Math.abs(pct) >= m.percent - EPS,
          note,
          source,
        };
  }
  // The laws guarantee `points` whenever `percent` is absent.
  const threshold = m.byBaseline?.find((t) => compare(ctx.before, t.op, t.value))?.points ?? m.points ?? 0;
  return {
    available: true,
    id: m.id,
    label: m.label,
    unit: "points",
    threshold,
    reached: Math.abs(ctx.change) >= threshold - EPS,
    note,
    source,
  };
}

function reliableOf(
  ctx: Context,
  list: readonly ReliabilityOption[] | undefined,
  chosen: string | CustomReliability | undefined,
): ReliableChangeResult | NotAvailable {
  let r: ReliabilityOption | undefined;
  let source: CitedSource;
  if (typeof chosen === "object") {
    checkCustom(chosen);
    r = { id: "caller", label: chosen.label ?? "supplied by the caller", ...strip(chosen), source: "caller" };
    source = { key: "caller", text: chosen.source };
  } else {
    r = pick(ctx.def, ctx.scale, "reliability", list, chosen);
    if (r === undefined) return unavailable(ctx, "reliability data for the reliable change index");
    source = cited(ctx.def, r.source);
  }
  // Three published forms of the same quantity: S_diff = √2 × SEM, SEM = SD × √(1 − r), threshold = 1.96 × S_diff.
  const sDiff =
    r.threshold !== undefined
      ? r.threshold / Z95
      : Math.SQRT2 * (r.sem ?? (r.sd as number) * Math.sqrt(1 - (r.reliability as number)));
  const threshold = r.threshold ?? Z95 * sDiff;
  return {
    available: true,
    id: r.id,
    label: r.label,
    rci: ctx.change / sDiff,
    // Compared in points so that a published "a fall of 6 or more" holds at exactly 6 despite rounding.
    reliable: Math.abs(ctx.change) >= threshold - EPS,
    threshold,
    standardErrorOfDifference: sDiff,
    inputs: {
      sd: r.sd ?? null,
      reliability: r.reliability ?? null,
      sem: r.sem ?? null,
      threshold: r.threshold ?? null,
    },
    population: r.population ?? null,
    note: r.note ?? null,
    source,
  };
}

function strip(c: CustomReliability): Omit<ReliabilityOption, "id" | "label" | "source"> {
  return {
    ...(c.sd === undefined ? {} : { sd: c.sd }),
    ...(c.reliability === undefined ? {} : { reliability: c.reliability }),
    ...(c.sem === undefined ? {} : { sem: c.sem }),
    ...(c.threshold === undefined ? {} : { threshold: c.threshold }),
    ...(c.population === undefined ? {} : { population: c.population }),
  };
}

function checkCustom(c: CustomReliability): void {
  const bad = (message: string): never => {
    throw new CompareInputError("invalid-reliability", `options.reliability: ${message}`);
  };
  const positive = (n: unknown): boolean => typeof n === "number" && Number.isFinite(n) && n > 0;
  const hasPair = c.sd !== undefined || c.reliability !== undefined;
  const forms = [hasPair, c.sem !== undefined, c.threshold !== undefined].filter(Boolean).length;
  if (forms !== 1) bad("give exactly one of sd with reliability, sem, or threshold");
  if (hasPair) {
    if (!positive(c.sd)) bad("sd must be a number above 0");
    const r = c.reliability;
    if (typeof r !== "number" || !Number.isFinite(r) || r < 0 || r >= 1)
      bad("reliability must be at least 0 and below 1");
  }
  if (c.sem !== undefined && !positive(c.sem)) bad("sem must be a number above 0");
  if (c.threshold !== undefined && !positive(c.threshold)) bad("threshold must be a number above 0");
  if (typeof c.source !== "string" || c.source.trim() === "") bad("source must name where the inputs come from");
}

function outcomeOf(ctx: Context, kind: string, d: OutcomeDefinition | undefined): OutcomeResult | NotAvailable {
  if (d === undefined) return unavailable(ctx, `${kind} definition`);
  const scoreCriteria = d.anyOf.filter((c) => c.kind === "score");
  const metAtBaseline =
    scoreCriteria.length === 0 ? null : scoreCriteria.some((c) => compare(ctx.before, c.op, c.value));
  const source = cited(ctx.def, d.source);
  const out = (met: boolean | null, note: string | null): OutcomeResult => ({
    available: true,
    id: d.id,
    label: d.label,
    met,
    note,
    metAtBaseline,
    source,
  });
  if (d.baseline !== undefined && !compare(ctx.before, d.baseline.op, d.baseline.value)) {
    return out(
      null,
      `defined for baselines ${opText(d.baseline.op)} ${String(d.baseline.value)}; the baseline was ${String(ctx.before)}`,
    );
  }
  let unknown = false;
  for (const c of d.anyOf) {
    let holds: boolean | null;
    switch (c.kind) {
      case "score":
        holds = compare(ctx.after, c.op, c.value);
        break;
      case "improvement":
        holds =
          c.unit === "points"
            ? ctx.improvement >= c.min - EPS
            : // Cross-multiplied so that 40 → 28 is exactly a 30 % improvement.
              ctx.before === 0
              ? null
              : ctx.improvement * 100 >= c.min * Math.abs(ctx.before) - EPS;
        break;
      default:
        return unreachable(c);
    }
    if (holds === true) return out(true, d.note ?? null);
    if (holds === null) unknown = true;
  }
  return unknown ? out(null, "a percentage of a baseline of 0 is undefined") : out(false, d.note ?? null);
}

function opText(op: Comparison): string {
  return { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" }[op];
}
