import type { InstrumentDefinition, Item, Scale } from "./types.js";

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
  /** Largest scored value (for percent scales). */
  readonly maxScore: number;
  /** "0, 1, 2, 3" or "0 to 10" for messages. */
  readonly allowedText: string;
}

/** A scale bound to item positions. */
export interface ScalePlan {
  readonly def: Scale;
  readonly idx: readonly number[];
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
  readonly hasCustom: boolean;
}

const plans = new WeakMap<InstrumentDefinition, Plan>();

/**
 * Compiles a definition once and caches the plan by object identity. Definitions are treated as
 * immutable: changing one after it has been used is not seen.
 */
export function planFor(def: InstrumentDefinition): Plan {
  let plan = plans.get(def);
  if (plan === undefined) {
    plan = compile(def);
    plans.set(def, plan);
  }
  return plan;
}

function compile(def: InstrumentDefinition): Plan {
  const items = def.items.map(compileItem);
  const index = new Map<string, number>();
  items.forEach((it, i) => index.set(it.id, i));
  let minLength = items.length;
  while (minLength > 0 && items[minLength - 1]?.optional === true) minLength--;
  const bind = (scale: Scale): ScalePlan => ({
    def: scale,
    idx: scale.items.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new TypeError(`${def.id}: scale "${scale.id}" names unknown item "${id}"`);
      return i;
    }),
  });
  const primary = def.score === null ? null : bind(def.score);
  const subscales = (def.subscales ?? []).map(bind);
  const hasCustom = [primary, ...subscales].some((s) => s?.def.method === "custom");
  if (hasCustom && def.compute === undefined) {
    throw new TypeError(`${def.id}: a scale has method "custom" but the definition has no compute function`);
  }
  return { def, items, index, minLength, primary, subscales, hasCustom };
}

function compileItem(item: Item): ItemPlan {
  const optional = item.optional === true;
  if (item.kind === "time") {
    return {
      id: item.id, kind: "time", optional, lo: 0, hi: 0, contiguous: false, integer: false, allowed: null,
      scored: null, maxScore: 0, allowedText: 'a clock time "HH:MM" (00:00 to 23:59)',
    };
  }
  if (item.kind === "number") {
    return {
      id: item.id, kind: "number", optional, lo: item.min, hi: item.max, contiguous: item.integer,
      integer: item.integer, allowed: null, scored: null, maxScore: item.max,
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
  return {
    id: item.id, kind: "choice", optional, lo, hi, contiguous, integer: values.every(Number.isInteger),
    allowed: contiguous ? null : new Set(values), scored, maxScore: Math.max(...scored.values()),
    allowedText: values.join(", "),
  };
}
