import type { ItemPlan, Plan, ScalePlan } from "./compile.js";
import type { AnswerValue, MissingRule, ScaleOutcome } from "./types.js";

/** A scale outcome while the result is being built (its band is filled in once every score is known). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Shared by every complete scale: nothing missing. Frozen, since results share it. */
export const NONE_MISSING: readonly string[] = /* @__PURE__ */ Object.freeze([]);

/** What the rule demands, for reasons shown to users. */
function demand(rule: MissingRule, size: number): string {
  switch (rule.kind) {
    case "strict":
      return `all ${String(size)} items are required`;
    case "prorate":
      return `at most ${String(rule.maxMissing)} may be missing for a prorated score`;
    case "min-answered":
      return `at least ${String(rule.minAnswered)} must be answered`;
    case "computed":
      return rule.description;
  }
}

/**
 * Scores one declarative scale under a missing-data rule. A missing answer never counts as 0: the scale
 * is either complete, adjusted as the rule says (prorated sum; mean or percent over answered items),
 * or null with the reason.
 */
export function scoreScale(
  plan: Plan,
  scale: ScalePlan,
  vals: readonly AnswerValue[],
  rule: MissingRule,
): Mutable<ScaleOutcome> {
  const idx = scale.idx;
  const size = idx.length;
  const method = scale.def.method;
  let sum = 0;
  let maxSum = 0;
  let missing: string[] | null = null;
  for (let k = 0; k < size; k++) {
    const i = idx[k] as number;
    const v = vals[i];
    const it = plan.items[i] as ItemPlan;
    if (v === null || v === undefined) {
      (missing ??= []).push(it.id);
      continue;
    }
    // Choice items map through their scored values (reverse keying, option scores); numbers count as given.
    const byOffset = it.scoredByOffset;
    sum +=
      byOffset !== null
        ? (byOffset[(v as number) - it.lo] as number)
        : it.scored === null
          ? (v as number)
          : (it.scored.get(v as number) as number);
    maxSum += it.maxScore;
  }
  // Multiplying before dividing keeps exact percentages exact (29 of 50 is 58, not 57.99999999999999).
  if (missing === null) {
    const score = method === "sum" ? sum : method === "mean" ? sum / size : (sum * 100) / maxSum;
    return { score, method: "complete", missing: NONE_MISSING, reason: null, band: null };
  }
  const answered = size - missing.length;
  if (rule.kind === "prorate" && method === "sum" && missing.length <= rule.maxMissing && answered > 0) {
    const raw = (sum * size) / answered;
    // Half-up on a positive number; the epsilon guards values like 11.4999999 from float division.
    const score = rule.rounding === "half-up" ? Math.floor(raw + 0.5 + 1e-9) : raw;
    return { score, method: "prorated", missing, reason: null, band: null };
  }
  if (rule.kind === "min-answered" && method !== "sum" && answered >= rule.minAnswered && answered > 0) {
    const score = method === "mean" ? sum / answered : (sum * 100) / maxSum;
    return { score, method: "partial", missing, reason: null, band: null };
  }
  const reason =
    `${plan.def.shortTitle} ${scale.def.label}: ${String(missing.length)} of ${String(size)} items not answered ` +
    `(${missing.join(", ")}); ${demand(rule, size)}`;
  return { score: null, method: "insufficient", missing, reason, band: null };
}
