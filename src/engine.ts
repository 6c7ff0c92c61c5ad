import { normalize } from "./answers.js";
import { planFor, scoredOf, type ItemPlan, type Plan, type ScalePlan } from "./compile.js";
import { DefinitionError, describeValue, returnedInputError, ScoreInputError, withStack } from "./errors.js";
import { demandText, partialScore } from "./rules/missing.js";
import { applySkips, skipReason, type Skipped } from "./rules/skips.js";
import type { SettingValues } from "./rules/conditions.js";
import type {
  AnswerValue,
  ComputedScale,
  ComputeOutput,
  FlagResult,
  InstrumentDefinition,
  MissingRule,
  ScaleOutcome,
  ScoreOptions,
  ScoreResult,
} from "./types.js";

// The engine interprets a compiled plan (compile.ts), the same way for every call. The main entry may also
// pass an unrolled loop (unroll.ts) that calls the same per-rule functions for complete, valid arrays.

const NO_SETTINGS: Readonly<Record<string, boolean | number | string>> = /* @__PURE__ */ Object.freeze({});

/** Shared by every complete scale: nothing missing. Frozen, since results share it. */
const NONE_MISSING: readonly string[] = /* @__PURE__ */ Object.freeze([]);

/** A scale outcome while the result is being built (its band is filled in once every score is known). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Scores answers against a definition object (no id lookup, so it pulls in no other instrument).
 * `score` is the public entry and resolves ids; this is the engine underneath it.
 *
 * @internal
 */
export function scoreWith<const D extends InstrumentDefinition>(
  def: D,
  answers: unknown,
  options?: ScoreOptions<D>,
  unroll?: Unroll,
): ScoreResult<D> {
  const out = run(planFor(def), answers, options, unroll);
  // A plain `instanceof Error`: ScoreInputError's own instanceof check is slower, and results are never Errors.
  if (out instanceof Error) throw withStack(out, scoreWith);
  return out as ScoreResult<D>;
}

/**
 * The unrolled loop of a plan tried on one call (unroll.ts): the result, or `undefined` where the loop
 * does not take the call (options that change scoring, `jitless`, answers it leaves to the engine).
 * Passed in by the entries that want it, so that `stepscore/core`, which is about size, carries none of it.
 *
 * @internal
 */
export type Unroll = (plan: Plan, answers: unknown, options: ScoreOptions | undefined) => ScoreResult | undefined;

/** The unrolled loop where it takes the call; else the engine. */
function run(
  plan: Plan,
  answers: unknown,
  options: ScoreOptions | undefined,
  unroll: Unroll | undefined,
): ScoreResult | ScoreInputError {
  return unroll?.(plan, answers, options) ?? evaluate(plan, answers, options);
}

/**
 * Scores, or returns (not throws) the ScoreInputError for invalid answers: the one engine, for any
 * answers and any options.
 *
 * @internal
 */
