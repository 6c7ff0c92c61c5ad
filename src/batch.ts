// The batch API, one concern per module under batch/: public types, cell reading, column binding, the
// scorer and its errors. This file keeps the old import path.
export type {
  BatchCellReading,
  BatchInstrument,
  BatchOptions,
  BatchResult,
  BatchRow,
  BatchScorer,
  BatchStatus,
  BatchSummary,
  CellError,
  ColumnBinding,
  InstrumentOutcome,
  InstrumentSummary,
  RowOutcome,
} from "./batch/types.js";
export { BatchOptionsError } from "./batch/errors.js";
export { createBatchScorer, scoreRows, scoreStream } from "./batch/scorer.js";
export {
  historiesFromRows,
  HistoryInputError,
  type Histories,
  type HistoryIssue,
  type HistoryOptions,
  type TimePoint,
} from "./batch/histories.js";
export {
  progressColumns,
  progressRows,
  type ProgressCell,
  type ProgressColumn,
  type ProgressColumnOptions,
  type ProgressRow,
  type ProgressRowsOptions,
  type ProgressRowsResult,
} from "./batch/follow-up.js";
