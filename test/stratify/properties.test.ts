// Laws of stratify under the default pathway, on random answer sets of every instrument it reads.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fabq,
  gad2,
  gad7,
  isi,
  ndi,
  odi,
  ompsq10,
  pcs,
  phq2,
  phq8,
  phq9,
  score,
  startback,
  stratify,
  tsk17,
  type AnswerValue,
  type InstrumentDefinition,
  type Item,
  type ScoreResult,
} from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";

const used: readonly InstrumentDefinition[] = [
  phq9,
  phq8,
  phq2,
  gad7,
  gad2,
  pcs,
  tsk17,
  fabq,
  isi,
  startback,
  ompsq10,
  odi,
  ndi,
];

/** One instrument and an answer set for it (some answers missing). */
const entry = fc
  .constantFrom(...used)
  .chain((def) => answerSet(def, { missingRate: 0.05 }).map((answers) => ({ def, answers })));
const entries = fc.array(entry, { maxLength: 8 });

const results = (es: readonly { def: InstrumentDefinition; answers: AnswerValue[] }[]): ScoreResult[] =>
  es.map((e) => score(e.def, e.answers as never));

/** What an answer contributes once option scores and reverse keying are applied. */
function scored(item: Item, v: number): number {
  if (item.kind === "number" || item.kind === "time") return v;
  const values = item.options.map((o) => o.value);
  const base = item.options.find((o) => o.value === v)?.score ?? v;
  return item.reversed === true ? Math.min(...values) + Math.max(...values) - base : base;
}

/** The same answers with one answered item moved to an option that scores at least as high (worse). */
function worsen(def: InstrumentDefinition, answers: readonly AnswerValue[], at: number, pick: number): AnswerValue[] {
  const i = at % answers.length;
  const item = def.items[i] as Item;
  const v = answers[i];
  if (typeof v !== "number" || item.kind === "number" || item.kind === "time") return [...answers];
  const worse = item.options.filter((o) => scored(item, o.value) >= scored(item, v));
  const out = [...answers];
  out[i] = (worse[pick % worse.length] as { value: number }).value;
  return out;
}

/** The step as a number for ordering: "not assessed" (null) below every step. */
const rank = (step: number | null): number => step ?? 0;

describe("stratify laws (default pathway)", () => {
  it("never lowers the step when a score gets worse", () => {
    fc.assert(
      fc.property(
        entries.filter((es) => es.length > 0),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (es, which, at, pick) => {
          const k = which % es.length;
          const e = es[k] as { def: InstrumentDefinition; answers: AnswerValue[] };
          const worse = es.map((x, j) => (j === k ? { def: e.def, answers: worsen(e.def, e.answers, at, pick) } : x));
          expect(rank(stratify(results(worse)).step)).toBeGreaterThanOrEqual(rank(stratify(results(es)).step));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never lowers the step when a result is added", () => {
    fc.assert(
      fc.property(entries, entry, (es, extra) => {
        expect(rank(stratify(results([...es, extra])).step)).toBeGreaterThanOrEqual(rank(stratify(results(es)).step));
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same output for the same input, in any copy, and leaves the input untouched", () => {
    fc.assert(
      fc.property(entries, (es) => {
        const rs = results(es);
        const before = JSON.stringify(rs);
        const a = stratify(rs);
        expect(stratify(structuredClone(rs))).toEqual(a);
        expect(JSON.stringify(rs)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("sets urgent when PHQ-9 item 9 is endorsed, without lowering the step", () => {
    fc.assert(
      fc.property(entries, answerSet(phq9), fc.constantFrom(1, 2, 3), (es, phq, item9) => {
        const without = [...phq];
        without[8] = 0;
        const withFlag = [...phq];
        withFlag[8] = item9;
        const a = stratify([...results(es), score(phq9, without as never)]);
        const b = stratify([...results(es), score(phq9, withFlag as never)]);
        expect(b.urgent).toBe(true);
        expect(rank(b.step)).toBeGreaterThanOrEqual(rank(a.step));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps its report consistent: targets are the elevated domains, missing the unassessed, reasons justify the step", () => {
    fc.assert(
      fc.property(entries, (es) => {
        const r = stratify(results(es));
        expect(r.targets.map((t) => t.domain)).toEqual(
          r.domains.filter((d) => d.status === "elevated").map((d) => d.id),
        );
        expect(r.missing.map((m) => m.domain)).toEqual(
          r.domains.filter((d) => d.status === "not-assessed" || d.status === "screen-positive").map((d) => d.id),
        );
        const steps = r.reasons.filter((x) => x.kind === "step").map((x) => x.step as number);
        // Not assessed exactly when no domain was assessed and no step rule fired; never "step 1" for nothing.
        const assessed = steps.length > 0 || r.domains.some((d) => d.assessedBy.length > 0);
        expect(r.step).toBe(assessed ? Math.max(1, ...steps) : null);
        expect(r.urgent).toBe(r.urgentActions.length > 0);
        for (const m of r.missing)
          expect(m.couldRaiseStep).toBe(
            m.couldRaiseStepTo !== null && m.couldRaiseStepTo > rank(r.step === null ? 1 : r.step),
          );
      }),
      { numRuns: 200 },
    );
  });
});
