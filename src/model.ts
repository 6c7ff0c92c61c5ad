/**
 * The declarative instrument model: what a definition may say (items, scales, bands, flags, missing-data
 * rules, sources, licence).
 *
 * @module
 */
import type { ChangeFacts } from "./change-facts.js";

/**
 * A bibliographic source that a rule rests on. Definitions keep their sources in a `references`
 * record; every rule names one of its keys in `source`.
 */
export interface Citation {
  /** The full reference, e.g. "Kroenke K, Spitzer RL, Williams JBW. … J Gen Intern Med 2001;16(9):606–613." */
  readonly text: string;
  /** PubMed identifier, where there is one. */
  readonly pmid?: string;
  /** DOI, where there is one. */
  readonly doi?: string;
  /** A stable address of the source or of the rights holder's page. */
  readonly url?: string;
  /** What in the source supports the rule, or how sure the library is (e.g. "p. 609, Table 3"). */
  readonly note?: string;
}

/** A citation as reported in a result: its key among the references it came from, and the citation. */
export interface CitedSource extends Citation {
  /** The key in the `references` it came from ("caller" for inputs the caller supplied). */
  readonly key: string;
}

/** Who owns an instrument and what the library may ship of it. */
export interface Licence {
  /** The rights holder, e.g. "Pfizer Inc." or "Mapi Research Trust on behalf of …". */
  readonly rightsHolder: string;
  /** Whether item wording may be redistributed; when false, items carry short labels only. */
  readonly redistributeWording: boolean;
  /** The terms in a sentence or two. */
  readonly terms: string;
  /** Whom to ask for permission or a licence. */
  readonly contact?: string;
  /** A line that must accompany the instrument wherever it is shown. */
  readonly attribution?: string;
  /** Key into the definition's `references` for the statement of the terms. */
  readonly source: string;
}

/** One allowed answer of a choice item. */
export interface AnswerOption {
  /** The value a caller passes (the number printed beside the box, or its position). */
  readonly value: number;
  /** The option's label as printed (allowed for every licence: labels are short and generic). */
  readonly label: string;
  /** The value it contributes to scores, when that differs from `value` (e.g. STarT Back item 9). */
  readonly score?: number;
  /** LOINC answer code (LA…), where one exists. */
  readonly loinc?: string;
  /**
   * LOINC's display for `loinc`, where it differs from the printed label (e.g. LA18938-3 "More days than
   * not" for the GAD-7's "More than half the days"). FHIR codings carry it; the label stays what a form shows.
   */
  readonly loincDisplay?: string;
}

interface ItemBase {
  /** The item's number as printed on the form, as a string: "1", "5a". Used as the record key. */
  readonly id: string;
  /** A short neutral label, safe to ship under any licence. */
  readonly label: string;
  /** The item wording, only where the licence allows redistribution. */
  readonly text?: string;
  /** LOINC question code, where one exists. */
  readonly loinc?: string;
  /** True for an item that array input may leave off the end (e.g. the PHQ-9 difficulty item). */
  readonly optional?: boolean;
}

/** An item answered by choosing one of a fixed set of numeric options. */
export interface ChoiceItem extends ItemBase {
  /** Defaults to "choice". */
  readonly kind?: "choice";
  /** The allowed answers, in printed order. */
  readonly options: readonly AnswerOption[];
  /** Reverse-keyed: scored as (lowest + highest option) − value. */
  readonly reversed?: boolean;
}

/** An item answered with a number (minutes, hours, a count). */
export interface NumberItem extends ItemBase {
  /** Discriminant. */
  readonly kind: "number";
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /** Whether only whole numbers are allowed. */
  readonly integer: boolean;
  /** Unit, e.g. "minutes". */
  readonly unit?: string;
}

/** An item answered with a clock time, "HH:MM" on a 24-hour clock. */
export interface TimeItem extends ItemBase {
  /** Discriminant. */
  readonly kind: "time";
}

/** Any item of a definition. */
export type Item = ChoiceItem | NumberItem | TimeItem;

/**
 * What to do when items of a scale are not answered. A missing answer never silently becomes 0.
 *
 * - `strict`: every item of the scale is required.
 * - `prorate`: up to `maxMissing` items may be missing; the sum of the answered items is scaled by
 *   (items in the scale) / (items answered), then rounded as `rounding` says. Only for `sum` scales.
 * - `min-answered`: at least `minAnswered` items must be answered; `mean` and `percent` scales are then
 *   computed over the answered items (their denominator shrinks). Not for `sum` scales.
 * - `computed`: the definition's `compute`, or a `rules` scale's rules, apply the rule in `description`
 *   (custom and rules scales only).
 */
