import {
  CMS_MDS,
  DIFFICULTY,
  DIFFICULTY_TEXT,
  ITEM9_HANDLING,
  KROENKE_2001,
  PHQ_1,
  PHQ_2,
  PHQ_3_TO_8,
  PHQ_9,
  PHQ_BANDS_TO_19,
  PHQ_LICENCE,
  PHQSCREENERS,
} from "./shared/phq.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * Patient Health Questionnaire-9 (PHQ-9): depression severity over the last two weeks.
 *
 * Nine items scored 0–3 (total 0–27) and an optional tenth, the functional-difficulty item, which is
 * recorded but never summed. Any answer above "Not at all" on item 9 raises the `self-harm` flag,
 * whatever the total and even when other items are missing. By default every item is required; the
 * `cms-mds` option prorates one or two missing items as the CMS MDS 3.0 does.
 *
 * @example
 * ```ts
 * score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).band?.id; // "moderate" (total 12)
 * score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, null], { missing: "cms-mds" }).score; // 11 (prorated)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/11556941/ | Kroenke, Spitzer & Williams 2001}
 * @category Depression
 */
export const phq9 = {
  id: "phq9",
  title: "Patient Health Questionnaire-9",
  shortTitle: "PHQ-9",
  version: "1.0.0",
  domain: "depression",
  description: "Severity of depressive symptoms over the last two weeks.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: {
    kroenke2001: KROENKE_2001,
    cmsMds: CMS_MDS,
    item9: ITEM9_HANDLING,
    phqscreeners: PHQSCREENERS,
  },
  licence: PHQ_LICENCE,
  loinc: { panel: "44249-1", score: "44261-6" },
  items: [
    PHQ_1,
    PHQ_2,
    ...PHQ_3_TO_8,
    PHQ_9,
    { id: "10", label: "Functional difficulty (not scored)", text: DIFFICULTY_TEXT, loinc: "69722-7", options: DIFFICULTY, optional: true },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    method: "sum",
    range: [0, 27],
    missing: { kind: "strict", source: "kroenke2001" },
    bands: [...PHQ_BANDS_TO_19, { id: "severe", label: "Severe", min: 20, max: 27 }],
    bandsSource: "kroenke2001",
    source: "kroenke2001",
  },
  flags: [
    {
      id: "self-harm",
      label: "Thoughts of death or self-harm (item 9)",
      message:
        "Item 9 was answered above 'Not at all': a clinician should assess suicide risk the same day, whatever the total score.",
      when: { item: "9", op: ">=", value: 1 },
      source: "item9",
    },
  ],
  missingOptions: [
    {
      id: "cms-mds",
      label: "CMS MDS 3.0: one or two missing items prorated (× 9/8 or × 9/7, nearest integer)",
      rule: { kind: "prorate", maxMissing: 2, rounding: "half-up", source: "cmsMds" },
    },
  ],
} as const satisfies InstrumentDefinition;
