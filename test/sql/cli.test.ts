// `stepscore sql`: the SQL of toSql with the scoring options of `stepscore score`, run in SQLite.
import initSqlJs from "sql.js";
import { expect, it } from "vitest";
import { cli } from "../cli/helpers.js";

it("prints a view that scores the table, with --na and --missing-rule", async () => {
  const out = await cli([
    "sql",
    "phq9",
    "--dialect",
    "sqlite",
    "--table",
    "t",
    "--view",
    "v",
    "--na",
    "NA",
    "--missing-rule",
    "phq9=cms-mds",
  ]);
  expect(out.code).toBe(0);
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const items = Array.from({ length: 10 }, (_, i) => `phq9_${String(i + 1)}`);
  db.run(`CREATE TABLE t (${items.map((c) => `${c} TEXT`).join(", ")})`);
  db.run(`INSERT INTO t VALUES ('1','1','1','1','1','1','1','1','NA',NULL)`);
  db.run(out.stdout);
  const [r] = db.exec("SELECT phq9_score, phq9_method, phq9_missing FROM v");
  // The difficulty item (10) is in no scale: unanswered, it is nothing missing, as `stepscore score` writes.
  expect(r?.values).toEqual([[9, "prorated", "9"]]);
  db.close();
});

it("refuses the PSQI and an unknown dialect, saying why", async () => {
  const psqi = await cli(["sql", "psqi"]);
  expect(psqi.code).toBe(2);
  expect(psqi.stderr).toMatch(/psqi \(PSQI\) cannot be compiled to SQL/);
  const dialect = await cli(["sql", "phq9", "--dialect", "oracle"]);
  expect(dialect.code).toBe(2);
  expect(dialect.stderr).toMatch(/--dialect must be one of duckdb, postgres, sqlite/);
  expect((await cli(["sql", "--help"])).stdout).toMatch(/^Usage: stepscore sql/);
});
