// One instance of each SQL engine per test file, behind the Engine interface of harness.ts.
import { DuckDBInstance } from "@duckdb/node-api";
import { PGlite } from "@electric-sql/pglite";
import initSqlJs from "sql.js";
import type { Engine } from "./harness.js";

/** DuckDB in memory. */
export async function duckdb(): Promise<Engine & { close(): void }> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  return {
    dialect: "duckdb",
    textType: "VARCHAR",
    numberType: "DOUBLE",
    exec: async (sql) => {
      await c.run(sql);
    },
    query: async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJS(),
    close: () => {
      c.closeSync();
      instance.closeSync();
    },
  };
}

/** PostgreSQL compiled to WebAssembly (PGlite), in memory. */
export async function postgres(): Promise<Engine & { close(): Promise<void> }> {
  const pg = await PGlite.create();
  return {
    dialect: "postgres",
    textType: "TEXT",
    numberType: "DOUBLE PRECISION",
    exec: async (sql) => {
      await pg.exec(sql);
    },
    query: async (sql) => (await pg.query<Record<string, unknown>>(sql)).rows,
    close: () => pg.close(),
  };
}

/** SQLite compiled to WebAssembly (sql.js), in memory. */
export async function sqlite(): Promise<Engine & { close(): void }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  return {
    dialect: "sqlite",
    textType: "TEXT",
    numberType: "REAL",
    exec: (sql) => {
      db.run(sql);
      return Promise.resolve();
    },
    query: (sql) => {
      const [result] = db.exec(sql);
      if (result === undefined) return Promise.resolve([]);
      return Promise.resolve(
        result.values.map((v) => Object.fromEntries(result.columns.map((c, j) => [c, v[j] ?? null]))),
      );
    },
    close: () => {
      db.close();
    },
  };
}
