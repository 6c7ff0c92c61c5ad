import { GAD_1,
  GAD_2, KROENKE_2007, PHQ_LICENCE, PHQSCREENERS, SCREEN_BANDS } from "./shared/phq.js";
import type { InstrumentDefinition } from "../src/types.js";

/**
 * GAD-2: the first two GAD-7 items as an anxiety screener. Total 0–6; 3 or more is a positive screen, to
 * be followed by the full GAD-7. Severity bands some tools attach to the GAD-2 have no primary source and
 * are not offered.
 *
 * @example
 * ```ts
 * score(gad2, [2, 2]).band?.id; // "positive" (total 4)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/17339617/ | Kroenke et al. 2007}
 * @category Anxiety
 */
export const gad2 = {
  id: "gad2",
  title: "Generalized Anxiety Disorder 2-item scale",
  shortTitle: "GAD-2",
  version: "1.0.1",
  domain: "anxiety",
  description: "Two-item anxiety screener (nervousness and uncontrolled worry over the last two weeks).",
  direction: "higher-is-worse",
  recall: "last 2 weeks",
  references: { kroenke2007: KROENKE_2007, phqscreeners: PHQSCREENERS },
  licence: PHQ_LICENCE,
  items: [GAD_1, GAD_2],
  score: {
    id: "total",
    label: "total",
    items: ["1", "2"],
    method: "sum",
    range: [0, 6],
    missing: { kind: "strict", source: "kroenke2007" },
    bands: SCREEN_BANDS,
    bandsSource: "kroenke2007",
    source: "kroenke2007",
  },
} as const satisfies InstrumentDefinition;
