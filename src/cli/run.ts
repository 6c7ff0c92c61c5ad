// Dispatches a command line to its command and turns every failure into a message and an exit code.
import { parseArgs, type ParseArgsConfig } from "node:util";
import pkg from "../../package.json" with { type: "json" };
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  createBatchScorer,
  defaultPathway,
  getInstrument,
  validatePathway,
  type InstrumentDefinition,
  type InstrumentId,
  type Pathway,
} from "../index.js";
import { looseName } from "../batch/columns.js";
import { describeText, listText, templateColumns } from "./catalogue.js";
import { STEP_COLUMNS, stepValues } from "./columns.js";
import { HELP } from "./help.js";
import { CliError, EXIT, type Io } from "./io.js";
import { batchOptions, instrumentList, outputFlags, readMap, type ColumnMap } from "./options.js";
import { runReport } from "./cohort-report.js";
import { runProgress, type DatasetSpec } from "./progress.js";
import { affixed, checkOptions, runScoring, scoreColumns, type Format } from "./score.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const HELP_OPTION: Options = { help: { type: "boolean", short: "h" } };

const SCORE: Options = { prefix: { type: "string" }, suffix: { type: "string" } };

const SCORING: Options = {
  ...HELP_OPTION,
  out: { type: "string", short: "o" },
  map: { type: "string" },
  coerce: { type: "string", multiple: true },
  na: { type: "string", multiple: true },
  "missing-rule": { type: "string", multiple: true },
  flag: { type: "string", multiple: true },
  setting: { type: "string", multiple: true },
  "allow-missing-columns": { type: "boolean" },
  from: { type: "string" },
  delimiter: { type: "string" },
  "replace-columns": { type: "boolean" },
  "escape-formulas": { type: "boolean" },
  "decimal-comma": { type: "boolean" },
  labels: { type: "boolean" },
  "skip-rows": { type: "string" },
  digits: { type: "string" },
  "band-labels": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
};

function parse(
  command: string,
  args: readonly string[],
  options: Options,
): ReturnType<typeof parseArgs<{ options: Options; allowPositionals: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(
      `${command}: ${error instanceof Error ? error.message.replaceAll("\n", " ") : String(error)}`,
      true,
    );
  }
}

function definitions(ids: readonly string[], command: string): InstrumentDefinition[] {
  if (ids.length === 0)
    throw new CliError(
      `${command}: name at least one instrument, e.g. phq9 or phq9,gad7 (stepscore list shows them)`,
      true,
    );
  const unknown = ids.filter((id) => getInstrument(id) === undefined);
  // The batch check words it best (with a "did you mean" for a near miss).
  if (unknown.length > 0) checkOptions({ instruments: unknown as InstrumentId[] });
  return ids.map((id) => getInstrument(id) as InstrumentDefinition);
}

function delimiterOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const d = value === "\\t" || value === "tab" ? "\t" : value;
  // One byte: rows are split as bytes, whatever the file's encoding.
  if (d.length !== 1 || d.charCodeAt(0) > 127)
    throw new CliError(`--delimiter must be one ASCII character (or "tab"), not "${d}"`, true);
  return d;
}

function formatOf(value: unknown): Format | undefined {
  if (typeof value !== "string") return undefined;
  if (value === "csv" || value === "jsonl") return value;
  throw new CliError(`--from must be csv or jsonl, not "${value}"`, true);
}

function positionals(command: string, list: readonly string[], min: number, max: number, usage: string): void {
  if (list.length < min) throw new CliError(`${command}: missing argument; usage: ${usage}`, true);
  if (list.length > max)
    throw new CliError(`${command}: unexpected argument "${list[max] ?? ""}"; usage: ${usage}`, true);
}

