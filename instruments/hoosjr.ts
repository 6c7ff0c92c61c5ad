import type { InstrumentDefinition } from "../src/types.js";

/** The five severity answers, the same for every item (LOINC answer list LL4051-0): 0 none, 4 extreme. */
const SEVERITY = [
  { value: 0, label: "None" },
  { value: 1, label: "Mild" },
  { value: 2, label: "Moderate" },
  { value: 3, label: "Severe" },
  { value: 4, label: "Extreme" },
] as const;

/**
 * Hip disability and Osteoarthritis Outcome Score for Joint Replacement (HOOS JR): hip pain and function in
 * the last week, six items from the HOOS.
 *
 * Six items rated 0 (none) to 4 (extreme). Their raw sum (0–24, higher is worse) is converted by the
 * published Hospital for Special Surgery table to an interval score from 0 (total hip disability) to 100
 * (perfect hip health): higher is better. The raw sum is reported as the subscale `raw`. Every item is
 * required (the table converts complete sums only).
 *
 * Item wording is not shipped (no licence statement found): items carry short labels only.
 *
 * @example
 * ```ts
 * score(hoosjr, [2, 2, 2, 2, 2, 2]).score; // 52.965 (raw 12)
 * ```
 * @see {@link https://p4qm.org/measures/3559 | CMS THA/TKA PRO-PM (CBE #3559)}
 * @category Disability
 */
