// `stepscore progress`: a dataset of repeated assessments (long or wide) in, one row per person per follow-up
// out with the change columns, and the cohort outcome summary on stderr (and as JSON). A thin layer over
// progressRows: the file is read whole (persons must be gathered), then handed to the library.
import { text as streamText } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import {
  BatchOptionsError,
  getInstrument,
  HistoryInputError,
  progressRows,
  type BatchOptions,
  type HistoryOptions,
  type Comparison,
  type InstrumentOutcomeSummary,
  type OutcomeSummary,
  type Pathway,
  type ProgressCell,
  type ProgressRowsOptions,
  type Rate,
  type TimePoint,
} from "../index.js";
import { escapeFormula } from "./bytes.js";
import { headerShape } from "./sniff.js";
import { CliError, EXIT, openInput, openOutput, reason, say, type Io } from "./io.js";

/**
 * How a dataset of repeated assessments is read: the options `stepscore progress` and `stepscore report`
 * share, so the two commands read a file the same way.
 */
export interface DatasetSpec {
  readonly batch: BatchOptions;
  readonly file: string | undefined;
  readonly format: "csv" | "jsonl" | undefined;
  readonly delimiter: string | undefined;
  /** Rows after a CSV header to leave out (question-text rows); null: none. */
  readonly skipRows: number | null;
  readonly id: string | undefined;
  readonly at: string | undefined;
  readonly order: string | undefined;
  readonly wide: string | undefined;
  readonly widePattern: string | undefined;
  readonly group: string | undefined;
}

/** What `stepscore progress` was asked, parsed from the command line. */
export interface ProgressSpec extends DatasetSpec {
  readonly out: string | undefined;
  readonly summary: string | undefined;
  readonly latest: boolean;
  readonly pathway: Pathway | undefined;
  readonly cutoffs: readonly string[];
  readonly quiet: boolean;
  readonly escapeFormulas: boolean;
}

/** Parses `baseline,6w=6,3m=13` into time points (weeks after `=`). */
export function timePointList(option: string, value: string): TimePoint[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const eq = s.lastIndexOf("=");
      if (eq < 0) return { label: s };
      const weeks = Number(s.slice(eq + 1));
      if (s.slice(eq + 1).trim() === "" || !Number.isFinite(weeks))
        throw new CliError(
          `--${option} ${value}: "${s}" must be a label, or label=weeks with weeks a number (e.g. 6w=6)`,
          true,
        );
      return { label: s.slice(0, eq), weeks };
    });
}

const OPS: readonly Comparison[] = ["<=", ">=", "<", ">"];

/** Parses `phq9=<10` into a Jacobson–Truax cut-off by instrument. */
function cutoffsOf(
  values: readonly string[],
  ids: readonly string[],
): Record<string, { op: Comparison; value: number }> {
  const out: Record<string, { op: Comparison; value: number }> = {};
  for (const v of values) {
    const m = /^([a-z0-9-]+)=(<=|>=|<|>)(-?\d+(?:\.\d+)?)$/i.exec(v.replaceAll(" ", ""));
    const id = m?.[1]?.toLowerCase() ?? "";
    const op = OPS.find((o) => o === m?.[2]);
    if (m === null || op === undefined)
      throw new CliError(`--cutoff expects <instrument>=<op><score>, e.g. --cutoff phq9=<10; got "${v}"`, true);
    if (!ids.includes(id))
      throw new CliError(`--cutoff ${v}: ${id} is not among the instruments (${ids.join(", ")})`, true);
    out[id] = { op, value: Number(m[3]) };
  }
  return out;
}

/** The instrument ids of the batch options, in order. */
export function instrumentIds(batch: BatchOptions): string[] {
  return batch.instruments.map((e) =>
    typeof e === "string"
      ? e
      : "instrument" in e
        ? typeof e.instrument === "string"
          ? e.instrument
          : e.instrument.id
        : e.id,
  );
}

/** Checks the layout options and turns them into the library's history options; `command` names the command in errors. */
export function historyOptions(spec: DatasetSpec, command: string): HistoryOptions {
  if (spec.id === undefined)
    throw new CliError(`${command}: name the column with the person's id: --id <column>`, true);
  if (spec.wide === undefined && spec.at === undefined)
    throw new CliError(
      `${command}: say how time is recorded: --at <column> (one row per person per time point, ISO dates or, with --order, visit labels) or --wide <time points> (one row per person)`,
      true,
    );
  if (spec.wide !== undefined && spec.order !== undefined)
    throw new CliError(
      `${command}: --order is for long files (--at); for a wide file list the time points in --wide`,
      true,
    );
  if (spec.widePattern !== undefined && spec.wide === undefined)
    throw new CliError(`${command}: --wide-pattern needs --wide`, true);
  return {
    ...spec.batch,
    id: spec.id,
    ...(spec.at === undefined ? {} : { at: spec.at }),
    ...(spec.group === undefined ? {} : { group: spec.group }),
    ...(spec.order === undefined ? {} : { order: timePointList("order", spec.order) }),
    ...(spec.wide === undefined
      ? {}
      : {
          wide: {
            timePoints: timePointList("wide", spec.wide),
            ...(spec.widePattern === undefined ? {} : { pattern: spec.widePattern }),
          },
        }),
  };
}

