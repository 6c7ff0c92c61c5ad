/**
 * Conditions (on one item's answer, one scale's score or one of the caller's settings) and their
 * comparisons: how a condition is told apart and bound to a position once, how it is tested, what
 * validateDefinition checks and how it reads. Used by flags, rule bands and skip rules.
 *
 * @module
 */
import type { AnswerValue, Comparison, Condition, SettingCondition, SettingDefinition } from "../types.js";
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

/** Any condition a rule band or skip rule may hold: on an item, a scale, or a setting. */
export type AnyCondition = Condition | SettingCondition;

/** The caller's settings with defaults filled in; an enumerated setting not given is absent (unset). */
export type SettingValues = Readonly<Record<string, boolean | number | string>>;

/**
 * A condition bound to its subject's position (an item's in the answers, a scale's in the plan's scales;
 * −1 when unknown), with its test: true or false, or null when the item is unanswered or the scale has no
 * score (unknown, never a guess).
 */
export interface ConditionPlan {
  readonly kind: ConditionKind | "setting";
  readonly index: number;
  /** A setting condition is null (unknown) only when no settings are passed. */
  readonly holds: (vals: readonly AnswerValue[], scores: Scores, settings?: SettingValues) => boolean | null;
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
  c: AnyCondition,
  items: ReadonlyMap<string, number>,
  scales: ReadonlyMap<string, number>,
): ConditionPlan {
  if (isSettingCondition(c)) {
    const id = c.setting;
    const is = c.is;
    return {
      kind: "setting",
      index: -1,
      holds: (_, __, settings) =>
        settings === undefined ? null : (is as readonly unknown[]).includes(settings[id] ?? null),
    };
  }
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

/** Whether a condition tests a setting (told apart by its `setting` key). */
export function isSettingCondition(c: AnyCondition): c is SettingCondition {
  return "setting" in c;
}

/** A setting value in words: "male", "not given" for null. */
function settingValueText(v: string | boolean | null): string {
  return v === null ? "not given" : String(v);
}

/**
 * A condition in words, as the docs and `stepscore describe` show it: "item 9 >= 1", "total >= 10",
 * "sex is female or not given".
 */
export function conditionText(c: AnyCondition): string {
  if (isSettingCondition(c)) return `${c.setting} is ${c.is.map(settingValueText).join(" or ")}`;
  return `${(WORDS[conditionKind(c)] as (c: Condition) => string)(c)} ${c.op} ${String(c.value)}`;
}

/**
 * What validateDefinition finds wrong with a condition, given the definition's item and scale ids (and its
 * settings, for a setting condition); null when sound.
 */
export function conditionProblem(
  c: AnyCondition,
  items: ReadonlySet<string>,
  scales: ReadonlySet<string>,
  settings: readonly SettingDefinition[] = [],
): string | null {
  if (isSettingCondition(c)) {
    const d = settings.find((st) => st.id === c.setting);
    if (d === undefined) return `condition names unknown setting "${c.setting}"`;
    const allowed: readonly (string | boolean | null)[] =
      d.type === "boolean" ? [true, false] : [...d.values, ...(d.default === null ? [null] : [])];
    const bad = c.is.filter((v) => !allowed.includes(v));
    return bad.length === 0
      ? null
      : `condition on setting "${c.setting}" tests ${bad.map((v) => JSON.stringify(v)).join(", ")}, not among its values (${allowed.map((v) => JSON.stringify(v)).join(", ")})`;
  }
  const subject = conditionSubject(c);
  return (rule(c).onItem ? items : scales).has(subject)
    ? null
    : `condition names unknown ${conditionKind(c)} "${subject}"`;
}
