/**
 * Scale methods (sum, mean, percent, custom, rules, table): how each combines its items' scored values
 * (or, for `rules`, which of its ordered rules applies), what validateDefinition checks about it, how it
 * reads, and its FHIRPath form.
 *
 * @module
 */
import { DefinitionError } from "../errors.js";
import type { AnswerValue, LookupTable, Scale, ScaleMethod, ScaleRule, SettingDefinition } from "../types.js";
import {
  bindCondition,
  conditionProblem,
  conditionReads,
  conditionText,
  type Scores,
  type SettingValues,
} from "./conditions.js";

/**
 * A scale method's score from the answered items: `sum` of their scored values, `maxSum` of their highest
 * scored values, `count` of them (with every item answered, the scale's size). Positional, not an object:
 * it runs for every scale of every answer set.
 */
export type Combine = (sum: number, maxSum: number, count: number) => number;

/** What validateDefinition knows of a declarative scale's items. */
export interface ScaleItems {
  /** Sum of the items' lowest and highest scored values. */
  readonly lo: number;
  readonly hi: number;
  /** Lowest of the items' lowest scored values, highest of their highest. */
  readonly minLo: number;
  readonly maxHi: number;
  /** Each item's id and highest scored value. */
  readonly maxima: readonly (readonly [string, number])[];
  /** Whether every value each item can score is a whole number (so every sum is). */
  readonly whole: boolean;
}

/** What the FHIRPath of a scale is built from (fhir/questionnaire.ts). */
export interface FhirParts {
  /** The answers' weights summed, and counted. */
  readonly sum: string;
  readonly count: string;
  /** Items in the scale, and the answers the missing-data rule needs. */
  readonly n: number;
  readonly need: number;
  /** Whether a prorated sum is rounded half up. */
  readonly halfUp: boolean;
  /** "items 1, 2, 3". */
  readonly list: string;
  /** Each item's highest weight. */
  readonly maxima: readonly number[];
  /** A table scale's rows. */
  readonly table?: LookupTable | undefined;
}

/** What each scale method provides for scoring (kept apart from its words, so a bundle that only scores leaves those out). */
export interface MethodRule {
  /** The score with every item answered; null for a custom scale (its compute scores it). */
  readonly complete: Combine | null;
  /** The score over the answered items, where a missing-data rule allows one ("partial"); null when it cannot (a sum would count missing answers as 0). */
  readonly overAnswered: Combine | null;
  /** Whether a prorated score may stand for it (sums only). */
  readonly prorates: boolean;
  /** Whether its items are declared and scored by the engine, and so checked against the range. */
  readonly declarative: boolean;
  /** Why a definition with this scale cannot score, whatever the answers (a division by zero); null when it can. */
  readonly unscorable: (size: number, maxima: readonly (readonly [string, number])[]) => string | null;
  /**
   * The score with every item answered, for a method that reads more of its scale than the sums (a table's
   * rows), bound once when the plan is compiled; in place of `complete`.
   */
  readonly bind?: (scale: Scale, instrument: string) => Combine;
}

/** What each scale method provides to validateDefinition, the docs, `describe` and FHIR. */
export interface MethodDescription {
  /** The range its items give, and problems with them, for validateDefinition. */
  readonly check: (
    items: ScaleItems,
    size: number,
    scale: Scale,
  ) => { readonly range: readonly [number, number]; readonly problems: readonly string[] };
  /** The method in words, over the items named as given: "sum of items 1, 2, 3" (a rules scale lists its rules). */
  readonly words: (items: string, scale: Scale) => string;
  /** The FHIRPath computing it and what it says, or why FHIRPath cannot. */
  readonly fhir: (p: FhirParts) => { readonly value: string; readonly what: string } | string;
}

