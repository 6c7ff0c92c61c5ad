// Writes examples/cohort.csv: a synthetic cohort (no real patient data) for the demo and the docs.
// A fixed seed makes the file the same on every run; some cells are left empty (not answered) and a few
// hold deliberate data-entry errors, so the demo shows how both are reported.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a small, fast, seedable generator, so the file never changes between runs. */
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

const random = rng(20261122);
const ROWS = 240;
const columns = [
  "id",
  ...Array.from({ length: 10 }, (_, i) => `phq9_${String(i + 1)}`),
  ...Array.from({ length: 8 }, (_, i) => `gad7_${String(i + 1)}`),
];

/** An answer 0–3 around a person's latent severity (0–1). */
function answer(severity: number): number {
  const v = Math.round(severity * 3 + (random() - 0.5) * 1.6);
  return Math.max(0, Math.min(3, v));
}

const lines = [columns.join(",")];
for (let r = 0; r < ROWS; r++) {
  const severity = random() ** 1.6;
  const anxiety = Math.min(1, Math.max(0, severity + (random() - 0.5) * 0.4));
  const cells: string[] = [`P${String(r + 1).padStart(4, "0")}`];
  for (let i = 0; i < 9; i++) cells.push(String(i === 8 ? (random() < severity * 0.35 ? answer(severity) : 0) : answer(severity)));
  cells.push(String(answer(severity * 0.8)));
  for (let i = 0; i < 7; i++) cells.push(String(answer(anxiety)));
  cells.push(String(answer(anxiety * 0.8)));
  // About 1 cell in 150 not answered, and one row in 40 with a data-entry error.
  for (let c = 1; c < cells.length; c++) if (random() < 1 / 150) cells[c] = "";
  if (random() < 1 / 40) cells[1 + Math.floor(random() * 17)] = ["4", "x", "1.5", "-1"][Math.floor(random() * 4)] ?? "4";
  lines.push(cells.join(","));
}
writeFileSync(join(import.meta.dirname, "cohort.csv"), lines.join("\n") + "\n");
console.log(`wrote examples/cohort.csv (${String(ROWS)} rows)`);
