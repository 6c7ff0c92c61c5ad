// What every SQL engine's test shares: rows of cells, as text or as numbers, from the testing arbitraries;
// loading them into a table; and the comparison of the SQL's columns with the batch scorer's.
import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { expect } from "vitest";
import { fieldsFor, fieldValues } from "../../src/cli/columns.js";
import {
  instruments,
  scoreRows,
  toSql,
  type InstrumentDefinition,
  type Item,
  type ScoreOptions,
  type SqlDialect,
} from "../../src/index.js";
import { answerSet, itemValue } from "../../src/testing/arbitraries.js";

/** A SQL engine under test: runs statements and returns rows as column → value. */
export interface Engine {
  readonly dialect: SqlDialect;
  /** The column type of text cells and of number cells. */
  readonly textType: string;
  readonly numberType: string;
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** The instruments toSql refuses, with the reason (test/sql/generated.test.ts checks each is refused). */
export const REFUSED = [
  "psqi",
  "gcpsr",
  "ahchrsn",
  "koosjr",
  "hoosjr",
  "wpai",
  "auditc",
  "audit",
  "phq15",
  "pcptsd5",
] as const;

/** The bundled instruments toSql compiles: all but those it refuses. */
export const compiled = Object.values(instruments).filter(
  (d) => !(REFUSED as readonly string[]).includes(d.id),
) as InstrumentDefinition[];

export type Cell = string | number | null;

/** Spellings of a number the CLI reads as that number (src/batch/cells.ts), and some it rejects. */
function spelled(v: number): fc.Arbitrary<string> {
  const s = String(v);
  const forms = [s, ` ${s} `, `\t${s}`];
  if (Number.isInteger(v)) forms.push(`${s}.0`, `${s}e0`);
  if (v >= 0) forms.push(`+${s}`, `0${s}`);
  return fc.constantFrom(...forms);
}

/** Cells no item allows, or that no numeral spells: each must give an error, never a number. */
const JUNK: readonly string[] = [
  "x",
  "1,5",
  "NaN",
  "Infinity",
  "-Infinity",
  "true",
  "1e400",
  "2 3",
  ".",
  "e1",
  "1e",
  "--1",
  "0x1",
  "½",
  "1.2.3",
];

function badNumber(item: Item): fc.Arbitrary<number> {
  const values =
    item.kind === "number" ? [item.min, item.max] : item.kind === "time" ? [0] : item.options.map((o) => o.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return fc.oneof(
    fc.integer({ min: Math.floor(hi) + 1, max: Math.floor(hi) + 50 }),
    fc.integer({ min: Math.ceil(lo) - 50, max: Math.ceil(lo) - 1 }),
    fc.constant(lo + 0.25),
  );
}

/** One cell of an item as text: a valid answer in some spelling, blank, or (rarely) something not allowed. */
function textCell(item: Item): fc.Arbitrary<Cell> {
  return fc.oneof(
    { weight: 14, arbitrary: itemValue(item).chain((v) => (typeof v === "number" ? spelled(v) : fc.constant(v))) },
    { weight: 2, arbitrary: fc.constantFrom<Cell>(null, "", "  ", "NA") },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...JUNK), badNumber(item).map(String)) },
  );
}

/** One cell of an item as a number: a valid answer, null, or (rarely) a number not allowed. */
function numberCell(item: Item): fc.Arbitrary<Cell> {
  return fc.oneof(
    { weight: 14, arbitrary: itemValue(item) as fc.Arbitrary<number> },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: badNumber(item) },
  );
}

/** A row of cells for the instrument's items: mostly complete, some incomplete, some with a bad cell. */
export function rowOf(def: InstrumentDefinition, asText: boolean): fc.Arbitrary<Cell[]> {
  const cell = asText ? textCell : numberCell;
  return fc.oneof(
    answerSet(def).map((a) => a.map((v) => (asText && typeof v === "number" ? String(v) : v))),
    fc.tuple(...def.items.map(cell)),
  );
}

/** The default column of an item. */
export function columnOf(def: InstrumentDefinition, item: string): string {
  return `${def.id}_${item}`;
}

function sqlValue(v: Cell): string {
  if (v === null) return "NULL";
  if (typeof v === "number") return String(v);
  return `'${v.replaceAll("'", "''")}'`;
}

/** Creates a table of the rows (cells as text or as numbers) under the instrument's default columns. */
export async function load(
  engine: Engine,
  table: string,
  defs: readonly InstrumentDefinition[],
  rows: readonly Cell[][],
  asText: boolean,
): Promise<string[]> {
  const columns = defs.flatMap((d) => d.items.map((it) => columnOf(d, it.id)));
  const type = asText ? engine.textType : engine.numberType;
  await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  await engine.exec(`CREATE TABLE ${table} (row_no INTEGER, ${columns.map((c) => `"${c}" ${type}`).join(", ")})`);
  for (let from = 0; from < rows.length; from += 100) {
    const values = rows
      .slice(from, from + 100)
      .map((r, k) => `(${String(from + k)}, ${r.map(sqlValue).join(", ")})`)
      .join(", ");
    await engine.exec(`INSERT INTO ${table} VALUES ${values}`);
  }
  return columns;
}

/** What the SQL must give for one column: a number, text, or null. */
type Expected = number | string | null;

