// Writes report.html (or the path given) from a synthetic cohort followed over time, through the API:
// `npx tsx examples/report.ts [out.html]`, then open the file in a browser. The cohort is made here from a
// fixed seed (no real patient data): 60 people at three sites, a baseline and reassessments about 6 and 12
// weeks later, some lost to follow-up; answers come from the definitions, so the results are real scores.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gad7, odi, pcs, phq9, score, type HistoryEntry, type InstrumentDefinition } from "../src/index.js";
import { renderReport, type ReportPerson } from "../src/report/index.js";

/** mulberry32: a small seedable generator, so the cohort is the same on every run. */
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

const clamp = (x: number): number => Math.min(1, Math.max(0, x));

/** Answers to every choice item of a definition around a level from 0 (none) to 1 (severe). */
function answers(def: InstrumentDefinition, level: number, random: () => number): number[] {
  return def.items.map((item) => {
    if (item.kind === "number" || item.kind === "time") throw new Error("choice items only");
    const values = item.options.map((o) => o.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const v = Math.max(lo, Math.min(hi, Math.round(lo + level * (hi - lo) + (random() - 0.5) * 1.6)));
    return item.reversed === true ? lo + hi - v : v;
  });
}

/** PHQ-9 answers around a level; item 9 (thoughts of self-harm) answered above 0 by about one in ten. */
function phq9Answers(level: number, random: () => number): number[] {
  const a = answers(phq9, level, random);
  a[8] = random() < 0.1 ? 1 : 0;
  return a;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The example cohort: baseline, about 6 and 12 weeks, three sites, some lost to follow-up. */
export function exampleCohort(seed = 20261203, size = 60): ReportPerson[] {
  const random = rng(seed);
  const sites = ["North", "South", "East"] as const;
  return Array.from({ length: size }, (_, i): ReportPerson => {
    const distress = 0.25 + 0.65 * random();
    const disability = clamp(0.3 + 0.5 * random());
    // Most improve, some do not, a few get worse.
    const gain = random() < 0.15 ? -0.08 : 0.05 + 0.2 * random();
    const visits = random() < 0.15 ? 1 : random() < 0.12 ? 2 : 3;
    const start = addDays("2026-01-05", Math.floor(random() * 60));
    const history: HistoryEntry[] = [];
    for (let k = 0; k < visits; k++) {
      const at = k === 0 ? start : addDays(start, k * 42 + Math.floor(random() * 8) - 3);
      const d = clamp(distress - gain * k + (random() - 0.5) * 0.1);
      const a = clamp(distress * 0.9 - gain * k * 0.8 + (random() - 0.5) * 0.2);
      const f = clamp(disability - gain * k * 0.7);
      history.push(
        { at, result: score(phq9, phq9Answers(d, random)) },
        { at, result: score(gad7, answers(gad7, a, random)) },
        { at, result: score(odi, answers(odi, f, random)) },
      );
      if (k !== 1) history.push({ at, result: score(pcs, answers(pcs, clamp(d * 0.8 + 0.1), random)) });
    }
    return { id: `P${String(i + 1).padStart(3, "0")}`, group: sites[i % sites.length] as string, history };
  });
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? "")}`) {
  const out = resolve(process.argv[2] ?? "report.html");
  const html = await renderReport(exampleCohort(), { title: "Example cohort: three sites over 12 weeks", people: 8 });
  writeFileSync(out, html);
  console.log(`wrote ${out} (${String(Math.round(html.length / 1024))} kB): open it in a browser`);
}
