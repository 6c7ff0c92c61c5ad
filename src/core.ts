/**
 * The scoring engine alone, for apps that care about bundle size: `score` and `safeScore` here take a
 * definition object, not an id, so no other instrument is bundled. Results, errors and types are those of
 * the main entry.
 *
 * The definitions exported here (`phq9`, `gad7`, …) are their scoring-only forms, derived from the full
 * definitions when the package is built: items, scales, bands, flags, missing-data rules and settings, as
 * scoring reads them, without citations, notes, change facts, item wording, LOINC codes or licence.
 * Scoring one gives a result deep-equal to scoring the full definition, and its type is the full
 * definition's, so results are typed the same. Reading a left-out field (`title`, `references`, `change`
 * …) throws an error saying so: for the docs, FHIR or `compareScores`' `definition` option, import the
 * full definition from "stepscore" (which also scores with this entry's `score`).
 *
 * @example
 * ```ts
 * import { score, phq9 } from "stepscore/core";
 * score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).band?.id; // "moderate"
 * ```
 *
 * @packageDocumentation
 * @module stepscore/core
 */
import { safeScoreWith, scoreWith, type SafeScoreResult } from "./engine.js";
import type { AnswersInput, InstrumentDefinition, ScoreOptions, ScoreResult } from "./types.js";

export { DefinitionError, ScoreInputError, type ScoreInputIssue } from "./errors.js";
export type { SafeScoreResult } from "./engine.js";
export type * from "./types.js";
// The build (scripts/scoring-forms.ts) replaces this module with the scoring-only forms of its definitions.
export * from "../instruments/index.js";

/**
 * Scores one answer set against a definition: as `score` from the main entry, without ids.
 *
 * @param instrument - a definition, e.g. `phq9` from this entry or from "stepscore"
 * @param answers - an array in published item order, or a record keyed by item id
 * @param options - an alternative missing-data rule, opt-in flags, settings
 * @returns the result, typed from the definition
 * @throws ScoreInputError naming every invalid answer
 * @throws DefinitionError when `instrument` is not a definition, or cannot score
 * @example
 * ```ts
 * import { score, phq9 } from "stepscore/core";
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
