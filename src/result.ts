// What scoring takes and gives: answers, options and the result, typed from the definition.
import type {
  BandId,
  FlagId,
  ItemId,
  MissingOptionId,
  OptInFlagId,
  PrimaryScaleId,
  SettingsOf,
  SubscaleId,
} from "./derive.js";
import type { InstrumentDefinition } from "./model.js";

/** How a score was obtained. */
export type ScoringMethod = "complete" | "prorated" | "partial" | "insufficient";

/** One answer after validation: a number, a clock time string, or null for not answered. */
export type AnswerValue = number | string | null;

/** One scale's outcome in detail. */
export interface ScaleOutcome {
  /** The score, or null when the missing-data rule (or the data) does not allow one. */
  readonly score: number | null;
  /** `complete`: all items answered; `prorated`/`partial`: per the rule; `insufficient`: no score. */
  readonly method: ScoringMethod;
  /** Item ids of the scale that were not answered. */
  readonly missing: readonly string[];
  /** Why the score is null, or null when there is a score. */
  readonly reason: string | null;
  /** The scale's band, when it has bands and a score. */
  readonly band: BandResult | null;
}

/** A band as reported in a result. */
export interface BandResult<TId extends string = string> {
  /** Band id. */
  readonly id: TId;
  /** Band label. */
  readonly label: string;
}

/** A raised flag as reported in a result. */
export interface FlagResult<TId extends string = string> {
  /** Flag id. */
  readonly id: TId;
  /** Label. */
  readonly label: string;
  /** What a clinician should know or do. */
  readonly message: string;
}

/** The result of scoring one answer set, typed from its definition. */
export interface ScoreResult<D extends InstrumentDefinition = InstrumentDefinition> {
  /** The instrument's id. */
  readonly instrument: D["id"];
  /** The definition's version, so a stored result can be traced to the rules that made it. */
  readonly version: string;
  /** The primary score, or null (not computable under the missing rule, or the instrument has none). */
  readonly score: number | null;
  /** How the primary score was obtained; null when the instrument has no primary score. */
  readonly method: ScoringMethod | null;
  /** Why `score` is null, or null when there is a score. */
  readonly reason: string | null;
  /** The band of the primary score, or null. Band objects are frozen and shared by every result in that band. */
  readonly band: BandResult<BandId<D>> | null;
  /** Subscale scores by id (null where not computable). */
  readonly subscales: { readonly [K in SubscaleId<D>]: number | null };
  /** Flags raised, in a new array each time; a flag declared in the definition is a frozen object shared by every result. */
  readonly flags: readonly FlagResult<FlagId<D> | (string & {})>[];
  /** Item ids not answered (unscored items included). */
  readonly missing: readonly ItemId<D>[];
  /** Every scale's outcome in detail, the primary score included. */
  readonly scales: { readonly [K in PrimaryScaleId<D> | SubscaleId<D>]: ScaleOutcome };
  /** The validated answers by item id (null = not answered), unscored items included. */
  readonly answers: { readonly [K in ItemId<D>]: AnswerValue };
}

/** Answer input: an array in published item order, or a record keyed by item id. */
export type AnswersInput<D extends InstrumentDefinition = InstrumentDefinition> =
  | readonly (number | string | null | undefined)[]
  | { readonly [K in ItemId<D>]?: number | string | null | undefined };

/** Options for `score` and `safeScore`. */
export interface ScoreOptions<D extends InstrumentDefinition = InstrumentDefinition> {
  /** Use one of the definition's alternative missing-data rules instead of its default. */
  readonly missing?: MissingOptionId<D>;
  /** Raise these opt-in flags (alternative cut-offs) as well. */
  readonly flags?: readonly OptInFlagId<D>[];
  /**
   * Settings the definition declares (documented on the instrument's page), typed from it: e.g. the
   * AUDIT-C's `{ sex: "female" }`. An enumerated setting left out is unset.
   */
  readonly settings?: SettingsOf<D>;
  /**
   * Score with the interpreting engine only, never with the loop the main entry unrolls for a definition
   * (built with `new Function`, from the same per-rule functions, giving the same results). The main entry
   * already interprets where generated code is forbidden (a Content-Security-Policy without
   * `'unsafe-eval'`, Cloudflare Workers); `stepscore/core` always interprets.
   */
  readonly jitless?: boolean;
}