// Multiplying before dividing keeps exact percentages exact (29 of 50 is 58, not 57.99999999999999).
const percent: Combine = (sum, maxSum) => (sum * 100) / maxSum;
const noItems =
  (method: string) =>
  (size: number): string | null =>
    size === 0 ? `is a ${method} of no items` : null;

/** A method the engine does not combine items for: `compute` scores a custom scale, its rules a rules scale. */
const UNDECLARED: MethodRule = {
  complete: null,
  overAnswered: null,
  prorates: false,
  declarative: false,
  unscorable: () => null,
};

/** Each scale method, for scoring. */
export const METHODS: { readonly [K in ScaleMethod]: MethodRule } = {
  sum: {
    complete: (sum) => sum,
    overAnswered: null,
    prorates: true,
    declarative: true,
    unscorable: () => null,
  },
  mean: {
    complete: (sum, _, count) => sum / count,
    overAnswered: (sum, _, count) => sum / count,
    prorates: false,
    declarative: true,
    unscorable: /* @__PURE__ */ noItems("mean"),
  },
  percent: {
    complete: percent,
    overAnswered: percent,
    prorates: false,
    declarative: true,
    unscorable: (size, maxima) => {
      const zero = maxima.find(([, max]) => !(max > 0));
      return size === 0
        ? "is a percent of no items"
        : zero === undefined
          ? null
          : `is a percentage, but item "${zero[0]}" scores at most ${String(zero[1])}, so it would divide by zero`;
    },
  },
  custom: UNDECLARED,
  rules: UNDECLARED,
  table: {
    // Never called: `bind` gives the scale its lookup. Not null, which would mark the scale as custom.
    complete: (sum) => sum,
    // A table maps a complete sum only: a sum over fewer items is not a raw score the table knows.
    overAnswered: null,
    prorates: false,
    declarative: true,
    unscorable: () => null,
    bind: (scale, instrument) => {
      const rows = new Map(scale.table ?? []);
      if (rows.size === 0)
        throw new DefinitionError(instrument, [`scale "${scale.id}" has method "table" but no table`]);
      return (sum) => {
        const value = rows.get(sum);
        // validateDefinition proves every sum is a row; a definition not checked with it never gets a made-up score.
        if (value === undefined)
          throw new DefinitionError(instrument, [`scale "${scale.id}": raw sum ${String(sum)} is not in its table`]);
        return value;
      };
    },
  },
};

