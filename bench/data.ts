// Synthetic datasets for the benchmarks, generated at run time and never committed: a CSV of PHQ-9 and GAD-7
// columns, mostly valid answers, about 1 cell in 200 blank and 1 in 5,000 invalid, as real exports are; and
// PHQ-9 answer arrays, all valid or each with one invalid answer.
import { openSync, writeSync, closeSync } from "node:fs";

/** The columns: an id, then the PHQ-9 (10 items) and GAD-7 (8 items) under stepscore's default names. */
export const COLUMNS = [
  "id",
  ...Array.from({ length: 10 }, (_, i) => `phq9_${String(i + 1)}`),
  ...Array.from({ length: 8 }, (_, i) => `gad7_${String(i + 1)}`),
];

/** mulberry32, seeded, so every run benchmarks the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How often a cell is blank or invalid in {@link writeCohort}'s data. */
export interface CellRates {
  /** Share of cells left blank. */
  readonly blank: number;
  /** Share of cells holding "x", which no item allows. */
  readonly invalid: number;
}

/** About 1 cell in 200 blank and 1 in 5,000 invalid, as real exports are. */
export const CLEAN: CellRates = { blank: 0.005, invalid: 0.0002 };

/** A messy export: 1 % of cells blank and 2 % invalid (about 30 % of rows then have an invalid cell). */
export const DIRTY: CellRates = { blank: 0.01, invalid: 0.02 };

/** Writes `rows` data rows (and a header) to `path`. */
export function writeCohort(path: string, rows: number, rates: CellRates = CLEAN): void {
  const random = rng(7);
  const fd = openSync(path, "w");
  let chunk = `${COLUMNS.join(",")}\n`;
  for (let r = 0; r < rows; r++) {
    const severity = random();
    let line = `P${String(r + 1)}`;
    for (let c = 1; c < COLUMNS.length; c++) {
      const u = random();
      const cell =
        u < rates.blank
          ? ""
          : u < rates.blank + rates.invalid
            ? "x"
            : String(Math.min(3, Math.floor(severity * 3 + random() * 1.5)));
      line += `,${cell}`;
    }
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** `n` complete, valid PHQ-9 answer arrays (items 1–9, each 0–3), spread over all severities. */
export function phq9Rows(n: number, seed = 11): number[][] {
  const random = rng(seed);
  const rows: number[][] = [];
  for (let r = 0; r < n; r++) {
    const severity = random();
    rows.push(Array.from({ length: 9 }, () => Math.min(3, Math.floor(severity * 3 + random() * 1.5))));
  }
  return rows;
}

/** The values put in invalid rows: out of range either side, not a whole number, a numeral as text. */
export const INVALID_VALUES: readonly unknown[] = [4, -1, 1.5, "2"];

/** Copies of `rows`, each with one answer at a random position replaced by one of {@link INVALID_VALUES}. */
export function withOneInvalid(rows: readonly (readonly number[])[], seed = 13): unknown[][] {
  const random = rng(seed);
  return rows.map((row) => {
    const copy: unknown[] = [...row];
    copy[Math.floor(random() * row.length)] = INVALID_VALUES[Math.floor(random() * INVALID_VALUES.length)];
    return copy;
  });
}

/** `rows` with a seeded `share` of them (e.g. 0.03) given one invalid answer each, in place: a mixed batch. */
export function withSomeInvalid(rows: readonly (readonly number[])[], share: number, seed = 17): unknown[][] {
  const random = rng(seed);
  const spoilt = withOneInvalid(rows, seed + 1);
  return rows.map((row, i) => (random() < share ? (spoilt[i] as unknown[]) : [...row]));
}
