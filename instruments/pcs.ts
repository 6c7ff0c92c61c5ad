import { SULLIVAN_MANUAL, SUZUKI_2020 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The PCS 0–4 frequency scale, as printed on the form. */
const DEGREE = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "To a slight degree" },
  { value: 2, label: "To a moderate degree" },
  { value: 3, label: "To a great degree" },
  { value: 4, label: "All the time" },
] as const;

/**
 * Pain Catastrophizing Scale (PCS): catastrophic thinking about pain (rumination, magnification,
 * helplessness).
 *
 * Thirteen items scored 0–4; the total (0–52) is their sum. Three subscales: rumination (items 8–11,
 * 0–16), magnification (items 6, 7, 13, 0–12) and helplessness (items 1–5 and 12, 0–24). A total of 30 or
 * more, the 75th percentile of the manual's chronic-pain sample, is banded `clinical`. Every item of a
 * scale is required; a missing item nulls the total and its own subscale only. Item wording is licensed
 * through Mapi Research Trust, so items carry short neutral labels.
 *
 * @example
 * ```ts
 * const r = score(pcs, [2, 3, 2, 1, 2, 3, 2, 4, 3, 3, 2, 1, 2]);
 * r.score;     // 30
 * r.band?.id;  // "clinical"
 * r.subscales; // { rumination: 12, magnification: 7, helplessness: 11 }
 * ```
 * @see {@link https://doi.org/10.1037/1040-3590.7.4.524 | Sullivan, Bishop & Pivik 1995}
 * @category Catastrophizing
 */
