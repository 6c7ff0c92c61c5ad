// docs/progress.md: the columns `stepscore progress` (and progressRows) writes, per instrument, from the same
// progressColumns the command uses, so the page cannot drift from the table.
import { progressColumns, type InstrumentDefinition } from "../src/index.js";
import { trackedScale } from "../src/stratify/progression.js";
import { frontMatter } from "./care-docs.js";

/** The page. */
export function renderProgressPage(defs: readonly InstrumentDefinition[]): string {
  const lines: string[] = [];
  const push = (...l: string[]): void => {
    lines.push(...l);
  };
  push(...frontMatter({ title: "Change over time in datasets" }));
  push(
    "# Change over time in datasets: `stepscore progress`",
    "",
    "<!-- Generated from the definitions by scripts/progress-docs.ts; edit the definitions, not this page. -->",
    "",
    "`stepscore progress` (and `progressRows` in the API) follows every person of a dataset of repeated assessments across its time points, judged as `progress` judges one person, and prints the cohort outcome summary (`summarizeOutcomes`). The examples below run on the synthetic cohort in `examples/` (90 persons in three sites, baseline, 6 weeks and 3 months, some lost to follow-up; `npx tsx examples/generate-progress-cohort.ts` writes it).",
    "",
    "```sh",
    "# Long file: one row per person per visit",
    "stepscore progress phq9,gad7,odi examples/cohort-long.csv --id id --at visit --order baseline=0,6w=6,3m=13 --group site -o change.csv",
    "# Wide file: one row per person, phq9_1_baseline … phq9_1_3m; the same table",
    "stepscore progress phq9,gad7,odi examples/cohort-wide.csv --id id --wide baseline=0,6w=6,3m=13 --group site --summary outcomes.json > change.csv",
    "```",
    "",
    "## Layouts",
    "",
    "- **Long** (one row per person per time point): `--id <column> --at <column>`, the column holding an ISO 8601 date (`YYYY-MM-DD`), or, with `--order baseline,6w,3m`, a visit label; a label not listed stops the run and is named with its row. Labels carry no timing unless weeks are given (`--order baseline=0,6w=6,3m=13`); without them the table has no action columns, since the progression rules need time.",
    '- **Wide** (one row per person): `--wide t0,t1,t2` (weeks as above). An item\'s column at a time point is `--wide-pattern` (default `{column}_{time}`: `phq9_1_t0`), `{column}` being its usual column or what `--map` maps it to; a `--map` pattern holding `{time}` itself (`{"phq9": "PHQ_{time}_Q{item}"}`) is used as it is. `--at date_{time}` names a date column per time point.',
    "- An instrument with nothing answered at a time point was not assessed there (lost to follow-up); one partly answered but not scorable is `not-scored`; one with invalid cells is `invalid` and its cells are named on stderr (exit 1).",
    "",
    "## Rows",
    "",
    "One row per person per time point after their first (with `--latest`, only the latest). A declared time point the person has no assessment at is a row with status `missing`; a person never reassessed gets one row at baseline, `baseline-only`. Nobody is left out.",
    "",
    "## Columns",
    "",
    "For every person:",
    "",
    "| column | holds |",
    "|---|---|",
  );
  for (const c of progressColumns([], { group: true, actions: true }))
    push(`| \`${c.name}\` | ${c.description.replaceAll("|", "\\|")} |`);
  push(
    "",
    "The action columns are written when an instrument of the pathway is followed and the dates (or the weeks of the labels) give the timing.",
    "",
    "Per instrument, on the scale `progress` follows (the primary score, else the first subscale). The MCID, reliable change, response and remission columns are there only where the definition gives the facts (see [Change over time](change.md)):",
    "",
    "| instrument | scale | columns |",
    "|---|---|---|",
  );
  for (const def of defs) {
    const cols = progressColumns([def]).filter((c) => c.instrument === def.id);
    push(`| ${def.shortTitle} | \`${trackedScale(def)}\` | ${cols.map((c) => `\`${c.name}\``).join(", ")} |`);
  }
  push(
    "",
    "`<id>_status` is one of `remission`, `response`, `reliable-improvement`, `no-reliable-change`, `reliable-deterioration` (the first that holds, as `progress` gives it), `baseline-only`, `not-scored`, `missing` or `invalid`.",
    "",
    "## The outcome summary",
    "",
    "On stderr, and as JSON with `--summary FILE` (the value of `summarizeOutcomes`), per instrument and follow-up time point, and with `--group` per group as well:",
    "",
    "- `withBaseline`: persons with a scored baseline before the time point; `paired`: of those, with a scored result there; `notScored` and `missing`: the rest (given but not scored; not assessed, e.g. lost to follow-up). Persons with at most one time point are counted and listed (`withoutFollowUp`).",
    "- `change`: the mean of follow-up − baseline over the pairs, its sample SD and 95 % confidence interval (Student's t, n − 1 degrees of freedom).",
    "- `reliableChange`: the shares of the pairs reliably improved, with no reliable change and reliably deteriorated, by the definition's default reliable change index (where it has one).",
    "- `response` and `remission`: met / judged, where judged are the pairs whose baseline the definition makes them for (PHQ-9: 10 or more) and, for remission, that did not already meet it at baseline; `notJudged` counts the others.",
    "- `jacobsonTruax`: recovered (a reliable improvement ending past the cut-off), improved, unchanged (with those past the cut-off counted as non-reliably recovered) and deteriorated. The cut-off is the follow-up criterion of the definition's default remission (PHQ-9 and GAD-7 below 5, ISI below 8) unless `--cutoff phq9=<10` gives another; without reliability inputs or a cut-off the categories are not given, and the summary says why.",
    "",
  );
  return lines.join("\n");
}
