// `stepscore score` and `stratify`: rows in (CSV or JSON Lines, file or stdin), the same rows out with
// scores appended. Streaming end to end: csv-parse → each record scored as the parser hands it on → the
// row's own text plus the new cells → output, with backpressure from the pipeline, so memory stays flat
// whatever the size of the file.
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
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
import { csvText, fieldsFor, fieldValues, type FieldValue } from "./columns.js";
import { CliError, EXIT, openInput, openOutput, progress, say, type Input, type Io, type Output } from "./io.js";
import { ERRORS_SHOWN, renderSummary } from "./report.js";

/** Input formats. */
export type Format = "csv" | "jsonl";

/** Columns appended to every row, and how to compute them. */
export interface Appended {
  readonly names: readonly string[];
  values(out: RowOutcome): FieldValue[];
}

/** What a scoring run needs, parsed from the command line. */
export interface RunSpec {
  /** The batch options, or how to make them from the columns of the file (its header, or first JSON object). */
  readonly options: BatchOptions | ((columns: readonly string[]) => BatchOptions);
  readonly file: string | undefined;
  readonly out: string | undefined;
  readonly format: Format | undefined;
  readonly delimiter: string | undefined;
  readonly quiet: boolean;
  /** Builds the appended columns once the instruments are known (score columns, then any extras). */
  readonly appended: (defs: readonly InstrumentDefinition[]) => Appended;
  /** Step labels by step number, for the summary of a stratifying run. */
  readonly steps?: Readonly<Record<string, string>>;
}

