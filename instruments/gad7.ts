import { IAPT, KOUNALI_2022, PHQSCREENERS, SPITZER_2006 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of the items (LOINC answer list LL358-3). */
const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

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
  version: "1.0.1",
  domain: "anxiety",
  description: "Severity of generalized anxiety symptoms over the last two weeks.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  // The instruction stem as printed on the form (phqscreeners.com).
  instructions: "Over the last 2 weeks, how often have you been bothered by the following problems?",
  references: {
    spitzer2006: SPITZER_2006,
    phqscreeners: PHQSCREENERS,
    toussaint2020: {
      text: "Toussaint A, Hüsing P, Gumz A, et al. Sensitivity to change and minimal clinically important difference of the 7-item Generalized Anxiety Disorder Questionnaire (GAD-7). J Affect Disord 2020;265:395–401.",
      pmid: "32090765",
      doi: "10.1016/j.jad.2020.01.032",
      note: "Abstract: 261 patients of a multisite trial of chronic depression; 'MCID was estimated 4 points on the GAD-7 total score'.",
    },
    kounali2022: KOUNALI_2022,
    iapt: IAPT,
    lowe2008: {
      text: "Löwe B, Decker O, Müller S, et al. Validation and standardization of the Generalized Anxiety Disorder Screener (GAD-7) in the general population. Med Care 2008;46(3):266–274.",
      pmid: "18388841",
      doi: "10.1097/MLR.0b013e318160d093",
      note: "Abstract: German general population (n = 5,030); mean (SD) 3.2 (3.5) in women and 2.7 (3.2) in men. The retest ICC of 0.83 is attributed to Spitzer 2006 and was read only on a secondary page.",
    },
  },
  licence: {
    rightsHolder: "Pfizer Inc.",
    redistributeWording: true,
    terms: "No permission is required to reproduce, translate, display or distribute the PHQ and GAD-7 screeners.",
    contact: "www.phqscreeners.com",
    attribution:
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    source: "phqscreeners",
  },
  loinc: { panel: "69737-5", score: "70274-6" },
  // LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example.
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
      // 68509-9 is a question code LOINC shares with other panels: its answer worth 2 is LA18938-3 "More days
      // than not" (as in LOINC's GAD-7 panel 69737-5). The label stays as the GAD-7 prints it; FHIR codings
      // carry LOINC's display.
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
    {
      id: "3",
      label: "Worrying too much",
      text: "Worrying too much about different things",
      loinc: "69733-4",
      options: FREQUENCY,
    },
    {
      id: "4",
      label: "Trouble relaxing",
      text: "Trouble relaxing",
      loinc: "69734-2",
      options: FREQUENCY,
    },
    {
      id: "5",
      label: "Restless, hard to sit still",
      text: "Being so restless that it is hard to sit still",
      loinc: "69735-9",
      options: FREQUENCY,
    },
    {
      id: "6",
      label: "Easily annoyed or irritable",
      text: "Becoming easily annoyed or irritable",
      loinc: "69689-8",
      options: FREQUENCY,
    },
    {
      id: "7",
      label: "Afraid something awful might happen",
      text: "Feeling afraid as if something awful might happen",
      loinc: "69736-7",
      options: FREQUENCY,
    },
    // No GAD-7-specific LOINC code for this item was confirmed, so none is given.
    {
      id: "8",
      label: "Functional difficulty (not scored)",
      text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
      options: [
        // Very = LA6575-0 and Extremely = LA6574-3, as in the LHC-Forms PHQ-9; some third-party code swaps these two.
        { value: 0, label: "Not difficult at all", loinc: "LA6572-7" },
        { value: 1, label: "Somewhat difficult", loinc: "LA6573-5" },
        { value: 2, label: "Very difficult", loinc: "LA6575-0" },
        { value: 3, label: "Extremely difficult", loinc: "LA6574-3" },
      ],
      optional: true,
    },
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
  notes: [
    "Change: IAPT's 4-point criterion is the default reliable change threshold; a general-population SD with Spitzer 2006's retest ICC (read only on a secondary page) is an option. No source defining remission on the GAD-7 was found; below 5 rests on the 'minimal' band (iapt, lowe2008, spitzer2006).",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "toussaint2020",
          label: "4 points (chronic depression trial)",
          points: 4,
          default: true,
          source: "toussaint2020",
        },
        {
          id: "kounali2022",
          label: "26.8 % of the baseline (UK primary care, moderate baseline severity)",
          percent: 26.8,
          source: "kounali2022",
          note: "Derived at moderate baseline severity; milder baselines need much larger percentages.",
        },
      ],
      reliability: [
        {
          id: "iapt",
          label: "4 points (IAPT reliable improvement)",
          threshold: 4,
          population: "NHS Talking Therapies services",
          default: true,
          source: "iapt",
        },
        {
          id: "general-population",
          label: "SD 3.5 (German general population, women), ICC 0.83 (Spitzer 2006)",
          sd: 3.5,
          reliability: 0.83,
          population: "general population SD; retest ICC from primary care",
          source: "lowe2008",
          note: "The larger of the two published SDs (women 3.5, men 3.2) is used, which gives the larger threshold (about 4.0 points rather than 3.7).",
        },
      ],
      remission: [
        {
          id: "below-5",
          label: "follow-up score below 5 (the 'minimal' band)",
          anyOf: [{ kind: "score", op: "<", value: 5 }],
          default: true,
          source: "spitzer2006",
          note: "A GAD-7 below 5 is commonly used as remission; no source defining it as such was found, so it rests on Spitzer 2006's 0–4 'minimal' band.",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
