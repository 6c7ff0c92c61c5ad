import { ABBOTT_2014 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The five difficulty answers, the same for every item: 0 is the most difficulty, 4 none. */
const DIFFICULTY = [
  { value: 0, label: "Extreme difficulty or unable to perform activity" },
  { value: 1, label: "Quite a bit of difficulty" },
  { value: 2, label: "Moderate difficulty" },
  { value: 3, label: "A little bit of difficulty" },
  { value: 4, label: "No difficulty" },
] as const;

/**
 * Lower Extremity Functional Scale (LEFS): difficulty with twenty everyday activities because of a
 * lower-limb problem, today.
 *
 * Twenty items rated 0 (extreme difficulty or unable) to 4 (no difficulty); the total is their sum, 0–80.
 * Higher is better. No severity bands are published, so none are given. Every item is required.
 *
 * Item wording is not shipped (no open licence found): items carry short labels only.
 *
 * @example
 * ```ts
 * score(lefs, Array(20).fill(3)).score; // 60
 * ```
 * @see {@link https://ptjournal.apta.org/content/79/4/371 | Binkley et al. 1999}
 * @category Disability
 */
export const lefs = {
  id: "lefs",
  title: "Lower Extremity Functional Scale",
  shortTitle: "LEFS",
  version: "1.0.0",
  domain: "disability",
  description: "Difficulty with twenty everyday activities because of a lower-limb problem, as a 0–80 sum.",
  direction: "higher-is-better",
  recall: "today",
  references: {
    binkley1999: {
      text: "Binkley JM, Stratford PW, Lott SA, Riddle DL. The Lower Extremity Functional Scale (LEFS): scale development, measurement properties, and clinical application. Phys Ther 1999;79(4):371–383.",
      url: "https://ptjournal.apta.org/content/79/4/371",
      note:
        "Abstract (journal page): 107 patients with lower-extremity musculoskeletal dysfunction; test-retest R = .94; 'The " +
        "potential error associated with a score on the LEFS at a given point in time is ±5.3 scale points (90% CI), the " +
        "minimal detectable change is 9 scale points (90% CI), and the minimal clinically important difference is 9 scale " +
        "points (90% CI)'. Twenty items rated 0–4 and summed to 0–80 as printed on the form ('Please submit the sum of " +
        "responses', score out of 80). No bands and no rule for unanswered items were found.",
    },
    abbott2014: ABBOTT_2014,
    lefsForm: {
      text: "The Lower Extremity Functional Scale form, as reprinted from Binkley et al. 1999 'with permission of the American Physical Therapy Association'.",
      note:
        "Read in public copies of the form (scribd, a clinic's site): the twenty items in this order, the five answers " +
        "0 'Extreme difficulty or unable to perform activity' to 4 'No difficulty', the stem 'Today, do you or would you " +
        "have any difficulty at all with', and the reprint-permission line. No licence for reuse of the wording was found.",
    },
  },
  licence: {
    rightsHolder:
      "Not established; published by Binkley et al. in Physical Therapy (American Physical Therapy Association); reprints of the form cite the APTA's permission",
    redistributeWording: false,
    terms:
      "No licence statement from the authors or the APTA was found; reprints of the form carry 'with permission of the " +
      "American Physical Therapy Association'. Item wording is withheld; the scoring rules are taken from the published paper.",
    source: "lefsForm",
  },
  // No LOINC code is given: the two codes seen in public code (74304-7, 72748-4) disagree and neither was confirmed.
  items: [
    { id: "1", label: "Usual work, housework or school activities", options: DIFFICULTY },
    { id: "2", label: "Usual hobbies, recreational or sporting activities", options: DIFFICULTY },
    { id: "3", label: "Getting into or out of the bath", options: DIFFICULTY },
    { id: "4", label: "Walking between rooms", options: DIFFICULTY },
    { id: "5", label: "Putting on shoes or socks", options: DIFFICULTY },
    { id: "6", label: "Squatting", options: DIFFICULTY },
    { id: "7", label: "Lifting an object from the floor", options: DIFFICULTY },
    { id: "8", label: "Light activities around the home", options: DIFFICULTY },
    { id: "9", label: "Heavy activities around the home", options: DIFFICULTY },
    { id: "10", label: "Getting into or out of a car", options: DIFFICULTY },
    { id: "11", label: "Walking 2 blocks", options: DIFFICULTY },
    { id: "12", label: "Walking a mile", options: DIFFICULTY },
    { id: "13", label: "Going up or down 10 stairs", options: DIFFICULTY },
    { id: "14", label: "Standing for 1 hour", options: DIFFICULTY },
    { id: "15", label: "Sitting for 1 hour", options: DIFFICULTY },
    { id: "16", label: "Running on even ground", options: DIFFICULTY },
    { id: "17", label: "Running on uneven ground", options: DIFFICULTY },
    { id: "18", label: "Sharp turns while running fast", options: DIFFICULTY },
    { id: "19", label: "Hopping", options: DIFFICULTY },
    { id: "20", label: "Rolling over in bed", options: DIFFICULTY },
  ],
  score: {
    id: "total",
    label: "total",
    items: [
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "15",
      "16",
      "17",
      "18",
      "19",
      "20",
    ],
    method: "sum",
    range: [0, 80],
    missing: { kind: "strict", source: "binkley1999" },
    source: "binkley1999",
  },
  notes: [
    "Higher is better: 80 is no difficulty with any activity. No item is reverse-scored.",
    "No bands: none are published; the '73/47' bands in one open-source repository have no source and are not offered.",
    "No rule for unanswered items was found (unverified: the full text of Binkley 1999 was not read); every item is " +
      "required. Reporting a percentage of the maximum over the answered items is done by some users but is not a published rule.",
    "No LOINC code: two single, conflicting claims were found in public code (74304-7 and 72748-4, the latter in a file " +
      "with codes shown to be fabricated); neither was confirmed on loinc.org, so none is emitted.",
    "Licence unverified: no statement from the authors or the APTA was found, so only short labels ship.",
    "Change: the MCID default is Binkley 1999's 9 points (90 % confidence); Abbott & Schmitt 2014's upper value, 16 " +
      "points for a large change, is an option. The reliable change index uses the standard error of measurement " +
      "derived from Binkley's '±5.3 scale points (90% CI)' for a single score: 5.3 / 1.645 = 3.22, which gives a 95 % " +
      "threshold of about 8.9 points, in line with the published MDC of 9.",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "binkley1999",
          label: "9 points (lower-extremity musculoskeletal dysfunction, physical therapy)",
          points: 9,
          default: true,
          source: "binkley1999",
        },
        {
          id: "abbott2014-large",
          label: "16 points (large change, Abbott & Schmitt 2014)",
          points: 16,
          source: "abbott2014",
          note: "The upper end of Abbott & Schmitt's 9 to 16, for a change patients rate as large; their small change matches Binkley's 9.",
        },
      ],
      reliability: [
        {
          id: "binkley1999",
          label: "SEM 3.22 (from ±5.3 points at 90 % confidence)",
          sem: 3.22,
          population: "lower-extremity musculoskeletal dysfunction, physical therapy",
          default: true,
          source: "binkley1999",
          note: "Derived, not published as such: Binkley's error of a single score, ±5.3 points at 90 % confidence, is 1.645 × SEM.",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