export function evaluate(
  plan: Plan,
  answers: unknown,
  options: ScoreOptions | undefined,
): ScoreResult | ScoreInputError {
  const def = plan.def;
  let override: MissingRule | null = null;
  let optIn: ReadonlySet<string> = EMPTY;
  if (options !== undefined) {
    if (options.missing !== undefined) override = missingOverride(plan, options.missing);
    if (options.flags !== undefined) optIn = optInFlags(plan, options.flags);
  }
  const given = normalize(plan, answers);
  if (!Array.isArray(given)) return given;
  const settings =
    plan.hasCustom || plan.readsSettings || options?.settings !== undefined
      ? checkedSettings(plan, options?.settings)
      : NO_SETTINGS;
  // Skip logic: items the form did not ask count as their rule says (not missing), unless the chosen
  // missing-data option counts them as missing.
  let skipped: Skipped | null = null;
  if (plan.skips.length > 0) {
    const asMissing =
      options?.missing !== undefined &&
      def.missingOptions?.find((m) => m.id === options.missing)?.notAsked === "missing";
    skipped = applySkips(
      plan.skips,
      given,
      settings,
      plan.items.map((it) => it.id),
      def.shortTitle,
      asMissing,
    );
    if (skipped.issues.length > 0) return returnedInputError(def.id, def.shortTitle, skipped.issues);
  }
  const vals = skipped === null ? given : skipped.vals;
  // The answer record (as given) and the unanswered items in one pass. Copying the template gives every
  // result of a definition the same object shape, which stays fast.
  const answerRecord: Record<string | number, AnswerValue> = { ...plan.answerTemplate };
  const missing: string[] = [];
  const keys = plan.keys;
  for (let i = 0; i < given.length; i++) {
    answerRecord[keys[i] as string | number] = given[i] as AnswerValue;
    if (vals[i] === null) missing.push((plan.items[i] as ItemPlan).id);
  }

  let computed: ComputeOutput | null = null;
  if (plan.hasCustom && def.compute !== undefined) {
    computed = checkedOutput(plan, def.compute({ answers: answerRecord, settings }));
    if (computed.issues !== undefined && computed.issues.length > 0) {
      return returnedInputError(def.id, def.shortTitle, computed.issues);
    }
  }

  // Every scale first, then bands: a rule band may test any scale, so all scores must be known.
  const ps = plan.scales;
  const outs: Mutable<ScaleOutcome>[] = [];
  for (let j = 0; j < ps.length; j++) {
    const s = ps[j] as ScalePlan;
    outs.push(
      s.rules !== null
        ? UNDECIDED
        : s.complete === null
          ? fromCompute(plan, s, computed)
          : scoreScale(plan, s, vals, override ?? s.def.missing),
    );
  }
  // Rules scales last, in order: their rules may test the other scales' scores.
  if (plan.hasRules)
    for (let j = 0; j < ps.length; j++)
      if ((ps[j] as ScalePlan).rules !== null) outs[j] = byRules(plan, ps[j] as ScalePlan, vals, outs, settings);
  const scales: Record<string, ScaleOutcome> = {};
  const subscales: Record<string, number | null> = {};
  for (let j = 0; j < ps.length; j++) {
    const s = ps[j] as ScalePlan;
    const out = outs[j] as Mutable<ScaleOutcome>;
    if (s.band !== null) out.band = s.band(out.score, vals, outs, settings);
    if (skipped !== null) {
      const why = skipReason(skipped, s.idx);
      if (why !== null) out.reason = out.reason === null ? why : `${out.reason}; ${why}`;
    }
    scales[s.id] = out;
    if (s !== plan.primary) subscales[s.id] = out.score;
  }

  const flags: FlagResult[] = [];
  for (const f of plan.flags) if (f.raised(optIn, vals, outs, settings)) flags.push(f.result);
  if (computed?.flags !== undefined)
    for (const f of computed.flags) flags.push({ id: f.id, label: f.label, message: f.message });

  return resultOf(
    plan,
    plan.primary === null ? null : (outs[0] as ScaleOutcome),
    subscales,
    flags,
    missing,
    scales,
    answerRecord,
  );
}

/**
 * The result object, from its parts: the one statement of its shape, for the engine and the unrolled loop.
 *
 * @internal
 */
export function resultOf(
  plan: Plan,
  primary: ScaleOutcome | null,
  subscales: Readonly<Record<string, number | null>>,
  flags: FlagResult[],
  missing: string[],
  scales: Readonly<Record<string, ScaleOutcome>>,
  answers: Readonly<Record<string, AnswerValue>>,
): ScoreResult {
  const def = plan.def;
  return {
    instrument: def.id,
    version: def.version,
    score: primary === null ? null : primary.score,
    method: primary === null ? null : primary.method,
    reason: primary === null ? plan.noPrimary : primary.reason,
    band: primary === null ? null : primary.band,
    subscales,
    flags,
    missing,
    scales,
    answers,
  };
}

/**
 * A scale with every item answered: its score, nothing missing, its band filled in once every score is known.
 *
 * @internal
 */
export function completeOutcome(score: number): Mutable<ScaleOutcome> {
  return { score, method: "complete", missing: NONE_MISSING, reason: null, band: null };
}

/**
 * Scores one declarative scale under a missing-data rule. A missing answer never counts as 0: the scale
 * is either complete, adjusted as the rule says (rules/missing.ts), or null with the reason.
 */
function scoreScale(
  plan: Plan,
  scale: ScalePlan,
  vals: readonly AnswerValue[],
  rule: MissingRule,
): Mutable<ScaleOutcome> {
  const idx = scale.idx;
  const size = idx.length;
  const items = plan.items;
  const asGiven = scale.asGiven;
  let sum = 0;
  // The answered items' maxima: all of them, less those of the items missing.
  let maxSum = scale.maxTotal;
  let missing: string[] | null = null;
  for (let k = 0; k < size; k++) {
    const i = idx[k] as number;
    const v = vals[i];
    if (v === null || v === undefined) {
      const it = items[i] as ItemPlan;
      (missing ??= []).push(it.id);
      maxSum -= it.maxScore;
    } else if (asGiven) sum += v as number;
    // Choice items map through their scored values (reverse keying, option scores); numbers count as given.
    else sum += scoredOf(items[i] as ItemPlan, v as number);
  }
  const complete = scale.complete as NonNullable<ScalePlan["complete"]>;
  if (missing === null) return completeOutcome(complete(sum, maxSum, size));
  const answered = size - missing.length;
  const adjusted = answered > 0 ? partialScore(rule, scale.def.method, sum, maxSum, size, answered) : null;
  if (adjusted !== null) return { score: adjusted.score, method: adjusted.method, missing, reason: null, band: null };
  const reason =
    `${plan.def.shortTitle} ${scale.def.label}: ${String(missing.length)} of ${String(size)} items not answered ` +
    `(${missing.join(", ")}); ${demandText(rule, size)}`;
  return { score: null, method: "insufficient", missing, reason, band: null };
}

