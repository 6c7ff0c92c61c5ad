// Reading cells: a dataset cell as an answer, and where a bound item's cell is in a row.
import type { Binding } from "./columns.js";
import type { BatchCellReading, BatchRow } from "./types.js";

// Decimal numerals, with an exponent as R and pandas write small and large values ("1e-04").
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// With a decimal comma (European spreadsheets): "1,5", "-0,25", "3". No exponent, no dot.
const DECIMAL_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)$/;
// A clock time with a one-digit hour, as spreadsheets write it ("7:30").
const SHORT_TIME = /^\d:[0-5]\d$/;

/**
 * A dataset cell as an answer: null for not answered (undefined, null, blank, or a declared missing code);
 * a number for a decimal numeral ("2", " 2 ", "1.5", "-1", "1e-4"; "1,5" with a decimal comma); for a
 * clock-time item the trimmed text ("7:30" as "07:30" with short times); any other value unchanged, so that
 * validation names it. Numbers pass through.
 */
export function readCell(
  v: unknown,
  time: boolean,
  codes: ReadonlySet<string> | null,
  reading: BatchCellReading | null = null,
): unknown {
  if (typeof v === "string") {
    // Most cells are one digit: read them without trimming or parsing.
    if (v.length === 1 && !time) {
      const c = v.charCodeAt(0);
      if (c >= 48 && c <= 57) return codes !== null && codes.has(v) ? null : c - 48;
    }
    const t = v.trim();
    if (t === "" || (codes !== null && codes.has(t))) return null;
    if (time) return reading?.shortTimes === true && SHORT_TIME.test(t) ? `0${t}` : t;
    if (reading?.decimalComma === true) return DECIMAL_COMMA.test(t) ? Number(t.replace(",", ".")) : v;
    return DECIMAL.test(t) ? Number(t) : v;
  }
  if (v === undefined || v === null) return null;
  if (codes !== null && typeof v === "number" && codes.has(String(v))) return null;
  return v;
}

/** A label or code as it is compared: case and spacing (and the kind of apostrophe) do not matter. */
export function labelKey(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();
}

/** The cell a bound item is read from: undefined when its column is absent (or only inherited). */
export function cellAt(row: BatchRow, isArray: boolean, b: Binding): unknown {
  if (isArray) return b.place.kind === "cell" ? (row as readonly unknown[])[b.place.index] : undefined;
  const rec = row as Readonly<Record<string, unknown>>;
  return b.guard && !Object.hasOwn(rec, b.column) ? undefined : rec[b.column];
}
