import { KROENKE_2009, PHQSCREENERS } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of the items (LOINC answer list LL358-3). */
const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

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
  // The instruction stem as printed on the form (phqscreeners.com).
  instructions: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  references: { kroenke2009: KROENKE_2009, phqscreeners: PHQSCREENERS },
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
    {
      id: "3",
      label: "Sleep problems",
      text: "Trouble falling or staying asleep, or sleeping too much",
      loinc: "44259-0",
      options: FREQUENCY,
    },
    {
      id: "4",
      label: "Tired or little energy",
      text: "Feeling tired or having little energy",
      loinc: "44254-1",
      options: FREQUENCY,
    },
    {
      id: "5",
      label: "Poor appetite or overeating",
      text: "Poor appetite or overeating",
      loinc: "44251-7",
      options: FREQUENCY,
    },
    {
      id: "6",
      label: "Feeling bad about yourself",
      text: "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
      loinc: "44258-2",
      options: FREQUENCY,
    },
    {
      id: "7",
      label: "Trouble concentrating",
      text: "Trouble concentrating on things, such as reading the newspaper or watching television",
      loinc: "44252-5",
      options: FREQUENCY,
    },
    {
      id: "8",
      label: "Moving or speaking slowly, or restless",
      text: "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
      loinc: "44253-3",
      options: FREQUENCY,
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8"],
    method: "sum",
    range: [0, 24],
    missing: { kind: "strict", source: "kroenke2009" },
    bands: [
      { id: "minimal", label: "Minimal", min: 0, max: 4 },
      { id: "mild", label: "Mild", min: 5, max: 9 },
      { id: "moderate", label: "Moderate", min: 10, max: 14 },
      { id: "moderately-severe", label: "Moderately severe", min: 15, max: 19 },
      { id: "severe", label: "Severe", min: 20, max: 24 },
    ],
    bandsSource: "kroenke2009",
    source: "kroenke2009",
  },
} as const satisfies InstrumentDefinition;
