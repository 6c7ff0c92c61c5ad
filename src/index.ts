/**
 * stepscore: scores validated screening questionnaires used in chronic musculoskeletal pain care and
 * composes the results into a stepped-care recommendation a clinician can check.
 *
 * @packageDocumentation
 */

export { score, safeScore, type SafeScoreResult } from "./score.js";
export { ScoreInputError, type ScoreInputIssue } from "./errors.js";
export {
  instruments,
  getInstrument,
  isInstrumentId,
  type InstrumentId,
  type Instruments,
  type AnyInstrument,
} from "./registry.js";
export { validateDefinition } from "./validate.js";
export {
  phq9, phq8, phq2, gad7, gad2, pcs, tsk17, tsk11, fabq, odi,
  rmdq, ndi, pdi, isi, psqi, startback, ompsq10, bpi, peg, pseq,
} from "../instruments/index.js";
export type {
  AnswerOption,
  AnswersInput,
  AnswerValue,
  Band,
  BandId,
  BandResult,
  ChoiceItem,
  Citation,
  Comparison,
  ComputedScale,
  ComputeInput,
  ComputeOutput,
  Condition,
  FlagDefinition,
  FlagId,
  FlagResult,
  InstrumentDefinition,
  Item,
  ItemId,
  Licence,
  MissingOption,
  MissingOptionId,
  MissingRule,
  NumberItem,
  OptInFlagId,
  PrimaryScaleId,
  RangeBand,
  RuleBand,
  Scale,
  ScaleMethod,
  ScaleOutcome,
  ScoreOptions,
  ScoreResult,
  ScoringMethod,
  SettingDefinition,
  SubscaleId,
  TimeItem,
} from "./types.js";
