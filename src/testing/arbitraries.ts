/**
 * fast-check arbitraries derived from any definition, for property tests of code that stores, sends or
 * displays stepscore results: valid answer sets (complete or with missing answers) and answer sets with
 * one invalid answer; and random valid definitions themselves ({@link definition}), for code that must
 * handle any instrument. Import from `stepscore/testing`; `fast-check` (4.x) must be installed alongside.
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
import type { AnswerValue, InstrumentDefinition, Item, ScoreOptions } from "../types.js";
import { definition, type DefinitionOptions } from "./definitions.js";

export { definition, type DefinitionOptions, type GeneratedMethod } from "./definitions.js";

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
  const values = item.kind === "number" ? [item.min, item.max] : item.options.map((o) => o.value).sort((a, b) => a - b);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Whole numbers strictly outside [lo, hi], also when the bounds are not whole (an option value of 2.5).
  const above = Math.floor(hi) + 1;
  const below = Math.ceil(lo) - 1;
  const outside = fc.oneof(fc.integer({ min: above, max: above + 999 }), fc.integer({ min: below - 999, max: below }));
  const asString = itemValue(item).map(String);
  if (item.kind === "number") {
    return item.integer
      ? fc.oneof(common, outside, asString, fc.constant(lo + 0.5))
      : fc.oneof(common, outside, asString);
  }
  // Between two neighbouring options: never an allowed value (not a whole number, or a gap such as 1 in 0, 2, 5).
  const between = values.slice(1).map((v, k) => ((values[k] as number) + v) / 2);
  return fc.oneof(common, outside, asString, fc.constantFrom(...between));
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
  return fc.tuple(answerSet(def, { missingRate: 0.1 }), fc.nat({ max: def.items.length - 1 })).chain(([answers, i]) => {
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

/**
 * Options a caller may pass to `score` for a definition: none, one of its alternative missing-data rules,
 * some of its opt-in flags, or both.
 *
 * @param def - a definition
 * @returns an arbitrary of score options
 */
export function scoreOptions(def: InstrumentDefinition): fc.Arbitrary<ScoreOptions> {
  const missing = (def.missingOptions ?? []).map((m) => m.id);
  const optIn = (def.flags ?? []).filter((f) => f.optIn === true).map((f) => f.id);
  return fc
    .tuple(
      missing.length > 0 ? fc.option(fc.constantFrom(...missing), { nil: undefined }) : fc.constant(undefined),
      fc.subarray(optIn),
    )
    .map(
      ([m, flags]): ScoreOptions => ({
        ...(m === undefined ? {} : { missing: m }),
        ...(flags.length > 0 ? { flags } : {}),
      }),
    );
}

/** Options for {@link definitionWithAnswers}: those of {@link definition}, and how many answer sets. */
export interface DefinitionWithAnswersOptions extends DefinitionOptions {
  /** Most answer sets of each kind (complete, incomplete, invalid); default 5. */
  readonly answerSets?: number;
}

/** A generated definition with answer sets for it. */
export interface DefinitionWithAnswers {
  /** A definition that `validateDefinition` accepts. */
  readonly definition: InstrumentDefinition;
  /** Answer sets with every item answered, in item order. */
  readonly complete: readonly AnswerValue[][];
  /** Answer sets with some answers missing (null). */
  readonly incomplete: readonly AnswerValue[][];
  /** Answer sets with one invalid answer, with the item `score` must name and its value. */
  readonly invalid: readonly { readonly answers: unknown[]; readonly item: string; readonly value: unknown }[];
}

/**
 * A random valid definition (see {@link definition}) with answer sets for it: complete, incomplete and with
 * one invalid answer each. Use {@link toRecord} for the record form and {@link scoreOptions} for options.
 *
 * @param options - as for {@link definition}, and the most answer sets of each kind
 * @returns an arbitrary of a definition and its answer sets
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeScore } from "stepscore";
 * import { definitionWithAnswers } from "stepscore/testing";
 *
 * fc.assert(fc.property(definitionWithAnswers(), ({ definition, invalid }) =>
 *   invalid.every(({ answers, item }) => {
 *     const r = safeScore(definition, answers);
 *     return !r.success && r.error.issues.some((i) => i.item === item);
 *   }),
 * ));
 * ```
 */
export function definitionWithAnswers(options: DefinitionWithAnswersOptions = {}): fc.Arbitrary<DefinitionWithAnswers> {
  const most = Math.max(0, options.answerSets ?? 5);
  return definition(options).chain((def) =>
    fc.record({
      definition: fc.constant(def),
      complete: fc.array(answerSet(def), { maxLength: most }),
      incomplete: fc.array(answerSet(def, { missingRate: 0.3 }), { maxLength: most }),
      invalid: fc.array(answerSetWithInvalid(def), { maxLength: most }),
    }),
  );
}