/** The score columns of {@link fieldsFor}, as an {@link Appended}. */
export function scoreColumns(defs: readonly InstrumentDefinition[]): Appended {
  const fields = fieldsFor(defs);
  return { names: fields.map((f) => f.name), values: (out) => fieldValues(fields, out) };
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

function formatOf(file: string | undefined, given: Format | undefined): Format {
  if (given !== undefined) return given;
  return file !== undefined && /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "csv";
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

function optionsFor(spec: RunSpec, columns: readonly string[]): BatchOptions {
  return typeof spec.options === "function" ? spec.options(columns) : spec.options;
}

/** Runs a scoring command and returns its exit code. */
export async function runScoring(spec: RunSpec, io: Io): Promise<number> {
  if (typeof spec.options !== "function") checkOptions(spec.options);
  const format = formatOf(spec.file, spec.format);
  const input = await openInput(spec.file, io);
  const output = await openOutput(spec.out, io);
  const tally = new Tally();
  const meter = progress(io, input, !spec.quiet);
  let setup: Setup<BatchRow>;
  try {
    setup =
      format === "csv"
        ? await csvRun(io, input, output, spec, tally, meter.tick)
        : await jsonlRun(input, output, spec, tally, meter.tick);
    meter.stop();
    await output.commit();
  } catch (error) {
    meter.stop();
    await output.abort();
    if ((error as { code?: unknown }).code === "EPIPE") return EXIT.ok; // the reader stopped early (| head)
    throw error;
  }
  const summary = setup.scorer.summary();
  if (!spec.quiet) {
    io.stderr.write(renderSummary(summary, setup.scorer.definitions, input.name, output.name, tally.first, tally.errors, spec.steps ?? {}));
  }
  return summary.invalid > 0 ? EXIT.rowErrors : EXIT.ok;
}

async function csvRun(
  io: Io,
  input: Input,
  output: Output,
  spec: RunSpec,
  tally: Tally,
  tick: () => void,
): Promise<Setup<BatchRow>> {
  const delimiter = spec.delimiter ?? (spec.file !== undefined && /\.tsv$/i.test(spec.file) ? "\t" : ",");
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
    { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, raw: true },
    (record, raw, lines, emptyLines): string => {
      // The line a row starts on: after the previous row and any blank lines skipped since.
      const start = prevEnd + 1 + (emptyLines - prevEmpty);
      prevEnd = lines;
      prevEmpty = emptyLines;
      nextStart = prevEnd + 1;
      const setup = state.setup;
      if (setup === null) {
        const scorer = headerScorer(optionsFor(spec, record), record, input.name);
        const appended = spec.appended(scorer.definitions);
        state.setup = { scorer, appended };
        width = record.length;
        at = appended.names.map((name) => record.indexOf(name));
        const replaced = appended.names.filter((_, j) => (at[j] ?? -1) >= 0);
        replacing = replaced.length > 0;
        if (replacing && !spec.quiet) {
          say(io, `stepscore: ${input.name} already has the columns ${replaced.join(", ")}; they are replaced by the new values`);
        }
        return replacing ? rewrite(record, appended.names, at, delimiter) : verbatim(raw, appended.names, delimiter);
      }
      const out = setup.scorer.score(record, start);
      tick();
      tally.add(out);
      const values = setup.appended.values(out);
      // The row as it came, byte for byte, with the new cells after it. A row with the wrong number of
      // cells is fitted to the header instead, so the new cells stay under their names (any extra cells
      // are quoted in the error column); so is every row when existing columns are being replaced.
      if (!replacing && record.length === width) return verbatim(raw, values, delimiter);
      return rewrite(record.length === width ? record : fit(record, width), values, at, delimiter);
    },
  );
  try {
    await pipeline(input.stream, parser, output.stream, { end: output.end });
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(malformed(error, input.name, nextStart));
    throw error;
  }
  if (state.setup === null) throw new CliError(`${input.name} is empty: expected a header row naming the columns`);
  return state.setup;
}

/** A cell of ours as CSV (RFC 4180): quoted when it holds the delimiter, a quote or a line break. */
function field(text: string, delimiter: string): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/**
 * The input record's own text with the new cells after it. csv-parse's raw text may start with the blank
 * lines it skipped and ends with (part of) the line break; both are dropped, and every line ends in "\n".
 */
function verbatim(raw: string, values: readonly FieldValue[], delimiter: string): string {
  let from = 0;
  let to = raw.length;
  while (from < to && (raw.charCodeAt(from) === 10 || raw.charCodeAt(from) === 13)) from++;
  while (to > from && (raw.charCodeAt(to - 1) === 10 || raw.charCodeAt(to - 1) === 13)) to--;
  // Joined once from parts: repeated += would leave a chain of small strings for the collector.
  const parts = new Array<string>(values.length + 1);
  parts[0] = raw.slice(from, to);
  for (let j = 0; j < values.length; j++) parts[j + 1] = field(csvText(values[j] as FieldValue), delimiter);
  return parts.join(delimiter);
}

/** A record written out again by csv-stringify, with the new cells in place or after it. */
function rewrite(cells: readonly string[], values: readonly FieldValue[], at: readonly number[], delimiter: string): string {
  const row = [...cells];
  for (let j = 0; j < values.length; j++) {
    const text = csvText(values[j] as FieldValue);
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

  private flushLines(): string {
    const text = `${this.lines.join("\n")}\n`;
    this.lines = [];
    this.size = 0;
    return text;
  }
}

function fit(record: string[], width: number): string[] {
  if (record.length > width) return record.slice(0, width);
  const cells = record;
  while (cells.length < width) cells.push("");
  return cells;
}

function malformed(error: CsvError, name: string, start: number): string {
  const where = /\bline \d+/.test(error.message) ? "" : ` (line ${String((error as { lines?: number }).lines ?? start)})`;
  const opened = error.code === "CSV_QUOTE_NOT_CLOSED" ? `; the quote opens in the row starting on line ${String(start)}` : "";
  return `malformed CSV in ${name}: ${error.message}${where}${opened}`;
}

/** A scorer bound to the header's columns; absent or repeated columns stop the run before any row. */
function headerScorer(options: BatchOptions, header: readonly string[], name: string): BatchScorer<string[]> {
  try {
    return createBatchScorer<string[]>({ ...options, header });
  } catch (error) {
    if (error instanceof BatchOptionsError) {
      const hint =
        error.missingColumns.length > 0
          ? "\n  (map other column names with --map, or pass --allow-missing-columns to read absent items as unanswered)"
          : "";
      throw new CliError(`${name}: ${error.problems.join("\n  ")}${hint}`);
    }
    throw error;
  }
}

async function jsonlRun(input: Input, output: Output, spec: RunSpec, tally: Tally, tick: () => void): Promise<Setup<BatchRow>> {
  type Rec = Readonly<Record<string, unknown>>;
  const state: { setup: Setup<Rec> | null } = { setup: null };
  async function* rows(): AsyncGenerator<string> {
    const lines = createInterface({ input: input.stream, crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        throw new CliError(`malformed JSON Lines in ${input.name} at line ${String(line)}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        throw new CliError(`malformed JSON Lines in ${input.name} at line ${String(line)}: each line must be a JSON object, not ${Array.isArray(row) ? "an array" : JSON.stringify(row)}`);
      }
      const record = row as Record<string, unknown>;
      // Columns found in the first object decide the instruments, when the command finds them itself.
      let setup = state.setup;
      if (setup === null) {
        const scorer = checkOptions(optionsFor(spec, Object.keys(record))) as BatchScorer<Rec>;
        setup = state.setup = { scorer, appended: spec.appended(scorer.definitions) };
      }
      const out = setup.scorer.score(record, line);
      tick();
      tally.add(out);
      const values = setup.appended.values(out);
      const names = setup.appended.names;
      const extended: Record<string, unknown> = { ...record };
      for (let j = 0; j < names.length; j++) extended[names[j] as string] = values[j];
      yield `${JSON.stringify(extended)}\n`;
    }
  }
  await pipeline(Readable.from(rows()), output.stream, { end: output.end });
  // An input without a single row still gets a scorer, so the summary can say so.
  return (state.setup ?? { scorer: checkOptions(optionsFor(spec, [])), appended: { names: [], values: () => [] } });
}
