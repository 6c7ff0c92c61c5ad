// A reference scorer: the scoring semantics stated plainly from the specification (ARCHITECTURE.md, the
// TSDoc of src/types.ts, the band rule printed on every instrument page), not from the engine's code. It is
// slow and direct on purpose: the agreement test checks the engine against it on generated definitions.
// Custom `compute` scales are out of its scope (they are code, not data).
import type {
  AnswerValue,
  Comparison,
  Condition,
  InstrumentDefinition,
  Item,
  MissingRule,
  Scale,
  ScoreOptions,
  ScoringMethod,
} from "../../src/index.js";

/** One scale's outcome as the specification determines it. */
export interface ReferenceScale {
  readonly score: number | null;
  readonly method: ScoringMethod;
  /** The scale's unanswered items, in the scale's order. */
  readonly missing: readonly string[];
  /** Whether a reason must be given: when there is no score, or when skip logic counted items of the scale. */
  readonly hasReason: boolean;
  readonly band: string | null;
}

/** A result as the specification determines it: ids and numbers, not the wording of messages. */
export interface ReferenceResult {
  readonly instrument: string;
  readonly version: string;
  readonly score: number | null;
  readonly method: ScoringMethod | null;
  readonly hasReason: boolean;
  readonly band: string | null;
  readonly subscales: Readonly<Record<string, number | null>>;
  readonly flags: readonly string[];
  readonly missing: readonly string[];
  readonly scales: Readonly<Record<string, ReferenceScale>>;
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

/** Scored, or rejected with the items named (null for an issue that is about no one item). */
export type ReferenceOutcome =
  | { readonly valid: true; readonly result: ReferenceResult }
  | { readonly valid: false; readonly issues: readonly (string | null)[] };

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

function isChoice(item: Item): item is Extract<Item, { options: unknown }> {
  return item.kind === undefined || item.kind === "choice";
}

/** Whether `v` is an allowed answer: one of the option values; a finite number in [min, max] (whole if so declared); "HH:MM". */
export function allowed(item: Item, v: unknown): boolean {
  if (item.kind === "time") return typeof v === "string" && CLOCK.test(v);
  if (typeof v !== "number") return false;
  if (isChoice(item)) return item.options.some((o) => o.value === v);
  if (!Number.isFinite(v) || v < item.min || v > item.max) return false;
  return !item.integer || Number.isInteger(v);
}

/** What an answer contributes: the option's score if it has one, else its value; reverse keying = lowest + highest option − value. */
function scoredValue(item: Item, v: number): number {
  if (!isChoice(item)) return v;
  const option = item.options.find((o) => o.value === v);
  const base = option?.score ?? v;
  if (item.reversed !== true) return base;
  const values = item.options.map((o) => o.value);
  return Math.min(...values) + Math.max(...values) - base;
}

/** The most an item can contribute (the denominator of a percentage). */
function highest(item: Item): number {
  if (item.kind === "number") return item.max;
  if (!isChoice(item)) throw new Error("a clock time is not scored");
  return Math.max(...item.options.map((o) => scoredValue(item, o.value)));
}

function isPlainRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Reads array or record input into answers by item id, or the issues (item ids, null for the input as a whole). */
function read(def: InstrumentDefinition, input: unknown): Map<string, AnswerValue> | (string | null)[] {
  const answers = new Map<string, AnswerValue>();
  const issues: (string | null)[] = [];
  const take = (item: Item, v: unknown): void => {
    if (v === null || v === undefined) answers.set(item.id, null);
    else if (allowed(item, v)) answers.set(item.id, v as AnswerValue);
    else issues.push(item.id);
  };
  if (Array.isArray(input)) {
    const arr = input as readonly unknown[];
    // Array input may leave off optional items at the end, and nothing else.
    let required = 0;
    def.items.forEach((it, i) => {
      if (it.optional !== true) required = i + 1;
    });
    if (arr.length < required || arr.length > def.items.length) issues.push(null);
    def.items.forEach((it, i) => {
      take(it, i < arr.length ? arr[i] : undefined);
    });
  } else if (isPlainRecord(input)) {
    const known = new Set(def.items.map((it) => it.id));
    for (const key of Object.keys(input)) if (!known.has(key)) issues.push(key);
    for (const it of def.items) take(it, Object.hasOwn(input, it.id) ? input[it.id] : undefined);
  } else {
    issues.push(null);
  }
  return issues.length > 0 ? issues : answers;
}

function holds(left: number, op: Comparison, right: number): boolean {
  if (op === ">=") return left >= right;
  if (op === ">") return left > right;
  if (op === "<=") return left <= right;
  if (op === "<") return left < right;
  return left === right;
}

/** Settings as the caller gave them over the declared defaults; an enumerated setting not given is null (unset). */
type Settings = ReadonlyMap<string, string | boolean | null>;

/**
 * Whether a condition is true, false or unknown (null). A setting condition holds when the setting's value
 * (null for unset) is listed. An item or scale condition is unknown when the item
 * is unanswered or the scale has no score. `all` is false if a part is false, else unknown if a part is
 * unknown, else true; `any` is true if a part is true, else unknown if a part is unknown, else false. A
 * `count` is known when every number of parts that could hold (the true ones, plus any of the unknown ones)
 * gives the same comparison.
 */
function truth(
  c: Condition,
  answers: ReadonlyMap<string, AnswerValue>,
  scores: ReadonlyMap<string, number | null>,
  settings: Settings,
): boolean | null {
  if ("setting" in c) return c.is.includes(settings.get(c.setting) ?? null);
  if ("item" in c)
    return typeof answers.get(c.item) === "number" ? holds(answers.get(c.item) as number, c.op, c.value) : null;
  if ("scale" in c) {
    const left = scores.get(c.scale);
    return typeof left === "number" ? holds(left, c.op, c.value) : null;
  }
  if ("all" in c) {
    const parts = c.all.map((p) => truth(p, answers, scores, settings));
    return parts.includes(false) ? false : parts.includes(null) ? null : true;
  }
  if ("any" in c) {
    const parts = c.any.map((p) => truth(p, answers, scores, settings));
    return parts.includes(true) ? true : parts.includes(null) ? null : false;
  }
  if (!("count" in c)) throw new TypeError("not a condition");
  const parts = c.count.map((p) => truth(p, answers, scores, settings));
  const yes = parts.filter((p) => p === true).length;
  const unknown = parts.filter((p) => p === null).length;
  const outcomes = new Set<boolean>();
  for (let k = yes; k <= yes + unknown; k++) outcomes.add(holds(k, c.op, c.value));
  return outcomes.size === 1 ? outcomes.has(true) : null;
}

/** A flag is raised, a rule band or a scale's rule applies, only when its condition is true. */
function conditionHolds(
  c: Condition,
  answers: ReadonlyMap<string, AnswerValue>,
  scores: ReadonlyMap<string, number | null>,
  settings: Settings,
): boolean {
  return truth(c, answers, scores, settings) === true;
}

/**
 * A rules scale: the value of the first rule whose condition is true (a rule without one always applies);
 * null as soon as a rule's condition is unknown, or when no rule applies.
 */
function rulesScore(
  scale: Scale,
  answers: ReadonlyMap<string, AnswerValue>,
  scores: ReadonlyMap<string, number | null>,
  settings: Settings,
): Unbanded {
  const missing = scale.items.filter((id) => answers.get(id) === null);
  let score: number | null = null;
  for (const r of scale.rules ?? []) {
    const t = r.when === undefined ? true : truth(r.when, answers, scores, settings);
    if (t === null) break;
    if (t) {
      score = r.value;
      break;
    }
  }
  return {
    score,
    method: score === null ? "insufficient" : missing.length > 0 ? "partial" : "complete",
    missing,
  };
}

/** The settings, or null when one given is not declared or not one of its values. */
function settingsOf(def: InstrumentDefinition, given: Readonly<Record<string, unknown>>): Settings | null {
  const out = new Map<string, string | boolean | null>();
  for (const d of def.settings ?? []) out.set(d.id, d.default);
  for (const [key, value] of Object.entries(given)) {
    const d = def.settings?.find((x) => x.id === key);
    if (d === undefined) return null;
    if (d.type === "boolean" ? typeof value !== "boolean" : value !== null && !d.values.includes(value as string))
      return null;
    out.set(key, value as string | boolean | null);
  }
  return out;
}

/**
 * Rounds half up: halves go up (towards +∞, as on a number line), so 2.5 becomes 3 and −2.5 becomes −2.
 * The specification does not speak of floating point; answers with decimals do not add up exactly in
 * binary (answers 0.6, 5.8 and 2.9 of five items prorate to 15.499999999999998, which is 15.5), so a value
 * less than 1e-9 below a half counts as that half.
 */
function halfUp(x: number): number {
  const up = Math.ceil(x + 0.5);
  return up - (x + 0.5) <= 1e-9 ? up : Math.floor(x + 0.5);
}

interface Unbanded {
  readonly score: number | null;
  readonly method: ScoringMethod;
  readonly missing: string[];
}

/** One scale under a missing-data rule. A missing answer never counts as 0. */
function scaleScore(
  def: InstrumentDefinition,
  scale: Scale,
  rule: MissingRule,
  answers: ReadonlyMap<string, AnswerValue>,
): Unbanded {
  const members = scale.items.map((id) => def.items.find((it) => it.id === id) as Item);
  const answered = members.filter((it) => answers.get(it.id) !== null);
  const missing = members.filter((it) => answers.get(it.id) === null).map((it) => it.id);
  let sum = 0;
  for (const it of answered) sum += scoredValue(it, answers.get(it.id) as number);
  let most = 0;
  for (const it of answered) most += highest(it);
  const size = members.length;
  // Percentages multiply before dividing, so that a whole percentage comes out whole.
  const over = (count: number): number =>
    scale.method === "sum" ? sum : scale.method === "mean" ? sum / count : (sum * 100) / most;
  // A table scale: the complete raw sum's row in the table; with any item missing, no score (strict only).
  if (scale.method === "table") {
    const row = missing.length === 0 ? scale.table?.find(([raw]) => raw === sum) : undefined;
    return row === undefined
      ? { score: null, method: "insufficient", missing }
      : { score: row[1], method: "complete", missing };
  }
  if (missing.length === 0) return { score: over(size), method: "complete", missing };
  if (rule.kind === "prorate" && scale.method === "sum" && missing.length <= rule.maxMissing && answered.length > 0) {
    const raw = (sum * size) / answered.length;
    return { score: rule.rounding === "half-up" ? halfUp(raw) : raw, method: "prorated", missing };
  }
  if (
    rule.kind === "min-answered" &&
    scale.method !== "sum" &&
    answered.length >= rule.minAnswered &&
    answered.length > 0
  ) {
    return { score: over(answered.length), method: "partial", missing };
  }
  return { score: null, method: "insufficient", missing };
}

/**
 * The band of a score. Range bands are inclusive: a whole score lies in the band with min ≤ score ≤ max; a
 * score that is not whole falls in the first band whose max it does not exceed (the instrument pages: "A
 * score that is not a whole number falls in the first band whose upper bound it does not exceed").
 * Rule bands: the first whose conditions all hold. No score, no band.
 */
function bandOf(
  scale: Scale,
  score: number | null,
  answers: ReadonlyMap<string, AnswerValue>,
  scores: ReadonlyMap<string, number | null>,
  settings: Settings,
): string | null {
  if (score === null || scale.bands === undefined) return null;
  for (const b of scale.bands) {
    if ("when" in b) {
      if (b.when.every((c) => conditionHolds(c, answers, scores, settings))) return b.id;
    } else if (Number.isInteger(score) ? b.min <= score && score <= b.max : score <= b.max) {
      return b.id;
    }
  }
  return null;
}

/**
 * Scores answers by the specification, or says which inputs are rejected.
 *
 * @param def - a definition without custom scales
 * @param input - answers as a caller passes them
 * @param options - an alternative missing-data rule and opt-in flags
 */
export function referenceScore(
  def: InstrumentDefinition,
  input: unknown,
  options: ScoreOptions = {},
): ReferenceOutcome {
  const alternative =
    options.missing === undefined ? undefined : def.missingOptions?.find((m) => m.id === options.missing);
  const optIn = new Set((def.flags ?? []).filter((f) => f.optIn === true).map((f) => f.id));
  const optionIssues =
    (options.missing !== undefined && alternative === undefined) || (options.flags ?? []).some((id) => !optIn.has(id));
  if (optionIssues) return { valid: false, issues: [null] };

  const settings = settingsOf(def, options.settings ?? {});
  if (settings === null) return { valid: false, issues: [null] };

  const read_ = read(def, input);
  if (Array.isArray(read_)) return { valid: false, issues: read_ };
  const given = read_;
  // Skip logic: a rule whose conditions hold on the answers as given leaves its items unasked; one left
  // unanswered counts as the rule says (unless the chosen missing option counts it as missing); one
  // answered otherwise is scored as given or rejected, as the rule says.
  const answers = new Map(given);
  const counted = new Set<string>();
  const conflicts: string[] = [];
  for (const r of def.skips ?? []) {
    if (!r.when.every((c) => conditionHolds(c, given, new Map(), settings))) continue;
    for (const id of r.items) {
      const v = given.get(id);
      if (v === null) {
        counted.add(id);
        if (alternative?.notAsked !== "missing") answers.set(id, r.counts);
      } else if (r.ifAnswered === "rejected" && v !== r.counts) conflicts.push(id);
    }
  }
  if (conflicts.length > 0) return { valid: false, issues: conflicts };

  const all: Scale[] = [...(def.score === null ? [] : [def.score]), ...(def.subscales ?? [])];
  // Rules scales after the others, in order: their rules may test the other scales' scores.
  const unbanded = new Map<string, Unbanded>();
  const scores = new Map<string, number | null>();
  for (const s of all) {
    if (s.method === "rules") continue;
    const u = scaleScore(def, s, alternative?.rule ?? s.missing, answers);
    unbanded.set(s.id, u);
    scores.set(s.id, u.score);
  }
  for (const s of all) {
    if (s.method !== "rules") continue;
    const u = rulesScore(s, answers, scores, settings);
    unbanded.set(s.id, u);
    scores.set(s.id, u.score);
  }
  const scales: Record<string, ReferenceScale> = {};
  for (const s of all) {
    const u = unbanded.get(s.id) as Unbanded;
    scales[s.id] = {
      score: u.score,
      method: u.method,
      missing: u.missing,
      hasReason: u.score === null || s.items.some((id) => counted.has(id)),
      band: bandOf(s, u.score, answers, scores, settings),
    };
  }
  const subscales: Record<string, number | null> = {};
  for (const s of def.subscales ?? []) subscales[s.id] = scores.get(s.id) ?? null;

  const asked = new Set(options.flags ?? []);
  const flags = (def.flags ?? [])
    .filter((f) => f.optIn !== true || asked.has(f.id))
    .filter((f) => conditionHolds(f.when, answers, scores, settings))
    .filter((f) => (f.settings ?? []).every((c) => conditionHolds(c, answers, scores, settings)))
    .map((f) => f.id);

  const primary = def.score === null ? null : (scales[def.score.id] as ReferenceScale);
  return {
    valid: true,
    result: {
      instrument: def.id,
      version: def.version,
      score: primary?.score ?? null,
      method: primary?.method ?? null,
      // Without a primary score the result says why (see the subscales).
      hasReason: primary === null ? true : primary.hasReason,
      band: primary?.band ?? null,
      subscales,
      flags,
      missing: def.items.filter((it) => answers.get(it.id) === null).map((it) => it.id),
      scales,
      answers: Object.fromEntries(def.items.map((it) => [it.id, given.get(it.id) ?? null])),
    },
  };
}
