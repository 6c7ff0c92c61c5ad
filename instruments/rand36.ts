import type { InstrumentDefinition } from "../src/types.js";

// Each option carries the value printed beside it (1…k) and, as its score, RAND's 0–100 recode (Table 1 of
// the RAND scoring instructions): higher is better on every item.

/** Item 1: 1 Excellent … 5 Poor, recoded 100, 75, 50, 25, 0. */
const GENERAL = [
  { value: 1, label: "Excellent", score: 100 },
  { value: 2, label: "Very good", score: 75 },
  { value: 3, label: "Good", score: 50 },
  { value: 4, label: "Fair", score: 25 },
  { value: 5, label: "Poor", score: 0 },
] as const;

/** Item 2: 1 much better … 5 much worse, recoded 100, 75, 50, 25, 0. */
const CHANGE = [
  { value: 1, label: "Much better now than one year ago", score: 100 },
  { value: 2, label: "Somewhat better now than one year ago", score: 75 },
  { value: 3, label: "About the same", score: 50 },
  { value: 4, label: "Somewhat worse now than one year ago", score: 25 },
  { value: 5, label: "Much worse now than one year ago", score: 0 },
] as const;

/** Items 3–12: 1 limited a lot, 2 a little, 3 not at all, recoded 0, 50, 100. */
const LIMITED = [
  { value: 1, label: "Yes, limited a lot", score: 0 },
  { value: 2, label: "Yes, limited a little", score: 50 },
  { value: 3, label: "No, not limited at all", score: 100 },
] as const;

/** Items 13–19: 1 yes (a problem), 2 no, recoded 0, 100. */
const YES_NO = [
  { value: 1, label: "Yes", score: 0 },
  { value: 2, label: "No", score: 100 },
] as const;

/** Item 20: 1 not at all … 5 extremely, recoded 100, 75, 50, 25, 0. */
const EXTENT = [
  { value: 1, label: "Not at all", score: 100 },
  { value: 2, label: "Slightly", score: 75 },
  { value: 3, label: "Moderately", score: 50 },
  { value: 4, label: "Quite a bit", score: 25 },
  { value: 5, label: "Extremely", score: 0 },
] as const;

/** Item 21: 1 none … 6 very severe, recoded 100, 80, 60, 40, 20, 0. */
const PAIN = [
  { value: 1, label: "None", score: 100 },
  { value: 2, label: "Very mild", score: 80 },
  { value: 3, label: "Mild", score: 60 },
  { value: 4, label: "Moderate", score: 40 },
  { value: 5, label: "Severe", score: 20 },
  { value: 6, label: "Very severe", score: 0 },
] as const;

/** Item 22: 1 not at all … 5 extremely, recoded 100, 75, 50, 25, 0. */
const INTERFERENCE = [
  { value: 1, label: "Not at all", score: 100 },
  { value: 2, label: "A little bit", score: 75 },
  { value: 3, label: "Moderately", score: 50 },
  { value: 4, label: "Quite a bit", score: 25 },
  { value: 5, label: "Extremely", score: 0 },
] as const;

/** Items 23, 26, 27, 30: all of the time is best, recoded 100 … 0. */
const TIME_POSITIVE = [
  { value: 1, label: "All of the time", score: 100 },
  { value: 2, label: "Most of the time", score: 80 },
  { value: 3, label: "A good bit of the time", score: 60 },
  { value: 4, label: "Some of the time", score: 40 },
  { value: 5, label: "A little of the time", score: 20 },
  { value: 6, label: "None of the time", score: 0 },
] as const;

/** Items 24, 25, 28, 29, 31: none of the time is best, recoded 0 … 100. */
const TIME_NEGATIVE = [
  { value: 1, label: "All of the time", score: 0 },
  { value: 2, label: "Most of the time", score: 20 },
  { value: 3, label: "A good bit of the time", score: 40 },
  { value: 4, label: "Some of the time", score: 60 },
  { value: 5, label: "A little of the time", score: 80 },
  { value: 6, label: "None of the time", score: 100 },
] as const;

/** Item 32: none of the time is best, recoded 0, 25, 50, 75, 100. */
const SOCIAL_TIME = [
  { value: 1, label: "All of the time", score: 0 },
  { value: 2, label: "Most of the time", score: 25 },
  { value: 3, label: "Some of the time", score: 50 },
  { value: 4, label: "A little of the time", score: 75 },
  { value: 5, label: "None of the time", score: 100 },
] as const;

/** Items 34, 36: definitely true is best, recoded 100 … 0. */
const TRUE_POSITIVE = [
  { value: 1, label: "Definitely true", score: 100 },
  { value: 2, label: "Mostly true", score: 75 },
  { value: 3, label: "Don't know", score: 50 },
  { value: 4, label: "Mostly false", score: 25 },
  { value: 5, label: "Definitely false", score: 0 },
] as const;

