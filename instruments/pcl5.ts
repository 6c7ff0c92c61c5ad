import type { InstrumentDefinition } from "../src/types.js";

/** How much the patient was bothered by each problem in the past month (0–4). */
const SEVERITY = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "A little bit" },
  { value: 2, label: "Moderately" },
  { value: 3, label: "Quite a bit" },
  { value: 4, label: "Extremely" },
] as const;

/**
 * PTSD Checklist for DSM-5 (PCL-5): twenty items on how much each PTSD symptom bothered the patient in the
 * past month, 0 (not at all) to 4 (extremely). The total is their sum (0–80); the cluster subscales sum
 * items 1–5 (B, intrusion), 6–7 (C, avoidance), 8–14 (D, negative cognitions and mood) and 15–20 (E,
 * arousal and reactivity). A total of 33 or more is a provisional positive (`probable-ptsd`); `cutoff-31`
 * is the opt-in lower end of the published 31–33 range. `dsm5-rule` is raised by the DSM-5 symptom rule:
 * at least one B, one C, two D and two E items rated 2 (moderately) or more. Every item is required.
 *
 * @example
 * ```ts
 * const r = score(pcl5, Array(20).fill(2));
 * r.score;                  // 40
 * r.band?.id;               // "probable-ptsd"
 * r.flags.map((f) => f.id); // ["dsm5-rule"]
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/26606250/ | Blevins et al. 2015}
 * @category Trauma
 */
