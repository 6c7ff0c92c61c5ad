import { VERNON_NOTE } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * Neck Disability Index (NDI): disability from neck pain.
 *
 * Ten sections of six statements, each scored 0 (first) to 5 (last). The primary score is the raw total,
 * 0–50, banded as Vernon gives it on the raw score: none 0–4, mild 5–14, moderate 15–24, severe 25–34,
 * complete 35–50. The `percent` subscale reports the same score as a percentage (raw × 2). One unanswered
 * section is allowed: its place is taken by the mean of the others (raw = sum × 10 / 9, unrounded); with two
 * or more unanswered there is no score.
 *
 * Sections carry short labels and options neutral positional labels; current terms for shipping the
 * statements in software were not established.
 *
 * @example
 * ```ts
 * const r = score(ndi, [1, 2, 1, 2, 3, 1, 2, 1, 2, 1]);
 * r.score; // 16, band "moderate"
 * r.subscales.percent; // 32
 * score(ndi, [1, 2, 1, 2, 3, 1, 2, null, 2, 1]).score; // 16.66… (15 × 10 / 9)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/1834753/ | Vernon & Mior 1991}
 * @category Disability
 */
export const ndi = {
  id: "ndi",
  title: "Neck Disability Index",
  shortTitle: "NDI",
  version: "1.1.1",
  domain: "disability",
  description: "Disability in everyday activities from neck pain: raw score 0–50 and percentage.",
  direction: "higher-is-worse",
  references: {
    young2009: {
      text: "Young BA, et al. Responsiveness of the Neck Disability Index in patients with mechanical neck disorders. Spine J 2009;9(10):802–808.",
      note: "Abstract: 91 physical-therapy patients with neck pain, 3-week follow-up; ICC 0.64; 'the MCID was 7.5 points and the MDC was 10.2 points … Because the MCID is within the bounds of measurement error, a 10-point change (the MDC) should be used as the MCID'. Points are on the 0–50 score. Volume and pages from a secondary citation.",
    },
    cleland2008: {
      text: "Cleland JA, Childs JD, Whitman JM. Arch Phys Med Rehabil 2008;89(1):69–74 (psychometric properties of the NDI and the pain rating scale in mechanical neck pain).",
      note: "MCID 19 percentage points on the 0–100 % score (9.5 points on 0–50) (from a secondary summary; the paper was not read).",
    },
    vernonMior1991: {
      text: "Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity. J Manipulative Physiol Ther 1991;14(7):409–415.",
      pmid: "1834753",
      note:
        "Ten sections scored 0–5, total 0–50; the scoring intervals originate here (per Vernon's note). No rule for " +
        "unanswered sections is reported from it. The paper itself was not read.",
    },
    vernonNote: VERNON_NOTE,
    loincNdi: {
      text: "LOINC 82226-2 'Neck Disability Index' (panel); 82237-9 'Total score' [NDI]; sections 82227-0 to 82236-1 and their answer codes.",
      url: "https://loinc.org/82226-2",
      note:
        "LHC-Forms rendering of LOINC panel 76453-0: TeamWereOnFHIR/smart-fhir-physio-loinc-forms " +
        "src/assets/fhir/LoincInitialVisitQuestionnaire.json (a8f6b69a), group 82226-2, sections in the NDI's order, answers " +
        "in statement order with ordinalValue 0–5. The CMS ACCESS Model IG's NDI Questionnaire uses the same codes.",
    },
    ndiTerms: {
      text: "Vernon H. Neck Disability Index, form as reproduced by chiropractic sources (1996 revision).",
      note:
        "Said to state that 'its duplication and use is encouraged'; quoted second-hand and not read. No current " +
        "statement of terms for use in software was found.",
    },
  },
  licence: {
    rightsHolder: "Howard Vernon (author)",
    redistributeWording: false,
    terms:
      "The author's 1996 form is reported to encourage duplication and use; terms for distributing the statements " +
      "in software were not established, so only short labels are shipped.",
    source: "ndiTerms",
  },
  loinc: { panel: "82226-2", score: "82237-9" },
  // Each section's options with its answer codes, first statement (0) to last (5), from LOINC's panel (loincNdi).
  // The labels stay positional: LOINC's displays for these codes are the statements themselves.
  items: [
    {
      id: "1",
      label: "Pain intensity",
      loinc: "82227-0",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25853-5" },
        { value: 1, label: "1 (second statement)", loinc: "LA25854-3" },
        { value: 2, label: "2 (third statement)", loinc: "LA25855-0" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25856-8" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25857-6" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25858-4" },
      ],
    },
    {
      id: "2",
      label: "Personal care",
      loinc: "82228-8",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25859-2" },
        { value: 1, label: "1 (second statement)", loinc: "LA25860-0" },
        { value: 2, label: "2 (third statement)", loinc: "LA25861-8" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25862-6" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25863-4" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25864-2" },
      ],
    },
    {
      id: "3",
      label: "Lifting",
      loinc: "82229-6",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25865-9" },
        { value: 1, label: "1 (second statement)", loinc: "LA25866-7" },
        { value: 2, label: "2 (third statement)", loinc: "LA25867-5" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25868-3" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25869-1" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25870-9" },
      ],
    },
    {
      id: "4",
      label: "Reading",
      loinc: "82230-4",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25871-7" },
        { value: 1, label: "1 (second statement)", loinc: "LA25872-5" },
        { value: 2, label: "2 (third statement)", loinc: "LA25873-3" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25874-1" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25875-8" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25876-6" },
      ],
    },
    {
      id: "5",
      label: "Headaches",
      loinc: "82231-2",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25877-4" },
        { value: 1, label: "1 (second statement)", loinc: "LA26365-9" },
        { value: 2, label: "2 (third statement)", loinc: "LA26366-7" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA26367-5" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA26368-3" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA26369-1" },
      ],
    },
    {
      id: "6",
      label: "Concentration",
      loinc: "82232-0",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25878-2" },
        { value: 1, label: "1 (second statement)", loinc: "LA25879-0" },
        { value: 2, label: "2 (third statement)", loinc: "LA25880-8" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25881-6" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25882-4" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25883-2" },
      ],
    },
    {
      id: "7",
      label: "Work",
      loinc: "82233-8",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25884-0" },
        { value: 1, label: "1 (second statement)", loinc: "LA25885-7" },
        { value: 2, label: "2 (third statement)", loinc: "LA25886-5" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25887-3" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25888-1" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25889-9" },
      ],
    },
    {
      id: "8",
      label: "Driving",
      loinc: "82234-6",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25890-7" },
        { value: 1, label: "1 (second statement)", loinc: "LA25891-5" },
        { value: 2, label: "2 (third statement)", loinc: "LA25892-3" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25893-1" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25894-9" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25895-6" },
      ],
    },
    {
      id: "9",
      label: "Sleeping",
      loinc: "82235-3",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25896-4" },
        { value: 1, label: "1 (second statement)", loinc: "LA25897-2" },
        { value: 2, label: "2 (third statement)", loinc: "LA25898-0" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25899-8" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25900-4" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25901-2" },
      ],
    },
    {
      id: "10",
      label: "Recreation",
      loinc: "82236-1",
      options: [
        { value: 0, label: "0 (first statement, least disability)", loinc: "LA25902-0" },
        { value: 1, label: "1 (second statement)", loinc: "LA25903-8" },
        { value: 2, label: "2 (third statement)", loinc: "LA25904-6" },
        { value: 3, label: "3 (fourth statement)", loinc: "LA25905-3" },
        { value: 4, label: "4 (fifth statement)", loinc: "LA25906-1" },
        { value: 5, label: "5 (last statement, most disability)", loinc: "LA25907-9" },
      ],
    },
  ],
  score: {
    id: "total",
    label: "raw score (0–50)",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
    method: "sum",
    range: [0, 50],
    // Adding the mean of the nine answered sections equals sum × 10 / 9; Vernon gives no rounding.
    missing: { kind: "prorate", maxMissing: 1, rounding: "none", source: "vernonNote" },
    bands: [
      { id: "none", label: "No disability", min: 0, max: 4 },
      { id: "mild", label: "Mild disability", min: 5, max: 14 },
      { id: "moderate", label: "Moderate disability", min: 15, max: 24 },
      { id: "severe", label: "Severe disability", min: 25, max: 34 },
      { id: "complete", label: "Complete disability", min: 35, max: 50 },
    ],
    bandsSource: "vernonNote",
    source: "vernonMior1991",
  },
  subscales: [
    {
      id: "percent",
      label: "percentage score (0–100)",
      items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
      // Over the answered sections, so with one missing it equals the prorated raw score × 2.
      method: "percent",
      range: [0, 100],
      missing: { kind: "min-answered", minAnswered: 9, source: "vernonNote" },
      source: "vernonNote",
    },
  ],
  notes: [
    "Missing sections: Vernon's note adds the mean of the other items for an unanswered one (vernonNote), which is " +
      "raw = sum × 10 / answered; it sets no limit, and no rule is reported from the 1991 paper. At most one " +
      "unanswered section is allowed here, and the prorated raw score is not rounded.",
    "Bands are on the raw 0–50 score, as Vernon stresses, not on the percentage (vernonNote). A prorated raw score " +
      "between two bands' whole-number bounds (e.g. 4.44) belongs to the upper band: the intervals are read as " +
      "≤ 4, ≤ 14, ≤ 24, ≤ 34 and above 34.",
    "The percentage subscale is the raw score × 2 (vernonNote), computed over the answered sections so that it " +
      "agrees with the prorated raw score; it requires at least 9 answered sections, like the raw score.",
    "Options carry neutral positional labels ('0 (first statement, least disability)' … '5 (last statement, most " +
      "disability)') in place of the statements, which differ per section and whose terms for software were not " +
      "established (ndiTerms).",
    "Change: Young 2009 found an MCID of 7.5 points but, as it lies within measurement error, advises a 10-point " +
      "change (the MDC) as the MCID; that advice is the default, and 7.5 and Cleland's 9.5 are options. The MDC's " +
      "confidence level is not stated in the abstract, so no reliable change index is offered.",
    "Change: Vernon's 5 points (vernonNote) is the `vernon` option, not the default: the note gives no derivation, while " +
      "Young 2009 measured a 10.2-point smallest detectable change, so a 5-point change may be measurement error.",
    "LOINC (loincNdi): the answer codes' displays are the statements, which are not shipped, so NDI answer codings have " +
      "no display. LOINC's help text for 82237-9 ('scored one to five', three missing items) is not followed.",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "young2009",
          label: "10 points (the MDC, as Young 2009 advises)",
          points: 10,
          default: true,
          source: "young2009",
          note: "The author's note gives 5 points (the `vernon` option); 10 is kept because smaller changes may be measurement error.",
        },
        {
          id: "young2009-anchor",
          label: "7.5 points (anchor-based, within measurement error)",
          points: 7.5,
          source: "young2009",
        },
        {
          id: "cleland2008",
          label: "9.5 points (19 percentage points of the 0–100 % score)",
          points: 9.5,
          source: "cleland2008",
        },
        {
          id: "vernon",
          label: "5 points (the author's note: minimum detectable score and MCID)",
          points: 5,
          source: "vernonNote",
          note: "Young 2009 found a 10.2-point smallest detectable change.",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
