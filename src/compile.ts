import { DefinitionError, describeValue, quote } from "./errors.js";
import type { FastScorer } from "./jit.js";
import type { Band, BandResult, Comparison, FlagDefinition, FlagResult, InstrumentDefinition, Item, Scale } from "./types.js";

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
}

/** A band with the result it gives, built once and shared (frozen) by every result in that band. */
export interface BandPlan {
  readonly def: Band;
  readonly result: BandResult;
}

/** A scale bound to item positions. */
export interface ScalePlan {
  readonly def: Scale;
  readonly idx: readonly number[];
  /** The scale's bands, or null when it has none. */
  readonly bands: readonly BandPlan[] | null;
}

/** A flag whose item condition is bound to the item's position. */
export interface FlagPlan {
  readonly def: FlagDefinition;
  /** Position of the item tested, or -1 for a scale condition. */
  readonly item: number;
  readonly op: Comparison;
  readonly value: number;
  /** The flag as reported when raised, built once and shared (frozen). */
  readonly result: FlagResult;
}

/** A definition compiled for fast validation and scoring. */
export interface Plan {
  readonly def: InstrumentDefinition;
  readonly items: readonly ItemPlan[];
  readonly index: ReadonlyMap<string, number>;
  /** Shortest array input accepted (items up to the last non-optional one). */
  readonly minLength: number;
  readonly primary: ScalePlan | null;
  readonly subscales: readonly ScalePlan[];
  /** Primary first, then subscales. */
  readonly scales: readonly ScalePlan[];
  readonly flags: readonly FlagPlan[];
  readonly hasCustom: boolean;
  /** Every item id set to null: copied to build a result's answer record with one hidden class. */
  readonly answerTemplate: Readonly<Record<string, null>>;
  /**
   * Each item's id as the key to store its answer under: a number for ids that are array indices ("1",
   * "10"), which name the same property as the string but are stored by V8 as elements, several times
   * faster to set from a loop than named properties.
   */
  readonly keys: readonly (string | number)[];
  /** The generated scorer (jit.ts): undefined until generated, null when the definition cannot have one. */
  fast: FastScorer | null | undefined;
  /** Calls without options so far, until the scorer is generated. */
  calls: number;
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
    throw new DefinitionError("(not a definition)", [`expected an instrument definition (such as phq9) or a bundled instrument's id (such as "phq9"), got ${got}`]);
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
  const bind = (scale: Scale): ScalePlan => ({
    def: scale,
    bands: scale.bands === undefined ? null : scale.bands.map((b) => ({ def: b, result: Object.freeze({ id: b.id, label: b.label }) })),
    idx: scale.items.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new DefinitionError(def.id, [`scale "${scale.id}" names unknown item "${id}"`]);
      return i;
    }),
  });
  const primary = def.score === null ? null : bind(def.score);
  const subscales = (def.subscales ?? []).map(bind);
  const scales = primary === null ? subscales : [primary, ...subscales];
  const hasCustom = scales.some((s) => s.def.method === "custom");
  if (hasCustom && def.compute === undefined) {
    throw new DefinitionError(def.id, ['a scale has method "custom" but the definition has no compute function']);
  }
  for (const s of scales) divisible(def, s, items);
  const flags = (def.flags ?? []).map((f): FlagPlan => ({
    def: f,
    item: "item" in f.when ? (index.get(f.when.item) ?? -1) : -1,
    op: f.when.op,
    value: f.when.value,
    result: Object.freeze({ id: f.id, label: f.label, message: f.message }),
  }));
  const answerTemplate: Record<string, null> = {};
  for (const it of items) answerTemplate[it.id] = null;
  const keys = items.map((it) => (INDEX.test(it.id) && Number(it.id) < 4294967295 ? Number(it.id) : it.id));
  return { def, items, index, minLength, primary, subscales, scales, flags, hasCustom, answerTemplate, keys, fast: undefined, calls: 0 };
}

/**
 * A mean divides by the items answered, a percentage by the highest scores of the items answered: a scale
 * where either can be 0 would score NaN, so it is refused here, once, rather than scored.
 */
function divisible(def: InstrumentDefinition, s: ScalePlan, items: readonly ItemPlan[]): void {
  const method = s.def.method;
  if (method !== "mean" && method !== "percent") return;
  if (s.idx.length === 0) throw new DefinitionError(def.id, [`scale "${s.def.id}" is a ${method} of no items`]);
  if (method !== "percent") return;
  for (const i of s.idx) {
    const it = items[i] as ItemPlan;
    if (!(it.maxScore > 0)) {
      throw new DefinitionError(def.id, [`scale "${s.def.id}" is a percentage, but item "${it.id}" scores at most ${String(it.maxScore)}, so it would divide by zero`]);
    }
  }
}

function compileItem(item: Item): ItemPlan {
  const optional = item.optional === true;
  if (item.kind === "time") {
    return {
      id: item.id, kind: "time", optional, lo: 0, hi: 0, contiguous: false, integer: false, allowed: null,
      scored: null, scoredByOffset: null, maxScore: 0, allowedText: 'a clock time "HH:MM" (00:00 to 23:59)',
    };
  }
  if (item.kind === "number") {
    return {
      id: item.id, kind: "number", optional, lo: item.min, hi: item.max, contiguous: item.integer,
      integer: item.integer, allowed: null, scored: null, scoredByOffset: null, maxScore: item.max,
      allowedText: `${item.integer ? "a whole number" : "a number"} from ${String(item.min)} to ${String(item.max)}`,
    };
  }
  const values = item.options.map((o) => o.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const contiguous = values.every(Number.isInteger) && new Set(values).size === hi - lo + 1;
  const scored = new Map<number, number>();
  for (const o of item.options) {
    const base = o.score ?? o.value;
    scored.set(o.value, item.reversed === true ? lo + hi - base : base);
  }
  const scoredByOffset = contiguous ? values.map((_, k) => scored.get(lo + k) as number) : null;
  return {
    id: item.id, kind: "choice", optional, lo, hi, contiguous, integer: values.every(Number.isInteger),
    allowed: contiguous ? null : new Set(values), scored, scoredByOffset, maxScore: Math.max(...scored.values()),
    allowedText: values.join(", "),
  };
}
