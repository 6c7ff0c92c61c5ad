import {
  clip,
  describeValue,
  MAX_LISTED,
  quote,
  returnedInputError,
  type ScoreInputError,
  type ScoreInputIssue,
} from "./errors.js";
import type { ItemPlan, Plan } from "./compile.js";
import type { AnswerValue } from "./types.js";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The item's validity test, bound once when the definition is compiled: the one statement of which answers
 * an item allows. Specialised by kind so that each test is a few comparisons on captured constants.
 */
export function validator(it: Omit<ItemPlan, "valid">): (v: unknown) => boolean {
  const { lo, hi, allowed } = it;
  // Contiguous whole-number items first: nearly every item of every bundled instrument is one.
  if (it.contiguous) return (v) => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
  if (it.kind === "time") return (v) => typeof v === "string" && TIME.test(v);
  if (allowed !== null) return (v) => typeof v === "number" && allowed.has(v);
  return (v) => typeof v === "number" && Number.isFinite(v) && v >= lo && v <= hi;
}

/** True when `v` is an allowed answer for the item. */
export function isValid(it: ItemPlan, v: unknown): boolean {
  return it.valid(v);
}

/** Why `v` is not allowed, for the error message. */
function explain(it: ItemPlan, v: unknown): string {
  const why =
    it.kind === "time"
      ? "is not a clock time"
      : typeof v === "string"
        ? "is a string, not a number"
        : typeof v !== "number" || Number.isNaN(v)
          ? "is not a number"
          : !Number.isFinite(v)
            ? "is not a finite number"
            : it.integer && !Number.isInteger(v)
              ? "is not a whole number"
              : v < it.lo || v > it.hi
                ? "is out of range"
                : "is not an allowed value";
  return `${describeValue(v)} ${why} (allowed: ${it.allowedText})`;
}

/**
 * Turns array or record input into one value per item (null = not answered), in item order, or returns
 * the ScoreInputError naming every bad item: returned rather than thrown, so that `safeScore` on invalid
 * data pays for no exception. Never touches the caller's object.
 */
export function normalize(plan: Plan, input: unknown): AnswerValue[] | ScoreInputError {
  const items = plan.items;
  const n = items.length;
  const out = new Array<AnswerValue>(n);
  if (Array.isArray(input)) {
    const arr = input as readonly unknown[];
    const len = arr.length;
    let ok = len >= plan.minLength && len <= n;
    for (let i = 0; ok && i < n; i++) {
      const v = i < len ? arr[i] : undefined;
      if (v === null || v === undefined) out[i] = null;
      else if (isValid(items[i] as ItemPlan, v)) out[i] = v as AnswerValue;
      else ok = false;
    }
    if (ok) return out;
    return arrayError(plan, arr);
  }
  if (isPlainObject(input)) {
    const rec = input as Readonly<Record<string, unknown>>;
    let ok = true;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      const v = rec[(items[i] as ItemPlan).id];
      if (v === null || v === undefined) out[i] = null;
      else if (isValid(items[i] as ItemPlan, v)) out[i] = v as AnswerValue;
      else ok = false;
      if (v !== undefined) seen++;
    }
    // More own keys than answered items means an unknown id, or a known id set to undefined: look closer.
    if (ok && Object.keys(rec).length === seen) return out;
    return recordError(plan, rec) ?? out;
  }
  return returnedInputError(plan.def.id, plan.def.shortTitle, [
    {
      item: null,
      value: input,
      message: `answers must be an array or a plain object keyed by item id, not ${describeValue(input)}`,
    },
  ]);
}

function arrayError(plan: Plan, arr: readonly unknown[]): ScoreInputError {
  const items = plan.items;
  const issues: ScoreInputIssue[] = [];
  if (arr.length < plan.minLength || arr.length > items.length) {
    const optional = items.length - plan.minLength;
    const expected = optional === 0 ? String(items.length) : `${String(plan.minLength)} to ${String(items.length)}`;
    issues.push({
      item: null,
      value: arr.length,
      message: `expected ${expected} answers in published item order (${itemList(plan)}), got ${String(arr.length)}`,
    });
  }
  // Answers past the last item are not read: the length issue covers them.
  return answerError(plan, issues, (i) => arr[i]) as ScoreInputError;
}

/**
 * The error naming `issues` and then every answered item whose answer `at` is not allowed, with the
 * "coded from 1" hint where it fits; null when there is nothing to name.
 */
function answerError(plan: Plan, issues: ScoreInputIssue[], at: (i: number) => unknown): ScoreInputError | null {
  const items = plan.items;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as ItemPlan;
    const v = at(i);
    if (v !== null && v !== undefined && !isValid(it, v))
      issues.push({ item: it.id, value: v, message: explain(it, v) });
  }
  return issues.length === 0
    ? null
    : returnedInputError(plan.def.id, plan.def.shortTitle, issues, offsetHint(plan, at));
}

function isPlainObject(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function recordError(plan: Plan, rec: Readonly<Record<string, unknown>>): ScoreInputError | null {
  const issues: ScoreInputIssue[] = [];
  // The first unknown keys are named, the rest counted: a record of a million stray keys gives a small error.
  let unknown = 0;
  for (const key of Object.keys(rec)) {
    if (plan.index.has(key)) continue;
    // A long key is named by its start: the issue stays small (it is no item's id anyway).
    if (++unknown <= MAX_LISTED)
      issues.push({
        item: clip(key),
        value: rec[key],
        message: `unknown item id ${quote(key)} (known: ${itemList(plan)})`,
      });
  }
  if (unknown > MAX_LISTED) {
    const more = unknown - MAX_LISTED;
    issues.push({
      item: null,
      value: more,
      message: `and ${String(more)} more unknown item id${more === 1 ? "" : "s"}`,
    });
  }
  return answerError(plan, issues, (i) => rec[(plan.items[i] as ItemPlan).id]);
}

function itemList(plan: Plan): string {
  const ids = plan.items.map((it) => (it.optional ? `${it.id} optional` : it.id));
  return ids.length > 12 ? `${ids.slice(0, 3).join(", ")}, …, ${ids.slice(-2).join(", ")}` : ids.join(", ");
}

/**
 * Recognises the classic data-entry slip of a scale coded from 1 instead of 0: every answered choice
 * value lies one above its allowed range's floor…ceiling, and some value is one past the ceiling.
 */
function offsetHint(plan: Plan, at: (i: number) => unknown): string | null {
  let answered = 0;
  let pastCeiling = false;
  for (let i = 0; i < plan.items.length; i++) {
    const it = plan.items[i] as ItemPlan;
    const v = at(i);
    if (v === null || v === undefined) continue;
    if (it.kind !== "choice" || !it.contiguous) return null;
    if (typeof v !== "number" || !Number.isInteger(v) || v < it.lo + 1 || v > it.hi + 1) return null;
    answered++;
    if (v === it.hi + 1) pastCeiling = true;
  }
  if (answered < 2 || !pastCeiling) return null;
  return (
    "Every answer is exactly one above the allowed range: the data look coded from 1 instead of " +
    "from the form's own values; subtract 1 from every answer if so"
  );
}
