import { OSTELO_2008 } from "../src/references.js";
import type { InstrumentDefinition } from "../src/types.js";

/** Whether a statement was ticked as describing the respondent today. */
const TICK = [
  { value: 0, label: "Not ticked (does not apply today)" },
  { value: 1, label: "Ticked (applies today)" },
] as const;

/**
 * Roland–Morris Disability Questionnaire, 24-item version (RMDQ): physical disability from low back pain,
 * today.
 *
 * Twenty-four statements; each ticked statement scores 1 and the score is their count, 0–24. There are no
 * published bands. On paper an unticked box is simply 0, so a missing answer only arises in electronic
 * capture: by default every item is then required. The `rescale` option, which is not a published rule,
 * scales the count to 24 when one or two items are unanswered (count × 24 / answered, unrounded).
 *
 * Statements carry short topic labels only; terms for shipping their wording in software were not
 * established.
 *
 * @example
 * ```ts
 * score(rmdq, [1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]).score; // 9
 * score(rmdq, [1, 1, 1, null, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], { missing: "rescale" }).score; // 9.39… (9 × 24 / 23)
 * ```
 * @see {@link https://doi.org/10.1097/00007632-198303000-00004 | Roland & Morris 1983}
 * @category Disability
 */
export const rmdq = {
  id: "rmdq",
  title: "Roland–Morris Disability Questionnaire (24-item)",
  shortTitle: "RMDQ",
  version: "1.0.0",
  domain: "disability",
  description: "Physical disability from low back pain today: the number of 24 statements that apply.",
  direction: "higher-is-worse",
  recall: "today",
  references: {
    ostelo2008: OSTELO_2008,
    hongKong: {
      text: "Hong Kong Chinese version of the Roland-Morris Disability Questionnaire: validation. Hong Kong Physiother J.",
      doi: "10.1016/S1013-7025(09)70049-1",
      note: "MCID 3, 6 and 9 points for baselines of 0–8, 9–16 and 17–24 (from a secondary summary; the paper was not read).",
    },
    rolandMorris1983: {
      text: "Roland M, Morris R. A study of the natural history of back pain. Part I: development of a reliable and sensitive measure of disability in low-back pain. Spine 1983;8(2):141–144.",
      doi: "10.1097/00007632-198303000-00004",
      note: "The 24 statements, each qualified by 'because of my back'; the score is the number ticked, 0–24. The paper itself was not read.",
    },
    rolandFairbank2000: {
      text: "Roland M, Fairbank J. The Roland-Morris Disability Questionnaire and the Oswestry Disability Questionnaire. Spine 2000;25(24):3115–3124.",
      doi: "10.1097/00007632-200012150-00006",
      note:
        "'When used in the forms reproduced in the appendices, no permission is required from the authors or from " +
        "Spine' (read in a public copy of the manuscript). Scoring as summarised elsewhere: count the ticked " +
        "statements; a statement the patient marks as not applicable scores 0; a yes/no format is not advised.",
    },
    kentLauridsen: {
      text: "Kent P, Lauridsen HH. Managing missing scores on the Roland Morris Disability Questionnaire. University of Southern Denmark (conference poster).",
      url: "https://portal.findresearcher.sdu.dk/da/publications/managing-missing-scores-on-the-roland-morris-disability-questionn",
      note:
        "'There is no standard method to calculate Roland Morris Disability Questionnaire (RMDQ) sum scores when " +
        "one or more questions have not been answered'; describes proportional recalculation over the answered " +
        "questions and measures its error (the results were not read).",
    },
    kamper2010: {
      text: "Kamper SJ, Maher CG, Herbert RD, Hancock MJ, Hush JM, Smeets RJ. How little pain and disability do patients with low back pain have to experience to feel that they have recovered? Eur Spine J 2010;19(9):1495–1501.",
      pmid: "20229120",
      doi: "10.1007/s00586-010-1366-1",
      note: "'Scores of 0 on the NRS and ≤2 on the RMDQ most accurately identify patients who consider themselves completely recovered' (abstract).",
    },
  },
  licence: {
    rightsHolder: "Martin Roland and Richard Morris (authors)",
    redistributeWording: false,
    terms:
      "Roland & Fairbank (Spine 2000): no permission is required when the questionnaire is used in the form " +
      "reproduced there. Current terms for distributing the wording in software were not established, so only " +
      "short labels are shipped.",
    source: "rolandFairbank2000",
  },
  items: [
    { id: "1", label: "Stays at home most of the time", options: TICK },
    { id: "2", label: "Changes position often for comfort", options: TICK },
    { id: "3", label: "Walks more slowly than usual", options: TICK },
    { id: "4", label: "Not doing usual jobs around the house", options: TICK },
    { id: "5", label: "Uses a handrail to go upstairs", options: TICK },
    { id: "6", label: "Lies down to rest more often", options: TICK },
    { id: "7", label: "Holds on to something to get out of an easy chair", options: TICK },
    { id: "8", label: "Tries to get others to do things", options: TICK },
    { id: "9", label: "Dresses more slowly than usual", options: TICK },
    { id: "10", label: "Stands only for short periods", options: TICK },
    { id: "11", label: "Tries not to bend or kneel", options: TICK },
    { id: "12", label: "Difficulty getting out of a chair", options: TICK },
    { id: "13", label: "Back painful almost all the time", options: TICK },
    { id: "14", label: "Difficulty turning over in bed", options: TICK },
    { id: "15", label: "Appetite not very good", options: TICK },
    { id: "16", label: "Trouble putting on socks or stockings", options: TICK },
    { id: "17", label: "Walks only short distances", options: TICK },
    { id: "18", label: "Sleeps less well", options: TICK },
    { id: "19", label: "Needs help to get dressed", options: TICK },
    { id: "20", label: "Sits down for most of the day", options: TICK },
    { id: "21", label: "Avoids heavy jobs around the house", options: TICK },
    { id: "22", label: "More irritable or bad-tempered than usual", options: TICK },
    { id: "23", label: "Goes upstairs more slowly than usual", options: TICK },
    { id: "24", label: "Stays in bed most of the time", options: TICK },
  ],
  score: {
    id: "total",
    label: "total",
    items: [
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "15",
      "16",
      "17",
      "18",
      "19",
      "20",
      "21",
      "22",
      "23",
      "24",
    ],
    method: "sum",
    range: [0, 24],
    missing: { kind: "strict", source: "kentLauridsen" },
    source: "rolandMorris1983",
  },
  missingOptions: [
    {
      id: "rescale",
      label: "Non-standard: one or two unanswered items rescaled (count × 24 / answered, unrounded)",
      rule: { kind: "prorate", maxMissing: 2, rounding: "none", source: "kentLauridsen" },
    },
  ],
  notes: [
    "No bands: the authors publish no cut-offs. Scores below 4 or above 20 may not show change (floor and " +
      "ceiling; rolandFairbank2000 as summarised by others), and ≤ 2 best identifies patients who consider " +
      "themselves recovered (kamper2010); neither is a severity band, so none is applied.",
    "Missing answers: there is no standard method (kentLauridsen). On the paper form an unticked statement is " +
      "0, and one the patient marks as not applicable is also 0 (rolandFairbank2000): pass 0 for both. A blank " +
      "arises only in electronic yes/no capture, and by default every item is then required.",
    "The `rescale` option is non-standard: it scales the count of ticked statements to 24 over the answered " +
      "items (the proportional recalculation kentLauridsen describe), for at most 2 unanswered. The limit is a " +
      "choice of this library, not a published rule: 2 of 24 (8 %) keeps the share that may be estimated below " +
      "the NDI's (1 of 10) and the ODI's (2 of 10), since each RMDQ answer is a whole point of a 0–24 count.",
    "Statements carry short topic labels, not their wording (rolandFairbank2000 covers the printed form only).",
    "Change: the consensus MCID of 5 points and the 30 % responder threshold (ostelo2008) are the defaults. The " +
      "published detectable changes found are at 90 % confidence (Stratford 1996: 4–5 points), which is not the " +
      "95 % the reliable change index uses, so none is offered.",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "ostelo2008",
          label: "5 points (international consensus, low back pain)",
          points: 5,
          default: true,
          source: "ostelo2008",
        },
        {
          id: "hong-kong",
          label: "3, 6 or 9 points for baselines of 0–8, 9–16 or 17–24 (Hong Kong Chinese version)",
          points: 9,
          byBaseline: [
            { op: "<=", value: 8, points: 3 },
            { op: "<=", value: 16, points: 6 },
          ],
          source: "hongKong",
        },
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