export const pcs = {
  id: "pcs",
  title: "Pain Catastrophizing Scale",
  shortTitle: "PCS",
  version: "1.0.0",
  domain: "catastrophizing",
  description: "Catastrophic thinking about pain: rumination, magnification and helplessness.",
  direction: "higher-is-worse",
  references: {
    sullivan1995: {
      text: "Sullivan MJL, Bishop SR, Pivik J. The Pain Catastrophizing Scale: development and validation. Psychol Assess 1995;7(4):524–532.",
      doi: "10.1037/1040-3590.7.4.524",
      note: "Thirteen items rated 0 (not at all) to 4 (all the time); principal-components analysis gave three components: rumination, magnification and helplessness. The answer labels were checked against a reprint of the form credited to this paper.",
    },
    sullivanManual: SULLIVAN_MANUAL,
    sullivanLab: {
      text: "Sullivan MJL. Pain Catastrophizing Scale (PCS): licensing. Sullivan Pain Research Lab, McGill University.",
      url: "https://sullivan-painresearch.mcgill.ca/pcs.php",
      note: "'The PCS is now licensed and distributed by Mapi Research Trust on behalf of Dr. Michael Sullivan.'",
    },
    monticone2022: {
      text: "Monticone M, Portoghese I, Rocca B, Giordano A, Campagna M, Franchignoni F. Responsiveness and minimal important change of the Pain Catastrophizing Scale in people with chronic low back pain undergoing multidisciplinary rehabilitation. Eur J Phys Rehabil Med 2022;58(1):68–75.",
      pmid: "34042409",
      doi: "10.23736/S1973-9087.21.06729-0",
      note: "Abstract: 205 patients, Italian PCS, 8-week programme. MDC 7.73 (confidence level not stated in the abstract); MIC 8 points overall and for baselines below 30 (n = 159), 11 points for baselines above 30 (n = 33). A baseline of exactly 30 is in neither subgroup.",
    },
    fernandes2012: {
      text: "Fernandes L, Storheim K, Lochting I, Grotle M. Cross-cultural adaptation and validation of the Norwegian pain catastrophizing scale in patients with low back pain. BMC Musculoskelet Disord 2012;13:111.",
      pmid: "22726668",
      doi: "10.1186/1471-2474-13-111",
      note: "Abstract: 90 patients with subacute or chronic low back pain (61 retested; mean PCS 13.6); ICC 0.74–0.87 for the total and subscales; the total 'showed a standard error of measurement of 4.6 points' with a 95 % minimum detectable change reported alongside.",
    },
    suzuki2020: SUZUKI_2020,
  },
  licence: {
    rightsHolder: "Mapi Research Trust, on behalf of Dr Michael J.L. Sullivan",
    redistributeWording: false,
    terms:
      "The PCS is licensed and distributed by Mapi Research Trust on behalf of its author. Item wording is not " +
      "shipped; obtain the questionnaire and a licence from Mapi Research Trust.",
    contact: "Mapi Research Trust (eprovide.mapi-trust.org)",
    source: "sullivanLab",
  },
  items: [
    { id: "1", label: "Worry whether the pain will end", options: DEGREE },
    { id: "2", label: "Feeling unable to go on", options: DEGREE },
    { id: "3", label: "Expecting no improvement", options: DEGREE },
    { id: "4", label: "Feeling overwhelmed", options: DEGREE },
    { id: "5", label: "Unable to stand it any longer", options: DEGREE },
    { id: "6", label: "Fear the pain will worsen", options: DEGREE },
    { id: "7", label: "Recalling other painful events", options: DEGREE },
    { id: "8", label: "Anxiously wanting the pain gone", options: DEGREE },
    { id: "9", label: "Unable to keep it out of mind", options: DEGREE },
    { id: "10", label: "Dwelling on how much it hurts", options: DEGREE },
    { id: "11", label: "Dwelling on wanting it to stop", options: DEGREE },
    { id: "12", label: "Nothing reduces the pain", options: DEGREE },
    { id: "13", label: "Worry something serious may happen", options: DEGREE },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"],
    method: "sum",
    range: [0, 52],
    missing: { kind: "strict", source: "sullivanManual" },
    bands: [
      { id: "below-threshold", label: "Below the clinical threshold", min: 0, max: 29 },
      { id: "clinical", label: "Clinically relevant catastrophizing (30 or more)", min: 30, max: 52 },
    ],
    bandsSource: "sullivanManual",
    source: "sullivanManual",
  },
  subscales: [
    {
      id: "rumination",
      label: "rumination",
      items: ["8", "9", "10", "11"],
      method: "sum",
      range: [0, 16],
      missing: { kind: "strict", source: "sullivanManual" },
      source: "sullivanManual",
    },
    {
      id: "magnification",
      label: "magnification",
      items: ["6", "7", "13"],
      method: "sum",
      range: [0, 12],
      missing: { kind: "strict", source: "sullivanManual" },
      source: "sullivanManual",
    },
    {
      id: "helplessness",
      label: "helplessness",
      items: ["1", "2", "3", "4", "5", "12"],
      method: "sum",
      range: [0, 24],
      missing: { kind: "strict", source: "sullivanManual" },
      source: "sullivanManual",
    },
  ],
  notes: [
    "Clinical band from a total of 30: the manual puts the clinically relevant level at a total of 30 (75th percentile); secondary sources disagree on the boundary ('above 30' in the Rehabilitation Measures Database, '30 or above' elsewhere). This definition counts 30 as clinical (sullivanManual).",
    "No published rule for unanswered items was found, so every item of a scale is required (strict). A missing item nulls the total and the subscale containing it; the other subscales are still scored.",
    "The manual's percentile tables (Appendix A) could not be consulted, so no percentile bands or percentile flags are offered.",
    "Change: Monticone 2022 gives an MCID of 8 points for baselines below 30 and 11 above 30; a baseline of exactly 30 was in neither subgroup, and the overall 8 points is used for it (monticone2022).",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "monticone2022",
          label: "8 points; 11 points from a baseline above 30 (chronic low back pain, rehabilitation)",
          points: 8,
          byBaseline: [{ op: ">", value: 30, points: 11 }],
          default: true,
          source: "monticone2022",
        },
        {
          id: "suzuki2020",
          label: "6.48 points (matches a 2-point change in pain)",
          points: 6.48,
          source: "suzuki2020",
          note: "Anchored to a change in pain intensity, not in catastrophizing.",
        },
      ],
      reliability: [
        {
          id: "fernandes2012",
          label: "SEM 4.6 (Norwegian low back pain)",
          sem: 4.6,
          population: "low back pain",
          default: true,
          source: "fernandes2012",
          note: "Reliable change needs about 12.8 points.",
        },
        {
          id: "monticone2022",
          label: "MDC 7.73 (Italian chronic low back pain)",
          threshold: 7.73,
          population: "chronic low back pain, rehabilitation",
          source: "monticone2022",
          note: "The abstract does not give the MDC's confidence level; it is used as a 95 % threshold.",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
