import {
  KROENKE_2009,
  PHQ_1,
  PHQ_2,
  PHQ_3,
  PHQ_4,
  PHQ_5,
  PHQ_6,
  PHQ_7,
  PHQ_8,
  PHQ_INSTRUCTIONS,
  PHQ_LICENCE,
  PHQ_MILD,
  PHQ_MINIMAL,
  PHQ_MODERATE,
  PHQ_MODERATELY_SEVERE,
  PHQSCREENERS,
} from "./shared/phq.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * PHQ-8: the PHQ-9 without item 9, for surveys where a positive item 9 could not be followed up.
 * Eight items scored 0–3 (total 0–24), the PHQ-9 severity bands; every item is required.
 *
 * @example
 * ```ts
 * score(phq8, [3, 3, 2, 2, 3, 3, 2, 2]).band?.id; // "severe" (total 20)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/18752852/ | Kroenke et al. 2009}
 * @category Depression
 */
export const phq8 = {
  id: "phq8",
  title: "Patient Health Questionnaire-8",
  shortTitle: "PHQ-8",
  version: "1.0.0",
  domain: "depression",
  description: "Severity of depressive symptoms over the last two weeks, without the self-harm item.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  instructions: PHQ_INSTRUCTIONS,
  references: { kroenke2009: KROENKE_2009, phqscreeners: PHQSCREENERS },
  licence: PHQ_LICENCE,
  items: [PHQ_1, PHQ_2, PHQ_3, PHQ_4, PHQ_5, PHQ_6, PHQ_7, PHQ_8],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8"],
    method: "sum",
    range: [0, 24],
    missing: { kind: "strict", source: "kroenke2009" },
    bands: [PHQ_MINIMAL, PHQ_MILD, PHQ_MODERATE, PHQ_MODERATELY_SEVERE, { id: "severe", label: "Severe", min: 20, max: 24 }],
    bandsSource: "kroenke2009",
    source: "kroenke2009",
  },
} as const satisfies InstrumentDefinition;