export const pcl5 = {
  id: "pcl5",
  title: "PTSD Checklist for DSM-5",
  shortTitle: "PCL-5",
  version: "1.0.0",
  domain: "trauma",
  description: "Severity of PTSD symptoms over the past month, with the DSM-5 symptom rule and a provisional cut-off.",
  direction: "higher-is-worse",
  recall: "past month",
  references: {
    weathers2013: {
      text: "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.",
      url: "https://www.ptsd.va.gov/professional/assessment/adult-sr/ptsd-checklist.asp",
      note: "The instrument, from the US Department of Veterans Affairs National Center for PTSD: 'in the public domain and not copyrighted' (as quoted by mhscales.com and CamCOPS, 'a work of the US Government'). The developer's page gives 'a PCL-5 cutoff score between 31-33' as indicative of probable PTSD (as quoted by awell-score and comorbidityguidelines.org.au); it was not read directly here.",
    },
    blevins2015: {
      text: "Blevins CA, Weathers FW, Davis MT, Witte TK, Domino JL. The Posttraumatic Stress Disorder Checklist for DSM-5 (PCL-5): development and initial psychometric evaluation. J Trauma Stress 2015;28(6):489–498.",
      pmid: "26606250",
      doi: "10.1002/jts.22059",
      note: "Development and psychometrics of the PCL-5 (as cited by CamCOPS); the paper itself was not read.",
    },
    bovin2016: {
      text: "Bovin MJ, Marx BP, Weathers FW, et al. Psychometric properties of the PTSD Checklist for Diagnostic and Statistical Manual of Mental Disorders–Fifth Edition (PCL-5) in veterans. Psychol Assess 2016;28(11):1379–1391.",
      doi: "10.1037/pas0000254",
      note: "Abstract: 'PCL-5 scores of 31 to 33 were optimally efficient for diagnosing PTSD'.",
    },
    camcops: {
      text: "CamCOPS: server/camcops_server/tasks/pcl5.py and docs/source/tasks/pcl5.rst (open-source scoring code, University of Cambridge).",
      url: "https://github.com/ucam-department-of-psychiatry/camcops",
      note: "Clusters B = items 1–5, C = 6–7, D = 8–14, E = 15–20; an item rated 2 or more counts as a symptom; DSM-5 rule: at least 1 B, 1 C, 2 D and 2 E symptoms. awell-score's PCL-5 README and the VA CAPS-5 training page give the same clusters.",
    },
    onlinemedicaltools: {
      text: "PCL-5 calculator and notes, onlinemedicaltools.com/tools/pcl5, quoting the National Center for PTSD.",
      url: "https://onlinemedicaltools.com/tools/pcl5",
      note: "'A 5–10 point change represents reliable change … 10–20 points clinically meaningful change', derived for the DSM-IV PCL and carried over; the National Center for PTSD page itself was not read.",
    },
    marx2022: {
      text: "Marx BP, Lee DJ, Norman SB, Bovin MJ, Sloan DM, Weathers FW, Keane TM, Schnurr PP. Reliable and clinically significant change in the Clinician-Administered PTSD Scale for DSM-5 and PTSD Checklist for DSM-5 among male veterans. Psychol Assess 2022;34(2):197–203.",
      url: "https://www.hsrd.research.va.gov/research/citations/abstract.cfm?Identifier=157955",
      note: "Abstract (VA HSR&D): in two randomized trials of male veterans (N = 198 and N = 102), a within-person PCL-5 change of 15 and 18 points respectively was indicative of reliable change; a score of 28 or less made membership of the non-PTSD population more likely (clinically significant change).",
    },
    design: {
      text: "stepscore design choice: no National Center for PTSD rule for unanswered items was found; every item is required.",
    },
  },
  licence: {
    rightsHolder: "US Department of Veterans Affairs, National Center for PTSD (public domain)",
    redistributeWording: true,
    terms: "A work of the US Government, in the public domain and not copyrighted.",
    source: "weathers2013",
  },
  items: [
    { id: "1", label: "Unwanted memories", options: SEVERITY },
    { id: "2", label: "Disturbing dreams", options: SEVERITY },
    { id: "3", label: "Flashbacks (as if happening again)", options: SEVERITY },
    { id: "4", label: "Upset when reminded", options: SEVERITY },
    { id: "5", label: "Physical reactions to reminders", options: SEVERITY },
    { id: "6", label: "Avoiding memories, thoughts, feelings", options: SEVERITY },
    { id: "7", label: "Avoiding external reminders", options: SEVERITY },
    { id: "8", label: "Trouble remembering parts of the event", options: SEVERITY },
    { id: "9", label: "Strong negative beliefs", options: SEVERITY },
    { id: "10", label: "Blaming self or others", options: SEVERITY },
    { id: "11", label: "Strong negative feelings", options: SEVERITY },
    { id: "12", label: "Loss of interest", options: SEVERITY },
    { id: "13", label: "Feeling distant or cut off", options: SEVERITY },
    { id: "14", label: "Trouble experiencing positive feelings", options: SEVERITY },
    { id: "15", label: "Irritable, angry or aggressive", options: SEVERITY },
    { id: "16", label: "Risk-taking or self-harmful behaviour", options: SEVERITY },
    { id: "17", label: "Superalert or watchful", options: SEVERITY },
    { id: "18", label: "Jumpy or easily startled", options: SEVERITY },
    { id: "19", label: "Difficulty concentrating", options: SEVERITY },
    { id: "20", label: "Trouble sleeping", options: SEVERITY },
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
    ],
    method: "sum",
    range: [0, 80],
    missing: { kind: "strict", source: "design" },
    bands: [
      { id: "below-threshold", label: "Below the provisional cut-off", min: 0, max: 32 },
      {
        id: "probable-ptsd",
        label: "Probable PTSD (provisional; confirm with a clinical interview such as the CAPS-5)",
        min: 33,
        max: 80,
      },
    ],
    bandsSource: "bovin2016",
    source: "camcops",
  },
  subscales: [
    {
      id: "clusterB",
      label: "cluster B, intrusion (items 1–5)",
      items: ["1", "2", "3", "4", "5"],
      method: "sum",
      range: [0, 20],
      missing: { kind: "strict", source: "design" },
      source: "camcops",
    },
    {
      id: "clusterC",
      label: "cluster C, avoidance (items 6–7)",
      items: ["6", "7"],
      method: "sum",
      range: [0, 8],
      missing: { kind: "strict", source: "design" },
      source: "camcops",
    },
    {
      id: "clusterD",
      label: "cluster D, negative alterations in cognitions and mood (items 8–14)",
      items: ["8", "9", "10", "11", "12", "13", "14"],
      method: "sum",
      range: [0, 28],
      missing: { kind: "strict", source: "design" },
      source: "camcops",
    },
    {
      id: "clusterE",
      label: "cluster E, alterations in arousal and reactivity (items 15–20)",
      items: ["15", "16", "17", "18", "19", "20"],
      method: "sum",
      range: [0, 24],
      missing: { kind: "strict", source: "design" },
      source: "camcops",
    },
  ],
  flags: [
    {
      id: "dsm5-rule",
      label: "DSM-5 symptom rule met",
      message:
        "At least one cluster B, one cluster C, two cluster D and two cluster E items rated 2 (moderately) or more: a provisional PTSD diagnosis by the DSM-5 symptom rule. Confirm with a clinical interview; it is not a diagnosis.",
      // Each cluster: the number of its items rated 2 or more.
      when: {
        all: [
          {
            count: [
              { item: "1", op: ">=", value: 2 },
              { item: "2", op: ">=", value: 2 },
              { item: "3", op: ">=", value: 2 },
              { item: "4", op: ">=", value: 2 },
              { item: "5", op: ">=", value: 2 },
            ],
            op: ">=",
            value: 1,
          },
          {
            count: [
              { item: "6", op: ">=", value: 2 },
              { item: "7", op: ">=", value: 2 },
            ],
            op: ">=",
            value: 1,
          },
          {
            count: [
              { item: "8", op: ">=", value: 2 },
              { item: "9", op: ">=", value: 2 },
              { item: "10", op: ">=", value: 2 },
              { item: "11", op: ">=", value: 2 },
              { item: "12", op: ">=", value: 2 },
              { item: "13", op: ">=", value: 2 },
              { item: "14", op: ">=", value: 2 },
            ],
            op: ">=",
            value: 2,
          },
          {
            count: [
              { item: "15", op: ">=", value: 2 },
              { item: "16", op: ">=", value: 2 },
              { item: "17", op: ">=", value: 2 },
              { item: "18", op: ">=", value: 2 },
              { item: "19", op: ">=", value: 2 },
              { item: "20", op: ">=", value: 2 },
            ],
            op: ">=",
            value: 2,
          },
        ],
      },
      source: "camcops",
    },
    {
      id: "cutoff-31",
      label: "Total 31 or more",
      message:
        "PCL-5 total of 31 or more: positive at the lower end of the 31–33 range Bovin 2016 found optimally efficient. A provisional screen; confirm with a clinical interview.",
      when: { scale: "total", op: ">=", value: 31 },
      source: "bovin2016",
      optIn: true,
    },
  ],
  notes: [
    "The National Center for PTSD gives a range, not a point: 'a PCL-5 cutoff score between 31-33'. The default band boundary is 33 (the top of the range, the more specific choice for a monitoring tool); 31 is the opt-in flag `cutoff-31`. Unverified: that an earlier NCPTSD version used 33. There are no empirically derived severity ranges, so no severity bands are given.",
    "`dsm5-rule` tests the answers directly: it is raised when the answered items already meet the rule, whatever else is missing, and not otherwise (an undecided rule raises nothing). The cluster subscales and the total need every one of their items.",
    "No National Center for PTSD rule for unanswered items was found; every item is required and no proration is offered.",
    "Item labels are short paraphrases. Unverified: the exact wording of items 7–20 (the form is public domain, but only items 1–6 were read in a reproduction), so no item wording is shipped.",
    "Change: 10 points as the clinically meaningful change, and 5–10 points as reliable change, are quoted from the National Center for PTSD but were derived for the DSM-IV PCL (unverified for the PCL-5); the 10-point MCID is given with that caveat. The reliable-change thresholds are the PCL-5's own, from Marx 2022 (15 points, the larger of its two trial samples, by default; 18 as the option), derived in male veterans: the DSM-IV PCL's 5–10 is not used for them.",
    "No LOINC code for the PCL-5 was verified (a claimed '97006-2' was not corroborated), so none is emitted.",
  ],
  change: {
    total: {
      mcid: [
        {
          id: "ncptsd-10",
          label: "10 points (clinically meaningful change; carried over from the PCL for DSM-IV)",
          points: 10,
          default: true,
          source: "onlinemedicaltools",
          note: "Quoted from the National Center for PTSD, which derived it for the DSM-IV PCL; not re-derived for the PCL-5.",
        },
      ],
      reliability: [
        {
          id: "marx2022-15",
          label: "15 points (reliable change; male veterans, trial sample 1)",
          threshold: 15,
          population: "male US veterans in a randomized trial for PTSD (N = 198)",
          default: true,
          source: "marx2022",
        },
        {
          id: "marx2022-18",
          label: "18 points (reliable change; male veterans, trial sample 2)",
          threshold: 18,
          population: "male US veterans in a randomized trial for PTSD (N = 102)",
          source: "marx2022",
        },
      ],
    },
  },
} as const satisfies InstrumentDefinition;
