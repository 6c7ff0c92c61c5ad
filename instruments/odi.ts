import { FAIRBANK_1980, OSTELO_2008 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * The six statements of a section, scored by position: 0 for the first (least disability) to 5 for the last
 * (most). The statements are copyrighted, so options carry neutral positional labels.
 */
const SIX_STATEMENTS = [
  { value: 0, label: "0 (first statement, least disability)" },
  { value: 1, label: "1 (second statement)" },
  { value: 2, label: "2 (third statement)" },
  { value: 3, label: "3 (fourth statement)" },
  { value: 4, label: "4 (fifth statement)" },
  { value: 5, label: "5 (last statement, most disability)" },
] as const;

/**
 * Oswestry Disability Index, version 2.1a (ODI): disability from low back pain, today.
 *
 * Ten sections of six statements, each scored by the position of the statement ticked, 0 (first) to 5
 * (last). The index is the sum divided by 5 × the number of sections answered, × 100: 0–100 %, returned
 * unrounded. A missing section shrinks the denominator rather than counting as 0; by default at least 8
 * of the 10 sections must be answered, and the `nine-sections` option demands 9. Bands follow Fairbank
 * 1980: minimal ≤ 20, moderate ≤ 40, severe ≤ 60, crippled ≤ 80, bed-bound (or exaggerating) above 80.
 *
 * Item wording is © Jeremy Fairbank and licensed through Mapi Research Trust, so sections carry short
 * labels and options neutral positional labels.
 *
 * @example
 * ```ts
 * score(odi, [2, 1, 3, 2, 2, 3, 1, 2, 2, 1]).score; // 38 (19 / 50 × 100)
 * score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, 1]).score; // 37.77… (17 / 45 × 100), band "moderate"
 * score(odi, [2, 1, 3, 2, 2, 3, 1, null, 2, null], { missing: "nine-sections" }).score; // null
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/11074683/ | Fairbank & Pynsent 2000}
 * @category Disability
 */
export const odi = {
  id: "odi",
  title: "Oswestry Disability Index, version 2.1a",
  shortTitle: "ODI",
  version: "1.1.0",
  domain: "disability",
  description: "Disability in everyday activities from back (or leg) pain, as a percentage.",
  direction: "higher-is-worse",
  recall: "today",
  references: {
    ostelo2008: OSTELO_2008,
    fritzIrrgang2001: {
      text: "Fritz JM, Irrgang JJ. A comparison of a modified Oswestry Low Back Pain Disability Questionnaire and the Quebec Back Pain Disability Scale. Phys Ther 2001;81(2):776–788.",
      note: "A 6-point MCID for the modified Oswestry questionnaire (a different version from v2.1a) in acute work-related low back pain, as quoted by George, Fritz & Childs (JOSPT 2008).",
    },
    mannion2006: {
      text: "Mannion AF, Junge A, Grob D, Dvorak J, Fairbank JCT. Development of a German version of the Oswestry Disability Index. Part 2: sensitivity to change after spinal surgery. Eur Spine J 2006;15(1):66–73.",
      pmid: "15856340",
      note: "Abstract: after spinal surgery, a reduction of at least 18 % of the baseline (a mean 8 points in that group) marked a good individual outcome at 6 months.",
    },
    fairbank2000: {
      text: "Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940–2952.",
      pmid: "11074683",
      doi: "10.1097/00007632-200011150-00017",
      note: "Review of the ODI versions, v2.1a among them: ten sections of six statements scored 0 (first) to 5 (last).",
    },
    fairbank1980: FAIRBANK_1980,
    fairbankMapi: {
      text: "Fairbank J. The Oswestry Disability Index: article by the author on the Mapi Research Trust site (ePROVIDE).",
      url: "https://eprovide.mapi-trust.org/instruments/oswestry-disability-index",
      note:
        "'In theory, only a single response in a single section is required to give an ODI score. In practice, " +
        "however, we rarely find responses to fewer than eight sections.' Where two statements are ticked, the " +
        "higher scores. Quoted second-hand; the address is the instrument's page, not the article's.",
    },
    odiScoring: {
      text: "Oswestry Disability Index: scoring instructions printed with the questionnaire.",
      note:
        "'For each section the total possible score is 5 … If all 10 sections are completed … 16 (total scored) / " +
        "50 (total possible score) × 100 = 32 %. If one section is missed or not applicable … 16 / 45 × 100 = " +
        "35.5 %': the denominator drops by 5 for each section not answered. Read in several clinical reproductions " +
        "of the form, not in the Mapi original.",
    },
    awellScore: {
      text: "Awell Health. awell-score: Oswestry Disability Index calculation (README).",
      url: "https://github.com/awell-health/awell-score",
      note: "'When more than one response is missing (i.e. less than 9 questions answered), a score cannot be calculated.' It rounds the index to a whole number.",
    },
    mapi: {
      text: "Mapi Research Trust. Oswestry Disability Index: conditions of use (ePROVIDE).",
      url: "https://eprovide.mapi-trust.org/instruments/oswestry-disability-index",
      note:
        "As cited by the Shirley Ryan AbilityLab Rehabilitation Measures Database: free for students, physicians, " +
        "clinical practice and non-funded academic users; fees may apply for funded academic users, healthcare " +
        "organizations, commercial users and IT companies.",
    },
    loincOdi: {
      text: "LOINC 97908-8 'Oswestry Disability Index' (panel); 97909-6 'Oswestry disability index score ODI'.",
      url: "https://loinc.org/97909-6",
      note:
        "Checked on loinc.org (https://loinc.org/97909-6, https://loinc.org/97908-8/panel): 97909-6 is active, 'reported as a " +
        "percent', a member of panel 97908-8. Its description ends with the NDI's raw intervals, not used.",
    },
  },
  licence: {
    rightsHolder: "Jeremy Fairbank; distributed by Mapi Research Trust",
    redistributeWording: false,
    terms:
      "ODI v2.1a is © Jeremy Fairbank. Use is free for students, physicians, clinical practice and non-funded " +
      "academic users; fees may apply for funded academic users, healthcare organizations, commercial users and IT " +
      "companies. The section statements are not shipped.",
    contact: "Mapi Research Trust, https://eprovide.mapi-trust.org/instruments/oswestry-disability-index",
    source: "mapi",
  },
  loinc: { panel: "97908-8", score: "97909-6" },
  items: [
    { id: "1", label: "Pain intensity", options: SIX_STATEMENTS },
    { id: "2", label: "Personal care", options: SIX_STATEMENTS },
    { id: "3", label: "Lifting", options: SIX_STATEMENTS },
    { id: "4", label: "Walking", options: SIX_STATEMENTS },
    { id: "5", label: "Sitting", options: SIX_STATEMENTS },
    { id: "6", label: "Standing", options: SIX_STATEMENTS },
    { id: "7", label: "Sleeping", options: SIX_STATEMENTS },
    { id: "8", label: "Sex life (if applicable)", options: SIX_STATEMENTS },
    { id: "9", label: "Social life", options: SIX_STATEMENTS },
    { id: "10", label: "Travelling", options: SIX_STATEMENTS },
  ],
  score: {
    id: "percent",
    label: "disability index (%)",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
    // sum / (5 × sections answered) × 100: the engine's percent over answered items.
    method: "percent",
    range: [0, 100],
    missing: { kind: "min-answered", minAnswered: 8, source: "fairbankMapi" },
    // Inclusive integer bounds; a fractional index belongs to the first band whose upper bound it does not
    // exceed, which gives ≤ 20, ≤ 40, ≤ 60, ≤ 80, above 80.
    bands: [
      { id: "minimal", label: "Minimal disability", min: 0, max: 20 },
      { id: "moderate", label: "Moderate disability", min: 21, max: 40 },
      { id: "severe", label: "Severe disability", min: 41, max: 60 },
      { id: "crippled", label: "Crippled", min: 61, max: 80 },
      { id: "bed-bound", label: "Bed-bound, or exaggerating symptoms", min: 81, max: 100 },
    ],
    bandsSource: "fairbank1980",
    source: "odiScoring",
  },
  missingOptions: [
    {
      id: "nine-sections",
      label: "At least 9 of the 10 sections answered (stricter; as awell-score and many clinics require)",
      rule: { kind: "min-answered", minAnswered: 9, source: "awellScore" },
    },
  ],
  notes: [
    "Missing sections: the index is taken over the sections answered (the denominator drops by 5 for each), as " +
      "the scoring instructions show (odiScoring). Fairbank sets no minimum but rarely sees fewer than eight " +
      "sections answered (fairbankMapi), so by default at least 8 are required; awell-score requires 9 " +
      "(awellScore), offered as the `nine-sections` option.",
    "Rounding: the scoring instructions print 16/45 as 35.5 % (35.56 exactly, so truncated) and awell-score " +
      "rounds to a whole number. The index is returned unrounded; round only for display.",
    "Bands: Fairbank writes them with shared endpoints (0–20, 20–40, …); the common integer form 0–20, 21–40, " +
      "41–60, 61–80, 81–100 is used, so an index of exactly 20, 40, 60 or 80 belongs to the lower band and any " +
      "fraction above it (e.g. 22.2 with nine sections answered) to the upper (fairbank1980).",
    "Options carry neutral positional labels ('0 (first statement, least disability)' … '5 (last statement, most " +
      "disability)') in place of the v2.1a statements, which differ per section and are © Jeremy Fairbank (mapi).",
    "Input: where two statements are ticked in one section, pass the higher (fairbankMapi); leave a section that " +
      "does not apply (e.g. sex life) unanswered rather than 0.",
    "Licence: Roland & Fairbank (Spine 2000) state that no permission is needed for the forms reproduced in " +
      "their appendices (ODI v2.0 among them); the current Mapi terms govern v2.1a (mapi).",
    "Change: the consensus MCID of 10 points and the 30 % responder threshold (ostelo2008) are the defaults; no " +
      "test-retest data were verified, so there is no reliable change index unless the caller supplies one.",
  ],
  change: {
    percent: {
      mcid: [
        {
          id: "ostelo2008",
          label: "10 points (international consensus, low back pain)",
          points: 10,
          default: true,
          source: "ostelo2008",
        },
        {
          id: "fritz-irrgang2001",
          label: "6 points (modified Oswestry questionnaire, acute work-related low back pain)",
          points: 6,
          source: "fritzIrrgang2001",
          note: "Derived for the modified Oswestry questionnaire, not v2.1a.",
        },
        { id: "mannion2006", label: "18 % of the baseline (after spinal surgery)", percent: 18, source: "mannion2006" },
      ],
      response: [
        {
          id: "improved-30-percent",
          label: "30 % or greater improvement from baseline",
          anyOf: [{ kind: "improvement", unit: "percent", min: 30 }],
          default: true,
          source: "ostelo2008",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
