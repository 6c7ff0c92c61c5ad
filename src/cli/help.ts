// The --help texts: every command, its options and examples.

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
  - "2", " 2 ", "1.5" are numbers ("1,5" with --decimal-comma, and "1.5" is then invalid); clock-time
    items (PSQI 1 and 3) take "HH:MM" or "H:MM" ("7:30" is 07:30)
  - with --labels, a choice item's option label ("Several days", any case or spacing) or LOINC answer
    code ("LA6569-3") is read as its value; a label the item does not have is invalid, never guessed
  - anything else ("x", "1,5", "NA" unless declared with --na) is invalid: the row is still written,
    with the column, value and what is allowed in <id>_error
  - a column named as stepscore reads it but for case or separators (PHQ9_1, phq9-1 for phq9_1) is
    read when the exact name is absent; a missing column is named, with the header column it may be
  - JSON Lines: numbers pass through; null or an absent key is a missing answer (each line is read by
    its own keys); strings are read as CSV cells are; other values (true, arrays, objects) are invalid

How files are read and written:
  - rows are written back as their own bytes, whatever the file's encoding (UTF-8, Latin-1,
    Windows-1252): nothing passed through is re-encoded. Column names and answers are read as UTF-8,
    or as Latin-1 where a cell is not valid UTF-8; the new cells are UTF-8
  - the delimiter is the one of "," ";" and tab the header has (a tab for .tsv files), unless
    --delimiter gives it; a header with more than one of them is refused
  - CRLF, LF and a lone CR each end a row, even mixed in one file (inside a quoted cell they are text);
    output lines end as the input's first line does (CRLF or LF)
  - stdin (or a file not named .csv, .tsv, .jsonl) starting with "{" is read as JSON Lines
  - Qualtrics exports (a StartDate and a ResponseId column) have two extra header rows: they are
    recognised and passed through unscored (--skip-rows N says how many for other files)
  - an .xlsx workbook's first sheet is read (with the read-excel-file package installed) and written
    out as CSV; gzip, SPSS .sav, .xls and other binary files are refused, saying what to do
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
      --delimiter C           CSV delimiter, one ASCII character (default: the one of "," ";" and tab
                              the header has, a tab for .tsv files), e.g. --delimiter ";"
      --replace-columns       overwrite input columns named as columns stepscore writes (phq9_score,
                              step, …), e.g. to score a scored file again; without it such a file is
                              refused (exit 2). CSV rows are then rewritten; JSON lines lose the old keys
      --escape-formulas       CSV only: prefix cells a spreadsheet would run as formulas (beginning with
                              = + - @, a tab or a carriage return), kept and new, with ' (OWASP). Plain
                              numbers such as -99 or +1.5 are left as they are
      --decimal-comma         read "1,5" as 1.5 (European spreadsheets); a cell with a dot is then invalid
      --labels                read answers given as option labels or LOINC answer codes (REDCap "label"
                              exports, Qualtrics choice text); an unknown label is an invalid cell
      --skip-rows N           pass the N rows after the header through unscored (question-text rows);
                              Qualtrics' own are recognised without it
      --digits N              round the score columns to N decimal places (half away from zero)
      --band-labels           add <id>_band_label, the band's label, after <id>_band
  -q, --quiet                 no summary or progress on stderr
  -h, --help                  this help`;

const MAIN = `stepscore: score validated screening questionnaires in datasets of any size