/** Each scale method, for validateDefinition, the docs, `describe` and FHIR. */
export const METHOD_DESCRIPTIONS: { readonly [K in ScaleMethod]: MethodDescription } = {
  sum: {
    check: (it) => ({ range: [it.lo, it.hi], problems: [] }),
    words: (items) => `sum of ${items}`,
    fhir: (p) => {
      if (p.need === p.n) return { value: p.sum, what: `Sum of the itemWeights of ${p.list}` };
      const prorated = `${p.sum} * ${String(p.n)} / ${p.count}`;
      return {
        value: p.halfUp ? `(${prorated}).round()` : prorated,
        what: `Sum of the itemWeights of ${p.list}, × ${String(p.n)} / answered${p.halfUp ? ", rounded half up" : ""}`,
      };
    },
  },
  mean: {
    check: (it, n) => ({
      range: [it.lo / n, it.hi / n],
      problems: it.minLo !== it.lo / n || it.maxHi !== it.hi / n ? ["mean scales need items on one scale"] : [],
    }),
    words: (items) => `mean of ${items}`,
    fhir: (p) => ({
      value: p.need === p.n ? `${p.sum} / ${String(p.n)}` : `${p.sum} / ${p.count}`,
      what: `Mean itemWeight of the answered ${p.list}`,
    }),
  },
  percent: {
    check: (it) => ({
      range: [0, 100],
      problems: [
        ...(it.minLo === 0 ? [] : ["percent scales need items whose lowest score is 0"]),
        // A percentage divides by the highest scores of the items answered: an item that can only score 0 could make that 0.
        ...it.maxima
          .filter(([, max]) => !(max > 0))
          .map(
            ([id, max]) =>
              `percent scales need items that can score above 0; item "${id}" scores at most ${String(max)}, so the percentage would divide by zero`,
          ),
      ],
    }),
    words: (items) => `sum of ${items} ÷ (maximum of the answered items) × 100`,
    fhir: (p) => {
      // A percentage of the answered items' maxima: one maximum for every item keeps it a count × max.
      const maxima = new Set(p.maxima);
      const max = [...maxima][0];
      if (maxima.size !== 1 || max === undefined) return "its items have different maxima";
      return {
        value: `${p.sum} * 100 / (${p.count} * ${String(max)})`,
        what: `Sum of the itemWeights of the answered ${p.list} ÷ (${String(max)} × answered) × 100`,
      };
    },
  },
  custom: {
    check: () => ({ range: [0, 0], problems: [] }),
    words: (items) => `computed from ${items} (see the notes)`,
    fhir: () => "custom scoring rules, see the instrument's notes, that FHIRPath cannot reproduce exactly",
  },
  rules: {
    check: () => ({ range: [0, 0], problems: [] }),
    words: (_, scale) => rulesText(scale.rules ?? []),
    fhir: () => "ordered rules over several answers, which the FHIRPath form does not express",
  },
  table: {
    check: (it, _, scale) => tableCheck(it, scale.table ?? []),
    words: (items) => `sum of ${items}, converted by the table below`,
    fhir: (p) => {
      // Each row an iif on the raw sum, the last falling through to empty: a sum the table lacks gives no value.
      const rows = p.table ?? [];
      const chain = rows.reduceRight(
        (rest, [raw, value]) => `iif($this = ${String(raw)}, ${String(value)}, ${rest})`,
        "{}",
      );
      return {
        value: `(${p.sum}).select(${chain})`,
        what: `Sum of the itemWeights of ${p.list}, converted by the table`,
      };
    },
  },
};

/**
 * A `rules` scale's score from its rules bound to positions: the value of the first rule whose condition
 * holds; null when a rule before it cannot be decided (an answer it needs is missing: a later rule is never
 * taken in its place); `undefined` when no rule applies.
 *
 * @internal
 */
export function bindRules(
  rules: readonly ScaleRule[],
  items: ReadonlyMap<string, number>,
  scales: ReadonlyMap<string, number>,
): (vals: readonly AnswerValue[], scores: Scores, settings?: SettingValues) => number | null | undefined {
  const bound = rules.map((r) => ({
    holds: r.when === undefined ? null : bindCondition(r.when, items, scales).holds,
    value: r.value,
  }));
  return (vals, scores, settings) => {
    for (const r of bound) {
      const h = r.holds === null ? true : r.holds(vals, scores, settings);
      if (h === null) return null;
      if (h) return r.value;
    }
    return undefined;
  };
}

/** A rules scale's rules in words: "item 1 <= 1 → 0; item 2 >= 2 → 3; otherwise 1 (the first that holds)". */
export function rulesText(rules: readonly ScaleRule[]): string {
  const each = rules.map((r) =>
    r.when === undefined ? `otherwise ${String(r.value)}` : `${conditionText(r.when)} → ${String(r.value)}`,
  );
  return `the first rule that holds: ${each.join("; ")}`;
}

/**
 * What validateDefinition finds wrong with a scale's `rules`: present exactly on a `rules` scale, values in
 * the range, no rule after one that always applies, conditions on known items, scales and settings, every item the
 * rules read (directly or through a scale) among the scale's items, and no scale read that is the scale
 * itself or a rules scale after it (rules scales are scored in order, after the others).
 *
 * @internal
 */
