import { validator } from "./answers.js";
import { DefinitionError, describeValue, quote } from "./errors.js";
import { bindBands } from "./rules/bands.js";
import { readsSetting, type Scores, type SettingValues } from "./rules/conditions.js";
import { bindFlag, type FlagPlan } from "./rules/flags.js";
import { scoredValue, scalesOf } from "./rules/items.js";
import { bindRules, METHODS, type Combine } from "./rules/methods.js";
import { bindSkip, type SkipPlan } from "./rules/skips.js";
import { noTotalText } from "./rules/words.js";
import type { AnswerValue, BandResult, InstrumentDefinition, Item, Scale } from "./types.js";

export type { FlagPlan } from "./rules/flags.js";

/** A choice or number item reduced to what validation and scoring need. */
export interface ItemPlan {
  readonly id: string;
  readonly kind: "choice" | "number" | "time";
  readonly optional: boolean;
  /** Lowest and highest allowed value (choice: option values; number: min/max). */
  readonly lo: number;
  readonly hi: number;
  /** True when every integer from lo to hi is allowed (the common case: one range check suffices). */
  readonly contiguous: boolean;
  readonly integer: boolean;
  /** Allowed values when not contiguous. */
  readonly allowed: ReadonlySet<number> | null;
  /** Scored value by answered value, reverse keying and option scores applied (choice items). */
  readonly scored: ReadonlyMap<number, number> | null;
  /** The same, as an array indexed by (value − lo), for contiguous choice items: the fast path. */
  readonly scoredByOffset: readonly number[] | null;
  /** Largest scored value (for percent scales). */
  readonly maxScore: number;
  /** "0, 1, 2, 3" or "0 to 10" for messages. */
  readonly allowedText: string;
  /** Whether an answer is allowed (answers.ts `validator`). */
  readonly valid: (v: unknown) => boolean;
}

/** A scale bound to item positions, its method's functions and its bands looked up once. */
export interface ScalePlan {
  readonly def: Scale;
  readonly id: string;
  readonly idx: readonly number[];
  /** Whether every item scores its answer as given (no option scores, no reverse keying): the sum is of the answers. */
  readonly asGiven: boolean;
  /** Sum of the items' highest scored values: the denominator of a complete percentage. */
  readonly maxTotal: number;
  /** The method's score with every item answered; null for a custom scale, which `compute` scores. */
  readonly complete: Combine | null;
  /** The band of a score (rules/bands.ts), or null when the scale has no bands. */
  readonly band:
    | ((
        score: number | null,
        vals: readonly AnswerValue[],
        scores: Scores,
        settings?: SettingValues,
      ) => BandResult | null)
    | null;
  /**
   * A `rules` scale's score from its rules (rules/methods.ts `bindRules`: null when undecided, `undefined`
   * when no rule applies), scored after every other scale; null for other methods.
   */
  readonly rules:
    | ((vals: readonly AnswerValue[], scores: Scores, settings?: SettingValues) => number | null | undefined)
    | null;
}

/** A definition compiled for scoring: everything the engine needs, looked up and told apart once. */
export interface Plan {
  readonly def: InstrumentDefinition;
  readonly items: readonly ItemPlan[];
  readonly index: ReadonlyMap<string, number>;
  /** Shortest array input accepted (items up to the last non-optional one). */
  readonly minLength: number;
  readonly primary: ScalePlan | null;
  /** Primary first, then subscales. */
  readonly scales: readonly ScalePlan[];
  readonly flags: readonly FlagPlan[];
  readonly hasCustom: boolean;
  /** Whether a scale has method `rules` (scored after the others). */
  readonly hasRules: boolean;
  /** Every item id set to null: copied to build a result's answer record with one hidden class. */
  readonly answerTemplate: Readonly<Record<string, null>>;
  /**
   * Each item's id as the key to store its answer under: a number for ids that are array indices ("1",
   * "10"), which name the same property as the string but are stored by V8 as elements, several times
   * faster to set from a loop than named properties.
   */
  readonly keys: readonly (string | number)[];
  /** The reason given when there is no primary score. */
  readonly noPrimary: string;
  /** The skip rules, bound. */
  readonly skips: readonly SkipPlan[];
  /** Whether a rule band, flag or skip rule tests a setting (scoring then needs the settings, defaults filled in). */
  readonly readsSettings: boolean;
}

