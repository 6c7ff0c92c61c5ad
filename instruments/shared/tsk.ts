/**
 * Pieces shared by the Tampa Scale for Kinesiophobia (TSK-17) and its 11-item short form (TSK-11): the
 * answer scale, short item labels by TSK-17 item number, the sources and the licence. Plain literals only.
 *
 * @module
 */

/** The TSK 1–4 agreement scale, as answered (before any reverse keying). */
export const AGREEMENT = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Agree" },
  { value: 4, label: "Strongly agree" },
] as const;

/** Kori, Miller & Todd 1990: the construct and the scale's origin. */
export const KORI_1990 = {
  text: "Kori SH, Miller RP, Todd DD. Kinesiophobia: a new view of chronic pain behavior. Pain Management 1990;3:35–43.",
  note: "Introduces kinesiophobia and the 17-item Tampa Scale (developed by Miller, Kori and Todd). Not read; cited for the scale's origin only.",
} as const;

/** Vlaeyen 1995: the English TSK-17 as commonly reproduced, reverse keying and the > 37 cut-off. */
export const VLAEYEN_1995 = {
  text: "Vlaeyen JWS, Kole-Snijders AMJ, Boeren RGB, van Eek H. Fear of movement/(re)injury in chronic low back pain and its relation to behavioral performance. Pain 1995;62:363–372.",
  doi: "10.1016/0304-3959(94)00279-N",
  note:
    "Seventeen items answered 1 (strongly disagree) to 4 (strongly agree); items 4, 8, 12 and 16 are reverse-scored (5 − answer); total 17–68. A total above 37 is cited from this paper as high fear of movement; the paper's own text was not read, and one open-source implementation uses 37 or more instead. Public copies of the English form carry the line 'Reprinted from Pain, 62, Vlaeyen et al., 371, Copyright (1995), with permission from the International Association for the Study of Pain'.",
} as const;

/** Woby 2005: the TSK-11. */
export const WOBY_2005 = {
  text: "Woby SR, Roach NK, Urmston M, Watson PJ. Psychometric properties of the TSK-11: a shortened version of the Tampa Scale for Kinesiophobia. Pain 2005;117(1–2):137–144.",
  pmid: "16055269",
  doi: "10.1016/j.pain.2005.05.029",
  note:
    "Abstract: items 4, 8, 12 and 16 had low item–total correlations and items 4, 9, 12 and 14 non-normal response distributions; the six were excluded, leaving TSK-17 items 1, 2, 3, 5, 6, 7, 10, 11, 13, 15 and 17 (the union was computed from the abstract). A reduction of at least 4 points on either version best identified an important reduction in fear of movement; no cut-off for a single score is given. Test-retest reliability in chronic low back pain: TSK-17 ICC 0.82, SEM 3.16; TSK-11 ICC 0.81, SEM 2.54.",
} as const;

/** What is and is not known of the TSK's rights. */
export const TSK_LICENCE = {
  rightsHolder:
    "Not established: the scale's developers are Miller RP, Kori SH and Todd DD; the English form is usually reprinted from Pain 1995 with permission from the International Association for the Study of Pain",
  redistributeWording: false,
  terms:
    "No licence or permission statement from the developers was found. Reprints of the English form credit " +
    "Pain 1995;62:371 with permission from the International Association for the Study of Pain. Whether the " +
    "wording may be redistributed is unknown, so only short neutral labels are shipped; the scoring rules come " +
    "from the published papers.",
  source: "vlaeyen1995",
} as const;
