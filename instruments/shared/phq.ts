/**
 * Pieces shared by the PHQ and GAD family (PHQ-9, PHQ-8, PHQ-2, GAD-7, GAD-2): the response options with
 * their LOINC answer codes, the items, the sources and the licence. Plain literals only, each its own
 * constant and named one by one where used: a spread or an index into an array at module level would keep
 * every definition in a bundle that uses one.
 *
 * @module
 */

/** The 0–3 frequency scale of the PHQ and GAD-7 items (LOINC answer list LL358-3). */
export const FREQUENCY = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA6570-1" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

/**
 * The frequency scale as LOINC codes it for GAD-7 item 2 (68509-9, a question code LOINC shares with other
 * panels): the answer worth 2 is LA18938-3 "More days than not" there, in LOINC's GAD-7 panel 69737-5 and
 * the forms derived from it. The label stays as the GAD-7 prints it; FHIR codings carry LOINC's display.
 */
export const FREQUENCY_68509_9 = [
  { value: 0, label: "Not at all", loinc: "LA6568-5" },
  { value: 1, label: "Several days", loinc: "LA6569-3" },
  { value: 2, label: "More than half the days", loinc: "LA18938-3", loincDisplay: "More days than not" },
  { value: 3, label: "Nearly every day", loinc: "LA6571-9" },
] as const;

/**
 * The functional-difficulty item's options. Very = LA6575-0 and Extremely = LA6574-3, as in the LHC-Forms
 * PHQ-9; some third-party code swaps these two.
 */
export const DIFFICULTY = [
  { value: 0, label: "Not difficult at all", loinc: "LA6572-7" },
  { value: 1, label: "Somewhat difficult", loinc: "LA6573-5" },
  { value: 2, label: "Very difficult", loinc: "LA6575-0" },
  { value: 3, label: "Extremely difficult", loinc: "LA6574-3" },
] as const;

/** The instruction stem of the PHQ-9 and PHQ-8 as printed on the PHQ forms (phqscreeners.com). */
export const PHQ_INSTRUCTIONS = "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

/** The instruction stem of the GAD-7 as printed on its form (phqscreeners.com). */
export const GAD_INSTRUCTIONS = "Over the last 2 weeks, how often have you been bothered by the following problems?";

/** Terms of use of the PHQ and GAD-7 screeners. */
export const PHQ_LICENCE = {
  rightsHolder: "Pfizer Inc.",
  redistributeWording: true,
  terms: "No permission is required to reproduce, translate, display or distribute the PHQ and GAD-7 screeners.",
  contact: "www.phqscreeners.com",
  attribution:
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational " +
    "grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.",
  source: "phqscreeners",
} as const;

/** The statement of the PHQ terms. */
export const PHQSCREENERS = {
  text: "Pfizer Inc. Patient Health Questionnaire (PHQ) Screeners: instruction manual and terms of use.",
  url: "https://www.phqscreeners.com",
  note: "Terms as quoted in the CamCOPS documentation (phq9.rst) and the HL7 SDC PHQ-9 example.",
} as const;

/** Kroenke 2001, the PHQ-9 validation paper: items, total, severity bands. */
export const KROENKE_2001 = {
  text: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.",
  pmid: "11556941",
  doi: "10.1046/j.1525-1497.2001.016009606.x",
  note: "Scores of 5, 10, 15 and 20 represent mild, moderate, moderately severe and severe depression. The total is the sum of the nine items; the authors publish no rule for unanswered items.",
} as const;

/** Kroenke 2003, the PHQ-2 paper. */
export const KROENKE_2003 = {
  text: "Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: validity of a two-item depression screener. Med Care 2003;41(11):1284–1292.",
  pmid: "14583691",
  doi: "10.1097/01.MLR.0000093487.78664.3C",
  note: "A score of 3 or more is the recommended cut-point; a positive screen is followed by the PHQ-9.",
} as const;

/** Arroll 2010: the PHQ-2 ≥ 2 alternative cut-off. */
export const ARROLL_2010 = {
  text: "Arroll B, Goodyear-Smith F, Crengle S, et al. Validation of PHQ-2 and PHQ-9 to screen for major depression in the primary care population. Ann Fam Med 2010;8(4):348–353.",
  pmid: "20644190",
  doi: "10.1370/afm.1139",
  note: "A cut-point of 2 gives higher sensitivity and lower specificity than 3.",
} as const;

/** Kroenke 2009, the PHQ-8 paper. */
export const KROENKE_2009 = {
  text: "Kroenke K, Strine TW, Spitzer RL, Williams JBW, Berry JT, Mokdad AH. The PHQ-8 as a measure of current depression in the general population. J Affect Disord 2009;114(1–3):163–173.",
  pmid: "18752852",
  doi: "10.1016/j.jad.2008.06.026",
  note: "PHQ-9 items 1–8, scored 0–3; the PHQ-9 severity cut-points apply; 10 or more defines current depression.",
} as const;

/** Spitzer 2006, the GAD-7 paper. */
export const SPITZER_2006 = {
  text: "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097.",
  pmid: "16717171",
  doi: "10.1001/archinte.166.10.1092",
  note: "Scores of 5, 10 and 15 are the cut-points for mild, moderate and severe anxiety. The total is the sum of the seven items; no rule for unanswered items is published.",
} as const;

/** Kroenke 2007: the GAD-2. */
export const KROENKE_2007 = {
  text: "Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146(5):317–325.",
  pmid: "17339617",
  doi: "10.7326/0003-4819-146-5-200703060-00004",
  note: "GAD-2 (GAD-7 items 1–2): a score of 3 or more is the cut-point.",
} as const;

