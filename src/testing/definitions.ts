// Random valid definitions, for testing code (an engine, a store, a form renderer) against every shape the
// model allows rather than only the bundled instruments. Everything generated passes validateDefinition.
import * as fc from "fast-check";
import type {
  AnswerOption,
  Band,
  Comparison,
  Condition,
  FlagDefinition,
  InstrumentDefinition,
  Item,
  MissingOption,
  MissingRule,
  Scale,
} from "../types.js";

/** The scale methods {@link definition} generates (custom scales need code, so are left out). */
export type GeneratedMethod = "sum" | "mean" | "percent" | "rules" | "table";

/** Options for {@link definition}: each narrows what is generated. */
export interface DefinitionOptions {
  /** Most items a definition has, at least 1; default 8. */
  readonly maxItems?: number;
  /** Most subscales beside the primary score; default 3. */
  readonly maxSubscales?: number;
  /** The scale methods to use; default all four. */
  readonly methods?: readonly GeneratedMethod[];
  /** Whether number items (whole or not) may appear beside choice items; default true. */
  readonly numberItems?: boolean;
}

const SOURCE = "generated";
const OPS: readonly Comparison[] = [">=", ">", "<=", "<", "=="];

/** The lowest and highest value an item can contribute to a scale (option scores and reverse keying applied). */
function scoredRange(item: Item): readonly [number, number] {
  if (item.kind === "number") return [item.min, item.max];
  if (item.kind === "time") throw new Error("clock-time items are not generated");
  const scores = item.options.map((o) => o.score ?? o.value);
  // Reverse keying maps [lo, hi] onto itself, so it leaves the extremes where they are.
  return [Math.min(...scores), Math.max(...scores)];
}

// Builders handed to fast-check's `gen` are module constants: it caches the arbitrary per builder.
const valueSet = (): fc.Arbitrary<number[]> =>
  fc.uniqueArray(fc.integer({ min: -4, max: 10 }), { minLength: 2, maxLength: 5 });
const nearOrWithin = (near: readonly number[], lo: number, hi: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(...near), fc.integer({ min: Math.floor(lo), max: Math.ceil(hi) }));

const among = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** One of `values` (typed: fast-check's overloaded `constantFrom` would be read as returning any). */
function pick<T>(g: fc.GeneratorValue, ...values: T[]): T {
  return g(among<T>, ...values);
}

/** Allowed values of a choice template: contiguous whole numbers, whole numbers with gaps, or halves. */
function optionValues(g: fc.GeneratorValue): number[] {
  const pattern = pick(g, "contiguous", "gaps", "halves");
  if (pattern === "contiguous") {
    // Most printed scales start at 0 (percent scales need it); some at 1, a few below 0.
    const start = pick(g, 0, 0, 0, 1, -1, -2);
    const count = g(fc.integer, { min: 2, max: 5 });
    return Array.from({ length: count }, (_, k) => start + k);
  }
  const ints = g(valueSet);
  const values = pattern === "gaps" ? ints : ints.map((x) => x / 2);
  return values.sort((a, b) => a - b);
}

interface ChoiceTemplate {
  readonly options: readonly AnswerOption[];
  readonly scored: boolean;
}

function choiceTemplate(g: fc.GeneratorValue): ChoiceTemplate {
  const values = optionValues(g);
  // Option scores, where given, need not rise with the value (STarT Back item 9 does not).
  const scored = g(fc.integer, { min: 0, max: 3 }) === 0;
  const options = values.map((value): AnswerOption => {
    const label = `Option ${String(value)}`;
    return scored ? { value, label, score: g(fc.integer, { min: -2, max: 8 }) } : { value, label };
  });
  // Printed order is the form's, not necessarily ascending.
  return { options: g(fc.boolean) ? [...options].reverse() : options, scored };
}

function numberItem(g: fc.GeneratorValue, id: string): Item {
  const integer = g(fc.boolean);
  const step = integer ? 1 : 0.5;
  const min = g(fc.integer, { min: -10, max: 10 }) * step;
  const max = min + g(fc.integer, { min: 0, max: 24 }) * step;
  return { id, label: `Item ${id}`, kind: "number", min, max, integer };
}

/**
 * A condition on one item's answer (as given) or on one scale's score, with values near what can occur;
 * now and then a count, all or any of up to three such conditions (nested at most `depth` deep).
 */
function condition(g: fc.GeneratorValue, items: readonly Item[], scales: readonly Scale[], depth = 2): Condition {
  const op = pick(g, ...OPS);
  if (depth > 0 && g(fc.integer, { min: 0, max: 3 }) === 0) {
    const parts = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, () =>
      condition(g, items, scales, depth - 1),
    );
    const kind = pick(g, "count", "all", "any");
    if (kind === "count") return { count: parts, op, value: g(fc.integer, { min: -1, max: parts.length + 1 }) };
    return kind === "all" ? { all: parts } : { any: parts };
  }
  if (scales.length === 0 || g(fc.boolean)) {
    const item = items[g(fc.integer, { min: 0, max: items.length - 1 })] as Item;
    // Item conditions test the answer as given, so the values worth testing are the allowed ones and their edges.
    const near =
      item.kind === "number" ? [item.min, item.max] : item.kind === "time" ? [0] : item.options.map((o) => o.value);
    const lo = Math.min(...near);
    const hi = Math.max(...near);
    const value = g(nearOrWithin, [lo - 1, hi + 1, ...near], lo, hi);
    return { item: item.id, op, value };
  }
  const scale = scales[g(fc.integer, { min: 0, max: scales.length - 1 })] as Scale;
  const [lo, hi] = scale.range;
  const value = g(nearOrWithin, [lo, hi, (lo + hi) / 2], lo, hi);
  return { scale: scale.id, op, value };
}

