import { PHQSCREENERS } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–2 answers of every item, with LOINC's answer codes. */
const BOTHERED = [
  { value: 0, label: "Not bothered at all", loinc: "LA18334-5" },
  { value: 1, label: "Bothered a little", loinc: "LA18335-2" },
  { value: 2, label: "Bothered a lot", loinc: "LA18336-0" },
] as const;

/**
 * Patient Health Questionnaire-15 (PHQ-15): somatic symptom severity over the past 4 weeks. Fifteen
 * symptoms rated 0–2, summed 0–30 and banded minimal 0–4, low 5–9, medium 10–14, high 15–30. Item 4
 * (menstrual problems) applies to women only: with `settings: { sex: "male" }` it is not asked and counts
 * 0, so a man's total is 0–28. Every applicable item is required; the opt-in `dctmd` rule (DC/TMD manual)
 * allows up to 5 missing and scales the sum by 15 / answered, counting a man's item 4 among the missing.
 *
 * @example
 * ```ts
 * score(phq15, new Array(15).fill(1)).band?.id;                              // "high" (15)
 * const man = [1, 1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
 * score(phq15, man, { settings: { sex: "male" } }).score;                   // 14
 * score(phq15, man, { settings: { sex: "male" }, missing: "dctmd" }).score; // 15
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/11914441/ | Kroenke et al. 2002}
 * @category Somatic symptoms
 */
