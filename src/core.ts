/**
 * The scoring engine alone, for apps that care about bundle size: `score` and `safeScore` here take a
 * definition object (`import { phq9 } from "stepscore"`), not an id, so no other instrument is bundled.
 * Results, errors and types are those of the main entry.
 *
 * @packageDocumentation
 * @module stepscore/core
 */
import { safeScoreWith, scoreWith, type SafeScoreResult } from "./engine.js";
import type { AnswersInput, InstrumentDefinition, ScoreOptions, ScoreResult } from "./types.js";

export { DefinitionError, ScoreInputError, type ScoreInputIssue } from "./errors.js";
export type { SafeScoreResult } from "./engine.js";
export type * from "./types.js";

/**
 * Scores one answer set against a definition: as `score` from the main entry, without ids.
 *
 * @param instrument - a definition, e.g. `phq9` from "stepscore"
 * @param answers - an array in published item order, or a record keyed by item id
 * @param options - an alternative missing-data rule, opt-in flags, settings
 * @returns the result, typed from the definition
 * @throws ScoreInputError naming every invalid answer
 * @throws DefinitionError when `instrument` is not a definition, or cannot score
 * @example
 * ```ts
 * import { score } from "stepscore/core";
 * import { phq9 } from "stepscore";
 * score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).band?.id; // "moderate"
 * ```
 */
export function score<const D extends InstrumentDefinition>(
  instrument: D,
  answers: AnswersInput<D>,
  options?: ScoreOptions<D>,
): ScoreResult<D> {
  return scoreWith(instrument, answers, options);
}

/**
 * Like {@link score}, but never throws, whatever it is given: invalid input gives `{ success: false, error }`.
 *
 * @param instrument - a definition
 * @param answers - anything; validated
 * @param options - as for {@link score}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 */
export function safeScore<const D extends InstrumentDefinition>(
  instrument: D,
  answers: unknown,
  options?: ScoreOptions<D>,
): SafeScoreResult<D> {
  return safeScoreWith(instrument, answers, options);
}