/** The message for a dataset the library cannot read as histories (or bad instrument options). */
export function datasetError(name: string, error: unknown): unknown {
  if (error instanceof HistoryInputError)
    return new CliError(`${name}: ${error.issues.map((i) => i.message).join("\n  ")}`);
  if (error instanceof BatchOptionsError) return new CliError(`${name}: ${error.problems.join("\n  ")}`);
  return error;
}

/** True when the dataset is read (and progress written) as JSON Lines. */
export function isJsonl(spec: Pick<DatasetSpec, "format" | "file">): boolean {
  return spec.format === "jsonl" || (spec.format === undefined && /\.(jsonl|ndjson)$/i.test(spec.file ?? ""));
}

/** Reads the whole dataset (persons must be gathered before anything is judged): CSV or JSON Lines. */
export async function readRows(
  spec: DatasetSpec,
  io: Io,
): Promise<{ name: string; rows: Record<string, unknown>[]; columns: string[] }> {
  const input = await openInput(spec.file, io);
  let text: string;
  try {
    text = await streamText(input.stream);
  } catch (error) {
    throw new CliError(`cannot read ${input.name}: ${reason(error)}`);
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (isJsonl(spec)) {
    if (spec.skipRows !== null)
      throw new CliError("--skip-rows applies to CSV input only: JSON Lines have no header rows", true);
    const rows: Record<string, unknown>[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === "") return;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (error) {
        throw new CliError(`malformed JSON Lines in ${input.name} at line ${String(i + 1)}: ${reason(error)}`);
      }
      if (typeof v !== "object" || v === null || Array.isArray(v))
        throw new CliError(
          `malformed JSON Lines in ${input.name} at line ${String(i + 1)}: each line must be a JSON object`,
        );
      rows.push(v as Record<string, unknown>);
    });
    return { name: input.name, rows, columns: [...new Set(rows.flatMap((r) => Object.keys(r)))] };
  }
  // As score reads a CSV: the delimiter the header line has, unless given (or the file is .tsv).
  const tsv = /\.tsv$/i.test(spec.file ?? "");
  const shape = headerShape(Buffer.from(text.slice(0, 65_536), "latin1"), input.name);
  if (spec.delimiter === undefined && !tsv && shape.ambiguous !== null) throw new CliError(shape.ambiguous, true);
  const delimiter = spec.delimiter ?? (tsv ? "\t" : (shape.delimiter ?? ","));
  let cells: string[][];
  try {
    cells = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    });
  } catch (error) {
    throw new CliError(`malformed CSV in ${input.name}: ${reason(error)}`);
  }
  const [header, ...body] = cells;
  if (header === undefined) throw new CliError(`${input.name} is empty: expected a header row naming the columns`);
  const twice = header.filter((h, i) => header.indexOf(h) !== i);
  if (twice.length > 0)
    throw new CliError(
      `${input.name}: the column${twice.length === 1 ? "" : "s"} ${[...new Set(twice)].join(", ")} appear${twice.length === 1 ? "s" : ""} twice in the header: which is meant cannot be told`,
    );
  // Question-text rows (Qualtrics) hold no answers: they are not a person's time point.
  const rows = body.slice(spec.skipRows ?? 0).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
  return { name: input.name, rows, columns: header };
}

function cellText(v: ProgressCell): string {
  return v === null ? "" : String(v);
}

const pct = (r: Rate): string =>
  `${String(r.numerator)}/${String(r.denominator)}${r.rate === null ? "" : ` (${(r.rate * 100).toFixed(1)} %)`}`;
const num = (x: number): string => x.toFixed(2);

function line(s: InstrumentOutcomeSummary, title: string): string[] {
  const out = [
    `  ${title} at ${s.timePoint}: ${String(s.paired)} paired of ${String(s.withBaseline)} with a baseline (${String(s.notScored)} not scored, ${String(s.missing)} not assessed)`,
  ];
  if (s.change !== null) {
    const spread =
      s.change.sd === null || s.change.ci95 === null
        ? "SD and CI need 2 pairs"
        : `SD ${num(s.change.sd)}, 95 % CI ${num(s.change.ci95.lower)} to ${num(s.change.ci95.upper)}`;
    out.push(`      mean change ${num(s.change.mean)} (${spread})`);
  }
  if (s.reliableChange.available)
    out.push(
      `      reliable improvement ${pct(s.reliableChange.improved)} · no reliable change ${pct(s.reliableChange.unchanged)} · reliable deterioration ${pct(s.reliableChange.deteriorated)}`,
    );
  const outcomes: string[] = [];
  for (const [name, o] of [
    ["response", s.response],
    ["remission", s.remission],
  ] as const) {
    if (o.available) outcomes.push(`${name} ${pct(o.rate)}${o.population === null ? "" : ` (${o.population})`}`);
  }
  if (outcomes.length > 0) out.push(`      ${outcomes.join(" · ")}`);
  if (s.jacobsonTruax.available) {
    const c = s.jacobsonTruax.counts;
    out.push(
      `      Jacobson–Truax (recovered: follow-up ${s.jacobsonTruax.cutoff.op} ${String(s.jacobsonTruax.cutoff.value)}): recovered ${String(c.recovered)}, improved ${String(c.improved)}, unchanged ${String(c.unchanged)}, deteriorated ${String(c.deteriorated)}`,
    );
  }
  return out;
}