export const phq15 = {
  id: "phq15",
  title: "Patient Health Questionnaire-15",
  shortTitle: "PHQ-15",
  version: "1.0.0",
  domain: "somatic-symptoms",
  description: "Severity of somatic symptoms over the past 4 weeks.",
  direction: "higher-is-worse",
  recall: "past 4 weeks",
  references: {
    kroenke2002: {
      text: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-15: validity of a new measure for evaluating the severity of somatic symptoms. Psychosom Med 2002;64(2):258–266.",
      pmid: "11914441",
      doi: "10.1097/00006842-200203000-00008",
      note: "Abstract read (scribd copy): 'each symptom scored from 0 (not bothered at all) to 2 (bothered a lot)'; 'PHQ-15 scores of 5, 10, 15, represented cutoff points for low, medium, and high somatic symptom severity'. No rule for item 4 in men was found in the abstract.",
    },
    camcops: {
      text: "Cardinal RN et al. CamCOPS: server/camcops_server/tasks/phq15.py and docs/source/tasks/phq15.rst.",
      url: "https://github.com/ucam-department-of-psychiatry/camcops",
      note: "Item order of the stand-alone English form; item 4 required only for women; the total is the sum of the answered items ('In males, maximum score is actually 28'); bands unchanged.",
    },
    dctmd: {
      text: "Ohrbach R, Knibbe W. Diagnostic Criteria for Temporomandibular Disorders (DC/TMD): scoring manual for self-report instruments, version 30 March 2021.",
      note: "As reproduced in movanr/cmdetect docs/dc-tmd/self-report-scoring-manual: up to 5 items may be missing; score = sum / (15 − missing) × 15, no rounding stated; a man's item 4 counts among the missing.",
    },
    phqscreeners: PHQSCREENERS,
    loinc: {
      text: "LOINC 69728-4 'Patient Health Questionnaire 15 item (PHQ-15) [Reported]' (panel); 70273-8 'Patient Health Questionnaire 15 item (PHQ-15) total score [Reported]'; item codes 69671-6 … 69732-6.",
      url: "https://loinc.org/69728-4",
      note: "Read in an LHC-Forms rendering of LOINC's Questionnaire 69728-4 (glow-mdsol/vulcan-soa-connectathon-37, example-qs-phq-15.fsh) and the MII PHQ-15 Questionnaire: the panel, total, item and answer codes (LA18334-5, LA18335-2, LA18336-0), and the Pfizer copyright 'No permission required to reproduce, translate, display or distribute'. LOINC orders the items as the full PHQ does (sexual intercourse fifth); codes here are mapped item by item, not by position.",
    },
  },
  licence: {
    rightsHolder: "Pfizer Inc.",
    redistributeWording: true,
    terms: "No permission is required to reproduce, translate, display or distribute the PHQ screeners.",
    contact: "www.phqscreeners.com",
    attribution:
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    source: "loinc",
  },
  loinc: { panel: "69728-4", score: "70273-8" },
  // The stand-alone English form's order (CamCOPS, mhscales.com); LOINC codes by item, not by position.
  items: [
    { id: "1", label: "Stomach pain", loinc: "69671-6", options: BOTHERED },
    { id: "2", label: "Back pain", loinc: "69672-4", options: BOTHERED },
    { id: "3", label: "Pain in arms, legs, or joints", loinc: "69673-2", options: BOTHERED },
    {
      id: "4",
      label: "Menstrual cramps or other problems with periods (women only)",
      loinc: "69674-0",
      options: BOTHERED,
    },
    { id: "5", label: "Headaches", loinc: "69675-7", options: BOTHERED },
    { id: "6", label: "Chest pain", loinc: "69676-5", options: BOTHERED },
    { id: "7", label: "Dizziness", loinc: "69677-3", options: BOTHERED },
    { id: "8", label: "Fainting spells", loinc: "69678-1", options: BOTHERED },
    { id: "9", label: "Feeling heart pound or race", loinc: "69679-9", options: BOTHERED },
    { id: "10", label: "Shortness of breath", loinc: "69680-7", options: BOTHERED },
    { id: "11", label: "Pain or problems during sexual intercourse", loinc: "69717-7", options: BOTHERED },
    { id: "12", label: "Constipation, loose bowels, or diarrhea", loinc: "69681-5", options: BOTHERED },
    { id: "13", label: "Nausea, gas, or indigestion", loinc: "69682-3", options: BOTHERED },
    { id: "14", label: "Feeling tired or having low energy", loinc: "69731-8", options: BOTHERED },
    { id: "15", label: "Trouble sleeping", loinc: "69732-6", options: BOTHERED },
  ],
  settings: [
    {
      id: "sex",
      label: "The patient's sex: item 4 (menstrual problems) does not apply to men",
      type: "enum",
      values: ["female", "male"],
      default: null,
      source: "camcops",
    },
  ],
  skips: [
    {
      when: [{ setting: "sex", is: ["male"] }],
      items: ["4"],
      counts: 0,
      ifAnswered: "rejected",
      source: "camcops",
    },
  ],
  missingOptions: [
    {
      id: "dctmd",
      label:
        "DC/TMD scoring manual: up to 5 of the 15 items missing, sum × 15 / answered, unrounded; a man's item 4 counts as missing",
      rule: { kind: "prorate", maxMissing: 5, rounding: "none", source: "dctmd" },
      notAsked: "missing",
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"],
    method: "sum",
    range: [0, 30],
    missing: { kind: "strict", source: "camcops" },
    bands: [
      { id: "minimal", label: "Minimal", min: 0, max: 4 },
      { id: "low", label: "Low", min: 5, max: 9 },
      { id: "medium", label: "Medium", min: 10, max: 14 },
      { id: "high", label: "High", min: 15, max: 30 },
    ],
    bandsSource: "kroenke2002",
    source: "kroenke2002",
  },
  notes: [
    "Bands minimal 0–4, low 5–9, medium 10–14, high 15–30 with Kroenke 2002's cut-points 5, 10 and 15 and labels; some implementations relabel them none/mild/moderate/severe.",
    "Item 4 for men: sources disagree and Kroenke 2002's abstract is silent (the full text and the Pfizer manual were not read: unverified). Default as CamCOPS and the form's 'women only': with settings.sex = 'male' item 4 is not asked and counts 0, so a man's total is the sum of the other 14 (0–28), exact and unprorated, with the same bands; it can read up to 2 points below the DC/TMD proration. The opt-in rule 'dctmd' prorates instead (up to 5 missing, sum × 15 / answered, a man's item 4 among the missing).",
    "With sex not given, item 4 applies like any item: a missing item 4 leaves the total without a score under the default rule (pass settings.sex = 'male' for a man). With sex 'male', an item 4 answered anyway with anything but 0 is rejected: the sheet's rule that an item marked not applicable must not carry an answer.",
    "Default missing rule strict on the applicable items, as CamCOPS; no published rule was found in the primary source.",
    "Flags: none. A 'three or more items bothered a lot' rule has conflicting attributions (Kroenke 2010 vs van Ravesteijn 2009) and is not shipped.",
    "LOINC panel 69728-4, total 70273-8 and item codes as in LOINC's own Questionnaire (verified in an LHC-Forms rendering); LOINC orders the items differently from the English form, so codes are given per item.",
  ],
} as const satisfies InstrumentDefinition;
