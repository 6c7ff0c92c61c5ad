/**
 * Conditions (on one item's answer, one scale's score or one of the caller's settings, or a count, all or
 * any of several conditions) and their comparisons: how a condition is told apart and bound to positions
 * once, how it is tested (true, false or unknown), what validateDefinition checks and how it reads. Used by
 * flags, rule bands, skip rules and the rules of `rules` scales.
 *
 * @module
 */
import type { AnswerValue, Comparison, Condition, SettingCondition, SettingDefinition } from "../types.js";
import type { Covers } from "./kinds.js";

/** Each condition kind: the members of {@link Condition}, by the key that names their subject or parts. */
export type ConditionKinds = Covers<
  {
    readonly item: Extract<Condition, { readonly item: string }>;
    readonly scale: Extract<Condition, { readonly scale: string }>;
    readonly setting: Extract<Condition, { readonly setting: string }>;
    readonly count: Extract<Condition, { readonly count: readonly Condition[] }>;
    readonly all: Extract<Condition, { readonly all: readonly Condition[] }>;
    readonly any: Extract<Condition, { readonly any: readonly Condition[] }>;
  },
  Condition
>;

/**
 * The kind of a condition: "item", "scale" or "setting" (one subject), or "count", "all" or "any" (several
 * conditions).
 */
export type ConditionKind = keyof ConditionKinds;

/** Scale outcomes by position in the plan, as far as they are known. */
export type Scores = readonly { readonly score: number | null }[];

/** The caller's settings with defaults filled in; an enumerated setting not given is absent (unset). */
export type SettingValues = Readonly<Record<string, boolean | number | string>>;

/**
 * A bound test: true or false, or null when what it needs is unanswered or has no score (unknown, never a
 * guess). A setting condition is unknown only when no settings are passed.
 */
export type Holds = (vals: readonly AnswerValue[], scores: Scores, settings?: SettingValues) => boolean | null;

/**
 * A condition bound to its subject's position (an item's in the answers, a scale's in the plan's scales;
 * −1 when unknown, and for a condition on several), with its test: true or false, or null when unknown.
 */
export interface ConditionPlan {
  readonly kind: ConditionKind;
  readonly index: number;
  readonly holds: Holds;
}

/** What each condition kind provides for scoring: its test bound to positions, and the position of its one subject (−1 if none). */
interface ConditionRule<C> {
  readonly bind: (
    c: C,
    items: ReadonlyMap<string, number>,
    scales: ReadonlyMap<string, number>,
  ) => { readonly index: number; readonly holds: Holds };
}

const COMPARISONS: { readonly [K in Comparison]: (left: number, right: number) => boolean } = {
  ">=": (l, r) => l >= r,
  ">": (l, r) => l > r,
  "<=": (l, r) => l <= r,
  "<": (l, r) => l < r,
  "==": (l, r) => l === r,
};

/** A comparison of a number that may be unknown (null): unknown in, unknown out. */
function compared(
  left: (vals: readonly AnswerValue[], scores: Scores) => number | null,
  op: Comparison,
  value: number,
): Holds {
  const test = COMPARISONS[op];
  return (vals, scores) => {
    const l = left(vals, scores);
    return l === null ? null : test(l, value);
  };
}

const parts = (cs: readonly Condition[], items: ReadonlyMap<string, number>, scales: ReadonlyMap<string, number>) =>
  cs.map((c) => bindCondition(c, items, scales).holds);

/**
 * The number of parts that hold, compared with `value`: it lies between the parts that are true and those
 * plus the unknown ones, so it is decided only when the comparison agrees over that whole span.
 */
function counted(each: readonly Holds[], op: Comparison, value: number): Holds {
  const test = COMPARISONS[op];
  return (vals, scores, settings) => {
    let yes = 0;
    let unknown = 0;
    for (const h of each) {
      const r = h(vals, scores, settings);
      if (r === null) unknown++;
      else if (r) yes++;
    }
    const first = test(yes, value);
    for (let k = yes + 1; k <= yes + unknown; k++) if (test(k, value) !== first) return null;
    return first;
  };
}

