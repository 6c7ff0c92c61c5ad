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
const PHQ9_BANDS: readonly [number, string][] = [[4, "minimal"], [9, "mild"], [14, "moderate"], [19, "moderately-severe"], [27, "severe"]];
const GAD7_BANDS: readonly [number, string][] = [[4, "minimal"], [9, "mild"], [14, "moderate"], [21, "severe"]];

function one(row: Readonly<Record<string, unknown>>, columns: readonly string[], bands: readonly [number, string][]): HandResult {
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
export function handScore(rows: readonly Readonly<Record<string, unknown>>[]): { phq9: HandResult; gad7: HandResult }[] {
  const out: { phq9: HandResult; gad7: HandResult }[] = [];
  for (const row of rows) out.push({ phq9: one(row, PHQ9, PHQ9_BANDS), gad7: one(row, GAD7, GAD7_BANDS) });
  return out;
}