interface Member {
  readonly index: number;
  readonly range: readonly [number, number];
}

/** Whether every value an item can score is a whole number (a table needs whole sums). */
function scoresWhole(item: Item): boolean {
  if (item.kind === "number") return item.integer && Number.isInteger(item.min);
  if (item.kind === "time") return false;
  return item.options.every((o) => Number.isInteger(o.score ?? o.value));
}

/** A table's rows: one value for each whole raw sum from lo to hi, in quarters, in no particular order of size. */
function tableRows(g: fc.GeneratorValue, lo: number, hi: number): [number, number][] {
  const rows: [number, number][] = [];
  for (let raw = lo; raw <= hi; raw++) rows.push([raw, g(fc.integer, { min: -40, max: 400 }) / 4]);
  return rows;
}

/** A scale's items, method and range (and a table's rows), as validateDefinition requires them to fit together. */
function scaleCore(
  g: fc.GeneratorValue,
  id: string,
  items: readonly Item[],
  methods: readonly GeneratedMethod[],
): Pick<Scale, "id" | "label" | "items" | "method" | "range" | "table"> {
  const all: Member[] = items.map((it, index) => ({ index, range: scoredRange(it) }));
  let method = pick(g, ...methods);
  let candidates: Member[] = all;
  if (method === "table") {
    // A table has a row for every raw sum, so its items must score whole numbers.
    candidates = all.filter((m) => scoresWhole(items[m.index] as Item));
    if (candidates.length === 0) {
      method = "sum";
      candidates = all;
    }
  } else if (method === "mean") {
    // A mean needs its items on one scale: the same lowest and highest score.
    const groups = new Map<string, Member[]>();
    for (const m of all) {
      const key = m.range.join(",");
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    // The group of a random item: larger groups, hence means of several items, come up more often.
    candidates = groups.get(pick(g, ...all).range.join(",")) as Member[];
  } else if (method === "percent") {
    // A percentage needs scores from 0 and items that can score above 0 (it divides by their maxima).
    candidates = all.filter((m) => m.range[0] >= 0 && m.range[1] > 0);
    if (!candidates.some((m) => m.range[0] === 0)) {
      method = "sum";
      candidates = all;
    }
  }
  const chosen = [...g(fc.shuffledSubarray, candidates, { minLength: 1 })];
  if (method === "percent" && !chosen.some((m) => m.range[0] === 0)) {
    chosen.push(candidates.find((m) => m.range[0] === 0) as Member);
  }
  const lo = chosen.reduce((s, m) => s + m.range[0], 0);
  const hi = chosen.reduce((s, m) => s + m.range[1], 0);
  const n = chosen.length;
  const ids = chosen.map((m) => (items[m.index] as Item).id);
  if (method === "table") {
    const table = tableRows(g, lo, hi);
    const values = table.map(([, value]) => value);
    return { id, label: `Scale ${id}`, items: ids, method, range: [Math.min(...values), Math.max(...values)], table };
  }
  const range: readonly [number, number] =
    method === "sum" ? [lo, hi] : method === "mean" ? [lo / n, hi / n] : [0, 100];
  return { id, label: `Scale ${id}`, items: ids, method, range };
}

function missingRule(g: fc.GeneratorValue, method: GeneratedMethod, size: number): MissingRule {
  const kind = pick(g, "strict", "adjusted");
  // A table converts complete sums only.
  if (kind === "strict" || method === "table") return { kind: "strict", source: SOURCE };
  if (method === "sum") {
    if (size < 2) return { kind: "strict", source: SOURCE };
    const maxMissing = g(fc.integer, { min: 1, max: size - 1 });
    return { kind: "prorate", maxMissing, rounding: pick(g, "none", "half-up"), source: SOURCE };
  }
  return { kind: "min-answered", minAnswered: g(fc.integer, { min: 1, max: size }), source: SOURCE };
}

/** Range bands that partition the range: every whole number in it lies in exactly one band. */
function rangeBands(g: fc.GeneratorValue, range: readonly [number, number]): Band[] {
  const [lo, hi] = range;
  // Inner upper bounds are whole numbers from ceil(lo) to floor(hi) − 1, so each next band starts at bound + 1.
  const inner: number[] = [];
  for (let b = Math.ceil(lo); b <= Math.floor(hi) - 1; b++) inner.push(b);
  const cuts = g(fc.subarray, inner, { maxLength: Math.min(3, inner.length) });
  const maxes = [...cuts, hi];
  return maxes.map((max, k) => ({
    id: `b${String(k)}`,
    label: `Band ${String(k)}`,
    min: k === 0 ? lo : (maxes[k - 1] as number) + 1,
    max,
  }));
}

function ruleBands(g: fc.GeneratorValue, self: Scale, items: readonly Item[], scales: readonly Scale[]): Band[] {
  const count = g(fc.integer, { min: 1, max: 3 });
  const bands: Band[] = Array.from({ length: count }, (_, k) => ({
    id: `r${String(k)}`,
    label: `Rule band ${String(k)}`,
    when: Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, () => condition(g, items, scales)),
  }));
  // Often a last band that holds whenever the scale has a score, as STarT Back's "low risk" does.
  if (g(fc.boolean))
    bands.push({ id: "rest", label: "Rest", when: [{ scale: self.id, op: ">=", value: self.range[0] }] });
  return bands;
}

