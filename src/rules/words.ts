/**
 * Small pieces of wording every surface shares (the docs, `stepscore describe`, messages).
 *
 * @module
 */

/** A range in words, with an en dash: "0–27". */
export function rangeText(lo: number, hi: number): string {
  return `${String(lo)}–${String(hi)}`;
}
