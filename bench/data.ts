// Synthetic datasets for the benchmarks, written at run time and never committed: PHQ-9 and GAD-7
// columns, mostly valid answers, about 1 cell in 200 blank and 1 in 5,000 invalid, as real exports are.
import { openSync, writeSync, closeSync } from "node:fs";

/** The columns: an id, then the PHQ-9 (10 items) and GAD-7 (8 items) under stepscore's default names. */
export const COLUMNS = [
  "id",
  ...Array.from({ length: 10 }, (_, i) => `phq9_${String(i + 1)}`),
  ...Array.from({ length: 8 }, (_, i) => `gad7_${String(i + 1)}`),
];

/** mulberry32, seeded, so every run benchmarks the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` data rows (and a header) to `path`. */
export function writeCohort(path: string, rows: number): void {
  const random = rng(7);
  const fd = openSync(path, "w");
  let chunk = `${COLUMNS.join(",")}\n`;
  for (let r = 0; r < rows; r++) {
    const severity = random();
    let line = `P${String(r + 1)}`;
    for (let c = 1; c < COLUMNS.length; c++) {
      const u = random();
      const cell = u < 0.005 ? "" : u < 0.0052 ? "x" : String(Math.min(3, Math.floor(severity * 3 + random() * 1.5)));
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
