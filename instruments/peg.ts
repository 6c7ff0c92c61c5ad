import { BPI_USER_GUIDE } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–10 numeric rating scale; labels are the numbers only (the printed end anchors differ by item). */
const RATING_0_TO_10 = [
  { value: 0, label: "0" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
  { value: 7, label: "7" },
  { value: 8, label: "8" },
  { value: 9, label: "9" },
  { value: 10, label: "10" },
] as const;

/**
 * PEG: a three-item pain scale (average Pain, interference with Enjoyment of life, interference with
 * General activity) derived from the Brief Pain Inventory, for following chronic pain in primary care.
 *
 * Each item is 0–10; the score is their mean, 0–10, and needs all three. There are no official severity
 * bands, so none are given. Item wording is not shipped: the items are adapted from the BPI, whose
 * copyright holder claims all its derivatives.
 *
 * @example
 * ```ts
 * score(peg, [6, 5, 7]).score; // 6
 * score(peg, [6, 5, 7]).band;  // null (no bands)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/19418100/ | Krebs et al. 2009}
 * @category Pain
 */
export const peg = {
  id: "peg",
  title: "PEG three-item pain scale (Pain, Enjoyment of life, General activity)",
  shortTitle: "PEG",
  version: "1.1.0",
  domain: "pain",
  description:
    "Average pain intensity and pain interference with enjoyment of life and with general activity, as a 0–10 mean.",
  direction: "higher-is-worse",
  recall: "past week",
  references: {
    krebs2009: {
      text: "Krebs EE, Lorenz KA, Bair MJ, Damush TM, Wu J, Sutherland JM, Asch SM, Kroenke K. Development and initial validation of the PEG, a three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733–738.",
      pmid: "19418100",
      doi: "10.1007/s11606-009-0981-1",
      note:
        "Abstract: the selected BPI items assess average pain intensity (P), interference with enjoyment of life (E) and " +
        "interference with general activity (G). The score as the mean of the three items is stated by secondary sources " +
        "(calculators and reviews); the paper's scoring figure was not read directly. No cut-offs are published.",
    },
    bpiGuide: BPI_USER_GUIDE,
    reed2024: {
      text: "Reed DE 2nd, Stump TE, Monahan PO, Kroenke K. Comparable minimally important differences and responsiveness of Brief Pain Inventory and PEG pain scales across six trials. J Pain 2024;25(1):142–152.",
      pmid: "37544394",
      doi: "10.1016/j.jpain.2023.07.028",
      note: "Abstract: 1,710 participants of 6 trials; anchor-based MIDs ('a little better') 'most estimates ranged from 1.0 to 1.75'; distribution-based 0.60–1.1 (0.35 SD) and 0.78–1.22 (1 SEM).",
    },
    loincPeg: {
      text: "LOINC 91148-7 'Pain intensity, Enjoyment of life, General activity scale [PEG]' (panel); 91147-9 'Mean score [PEG]'; items 75893-8, 91145-3, 91146-1.",
      url: "https://loinc.org/91148-7",
      note:
        "AHRQ-CDS/AHRQ-CDS-Connect-PAIN-MANAGEMENT-SUMMARY src/cql/r4/FactorsToConsiderInManagingChronicPainFHIRv401.cql " +
        "(f9f63c6c) and uwcirg/cosri-pain-management-summary src/cql/r4/survey_resources/source/PEG_LogicLibrary.cql " +
        "(7322cbf5), whose form is LOINC's Questionnaire http://loinc.org/q/91148-7.",
    },
  },
  licence: {
    rightsHolder:
      "Not established; items adapted from the Brief Pain Inventory (© Charles S. Cleeland) by Krebs et al.",
    redistributeWording: false,
    terms:
      "Terms of use not verified. The BPI's copyright statement covers the BPI and all its derivatives, so the PEG wording " +
      "is withheld until its status is confirmed.",
    source: "bpiGuide",
  },
  loinc: { panel: "91148-7", score: "91147-9" },
  items: [
    { id: "1", label: "Average pain, past week", loinc: "75893-8", options: RATING_0_TO_10 },
    { id: "2", label: "Interference with enjoyment of life", loinc: "91145-3", options: RATING_0_TO_10 },
    { id: "3", label: "Interference with general activity", loinc: "91146-1", options: RATING_0_TO_10 },
  ],
  score: {
    id: "total",
    label: "score",
    items: ["1", "2", "3"],
    method: "mean",
    range: [0, 10],
    missing: { kind: "strict", source: "krebs2009" },
    source: "krebs2009",
  },
  notes: [
    "Item ids are the PEG's printed order: '1' average pain, '2' enjoyment of life, '3' general activity.",
    "No bands: some calculators show 0–3.9 mild, 4–6.9 moderate and 7–10 severe, but no primary source for them was " +
      "found, so they are neither a default nor an option.",
    "No rule for unanswered items is published; all three are required. The mean is not rounded.",
    "LOINC (loincPeg): cosri notes that loinc.org's panel page once gave item 1 another code; 75893-8 is the one LOINC's " +
      "Questionnaire and both CDS artefacts use. LOINC's 91147-9 says to round for clinical use; the mean (and the " +
      "Observation) stays unrounded, rounding left to the display, so changes against the 1 and 1.75-point MIDs are exact.",
    "Change: Reed 2024 gives anchor-based MIDs mostly between 1.0 and 1.75 points; the lower end is the default (the smallest change that matters), the upper an option. No test-retest coefficient was found, so there is no reliable change index.",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "reed2024",
          label: "1 point (lower end of the anchor-based range)",
          points: 1,
          default: true,
          source: "reed2024",
        },
        {
          id: "reed2024-upper",
          label: "1.75 points (upper end of the anchor-based range)",
          points: 1.75,
          source: "reed2024",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
