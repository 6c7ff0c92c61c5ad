// The practical speed limit for the batch API: a hand-written loop that validates, sums and bands the
// PHQ-9 and GAD-7 of each row and keeps one small result per instrument, with no engine at all. It still
// does what any correct scorer must: a blank is missing (never 0), a bad cell is named, not counted.

/** One instrument's result in the hand loop. */
export interface HandResult {
  readonly score: number | null;
  readonly band: string | null;
  readonly error: string | null;
}

// Every item is checked; the last (the difficulty item, PHQ-9 10 and GAD-7 8) is recorded, never summed.
const PHQ9 = Array.from({ length: 10 }, (_, i) => `phq9_${String(i + 1)}`);
const GAD7 = Array.from({ length: 8 }, (_, i) => `gad7_${String(i + 1)}`);
const PHQ9_BANDS: readonly [number, string][] = [
  [4, "minimal"],
  [9, "mild"],
  [14, "moderate"],
  [19, "moderately-severe"],
  [27, "severe"],
];
const GAD7_BANDS: readonly [number, string][] = [
  [4, "minimal"],
  [9, "mild"],
  [14, "moderate"],
  [21, "severe"],
];

function one(
  row: Readonly<Record<string, unknown>>,
  columns: readonly string[],
  bands: readonly [number, string][],
): HandResult {
  let sum = 0;
  let missing = false;
  let error: string | null = null;
  const scored = columns.length - 1;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as string;
    const cell = row[column];
    if (cell === undefined || cell === null || cell === "") {
      if (i < scored) missing = true;
      continue;
    }
    const v = typeof cell === "number" ? cell : Number(cell);
    if (!Number.isInteger(v) || v < 0 || v > 3) {
      error = `${column}: ${JSON.stringify(cell)} is not 0–3`;
      continue;
    }
    if (i < scored) sum += v;
  }
  if (error !== null || missing) return { score: null, band: null, error };
  let band = "";
  for (const [max, id] of bands) {
    if (sum <= max) {
      band = id;
      break;
    }
  }
  return { score: sum, band, error: null };
}

/** Scores every row by hand. */
export function handScore(
  rows: readonly Readonly<Record<string, unknown>>[],
): { phq9: HandResult; gad7: HandResult }[] {
  const out: { phq9: HandResult; gad7: HandResult }[] = [];
  for (const row of rows) out.push({ phq9: one(row, PHQ9, PHQ9_BANDS), gad7: one(row, GAD7, GAD7_BANDS) });
  return out;
}

/** The hand loop's result for one PHQ-9 answer array. */
export interface HandPhq9 {
  readonly score: number | null;
  readonly band: string | null;
  /** Item 9 above "Not at all". */
  readonly selfHarm: boolean;
  readonly error: string | null;
}

/** The PHQ-9 bands by total (Kroenke 2001), as stepscore names them. */
export function phq9Band(total: number): string {
  return total <= 4
    ? "minimal"
    : total <= 9
      ? "mild"
      : total <= 14
        ? "moderate"
        : total <= 19
          ? "moderately-severe"
          : "severe";
}

/**
 * The practical limit for one PHQ-9 answer array (items 1–9): every answer checked to be a whole number
 * 0–3, the sum, its band and the item-9 flag, in one small object; the first bad answer is named.
 */
export function handPhq9(row: readonly unknown[]): HandPhq9 {
  if (row.length !== 9)
    return { score: null, band: null, selfHarm: false, error: `expected 9 answers, got ${String(row.length)}` };
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const v = row[i];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 3) {
      return {
        score: null,
        band: null,
        selfHarm: false,
        error: `item ${String(i + 1)}: ${JSON.stringify(v)} is not 0–3`,
      };
    }
    sum += v;
  }
  return { score: sum, band: phq9Band(sum), selfHarm: (row[8] as number) >= 1, error: null };
}
