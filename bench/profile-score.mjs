// Run under `node --cpu-prof` by bench/profile.ts: scores the rows in a JSON file with the built library
// (dist/index.js) for a few seconds, so the profile shows where a call's time goes.
// Usage: node bench/profile-score.mjs <rows.json> <score|scoreKept|safeScore> <seconds>
import { readFileSync } from "node:fs";
import process from "node:process";
import { performance } from "node:perf_hooks";
import { phq9, safeScore, score } from "../dist/index.js";

const [file, mode, seconds] = process.argv.slice(2);
const rows = JSON.parse(readFileSync(file, "utf8"));
let sink = 0;
const end = performance.now() + 1000 * Number(seconds);
while (performance.now() < end) {
  if (mode === "score") {
    for (const row of rows) sink += score(phq9, row).score;
  } else if (mode === "scoreKept") {
    const kept = [];
    for (const row of rows) kept.push(score(phq9, row));
    sink += kept.length;
  } else {
    for (const row of rows) {
      const r = safeScore(phq9, row);
      sink += r.success ? 0 : r.error.issues.length;
    }
  }
}
if (sink === 0) throw new Error("nothing scored");