/** Stands in for a rules scale until it is scored (never in a result). */
const UNDECIDED: Mutable<ScaleOutcome> = {
  score: null,
  method: "insufficient",
  missing: NONE_MISSING,
  reason: null,
  band: null,
};

/**
 * A rules scale's outcome: the value of the first rule that holds; null, with the unanswered items its rules
 * read, when a rule cannot be decided or none applies.
 */
function byRules(
  plan: Plan,
  s: ScalePlan,
  vals: readonly AnswerValue[],
  outs: readonly Mutable<ScaleOutcome>[],
  settings: SettingValues | undefined,
): Mutable<ScaleOutcome> {
  const score = (s.rules as NonNullable<ScalePlan["rules"]>)(vals, outs, settings);
  const missing: string[] = [];
  for (const i of s.idx) if (vals[i] === null) missing.push((plan.items[i] as ItemPlan).id);
  if (typeof score === "number")
    return { score, method: missing.length > 0 ? "partial" : "complete", missing, reason: null, band: null };
  const name = `${plan.def.shortTitle} ${s.def.label}`;
  const reason =
    score !== null
      ? `${name}: none of its rules applies`
      : missing.length > 0
        ? `${name}: cannot be decided, as ${missing.length === 1 ? "item" : "items"} ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not answered; ${demandText(s.def.missing, s.idx.length)}`
        : `${name}: cannot be decided, as a score its rules test has none`;
  return { score: null, method: "insufficient", missing, reason, band: null };
}

/** The outcome of a scoring call that never throws. */
export type SafeScoreResult<D extends InstrumentDefinition = InstrumentDefinition> =
  | { readonly success: true; readonly data: ScoreResult<D> }
  | { readonly success: false; readonly error: ScoreInputError };

/**
 * `scoreWith`, but never throws: invalid answers, and faults in a custom definition, come back as
 * `{ success: false, error }`.
 *
 * @internal
 */
export function safeScoreWith<const D extends InstrumentDefinition>(
  def: D,
  answers: unknown,
  options?: ScoreOptions<D>,
  unroll?: Unroll,
): SafeScoreResult<D> {
  try {
    const out = run(planFor(def), answers, options, unroll);
    return out instanceof Error ? { success: false, error: out } : { success: true, data: out as ScoreResult<D> };
  } catch (error) {
    return { success: false, error: asInputError(def, error) };
  }
}

/**
 * Whatever scoring threw, as the ScoreInputError `safeScore` returns: a fault in a custom definition (or a
 * getter, or a Proxy) is reported the same way as bad answers, so `safeScore` never throws. Reading the
 * thrown value or the definition may itself throw; then a plain message stands in.
 *
 * @internal
 */
export function asInputError(def: unknown, error: unknown): ScoreInputError {
  try {
    if (error instanceof ScoreInputError) return error;
    const raw = def as { id?: unknown } | null | undefined;
    const id = typeof def === "object" && def !== null && typeof raw?.id === "string" ? raw.id : "(definition)";
    const said = error instanceof Error ? error.message : String(error);
    const message = `the definition cannot score: ${typeof said === "string" ? said : "(unreadable error)"}`;
    return returnedInputError(id, id, [{ item: null, value: undefined, message }]);
  } catch {
    const message = "the definition cannot score: scoring threw a value that cannot be read";
    return new ScoreInputError("(definition)", "(definition)", [{ item: null, value: undefined, message }]);
  }
}

/** What `compute` returned, checked to be of its declared shape: a definition's code is not trusted to be. */
function checkedOutput(plan: Plan, out: unknown): ComputeOutput {
  const o = out as Partial<Record<keyof ComputeOutput, unknown>> | null;
  const problem =
    typeof out !== "object" || o === null
      ? `returned ${describeValue(out)}, not { scales }`
      : typeof o.scales !== "object" || o.scales === null
        ? `returned scales ${describeValue(o.scales)}, not an object by scale id`
        : o.issues !== undefined && !Array.isArray(o.issues)
          ? `returned issues ${describeValue(o.issues)}, not an array`
          : o.flags !== undefined && !Array.isArray(o.flags)
            ? `returned flags ${describeValue(o.flags)}, not an array`
            : null;
  if (problem !== null) throw new DefinitionError(plan.def.id, [`compute ${problem}`]);
  return out as ComputeOutput;
}

