/**
 * Conditions (on one item's answer or one scale's score) and their comparisons: how a condition is told
 * apart and bound to a position once, how it is tested, what validateDefinition checks and how it reads.
 * Used by flags and rule bands.
 *
 * @module
 */
import type { AnswerValue, Comparison, Condition } from "../types.js";
import type { Covers } from "./kinds.js";

/** Each condition kind: the members of {@link Condition}, by the key that names their subject. */
export type ConditionKinds = Covers<
  {
    readonly item: Extract<Condition, { readonly item: string }>;
    readonly scale: Extract<Condition, { readonly scale: string }>;
  },
  Condition
>;

/** The kind of a condition: "item" or "scale". */
export type ConditionKind = keyof ConditionKinds;

/** Scale outcomes by position in the plan, as far as they are known. */
export type Scores = readonly { readonly score: number | null }[];

/**
 * A condition bound to its subject's position (an item's in the answers, a scale's in the plan's scales;
 * −1 when unknown), with its test: true or false, or null when the item is unanswered or the scale has no
 * score (unknown, never a guess).
 */
export interface ConditionPlan {
  readonly kind: ConditionKind;
  readonly index: number;
  readonly holds: (vals: readonly AnswerValue[], scores: Scores) => boolean | null;
}

/** What each condition kind provides for scoring. */
interface ConditionRule<C> {
  /** The item or scale id it tests. */
  readonly subject: (c: C) => string;
  /** Whether the subject is among the items (else the scales) of a definition. */
  readonly onItem: boolean;
  /** The number it compares: an item's answer as given (before reverse keying), or a scale's score; null when unknown. */
  readonly left: (index: number, vals: readonly AnswerValue[], scores: Scores) => number | null;
}

const CONDITIONS: { readonly [K in ConditionKind]: ConditionRule<ConditionKinds[K]> } = {
  item: {
    subject: (c) => c.item,
    onItem: true,
    left: (index, vals) => {
      const v = vals[index];
      return typeof v === "number" ? v : null;
    },
  },
  scale: { subject: (c) => c.scale, onItem: false, left: (index, _, scores) => scores[index]?.score ?? null },
};

/** How each condition kind names its subject in words ("item 9", "total"), for the docs and `describe`. */
const WORDS: { readonly [K in ConditionKind]: (c: ConditionKinds[K]) => string } = {
  item: (c) => `item ${c.item}`,
  scale: (c) => c.scale,
};

/** The kind of a condition: the one place that tells conditions apart, by the key naming their subject. */
export function conditionKind(c: Condition): ConditionKind {
  const kind = (Object.keys(CONDITIONS) as ConditionKind[]).find((k) => k in c);
  if (kind === undefined) throw new TypeError("a condition names neither an item nor a scale");
  return kind;
}

function rule(c: Condition): ConditionRule<Condition> {
  return CONDITIONS[conditionKind(c)] as ConditionRule<Condition>;
}

/** The id of the item or scale a condition tests. */
export function conditionSubject(c: Condition): string {
  return rule(c).subject(c);
}

/**
 * Binds a condition to its subject's position, given the positions of items and of scales.
 *
 * @internal
 */
export function bindCondition(
  c: Condition,
  items: ReadonlyMap<string, number>,
  scales: ReadonlyMap<string, number>,
): ConditionPlan {
  const kind = conditionKind(c);
  const { onItem, left } = CONDITIONS[kind] as ConditionRule<Condition>;
  const index = (onItem ? items : scales).get(conditionSubject(c)) ?? -1;
  const test = COMPARISONS[c.op];
  const value = c.value;
  return {
    kind,
    index,
    holds: (vals, scores) => {
      const l = left(index, vals, scores);
      return l === null ? null : test(l, value);
    },
  };
}

const COMPARISONS: { readonly [K in Comparison]: (left: number, right: number) => boolean } = {
  ">=": (l, r) => l >= r,
  ">": (l, r) => l > r,
  "<=": (l, r) => l <= r,
  "<": (l, r) => l < r,
  "==": (l, r) => l === r,
};

/** Applies a comparison. */
export function compare(left: number, op: Comparison, right: number): boolean {
  return COMPARISONS[op](left, right);
}

/** A condition in words, as the docs and `stepscore describe` show it: "item 9 >= 1", "total >= 10". */
export function conditionText(c: Condition): string {
  return `${(WORDS[conditionKind(c)] as (c: Condition) => string)(c)} ${c.op} ${String(c.value)}`;
}

/** What validateDefinition finds wrong with a condition, given the definition's item and scale ids; null when sound. */
export function conditionProblem(c: Condition, items: ReadonlySet<string>, scales: ReadonlySet<string>): string | null {
  const subject = conditionSubject(c);
  return (rule(c).onItem ? items : scales).has(subject)
    ? null
    : `condition names unknown ${conditionKind(c)} "${subject}"`;
}
