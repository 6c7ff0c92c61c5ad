// The --help texts: every command, its options and examples.
import { SQL_HELP } from "./sql.js";

const EXIT_CODES = `Exit codes:
  0  every row was read, scored and written (missing answers are not errors)
  1  every row was written, but some had invalid cells (named in the <id>_error columns)
  2  nothing or not everything was written: a usage error; a file that cannot be read or written (no
     such file, a directory, a full disk); a required column absent (from the CSV header, or from every
     JSON line); an input column named as one stepscore writes; malformed input; a row too long to read.
     An -o file is then not put in place; stdout may hold the rows written before the stop`;

const READING = `How cells are read:
  - an empty or blank cell is a missing answer, never 0; the instrument's published missing-data rule
    decides whether a score can still be given (the <id>_method and <id>_missing columns say how)
  - "2", " 2 ", "1.5" are numbers; clock-time items (PSQI 1 and 3) must be "HH:MM"
  - anything else ("x", "1,5", "7:30", "NA" unless declared with --na) is invalid: the row is still
    written, with the column, value and what is allowed in <id>_error
  - JSON Lines: numbers pass through; null or an absent key is a missing answer (each line is read by
    its own keys); strings are read as CSV cells are; other values (true, arrays, objects) are invalid

How files are read and written:
  - rows are written back as their own bytes, whatever the file's encoding (UTF-8, Latin-1,
    Windows-1252): nothing passed through is re-encoded. Column names and answers are read as UTF-8,
    or as Latin-1 where a cell is not valid UTF-8; the new cells are UTF-8
  - CRLF, LF and a lone CR each end a row, even mixed in one file (inside a quoted cell they are text);
    output lines end with LF
  - a UTF-8 byte-order mark (CSV or JSON Lines) is read past and written back
  - JSON Lines: each line keeps its exact text (big ids, long decimals, repeated keys) and gains the new
    fields before its closing brace
  - cells beginning with = + - @ are written unchanged unless --escape-formulas is given`;

const SCORING_OPTIONS = `  -o, --out FILE              write to FILE instead of stdout: written in full under a random hidden name
                              beside it (created new, owner-only, removed if the run fails or is
                              interrupted), then renamed into place; a device or pipe is written directly
      --map FILE              JSON file mapping other column names to items:
                                {"phq9": "PHQ_Q{item}", "gad7": {"1": "anx_a", "2": "anx_b"}}
                              items not mapped keep the default name <id>_<item>
      --coerce ID=offset:N    add N to every choice answer of instrument ID before checking it, for a file
                              coded differently from the form: --coerce phq9=offset:-1 reads a PHQ-9
                              coded 1–4 as 0–3 (repeatable; ID may be a list: phq9,gad7=offset:-1).
                              Number and clock-time items are not changed. Nothing is ever shifted
                              unless declared; a file that looks coded from 1 is reported, not fixed
      --na TEXT               also read TEXT as a missing answer (repeatable): --na NA --na=-99
      --missing-rule ID=RULE  an alternative published missing-data rule: --missing-rule phq9=cms-mds
      --flag ID=FLAG          raise an opt-in flag (alternative cut-off): --flag phq2=sensitive-cutoff
      --setting ID.NAME=BOOL  a setting of a custom scorer: --setting psqi.require5j=true
      --allow-missing-columns read items whose column is absent as unanswered instead of stopping
      --from csv|jsonl        input format (default: jsonl for .jsonl/.ndjson files, else csv)
      --delimiter C           CSV delimiter, one ASCII character (default "," or a tab for .tsv files),
                              e.g. --delimiter ";"
      --replace-columns       overwrite input columns named as columns stepscore writes (phq9_score,
                              step, …), e.g. to score a scored file again; without it such a file is
                              refused (exit 2). CSV rows are then rewritten; JSON lines lose the old keys
      --escape-formulas       CSV only: prefix cells a spreadsheet would run as formulas (beginning with
                              = + - @, a tab or a carriage return), kept and new, with ' (OWASP). Plain
                              numbers such as -99 or +1.5 are left as they are
  -q, --quiet                 no summary or progress on stderr
  -h, --help                  this help`;

