/**
 * Band kinds: range bands (inclusive bounds on the scale's score) and rule bands (conditions on items or
 * scales, for classifications one score's range cannot say). How a band is told apart once, when a
 * definition is compiled; how the band of a score is found; what validateDefinition checks; how it reads.
 *
 * @module
 */
import type { AnswerValue, Band, BandResult, Condition, RangeBand, RuleBand, SettingDefinition } from "../types.js";
import {
  bindCondition,
  conditionProblem,
  conditionText,
  type ConditionPlan,
  type Scores,
  type SettingValues,
} from "./conditions.js";
import { unreachable, type Covers } from "./kinds.js";
import { rangeText } from "./words.js";

/** Each band kind: the members of {@link Band}. */
export type BandKinds = Covers<{ readonly range: RangeBand; readonly rule: RuleBand }, Band>;

/** The kind of a band: "range" or "rule". */
export type BandKind = keyof BandKinds;

/** A band bound for scoring, with the result it gives (frozen, shared by every result in that band). */
export type BandPlan =
  | { readonly kind: "range"; readonly min: number; readonly max: number; readonly result: BandResult }
  | { readonly kind: "rule"; readonly when: readonly ConditionPlan[]; readonly result: BandResult };

/** What each band kind provides for scoring. */
interface BandRule<B> {
  /** The band bound to item and scale positions. */
  readonly bind: (
    b: B,
    result: BandResult,
    items: ReadonlyMap<string, number>,
    scales: ReadonlyMap<string, number>,
  ) => BandPlan;
}

/** What each band kind provides to validateDefinition, the docs and `describe`. */
interface BandDescription<B> {
  /** Which scores or answers put a result in it, in words: "10–14", "when item 5 >= 1 and total >= 4". */
  readonly words: (b: B) => string;
  /** The conditions it tests (none for a range band). */
  readonly conditions: (b: B) => readonly Condition[];
}

const BANDS: { readonly [K in BandKind]: BandRule<BandKinds[K]> } = {
  range: { bind: (b, result) => ({ kind: "range", min: b.min, max: b.max, result }) },
  rule: {
    bind: (b, result, items, scales) => ({
      kind: "rule",
      when: b.when.map((c) => bindCondition(c, items, scales)),
      result,
    }),
  },
};

const DESCRIPTIONS: { readonly [K in BandKind]: BandDescription<BandKinds[K]> } = {
  range: { words: (b) => rangeText(b.min, b.max), conditions: () => [] },
  rule: { words: (b) => `when ${b.when.map(conditionText).join(" and ")}`, conditions: (b) => b.when },
};

/** The kind of a band: the one place that tells bands apart, by their `when`. */
export function bandKind(b: Band): BandKind {
  return "when" in b ? "rule" : "range";
}

function rule(b: Band): BandRule<Band> {
  return BANDS[bandKind(b)] as BandRule<Band>;
}

function described(b: Band): BandDescription<Band> {
  return DESCRIPTIONS[bandKind(b)] as BandDescription<Band>;
}

/**
 * A band bound to item and scale positions, with its frozen result.
 *
 * @internal
 */
export function bindBand(b: Band, items: ReadonlyMap<string, number>, scales: ReadonlyMap<string, number>): BandPlan {
  return rule(b).bind(b, Object.freeze({ id: b.id, label: b.label }), items, scales);
}

/**
 * A scale's bands bound once, as the function giving a score's band.
 *
 * @internal
 */
export function bindBands(
  bands: readonly Band[],
  items: ReadonlyMap<string, number>,
  scales: ReadonlyMap<string, number>,
): (score: number | null, vals: readonly AnswerValue[], scores: Scores, settings?: SettingValues) => BandResult | null {
  const bound = bands.map((b) => bindBand(b, items, scales));
  return (score, vals, scores, settings) => bandOf(bound, score, vals, scores, settings);
}

/** Which scores or answers fall in a band, in words. */
export function bandText(b: Band): string {
  return described(b).words(b);
}

/**
 * The band a score falls in. Range bands: the first whose upper bound the score does not exceed (for whole
 * numbers, exactly the inclusive [min, max]). Rule bands: the first whose conditions all hold.
 *
 * @internal
 */
export function bandOf(
  bands: readonly BandPlan[],
  score: number | null,
  vals: readonly AnswerValue[],
  scores: Scores,
  settings?: SettingValues,
): BandResult | null {
  if (score === null) return null;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i] as BandPlan;
    switch (b.kind) {
      case "range":
        // Whole scores lie in [min, max]; a fractional one between two bands belongs to the upper one.
        if (score <= b.max) return score >= b.min || !Number.isInteger(score) ? b.result : null;
        break;
      case "rule": {
        let all = true;
        for (const c of b.when) if (c.holds(vals, scores, settings) !== true) all = false;
        if (all) return b.result;
        break;
      }
      default:
        return unreachable(b);
    }
  }
  return null;
}

/**
 * What validateDefinition finds wrong with a scale's bands: a band's own laws per kind, and for range bands
 * that they are contiguous and cover exactly the scale's range.
 *
 * @internal
 */
export function bandProblems(
  bands: readonly Band[],
  range: readonly [number, number],
  items: ReadonlySet<string>,
  scales: ReadonlySet<string>,
  settings: readonly SettingDefinition[] = [],
): readonly (readonly [where: string | null, what: string])[] {
  const out: [string | null, string][] = [];
  const kinds = new Set(bands.map(bandKind));
  if (kinds.size > 1) out.push([null, "mixes range bands and rule bands"]);
  for (const b of bands) {
    for (const c of described(b).conditions(b)) {
      const p = conditionProblem(c, items, scales, settings);
      if (p !== null) out.push([`band "${b.id}"`, p]);
    }
  }
  if (kinds.size > 1 || !kinds.has("range")) return out;
  const ranged = bands as readonly RangeBand[];
  const first = ranged[0];
  const last = ranged[ranged.length - 1];
  if (first !== undefined && first.min !== range[0])
    out.push([null, `first band starts at ${String(first.min)}, not at the range's ${String(range[0])}`]);
  if (last !== undefined && last.max !== range[1])
    out.push([null, `last band ends at ${String(last.max)}, not at the range's ${String(range[1])}`]);
  ranged.forEach((b, i) => {
    if (b.min > b.max) out.push([null, `band "${b.id}" has min above max`]);
    const next = ranged[i + 1];
    if (next !== undefined && next.min !== b.max + 1) {
      out.push([
        null,
        `band "${next.id}" starts at ${String(next.min)}; after "${b.id}" (to ${String(b.max)}) it must start at ${String(b.max + 1)}`,
      ]);
    }
  });
  return out;
}
