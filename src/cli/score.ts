// `stepscore score` and `stratify`: rows in (CSV or JSON Lines, file or stdin), the same rows out with
// scores appended. Streaming end to end: csv-parse → each record scored as the parser hands it on → the
// row's own text plus the new cells → output, with backpressure from the pipeline, so memory stays flat
// whatever the size of the file.
import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, Parser, type Options } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import {
  BatchOptionsError,
  createBatchScorer,
  type BatchOptions,
  type BatchRow,
  type BatchScorer,
  type CellError,
  type InstrumentDefinition,
  type RowOutcome,
} from "../index.js";
import { csvText, fieldsFor, fieldValues, unscoredItems, type FieldOptions, type FieldValue } from "./columns.js";
import {
  appendFields,
  blank,
  BOM,
  bytesOf,
  decode,
  encode,
  escapeFormula,
  formulaLike,
  hasHighBytes,
  jsonMembers,
  lines,
  withoutBom,
} from "./bytes.js";
import {
  CliError,
  EXIT,
  MAX_RECORD_BYTES,
  openInput,
  openOutput,
  progress,
  reason,
  removeTemporary,
  say,
  spoolFile,
  type Input,
  type Io,
  type Output,
} from "./io.js";
import type { OutputFlags } from "./options.js";
import { ERRORS_SHOWN, renderSummary } from "./report.js";
import { crlfFirst, headerShape, isZip, looksLikeJsonLines, peek, refuseBinary } from "./sniff.js";
import { xlsxAsCsv } from "./xlsx.js";

/** Input formats. */
export type Format = "csv" | "jsonl";

/** Columns appended to every row, and how to compute them. */
export interface Appended {
  readonly names: readonly string[];
  values(out: RowOutcome): FieldValue[];
}

/** What a scoring run needs, parsed from the command line. */
export interface RunSpec {
  /**
   * The batch options, or how to make them from the columns of the file: its header (CSV), or the columns
   * of `watch` found in any of its lines (JSON Lines, read through once before any row is scored).
   */
  readonly options: BatchOptions | ((columns: readonly string[]) => BatchOptions);
  /** With `options` as a function: every column that can decide them. */
  readonly watch?: readonly string[];
  readonly file: string | undefined;
  readonly out: string | undefined;
  readonly format: Format | undefined;
  readonly delimiter: string | undefined;
  readonly quiet: boolean;
  /** Overwrite input columns that have the name of a column stepscore writes (else the run stops). */
  readonly replaceColumns?: boolean;
  /** Prefix cells a spreadsheet would run as formulas with a single quote (CSV only). */
  readonly escapeFormulas?: boolean;
  /** Rows to pass through unscored, digits, band labels (see {@link OutputFlags}). */
  readonly output?: OutputFlags;
  /** Builds the appended columns once the instruments are known (score columns, then any extras). */
  readonly appended: (defs: readonly InstrumentDefinition[], output: FieldOptions) => Appended;
  /** Step labels by step number, for the summary of a stratifying run. */
  readonly steps?: Readonly<Record<string, string>>;
}

/** The score columns of {@link fieldsFor}, as an {@link Appended}. */
export function scoreColumns(defs: readonly InstrumentDefinition[], output: FieldOptions = {}): Appended {
  const fields = fieldsFor(defs, output);
  return { names: fields.map((f) => f.name), values: (out) => fieldValues(fields, out) };
}

/**
 * The same columns under other names: `prefix` before and `suffix` after each (`--suffix _t0` gives
 * `phq9_score_t0`), so the scores of two time points can stand in one file.
 */
export function affixed(appended: Appended, prefix: string | undefined, suffix: string | undefined): Appended {
  if (prefix === undefined && suffix === undefined) return appended;
  return {
    names: appended.names.map((n) => `${prefix ?? ""}${n}${suffix ?? ""}`),
    values: (out) => appended.values(out),
  };
}

