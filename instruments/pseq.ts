import { SUZUKI_2020 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–6 numeric rating scale; labels are the numbers only (the printed end anchors differ by item). */
const RATING_0_TO_6 = [
  { value: 0, label: "0" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "6" },
] as const;

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
    chiarotto2016: {
      text: "Chiarotto A, Vanti C, Cedraschi C, et al. Responsiveness and minimal important change of the Pain Self-Efficacy Questionnaire and short forms in patients with chronic low back pain. J Pain 2016;17(6):707–718.",
      doi: "10.1016/j.jpain.2016.02.012",
      note: "Abstract: 104 patients in multimodal physical therapy; MIC 5.5 for the PSEQ with a self-efficacy anchor; MICs differed for low and high baselines.",
    },
    dube2021: {
      text: "Dubé M-O, Langevin P, Roy J-S. Measurement properties of the Pain Self-Efficacy Questionnaire in populations with musculoskeletal disorders: a systematic review. Pain Rep 2021;6(4):e972.",
      pmid: "34963996",
      doi: "10.1097/PR9.0000000000000972",
      note: "Abstract: 28 studies; weighted mean ICC 0.86 (0.75–0.93); 'the minimal detectable change at 95% confidence interval was 11.52 out of 60 points'; MCID 5.5 to 8.5 in chronic low back pain.",
    },
    suzuki2020: SUZUKI_2020,
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
    "Change: higher is better, so an improvement is a rise. The MCID default is Chiarotto 2016's 5.5 points (a " +
      "self-efficacy anchor), the low end of the 5.5–8.5 range in dube2021; ePPOC's 7 points with a band change (eppoc) " +
      "is a benchmarking convention and is not offered.",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "chiarotto2016",
          label: "5.5 points (chronic low back pain, physical therapy)",
          points: 5.5,
          default: true,
          source: "chiarotto2016",
        },
        {
          id: "suzuki2020",
          label: "6.48 points (matches a 2-point change in pain)",
          points: 6.48,
          source: "suzuki2020",
          note: "Anchored to a change in pain intensity, not in self-efficacy.",
        },
      ],
      reliability: [
        {
          id: "dube2021",
          label: "MDC95 11.52 (systematic review, musculoskeletal disorders)",
          threshold: 11.52,
          population: "musculoskeletal disorders",
          default: true,
          source: "dube2021",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
