import { KEELE_CALCULATOR } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** Items 1–8: disagree scores 0, agree scores 1. */
const AGREE = [
  { value: 0, label: "Disagree" },
  { value: 1, label: "Agree" },
] as const;

/**
 * Keele STarT Back Screening Tool (9-item): risk of persistent disabling low back pain, for matching
 * patients to stratified care.
 *
 * Items 1–8 are answered disagree (0) or agree (1). Item 9, bothersomeness, has five options passed as
 * 0–4 (not at all, slightly, moderately, very much, extremely); only "very much" and "extremely" count,
 * as 1. The total (items 1–9) runs 0–9 and the psychosocial subscale (items 5–9) 0–5. Keele's
 * classification: total 3 or less is low risk; otherwise a psychosocial score of 3 or less is medium
 * risk and 4 or more is high risk. Every item is required.
 *
 * Item wording is © Keele University and is not shipped: items carry short labels only.
 *
 * @example
 * ```ts
 * const r = score(startback, [1, 0, 1, 1, 1, 0, 1, 1, 3]); // item 9 "very much"
 * r.score;                  // 7
 * r.subscales.psychosocial; // 4
 * r.band?.id;               // "high"
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/18438893/ | Hill et al. 2008}
 * @see {@link https://startback.hfac.keele.ac.uk/training/resources/startback-online/ | Keele online calculator}
 * @category Risk
 */