/** Items 33, 35: definitely false is best, recoded 0 … 100. */
const TRUE_NEGATIVE = [
  { value: 1, label: "Definitely true", score: 0 },
  { value: 2, label: "Mostly true", score: 25 },
  { value: 3, label: "Don't know", score: 50 },
  { value: 4, label: "Mostly false", score: 75 },
  { value: 5, label: "Definitely false", score: 100 },
] as const;

/**
 * RAND 36-Item Health Survey 1.0 (RAND-36): health-related quality of life in eight domains and the change
 * in health over the past year.
 *
 * Thirty-six items, answered with the numbers printed on the form (1…k). Each answer is recoded to RAND's
 * 0–100 value (the option's score) and every scale is the mean of its answered items, 0–100, higher is
 * better: physical functioning, role limitations due to physical health and to emotional problems,
 * energy/fatigue, emotional well-being, social functioning, pain and general health. `healthChange` is
 * item 2 alone. There is no total score, and none of SF-36's norm-based summaries.
 *
 * @example
 * ```ts
 * const answers = Array(36).fill(null);
 * answers[22] = 4; // item 23 → 40
 * answers[26] = 3; // item 27 → 60
 * answers[28] = 3; // item 29 → 40
 * score(rand36, answers).subscales.energyFatigue; // 46.666… (item 31 blank)
 * ```
 * @see {@link https://www.rand.org/health/surveys_tools/mos/mos_core_36item_scoring.html | RAND scoring instructions}
 * @category Quality of life
 */