export type MissingRule =
  | { readonly kind: "strict"; readonly source: string }
  | {
      readonly kind: "prorate";
      readonly maxMissing: number;
      readonly rounding: "none" | "half-up";
      readonly source: string;
    }
  | { readonly kind: "min-answered"; readonly minAnswered: number; readonly source: string }
  | { readonly kind: "computed"; readonly description: string; readonly source: string };

/** A comparison used by flags and rule-based bands. */
export type Comparison = ">=" | ">" | "<=" | "<" | "==";

/**
 * A test on one item's answer, one scale's score or one of the caller's settings, or a combination of
 * tests. Exactly one of `item`, `scale`, `setting`, `count`, `all` or `any` is given.
 *
 * A test is true, false, or unknown: unknown when an answer or score it needs is missing and the others do
 * not already decide it (`all` with one part false is false whatever is missing; `any` with one part true
 * is true). A flag is raised, and a rule band or scale rule applies, only when its test is true.
 *
 * - `item` / `scale`: the item's answer as given (before reverse keying) or the scale's score, compared with `value`.
 * - `setting`: a {@link SettingCondition} on the caller's `options.settings`.
 * - `count`: the number of the listed tests that hold, compared with `value` ("at least 2 of items 8–14
 *   rated 2 or more": `{ count: [{ item: "8", op: ">=", value: 2 }, …], op: ">=", value: 2 }`).
 * - `all`: every listed test holds (true when none is listed).
 * - `any`: at least one listed test holds (false when none is listed).
 */
export type Condition =
  | { readonly item: string; readonly op: Comparison; readonly value: number }
  | { readonly scale: string; readonly op: Comparison; readonly value: number }
  | { readonly count: readonly Condition[]; readonly op: Comparison; readonly value: number }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | SettingCondition;

/**
 * A band given by inclusive bounds on the scale's score. A score that is not a whole number (a percentage,
 * a prorated sum) falls in the first band whose `max` it does not exceed.
 */
export interface RangeBand {
  /** Stable id, e.g. "moderate". */
  readonly id: string;
  /** Label for display, e.g. "Moderate". */
  readonly label: string;
  /** Lowest score in the band (inclusive). */
  readonly min: number;
  /** Highest score in the band (inclusive). */
  readonly max: number;
}

/**
 * A test on a caller's setting (`options.settings`): holds when the setting's value is one of `is`, where
 * `null` stands for an enumerated setting the caller did not give ("unset"). It is one kind of
 * {@link Condition}, so usable wherever one is (rule bands, flags, the rules of a `rules` scale, inside
 * `count`, `all` and `any`), and in a flag's `settings` and in skip rules; never unknown, since a setting
 * always has a value or is unset.
 *
 * @example
 * ```ts
 * const female: SettingCondition = { setting: "sex", is: ["female"] };
 * const unset: SettingCondition = { setting: "sex", is: [null] };
 * ```
 */
export interface SettingCondition {
  /** The setting's id. */
  readonly setting: string;
  /** The values for which it holds: an enumerated setting's values (null = not given) or true/false. */
  readonly is: readonly (string | boolean | null)[];
}

/**
 * A band given by conditions on items, scales or settings; the first band whose conditions all hold applies.
 * For classifications that one score's range cannot say (STarT Back, the AUDIT-C's sex-specific cut-off). A
 * rule band's id may be listed more than once with the same label: the band applies when any of its entries
 * holds (AUDIT-C "negative": a total of 2 or less, or 3 for a man).
 */
export interface RuleBand {
  /** Stable id. */
  readonly id: string;
  /** Label for display. */
  readonly label: string;
  /** All must hold. */
  readonly when: readonly Condition[];
}

/** A band of a scale. */
export type Band = RangeBand | RuleBand;

/** How a scale combines its items. */
export type ScaleMethod = "sum" | "mean" | "percent" | "custom" | "rules" | "table";

/**
 * One of the ordered rules of a `rules` scale: when its condition holds, the scale's score is `value`. A
 * rule without `when` always applies (the last rule, "otherwise").
 */
export interface ScaleRule {
  /** The condition; left out for the rule that applies whenever no earlier one does. */
  readonly when?: Condition;
  /** The score the rule gives. */
  readonly value: number;
}

/**
 * A published conversion table of a `table` scale: one `[raw, value]` row for each whole-number sum of the
 * scale's scored items, lowest raw sum first (e.g. the KOOS JR's raw 0–28 to interval scores 100–0).
 */
export type LookupTable = readonly (readonly [raw: number, value: number])[];

