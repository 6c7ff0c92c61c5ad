// Random valid definitions (stepscore/testing `definition()`: sums, means, percents, prorating and
// min-answered rules, option scores, reverse keying, range and rule bands, flags on items and scales), scored
// by the SQL in DuckDB and by the batch scorer: every column the same, under the default rule and under
// each definition's alternative rule, with its opt-in flags asked for.
import * as fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { SqlError, toSql, type InstrumentDefinition } from "../../src/index.js";
import { definition } from "../../src/testing/definitions.js";
import { duckdb } from "./engines.js";
import { compare, REFUSED, rowOf } from "./harness.js";

const engine = await duckdb();
afterAll(() => {
  engine.close();
});

const withRows = (asText: boolean): fc.Arbitrary<[InstrumentDefinition, (string | number | null)[][]]> =>
  // The methods toSql compiles (rules and table scales it refuses, as the next test shows); count, all and
  // any conditions come with the generated flags and bands.
  definition({ methods: ["sum", "mean", "percent"] }).chain((def) =>
    fc.tuple(fc.constant(def), fc.array(rowOf(def, asText), { minLength: 40, maxLength: 40 })),
  );

for (const asText of [true, false]) {
  it(`duckdb: generated definitions, ${asText ? "text" : "number"} cells`, { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(withRows(asText), async ([def, rows]) => {
        await compare(engine, [def], rows, asText);
        const alternative = def.missingOptions?.[0]?.id;
        const optIn = (def.flags ?? []).filter((f) => f.optIn === true).map((f) => f.id);
        if (alternative !== undefined || optIn.length > 0)
          await compare(engine, [def], rows, asText, "answers", {
            ...(alternative === undefined ? {} : { missing: alternative }),
            ...(optIn.length === 0 ? {} : { flags: optIn }),
          });
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
}

it("refuses the instruments it cannot compile yet, naming each and why", () => {
  for (const id of REFUSED) {
    expect(() => toSql(["phq9", id], { dialect: "duckdb", table: "t" })).toThrow(SqlError);
    expect(() => toSql([id], { dialect: "duckdb", table: "t" })).toThrow(
      new RegExp(`^${id} \\(.*\\) cannot be compiled to SQL: its (scales?|items|skip rules|rules read) `),
    );
  }
  expect(() => toSql(["gcpsr"], { dialect: "duckdb", table: "t" })).toThrow(/its scale grade is a "rules" scale/);
  expect(() => toSql(["koosjr"], { dialect: "duckdb", table: "t" })).toThrow(/is a "table" scale/);
  expect(() => toSql(["audit"], { dialect: "duckdb", table: "t" })).toThrow(/its skip rules/);
  expect(() => toSql(["phq15"], { dialect: "duckdb", table: "t" })).toThrow(/read settings/);
});

it("refuses the PSQI, naming it and why, and never writes a partial score", () => {
  expect(() => toSql(["phq9", "psqi"], { dialect: "duckdb", table: "t" })).toThrow(SqlError);
  expect(() => toSql(["psqi"], { dialect: "duckdb", table: "t" })).toThrow(
    /psqi \(PSQI\) cannot be compiled to SQL: its scales .* are computed by the definition's own scorer/,
  );
});

it("refuses an unknown instrument, dialect, option or column mapping", () => {
  const t = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      return error instanceof SqlError ? error.problems.join("\n") : String(error);
    }
    return "";
  };
  expect(t(() => toSql(["phq10" as "phq9"], { dialect: "duckdb", table: "t" }))).toMatch(/unknown instrument "phq10"/);
  expect(t(() => toSql(["phq9"], { dialect: "oracle" as "duckdb", table: "t" }))).toMatch(
    /unknown SQL dialect "oracle"/,
  );
  expect(
    t(() => toSql([{ instrument: "phq9", options: { missing: "none" } }], { dialect: "sqlite", table: "t" })),
  ).toMatch(/unknown missing-data option "none"/);
  expect(t(() => toSql(["phq9"], { dialect: "postgres", table: "t", columns: { phq9: "PHQ" } }))).toMatch(
    /has no \{item\}/,
  );
});

it("reads the columns --map names and writes a view", async () => {
  await engine.exec(`DROP TABLE IF EXISTS mapped`);
  await engine.exec(
    `CREATE TABLE mapped (id INTEGER, ${Array.from({ length: 8 }, (_, i) => `"GAD_${String(i + 1)}" VARCHAR`).join(", ")})`,
  );
  await engine.exec(
    `INSERT INTO mapped VALUES (1, '3', '3', '3', '3', '3', '3', ' 3 ', '2'), (2, '0', '', '1', '0', '0', '0', '0', NULL)`,
  );
  await engine.exec(
    toSql(["gad7"], { dialect: "duckdb", table: "mapped", columns: { gad7: "GAD_{item}" }, view: "scored" }),
  );
  const rows = await engine.query(
    `SELECT id, gad7_score, gad7_band, gad7_method, gad7_missing FROM scored ORDER BY id`,
  );
  expect(rows).toEqual([
    { id: 1, gad7_score: 21, gad7_band: "severe", gad7_method: "complete", gad7_missing: "" },
    { id: 2, gad7_score: null, gad7_band: null, gad7_method: "insufficient", gad7_missing: "2" },
  ]);
});