export function rulesProblems(
  scale: Scale,
  items: ReadonlySet<string>,
  scales: readonly Scale[],
  settings: readonly SettingDefinition[] = [],
): readonly string[] {
  const rules = scale.rules;
  if (scale.method !== "rules") return rules === undefined ? [] : ['has rules but its method is not "rules"'];
  if (rules === undefined || rules.length === 0) return ['method "rules" needs at least one rule'];
  const out: string[] = [];
  // The rules themselves decide what a missing answer does; the description says it in words.
  if (scale.missing.kind !== "computed")
    out.push(`a rules scale's missing rule is "computed" (its rules decide), not "${scale.missing.kind}"`);
  const ids = new Set(scales.map((s) => s.id));
  const position = scales.findIndex((s) => s.id === scale.id);
  const own = new Set(scale.items);
  rules.forEach((r, k) => {
    const where = `rule ${String(k + 1)}`;
    if (r.value < scale.range[0] || r.value > scale.range[1])
      out.push(`${where} gives ${String(r.value)}, outside the range [${scale.range.join(", ")}]`);
    if (k > 0 && rules[k - 1]?.when === undefined)
      out.push(`${where} is never reached: the rule before it always applies`);
    if (r.when === undefined) return;
    const problem = conditionProblem(r.when, items, ids, settings);
    if (problem !== null) {
      out.push(`${where}: ${problem}`);
      return;
    }
    const reads = conditionReads(r.when);
    const read = [...reads.items];
    for (const id of reads.scales) {
      const j = scales.findIndex((s) => s.id === id);
      const other = scales[j] as Scale;
      if (j === position) out.push(`${where} reads the scale's own score`);
      else if (other.method === "rules" && j > position)
        out.push(`${where} reads rules scale "${id}", which comes after it (rules scales are scored in order)`);
      read.push(...other.items);
    }
    for (const id of new Set(read))
      if (!own.has(id)) out.push(`${where} reads item "${id}", which is not among the scale's items`);
  });
  return out;
}

/**
 * A table's range (that of its values) and its faults: it must give each whole sum from the items' lowest
 * to their highest exactly once, and nothing else, so that every answer set has one published value.
 */
function tableCheck(
  it: ScaleItems,
  rows: readonly (readonly [number, number])[],
): { readonly range: readonly [number, number]; readonly problems: readonly string[] } {
  const problems: string[] = [];
  if (!it.whole) problems.push("a table needs items that score whole numbers, so that every sum is a row");
  const seen = new Map<number, number>();
  for (const [raw] of rows) seen.set(raw, (seen.get(raw) ?? 0) + 1);
  const gaps: number[] = [];
  // A table is printed, so it is short; a span beyond that is a fault of its own, not a loop to run.
  if (it.hi - it.lo > 10000) problems.push("a table scale's items give more than 10000 raw sums");
  else for (let raw = it.lo; raw <= it.hi; raw++) if (!seen.has(raw)) gaps.push(raw);
  const twice = [...seen].filter(([, n]) => n > 1).map(([raw]) => raw);
  const outside = [...seen.keys()].filter((raw) => !Number.isInteger(raw) || raw < it.lo || raw > it.hi);
  const span = `${String(it.lo)}–${String(it.hi)}`;
  if (rows.length === 0) problems.push(`method "table" needs a table of its raw sums ${span}`);
  else if (gaps.length > 0) problems.push(`table has no row for raw sum ${listed(gaps)} (its items give ${span})`);
  if (twice.length > 0) problems.push(`table has more than one row for raw sum ${listed(twice)}`);
  if (outside.length > 0)
    problems.push(`table has rows for raw sum ${listed(outside)}, which its items cannot give (${span})`);
  const values = rows.map(([, value]) => value);
  return { range: values.length === 0 ? [0, 0] : [Math.min(...values), Math.max(...values)], problems };
}

/** Numbers for a message, the first ten and a count of the rest. */
function listed(xs: readonly number[]): string {
  return xs.length > 10 ? `${xs.slice(0, 10).join(", ")} and ${String(xs.length - 10)} more` : xs.join(", ");
}