/** Every item a condition reads, directly or through the scales it tests. */
function readsOf(c: Condition, scales: readonly Scale[]): string[] {
  if ("item" in c) return [c.item];
  if ("scale" in c) return [...(scales.find((s) => s.id === c.scale)?.items ?? [])];
  if ("setting" in c) return [];
  const parts = "count" in c ? c.count : "all" in c ? c.all : c.any;
  return parts.flatMap((p) => readsOf(p, scales));
}

/**
 * A `rules` scale: up to three conditioned rules on the items and the declarative scales, often a last
 * rule that always applies; its items are those its rules read, its range that of its values.
 */
function rulesScale(g: fc.GeneratorValue, id: string, items: readonly Item[], scales: readonly Scale[]): Scale {
  const rules: { when?: Condition; value: number }[] = Array.from(
    { length: g(fc.integer, { min: 1, max: 3 }) },
    () => ({ when: condition(g, items, scales), value: g(fc.integer, { min: 0, max: 3 }) }),
  );
  if (g(fc.boolean)) rules.push({ value: g(fc.integer, { min: 0, max: 3 }) });
  const read = new Set(rules.flatMap((r) => (r.when === undefined ? [] : readsOf(r.when, scales))));
  const values = rules.map((r) => r.value);
  return {
    id,
    label: `Scale ${id}`,
    items: items.map((it) => it.id).filter((x) => read.has(x)),
    method: "rules",
    range: [Math.min(...values), Math.max(...values)],
    rules,
    missing: { kind: "computed", description: "as its rules decide", source: SOURCE },
    source: SOURCE,
  };
}