/** A score computed from items: the primary score or a subscale. */
export interface Scale {
  /** Stable id, e.g. "total", "rumination". */
  readonly id: string;
  /** Label for display. */
  readonly label: string;
  /** Item ids that make it up (for a `custom` scale, the items its computation reads). */
  readonly items: readonly string[];
  /**
   * `sum` of scored values; `mean` of answered; `percent` = sum / (sum of the answered items' maxima) × 100;
   * `custom` = computed by the definition's `compute`; `rules` = the value of the first of `rules` that
   * applies; `table` = the sum of the scored values looked up in `table` (a complete sum only: no
   * missing-data rule but `strict` fits a table).
   */
  readonly method: ScaleMethod;
  /** The lowest and highest possible score. */
  readonly range: readonly [number, number];
  /** Missing-data rule. */
  readonly missing: MissingRule;
  /** Bands, lowest first. */
  readonly bands?: readonly Band[];
  /** Key into `references` for the bands. */
  readonly bandsSource?: string;
  /** Key into `references` for the scale's membership and method. */
  readonly source: string;
  /**
   * For a `rules` scale (and only there): its rules, tried in order; the first whose condition holds gives
   * the score. When a rule's condition is unknown (an answer it needs is missing), the score is null: a
   * later rule is never taken in its place. `items` lists every item the rules read, directly or through
   * the scales they test; the missing rule is `computed`, its description saying in words what the rules do.
   */
  readonly rules?: readonly ScaleRule[];
  /**
   * For a `table` scale (and only there): the published value of each raw sum, covering every sum its items
   * can give exactly once. The scale's `range` is that of the values.
   */
  readonly table?: LookupTable;
}

/** A flag raised when a condition holds: a safety signal or a named alternative cut-off. */
export interface FlagDefinition {
  /** Stable id, e.g. "self-harm". */
  readonly id: string;
  /** Label for display. */
  readonly label: string;
  /** What a clinician should know or do when it is raised. */
  readonly message: string;
  /**
   * The condition; it is tested whenever what it reads is known, whatever else is missing (an item
   * condition whenever that item is answered), and the flag is raised only when it is true.
   */
  readonly when: Condition;
  /** Settings that must also hold for the flag to be raised (AUDIT-C `sex-needed`: sex not given). */
  readonly settings?: readonly SettingCondition[];
  /** Key into `references`. */
  readonly source: string;
  /** Raised only when the caller asks for it by id in `options.flags` (alternative cut-offs). */
  readonly optIn?: boolean;
  /**
   * A safety signal that makes `stratify` urgent whatever the pathway (the PHQ-9's `self-harm`): when the flag
   * is raised, or its item condition is met, the result is urgent even under a pathway with no urgent rules.
   * Only for a flag its source calls for acting on the same way; never with `optIn`.
   */
  readonly urgent?: boolean;
}

/** A named alternative missing-data rule a caller may choose with `options.missing`. */
export interface MissingOption {
  /** Stable id, e.g. "cms-mds". */
  readonly id: string;
  /** What it is. */
  readonly label: string;
  /** The rule, applied to every scale of the definition in place of its default. */
  readonly rule: MissingRule;
  /**
   * How the rule treats items the definition's skip rules leave unasked: by default they count as each skip
   * rule says; `"missing"` counts them as not answered instead (the DC/TMD manual's PHQ-15 proration, which
   * counts a man's item 4 among the missing).
   */
  readonly notAsked?: "missing";
}

/** An on/off setting a caller may pass (e.g. a stricter published reading of a rule). */
export interface BooleanSetting {
  /** Stable id, the key in `options.settings`. */
  readonly id: string;
  /** What it changes. */
  readonly label: string;
  /** Discriminant. */
  readonly type: "boolean";
  /** Value when not given. */
  readonly default: boolean;
  /** Key into `references`. */
  readonly source: string;
}

/**
 * A setting whose value is one of a named set, or unset (`default: null`) when the caller does not give it:
 * e.g. `{ id: "sex", type: "enum", values: ["female", "male"], default: null }`. Rule bands, flags and skip
 * rules test it with a {@link SettingCondition}; unset is a value of its own, never a guess.
 */
export interface EnumSetting {
  /** Stable id, the key in `options.settings`. */
  readonly id: string;
  /** What it says. */
  readonly label: string;
  /** Discriminant. */
  readonly type: "enum";
  /** The allowed values. */
  readonly values: readonly string[];
  /** Value when not given: one of `values`, or null for "unset". */
  readonly default: string | null;
  /** Key into `references`. */
  readonly source: string;
}

/** A setting a caller may pass in `options.settings`, read by a definition's `compute` or its conditions. */
export type SettingDefinition = BooleanSetting | EnumSetting;

