// The columns `stepscore score` appends, derived from the definitions: never listed twice.
import type { InstrumentDefinition, InstrumentOutcome, RowOutcome, StratifyResult } from "../index.js";

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

/**
 * The columns appended for each instrument, in order: `<id>_score` and `<id>_band` (when the instrument has
 * a primary score and bands), `<id>_<subscale>` for each subscale, `<id>_method` (complete, prorated,
 * partial, insufficient), `<id>_missing` (item ids not answered), `<id>_flags` (flag ids raised) and
 * `<id>_error` (the invalid cells; the other columns are then empty).
 */
export function fieldsFor(defs: readonly InstrumentDefinition[]): Field[] {
  const fields: Field[] = [];
  defs.forEach((def, k) => {
    const add = (suffix: string, get: Field["get"]): void => {
      fields.push({ name: `${def.id}_${suffix}`, k, get });
    };
    if (def.score !== null) {
      add("score", (o) => o.result?.score ?? null);
      if (def.score.bands !== undefined) add("band", (o) => o.result?.band?.id ?? null);
    }
    for (const s of def.subscales ?? []) {
      add(s.id, (o) =>
        o.result === null ? null : ((o.result.subscales as Readonly<Record<string, number | null>>)[s.id] ?? null),
      );
    }
    if (def.score !== null) add("method", (o) => o.result?.method ?? null);
    add("missing", (o) => o.result?.missing ?? null);
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
