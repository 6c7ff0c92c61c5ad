import type { InstrumentDefinition, Item } from "../../src/index.js";

/**
 * Builds a complete answer array whose scale (a sum of choice items) comes to `total`, raising items in
 * order. Each option is chosen by the value it scores (reverse keying and option scores applied).
 * Unscored items are left unanswered.
 */
export function answersWithTotal(def: InstrumentDefinition, total: number, scaleId = "total"): (number | null)[] {
  const scale = [def.score, ...(def.subscales ?? [])].find((s) => s?.id === scaleId);
  if (!scale || scale.method !== "sum") throw new Error(`${def.id}: no sum scale "${scaleId}"`);
  const answers: (number | null)[] = def.items.map(() => null);
  const steps = scale.items.map((ref) => {
    const i = def.items.findIndex((it) => it.id === ref);
    const item = def.items[i] as Item;
    if (item.kind === "number" || item.kind === "time") throw new Error("choice items only");
    const values = item.options.map((o) => o.value);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const options = item.options
      .map((o) => ({
        raw: o.value,
        scored: item.reversed === true ? lo + hi - (o.score ?? o.value) : (o.score ?? o.value),
      }))
      .sort((a, b) => a.scored - b.scored);
    return { i, options, floor: options[0]?.scored ?? 0 };
  });
  // Every item contributes at least its floor (1 on a 1–4 item), so reserve all floors before raising any item.
  let remaining = total - steps.reduce((sum, s) => sum + s.floor, 0);
  for (const { i, options, floor } of steps) {
    let pick = options[0];
    for (const o of options) if (o.scored - floor <= Math.max(remaining, 0)) pick = o;
    remaining -= (pick?.scored ?? floor) - floor;
    answers[i] = pick?.raw ?? null;
  }
  if (remaining !== 0) throw new Error(`${def.id}: total ${String(total)} is out of reach`);
  return answers;
}
