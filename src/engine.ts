import { normalize } from "./answers.js";
import { planFor, type ItemPlan, type Plan, type ScalePlan } from "./compile.js";
import { bandOf, compare, test } from "./conditions.js";
import { DefinitionError, describeValue, ScoreInputError, withoutStack } from "./errors.js";
import type { FastScorer } from "./jit.js";
import { scoreScale, type Mutable } from "./missing.js";
import type {
  AnswerValue,
  Comparison,
  ComputedScale,
  ComputeOutput,
  FlagResult,
  InstrumentDefinition,
  MissingRule,
  ScaleOutcome,
  ScoreOptions,
  ScoreResult,
} from "./types.js";

const NO_SETTINGS: Readonly<Record<string, boolean | number | string>> = /* @__PURE__ */ Object.freeze({});

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
  generate?: Generate,
): ScoreResult<D> {
  const out = evaluate(def, answers, options, generate);
  // A plain `instanceof Error`: ScoreInputError's own instanceof check is slower, and results are never Errors.
  if (out instanceof Error) throw out;
  return out;
}

/**
 * Makes a definition's fast scorer (jit.ts `generateScorer`). Passed in by the entries that want one, so
 * that `stepscore/core`, which is about size, does not carry the generator.
 *
 * @internal
 */
export type Generate = (plan: Plan) => FastScorer | null;

// Generating a definition's scorer costs about as much as interpreting a few hundred answer sets, so it
// waits until the definition has been used a few times: one-off calls never pay for it.
const GENERATE_AFTER = 8;

/** Scores, or returns (not throws) the ScoreInputError for invalid answers. */
function evaluate<const D extends InstrumentDefinition>(
  def: D,
  answers: unknown,
  options: ScoreOptions<D> | undefined,
  generate: Generate | undefined,
): ScoreResult<D> | ScoreInputError {
  const plan = planFor(def);
  if (generate !== undefined && plan.fast !== null && plain(options)) {
    if (plan.fast !== undefined) {
      const fast = plan.fast(answers);
      if (fast !== undefined) return fast as ScoreResult<D>;
    } else if (++plan.calls >= GENERATE_AFTER) plan.fast = generate(plan);
  }
  return general(plan, def, answers, options);
}

/** No options, or options that change nothing: the generated scorer applies. */
function plain(options: ScoreOptions | undefined): boolean {
  return (
    options === undefined ||
    (options.missing === undefined && (options.flags === undefined || options.flags.length === 0) && options.settings === undefined)
  );
}

/**
 * The engine for every case: any answers, any options. The generated scorer (jit.ts) must agree with it.
 *
 * @internal
 */
export function general<const D extends InstrumentDefinition>(
  plan: Plan,
  def: D,
  answers: unknown,
  options: ScoreOptions<D> | undefined,
): ScoreResult<D> | ScoreInputError {
  const override = options?.missing === undefined ? null : missingOverride(plan, options.missing);
  const optIn = options?.flags === undefined ? EMPTY : optInFlags(plan, options.flags);
  const vals = normalize(plan, answers);
  if (!Array.isArray(vals)) return vals;
  const answerRecord = record(plan, vals);

  let computed: ComputeOutput | null = null;
  if (plan.hasCustom && def.compute !== undefined) {
    computed = checkedOutput(plan, def.compute({ answers: answerRecord, settings: checkedSettings(plan, options?.settings) }));
    if (computed.issues !== undefined && computed.issues.length > 0) {
      return new ScoreInputError(def.id, def.shortTitle, computed.issues);
    }
  } else if (options?.settings !== undefined) checkedSettings(plan, options.settings);

  // Every scale first, then bands: a rule band may test any scale, so all scores must be known.
  const scales: Record<string, Mutable<ScaleOutcome>> = {};
  const subscales: Record<string, number | null> = {};
  for (const s of plan.scales) {
    scales[s.def.id] = s.def.method === "custom" ? fromCompute(plan, s, computed) : scoreScale(plan, s, vals, override ?? s.def.missing);
  }
  for (const s of plan.scales) {
    const out = scales[s.def.id] as Mutable<ScaleOutcome>;
    if (s.bands !== null) out.band = bandOf(plan, s.bands, out.score, vals, scales);
    if (s !== plan.primary) subscales[s.def.id] = out.score;
  }

  const flags: FlagResult[] = [];
  for (const f of plan.flags) {
    if (f.def.optIn === true && !optIn.has(f.def.id)) continue;
    const raised = f.item >= 0 ? flagOnItem(vals[f.item], f.op, f.value) : test(plan, f.def.when, vals, scales) === true;
    if (raised) flags.push(f.result);
  }
  if (computed?.flags !== undefined) for (const f of computed.flags) flags.push({ id: f.id, label: f.label, message: f.message });

  const missing: string[] = [];
  for (let i = 0; i < vals.length; i++) if (vals[i] === null) missing.push((plan.items[i] as ItemPlan).id);

  const primary = plan.primary === null ? null : (scales[plan.primary.def.id] as ScaleOutcome);
  const result = {
    instrument: def.id,
    version: def.version,
    score: primary === null ? null : primary.score,
    method: primary === null ? null : primary.method,
    reason: primary === null ? `${def.shortTitle} has no single total score; see its subscales` : primary.reason,
    band: primary === null ? null : primary.band,
    subscales,
    flags,
    missing,
    scales,
    answers: answerRecord,
  };
  return result as unknown as ScoreResult<D>;
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
  generate?: Generate,
): SafeScoreResult<D> {
  try {
    const out = withoutStack(() => evaluate(def, answers, options, generate));
    return out instanceof Error ? { success: false, error: out } : { success: true, data: out };
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
    return withoutStack(() => new ScoreInputError(id, id, [{ item: null, value: undefined, message }]));
  } catch {
    const message = "the definition cannot score: scoring threw a value that cannot be read";
    return new ScoreInputError("(definition)", "(definition)", [{ item: null, value: undefined, message }]);
  }
}