/**
 * What an answered item adds to its scales: a choice item's scored value (reverse keying and option
 * scores applied, rules/items.ts `scoredValue`, looked up here), a number as given.
 */
export function scoredOf(it: ItemPlan, v: number): number {
  const byOffset = it.scoredByOffset;
  return byOffset !== null ? (byOffset[v - it.lo] as number) : it.scored === null ? v : (it.scored.get(v) as number);
}

/** A canonical array index: digits without a leading zero. */
const INDEX = /^(?:0|[1-9]\d*)$/;

const plans = new WeakMap<InstrumentDefinition, Plan>();
let last: Plan | undefined;

/**
 * Compiles a definition once and caches the plan by object identity. Definitions are treated as
 * immutable: changing one after it has been used is not seen.
 */
export function planFor(def: InstrumentDefinition): Plan {
  // Rows usually come one definition at a time: the last plan saves a WeakMap lookup per call.
  if (def === last?.def) return last;
  let plan = plans.get(def);
  if (plan === undefined) {
    plan = compiled(def);
    plans.set(def, plan);
  }
  last = plan;
  return plan;
}

/** The plan, or a DefinitionError for a definition that cannot be compiled (one not checked with validateDefinition). */
function compiled(def: InstrumentDefinition): Plan {
  const got = notDefinition(def);
  if (got !== null) {
    throw new DefinitionError("(not a definition)", [
      `expected an instrument definition (such as phq9) or a bundled instrument's id (such as "phq9"), got ${got}`,
    ]);
  }
  try {
    return compile(def);
  } catch (e) {
    if (e instanceof DefinitionError) throw e;
    const id = def.id;
    const message = e instanceof Error ? e.message : String(e);
    throw new DefinitionError(id, [`cannot be read as a definition (${message}); check it with validateDefinition`]);
  }
}

/** What the value is, when it is plainly not a definition (compiling checks the rest); null when it may be one. */
function notDefinition(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return describeValue(v);
  const { id, items } = v as { id?: unknown; items?: unknown };
  if (typeof id !== "string") return "an object without a string id";
  if (!Array.isArray(items)) return `an object with id ${quote(id)} but no items array`;
  return null;
}