function generate(g: fc.GeneratorValue, options: DefinitionOptions): InstrumentDefinition {
  const maxItems = Math.max(1, options.maxItems ?? 8);
  const maxSubscales = Math.max(0, options.maxSubscales ?? 3);
  const methods =
    options.methods !== undefined && options.methods.length > 0
      ? options.methods
      : (["sum", "mean", "percent", "rules", "table"] as const);
  const declarative = methods.filter((m) => m !== "rules");
  const numbers = options.numberItems ?? true;

  // A few option sets shared by several items, as on real forms: that is what lets mean scales have many items.
  const templates = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, () => choiceTemplate(g));
  const n = g(fc.integer, { min: 1, max: maxItems });
  const lettered = g(fc.boolean);
  const optionalFrom = n - g(fc.integer, { min: 0, max: Math.min(2, n) });
  const items: Item[] = Array.from({ length: n }, (_, i) => {
    // Ids as printed: "1", "2", … or "1a", "1b", "2a", …
    const id = lettered ? `${String(Math.floor(i / 2) + 1)}${i % 2 === 0 ? "a" : "b"}` : String(i + 1);
    const optional = i >= optionalFrom ? { optional: true } : {};
    if (numbers && g(fc.integer, { min: 0, max: 3 }) === 0) return { ...numberItem(g, id), ...optional };
    const t = templates[g(fc.integer, { min: 0, max: templates.length - 1 })] as ChoiceTemplate;
    const reversed = !t.scored && g(fc.integer, { min: 0, max: 3 }) === 0 ? { reversed: true } : {};
    return { id, label: `Item ${id}`, options: t.options, ...reversed, ...optional };
  });

  const hasPrimary = maxSubscales === 0 || g(fc.integer, { min: 0, max: 4 }) > 0;
  const subCount = g(fc.integer, { min: hasPrimary ? 0 : 1, max: maxSubscales });
  const ids = [...(hasPrimary ? ["total"] : []), ...Array.from({ length: subCount }, (_, k) => `sub${String(k + 1)}`)];
  // Which scales are rules scales: those read the declarative ones, so those are made first.
  const ruled = ids.map(
    () => declarative.length === 0 || (methods.includes("rules") && g(fc.integer, { min: 0, max: 3 }) === 0),
  );
  const made = new Map<string, Scale>();
  ids.forEach((id, k) => {
    if (ruled[k]) return;
    const c = scaleCore(g, id, items, declarative);
    made.set(id, { ...c, missing: missingRule(g, c.method as GeneratedMethod, c.items.length), source: SOURCE });
  });
  const declared = [...made.values()];
  ids.forEach((id, k) => {
    if (ruled[k]) made.set(id, rulesScale(g, id, items, declared));
  });
  const bare: Scale[] = ids.map((id) => made.get(id) as Scale);
  // Bands last: a rule band may test any scale.
  const scales = bare.map((s): Scale => {
    const kind = pick(g, "none", "range", "range", "rule");
    if (kind === "none") return s;
    return {
      ...s,
      bands: kind === "range" ? rangeBands(g, s.range) : ruleBands(g, s, items, bare),
      bandsSource: SOURCE,
    };
  });

  const flags = Array.from(
    { length: g(fc.integer, { min: 0, max: 3 }) },
    (_, k): FlagDefinition => ({
      id: `flag${String(k)}`,
      label: `Flag ${String(k)}`,
      message: `Flag ${String(k)} was raised.`,
      when: condition(g, items, scales),
      source: SOURCE,
      ...(g(fc.integer, { min: 0, max: 2 }) === 0 ? { optIn: true } : {}),
    }),
  );

  // An alternative rule applies to every declarative scale, so it must fit them all (rules scales keep their rules).
  const fitted = scales.filter((s) => s.method !== "rules");
  const smallest = Math.min(...fitted.map((s) => s.items.length));
  const kinds: MissingRule["kind"][] = ["strict"];
  if (fitted.length > 0 && fitted.every((s) => s.method === "sum") && smallest >= 2) kinds.push("prorate");
  if (fitted.length > 0 && fitted.every((s) => s.method !== "sum" && s.method !== "table")) kinds.push("min-answered");
  const missingOptions = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, (_, k): MissingOption => {
    const kind = pick(g, ...kinds);
    const rule: MissingRule =
      kind === "prorate"
        ? {
            kind,
            maxMissing: g(fc.integer, { min: 1, max: smallest - 1 }),
            rounding: pick(g, "none", "half-up"),
            source: SOURCE,
          }
        : kind === "min-answered"
          ? { kind, minAnswered: g(fc.integer, { min: 1, max: smallest }), source: SOURCE }
          : { kind: "strict", source: SOURCE };
    return { id: `alt${String(k)}`, label: `Alternative rule ${String(k)}`, rule };
  });

  const [primary, ...subscales] = hasPrimary ? scales : [null, ...scales];
  return {
    id: "generated",
    title: "Generated definition",
    shortTitle: "GEN",
    version: "1.0.0",
    domain: "generated",
    description: "A random definition made for property tests.",
    direction: g(fc.boolean) ? "higher-is-worse" : "higher-is-better",
    references: { [SOURCE]: { text: "No source: generated for property tests." } },
    licence: { rightsHolder: "Nobody", redistributeWording: false, terms: "Generated; no terms.", source: SOURCE },
    items,
    score: primary ?? null,
    ...(subscales.length > 0 ? { subscales: subscales as Scale[] } : {}),
    ...(flags.length > 0 ? { flags } : {}),
    ...(missingOptions.length > 0 ? { missingOptions } : {}),
  };
}

