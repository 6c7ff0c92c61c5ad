import { BAO_2016, FOCUS_2023, IAPT, KOUNALI_2022, KROENKE_2001, PHQSCREENERS } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of the items (LOINC answer list LL358-3). */
const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

/**
 * Patient Health Questionnaire-9 (PHQ-9): depression severity over the last two weeks.
 *
 * Nine items scored 0–3 (total 0–27) and an optional tenth, the functional-difficulty item, which is
 * recorded but never summed. Any answer above "Not at all" on item 9 raises the `self-harm` flag,
 * whatever the total and even when other items are missing. By default every item is required; the
 * `cms-mds` option prorates one or two missing items as the CMS MDS 3.0 does.
 *
 * @example
 * ```ts
 * score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).band?.id; // "moderate" (total 12)
 * score(phq9, [2, 2, 1, 1, 0, 1, 2, 1, null], { missing: "cms-mds" }).score; // 11 (10 × 9/8, prorated)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/11556941/ | Kroenke, Spitzer & Williams 2001}
 * @category Depression
 */
export const phq9 = {
  id: "phq9",
  title: "Patient Health Questionnaire-9",
  shortTitle: "PHQ-9",
  version: "1.0.0",
  domain: "depression",
  description: "Severity of depressive symptoms over the last two weeks.",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  // The instruction stem as printed on the form (phqscreeners.com).
  instructions: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  references: {
    kroenke2001: KROENKE_2001,
    cmsMds: {
      text: "Centers for Medicare & Medicaid Services. MDS 3.0 Data Specifications, edit -3587 for item D0300 (PHQ-9 total severity score).",
      note: "One missing item: sum × 9/8; two: sum × 9/7; rounded to the nearest integer; three or more: not scored. The rounding edit it refers to (-9013) was not read: halves are rounded up.",
    },
    item9: FOCUS_2023,
    phqscreeners: PHQSCREENERS,
    lowe2004: {
      text: "Löwe B, Unützer J, Callahan CM, Perkins AJ, Kroenke K. Monitoring depression treatment outcomes with the Patient Health Questionnaire-9. Med Care 2004;42(12):1194–1201.",
      pmid: "15550799",
      doi: "10.1097/00005650-200412000-00006",
      note: "Abstract: 434 patients of a late-life depression trial; retest 7 days apart; 'its minimal clinically important difference for individual change, estimated as 2 standard errors of measurement, was 5 points'. The SEM of 2.5 is derived from that sentence; the paper's own SEM and ICC were not read.",
    },
    kounali2022: KOUNALI_2022,
    iapt: IAPT,
    kocalevent2013: {
      text: "Kocalevent R-D, Hinz A, Brähler E. Standardization of the depression screener Patient Health Questionnaire (PHQ-9) in the general population. Gen Hosp Psychiatry 2013;35(5):551–555.",
      doi: "10.1016/j.genhosppsych.2013.04.006",
      note: "German general population (n = 5,018): mean 3.1 (SD 3.5) in women and 2.7 (SD 3.5) in men (from a secondary summary; the paper was not read).",
    },
    psychServ2020: {
      text: "Defining success in measurement-based care for depression: a comparison of common metrics. Psychiatr Serv 2020.",
      doi: "10.1176/appi.ps.201900295",
      note: "Abstract: the NCQA recommends response and remission for HEDIS; in 5,554 psychotherapy episodes with a baseline PHQ-9 of 10 or more, 'response (≥50% reduction in PHQ-9 score), remission (PHQ-9 score <5)'. The NQF/CBE measure 1884 likewise counts response among patients with an initial PHQ-9 above 9.",
    },
    psychServ2011: {
      text: "Psychiatric practice outcome metrics using the PHQ-9. Psychiatr Serv 2011;62:929–935.",
      note: "Response defined as a PHQ-9 below 10 (remission below 5) (from a secondary summary; the paper was not read).",
    },
    psychServ2015: BAO_2016,
  },
  licence: {
    rightsHolder: "Pfizer Inc.",
    redistributeWording: true,
    terms: "No permission is required to reproduce, translate, display or distribute the PHQ and GAD-7 screeners.",
    contact: "www.phqscreeners.com",
    attribution:
      "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
    source: "phqscreeners",
  },
  loinc: { panel: "44249-1", score: "44261-6" },
  items: [
    {
      id: "1",
      label: "Little interest or pleasure",
      text: "Little interest or pleasure in doing things",
      loinc: "44250-9",
      options: FREQUENCY,
    },
    {
      id: "2",
      label: "Feeling down, depressed or hopeless",
      text: "Feeling down, depressed, or hopeless",
      loinc: "44255-8",
      options: FREQUENCY,
    },
    {
      id: "3",
      label: "Sleep problems",
      text: "Trouble falling or staying asleep, or sleeping too much",
      loinc: "44259-0",
      options: FREQUENCY,
    },
    {
      id: "4",
      label: "Tired or little energy",
      text: "Feeling tired or having little energy",
      loinc: "44254-1",
      options: FREQUENCY,
    },
    {
      id: "5",
      label: "Poor appetite or overeating",
      text: "Poor appetite or overeating",
      loinc: "44251-7",
      options: FREQUENCY,
    },
    {
      id: "6",
      label: "Feeling bad about yourself",
      text: "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
      loinc: "44258-2",
      options: FREQUENCY,
    },
    {
      id: "7",
      label: "Trouble concentrating",
      text: "Trouble concentrating on things, such as reading the newspaper or watching television",
      loinc: "44252-5",
      options: FREQUENCY,
    },
    {
      id: "8",
      label: "Moving or speaking slowly, or restless",
      text: "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
      loinc: "44253-3",
      options: FREQUENCY,
    },
    {
      id: "9",
      label: "Thoughts of death or self-harm",
      text: "Thoughts that you would be better off dead or of hurting yourself in some way",
      loinc: "44260-8",
      options: FREQUENCY,
    },
    {
      id: "10",
      label: "Functional difficulty (not scored)",
      text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
      loinc: "69722-7",
      options: [
        // Very = LA6575-0 and Extremely = LA6574-3, as in the LHC-Forms PHQ-9; some third-party code swaps these two.
        { value: 0, label: "Not difficult at all", loinc: "LA6572-7" },
        { value: 1, label: "Somewhat difficult", loinc: "LA6573-5" },
        { value: 2, label: "Very difficult", loinc: "LA6575-0" },
        { value: 3, label: "Extremely difficult", loinc: "LA6574-3" },
      ],
      optional: true,
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    method: "sum",
    range: [0, 27],
    missing: { kind: "strict", source: "kroenke2001" },
    bands: [
      { id: "minimal", label: "Minimal", min: 0, max: 4 },
      { id: "mild", label: "Mild", min: 5, max: 9 },
      { id: "moderate", label: "Moderate", min: 10, max: 14 },
      { id: "moderately-severe", label: "Moderately severe", min: 15, max: 19 },
      { id: "severe", label: "Severe", min: 20, max: 27 },
    ],
    bandsSource: "kroenke2001",
    source: "kroenke2001",
  },
  flags: [
    {
      id: "self-harm",
      label: "Thoughts of death or self-harm (item 9)",
      message:
        "Item 9 was answered above 'Not at all': a clinician should assess suicide risk the same day, whatever the total score.",
      when: { item: "9", op: ">=", value: 1 },
      source: "item9",
      urgent: true,
    },
  ],
  missingOptions: [
    {
      id: "cms-mds",
      label: "CMS MDS 3.0: one or two missing items prorated (× 9/8 or × 9/7, nearest integer)",
      rule: { kind: "prorate", maxMissing: 2, rounding: "half-up", source: "cmsMds" },
    },
  ],
  notes: [
    "Change: the default reliable change index uses the SEM implied by Löwe 2004 (an MCID of 5 points defined as 2 SEM, so SEM 2.5 and a threshold of about 6.9 points), because its inputs come from a clinical sample and were read; IAPT's 6-point criterion (read only as quoted) and a general-population SD with an unverified retest r (about 3.9 points) are options (lowe2004, iapt, kocalevent2013).",
    "Change: response is the NCQA/HEDIS 50 % reduction by default; a follow-up below 10, and below 10 or a 50 % reduction, are options. Response and remission are judged only from a baseline of 10 or more, the population the metrics are defined for (psychServ2020).",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "lowe2004",
          label: "5 points (2 SEM; late-life depression, primary care)",
          points: 5,
          default: true,
          source: "lowe2004",
        },
        {
          id: "kounali2022",
          label: "20 % of the baseline (UK primary care, moderate baseline severity)",
          percent: 20,
          source: "kounali2022",
          note: "Derived at moderate baseline severity (21 %); milder baselines need much larger percentages.",
        },
      ],
      reliability: [
        {
          id: "lowe2004",
          label: "SEM 2.5 (Löwe 2004: 5 points = 2 SEM)",
          sem: 2.5,
          population: "late-life depression trial, 7-day retest",
          default: true,
          source: "lowe2004",
          note: "SEM derived from the abstract (5 points = 2 SEM); reliable change needs about 6.9 points.",
        },
        {
          id: "iapt",
          label: "6 points (IAPT reliable improvement)",
          threshold: 6,
          population: "NHS Talking Therapies services",
          source: "iapt",
        },
        {
          id: "general-population",
          label: "SD 3.5 (German general population), r 0.84 (Kroenke 2001)",
          sd: 3.5,
          reliability: 0.84,
          population: "general population SD; retest within 48 hours",
          source: "kocalevent2013",
          note: "The retest correlation of 0.84 is attributed to Kroenke 2001 and was not verified; a general-population SD gives a smaller threshold (about 3.9 points) than a clinical one.",
        },
      ],
      response: [
        {
          id: "halved",
          label: "50 % or greater reduction (NCQA/HEDIS)",
          anyOf: [{ kind: "improvement", unit: "percent", min: 50 }],
          baseline: { op: ">=", value: 10 },
          default: true,
          source: "psychServ2020",
        },
        {
          id: "below-10",
          label: "follow-up score below 10",
          anyOf: [{ kind: "score", op: "<", value: 10 }],
          baseline: { op: ">=", value: 10 },
          source: "psychServ2011",
          note: "Assessed only from a baseline of 10 or more (the library's choice: below that it would hold without any change).",
        },
        {
          id: "below-10-or-halved",
          label: "follow-up below 10, or a 50 % or greater reduction (MHIP)",
          anyOf: [
            { kind: "score", op: "<", value: 10 },
            { kind: "improvement", unit: "percent", min: 50 },
          ],
          baseline: { op: ">=", value: 10 },
          source: "psychServ2015",
          note: "Assessed only from a baseline of 10 or more (the library's choice, as for below-10).",
        },
      ],
      remission: [
        {
          id: "below-5",
          label: "follow-up score below 5 (NCQA/HEDIS)",
          anyOf: [{ kind: "score", op: "<", value: 5 }],
          baseline: { op: ">=", value: 10 },
          default: true,
          source: "psychServ2020",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