export const rand36 = {
  id: "rand36",
  title: "RAND 36-Item Health Survey 1.0",
  shortTitle: "RAND-36",
  version: "1.0.0",
  domain: "quality-of-life",
  description:
    "Health-related quality of life in eight 0–100 scales (higher is better) and the change in health over a year.",
  direction: "higher-is-better",
  recall: "past 4 weeks",
  references: {
    hays1993: {
      text: "Hays RD, Sherbourne CD, Mazel RM. The RAND 36-Item Health Survey 1.0. Health Econ 1993;2(3):217–227.",
      doi: "10.1002/hec.4730020305",
      pmid: "8275167",
      note: "Abstract: the same items as the MOS SF-36, with a 'somewhat different' recommended scoring algorithm.",
    },
    randScoring: {
      text: "RAND Health Care. 36-Item Short Form Survey (SF-36) scoring instructions.",
      url: "https://www.rand.org/health/surveys_tools/mos/mos_core_36item_scoring.html",
      note:
        "Scoring is 'a two-step process. First, precoded numeric values are recoded per the scoring key given in Table 1 … " +
        "each item is scored on a 0 to 100 range'; then items are averaged into the eight scales (Table 2). 'Items that are " +
        "left blank (missing data) are not taken into account when calculating the scale scores. Hence, scale scores " +
        "represent the average for all items in the scale that the respondent answered.' Table 1 as reproduced by " +
        "chiro.org and identical in two open-source scorers (CamCOPS, awell-score); the live RAND page was not read.",
    },
    randTerms: {
      text: "RAND. Terms and conditions for using the 36-Item Short Form Survey.",
      note:
        "'RAND hereby grants permission to use RAND 36-Item Short Form Health Survey in accordance with the following " +
        "conditions … Changes to the Health Survey may be made without the written permission of RAND. However, all such " +
        "changes shall be clearly identified as having been made by the recipient … The user of the 36-Item Health Survey " +
        "will provide a credit line … acknowledging that it was developed at RAND as part of the Medical Outcomes Study. No " +
        "further written permission is needed.' Quoted from open-source reproductions of the page (2013 and later); the live page was not read.",
    },
    chiro1994: {
      text: "Scoring the RAND 36-Item Health Survey 1.0 (worked example), after Top Clin Chiro 1994;1(1):51–59, as reproduced at chiro.org.",
      note: "Energy/fatigue with item 23 = 4 (→ 40), item 27 = 3 (→ 60), item 29 = 3 (→ 40) and item 31 blank: (40 + 60 + 40) / 3 = 46.67.",
    },
  },
  licence: {
    rightsHolder: "RAND Corporation",
    redistributeWording: true,
    terms:
      "RAND grants permission to use the survey without further written permission, provided that any change is clearly " +
      "identified as made by the user, the user accepts responsibility for translations and for the consequences of use, " +
      "and a credit line acknowledges that it was developed at RAND as part of the Medical Outcomes Study.",
    attribution: "The RAND 36-Item Health Survey 1.0 was developed at RAND as part of the Medical Outcomes Study.",
    source: "randTerms",
  },
  items: [
    { id: "1", label: "General health", options: GENERAL },
    { id: "2", label: "Health now compared with one year ago", options: CHANGE },
    { id: "3", label: "Limited in vigorous activities", options: LIMITED },
    { id: "4", label: "Limited in moderate activities", options: LIMITED },
    { id: "5", label: "Limited in lifting or carrying groceries", options: LIMITED },
    { id: "6", label: "Limited in climbing several flights of stairs", options: LIMITED },
    { id: "7", label: "Limited in climbing one flight of stairs", options: LIMITED },
    { id: "8", label: "Limited in bending, kneeling or stooping", options: LIMITED },
    { id: "9", label: "Limited in walking more than a mile", options: LIMITED },
    { id: "10", label: "Limited in walking several blocks", options: LIMITED },
    { id: "11", label: "Limited in walking one block", options: LIMITED },
    { id: "12", label: "Limited in bathing or dressing", options: LIMITED },
    { id: "13", label: "Physical health: cut down time on work or activities", options: YES_NO },
    { id: "14", label: "Physical health: accomplished less than would like", options: YES_NO },
    { id: "15", label: "Physical health: limited in the kind of work or activities", options: YES_NO },
    { id: "16", label: "Physical health: difficulty performing work or activities", options: YES_NO },
    { id: "17", label: "Emotional problems: cut down time on work or activities", options: YES_NO },
    { id: "18", label: "Emotional problems: accomplished less than would like", options: YES_NO },
    { id: "19", label: "Emotional problems: less careful than usual", options: YES_NO },
    { id: "20", label: "Extent health interfered with social activities", options: EXTENT },
    { id: "21", label: "Bodily pain", options: PAIN },
    { id: "22", label: "Pain interfered with normal work", options: INTERFERENCE },
    { id: "23", label: "Full of pep", options: TIME_POSITIVE },
    { id: "24", label: "Very nervous", options: TIME_NEGATIVE },
    { id: "25", label: "So down in the dumps nothing could cheer up", options: TIME_NEGATIVE },
    { id: "26", label: "Calm and peaceful", options: TIME_POSITIVE },
    { id: "27", label: "A lot of energy", options: TIME_POSITIVE },
    { id: "28", label: "Downhearted and blue", options: TIME_NEGATIVE },
    { id: "29", label: "Worn out", options: TIME_NEGATIVE },
    { id: "30", label: "Happy", options: TIME_POSITIVE },
    { id: "31", label: "Tired", options: TIME_NEGATIVE },
    { id: "32", label: "Time health interfered with social activities", options: SOCIAL_TIME },
    { id: "33", label: "Seem to get sick a little easier than other people", options: TRUE_NEGATIVE },
    { id: "34", label: "As healthy as anybody known", options: TRUE_POSITIVE },
    { id: "35", label: "Expect health to get worse", options: TRUE_NEGATIVE },
    { id: "36", label: "Health is excellent", options: TRUE_POSITIVE },
  ],
  score: null,
  subscales: [
    {
      id: "physicalFunctioning",
      label: "physical functioning",
      items: ["3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "roleLimitationsPhysical",
      label: "role limitations due to physical health",
      items: ["13", "14", "15", "16"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "roleLimitationsEmotional",
      label: "role limitations due to emotional problems",
      items: ["17", "18", "19"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "energyFatigue",
      label: "energy/fatigue",
      items: ["23", "27", "29", "31"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "emotionalWellbeing",
      label: "emotional well-being",
      items: ["24", "25", "26", "28", "30"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "socialFunctioning",
      label: "social functioning",
      items: ["20", "32"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "pain",
      label: "pain",
      items: ["21", "22"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "generalHealth",
      label: "general health",
      items: ["1", "33", "34", "35", "36"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
    {
      id: "healthChange",
      label: "health change",
      items: ["2"],
      method: "mean",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 1, source: "randScoring" },
      source: "randScoring",
    },
  ],
  notes: [
    "Input is the number printed beside each answer (1…k); the option's score is RAND's 0–100 recode, so a scale is the " +
      "mean of recoded values. Higher is better on every scale, including pain and role limitations.",
    "Called RAND-36 or the RAND 36-Item Health Survey 1.0, never SF-36: the same items, but RAND's scoring, not the " +
      "licensed SF-36 algorithm; no overall mean and no norm-based physical or mental summary is computed (neither is a RAND score).",
    "Missing answers: each scale is the mean of its answered items, as RAND says; RAND gives no minimum, so one answered " +
      "item is enough (a stricter share of answered items is not offered, as no source for one was found).",
    "healthChange is item 2 recoded (100 much better … 0 much worse); it belongs to no scale.",
    "Item wording is not shipped yet (the terms allow it with the credit line): items carry short labels; the answer " +
      "labels are as printed on the form (checked against one open-source reproduction, CamCOPS).",
    "No LOINC code: none was found for RAND-36 1.0 (the VR-36 and SF-36 codes name other instruments). No bands or change facts are published here.",
  ],
} as const satisfies InstrumentDefinition;
