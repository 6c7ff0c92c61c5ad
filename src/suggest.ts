// Near misses: the known id a misspelt one was probably meant to be, for "did you mean" in error messages.

/**
 * The known word nearest to a misspelt one, when it is close: the same but for case, or within an edit
 * distance of 2. Null when none is that close.
 */
export function closest(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  const lower = word.toLowerCase();
  for (const k of known) {
    // Lengths further apart than the best distance cannot come closer: a huge word costs nothing.
    if (Math.abs(lower.length - k.length) >= bestDistance) continue;
    const d = distance(lower, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
