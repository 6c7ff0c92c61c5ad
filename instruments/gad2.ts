import { KROENKE_2007, PHQSCREENERS } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of the items (LOINC answer list LL358-3). */
const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

/**
 * GAD-2: the first two GAD-7 items as an anxiety screener. Total 0–6; 3 or more is a positive screen, to
 * be followed by the full GAD-7. Severity bands some tools attach to the GAD-2 have no primary source and
 * are not offered.
 *
 * @example
 * ```ts
 * score(gad2, [2, 2]).band?.id; // "positive" (total 4)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/17339617/ | Kroenke et al. 2007}
 * @category Anxiety
 */
export const gad2 = {
  id: "gad2",
  title: "Generalized Anxiety Disorder 2-item scale",
  shortTitle: "GAD-2",
  version: "1.0.1",
  domain: "anxiety",
  description: "Two-item anxiety screener (nervousness and uncontrolled worry over the last two weeks).",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: { kroenke2007: KROENKE_2007, phqscreeners: PHQSCREENERS },
  licence: {
    rightsHolder: "Pfizer Inc.",
    redistributeWording: true,
    terms: "No permission is required to reproduce, translate, display or distribute the PHQ and GAD-7 screeners.",
    contact: "www.phqscreeners.com",
    attribution:
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    source: "phqscreeners",
  },
  items: [
    {
      id: "1",
      label: "Nervous, anxious or on edge",
      text: "Feeling nervous, anxious, or on edge",
      loinc: "69725-0",
      options: FREQUENCY,
    },
    {
      id: "2",
      label: "Not able to stop or control worrying",
      text: "Not being able to stop or control worrying",
      loinc: "68509-9",
      options: [
        { value: 0, label: "Not at all", loinc: "LA6568-5" },
        { value: 1, label: "Several days", loinc: "LA6569-3" },
        {
          value: 2,
          label: "More than half the days",
          loinc: "LA18938-3",
          loincDisplay: "More days than not",
        },
        { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
      ],
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2"],
    method: "sum",
    range: [0, 6],
    missing: { kind: "strict", source: "kroenke2007" },
    bands: [
      { id: "negative", label: "Negative screen", min: 0, max: 2 },
      { id: "positive", label: "Positive screen", min: 3, max: 6 },
    ],
    bandsSource: "kroenke2007",
    source: "kroenke2007",
  },
} as const satisfies InstrumentDefinition;
