// Builders for dated histories: results with a given total, dates a number of days after a start.
import { gad7, odi, peg, phq9, score, startback, type HistoryEntry, type ScoreResult } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

/** A PHQ-9 with this total on items 1–8 and item 9 as given (0 unless said). */
export function phq(total: number, item9: number | null = 0): ScoreResult {
  const a = answersWithTotal(phq9, total - (item9 ?? 0));
  a[8] = item9;
  return score(phq9, a);
}

/** A GAD-7 with this total. */
export const gad = (total: number): ScoreResult => score(gad7, answersWithTotal(gad7, total));

/** An ODI whose ten sections sum to `sum` (the percent score is sum × 2). */
export function odiSum(sum: number): ScoreResult {
  return score(
    odi,
    Array.from({ length: 10 }, (_, i) => Math.max(0, Math.min(5, sum - i * 5))),
  );
}

/** A PEG whose three items are all `n` (mean n). */
export const pegOf = (n: number): ScoreResult => score(peg, [n, n, n]);

/** STarT Back answers: items 1–4 (physical) and 5–9 (psychosocial; 5 means item 9 answered 3). */
export function sb(physical: number, psychosocial: number): ScoreResult {
  const items = [0, 1, 2, 3].map((i) => (i < physical ? 1 : 0));
  const psych = [0, 1, 2, 3].map((i) => (i < Math.min(psychosocial, 4) ? 1 : 0));
  return score(startback, [...items, ...psych, psychosocial >= 5 ? 3 : 0]);
}

const START = Date.UTC(2026, 0, 5);

/** The ISO date `days` after 2026-01-05. */
export function day(days: number): string {
  return new Date(START + days * 86_400_000).toISOString().slice(0, 10);
}

/** A history entry `days` after 2026-01-05. */
export const at = (days: number, result: ScoreResult): HistoryEntry => ({ at: day(days), result });
