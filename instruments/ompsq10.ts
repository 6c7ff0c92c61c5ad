import { LINTON_2011 } from "../src/references.js";
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
 * Örebro Musculoskeletal Pain Screening Questionnaire, short form (ÖMPSQ-10): risk of future work disability
 * in people with musculoskeletal pain.
 *
 * Item 1 is the duration of the current pain problem, one of ten categories scored 1–10. Items 2–10 are
 * answered 0–10 as circled; items 3 (light work), 4 (sleep) and 8 (chance of normal duties in 3 months)
 * are reverse-scored (10 − answer), so pass them as circled. The total is the sum, 1–100; 50 or more is
 * high risk. Every item is required.
 *
 * Item wording is not shipped (terms of use unverified): items carry short labels only.
 *
 * @example
 * ```ts
 * score(ompsq10, [7, 6, 4, 5, 7, 5, 8, 3, 6, 4]).score; // 61 (items 3, 4, 8 reversed: 6, 5, 7)
 * score(ompsq10, [7, 6, 4, 5, 7, 5, 8, 3, 6, 4]).band?.id; // "high"
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/21192286/ | Linton, Nicholas & MacDonald 2011}
 * @category Risk
 */
export const ompsq10 = {
  id: "ompsq10",
  title: "Örebro Musculoskeletal Pain Screening Questionnaire, short form",
  shortTitle: "ÖMPSQ-10",
  version: "1.0.0",
  domain: "risk",
  description:
    "Ten items on function, pain, distress, fear-avoidance beliefs and return-to-work expectancy that estimate the " +
    "risk of long-term disability and sick leave.",
  direction: "higher-is-worse",
  references: {
    linton2011: LINTON_2011,
    awellScore: {
      text: "Awell Health. awell-score, ÖMPSQ-10 calculation (src/calculation_suite/calculations/orebro/short_version).",
      url: "https://github.com/awell-health/awell-score",
      note:
        "Secondary source for the item order, the ten duration categories scored 1–10, the reverse scoring (10 − x) of " +
        "the light-work, sleep and normal-duties items, the 1–100 range and a positive screen at a total above 49. It " +
        "sums whatever items are present, which this definition does not do.",
    },
    linton2003Form: {
      text: "Linton SJ, Boersma K. Early identification of patients at risk of developing a persistent back problem: the predictive validity of the Örebro Musculoskeletal Pain Questionnaire. Clin J Pain 2003;19(2):80–86; the full questionnaire as printed with its scores (version modified for use by WorkCover NSW, with permission).",
      doi: "10.1097/00002508-200303000-00002",
      note:
        "The long form the short form's items come from, read in a public reproduction: the duration item's ten boxes are " +
        "scored 1 (0–1 week) to 10 (over 1 year), as here.",
    },
    rtwMatters: {
      text: "Return to Work Matters. Orebro: the questionnaire you need to know about.",
      url: "https://test-wcq.rtwmatters.org/article/article.php?id=1935&t=orebro-the-questionnaire-you-need-to-know-about",
      note:
        "A return-to-work practitioners' page, independent of awell-score: the ten questions in this order, a total out of " +
        "100, 'a score over 50' high risk. Items paraphrased; reverse scoring not stated.",
    },
    termsUnverified: {
      text: "No published terms of use for the ÖMPSQ-10 were found.",
      note: "The questionnaire was developed by Steven J. Linton (Örebro University) and colleagues; rights not established.",
    },
  },
  licence: {
    rightsHolder: "Not established; developed by Steven J. Linton (Örebro University) and colleagues",
    redistributeWording: false,
    terms:
      "Terms of use not verified. Item wording is withheld until the rights holder's permission is confirmed; scoring " +
      "rules are taken from the published paper and secondary sources.",
    source: "termsUnverified",
  },
  items: [
    {
      id: "1",
      label: "Duration of current pain problem",
      // The form's own categories, overlaps and gaps included (1–2 weeks, then 3–4 and 4–5 weeks).
      options: [
        { value: 1, label: "0–1 week" },
        { value: 2, label: "1–2 weeks" },
        { value: 3, label: "3–4 weeks" },
        { value: 4, label: "4–5 weeks" },
        { value: 5, label: "6–8 weeks" },
        { value: 6, label: "9–11 weeks" },
        { value: 7, label: "3–6 months" },
        { value: 8, label: "6–9 months" },
        { value: 9, label: "9–12 months" },
        { value: 10, label: "Over 1 year" },
      ],
    },
    { id: "2", label: "Pain rating, past week", options: RATING_0_TO_10 },
    { id: "3", label: "Can do light work for an hour (reverse-scored)", options: RATING_0_TO_10, reversed: true },
    { id: "4", label: "Can sleep at night (reverse-scored)", options: RATING_0_TO_10, reversed: true },
    { id: "5", label: "Tense or anxious, past week", options: RATING_0_TO_10 },
    { id: "6", label: "Bothered by feeling depressed, past week", options: RATING_0_TO_10 },
    { id: "7", label: "Risk that the pain becomes persistent", options: RATING_0_TO_10 },
    {
      id: "8",
      label: "Chance of working normal duties in 3 months (reverse-scored)",
      options: RATING_0_TO_10,
      reversed: true,
    },
    { id: "9", label: "More pain means I should stop what I am doing", options: RATING_0_TO_10 },
    { id: "10", label: "Should not do normal work with present pain", options: RATING_0_TO_10 },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
    method: "sum",
    range: [1, 100],
    missing: { kind: "strict", source: "linton2011" },
    bands: [
      { id: "low", label: "Low risk", min: 1, max: 49 },
      { id: "high", label: "High risk", min: 50, max: 100 },
    ],
    bandsSource: "linton2011",
    source: "awellScore",
  },
  notes: [
    "Cut-off: Linton 2011 reports 'a cutoff of 50'. This definition counts 50 as high risk (≥ 50), as awell-score does " +
      "(> 49). Some users read it as > 50 (e.g. a 2019 New South Wales road-traffic cohort stratified low ≤ 50, high > 50); " +
      "a total of exactly 50 is the only score on which the two readings differ.",
    "Checked against Linton 2011: only its abstract could be read (PubMed 21192286: two items from each of five " +
      "factors; 'a cutoff of 50'); the full text is paywalled. Item order: awellScore, confirmed by rtwMatters; duration " +
      "categories: the printed long form (linton2003Form); reverse-scored items 3, 4, 8 (where a higher answer is " +
      "better): awellScore alone.",
    "Item 1 is passed as its category number 1–10, never as weeks or months; the shortest duration scores 1, so the " +
      "lowest possible total is 1.",
    "No rule for unanswered items is published; every item is required. Summing only the answered items (as some " +
      "calculators do) would understate the risk and is not offered.",
  ],
} as const satisfies InstrumentDefinition;
