// Facts about change between two administrations that a definition may carry, read by `compareScores`.
import type { Comparison } from "./model.js";

/**
 * A minimal clinically important difference (MCID, also MIC or MID): the smallest change patients notice
 * as mattering. Exactly one of `points` or `percent` is given. Sources derive it for improvement;
 * `compareScores` applies the same size to worsening and says so.
 *
 * @category Change
 */
export interface ImportantChange {
  /** Stable id among the scale's options, e.g. "lowe2004". */
  readonly id: string;
  /** What it is, in a phrase, e.g. "5 points (2 SEM, late-life depression)". */
  readonly label: string;
  /** The difference in score points. */
  readonly points?: number;
  /** The difference as a percentage of the baseline score. */
  readonly percent?: number;
  /**
   * Thresholds in points that depend on the baseline score; the first whose condition the baseline meets
   * applies, otherwise `points` (e.g. PCS: 11 points when the baseline is above 30).
   */
  readonly byBaseline?: readonly { readonly op: Comparison; readonly value: number; readonly points: number }[];
  /** The population it was derived in. */
  readonly population?: string;
  /** The option used when the caller names none; exactly one option of a list is the default. */
  readonly default?: boolean;
  /** Key into `references`. */
  readonly source: string;
  /** A caveat, or how the value was derived. */
  readonly note?: string;
}

/**
 * Inputs of the Jacobson–Truax reliable change index, in exactly one of three forms: a standard deviation
 * and a reliability coefficient (SEM = SD × √(1 − r)); a published standard error of measurement; or a
 * published threshold in points (a smallest detectable change at 95 % confidence, MDC95 or SDC95, or a
 * service's reliable-change criterion), which is 1.96 × √2 × SEM.
 *
 * @category Change
 */
export interface ReliabilityOption {
  /** Stable id among the scale's options. */
  readonly id: string;
  /** What it is, in a phrase. */
  readonly label: string;
  /** Standard deviation of the reference population (with `reliability`). */
  readonly sd?: number;
  /** Test-retest reliability, 0 ≤ r < 1 (with `sd`). */
  readonly reliability?: number;
  /** Standard error of measurement, as published. */
  readonly sem?: number;
  /** The change in points that is reliable at 95 % confidence, as published (MDC95, SDC95 or a criterion). */
  readonly threshold?: number;
  /** The population the inputs come from. */
  readonly population?: string;
  /** The option used when the caller names none; exactly one option of a list is the default. */
  readonly default?: boolean;
  /** Key into `references`. */
  readonly source: string;
  /** A caveat, or how the value was derived. */
  readonly note?: string;
}

/**
 * One criterion of a response or remission definition: an improvement of at least `min` points or percent
 * of the baseline, or the follow-up score compared with a value.
 *
 * @category Change
 */
export type OutcomeCriterion =
  | { readonly kind: "improvement"; readonly unit: "points" | "percent"; readonly min: number }
  | { readonly kind: "score"; readonly op: Comparison; readonly value: number };

/** A response or remission definition. @category Change */
export interface OutcomeDefinition {
  /** Stable id among the scale's options. */
  readonly id: string;
  /** What it is, in a phrase, e.g. "score below 5". */
  readonly label: string;
  /** Met when any of these holds. */
  readonly anyOf: readonly OutcomeCriterion[];
  /** The baselines the definition is made for (e.g. PHQ-9 of 10 or more); for others it is not assessed. */
  readonly baseline?: { readonly op: Comparison; readonly value: number };
  /** The option used when the caller names none; exactly one option of a list is the default. */
  readonly default?: boolean;
  /** Key into `references`. */
  readonly source: string;
  /** A caveat. */
  readonly note?: string;
}

/** Facts about change on one scale. Each list may offer several options; one of each is the default. @category Change */
export interface ChangeFacts {
  /** Minimal clinically important differences. */
  readonly mcid?: readonly ImportantChange[];
  /** Inputs for the reliable change index. */
  readonly reliability?: readonly ReliabilityOption[];
  /** Definitions of response (a large enough improvement). */
  readonly response?: readonly OutcomeDefinition[];
  /** Definitions of remission (a follow-up score below a level). */
  readonly remission?: readonly OutcomeDefinition[];
}
