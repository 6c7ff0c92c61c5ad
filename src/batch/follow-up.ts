// The batch API of change over time: rows of repeated assessments in, one row per person per follow-up out
// (the columns `stepscore progress` writes) and the cohort summary. The command is a thin layer over this.
import {
  cohortTimePointsOf,
  followUps,
  summarizeFollowUps,
  type FollowUp,
  type FollowUpInstrument,
  type OutcomeSummary,
  type PersonHistory,
  type SummaryOptions,
} from "../outcome-summary.js";
import { getInstrument } from "../registry.js";
import { defaultPathway } from "../stratify/default-pathway.js";
import type { Pathway } from "../stratify/pathway.js";
import { trackedScale } from "../stratify/progression.js";
import type { InstrumentDefinition } from "../types.js";
import { historiesFromRows, type HistoryOptions } from "./histories.js";
import { createBatchScorer } from "./scorer.js";
import type { BatchRow, CellError } from "./types.js";

/** A cell of a progress row: typed in JSON, text in CSV (null is an empty cell, never 0). @category Batch */
export type ProgressCell = string | number | boolean | null;

/** One person at one follow-up, by column name (see {@link progressColumns}). @category Batch */
export type ProgressRow = Readonly<Record<string, ProgressCell>>;

/** Options for {@link progressColumns}. @category Batch */
export interface ProgressColumnOptions {
  /** Whether a group column is written. */
  readonly group?: boolean;
  /** Whether the action columns are written (a pathway applies and the dates give the timing). */
  readonly actions?: boolean;
}

