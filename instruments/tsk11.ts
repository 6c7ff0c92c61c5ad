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
 * Tampa Scale for Kinesiophobia, 11-item short form (TSK-11): fear of movement and (re)injury.
 *
 * Eleven items answered 1 (strongly disagree) to 4 (strongly agree), numbered 1–11 on the TSK-11 form;
 * they are TSK-17 items 1, 2, 3, 5, 6, 7, 10, 11, 13, 15 and 17, in that order (TSK-11 item 4 is TSK-17
 * item 5, item 11 is item 17). None is reverse-keyed. The total is 11–44; there is no published cut-off,
 * so no bands. Every item is required.
 *
 * @example
 * ```ts
 * score(tsk11, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]).score; // 33
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/16055269/ | Woby et al. 2005}
 * @category Fear of movement
 */
export const tsk11 = {
  id: "tsk11",
  title: "Tampa Scale for Kinesiophobia (11-item)",
  shortTitle: "TSK-11",
  version: "1.0.0",
  domain: "fear-of-movement",
  description: "Short form of the TSK: fear of movement and of (re)injury in people with musculoskeletal pain.",
  direction: "higher-is-worse",
  references: { woby2005: WOBY_2005, vlaeyen1995: VLAEYEN_1995, eiger2023: EIGER_2023 },
  licence: {
    rightsHolder:
      "Not established: the scale's developers are Miller RP, Kori SH and Todd DD; the English form is usually reprinted from Pain 1995 with permission from the International Association for the Study of Pain",
    redistributeWording: false,
    terms:
      "No licence or permission statement from the developers was found. Reprints of the English form credit Pain 1995;62:371 with permission from the International Association for the Study of Pain. Whether the wording may be redistributed is unknown, so only short neutral labels are shipped; the scoring rules come from the published papers.",
    source: "vlaeyen1995",
  },
  // Record keys are the TSK-11's own numbers; each label names the TSK-17 item it is.
  items: [
    { id: "1", label: "Fear of injury from exercise (TSK-17 item 1)", options: AGREEMENT },
    { id: "2", label: "Pain would rise if pushed through (TSK-17 item 2)", options: AGREEMENT },
    { id: "3", label: "Body signals something dangerously wrong (TSK-17 item 3)", options: AGREEMENT },
    { id: "4", label: "Condition not taken seriously by others (TSK-17 item 5)", options: AGREEMENT },
    { id: "5", label: "Body at lasting risk since the injury (TSK-17 item 6)", options: AGREEMENT },
    { id: "6", label: "Pain means bodily injury (TSK-17 item 7)", options: AGREEMENT },
    { id: "7", label: "Avoiding unnecessary movement is safest (TSK-17 item 10)", options: AGREEMENT },
    { id: "8", label: "So much pain implies danger (TSK-17 item 11)", options: AGREEMENT },
    { id: "9", label: "Pain signals when to stop exercising (TSK-17 item 13)", options: AGREEMENT },
    { id: "10", label: "Too easily injured for normal activities (TSK-17 item 15)", options: AGREEMENT },
    { id: "11", label: "No one should exercise in pain (TSK-17 item 17)", options: AGREEMENT },
  ],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
    method: "sum",
    range: [11, 44],
    missing: { kind: "strict", source: "woby2005" },
    source: "woby2005",
  },
  notes: [
    "TSK-11 items 1–11 are TSK-17 items 1, 2, 3, 5, 6, 7, 10, 11, 13, 15 and 17: the TSK-17 less the six items Woby 2005 excluded (4, 8, 9, 12, 14, 16). The TSK-11 is taken to number them in TSK-17 order; the printed TSK-11 form was not seen.",
    "All four reverse-keyed TSK-17 items (4, 8, 12, 16) were dropped, so no TSK-11 item is reversed.",
    "No cut-off for a single TSK-11 score is published (Woby 2005 gives only a change of at least 4 points as important), so there are no bands; the TSK-17's 'above 37' does not apply to this 11–44 scale.",
    "No published rule for unanswered items was found, so all 11 items are required (strict).",
  ],
  change: {
    total: {
      mcid: [
        { id: "woby2005", label: "4 points (chronic low back pain)", points: 4, default: true, source: "woby2005" },
      ],
      reliability: [
        {
          id: "woby2005",
          label: "SEM 2.54 (chronic low back pain)",
          sem: 2.54,
          population: "chronic low back pain",
          default: true,
          source: "woby2005",
          note: "Reliable change needs about 7.0 points.",
        },
        {
          id: "eiger2023",
          label: "SDC95 5.82 (Danish chronic pain)",
          threshold: 5.82,
          population: "chronic pain, 7–14-day retest",
          source: "eiger2023",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
