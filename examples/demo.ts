// Runs the stepscore command on the synthetic cohort in examples/cohort.csv, as a researcher would, then
// shows what it wrote: a table of scores, bands, steps and notes, and the summary the command printed.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

const root = join(import.meta.dirname, "..");
const output = ".tmp/cohort-steps.csv";
mkdirSync(join(root, ".tmp"), { recursive: true });

const args = ["stratify", "examples/cohort.csv", "--out", output];
console.log(`$ stepscore ${args.join(" ")}\n`);
// The command as shipped (src/cli/main.ts, run through tsx so no build is needed); its summary goes to stderr.
const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
});
const codes: Record<number, string> = {
  0: "every row scored",
  1: "every row written; some had invalid cells, named in the <id>_error columns",
  2: "the command could not run",
};
console.log(`\nexit code ${String(run.status)}: ${codes[run.status ?? 2] ?? "unexpected"}\n`);
if (run.status !== 0 && run.status !== 1) process.exit(1);

const rows = parse<Record<string, string>>(readFileSync(join(root, output), "utf8"), { columns: true });
const instruments = [
  ["phq9", "PHQ-9"],
  ["gad7", "GAD-7"],
  ["pcs", "PCS"],
  ["tsk17", "TSK-17"],
  ["startback", "STarT Back"],
  ["odi", "ODI"],
  ["isi", "ISI"],
] as const;

/** A score and its band, or why there is none. */
function cell(row: Record<string, string>, id: string): string {
  if ((row[`${id}_error`] ?? "") !== "") return "invalid";
  const score = row[`${id}_score`] ?? "";
  if (score === "") return "—";
  // The file keeps the exact value (an ODI with a section unanswered is a percentage of 45); shown rounded.
  return `${String(Math.round(Number(score) * 10) / 10)} ${row[`${id}_band`] ?? ""}`.trim();
}

function notes(row: Record<string, string>): string {
  const out: string[] = [];
  if (row.urgent === "true") out.push("URGENT: PHQ-9 item 9");
  for (const [id] of instruments) {
    const error = row[`${id}_error`] ?? "";
    if (error !== "") out.push(error);
    else if ((row[`${id}_score`] ?? "") === "") {
      const missing = (row[`${id}_missing`] ?? "").split(";");
      out.push(`${id}: item${missing.length === 1 ? "" : "s"} ${missing.join(", ")} not answered`);
    }
  }
  return out.join("; ");
}

const header = ["id", ...instruments.map(([, title]) => title), "step"];
const table = rows.map((row) => ({
  cells: [row.id ?? "", ...instruments.map(([id]) => cell(row, id)), row.step ?? ""],
  notes: notes(row),
}));
const widths = header.map((h, c) => Math.max(h.length, ...table.map((l) => (l.cells[c] ?? "").length)));
const show = (l: readonly string[]): string =>
  l
    .map((v, c) => v.padEnd(widths[c] ?? 10))
    .join("  ")
    .trimEnd();
const print = (l: { cells: readonly string[]; notes: string }): void => {
  console.log(show(l.cells));
  if (l.notes !== "") console.log(`       ↳ ${l.notes}`);
};

// The first rows as they come, then rows that have something to say (urgent, invalid or incomplete).
console.log(show(header));
for (const l of table.slice(0, 6)) print(l);
console.log("…");
for (const l of table
  .slice(6)
  .filter((l) => l.notes !== "" && !l.notes.startsWith("URGENT"))
  .slice(0, 8))
  print(l);
console.log(`(${String(rows.length)} rows in all; every column is in ${output})\n`);
console.log("A blank cell is a missing answer, never 0: a score the instrument's missing-data rule cannot give is");
console.log("left empty with the items that were missing. To score the cohort (or a file of your own), type:\n");
console.log("  npx tsx src/cli/main.ts score phq9,gad7 examples/cohort.csv --na NA -o .tmp/cohort-scored.csv");
