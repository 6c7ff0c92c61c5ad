/**
 * Every rule kind as SQL, one function per kind, in tables typed over the kind unions (as src/rules/* keeps
 * their scoring), so a kind added there is a compile error here too. Each mirrors the engine's arithmetic in
 * its order (src/rules/methods.ts, src/rules/missing.ts), so a score lands on the same side of a cut.
 *
 * @module
 */
import { bandKind, type BandKind, type BandKinds } from "../rules/bands.js";
import { conditionKind, type ConditionKind, type ConditionKinds } from "../rules/conditions.js";
import type { FlagKind } from "../rules/flags.js";
import { METHODS } from "../rules/methods.js";
import type { MissingKind, MissingRuleOf } from "../rules/missing.js";
import type { Band, Comparison, Condition, ScaleMethod } from "../types.js";
import { literal, type DialectRules } from "./dialects.js";

/** A number as a SQL literal of the double type (never an integer, whose division truncates). */
export function num(d: DialectRules, x: number): string {
  return `CAST(${String(x)} AS ${d.double})`;
}

/** What a scale's SQL is built from: SQL expressions over one row's helper columns. */
export interface ScaleSql {
  readonly dialect: DialectRules;
  readonly method: ScaleMethod;
  /** Sum of the answered items' scored values (double). */
  readonly sum: string;
  /** Sum of the answered items' highest scored values (double). */
  readonly max: string;
  /** How many items are answered (integer). */
  readonly answered: string;
  /** Items in the scale. */
  readonly size: number;
}

/** A scale method as SQL: its score with every item answered, and over the answered items where it has one. */
interface MethodSql {
  readonly complete: ((s: ScaleSql) => string) | null;
  readonly overAnswered: ((s: ScaleSql) => string) | null;
}

// As src/rules/methods.ts: multiply before dividing.
const percent = (s: ScaleSql): string => `((${s.sum} * 100) / ${s.max})`;

/** Each scale method (src/rules/methods.ts `METHODS`) as SQL. */
export const METHODS_SQL: { readonly [K in ScaleMethod]: MethodSql } = {
  sum: { complete: (s) => s.sum, overAnswered: null },
  mean: {
    complete: (s) => `(${s.sum} / ${String(s.size)})`,
    overAnswered: (s) => `(${s.sum} / ${s.answered})`,
  },
  percent: { complete: percent, overAnswered: percent },
  custom: { complete: null, overAnswered: null },
  // Not compiled yet: toSql refuses a definition with such a scale, naming it (instrument.ts `notCompilable`).
  rules: { complete: null, overAnswered: null },
  table: { complete: null, overAnswered: null },
};

/** A partial score as SQL: when it applies (items missing, at least one answered), its value and method. */
export interface PartialSql {
  readonly when: string;
  readonly score: string;
  readonly method: "prorated" | "partial";
}

/** Each missing-data rule kind (src/rules/missing.ts `RULES`) as SQL: the partial score it allows, or none. */
export const MISSING_SQL: {
  readonly [K in MissingKind]: (rule: MissingRuleOf<K>, s: ScaleSql) => PartialSql | null;
} = {
  strict: () => null,
  prorate: (rule, s) => {
    if (!METHODS[s.method].prorates) return null;
    const raw = `((${s.sum} * ${String(s.size)}) / ${s.answered})`;
    // The engine's half-up, with its epsilon, in its order: floor((raw + 0.5) + 1e-9).
    const score = rule.rounding === "half-up" ? s.dialect.floor(`(${raw} + 0.5 + 1e-9)`) : raw;
    return { when: `${String(s.size)} - ${s.answered} <= ${String(rule.maxMissing)}`, score, method: "prorated" };
  },
  "min-answered": (rule, s) => {
    const over = METHODS_SQL[s.method].overAnswered;
    return over === null || METHODS[s.method].overAnswered === null
      ? null
      : { when: `${s.answered} >= ${String(rule.minAnswered)}`, score: over(s), method: "partial" };
  },
  computed: () => null,
};

/** Each comparison as SQL. */
export const COMPARISONS_SQL: { readonly [K in Comparison]: string } = {
  ">=": ">=",
  ">": ">",
  "<=": "<=",
  "<": "<",
  "==": "=",
};

/** Where a condition's subject is read: an item's answer as given, or a scale's score (NULL when unknown). */
export interface Subjects {
  readonly item: (id: string) => string | null;
  readonly scale: (id: string) => string | null;
}

