import { ABBOTT_2014 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–10 rating of one activity; the end labels are the form's anchor meanings, the rest are numbers. */
const ABILITY_0_TO_10 = [
  { value: 0, label: "0 (unable to perform the activity)" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
  { value: 7, label: "7" },
  { value: 8, label: "8" },
  { value: 9, label: "9" },
  { value: 10, label: "10 (able to perform at the level before the problem)" },
] as const;

/**
 * Patient-Specific Functional Scale (PSFS): the patient names up to five activities they are unable to do
 * or have difficulty with, and rates each from 0 (unable to perform) to 10 (able to perform at the level
 * before the injury or problem). The score is the mean of the rated activities, 0–10; higher is better.
 * At least one activity must be rated. No bands are published.
 *
 * The activities are the patient's own words, not items of the form: the items are the numbered rows
 * `1`…`5`, and a caller keeps each activity's name beside its rating, keyed by the same id, from visit to
 * visit. Item wording (the clinician's script) is not shipped.
 *
 * @example
 * ```ts
 * score(psfs, [3, 5, 7]).score;           // 5 (three activities rated)
 * score(psfs, { "1": 2, "3": 6 }).score;  // 4
 * ```
 * @see {@link https://www.precisionphysio.com.au/the-patient-specific-functional-scale/ | the PSFS form (Stratford et al. 1995)}
 * @category Disability
 */
export const psfs = {
  id: "psfs",
  title: "Patient-Specific Functional Scale",
  shortTitle: "PSFS",
  version: "1.0.0",
  domain: "disability",
  description:
    "Ability to perform up to five activities the patient names as limited by their problem, as a 0–10 mean.",
  direction: "higher-is-better",
  recall: "today",
  references: {
    stratford1995: {
      text: "Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: a report of a patient specific measure. Physiother Can 1995;47(4):258–263.",
      note: "The developers' paper, cited on the form; its full text was not read. The scoring rules are taken from the form (psfsForm).",
    },
    psfsForm: {
      text: "The Patient-Specific Functional Scale form (PSFS developed by Stratford, Gill, Westaway & Binkley 1995), 'Reproduced with the permission of the authors'.",
      url: "https://www.precisionphysio.com.au/the-patient-specific-functional-scale/",
      note:
        "Read in public copies of the form: activities rated 0 'Unable to perform activity' to 10 'Able to perform " +
        "activity at the same level as before injury or problem'; rows for activities 1 to 5; 'Total score = sum of the " +
        "activity scores/number of activities'; 'Minimum detectable change (90%CI) for average score = 2 points'; 'for " +
        "single activity score = 3 points'. The clinician's script asks for 'up to three' activities; the form has five rows.",
    },
    abbott2014: ABBOTT_2014,
  },
  licence: {
    rightsHolder: "Paul Stratford and co-authors (Stratford, Gill, Westaway & Binkley 1995)",
    redistributeWording: false,
    terms:
      "The form is reproduced 'with the permission of the authors'; no open licence was found. The clinician's script is " +
      "withheld; the items are the patient's own activities, and the scoring rules are taken from the form.",
    source: "psfsForm",
  },
  // No LOINC code: the "89210-7" in public code is one of a set of fabricated codes.
  items: [
    { id: "1", label: "Activity 1 (named by the patient)", options: ABILITY_0_TO_10, optional: true },
    { id: "2", label: "Activity 2 (named by the patient)", options: ABILITY_0_TO_10, optional: true },
    { id: "3", label: "Activity 3 (named by the patient)", options: ABILITY_0_TO_10, optional: true },
    { id: "4", label: "Activity 4 (named by the patient)", options: ABILITY_0_TO_10, optional: true },
    { id: "5", label: "Activity 5 (named by the patient)", options: ABILITY_0_TO_10, optional: true },
  ],
  score: {
    id: "mean",
    label: "mean activity score",
    items: ["1", "2", "3", "4", "5"],
    method: "mean",
    range: [0, 10],
    missing: { kind: "min-answered", minAnswered: 1, source: "psfsForm" },
    source: "psfsForm",
  },
  notes: [
    "The score is the mean over the activities rated, as the form says ('sum of the activity scores/number of " +
      "activities'), not over five: an activity not named or not rated is not counted. With none rated there is no score. " +
      "The mean is not rounded.",
    "Activity names are the patient's words and are not scored: the caller carries them beside the ratings, keyed by " +
      "the item ids '1'…'5' (for example a record { '1': 'Climbing stairs', … } kept with the answers). Change over time " +
      "is meaningful only for the same activities: keep each activity on the same id at every visit; renumbering or " +
      "replacing an activity breaks the comparison of single activities and changes what the mean covers.",
    "Array input may stop after the last rated activity: [3, 5, 7] rates activities 1–3. The result's method is " +
      "'partial' whenever fewer than five activities are rated: for the PSFS that is the usual case, not a sign of " +
      "incomplete data.",
    "No bands: none are published.",
    "Not PSFS 2.0 (Thoomes et al. 2024), which runs the numeric scale the other way: scores from that version must not be entered here.",
    "No LOINC code: the '89210-7 Patient-Specific Functional Scale' seen in public code belongs to a set of fabricated codes.",
    "Change: the MCID default is Abbott & Schmitt 2014's 2.3 points for a medium change; 1.3 (small) and 2.7 (large) " +
      "are options. The form's 2 points (mean) and 3 points (single activity) are minimum detectable changes at 90 % " +
      "confidence, not MCIDs; the reliable change index uses the standard error of measurement derived from the 2 " +
      "points: 2 / (1.645 × √2) = 0.86, which gives a 95 % threshold of about 2.4 points.",
  ],
  change: {
    mean: {
      mcid: [
        {
          id: "abbott2014-medium",
          label: "2.3 points (medium change, musculoskeletal disorders)",
          points: 2.3,
          default: true,
          source: "abbott2014",
        },
        {
          id: "abbott2014-small",
          label: "1.3 points (small change)",
          points: 1.3,
          source: "abbott2014",
        },
        {
          id: "abbott2014-large",
          label: "2.7 points (large change)",
          points: 2.7,
          source: "abbott2014",
        },
      ],
      reliability: [
        {
          id: "psfs-form",
          label: "SEM 0.86 (from the form's MDC of 2 points at 90 % confidence)",
          sem: 0.86,
          default: true,
          source: "psfsForm",
          note: "Derived, not published as such: the form's minimum detectable change for the mean, 2 points at 90 % confidence, is 1.645 × √2 × SEM. The population is not stated on the form.",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
