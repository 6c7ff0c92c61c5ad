// Reads a dataset of repeated assessments into one history per person: long files (one row per person per
// time point) and wide files (one row per person, a set of columns per time point). Cells are scored by the
// batch scorer, so they are read exactly as `scoreRows` reads them.
import { parseInstant } from "../dates.js";
import type { InvalidAssessment, PersonHistory, TimedEntry } from "../outcome-summary.js";
import { BatchOptionsError } from "./errors.js";
import { createBatchScorer, scoreRows } from "./scorer.js";
import type { BatchInstrument, BatchOptions, BatchRow, CellError } from "./types.js";

/** A time point of a labelled dataset, with the weeks since baseline when known. @category Batch */
export interface TimePoint {
  /** The label as it is written in the data (`baseline`, `6w`, `t1`). */
  readonly label: string;
  /** Weeks since the first time point; give it for every time point or none. */
  readonly weeks?: number;
}

/**
 * How a dataset of repeated assessments is laid out, for {@link historiesFromRows}.
 *
 * - Long (one row per person per time point): `id` and `at`, the column holding an ISO 8601 date, or, with
 *   `order`, a visit label.
 * - Wide (one row per person): `id` and `wide.timePoints`; each item's column is `wide.pattern` (default
 *   `"{column}_{time}"`: `phq9_1_t0`) with `{column}` the item's usual column (`phq9_1`, or what `columns`
 *   maps it to) and `{time}` the label; a mapped column that holds `{time}` itself (`"PHQ_{time}_Q{item}"`)
 *   is used as it is. `at`, when given, is the pattern of a date column per time point (`"date_{time}"`).
 *
 * @category Batch
 */
export interface HistoryOptions extends Omit<BatchOptions, "header" | "stratify"> {
  /** The column with the person's id. */
  readonly id: string;
  /** The column with the person's group (site, arm), if any. */
  readonly group?: string;
  /** Long: the column with the date or label of each row. Wide: a date column pattern with `{time}` (optional). */
  readonly at?: string;
  /** Long, labelled: the labels in time order (weeks optional, for the progression rules' timing). */
  readonly order?: readonly (string | TimePoint)[];
  /** Wide: the time points in order and the column pattern. */
  readonly wide?: { readonly timePoints: readonly (string | TimePoint)[]; readonly pattern?: string };
  /** The dataset's column names (a CSV header); the keys of the rows when left out. */
  readonly columns?: readonly string[];
}

/** One problem that stops a dataset from being read as histories. @category Batch */
export interface HistoryIssue {
  /** 1-based data row, or null for a problem with the options or the columns. */
  readonly row: number | null;
  /** The column, or null. */
  readonly column: string | null;
  /** The value found. */
  readonly value: unknown;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/**
 * Thrown by {@link historiesFromRows} for a dataset it cannot read as histories: a date that is not ISO 8601,
 * a label not among the time points, an empty id, the same instrument twice for a person at a time point,
 * an absent id, date or item column. Invalid answer cells do not throw: they are listed in `errors`.
 *
 * @category Batch
 */
export class HistoryInputError extends Error {
  /** Every problem (at most 50; the last then says how many more). */
  readonly issues: readonly HistoryIssue[];

