import { GEORGE_2008 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * The FABQ 0–6 agreement scale. The form labels only its ends; the points between carry their number as
 * label.
 */
const AGREEMENT_0_6 = [
  { value: 0, label: "Completely disagree" },
  { value: 1, label: "1" },
  { value: 2, label: "2" },
  { value: 3, label: "3" },
  { value: 4, label: "4" },
  { value: 5, label: "5" },
  { value: 6, label: "Completely agree" },
] as const;

/**
 * Fear-Avoidance Beliefs Questionnaire (FABQ): beliefs about how physical activity and work affect back
 * pain.
 *
 * Sixteen items answered 0 (completely disagree) to 6 (completely agree). There is no single total: the
 * physical-activity subscale sums items 2–5 (0–24) and the work subscale sums items 6, 7, 9, 10, 11, 12
 * and 15 (0–42). Items 1, 8, 13, 14 and 16 are recorded but never scored. Each subscale needs all of its
 * items. Published cut-offs are purpose-specific and offered only as opt-in flags:
 * `work-above-34`, `work-above-29` and `physical-activity-above-14`.
 *
 * @example
 * ```ts
 * const r = score(fabq, [0, 4, 5, 3, 6, 6, 5, 0, 4, 6, 5, 6, 0, 0, 3, 0], { flags: ["work-above-34"] });
 * r.subscales;          // { physicalActivity: 18, work: 35 }
 * r.score;              // null (no single total)
 * r.flags.map((f) => f.id); // ["work-above-34"]
 * ```
 * @see {@link https://doi.org/10.1016/0304-3959(93)90127-B | Waddell et al. 1993}
 * @category Fear of movement
 */
export const fabq = {
  id: "fabq",
  title: "Fear-Avoidance Beliefs Questionnaire",
  shortTitle: "FABQ",
  version: "1.0.0",
  domain: "fear-of-movement",
  description: "Fear-avoidance beliefs about physical activity and about work in people with back pain.",
  direction: "higher-is-worse",
  references: {
    waddell1993: {
      text: "Waddell G, Newton M, Henderson I, Somerville D, Main CJ. A Fear-Avoidance Beliefs Questionnaire (FABQ) and the role of fear-avoidance beliefs in chronic low back pain and disability. Pain 1993;52(2):157–168.",
      doi: "10.1016/0304-3959(93)90127-B",
      note: "Principal-components analysis (210 patients) gave two factors: fear-avoidance beliefs about work and about physical activity. The paper prints the questionnaire. Item-to-subscale assignment as restated by the APTA guideline (delitto2012); the paper's own table was not read. No rule for unanswered items is given.",
    },
    delitto2012: {
      text: "Delitto A, George SZ, Van Dillen L, et al. Low back pain: clinical practice guidelines linked to the International Classification of Functioning, Disability, and Health from the Orthopaedic Section of the American Physical Therapy Association. J Orthop Sports Phys Ther 2012;42(4):A1–A57.",
      pmid: "22466247",
      url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC4893951/",
      note: "Measurement appendix, FABQ table: physical-activity scale = sum of items 2 through 5 (0–24); work scale = sum of items 6, 7, 9, 10, 11, 12 and 15 (0–42); items rated 0 'completely disagree' to 6 'completely agree'. 'A FABQ-W cutoff score of >29 has been suggested as an indicator of return to work status in patients receiving physical therapy for acute occupational LBP' (citing Fritz, George & Delitto 2001, fritz2001). The printed guideline gives the DOI 10.2519/jospt.2012.0301, PubMed Central 10.2519/jospt.2012.42.4.A1; neither is recorded here.",
    },
    fritz2001: {
      text: "Fritz JM, George SZ, Delitto A. The role of fear-avoidance beliefs in acute low back pain: relationships with current and future disability and work status. Pain 2001;94(1):7–15.",
      pmid: "11576740",
      doi: "10.1016/S0304-3959(01)00333-5",
      note: "Work-related acute low back pain (n = 78): fear-avoidance beliefs about work predicted 4-week disability and work status. The abstract gives no cut-off; the > 29 value is attributed to this study by delitto2012.",
    },
    fritzGeorge2002: {
      text: "Fritz JM, George SZ. Identifying psychosocial variables in patients with acute work-related low back pain: the importance of fear-avoidance beliefs. Phys Ther 2002;82(10):973–983.",
      doi: "10.1093/ptj/82.10.973",
      note: "Abstract: the FABQ work subscale was the strongest predictor of work status at 4 weeks (negative likelihood ratio 0.08 for scores less than 30, positive likelihood ratio 3.33 for scores greater than 34). Acute work-related low back pain, n = 78.",
    },
    george2008: GEORGE_2008,
    monticone2020: {
      text: "Monticone M, Frigau L, Vernon H, et al. Reliability, responsiveness and minimal clinically important difference of the two Fear Avoidance and Beliefs Questionnaire scales in Italian subjects with chronic low back pain undergoing multidisciplinary rehabilitation. Eur J Phys Rehabil Med 2020;56(5):600–606.",
      pmid: "32420712",
      doi: "10.23736/S1973-9087.20.06158-4",
      note: "Abstract: 129 patients with chronic low back pain, 8-week programme; retest over 96 hours (n = 64), ICC 0.90 (physical activity) and 0.95 (work); MDC95 3.69 and 5.95; MCID 4 points (physical activity) and 7 points (work).",
    },
    grotle2006: {
      text: "Norwegian FABQ validation in low back pain (first author given as Grotle M by secondary sources). J Rehabil Med 2006.",
      doi: "10.1080/16501970600722403",
      note: "ICC 0.66 (physical activity) and 0.82 (work); MDC 9 and 12 points (from a secondary summary; the paper was not read). The MDC's confidence level was not established.",
    },
  },
  licence: {
    rightsHolder:
      "Not established: the questionnaire was published by Waddell G and colleagues in Pain 1993 (Elsevier, for the International Association for the Study of Pain); a Swedish test register names Gordon Waddell for the original-language rights",
    redistributeWording: false,
    terms:
      "No licence or permission statement from the authors or the publisher was found. Whether the wording may " +
      "be redistributed is unknown, so only short neutral labels are shipped; the scoring rules come from the " +
      "published papers.",
    source: "waddell1993",
  },
  items: [
    { id: "1", label: "Pain caused by physical activity (not scored)", options: AGREEMENT_0_6 },
    { id: "2", label: "Physical activity worsens pain", options: AGREEMENT_0_6 },
    { id: "3", label: "Physical activity might harm the back", options: AGREEMENT_0_6 },
    { id: "4", label: "Should avoid activity that may worsen pain", options: AGREEMENT_0_6 },
    { id: "5", label: "Cannot do activity that may worsen pain", options: AGREEMENT_0_6 },
    { id: "6", label: "Pain caused by work", options: AGREEMENT_0_6 },
    { id: "7", label: "Work aggravated pain", options: AGREEMENT_0_6 },
    { id: "8", label: "Compensation claim (not scored)", options: AGREEMENT_0_6 },
    { id: "9", label: "Work too heavy", options: AGREEMENT_0_6 },
    { id: "10", label: "Work worsens pain", options: AGREEMENT_0_6 },
    { id: "11", label: "Work might harm the back", options: AGREEMENT_0_6 },
    { id: "12", label: "Should not do normal work with this pain", options: AGREEMENT_0_6 },
    { id: "13", label: "Cannot do normal work with this pain (not scored)", options: AGREEMENT_0_6 },
    { id: "14", label: "Cannot work until pain is treated (not scored)", options: AGREEMENT_0_6 },
    { id: "15", label: "No return to normal work within 3 months", options: AGREEMENT_0_6 },
    { id: "16", label: "Never able to return to that work (not scored)", options: AGREEMENT_0_6 },
  ],
  score: null,
  subscales: [
    {
      id: "physicalActivity",
      label: "physical activity",
      items: ["2", "3", "4", "5"],
      method: "sum",
      range: [0, 24],
      missing: { kind: "strict", source: "waddell1993" },
      source: "delitto2012",
    },
    {
      id: "work",
      label: "work",
      items: ["6", "7", "9", "10", "11", "12", "15"],
      method: "sum",
      range: [0, 42],
      missing: { kind: "strict", source: "waddell1993" },
      source: "delitto2012",
    },
  ],
  flags: [
    {
      id: "work-above-34",
      label: "FABQ work above 34",
      message:
        "Work subscale above 34: in acute work-related low back pain this predicted persistent work restriction at 4 weeks (positive likelihood ratio 3.33). Consider work-focused and return-to-work interventions.",
      when: { scale: "work", op: ">", value: 34 },
      source: "fritzGeorge2002",
      optIn: true,
    },
    {
      id: "work-above-29",
      label: "FABQ work above 29",
      message:
        "Work subscale above 29: suggested as an indicator of return-to-work status in acute occupational low back pain treated with physical therapy.",
      when: { scale: "work", op: ">", value: 29 },
      source: "delitto2012",
      optIn: true,
    },
    {
      id: "physical-activity-above-14",
      label: "FABQ physical activity above 14",
      message:
        "Physical-activity subscale above 14: elevated fear-avoidance beliefs about physical activity, a target for treatment. It did not predict 6-month disability in physical-therapy patients, so do not use it alone for triage.",
      when: { scale: "physicalActivity", op: ">", value: 14 },
      source: "george2008",
      optIn: true,
    },
  ],
  notes: [
    "There is no single total: the FABQ reports its physical-activity and work subscales (waddell1993, delitto2012). Items 1, 8, 13, 14 and 16 are recorded but belong to neither subscale.",
    "Published cut-offs differ by purpose (work above 34, work above 29, physical activity above 14) and none is the authors' own, so none is a default band; each is an opt-in flag written as published (>).",
    "Not offered: work above 22 (cited in delitto2012 for a purpose the text read did not state), work below 19 (a criterion of the spinal-manipulation prediction rule, not a risk flag), and physical activity above 15 (not traced to a source).",
    "The form labels only 0 (completely disagree) and 6 (completely agree); points 1–5 carry their number as label. A mid-point label on some copies could not be confirmed.",
    "No published rule for unanswered items was found, so each subscale needs all of its items (strict); an unanswered unscored item affects no score.",
    "Change: the reliable-change thresholds of Monticone 2020 (3.69 and 5.95) and of the Norwegian validation (9 and 12) differ widely with sample and retest interval; Monticone's, from the same study as the MCIDs, are the default.",
  ],
  change: {
    physicalActivity: {
      mcid: [
        {
          id: "monticone2020",
          label: "4 points (chronic low back pain)",
          points: 4,
          default: true,
          source: "monticone2020",
        },
      ],
      reliability: [
        {
          id: "monticone2020",
          label: "MDC95 3.69 (Italian chronic low back pain, 96-hour retest)",
          threshold: 3.69,
          default: true,
          source: "monticone2020",
        },
        { id: "grotle2006", label: "MDC 9 (Norwegian low back pain)", threshold: 9, source: "grotle2006" },
      ],
    },
    work: {
      mcid: [
        {
          id: "monticone2020",
          label: "7 points (chronic low back pain)",
          points: 7,
          default: true,
          source: "monticone2020",
        },
      ],
      reliability: [
        {
          id: "monticone2020",
          label: "MDC95 5.95 (Italian chronic low back pain, 96-hour retest)",
          threshold: 5.95,
          default: true,
          source: "monticone2020",
        },
        { id: "grotle2006", label: "MDC 12 (Norwegian low back pain)", threshold: 12, source: "grotle2006" },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