/** Checks the instruments and options before any file is opened, so mistakes cost nothing. */
export function checkOptions(options: BatchOptions): BatchScorer {
  try {
    return createBatchScorer(options);
  } catch (error) {
    if (error instanceof BatchOptionsError) throw new CliError(error.problems.join("\n  "), true);
    throw error;
  }
}

/** The format a file's name says, if it says one. */
function formatOf(file: string | undefined, given: Format | undefined): Format | null {
  if (given !== undefined) return given;
  if (file !== undefined && /\.(jsonl|ndjson)$/i.test(file)) return "jsonl";
  return file !== undefined && /\.(csv|tsv)$/i.test(file) ? "csv" : null;
}

/** Collects what the summary reports besides the scorer's counts. */
class Tally {
  readonly first: CellError[] = [];
  errors = 0;

  add(out: RowOutcome): void {
    if (out.errors.length === 0) return;
    this.errors += out.errors.length;
    for (const e of out.errors) if (this.first.length < ERRORS_SHOWN) this.first.push(e);
  }
}

/** The scorer of a run and the columns it appends, set up once the first record has been read. */
interface Setup<R extends BatchRow> {
  readonly scorer: BatchScorer<R>;
  readonly appended: Appended;
}

/** What a run of either format shares. */
interface Context {
  readonly io: Io;
  readonly input: Input;
  readonly output: Output;
  readonly spec: RunSpec;
  readonly tally: Tally;
  readonly tick: () => void;
  /** The longest record, in bytes. */
  readonly max: number;
  /** Marks a stream's errors as the input's, so they are reported as such. */
  readonly reading: (stream: Readable) => void;
  /** The input's bytes, from the start (its first bytes were read ahead to tell what it is). */
  readonly source: AsyncIterable<unknown>;
  /** The input's first bytes. */
  readonly head: Buffer;
}

/** What the first bytes of an input say it is. */
interface Sniffed {
  readonly head: Buffer;
  readonly source: AsyncIterable<unknown>;
  readonly format: Format;
}

/**
 * Reads the first bytes of the input to tell what it is: a binary file is refused with advice, a workbook
 * read as CSV, and an input whose name does not say its format (stdin) is JSON Lines when it starts with "{".
 */
async function sniff(input: Input, spec: RunSpec, named: Format | null): Promise<Sniffed> {
  let peeked;
  try {
    peeked = await peek(input.stream);
  } catch (error) {
    throw new CliError(`cannot read ${input.name}: ${reason(error)}`);
  }
  if (isZip(peeked.head) && spec.format === undefined)
    return { ...(await xlsxAsCsv(peeked.source, input.name)), format: "csv" };
  refuseBinary(peeked.head, input.name);
  const format = named ?? (looksLikeJsonLines(peeked.head) ? "jsonl" : "csv");
  if (format === "jsonl" && spec.escapeFormulas === true) throw formulasInJsonl();
  return { ...peeked, format };
}

function optionsFor(spec: RunSpec, columns: readonly string[]): BatchOptions {
  return typeof spec.options === "function" ? spec.options(columns) : spec.options;
}

/** Stops a run whose input has columns of the names stepscore writes, unless told to replace them. */
function collision(name: string, taken: readonly string[], where: string): CliError {
  const s = taken.length === 1 ? "" : "s";
  return new CliError(
    `${name}${where} already has the column${s} ${taken.join(", ")}, which stepscore writes; nothing is overwritten unless asked:\n` +
      `  rename or remove ${taken.length === 1 ? "it" : "them"}, or pass --replace-columns to replace ${taken.length === 1 ? "it" : "them"} with the new values (e.g. to score a scored file again)`,
  );
}

/** Whether an error is the engine's "string too long" (a cell or line longer than any string can be). */
function tooLongForString(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "ERR_STRING_TOO_LONG" || (error instanceof RangeError && /string length/i.test(error.message));
}

