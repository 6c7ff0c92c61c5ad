/**
 * `toSql`: instruments compiled to one SQL SELECT that scores every row of a table where the data live, with
 * the columns `stepscore score` writes and the same results as `score()`.
 *
 * @module
 */
import { bindColumns, prepare, type Prepared } from "../batch/columns.js";
import type { BatchInstrument } from "../batch/types.js";
import { planFor } from "../compile.js";
import type { InstrumentId } from "../registry.js";
import type { InstrumentDefinition } from "../types.js";
import { DIALECTS, type SqlDialect } from "./dialects.js";
import { ident, instrumentSql, notCompilable } from "./instrument.js";

export type { SqlDialect } from "./dialects.js";

/** The alias of the input table in the generated SQL. */
const SOURCE = "stepscore_in";

/**
 * Options for {@link toSql}.
 *
 * @category SQL
 */
export interface ToSqlOptions {
  /** The engine the SQL is for: `"duckdb"`, `"postgres"` or `"sqlite"`. */
  readonly dialect: SqlDialect;
  /**
   * The table (or view, or any table expression such as DuckDB's `read_csv('intake.csv')`) holding one row per
   * respondent. Written into the SQL as given: quote a name that needs it.
   */
  readonly table: string;
  /**
   * Where each instrument's items are, by instrument id, as the CLI's `--map` takes it: a pattern in which
   * `{item}` stands for the item id (`"PHQ_Q{item}"`), or item id → column name. The default is
   * `<id>_<item>` (`phq9_1`). A {@link BatchInstrument} entry's own `columns` take precedence.
   */
  readonly columns?: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  /** Cell texts (trimmed) that mean "not answered" besides an empty cell, e.g. `["NA", "-99"]`. */
  readonly missingCodes?: readonly string[];
  /** When given, the SQL is `CREATE VIEW <view> AS SELECT …`. */
  readonly view?: string;
}

/**
 * Thrown by {@link toSql} when the SQL cannot be written: an unknown instrument or dialect, a bad column
 * mapping or option, or an instrument whose scoring its data alone do not say (the PSQI's own scorer).
 *
 * @category SQL
 */
export class SqlError extends Error {
  /** Every problem, one sentence each. */
  readonly problems: readonly string[];

  /** @param problems - one sentence per problem */
  constructor(problems: readonly string[]) {
    super(problems.join("; "));
    this.name = "SqlError";
    this.problems = problems;
  }
}

/**
 * The columns `stepscore score` writes for an instrument, in its order (src/cli/columns.ts `fieldsFor`, which
 * the library may not import; test/sql holds the two lists equal for every bundled instrument).
 */
function columnNames(def: InstrumentDefinition): string[] {
  const s = def.score;
  return [
    ...(s === null ? [] : ["score", ...(s.bands === undefined ? [] : ["band"])]),
    ...(def.subscales ?? []).map((x) => x.id),
    ...(s === null ? [] : ["method"]),
    "missing",
    "flags",
    "error",
  ].map((suffix) => `${def.id}_${suffix}`);
}

function idOf(entry: InstrumentId | InstrumentDefinition | BatchInstrument): string {
  if (typeof entry === "string") return entry;
  if ("instrument" in entry) return typeof entry.instrument === "string" ? entry.instrument : entry.instrument.id;
  return entry.id;
}

/**
 * Compiles instruments to one SQL SELECT over `options.table` that returns every input column and then, per
 * instrument, the columns `stepscore score` writes, with the same names and meanings: `<id>_score`,
 * `<id>_band`, one column per subscale, `<id>_method`, `<id>_missing` and `<id>_flags` (item and flag ids
 * joined with ";"), `<id>_error`. Cells are read as the CLI reads them: a number, or text that is a decimal
 * numeral (`"2"`, `" 2 "`, `"2.0"`, `"1e0"`); an empty cell or a missing code is not answered (never 0); any
 * other value, or a number the item does not allow, gives a null score and an `<id>_error` naming the
 * column. Everything the definition says is compiled: allowed values, option scores, reverse keying, the
 * missing-data rule (or the one `options.missing` of a {@link BatchInstrument} entry chooses), sums, means and
 * percentages in the engine's arithmetic order, bands and flags.
 *
 * @param instruments - ids, definitions or {@link BatchInstrument} entries (with their columns and options)
 * @param options - the dialect, the table, column mapping, missing codes, a view name
 * @returns the SQL text
 * @throws {@link SqlError} for an unknown instrument or dialect, a bad mapping or option, or an instrument
 *   that cannot be compiled (the PSQI: its components are computed by its own scorer, from clock times)
 * @example
 * ```ts
 * import { toSql } from "stepscore";
 * const sql = toSql(["phq9", "gad7"], { dialect: "duckdb", table: "intake", columns: { phq9: "PHQ_Q{item}" } });
 * // SELECT stepscore_in.*, … AS "phq9_score", … FROM intake AS stepscore_in
 * ```
 * @see docs/sql.md
 * @category SQL
 */
export function toSql(
  instruments: readonly (InstrumentId | InstrumentDefinition | BatchInstrument)[],
  options: ToSqlOptions,
): string {
  const problems: string[] = [];
  const dialect = Object.hasOwn(DIALECTS, options.dialect) ? DIALECTS[options.dialect] : null;
  if (dialect === null)
    problems.push(`unknown SQL dialect "${options.dialect as string}" (dialects: ${Object.keys(DIALECTS).join(", ")})`);
  if (instruments.length === 0) problems.push("no instruments given");
  const prepared: Prepared[] = [];
  const seen = new Set<string>();
  for (const entry of instruments) {
    const mapped = options.columns?.[idOf(entry)];
    const spec: InstrumentId | InstrumentDefinition | BatchInstrument =
      mapped === undefined
        ? entry
        : typeof entry === "object" && "instrument" in entry
          ? { columns: mapped, ...entry }
          : { instrument: entry, columns: mapped };
    const p = prepare(spec, null, problems);
    if (p === null) continue;
    if (seen.has(p.def.id)) problems.push(`${p.def.id} is listed twice`);
    seen.add(p.def.id);
    const why = notCompilable(planFor(p.def));
    if (why !== null) problems.push(why);
    prepared.push(p);
  }
  bindColumns(prepared, true, problems);
  if (problems.length > 0 || dialect === null) throw new SqlError(problems);
  const select: string[] = [`${SOURCE}.*`];
  const fields = prepared.flatMap((p) => columnNames(p.def));
  const exprs = new Map<string, string>();
  for (const p of prepared) {
    for (const [name, sql] of instrumentSql(p, {
      dialect,
      source: SOURCE,
      missingCodes: (options.missingCodes ?? []).map((c) => c.trim()),
    }))
      exprs.set(name, sql);
  }
  for (const name of fields) {
    const sql = exprs.get(name);
    if (sql === undefined) throw new SqlError([`no SQL for the column ${name}`]);
    select.push(`${sql} AS ${ident(name)}`);
  }
  const query = `SELECT\n  ${select.join(",\n  ")}\nFROM ${options.table} AS ${SOURCE}`;
  return options.view === undefined ? query : `CREATE VIEW ${ident(options.view)} AS\n${query}`;
}
