/**
 * Flags: a condition that, when it holds, raises a safety signal or a named alternative cut-off; opt-in
 * flags only when the caller asks for them. How a flag is bound once, whether it is raised, how it reads.
 *
 * @module
 */
import type { AnswerValue, FlagDefinition, FlagResult } from "../types.js";
import { bindCondition, conditionText, type ConditionPlan, type Scores, type SettingValues } from "./conditions.js";

/** Each flag kind: raised whenever its condition holds, or only when asked for by id. */
export type FlagKind = "always" | "opt-in";

/** A flag bound for scoring, with its frozen result (shared by every result that raises it). */
export interface FlagPlan {
  readonly kind: FlagKind;
  readonly id: string;
  readonly when: ConditionPlan;
  readonly result: FlagResult;
  /** Whether it is raised, given the opt-in flags asked for (see {@link bindFlag}). */
  readonly raised: (
    asked: ReadonlySet<string>,
    vals: readonly AnswerValue[],
    scores: Scores,
    settings?: SettingValues,
  ) => boolean;
}

/** A flag's condition in words, with the settings it also needs: "total == 3 and sex is not given". */
function whenText(f: FlagDefinition): string {
  return [f.when, ...(f.settings ?? [])].map(conditionText).join(" and ");
}

const WORDS: { readonly [K in FlagKind]: (f: FlagDefinition, ask: string) => string } = {
  always: (f) => whenText(f),
  "opt-in": (f, ask) => `${whenText(f)} (opt-in: ${ask})`,
};

/** The kind of a flag. */
export function flagKind(f: FlagDefinition): FlagKind {
  return f.optIn === true ? "opt-in" : "always";
}

/**
 * A flag bound to item and scale positions. It is raised when its condition holds (an item condition is
 * tested whenever that item is answered, whatever else is missing); an opt-in flag only when `asked`
 * names it.
 *
 * @internal
 */
export function bindFlag(
  f: FlagDefinition,
  items: ReadonlyMap<string, number>,
  scales: ReadonlyMap<string, number>,
): FlagPlan {
  const kind = flagKind(f);
  const id = f.id;
  const when = bindCondition(f.when, items, scales);
  const result = Object.freeze({ id, label: f.label, message: f.message });
  const guards = (f.settings ?? []).map((c) => bindCondition(c, items, scales));
  return {
    kind,
    id,
    when,
    result,
    raised: (asked, vals, scores, settings) =>
      (kind === "always" || asked.has(id)) &&
      when.holds(vals, scores, settings) === true &&
      guards.every((g) => g.holds(vals, scores, settings) === true),
  };
}

/** When a flag is raised, in words; `ask` says how a caller asks for an opt-in flag. */
export function flagText(f: FlagDefinition, ask: string): string {
  return WORDS[flagKind(f)](f, ask);
}
