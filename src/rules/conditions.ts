/**
 * Conditions (on one item's answer or one scale's score) and their comparisons: how a condition is told
 * apart and bound to a position once, how it is tested, what validateDefinition checks and how it reads.
 * Used by flags and rule bands.
 *
 * @module
 */
import type { AnswerValue, Comparison, Condition } from "../types.js";
import { unreachable, type Covers } from "./kinds.js";

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

/** Where a condition's subject is looked up: a definition's items or its scales, by id. */
interface Subjects<T> {
  readonly items: T;
  readonly scales: T;
}

/** What each condition kind provides. */
interface ConditionRule<C> {
  /** The item or scale id it tests. */
  readonly subject: (c: C) => string;
  /** Which of a definition's ids (or positions) the subject is among. */
  readonly among: <T>(s: Subjects<T>) => T;
  /** How its subject is named in words: "item 9", "total". */
  readonly words: (c: C) => string;
}

const CONDITIONS: { readonly [K in ConditionKind]: ConditionRule<ConditionKinds[K]> } = {
  item: { subject: (c) => c.item, among: (s) => s.items, words: (c) => `item ${c.item}` },
  scale: { subject: (c) => c.scale, among: (s) => s.scales, words: (c) => c.scale },
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
  const index = rule(c).among({ items, scales }).get(conditionSubject(c)) ?? -1;
  const kind = conditionKind(c);
  const { op, value } = c;
  return { kind, index, holds: (vals, scores) => holds(kind, index, op, value, vals, scores) };
}

/** Applies a comparison. */
export function compare(left: number, op: Comparison, right: number): boolean {
  switch (op) {
    case ">=":
      return left >= right;
    case ">":
      return left > right;
    case "<=":
      return left <= right;
    case "<":
      return left < right;
    case "==":
      return left === right;
    default:
      return unreachable(op);
  }
}

/** Tests a condition against answers (as given, before reverse keying) or scale scores. */
function holds(
  kind: ConditionKind,
  index: number,
  op: Comparison,
  value: number,
  vals: readonly AnswerValue[],
  scores: Scores,
): boolean | null {
  let left: number | null;
  switch (kind) {
    case "item": {
      const v = vals[index];
      left = typeof v === "number" ? v : null;
      break;
    }
    case "scale":
      left = scores[index]?.score ?? null;
      break;
    default:
      return unreachable(kind);
  }
  return left === null ? null : compare(left, op, value);
}

/** A condition in words, as the docs and `stepscore describe` show it: "item 9 >= 1", "total >= 10". */
export function conditionText(c: Condition): string {
  return `${rule(c).words(c)} ${c.op} ${String(c.value)}`;
}

/** What validateDefinition finds wrong with a condition, given the definition's item and scale ids; null when sound. */
export function conditionProblem(c: Condition, items: ReadonlySet<string>, scales: ReadonlySet<string>): string | null {
  const subject = conditionSubject(c);
  return rule(c).among({ items, scales }).has(subject)
    ? null
    : `condition names unknown ${conditionKind(c)} "${subject}"`;
}
