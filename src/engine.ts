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
  const vals = normalize(plan, answers);

  const computed: ComputeOutput | null =
    plan.hasCustom && def.compute !== undefined
      ? def.compute({ answers: record(plan, vals), settings: options?.settings ?? NO_SETTINGS })
      : null;
  if (computed?.issues !== undefined && computed.issues.length > 0) {
    throw new ScoreInputError(def.id, def.shortTitle, computed.issues);
  }
  const scales: Record<string, ScaleOutcome> = {};
  const subscales: Record<string, number | null> = {};
  const run = (s: ScalePlan): ScaleOutcome => {
    const out = s.def.method === "custom" ? fromCompute(plan, s, computed) : scoreScale(plan, s, vals, override ?? s.def.missing);
    scales[s.def.id] = out;
    return out;
  };
  for (const s of plan.subscales) subscales[s.def.id] = run(s).score;
  const primary = plan.primary === null ? null : run(plan.primary);

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
    band: primary === null ? null : bandOf(plan, plan.primary?.def.bands, primary.score, vals, scales),
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

function fromCompute(plan: Plan, s: ScalePlan, computed: ComputeOutput | null): ScaleOutcome {
  const c = computed?.scales[s.def.id];
  if (c === undefined) throw new TypeError(`${plan.def.id}: compute returned nothing for scale "${s.def.id}"`);
  return c.score === null
    ? { score: null, method: "insufficient", missing: [], reason: c.reason ?? `${plan.def.shortTitle} ${s.def.label} cannot be computed` }
    : { score: c.score, method: "complete", missing: [], reason: null };
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