Usage:
  stepscore score <ids> [file|-] [options]      append scores to every row (CSV or JSON Lines)
  stepscore stratify [file|-] [options]         scores, plus a recommended step of care per row
  stepscore progress <ids> [file|-] --id COL …  change from baseline per person, and the cohort outcomes
  stepscore report <ids> [file|-] --id COL …    the same dataset as one HTML report with charts
  stepscore list                                the instruments
  stepscore describe <id>                       items, columns, scoring, bands, licence, sources
  stepscore template <ids>                      an empty CSV with the right headers
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
  <id>_score, <id>_band       primary score and its band id (when the instrument has them;
                              <id>_band_label, the band's label, with --band-labels)
  <id>_<subscale>             each subscale's score
  <id>_method                 complete, prorated, partial or insufficient (no score)
  <id>_missing                item ids not answered, separated by ";" (not the optional unscored
                              items, such as PHQ-9 item 10)
  <id>_flags                  flag ids raised, e.g. self-harm
  <id>_error                  the invalid cells, when any (the row's other <id>_ columns are then empty)
An input column with one of these names stops the run (exit 2) unless --replace-columns is given.
Items are read from the columns
<id>_<item> (phq9_1 … phq9_10, psqi_5a); stepscore describe <id> lists them.

Options:
      --prefix TEXT           put TEXT before every appended column name (--prefix t0_ gives t0_phq9_score)
      --suffix TEXT           put TEXT after every appended column name (--suffix _t1 gives phq9_score_t1),
                              so the scores of two time points can stand in one file
${SCORING_OPTIONS}

${READING}

Examples:
  stepscore score phq9,gad7 cohort.csv -o cohort-scored.csv
  stepscore score phq9 followup.csv --suffix _t1 -o followup-scored.csv
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

/** An option list without the named options (each option's lines run until the next option's). */
function withoutOptions(text: string, names: readonly string[]): string {
  const kept: string[] = [];
  let dropping = false;
  for (const line of text.split("\n")) {
    const option = /^ {2}(?:-\w, | {4})--([a-z-]+)/.exec(line);
    if (option !== null) dropping = names.includes(option[1] ?? "");
    if (!dropping) kept.push(line);
  }
  return kept.join("\n");
}

const PROGRESS = `Usage: stepscore progress <ids> [file|-] --id COLUMN (--at COLUMN | --wide T0,T1,…) [options]

Follows every person of a dataset of repeated assessments across its time points with the instruments
<ids>, judged as the library's progress() judges one person: per instrument the change from its baseline
(first scored result) to each later time point, with the definition's MCID, reliable change, response
and remission, a status, and the pathway's action. Writes a new table, one row per person per time point
after their first (a person never reassessed gets one row, baseline-only; a declared time point without
an assessment is a row with status missing), and prints the cohort outcome summary on stderr.

Layouts:
  long  one row per person per time point: --id pid --at visit_date (ISO 8601 dates, YYYY-MM-DD), or
        --at visit --order baseline,6w,3m for visit labels (every label in the file must be listed).
        Labels ordered without weeks give no action columns (the rules need time); give the weeks as
        --order baseline=0,6w=6,3m=13
  wide  one row per person: --wide t0,t1,t2 (weeks as above: t0=0,t1=6,t2=12); each item's column is
        --wide-pattern (default "{column}_{time}": phq9_1_t0 … phq9_1_t2), {column} being the item's
        usual column (or what --map maps it to). A --map pattern holding {time} itself, such as
        {"phq9": "PHQ_{time}_Q{item}"}, is used as it is. --at date_{time} names a date column per time
        point (then the action columns use the real dates)

Columns written (stepscore's docs/progress.md lists them per instrument, from the definitions):
  id, group (with --group), time_point, at, weeks
  per instrument: <id>_baseline, <id>_score, <id>_change, <id>_percent_change, then where the definition
  gives the facts <id>_mcid_met, <id>_reliable_change, <id>_response, <id>_remission; and <id>_status
  (remission, response, reliable-improvement, no-reliable-change, reliable-deterioration,
  baseline-only, not-scored, missing, invalid)
  action, step, urgent, reasons    when a pathway instrument is followed and the dates give the timing

The summary (stderr; --summary FILE writes it as JSON): per instrument and follow-up time point, how
many had a baseline and how many a scored follow-up (the pairs), how many were not scored or not
assessed there; the mean change with its SD and 95 % CI; the shares reliably improved, with no reliable
change and reliably deteriorated; response and remission with their denominators (only the baselines
the definitions judge them for, e.g. PHQ-9 of 10 or more); the Jacobson–Truax categories (recovered:
a reliable improvement ending past the cut-off, by default the definition's remission score). Persons
without a follow-up are counted and named. With --group, the same per group.

Options:
      --id COLUMN             the person's id
      --at COLUMN             long: the date (or, with --order, visit label) column; wide: a date column
                              pattern with {time}, e.g. --at date_{time}
      --order LABELS          long: the visit labels in time order (label=weeks to give their timing)
      --wide POINTS           wide: the time points in order (label=weeks to give their timing)
      --wide-pattern PATTERN  wide: the column of an item at a time point (default "{column}_{time}")
      --replace-columns       not for progress: it writes a new table, not the input's rows
      --skip-rows N           leave out the N rows after a CSV header (question-text rows)
      --digits N              not for progress: change and the summary use the unrounded scores
      --band-labels           not for progress: it writes no band columns
      --group COLUMN          summarise per group too (site, arm), and write a group column
      --latest                one row per person, at their latest time point, instead of one per follow-up
      --summary FILE          also write the cohort summary as JSON
      --pathway FILE          a pathway of your own (JSON) for the action (default: stepscore's)
      --cutoff ID=OPSCORE     the Jacobson–Truax cut-off for "recovered": --cutoff phq9=<10 (repeatable)
      --escape-formulas       as for score: CSV cells beginning with = + - @ get a leading '
${withoutOptions(SCORING_OPTIONS, ["replace-columns", "escape-formulas", "skip-rows", "digits", "band-labels"])}

Examples:
  stepscore progress phq9,gad7,odi examples/cohort-long.csv --id id --at visit --order baseline=0,6w=6,3m=13 --group site
  stepscore progress phq9,gad7,odi examples/cohort-wide.csv --id id --wide t0=0,t1=6,t2=13 --group site --summary outcomes.json
  stepscore progress phq9 visits.csv --id pid --at date --latest -o latest.csv

Exit codes:
  0  every row was read and the table written
  1  the table was written, but some cells were invalid (named on stderr; that instrument is not
     scored at that time point)
  2  nothing was written: a usage error, a file that cannot be read or written, an absent column, a
     date that is not ISO 8601, a label not among --order or --wide, an empty id, or the same
     instrument twice for a person at one time point
`;

const REPORT = `Usage: stepscore report <ids> [file|-] --id COLUMN (--at COLUMN | --wide T0,T1,… --at DATE_{time}) -o report.html

Writes one self-contained HTML report over a dataset of repeated assessments with the instruments <ids>
(charts as inline SVG; the page loads nothing when opened): per instrument the band distribution at
each time point, the Jacobson–Truax plot (baseline against latest, one point per person with a
follow-up), mean trajectories with 95 % confidence intervals by time point and group, responder
tables; then a view per person. The file is read exactly as stepscore progress reads it (the same
layouts and reading options). The report places each result on its date, so the dates must be in the
file: --at DATE_COLUMN for a long file, --at date_{time} with --wide. The charts are drawn with Vega and
Vega-Lite, loaded by this command only (npm install vega vega-lite if they are missing).

Options:
      --id COLUMN             the person's id
      --at COLUMN             long: the date column (ISO 8601); wide: a date column pattern with {time},
                              e.g. --at date_{time}
      --order LABELS          as for progress; labels without dates are refused (the report needs dates)
      --wide POINTS           wide: the time points in order
      --wide-pattern PATTERN  wide: the column of an item at a time point (default "{column}_{time}")
      --group COLUMN          trajectories and responder tables per group too (site, arm)
      --cutoff ID=SCORE       the Jacobson–Truax cut-off for "recovered": --cutoff phq9=4 (at or below it
                              where higher is worse; default: the edge of the healthiest band; repeatable)
      --people N|IDS          who gets a per-person view: the first N (default 20) or a list of ids
      --title TEXT            the report's title (default "stepscore report")
      --replace-columns       not for report: it writes HTML, not the input's rows
      --escape-formulas       not for report: it writes HTML, in which every value is escaped
      --skip-rows N           leave out the N rows after a CSV header (question-text rows)
      --digits N              not for report: its figures use the unrounded scores
      --band-labels           not for report: band labels are in the charts already
${withoutOptions(SCORING_OPTIONS, ["replace-columns", "escape-formulas", "skip-rows", "digits", "band-labels"])}

Examples:
  stepscore report phq9,gad7,odi examples/cohort-long.csv --id id --at date --group site -o report.html
  stepscore report phq9,gad7,odi examples/cohort-wide.csv --id id --wide baseline,6w,3m --at date_{time} --group site -o report.html

Exit codes:
  0  the report was written
  1  the report was written, but some cells were invalid (named on stderr; that instrument is not
     scored at that time point)
  2  nothing was written: a usage error, a file that cannot be read or written, Vega or Vega-Lite not
     installed, or a dataset stepscore progress would refuse too
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
  progress: PROGRESS,
  report: REPORT,
  list: LIST,
  describe: DESCRIBE,
  template: TEMPLATE,
};
