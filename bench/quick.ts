// A quick same-run comparison of score() with the hand loop and zod, for working on the engine
// (`npx tsx bench/quick.ts`); `npm run bench` is the full, reported measurement.
import * as z from "zod";
import { score as coreScore } from "../src/core.js";
import { phq9, safeScore, score } from "../src/index.js";
import { phq9Rows, withOneInvalid, withSomeInvalid } from "./data.js";
import { handPhq9 } from "./hand.js";

const rows = phq9Rows(50_000);
const bad = withOneInvalid(rows.slice(0, 10_000));
// A mixed batch: 3 % of the rows with one invalid answer (the target: safeScore within 4x of the hand loop).
const mixed = withSomeInvalid(rows, 0.03);
const item = z.int().min(0).max(3);
const schema = z.tuple([item, item, item, item, item, item, item, item, item]);
let sink: unknown = null;

function per(fn: () => void, n: number): number {
  const times: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t = performance.now();
    fn();
    times.push(((performance.now() - t) * 1e6) / n);
  }
  times.sort((a, b) => a - b);
  return times[0] as number;
}
for (let round = 0; round < 3; round++) {
  const hand = per(() => {
    for (const r of rows) sink = handPhq9(r);
  }, rows.length);
  const s = per(() => {
    for (const r of rows) sink = score(phq9, r);
  }, rows.length);
  const zv = per(() => {
    for (const r of rows) sink = schema.safeParse(r);
  }, rows.length);
  const sb = per(() => {
    for (const r of bad) sink = safeScore(phq9, r);
  }, bad.length);
  const zb = per(() => {
    for (const r of bad) {
      const p = schema.safeParse(r);
      sink = p.success ? null : p.error.issues;
    }
  }, bad.length);
  const c = per(() => {
    for (const r of rows) sink = coreScore(phq9, r);
  }, rows.length);
  const hm = per(() => {
    for (const r of mixed) sink = handPhq9(r);
  }, mixed.length);
  const sm = per(() => {
    for (const r of mixed) sink = safeScore(phq9, r);
  }, mixed.length);
  console.log(
    `hand ${hand.toFixed(0)} ns; score ${s.toFixed(0)} ns = ${(s / hand).toFixed(1)}x; stepscore/core ${(c / hand).toFixed(1)}x; zod valid ${(zv / hand).toFixed(1)}x; ` +
      `mixed: safeScore ${(sm / hm).toFixed(1)}x the hand loop; invalid: safeScore ${sb.toFixed(0)} ns, zod ${zb.toFixed(0)} ns = ${(sb / zb).toFixed(2)}x`,
  );
}
if (sink === null) throw new Error("nothing scored");
