// Writes examples/cohort.csv: a synthetic cohort (no real patient data) for the demo and the docs.
// A fixed seed makes the file the same on every run. People differ in a few latent traits (distress,
// catastrophizing, fear of movement, disability, poor sleep) that move related questionnaires together;
// items come from the definitions (ranges, reverse keying), so the columns are the ones stepscore reads.
// Some cells are left empty (not answered) and a few rows hold deliberate data-entry errors, so the demo
// shows how both are reported.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gad7, isi, odi, pcs, phq9, startback, tsk17, type InstrumentDefinition, type Item } from "../src/index.js";

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
const ROWS = 300;
const clamp = (x: number): number => Math.min(1, Math.max(0, x));
const near = (x: number, spread: number): number => clamp(x + (random() - 0.5) * spread);

/** Latent traits, 0 (none) to 1 (severe), correlated through a shared distress factor. */
interface Person {
  readonly distress: number;
  readonly anxiety: number;
  readonly catastrophizing: number;
  readonly fear: number;
  readonly disability: number;
  readonly sleep: number;
}

function person(): Person {
  const distress = random() ** 1.5;
  const catastrophizing = near(0.6 * distress + 0.3 * random(), 0.3);
  return {
    distress,
    anxiety: near(distress, 0.4),
    catastrophizing,
    fear: near(0.7 * catastrophizing + 0.2, 0.4),
    disability: near(0.5 * catastrophizing + 0.4 * random(), 0.3),
    sleep: near(0.7 * distress + 0.1, 0.5),
  };
}

/** An answer to a choice item around a trait level, on the item's own scale and keying. */
function answer(item: Item, level: number): number {
  if (item.kind === "number" || item.kind === "time") throw new Error("choice items only");
  const values = item.options.map((o) => o.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const v = Math.max(lo, Math.min(hi, Math.round(lo + level * (hi - lo) + (random() - 0.5) * 1.6)));
  return item.reversed === true ? lo + hi - v : v;
}

/** Which trait drives each instrument (STarT Back: physical items 1–4, psychosocial 5–9). */
const plan: readonly [InstrumentDefinition, (p: Person, item: string) => number][] = [
  [phq9, (p, item) => (item === "10" ? p.distress * 0.8 : p.distress)],
  [gad7, (p, item) => (item === "8" ? p.anxiety * 0.8 : p.anxiety)],
  [pcs, (p) => p.catastrophizing],
  [tsk17, (p) => p.fear],
  [
    startback,
    (p, item) =>
      ["1", "2", "3", "4"].includes(item)
        ? p.disability
        : item === "9"
          ? (p.disability + p.distress) / 2
          : p.catastrophizing,
  ],
  [odi, (p) => p.disability],
  [isi, (p) => p.sleep],
];

const columns = ["id", ...plan.flatMap(([def]) => def.items.map((it) => `${def.id}_${it.id}`))];
const lines = [columns.join(",")];
for (let r = 0; r < ROWS; r++) {
  const p = person();
  const cells = [`P${String(r + 1).padStart(4, "0")}`];
  for (const [def, level] of plan) {
    for (const it of def.items) {
      // Thoughts of self-harm (PHQ-9 item 9) are endorsed by a minority, more often with more distress.
      const selfHarm = def === phq9 && it.id === "9";
      cells.push(String(selfHarm && random() > p.distress * 0.35 ? 0 : answer(it, level(p, it.id))));
    }
  }
  // About 1 cell in 400 not answered; the ODI sex-life section (item 8) is often left blank, as in practice.
  for (let c = 1; c < cells.length; c++) {
    if (random() < (columns[c] === "odi_8" ? 0.2 : 1 / 400)) cells[c] = "";
  }
  // One row in 40 with a data-entry error in one cell.
  if (random() < 1 / 40) {
    const c = 1 + Math.floor(random() * (cells.length - 1));
    cells[c] = ["7", "x", "1.5", "-1", "2;3"][Math.floor(random() * 5)] ?? "7";
  }
  lines.push(cells.map((c) => (c.includes(";") || c.includes(",") ? `"${c}"` : c)).join(","));
}
writeFileSync(join(import.meta.dirname, "cohort.csv"), `${lines.join("\n")}\n`);
console.log(`wrote examples/cohort.csv (${String(ROWS)} rows, ${String(plan.length)} instruments)`);