const CONDITIONS: { readonly [K in ConditionKind]: ConditionRule<ConditionKinds[K]> } = {
  item: {
    bind: (c, items) => {
      const index = items.get(c.item) ?? -1;
      return {
        index,
        holds: compared(
          (vals) => {
            const v = vals[index];
            return typeof v === "number" ? v : null;
          },
          c.op,
          c.value,
        ),
      };
    },
  },
  scale: {
    bind: (c, _, scales) => {
      const index = scales.get(c.scale) ?? -1;
      return { index, holds: compared((_, scores) => scores[index]?.score ?? null, c.op, c.value) };
    },
  },
  setting: {
    bind: (c) => {
      const id = c.setting;
      const is: readonly unknown[] = c.is;
      return {
        index: -1,
        holds: (_, __, settings) => (settings === undefined ? null : is.includes(settings[id] ?? null)),
      };
    },
  },
  count: { bind: (c, items, scales) => ({ index: -1, holds: counted(parts(c.count, items, scales), c.op, c.value) }) },
  // All of n parts is a count of n, any is a count of at least 1: the count's three values are theirs.
  all: { bind: (c, items, scales) => ({ index: -1, holds: counted(parts(c.all, items, scales), ">=", c.all.length) }) },
  any: { bind: (c, items, scales) => ({ index: -1, holds: counted(parts(c.any, items, scales), ">=", 1) }) },
};

/** What each condition kind provides to validateDefinition, the docs and `describe`. */
interface ConditionDescription<C> {
  /** The condition in words ("item 9 >= 1"); `nest` wraps them in parentheses where they join others. */
  readonly words: (c: C, nest: (c: Condition) => string) => string;
  /** The conditions it is made of (none for an item or scale condition). */
  readonly parts: (c: C) => readonly Condition[];
  /** What it reads directly: an item's id, a scale's id or a setting's id. */
  readonly reads: (c: C) => Reads;
}

/** The ids a condition reads, by what they name. */
interface Reads {
  readonly items: readonly string[];
  readonly scales: readonly string[];
  readonly settings: readonly string[];
}

const NONE: readonly string[] = [];
const READS_NONE: Reads = { items: NONE, scales: NONE, settings: NONE };

/** A setting value in words: "male", "not given" for null. */
function settingValueText(v: string | boolean | null): string {
  return v === null ? "not given" : String(v);
}

/** "items 8, 9, 10 answered >= 2" when every part is an item condition with one comparison; else null. */
function sameItemTest(cs: readonly Condition[]): string | null {
  const first = cs[0];
  if (first === undefined || !("item" in first)) return null;
  const ids: string[] = [];
  for (const c of cs) {
    if (!("item" in c) || c.op !== first.op || c.value !== first.value) return null;
    ids.push(c.item);
  }
  return `items ${ids.join(", ")} answered ${first.op} ${String(first.value)}`;
}

const DESCRIPTIONS: { readonly [K in ConditionKind]: ConditionDescription<ConditionKinds[K]> } = {
  item: {
    words: (c) => `item ${c.item} ${c.op} ${String(c.value)}`,
    parts: () => [],
    reads: (c) => ({ items: [c.item], scales: NONE, settings: NONE }),
  },
  scale: {
    words: (c) => `${c.scale} ${c.op} ${String(c.value)}`,
    parts: () => [],
    reads: (c) => ({ items: NONE, scales: [c.scale], settings: NONE }),
  },
  setting: {
    words: (c) => `${c.setting} is ${c.is.map(settingValueText).join(" or ")}`,
    parts: () => [],
    reads: (c) => ({ items: NONE, scales: NONE, settings: [c.setting] }),
  },
  count: {
    words: (c, nest) =>
      `(number of ${sameItemTest(c.count) ?? `[${c.count.map(nest).join("; ")}] that hold`}) ${c.op} ${String(c.value)}`,
    parts: (c) => c.count,
    reads: () => READS_NONE,
  },
  all: {
    words: (c, nest) => (c.all.length === 0 ? "always" : c.all.map(nest).join(" and ")),
    parts: (c) => c.all,
    reads: () => READS_NONE,
  },
  any: {
    words: (c, nest) => (c.any.length === 0 ? "never" : c.any.map(nest).join(" or ")),
    parts: (c) => c.any,
    reads: () => READS_NONE,
  },
};

/** The kind of a condition: the one place that tells conditions apart, by the key naming their subject or parts. */
export function conditionKind(c: Condition): ConditionKind {
  const kind = (Object.keys(CONDITIONS) as ConditionKind[]).find((k) => k in c);
  if (kind === undefined) throw new TypeError("a condition names no item, scale, setting, count, all or any");
  return kind;
}

