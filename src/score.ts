import { unroll } from "./unroll.js";
import { asInputError, safeScoreWith, scoreWith, type SafeScoreResult as EngineSafeScoreResult } from "./engine.js";
import { quote, ScoreInputError } from "./errors.js";
import { getInstrument, instruments, type InstrumentId, type Instruments } from "./registry.js";
import { closest } from "./suggest.js";
import type { AnswersInput, InstrumentDefinition, ScoreOptions, ScoreResult } from "./types.js";

/**
 * Scores one answer set.
 *
 * `answers` is an array in the published item order (`null` or `undefined` = not answered) or a record
 * keyed by the item numbers printed on the form (`"1"`…`"9"` for the PHQ-9). Invalid answers throw
 * {@link ScoreInputError} naming every bad item; missing answers follow the instrument's missing-data rule
 * and, where it cannot score, give `score: null` with the reason. Inputs are never mutated.
 *
 * @param instrument - a definition (`phq9`) or a bundled instrument's id (`"phq9"`)
 * @param answers - array or record of answers
 * @param options - an alternative missing-data rule, opt-in flags, settings for custom scorers
 * @returns the result, typed from the definition
 * @throws {@link ScoreInputError} when any answer is invalid, or the instrument id is unknown (with "did
 * you mean" for a near miss such as `"PHQ9"`)
 * @throws {@link DefinitionError} when `instrument` is neither a definition nor an id, or the definition
 * itself cannot score
 * @example
 * ```ts
 * import { score, phq9 } from "stepscore";
 * const r = score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]);
 * r.score;      // 12
 * r.band?.id;   // "moderate"
 * r.flags;      // [] (item 9 was 0)
 * score("phq9", { "1": 0, "2": 1, "9": 2 }).flags[0]?.id; // "self-harm" (score null: 6 items missing)
 * ```
 * @category Scoring
 */
export function score<const D extends InstrumentDefinition>(
  instrument: D,
  answers: AnswersInput<D>,
  options?: ScoreOptions<D>,
): ScoreResult<D>;
export function score<K extends InstrumentId>(
  instrument: K,
  answers: AnswersInput<Instruments[K]>,
  options?: ScoreOptions<Instruments[K]>,
): ScoreResult<Instruments[K]>;
export function score(
  instrument: InstrumentDefinition | string,
  answers: AnswersInput,
  options?: ScoreOptions,
): ScoreResult {
  return scoreWith(resolve(instrument), answers, options, unroll);
}

/** The outcome of {@link safeScore}. @category Scoring */
export type SafeScoreResult<D extends InstrumentDefinition = InstrumentDefinition> = EngineSafeScoreResult<D>;

/**
 * Like {@link score}, but never throws, whatever it is given: invalid answers, an unknown id or something
 * that is not a definition, a definition that cannot score, even answers or options whose getters throw,
 * all give `{ success: false, error }` with a {@link ScoreInputError}. Takes `unknown` answers, for data
 * straight from a form, a file or the network.
 *
 * @param instrument - a definition or a bundled instrument's id
 * @param answers - anything; validated
 * @param options - as for {@link score}
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * ```ts
 * const r = safeScore("gad7", JSON.parse(body));
 * if (!r.success) console.warn(r.error.issues); // [{ item: "3", value: "2", message: … }]
 * ```
 * @category Scoring
 */
export function safeScore<const D extends InstrumentDefinition>(
  instrument: D,
  answers: unknown,
  options?: ScoreOptions<D>,
): SafeScoreResult<D>;
export function safeScore<K extends InstrumentId>(
  instrument: K,
  answers: unknown,
  options?: ScoreOptions<Instruments[K]>,
): SafeScoreResult<Instruments[K]>;
export function safeScore(
  instrument: InstrumentDefinition | string,
  answers: unknown,
  options?: ScoreOptions,
): SafeScoreResult {
  let def: InstrumentDefinition;
  try {
    def = resolve(instrument);
  } catch (error) {
    return { success: false, error: asInputError(instrument, error) };
  }
  return safeScoreWith(def, answers, options, unroll);
}

/**
 * The definition to score with: the one given, or the bundled one of that id. An unknown id is a
 * ScoreInputError, with "did you mean" for an id that is a slip away (case, a character or two).
 */
function resolve(instrument: unknown): InstrumentDefinition {
  if (typeof instrument === "string") {
    const def = getInstrument(instrument);
    if (def !== undefined) return def;
    const near = closest(instrument, Object.keys(instruments));
    const hint = near === null ? "" : ` (did you mean "${near}"?)`;
    throw new ScoreInputError(instrument, instrument, [
      { item: null, value: instrument, message: `unknown instrument id ${quote(instrument)}${hint}` },
    ]);
  }
  // Anything else goes to the engine, which refuses what is not a definition with a DefinitionError saying what it got.
  return instrument as InstrumentDefinition;
}