export const hoosjr = {
  id: "hoosjr",
  title: "Hip disability and Osteoarthritis Outcome Score for Joint Replacement",
  shortTitle: "HOOS JR",
  version: "1.0.0",
  domain: "disability",
  description: "Hip pain and function in six items, as a 0–100 interval score (100 is perfect hip health).",
  direction: "higher-is-better",
  recall: "last week",
  references: {
    lyman2016: {
      text: "Lyman S, Lee YY, Franklin PD, Li W, Mayman DJ, Padgett DE. Validation of the HOOS, JR: a short-form hip replacement survey. Clin Orthop Relat Res 2016;474(6):1472–1482.",
      note: "The instrument: six HOOS items (pain 2, function 4) rated 0–4, scored by Rasch analysis to an interval score 0–100. Volume and pages are unverified (the paper was not read); items and answers as in public FHIR examples of the LOINC panel 82316-1.",
    },
    lymanLee2018: {
      text: "Lyman S, Lee YY, et al. What are the minimal and substantial improvements in the HOOS and KOOS and JR versions after total joint replacement? Clin Orthop Relat Res 2018;476(12):2432–2441.",
      note: "Cited by the CMS THA/TKA patient-reported outcome measure (cms3559) as the source of its substantial-clinical-benefit thresholds (that page prints the volume as 467, a typo). The paper itself was not read.",
    },
    cms3559: {
      text: "Centers for Medicare & Medicaid Services. Hospital-level total hip arthroplasty and/or total knee arthroplasty (THA/TKA) patient-reported outcome-based performance measure (PRO-PM), CBE #3559.",
      url: "https://p4qm.org/measures/3559",
      note: "Measure page, numerator: a patient counts as improved with a KOOS JR improvement of 20 points or more (TKA) or a HOOS JR improvement of 22 points or more (THA), from before to after surgery, the substantial clinical benefit after Lyman & Lee 2018.",
    },
    hssTables: {
      text: "Hospital for Special Surgery. KOOS JR and HOOS JR raw-sum to interval-score conversion tables (as reproduced in open-source scorers).",
      note: "The HSS scoring document itself was not read (unverified). The tables here agree to three decimals across at least four independent public implementations, one of them a unit test asserting KOOS JR 0 → 100, 28 → 0, 14 → 52.465 and 7 → 68.284. A US Core/SDC example implementation guide embeds different, near-linear tables that are not internally consistent; they are treated as erroneous.",
    },
  },
  licence: {
    rightsHolder: "Hospital for Special Surgery (derived from the HOOS, © Ewa Roos)",
    redistributeWording: false,
    terms:
      "No licence statement from the Hospital for Special Surgery was found; the HOOS it derives from is distributed free " +
      "at koos.nu. Item wording is withheld; the scoring rules and the conversion table (numeric facts) are shipped.",
    source: "hssTables",
  },
  loinc: { panel: "82316-1", score: "82323-7" },
  items: [
    { id: "1", label: "Pain: going up or down stairs", options: SEVERITY, loinc: "82317-9" },
    { id: "2", label: "Pain: walking on an uneven surface", options: SEVERITY, loinc: "82318-7" },
    { id: "3", label: "Function: rising from sitting", options: SEVERITY, loinc: "82319-5" },
    { id: "4", label: "Function: bending to the floor or picking up an object", options: SEVERITY, loinc: "82320-3" },
    {
      id: "5",
      label: "Function: lying in bed (turning over, keeping the hip in position)",
      options: SEVERITY,
      loinc: "82321-1",
    },
    { id: "6", label: "Function: sitting", options: SEVERITY, loinc: "82322-9" },
  ],
  score: {
    id: "interval",
    label: "interval score",
    items: ["1", "2", "3", "4", "5", "6"],
    method: "table",
    range: [0, 100],
    missing: { kind: "strict", source: "hssTables" },
    // Raw sum → interval score, as published by the Hospital for Special Surgery.
    table: [
      [0, 100.0],
      [1, 92.34],
      [2, 85.257],
      [3, 80.55],
      [4, 76.776],
      [5, 73.472],
      [6, 70.426],
      [7, 67.516],
      [8, 64.664],
      [9, 61.815],
      [10, 58.93],
      [11, 55.985],
      [12, 52.965],
      [13, 49.858],
      [14, 46.652],
      [15, 43.335],
      [16, 39.902],
      [17, 36.363],
      [18, 32.735],
      [19, 29.009],
      [20, 25.103],
      [21, 20.805],
      [22, 15.633],
      [23, 8.104],
      [24, 0.0],
    ],
    source: "hssTables",
  },
  subscales: [
    {
      id: "raw",
      label: "raw sum",
      items: ["1", "2", "3", "4", "5", "6"],
      method: "sum",
      range: [0, 24],
      missing: { kind: "strict", source: "hssTables" },
      source: "lyman2016",
    },
  ],
  notes: [
    "Higher is better for the interval score (100 is perfect hip health); the raw sum runs the other way (24 is the worst). " +
      "Change is judged on the interval score.",
    "The conversion table is the one independent public implementations agree on; the HSS scoring document itself was " +
      "not read (unverified). A US Core/SDC example guide embeds a different table (e.g. raw 12 → 50.760), near-linear and " +
      "internally inconsistent, treated as erroneous.",
    "No rule for unanswered items was found (unverified); every item is required, since the table converts a complete raw sum only.",
    "No bands: none are published.",
    "LOINC: the total interval score 82323-7 'Total interval score [HOOSJR]' is in an eCQM value set (2020) and in CQL code " +
      "definitions; the panel 82316-1 and the items 82317-9 to 82322-9 are from public FHIR examples and a measure list " +
      "(two independent files), not checked on loinc.org.",
    "Licence unverified: no HSS statement was found, so only short labels ship; the table is shipped as numeric facts.",
    "Change: response is the CMS PRO-PM's substantial clinical benefit, an improvement of 22 points or more (after Lyman & Lee " +
      "2018). No MCID is given: the one value seen (7.76 points, distribution-based, one 2025 study) is not a published anchor-based MCID.",
  ],
  change: {
    interval: {
      response: [
        {
          id: "cms-scb",
          label: "improvement of 22 points or more (substantial clinical benefit, CMS PRO-PM)",
          anyOf: [{ kind: "improvement", unit: "points", min: 22 }],
          default: true,
          source: "cms3559",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