function renderOutcomes(
  summary: OutcomeSummary,
  titles: ReadonlyMap<string, string>,
  from: string,
  to: string,
  rows: number,
): string {
  const lines: string[] = [];
  const ids = (list: readonly string[]): string =>
    list.length === 0
      ? ""
      : `: ${list.slice(0, 10).join(", ")}${list.length > 10 ? `, … ${String(list.length - 10)} more` : ""}`;
  lines.push(
    `stepscore: ${String(summary.persons)} persons read from ${from}, ${String(rows)} rows written to ${to}`,
    `  ${String(summary.withFollowUp)} with a follow-up · ${String(summary.withoutFollowUp.count)} without one (counted, not dropped)${ids(summary.withoutFollowUp.ids)}`,
  );
  for (const s of summary.instruments) lines.push(...line(s, titles.get(s.instrument) ?? s.instrument));
  for (const g of summary.groups) {
    lines.push(
      `group ${g.group}: ${String(g.persons)} persons, ${String(g.withoutFollowUp.count)} without a follow-up`,
    );
    for (const s of g.instruments) lines.push(...line(s, titles.get(s.instrument) ?? s.instrument));
  }
  return `${lines.join("\n")}\n`;
}

/** Runs `stepscore progress` and returns its exit code. */
export async function runProgress(spec: ProgressSpec, io: Io): Promise<number> {
  const ids = instrumentIds(spec.batch);
  const options: ProgressRowsOptions = {
    ...historyOptions(spec, "progress"),
    ...(spec.pathway === undefined ? {} : { pathway: spec.pathway }),
    cutoffs: cutoffsOf(spec.cutoffs, ids),
    latest: spec.latest,
  };
  const jsonl = isJsonl(spec);
  if (jsonl && spec.escapeFormulas)
    throw new CliError(
      "--escape-formulas applies to CSV output only: JSON Lines values are typed, not spreadsheet cells",
      true,
    );
  const { name, rows, columns } = await readRows(spec, io);
  let result: ReturnType<typeof progressRows>;
  try {
    result = progressRows(rows, { ...options, columns });
  } catch (error) {
    throw datasetError(name, error);
  }
  const output = await openOutput(spec.out, io);
  const body = jsonl
    ? result.rows.map((r) => `${JSON.stringify(r)}\n`).join("")
    : stringify(
        [
          result.columns,
          ...result.rows.map((r) =>
            result.columns.map((c) => {
              const t = cellText(r[c] ?? null);
              return spec.escapeFormulas ? escapeFormula(t) : t;
            }),
          ),
        ],
        { delimiter: spec.delimiter ?? "," },
      );
  await writeAll(output, body);
  if (spec.summary !== undefined) {
    const file = await openOutput(spec.summary, io);
    await writeAll(file, `${JSON.stringify(result.summary, null, 2)}\n`);
  }
  if (!spec.quiet) {
    const titles = new Map<string, string>();
    const defs = result.summary.instruments.map((s) => s.instrument);
    for (const id of defs) titles.set(id, titleOf(id));
    io.stderr.write(renderOutcomes(result.summary, titles, name, output.name, result.rows.length));
    if (!result.actions && result.timePoints.length > 0 && spec.order !== undefined && !/=/.test(spec.order))
      say(io, "  no action columns: the time points have no weeks (give them as --order baseline=0,6w=6,3m=13)");
    if (result.errors.length > 0) {
      say(
        io,
        `  ${String(result.errors.length)} invalid cell${result.errors.length === 1 ? "" : "s"} (the instrument is not scored at that time point):`,
      );
      for (const e of result.errors.slice(0, 10)) say(io, `    ${e.message}`);
    }
  }
  return result.errors.length > 0 ? EXIT.rowErrors : EXIT.ok;
}

function titleOf(id: string): string {
  return getInstrument(id)?.shortTitle ?? id;
}

/** Writes the text and commits the output (a temporary file renamed into place), or removes it on failure. */
export async function writeAll(output: Awaited<ReturnType<typeof openOutput>>, text: string): Promise<void> {
  try {
    await new Promise<void>((done, fail) => {
      output.stream.write(text, (error) => {
        if (error) fail(error);
        else done();
      });
    });
    if (output.end) await new Promise<void>((done) => output.stream.end(done));
    await output.commit();
  } catch (error) {
    await output.abort();
    throw new CliError(`cannot write ${output.name}: ${reason(error)}`);
  }
}