/**
 * Scores the rows with the batch scorer (as `stepscore score` reads cells) and with the SQL in the engine, and
 * compares every column the CLI writes: numbers to 1e-9, text exactly, and for `<id>_error` its presence and
 * the columns it names.
 */
export async function compare(
  engine: Engine,
  defs: readonly InstrumentDefinition[],
  rows: readonly Cell[][],
  asText: boolean,
  table = "answers",
  options?: ScoreOptions,
): Promise<void> {
  const columns = await load(engine, table, defs, rows, asText);
  const entries = defs.map((d) => (options === undefined ? d : { instrument: d, options }));
  const sql = toSql(entries, { dialect: engine.dialect, table, missingCodes: ["NA"] });
  const got = await engine.query(`${sql} ORDER BY row_no`);
  const records = rows.map((r) => Object.fromEntries(r.map((v, j) => [columns[j] as string, v])));
  const batch = scoreRows(records, { instruments: entries, missingCodes: ["NA"] });
  const fields = fieldsFor(defs);
  expect(got).toHaveLength(rows.length);
  // Input columns first, then exactly the CLI's columns in its order.
  expect(Object.keys(got[0] ?? {})).toEqual(["row_no", ...columns, ...fields.map((f) => f.name)]);
  batch.rows.forEach((out, i) => {
    const row = got[i] as Record<string, unknown>;
    const values = fieldValues(fields, out);
    fields.forEach((f, j) => {
      const want = values[j];
      const have = row[f.name];
      const where = `row ${String(i)} ${JSON.stringify(rows[i])} column ${f.name}`;
      if (f.name.endsWith("_error")) {
        expect(have === null, `${where}: ${String(have)} vs ${String(want)}`).toBe(want === null);
        const named = out.instruments[f.k]?.errors.map((e) => e.column) ?? [];
        for (const c of named) expect(String(have), where).toContain(`${String(c)}:`);
        return;
      }
      const expected: Expected = Array.isArray(want) ? want.join(";") : (want as Expected);
      if (typeof expected === "number") {
        expect(typeof have, where).toBe("number");
        expect(
          Math.abs((have as number) - expected),
          `${where}: ${String(have)} vs ${String(expected)}`,
        ).toBeLessThanOrEqual(1e-9);
      } else expect(have ?? null, where).toBe(expected);
    });
  });
}

/** Every vector in vectors/ as a row of number cells, with what the SQL's score and subscales must be. */
export interface VectorRow {
  readonly name: string;
  readonly cells: Cell[];
  readonly score: number | null;
  readonly subscales: Readonly<Record<string, number | null>>;
  readonly band: string | null | undefined;
}

interface Vector {
  readonly name: string;
  readonly answers: readonly (number | null)[] | Readonly<Record<string, number | null>>;
  readonly options?: { readonly missing?: string; readonly flags?: readonly string[] };
  readonly expect: {
    readonly score?: number | null;
    readonly band?: string | null;
    readonly method?: string | null;
    readonly flags?: readonly string[];
    readonly subscales?: Readonly<Record<string, number | null>>;
  };
}

/** Every vector in vectors/ of an instrument toSql compiles, scored by the SQL, against its expected result. */
export async function checkVectors(engine: Engine): Promise<number> {
  let checked = 0;
  for (const def of compiled) {
    const file = JSON.parse(readFileSync(new URL(`../../vectors/${def.id}.json`, import.meta.url), "utf8")) as {
      vectors: Vector[];
    };
    // One table and one query per set of options.
    const groups = new Map<string, Vector[]>();
    for (const v of file.vectors) {
      const key = JSON.stringify(v.options ?? null);
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    for (const vectors of groups.values()) {
      const rows = vectors.map((v) =>
        def.items.map((it, i): Cell => {
          const a = Array.isArray(v.answers)
            ? (v.answers as readonly (number | null)[])[i]
            : (v.answers as Readonly<Record<string, number | null>>)[it.id];
          return a ?? null;
        }),
      );
      await load(engine, "vector", [def], rows, false);
      const options = vectors[0]?.options;
      const entry = options === undefined ? def : { instrument: def, options };
      const got = await engine.query(`${toSql([entry], { dialect: engine.dialect, table: "vector" })} ORDER BY row_no`);
      vectors.forEach((v, i) => {
        const r = got[i] as Record<string, unknown>;
        const at = `${def.id}: ${v.name}`;
        const near = (have: unknown, want: number | null | undefined): void => {
          if (want === undefined) return;
          if (want === null) expect(have, at).toBeNull();
          else expect(Math.abs((have as number) - want), at).toBeLessThanOrEqual(1e-9);
        };
        // Without a primary score (FABQ, BPI) there are no score, band and method columns.
        if (def.score !== null) {
          near(r[`${def.id}_score`], v.expect.score);
          if (v.expect.band !== undefined) expect(r[`${def.id}_band`] ?? null, at).toBe(v.expect.band);
          if (v.expect.method !== undefined) expect(r[`${def.id}_method`] ?? null, at).toBe(v.expect.method);
        }
        if (v.expect.flags !== undefined) expect(r[`${def.id}_flags`], at).toBe(v.expect.flags.join(";"));
        for (const [id, want] of Object.entries(v.expect.subscales ?? {})) near(r[`${def.id}_${id}`], want);
        expect(r[`${def.id}_error`], at).toBeNull();
        checked++;
      });
    }
  }
  return checked;
}
