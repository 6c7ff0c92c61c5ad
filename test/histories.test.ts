// Reading repeated assessments: long and wide rows into histories, every row that cannot be placed in time
// named, and the batch table that stepscore progress writes (long and wide agree on the same cohort).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  historiesFromRows,
  HistoryInputError,
  progressColumns,
  progressRows,
  gad7,
  odi,
  phq9,
  type HistoryIssue,
} from "../src/index.js";

const items = (prefix: string, values: readonly (number | null)[]): Record<string, string> =>
  Object.fromEntries(values.map((v, i) => [`${prefix}${String(i + 1)}`, v === null ? "" : String(v)]));
const P16 = [2, 2, 2, 2, 2, 2, 2, 2, 0];
const P7 = [1, 1, 1, 1, 1, 1, 1, 0, 0];
const P3 = [1, 1, 1, 0, 0, 0, 0, 0, 0];

function issues(run: () => unknown): HistoryIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof HistoryInputError) return [...error.issues];
    throw error;
  }
  throw new Error("expected a HistoryInputError");
}

const root = join(import.meta.dirname, "..");
const example = (name: string): Record<string, string>[] =>
  parse(readFileSync(join(root, "examples", name), "utf8"), { columns: true });

describe("historiesFromRows", () => {
  it("reads cells as the reading options say (labels, decimal commas), as scoreRows does", () => {
    const labelled = (label: string): Record<string, string> =>
      Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${String(i + 1)}`, label]));
    const rows = [
      { pid: "A", at: "2026-01-05", ...labelled("Several days") },
      { pid: "A", at: "2026-03-02", ...labelled("not at all") },
    ];
    const read = historiesFromRows(rows, { instruments: ["phq9"], id: "pid", at: "at", reading: { labels: true } });
    expect(read.errors).toEqual([]);
    expect(read.persons[0]?.history.map((h) => h.result.score)).toEqual([9, 0]);
    // Without the option a label is an invalid cell, never a guess.
    const plain = historiesFromRows(rows, { instruments: ["phq9"], id: "pid", at: "at" });
    expect(plain.errors).toHaveLength(18);
    expect(plain.persons[0]?.history).toEqual([]);
  });

  it("reads long rows with ISO dates, in any order, one history per person", () => {
    const { persons, timePoints, datesKnown } = historiesFromRows(
      [
        { pid: "A", date: "2026-03-02", ...items("phq9_", P7) },
        { pid: "B", date: "2026-01-06", ...items("phq9_", P3) },
        { pid: "A", date: "2026-01-05", ...items("phq9_", P16) },
      ],
      { instruments: ["phq9"], id: "pid", at: "date" },
    );
    expect(timePoints).toBeNull();
    expect(datesKnown).toBe(true);
    expect(persons.map((p) => [p.id, p.history.map((e) => [e.at, e.result.score])])).toEqual([
      [
        "A",
        [
          ["2026-03-02", 7],
          ["2026-01-05", 16],
        ],
      ],
      ["B", [["2026-01-06", 3]]],
    ]);
  });

  it("reads visit labels in the declared order, with their weeks", () => {
    const { persons, timePoints, datesKnown, nominalDates } = historiesFromRows(
      [
        { pid: "A", visit: "6w", ...items("phq9_", P7) },
        { pid: "A", visit: "baseline", ...items("phq9_", P16) },
      ],
      {
        instruments: ["phq9"],
        id: "pid",
        at: "visit",
        order: [
          { label: "baseline", weeks: 0 },
          { label: "6w", weeks: 6 },
        ],
      },
    );
    expect(timePoints).toEqual(["baseline", "6w"]);
    expect(datesKnown).toBe(true);
    expect(nominalDates).toBe(true);
    const [a] = persons;
    expect(a?.history.map((e) => e.timePoint)).toEqual(["6w", "baseline"]);
    // Six weeks apart, whatever nominal day they are counted from.
    const [later, first] = (a?.history ?? []).map((e) => Date.parse(e.at));
    expect(((later ?? 0) - (first ?? 0)) / 86_400_000).toBe(42);
  });

  it("names a date that is not ISO 8601 or not a real day, with its row, column and value", () => {
    const found = issues(() =>
      historiesFromRows(
        [
          { pid: "A", date: "05/01/2026", ...items("phq9_", P16) },
          { pid: "A", date: "2026-02-30", ...items("phq9_", P7) },
        ],
        { instruments: ["phq9"], id: "pid", at: "date" },
      ),
    );
    expect(found.map((i) => [i.row, i.column, i.value])).toEqual([
      [1, "date", "05/01/2026"],
      [2, "date", "2026-02-30"],
    ]);
    expect(found[0]?.message).toBe(
      'row 1, column "date": "05/01/2026" is not an ISO 8601 date (YYYY-MM-DD) or date-time naming a real day',
    );
  });

  it("names a label that is not among the time points, listing them", () => {
    const found = issues(() =>
      historiesFromRows([{ pid: "A", visit: "12w", ...items("phq9_", P16) }], {
        instruments: ["phq9"],
        id: "pid",
        at: "visit",
        order: ["baseline", "6w", "3m"],
      }),
    );
    expect(found).toEqual([
      {
        row: 1,
        column: "visit",
        value: "12w",
        message: 'row 1, column "visit": "12w" is not one of the time points (baseline, 6w, 3m)',
      },
    ]);
  });

  it("refuses an empty id, the same instrument twice at one time point, and absent columns", () => {
    expect(
      issues(() =>
        historiesFromRows(
          [
            { pid: " ", date: "2026-01-05", ...items("phq9_", P16) },
            { pid: "A", date: "2026-01-05", ...items("phq9_", P16) },
            { pid: "A", date: "2026-01-05", ...items("phq9_", P7) },
          ],
          { instruments: ["phq9"], id: "pid", at: "date" },
        ),
      ).map((i) => i.message),
    ).toEqual([
      'row 1, column "pid": the person\'s id is empty',
      'rows 2 and 3 both give phq9 for person "A" at 2026-01-05: which one is meant cannot be told',
    ]);
    const absent = issues(() =>
      historiesFromRows([{ pid: "A", ...items("phq9_", P16) }], {
        instruments: ["phq9", "gad7"],
        id: "pid",
        at: "date",
      }),
    ).map((i) => i.message);
    expect(absent[0]).toBe('the date column "date" is not in the data');
    expect(absent.join("\n")).toContain("gad7_1");
  });

  it("leaves out an instrument with nothing answered (not assessed) and keeps a partly answered one", () => {
    const { persons } = historiesFromRows(
      [
        { pid: "A", date: "2026-01-05", ...items("phq9_", P16), ...items("gad7_", [1, 1, 1, 1, 1, 1, 1]) },
        {
          pid: "A",
          date: "2026-03-02",
          ...items("phq9_", [1, 1, null, null, 1, 1, 1, 1, 0]),
          ...items("gad7_", Array(7).fill(null) as null[]),
        },
      ],
      { instruments: ["phq9", "gad7"], id: "pid", at: "date" },
    );
    expect(persons[0]?.history.map((e) => [e.at, e.result.instrument, e.result.score])).toEqual([
      ["2026-01-05", "phq9", 16],
      ["2026-01-05", "gad7", 7],
      ["2026-03-02", "phq9", null],
    ]);
  });

  it("lists invalid cells and the assessment they stop, without throwing", () => {
    const { persons, errors } = historiesFromRows(
      [
        { pid: "A", date: "2026-01-05", ...items("phq9_", P16) },
        { pid: "A", date: "2026-03-02", ...items("phq9_", [1, 1, 1, 1, 1, 1, 1, 0, 7]) },
      ],
      { instruments: ["phq9"], id: "pid", at: "date" },
    );
    expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, "phq9_9", "7"]]);
    expect(persons[0]?.invalid?.map((x) => [x.at, x.instrument])).toEqual([["2026-03-02", "phq9"]]);
  });

  it("reads wide rows with the default pattern, a --map pattern holding {time}, and date columns", () => {
    const row = {
      pid: "A",
      date_t0: "2026-01-05",
      date_t1: "2026-03-02",
      ...Object.fromEntries(Object.entries(items("", P16)).map(([k, v]) => [`t0_phq9_${k}`, v])),
      ...Object.fromEntries(Object.entries(items("", P16)).map(([k, v]) => [`phq9_${k}_t0`, v])),
      ...Object.fromEntries(Object.entries(items("", P7)).map(([k, v]) => [`phq9_${k}_t1`, v])),
      ...Object.fromEntries(Object.entries(items("", P16)).map(([k, v]) => [`PHQ_t0_Q${k}`, v])),
      ...Object.fromEntries(Object.entries(items("", P3)).map(([k, v]) => [`PHQ_t1_Q${k}`, v])),
    };
    const byDefault = historiesFromRows([row], {
      instruments: ["phq9"],
      id: "pid",
      wide: { timePoints: ["t0", "t1"] },
      at: "date_{time}",
    });
    expect(byDefault.persons[0]?.history.map((e) => [e.timePoint, e.at, e.result.score])).toEqual([
      ["t0", "2026-01-05", 16],
      ["t1", "2026-03-02", 7],
    ]);
    expect(byDefault.nominalDates).toBe(false);
    const mapped = historiesFromRows([row], {
      instruments: [{ instrument: "phq9", columns: "PHQ_{time}_Q{item}" }],
      id: "pid",
      wide: { timePoints: ["t0", "t1"] },
    });
    expect(mapped.persons[0]?.history.map((e) => e.result.score)).toEqual([16, 3]);
    const other = historiesFromRows([row], {
      instruments: ["phq9"],
      id: "pid",
      wide: { timePoints: ["t0"], pattern: "{time}_{column}" },
    });
    expect(other.persons[0]?.history.map((e) => e.result.score)).toEqual([16]);
  });

  it("names the columns a wide time point lacks", () => {
    const found = issues(() =>
      historiesFromRows(
        [{ pid: "A", ...Object.fromEntries(Object.entries(items("", P16)).map(([k, v]) => [`phq9_${k}_t0`, v])) }],
        {
          instruments: ["phq9"],
          id: "pid",
          wide: { timePoints: ["t0", "t3"] },
        },
      ),
    );
    expect(found[0]?.message).toMatch(/^time point "t3": .*phq9_1_t3/);
  });
});

describe("progressRows", () => {
  const order = [
    { label: "baseline", weeks: 0 },
    { label: "6w", weeks: 6 },
    { label: "3m", weeks: 13 },
  ];
  const long = progressRows(example("cohort-long.csv"), {
    instruments: ["phq9", "gad7", "odi"],
    id: "id",
    at: "visit",
    order,
    group: "site",
  });
  const wide = progressRows(example("cohort-wide.csv"), {
    instruments: ["phq9", "gad7", "odi"],
    id: "id",
    wide: { timePoints: order },
    group: "site",
  });

  it("gives the same table and summary from the long and the wide file of one cohort", () => {
    expect(wide.columns).toEqual(long.columns);
    expect(wide.rows).toEqual(long.rows);
    expect(wide.summary).toEqual(long.summary);
    expect(long.rows.length).toBe(180); // 90 persons × 2 follow-ups
  });

  it("counts the persons lost to follow-up and writes their rows as missing", () => {
    expect(long.summary.withoutFollowUp.count).toBeGreaterThan(0);
    const lost = long.summary.withoutFollowUp.ids[0];
    const theirs = long.rows.filter((r) => r.id === lost);
    expect(theirs.map((r) => [r.time_point, r.phq9_status, r.phq9_change])).toEqual([
      ["6w", "missing", null],
      ["3m", "missing", null],
    ]);
    const at3m = long.summary.instruments.find((s) => s.instrument === "phq9" && s.timePoint === "3m");
    expect(at3m?.missing).toBe(
      long.rows.filter((r) => r.time_point === "3m" && r.phq9_status === "missing" && r.phq9_baseline !== null).length,
    );
  });

  it("writes the columns the definitions call for, and the action with the weeks known", { timeout: 60_000 }, () => {
    expect(long.columns).toEqual(progressColumns([phq9, gad7, odi], { group: true, actions: true }).map((c) => c.name));
    // The GAD-7 defines no response and the ODI no reliable change: no such columns.
    expect(long.columns).not.toContain("gad7_response");
    expect(long.columns).not.toContain("odi_reliable_change");
    expect(long.columns).toContain("odi_response");
    expect(long.actions).toBe(true);
    const noWeeks = progressRows(example("cohort-long.csv"), {
      instruments: ["phq9"],
      id: "id",
      at: "visit",
      order: ["baseline", "6w", "3m"],
    });
    expect(noWeeks.actions).toBe(false);
    expect(noWeeks.columns).not.toContain("action");
  });

  it("gives one row per person with latest", { timeout: 60_000 }, () => {
    const latest = progressRows(example("cohort-long.csv"), {
      instruments: ["phq9"],
      id: "id",
      at: "date",
      latest: true,
    });
    expect(latest.rows.length).toBe(90);
    expect(new Set(latest.rows.map((r) => r.id)).size).toBe(90);
  });
});

describe("historiesFromRows: options and rows it refuses", () => {
  const row = { pid: "A", date: "2026-01-05", site: "x", ...items("phq9_", P16) };
  const messages = (rows: readonly unknown[], options: Parameters<typeof historiesFromRows>[1]): string[] =>
    issues(() => historiesFromRows(rows as Parameters<typeof historiesFromRows>[0], options)).map((i) => i.message);

  it("names rows that are not records", () => {
    expect(messages([row, ["A", "2026-01-05"]], { instruments: ["phq9"], id: "pid", at: "date" })).toEqual([
      "row 2 is not a record of column → cell",
    ]);
  });

  it("names layouts it cannot read", () => {
    expect(messages([row], { instruments: ["phq9"], id: "pid" })).toEqual([
      "name the date or visit column (at), or the time points of a wide dataset (wide)",
    ]);
    expect(
      messages([row], { instruments: ["phq9"], id: "pid", at: "date", order: ["a"], wide: { timePoints: ["a"] } })[0],
    ).toBe("give the time points either as order (long rows) or as wide.timePoints, not both");
    expect(messages([row], { instruments: ["phq9"], id: "pid", wide: { timePoints: [] } })).toEqual([
      "wide.timePoints: give at least one time point",
    ]);
    expect(
      messages([row], { instruments: ["phq9"], id: "pid", wide: { timePoints: ["t0"], pattern: "{column}" } }),
    ).toEqual(['wide.pattern "{column}" must hold {time}']);
    expect(messages([row], { instruments: ["phq9"], id: "pid", at: "date", wide: { timePoints: ["t0"] } })[0]).toBe(
      'at "date": in a wide dataset the date column pattern must hold {time}, e.g. "date_{time}"',
    );
  });

  it("names time points given twice, weeks given for some only, and weeks that do not increase", () => {
    const base = { instruments: ["phq9"] as const, id: "pid", at: "date" };
    expect(messages([row], { ...base, instruments: ["phq9"], order: ["a", "a"] })).toEqual([
      'order: time point "a" is empty or given twice',
    ]);
    expect(messages([row], { ...base, instruments: ["phq9"], order: [{ label: "a", weeks: 0 }, "b"] })).toEqual([
      "order: give weeks for every time point or for none",
    ]);
    expect(
      messages([row], {
        ...base,
        instruments: ["phq9"],
        order: [
          { label: "a", weeks: 6 },
          { label: "b", weeks: 6 },
        ],
      }),
    ).toEqual(["order: the weeks of the time points must increase (6 then 6)"]);
  });

  it("names a person put in two groups", () => {
    expect(
      messages([row, { ...row, date: "2026-03-02", site: "y" }], {
        instruments: ["phq9"],
        id: "pid",
        at: "date",
        group: "site",
      }),
    ).toEqual(['row 2: person "A" is in group "x" in row 1 but "y" here']);
  });

  it("reads numeric ids, and a wide time point with answers but no date is named", () => {
    const numeric = historiesFromRows([{ ...row, pid: 17 }], { instruments: ["phq9"], id: "pid", at: "date" });
    expect(numeric.persons[0]?.id).toBe("17");
    const wideRow = {
      pid: "A",
      date_t0: "",
      date_t1: "",
      ...Object.fromEntries(Object.entries(items("", P16)).map(([k, v]) => [`phq9_${k}_t0`, v])),
      ...Object.fromEntries(
        Object.entries(items("", Array(9).fill(null) as null[])).map(([k, v]) => [`phq9_${k}_t1`, v]),
      ),
    };
    expect(
      messages([wideRow], { instruments: ["phq9"], id: "pid", wide: { timePoints: ["t0", "t1"] }, at: "date_{time}" }),
    ).toEqual(['row 1, column "date_t0": "" is not an ISO 8601 date (YYYY-MM-DD) or date-time naming a real day']);
  });

  it("keeps a person with nothing answered, written with every instrument missing", () => {
    const r = progressRows(
      [
        { pid: "A", date: "2026-01-05", ...items("phq9_", P16) },
        { pid: "B", date: "2026-01-05", ...items("phq9_", Array(9).fill(null) as null[]) },
      ],
      { instruments: ["phq9"], id: "pid", at: "date" },
    );
    expect(r.persons.map((p) => [p.id, p.history.length])).toEqual([
      ["A", 1],
      ["B", 0],
    ]);
    expect(r.rows.map((x) => [x.id, x.phq9_status])).toEqual([
      ["A", "baseline-only"],
      ["B", "missing"],
    ]);
    expect(r.summary.withoutFollowUp.ids).toEqual(["A", "B"]);
  });
});
