// The batch scorer: options checked once, then rows scored one at a time with a running summary.
import { safeScoreWith } from "../engine.js";
import { unroll } from "../unroll.js";
import { defaultPathway } from "../stratify/default-pathway.js";
import { stratify, type StratifyResult } from "../stratify/evaluate.js";
import { validatePathway, type Pathway } from "../stratify/pathway.js";
import type { InstrumentDefinition, ScoreResult } from "../types.js";
import { cellAt, labelKey, readCell } from "./cells.js";
import { bindColumns, headerPlaces, prepare, type Binding, type Prepared } from "./columns.js";
import { BatchOptionsError, notARow, rejected, shapeError } from "./errors.js";
import type {
  BatchOptions,
  BatchResult,
  BatchRow,
  BatchScorer,
  BatchStatus,
  BatchSummary,
  BatchCellReading,
  CellError,
  ColumnBinding,
  InstrumentOutcome,
  InstrumentSummary,
  RowOutcome,
} from "./types.js";

interface Counts {
  scored: number;
  incomplete: number;
  invalid: number;
  bands: Record<string, number>;
  flags: Record<string, number>;
  offsetHints: number;
}

const NO_ERRORS: readonly CellError[] = /* @__PURE__ */ Object.freeze([]);

/**
 * Prepares a batch: resolves the instruments, binds every item to its column, and checks the options once.
 * The scorer then takes rows one at a time (from an array, a file being read, a stream) and keeps a
 * running {@link BatchSummary}.
 *
 * Cells are read as answers in one documented way: `undefined`, `null`, an empty or blank string, or one of
 * `missingCodes` is not answered (never 0); a decimal numeral such as `"2"`, `" 1.5 "` or `"1e-4"` is that number;
 * numbers pass through; clock-time items (PSQI) take the trimmed text, which must be `"HH:MM"`. Anything
 * else (`"x"`, `"1,5"`, `"7:30"`, `true`) is kept as it is, so the engine rejects it and the error names the
 * row, column, value and what is allowed. Rows are scored with `score`'s own validation and rules; an
 * invalid cell stops only its instrument in its row.
 *
 * @param options - instruments, column mapping, offsets, missing codes, stratification
 * @returns a scorer holding the prepared batch and its running summary
 * @throws {@link BatchOptionsError} for an unknown instrument, bad mapping or option, or absent columns
 * @example
 * ```ts
 * const scorer = createBatchScorer({ instruments: ["phq9", "gad7"], header });
 * for (const cells of rows) {
 *   const out = scorer.score(cells);
 *   for (const e of out.errors) console.warn(e.message);
 * }
 * scorer.summary(); // { rows, scored, incomplete, invalid, instruments: { phq9: { bands: … } } }
 * ```
 * @category Batch
 */
