import type { InstrumentDefinition } from "../src/types.js";

/** Safety items 7–10: how often, on the printed 1–5 values (their sum is the safety score). */
const HOW_OFTEN = [
  { value: 1, label: "Never", loinc: "LA6270-8" },
  { value: 2, label: "Rarely", loinc: "LA10066-1" },
  { value: 3, label: "Sometimes", loinc: "LA10082-8" },
  { value: 4, label: "Fairly often", loinc: "LA16644-9" },
  { value: 5, label: "Frequently", loinc: "LA6482-9" },
] as const;

/** Food items 3–4, in printed order (often, sometimes, never); the values are the library's codes, 0 = never. */
const FOOD = [
  { value: 2, label: "Often true", loinc: "LA28397-0" },
  { value: 1, label: "Sometimes true", loinc: "LA6729-3" },
  { value: 0, label: "Never true", loinc: "LA28398-8" },
] as const;

/**
 * Accountable Health Communities Health-Related Social Needs Screening Tool (AHC HRSN), core questions,
 * 2021 version: ten items in five domains. There is no total score: each domain is a 0/1 scale (1 = a
 * possible unmet need) and each raises its flag.
 *
 * - `livingSituation` (items 1–2): 1 when item 1 is "worried about losing it" or "no steady place" (1 or
 *   2), or when item 2 counts at least one problem with the place; 0 only when both are answered and neither is.
 * - `food` (items 3–4, 0 never, 1 sometimes, 2 often true): 1 when either is sometimes or often true; 0
 *   only when both are answered "never true".
 * - `transportation` (item 5, 0 no, 1 yes) and `utilities` (item 6, 0 no, 1 yes, 2 already shut off):
 *   1 on yes (or already shut off); null when unanswered.
 * - `safetyScore` (items 7–10, each 1–5): their sum, 4–20, every item required; `safety` is 1 when it is 11
 *   or more.
 *
 * @example
 * ```ts
 * const r = score(ahchrsn, [1, 0, 0, 1, 0, 0, 1, 2, 3, 2]);
 * r.subscales;               // { livingSituation: 1, food: 1, transportation: 0, utilities: 0, safetyScore: 8, safety: 0 }
 * r.flags.map((f) => f.id);  // ["living-situation", "food-insecurity"]
 * ```
 * @see {@link https://doi.org/10.31478/201705b | Billioux et al. 2017}
 * @category Social needs
 */