const MAIN = `stepscore: score validated screening questionnaires in datasets of any size

Usage:
  stepscore score <ids> [file|-] [options]      append scores to every row (CSV or JSON Lines)
  stepscore stratify [file|-] [options]         scores, plus a recommended step of care per row
  stepscore list                                the instruments
  stepscore describe <id>                       items, columns, scoring, bands, licence, sources
  stepscore template <ids>                      an empty CSV with the right headers
  stepscore sql <ids> [--dialect D] [--table T] SQL that scores a table in DuckDB, PostgreSQL or SQLite
  stepscore help <command>                      help on a command (or: stepscore <command> --help)
  stepscore --version

Examples:
  stepscore template phq9,gad7 > intake.csv
  stepscore score phq9,gad7 intake.csv -o intake-scored.csv
  cat visits.jsonl | stepscore score pcs,tsk17 --from jsonl > scored.jsonl
  stepscore stratify intake.csv -o intake-steps.csv

Every row is written, in order, including rows with invalid cells; a summary goes to stderr.

${EXIT_CODES}
`;

const SCORE = `Usage: stepscore score <ids> [file|-] [options]

Scores every row of a CSV or JSON Lines file (or stdin, when the file is - or absent) with the
instruments <ids> (comma-separated: phq9,gad7,pcs) and writes the same rows, in the same order, with
columns appended for each instrument:
  <id>_score, <id>_band       primary score and its band id (when the instrument has them)
  <id>_<subscale>             each subscale's score
  <id>_method                 complete, prorated, partial or insufficient (no score)
  <id>_missing                item ids not answered, separated by ";"
  <id>_flags                  flag ids raised, e.g. self-harm
  <id>_error                  the invalid cells, when any (the row's other <id>_ columns are then empty)
An input column with one of these names stops the run (exit 2) unless --replace-columns is given.
Items are read from the columns
<id>_<item> (phq9_1 … phq9_10, psqi_5a); stepscore describe <id> lists them.

Options:
${SCORING_OPTIONS}

${READING}

Examples:
  stepscore score phq9,gad7 cohort.csv -o cohort-scored.csv
  stepscore score phq9 - < cohort.csv > scored.csv
  stepscore score phq9,gad7 cohort.csv --map columns.json --coerce phq9,gad7=offset:-1
  stepscore score odi,isi export.csv --delimiter ";" --na NA --na=-99
  stepscore score psqi sleep.jsonl --setting psqi.require5j=true > sleep-scored.jsonl

${EXIT_CODES}
`;

const STRATIFY = `Usage: stepscore stratify [file|-] [options]

Scores every row with the instruments of a stepped-care pathway and recommends a step of care for it,
from the scores the row has. Writes the same rows, in the same order, with the score columns of
stepscore score for each instrument found, then:
  step, step_label        the recommended step of care
  urgent                  true when an urgent rule fired: always when PHQ-9 item 9 is above "Not at
                          all" (its self-harm flag), whatever the pathway; "not checked" when a rule
                          could not be checked (e.g. item 9 unanswered)
  reasons                 the rules behind the step and the urgent flag, with their evidence
  step_could_rise_to      the highest step the domains not assessed could lead to (empty: none)
The instruments are those of the pathway with at least one column in the file (its header, or a key
of any JSON line: JSON Lines is read through once first, stdin by way of a private temporary copy),
unless --instruments names them. An instrument with invalid cells in a row counts as not assessed
in that row; its <id>_error column says why.

Options:
      --instruments IDS       the instruments to score, e.g. phq9,gad7,startback (default: found in the file)
      --pathway FILE          a pathway of your own (JSON), checked before any row (default: stepscore's)
${SCORING_OPTIONS}

Examples:
  stepscore stratify intake.csv -o intake-steps.csv
  stepscore stratify intake.csv --instruments startback,phq9,gad7,pcs
  stepscore stratify visits.jsonl --pathway clinic-pathway.json > steps.jsonl

${EXIT_CODES}
`;

const LIST = `Usage: stepscore list

Lists the instruments: id, name, domain, number of items, score range, and whether the item wording is
included or only short labels (when its licence does not allow redistribution).

Example:
  stepscore list
`;

const DESCRIBE = `Usage: stepscore describe <id> [--map FILE]

Shows one instrument: its items with the column each is read from (after --map, if given) and the
answers allowed, how it is scored, its bands and flags, the columns stepscore score adds, its licence
and its sources.

Examples:
  stepscore describe phq9
  stepscore describe psqi --map columns.json
`;

const TEMPLATE = `Usage: stepscore template <ids> [--map FILE] [--delimiter C]

Prints an empty CSV (the header row only) with an id column and one column per item of each
instrument, named as stepscore score reads them.

Examples:
  stepscore template phq9,gad7 > intake.csv
  stepscore template odi --delimiter ";" > odi.csv
`;

/** Help by command; "" is the main help. */
export const HELP: Readonly<Record<string, string>> = {
  "": MAIN,
  score: SCORE,
  stratify: STRATIFY,
  list: LIST,
  describe: DESCRIBE,
  template: TEMPLATE,
  sql: SQL_HELP,
};