async function score(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: pos } = parse("score", args, { ...SCORING, ...SCORE });
  if (values.help === true) return help("score", io);
  positionals("score", pos, 1, 2, "stepscore score <ids> [file|-] [options]");
  const ids = instrumentList(pos[0] ?? "");
  definitions(ids, "score");
  const options = batchOptions(ids, values, await mapOf(values.map, io));
  return runScoring(
    {
      options,
      file: pos[1],
      out: values.out as string | undefined,
      format: formatOf(values.from),
      delimiter: delimiterOf(values.delimiter),
      quiet: values.quiet === true,
      replaceColumns: values["replace-columns"] === true,
      escapeFormulas: values["escape-formulas"] === true,
      output: outputFlags(values),
      appended: (defs, output) =>
        affixed(scoreColumns(defs, output), values.prefix as string | undefined, values.suffix as string | undefined),
    },
    io,
  );
}

const PROGRESS: Options = {
  ...SCORING,
  id: { type: "string" },
  at: { type: "string" },
  order: { type: "string" },
  wide: { type: "string" },
  "wide-pattern": { type: "string" },
  group: { type: "string" },
  latest: { type: "boolean" },
  summary: { type: "string" },
  pathway: { type: "string" },
  cutoff: { type: "string", multiple: true },
};

/** Refuses the scoring options a dataset command (progress, report) would otherwise accept and ignore. */
function refuseForDatasets(command: string, values: Record<string, unknown>, refused: readonly string[]): void {
  const why: Record<string, string> = {
    "replace-columns": `${command} does not write the input's rows: --replace-columns does not apply`,
    digits: `--digits rounds the score columns of score and stratify; ${command} does not write them rounded (its change, reliable-change and summary figures are computed from the unrounded scores)`,
    "band-labels": `--band-labels adds <id>_band_label to score and stratify; ${command} writes no band columns`,
    "escape-formulas": `--escape-formulas applies to CSV output; ${command} writes HTML, in which every value is escaped`,
  };
  for (const name of refused)
    if (values[name] !== undefined) throw new CliError(why[name] ?? `${command}: --${name} does not apply`, true);
}

/** The reading options progress and report share, from their parsed command line. */
async function datasetSpec(
  values: Record<string, unknown>,
  ids: readonly string[],
  file: string | undefined,
  io: Io,
): Promise<DatasetSpec> {
  const str = (k: string): string | undefined => (typeof values[k] === "string" ? values[k] : undefined);
  return {
    batch: batchOptions(ids, values, await mapOf(values.map, io)),
    file,
    format: formatOf(values.from),
    delimiter: delimiterOf(values.delimiter),
    skipRows: outputFlags(values).skipRows,
    id: str("id"),
    at: str("at"),
    order: str("order"),
    wide: str("wide"),
    widePattern: str("wide-pattern"),
    group: str("group"),
  };
}

async function progressCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: pos } = parse("progress", args, PROGRESS);
  if (values.help === true) return help("progress", io);
  positionals(
    "progress",
    pos,
    1,
    2,
    "stepscore progress <ids> [file|-] --id COLUMN (--at COLUMN | --wide T0,T1,…) [options]",
  );
  refuseForDatasets("progress", values, ["replace-columns", "digits", "band-labels"]);
  const ids = instrumentList(pos[0] ?? "");
  definitions(ids, "progress");
  const str = (k: string): string | undefined => (typeof values[k] === "string" ? values[k] : undefined);
  return runProgress(
    {
      ...(await datasetSpec(values, ids, pos[1], io)),
      out: str("out"),
      summary: str("summary"),
      latest: values.latest === true,
      pathway: typeof values.pathway === "string" ? await readPathway(values.pathway, io) : undefined,
      cutoffs: (values.cutoff as string[] | undefined) ?? [],
      quiet: values.quiet === true,
      escapeFormulas: values["escape-formulas"] === true,
    },
    io,
  );
}

const REPORT: Options = {
  ...SCORING,
  id: { type: "string" },
  at: { type: "string" },
  order: { type: "string" },
  wide: { type: "string" },
  "wide-pattern": { type: "string" },
  group: { type: "string" },
  cutoff: { type: "string", multiple: true },
  people: { type: "string" },
  title: { type: "string" },
};

