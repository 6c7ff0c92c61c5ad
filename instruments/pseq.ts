import { RATING_0_TO_6 } from "./shared/rating.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * Pain Self-Efficacy Questionnaire (PSEQ-10): confidence in doing things despite pain.
 *
 * Ten items rated 0 (not at all confident) to 6 (completely confident), none reversed; the total is the
 * sum, 0–60. Higher is better. The bands (severe 0–19, moderate 20–30, mild 31–40, minimal 41–60) are
 * the Electronic Persistent Pain Outcomes Collaboration's (ePPOC) convention, not the author's: "severe"
 * means severely low self-efficacy. Every item is required.
 *
 * Item wording is not shipped (terms of use unverified): items carry short labels only.
 *
 * @example
 * ```ts
 * const r = score(pseq, [3, 4, 2, 3, 4, 3, 2, 3, 4, 2]);
 * r.score;     // 30
 * r.band?.id;  // "moderate" (ePPOC)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/16446108/ | Nicholas 2007}
 * @category Self-efficacy
 */
export const pseq = {
  id: "pseq",
  title: "Pain Self-Efficacy Questionnaire",
  shortTitle: "PSEQ",
  version: "1.0.0",
  domain: "self-efficacy",
  description: "How confident a person with persistent pain is that they can do ten everyday things despite the pain.",
  direction: "higher-is-better",
  references: {
    nicholas2007: {
      text: "Nicholas MK. The pain self-efficacy questionnaire: taking pain into account. Eur J Pain 2007;11(2):153–163.",
      pmid: "16446108",
      doi: "10.1016/j.ejpain.2005.12.008",
      note:
        "The PSEQ's psychometric paper (the questionnaire was first presented in 1989). Ten items rated 0–6, summed to " +
        "0–60; higher scores mean stronger self-efficacy. No severity bands and no rule for unanswered items were found in " +
        "what was read.",
    },
    eppoc: {
      text: "Electronic Persistent Pain Outcomes Collaboration (ePPOC). Clinical reference manual: Pain Self-Efficacy Questionnaire, severity ranges.",
      url: "https://measurely.com.au/outcome-measures/pain-self-efficacy-questionnaire/",
      note:
        "ePPOC's convention, not the author's: severe from 0, moderate from 20, mild from 31, minimal from 41; a clinically " +
        "significant change is 7 or more points with a move to another band. Read as quoted by measurely.com.au, which " +
        "attributes the cut-offs and labels to the ePPOC reference manual; the manual itself was not read.",
    },
    termsUnverified: {
      text: "No published terms of use for the PSEQ were found.",
      note:
        "Developed by Michael K. Nicholas (Pain Management Research Centre, University of Sydney). Physio-pedia states that " +
        "no permission or copyright notice is needed; that is a weak source and was not relied on.",
    },
  },
  licence: {
    rightsHolder: "Not established; developed by Michael K. Nicholas (University of Sydney)",
    redistributeWording: false,
    terms:
      "Terms of use not verified. Item wording is withheld until the author's permission is confirmed; scoring rules are " +
      "taken from the published paper.",
    source: "termsUnverified",
  },
  items: [
    { id: "1", label: "Enjoy things despite pain", options: RATING_0_TO_6 },
    { id: "2", label: "Household chores despite pain", options: RATING_0_TO_6 },
    { id: "3", label: "Socialise as often as before despite pain", options: RATING_0_TO_6 },
    { id: "4", label: "Cope with pain in most situations", options: RATING_0_TO_6 },
    { id: "5", label: "Some form of work despite pain", options: RATING_0_TO_6 },
    { id: "6", label: "Hobbies or leisure despite pain", options: RATING_0_TO_6 },
    { id: "7", label: "Cope with pain without medication", options: RATING_0_TO_6 },
    { id: "8", label: "Accomplish most life goals despite pain", options: RATING_0_TO_6 },
    { id: "9", label: "Live a normal lifestyle despite pain", options: RATING_0_TO_6 },
    { id: "10", label: "Gradually become more active despite pain", options: RATING_0_TO_6 },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
    method: "sum",
    range: [0, 60],
    missing: { kind: "strict", source: "nicholas2007" },
    bands: [
      { id: "severe", label: "Severe (ePPOC)", min: 0, max: 19 },
      { id: "moderate", label: "Moderate (ePPOC)", min: 20, max: 30 },
      { id: "mild", label: "Mild (ePPOC)", min: 31, max: 40 },
      { id: "minimal", label: "Minimal (ePPOC)", min: 41, max: 60 },
    ],
    bandsSource: "eppoc",
    source: "nicholas2007",
  },
  notes: [
    "Bands are ePPOC's benchmarking convention, not Nicholas's: the author publishes no severity bands. Because higher is " +
      "better, the bands run the other way from most instruments: 'severe' (0–19) is the lowest self-efficacy.",
    "No item is reverse-scored; the total is the plain sum.",
    "No rule for unanswered items was found; every item is required.",
    "Item order and short labels follow the ten-item English form as reproduced in secondary sources; the wording itself " +
      "is not shipped.",
  ],
} as const satisfies InstrumentDefinition;
