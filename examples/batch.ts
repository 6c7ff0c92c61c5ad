// The batch API in a script: score rows (here from a CSV file) with several instruments, then look at
// the errors and the summary. Run it with: npx tsx examples/batch.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { scoreRows } from "../src/index.js"; // from "stepscore" in your own project

const rows = parse<Record<string, string>>(readFileSync(join(import.meta.dirname, "cohort.csv"), "utf8"), {
  columns: true,
});

const { rows: outcomes, summary } = scoreRows(rows, {
  instruments: ["phq9", "gad7", { instrument: "odi", options: { missing: "nine-sections" } }],
  missingCodes: ["NA"], // cells that mean "not answered", besides blanks
});

for (const out of outcomes.slice(0, 3)) {
  const [phq9, gad7, odi] = out.instruments;
  console.log(out.input.id, phq9?.result?.score, gad7?.result?.band?.id, odi?.result?.score);
}
for (const e of outcomes.flatMap((o) => o.errors)) console.log(e.message); // row, column, value, what is allowed
console.log(summary.rows, summary.scored, summary.incomplete, summary.invalid, summary.instruments.phq9?.bands);
