/**
 * Numeric rating-scale options shared by instruments whose items are answered by circling a number
 * (ÖMPSQ-10, BPI, PEG, PSEQ). Labels are the numbers only: the printed end anchors differ by item and,
 * for some instruments, belong to the rights holder. Plain literals only, for tree-shaking.
 *
 * @module
 */

/** An 11-point 0–10 numeric rating scale. */
export const RATING_0_TO_10 = [
  { value: 0, label: "0" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
  { value: 7, label: "7" },
  { value: 8, label: "8" },
  { value: 9, label: "9" },
  { value: 10, label: "10" },
] as const;

/** A 7-point 0–6 numeric rating scale. */
export const RATING_0_TO_6 = [
  { value: 0, label: "0" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
] as const;
