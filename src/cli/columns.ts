// The columns `stepscore score` appends, derived from the definitions: never listed twice.
import type { InstrumentDefinition, InstrumentOutcome, RowOutcome, StratifyResult } from "../index.js";
import { scalesOf } from "../rules/items.js";

/** A value of an appended column: typed in JSON Lines, flattened to text in CSV. */
export type FieldValue = number | string | boolean | null | readonly string[];

/** One appended column. */
export interface Field {
  readonly name: string;
  /** Position of its instrument in the batch. */
  readonly k: number;
  readonly get: (o: InstrumentOutcome) => FieldValue;
}

/** Why an instrument was not scored, one `column: reason` per invalid cell. */
function errorText(o: InstrumentOutcome): string | null {
  if (o.errors.length === 0) return null;
  return o.errors.map((e) => (e.column === null ? e.reason : `${e.column}: ${e.reason}`)).join("; ");
}

/** How the score columns are written. */
export interface FieldOptions {
  /** Decimal places of the scores (rounded half away from zero); null: as computed. */
  readonly digits?: number | null;
  /** Add `<id>_band_label` (the band's label) after `<id>_band`. */
  readonly bandLabels?: boolean;
}

/**
 * The items of a definition that are optional and in no scale (the PHQ-9 and GAD-7 difficulty items):
 * recorded, never scored, so an unanswered one is nothing missing. Derived from the scales, not listed.
 */
export function unscoredItems(def: InstrumentDefinition): ReadonlySet<string> {
  const scored = new Set(scalesOf(def).flatMap((s) => s.items));
  return new Set(def.items.filter((it) => it.optional === true && !scored.has(it.id)).map((it) => it.id));
}

/** A number rounded to `digits` places, half away from zero, by its decimal text (so 1.005 gives 1.01). */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const text = String(Math.abs(x));
  // Already in exponent form (very small or large): no decimal text to shift.
  if (text.includes("e")) return Math.sign(x) * (Math.round(Math.abs(x) * 10 ** digits) / 10 ** digits);
  const r = Math.round(Number(`${text}e${String(digits)}`));
  return Math.sign(x) * Number(`${String(r)}e-${String(digits)}`);
}

/**
 * The columns appended for each instrument, in order: `<id>_score` and `<id>_band` (when the instrument has
 * a primary score and bands; `<id>_band_label` with `bandLabels`), `<id>_<subscale>` for each subscale,
 * `<id>_method` (complete, prorated, partial, insufficient), `<id>_missing` (item ids not answered, the
 * unscored optional items left out), `<id>_flags` (flag ids raised) and `<id>_error` (the invalid cells;
 * the other columns are then empty).
 */
export function fieldsFor(defs: readonly InstrumentDefinition[], options: FieldOptions = {}): Field[] {
  const fields: Field[] = [];
  const digits = options.digits ?? null;
  const num = (v: number | null | undefined): number | null =>
    v === null || v === undefined ? null : digits === null ? v : roundTo(v, digits);
  defs.forEach((def, k) => {
    const add = (suffix: string, get: Field["get"]): void => {
      fields.push({ name: `${def.id}_${suffix}`, k, get });
    };
    if (def.score !== null) {
      add("score", (o) => num(o.result?.score));
      if (def.score.bands !== undefined) {
        add("band", (o) => o.result?.band?.id ?? null);
        if (options.bandLabels === true) add("band_label", (o) => o.result?.band?.label ?? null);
      }
    }
    for (const s of def.subscales ?? []) {
      add(s.id, (o) =>
        o.result === null ? null : num((o.result.subscales as Readonly<Record<string, number | null>>)[s.id]),
      );
    }
    if (def.score !== null) add("method", (o) => o.result?.method ?? null);
    const unscored = unscoredItems(def);
    add("missing", (o) => {
      const missing = o.result?.missing ?? null;
      return missing === null || unscored.size === 0 ? missing : missing.filter((id) => !unscored.has(id));
    });
    add("flags", (o) => (o.result === null ? null : o.result.flags.map((f) => f.id)));
    add("error", errorText);
  });
  return fields;
}

/** A value as CSV text: empty for null (never 0), list items joined with ";". */
export function csvText(v: FieldValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return v.join(";");
}

/**
 * The columns `stepscore stratify` appends after the scores: the step (empty, with the label "Not assessed",
 * when no result the pathway uses was scored), its label, whether an urgent
 * action fired (`not checked` when an urgent rule could not be checked, e.g. PHQ-9 item 9 unanswered),
 * the rules behind the step with their evidence, and the highest step the domains not assessed could lead to.
 */
export const STEP_COLUMNS = ["step", "step_label", "urgent", "reasons", "step_could_rise_to"] as const;

/** The values of {@link STEP_COLUMNS} for one row. */
export function stepValues(r: StratifyResult | null): FieldValue[] {
  if (r === null) return STEP_COLUMNS.map(() => null);
  const reasons = r.reasons
    .filter((x) => x.kind !== "domain")
    .map((x) => `${x.label}${x.evidence.length === 0 ? "" : ` [${x.evidence.map((e) => e.text).join(", ")}]`}`)
    .join("; ");
  const urgent = r.urgent ? true : r.urgentNotChecked.length > 0 ? "not checked" : false;
  return [r.step, r.stepLabel, urgent, reasons, r.missingCouldRaiseStepTo];
}

/** The appended values of one row. */
export function fieldValues(fields: readonly Field[], out: RowOutcome): FieldValue[] {
  const values = new Array<FieldValue>(fields.length);
  for (let j = 0; j < fields.length; j++) {
    const f = fields[j] as Field;
    values[j] = f.get(out.instruments[f.k] as InstrumentOutcome);
  }
  return values;
}