function fromCompute(plan: Plan, s: ScalePlan, computed: ComputeOutput | null): Mutable<ScaleOutcome> {
  const c: unknown = computed?.scales[s.def.id];
  const fault = (what: string): never => {
    throw new DefinitionError(plan.def.id, [`compute ${what}`]);
  };
  const scale = `scale "${s.def.id}"`;
  if (c === undefined) return fault(`returned nothing for ${scale}`);
  if (typeof c !== "object" || c === null) return fault(`returned ${describeValue(c)} for ${scale}, not { score }`);
  // Never a number the scale cannot have: NaN, Infinity, a string or a value outside the declared range.
  const { score, missing: m, reason } = c as Partial<Record<keyof ComputedScale, unknown>>;
  const [lo, hi] = s.def.range;
  if (
    score !== null &&
    (typeof score !== "number" || !Number.isFinite(score) || score < lo - 1e-9 || score > hi + 1e-9)
  ) {
    fault(
      `gave ${scale} the score ${describeValue(score)}, which is not a number from ${String(lo)} to ${String(hi)} (its declared range) or null`,
    );
  }
  if (m !== undefined && !(Array.isArray(m) && m.every((x) => typeof x === "string")))
    fault(`gave ${scale} missing ${describeValue(m)}, not an array of item ids`);
  if (reason !== undefined && typeof reason !== "string")
    fault(`gave ${scale} the reason ${describeValue(reason)}, not a string`);
  return scaleOutcome(plan, s, c as ComputedScale);
}

function scaleOutcome(plan: Plan, s: ScalePlan, c: ComputedScale): Mutable<ScaleOutcome> {
  const missing = c.missing ?? [];
  return c.score === null
    ? {
        score: null,
        method: "insufficient",
        missing,
        reason: c.reason ?? `${plan.def.shortTitle} ${s.def.label} cannot be computed`,
        band: null,
      }
    : { score: c.score, method: missing.length > 0 ? "partial" : "complete", missing, reason: null, band: null };
}

function missingOverride(plan: Plan, id: string): MissingRule {
  const found = plan.def.missingOptions?.find((m) => m.id === id);
  if (found !== undefined) return found.rule;
  const known = (plan.def.missingOptions ?? []).map((m) => `"${m.id}"`).join(", ") || "none";
  throw new ScoreInputError(plan.def.id, plan.def.shortTitle, [
    { item: null, value: id, message: `unknown missing-data option "${id}" (options: ${known})` },
  ]);
}

function optInFlags(plan: Plan, ids: readonly string[]): ReadonlySet<string> {
  if (ids.length === 0) return EMPTY;
  const known = new Set((plan.def.flags ?? []).filter((f) => f.optIn === true).map((f) => f.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ScoreInputError(
      plan.def.id,
      plan.def.shortTitle,
      unknown.map((id) => ({
        item: null,
        value: id,
        message: `unknown opt-in flag "${id}" (opt-in flags: ${[...known].map((k) => `"${k}"`).join(", ") || "none"})`,
      })),
    );
  }
  return new Set(ids);
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The caller's settings, each checked against the definition's declared settings, defaults filled in. An
 * enumerated setting not given (or given as null) with no default is left out: unset.
 */
function checkedSettings(
  plan: Plan,
  given: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, boolean | number | string>> {
  const declared = plan.def.settings ?? [];
  if (given === undefined && declared.length === 0) return NO_SETTINGS;
  const out: Record<string, boolean | number | string> = {};
  for (const d of declared) if (d.default !== null) out[d.id] = d.default;
  const issues = [];
  for (const [key, value] of Object.entries(given ?? {})) {
    const d = declared.find((x) => x.id === key);
    if (d === undefined) {
      const known = declared.map((x) => `"${x.id}"`).join(", ") || "none";
      issues.push({ item: null, value: key, message: `unknown setting "${key}" (settings: ${known})` });
    } else if (d.type === "enum") {
      if (value === null || value === undefined) Reflect.deleteProperty(out, key);
      else if (typeof value === "string" && d.values.includes(value)) out[key] = value;
      else
        issues.push({
          item: null,
          value,
          message: `setting "${key}" must be one of ${d.values.map((v) => `"${v}"`).join(", ")}, or left out when not known`,
        });
    } else if (typeof value !== "boolean") {
      issues.push({ item: null, value, message: `setting "${key}" must be true or false` });
    } else out[key] = value;
  }
  if (issues.length > 0) throw new ScoreInputError(plan.def.id, plan.def.shortTitle, issues);
  return out;
}
