import { CAMCOPS_AUDIT, WHO_AUDIT_2001 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 0–4 frequency answers of items 3–8. */
const NEVER_TO_DAILY = [
  { value: 0, label: "Never" },
  { value: 1, label: "Less than monthly" },
  { value: 2, label: "Monthly" },
  { value: 3, label: "Weekly" },
  { value: 4, label: "Daily or almost daily" },
] as const;

/** Items 9–10: scored 0, 2 or 4 (1 and 3 are not answers). */
const NO_PAST_YEAR = [
  { value: 0, label: "No" },
  { value: 2, label: "Yes, but not in the last year" },
  { value: 4, label: "Yes, during the last year" },
] as const;

/**
 * Alcohol Use Disorders Identification Test (AUDIT, WHO 2001): ten items summed 0–40 into the WHO risk
 * zones I (0–7), II (8–15), III (16–19) and IV (20–40); items 1–3 also give the consumption subscale
 * (0–12). Items 1, 9 and 10 are always asked; when item 1 is 0 items 2–8 are not asked, and when items 2
 * and 3 are both 0 items 4–8 are not asked; items not asked count 0.
 *
 * @example
 * ```ts
 * score(audit, [3, 2, 2, 1, 1, 0, 1, 1, 2, 4]).band?.id;                       // "zone-3" (17)
 * score(audit, [0, null, null, null, null, null, null, null, 0, 2]).score; // 2
 * ```
 * @see {@link https://www.who.int/publications/i/item/WHO-MSD-MSB-01.6a | WHO 2001}
 * @category Alcohol
 */
export const audit = {
  id: "audit",
  title: "Alcohol Use Disorders Identification Test",
  shortTitle: "AUDIT",
  version: "1.0.0",
  domain: "alcohol",
  description: "Ten-item screen for hazardous and harmful alcohol use and possible dependence, in four WHO risk zones.",
  direction: "higher-is-worse",
  recall: "past year",
  references: {
    who2001: WHO_AUDIT_2001,
    camcops: CAMCOPS_AUDIT,
    zones: {
      text: "Addiction Science & Clinical Practice 2016;11 (doi:10.1186/s13722-016-0066-5), restating the WHO 2001 risk zones.",
      doi: "10.1186/s13722-016-0066-5",
      note: "'simple advice (score 8–15), simple advice plus brief counselling and continued monitoring (score 16–19), or referral to a specialist … (score 20–40) … These higher cut-offs are based on expert opinion'.",
    },
    loinc: {
      text: "LOINC 75624-7 'Total score [AUDIT]'.",
      url: "https://loinc.org/75624-7",
      note: "As in a public FHIR resource and the AHRQ CQL (secondary sources; not read on loinc.org). No AUDIT panel code was verified, so none is given. Some public code swaps 75624-7 with the AUDIT-C total 75626-2; that is wrong.",
    },
  },
  licence: {
    rightsHolder: "World Health Organization",
    redistributeWording: false,
    terms:
      "WHO 2001: the manual may be freely reviewed, abstracted, reproduced and translated, in part or in whole, but not for sale or for use in conjunction with commercial purposes. That clause does not fit an MIT library, so the scoring rules ship and the item wording does not.",
    source: "who2001",
  },
  loinc: { score: "75624-7" },
  items: [
    {
      id: "1",
      label: "Frequency of drinking",
      options: [
        { value: 0, label: "Never" },
        { value: 1, label: "Monthly or less" },
        { value: 2, label: "2 to 4 times a month" },
        { value: 3, label: "2 to 3 times a week" },
        { value: 4, label: "4 or more times a week" },
      ],
    },
    {
      id: "2",
      label: "Drinks on a typical drinking day",
      options: [
        { value: 0, label: "1 or 2" },
        { value: 1, label: "3 or 4" },
        { value: 2, label: "5 or 6" },
        { value: 3, label: "7, 8 or 9" },
        { value: 4, label: "10 or more" },
      ],
    },
    { id: "3", label: "Frequency of six or more drinks", options: NEVER_TO_DAILY },
    { id: "4", label: "Unable to stop once started", options: NEVER_TO_DAILY },
    { id: "5", label: "Failed to do what was expected", options: NEVER_TO_DAILY },
    { id: "6", label: "Morning drink needed", options: NEVER_TO_DAILY },
    { id: "7", label: "Guilt or remorse after drinking", options: NEVER_TO_DAILY },
    { id: "8", label: "Unable to remember the night before", options: NEVER_TO_DAILY },
    { id: "9", label: "Injury to self or others because of drinking", options: NO_PAST_YEAR },
    { id: "10", label: "Others concerned or suggested cutting down", options: NO_PAST_YEAR },
  ],
  skips: [
    {
      when: [{ item: "1", op: "==", value: 0 }],
      items: ["2", "3", "4", "5", "6", "7", "8"],
      counts: 0,
      ifAnswered: "scored",
      source: "camcops",
    },
    {
      when: [
        { item: "2", op: "==", value: 0 },
        { item: "3", op: "==", value: 0 },
      ],
      items: ["4", "5", "6", "7", "8"],
      counts: 0,
      ifAnswered: "scored",
      source: "camcops",
    },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
    method: "sum",
    range: [0, 40],
    missing: { kind: "strict", source: "camcops" },
    bands: [
      { id: "zone-1", label: "Zone I: low risk (alcohol education)", min: 0, max: 7 },
      { id: "zone-2", label: "Zone II: hazardous (simple advice)", min: 8, max: 15 },
      { id: "zone-3", label: "Zone III: harmful (advice, brief counselling, monitoring)", min: 16, max: 19 },
      { id: "zone-4", label: "Zone IV: possible dependence (referral for diagnosis and treatment)", min: 20, max: 40 },
    ],
    bandsSource: "zones",
    source: "who2001",
  },
  subscales: [
    {
      id: "consumption",
      label: "consumption (items 1–3, the AUDIT-C items)",
      items: ["1", "2", "3"],
      method: "sum",
      range: [0, 12],
      missing: { kind: "strict", source: "camcops" },
      source: "who2001",
    },
  ],
  notes: [
    "Risk zones 0–7, 8–15, 16–19 and 20–40 as WHO 2001 gives them (restated in Addict Sci Clin Pract 2016); some code uses 8–14 / 15–19, which is not the WHO's. A lower cut-off for women or older adults was not verified and is not offered.",
    "Skip logic as CamCOPS reads the WHO interview: items 1, 9 and 10 are always asked; item 1 = 0 leaves items 2–8 unasked, items 2 and 3 both 0 leave items 4–8 unasked, and an item not asked counts 0 (the result's reason says which). Any other unanswered item leaves the total without a score.",
    "An item not asked but answered anyway is scored as given, as CamCOPS sums the answers it has: on the self-report form a patient may answer every question, and zeroing a reported problem would hide it.",
    "The consumption subscale is items 1–3 (the AUDIT-C items, WHO wording), for comparison with an AUDIT-C; it is not banded here, since the AUDIT-C's cut-offs depend on sex (use the auditc instrument).",
    "Items 9 and 10 accept only 0, 2 and 4; 1 or 3 is rejected as invalid.",
    "Licence: the WHO manual's non-commercial clause makes the verdict 'Rules': short labels only. Whether WHO has since relicensed the AUDIT was not checked.",
    "LOINC: total 75624-7 from secondary sources; no panel code was verified. The AUDIT-C total 75626-2 is never emitted here.",
  ],
} as const satisfies InstrumentDefinition;
