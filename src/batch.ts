import { isValid } from "./answers.js";
import { planFor, type ItemPlan } from "./compile.js";
import { safeScoreWith, scoreWith } from "./engine.js";
import { describeValue, ScoreInputError } from "./errors.js";
import { getInstrument, instruments as bundled, type InstrumentId } from "./registry.js";
import { defaultPathway } from "./stratify/default-pathway.js";
import { stratify, type StratifyResult } from "./stratify/evaluate.js";
import { validatePathway, type Pathway } from "./stratify/pathway.js";
import type { InstrumentDefinition, ScoreOptions, ScoreResult } from "./types.js";
import { closest } from "./suggest.js";

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
   * `allowMissingColumns`).
   */
  readonly header?: readonly string[];
  /**
   * Cell texts that mean "not answered", besides an empty or blank cell: e.g. `["NA", "-99"]`. Compared
   * after trimming; a number cell matches its decimal text. None by default: only blanks are missing.
   */
  readonly missingCodes?: readonly string[];
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

// ---------------------------------------------------------------------------------------------------------
// Reading cells
// ---------------------------------------------------------------------------------------------------------

// Decimal numerals, with an exponent as R and pandas write small and large values ("1e-04").
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A dataset cell as an answer: null for not answered (undefined, null, blank, or a declared missing code);
 * a number for a decimal numeral ("2", " 2 ", "1.5", "-1", "1e-4"); for a clock-time item the trimmed text; any
 * other value unchanged, so that validation names it. Numbers pass through.
 */