/**
 * Skip logic as data: when every condition of `when` holds on the answers as given (or on the settings), the
 * form does not ask `items`. An item not asked is not missing: it counts as `counts` in every scale, band and
 * flag, and the scale's `reason` says so ("item 1 == 0: items 2–8 not asked, counted 0"). An item that
 * does not apply (PHQ-15 item 4 for a man) is the same rule on a setting.
 */
export interface SkipRule {
  /** All must hold: tests on other items' answers as given, or on settings. */
  readonly when: readonly (Extract<Condition, { readonly item: string }> | SettingCondition)[];
  /** The items not asked. */
  readonly items: readonly string[];
  /** The answer each item not asked counts as (one of its allowed values, e.g. 0). */
  readonly counts: number;
  /**
   * An item not asked but answered anyway with a value other than `counts`: `"scored"` scores the answer
   * as given; `"rejected"` makes it an invalid answer set (ScoreInputError naming the item and the rule).
   */
  readonly ifAnswered: "scored" | "rejected";
  /** Key into `references`. */
  readonly source: string;
}

/** What `compute` receives: the validated answers (null = not answered) and the caller's settings. */
export interface ComputeInput {
  /** Answers by item id. */
  readonly answers: Readonly<Record<string, number | string | null>>;
  /** `options.settings` as the caller passed them, defaults filled in (an unset enumerated setting is absent). */
  readonly settings: Readonly<Record<string, boolean | number | string>>;
}

/** One custom scale's outcome. */
export interface ComputedScale {
  /** The score, or null when it cannot be computed. */
  readonly score: number | null;
  /** Why it is null, when it is. */
  readonly reason?: string;
  /** Items it needed that were not answered. */
  readonly missing?: readonly string[];
}

/** What `compute` returns. */
export interface ComputeOutput {
  /** Outcome of each `custom` scale, by scale id. */
  readonly scales: Readonly<Record<string, ComputedScale>>;
  /** Extra flags (e.g. data-quality findings). */
  readonly flags?: readonly { readonly id: string; readonly label: string; readonly message: string }[];
  /** Answers that are valid one by one but not together (e.g. bedtime equal to get-up time): rejected. */
  readonly issues?: readonly { readonly item: string; readonly value: unknown; readonly message: string }[];
}

/**
 * A questionnaire as data: items, scoring, bands, flags, missing rule, sources and licence.
 * Bundled definitions are written `as const satisfies InstrumentDefinition` so results are typed from them.
 */
export interface InstrumentDefinition {
  /** Stable lowercase id, e.g. "phq9". */
  readonly id: string;
  /** Full title. */
  readonly title: string;
  /** Short title for tables and messages, e.g. "PHQ-9". */
  readonly shortTitle: string;
  /** Version of this definition: changes whenever a scoring rule does. */
  readonly version: string;
  /** Screening domain, e.g. "depression". */
  readonly domain: string;
  /** What it measures, in a sentence. */
  readonly description: string;
  /** Whether higher scores are worse (most) or better (PSEQ). */
  readonly direction: "higher-is-worse" | "higher-is-better";
  /** Recall period as printed, e.g. "last 2 weeks". */
  readonly recall?: string;
  /**
   * The instruction stem as printed above the items (e.g. the PHQ-9's "Over the last 2 weeks, how often
   * have you been bothered by any of the following problems?"); wording, so only where the licence allows
   * redistributing it.
   */
  readonly instructions?: string;
  /** Sources, by key. */
  readonly references: Readonly<Record<string, Citation>>;
  /** Licence. */
  readonly licence: Licence;
  /** LOINC panel and score codes, where they exist. */
  readonly loinc?: { readonly panel?: string; readonly score?: string };
  /** Items in printed order; array input follows this order. */
  readonly items: readonly Item[];
  /** The primary score, or null when the instrument has none (e.g. FABQ reports subscales only). */
  readonly score: Scale | null;
  /** Subscales. */
  readonly subscales?: readonly Scale[];
  /** Flags. */
  readonly flags?: readonly FlagDefinition[];
  /** Alternative missing-data rules. */
  readonly missingOptions?: readonly MissingOption[];
  /** Settings `compute`, rule bands, flags or skip rules read. */
  readonly settings?: readonly SettingDefinition[];
  /** Skip logic: items the form does not ask after some answers (or settings), and what they count as. */
  readonly skips?: readonly SkipRule[];
  /** Choices the definition makes where sources disagree or are silent, each naming its sources. */
  readonly notes?: readonly string[];
  /**
   * What counts as a change that matters between two administrations, by scale id: minimal clinically
   * important differences, inputs for the reliable change index, response and remission. Read by
   * `compareScores`.
   */
  readonly change?: Readonly<Record<string, ChangeFacts>>;
  /** Computes `custom` scales, where data cannot say how. */
  readonly compute?: (input: ComputeInput) => ComputeOutput;
}