/** Runs a scoring command and returns its exit code. */
export async function runScoring(spec: RunSpec, io: Io): Promise<number> {
  if (typeof spec.options !== "function") checkOptions(spec.options);
  const named = formatOf(spec.file, spec.format);
  if (named === "jsonl" && spec.escapeFormulas === true) throw formulasInJsonl();
  const input = await openInput(spec.file, io);
  const output = await openOutput(spec.out, io);
  let sniffed: Sniffed;
  try {
    sniffed = await sniff(input, spec, named);
  } catch (error) {
    await output.abort();
    if (input.stream !== io.stdin) input.stream.destroy();
    throw error;
  }
  const { head, source, format } = sniffed;
  // Which side an I/O error came from, so it is reported as "cannot read" or "cannot write".
  const origin = new WeakMap<object, "input" | "output">();
  const mark =
    (side: "input" | "output") =>
    (error: unknown): void => {
      if (typeof error === "object" && error !== null && !origin.has(error)) origin.set(error, side);
    };
  const onInput = mark("input");
  const onOutput = mark("output");
  const streams: [Readable | Writable, (error: unknown) => void][] = [
    [input.stream, onInput],
    [output.stream, onOutput],
  ];
  for (const [s, f] of streams) s.on("error", f);
  const reading = (stream: Readable): void => {
    stream.on("error", onInput);
    streams.push([stream, onInput]);
  };
  const tally = new Tally();
  const meter = progress(io, input, !spec.quiet);
  const context: Context = {
    io,
    input,
    output,
    spec,
    tally,
    tick: meter.tick,
    max: io.maxRecordBytes ?? MAX_RECORD_BYTES,
    reading,
    source,
    head,
  };
  let setup: Setup<BatchRow>;
  try {
    setup = format === "csv" ? await csvRun(context) : await jsonlRun(context);
    meter.stop();
    await output.commit();
  } catch (error) {
    meter.stop();
    await output.abort();
    if (input.stream !== io.stdin) input.stream.destroy();
    if (error instanceof CliError) throw error;
    if ((error as { code?: unknown }).code === "EPIPE") return EXIT.ok; // the reader stopped early (| head)
    const side = typeof error === "object" && error !== null ? origin.get(error) : undefined;
    if (side === "output") throw new CliError(`cannot write ${output.name}: ${reason(error)}`);
    if (side === "input") throw new CliError(`cannot read ${input.name}: ${reason(error)}`);
    if (tooLongForString(error))
      throw new CliError(`${input.name}: a row is too long to be read (longer than a string can be)`);
    throw error;
  } finally {
    for (const [s, f] of streams) s.off("error", f);
  }
  const summary = setup.scorer.summary();
  // The unscored optional items (PHQ-9 item 10) are often left out of a form: nothing to report.
  const unscored = new Set(
    setup.scorer.columns
      .filter((c) => c.optional && unscoredItems(defOf(setup.scorer, c.instrument)).has(c.item))
      .map((c) => c.column),
  );
  const shown = { ...summary, absentColumns: summary.absentColumns.filter((c) => !unscored.has(c)) };
  if (!spec.quiet) {
    io.stderr.write(
      renderSummary(
        shown,
        setup.scorer.definitions,
        input.name,
        output.name,
        tally.first,
        tally.errors,
        spec.steps ?? {},
      ),
    );
  }
  // Absent columns read as unanswered can leave an instrument with no score in any row: said even with
  // --quiet, as the output then has none of the scores asked for.
  const absent = new Set(summary.absentColumns);
  for (const def of setup.scorer.definitions) {
    const lacking = setup.scorer.columns.filter((c) => c.instrument === def.id && !c.optional && absent.has(c.column));
    if (lacking.length === 0 || summary.rows === 0 || (summary.instruments[def.id]?.scored ?? 0) > 0) continue;
    say(
      io,
      `stepscore: warning: no row has a ${def.shortTitle} score: its column${lacking.length === 1 ? "" : "s"} ${lacking.map((c) => c.column).join(", ")} ${lacking.length === 1 ? "is" : "are"} in no row (read as unanswered, as --allow-missing-columns asks)`,
    );
  }
  return summary.invalid > 0 ? EXIT.rowErrors : EXIT.ok;
}

