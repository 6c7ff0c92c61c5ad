import type { BandPlan, Plan } from "./compile.js";
import type { AnswerValue, BandResult, Comparison, Condition, ScaleOutcome } from "./types.js";

/** Applies a comparison. */
export function compare(left: number, op: Comparison, right: number): boolean {
  switch (op) {
    case ">=":
      return left >= right;
    case ">":
      return left > right;
    case "<=":
      return left <= right;
    case "<":
      return left < right;
    case "==":
      return left === right;
  }
}

/**
 * Tests a condition against answers (as given, before reverse keying) or scale scores. Unknown when the
 * item is unanswered or the scale has no score: returns null, never a guess.
 */
export function test(
  plan: Plan,
  cond: Condition,
  vals: readonly AnswerValue[],
  scales: Readonly<Record<string, ScaleOutcome>>,
): boolean | null {
  let left: number | null;
  if ("item" in cond) {
    const v = vals[plan.index.get(cond.item) ?? -1];
    left = typeof v === "number" ? v : null;
  } else {
    left = scales[cond.scale]?.score ?? null;
  }
  return left === null ? null : compare(left, cond.op, cond.value);
}

/**
 * The band a score falls in. Range bands: the first whose upper bound the score does not exceed (for whole
 * numbers, exactly the inclusive [min, max]). Rule bands: the first whose conditions all hold.
 */
export function bandOf(
  plan: Plan,
  bands: readonly BandPlan[],
  score: number | null,
  vals: readonly AnswerValue[],
  scales: Readonly<Record<string, ScaleOutcome>>,
): BandResult | null {
  if (score === null) return null;
  for (const { def: b, result } of bands) {
    if ("when" in b) {
      let all = true;
      for (const c of b.when) if (test(plan, c, vals, scales) !== true) all = false;
      if (all) return result;
    } else if (score <= b.max) {
      // Whole scores lie in [min, max]; a fractional one between two bands belongs to the upper one.
      return score >= b.min || !Number.isInteger(score) ? result : null;
    }
  }
  return null;
}