function described(c: Condition): ConditionDescription<Condition> {
  return DESCRIPTIONS[conditionKind(c)] as ConditionDescription<Condition>;
}

/**
 * The id of the item or scale an item or scale condition tests (a setting condition, or one on several
 * conditions, has none: it throws).
 */
export function conditionSubject(c: Condition): string {
  if ("item" in c) return c.item;
  if ("scale" in c) return c.scale;
  throw new TypeError(`a "${conditionKind(c)}" condition tests no item or scale of its own`);
}

/** Whether a condition tests a setting itself (told apart by its `setting` key); see {@link conditionReads} for nested ones. */
export function isSettingCondition(c: Condition): c is SettingCondition {
  return "setting" in c;
}

/**
 * Binds a condition to its subjects' positions, given the positions of items and of scales.
 *
 * @internal
 */
export function bindCondition(
  c: Condition,
  items: ReadonlyMap<string, number>,
  scales: ReadonlyMap<string, number>,
): ConditionPlan {
  const kind = conditionKind(c);
  const { index, holds } = (CONDITIONS[kind] as ConditionRule<Condition>).bind(c, items, scales);
  return { kind, index, holds };
}

/** Applies a comparison. */
export function compare(left: number, op: Comparison, right: number): boolean {
  return COMPARISONS[op](left, right);
}

/**
 * A condition in words, as the docs and `stepscore describe` show it: "item 9 >= 1", "total >= 10",
 * "sex is female or not given", "item 1 >= 1 or item 2 >= 1", "(number of items 8, 9, 10 answered >= 2) >= 2".
 */
export function conditionText(c: Condition): string {
  const nest = (p: Condition): string => {
    const text = conditionText(p);
    // Parts joined by "and" or "or" are bracketed where they sit among others, so the reading is unambiguous.
    return ("all" in p && p.all.length > 1) || ("any" in p && p.any.length > 1) ? `(${text})` : text;
  };
  return described(c).words(c, nest);
}

/** Every item, scale and setting a condition reads, directly or through its parts. */
export function conditionReads(c: Condition): Reads {
  return readsInto(c, { items: [], scales: [], settings: [] });
}

function readsInto(c: Condition, out: { items: string[]; scales: string[]; settings: string[] }): typeof out {
  const d = described(c);
  const own = d.reads(c);
  out.items.push(...own.items);
  out.scales.push(...own.scales);
  out.settings.push(...own.settings);
  for (const p of d.parts(c)) readsInto(p, out);
  return out;
}

/** The setting conditions in a condition, itself or nested in its parts. */
function settingConditions(c: Condition): readonly SettingCondition[] {
  if (isSettingCondition(c)) return [c];
  return described(c)
    .parts(c)
    .flatMap((p) => settingConditions(p));
}

/** Whether a condition tests a setting anywhere in it, itself or in a part of a part. */
export function readsSetting(c: Condition): boolean {
  return settingConditions(c).length > 0;
}

/**
 * What validateDefinition finds wrong with a condition, given the definition's item and scale ids and its
 * settings (for setting conditions, nested or not); null when sound.
 */
export function conditionProblem(
  c: Condition,
  items: ReadonlySet<string>,
  scales: ReadonlySet<string>,
  settings: readonly SettingDefinition[] = [],
): string | null {
  const { items: readItems, scales: readScales } = conditionReads(c);
  const item = readItems.find((id) => !items.has(id));
  if (item !== undefined) return `condition names unknown item "${item}"`;
  const scale = readScales.find((id) => !scales.has(id));
  if (scale !== undefined) return `condition names unknown scale "${scale}"`;
  for (const sc of settingConditions(c)) {
    const problem = settingProblem(sc, settings);
    if (problem !== null) return problem;
  }
  return null;
}

function settingProblem(c: SettingCondition, settings: readonly SettingDefinition[]): string | null {
  const d = settings.find((st) => st.id === c.setting);
  if (d === undefined) return `condition names unknown setting "${c.setting}"`;
  const allowed: readonly (string | boolean | null)[] =
    d.type === "boolean" ? [true, false] : [...d.values, ...(d.default === null ? [null] : [])];
  const bad = c.is.filter((v) => !allowed.includes(v));
  return bad.length === 0
    ? null
    : `condition on setting "${c.setting}" tests ${bad.map((v) => JSON.stringify(v)).join(", ")}, not among its values (${allowed.map((v) => JSON.stringify(v)).join(", ")})`;
}
