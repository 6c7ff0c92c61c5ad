// The batch API's public types: rows, options, outcomes, summaries and the scorer's interface.
import type { InstrumentId } from "../registry.js";
import type { StratifyResult } from "../stratify/evaluate.js";
import type { Pathway } from "../stratify/pathway.js";
import type { InstrumentDefinition, ScoreOptions, ScoreResult } from "../types.js";

/**
 * One row of a dataset: a record keyed by column name (a parsed CSV row with a header, a JSON object), or
 * an array of cells in the order of {@link BatchOptions.header}.
 *
 * @category Batch
 */
export type BatchRow = Readonly<Record<string, unknown>> | readonly unknown[];

/**
 * How one instrument is read from a dataset.
 *
 * @example
 * ```ts
 * // A file whose PHQ-9 columns are PHQ_Q1…PHQ_Q9, coded 1–4 instead of the form's 0–3.
 * const phq: BatchInstrument = { instrument: "phq9", columns: "PHQ_Q{item}", offset: -1 };
 * ```
 * @category Batch
 */
export interface BatchInstrument {
  /** A bundled instrument's id (`"phq9"`) or a definition. */
  readonly instrument: InstrumentId | InstrumentDefinition;
  /**
   * Where the items are. A string is a pattern in which `{item}` stands for the item id
   * (`"PHQ_Q{item}"`); a record maps item ids to column names (`{ "1": "phq_a", … }`), and items it does not
   * list keep the default. The default is `<id>_<item>`: `phq9_1`…`phq9_10`, `psqi_5a`.
   */
  readonly columns?: string | Readonly<Record<string, string>>;
  /**
   * Added to every answered choice item before validation, for a dataset coded differently from the form:
   * `-1` reads a PHQ-9 coded 1–4 as the form's 0–3. Number and clock-time items are not changed. An answer
   * that is still not allowed after the shift is reported with the value as it was in the dataset.
   * Never applied unless asked for.
   */
  readonly offset?: number;
  /** Options for `score`: an alternative missing-data rule, opt-in flags, settings. */
  readonly options?: ScoreOptions;
}

/**
 * Ways of writing answers that some exports use, each read only when declared: nothing about a file's coding
 * is guessed.
 *
 * @example
 * ```ts
 * // A REDCap "labels" export from a European Excel: "Several days", "1,5", "7:30".
 * const reading: BatchCellReading = { labels: true, decimalComma: true, shortTimes: true };
 * ```
 * @category Batch
 */
export interface BatchCellReading {
  /**
   * A comma is the decimal mark: `"1,5"` is 1.5. A cell with a dot (`"1.5"`, `"1.500"`) is then invalid, as
   * it could be a thousands separator.
   */
  readonly decimalComma?: boolean;
  /** A clock time may have a one-digit hour: `"7:30"` is read as `"07:30"`. */
  readonly shortTimes?: boolean;
  /**
   * A choice item's cell may be its option's label (`"Several days"`, compared without regard to case or
   * spacing) or its LOINC answer code (`"LA6569-3"`), read as the option's value (no offset is added to it).
   * Text that is neither, nor a numeral, is an invalid cell: a label is never guessed.
   */
  readonly labels?: boolean;
}

/**
 * Options for {@link createBatchScorer}, {@link scoreRows} and {@link scoreStream}.
 *
 * @category Batch
 */
export interface BatchOptions {
  /** The instruments to score in every row: ids, definitions, or {@link BatchInstrument} entries. */
  readonly instruments: readonly (InstrumentId | InstrumentDefinition | BatchInstrument)[];
  /**
   * Column names, when rows are arrays of cells (a CSV read without turning rows into objects). Columns
   * are then checked once, up front: a required item whose column is absent is an error (see
   * `allowMissingColumns`), naming a header column it may have been meant to be. When the exact name is
   * absent, the one header column that differs from it only in case or separators (`PHQ9_1`, `phq9-1` for
   * `phq9_1`) is read; two such columns are an error.
   */
  readonly header?: readonly string[];
  /**
   * Cell texts that mean "not answered", besides an empty or blank cell: e.g. `["NA", "-99"]`. Compared
   * after trimming; a number cell matches its decimal text. None by default: only blanks are missing.
   */
  readonly missingCodes?: readonly string[];
  /** How cells of an export are read where they differ from plain numerals (none of it by default). */
  readonly reading?: BatchCellReading;
  /**
   * With `header`: treat a required item whose column is absent as unanswered in every row instead of
   * refusing to start. Absent columns of optional items (the PHQ-9 difficulty item) are always allowed.
   */
  readonly allowMissingColumns?: boolean;
  /**
   * Also recommend a step of care for every row with `stratify`, from the row's scored results: `true` for
   * the default pathway, or `{ pathway }` for your own. Instruments with invalid cells count as not
   * assessed (the outcome lists their errors; the recommendation lists what is missing).
   */
  readonly stratify?: boolean | { readonly pathway: Pathway };
}

/**
 * A cell that could not be read as an answer.
 *
 * @category Batch
 */
export interface CellError {
  /** 1-based number of the data row (the header is not counted). */
  readonly row: number;
  /** The line of the file where the row starts, when the caller knows it (the CLI does), else null. */
  readonly line: number | null;
  /** The instrument whose item it is. */
  readonly instrument: string;
  /** The item id, or null when the problem is the row as a whole. */
  readonly item: string | null;
  /** The column the value came from, or null when the problem is the row as a whole. */
  readonly column: string | null;
  /** The value as it was in the dataset (before trimming or any offset). */
  readonly value: unknown;
  /** What is allowed there, e.g. `"0, 1, 2, 3"` or `'a clock time "HH:MM" (00:00 to 23:59)'`. */
  readonly expected: string;
  /** What is wrong with the value, e.g. `"x" is a string, not a number (allowed: 0, 1, 2, 3)`. */
  readonly reason: string;
  /** The whole story in a sentence, ready for a log: where (row, line, column, item) and `reason`. */
  readonly message: string;
}

