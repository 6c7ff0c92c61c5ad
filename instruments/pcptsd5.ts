import type { InstrumentDefinition } from "../src/types.js";

/** The No/Yes answers of items 1–5. */
const NO_YES = [
  { value: 0, label: "No" },
  { value: 1, label: "Yes" },
] as const;

/**
 * Primary Care PTSD Screen for DSM-5 (PC-PTSD-5): a trauma exposure question (`exposure`), then five
 * yes/no symptom items over the past month, counted 0–5. When exposure is "No" the form stops and the
 * screen total is 0: items 1–5 are not asked and count 0. A total of 3 or more is a positive screen
 * (Prins 2016; the cut-point that keeps false negatives low in women); the opt-in flag `cutoff-4` marks
 * 4 or more (Bovin 2021's efficiency cut-point).
 *
 * @example
 * ```ts
 * score(pcptsd5, [1, 1, 0, 1, 0, 1]).band?.id;                  // "positive" (3)
 * score(pcptsd5, [0, null, null, null, null, null]).score;     // 0 (items 1–5 not asked)
 * score(pcptsd5, { exposure: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 }, { flags: ["cutoff-4"] }).flags.map((f) => f.id); // ["cutoff-4"]
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/27170304/ | Prins et al. 2016}
 * @category Trauma
 */