function readCell(v: unknown, time: boolean, codes: ReadonlySet<string> | null): unknown {
  if (typeof v === "string") {
    // Most cells are one digit: read them without trimming or parsing.
    if (v.length === 1 && !time) {
      const c = v.charCodeAt(0);
      if (c >= 48 && c <= 57) return codes !== null && codes.has(v) ? null : c - 48;
    }
    const t = v.trim();
    if (t === "" || (codes !== null && codes.has(t))) return null;
    if (time) return t;
    return DECIMAL.test(t) ? Number(t) : v;
  }
  if (v === undefined || v === null) return null;
  if (codes !== null && typeof v === "number" && codes.has(String(v))) return null;
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Preparing
// ---------------------------------------------------------------------------------------------------------

interface Binding extends ColumnBinding {
  /** Position in the header, or -1 (absent, or rows are records). */
  readonly index: number;
  readonly time: boolean;
  readonly choice: boolean;
  /** The column name is also a property of Object.prototype, so records must be read with hasOwn. */
  readonly guard: boolean;
}

interface Prepared {
  readonly def: InstrumentDefinition;
  readonly options: ScoreOptions | undefined;
  readonly offset: number;
  readonly bindings: readonly Binding[];
  // The bindings again as flat arrays: the per-cell loop reads these, not the binding objects.
  readonly names: readonly string[];
  readonly indexes: Int32Array;
  readonly time: readonly boolean[];
  readonly choice: readonly boolean[];
  /** Whether any column must be read with hasOwn (see Binding.guard). */
  readonly guarded: boolean;
  readonly byItem: ReadonlyMap<string, Binding>;
  readonly bandIds: readonly string[];
  readonly flagIds: readonly string[];
}

interface Counts {
  scored: number;
  incomplete: number;
  invalid: number;
  bands: Record<string, number>;
  flags: Record<string, number>;
  offsetHints: number;
}

const NO_ERRORS: readonly CellError[] = /* @__PURE__ */ Object.freeze([]);

function spec(entry: InstrumentId | InstrumentDefinition | BatchInstrument): BatchInstrument {
  return typeof entry === "object" && "instrument" in entry ? entry : { instrument: entry };
}

function resolve(ref: string | InstrumentDefinition, problems: string[]): InstrumentDefinition | null {
  if (typeof ref !== "string") return ref;
  const def = getInstrument(ref);
  if (def !== undefined) return def;
  const near = closest(ref, Object.keys(bundled));
  problems.push(
    `unknown instrument "${ref}"${near === null ? "" : ` (did you mean "${near}"?)`}; known: ${Object.keys(bundled).join(", ")}`,
  );
  return null;
}

function columnOf(def: InstrumentDefinition, item: string, columns: BatchInstrument["columns"]): string {
  if (typeof columns === "string") return columns.replaceAll("{item}", item);
  return columns?.[item] ?? `${def.id}_${item}`;
}

/** What a column must hold, as the dataset codes it. */
function expectedText(it: ItemPlan, offset: number): string {
  if (offset === 0 || it.kind !== "choice") return it.allowedText;
  const shifted = it.allowedText.split(", ").map((v) => String(Number(v) - offset)).join(", ");
  return `${shifted} (read with offset ${offset > 0 ? "+" : ""}${String(offset)} as ${it.allowedText})`;
}

function prepare(
  entry: InstrumentId | InstrumentDefinition | BatchInstrument,
  header: ReadonlyMap<string, number> | null,
  problems: string[],
): Prepared | null {
  const s = spec(entry);
  const def = resolve(s.instrument, problems);
  if (def === null) return null;
  let plan;
  try {
    plan = planFor(def);
  } catch (error) {
    problems.push(`${def.id}: the definition cannot be used: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const offset = s.offset ?? 0;
  if (!Number.isInteger(offset)) problems.push(`${def.id}: offset must be a whole number, not ${describeValue(offset)}`);
  let columns = s.columns;
  if (typeof columns === "string" && !columns.includes("{item}")) {
    problems.push(`${def.id}: the column pattern "${columns}" has no {item} in it`);
    columns = undefined;
  } else if (typeof columns === "object") {
    for (const item of Object.keys(columns)) {
      if (!plan.index.has(item)) {
        problems.push(`${def.id}: the column mapping names item "${item}", which ${def.shortTitle} does not have (items: ${plan.items.map((i) => i.id).join(", ")})`);
      }
    }
  }
  const bindings = plan.items.map((it): Binding => {
    const column = columnOf(def, it.id, columns);
    return {
      instrument: def.id,
      item: it.id,
      column,
      optional: it.optional,
      expected: expectedText(it, offset),
      index: header?.get(column) ?? -1,
      time: it.kind === "time",
      choice: it.kind === "choice",
      guard: column in Object.prototype,
    };
  });
  // Scoring an empty answer set once checks the options (missing rule, flags, settings) before any row.
  try {
    scoreWith(def, plan.items.map(() => null), s.options);
  } catch (error) {
    const issues = error instanceof ScoreInputError ? error.issues.map((i) => i.message) : [String(error)];
    for (const m of issues) problems.push(`${def.id}: ${m}`);
  }
  return {
    def,
    options: s.options,
    offset,
    bindings,
    names: bindings.map((b) => b.column),
    indexes: Int32Array.from(bindings.map((b) => b.index)),
    time: bindings.map((b) => b.time),
    choice: bindings.map((b) => b.choice),
    guarded: bindings.some((b) => b.guard),
    byItem: new Map(bindings.map((b) => [b.item, b])),
    bandIds: (def.score?.bands ?? []).map((b) => b.id),
    flagIds: (def.flags ?? []).map((f) => f.id),
  };
}

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
  const header = options.header === undefined ? null : headerIndex(options.header);
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const entry of options.instruments) {
    const p = prepare(entry, header, problems);
    if (p === null) continue;
    if (seen.has(p.def.id)) problems.push(`${p.def.id} is listed twice`);
    seen.add(p.def.id);
    prepared.push(p);
  }
  if (options.instruments.length === 0) problems.push("no instruments given");
  const bindings = prepared.flatMap((p) => p.bindings);
  const taken = new Map<string, Binding>();
  for (const b of bindings) {
    const other = taken.get(b.column);
    if (other !== undefined) {
      problems.push(`column "${b.column}" is mapped to both ${other.instrument} item ${other.item} and ${b.instrument} item ${b.item}`);
    }
    taken.set(b.column, b);
    if (b.index === -2) problems.push(`column "${b.column}" (${b.instrument} item ${b.item}) appears more than once in the header`);
  }
  const absent = header === null ? [] : bindings.filter((b) => b.index === -1);
  const missingRequired = options.allowMissingColumns === true ? [] : absent.filter((b) => !b.optional);
  if (missingRequired.length > 0) {
    for (const p of prepared) {
      const lacking = missingRequired.filter((b) => b.instrument === p.def.id);
      if (lacking.length === 0) continue;
      const all = lacking.length === p.bindings.filter((b) => !b.optional).length;
      problems.push(
        `${all ? "no columns" : "missing columns"} for ${p.def.shortTitle}: ${lacking.map((b) => b.column).join(", ")}` +
          (all ? "" : ` (items ${lacking.map((b) => b.item).join(", ")})`),
      );
    }
  }
  const pathway = options.stratify === undefined || options.stratify === false ? null : options.stratify === true ? defaultPathway : options.stratify.pathway;
  // Checked once here, so a bad pathway stops the batch before any row rather than failing on every row.
  if (pathway !== null) {
    for (const issue of validatePathway(pathway, { definitions: prepared.map((p) => p.def) })) {
      problems.push(`pathway: ${issue.path}${issue.rule === null ? "" : ` (rule "${issue.rule}")`}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new BatchOptionsError(problems, missingRequired);
  const codes = options.missingCodes === undefined || options.missingCodes.length === 0
    ? null
    : new Set(options.missingCodes.map((c) => c.trim()));
  return new Scorer<R>(prepared, options.header?.length ?? null, codes, header === null ? bindings : absent, pathway);
}

/** Column positions by name; a name the header repeats maps to -2, so reading an item from it is refused. */
function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => index.set(name, index.has(name) ? -2 : i));
  return index;
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
  ) {
    this.definitions = prepared.map((p) => p.def);
    this.columns = prepared.flatMap((p) =>
      p.bindings.map(({ instrument, item, column, optional, expected }) => ({ instrument, item, column, optional, expected })),
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
    if (this.watchColumns && this.unseen.size > 0 && isObject && !isArray) this.watch(row as Readonly<Record<string, unknown>>);
    const shapeError = isObject ? this.shape(row, isArray, rowNo, where) : notARow(row, rowNo, where);
    const outs: InstrumentOutcome[] = new Array<InstrumentOutcome>(this.prepared.length);
    let errors: CellError[] | null = null;
    let invalid = false;
    let incomplete = false;
    for (let k = 0; k < this.prepared.length; k++) {
      const p = this.prepared[k] as Prepared;
      const out =
        shapeError === null
          ? this.one(p, row, isArray, rowNo, where)
          : { instrument: p.def.id, status: "invalid" as const, result: null, errors: [{ ...shapeError, instrument: p.def.id }], hint: null };
      outs[k] = out;
      this.count(k, out);
      if (out.status === "invalid") {
        invalid = true;
        // A misshapen row is one problem, not one per instrument.
        if (shapeError === null) (errors ??= []).push(...out.errors);
      } else if (out.status === "incomplete") incomplete = true;
    }
    const status: BatchStatus = invalid ? "invalid" : incomplete ? "incomplete" : "scored";
    this.rowCounts[status]++;
    if (shapeError !== null) errors = [shapeError];
    return { row: rowNo, line: where, input: row, status, instruments: outs, errors: errors ?? NO_ERRORS, stratification: this.stratify(outs) };
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
    const time = p.time;
    // Two tight loops, one per kind of row: this is where a large batch spends much of its time.
    if (isArray) {
      const cells = row as readonly unknown[];
      const indexes = p.indexes;
      for (let i = 0; i < n; i++) {
        const j = indexes[i] as number;
        vals[i] = readCell(j < 0 ? undefined : cells[j], time[i] === true, codes);
      }
    } else if (!p.guarded) {
      const rec = row as Readonly<Record<string, unknown>>;
      const names = p.names;
      for (let i = 0; i < n; i++) vals[i] = readCell(rec[names[i] as string], time[i] === true, codes);
    } else {
      for (let i = 0; i < n; i++) vals[i] = readCell(cellAt(row, false, p.bindings[i] as Binding), time[i] === true, codes);
    }
    const offset = p.offset;
    if (offset !== 0) {
      for (let i = 0; i < n; i++) {
        const v = vals[i];
        if (p.choice[i] === true && typeof v === "number") vals[i] = v + offset;
      }
    }
    // The non-throwing entry: a rejected row costs no exception and no stack trace, and its error is built once.
    const out = safeScoreWith(p.def, vals, p.options);
    if (out.success) return { instrument: p.def.id, status: statusOf(p.def, out.data), result: out.data, errors: NO_ERRORS, hint: null };
    return this.failed(p, row, isArray, vals, out.error, rowNo, line);
  }

  /** The outcome of an instrument whose answers the engine rejected, every issue tied to its cell. */
  private failed(
    p: Prepared,
    row: R,
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
    const at = line === null ? `row ${String(rowNo)}` : `row ${String(rowNo)} (line ${String(line)})`;
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

  /** A row that does not fit the header (or is not a row at all): no cell can be trusted to be in its column. */
  private shape(row: R, isArray: boolean, rowNo: number, line: number | null): CellError | null {
    const width = this.width;
    if (width === null) return isArray ? notARow(row, rowNo, line) : null;
    if (!isArray) return notARow(row, rowNo, line);
    const cells = row as readonly unknown[];
    if (cells.length === width) return null;
    const at = line === null ? `row ${String(rowNo)}` : `row ${String(rowNo)} (line ${String(line)})`;
    const extra = cells.length > width ? `; cells past the last column: ${cells.slice(width).map(describeValue).join(", ")}` : "";
    return {
      row: rowNo,
      line,
      instrument: "",
      item: null,
      column: null,
      value: cells.length,
      expected: `${String(width)} cells, one per column of the header`,
      reason: `${String(cells.length)} cells but the header has ${String(width)} columns${extra}`,
      message: `${at} has ${String(cells.length)} cells but the header has ${String(width)} columns, so no cell can be matched to its column${extra}`,
    };
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
      stratification: this.steps === null ? null : { steps: { ...this.steps }, notAssessed: this.notAssessed, urgent: this.urgent },
    };
  }
}

/** A row that is neither a record nor an array of cells (with `header`, a row that is not an array). */
function notARow(row: unknown, rowNo: number, line: number | null): CellError {
  const at = line === null ? `row ${String(rowNo)}` : `row ${String(rowNo)} (line ${String(line)})`;
  return {
    row: rowNo,
    line,
    instrument: "",
    item: null,
    column: null,
    value: row,
    expected: "a record keyed by column, or (only when a header is given) an array of cells",
    reason: `${describeValue(row)} is not a row of cells`,
    message: `${at} is ${describeValue(row)}, which does not fit: rows are records keyed by column, or arrays of cells when a header is given`,
  };
}

function cellAt(row: BatchRow, isArray: boolean, b: Binding): unknown {
  if (isArray) return b.index < 0 ? undefined : (row as readonly unknown[])[b.index];
  const rec = row as Readonly<Record<string, unknown>>;
  return b.guard && !Object.hasOwn(rec, b.column) ? undefined : rec[b.column];
}

function statusOf(def: InstrumentDefinition, r: ScoreResult): BatchStatus {
  // Without a primary score (FABQ, BPI), the row is complete when every subscale is.
  if (def.score !== null) return r.score === null ? "incomplete" : "scored";
  return Object.values<number | null>(r.subscales).includes(null) ? "incomplete" : "scored";
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
export function scoreRows<R extends BatchRow>(rows: Iterable<R>, options: BatchOptions | BatchScorer<R>): BatchResult<R> {
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
