// Scores the synthetic cohort in examples/cohort.csv with the PHQ-9 and GAD-7 and prints a table:
// score, band and flags per person, the reason where a score could not be given, and a summary.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { gad7, phq9, safeScore, type InstrumentDefinition } from "../src/index.js";

const rows = parse<Record<string, string>>(readFileSync(join(import.meta.dirname, "cohort.csv"), "utf8"), { columns: true });

/** A CSV cell as an answer: empty = not answered; a number where it parses as one; otherwise the text, so the error names it. */
function cell(text: string | undefined): number | string | null {
  if (text === undefined || text.trim() === "") return null;
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

function answersFor(def: InstrumentDefinition, row: Record<string, string>): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const item of def.items) out[item.id] = cell(row[`${def.id}_${item.id}`]);
  return out;
}

const bandCounts = new Map<string, number>();
const table: string[][] = [["id", "PHQ-9", "GAD-7", "flags and notes"]];
let invalid = 0;
let incomplete = 0;
let flagged = 0;
for (const row of rows) {
  const line = [row.id ?? "?"];
  const notes: string[] = [];
  for (const def of [phq9, gad7] as InstrumentDefinition[]) {
    const r = safeScore(def, answersFor(def, row));
    if (!r.success) {
      invalid++;
      line.push("invalid");
      notes.push(r.error.issues.map((i) => `${def.shortTitle} item ${i.item ?? "?"}: ${i.message}`).join("; "));
      continue;
    }
    const { score, band, flags, reason } = r.data;
    line.push(score === null ? "no score" : `${String(score)} ${band?.label ?? ""}`);
    if (band) bandCounts.set(`${def.shortTitle} ${band.label}`, (bandCounts.get(`${def.shortTitle} ${band.label}`) ?? 0) + 1);
    if (score === null) {
      incomplete++;
      notes.push(reason ?? "");
    }
    for (const f of flags) {
      flagged++;
      notes.unshift(`⚠ ${def.shortTitle}: ${f.label}`);
    }
  }
  line.push(notes.join(" | "));
  table.push(line);
}

const widths = table[0]!.map((_, c) => Math.min(c === 3 ? 100 : 24, Math.max(...table.map((l) => (l[c] ?? "").length))));
const show = (l: string[]): string => l.map((v, c) => (v.length > widths[c]! ? `${v.slice(0, widths[c]! - 1)}…` : v.padEnd(widths[c]!))).join("  ").trimEnd();
// The first rows as they come, then further rows that have something to say (a flag, a missing or bad answer).
const first = table.slice(1, 9);
const noted = table.slice(9).filter((l) => (l[3] ?? "") !== "").slice(0, 12);
console.log(`stepscore demo: ${String(rows.length)} synthetic people (examples/cohort.csv), PHQ-9 and GAD-7\n`);
console.log(show(table[0]!));
for (const l of first) console.log(show(l));
console.log("…");
for (const l of noted) console.log(show(l));
console.log(`(${String(table.length - 1)} rows in all)\n`);
console.log("Summary");
console.log(`  answer sets scored:            ${String(rows.length * 2 - invalid - incomplete)}`);
console.log(`  no score (missing answers):    ${String(incomplete)} (the reason is given; a blank is never counted as 0)`);
console.log(`  rejected (invalid answers):    ${String(invalid)} (the item and value are named)`);
console.log(`  PHQ-9 item 9 safety flags:     ${String(flagged)} (same-day suicide-risk assessment)`);
for (const [band, n] of [...bandCounts].sort()) console.log(`  ${band.padEnd(30)} ${String(n)}`);