export function createBatchScorer<R extends BatchRow = BatchRow>(options: BatchOptions): BatchScorer<R> {
  const problems: string[] = [];
  const header = options.header === undefined ? null : headerPlaces(options.header);
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const entry of options.instruments) {
    const p = prepare(entry, header, problems, options.reading ?? null);
    if (p === null) continue;
    if (seen.has(p.def.id)) problems.push(`${p.def.id} is listed twice`);
    seen.add(p.def.id);
    prepared.push(p);
  }
  if (options.instruments.length === 0) problems.push("no instruments given");
  const { bindings, absent, missingRequired } = bindColumns(
    prepared,
    options.allowMissingColumns === true,
    problems,
    options.header ?? null,
  );
  const pathway =
    options.stratify === undefined || options.stratify === false
      ? null
      : options.stratify === true
        ? defaultPathway
        : options.stratify.pathway;
  // Checked once here, so a bad pathway stops the batch before any row rather than failing on every row.
  if (pathway !== null) {
    for (const issue of validatePathway(pathway, { definitions: prepared.map((p) => p.def) })) {
      problems.push(`pathway: ${issue.path}${issue.rule === null ? "" : ` (rule "${issue.rule}")`}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new BatchOptionsError(problems, missingRequired);
  const codes =
    options.missingCodes === undefined || options.missingCodes.length === 0
      ? null
      : new Set(options.missingCodes.map((c) => c.trim()));
  return new Scorer<R>(
    prepared,
    options.header?.length ?? null,
    codes,
    header === null ? bindings : absent,
    pathway,
    options.reading ?? null,
  );
}

class Scorer<R extends BatchRow> implements BatchScorer<R> {
  readonly definitions: readonly InstrumentDefinition[];
  readonly columns: readonly ColumnBinding[];
  private rows = 0;
  private readonly rowCounts = { scored: 0, incomplete: 0, invalid: 0 };
  private readonly counts: Counts[];
  /** Columns not yet seen in any row (record rows), or absent from the header. */
  private readonly unseen: Set<string>;
  private readonly watchColumns: boolean;
  private readonly steps: Record<string, number> | null;
  private urgent = 0;
  private notAssessed = 0;

  constructor(
    private readonly prepared: readonly Prepared[],
    private readonly width: number | null,
    private readonly codes: ReadonlySet<string> | null,
    unseen: readonly Binding[],
    private readonly pathway: Pathway | null,
    private readonly reading: BatchCellReading | null,
  ) {
    this.definitions = prepared.map((p) => p.def);
    this.columns = prepared.flatMap((p) =>
      p.bindings.map(({ instrument, item, column, optional, expected }) => ({
        instrument,
        item,
        column,
        optional,
        expected,
      })),
    );
    this.counts = prepared.map((p) => ({
      scored: 0,
      incomplete: 0,
      invalid: 0,
      bands: Object.fromEntries(p.bandIds.map((id) => [id, 0])),
      flags: Object.fromEntries(p.flagIds.map((id) => [id, 0])),
      offsetHints: 0,
    }));
    this.unseen = new Set(unseen.map((b) => b.column));
    this.watchColumns = width === null;
    this.steps = pathway === null ? null : Object.fromEntries(pathway.steps.map((s) => [String(s.step), 0]));
  }

  score(row: R, line?: number): RowOutcome<R> {
    const rowNo = ++this.rows;
    const where = line ?? null;
    const isArray = Array.isArray(row);
    const isObject = typeof row === "object" && (row as unknown) !== null;
    if (this.watchColumns && this.unseen.size > 0 && isObject && !isArray)
      this.watch(row as Readonly<Record<string, unknown>>);
    const misfit = isObject ? shapeError(row, isArray, this.width, rowNo, where) : notARow(row, rowNo, where);
    const outs: InstrumentOutcome[] = new Array<InstrumentOutcome>(this.prepared.length);
    let errors: CellError[] | null = null;
    let invalid = false;
    let incomplete = false;
    for (let k = 0; k < this.prepared.length; k++) {
      const p = this.prepared[k] as Prepared;
      const out =
        misfit === null
          ? this.one(p, row, isArray, rowNo, where)
          : {
              instrument: p.def.id,
              status: "invalid" as const,
              result: null,
              errors: [{ ...misfit, instrument: p.def.id }],
              hint: null,
            };
      outs[k] = out;
      this.count(k, out);
      if (out.status === "invalid") {
        invalid = true;
        // A misshapen row is one problem, not one per instrument.
        if (misfit === null) (errors ??= []).push(...out.errors);
      } else if (out.status === "incomplete") incomplete = true;
    }
    const status: BatchStatus = invalid ? "invalid" : incomplete ? "incomplete" : "scored";
    this.rowCounts[status]++;
    if (misfit !== null) errors = [misfit];
    return {
      row: rowNo,
      line: where,
      input: row,
      status,
      instruments: outs,
      errors: errors ?? NO_ERRORS,
      stratification: this.stratify(outs),
    };
  }

  private stratify(outs: readonly InstrumentOutcome[]): StratifyResult | null {
    const pathway = this.pathway;
    if (pathway === null || this.steps === null) return null;
    const results: ScoreResult[] = [];
    for (const o of outs) if (o.result !== null) results.push(o.result);
    const r = stratify(results, pathway, { definitions: this.definitions });
    if (r.step === null) this.notAssessed++;
    else this.steps[String(r.step)] = (this.steps[String(r.step)] ?? 0) + 1;
    if (r.urgent) this.urgent++;
    return r;
  }

  private one(p: Prepared, row: R, isArray: boolean, rowNo: number, line: number | null): InstrumentOutcome {
    const n = p.names.length;
    const vals = new Array<unknown>(n);
    const codes = this.codes;
    const reading = this.reading;
    const time = p.time;
    // Two tight loops, one per kind of row: this is where a large batch spends much of its time.
    if (isArray) {
      const cells = row as readonly unknown[];
      const indexes = p.indexes;
      for (let i = 0; i < n; i++) {
        const j = indexes[i] as number;
        vals[i] = readCell(j < 0 ? undefined : cells[j], time[i] === true, codes, reading);
      }
    } else if (!p.guarded) {
      const rec = row as Readonly<Record<string, unknown>>;
      const names = p.names;
      for (let i = 0; i < n; i++) vals[i] = readCell(rec[names[i] as string], time[i] === true, codes, reading);
    } else {
      for (let i = 0; i < n; i++)
        vals[i] = readCell(cellAt(row, false, p.bindings[i] as Binding), time[i] === true, codes, reading);
    }
    const offset = p.offset;
    if (offset !== 0) {
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        if (p.choice[i] === true && typeof v === "number") vals[i] = v + offset;
      }
    }
    // Labels after the offset: a label names the form's own value, which is never shifted.
    const labels = p.labels;
    if (labels !== null) {
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        const map = labels[i];
        if (typeof v !== "string" || map === null || map === undefined) continue;
        const value = map.get(labelKey(v));
        if (value !== undefined) vals[i] = value;
      }
    }
    // The non-throwing entry: a rejected row costs no exception and no stack trace, and its error is built once.
    const out = safeScoreWith(p.def, vals, p.options, unroll);
    if (out.success)
      return {
        instrument: p.def.id,
        status: statusOf(p.def, out.data),
        result: out.data,
        errors: NO_ERRORS,
        hint: null,
      };
    return rejected(p, row, isArray, vals, out.error, rowNo, line);
  }

  private watch(row: Readonly<Record<string, unknown>>): void {
    for (const c of this.unseen) if (Object.hasOwn(row, c)) this.unseen.delete(c);
  }

  private count(k: number, out: InstrumentOutcome): void {
    const c = this.counts[k] as Counts;
    c[out.status]++;
    if (out.hint !== null) c.offsetHints++;
    const r = out.result;
    if (r === null) return;
    if (r.band !== null && r.band.id in c.bands) c.bands[r.band.id] = (c.bands[r.band.id] ?? 0) + 1;
    for (const f of r.flags) c.flags[f.id] = (c.flags[f.id] ?? 0) + 1;
  }

  summary(): BatchSummary {
    const instruments: Record<string, InstrumentSummary> = {};
    this.prepared.forEach((p, k) => {
      const c = this.counts[k] as Counts;
      instruments[p.def.id] = { ...c, bands: { ...c.bands }, flags: { ...c.flags } };
    });
    return {
      rows: this.rows,
      ...this.rowCounts,
      instruments,
      absentColumns: [...this.unseen],
      stratification:
        this.steps === null ? null : { steps: { ...this.steps }, notAssessed: this.notAssessed, urgent: this.urgent },
    };
  }
}

function statusOf(def: InstrumentDefinition, r: ScoreResult): BatchStatus {
  // Without a primary score (FABQ, BPI), the row is complete when every subscale is.
  if (def.score !== null) return r.score === null ? "incomplete" : "scored";
  return Object.values<number | null>(r.subscales).includes(null) ? "incomplete" : "scored";
}

/**
 * Scores every row of an in-memory dataset (an array, or any iterable) with several instruments. A bad cell
 * stops only its instrument in its row: every row comes back, in order, with its results or its errors
 * (row, column, value, what is allowed). See {@link createBatchScorer} for how cells are read.
 *
 * @param rows - records keyed by column, or arrays of cells with `header`
 * @param options - the batch options, or a scorer from {@link createBatchScorer} to continue its counts
 * @returns every row's outcome and the summary
 * @throws {@link BatchOptionsError} when the batch cannot start (never for bad cells)
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { parse } from "csv-parse/sync";
 * import { scoreRows } from "stepscore";
 * // Records keyed by column, e.g. from a CSV: here the package's example cohort.
 * const records = parse(readFileSync("examples/cohort.csv", "utf8"), { columns: true });
 * const { rows, summary } = scoreRows(records, { instruments: ["phq9", "gad7"], missingCodes: ["NA"] });
 * rows[0].instruments[0].result?.score; // 21
 * rows[208].errors[0].message; // 'row 209, column gad7_7 (GAD-7 item 7): "x" is a string, not a number (allowed: 0, 1, 2, 3)'
 * summary.instruments.phq9?.bands.minimal; // 74
 * ```
 * @category Batch
 */
export function scoreRows<R extends BatchRow>(
  rows: Iterable<R>,
  options: BatchOptions | BatchScorer<R>,
): BatchResult<R> {
  const scorer = isScorer(options) ? options : createBatchScorer<R>(options);
  const out: RowOutcome<R>[] = [];
  for (const row of rows) out.push(scorer.score(row));
  return { rows: out, summary: scorer.summary() };
}

/**
 * Scores rows as they arrive, one at a time, from an async iterable (a file being read, a network stream, a
 * database cursor) or a plain iterable, so a dataset of any size is scored without holding it in memory.
 * Rows are pulled only as outcomes are consumed. When the stream ends, the generator returns the summary;
 * pass a scorer from {@link createBatchScorer} to read it with `scorer.summary()` after a `for await` loop.
 *
 * @param rows - records keyed by column, or arrays of cells with `header`
 * @param options - the batch options, or a scorer from {@link createBatchScorer}
 * @returns an async generator of row outcomes, in input order, returning the summary
 * @throws {@link BatchOptionsError} on the first pull, when the batch cannot start
 * @example
 * ```ts
 * const scorer = createBatchScorer({ instruments: ["phq9", "gad7"] });
 * for await (const out of scoreStream(readRows(), scorer)) {
 *   if (out.status === "invalid") log(out.errors);
 * }
 * console.log(scorer.summary());
 * ```
 * @category Batch
 */
export async function* scoreStream<R extends BatchRow>(
  rows: AsyncIterable<R> | Iterable<R>,
  options: BatchOptions | BatchScorer<R>,
): AsyncGenerator<RowOutcome<R>, BatchSummary, undefined> {
  const scorer = isScorer(options) ? options : createBatchScorer<R>(options);
  for await (const row of rows) yield scorer.score(row);
  return scorer.summary();
}

function isScorer<R extends BatchRow>(x: BatchOptions | BatchScorer<R>): x is BatchScorer<R> {
  return typeof (x as Partial<BatchScorer<R>>).score === "function";
}
