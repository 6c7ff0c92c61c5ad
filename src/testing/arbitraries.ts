/**
 * fast-check arbitraries derived from any definition, for property tests of code that stores, sends or
 * displays stepscore results: valid answer sets (complete or with missing answers) and answer sets with
 * one invalid answer. Import from `stepscore/testing`; `fast-check` (4.x) must be installed alongside.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { score, phq9 } from "stepscore";
 * import { answerSet } from "stepscore/testing";
 *
 * fc.assert(fc.property(answerSet(phq9, { missingRate: 0.1 }), (answers) => {
 *   const r = score(phq9, answers);
 *   // e.g. your storage round-trips r, your UI shows r.band …
 * }));
 * ```
 *
 * @packageDocumentation
 * @module stepscore/testing
 */
import * as fc from "fast-check";
import type { AnswerValue, InstrumentDefinition, Item } from "../types.js";

/**
 * Every value an item accepts, as an arbitrary.
 *
 * @param item - an item of a definition
 * @returns an arbitrary of its allowed answers
 */
export function itemValue(item: Item): fc.Arbitrary<number | string> {
  if (item.kind === "time") {
    return fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
  }
  if (item.kind === "number") {
    return item.integer
      ? fc.integer({ min: item.min, max: item.max })
      : fc.double({ min: item.min, max: item.max, noNaN: true, noDefaultInfinity: true });
  }
  return fc.constantFrom(...item.options.map((o) => o.value));
}

/**
 * Values an item must reject: out of range, not a whole number, NaN, infinities, strings (even "2"),
 * booleans, objects.
 *
 * @param item - an item of a definition
 * @returns an arbitrary of invalid answers
 */
export function invalidItemValue(item: Item): fc.Arbitrary<unknown> {
  const common = fc.oneof(
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
    fc.constant(Number.NEGATIVE_INFINITY),
    fc.boolean(),
    fc.constant({}),
    fc.constant([]),
  );
  if (item.kind === "time") {
    return fc.oneof(common, fc.integer(), fc.constantFrom("24:00", "7:00", "12:60", "noon", "", "12:00:00"));
  }
  const lo = item.kind === "number" ? item.min : Math.min(...item.options.map((o) => o.value));
  const hi = item.kind === "number" ? item.max : Math.max(...item.options.map((o) => o.value));
  const outside = fc.oneof(fc.integer({ min: hi + 1, max: hi + 1000 }), fc.integer({ min: lo - 1000, max: lo - 1 }));
  const asString = itemValue(item).map(String);
  const integerOnly = item.kind !== "number" || item.integer;
  return integerOnly
    ? fc.oneof(common, outside, asString, fc.constant(lo + 0.5))
    : fc.oneof(common, outside, asString);
}

/** Options for {@link answerSet}. */
export interface AnswerSetOptions {
  /** Chance that any one answer is left out (null); 0 for complete sets. */
  readonly missingRate?: number;
}

/**
 * Answer sets in published item order; each answer valid or, with `missingRate`, null (not answered).
 *
 * @param def - a definition
 * @param options - the chance of a missing answer
 * @returns an arbitrary of answer arrays, ready for `score`
 */
export function answerSet(def: InstrumentDefinition, options: AnswerSetOptions = {}): fc.Arbitrary<AnswerValue[]> {
  const rate = options.missingRate ?? 0;
  const one = (item: Item): fc.Arbitrary<AnswerValue> =>
    rate <= 0
      ? itemValue(item)
      : fc.oneof(
          { weight: Math.round(rate * 100), arbitrary: fc.constant(null) },
          { weight: Math.round((1 - rate) * 100), arbitrary: itemValue(item) },
        );
  return fc.tuple(...def.items.map(one));
}

/**
 * An answer set with one invalid answer: the set, the bad item's id and its value. `score` must reject
 * it naming that item.
 *
 * @param def - a definition
 * @returns an arbitrary of `{ answers, item, value }`
 */
export function answerSetWithInvalid(
  def: InstrumentDefinition,
): fc.Arbitrary<{ answers: unknown[]; item: string; value: unknown }> {
  return fc
    .tuple(answerSet(def, { missingRate: 0.1 }), fc.nat({ max: def.items.length - 1 }))
    .chain(([answers, i]) => {
      const item = def.items[i] as Item;
      return invalidItemValue(item).map((value) => {
        const copy: unknown[] = [...answers];
        copy[i] = value;
        return { answers: copy, item: item.id, value };
      });
    });
}

/**
 * Turns an array answer set into the equivalent record keyed by item id (unanswered items left out).
 *
 * @param def - the definition the answers are for
 * @param answers - answers in item order
 * @returns the record
 */
export function toRecord(def: InstrumentDefinition, answers: readonly unknown[]): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  def.items.forEach((it, i) => {
    if (answers[i] !== null && answers[i] !== undefined) rec[it.id] = answers[i];
  });
  return rec;
}
