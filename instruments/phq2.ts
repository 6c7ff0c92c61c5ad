import { ARROLL_2010, KROENKE_2003, PHQSCREENERS } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of the items (LOINC answer list LL358-3). */
const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

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
  licence: {
    rightsHolder: "Pfizer Inc.",
    redistributeWording: true,
    terms: "No permission is required to reproduce, translate, display or distribute the PHQ and GAD-7 screeners.",
    contact: "www.phqscreeners.com",
    attribution:
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    source: "phqscreeners",
  },
  loinc: { panel: "55757-9", score: "55758-7" },
  items: [
    {
      id: "1",
      label: "Little interest or pleasure",
      text: "Little interest or pleasure in doing things",
      loinc: "44250-9",
      options: FREQUENCY,
    },
    {
      id: "2",
      label: "Feeling down, depressed or hopeless",
      text: "Feeling down, depressed, or hopeless",
      loinc: "44255-8",
      options: FREQUENCY,
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2"],
    method: "sum",
    range: [0, 6],
    missing: { kind: "strict", source: "kroenke2003" },
    bands: [
      { id: "negative", label: "Negative screen", min: 0, max: 2 },
      { id: "positive", label: "Positive screen", min: 3, max: 6 },
    ],
    bandsSource: "kroenke2003",
    source: "kroenke2003",
  },
  flags: [
    {
      id: "sensitive-cutoff",
      label: "PHQ-2 of 2 or more (sensitive cut-off)",
      message:
        "A total of 2 or more screens positive at the more sensitive, less specific cut-off: consider the PHQ-9.",
      when: { scale: "total", op: ">=", value: 2 },
      source: "arroll2010",
      optIn: true,
    },
  ],
} as const satisfies InstrumentDefinition;