async function reportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: pos } = parse("report", args, REPORT);
  if (values.help === true) return help("report", io);
  positionals(
    "report",
    pos,
    1,
    2,
    "stepscore report <ids> [file|-] --id COLUMN (--at COLUMN | --wide T0,T1,… --at DATE_{time}) -o report.html",
  );
  refuseForDatasets("report", values, ["replace-columns", "digits", "band-labels", "escape-formulas"]);
  const ids = instrumentList(pos[0] ?? "");
  definitions(ids, "report");
  return runReport(
    {
      ...(await datasetSpec(values, ids, pos[1], io)),
      out: typeof values.out === "string" ? values.out : undefined,
      cutoffs: (values.cutoff as string[] | undefined) ?? [],
      people: typeof values.people === "string" ? values.people : undefined,
      title: typeof values.title === "string" ? values.title : undefined,
      quiet: values.quiet === true,
    },
    io,
  );
}

const STRATIFY: Options = { ...SCORING, instruments: { type: "string" }, pathway: { type: "string" } };

/** The scoring commands' options as parseArgs reads them: docs/cli.md is generated from them and the help. */
export const OPTION_TABLES: Readonly<Record<string, Options>> = {
  score: { ...SCORING, ...SCORE },
  stratify: STRATIFY,
  progress: PROGRESS,
  report: REPORT,
};

/** Reads a pathway file and checks it, naming every problem. */
async function readPathway(path: string, io: Io): Promise<Pathway> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(resolve(io.cwd, path), "utf8"));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      `cannot read the pathway ${path}: ${code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error)}`,
    );
  }
  const issues = validatePathway(data);
  if (issues.length > 0) {
    throw new CliError(
      `the pathway ${path} is not valid:\n${issues.map((i) => `  ${i.path}${i.rule === null ? "" : ` (rule "${i.rule}")`}: ${i.message}`).join("\n")}`,
    );
  }
  return data as Pathway;
}

/** The pathway's bundled instruments, in its order, each with the columns its items are read from. */
function pathwayColumns(
  pathway: Pathway,
  map: ColumnMap,
): { readonly id: string; readonly columns: readonly string[] }[] {
  const ids = [...new Set(pathway.domains.flatMap((d) => d.instruments))].filter(
    (id) => getInstrument(id) !== undefined,
  );
  return ids.map((id) => ({
    id,
    columns: createBatchScorer({
      instruments: [{ instrument: id as InstrumentId, ...(map[id] === undefined ? {} : { columns: map[id] }) }],
    }).columns.map((b) => b.column),
  }));
}

/** The pathway's instruments that have at least one column in the file, in the pathway's order. */
function detect(candidates: ReturnType<typeof pathwayColumns>, columns: readonly string[]): string[] {
  // As the columns are bound: case and separators do not matter (PHQ9_1 is phq9_1).
  const present = new Set(columns.map(looseName));
  const found = candidates.filter((c) => c.columns.some((column) => present.has(looseName(column)))).map((c) => c.id);
  if (found.length === 0) {
    throw new CliError(
      `found no columns of the pathway's instruments (${candidates.map((c) => c.id).join(", ")}): expected names such as phq9_1 or gad7_1; name the instruments with --instruments, or map other column names with --map`,
    );
  }
  return found;
}