export const startback = {
  id: "startback",
  title: "Keele STarT Back Screening Tool",
  shortTitle: "STarT Back",
  version: "1.2.0",
  domain: "risk",
  description:
    "Screens people with low back pain for physical and psychosocial indicators of a poor prognosis and " +
    "classifies them as low, medium or high risk.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: {
    hill2008: {
      text: "Hill JC, Dunn KM, Lewis M, Mullis R, Main CJ, Foster NE, Hay EM. A primary care back pain screening tool: identifying patient subgroups for initial treatment. Arthritis Rheum 2008;59(5):632–641.",
      pmid: "18438893",
      doi: "10.1002/art.23563",
      note:
        "Abstract: nine items (referred leg pain, comorbid pain, disability (2 items), bothersomeness, catastrophizing, " +
        "fear, anxiety, depression); the last five form the psychosocial subscale. Total 0–3 is low risk; 4 or 5 on the " +
        "psychosocial subscale is high risk; the remainder medium risk. The authors publish no rule for unanswered items.",
    },
    keeleCalculator: KEELE_CALCULATOR,
    keeleScoring: {
      text: "Keele University. Using and scoring the Keele STarT Back Screening Tool.",
      note:
        "The distress (psychosocial) subscale adds the last five items; the bothersomeness item counts as positive for " +
        "'very much' or 'extremely' only. Read in a public mirror of the Keele handout, not on a Keele page.",
    },
    keeleTerms: {
      text: "Keele University. STarT Back: legal and copyright statement.",
      url: "https://startback.hfac.keele.ac.uk/privacy-policy/",
      note:
        "'Copyright (©2021) University of Keele. No license is required for non-commercial use.' Commercial " +
        "incorporation: contact the Keele University Impact Accelerator Unit. An older Keele page said the tool was " +
        "free and open to all.",
    },
    loincStartback: {
      text: "LOINC 91349-1 'STarT Back Screening Tool panel'; 91351-7 'Total score [STarT Back]'; items 91340-0 to 91348-3.",
      url: "https://loinc.org/91349-1",
      note:
        "91351-7 in AHRQ-CDS/AHRQ-CDS-Connect-PAIN-MANAGEMENT-SUMMARY src/cql/r4/FactorsToConsiderInManagingChronicPainFHIRv401.cql " +
        "(f9f63c6c); loinc.org's page for panel 91349-1 (2.77) lists questions 91340-0 … 91348-3 in the form's order.",
    },
  },
  licence: {
    rightsHolder: "Keele University",
    redistributeWording: false,
    terms:
      "No licence is required for non-commercial use. Incorporating the tool in any way into commercial product " +
      "materials needs Keele University's advice or agreement, so the item wording is not shipped.",
    contact: "Keele University Impact Accelerator Unit (startback.hfac.keele.ac.uk)",
    attribution:
      "Keele STarT Back Screening Tool, copyright Keele University; part-funded by Arthritis Research UK (now Versus Arthritis).",
    source: "keeleTerms",
  },
  loinc: { panel: "91349-1", score: "91351-7" },
  items: [
    { id: "1", label: "Back pain spread down the leg(s)", loinc: "91340-0", options: AGREE },
    { id: "2", label: "Shoulder or neck pain", loinc: "91341-8", options: AGREE },
    { id: "3", label: "Walked only short distances", loinc: "91342-6", options: AGREE },
    { id: "4", label: "Dressed more slowly", loinc: "91343-4", options: AGREE },
    { id: "5", label: "Not safe to be physically active (fear)", loinc: "91344-2", options: AGREE },
    { id: "6", label: "Worrying thoughts (anxiety)", loinc: "91345-9", options: AGREE },
    { id: "7", label: "Pain terrible, never getting better (catastrophising)", loinc: "91346-7", options: AGREE },
    { id: "8", label: "Not enjoyed things (low mood)", loinc: "91347-5", options: AGREE },
    {
      id: "9",
      label: "Bothersomeness of back pain",
      loinc: "91348-3",
      // Only the top two of five answers count (Keele scoring handout).
      options: [
        { value: 0, label: "Not at all", score: 0 },
        { value: 1, label: "Slightly", score: 0 },
        { value: 2, label: "Moderately", score: 0 },
        { value: 3, label: "Very much", score: 1 },
        { value: 4, label: "Extremely", score: 1 },
      ],
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    method: "sum",
    range: [0, 9],
    missing: { kind: "strict", source: "hill2008" },
    // Written as the Keele calculator states them; the three sets of conditions cannot overlap.
    bands: [
      { id: "low", label: "Low risk", when: [{ scale: "total", op: "<=", value: 3 }] },
      {
        id: "medium",
        label: "Medium risk",
        when: [
          { scale: "total", op: ">=", value: 4 },
          { scale: "psychosocial", op: "<=", value: 3 },
        ],
      },
      {
        id: "high",
        label: "High risk",
        when: [
          { scale: "total", op: ">=", value: 4 },
          { scale: "psychosocial", op: ">=", value: 4 },
        ],
      },
    ],
    bandsSource: "keeleCalculator",
    source: "hill2008",
  },
  subscales: [
    {
      id: "psychosocial",
      label: "psychosocial subscale",
      items: ["5", "6", "7", "8", "9"],
      method: "sum",
      range: [0, 5],
      missing: { kind: "strict", source: "hill2008" },
      source: "keeleScoring",
    },
  ],
  notes: [
    "Psychosocial subscale = items 5–9, the last five (fear, anxiety, catastrophising, low mood, bothersomeness), as " +
      "Hill 2008, the Keele handout and the Keele calculator ('sub score Q5–9') say. The Rehabilitation Measures Database " +
      "and the 2012 JOSPT low back pain guideline list items 1, 4, 7, 8 and 9, which does not match the Keele form's numbering.",
    "Item 9 is passed as its position 0–4 (not at all … extremely) and scored 0, 0, 0, 1, 1 (Keele scoring handout). Data " +
      "holding item 9 already dichotomised must be converted first: a stored 1 would otherwise be read as 'slightly' and score 0.",
    "Hill 2008 (total 0–3 low; psychosocial 4–5 high; the rest medium) and the Keele calculator (total ≤ 3 low; total ≥ 4 " +
      "with psychosocial ≤ 3 medium, ≥ 4 high) classify every answer set alike, because the psychosocial score never " +
      "exceeds the total.",
    "No rule for unanswered items is published; every item is required and an incomplete form is not classified.",
    "The 6-item variant (items 2, 5 and 6 removed; total ≤ 2 low) is a different instrument and is not scored here.",
    "Licence: Keele's current statement (2021) allows non-commercial use without a licence and asks commercial users to " +
      "contact Keele; an older page said 'free and open to all'. The stricter current terms are followed.",
    "LOINC (loincStartback): question codes 91340-0 … 91348-3, sent without a display (LOINC's is Keele's wording); no " +
      "LOINC answer codes were seen. The distress subscore 91350-9 and risk level 91352-5 are not emitted.",
  ],
} as const satisfies InstrumentDefinition;
