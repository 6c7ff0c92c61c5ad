import type { InstrumentDefinition } from "../src/types.js";

/** How often, over the past 3 months (items 1–2); the 0–3 values are the library's coding. */
const DAYS = [
  { value: 0, label: "Never" },
  { value: 1, label: "Some days" },
  { value: 2, label: "Most days" },
  { value: 3, label: "Every day" },
] as const;

/** The 0–10 rating of items 3–5; labels are the numbers only (the printed end anchors differ by item). */
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
 * Graded Chronic Pain Scale–Revised (GCPS-R): five items that grade chronic pain as none, mild,
 * bothersome or high-impact. Items 1–2 ask how often there was pain, and how often pain limited life or
 * work activities, over the past 3 months (0 never, 1 some days, 2 most days, 3 every day); items 3–5 rate
 * average pain intensity and interference with enjoyment of life and with general activity over the past
 * 7 days (0–10).
 *
 * The grade (0–3) is given by rules tried in order: item 1 at most 1 (pain on some days at most) → 0;
 * item 2 at least 2 (activity limited most days or every day) → 3; items 3 + 4 + 5 at least 12 → 2;
 * otherwise 1. An answer a rule needs that is missing leaves the grade null; answers no rule needs are
 * not required. The subscale `intensityInterference` is the sum of items 3–5 (0–30).
 *
 * @example
 * ```ts
 * const r = score(gcpsr, [3, 1, 5, 4, 3]);
 * r.score;      // 2
 * r.band?.id;   // "bothersome"
 * score(gcpsr, [1, null, null, null, null]).score; // 0 (pain on some days only)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/31764390/ | Von Korff et al. 2020}
 * @category Pain
 */
export const gcpsr = {
  id: "gcpsr",
  title: "Graded Chronic Pain Scale–Revised",
  shortTitle: "GCPS-R",
  version: "1.0.0",
  domain: "chronic-pain-grade",
  description:
    "Grades chronic pain as absent, mild, bothersome or high-impact from its frequency, activity limitation, intensity and interference.",
  direction: "higher-is-worse",
  recall: "past 3 months (items 1–2); past 7 days (items 3–5)",
  references: {
    vonkorff2020: {
      text: "Von Korff M, DeBar LL, Krebs EE, Kerns RD, Deyo RA, Keefe FJ. Graded chronic pain scale revised: mild, bothersome, and high-impact chronic pain. Pain 2020;161(3):651–661.",
      pmid: "31764390",
      doi: "10.1097/j.pain.0000000000001758",
      url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/",
      note: "Abstract read: 'the 5 item GCPS-R'; chronic pain = pain present most or every day in the prior 3 months; mild = lower pain intensity and interference; bothersome = moderate to severe pain intensity with lower life activities interference; high impact = sustained pain-related activity limitations. The methods and the item table were not read.",
    },
    millisecond: {
      text: "Millisecond Software. Graded Chronic Pain Scale - Revised (GCPS-R), Inquisit 7 script technical manual.",
      url: "https://www.millisecond.com/library/v7/gcps_r/gcps_r/gcps_r.manual",
      note: "States that it 'follows the algorithm outline in vonKorff et al (2020)': pain on fewer than most days → 0 (chronic pain absent); most or every day with activity limitation most or every day → 3 (high-impact); otherwise the sum of the three 0–10 ratings ≥ 12 → 2 (bothersome), else 1 (mild). Recall 3 months for items 1–2, 1 week for items 3–5. An independent implementation plan (a public file, repository not named) states the same rule.",
    },
    design: {
      text: "stepscore design choice: the missing-data rule follows from the grading rules (no published rule for unanswered items was found).",
      note: "A rule that cannot be decided because an answer it needs is missing leaves the grade null; no proration of the 0–30 sum (the rule is a threshold on it).",
    },
  },
  licence: {
    rightsHolder: "The authors (Kaiser Permanente Washington Health Research Institute)",
    redistributeWording: false,
    terms:
      "An NIH-funded paper in PubMed Central; no statement on reproducing the items or using them in software was found. The scoring rules are facts and ship; the item wording does not, pending the authors' permission.",
    source: "vonkorff2020",
  },
  items: [
    { id: "1", label: "Pain frequency, past 3 months", options: DAYS },
    { id: "2", label: "Pain-related limitation of life or work activities, past 3 months", options: DAYS },
    {
      id: "3",
      label: "Average pain intensity, past 7 days (0 no pain – 10 worst imaginable)",
      options: RATING_0_TO_10,
    },
    { id: "4", label: "Pain interference with enjoyment of life, past 7 days", options: RATING_0_TO_10 },
    { id: "5", label: "Pain interference with general activity, past 7 days", options: RATING_0_TO_10 },
  ],
  score: {
    id: "grade",
    label: "chronic pain grade",
    items: ["1", "2", "3", "4", "5"],
    method: "rules",
    range: [0, 3],
    rules: [
      { when: { item: "1", op: "<=", value: 1 }, value: 0 },
      { when: { item: "2", op: ">=", value: 2 }, value: 3 },
      { when: { scale: "intensityInterference", op: ">=", value: 12 }, value: 2 },
      { value: 1 },
    ],
    missing: {
      kind: "computed",
      description:
        "item 1 is required; item 2 when item 1 is 2 or more; items 3–5 when item 1 is 2 or more and item 2 is 1 or less (the grade is null while a rule that may apply cannot be decided)",
      source: "design",
    },
    bands: [
      { id: "no-chronic-pain", label: "No chronic pain (grade 0)", min: 0, max: 0 },
      { id: "mild", label: "Mild chronic pain (grade 1)", min: 1, max: 1 },
      { id: "bothersome", label: "Bothersome chronic pain (grade 2)", min: 2, max: 2 },
      { id: "high-impact", label: "High-impact chronic pain (grade 3)", min: 3, max: 3 },
    ],
    bandsSource: "millisecond",
    source: "millisecond",
  },
  subscales: [
    {
      id: "intensityInterference",
      label: "pain intensity and interference (items 3–5)",
      items: ["3", "4", "5"],
      method: "sum",
      range: [0, 30],
      missing: { kind: "strict", source: "design" },
      source: "millisecond",
    },
  ],
  notes: [
    "The grading rule is the Millisecond manual's, which says it follows Von Korff 2020 and states '(q3+q4+q5) >= 12 => grade 2 else grade 1' (read directly); the paper's methods were not read, so the threshold of 12 or more (a PEG mean of 4 or more) is confirmed against the manual only. One research script grades bothersome on the activity-interference item alone (≥ 4); that local variant is not followed.",
    "Grade 0 includes pain on some days: it is 'no chronic pain', not 'pain-free'.",
    "The 0–3 coding of items 1–2 (never, some days, most days, every day) is the library's; unverified against the published form. Items 3–5 are the PEG items with a 7-day recall.",
    "No published rule for unanswered items was found. The grade is null exactly when a rule that may apply cannot be decided: item 1 missing; item 1 of 2 or more with item 2 missing; items 1–2 giving neither 0 nor 3 with any of items 3–5 missing. Answers the rules do not reach are validated but ignored. No proration: the grade is a threshold on the sum.",
    "Item wording is not shipped (licence: rules only); labels are short neutral paraphrases.",
    "No LOINC panel or code for the GCPS-R was found, so none is emitted. No change facts (MCID) were found.",
  ],
} as const satisfies InstrumentDefinition;
