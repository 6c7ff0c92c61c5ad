// Laws every instrument obeys, stated once and checked on random answer sets.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  safeScore,
  score,
  ScoreInputError,
  type InstrumentDefinition,
  type Item,
  type Scale,
  type ScaleOutcome,
} from "../../src/index.js";
import { answerSet, answerSetWithInvalid, itemValue, toRecord } from "../../src/testing/arbitraries.js";

/** Options for {@link describeLaws}. */
export interface LawOptions {
  /**
   * Answer sets the instrument rejects as a whole although each answer is valid alone (PSQI: bedtime
   * equal to get-up time). Return false to leave such a set out of the laws that expect a result.
   */
  readonly accept?: (answers: readonly unknown[]) => boolean;
}

/** The value an answer contributes to a scale, from the definition: option score, then reverse keying. */
function scored(item: Item, v: number): number {
  if (item.kind === "number" || item.kind === "time") return v;
  const values = item.options.map((o) => o.value);
  const base = item.options.find((o) => o.value === v)?.score ?? v;
  return item.reversed === true ? Math.min(...values) + Math.max(...values) - base : base;
}

function scalesOf(def: InstrumentDefinition): Scale[] {
  return [...(def.score === null ? [] : [def.score]), ...(def.subscales ?? [])];
}

function scaleScore(def: InstrumentDefinition, answers: unknown, scaleId: string): number | null {
  const r = score(def, answers as never);
  return (r.scales as Readonly<Record<string, ScaleOutcome>>)[scaleId]?.score ?? null;
}

/** Registers the scoring laws as tests for one definition. */
export function describeLaws(def: InstrumentDefinition, options: LawOptions = {}): void {
  describe(`${def.id} obeys the scoring laws`, () => {
    lawsFor(def, options.accept ?? (() => true));
  });
}