export const pcptsd5 = {
  id: "pcptsd5",
  title: "Primary Care PTSD Screen for DSM-5",
  shortTitle: "PC-PTSD-5",
  version: "1.0.0",
  domain: "trauma",
  description: "Five-item screen for probable PTSD after a traumatic event, over the past month.",
  direction: "higher-is-worse",
  recall: "past month",
  references: {
    prins2016: {
      text: "Prins A, Bovin MJ, Smolenski DJ, et al. The Primary Care PTSD Screen for DSM-5 (PC-PTSD-5): development and evaluation within a veteran primary care sample. J Gen Intern Med 2016;31(10):1206–1211.",
      pmid: "27170304",
      doi: "10.1007/s11606-016-3703-5",
      note: "Abstract read (PMC5023594): AUC 0.941; a cut score of 3 maximises sensitivity (the rest of the sentence, that 4 maximises efficiency, read in secondary sources).",
    },
    bovin2021: {
      text: "Bovin MJ, Kimerling R, Weathers FW, et al. Diagnostic accuracy and acceptability of the Primary Care Posttraumatic Stress Disorder Screen for the Diagnostic and Statistical Manual of Mental Disorders (Fifth Edition) among US veterans. JAMA Netw Open 2021;4(2):e2036733.",
      pmid: "33538826",
      doi: "10.1001/jamanetworkopen.2020.36733",
      note: "Key points read: 'A cut point score of 4 best balanced the false negatives and false positives, although women may require a lower cut point (ie, a score of 3)'.",
    },
    vaClergy: {
      text: "US Department of Veterans Affairs, National Center for PTSD. Clergy toolkit: basics of screening.",
      url: "https://www.ptsd.va.gov/professional/treat/care/toolkits/clergy/basicsScreening.asp",
      note: '\'should be considered "positive" if a client answers "yes" to any three of the five items\'.',
    },
    form: {
      text: "PC-PTSD-5 form (Prins et al. 2016, measurement instrument), as reproduced in comorbidityguidelines.org.au Appendix R.",
      url: "https://comorbidityguidelines.org.au",
      note: "Yes = 1, No = 0; after the trauma question: 'If no, screen total = 0. Please stop here.' The trauma question has no printed number; the id 'exposure' is the library's.",
    },
    licence: {
      text: "US Department of Veterans Affairs, National Center for PTSD: the PC-PTSD-5 is a US federal work.",
      note: "As stated on the VA page mirrored at pbpsychiatricservices.com/ptsd5 and in comorbidityguidelines.org.au Appendix R (secondary).",
    },
    loinc: {
      text: "LOINC 102011-4 (trauma exposure), 102012-2, 102013-0, 102014-8, 102015-5, 102016-3 (items 1–5), 102017-1 (total score).",
      url: "https://loinc.org/102017-1",
      note: "Codes as used in uwcirg/cosri-pain-management-summary PC-PTSD-5_LogicLibrary.cql and CNICS mapping notes (secondary); their displays were not seen in LOINC-generated content. No panel code was found.",
    },
  },
  licence: {
    rightsHolder: "US Department of Veterans Affairs, National Center for PTSD",
    redistributeWording: true,
    terms: "A US federal work, free to use. The library ships short labels; the full wording is on the VA's form.",
    contact: "www.ptsd.va.gov",
    source: "licence",
  },
  loinc: { score: "102017-1" },
  items: [
    {
      id: "exposure",
      label: "Ever experienced a frightening, horrible or traumatic event",
      loinc: "102011-4",
      // The gate adds nothing to the count; it is in the total's items so that the total needs it answered.
      options: [
        { value: 0, label: "No", score: 0 },
        { value: 1, label: "Yes", score: 0 },
      ],
    },
    { id: "1", label: "Nightmares or unwanted thoughts about it", loinc: "102012-2", options: NO_YES },
    { id: "2", label: "Tried hard not to think about it or avoided reminders", loinc: "102013-0", options: NO_YES },
    { id: "3", label: "Constantly on guard, watchful or easily startled", loinc: "102014-8", options: NO_YES },
    { id: "4", label: "Felt numb or detached", loinc: "102015-5", options: NO_YES },
    { id: "5", label: "Felt guilty or unable to stop blaming", loinc: "102016-3", options: NO_YES },
  ],
  skips: [
    {
      when: [{ item: "exposure", op: "==", value: 0 }],
      items: ["1", "2", "3", "4", "5"],
      counts: 0,
      ifAnswered: "rejected",
      source: "form",
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["exposure", "1", "2", "3", "4", "5"],
    method: "sum",
    range: [0, 5],
    missing: { kind: "strict", source: "form" },
    bands: [
      { id: "negative", label: "Negative screen", min: 0, max: 2 },
      { id: "positive", label: "Positive screen (further assessment, e.g. PCL-5)", min: 3, max: 5 },
    ],
    bandsSource: "prins2016",
    source: "form",
  },
  flags: [
    {
      id: "cutoff-4",
      label: "Total 4 or more",
      message:
        "Positive at the efficiency cut-point of 4 (Bovin 2021). The default band uses 3, which misses fewer cases among women.",
      when: { scale: "total", op: ">=", value: 4 },
      source: "bovin2021",
      optIn: true,
    },
  ],
  notes: [
    "Cut-off: 3 or more is positive by default (Prins 2016: the cut that maximises sensitivity; the VA clergy toolkit: 'any three of the five'), because the chronic pain population is mostly women, for whom both the VA and Bovin 2021 say a cut of 4 misses many cases, and a positive screen only leads to a fuller assessment. The opt-in flag 'cutoff-4' gives Bovin 2021's efficiency cut-point.",
    "Skip logic as the form prints it: 'If no, screen total = 0. Please stop here.' With exposure 0, items 1–5 are not asked and count 0; the reason says so. The exposure question must be answered (it is among the total's items with no points of its own: 0 for No and for Yes); with exposure 1, all five items are required. No developer rule for missing items was found: this is the library's design.",
    "An item answered Yes after exposure No is rejected, naming the item: the form states the total is then 0, and silently zeroing a reported symptom would hide it. An answer of No there agrees with the form and is accepted.",
    "The id 'exposure' for the unnumbered trauma question is the library's, not a form number.",
    "LOINC codes (exposure 102011-4, items 102012-2 … 102016-3, total 102017-1) are from secondary sources; their LOINC displays were not checked on loinc.org.",
  ],
} as const satisfies InstrumentDefinition;