  /** @param issues - the problems */
  constructor(issues: readonly HistoryIssue[]) {
    super(
      `cannot read the rows as histories: ${issues
        .slice(0, 10)
        .map((i) => i.message)
        .join("; ")}${issues.length > 10 ? `; … ${String(issues.length - 10)} more` : ""}`,
    );
    this.name = "HistoryInputError";
    this.issues = issues;
  }
}

/** What {@link historiesFromRows} returns. @category Batch */
export interface Histories {
  /** One history per person, in order of first appearance; persons with nothing answered are kept (empty history). */
  readonly persons: readonly PersonHistory[];
  /** The time points in order for a labelled dataset (long with `order`, or wide); null for dated long rows. */
  readonly timePoints: readonly string[] | null;
  /** False when the dates only order labelled time points (no weeks and no date columns): no timing then. */
  readonly datesKnown: boolean;
  /** True when the entries' dates are nominal, only ordering labelled time points (weeks, if given, are kept). */
  readonly nominalDates: boolean;
  /** Rows read. */
  readonly rows: number;
  /** Every invalid answer cell, as the batch scorer names them (the instrument is then not scored there). */
  readonly errors: readonly CellError[];
}

const MAX_ISSUES = 50;
// Labelled time points without dates are placed at nominal instants from this day, only to order them.
const NOMINAL = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

function text(v: unknown): string | null {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function quote(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v) : String(v);
}

/** The time points with their nominal or given weeks; issues for repeats and weeks out of order. */
function timePointsOf(list: readonly (string | TimePoint)[], option: string, issues: HistoryIssue[]): TimePoint[] {
  const points = list.map((p) => (typeof p === "string" ? { label: p } : p));
  const seen = new Set<string>();
  for (const p of points) {
    if (p.label.trim() === "" || seen.has(p.label))
      issues.push({
        row: null,
        column: null,
        value: p.label,
        message: `${option}: time point ${quote(p.label)} is empty or given twice`,
      });
    seen.add(p.label);
  }
  const withWeeks = points.filter((p) => p.weeks !== undefined);
  if (withWeeks.length > 0 && withWeeks.length < points.length)
    issues.push({
      row: null,
      column: null,
      value: list,
      message: `${option}: give weeks for every time point or for none`,
    });
  for (let i = 1; i < withWeeks.length; i++) {
    const a = withWeeks[i - 1]?.weeks as number;
    const b = withWeeks[i]?.weeks as number;
    if (!Number.isFinite(b) || !(b > a))
      issues.push({
        row: null,
        column: null,
        value: b,
        message: `${option}: the weeks of the time points must increase (${String(a)} then ${String(b)})`,
      });
  }
  return points;
}

function nominal(points: readonly TimePoint[], index: number): string {
  const p = points[index] as TimePoint;
  const days = p.weeks === undefined ? index : p.weeks * 7;
  return new Date(NOMINAL + days * DAY_MS).toISOString();
}

/** Each instrument as a {@link BatchInstrument} with every item's column spelt out. */
function resolved(options: HistoryOptions): { entries: BatchInstrument[]; columns: Map<string, Map<string, string>> } {
  const scorer = createBatchScorer({ instruments: options.instruments });
  const columns = new Map<string, Map<string, string>>();
  for (const b of scorer.columns) {
    const m = columns.get(b.instrument) ?? new Map<string, string>();
    m.set(b.item, b.column);
    columns.set(b.instrument, m);
  }
  const entries = options.instruments.map(
    (e): BatchInstrument => (typeof e === "object" && "instrument" in e ? e : { instrument: e }),
  );
  return { entries, columns };
}

/** Batch options for one time point of a wide dataset: every column renamed for it. */
function wideOptions(options: HistoryOptions, label: string, pattern: string): BatchOptions {
  const { entries, columns } = resolved(options);
  const defs = createBatchScorer({ instruments: options.instruments }).definitions;
  return {
    ...batchPart(options),
    instruments: entries.map((e, k) => {
      const map = columns.get(defs[k]?.id ?? "") ?? new Map<string, string>();
      const named = Object.fromEntries(
        [...map].map(([item, column]) => [
          item,
          column.includes("{time}")
            ? column.replaceAll("{time}", label)
            : pattern.replaceAll("{column}", column).replaceAll("{time}", label),
        ]),
      );
      return { ...e, columns: named };
    }),
  };
}

function batchPart(options: HistoryOptions): BatchOptions {
  return {
    instruments: options.instruments,
    ...(options.missingCodes === undefined ? {} : { missingCodes: options.missingCodes }),
    ...(options.allowMissingColumns === undefined ? {} : { allowMissingColumns: options.allowMissingColumns }),
    // How cells are read (decimal commas, labels, clock times): dropped, a declared reading would be ignored.
    ...(options.reading === undefined ? {} : { reading: options.reading }),
  };
}

/** Checks that the columns a batch needs are in the dataset, as a CSV header is checked. */
function checkColumns(batch: BatchOptions, header: readonly string[], issues: HistoryIssue[], where: string): void {
  try {
    createBatchScorer({ ...batch, header });
  } catch (error) {
    if (!(error instanceof BatchOptionsError)) throw error;
    for (const p of error.problems) issues.push({ row: null, column: null, value: null, message: `${where}${p}` });
  }
}

interface Builder {
  readonly id: string;
  group: string | undefined;
  groupRow: number;
  readonly history: TimedEntry[];
  readonly invalid: InvalidAssessment[];
  /** Which row gave each instrument at each instant, to name both rows of a repeat. */
  readonly seen: Map<string, number>;
}

/**
 * Reads rows of repeated assessments (long or wide, see {@link HistoryOptions}) into one history per person,
 * each entry a dated result with its time point: the shape {@link summarizeOutcomes}, {@link followUps} and
 * `progress` read. An instrument with nothing answered at a time point is not an assessment (lost to
 * follow-up); one with some answers but no score is kept (unscored); one with invalid cells is listed in the
 * person's `invalid` and in `errors`.
 *
 * @param rows - records keyed by column (a CSV read with a header, JSON objects)
 * @param options - the layout (id, dates or labels, wide time points), the instruments and how cells are read
 * @returns the persons' histories, the time points, every invalid cell
 * @throws {@link HistoryInputError} for rows that cannot be placed in time or attributed to a person, or absent columns
 * @throws {@link BatchOptionsError} for bad instrument options
 * @example
 * ```ts
 * const { persons } = historiesFromRows(
 *   [
 *     { pid: "A", visit: "baseline", phq9_1: "2", phq9_2: "2", phq9_3: "2", phq9_4: "2", phq9_5: "2", phq9_6: "2", phq9_7: "2", phq9_8: "2", phq9_9: "0" },
 *     { pid: "A", visit: "6w", phq9_1: "1", phq9_2: "1", phq9_3: "1", phq9_4: "1", phq9_5: "1", phq9_6: "1", phq9_7: "1", phq9_8: "0", phq9_9: "0" },
 *   ],
 *   { instruments: ["phq9"], id: "pid", at: "visit", order: ["baseline", "6w"] },
 * );
 * persons[0]?.history.map((e) => [e.timePoint, e.result.score]); // [["baseline", 16], ["6w", 7]]
 * ```
 * @category Batch
 */
export function historiesFromRows(rows: readonly BatchRow[], options: HistoryOptions): Histories {
  const issues: HistoryIssue[] = [];
  const add = (issue: HistoryIssue): void => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  rows.forEach((row: unknown, i) => {
    const r = row;
    if (typeof r !== "object" || r === null || Array.isArray(r))
      add({ row: i + 1, column: null, value: r, message: `row ${String(i + 1)} is not a record of column → cell` });
  });
  if (issues.length > 0) throw new HistoryInputError(issues);
  const records = rows as readonly Readonly<Record<string, unknown>>[];
  const header = options.columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const has = new Set(header);
  const need = (column: string, what: string): void => {
    if (!has.has(column))
      add({ row: null, column, value: null, message: `the ${what} column "${column}" is not in the data` });
  };
  need(options.id, "id");
  if (options.group !== undefined) need(options.group, "group");
  if (options.wide !== undefined && options.order !== undefined)
    add({
      row: null,
      column: null,
      value: null,
      message: "give the time points either as order (long rows) or as wide.timePoints, not both",
    });
  if (options.wide === undefined && options.at === undefined)
    add({
      row: null,
      column: null,
      value: null,
      message: "name the date or visit column (at), or the time points of a wide dataset (wide)",
    });
  if (options.wide !== undefined && options.wide.timePoints.length === 0)
    add({ row: null, column: null, value: null, message: "wide.timePoints: give at least one time point" });
  const points =
    options.wide !== undefined
      ? timePointsOf(options.wide.timePoints, "wide.timePoints", issues)
      : options.order !== undefined
        ? timePointsOf(options.order, "order", issues)
        : null;
  const labelIndex = new Map((points ?? []).map((p, i) => [p.label, i]));
  const pattern = options.wide?.pattern ?? "{column}_{time}";
  if (options.wide !== undefined && !pattern.includes("{time}"))
    add({ row: null, column: null, value: pattern, message: `wide.pattern "${pattern}" must hold {time}` });
  if (options.wide !== undefined && options.at !== undefined && !options.at.includes("{time}"))
    add({
      row: null,
      column: null,
      value: options.at,
      message: `at "${options.at}": in a wide dataset the date column pattern must hold {time}, e.g. "date_{time}"`,
    });
  if (options.wide === undefined && options.at !== undefined)
    need(options.at, options.order === undefined ? "date" : "visit");
  const batches: { label: string | null; batch: BatchOptions }[] =
    options.wide !== undefined
      ? (points ?? []).map((p) => ({ label: p.label, batch: wideOptions(options, p.label, pattern) }))
      : [{ label: null, batch: batchPart(options) }];
  if (issues.every((i) => i.column !== null)) {
    // Only absent columns so far: every absent column is named at once.
    for (const b of batches) {
      checkColumns(b.batch, header, issues, b.label === null ? "" : `time point ${quote(b.label)}: `);
      if (b.label !== null && options.at !== undefined)
        need(options.at.replaceAll("{time}", b.label), `date (time point ${quote(b.label)})`);
    }
  }
  if (issues.length > 0) throw new HistoryInputError(issues);

  const persons = new Map<string, Builder>();
  const errors: CellError[] = [];
  const personOf = (r: Readonly<Record<string, unknown>>, row: number): Builder | null => {
    const id = text(r[options.id]);
    if (id === null || id === "") {
      add({
        row,
        column: options.id,
        value: r[options.id],
        message: `row ${String(row)}, column "${options.id}": the person's id is empty`,
      });
      return null;
    }
    let p = persons.get(id);
    if (p === undefined) {
      p = { id, group: undefined, groupRow: row, history: [], invalid: [], seen: new Map() };
      persons.set(id, p);
    }
    if (options.group !== undefined) {
      const g = text(r[options.group]) ?? "";
      if (p.group === undefined && g !== "") {
        p.group = g;
        p.groupRow = row;
      } else if (g !== "" && g !== p.group)
        add({
          row,
          column: options.group,
          value: g,
          message: `row ${String(row)}: person "${id}" is in group ${quote(p.group)} in row ${String(p.groupRow)} but ${quote(g)} here`,
        });
    }
    return p;
  };
  const dateOf = (
    r: Readonly<Record<string, unknown>>,
    row: number,
    column: string,
  ): { at: string; label: string | null } | null => {
    const raw = r[column];
    const t = text(raw);
    if (points !== null && options.wide === undefined) {
      const i = t === null ? undefined : labelIndex.get(t);
      if (i === undefined) {
        add({
          row,
          column,
          value: raw,
          message: `row ${String(row)}, column "${column}": ${quote(raw)} is not one of the time points (${points.map((p) => p.label).join(", ")})`,
        });
        return null;
      }
      return { at: nominal(points, i), label: t };
    }
    if (t === null || parseInstant(t) === null) {
      add({
        row,
        column,
        value: raw,
        message: `row ${String(row)}, column "${column}": ${quote(raw)} is not an ISO 8601 date (YYYY-MM-DD) or date-time naming a real day`,
      });
      return null;
    }
    return { at: t, label: null };
  };
  const record = (
    p: Builder,
    row: number,
    at: string,
    label: string | null,
    out: ReturnType<typeof scoreRows>["rows"][number],
  ): void => {
    for (const o of out.instruments) {
      const answered =
        o.result === null ? o.errors.length > 0 : Object.values(o.result.answers).some((v) => v !== null);
      if (!answered) continue;
      const key = `${o.instrument}\u0000${String(parseInstant(at))}`;
      const before = p.seen.get(key);
      if (before !== undefined) {
        add({
          row,
          column: null,
          value: at,
          message: `rows ${String(before)} and ${String(row)} both give ${o.instrument} for person "${p.id}" at ${label ?? at}: which one is meant cannot be told`,
        });
        continue;
      }
      p.seen.set(key, row);
      const timePoint = label === null ? {} : { timePoint: label };
      if (o.result === null) {
        errors.push(...o.errors);
        p.invalid.push({ at, ...timePoint, instrument: o.instrument, errors: o.errors });
      } else p.history.push({ at, ...timePoint, result: o.result });
    }
  };

  if (options.wide === undefined) {
    const scored = scoreRows(records, batches[0]?.batch as BatchOptions);
    scored.rows.forEach((out, i) => {
      const row = i + 1;
      const r = records[i] as Readonly<Record<string, unknown>>;
      const p = personOf(r, row);
      const when = dateOf(r, row, options.at as string);
      if (p === null || when === null) return;
      record(p, row, when.at, when.label, out);
    });
  } else {
    const owners = records.map((r, i) => personOf(r, i + 1));
    batches.forEach((b, k) => {
      const label = b.label as string;
      const scored = scoreRows(records, b.batch);
      scored.rows.forEach((out, i) => {
        const row = i + 1;
        const p = owners[i];
        if (p === null || p === undefined) return;
        const anything = out.instruments.some(
          (o) => o.errors.length > 0 || (o.result !== null && Object.values(o.result.answers).some((v) => v !== null)),
        );
        let at = nominal(points as TimePoint[], k);
        if (options.at !== undefined) {
          const column = options.at.replaceAll("{time}", label);
          if (!anything) return;
          const when = dateOf(records[i] as Readonly<Record<string, unknown>>, row, column);
          if (when === null) return;
          at = when.at;
        }
        if (anything) record(p, row, at, label, out);
      });
    });
  }
  if (issues.length > 0) throw new HistoryInputError(issues);
  const list: PersonHistory[] = [...persons.values()].map((p) => ({
    id: p.id,
    ...(p.group === undefined ? {} : { group: p.group }),
    history: p.history,
    ...(p.invalid.length === 0 ? {} : { invalid: p.invalid }),
  }));
  return {
    persons: list,
    timePoints: points === null ? null : points.map((p) => p.label),
    datesKnown:
      points === null ||
      (options.wide !== undefined && options.at !== undefined) ||
      points.every((p) => p.weeks !== undefined),
    nominalDates: points !== null && !(options.wide !== undefined && options.at !== undefined),
    rows: records.length,
    errors,
  };
}
