/**
 * Skip rules (conditional items): when an earlier answer (or a setting) means the form does not ask some
 * items, those items are not missing; they count as the rule says, and the scale's reason says so. How a
 * rule is bound once, applied to one answer set (with conflicting answers scored or rejected, as the rule
 * says), what validateDefinition checks about it and how it reads.
 *
 * @module
 */
import type { AnswerValue, Item, SettingDefinition, SkipRule } from "../types.js";
import {
  bindCondition,
  conditionProblem,
  conditionText,
  isSettingCondition,
  type ConditionPlan,
} from "./conditions.js";
import { isChoice } from "./items.js";

/** A skip rule bound to item positions, with its condition in words. */
export interface SkipPlan {
  readonly when: readonly ConditionPlan[];
  readonly idx: readonly number[];
  readonly counts: number;
  readonly rejects: boolean;
  /** The condition in words, for the reason: "item 1 == 0". */
  readonly text: string;
}

/** What the skip rules did to one answer set. */
export interface Skipped {
  /** The answers to score: as given, with each item not asked (and unanswered) set to what it counts as. */
  readonly vals: readonly AnswerValue[];
  /** For each rule that held and left items unasked, those items' positions and the words of what it did. */
  readonly fired: readonly { readonly idx: ReadonlySet<number>; readonly text: string }[];
  /** Answers a rejecting rule does not allow. */
  readonly issues: readonly { readonly item: string; readonly value: unknown; readonly message: string }[];
}

/**
 * A skip rule bound to item positions.
 *
 * @internal
 */
export function bindSkip(r: SkipRule, items: ReadonlyMap<string, number>): SkipPlan {
  return {
    when: r.when.map((c) => bindCondition(c, items, new Map())),
    idx: r.items.map((id) => items.get(id) ?? -1),
    counts: r.counts,
    rejects: r.ifAnswered === "rejected",
    text: r.when.map(conditionText).join(" and "),
  };
}

/** Item ids in words, consecutive numbers as a range: "items 2–8", "item 4", "items 1, 3". */
export function itemsText(ids: readonly string[]): string {
  const parts: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    let end = k;
    while (end + 1 < ids.length && /^\d+$/.test(ids[end] as string) && Number(ids[end + 1]) === Number(ids[end]) + 1)
      end++;
    parts.push(end - k >= 2 ? `${ids[k] as string}–${ids[end] as string}` : (ids[k] as string));
    if (end - k === 1) parts.push(ids[end] as string);
    k = end;
  }
  return `${ids.length === 1 ? "item" : "items"} ${parts.join(", ")}`;
}

/**
 * Applies the skip rules to one answer set: each rule whose conditions all hold on the answers as given (and
 * the settings) leaves its items unasked; an unanswered one counts as the rule says (or, with `asMissing`,
 * stays unanswered), one answered anyway is scored or rejected as the rule says.
 *
 * @internal
 */
export function applySkips(
  skips: readonly SkipPlan[],
  vals: readonly AnswerValue[],
  settings: Readonly<Record<string, boolean | number | string>>,
  ids: readonly string[],
  shortTitle: string,
  asMissing: boolean,
): Skipped {
  let out: AnswerValue[] | null = null;
  const fired: { idx: Set<number>; text: string }[] = [];
  const issues: { item: string; value: unknown; message: string }[] = [];
  for (const r of skips) {
    if (!r.when.every((c) => c.holds(vals, [], settings) === true)) continue;
    const idx = new Set<number>();
    for (const i of r.idx) {
      const v = vals[i];
      if (v === null || v === undefined) {
        idx.add(i);
        if (!asMissing) (out ??= [...vals])[i] = r.counts;
      } else if (r.rejects && v !== r.counts) {
        issues.push({
          item: ids[i] as string,
          value: v,
          message: `${shortTitle} does not ask item ${ids[i] as string} when ${r.text}, but it was answered ${String(v)} (only ${String(r.counts)}, or no answer, agrees with that)`,
        });
      }
    }
    if (idx.size > 0) {
      const text = `${r.text}: ${itemsText([...idx].map((i) => ids[i] as string))} not asked${asMissing ? ", counted as not answered" : `, counted ${String(r.counts)}`}`;
      fired.push({ idx, text });
    }
  }
  return { vals: out ?? vals, fired, issues };
}

/**
 * What the skip rules did to a scale's items, in words; null when they did nothing to them.
 *
 * @internal
 */
export function skipReason(skipped: Skipped, idx: readonly number[]): string | null {
  const texts = skipped.fired.filter((f) => idx.some((i) => f.idx.has(i))).map((f) => f.text);
  return texts.length === 0 ? null : texts.join("; ");
}

/** A skip rule in words, for the docs and `stepscore describe`: "when item 1 == 0, items 2–8 are not asked and count 0". */
export function skipText(r: SkipRule): string {
  return (
    `when ${r.when.map(conditionText).join(" and ")}, ${itemsText(r.items)} ${r.items.length === 1 ? "is" : "are"} not asked and count ${String(r.counts)}` +
    (r.ifAnswered === "scored"
      ? " (an answer given anyway is scored as given)"
      : " (an answer given anyway other than that is rejected)")
  );
}

/** What validateDefinition finds wrong with a skip rule, given the definition's items and settings. */
export function skipProblems(
  r: SkipRule,
  items: ReadonlyMap<string, Item>,
  settings: readonly SettingDefinition[],
): readonly string[] {
  const out: string[] = [];
  const ids = new Set(items.keys());
  for (const c of r.when) {
    const p = conditionProblem(c, ids, new Set(), settings);
    if (p !== null) out.push(p);
    if (!isSettingCondition(c) && r.items.includes(c.item)) out.push(`tests item "${c.item}", which it also skips`);
  }
  for (const id of r.items) {
    const it = items.get(id);
    if (it === undefined) {
      out.push(`skips unknown item "${id}"`);
      continue;
    }
    const allowed =
      it.kind === "time"
        ? false
        : isChoice(it)
          ? it.options.some((o) => o.value === r.counts)
          : r.counts >= it.min && r.counts <= it.max && (!it.integer || Number.isInteger(r.counts));
    if (!allowed) out.push(`counts item "${id}" as ${String(r.counts)}, which is not one of its allowed answers`);
  }
  return out;
}
