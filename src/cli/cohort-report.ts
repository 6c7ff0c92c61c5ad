// `stepscore report`: a dataset of repeated assessments in, one self-contained HTML report out. The file is
// read exactly as `stepscore progress` reads it (its reading options, readRows, historiesFromRows); the report
// and its charting libraries are imported only here, when the command runs.
import { historiesFromRows, type Histories } from "../index.js";
import { CliError, EXIT, openOutput, say, type Io } from "./io.js";
import { datasetError, historyOptions, instrumentIds, readRows, writeAll, type DatasetSpec } from "./progress.js";

/** What `stepscore report` was asked, parsed from the command line. */
export interface ReportSpec extends DatasetSpec {
  readonly out: string | undefined;
  /** `--cutoff phq9=4`, repeatable. */
  readonly cutoffs: readonly string[];
  /** `--people 10` or `--people S001,S004`. */
  readonly people: string | undefined;
  readonly title: string | undefined;
  readonly quiet: boolean;
}

/** Parses `phq9=4` into the report's recovery cut-off score by instrument. */
function reportCutoffs(values: readonly string[], ids: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^([a-z0-9-]+)=(.*)$/i.exec(v.replaceAll(" ", ""));
    const id = m?.[1]?.toLowerCase() ?? "";
    const score = m?.[2] ?? "";
    if (m === null || !/^-?\d+(?:\.\d+)?$/.test(score))
      throw new CliError(
        `--cutoff expects <instrument>=<score>, e.g. --cutoff phq9=4 (a reliable improvement ending at or past the score, at or below it where higher is worse, counts as recovered); got "${v}"`,
        true,
      );
    if (!ids.includes(id))
      throw new CliError(`--cutoff ${v}: ${id} is not among the instruments (${ids.join(", ")})`, true);
    out[id] = Number(score);
  }
  return out;
}

/** Parses `--people 10` (the first ten) or `--people S001,S004` (those ids, each of whom must be in the file). */
function peopleOf(value: string | undefined, histories: Histories, name: string): number | string[] | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const ids = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (ids.length === 0)
    throw new CliError(
      `--people expects a number of people or a list of ids, e.g. --people 10 or --people S001,S004`,
      true,
    );
  const known = new Set(histories.persons.map((p) => p.id));
  const absent = ids.filter((id) => !known.has(id));
  if (absent.length > 0)
    throw new CliError(`--people ${value}: ${absent.map((id) => `"${id}"`).join(", ")} not in ${name}`, true);
  return ids;
}

/** Runs `stepscore report` and returns its exit code. */
export async function runReport(spec: ReportSpec, io: Io): Promise<number> {
  const options = historyOptions(spec, "report");
  const ids = instrumentIds(spec.batch);
  const cutoffs = reportCutoffs(spec.cutoffs, ids);
  const { name, rows, columns } = await readRows(spec, io);
  let histories: Histories;
  try {
    histories = historiesFromRows(rows, { ...options, columns });
  } catch (error) {
    throw datasetError(name, error);
  }
  // The report places every result on its date and shows the dates: labels would need invented ones.
  if (histories.nominalDates)
    throw new CliError(
      "report: the report places each result on its date, and labelled time points (--order, or --wide without --at) have none: name the date column, --at date for a long file or --at date_{time} with --wide",
      true,
    );
  const people = peopleOf(spec.people, histories, name);
  // Imported here only: the report and Vega are loaded by this command, never by the others.
  const { renderReport } = await import("../report/index.js");
  const { MISSING_CHARTING } = await import("../report/render.js");
  let html: string;
  try {
    html = await renderReport(histories.persons, {
      ...(spec.title === undefined ? {} : { title: spec.title }),
      cutoffs,
      ...(people === undefined ? {} : { people }),
    });
  } catch (error) {
    if (error instanceof Error && error.message === MISSING_CHARTING) throw new CliError(`report: ${MISSING_CHARTING}`);
    throw error;
  }
  const output = await openOutput(spec.out, io);
  await writeAll(output, html);
  if (!spec.quiet) {
    say(
      io,
      `stepscore: ${String(histories.persons.length)} persons read from ${name}, report written to ${output.name}`,
    );
    if (histories.errors.length > 0) {
      say(
        io,
        `  ${String(histories.errors.length)} invalid cell${histories.errors.length === 1 ? "" : "s"} (the instrument is not scored at that time point):`,
      );
      for (const e of histories.errors.slice(0, 10)) say(io, `    ${e.message}`);
    }
  }
  return histories.errors.length > 0 ? EXIT.rowErrors : EXIT.ok;
}
