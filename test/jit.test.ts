// The generated scorer (src/jit.ts) is a speed-up only: for every input it must return exactly what the
// general engine returns, or decline. These tests compare the two directly on every bundled instrument.
import * as fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { planFor } from "../src/compile.js";
import { general } from "../src/engine.js";
import { generateScorer } from "../src/jit.js";
import { answerSet, answerSetWithInvalid, toRecord } from "../src/testing/arbitraries.js";
import { instruments, phq9, score, ScoreInputError, type InstrumentDefinition, type ScoreResult } from "../src/index.js";

const all = Object.values(instruments) as InstrumentDefinition[];
// Definitions the generator covers; the others (custom compute, rule bands, clock times) must decline.
const declines = (d: InstrumentDefinition): boolean =>
  d.compute !== undefined ||
  d.items.some((it) => it.kind === "time") ||
  [d.score, ...(d.subscales ?? [])].some((s) => s?.bands?.some((b) => "when" in b) ?? false);
const declined = new Set(all.filter(declines).map((d) => d.id));

/** Same values, same key order at every level (JSON text), same shared band and flag objects. */
function expectSame(fast: object, slow: ScoreResult | ScoreInputError): void {
  expect(slow).not.toBeInstanceOf(ScoreInputError);
  const s = slow as ScoreResult;
  const f = fast as ScoreResult;
  expect(f).toStrictEqual(s);
  expect(JSON.stringify(f)).toBe(JSON.stringify(s));
  expect(f.band).toBe(s.band);
  f.flags.forEach((flag, i) => {
    expect(flag).toBe(s.flags[i]);
  });
  for (const id of Object.keys(s.scales)) expect(f.scales[id as never]).toStrictEqual(s.scales[id as never]);
}

describe("generated scorer", () => {
  it("declines the PSQI (custom compute, clock times) and STarT Back (rule bands), not the sum-scored forms", () => {
    expect([declined.has("psqi"), declined.has("startback"), declined.has("phq9")]).toEqual([true, true, false]);
  });

  it.each(all.map((d) => [d.id, d] as const))("%s: generated or declined as expected", (id, def) => {
    const fast = generateScorer(planFor(def));
    if (declined.has(id)) expect(fast).toBeNull();
    else expect(fast).toBeTypeOf("function");
  });

  for (const def of all.filter((d) => !declined.has(d.id))) {
    const plan = planFor(def);
    const fast = generateScorer(plan);
    if (fast === null) continue;

    it(`${def.id}: complete valid answers, as arrays and records, give the general engine's result`, () => {
      fc.assert(
        fc.property(answerSet(def), (answers) => {
          expectSame(fast(answers) as object, general(plan, def, answers, undefined));
          const rec = toRecord(def, answers);
          expectSame(fast(rec) as object, general(plan, def, rec, undefined));
        }),
        { numRuns: 150 },
      );
    });

    it(`${def.id}: with answers missing, it agrees or declines`, () => {
      fc.assert(
        fc.property(answerSet(def, { missingRate: 0.15 }), fc.boolean(), (answers, asRecord) => {
          const input = asRecord ? toRecord(def, answers) : answers;
          const out = fast(input);
          if (out !== undefined) expectSame(out, general(plan, def, input, undefined));
          // Declining is required whenever a scored item is unanswered: then the missing-data rule decides.
          const scored = new Set([def.score, ...(def.subscales ?? [])].flatMap((s) => (s === null ? [] : s.items)));
          if (def.items.some((it, i) => scored.has(it.id) && answers[i] === null)) expect(out).toBeUndefined();
        }),
        { numRuns: 150 },
      );
    });

    it(`${def.id}: invalid answers are always declined`, () => {
      fc.assert(
        fc.property(answerSetWithInvalid(def), fc.boolean(), ({ answers }, asRecord) => {
          expect(fast(asRecord ? toRecord(def, answers) : answers)).toBeUndefined();
        }),
        { numRuns: 150 },
      );
    });
  }

  it("declines input the general engine rejects as a whole", () => {
    const fast = generateScorer(planFor(phq9));
    const ok = [1, 2, 1, 2, 0, 1, 3, 2, 0];
    expect(fast?.(ok)).toBeDefined();
    for (const bad of [[...ok, 0, 0], ok.slice(0, 8), "1,2", null, 3, new Map(), { ...toRecord(phq9, ok), "11": 1 }]) {
      expect(fast?.(bad)).toBeUndefined();
    }
    // Not a plain object (its prototype is not Object.prototype), though its own keys are the items'.
    expect(fast?.(Object.assign(Object.create({ inherited: true }) as object, toRecord(phq9, ok)))).toBeUndefined();
    expect(fast?.({ ...toRecord(phq9, ok), "10": undefined })).toBeUndefined();
  });

  it("score() switches to the generated scorer after a few calls, with the same results", () => {
    const def = { ...phq9, id: "phq9-copy" } as const;
    const rows = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 2, 1, 2, 0, 1, 3, 2, 0],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 2],
    ] as const;
    const before = rows.map((r) => score(def, r));
    for (let i = 0; i < 10; i++) score(def, rows[1]);
    expect(planFor(def).fast).toBeTypeOf("function");
    expect(rows.map((r) => score(def, r))).toStrictEqual(before);
    expect(score(def, rows[2]).flags.map((f) => f.id)).toStrictEqual(["self-harm"]);
    // Options always take the general engine, which still rejects what it always rejected.
    expect(score(def, [1, 2, 1, 2, 0, 1, 3, 2, null], { missing: "cms-mds" }).score).toBe(14); // 12 × 9/8 = 13.5, half up
    expect(() => score(def, [1, 2, 1, 2, 0, 1, 3, 2, 4])).toThrow(ScoreInputError);
  });

  it("stepscore/core, which is about size, never generates a scorer", async () => {
    const core = await import("../src/core.js");
    const def = { ...phq9, id: "phq9-core" } as const;
    for (let i = 0; i < 20; i++) expect(core.score(def, [1, 2, 1, 2, 0, 1, 3, 2, 0]).score).toBe(12);
    expect(planFor(def).fast).toBeUndefined();
  });

  it("where generated code is forbidden (a CSP without 'unsafe-eval'), the engine interprets", async () => {
    vi.resetModules();
    const original = globalThis.Function;
    vi.stubGlobal("Function", function forbidden() {
      throw new EvalError("Code generation from strings disallowed for this context");
    });
    try {
      const jit = await import("../src/jit.js");
      const compile = await import("../src/compile.js");
      expect(jit.generateScorer(compile.planFor(phq9))).toBeNull();
      const main = await import("../src/index.js");
      for (let i = 0; i < 20; i++) expect(main.score(main.phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).score).toBe(12);
      expect(compile.planFor(main.phq9).fast).toBeNull();
    } finally {
      vi.unstubAllGlobals();
      expect(globalThis.Function).toBe(original);
      vi.resetModules();
    }
  });
});