function compile(def: InstrumentDefinition): Plan {
  const items = def.items.map(compileItem);
  const index = new Map<string, number>();
  items.forEach((it, i) => index.set(it.id, i));
  let minLength = items.length;
  while (minLength > 0 && items[minLength - 1]?.optional === true) minLength--;
  const declared = scalesOf(def);
  const scaleIndex = new Map<string, number>();
  declared.forEach((s, j) => scaleIndex.set(s.id, j));
  const scales = declared.map((scale): ScalePlan => {
    const idx = scale.items.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new DefinitionError(def.id, [`scale "${scale.id}" names unknown item "${id}"`]);
      return i;
    });
    const method = METHODS[scale.method];
    // A mean or percentage that would divide by zero is refused here, once, rather than scored as NaN.
    const fault = method.unscorable(
      idx.length,
      idx.map((i) => [(items[i] as ItemPlan).id, (items[i] as ItemPlan).maxScore] as const),
    );
    if (fault !== null) throw new DefinitionError(def.id, [`scale "${scale.id}" ${fault}`]);
    const band = scale.bands === undefined ? null : bindBands(scale.bands, index, scaleIndex);
    const asGiven = idx.every((i) => {
      const it = items[i] as ItemPlan;
      return it.scored === null || [...it.scored].every(([value, scored]) => value === scored);
    });
    const maxTotal = idx.reduce((sum, i) => sum + (items[i] as ItemPlan).maxScore, 0);
    // A rules scale without its rules would score nothing, always: refused, as validateDefinition does.
    if (scale.method === "rules" && !(Array.isArray(scale.rules) && scale.rules.length > 0))
      throw new DefinitionError(def.id, [`scale "${scale.id}" has method "rules" but no rules`]);
    const rules = scale.method === "rules" ? bindRules(scale.rules ?? [], index, scaleIndex) : null;
    return {
      def: scale,
      id: scale.id,
      idx,
      asGiven,
      maxTotal,
      complete: method.bind?.(scale, def.id) ?? method.complete,
      band,
      rules,
    };
  });
  const primary = def.score === null ? null : (scales[0] as ScalePlan);
  const hasCustom = scales.some((s) => s.complete === null && s.rules === null);
  if (hasCustom && def.compute === undefined) {
    throw new DefinitionError(def.id, ['a scale has method "custom" but the definition has no compute function']);
  }
  const flags = (def.flags ?? []).map((f) => bindFlag(f, index, scaleIndex));
  const answerTemplate: Record<string, null> = {};
  for (const it of items) answerTemplate[it.id] = null;
  const keys = items.map((it) => (INDEX.test(it.id) && Number(it.id) < 4294967295 ? Number(it.id) : it.id));
  const noPrimary = noTotalText(def.shortTitle);
  const skips = (def.skips ?? []).map((r) => bindSkip(r, index));
  const hasRules = scales.some((s) => s.rules !== null);
  // A setting condition may sit anywhere: in a flag's condition or its guards, a rule band, a skip rule, a
  // scale's rules, or nested in their count, all or any.
  const readsSettings =
    (def.flags ?? []).some((f) => (f.settings ?? []).length > 0 || readsSetting(f.when)) ||
    (def.skips ?? []).some((r) => r.when.some(readsSetting)) ||
    declared.some(
      (s) =>
        (s.bands ?? []).some((b) => "when" in b && b.when.some(readsSetting)) ||
        (s.rules ?? []).some((r) => r.when !== undefined && readsSetting(r.when)),
    );
  return {
    def,
    items,
    index,
    minLength,
    primary,
    scales,
    flags,
    hasCustom,
    hasRules,
    answerTemplate,
    keys,
    noPrimary,
    skips,
    readsSettings,
  };
}

function compileItem(item: Item): ItemPlan {
  const plan = itemPlan(item);
  return { ...plan, valid: validator(plan) };
}

function itemPlan(item: Item): Omit<ItemPlan, "valid"> {
  const optional = item.optional === true;
  if (item.kind === "time") {
    return {
      id: item.id,
      kind: "time",
      optional,
      lo: 0,
      hi: 0,
      contiguous: false,
      integer: false,
      allowed: null,
      scored: null,
      scoredByOffset: null,
      maxScore: 0,
      allowedText: 'a clock time "HH:MM" (00:00 to 23:59)',
    };
  }
  if (item.kind === "number") {
    return {
      id: item.id,
      kind: "number",
      optional,
      lo: item.min,
      hi: item.max,
      contiguous: item.integer,
      integer: item.integer,
      allowed: null,
      scored: null,
      scoredByOffset: null,
      maxScore: item.max,
      allowedText: `${item.integer ? "a whole number" : "a number"} from ${String(item.min)} to ${String(item.max)}`,
    };
  }
  const values = item.options.map((o) => o.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const integer = values.every(Number.isInteger);
  const contiguous = integer && new Set(values).size === hi - lo + 1;
  const scored = new Map<number, number>();
  for (const o of item.options) scored.set(o.value, scoredValue(item, o.value));
  const scoredByOffset = contiguous ? values.map((_, k) => scored.get(lo + k) as number) : null;
  return {
    id: item.id,
    kind: "choice",
    optional,
    lo,
    hi,
    contiguous,
    integer,
    allowed: contiguous ? null : new Set(values),
    scored,
    scoredByOffset,
    maxScore: Math.max(...scored.values()),
    allowedText: values.join(", "),
  };
}