/** One column of a progress table and what it holds. @category Batch */
export interface ProgressColumn {
  /** The column's name. */
  readonly name: string;
  /** The instrument it belongs to, or null for the person's columns. */
  readonly instrument: string | null;
  /** What it holds, in a sentence (for the documentation). */
  readonly description: string;
  /** Its value at one follow-up. */
  readonly value: (f: FollowUp, person: PersonHistory) => ProgressCell;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function instrumentColumns(def: InstrumentDefinition): ProgressColumn[] {
  const scale = trackedScale(def);
  const facts = def.change?.[scale];
  const on = scale === def.score?.id ? "score" : `${scale} score`;
  const cols: ProgressColumn[] = [];
  const add = (suffix: string, description: string, get: (i: FollowUpInstrument) => ProgressCell): void => {
    cols.push({
      name: `${def.id}_${suffix}`,
      instrument: def.id,
      description,
      value: (f) => {
        const i = f.instruments[def.id];
        return i === undefined ? null : get(i);
      },
    });
  };
  add(
    "baseline",
    `the ${def.shortTitle} ${on} at its baseline (first scored result)`,
    (i) => i.baseline?.score ?? null,
  );
  add("score", `the ${def.shortTitle} ${on} at this time point`, (i) =>
    i.point?.score == null ? null : round(i.point.score),
  );
  add("change", "follow-up − baseline", (i) => (i.change === null ? null : round(i.change.change)));
  add("percent_change", "the change as a percentage of the baseline (empty from a baseline of 0)", (i) =>
    i.change?.percentChange === null || i.change === null ? null : round(i.change.percentChange),
  );
  if (facts?.mcid !== undefined && facts.mcid.length > 0)
    add(
      "mcid_met",
      "true when the change reaches the minimal clinically important difference (either direction)",
      (i) => (i.change === null || !i.change.mcid.available ? null : i.change.mcid.reached),
    );
  if (facts?.reliability !== undefined && facts.reliability.length > 0)
    add(
      "reliable_change",
      "reliable-improvement, reliable-deterioration or no-reliable-change (Jacobson–Truax, the definition's default inputs)",
      (i) => {
        const rc = i.change?.reliableChange;
        if (i.change === null || rc === undefined || !rc.available) return null;
        if (!rc.reliable) return "no-reliable-change";
        return i.change.direction === "improved" ? "reliable-improvement" : "reliable-deterioration";
      },
    );
  if (facts?.response !== undefined && facts.response.length > 0)
    add(
      "response",
      "true or false by the default response definition; empty where the baseline is outside its range",
      (i) => (i.change === null || !i.change.response.available ? null : i.change.response.met),
    );
  if (facts?.remission !== undefined && facts.remission.length > 0)
    add(
      "remission",
      "true or false by the default remission definition; empty where the baseline is outside its range",
      (i) => (i.change === null || !i.change.remission.available ? null : i.change.remission.met),
    );
  add(
    "status",
    "progress's status from baseline to this time point, or missing (not assessed here) or invalid (cells that could not be read)",
    (i) => i.status,
  );
  return cols;
}

/**
 * The columns of a progress table, derived from the definitions (never a hand list): the person's id (and
 * group), the time point, its date and weeks since the first assessment; per instrument its baseline and
 * follow-up score, the change and percent change, then, where the definition gives the facts for the scale
 * followed, whether the MCID is met, the reliable change, response and remission; its status; and the
 * pathway's action, step and urgency.
 *
 * @param defs - the instruments, in order
 * @param options - whether the group and action columns are written
 * @returns the columns, each with its name, description and how its value is read
 * @example
 * ```ts
 * progressColumns([phq9]).map((c) => c.name).slice(4, 8); // ["phq9_baseline", "phq9_score", "phq9_change", "phq9_percent_change"]
 * ```
 * @category Batch
 */
export function progressColumns(
  defs: readonly InstrumentDefinition[],
  options: ProgressColumnOptions = {},
): ProgressColumn[] {
  const person = (name: string, description: string, value: ProgressColumn["value"]): ProgressColumn => ({
    name,
    instrument: null,
    description,
    value,
  });
  const cols: ProgressColumn[] = [person("id", "the person's id, as in the data", (_, p) => p.id)];
  if (options.group === true) cols.push(person("group", "the person's group (--group)", (_, p) => p.group ?? null));
  cols.push(
    person("time_point", "the time point: its label, or visit 1, visit 2 … for dated rows", (f) => f.timePoint),
    person("at", "its date (empty for a time point without an assessment, or labels without dates)", (f) => f.at),
    person("weeks", "weeks since the person's first assessment (empty without dates)", (f) =>
      f.weeks === null ? null : round(f.weeks),
    ),
  );
  for (const def of defs) cols.push(...instrumentColumns(def));
  if (options.actions === true) {
    cols.push(
      person(
        "action",
        "the pathway's action at this time point: step-up, review, continue, step-down or not-assessed",
        (f) => f.action,
      ),
      person("step", "the recommended step after this reassessment", (f) =>
        f.progress === null ? null : f.progress.step,
      ),
      person("urgent", "true when an urgent rule fired (PHQ-9 item 9)", (f) =>
        f.progress === null ? null : f.progress.urgent,
      ),
      person("reasons", "the progression rules that fired, with their evidence", (f) =>
        f.progress === null
          ? null
          : f.progress.reasons.map((r) => `${r.rule}: ${r.evidence.map((e) => e.text).join(", ")}`).join("; "),
      ),
    );
  }
  return cols;
}

/** Options for {@link progressRows}. @category Batch */
export interface ProgressRowsOptions
  extends HistoryOptions,
    Omit<SummaryOptions, "instruments" | "timePoints" | "actions"> {
  /** One row per person with their latest time point only, instead of one per follow-up. */
  readonly latest?: boolean;
  /** The pathway whose progression rules give the action; {@link defaultPathway} when left out. */
  readonly pathway?: Pathway;
}

/** What {@link progressRows} returns. @category Batch */
export interface ProgressRowsResult {
  /** The histories read from the rows (the shape the report and the summary take). */
  readonly persons: readonly PersonHistory[];
  /** The columns of `rows`, in order. */
  readonly columns: readonly string[];
  /** One row per person per time point after their first (or the latest only); a person with one time point gets one row. */
  readonly rows: readonly ProgressRow[];
  /** The cohort summary. */
  readonly summary: OutcomeSummary;
  /** The time points in order. */
  readonly timePoints: readonly string[];
  /** Whether the action columns are written (a pathway instrument is followed and the dates give the timing). */
  readonly actions: boolean;
  /** Every invalid answer cell. */
  readonly errors: readonly CellError[];
}

/**
 * Change over time for a dataset, as `stepscore progress` writes it: the rows read as histories
 * ({@link historiesFromRows}), each person's follow-ups judged by `progress` ({@link followUps}), one row
 * per person per follow-up with the {@link progressColumns}, and the cohort summary ({@link summarizeOutcomes}).
 *
 * @param rows - records keyed by column
 * @param options - the layout, the instruments, the pathway, `latest`, Jacobson–Truax cut-offs
 * @returns the histories, the table and the summary
 * @throws {@link HistoryInputError} for rows that cannot be placed in time or attributed to a person
 * @throws {@link BatchOptionsError} for bad instrument options
 * @example
 * ```ts
 * const records = parse(readFileSync("examples/cohort-long.csv", "utf8"), { columns: true });
 * const { rows, summary } = progressRows(records, {
 *   instruments: ["phq9", "gad7"], id: "id", at: "visit", order: ["baseline", "6w", "3m"],
 * });
 * rows[0]?.phq9_status;               // "missing" (S001 was not seen after baseline)
 * rows[4]?.phq9_status;               // "no-reliable-change"
 * rows[4]?.phq9_change;               // -1
 * summary.withoutFollowUp.count;      // 9
 * summary.instruments[1]?.timePoint;  // "3m"
 * summary.instruments[1]?.paired;     // 68
 * ```
 * @category Batch
 */
export function progressRows(rows: readonly BatchRow[], options: ProgressRowsOptions): ProgressRowsResult {
  const histories = historiesFromRows(rows, options);
  const defs = createBatchScorer({ instruments: options.instruments }).definitions;
  const ids = defs.map((d) => d.id);
  // Bundled definitions are found by id; only the caller's own are passed on.
  const custom = defs.filter((d) => getInstrument(d.id) !== d);
  const pathway = options.pathway ?? defaultPathway;
  const inPathway = new Set(pathway.domains.flatMap((d) => d.instruments));
  const actions = histories.datesKnown && ids.some((id) => inPathway.has(id));
  const labelled = histories.timePoints !== null;
  const timePoints = cohortTimePointsOf(histories.persons, histories.timePoints ?? undefined);
  const columns = progressColumns(defs, { group: options.group !== undefined, actions });
  const follow = new Map<PersonHistory, readonly FollowUp[]>();
  const out: ProgressRow[] = [];
  for (const person of histories.persons) {
    const all = followUps(person, { instruments: ids, definitions: custom, pathway, actions, timePoints });
    follow.set(person, all);
    // Dated rows: the table lists the person's own visits (the summary still counts visits they lack).
    let list = labelled ? all : all.filter((f) => f.at !== null);
    if (list.length === 0 && !labelled)
      list = followUps(person, { instruments: ids, definitions: custom, pathway, actions });
    if (options.latest === true) {
      const assessed = list.filter((f) => f.at !== null);
      list = assessed.length === 0 ? list.slice(-1) : assessed.slice(-1);
    }
    if (list.length === 0) {
      // Nothing answered at any time point: the person is still written, with every instrument missing.
      out.push(
        Object.fromEntries(
          columns.map((c) => [
            c.name,
            c.name === "id"
              ? person.id
              : c.name === "group"
                ? (person.group ?? null)
                : c.name.endsWith("_status")
                  ? "missing"
                  : null,
          ]),
        ),
      );
      continue;
    }
    for (const f of list) {
      const row = Object.fromEntries(columns.map((c) => [c.name, c.value(f, person)]));
      // Nominal dates only order labelled time points: they are not written as if they were dates.
      if (histories.nominalDates) row.at = null;
      out.push(row);
    }
  }
  const summary = summarizeFollowUps(histories.persons, follow, {
    instruments: ids,
    definitions: custom,
    timePoints,
    ...(options.cutoffs === undefined ? {} : { cutoffs: options.cutoffs }),
  });
  return {
    persons: histories.persons,
    columns: columns.map((c) => c.name),
    rows: out,
    summary,
    timePoints: summary.timePoints,
    actions,
    errors: histories.errors,
  };
}