/**
 * Random valid instrument definitions, each of which `validateDefinition` accepts: choice items with
 * contiguous, gapped, negative and half-point option values, option scores (not always rising) and
 * reverse keying; number items, whole or not; optional trailing items; a primary score or none (subscales
 * only); sum, mean, percent and table scales (a row for every raw sum) sharing items, and rules scales
 * (ordered rules on items and those scales); strict, prorated (both roundings) and min-answered missing
 * rules and alternative rules (`missingOptions`); range bands that partition the range and rule bands on
 * items and scales; flags on items and scales, some opt-in; conditions that count, or need all or any of,
 * other conditions. Custom `compute` scales and clock-time
 * items need code and are not generated. Each definition is frozen, as definitions are treated as immutable.
 *
 * @param options - narrows what is generated (most items, most subscales, methods, number items)
 * @returns an arbitrary of definitions
 * @example
 * ```ts
 * import * as fc from "fast-check";
 * import { safeScore, validateDefinition } from "stepscore";
 * import { answerSet, definition } from "stepscore/testing";
 *
 * fc.assert(fc.property(definition({ maxItems: 5 }), (def) => validateDefinition(def).length === 0));
 * fc.assert(
 *   fc.property(definition().chain((def) => fc.tuple(fc.constant(def), answerSet(def, { missingRate: 0.2 }))), ([def, answers]) =>
 *     safeScore(def, answers).success,
 *   ),
 * );
 * ```
 */
export function definition(options: DefinitionOptions = {}): fc.Arbitrary<InstrumentDefinition> {
  // Frozen, as definitions are treated as immutable; it also keeps fast-check from tying the value to the
  // generator that made it (it re-runs the mapping on every use of an extensible object made from `gen`).
  return fc.gen().map((g) => deepFreeze(generate(g, options)));
}

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