function lawsFor(def: InstrumentDefinition, accept: (answers: readonly unknown[]) => boolean): void {
  const scales = scalesOf(def);

  it("scores every complete answer set within each scale's range, as complete", () => {
    fc.assert(
      fc.property(answerSet(def), (answers) => {
        fc.pre(accept(answers));
        const r = score(def, answers as never);
        for (const s of scales) {
          const out = (r.scales as Readonly<Record<string, ScaleOutcome>>)[s.id];
          if (s.method === "custom" && out?.score === null) continue;
          expect(out?.method).toBe("complete");
          expect(out?.score).toBeGreaterThanOrEqual(s.range[0]);
          expect(out?.score).toBeLessThanOrEqual(s.range[1]);
        }
      }),
    );
  });

  it("never turns a missing answer into a number silently: null with a reason, or prorated/partial", () => {
    fc.assert(
      fc.property(answerSet(def, { missingRate: 0.3 }), (answers) => {
        fc.pre(accept(answers));
        const r = score(def, answers as never);
        for (const s of scales) {
          const out = (r.scales as Readonly<Record<string, ScaleOutcome>>)[s.id];
          if (out === undefined) throw new Error(`no outcome for ${s.id}`);
          if (out.score === null) {
            expect(out.method).toBe("insufficient");
            expect(out.reason).toMatch(/\S/);
          } else {
            expect(Number.isFinite(out.score)).toBe(true);
            expect(out.score).toBeGreaterThanOrEqual(s.range[0]);
            expect(out.score).toBeLessThanOrEqual(s.range[1]);
            if (out.missing.length > 0) expect(["prorated", "partial"]).toContain(out.method);
          }
        }
        // Items a skip rule leaves unasked (its item conditions hold on the answers; settings at their defaults) are not missing.
        const at = (id: string): unknown => answers[def.items.findIndex((it) => it.id === id)];
        const counted = new Set(
          (def.skips ?? [])
            .filter((k) =>
              k.when.every((c) =>
                "setting" in c
                  ? c.is.includes(def.settings?.find((st) => st.id === c.setting)?.default ?? null)
                  : at(c.item) === c.value && c.op === "==",
              ),
            )
            .flatMap((k) => k.items),
        );
        const missingIds = def.items.filter((it, i) => answers[i] === null && !counted.has(it.id)).map((it) => it.id);
        expect(r.missing).toEqual(missingIds);
      }),
    );
  });

  it("is monotone in every item: an answer that scores higher never lowers a scale", () => {
    const declarative = scales.filter((s) => s.method !== "custom");
    if (declarative.length === 0) return;
    fc.assert(
      fc.property(
        answerSet(def),
        fc
          .nat({ max: def.items.length - 1 })
          .chain((i) => fc.tuple(fc.constant(i), itemValue(def.items[i] as Item), itemValue(def.items[i] as Item))),
        (answers, [i, a, b]) => {
          const item = def.items[i] as Item;
          if (typeof a !== "number" || typeof b !== "number") return;
          const [lo, hi] = scored(item, a) <= scored(item, b) ? [a, b] : [b, a];
          const low = [...answers];
          low[i] = lo;
          const high = [...answers];
          high[i] = hi;
          fc.pre(accept(low) && accept(high));
          for (const s of declarative) {
            const [h, l] = [scaleScore(def, high, s.id) as number, scaleScore(def, low, s.id) as number];
            // A table scale follows its table: a falling table (KOOS JR's raw 0 → 100) turns a higher sum into a lower value.
            const order = s.method === "table" ? tableOrder(s.table ?? []) : "rising";
            if (order === "rising") expect(h).toBeGreaterThanOrEqual(l);
            else if (order === "falling") expect(h).toBeLessThanOrEqual(l);
          }
        },
      ),
    );
  });

  it("puts every score in exactly the band whose bounds hold it", () => {
    fc.assert(
      fc.property(answerSet(def, { missingRate: 0.05 }), (answers) => {
        fc.pre(accept(answers));
        const r = score(def, answers as never);
        const bands = def.score?.bands;
        if (r.score === null || bands === undefined) {
          expect(r.band).toBeNull();
          return;
        }
        const ranged = bands.filter((b) => "min" in b);
        if (ranged.length === 0) return;
        const holding = ranged.filter(
          (b) => r.score !== null && r.score <= b.max && (r.score >= b.min || !Number.isInteger(r.score)),
        );
        expect(r.band?.id).toBe(holding[0]?.id);
        if (Number.isInteger(r.score)) expect(holding.filter((b) => (r.score as number) >= b.min)).toHaveLength(1);
      }),
    );
  });

  it("gives the same result for array and record input, and for the same input twice", () => {
    fc.assert(
      fc.property(answerSet(def, { missingRate: 0.2 }), (answers) => {
        fc.pre(accept(answers));
        const fromArray = score(def, answers as never);
        expect(score(def, toRecord(def, answers) as never)).toEqual(fromArray);
        expect(score(def, answers as never)).toEqual(fromArray);
      }),
    );
  });

  it("never mutates its input", () => {
    fc.assert(
      fc.property(answerSet(def, { missingRate: 0.2 }), (answers) => {
        fc.pre(accept(answers));
        const record = toRecord(def, answers);
        const [a, r] = [structuredClone(answers), structuredClone(record)];
        score(def, Object.freeze(answers) as never);
        score(def, Object.freeze(record) as never);
        expect(answers).toEqual(a);
        expect(record).toEqual(r);
      }),
    );
  });

  it("rejects any invalid answer anywhere, naming that item and its value", () => {
    fc.assert(
      fc.property(answerSetWithInvalid(def), fc.boolean(), ({ answers, item, value }, asRecord) => {
        const input = asRecord ? toRecord(def, answers) : answers;
        const safe = safeScore(def, input);
        expect(safe.success).toBe(false);
        if (safe.success) return;
        expect(safe.error).toBeInstanceOf(ScoreInputError);
        expect(safe.error.instrument).toBe(def.id);
        const issue = safe.error.issues.find((i) => i.item === item);
        expect(issue).toBeDefined();
        expect(Object.is(issue?.value, value)).toBe(true);
        expect(safe.error.message).toContain(`item ${item}:`);
        expect(() => score(def, input as never)).toThrow(ScoreInputError);
      }),
    );
  });
}

/** Whether a table's values rise, fall or neither with the raw sum (rows in raw order). */
function tableOrder(table: readonly (readonly [number, number])[]): "rising" | "falling" | "neither" {
  const values = [...table].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  const pairs = values.slice(1).map((v, k) => v - (values[k] as number));
  if (pairs.every((d) => d >= 0)) return "rising";
  if (pairs.every((d) => d <= 0)) return "falling";
  return "neither";
}
