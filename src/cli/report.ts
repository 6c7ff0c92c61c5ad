// The summary printed on stderr after a run.
import type { BatchSummary, CellError, InstrumentDefinition } from "../index.js";

/** How many invalid cells are quoted in the summary; the rest are in the error columns. */
export const ERRORS_SHOWN = 10;

const n = (x: number): string => x.toLocaleString("en");

/** A few lines a person can read: rows by outcome, then each instrument's bands, flags and hints. */
export function renderSummary(
  summary: BatchSummary,
  defs: readonly InstrumentDefinition[],
  from: string,
  to: string,
  firstErrors: readonly CellError[],
  errorCount: number,
  stepLabels: Readonly<Record<string, string>> = {},
): string {
  const lines: string[] = [];
  lines.push(
    `stepscore: ${n(summary.rows)} row${summary.rows === 1 ? "" : "s"} read from ${from}, all written to ${to}`,
  );
  lines.push(
    `  ${n(summary.scored)} fully scored · ${n(summary.incomplete)} incomplete (too many answers missing for a score, left empty, never 0) · ${n(summary.invalid)} with invalid cells`,
  );
  const width = Math.max(...defs.map((d) => d.shortTitle.length));
  for (const def of defs) {
    const s = summary.instruments[def.id];
    if (s === undefined) continue;
    const parts = [`${n(s.scored)} scored`, `${n(s.incomplete)} incomplete`, `${n(s.invalid)} invalid`];
    const bands = Object.entries(s.bands).map(([id, c]) => `${id} ${n(c)}`);
    const flags = Object.entries(s.flags)
      .filter(([, c]) => c > 0)
      .map(([id, c]) => `flag ${id} ${n(c)}`);
    lines.push(
      `  ${def.shortTitle.padEnd(width)}  ${parts.join(", ")}${bands.length > 0 ? ` | ${bands.join(", ")}` : ""}${flags.length > 0 ? ` | ${flags.join(", ")}` : ""}`,
    );
    if (s.offsetHints > 0) {
      lines.push(
        `  ${" ".repeat(width)}  ${n(s.offsetHints)} invalid row${s.offsetHints === 1 ? "" : "s"} look coded one too high throughout; if the file codes ${def.shortTitle} from 1, score it with --coerce ${def.id}=offset:-1`,
      );
    }
  }
  const st = summary.stratification;
  if (st !== null) {
    const label = Math.max(0, ...Object.keys(st.steps).map((k) => (stepLabels[k] ?? "").length));
    for (const [step, c] of Object.entries(st.steps))
      lines.push(`  step ${step}  ${(stepLabels[step] ?? "").padEnd(label)}  ${n(c)}`);
    if (st.notAssessed > 0)
      lines.push(
        `  not assessed (no score the pathway uses, so no step): ${n(st.notAssessed)} row${st.notAssessed === 1 ? "" : "s"}`,
      );
    lines.push(`  urgent action (e.g. PHQ-9 item 9): ${n(st.urgent)} row${st.urgent === 1 ? "" : "s"}`);
  }
  if (summary.absentColumns.length > 0) {
    lines.push(`  columns in no row, read as unanswered: ${summary.absentColumns.join(", ")}`);
  }
  if (firstErrors.length > 0) {
    const more =
      errorCount > firstErrors.length
        ? ` (the first ${String(firstErrors.length)} of ${n(errorCount)}; all are in the <id>_error columns)`
        : "";
    lines.push(`  invalid cells${more}:`);
    for (const e of firstErrors) lines.push(`    ${e.message}`);
  }
  return `${lines.join("\n")}\n`;
}