async function stratifyCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: pos } = parse("stratify", args, STRATIFY);
  if (values.help === true) return help("stratify", io);
  positionals("stratify", pos, 0, 1, "stratify [file|-] [options]");
  const map = await mapOf(values.map, io);
  const pathway: Pathway = typeof values.pathway === "string" ? await readPathway(values.pathway, io) : defaultPathway;
  const chosen = typeof values.instruments === "string" ? instrumentList(values.instruments) : null;
  if (chosen !== null) definitions(chosen, "stratify");
  const optionsFor = (ids: readonly string[]): ReturnType<typeof batchOptions> => ({
    ...batchOptions(ids, values, map),
    stratify: { pathway },
  });
  const candidates = chosen === null ? pathwayColumns(pathway, map) : [];
  return runScoring(
    {
      options: chosen === null ? (columns) => optionsFor(detect(candidates, columns)) : optionsFor(chosen),
      watch: candidates.flatMap((c) => c.columns),
      file: pos[0],
      out: values.out as string | undefined,
      format: formatOf(values.from),
      delimiter: delimiterOf(values.delimiter),
      quiet: values.quiet === true,
      replaceColumns: values["replace-columns"] === true,
      escapeFormulas: values["escape-formulas"] === true,
      output: outputFlags(values),
      appended: (defs, output) => {
        const scores = scoreColumns(defs, output);
        return {
          names: [...scores.names, ...STEP_COLUMNS],
          values: (out) => [...scores.values(out), ...stepValues(out.stratification)],
        };
      },
      steps: Object.fromEntries(pathway.steps.map((s) => [String(s.step), s.label])),
    },
    io,
  );
}

async function mapOf(value: unknown, io: Io): Promise<ColumnMap> {
  return typeof value === "string" ? readMap(value, io) : {};
}

async function describe(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: pos } = parse("describe", args, { ...HELP_OPTION, map: { type: "string" } });
  if (values.help === true) return help("describe", io);
  positionals("describe", pos, 1, 1, "stepscore describe <id>");
  const [def] = definitions(instrumentList(pos[0] ?? ""), "describe");
  if (def === undefined) return EXIT.failure;
  io.stdout.write(describeText(def, await mapOf(values.map, io)));
  return EXIT.ok;
}

async function template(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals: pos } = parse("template", args, {
    ...HELP_OPTION,
    map: { type: "string" },
    delimiter: { type: "string" },
  });
  if (values.help === true) return help("template", io);
  positionals("template", pos, 1, 1, "stepscore template <ids>");
  const defs = definitions(instrumentList(pos[0] ?? ""), "template");
  const { stringify } = await import("csv-stringify/sync");
  io.stdout.write(
    stringify([templateColumns(defs, await mapOf(values.map, io))], {
      delimiter: delimiterOf(values.delimiter) ?? ",",
    }),
  );
  return EXIT.ok;
}

function list(args: readonly string[], io: Io): number {
  const { values, positionals: pos } = parse("list", args, HELP_OPTION);
  if (values.help === true) return help("list", io);
  positionals("list", pos, 0, 0, "stepscore list");
  io.stdout.write(listText());
  return EXIT.ok;
}

function help(command: string, io: Io): number {
  const text = HELP[command];
  if (text === undefined)
    throw new CliError(
      `no such command "${command}"; commands: ${Object.keys(HELP)
        .filter((k) => k !== "")
        .join(", ")}`,
      true,
    );
  io.stdout.write(text);
  return EXIT.ok;
}

/**
 * Runs a command line (without the node and script arguments) and returns the exit code. Never throws:
 * every failure is a message on stderr and exit code 2.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
        return help("", io);
      case "help":
        return help(rest[0] ?? "", io);
      case "-v":
      case "--version":
        io.stdout.write(`${pkg.version}\n`);
        return EXIT.ok;
      case "score":
        return await score(rest, io);
      case "stratify":
        return await stratifyCommand(rest, io);
      case "progress":
        return await progressCommand(rest, io);
      case "report":
        return await reportCommand(rest, io);
      case "list":
        return list(rest, io);
      case "describe":
        return await describe(rest, io);
      case "template":
        return await template(rest, io);
      default:
        throw new CliError(
          `no such command "${command}"; commands: ${Object.keys(HELP)
            .filter((k) => k !== "")
            .join(", ")}`,
          true,
        );
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(
        `stepscore: ${error.message}\n${error.usage ? `Run "stepscore ${command !== undefined && command in HELP ? `${command} ` : ""}--help" for usage.\n` : ""}`,
      );
      return EXIT.failure;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`stepscore: unexpected error (please report it): ${text}\n`);
    return EXIT.failure;
  }
}
