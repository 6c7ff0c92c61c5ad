import { DIFFICULTY, DIFFICULTY_TEXT, GAD_ITEMS, PHQ_LICENCE, PHQSCREENERS, SPITZER_2006 } from "./shared/phq.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * Generalized Anxiety Disorder-7 (GAD-7): anxiety severity over the last two weeks. Seven items scored
 * 0–3 (total 0–21) and an optional eighth, the functional-difficulty item, recorded but never summed.
 * Every scored item is required.
 *
 * @example
 * ```ts
 * score(gad7, [2, 2, 1, 1, 0, 3, 1]).band?.id; // "moderate" (total 10)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/16717171/ | Spitzer et al. 2006}
 * @category Anxiety
 */
export const gad7 = {
  id: "gad7",
  title: "Generalized Anxiety Disorder 7-item scale",
  shortTitle: "GAD-7",
  version: "1.0.0",
  domain: "anxiety",
  description: "Severity of generalized anxiety symptoms over the last two weeks.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: { spitzer2006: SPITZER_2006, phqscreeners: PHQSCREENERS },
  licence: PHQ_LICENCE,
  loinc: { panel: "69737-5", score: "70274-6" },
  items: [
    ...GAD_ITEMS,
    // No GAD-7-specific LOINC code for this item was confirmed, so none is given.
    { id: "8", label: "Functional difficulty (not scored)", text: DIFFICULTY_TEXT, options: DIFFICULTY, optional: true },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7"],
    method: "sum",
    range: [0, 21],
    missing: { kind: "strict", source: "spitzer2006" },
    bands: [
      { id: "minimal", label: "Minimal", min: 0, max: 4 },
      { id: "mild", label: "Mild", min: 5, max: 9 },
      { id: "moderate", label: "Moderate", min: 10, max: 14 },
      { id: "severe", label: "Severe", min: 15, max: 21 },
    ],
    bandsSource: "spitzer2006",
    source: "spitzer2006",
  },
} as const satisfies InstrumentDefinition;
