// `stepscore sql`: prints the SQL that scores a table where the data live (toSql), with the same column
// mapping and scoring options as `stepscore score`.
import { parseArgs } from "node:util";
import { SqlError, toSql, type SqlDialect } from "../index.js";
import { CliError, EXIT, type Io } from "./io.js";
import { batchOptions, instrumentList, readMap } from "./options.js";

/** The --help text of `stepscore sql`. */
export const SQL_HELP = `Usage: stepscore sql <ids> [--dialect D] [--table T] [--map FILE] [--view NAME] [options]

Prints one SQL SELECT that scores every row of a table inside a database: every input column, then the
columns stepscore score writes (<id>_score, <id>_band, subscales, <id>_method, <id>_missing, <id>_flags,
<id>_error), with the same results as score(). Cells are read as stepscore score reads them; a cell that is
not an allowed value gives a null score and <id>_error naming the column. The PSQI cannot be compiled
(its own scorer computes its components from clock times): score it with stepscore score.

Options:
      --dialect D             duckdb (default), postgres or sqlite
      --table T               the table to read (default "answers"), written into the SQL as given
      --view NAME             print CREATE VIEW NAME AS SELECT …
      --map FILE              column names, as for stepscore score: {"phq9": "PHQ_Q{item}"}
      --coerce ID=offset:N    add N to every choice answer of instrument ID (as for stepscore score)
      --na TEXT               also read TEXT as a missing answer (repeatable)
      --missing-rule ID=RULE  an alternative published missing-data rule: --missing-rule phq9=cms-mds
      --flag ID=FLAG          raise an opt-in flag: --flag phq2=sensitive-cutoff
  -h, --help                  this help

Examples:
  stepscore sql phq9,gad7 --dialect postgres --table intake --view intake_scored > scored.sql
  stepscore sql odi --dialect sqlite --map columns.json
`;

const DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "sqlite"];

/** Runs `stepscore sql` and returns its exit code. */
export async function sql(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        dialect: { type: "string" },
        table: { type: "string" },
        view: { type: "string" },
        map: { type: "string" },
        coerce: { type: "string", multiple: true },
        na: { type: "string", multiple: true },
        "missing-rule": { type: "string", multiple: true },
        flag: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    throw new CliError(`sql: ${error instanceof Error ? error.message.replaceAll("\n", " ") : String(error)}`, true);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(SQL_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new CliError("sql: name the instruments; usage: stepscore sql <ids> [--dialect D] [--table T]", true);
  const given = values.dialect ?? "duckdb";
  const dialect = DIALECTS.find((d) => d === given);
  if (dialect === undefined)
    throw new CliError(`--dialect must be one of ${DIALECTS.join(", ")}, not "${given}"`, true);
  const ids = instrumentList(positionals[0] ?? "");
  const map = values.map === undefined ? {} : await readMap(values.map, io);
  const options = batchOptions(ids, values, map);
  try {
    const text = toSql(options.instruments, {
      dialect,
      table: values.table ?? "answers",
      ...(options.missingCodes === undefined ? {} : { missingCodes: options.missingCodes }),
      ...(values.view === undefined ? {} : { view: values.view }),
    });
    io.stdout.write(`${text};\n`);
  } catch (error) {
    if (error instanceof SqlError) throw new CliError(`sql: ${error.problems.join("\n  ")}`);
    throw error;
  }
  return EXIT.ok;
}
