// Errors of a batch: the options error that stops it before any row, and the errors of one row (a cell
// that cannot be read, a row that does not fit), each naming its row, line, column, value and what is allowed.
import { isValid } from "../answers.js";
import { planFor } from "../compile.js";
import { describeValue, type ScoreInputError } from "../errors.js";
import { cellAt } from "./cells.js";
import { LABELS_ALLOWED, type Prepared } from "./columns.js";
import type { BatchRow, CellError, ColumnBinding, InstrumentOutcome } from "./types.js";

/**
 * Thrown by {@link createBatchScorer} (and so by {@link scoreRows} and {@link scoreStream}) when the batch
 * cannot start: an unknown instrument, a bad column mapping or offset, an option the instrument does not
 * have, or, with `header`, required columns that are absent. Bad cells never throw.
 *
 * @category Batch
 */
export class BatchOptionsError extends Error {
  /** Every problem, one sentence each. */
  readonly problems: readonly string[];
  /** Required columns absent from the header (empty for other problems). */
  readonly missingColumns: readonly ColumnBinding[];

  /**
   * @param problems - one sentence per problem
   * @param missingColumns - required columns absent from the header
   */
  constructor(problems: readonly string[], missingColumns: readonly ColumnBinding[] = []) {
    super(problems.join("; "));
    this.name = "BatchOptionsError";
    this.problems = problems;
    this.missingColumns = missingColumns;
  }
}

/** Where a row is, for messages: "row 3", or "row 3 (line 4)" when the file line is known. */
function rowAt(rowNo: number, line: number | null): string {
  return line === null ? `row ${String(rowNo)}` : `row ${String(rowNo)} (line ${String(line)})`;
}

/** The outcome of an instrument whose answers the engine rejected, every issue tied to its cell. */
export function rejected(
  p: Prepared,
  row: BatchRow,
  isArray: boolean,
  vals: readonly unknown[],
  e: ScoreInputError,
  rowNo: number,
  line: number | null,
): InstrumentOutcome {
  // Issues found after every single answer passed (answers that cannot go together) explain themselves;
  // an answer that fails on its own is explained by what its column allows.
  const plan = planFor(p.def);
  const oneByOne = plan.items.some((it, i) => {
    const v = vals[i];
    return v !== null && v !== undefined && !isValid(it, v);
  });
  const at = rowAt(rowNo, line);
  const errors = e.issues.map((issue): CellError => {
    const b = issue.item === null ? undefined : p.byItem.get(issue.item);
    if (b === undefined) {
      return {
        row: rowNo,
        line,
        instrument: p.def.id,
        item: issue.item,
        column: null,
        value: issue.value,
        expected: issue.message,
        reason: issue.message,
        message: `${at}, ${p.def.shortTitle}: ${issue.message}`,
      };
    }
    const raw = cellAt(row, isArray, b);
    const shifted =
      p.offset !== 0 && b.choice && typeof issue.value === "number"
        ? `${describeValue(raw)} with offset ${String(p.offset)} gives ${String(issue.value)}: `
        : "";
    // Read by label, text that is no label is named as such, with the labels it could have been.
    if (b.labels !== null && typeof issue.value === "string") {
      const reason = `${describeValue(issue.value)} is not an option label or LOINC answer code (allowed: ${labelList(p, b.item)}, or the values ${b.expected.slice(0, -LABELS_ALLOWED.length)})`;
      return {
        row: rowNo,
        line,
        instrument: p.def.id,
        item: b.item,
        column: b.column,
        value: raw,
        expected: b.expected,
        reason,
        message: `${at}, column ${b.column} (${p.def.shortTitle} item ${b.item}): ${reason}`,
      };
    }
    return {
      row: rowNo,
      line,
      instrument: p.def.id,
      item: b.item,
      column: b.column,
      value: raw,
      expected: oneByOne ? b.expected : issue.message,
      reason: `${shifted}${issue.message}`,
      message: `${at}, column ${b.column} (${p.def.shortTitle} item ${b.item}): ${shifted}${issue.message}`,
    };
  });
  return { instrument: p.def.id, status: "invalid", result: null, errors, hint: e.hint };
}

/** An item's option labels with their values and LOINC answer codes: `"Not at all" (0, LA6568-5), …`. */
function labelList(p: Prepared, item: string): string {
  const it = p.def.items.find((i) => i.id === item);
  if (it === undefined || !("options" in it)) return "";
  return it.options
    .map((o) => `${JSON.stringify(o.label)} (${String(o.value)}${o.loinc === undefined ? "" : `, ${o.loinc}`})`)
    .join(", ");
}

/**
 * Why a row does not fit the header (or is not a row at all), so that no cell can be trusted to be in its
 * column; null when it fits. `width` is the header's length, or null when rows are records.
 */
export function shapeError(
  row: unknown,
  isArray: boolean,
  width: number | null,
  rowNo: number,
  line: number | null,
): CellError | null {
  if (width === null) return isArray ? notARow(row, rowNo, line) : null;
  if (!isArray) return notARow(row, rowNo, line);
  const cells = row as readonly unknown[];
  if (cells.length === width) return null;
  const extra =
    cells.length > width ? `; cells past the last column: ${cells.slice(width).map(describeValue).join(", ")}` : "";
  return {
    row: rowNo,
    line,
    instrument: "",
    item: null,
    column: null,
    value: cells.length,
    expected: `${String(width)} cells, one per column of the header`,
    reason: `${String(cells.length)} cells but the header has ${String(width)} columns${extra}`,
    message: `${rowAt(rowNo, line)} has ${String(cells.length)} cells but the header has ${String(width)} columns, so no cell can be matched to its column${extra}`,
  };
}

/** A row that is neither a record nor an array of cells (with `header`, a row that is not an array). */
export function notARow(row: unknown, rowNo: number, line: number | null): CellError {
  return {
    row: rowNo,
    line,
    instrument: "",
    item: null,
    column: null,
    value: row,
    expected: "a record keyed by column, or (only when a header is given) an array of cells",
    reason: `${describeValue(row)} is not a row of cells`,
    message: `${rowAt(rowNo, line)} is ${describeValue(row)}, which does not fit: rows are records keyed by column, or arrays of cells when a header is given`,
  };
}
