import { BASTIEN_2001 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** Anchors of items 1–3 (severity of each night-time problem). */
const SEVERITY = [
  { value: 0, label: "None" },
  { value: 1, label: "Mild" },
  { value: 2, label: "Moderate" },
  { value: 3, label: "Severe" },
  { value: 4, label: "Very severe" },
] as const;

/** Anchors of item 4 (satisfaction with the current sleep pattern). */
const SATISFACTION = [
  { value: 0, label: "Very satisfied" },
  { value: 1, label: "Satisfied" },
  { value: 2, label: "Moderately satisfied" },
  { value: 3, label: "Dissatisfied" },
  { value: 4, label: "Very dissatisfied" },
] as const;

/** Anchors of items 5–7 (noticeable, worried, interfering). */
const EXTENT = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "A little" },
  { value: 2, label: "Somewhat" },
  { value: 3, label: "Much" },
  { value: 4, label: "Very much" },
] as const;

/**
 * Insomnia Severity Index (ISI): perceived severity of insomnia and its daytime impact.
 *
 * Seven items scored 0–4, summed to a total of 0–28 and banded as no clinically significant insomnia
 * (0–7), subthreshold (8–14), clinical insomnia of moderate (15–21) or severe (22–28) severity. Every item
 * is required: no rule for unanswered items has been published. The community case-finding cut-off of
 * 10 or more (Morin 2011) is available as the opt-in flag `case-finding-10`.
 *
 * Item wording is © Charles M. Morin and licensed through Mapi Research Trust; only short labels ship here.
 *
 * @example
 * ```ts
 * score(isi, [2, 2, 1, 3, 2, 3, 2]).band?.id; // "moderate" (total 15)
 * score(isi, [1, 1, 1, 2, 1, 2, 2], { flags: ["case-finding-10"] }).flags[0]?.id; // "case-finding-10" (total 10)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/11438246/ | Bastien, Vallières & Morin 2001}
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/21532953/ | Morin, Belleville, Bélanger & Ivers 2011}
 * @category Sleep
 */
