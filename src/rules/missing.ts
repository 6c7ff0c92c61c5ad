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

/** What each missing-data rule kind provides for scoring. */
interface MissingRuleKind<R extends MissingRule> {
  /**
   * The score when some items are missing, or null when the rule gives none (the scale is then
   * "insufficient"). Only called with at least one item missing and one answered.
   */
  readonly partial: (
    rule: R,
    method: ScaleMethod,
    sum: number,
    maxSum: number,
    size: number,
    answered: number,
  ) => { readonly score: number; readonly method: ScoringMethod } | null;
  /** What the rule demands, in words: the reason given when a scale cannot score. */
  readonly demand: (rule: R, size: number) => string;
}

/**
 * What each missing-data rule kind provides to validateDefinition, the docs, `describe` and FHIR (apart
 * from scoring, so a bundle that only scores leaves it out).
 */
interface MissingRuleDescription<R extends MissingRule> {
  /** How many answers the rule needs for a score, as FHIRPath can check it; null when only `compute` knows. */
  readonly needed: (rule: R, method: ScaleMethod, size: number) => number | null;
  /** Whether a score the rule adjusts is rounded half up. */
  readonly halfUp: (rule: R) => boolean;
  /** Whether the rule needs every item of the scale (a form may then mark them required). */
  readonly everyItem: boolean;
  /** How it scores what is answered, where there is more to say than what it demands (docs, `describe`). */
  readonly how: (rule: R) => string | null;
  /** What validateDefinition finds wrong with the rule on a scale of this method and size. */
  readonly check: (rule: R, method: ScaleMethod, size: number) => readonly string[];
}

const RULES: { readonly [K in MissingKind]: MissingRuleKind<MissingRuleOf<K>> } = {
  strict: {
    partial: () => null,
    demand: (_, size) => (size === 1 ? "its one item is required" : `all ${String(size)} items are required`),
  },
  prorate: {
    partial: (rule, method, sum, _, size, answered) => {
      if (!METHODS[method].prorates || size - answered > rule.maxMissing) return null;
      const raw = (sum * size) / answered;
      // Half-up on a positive number; the epsilon guards values like 11.4999999 from float division.
      return { score: rule.rounding === "half-up" ? Math.floor(raw + 0.5 + 1e-9) : raw, method: "prorated" };
    },
    demand: (rule) => `at most ${String(rule.maxMissing)} may be missing for a prorated score`,
  },
  "min-answered": {
    partial: (rule, method, sum, maxSum, _, answered) => {
      const over = METHODS[method].overAnswered;
      return over === null || answered < rule.minAnswered
        ? null
        : { score: over(sum, maxSum, answered), method: "partial" };
    },
    demand: (rule) => `at least ${String(rule.minAnswered)} must be answered`,
  },
  computed: {
    partial: () => null,
    demand: (rule) => rule.description,
  },
};

const DESCRIPTIONS: { readonly [K in MissingKind]: MissingRuleDescription<MissingRuleOf<K>> } = {
  strict: {
    needed: (_, __, size) => size,
    halfUp: () => false,
    everyItem: true,
    how: () => null,
    check: () => [],
  },
  prorate: {
    needed: (rule, method, size) => (METHODS[method].prorates ? size - rule.maxMissing : size),
    halfUp: (rule) => rule.rounding === "half-up",
    everyItem: false,
    how: (rule) => `sum × items / answered, ${rule.rounding === "half-up" ? "rounded half up" : "unrounded"}`,
    check: (rule, method, size) => [
      ...(METHODS[method].prorates ? [] : ["prorating applies to sum scales only"]),
      ...(rule.maxMissing >= size ? [`maxMissing ${String(rule.maxMissing)} leaves no item to prorate from`] : []),
    ],
  },
  "min-answered": {
    needed: (rule, method, size) => (METHODS[method].overAnswered === null ? size : rule.minAnswered),
    halfUp: () => false,
    everyItem: false,
    how: () => "computed over the answered items",
    check: (rule, method, size) => [
      ...(METHODS[method].declarative && METHODS[method].overAnswered === null
        ? ["a sum over answered items would count missing answers as 0; use prorate"]
        : []),
      ...(rule.minAnswered > size ? [`minAnswered ${String(rule.minAnswered)} exceeds the ${String(size)} items`] : []),
    ],
  },
  computed: {
    needed: () => null,
    halfUp: () => false,
    everyItem: false,
    how: () => null,
    check: (_, method) => (METHODS[method].declarative ? ['a "computed" rule needs a custom scale'] : []),
  },
};

function kindOf<R extends MissingRule>(rule: R): MissingRuleKind<R> {
  return RULES[rule.kind] as unknown as MissingRuleKind<R>;
}

function described<R extends MissingRule>(rule: R): MissingRuleDescription<R> {
  return DESCRIPTIONS[rule.kind] as unknown as MissingRuleDescription<R>;
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
  const how = described(rule).how(rule);
  return how === null ? demandText(rule, size) : `${demandText(rule, size)} (${how})`;
}

/** How many answers a rule needs for a score (1 to size), or null when only the definition's compute knows. */
export function answersNeeded(rule: MissingRule, method: ScaleMethod, size: number): number | null {
  const n = described(rule).needed(rule, method, size);
  return n === null ? null : Math.min(size, Math.max(n, 1));
}

/** Whether a score the rule adjusts is rounded half up. */
export function roundsHalfUp(rule: MissingRule): boolean {
  return described(rule).halfUp(rule);
}

/** Whether a rule needs every item of its scale answered. */
export function needsEveryItem(rule: MissingRule): boolean {
  return described(rule).everyItem;
}

/** What validateDefinition finds wrong with a rule on a scale. */
export function missingRuleProblems(rule: MissingRule, method: ScaleMethod, size: number): readonly string[] {
  return described(rule).check(rule, method, size);
}
