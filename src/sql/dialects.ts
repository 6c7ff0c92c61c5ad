/**
 * The SQL dialects `toSql` writes, and every way they differ in one table: the floating-point type, casts,
 * trimming, how a text cell is recognised as a decimal numeral without raising, and floor. Everything else
 * the generated SQL uses is the SQL standard (CASE, COALESCE, CAST, arithmetic, `||`, SUBSTR).
 *
 * @module
 */

/** A SQL dialect whose engine runs the tests: DuckDB, PostgreSQL (PGlite) and SQLite (sql.js). */
export type SqlDialect = "duckdb" | "postgres" | "sqlite";

/** What one dialect says differently. Arguments and results are SQL expressions. */
export interface DialectRules {
  /** The double-precision floating-point type. */
  readonly double: string;
  /** A cell as text. */
  readonly text: (x: string) => string;
  /** Text with the whitespace JavaScript's `trim()` removes taken off both ends. */
  readonly trim: (t: string) => string;
  /**
   * The number a cell stands for (`r` the cell, `t` its trimmed text): a number as it is, text that is a
   * decimal numeral as src/batch/cells.ts reads it; NULL for anything else. Never raises.
   */
  readonly number: (r: string, t: string) => string;
  /** The largest integer not above x. */
  readonly floor: (x: string) => string;
  /** Concatenation of text. */
  readonly concat: (parts: readonly string[]) => string;
}

// Decimal numerals, as src/batch/cells.ts reads them: digits with an optional point and exponent.
const NUMERAL = String.raw`[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?`;

// Every character JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator).
const SPACE =
  "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const concat = (parts: readonly string[]): string => (parts.length === 0 ? "''" : parts.join(" || "));

/**
 * SQLite has no regular expressions: a numeral is recognised by its non-digit characters (the "skeleton":
 * sign, point, exponent mark and sign, each at most once) and one GLOB per skeleton that puts them in place,
 * so that every other character is a digit.
 */
function sqliteNumeral(t: string): string {
  let skeleton = t;
  for (let d = 0; d <= 9; d++) skeleton = `REPLACE(${skeleton}, '${String(d)}', '')`;
  const cases: string[] = [];
  for (const sign of ["", "+", "-"]) {
    for (const point of ["", "."]) {
      for (const exp of ["", "e", "E", "e+", "e-", "E+", "E-"]) {
        // Each GLOB `*` can only hold digits here: the skeleton says there is no other character.
        const mantissas = point === "" ? ["[0-9]*"] : ["[0-9]*.*", ".[0-9]*"];
        const globs = mantissas.map((m) => `${t} GLOB ${literal(`${sign}${m}${exp === "" ? "" : `${exp}[0-9]*`}`)}`);
        cases.push(`WHEN ${literal(sign + point + exp)} THEN (${globs.join(" OR ")})`);
      }
    }
  }
  return `(CASE ${skeleton} ${cases.join(" ")} ELSE 0 END)`;
}

/** Each dialect's rules. */
export const DIALECTS: { readonly [K in SqlDialect]: DialectRules } = {
  duckdb: {
    double: "DOUBLE",
    text: (x) => `CAST(${x} AS VARCHAR)`,
    trim: (t) => `TRIM(${t}, ${literal(SPACE)})`,
    number: (_, t) => `CASE WHEN regexp_full_match(${t}, ${literal(NUMERAL)}) THEN TRY_CAST(${t} AS DOUBLE) END`,
    floor: (x) => `FLOOR(${x})`,
    concat,
  },
  postgres: {
    double: "DOUBLE PRECISION",
    text: (x) => `CAST(${x} AS TEXT)`,
    trim: (t) => `BTRIM(${t}, ${literal(SPACE)})`,
    // A cast that would overflow raises in PostgreSQL: numerals that long, or with a three-digit exponent, are
    // read as text (no allowed value is written so), never cast.
    number: (_, t) =>
      `CASE WHEN ${t} ~ ${literal(`^${NUMERAL}$`)} AND LENGTH(${t}) <= 200 AND ${t} !~ '[eE][+-]?[0-9]{3}' ` +
      `THEN CAST(${t} AS DOUBLE PRECISION) END`,
    floor: (x) => `FLOOR(${x})`,
    concat,
  },
  sqlite: {
    double: "REAL",
    text: (x) => `CAST(${x} AS TEXT)`,
    trim: (t) => `TRIM(${t}, ${literal(SPACE)})`,
    // SQLite's cells carry their own type: a number is read as it is, text as the numeral it spells.
    number: (r, t) =>
      `CASE WHEN typeof(${r}) IN ('integer', 'real') THEN CAST(${r} AS REAL) WHEN ${sqliteNumeral(t)} THEN CAST(${t} AS REAL) END`,
    // FLOOR is an optional extension in SQLite: truncate, and step down below zero.
    floor: (x) => `(CAST(${x} AS INTEGER) - (${x} < CAST(${x} AS INTEGER)))`,
    concat,
  },
};
