import type { ComputedScale, ComputeInput, ComputeOutput, InstrumentDefinition } from "../src/types.js";

/** The 0–10 effect scale of items 5 and 6, labelled at its ends as printed. */
const EFFECT = [
  { value: 0, label: "No effect" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
  { value: 7, label: "7" },
  { value: 8, label: "8" },
  { value: 9, label: "9" },
  { value: 10, label: "Completely prevented" },
] as const;

/**
 * Work Productivity and Activity Impairment questionnaire: General Health (WPAI:GH 2.0; the Specific
 * Health Problem version scores the same): time missed from work, impairment while working, overall work
 * impairment and impairment in regular activities because of health, in the past seven days.
 *
 * Item 1 employed (0/1); items 2–4 hours missed for health, missed for other reasons, and worked; items 5
 * and 6 the effect of health on productivity at work and on regular activities (0–10). Four percentages,
 * none primary: `absenteeism` = Q2 / (Q2 + Q4); `presenteeism` = Q5 / 10; `workProductivityLoss` = Q2 /
 * (Q2 + Q4) + (1 − Q2 / (Q2 + Q4)) × Q5 / 10; `activityImpairment` = Q6 / 10; each × 100. The work scales
 * need item 1 = 1; presenteeism also needs hours worked; a division by zero gives no score.
 *
 * @example
 * ```ts
 * score(wpai, [1, 4, 0, 36, 3, 5]).subscales;
 * // { absenteeism: 10, presenteeism: 30, workProductivityLoss: 37, activityImpairment: 50 }
 * ```
 * @see {@link http://www.reillyassociates.net/WPAI_Scoring.html | Reilly Associates: WPAI scoring}
 * @category Work
 */
export const wpai = {
  id: "wpai",
  title: "Work Productivity and Activity Impairment questionnaire: General Health",
  shortTitle: "WPAI",
  version: "1.0.0",
  domain: "work",
  description:
    "Work time missed, impairment at work, overall work impairment and activity impairment because of health, as percentages.",
  direction: "higher-is-worse",
  recall: "past seven days, not including today",
  references: {
    reilly1993: {
      text: "Reilly MC, Zbrozek AS, Dukes EM. The validity and reproducibility of a work productivity and activity impairment instrument. PharmacoEconomics 1993;4(5):353–365.",
      note: "The instrument's development and validation (as cited by the developer's site; the paper was not read).",
    },
    reillyScoring: {
      text: "Reilly Associates. WPAI scoring. http://www.reillyassociates.net/WPAI_Scoring.html",
      note:
        "Developer's page, with the same structure as the itc-ms.de WPAI:GH scoring key: absenteeism Q2/(Q2+Q4), " +
        "presenteeism Q5/10, overall work impairment Q2/(Q2+Q4)+[(1−Q2/(Q2+Q4))×(Q5/10)], activity impairment Q6/10, " +
        "multiplied by 100 for percentages; the work scores apply to those employed. The 9-item version's formulas " +
        "(items 2a–2c, 4a–4b, 5a–5b) are different and are not these.",
    },
    reillyGeneral: {
      text: "Reilly Associates. WPAI general information. http://www.reillyassociates.net/WPAI_General.html",
      note:
        "'Written permission is neither required nor provided to researchers using the WPAI; there are no fees to use " +
        "the WPAI or the translations on this website.' 'The questionnaire cannot be called the WPAI if questions or " +
        "responses are changed or questions are added or deleted.'",
    },
  },
  licence: {
    rightsHolder: "Margaret Reilly, Reilly Associates",
    redistributeWording: false,
    terms:
      "Free to use without written permission or fees (the statement addresses researchers; use in clinical or " +
      "commercial software is not confirmed). The questionnaire may not be called the WPAI if questions or responses " +
      "are changed; wording is withheld here and items carry short labels.",
    source: "reillyGeneral",
  },
  // Hours (items 2–4) run 0–168, the hours in the seven-day recall period: no more can be missed or worked.
  items: [
    {
      id: "1",
      label: "Currently employed (working for pay)",
      options: [
        { value: 0, label: "No" },
        { value: 1, label: "Yes" },
      ],
    },
    {
      id: "2",
      label: "Hours missed from work because of health problems",
      kind: "number",
      min: 0,
      max: 168,
      integer: false,
      unit: "hours",
    },
    {
      id: "3",
      label: "Hours missed from work for any other reason",
      kind: "number",
      min: 0,
      max: 168,
      integer: false,
      unit: "hours",
    },
    { id: "4", label: "Hours actually worked", kind: "number", min: 0, max: 168, integer: false, unit: "hours" },
    { id: "5", label: "Degree health affected productivity while working", options: EFFECT },
    { id: "6", label: "Degree health affected regular daily activities", options: EFFECT },
  ],
  score: null,
  subscales: [
    {
      id: "absenteeism",
      label: "absenteeism (% work time missed)",
      items: ["1", "2", "4"],
      method: "custom",
      range: [0, 100],
      missing: {
        kind: "computed",
        description:
          "items 1, 2 and 4 are required when employed; skip logic: item 1 = 0 (not employed) leaves the work scales unasked; item 4 = 0 (no hours worked) leaves item 5 unasked",
        source: "reillyScoring",
      },
      source: "reillyScoring",
    },
    {
      id: "presenteeism",
      label: "presenteeism (% impairment while working)",
      items: ["1", "4", "5"],
      method: "custom",
      range: [0, 100],
      missing: {
        kind: "computed",
        description:
          "items 1, 4 and 5 are required when employed and working; skip logic: item 1 = 0 (not employed) leaves the work scales unasked; item 4 = 0 (no hours worked) leaves item 5 unasked",
        source: "reillyScoring",
      },
      source: "reillyScoring",
    },
    {
      id: "workProductivityLoss",
      label: "work productivity loss (% overall work impairment)",
      items: ["1", "2", "4", "5"],
      method: "custom",
      range: [0, 100],
      missing: {
        kind: "computed",
        description:
          "items 1, 2 and 4 are required when employed, and item 5 when hours were worked; skip logic: item 1 = 0 (not employed) leaves the work scales unasked; item 4 = 0 (no hours worked) leaves item 5 unasked",
        source: "reillyScoring",
      },
      source: "reillyScoring",
    },
    {
      id: "activityImpairment",
      label: "activity impairment (%)",
      items: ["6"],
      method: "percent",
      range: [0, 100],
      missing: { kind: "strict", source: "reillyScoring" },
      source: "reillyScoring",
    },
  ],
  notes: [
    "No primary score: the four percentages are reported side by side, as the developer reports them. Higher is worse on each.",
    "Design choice: the three work scales are scored by this definition's compute function, not by data, because their " +
      "skip logic (item 1 = 0, item 4 = 0) and their divisions by zero need conditions and arithmetic the declarative " +
      "model does not yet have; activity impairment is a plain percentage of item 6.",
    "Skip logic as on the form: not employed (item 1 = 0) leaves items 2–5 unasked and the work scales without a score; " +
      "no hours worked (item 4 = 0) leaves item 5 unasked and presenteeism without a score. With no hours worked but " +
      "hours missed for health, absenteeism and overall work impairment are 100 (the presenteeism term is multiplied by 0). " +
      "Hours missed and worked both 0 (all time off for other reasons) leave all three work scales without a score: a " +
      "division by zero never gives a number.",
    "Overall work impairment is computed as (10 × Q2 + Q4 × Q5) × 10 / (Q2 + Q4), algebraically the published " +
      "[Q2/(Q2+Q4) + (1 − Q2/(Q2+Q4)) × Q5/10] × 100, so that whole hours give exact percentages (37, not 37.00000000000001).",
    "Missing answers: no published rule; each scale needs the items its formula uses, after the skip logic (unverified: design).",
    "Hours are 0–168 (the hours in seven days), not necessarily whole; the upper bound is a design choice (unverified).",
    "The General Health and Specific Health Problem versions (2.0) score the same; the 9-item version with separate " +
      "items for the specific problem and other health problems is a different instrument and is not this one.",
    "Licence unverified for clinical software: the developer's free-use statement addresses researchers; wording is withheld.",
    "No LOINC code was found. No bands or change facts are published here.",
  ],
  /** Computes the three work scales from items 1, 2, 4 and 5, after the skip logic. */
  compute: scoreWpai,
} as const satisfies InstrumentDefinition;

/** The work scales by the developer's formulas, after the form's skip logic. */
function scoreWpai(input: ComputeInput): ComputeOutput {
  const a = input.answers;
  const num = (id: string): number | null => {
    const v = a[id];
    return typeof v === "number" ? v : null;
  };
  const [q1, q2, q4, q5] = [num("1"), num("2"), num("4"), num("5")];
  const none = (reason: string, missing: readonly string[] = []): ComputedScale => ({ score: null, reason, missing });
  const needs = (scale: string, ids: readonly string[]): ComputedScale | null => {
    const missing = ids.filter((id) => num(id) === null);
    return missing.length === 0
      ? null
      : none(`WPAI ${scale}: item ${missing.join(", ")} not answered; the formula needs it`, missing);
  };
  if (q1 === null) {
    const unknown = none("WPAI work scales: item 1 (employed) not answered", ["1"]);
    return { scales: { absenteeism: unknown, presenteeism: unknown, workProductivityLoss: unknown } };
  }
  if (q1 === 0) {
    const skipped = none("WPAI work scales: not employed (item 1 = 0), so work is not asked about");
    return { scales: { absenteeism: skipped, presenteeism: skipped, workProductivityLoss: skipped } };
  }
  const noHours = none(
    "WPAI: no hours missed for health and none worked (items 2 + 4 = 0), so the share would divide by zero",
  );
  const absenteeism: ComputedScale =
    needs("absenteeism", ["2", "4"]) ??
    ((q2 as number) + (q4 as number) === 0
      ? noHours
      : { score: share((q2 as number) * 100, (q2 as number) + (q4 as number)) });
  const presenteeism: ComputedScale =
    needs("presenteeism", ["4"]) ??
    (q4 === 0
      ? none("WPAI presenteeism: no hours worked (item 4 = 0), so item 5 is not asked")
      : (needs("presenteeism", ["5"]) ?? { score: ((q5 as number) * 100) / 10 }));
  let workProductivityLoss: ComputedScale;
  const work = needs("work productivity loss", ["2", "4"]);
  if (work !== null) workProductivityLoss = work;
  else {
    const [h2, h4] = [q2 as number, q4 as number];
    if (h2 + h4 === 0) workProductivityLoss = noHours;
    // No hours worked (hours missed for health, so Q2 > 0): Q2/(Q2 + Q4) = 1, the presenteeism term is multiplied by 0, and item 5 is not asked.
    else if (h4 === 0) workProductivityLoss = { score: 100 };
    else
      workProductivityLoss = needs("work productivity loss", ["5"]) ?? {
        score: share((10 * h2 + h4 * (q5 as number)) * 10, h2 + h4),
      };
  }
  return { scales: { absenteeism, presenteeism, workProductivityLoss } };
}

/**
 * A percentage that is at most 100 by its algebra: rounding of hours far apart in size (1e-100 against 40)
 * can put the quotient a hair above 100, which is not a score the scale has.
 */
function share(numerator: number, denominator: number): number {
  return Math.min(100, numerator / denominator);
}
