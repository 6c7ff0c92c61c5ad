import type { InstrumentDefinition } from "../src/types.js";

/** The 0–10 rating of each life-activity category (Pollard 1984: 0 no disability, 10 total disability). */
const RATING = [
  { value: 0, label: "0 (no disability)" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
  { value: 7, label: "7" },
  { value: 8, label: "8" },
  { value: 9, label: "9" },
  { value: 10, label: "10 (total disability)" },
] as const;

/**
 * Pain Disability Index (PDI): how far chronic pain disrupts seven categories of life activity.
 *
 * Each category is rated 0 (no disability) to 10 (total disability); the score is the sum, 0–70. There
 * are no published bands and no published rule for unanswered categories, so all seven are required.
 *
 * Categories carry short labels only; no rights holder or terms for software use were established.
 *
 * @example
 * ```ts
 * score(pdi, [5, 6, 4, 7, 3, 2, 1]).score; // 28
 * score(pdi, [5, 6, 4, 7, null, 2, 1]).score; // null: every category is required
 * ```
 * @see Pollard CA. Preliminary validity study of the Pain Disability Index. Percept Mot Skills 1984;59(3):974.
 * @category Disability
 */
export const pdi = {
  id: "pdi",
  title: "Pain Disability Index",
  shortTitle: "PDI",
  version: "1.0.0",
  domain: "disability",
  description: "Disability from chronic pain across seven categories of life activity, 0–70.",
  direction: "higher-is-worse",
  references: {
    pollard1984: {
      text: "Pollard CA. Preliminary validity study of the Pain Disability Index. Percept Mot Skills 1984;59(3):974.",
      note:
        "Abstract: seven categories of life activity (family/home responsibility, recreation, social activity, " +
        "occupation, sexual behavior, self-care, life-support activity), each rated 0 (no disability) to 10 " +
        "(total disability); the overall score is the sum of the seven ratings (range 0 to 70). No rule for " +
        "unanswered categories and no cut-offs.",
    },
    tait1990: {
      text: "Tait RC, Chibnall JT, Krause S. The Pain Disability Index: psychometric properties. Pain 1990;40(2):171–182.",
      note: "Psychometric evaluation of the index; not read.",
    },
  },
  licence: {
    rightsHolder: "Not established (developed by C. A. Pollard)",
    redistributeWording: false,
    terms:
      "No rights holder or terms of use for the PDI were found; the category descriptions are not shipped, only " +
      "the category names.",
    source: "pollard1984",
  },
  items: [
    { id: "1", label: "Family/home responsibilities", options: RATING },
    { id: "2", label: "Recreation", options: RATING },
    { id: "3", label: "Social activity", options: RATING },
    { id: "4", label: "Occupation", options: RATING },
    { id: "5", label: "Sexual behaviour", options: RATING },
    { id: "6", label: "Self-care", options: RATING },
    { id: "7", label: "Life-support activity", options: RATING },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7"],
    method: "sum",
    range: [0, 70],
    missing: { kind: "strict", source: "pollard1984" },
    source: "pollard1984",
  },
  notes: [
    "Missing categories: no published rule was found (pollard1984, tait1990 not read), so all seven are " +
      "required and no alternative is offered.",
    "No bands: none are published (pollard1984).",
  ],
} as const satisfies InstrumentDefinition;