export const ahchrsn = {
  id: "ahchrsn",
  title: "Accountable Health Communities Health-Related Social Needs Screening Tool (core questions)",
  shortTitle: "AHC HRSN",
  version: "1.0.0",
  domain: "social-needs",
  description:
    "Screens for unmet health-related social needs: living situation, food, transportation, utilities and interpersonal safety.",
  direction: "higher-is-worse",
  recall: "today (item 1); past 12 months (items 2–10)",
  references: {
    billioux2017: {
      text: "Billioux A, Verlander K, Anthony S, Alley D. Standardized screening for health-related social needs in clinical settings: the Accountable Health Communities screening tool. NAM Perspectives, discussion paper, National Academy of Medicine, 30 May 2017.",
      doi: "10.31478/201705b",
      note: "Abstract: 'a 10-item screening tool to identify patient needs in 5 different domains … housing instability, food insecurity, transportation difficulties, utility assistance needs, and interpersonal safety'.",
    },
    cms2021: {
      text: "Centers for Medicare & Medicaid Services; Mathematica. A Guide to Using the Accountable Health Communities Health-Related Social Needs Screening Tool: Promising Practices and Key Insights. June 2021.",
      url: "https://www.cms.gov/priorities/innovation/files/worksheets/ahcm-screeningtool.pdf",
      note: "Only the table of contents was read ('2.4 HRSN domain selection and scoring procedures'); the tool PDF at this address is the one the NYS IG cites. Developed by CMS (US federal); items adapted from PRAPARE (NACHC), the Hunger Vital Sign (Hager 2010) and HITS (Sherin 1998), which CMS cites.",
    },
    nysig: {
      text: "New York State SHIN-NY Health-Related Social Needs FHIR Implementation Guide: AHC HRSN screening questions, LOINC question and answer codes, and positive answers.",
      note: "Lists the CMS questions with LOINC codes (panel 96777-8; items 71802-3, 96778-6, 88122-7, 88123-5, 93030-5, 96779-4, 95618-5, 95617-7, 95616-9, 95615-1; total safety score 95614-4) and the positive ('underlined') answers; 'Score of 11 or more may indicate that a person may not be safe'; 'all safety questions (#9-12) must be answered to produce an accurate safety score' (its numbering of the CMS items 7–10). Read in a public copy whose repository is not named; a SHIN-NY transform derives 95614-4 from the four safety items.",
    },
    phenx: {
      text: "PhenX Toolkit, protocol 281401: Accountable Health Communities core questions (CMS text).",
      url: "https://www.phenxtoolkit.org/protocols/view/281401",
      note: "'Selecting either option 2 or option 3 would indicate that the beneficiary has a housing need … Item 2: Selecting any answer option other than \"none of the above\" would indicate … a housing need'.",
    },
    cms2017: {
      text: "Centers for Medicare & Medicaid Services. The Accountable Health Communities Health-Related Social Needs Screening Tool (2017).",
      note: "'A value greater than 10 when the numerical values for answers to questions 7-10 are summed indicates a positive screen' (read in a public copy of the 2017 core questions; the 2017 wording and option order of items 1 and 5 differ from 2021's).",
    },
    loinc96777: {
      text: "LOINC 96777-8 'Accountable health communities (AHC) health-related social needs screening (HRSN) tool' (panel); 95614-4 'Total safety score'.",
      url: "https://loinc.org/96777-8",
      note: "Question and answer codes as listed by the NYS IG (nysig).",
    },
    design: {
      text: "stepscore design choice for the domains of more than one item (no CMS rule for unanswered items was read).",
      note: "A domain is 1 as soon as one answered item is positive, 0 only when every item is answered and none is, and otherwise null.",
    },
  },
  licence: {
    rightsHolder:
      "Centers for Medicare & Medicaid Services (US federal); items adapted from PRAPARE (NACHC), the Hunger Vital Sign and HITS",
    redistributeWording: false,
    terms:
      "Developed by CMS; the scoring rules ship. The question wording is not shipped until the terms of the sources CMS adapted (PRAPARE, the Hunger Vital Sign, HITS) are confirmed not to restrict reuse.",
    attribution:
      "Accountable Health Communities Health-Related Social Needs Screening Tool, Centers for Medicare & Medicaid Services.",
    source: "cms2021",
  },
  loinc: { panel: "96777-8" },
  items: [
    {
      id: "1",
      label: "Living situation today",
      loinc: "71802-3",
      options: [
        { value: 0, label: "Steady place to live", loinc: "LA31993-1" },
        { value: 1, label: "Place to live today, but worried about losing it", loinc: "LA31994-9" },
        { value: 2, label: "No steady place to live", loinc: "LA31995-6" },
      ],
    },
    {
      // The form's check-all-that-apply list (pests, mold, lead paint or pipes, lack of heat, oven or stove
      // not working, smoke detectors missing or not working, water leaks) is taken as the number checked.
      id: "2",
      label: "Problems with the place you live: number checked (0 = none of the above)",
      options: [
        { value: 0, label: "None of the above", loinc: "LA9-3" },
        { value: 1, label: "1 problem" },
        { value: 2, label: "2 problems" },
        { value: 3, label: "3 problems" },
        { value: 4, label: "4 problems" },
        { value: 5, label: "5 problems" },
        { value: 6, label: "6 problems" },
        { value: 7, label: "7 problems" },
      ],
    },
    { id: "3", label: "Worried food would run out, past 12 months", loinc: "88122-7", options: FOOD },
    { id: "4", label: "Food bought didn't last, past 12 months", loinc: "88123-5", options: FOOD },
    {
      id: "5",
      label: "Lack of reliable transportation kept you from appointments, work or daily needs, past 12 months",
      loinc: "93030-5",
      options: [
        { value: 1, label: "Yes", loinc: "LA33-6" },
        { value: 0, label: "No", loinc: "LA32-8" },
      ],
    },
    {
      id: "6",
      label: "Utility company threatened to shut off services, past 12 months",
      loinc: "96779-4",
      options: [
        { value: 1, label: "Yes", loinc: "LA33-6" },
        { value: 0, label: "No", loinc: "LA32-8" },
        { value: 2, label: "Already shut off", loinc: "LA32002-0" },
      ],
    },
    { id: "7", label: "How often anyone physically hurts you", loinc: "95618-5", options: HOW_OFTEN },
    { id: "8", label: "How often anyone insults or talks down to you", loinc: "95617-7", options: HOW_OFTEN },
    { id: "9", label: "How often anyone threatens you with harm", loinc: "95616-9", options: HOW_OFTEN },
    { id: "10", label: "How often anyone screams or curses at you", loinc: "95615-1", options: HOW_OFTEN },
  ],
  score: null,
  subscales: [
    {
      id: "livingSituation",
      label: "living situation need (items 1–2)",
      items: ["1", "2"],
      method: "rules",
      range: [0, 1],
      rules: [
        {
          when: {
            any: [
              { item: "1", op: ">=", value: 1 },
              { item: "2", op: ">=", value: 1 },
            ],
          },
          value: 1,
        },
        { value: 0 },
      ],
      missing: {
        kind: "computed",
        description: "1 as soon as one answered item is positive; 0 only when both are answered and neither is",
        source: "design",
      },
      source: "phenx",
    },
    {
      id: "food",
      label: "food need (items 3–4)",
      items: ["3", "4"],
      method: "rules",
      range: [0, 1],
      rules: [
        {
          when: {
            any: [
              { item: "3", op: ">=", value: 1 },
              { item: "4", op: ">=", value: 1 },
            ],
          },
          value: 1,
        },
        { value: 0 },
      ],
      missing: {
        kind: "computed",
        description: "1 as soon as one answered item is positive; 0 only when both are answered and neither is",
        source: "design",
      },
      source: "nysig",
    },
    {
      id: "transportation",
      label: "transportation need (item 5)",
      items: ["5"],
      method: "rules",
      range: [0, 1],
      rules: [{ when: { item: "5", op: "==", value: 1 }, value: 1 }, { value: 0 }],
      missing: { kind: "computed", description: "its one item is required", source: "design" },
      source: "nysig",
    },
    {
      id: "utilities",
      label: "utilities need (item 6)",
      items: ["6"],
      method: "rules",
      range: [0, 1],
      rules: [{ when: { item: "6", op: ">=", value: 1 }, value: 1 }, { value: 0 }],
      missing: { kind: "computed", description: "its one item is required", source: "design" },
      source: "nysig",
    },
    {
      id: "safetyScore",
      label: "safety score (items 7–10)",
      items: ["7", "8", "9", "10"],
      method: "sum",
      range: [4, 20],
      missing: { kind: "strict", source: "nysig" },
      source: "nysig",
    },
    {
      id: "safety",
      label: "interpersonal safety need (safety score 11 or more)",
      items: ["7", "8", "9", "10"],
      method: "rules",
      range: [0, 1],
      rules: [{ when: { scale: "safetyScore", op: ">=", value: 11 }, value: 1 }, { value: 0 }],
      missing: {
        kind: "computed",
        description: "all 4 safety items are required, as for the safety score",
        source: "nysig",
      },
      source: "cms2017",
    },
  ],
  flags: [
    {
      id: "living-situation",
      label: "Living situation need",
      message:
        "Living situation (housing instability or problems with the place): possible unmet need — offer navigation or referral to community resources.",
      when: { scale: "livingSituation", op: ">=", value: 1 },
      source: "phenx",
    },
    {
      id: "food-insecurity",
      label: "Food insecurity",
      message: "Food insecurity: possible unmet need — offer navigation or referral to community resources.",
      when: { scale: "food", op: ">=", value: 1 },
      source: "nysig",
    },
    {
      id: "transportation",
      label: "Transportation need",
      message: "Transportation: possible unmet need — offer navigation or referral to community resources.",
      when: { scale: "transportation", op: ">=", value: 1 },
      source: "nysig",
    },
    {
      id: "utilities",
      label: "Utilities need",
      message: "Utilities: possible unmet need — offer navigation or referral to community resources.",
      when: { scale: "utilities", op: ">=", value: 1 },
      source: "nysig",
    },
    {
      id: "interpersonal-safety",
      label: "Interpersonal safety: safety score 11 or more",
      message:
        "Safety score of 11 or more: the person may not be safe. Follow the local safety protocol (a private conversation, safety planning, referral to domestic-violence services).",
      when: { scale: "safetyScore", op: ">=", value: 11 },
      source: "nysig",
    },
  ],
  notes: [
    "The 2021 version of the core questions is specified (the one LOINC 96777-8 encodes); the 2017 version words items 1 and 5 differently and orders their options otherwise.",
    "Values are the library's codes, documented per option, not the printed order: items 3–4 print often, sometimes, never (values 2, 1, 0) and item 6 prints yes, no, already shut off (values 1, 0, 2). The safety items keep their printed 1–5 values, whose sum is the safety score.",
    "Item 2 is check-all-that-apply on the form; the library takes the number of problems checked (0 = 'none of the above'), and carries no LOINC question code for it: 96778-6 is the multi-select question, whose answers are the problems themselves, not a count. Only the 'none of the above' answer (LA9-3) is coded. Unverified: whether CMS treats item 2 as a domain of its own; the sheet's separate housingInstability (item 1) and housingQuality (item 2) scales are not given.",
    "Positive answers as listed by the NYS SHIN-NY IG (the 'underlined' answers) and the PhenX protocol. For the two-item domains (living situation, food), no CMS rule for unanswered items was read: a domain is 1 as soon as an answered item is positive, 0 only when both items are answered and neither is, and null otherwise. Single-item domains are null when their item is unanswered; the safety score needs all four safety items (NYS IG).",
    "Unverified: the 2021 guide's section 2.4 (scoring procedures) was not read; the terms of HITS, PRAPARE and the Hunger Vital Sign were not checked, so no question wording is shipped.",
    "LOINC: the panel 96777-8 and the question and answer codes are as the NYS IG lists them. The safety score's code 95614-4 is documented here but not emitted: a subscale carries no LOINC code in this model. There is no total score, so none is emitted for the panel.",
    "The interpersonal-safety flag follows CMS and the NYS IG (a summed score above 10); its message points to the local safety protocol rather than a generic referral.",
  ],
} as const satisfies InstrumentDefinition;