function formulasInJsonl(): CliError {
  return new CliError(
    "--escape-formulas applies to CSV output only: JSON Lines values are typed, not spreadsheet cells",
    true,
  );
}

function defOf(scorer: BatchScorer, id: string): InstrumentDefinition {
  return scorer.definitions.find((d) => d.id === id) as InstrumentDefinition;
}

/**
 * A Qualtrics export's extra header rows (question texts, then import ids), recognised by its StartDate
 * column: in them that cell is "Start Date" or an `{"ImportId":…}` object, never a date.
 */
function qualtricsColumn(header: readonly string[]): number {
  return header.includes("ResponseId") || header.includes("ResponseID") ? header.indexOf("StartDate") : -1;
}

function qualtricsRow(record: readonly string[], at: number): boolean {
  const cell = (record[at] ?? "").trim();
  return cell === "Start Date" || cell.startsWith('{"ImportId"');
}

async function csvRun(context: Context): Promise<Setup<BatchRow>> {
  const { io, input, output, spec, tally, tick } = context;
  const shape = headerShape(context.head, input.name);
  const tsv = spec.file !== undefined && /\.tsv$/i.test(spec.file);
  if (spec.delimiter === undefined && !tsv && shape.ambiguous !== null) throw new CliError(shape.ambiguous, true);
  const delimiter = spec.delimiter ?? (tsv ? "\t" : (shape.delimiter ?? ","));
  if (spec.delimiter === undefined && !tsv && delimiter !== "," && !spec.quiet)
    say(
      io,
      `stepscore: ${input.name}: columns separated by ${delimiter === "\t" ? "tabs" : `"${delimiter}"`} (as its header is)`,
    );
  // Lines end as the input's first line does, so a CRLF file stays one.
  const eol = shape.crlf ? "\r\n" : "\n";
  /** Rows after the header passed through unscored: given, or Qualtrics' own (recognised). */
  const skip = spec.output?.skipRows ?? null;
  let qualtrics = -1;
  let skipped = 0;
  let leading = true;
  let empty: string[] = [];
  const escape = spec.escapeFormulas === true;
  const bom = { seen: false };
  // Set by the record hook when the header arrives; a holder, since the hook runs inside the pipeline.
  const state: { setup: Setup<string[]> | null } = { setup: null };
  let width = 0;
  /** Where each appended column goes: an existing column's index (replaced in place), or -1 (appended). */
  let at: number[] = [];
  let replacing = false;
  let prevEnd = 0;
  let prevEmpty = 0;
  let nextStart = 1;
  const parser = new ScoringParser(
    eol,
    {
      // Bytes in, bytes out (see bytes.ts); the byte-order mark is taken off before and put back after.
      encoding: "latin1",
      bom: false,
      delimiter,
      // CRLF, LF and a lone CR each end a row, even mixed in one file, as spreadsheets and R read them.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      max_record_size: context.max,
    },
    (record, raw, lines, emptyLines): string => {
      // The line a row starts on: after the previous row and any blank lines skipped since.
      const start = prevEnd + 1 + (emptyLines - prevEmpty);
      prevEnd = lines;
      prevEmpty = emptyLines;
      nextStart = prevEnd + 1;
      const setup = state.setup;
      if (setup !== null && leading) {
        if (skip === null ? qualtrics >= 0 && qualtricsRow(record, qualtrics) : skipped < skip) {
          skipped++;
          // Passed through as it came, with the new cells empty: every row is written, in order.
          return emit(record, raw, empty);
        }
        leading = false;
        if (skip === null && skipped > 0 && !spec.quiet)
          say(
            io,
            `stepscore: ${input.name}: a Qualtrics export; its ${String(skipped)} extra header row${skipped === 1 ? "" : "s"} (question texts, import ids) passed through unscored`,
          );
      }
      if (setup === null) {
        const header = record.map(decode);
        qualtrics = qualtricsColumn(header);
        const scorer = headerScorer(optionsFor(spec, header), header, input.name);
        const appended = spec.appended(scorer.definitions, spec.output ?? {});
        width = record.length;
        at = appended.names.map((name) => header.indexOf(name));
        const taken = appended.names.filter((_, j) => (at[j] ?? -1) >= 0);
        if (taken.length > 0 && spec.replaceColumns !== true) throw collision(input.name, taken, "");
        state.setup = { scorer, appended };
        empty = appended.names.map(() => "");
        replacing = taken.length > 0;
        if (replacing && !spec.quiet) {
          say(
            io,
            `stepscore: ${input.name} already has the columns ${taken.join(", ")}; they are replaced by the new values (--replace-columns)`,
          );
        }
        const names = appended.names;
        const line =
          replacing || (escape && record.some(formulaLike))
            ? rewrite(record, names, at, delimiter, escape)
            : verbatim(raw, names, delimiter, escape);
        return bom.seen ? BOM + line : line;
      }
      // Answers are read as text; the row itself is written back as its bytes.
      const out = setup.scorer.score(hasHighBytes(raw) ? record.map(decode) : record, start);
      tick();
      tally.add(out);
      return emit(record, raw, setup.appended.values(out));
    },
  );
  // The row as it came, byte for byte, with the new cells after it. A row with the wrong number of
  // cells is fitted to the header instead, so the new cells stay under their names (any extra cells
  // are quoted in the error column); so is every row when existing columns are being replaced, and a
  // row with a formula-like cell when formulas are escaped.
  function emit(record: string[], raw: string, values: readonly (FieldValue | string)[]): string {
    if (!replacing && record.length === width && !(escape && record.some(formulaLike)))
      return verbatim(raw, values, delimiter, escape);
    return rewrite(record.length === width ? record : fit(record, width), values, at, delimiter, escape);
  }
  try {
    await pipeline(context.source, (source: AsyncIterable<unknown>) => withoutBom(source, bom), parser, output.stream, {
      end: output.end,
    });
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(malformed(error, input.name, nextStart, context.max));
    throw error;
  }
  if (state.setup === null) throw new CliError(`${input.name} is empty: expected a header row naming the columns`);
  return state.setup;
}

