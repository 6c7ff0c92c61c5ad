/**
 * What every surface needs to know of items and scales alike: what an option scores, a definition's scales
 * in order, an item's answers in words.
 *
 * @module
 */
import type { ChoiceItem, InstrumentDefinition, Item, Scale } from "../types.js";
import { rangeText } from "./words.js";

/**
 * What an option contributes to scales: its score (or value), then reverse keying, which maps it to
 * (lowest + highest option value) − score.
 */
export function scoredValue(item: ChoiceItem, value: number): number {
  const base = item.options.find((o) => o.value === value)?.score ?? value;
  if (item.reversed !== true) return base;
  const values = item.options.map((o) => o.value);
  return Math.min(...values) + Math.max(...values) - base;
}

/** A definition's scales: the primary score first, then the subscales. */
export function scalesOf(def: InstrumentDefinition): Scale[] {
  return def.score === null ? [...(def.subscales ?? [])] : [def.score, ...(def.subscales ?? [])];
}

/** Whether an item is a choice item (its `kind` may be left out). */
export function isChoice(item: Item): item is ChoiceItem {
  return item.kind === undefined || item.kind === "choice";
}

/** A number or clock-time item's answers in words ("whole number 0–10 hours"); null for a choice item, whose options say it. */
export function answerRangeText(item: Item): string | null {
  if (item.kind === "time") return 'clock time "HH:MM" (00:00–23:59)';
  if (item.kind === "number")
    return `${item.integer ? "whole number" : "number"} ${rangeText(item.min, item.max)}${item.unit === undefined ? "" : ` ${item.unit}`}`;
  return null;
}

/**
 * The items of a definition that are optional and in no scale (the PHQ-9 and GAD-7 difficulty items):
 * recorded, never scored, so an unanswered one is nothing missing. Derived from the scales, not listed.
 */
export function unscoredItems(def: InstrumentDefinition): ReadonlySet<string> {
  const scored = new Set(scalesOf(def).flatMap((s) => s.items));
  return new Set(def.items.filter((it) => it.optional === true && !scored.has(it.id)).map((it) => it.id));
}