/** CMS MDS 3.0 proration of a PHQ-9 with one or two unanswered items. */
export const CMS_MDS = {
  text: "Centers for Medicare & Medicaid Services. MDS 3.0 Data Specifications, edit -3587 for item D0300 (PHQ-9 total severity score).",
  note: "One missing item: sum × 9/8; two: sum × 9/7; rounded to the nearest integer; three or more: not scored. The rounding edit it refers to (-9013) was not read: halves are rounded up.",
} as const;

/** Required handling of a positive PHQ-9 item 9. */
export const ITEM9_HANDLING = {
  text: "Screening for suicide risk: Joint Commission-approved screeners. Focus (Am Psychiatr Publ) 2023;21(1):8–17.",
  doi: "10.1176/appi.focus.20220072",
  note: "'Question 9 screens for presence and duration of suicide ideation. If yes, administer a more detailed suicide screen', regardless of the total score. A positive item 9 is not a risk level.",
} as const;

/** PHQ-9 item 1. */
export const PHQ_1 = {
  id: "1",
  label: "Little interest or pleasure",
  text: "Little interest or pleasure in doing things",
  loinc: "44250-9",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 2. */
export const PHQ_2 = {
  id: "2",
  label: "Feeling down, depressed or hopeless",
  text: "Feeling down, depressed, or hopeless",
  loinc: "44255-8",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 3 (also the PHQ-8's). */
export const PHQ_3 = {
  id: "3",
  label: "Sleep problems",
  text: "Trouble falling or staying asleep, or sleeping too much",
  loinc: "44259-0",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 4 (also the PHQ-8's). */
export const PHQ_4 = {
  id: "4",
  label: "Tired or little energy",
  text: "Feeling tired or having little energy",
  loinc: "44254-1",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 5 (also the PHQ-8's). */
export const PHQ_5 = { id: "5", label: "Poor appetite or overeating", text: "Poor appetite or overeating", loinc: "44251-7", options: FREQUENCY } as const;

/** PHQ-9 item 6 (also the PHQ-8's). */
export const PHQ_6 = {
  id: "6",
  label: "Feeling bad about yourself",
  text: "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
  loinc: "44258-2",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 7 (also the PHQ-8's). */
export const PHQ_7 = {
  id: "7",
  label: "Trouble concentrating",
  text: "Trouble concentrating on things, such as reading the newspaper or watching television",
  loinc: "44252-5",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 8 (also the PHQ-8's). */
export const PHQ_8 = {
  id: "8",
  label: "Moving or speaking slowly, or restless",
  text:
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or " +
    "restless that you have been moving around a lot more than usual",
  loinc: "44253-3",
  options: FREQUENCY,
} as const;

/** PHQ-9 item 9: thoughts of death or self-harm. */
export const PHQ_9 = {
  id: "9",
  label: "Thoughts of death or self-harm",
  text: "Thoughts that you would be better off dead or of hurting yourself in some way",
  loinc: "44260-8",
  options: FREQUENCY,
} as const;

/** The functional-difficulty question that closes the PHQ-9 and GAD-7 (never part of the total). */
export const DIFFICULTY_TEXT =
  "If you checked off any problems, how difficult have these problems made it for you to do your work, take " +
  "care of things at home, or get along with other people?";

/** GAD-7 item 1; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_1 = { id: "1", label: "Nervous, anxious or on edge", text: "Feeling nervous, anxious, or on edge", loinc: "69725-0", options: FREQUENCY } as const;

/** GAD-7 item 2; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_2 = {
  id: "2",
  label: "Not able to stop or control worrying",
  text: "Not being able to stop or control worrying",
  loinc: "68509-9",
  options: FREQUENCY_68509_9,
} as const;

/** GAD-7 item 3; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_3 = {
  id: "3",
  label: "Worrying too much",
  text: "Worrying too much about different things",
  loinc: "69733-4",
  options: FREQUENCY,
} as const;

/** GAD-7 item 4; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_4 = { id: "4", label: "Trouble relaxing", text: "Trouble relaxing", loinc: "69734-2", options: FREQUENCY } as const;

/** GAD-7 item 5; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_5 = {
  id: "5",
  label: "Restless, hard to sit still",
  text: "Being so restless that it is hard to sit still",
  loinc: "69735-9",
  options: FREQUENCY,
} as const;

/** GAD-7 item 6; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_6 = {
  id: "6",
  label: "Easily annoyed or irritable",
  text: "Becoming easily annoyed or irritable",
  loinc: "69689-8",
  options: FREQUENCY,
} as const;

/** GAD-7 item 7; LOINC codes from the HL7 Personal Health Record Format IG GAD-7 example. */
export const GAD_7 = {
  id: "7",
  label: "Afraid something awful might happen",
  text: "Feeling afraid as if something awful might happen",
  loinc: "69736-7",
  options: FREQUENCY,
} as const;

/** PHQ-9/PHQ-8 severity bands (Kroenke 2001) below "severe", whose top differs between the two. */
export const PHQ_MINIMAL = { id: "minimal", label: "Minimal", min: 0, max: 4 } as const;
/** See {@link PHQ_MINIMAL}. */
export const PHQ_MILD = { id: "mild", label: "Mild", min: 5, max: 9 } as const;
/** See {@link PHQ_MINIMAL}. */
export const PHQ_MODERATE = { id: "moderate", label: "Moderate", min: 10, max: 14 } as const;
/** See {@link PHQ_MINIMAL}. */
export const PHQ_MODERATELY_SEVERE = { id: "moderately-severe", label: "Moderately severe", min: 15, max: 19 } as const;

/** The two-item screeners' bands: 3 or more is positive. */
export const SCREEN_BANDS = [
  { id: "negative", label: "Negative screen", min: 0, max: 2 },
  { id: "positive", label: "Positive screen", min: 3, max: 6 },
] as const;
