// Writes examples/cohort-long.csv and examples/cohort-wide.csv: one synthetic cohort (no real patient data)
// assessed at baseline, 6 weeks and 3 months, in three sites, as a long file (one row per person per visit)
// and as a wide file (one row per person, a set of columns per visit). Both hold exactly the same answers,
// so `stepscore progress` gives the same table from either. A fixed seed makes the files the same on every
// run. Some people improve, some do not, a few get worse; some are lost to follow-up after baseline or after
// 6 weeks; a few answers are left empty; one cell is a data-entry error.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gad7, odi, phq9, type InstrumentDefinition, type Item } from "../src/index.js";

/** mulberry32: a small, fast, seedable generator, so the files never change between runs. */
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

const random = rng(20261203);
const PERSONS = 90;
const SITES = ["north", "south", "east"] as const;
/** The visits: label, weeks after baseline (the label is also the wide file's column suffix). */
const VISITS = [
  { label: "baseline", weeks: 0 },
  { label: "6w", weeks: 6 },
  { label: "3m", weeks: 13 },
] as const;
const INSTRUMENTS: readonly InstrumentDefinition[] = [phq9, gad7, odi];
const clamp = (x: number): number => Math.min(1, Math.max(0, x));

/** An answer to a choice item around a level (0 none … 1 severe), on the item's own scale. */
function answer(item: Item, level: number): number {
  if (item.kind === "number" || item.kind === "time") throw new Error("choice items only");
  const values = item.options.map((o) => o.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return Math.max(lo, Math.min(hi, Math.round(lo + level * (hi - lo) + (random() - 0.5) * 1.4)));
}

function iso(day: number): string {
  return new Date(Date.UTC(2026, 0, 5) + day * 86_400_000).toISOString().slice(0, 10);
}

interface Visit {
  readonly date: string;
  /** Cells by item column (`phq9_1`), or null when the person was not seen. */
  readonly cells: Readonly<Record<string, string>> | null;
}

const items = INSTRUMENTS.flatMap((def) => def.items.map((it) => ({ def, it, column: `${def.id}_${it.id}` })));
const people: { id: string; site: string; visits: Visit[] }[] = [];
for (let n = 0; n < PERSONS; n++) {
  const severity = 0.25 + 0.6 * random();
  // How much of the severity is gone by 3 months: most improve, some stay, a few get worse.
  const u = random();
  const gain = u < 0.55 ? 0.4 + 0.5 * random() : u < 0.85 ? 0.1 * random() : -0.25 * random();
  // Lost to follow-up: after baseline (about 1 in 8) or after 6 weeks (about 1 in 8 more).
  const l = random();
  const seen = l < 0.12 ? 1 : l < 0.25 ? 2 : 3;
  const start = Math.floor(random() * 60);
  const visits: Visit[] = VISITS.map((v, k) => {
    const date = iso(start + v.weeks * 7 + (k === 0 ? 0 : Math.round((random() - 0.5) * 6)));
    if (k >= seen) return { date, cells: null };
    const level = clamp(severity * (1 - gain * (v.weeks / 13)));
    const cells: Record<string, string> = {};
    for (const { def, it, column } of items) {
      const mood = def.id === "odi" ? clamp(level * 0.9 + 0.05) : level;
      // PHQ-9 item 9 (thoughts of self-harm) is endorsed by few.
      const value = def.id === "phq9" && it.id === "9" && random() > level * 0.3 ? 0 : answer(it, mood);
      // About 1 answer in 300 left empty; the ODI sex-life section (item 8) often, as in practice.
      cells[column] = random() < (column === "odi_8" ? 0.2 : 1 / 300) ? "" : String(value);
    }
    return { date, cells };
  });
  people.push({ id: `S${String(n + 1).padStart(3, "0")}`, site: SITES[n % SITES.length] as string, visits });
}
// One data-entry error, to show how it is reported.
const typo = people[7]?.visits[1]?.cells as Record<string, string> | undefined;
if (typo !== undefined) typo.gad7_3 = "x";

const csvLine = (cells: readonly string[]): string => cells.join(",");
const columns = items.map((x) => x.column);

const long = [csvLine(["id", "site", "visit", "date", ...columns])];
for (const p of people) {
  p.visits.forEach((v, k) => {
    if (v.cells === null) return;
    const cells = v.cells;
    long.push(csvLine([p.id, p.site, VISITS[k]?.label ?? "", v.date, ...columns.map((c) => cells[c] ?? "")]));
  });
}

const wideHeader = [
  "id",
  "site",
  ...VISITS.flatMap((v) => [`date_${v.label}`, ...columns.map((c) => `${c}_${v.label}`)]),
];
const wide = [csvLine(wideHeader)];
for (const p of people) {
  wide.push(
    csvLine([
      p.id,
      p.site,
      ...p.visits.flatMap((v) => [v.cells === null ? "" : v.date, ...columns.map((c) => v.cells?.[c] ?? "")]),
    ]),
  );
}

writeFileSync(join(import.meta.dirname, "cohort-long.csv"), `${long.join("\n")}\n`);
writeFileSync(join(import.meta.dirname, "cohort-wide.csv"), `${wide.join("\n")}\n`);
console.log(
  `wrote examples/cohort-long.csv (${String(long.length - 1)} rows) and examples/cohort-wide.csv (${String(PERSONS)} rows)`,
);
