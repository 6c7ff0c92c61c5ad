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
 * Knee injury and Osteoarthritis Outcome Score for Joint Replacement (KOOS JR): knee stiffness, pain and
 * function in the last week, seven items from the KOOS.
 *
 * Seven items rated 0 (none) to 4 (extreme). Their raw sum (0–28, higher is worse) is converted by the
 * published Hospital for Special Surgery table to an interval score from 0 (total knee disability) to 100
 * (perfect knee health): higher is better. The raw sum is reported as the subscale `raw`. Every item is
 * required (the table converts complete sums only).
 *
 * Item wording is not shipped (no licence statement found): items carry short labels only.
 *
 * @example
 * ```ts
 * score(koosjr, [2, 2, 2, 2, 2, 2, 2]).score; // 52.465 (raw 14)
 * ```
 * @see {@link https://p4qm.org/measures/3559 | CMS THA/TKA PRO-PM (CBE #3559)}
 * @category Disability
 */
export const koosjr = {
  id: "koosjr",
  title: "Knee injury and Osteoarthritis Outcome Score for Joint Replacement",
  shortTitle: "KOOS JR",
  version: "1.0.0",
  domain: "disability",
  description:
    "Knee stiffness, pain and function in seven items, as a 0–100 interval score (100 is perfect knee health).",
  direction: "higher-is-better",
  recall: "last week",
  references: {
    lyman2016: {
      text: "Lyman S, Lee YY, Franklin PD, Li W, Cross MB, Padgett DE. Validation of the KOOS, JR: a short-form knee arthroplasty outcomes survey. Clin Orthop Relat Res 2016;474(6):1461–1471.",
      note: "The instrument: seven KOOS items (stiffness 1, pain 4, function 2) rated 0–4, scored by Rasch analysis to an interval score 0–100. Volume and pages are unverified (the paper was not read); items and answers as in the LOINC panel 82324-5 rendered in public FHIR examples.",
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
    ajrr2026: {
      text: "American Joint Replacement Registry study of the anchor-based minimal clinically important difference of the KOOS JR. J Bone Joint Surg Am 2026 (abstract, as reported by sicot.org).",
      note: "Abstract only, through a secondary report: an anchor-based MCID of 14 points after total knee arthroplasty. The full reference and the paper were not read (unverified).",
    },
  },
  licence: {
    rightsHolder: "Hospital for Special Surgery (derived from the KOOS, © Ewa Roos)",
    redistributeWording: false,
    terms:
      "No licence statement from the Hospital for Special Surgery was found; the KOOS it derives from is distributed free " +
      "at koos.nu. Item wording is withheld; the scoring rules and the conversion table (numeric facts) are shipped.",
    source: "hssTables",
  },
  loinc: { panel: "82324-5", score: "82332-8" },
  items: [
    { id: "1", label: "Knee stiffness after first wakening in the morning", options: SEVERITY, loinc: "82325-2" },
    { id: "2", label: "Pain: twisting or pivoting on the knee", options: SEVERITY, loinc: "82326-0" },
    { id: "3", label: "Pain: straightening the knee fully", options: SEVERITY, loinc: "82327-8" },
    { id: "4", label: "Pain: going up or down stairs", options: SEVERITY, loinc: "82328-6" },
    { id: "5", label: "Pain: standing upright", options: SEVERITY, loinc: "82329-4" },
    { id: "6", label: "Function: rising from sitting", options: SEVERITY, loinc: "82330-2" },
    { id: "7", label: "Function: bending to the floor or picking up an object", options: SEVERITY, loinc: "82331-0" },
  ],
  score: {
    id: "interval",
    label: "interval score",
    items: ["1", "2", "3", "4", "5", "6", "7"],
    method: "table",
    range: [0, 100],
    missing: { kind: "strict", source: "hssTables" },
    // Raw sum → interval score, as published by the Hospital for Special Surgery.
    table: [
      [0, 100.0],
      [1, 91.975],
      [2, 84.6],
      [3, 79.914],
      [4, 76.332],
      [5, 73.342],
      [6, 70.704],
      [7, 68.284],
      [8, 65.994],
      [9, 63.776],
      [10, 61.583],
      [11, 59.381],
      [12, 57.14],
      [13, 54.84],
      [14, 52.465],
      [15, 50.012],
      [16, 47.487],
      [17, 44.905],
      [18, 42.281],
      [19, 39.625],
      [20, 36.931],
      [21, 34.174],
      [22, 31.307],
      [23, 28.251],
      [24, 24.875],
      [25, 20.941],
      [26, 15.939],
      [27, 8.291],
      [28, 0.0],
    ],
    source: "hssTables",
  },
  subscales: [
    {
      id: "raw",
      label: "raw sum",
      items: ["1", "2", "3", "4", "5", "6", "7"],
      method: "sum",
      range: [0, 28],
      missing: { kind: "strict", source: "hssTables" },
      source: "lyman2016",
    },
  ],
  notes: [
    "Higher is better for the interval score (100 is perfect knee health); the raw sum runs the other way (28 is the worst). " +
      "Change is judged on the interval score.",
    "The conversion table is the one four independent public implementations agree on; the HSS scoring document itself " +
      "was not read (unverified). A US Core/SDC example guide embeds a different table (e.g. raw 11 → 50.012, 26 → 0.544), " +
      "near-linear and internally inconsistent, treated as erroneous.",
    "No rule for unanswered items was found (unverified); every item is required, since the table converts a complete raw sum only.",
    "No bands: none are published.",
    "LOINC: panel 82324-5, items 82325-2 to 82331-0 and the total interval score 82332-8 'Total interval score [KOOSJR]', " +
      "as in the LHC-Forms rendering of the panel in public FHIR examples (two independent files); not checked on loinc.org. " +
      "An eCQM value set (2020) lists the panel code 82324-5 as the KOOS JR concept; the score Observation uses 82332-8 and the panel 82324-5.",
    "Licence unverified: no HSS statement was found, so only short labels ship; the table is shipped as numeric facts.",
    "Change: response is the CMS PRO-PM's substantial clinical benefit, an improvement of 20 points or more (after Lyman & Lee " +
      "2018); the MCID is the 14 points of an anchor-based registry study known from its abstract only (unverified).",
  ],
  change: {
    interval: {
      mcid: [
        {
          id: "ajrr2026",
          label: "14 points (anchor-based, after total knee arthroplasty)",
          points: 14,
          default: true,
          source: "ajrr2026",
          note: "From an abstract reported second-hand; the paper was not read.",
        },
      ],
      response: [
        {
          id: "cms-scb",
          label: "improvement of 20 points or more (substantial clinical benefit, CMS PRO-PM)",
          anyOf: [{ kind: "improvement", unit: "points", min: 20 }],
          default: true,
          source: "cms3559",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