export const isi = {
  id: "isi",
  title: "Insomnia Severity Index",
  shortTitle: "ISI",
  version: "1.0.0",
  domain: "sleep",
  description: "Perceived severity of insomnia symptoms and their impact on daytime functioning.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: {
    bastien2001: BASTIEN_2001,
    morin2011: {
      text: "Morin CM, Belleville G, Bélanger L, Ivers H. The Insomnia Severity Index: psychometric indicators to detect insomnia cases and evaluate treatment response. Sleep 2011;34(5):601–608.",
      pmid: "21532953",
      doi: "10.1093/sleep/34.5.601",
      note: "Abstract: 'A cutoff score of 10 was optimal (86.1% sensitivity and 87.7% specificity) for detecting insomnia cases in the community sample.'",
    },
    yang2009: {
      text: "Yang M, Morin CM, Schaefer K, Wallenstein GV. Interpreting score differences in the Insomnia Severity Index: using health-related outcomes to define the minimally important difference. Curr Med Res Opin 2009;25(10):2487–2494.",
      pmid: "19689221",
      doi: "10.1185/03007990903167415",
      note: "Abstract: eszopiclone trial in primary insomnia (n = 828); 'a 6-point reduction is recommended to represent a clinically meaningful improvement'; 6 points corresponded to 1.5 standard deviations.",
    },
    edinger2021: {
      text: "Edinger JD, Arnedt JT, Bertisch SM, et al. Behavioral and psychological treatments for chronic insomnia disorder in adults: an American Academy of Sleep Medicine systematic review, meta-analysis, and GRADE assessment. J Clin Sleep Med 2021;17(2):263–298.",
      doi: "10.5664/jcsm.8988",
      note: "Table 3, clinical significance thresholds: ISI remission '< 8 points'; ISI responder '≥ 8-point drop'. The same thresholds as Morin 2009 (JAMA), whose own wording was not read.",
    },
    dieperink2020: {
      text: "Dieperink KB, Elnegaard CM, Winther B, et al. Preliminary validation of the insomnia severity index in Danish outpatients with a medical condition. J Patient Rep Outcomes 2020;4:18.",
      pmid: "32124114",
      doi: "10.1186/s41687-020-0182-6",
      note: "Abstract: 163 outpatients retested after 2 weeks; ICC 0.90; 'Standard error of measurement was 2.52 and smallest detectable change 6.99'.",
    },
    mapi: {
      text: "Mapi Research Trust, ePROVIDE. Insomnia Severity Index (ISI): copyright and conditions of use.",
      url: "https://eprovide.mapi-trust.org/instruments/insomnia-severity-index",
      note: "'© Morin, C.M. (1993, 1996, 2000, 2006)'; distributed by Mapi Research Trust.",
    },
  },
  licence: {
    rightsHolder: "Charles M. Morin (distributed by Mapi Research Trust)",
    redistributeWording: false,
    terms:
      "© Morin C.M. (1993, 1996, 2000, 2006). Item wording may not be reproduced without permission; use and licences are arranged through Mapi Research Trust.",
    contact: "https://eprovide.mapi-trust.org",
    source: "mapi",
  },
  items: [
    { id: "1", label: "Difficulty falling asleep", options: SEVERITY },
    { id: "2", label: "Difficulty staying asleep", options: SEVERITY },
    { id: "3", label: "Waking too early", options: SEVERITY },
    { id: "4", label: "Satisfaction with current sleep pattern", options: SATISFACTION },
    { id: "5", label: "Impairment noticeable to others", options: EXTENT },
    { id: "6", label: "Worry or distress about sleep", options: EXTENT },
    { id: "7", label: "Interference with daily functioning", options: EXTENT },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7"],
    method: "sum",
    range: [0, 28],
    missing: { kind: "strict", source: "bastien2001" },
    bands: [
      { id: "none", label: "No clinically significant insomnia", min: 0, max: 7 },
      { id: "subthreshold", label: "Subthreshold insomnia", min: 8, max: 14 },
      { id: "moderate", label: "Clinical insomnia (moderate severity)", min: 15, max: 21 },
      { id: "severe", label: "Clinical insomnia (severe)", min: 22, max: 28 },
    ],
    bandsSource: "bastien2001",
    source: "bastien2001",
  },
  flags: [
    {
      id: "case-finding-10",
      label: "ISI total 10 or more (community case-finding cut-off)",
      message:
        "Total of 10 or more: the cut-off Morin 2011 found optimal for detecting insomnia in a community sample " +
        "(sensitivity 86.1 %, specificity 87.7 %). A positive screen calls for a clinical sleep assessment; it is not a diagnosis.",
      when: { scale: "total", op: ">=", value: 10 },
      source: "morin2011",
      optIn: true,
    },
  ],
  notes: [
    "Bands are those of Bastien 2001 and the form's scoring guidelines. The ≥ 10 community case-finding cut-off (Morin 2011) is an opt-in flag, not the default, because it was derived in a population sample rather than a clinic.",
    "Item order follows the widely distributed form (4 satisfaction, 5 noticeable, 6 worried, 7 interfering). The form printed with Morin 2011 orders the last four as satisfaction, interference, noticeability, worry; the total is the same either way, but map record input by content, not position, when the source form used that order.",
    "Item 4's middle anchor reads 'Moderately satisfied' on the distributed form and 'Neutral' on some versions; both score 2.",
    "No missing-data rule is published: every item is required and a missing item gives no total.",
    "Recall is the last 2 weeks on the current form; some versions ask about the last month. Scoring is the same.",
    "Change: an important change is 6 points (yang2009); Morin 2011's 8.4 points marks 'moderate' improvement and is an option. Response (a fall of 8 or more) and remission (below 8) follow the AASM review (edinger2021).",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "yang2009",
          label: "6 points (primary insomnia, drug trial)",
          points: 6,
          default: true,
          source: "yang2009",
        },
        {
          id: "morin2011",
          label: "8.4 points ('moderate improvement', independent assessor)",
          points: 8.4,
          source: "morin2011",
        },
      ],
      reliability: [
        {
          id: "dieperink2020",
          label: "SEM 2.52 (Danish medical outpatients, 2-week retest)",
          sem: 2.52,
          population: "medical outpatients",
          default: true,
          source: "dieperink2020",
          note: "Reliable change needs about 7.0 points (the published SDC is 6.99).",
        },
      ],
      response: [
        {
          id: "fall-of-8",
          label: "a fall of 8 points or more",
          anyOf: [{ kind: "improvement", unit: "points", min: 8 }],
          default: true,
          source: "edinger2021",
        },
      ],
      remission: [
        {
          id: "below-8",
          label: "follow-up score below 8",
          anyOf: [{ kind: "score", op: "<", value: 8 }],
          default: true,
          source: "edinger2021",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
