import { PHQSCREENERS } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of the items (LOINC answer list LL358-3). */
const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

/**
 * Patient Health Questionnaire-4 (PHQ-4): an ultra-brief screen for anxiety and depression over the last
 * two weeks. Four items scored 0–3: items 1–2 are the GAD-2 (anxiety subscale, 0–6), items 3–4 the PHQ-2
 * (depression subscale, 0–6); the total is 0–12, banded normal 0–2, mild 3–5, moderate 6–8, severe 9–12.
 * A subscale of 3 or more raises `anxiety-positive` or `depression-positive`. Every item is required.
 *
 * @example
 * ```ts
 * const r = score(phq4, [2, 1, 1, 2]);
 * r.score;                   // 6
 * r.band?.id;                // "moderate"
 * r.flags.map((f) => f.id);  // ["anxiety-positive", "depression-positive"]
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/19996233/ | Kroenke et al. 2009}
 * @category Anxiety
 */
export const phq4 = {
  id: "phq4",
  title: "Patient Health Questionnaire-4",
  shortTitle: "PHQ-4",
  version: "1.0.0",
  domain: "anxiety-depression",
  description: "Ultra-brief screen for anxiety and depression symptoms over the last two weeks.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: {
    kroenke2009: {
      text: "Kroenke K, Spitzer RL, Williams JBW, Löwe B. An ultra-brief screening scale for anxiety and depression: the PHQ-4. Psychosomatics 2009;50(6):613–621.",
      pmid: "19996233",
      doi: "10.1176/appi.psy.50.6.613",
      note: "Abstract (PubMed): the validated two-item screeners for depression and anxiety combined; 2,149 primary-care patients; two factors, depression and anxiety. The full text was not read; the scoring rules are taken as restated by the NINDS Common Data Element (ninds) and Löwe 2010.",
    },
    lowe2010: {
      text: "Löwe B, Wahl I, Rose M, et al. A 4-item measure of depression and anxiety: validation and standardization of the Patient Health Questionnaire-4 (PHQ-4) in the general population. J Affect Disord 2010;122(1–2):86–95.",
      doi: "10.1016/j.jad.2009.06.019",
      note: "Total bands normal (0–2), mild (3–5), moderate (6–8) and severe (9–12), as quoted by awell-score and the NINDS CDE; the paper itself was not read.",
    },
    ninds: {
      text: "National Institute of Neurological Disorders and Stroke. Common Data Elements: Patient Health Questionnaire-4 (PHQ-4), CRF F2495.",
      url: "https://www.commondataelements.ninds.nih.gov",
      note: "'Anxiety subscale = sum of items 1 and 2 … Depression subscale = sum of items 3 and 4'; total bands 'None 0-2, Mild 3-5, Moderate 6-8, Severe 9-12'; 'On each subscale, a score of 3 or greater is considered positive'. The CIRG PHQ-4 CQL logic library and the Shirley Ryan AbilityLab Rehabilitation Measures Database entry (sralab.org) state the same rules.",
    },
    phqscreeners: PHQSCREENERS,
    loincPhq4: {
      text: "LOINC 69724-3 'Patient Health Questionnaire 4 item (PHQ-4) [Reported]' (panel); 70272-0 'Patient Health Questionnaire 4 item (PHQ-4) total score [Reported]'.",
      url: "https://loinc.org/69724-3",
      note: "Read in a vendored copy of LOINC's Questionnaire http://loinc.org/q/69724-3: item order and codes 69725-0, 68509-9, 44250-9, 44255-8; answer LA18938-3 'More days than not' for value 2 of item 2; copyright 'No permission required to reproduce, translate, display or distribute' (Pfizer). The total code is also used by awell-score and the CIRG CQL. No subscale codes exist.",
    },
  },
  licence: {
    rightsHolder: "Pfizer Inc.",
    redistributeWording: true,
    terms: "No permission is required to reproduce, translate, display or distribute the PHQ screeners.",
    contact: "www.phqscreeners.com",
    attribution:
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    source: "loincPhq4",
  },
  loinc: { panel: "69724-3", score: "70272-0" },
  // Order and codes as in LOINC's Questionnaire 69724-3: anxiety first, then depression. Some public code puts
  // the two depression items the other way round; subscale membership is the same either way.
  items: [
    {
      id: "1",
      label: "Nervous, anxious or on edge",
      text: "Feeling nervous, anxious, or on edge",
      loinc: "69725-0",
      options: FREQUENCY,
    },
    {
      id: "2",
      label: "Not able to stop or control worrying",
      text: "Not being able to stop or control worrying",
      loinc: "68509-9",
      // As on the GAD-7: LOINC's answer worth 2 on 68509-9 is LA18938-3 "More days than not"; the label stays
      // as the form prints it and FHIR codings carry LOINC's display.
      options: [
        { value: 0, label: "Not at all", loinc: "LA6568-5" },
        { value: 1, label: "Several days", loinc: "LA6569-3" },
        {
          value: 2,
          label: "More than half the days",
          loinc: "LA18938-3",
          loincDisplay: "More days than not",
        },
        { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
      ],
    },
    {
      id: "3",
      label: "Little interest or pleasure",
      text: "Little interest or pleasure in doing things",
      loinc: "44250-9",
      options: FREQUENCY,
    },
    {
      id: "4",
      label: "Feeling down, depressed or hopeless",
      text: "Feeling down, depressed, or hopeless",
      loinc: "44255-8",
      options: FREQUENCY,
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4"],
    method: "sum",
    range: [0, 12],
    missing: { kind: "strict", source: "ninds" },
    bands: [
      { id: "normal", label: "Normal", min: 0, max: 2 },
      { id: "mild", label: "Mild", min: 3, max: 5 },
      { id: "moderate", label: "Moderate", min: 6, max: 8 },
      { id: "severe", label: "Severe", min: 9, max: 12 },
    ],
    bandsSource: "lowe2010",
    source: "ninds",
  },
  subscales: [
    {
      id: "anxiety",
      label: "anxiety (GAD-2)",
      items: ["1", "2"],
      method: "sum",
      range: [0, 6],
      missing: { kind: "strict", source: "ninds" },
      source: "ninds",
    },
    {
      id: "depression",
      label: "depression (PHQ-2)",
      items: ["3", "4"],
      method: "sum",
      range: [0, 6],
      missing: { kind: "strict", source: "ninds" },
      source: "ninds",
    },
  ],
  flags: [
    {
      id: "anxiety-positive",
      label: "Anxiety subscale 3 or more",
      message:
        "Anxiety subscale (items 1–2, the GAD-2) of 3 or more: a positive anxiety screen. Follow with the full GAD-7 and a clinical assessment; it is not a diagnosis.",
      when: { scale: "anxiety", op: ">=", value: 3 },
      source: "ninds",
    },
    {
      id: "depression-positive",
      label: "Depression subscale 3 or more",
      message:
        "Depression subscale (items 3–4, the PHQ-2) of 3 or more: a positive depression screen. Follow with the full PHQ-9 and a clinical assessment; it is not a diagnosis.",
      when: { scale: "depression", op: ">=", value: 3 },
      source: "ninds",
    },
  ],
  notes: [
    "Item order follows LOINC's Questionnaire 69724-3 (anxiety items 1–2, depression items 3–4), which carries Pfizer's copyright and the codes emitted. awell-score and one clinical site put 'feeling down' before 'little interest'; the subscales are the same in every source that lists anxiety first.",
    "No rule for unanswered items was found in a primary source; every item is required, as for the GAD-2 and PHQ-2, and a missing item nulls the total and its own subscale only. The DC/TMD manual's proration (at most one missing item on the total, sum × 4/3, subscales strict) is not offered: an alternative missing rule here applies to every scale, and prorating a two-item subscale is what that manual warns against.",
    "The subscale flags follow the NINDS CDE (3 or more on either subscale is positive), the cut-points of the GAD-2 and PHQ-2 themselves. A positive screen calls for the full GAD-7 or PHQ-9.",
    "LOINC has no codes for the subscales, so their Observations carry none; the total is 70272-0, never emitted for the GAD-2 or PHQ-2.",
    "No change facts (MCID, reliable change) for the PHQ-4 were found, so none are given.",
  ],
} as const satisfies InstrumentDefinition;