/** A new cell as CSV (RFC 4180) bytes: quoted when it holds the delimiter, a quote or a line break. */
function field(value: FieldValue | string, delimiter: string, escape: boolean): string {
  let text = encode(typeof value === "string" ? value : csvText(value));
  if (escape) text = escapeFormula(text);
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/**
 * The input record's own text with the new cells after it. csv-parse's raw text may start with the blank
 * lines it skipped and ends with (part of) the line break; both are dropped, and every line ends in "\n".
 */
function verbatim(raw: string, values: readonly (FieldValue | string)[], delimiter: string, escape: boolean): string {
  let from = 0;
  let to = raw.length;
  while (from < to && (raw.charCodeAt(from) === 10 || raw.charCodeAt(from) === 13)) from++;
  while (to > from && (raw.charCodeAt(to - 1) === 10 || raw.charCodeAt(to - 1) === 13)) to--;
  // Joined once from parts: repeated += would leave a chain of small strings for the collector.
  const parts = new Array<string>(values.length + 1);
  parts[0] = raw.slice(from, to);
  for (let j = 0; j < values.length; j++) parts[j + 1] = field(values[j] as FieldValue, delimiter, escape);
  return parts.join(delimiter);
}

/** A record written out again by csv-stringify, with the new cells in place or after it. */
function rewrite(
  cells: readonly string[],
  values: readonly (FieldValue | string)[],
  at: readonly number[],
  delimiter: string,
  escape: boolean,
): string {
  const row = escape ? cells.map(escapeFormula) : [...cells];
  for (let j = 0; j < values.length; j++) {
    const v = values[j] as FieldValue;
    let text = encode(typeof v === "string" ? v : csvText(v));
    if (escape) text = escapeFormula(text);
    const i = at[j] ?? -1;
    if (i >= 0) row[i] = text;
    else row.push(text);
  }
  return stringify([row], { delimiter, eof: false });
}

/**
 * csv-parse's parser, handing each record to `onRecord` as it is pushed, and pushing on the output lines in
 * chunks. Its own `on_record` hook would do the same but builds an info object for every record, which
 * costs more than scoring the row; the parser's live counters cost nothing here, and no stream stage is
 * added between reading and writing.
 */
class ScoringParser extends Parser {
  private failed = false;
  private lines: string[] = [];
  private size = 0;

  constructor(
    private readonly eol: string,
    options: Options,
    private readonly onRecord: (record: string[], raw: string, lines: number, emptyLines: number) => string,
  ) {
    super(options);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) {
      if (this.lines.length > 0) super.push(this.flushLines(), encoding);
      return super.push(null, encoding);
    }
    if (this.failed) return false;
    try {
      const { record, raw } = chunk as { record: string[]; raw: string };
      const line = this.onRecord(record, raw, this.info.lines, this.info.empty_lines);
      this.lines.push(line);
      this.size += line.length;
    } catch (error) {
      // Thrown inside the parser's loop: end the stream with it, so the pipeline rejects with this error.
      this.failed = true;
      this.destroy(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
    // Lines go on in chunks of about 64 kB: one stream write per row would cost more than the row.
    return this.size < 65536 || super.push(this.flushLines(), encoding);
  }

  /** The lines so far as bytes: they are byte strings (see bytes.ts). */
  private flushLines(): Buffer {
    const text = `${this.lines.join(this.eol)}${this.eol}`;
    this.lines = [];
    this.size = 0;
    return Buffer.from(text, "latin1");
  }
}

function fit(record: string[], width: number): string[] {
  if (record.length > width) return record.slice(0, width);
  const cells = record;
  while (cells.length < width) cells.push("");
  return cells;
}

function malformed(error: CsvError, name: string, start: number, max: number): string {
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return `${name}: the row starting on line ${String(start)} is longer than ${max.toLocaleString("en")} bytes, too long to be read (an unclosed quote can make a row run on to the end of the file)`;
  }
  const where = /\bline \d+/.test(error.message)
    ? ""
    : ` (line ${String((error as { lines?: number }).lines ?? start)})`;
  const opened =
    error.code === "CSV_QUOTE_NOT_CLOSED" ? `; the quote opens in the row starting on line ${String(start)}` : "";
  return `malformed CSV in ${name}: ${error.message}${where}${opened}`;
}

/**
 * A scorer bound to the header's columns; absent or repeated columns stop the run before any row. For JSON
 * Lines, `header` is the columns found in some line, and `where` says so.
 */
function headerScorer(
  options: BatchOptions,
  header: readonly string[],
  name: string,
  where = "",
): BatchScorer<string[]> {
  try {
    return createBatchScorer<string[]>({ ...options, header });
  } catch (error) {
    if (error instanceof BatchOptionsError) {
      const hint =
        error.missingColumns.length > 0
          ? "\n  (map other column names with --map, or pass --allow-missing-columns to read absent items as unanswered)"
          : "";
      throw new CliError(`${name}${where}: ${error.problems.join("\n  ")}${hint}`);
    }
    throw error;
  }
}

type Rec = Readonly<Record<string, unknown>>;

/** One JSON Lines line as an object, or a clear stop naming the line. */
function parseLine(text: string, name: string, line: number): Record<string, unknown> {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `malformed JSON Lines in ${name} at line ${String(line)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    throw new CliError(
      `malformed JSON Lines in ${name} at line ${String(line)}: each line must be a JSON object, not ${Array.isArray(row) ? "an array" : JSON.stringify(row)}`,
    );
  }
  return row as Record<string, unknown>;
}

/**
 * Stops at a line that gives an item's key twice: JSON.parse keeps the last, so an answer (a PHQ-9 item 9 of
 * 3, say) could be hidden by a later one, and which is meant cannot be told. Only lines in which some item's
 * quoted key occurs twice, or a key may be escaped, are looked at member by member.
 */
function repeatedItem(
  text: string,
  quoted: readonly string[],
  bound: ReadonlySet<string>,
  name: string,
  line: number,
): void {
  let suspect = text.includes("\\");
  for (let k = 0; !suspect && k < quoted.length; k++) {
    const q = quoted[k] as string;
    const at = text.indexOf(q);
    suspect = at >= 0 && text.indexOf(q, at + q.length) >= 0;
  }
  if (!suspect) return;
  const seen = new Map<string, string>();
  for (const m of jsonMembers(text)) {
    if (!bound.has(m.key)) continue;
    const member = text.slice(m.start, m.end);
    const before = seen.get(m.key);
    if (before !== undefined) {
      throw new CliError(
        `${name} line ${String(line)} gives the item column "${m.key}" twice (${before} and ${member}): which answer is meant cannot be told, so no row is guessed at; remove one`,
      );
    }
    seen.set(m.key, member);
  }
}

/** Writes a chunk and waits until it is taken, failing with the stream's error. */
function write(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise((done, fail) => {
    stream.write(chunk, (error) => {
      if (error) fail(error);
      else done();
    });
  });
}

/**
 * Reads a JSON Lines input once through for the columns of `watch` that any line has, so that instruments
 * are decided from the whole file, not its first line; then gives a fresh stream of the same bytes. A file is
 * opened again; stdin is copied to a private temporary file as it is read (memory stays flat either way).
 */
async function jsonlColumns(
  context: Context,
  watch: readonly string[],
): Promise<{ columns: string[]; source: Readable; done: () => Promise<void> }> {
  const { input, max } = context;
  const wanted = new Set(watch);
  const found = new Set<string>();
  let spool: { readonly path: string; readonly stream: Writable } | null = null;
  let source: AsyncIterable<unknown> = context.source;
  if (input.path === null) {
    let file;
    try {
      file = await spoolFile();
    } catch (error) {
      throw new CliError(
        `cannot keep a copy of stdin in ${tmpdir()} to read it twice: ${reason(error)} (name the instruments with --instruments to read it once)`,
      );
    }
    const copy = file.handle.createWriteStream();
    copy.on("error", () => undefined); // reported through each write's callback
    spool = { path: file.path, stream: copy };
    source = (async function* copied(): AsyncGenerator<Buffer> {
      for await (const chunk of context.source) {
        const b = bytesOf(chunk);
        await write(copy, b);
        yield b;
      }
      await new Promise<void>((done) => copy.end(done));
    })();
  }
  const removeSpool = async (): Promise<void> => {
    if (spool === null) return;
    spool.stream.destroy();
    await removeTemporary(spool.path);
  };
  try {
    for await (const { bytes, line } of lines(source, input.name, max, { seen: false })) {
      if (blank(bytes)) continue;
      // A file need not be read to the end once every column is found; stdin must be, to be copied.
      if (found.size === wanted.size && spool === null) break;
      for (const key of Object.keys(parseLine(decode(bytes), input.name, line))) if (wanted.has(key)) found.add(key);
    }
  } catch (error) {
    await removeSpool();
    throw error;
  }
  const path = spool === null ? input.path : spool.path;
  const again = createReadStream(path ?? "");
  context.reading(again);
  return { columns: watch.filter((c) => found.has(c)), source: again, done: removeSpool };
}

async function jsonlRun(context: Context): Promise<Setup<BatchRow>> {
  const { input, output, spec, tally, tick, max } = context;
  let source: AsyncIterable<unknown> = context.source;
  const eol = crlfFirst(context.head) ? "\r\n" : "\n";
  let done = (): Promise<void> => Promise.resolve();
  let options: BatchOptions;
  if (typeof spec.options === "function") {
    const found = await jsonlColumns(context, spec.watch ?? []);
    source = found.source;
    done = found.done;
    try {
      options = spec.options(found.columns);
      // As for a CSV header: a required column that no line has stops the run before any row is written.
      headerScorer(options, found.columns, input.name, " (in no line)");
    } catch (error) {
      found.source.destroy();
      await done();
      throw error;
    }
  } else options = spec.options;
  const scorer = checkOptions(options) as BatchScorer<Rec>;
  const appended = spec.appended(scorer.definitions, spec.output ?? {});
  const names = appended.names;
  const drop = new Set(names);
  const keys = names.map((n) => `${encode(JSON.stringify(n))}:`);
  const replace = spec.replaceColumns === true;
  const bound = new Set(scorer.columns.map((c) => c.column));
  const quoted = [...bound].map((c) => JSON.stringify(c));
  const bom = { seen: false };
  async function* rows(): AsyncGenerator<Buffer> {
    let chunk: string[] = [];
    let size = 0;
    let first = true;
    for await (const { bytes, line } of lines(source, input.name, max, bom)) {
      if (blank(bytes)) continue;
      const text = decode(bytes);
      const record = parseLine(text, input.name, line);
      repeatedItem(text, quoted, bound, input.name, line);
      // Each row is read by its own keys: a key it lacks is an unanswered item, as an empty CSV cell.
      let body = bytes;
      let taken: string[] | null = null;
      for (const n of names) if (Object.hasOwn(record, n)) (taken ??= []).push(n);
      if (taken !== null) {
        if (!replace) throw collision(input.name, taken, ` (line ${String(line)})`);
        // The line's own members, the replaced ones left out, each kept as its text.
        const kept = jsonMembers(text)
          .filter((m) => !drop.has(m.key))
          .map((m) => text.slice(m.start, m.end));
        const rebuilt = `{${kept.join(",")}}`;
        body = text === bytes ? rebuilt : encode(rebuilt);
      }
      const out = scorer.score(record, line);
      tick();
      tally.add(out);
      const values = appended.values(out);
      const fields = new Array<string>(names.length);
      for (let j = 0; j < names.length; j++) fields[j] = `${keys[j] ?? ""}${encode(JSON.stringify(values[j]))}`;
      // The line as it came, byte for byte, with the new fields before its closing brace.
      const written = appendFields(body, fields.join(","));
      chunk.push(first && bom.seen ? BOM + written : written);
      first = false;
      size += written.length;
      if (size >= 65536) {
        yield Buffer.from(`${chunk.join(eol)}${eol}`, "latin1");
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) yield Buffer.from(`${chunk.join(eol)}${eol}`, "latin1");
  }
  try {
    await pipeline(Readable.from(rows()), output.stream, { end: output.end });
  } finally {
    await done();
  }
  // Named instruments: a required column that no line had is reported (their items were read as
  // unanswered in every row), and the run does not pass as complete; allowed to be absent, the columns of
  // an instrument may still not all be (then no row could have a score).
  const absent = new Set(scorer.summary().absentColumns);
  if (scorer.columns.some((c) => !c.optional && absent.has(c.column))) {
    const kept = output.name === "stdout" ? "" : `; ${output.name} is not written`;
    headerScorer(
      options,
      scorer.columns.map((c) => c.column).filter((c) => !absent.has(c)),
      input.name,
      ` (in no line${kept})`,
    );
  }
  return { scorer, appended };
}