/** A comparison of a subject with a number, NULL (unknown) when the subject is. */
function compared(left: string | null, op: Comparison, value: number): string {
  return left === null ? "(1 = 0)" : `(${left} ${COMPARISONS_SQL[op]} ${String(value)})`;
}

/**
 * How many of `parts` hold, compared with `value`, as src/rules/conditions.ts `counted` judges it: the count
 * lies between the parts that are true and those plus the unknown ones, so it is true (or false) only when
 * the comparison is true (or false) over that whole span, else NULL (unknown).
 */
function countedSql(parts: readonly Condition[], op: Comparison, value: number, at: Subjects): string {
  const each = parts.map((c) => conditionSql(c, at));
  const yes = `(0${each.map((p) => ` + CASE WHEN ${p} THEN 1 ELSE 0 END`).join("")})`;
  const most = `(${yes}${each.map((p) => ` + CASE WHEN ${p} IS NULL THEN 1 ELSE 0 END`).join("")})`;
  const low = `(${yes} ${COMPARISONS_SQL[op]} ${String(value)})`;
  const high = `(${most} ${COMPARISONS_SQL[op]} ${String(value)})`;
  // Every comparison but == is monotone in the count, so its two ends decide; == is false only outside the span.
  const never =
    op === "==" ? `(${String(value)} < ${yes} OR ${String(value)} > ${most})` : `(NOT ${low} AND NOT ${high})`;
  return `(CASE WHEN ${low} AND ${high} THEN (1 = 1) WHEN ${never} THEN (1 = 0) END)`;
}

/** Each condition kind (src/rules/conditions.ts `CONDITIONS`) as a SQL predicate: true, false or NULL (unknown). */
const CONDITIONS_SQL: { readonly [K in ConditionKind]: (c: ConditionKinds[K], at: Subjects) => string } = {
  item: (c, at) => compared(at.item(c.item), c.op, c.value),
  scale: (c, at) => compared(at.scale(c.scale), c.op, c.value),
  count: (c, at) => countedSql(c.count, c.op, c.value, at),
  // As in the engine: all of n parts is a count of n, any a count of at least 1.
  all: (c, at) => countedSql(c.all, ">=", c.all.length, at),
  any: (c, at) => countedSql(c.any, ">=", 1, at),
  // toSql has no settings to read: a definition that tests one is refused before (instrument.ts `notCompilable`).
  setting: () => "NULL",
};

/**
 * A condition as a SQL predicate: NULL (not true) when its subject is unanswered or unscored, as the engine
 * never guesses. The kind is told apart as src/rules/conditions.ts does, by the keys naming its subject or parts.
 */
export function conditionSql(c: Condition, at: Subjects): string {
  return (CONDITIONS_SQL[conditionKind(c)] as (c: Condition, at: Subjects) => string)(c, at);
}

/** Each band kind (src/rules/bands.ts) as one `WHEN … THEN …` of the CASE that finds a score's band. */
export const BANDS_SQL: {
  readonly [K in BandKind]: (b: BandKinds[K], score: string, d: DialectRules, at: Subjects) => string;
} = {
  // As bandOf: the first band whose max the score does not exceed; a whole score below its min has none.
  range: (b, score, d) =>
    `WHEN ${score} <= ${String(b.max)} THEN CASE WHEN ${score} >= ${String(b.min)} OR ${score} <> ${d.floor(score)} THEN ${literal(b.id)} END`,
  rule: (b, _, __, at) => `WHEN ${b.when.map((c) => conditionSql(c, at)).join(" AND ")} THEN ${literal(b.id)}`,
};

/** A band as one `WHEN … THEN …`, its kind told apart as src/rules/bands.ts does. */
export function bandSql(b: Band, score: string, d: DialectRules, at: Subjects): string {
  return (BANDS_SQL[bandKind(b)] as (b: Band, score: string, d: DialectRules, at: Subjects) => string)(b, score, d, at);
}

/** Each flag kind (src/rules/flags.ts) as SQL: whether it is tested at all, given the opt-in flags asked for. */
export const FLAGS_SQL: { readonly [K in FlagKind]: (id: string, asked: ReadonlySet<string>) => boolean } = {
  always: () => true,
  "opt-in": (id, asked) => asked.has(id),
};
