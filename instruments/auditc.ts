import { CAMCOPS_AUDIT, WHO_AUDIT_2001 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–4 frequency answers of items 1 and 3 as the VA (Bush 1998) form prints them. */
const NEVER_TO_DAILY = [
  { value: 0, label: "Never" },
  { value: 1, label: "Less than monthly" },
  { value: 2, label: "Monthly" },
  { value: 3, label: "Weekly" },
  { value: 4, label: "Daily or almost daily" },
] as const;

/**
 * AUDIT-C: the three consumption questions of the AUDIT, summed 0–12. The screen is read by sex: 4 or more
 * is positive for men, 3 or more for women; pass `settings: { sex: "female" | "male" }`. Without it every
 * total reads the same for both sexes except 3, which gets the band `indeterminate` and the flag
 * `sex-needed`. When item 1 is 0 (never drinks), items 2–3 are not asked and count 0.
 *
 * @example
 * ```ts
 * score(auditc, [1, 1, 1], { settings: { sex: "female" } }).band?.id; // "positive"
 * score(auditc, [1, 1, 1], { settings: { sex: "male" } }).band?.id;   // "negative"
 * score(auditc, [1, 1, 1]).band?.id;                                  // "indeterminate"
 * score(auditc, [0, null, null]).score;                               // 0 (items 2–3 not asked)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/9738608/ | Bush et al. 1998}
 * @category Alcohol
 */
export const auditc = {
  id: "auditc",
  title: "Alcohol Use Disorders Identification Test – Consumption",
  shortTitle: "AUDIT-C",
  version: "1.0.0",
  domain: "alcohol",
  description: "Three-question screen for unhealthy alcohol use over the past year, read by sex.",
  direction: "higher-is-worse",
  recall: "past year",
  references: {
    bush1998: {
      text: "Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C): an effective brief screening test for problem drinking. Arch Intern Med 1998;158(16):1789–1795.",
      pmid: "9738608",
      doi: "10.1001/archinte.158.16.1789",
      note: "The three items and their 0–4 values (the VA wording), as restated by CamCOPS (audit.xml c_q1–c_q3) and ementalhealth.ca; the paper itself was not read.",
    },
    bradley2003: {
      text: "Bradley KA, Bush KR, Epler AJ, et al. Two brief alcohol-screening tests from the Alcohol Use Disorders Identification Test (AUDIT): validation in a female Veterans Affairs patient population. Arch Intern Med 2003;163(7):821–829.",
      pmid: "12695273",
      doi: "10.1001/archinte.163.7.821",
      note: "Abstract read: the AUDIT-C in women; the cut-off of 3 or more for women as used in practice.",
    },
    cutoffs: {
      text: "Addiction Science & Clinical Practice 2014;9:2 (doi:10.1186/1940-0640-9-2); primarycare.ementalhealth.ca AUDIT-C scoring key.",
      doi: "10.1186/1940-0640-9-2",
      note: "'AUDIT-C scores ≥4 points for men and ≥3 for women are considered positive screens based on US validation studies'; ementalhealth.ca: 'In men, a score of 4 or more is considered positive … In women, a score of 3 or more'. The band for a total of 3 with sex not given is the library's design: the two rules disagree only there.",
    },
    skip: {
      text: "Item 1 = Never: items 2–3 not asked (VA practice and the AUDIT's own first skip instruction).",
      note: "The AUDIT interview skips to items 9–10 after 'Never' on item 1 (WHO 2001, as restated by CamCOPS is_complete); the AUDIT-C form follows the same logic. No AUDIT-C-specific statement was read: marked unverified.",
    },
    who2001: WHO_AUDIT_2001,
    camcops: CAMCOPS_AUDIT,
    loinc: {
      text: "LOINC 72109-2 'Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]' (panel); 75626-2 'Total score [AUDIT-C]'.",
      url: "https://loinc.org/75626-2",
      note: "Panel code as in the HL7 Clinical Guidelines FSH and an instrument registry; total code as in a pt-BR ValueSet display and the AHRQ CQL (secondary sources; not read on loinc.org). Some public code swaps 75626-2 with the AUDIT total 75624-7; that is wrong.",
    },
    samhsa: {
      text: "SAMHSA-HRSA Center for Integrated Health Solutions, AUDIT-C tool page: 'AUDIT-C is available for use in the public domain'.",
      note: "As quoted by CamCOPS docs/source/tasks/audit.rst; the SAMHSA page itself was not read.",
    },
  },
  licence: {
    rightsHolder:
      "US Department of Veterans Affairs (AUDIT-C wording, Bush 1998); AUDIT items © World Health Organization",
    redistributeWording: false,
    terms:
      "The AUDIT-C is stated to be in the public domain (SAMHSA, as quoted by CamCOPS). Until that statement is confirmed the library ships short labels only, not the item wording.",
    source: "samhsa",
  },
  loinc: { panel: "72109-2", score: "75626-2" },
  items: [
    {
      id: "1",
      label: "How often a drink containing alcohol",
      options: [
        { value: 0, label: "Never" },
        { value: 1, label: "Monthly or less" },
        { value: 2, label: "2–4 times a month" },
        { value: 3, label: "2–3 times a week" },
        { value: 4, label: "4 or more times a week" },
      ],
    },
    {
      id: "2",
      label: "Drinks on a typical drinking day",
      options: [
        { value: 0, label: "0, 1 or 2" },
        { value: 1, label: "3 or 4" },
        { value: 2, label: "5 or 6" },
        { value: 3, label: "7 to 9" },
        { value: 4, label: "10 or more" },
      ],
    },
    { id: "3", label: "How often 6 or more drinks on one occasion", options: NEVER_TO_DAILY },
  ],
  settings: [
    {
      id: "sex",
      label: "The patient's sex, which sets the cut-off (4 or more for men, 3 or more for women)",
      type: "enum",
      values: ["female", "male"],
      default: null,
      source: "cutoffs",
    },
  ],
  skips: [
    {
      when: [{ item: "1", op: "==", value: 0 }],
      items: ["2", "3"],
      counts: 0,
      ifAnswered: "scored",
      source: "skip",
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3"],
    method: "sum",
    range: [0, 12],
    missing: { kind: "strict", source: "camcops" },
    // First match: a total of 2 or less and 4 or more read the same for both sexes; only 3 needs the sex.
    bands: [
      { id: "negative", label: "Negative screen", when: [{ scale: "total", op: "<=", value: 2 }] },
      {
        id: "positive",
        label: "Positive screen (unhealthy alcohol use likely)",
        when: [{ scale: "total", op: ">=", value: 4 }],
      },
      {
        id: "positive",
        label: "Positive screen (unhealthy alcohol use likely)",
        when: [
          { scale: "total", op: "==", value: 3 },
          { setting: "sex", is: ["female"] },
        ],
      },
      {
        id: "negative",
        label: "Negative screen",
        when: [
          { scale: "total", op: "==", value: 3 },
          { setting: "sex", is: ["male"] },
        ],
      },
      {
        id: "indeterminate",
        label: "Positive for women, negative for men: sex not given",
        when: [
          { scale: "total", op: "==", value: 3 },
          { setting: "sex", is: [null] },
        ],
      },
    ],
    bandsSource: "cutoffs",
    source: "bush1998",
  },
  flags: [
    {
      id: "sex-needed",
      label: "Total of 3 with sex not given",
      message:
        "An AUDIT-C total of 3 is a positive screen for a woman and a negative one for a man. Score again with settings.sex; the library does not guess.",
      when: { scale: "total", op: "==", value: 3 },
      settings: [{ setting: "sex", is: [null] }],
      source: "cutoffs",
    },
  ],
  notes: [
    "Cut-offs by sex (4 or more for men, 3 or more for women) as stated by Addict Sci Clin Pract 2014 and ementalhealth.ca; Bradley 2003 (abstract) for women. Other published cut-offs (5 or more in some UK settings, higher ones for 'severe') were not verified and are not offered.",
    "With sex not given, the two rules agree on every total except 3: totals of 2 or less are negative and 4 or more positive whatever the sex; a 3 gets the band 'indeterminate' and the flag 'sex-needed'. The male rule is never applied silently.",
    "Skip logic: when item 1 is 0 (never), items 2–3 are not asked and count 0, so the total is complete; the reason says so. The AUDIT-C-specific statement of this rule was not read (unverified); it is the AUDIT's first skip instruction (WHO 2001) applied to its first three items.",
    "An item not asked but answered anyway is scored as given (as CamCOPS sums the answers it has): a patient who says 'never' and then reports drinks is read at face value, which can only raise the total, rather than having reported drinking zeroed.",
    "Item wording is not shipped until SAMHSA's public-domain statement is confirmed (the licence verdict is 'Ship (conditional)'); labels are short and neutral.",
    "LOINC: panel 72109-2 and total 75626-2 from secondary sources (not read on loinc.org); item codes are not given, none having been checked. The AUDIT total is 75624-7, never emitted here.",
  ],
} as const satisfies InstrumentDefinition;
