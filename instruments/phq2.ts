import { ARROLL_2010, KROENKE_2003, PHQ_1, PHQ_2, PHQ_LICENCE, PHQSCREENERS, SCREEN_BANDS } from "./shared/phq.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * PHQ-2: the first two PHQ-9 items (interest, mood) as a depression screener. Total 0–6; 3 or more is a
 * positive screen, to be followed by the full PHQ-9. The opt-in flag `sensitive-cutoff` marks a total of
 * 2 or more (Arroll 2010), which trades specificity for sensitivity.
 *
 * @example
 * ```ts
 * score(phq2, [2, 1]).band?.id; // "positive" (total 3)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/14583691/ | Kroenke, Spitzer & Williams 2003}
 * @category Depression
 */
export const phq2 = {
  id: "phq2",
  title: "Patient Health Questionnaire-2",
  shortTitle: "PHQ-2",
  version: "1.0.0",
  domain: "depression",
  description: "Two-item depression screener (interest and mood over the last two weeks).",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: { kroenke2003: KROENKE_2003, arroll2010: ARROLL_2010, phqscreeners: PHQSCREENERS },
  licence: PHQ_LICENCE,
  loinc: { panel: "55757-9", score: "55758-7" },
  items: [PHQ_1, PHQ_2],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2"],
    method: "sum",
    range: [0, 6],
    missing: { kind: "strict", source: "kroenke2003" },
    bands: SCREEN_BANDS,
    bandsSource: "kroenke2003",
    source: "kroenke2003",
  },
  flags: [
    {
      id: "sensitive-cutoff",
      label: "PHQ-2 of 2 or more (sensitive cut-off)",
      message: "A total of 2 or more screens positive at the more sensitive, less specific cut-off: consider the PHQ-9.",
      when: { scale: "total", op: ">=", value: 2 },
      source: "arroll2010",
      optIn: true,
    },
  ],
} as const satisfies InstrumentDefinition;
