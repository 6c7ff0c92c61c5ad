import { BPI_USER_GUIDE, DWORKIN_2008 } from "../src/references.js";
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

/** Said with every severity response result: IMMPACT's percentages are set for one pain rating. */
const SEVERITY_EXTENSION =
  "IMMPACT's 30 % and 50 % are for a single 0–10 pain intensity rating (usually average pain); applied here to the " +
  "mean of worst, least, average and current pain, an extension. For average pain alone, compare item 5.";

/**
 * Brief Pain Inventory, short form (BPI-SF): pain severity and pain interference, each 0–10.
 *
 * The BPI has no single total: it reports two subscales. Severity is the mean of the four severity
 * items (worst, least, average, now) and needs all four. Interference is the mean of the seven
 * interference items that were answered, and needs at least four of them.
 *
 * Item ids follow the printed short form: severity items are BPI-SF items 3, 4, 5 and 6; the
 * interference items are 9A–9G, passed as "9a" … "9g". Items 1, 2, 7 and 8 (pain today, body diagram,
 * treatments, relief) are not scored and not taken. Item wording is © Charles S. Cleeland and is not
 * shipped: items carry short labels only.
 *
 * @example
 * ```ts
 * const r = score(bpi, [8, 3, 5, 4, 6, 5, 7, null, 4, 6, 5]);
 * r.score;                  // null (no single total)
 * r.subscales.severity;     // 5
 * r.subscales.interference; // 5.5 (6 of 7 answered)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/8080219/ | Cleeland & Ryan 1994}
 * @category Pain
 */
export const bpi = {
  id: "bpi",
  title: "Brief Pain Inventory (short form)",
  shortTitle: "BPI-SF",
  version: "1.0.1",
  domain: "pain",
  description: "Pain severity (four 0–10 ratings) and how much pain interferes with seven areas of daily life (0–10).",
  direction: "higher-is-worse",
  recall: "last 24 hours (short form as published; some adaptations use the last week)",
  references: {
    dworkin2008: DWORKIN_2008,
    userGuide: BPI_USER_GUIDE,
    cleeland1994: {
      text: "Cleeland CS, Ryan KM. Pain assessment: global use of the Brief Pain Inventory. Ann Acad Med Singapore 1994;23(2):129–138.",
      pmid: "8080219",
      note: "Describes the BPI's two dimensions, pain severity (sensory) and pain interference (reactive).",
    },
    eppoc: {
      text: "Electronic Persistent Pain Outcomes Collaboration (ePPOC), Australian Health Services Research Institute. Brief Pain Inventory: scoring notes.",
      url: "https://ahsri.atlassian.net/wiki/pages/viewpage.action?pageId=20584125",
      note:
        "Severity is the average of the four severity items; the interference subscale is the average of the seven " +
        "items and needs at least 4 of 7 answered. Also lists 0–4 mild, 5–6 moderate, 7–10 severe pain bands for benchmarking.",
    },
  },
  licence: {
    rightsHolder: "Charles S. Cleeland",
    redistributeWording: false,
    terms:
      "The BPI and all its derivatives may not be used or reproduced without permission from Charles S. Cleeland, PhD, " +
      "or his designee; fees for use may apply. Item wording is not shipped.",
    contact:
      "Charles S. Cleeland, Department of Symptom Research, The University of Texas M. D. Anderson Cancer Center",
    attribution: "Brief Pain Inventory © 1991 Charles S. Cleeland, PhD. All rights reserved.",
    source: "userGuide",
  },
  items: [
    { id: "3", label: "Worst pain", options: RATING_0_TO_10 },
    { id: "4", label: "Least pain", options: RATING_0_TO_10 },
    { id: "5", label: "Average pain", options: RATING_0_TO_10 },
    { id: "6", label: "Pain right now", options: RATING_0_TO_10 },
    { id: "9a", label: "Interference: general activity", options: RATING_0_TO_10 },
    { id: "9b", label: "Interference: mood", options: RATING_0_TO_10 },
    { id: "9c", label: "Interference: walking ability", options: RATING_0_TO_10 },
    { id: "9d", label: "Interference: normal work", options: RATING_0_TO_10 },
    { id: "9e", label: "Interference: relations with other people", options: RATING_0_TO_10 },
    { id: "9f", label: "Interference: sleep", options: RATING_0_TO_10 },
    { id: "9g", label: "Interference: enjoyment of life", options: RATING_0_TO_10 },
  ],
  score: null,
  subscales: [
    {
      id: "severity",
      label: "severity",
      items: ["3", "4", "5", "6"],
      method: "mean",
      range: [0, 10],
      missing: { kind: "strict", source: "userGuide" },
      source: "userGuide",
    },
    {
      id: "interference",
      label: "interference",
      items: ["9a", "9b", "9c", "9d", "9e", "9f", "9g"],
      method: "mean",
      range: [0, 10],
      missing: { kind: "min-answered", minAnswered: 4, source: "userGuide" },
      source: "userGuide",
    },
  ],
  notes: [
    "Item ids are the BPI-SF's printed numbers: '3' worst, '4' least, '5' average, '6' now; '9a' general activity, '9b' " +
      "mood, '9c' walking ability, '9d' normal work, '9e' relations with other people, '9f' sleep, '9g' enjoyment of life. " +
      "Other BPI versions may number these items differently; map such data to these ids before scoring.",
    "Severity needs all four items: the User Guide's developers recommend that all four be used, and no minimum for a " +
      "partial severity score was found. Where a single item (worst or average) is the outcome, read it from the answers.",
    "Interference is the mean of the answered items when at least four of seven are answered (User Guide: more than " +
      "50%, or four of seven); ePPOC applies the same rule (at least 4 of 7).",
    "No severity bands are given. The 0–4 mild, 5–6 moderate, 7–10 severe bands that ePPOC uses for benchmarking single " +
      "NRS items have no source in the BPI User Guide or Cleeland & Ryan 1994, and the engine bands only a primary score, " +
      "which the BPI lacks; they are neither a default nor an option.",
    "Means are not rounded.",
    "Change: IMMPACT (dworkin2008) calls a 1-point fall in interference minimally important, and 30 % and 50 % falls in pain intensity moderately and substantially important; these are applied to the interference and severity subscales. No test-retest data were verified, so there is no reliable change index.",
    "Change: the severity responses apply IMMPACT's single-rating percentages to a four-item mean, an extension; each " +
      "result says so.",
  ],
  change: {
    interference: {
      mcid: [{ id: "immpact", label: "1 point (IMMPACT)", points: 1, default: true, source: "dworkin2008" }],
    },
    severity: {
      response: [
        {
          id: "reduced-30-percent",
          label: "30 % or greater reduction (IMMPACT: moderately important)",
          anyOf: [{ kind: "improvement", unit: "percent", min: 30 }],
          default: true,
          source: "dworkin2008",
          note: SEVERITY_EXTENSION,
        },
        {
          id: "reduced-50-percent",
          label: "50 % or greater reduction (IMMPACT: substantial)",
          anyOf: [{ kind: "improvement", unit: "percent", min: 50 }],
          source: "dworkin2008",
          note: SEVERITY_EXTENSION,
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
