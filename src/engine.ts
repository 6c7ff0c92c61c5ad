import { normalize } from "./answers.js";
import { planFor, type Plan, type ScalePlan } from "./compile.js";
import { bandOf, test } from "./conditions.js";
import { ScoreInputError } from "./errors.js";
import { scoreScale } from "./missing.js";
import type {
  AnswerValue,
  ComputeOutput,
  FlagResult,
  InstrumentDefinition,
  MissingRule,
  ScaleOutcome,
  ScoreOptions,
  ScoreResult,
} from "./types.js";

const NO_SETTINGS: Readonly<Record<string, boolean | number | string>> = Object.freeze({});

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
): ScoreResult<D> {
  const plan = planFor(def);
  const override = missingOverride(plan, options?.missing);
  const optIn = optInFlags(plan, options?.flags);
  const settings = checkedSettings(plan, options?.settings);
  const vals = normalize(plan, answers);

  const computed: ComputeOutput | null =
    plan.hasCustom && def.compute !== undefined
      ? def.compute({ answers: record(plan, vals), settings })
      : null;
  if (computed?.issues !== undefined && computed.issues.length > 0) {
    throw new ScoreInputError(def.id, def.shortTitle, computed.issues);
  }
  const scales: Record<string, ScaleOutcome> = {};
  const subscales: Record<string, number | null> = {};
  const run = (s: ScalePlan): Omit<ScaleOutcome, "band"> => {
    const out = s.def.method === "custom" ? fromCompute(plan, s, computed) : scoreScale(plan, s, vals, override ?? s.def.missing);
    scales[s.def.id] = { ...out, band: null };
    return out;
  };
  for (const s of plan.subscales) subscales[s.def.id] = run(s).score;
  const primary = plan.primary === null ? null : run(plan.primary);
  // Bands last: a rule band may test any scale, so every score must be known first.
  for (const s of plan.primary === null ? plan.subscales : [plan.primary, ...plan.subscales]) {
    if (s.def.bands === undefined) continue;
    const out = scales[s.def.id] as ScaleOutcome;
    scales[s.def.id] = { ...out, band: bandOf(plan, s.def.bands, out.score, vals, scales) };
  }

  const flags: FlagResult[] = [];
  for (const f of def.flags ?? []) {
    if (f.optIn === true && !optIn.has(f.id)) continue;
    if (test(plan, f.when, vals, scales) === true) flags.push({ id: f.id, label: f.label, message: f.message });
  }
  for (const f of computed?.flags ?? []) flags.push({ id: f.id, label: f.label, message: f.message });

  const missing: string[] = [];
  for (let i = 0; i < vals.length; i++) if (vals[i] === null) missing.push((plan.items[i] as { id: string }).id);

  const result = {
    instrument: def.id,
    version: def.version,
    score: primary?.score ?? null,
    method: primary?.method ?? null,
    reason:
      primary === null
        ? `${def.shortTitle} has no single total score; see its subscales`
        : primary.reason,
    band: plan.primary === null ? null : (scales[plan.primary.def.id]?.band ?? null),
    subscales,
    flags,
    missing,
    scales,
    answers: record(plan, vals),
  };
  return result as unknown as ScoreResult<D>;
}

function record(plan: Plan, vals: readonly AnswerValue[]): Record<string, AnswerValue> {
  const rec: Record<string, AnswerValue> = {};
  for (let i = 0; i < vals.length; i++) rec[(plan.items[i] as { id: string }).id] = vals[i] ?? null;
  return rec;
}

function fromCompute(plan: Plan, s: ScalePlan, computed: ComputeOutput | null): Omit<ScaleOutcome, "band"> {
  const c = computed?.scales[s.def.id];
  if (c === undefined) throw new TypeError(`${plan.def.id}: compute returned nothing for scale "${s.def.id}"`);
  const missing = c.missing ?? [];
  return c.score === null
    ? { score: null, method: "insufficient", missing, reason: c.reason ?? `${plan.def.shortTitle} ${s.def.label} cannot be computed` }
    : { score: c.score, method: missing.length > 0 ? "partial" : "complete", missing, reason: null };
}

function missingOverride(plan: Plan, id: string | undefined): MissingRule | null {
  if (id === undefined) return null;
  const found = plan.def.missingOptions?.find((m) => m.id === id);
  if (found !== undefined) return found.rule;
  const known = (plan.def.missingOptions ?? []).map((m) => `"${m.id}"`).join(", ") || "none";
  throw new ScoreInputError(plan.def.id, plan.def.shortTitle, [
    { item: null, value: id, message: `unknown missing-data option "${id}" (options: ${known})` },
  ]);
}

function optInFlags(plan: Plan, ids: readonly string[] | undefined): ReadonlySet<string> {
  if (ids === undefined || ids.length === 0) return EMPTY;
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
