/**
 * Missing-data rules (strict, prorate, min-answered, computed): what each allows when items of a scale are
 * not answered, what validateDefinition checks about it, how it reads, and how many answers its FHIRPath
 * form needs. A missing answer never silently becomes 0.
 *
 * @module
 */
import type { MissingRule, ScaleMethod, ScoringMethod } from "../types.js";
import { METHODS } from "./methods.js";

/** A missing-data rule kind. */
export type MissingKind = MissingRule["kind"];

/** The rule of one kind. */
export type MissingRuleOf<K extends MissingKind> = Extract<MissingRule, { readonly kind: K }>;

/** What each missing-data rule kind provides. */
interface MissingRuleKind<R extends MissingRule> {
  /**
   * The score when some items are missing, or null when the rule gives none (the scale is then
   * "insufficient"). Only called with at least one item missing and one answered.
   */
  readonly partial: (rule: R, method: ScaleMethod, sum: number, maxSum: number, size: number, answered: number) => { readonly score: number; readonly method: ScoringMethod } | null;
  /** How many answers the rule needs for a score, as FHIRPath can check it; null when only `compute` knows. */
  readonly needed: (rule: R, method: ScaleMethod, size: number) => number | null;
  /** Whether a score the rule adjusts is rounded half up. */
  readonly halfUp: (rule: R) => boolean;
  /** Whether the rule needs every item of the scale (a form may then mark them required). */
  readonly everyItem: boolean;
  /** What the rule demands, in words: the reason given when a scale cannot score. */
  readonly demand: (rule: R, size: number) => string;
  /** How it scores what is answered, where there is more to say than what it demands (docs, `describe`). */
  readonly how: (rule: R) => string | null;
  /** What validateDefinition finds wrong with the rule on a scale of this method and size. */
  readonly check: (rule: R, method: ScaleMethod, size: number) => readonly string[];
}

const RULES: { readonly [K in MissingKind]: MissingRuleKind<MissingRuleOf<K>> } = {
  strict: {
    partial: () => null,
    needed: (_, __, size) => size,
    halfUp: () => false,
    everyItem: true,
    demand: (_, size) => (size === 1 ? "its one item is required" : `all ${String(size)} items are required`),
    how: () => null,
    check: () => [],
  },
  prorate: {
    partial: (rule, method, sum, _, size, answered) => {
      if (!METHODS[method].prorates || size - answered > rule.maxMissing) return null;
      const raw = (sum * size) / answered;
      // Half-up on a positive number; the epsilon guards values like 11.4999999 from float division.
      return { score: rule.rounding === "half-up" ? Math.floor(raw + 0.5 + 1e-9) : raw, method: "prorated" };
    },
    needed: (rule, method, size) => (METHODS[method].prorates ? size - rule.maxMissing : size),
    halfUp: (rule) => rule.rounding === "half-up",
    everyItem: false,
    demand: (rule) => `at most ${String(rule.maxMissing)} may be missing for a prorated score`,
    how: (rule) => `sum × items / answered, ${rule.rounding === "half-up" ? "rounded half up" : "unrounded"}`,
    check: (rule, method, size) => [
      ...(METHODS[method].prorates ? [] : ["prorating applies to sum scales only"]),
      ...(rule.maxMissing >= size ? [`maxMissing ${String(rule.maxMissing)} leaves no item to prorate from`] : []),
    ],
  },
  "min-answered": {
    partial: (rule, method, sum, maxSum, _, answered) => {
      const over = METHODS[method].overAnswered;
      return over === null || answered < rule.minAnswered ? null : { score: over(sum, maxSum, answered), method: "partial" };
    },
    needed: (rule, method, size) => (METHODS[method].overAnswered === null ? size : rule.minAnswered),
    halfUp: () => false,
    everyItem: false,
    demand: (rule) => `at least ${String(rule.minAnswered)} must be answered`,
    how: () => "computed over the answered items",
    check: (rule, method, size) => [
      ...(METHODS[method].declarative && METHODS[method].overAnswered === null ? ["a sum over answered items would count missing answers as 0; use prorate"] : []),
      ...(rule.minAnswered > size ? [`minAnswered ${String(rule.minAnswered)} exceeds the ${String(size)} items`] : []),
    ],
  },
  computed: {
    partial: () => null,
    needed: () => null,
    halfUp: () => false,
    everyItem: false,
    demand: (rule) => rule.description,
    how: () => null,
    check: (_, method) => (METHODS[method].declarative ? ['a "computed" rule needs a custom scale'] : []),
  },
};

function kindOf<R extends MissingRule>(rule: R): MissingRuleKind<R> {
  return RULES[rule.kind] as unknown as MissingRuleKind<R>;
}

/**
 * The score a rule allows for a scale with items missing (at least one answered), or null.
 *
 * @internal
 */
export function partialScore(
  rule: MissingRule,
  method: ScaleMethod,
  sum: number,
  maxSum: number,
  size: number,
  answered: number,
): { readonly score: number; readonly method: ScoringMethod } | null {
  return kindOf(rule).partial(rule, method, sum, maxSum, size, answered);
}

/** What a rule demands, in words: "all 9 items are required", "at least 8 must be answered". */
export function demandText(rule: MissingRule, size: number): string {
  return kindOf(rule).demand(rule, size);
}

/** A rule in words for the docs and `stepscore describe`: what it demands, then how it scores, if there is more to say. */
export function ruleText(rule: MissingRule, size: number): string {
  const how = kindOf(rule).how(rule);
  return how === null ? demandText(rule, size) : `${demandText(rule, size)} (${how})`;
}

/** How many answers a rule needs for a score (1 to size), or null when only the definition's compute knows. */
export function answersNeeded(rule: MissingRule, method: ScaleMethod, size: number): number | null {
  const n = kindOf(rule).needed(rule, method, size);
  return n === null ? null : Math.min(size, Math.max(n, 1));
}

/** Whether a score the rule adjusts is rounded half up. */
export function roundsHalfUp(rule: MissingRule): boolean {
  return kindOf(rule).halfUp(rule);
}

/** Whether a rule needs every item of its scale answered. */
export function needsEveryItem(rule: MissingRule): boolean {
  return kindOf(rule).everyItem;
}

/** What validateDefinition finds wrong with a rule on a scale. */
export function missingRuleProblems(rule: MissingRule, method: ScaleMethod, size: number): readonly string[] {
  return kindOf(rule).check(rule, method, size);
}
