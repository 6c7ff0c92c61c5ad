/**
 * Small pieces of wording every surface shares (the docs, `stepscore describe`, messages).
 *
 * @module
 */

/** A range in words, with an en dash: "0–27". */
export function rangeText(lo: number, hi: number): string {
  return `${String(lo)}–${String(hi)}`;
}

/** What a result says when its instrument has no primary score (e.g. the FABQ): "FABQ has no single total score; see its subscales". */
export function noTotalText(shortTitle: string): string {
  return `${shortTitle} has no single total score; see its subscales`;
}
