import { EIGER_2023, VLAEYEN_1995, WOBY_2005 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** The 1–4 agreement scale, as answered (before any reverse keying). */
const AGREEMENT = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Agree" },
  { value: 4, label: "Strongly agree" },
] as const;

/**
 * Tampa Scale for Kinesiophobia, 17-item (TSK-17): fear of movement and (re)injury.
 *
 * Seventeen items answered 1 (strongly disagree) to 4 (strongly agree). Pass answers as ticked: items 4,
 * 8, 12 and 16 are reverse-keyed and scored 5 − answer by the library. The total is 17–68; above 37
 * (38 or more) is banded `high`. Every item is required.
 *
 * @example
 * ```ts
 * // All items 3, except the reversed items 4, 8, 12 and 16 answered 2 (each scores 3).
 * score(tsk17, [3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3]).score; // 51, band "high"
 * ```
 * @see {@link https://doi.org/10.1016/0304-3959(94)00279-N | Vlaeyen et al. 1995}
 * @category Fear of movement
 */
export const tsk17 = {
  id: "tsk17",
  title: "Tampa Scale for Kinesiophobia (17-item)",
  shortTitle: "TSK-17",
  version: "1.0.0",
  domain: "fear-of-movement",
  description: "Fear of movement and of (re)injury in people with musculoskeletal pain.",
  direction: "higher-is-worse",
  references: {
    vlaeyen1995: VLAEYEN_1995,
    kori1990: {
      text: "Kori SH, Miller RP, Todd DD. Kinesiophobia: a new view of chronic pain behavior. Pain Management 1990;3:35–43.",
      note: "Introduces kinesiophobia and the 17-item Tampa Scale (developed by Miller, Kori and Todd). Not read; cited for the scale's origin only.",
    },
    woby2005: WOBY_2005,
    eiger2023: EIGER_2023,
  },
  licence: {
    rightsHolder:
      "Not established: the scale's developers are Miller RP, Kori SH and Todd DD; the English form is usually reprinted from Pain 1995 with permission from the International Association for the Study of Pain",
    redistributeWording: false,
    terms:
      "No licence or permission statement from the developers was found. Reprints of the English form credit Pain 1995;62:371 with permission from the International Association for the Study of Pain. Whether the wording may be redistributed is unknown, so only short neutral labels are shipped; the scoring rules come from the published papers.",
    source: "vlaeyen1995",
  },
  items: [
    { id: "1", label: "Fear of injury from exercise", options: AGREEMENT },
    { id: "2", label: "Pain would rise if pushed through", options: AGREEMENT },
    { id: "3", label: "Body signals something dangerously wrong", options: AGREEMENT },
    { id: "4", label: "Exercise would relieve pain (reversed)", options: AGREEMENT, reversed: true },
    { id: "5", label: "Condition not taken seriously by others", options: AGREEMENT },
    { id: "6", label: "Body at lasting risk since the injury", options: AGREEMENT },
    { id: "7", label: "Pain means bodily injury", options: AGREEMENT },
    { id: "8", label: "Aggravation is not danger (reversed)", options: AGREEMENT, reversed: true },
    { id: "9", label: "Fear of accidental injury", options: AGREEMENT },
    { id: "10", label: "Avoiding unnecessary movement is safest", options: AGREEMENT },
    { id: "11", label: "So much pain implies danger", options: AGREEMENT },
    { id: "12", label: "Better off physically active (reversed)", options: AGREEMENT, reversed: true },
    { id: "13", label: "Pain signals when to stop exercising", options: AGREEMENT },
    { id: "14", label: "Activity unsafe with this condition", options: AGREEMENT },
    { id: "15", label: "Too easily injured for normal activities", options: AGREEMENT },
    { id: "16", label: "Pain is not actually dangerous (reversed)", options: AGREEMENT, reversed: true },
    { id: "17", label: "No one should exercise in pain", options: AGREEMENT },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"],
    method: "sum",
    range: [17, 68],
    missing: { kind: "strict", source: "vlaeyen1995" },
    bands: [
      { id: "low", label: "Low fear of movement (37 or less)", min: 17, max: 37 },
      { id: "high", label: "High fear of movement (above 37)", min: 38, max: 68 },
    ],
    bandsSource: "vlaeyen1995",
    source: "vlaeyen1995",
  },
  notes: [
    "High band above 37 (38 to 68), as the cut-off is cited from Vlaeyen 1995; one open-source implementation flags 37 or more instead. This definition follows 'above 37' (vlaeyen1995).",
    "Items 4, 8, 12 and 16 are reverse-keyed: pass the answer as ticked (1–4); it is scored 5 − answer (vlaeyen1995, woby2005).",
    "No published rule for unanswered items was found, so all 17 items are required (strict).",
  ],
  change: {
    total: {
      mcid: [
        { id: "woby2005", label: "4 points (chronic low back pain)", points: 4, default: true, source: "woby2005" },
      ],
      reliability: [
        {
          id: "woby2005",
          label: "SEM 3.16 (chronic low back pain)",
          sem: 3.16,
          population: "chronic low back pain",
          default: true,
          source: "woby2005",
          note: "Reliable change needs about 8.8 points.",
        },
        {
          id: "eiger2023",
          label: "SDC95 8.53 (Danish chronic pain)",
          threshold: 8.53,
          population: "chronic pain, 7–14-day retest",
          source: "eiger2023",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