/**
 * Whether a row (or one instrument in it) was scored: `scored` (every score computed), `incomplete`
 * (answers valid but too many missing for some score, which is then null with its reason) or
 * `invalid` (some cell could not be read; the instrument is not scored).
 *
 * @category Batch
 */
export type BatchStatus = "scored" | "incomplete" | "invalid";

/**
 * One instrument's outcome in one row: its result, or the cells that stopped it.
 *
 * @category Batch
 */
export interface InstrumentOutcome {
  /** The instrument's id. */
  readonly instrument: string;
  /** See {@link BatchStatus}. */
  readonly status: BatchStatus;
  /** The result, exactly as `score` gives it for the same answers, or null when a cell was invalid. */
  readonly result: ScoreResult | null;
  /** Every invalid cell of this instrument (empty when scored). */
  readonly errors: readonly CellError[];
  /** A likely cause of the errors (e.g. answers coded one too high throughout), or null. */
  readonly hint: string | null;
}

/**
 * One row's outcome.
 *
 * @category Batch
 */
export interface RowOutcome<R extends BatchRow = BatchRow> {
  /** 1-based number of the data row. */
  readonly row: number;
  /** The line of the file where the row starts, when known, else null. */
  readonly line: number | null;
  /** The row as it was given (never changed). */
  readonly input: R;
  /** `invalid` if any instrument is, else `incomplete` if any is, else `scored`. */
  readonly status: BatchStatus;
  /** One outcome per instrument, in the order of {@link BatchOptions.instruments}. */
  readonly instruments: readonly InstrumentOutcome[];
  /** Every invalid cell of the row, all instruments together (empty when none). */
  readonly errors: readonly CellError[];
  /** The step of care recommended from the row's scored results, when the batch asked for it; else null. */
  readonly stratification: StratifyResult | null;
}

/**
 * Counts for one instrument over a batch.
 *
 * @category Batch
 */
export interface InstrumentSummary {
  /** Rows where every score of the instrument was computed. */
  readonly scored: number;
  /** Rows with valid answers but a score the missing-data rule does not allow. */
  readonly incomplete: number;
  /** Rows with at least one invalid cell for the instrument. */
  readonly invalid: number;
  /** Rows per band of the primary score, by band id, in the definition's order (zeros included). */
  readonly bands: Readonly<Record<string, number>>;
  /** Rows per raised flag, by flag id (zeros included). */
  readonly flags: Readonly<Record<string, number>>;
  /** Invalid rows whose answers look coded one too high throughout (a hint to set an offset). */
  readonly offsetHints: number;
}

/**
 * Counts over a batch: rows by status, and per instrument.
 *
 * @category Batch
 */
export interface BatchSummary {
  /** Rows seen. */
  readonly rows: number;
  /** Rows where every instrument was scored. */
  readonly scored: number;
  /** Rows with no invalid cell but some score not computable (missing answers). */
  readonly incomplete: number;
  /** Rows with at least one invalid cell. */
  readonly invalid: number;
  /** Per instrument, by id. */
  readonly instruments: Readonly<Record<string, InstrumentSummary>>;
  /**
   * Expected columns that no row had (with `header`: absent from it; with record rows: not a key of any
   * row so far). Their items were read as unanswered; usually a sign of a misspelt column or mapping.
   */
  readonly absentColumns: readonly string[];
  /**
   * With `stratify`: rows per recommended step (by step number), rows not assessed (no result the pathway
   * uses, so no step) and rows with an urgent action; else null.
   */
  readonly stratification: {
    readonly steps: Readonly<Record<string, number>>;
    readonly notAssessed: number;
    readonly urgent: number;
  } | null;
}

/**
 * Where one item is read from.
 *
 * @category Batch
 */
export interface ColumnBinding {
  /** Instrument id. */
  readonly instrument: string;
  /** Item id. */
  readonly item: string;
  /** Column name. */
  readonly column: string;
  /** Whether the item may be left off (it is never required to have a column). */
  readonly optional: boolean;
  /** What the column must hold, as the dataset is coded (offset taken into account). */
  readonly expected: string;
}

/**
 * A prepared batch: instruments resolved, columns bound and options checked once, then rows scored one at
 * a time with a running summary. Build one with {@link createBatchScorer}.
 *
 * @category Batch
 */
export interface BatchScorer<R extends BatchRow = BatchRow> {
  /** The definitions scored, in order. */
  readonly definitions: readonly InstrumentDefinition[];
  /** Every item's column, instrument by instrument in item order. */
  readonly columns: readonly ColumnBinding[];
  /**
   * Scores the next row. Never throws for bad data: invalid cells are reported in the outcome.
   *
   * @param row - the row (record, or array with `header`)
   * @param line - the file line where the row starts, when known, for error messages
   */
  score(row: R, line?: number): RowOutcome<R>;
  /** The counts so far. */
  summary(): BatchSummary;
}

/**
 * The outcome of {@link scoreRows}.
 *
 * @category Batch
 */
export interface BatchResult<R extends BatchRow = BatchRow> {
  /** One outcome per row, in input order: none is dropped. */
  readonly rows: readonly RowOutcome<R>[];
  /** Counts over all rows. */
  readonly summary: BatchSummary;
}