function flagOnItem(v: AnswerValue | undefined, op: Comparison, value: number): boolean {
  return typeof v === "number" && compare(v, op, value);
}

function record(plan: Plan, vals: readonly AnswerValue[]): Record<string, AnswerValue> {
  // Copying the template gives every result of a definition the same object shape, which stays fast.
  const rec: Record<string | number, AnswerValue> = { ...plan.answerTemplate };
  const keys = plan.keys;
  for (let i = 0; i < vals.length; i++) rec[keys[i] as string | number] = vals[i] ?? null;
  return rec;
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
  if (score !== null && (typeof score !== "number" || !Number.isFinite(score) || score < lo - 1e-9 || score > hi + 1e-9)) {
    fault(`gave ${scale} the score ${describeValue(score)}, which is not a number from ${String(lo)} to ${String(hi)} (its declared range) or null`);
  }
  if (m !== undefined && !(Array.isArray(m) && m.every((x) => typeof x === "string"))) fault(`gave ${scale} missing ${describeValue(m)}, not an array of item ids`);
  if (reason !== undefined && typeof reason !== "string") fault(`gave ${scale} the reason ${describeValue(reason)}, not a string`);
  return scaleOutcome(plan, s, c as ComputedScale);
}

function scaleOutcome(plan: Plan, s: ScalePlan, c: ComputedScale): Mutable<ScaleOutcome> {
  const missing = c.missing ?? [];
  return c.score === null
    ? { score: null, method: "insufficient", missing, reason: c.reason ?? `${plan.def.shortTitle} ${s.def.label} cannot be computed`, band: null }
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
    throw new ScoreInputError(plan.def.id, plan.def.shortTitle, unknown.map((id) => ({
      item: null,
      value: id,
      message: `unknown opt-in flag "${id}" (opt-in flags: ${[...known].map((k) => `"${k}"`).join(", ") || "none"})`,
    })));
  }
  return new Set(ids);
}

const EMPTY: ReadonlySet<string> = new Set();

/** The caller's settings, each checked against the definition's declared settings, defaults filled in. */
function checkedSettings(
  plan: Plan,
  given: Readonly<Record<string, boolean | number | string>> | undefined,
): Readonly<Record<string, boolean | number | string>> {
  const declared = plan.def.settings ?? [];
  if (given === undefined && declared.length === 0) return NO_SETTINGS;
  const out: Record<string, boolean | number | string> = {};
  for (const d of declared) out[d.id] = d.default;
  const issues = [];
  for (const [key, value] of Object.entries(given ?? {})) {
    const d = declared.find((x) => x.id === key);
    if (d === undefined) {
      const known = declared.map((x) => `"${x.id}"`).join(", ") || "none";
      issues.push({ item: null, value: key, message: `unknown setting "${key}" (settings: ${known})` });
    } else if (typeof value !== "boolean") {
      issues.push({ item: null, value, message: `setting "${key}" must be true or false` });
    } else out[key] = value;
  }
  if (issues.length > 0) throw new ScoreInputError(plan.def.id, plan.def.shortTitle, issues);
  return out;
}
