// validatePathway on pathways of many rules: the time must grow with the number of rules, not its square, and
// 20,000 rules must validate in well under a second (`npx tsx bench/pathway-scale.ts`; exits 1 when not).
import { defaultPathway, validatePathway, type Pathway, type StepRule } from "../src/index.js";

const rule = defaultPathway.stepRules[0];
const pathway = (n: number): Pathway => ({
  ...defaultPathway,
  stepRules: Array.from({ length: n }, (_, i): StepRule => ({ ...rule, id: `rule-${String(i)}` })),
});

/** Best of five, in ms. */
function ms(p: Pathway): number {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    if (validatePathway(p).length !== 0) throw new Error("the pathway should be valid");
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const small = ms(pathway(20_000));
const large = ms(pathway(80_000));
// Four times the rules: about 4× the time when linear, 16× when quadratic.
const growth = large / small;
const ok = small < 1000 && growth < 8;
process.stdout.write(
  `validatePathway: 20,000 rules ${small.toFixed(0)} ms, 80,000 rules ${large.toFixed(0)} ms (×${growth.toFixed(1)} for ×4 rules): ${ok ? "linear" : "NOT linear or too slow"}\n`,
);
if (!ok) process.exitCode = 1;
