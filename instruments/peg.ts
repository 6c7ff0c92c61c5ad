import { BPI_USER_GUIDE } from "./shared/bpi.js";
import { RATING_0_TO_10 } from "./shared/rating.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * PEG: a three-item pain scale (average Pain, interference with Enjoyment of life, interference with
 * General activity) derived from the Brief Pain Inventory, for following chronic pain in primary care.
 *
 * Each item is 0–10; the score is their mean, 0–10, and needs all three. There are no official severity
 * bands, so none are given. Item wording is not shipped: the items are adapted from the BPI, whose
 * copyright holder claims all its derivatives.
 *
 * @example
 * ```ts
 * score(peg, [6, 5, 7]).score; // 6
 * score(peg, [6, 5, 7]).band;  // null (no bands)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/19418100/ | Krebs et al. 2009}
 * @category Pain
 */
export const peg = {
  id: "peg",
  title: "PEG three-item pain scale (Pain, Enjoyment of life, General activity)",
  shortTitle: "PEG",
  version: "1.0.0",
  domain: "pain",
  description: "Average pain intensity and pain interference with enjoyment of life and with general activity, as a 0–10 mean.",
  direction: "higher-is-worse",
  recall: "past week",
  references: {
    krebs2009: {
      text: "Krebs EE, Lorenz KA, Bair MJ, Damush TM, Wu J, Sutherland JM, Asch SM, Kroenke K. Development and initial validation of the PEG, a three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733–738.",
      pmid: "19418100",
      doi: "10.1007/s11606-009-0981-1",
      note:
        "Abstract: the selected BPI items assess average pain intensity (P), interference with enjoyment of life (E) and " +
        "interference with general activity (G). The score as the mean of the three items is stated by secondary sources " +
        "(calculators and reviews); the paper's scoring figure was not read directly. No cut-offs are published.",
    },
    bpiGuide: BPI_USER_GUIDE,
  },
  licence: {
    rightsHolder: "Not established; items adapted from the Brief Pain Inventory (© Charles S. Cleeland) by Krebs et al.",
    redistributeWording: false,
    terms:
      "Terms of use not verified. The BPI's copyright statement covers the BPI and all its derivatives, so the PEG wording " +
      "is withheld until its status is confirmed.",
    source: "bpiGuide",
  },
  items: [
    { id: "1", label: "Average pain, past week", options: RATING_0_TO_10 },
    { id: "2", label: "Interference with enjoyment of life", options: RATING_0_TO_10 },
    { id: "3", label: "Interference with general activity", options: RATING_0_TO_10 },
  ],
  score: {
    id: "total",
    label: "score",
    items: ["1", "2", "3"],
    method: "mean",
    range: [0, 10],
    missing: { kind: "strict", source: "krebs2009" },
    source: "krebs2009",
  },
  notes: [
    "Item ids are the PEG's printed order: '1' average pain, '2' enjoyment of life, '3' general activity.",
    "No bands: some calculators show 0–3.9 mild, 4–6.9 moderate and 7–10 severe, but no primary source for them was " +
      "found, so they are neither a default nor an option.",
    "No rule for unanswered items is published; all three are required. The mean is not rounded.",
  ],
} as const satisfies InstrumentDefinition;
