/**
 * stepscore: scores validated screening questionnaires used in chronic musculoskeletal pain care and
 * composes the results into a stepped-care recommendation a clinician can check.
 *
 * @packageDocumentation
 * @module stepscore
 */

export { score, safeScore, type SafeScoreResult } from "./score.js";
export { DefinitionError, ScoreInputError, type ScoreInputIssue } from "./errors.js";
export {
  compareScores,
  safeCompareScores,
  CompareInputError,
  type ChangeComparison,
  type ChangeDirection,
  type ChangeOptionId,
  type CompareErrorCode,
  type CompareOptions,
  type CustomReliability,
  type DefinitionOf,
  type McidResult,
  type NotAvailable,
  type OutcomeResult,
  type ReliableChangeResult,
  type SafeCompareResult,
} from "./change.js";
export type {
  ChangeFacts,
  CitedSource,
  ImportantChange,
  OutcomeCriterion,
  OutcomeDefinition,
  ReliabilityOption,
} from "./types.js";
export {
  stratify,
  type DomainIdOf,
  type DomainStatus,
  type DomainStatusKind,
  type Evidence,
  type FollowUpResult,
  type MissingDomain,
  type Reason,
  type StepOf,
  type StratifyResult,
  type TargetResult,
  type UncheckedUrgent,
  type UnusedResult,
  type UrgentAction,
} from "./stratify/evaluate.js";
export { defaultPathway, type DefaultPathway } from "./stratify/default-pathway.js";
export {
  validatePathway,
  PathwayError,
  type BandCondition,
  type DomainCount,
  type DomainRule,
  type FlagCondition,
  type FollowUpRule,
  type ItemCondition,
  type Pathway,
  type PathwayCondition,
  type PathwayIssue,
  type PathwayOptions,
  type ScoreCondition,
  type Sourced,
  type StepLevel,
  type StepRule,
  type StepTrigger,
  type Target,
  type UrgentRule,
} from "./stratify/pathway.js";
export type {
  AllCondition,
  AnyCondition,
  BandChangeCondition,
  ChangeAnchor,
  ConsecutiveCondition,
  ImprovementCondition,
  NotCondition,
  OutcomeCondition,
  PointBandCondition,
  PointScoreCondition,
  ProgressCondition,
  ProgressionAction,
  ProgressionRule,
  ReliableChangeCondition,
  StratifiedStepCondition,
  WeeksAtStepCondition,
  WeeksWindow,
} from "./stratify/progression.js";
export {
  progress,
  ProgressInputError,
  type HistoryEntry,
  type InstrumentProgress,
  type NotEvaluated,
  type ProgressAction,
  type ProgressEvidence,
  type ProgressInputIssue,
  type ProgressOptions,
  type ProgressPoint,
  type ProgressReason,
  type ProgressResult,
  type ProgressStatus,
} from "./progress.js";
export {
  talkingTherapiesOutcomes,
  depressionWindowOutcomes,
  jacobsonTruax,
  cohortJacobsonTruax,
  type CohortEpisode,
  type DayWindow,
  type DepressionWindowOutcomes,
  type JacobsonTruaxCategory,
  type JacobsonTruaxCutoff,
  type JacobsonTruaxOptions,
  type JacobsonTruaxPair,
  type JacobsonTruaxResult,
  type Rate,
  type TalkingTherapiesEpisode,
  type TalkingTherapiesOutcomes,
} from "./outcomes.js";
export { fhirUrls } from "./fhir/shared.js";
export { toQuestionnaire } from "./fhir/questionnaire.js";
export {
  toQuestionnaireResponse,
  fromQuestionnaireResponse,
  FhirImportError,
  type FhirImportIssue,
  type FromResponseOptions,
  type ImportedAnswers,
  type ResponseContext,
} from "./fhir/response.js";
export { toObservations, toStepObservation, type ObservationContext } from "./fhir/observation.js";
export { toTransactionBundle, type Assessment, type TransactionOptions } from "./fhir/bundle.js";
export type * from "./fhir/types.js";
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
  createBatchScorer,
  scoreRows,
  scoreStream,
  BatchOptionsError,
  type BatchInstrument,
  type BatchOptions,
  type BatchResult,
  type BatchRow,
  type BatchScorer,
  type BatchStatus,
  type BatchSummary,
  type CellError,
  type ColumnBinding,
  type InstrumentOutcome,
  type InstrumentSummary,
  type RowOutcome,
} from "./batch.js";
export { toSql, SqlError, type SqlDialect, type ToSqlOptions } from "./sql/index.js";
// Every bundled definition by name, as the instrument index lists them (one line there per instrument).
export * from "../instruments/index.js";
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
