/**
 * Pieces shared by the section-based disability indexes (ODI, NDI): plain literals, and one annotated
 * factory that adds a section's LOINC answer codes.
 *
 * @module
 */
import type { AnswerOption } from "../../src/types.js";

/**
 * The six statements of an ODI or NDI section, scored by their position: 0 for the first (least
 * disability) to 5 for the last (most). The statements differ from section to section and are
 * copyrighted, so options carry neutral positional labels; a caller passes the position of the ticked
 * statement.
 */
export const SIX_STATEMENTS = [
  { value: 0, label: "0 (first statement, least disability)" },
  { value: 1, label: "1 (second statement)" },
  { value: 2, label: "2 (third statement)" },
  { value: 3, label: "3 (fourth statement)" },
  { value: 4, label: "4 (fifth statement)" },
  { value: 5, label: "5 (last statement, most disability)" },
] as const;

/**
 * The six positional options with the LOINC answer codes of one section's statements, first to last. The
 * labels stay positional: LOINC's displays for these codes are the statements themselves.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withLoincAnswers(codes: readonly [string, string, string, string, string, string]): readonly AnswerOption[] {
  return SIX_STATEMENTS.map((o, i) => ({ ...o, loinc: codes[i] as string }));
}
