import type { ComputedScale, ComputeInput, ComputeOutput, InstrumentDefinition } from "../src/types.js";

/** The 0–3 frequency scale of items 5a–5j, 7 and 8. */
const FREQUENCY = [
  { value: 0, label: "Not during the past month" },
  { value: 1, label: "Less than once a week" },
  { value: 2, label: "Once or twice a week" },
  { value: 3, label: "Three or more times a week" },
] as const;

/** Item 6. */
const QUALITY = [
  { value: 0, label: "Very good" },
  { value: 1, label: "Fairly good" },
  { value: 2, label: "Fairly bad" },
  { value: 3, label: "Very bad" },
] as const;

/** Item 9. */
const PROBLEM = [
  { value: 0, label: "No problem at all" },
  { value: 1, label: "Only a very slight problem" },
  { value: 2, label: "Somewhat of a problem" },
  { value: 3, label: "A very big problem" },
] as const;

/** Items 5b–5j, summed by the sleep-disturbances component. */
const DISTURBANCE_ITEMS = ["5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j"] as const;

/** Component labels as used in reasons and flags. */
const COMPONENTS = {
  quality: "subjective sleep quality",
  latency: "sleep latency",
  duration: "sleep duration",
  efficiency: "habitual sleep efficiency",
  disturbances: "sleep disturbances",
  medication: "use of sleeping medication",
  daytimeDysfunction: "daytime dysfunction",
} as const;

type ComponentId = keyof typeof COMPONENTS;

/**
 * One row of a component's cut-off table: answers for which `op value` holds score `score` (the first row
 * that holds wins; a row without `op` takes the rest). `printed` is the band as the scoring appendix prints it.
 */
interface Cut {
  readonly op?: "<=" | ">" | ">=";
  readonly value?: number;
  readonly score: number;
  readonly printed: string;
}

/** A component's banding of a sum of answers: `min`–`max` scores `score`. */
interface Range {
  readonly min: number;
  readonly max: number;
  readonly score: number;
}

// The component cut-offs, as this definition reads them (the gap-free reading, see the notes). The scorer
// reads these tables, and the notes and the buysse1989 reference note are written from them.

/** Item 2, minutes to fall asleep → 0–3. */
const LATENCY_MINUTES: readonly Cut[] = [
  { op: "<=", value: 15, score: 0, printed: "≤ 15" },
  { op: "<=", value: 30, score: 1, printed: "16–30" },
  { op: "<=", value: 60, score: 2, printed: "31–60" },
  { score: 3, printed: "> 60" },
];

/** Item 4, hours slept → 0–3. */
const DURATION_HOURS: readonly Cut[] = [
  { op: ">", value: 7, score: 0, printed: "> 7" },
  { op: ">=", value: 6, score: 1, printed: "6–7" },
  { op: ">=", value: 5, score: 2, printed: "5–6" },
  { score: 3, printed: "< 5" },
];

/** Habitual sleep efficiency, per cent → 0–3 (the setting strictEfficiency85 makes the first row "> 85"). */
const EFFICIENCY_PERCENT: readonly Cut[] = [
  { op: ">=", value: 85, score: 0, printed: "> 85" },
  { op: ">=", value: 75, score: 1, printed: "75–84" },
  { op: ">=", value: 65, score: 2, printed: "65–74" },
  { score: 3, printed: "< 65" },
];

/** A sum of two 0–3 answers (latency: item 2's score + item 5a; daytime dysfunction: 8 + 9) → 0–3. */
const PAIR_SUM: readonly Range[] = [
  { min: 0, max: 0, score: 0 },
  { min: 1, max: 2, score: 1 },
  { min: 3, max: 4, score: 2 },
  { min: 5, max: 6, score: 3 },
];

/** The sum of items 5b–5j (0–27) → 0–3. */
const DISTURBANCE_SUM: readonly Range[] = [
  { min: 0, max: 0, score: 0 },
  { min: 1, max: 9, score: 1 },
  { min: 10, max: 18, score: 2 },
  { min: 19, max: 27, score: 3 },
];

/** The score of `x` under a cut-off table: its first row that holds. */
function cutScore(x: number, table: readonly Cut[]): number {
  for (const row of table) {
    const v = row.value ?? 0;
    if (row.op === undefined || (row.op === "<=" ? x <= v : row.op === ">" ? x > v : x >= v)) return row.score;
  }
  // Every table ends with a row without `op`; this is never reached.
  return Number.NaN;
}

/** The score of an integer sum under a range table. */
function rangeScore(sum: number, table: readonly Range[]): number {
  return table.find((r) => sum >= r.min && sum <= r.max)?.score ?? Number.NaN;
}

/** A cut-off table in words, e.g. "> 7 h → 0, ≥ 6 → 1, ≥ 5 → 2, else 3" (the unit after the first value only). */
/* @__NO_SIDE_EFFECTS__ */
function cutsText(table: readonly Cut[], unit: string): string {
  const sign = { "<=": "≤", ">": ">", ">=": "≥" } as const;
  return table
    .map((r, i) =>
      r.op === undefined
        ? `else ${String(r.score)}`
        : `${sign[r.op]} ${String(r.value)}${i === 0 ? unit : ""} → ${String(r.score)}`,
    )
    .join(", ");
}

/** The boundary values of a cut-off table and what they score, e.g. "exactly 7 h and 6 h score 1, exactly 5 h scores 2". */
/* @__NO_SIDE_EFFECTS__ */
function exactlyText(table: readonly Cut[], unit: string): string {
  const groups: [number, number[]][] = [];
  for (const r of table) {
    if (r.value === undefined) continue;
    const s = cutScore(r.value, table);
    const last = groups[groups.length - 1];
    if (last?.[0] === s) last[1].push(r.value);
    else groups.push([s, [r.value]]);
  }
  return groups
    .map(
      ([s, vs]) =>
        `exactly ${vs.map((v) => `${String(v)}${unit}`).join(" and ")} score${vs.length === 1 ? "s" : ""} ${String(s)}`,
    )
    .join(", ");
}

/** A range table in words, e.g. "0 → 0, 1–2 → 1, 3–4 → 2, 5–6 → 3". */
/* @__NO_SIDE_EFFECTS__ */
function rangesText(table: readonly Range[]): string {
  return table
    .map((r) => `${r.min === r.max ? String(r.min) : `${String(r.min)}–${String(r.max)}`} → ${String(r.score)}`)
    .join(", ");
}

/** A table's bands as printed, e.g. "≤ 15 / 16–30 / 31–60 / > 60". */
/* @__NO_SIDE_EFFECTS__ */
function printedText(table: readonly (Cut | Range)[]): string {
  return table
    .map((r) => ("printed" in r ? r.printed : r.min === r.max ? String(r.min) : `${String(r.min)}–${String(r.max)}`))
    .join(" / ");
}

/** The buysse1989 reference note: what the abstract says, and the appendix's bands as printed. */
/* @__NO_SIDE_EFFECTS__ */
function appendixNote(): string {
  return (
    "Abstract (read): nineteen self-rated items give seven component scores whose sum is the global score; " +
    "'A global PSQI score > 5 yielded a diagnostic sensitivity of 89.6% and specificity of 86.5% (kappa = 0.75)'. " +
    "The scoring appendix was read only as reproduced by others: " +
    `item 2 ${printedText(LATENCY_MINUTES)} min; two-item sums ${printedText(PAIR_SUM)}; duration ${printedText(DURATION_HOURS)} h; ` +
    `efficiency ${printedText(EFFICIENCY_PERCENT)} %; disturbances ${printedText(DISTURBANCE_SUM)}.`
  );
}

/** The note on component boundaries: the cut-off tables as this definition reads them. */
/* @__NO_SIDE_EFFECTS__ */
function boundariesNote(): string {
  return (
    "Component boundaries: the printed bands overlap (6–7 h and 5–6 h) or leave gaps (84–85 %, and between whole minutes for decimal answers), and implementations disagree (LCBC, awell-score, BioPsyKit). " +
    `This definition uses the gap-free reading: latency minutes ${cutsText(LATENCY_MINUTES, "")}; duration ${cutsText(DURATION_HOURS, " h")} ` +
    `(so ${exactlyText(DURATION_HOURS, " h")}); efficiency ${cutsText(EFFICIENCY_PERCENT, " %")}; ` +
    `two-item sums ${rangesText(PAIR_SUM)}; disturbance sums ${rangesText(DISTURBANCE_SUM)}.`
  );
}

/**
 * Computes the seven PSQI components and the global score from validated answers.
 * Each component is null, with a reason naming its unanswered items, when an item it needs is missing;
 * the global score is then null too.
 */
function scorePsqi(input: ComputeInput): ComputeOutput {
  const a = input.answers;
  // Only a literal `true` switches a setting on: anything else keeps the documented default.
  const strict85 = input.settings["strictEfficiency85"] === true;
  const require5j = input.settings["require5j"] === true;
  const issues: { item: string; value: unknown; message: string }[] = [];
  const flags: { id: string; label: string; message: string }[] = [];

  const num = (id: string): number | null => {
    const v = a[id];
    return typeof v === "number" ? v : null;
  };
  const unanswered = (ids: readonly string[]): string[] => ids.filter((id) => a[id] === null || a[id] === undefined);
  const missing = (component: ComponentId, ids: readonly string[]): ComputedScale => {
    const gone = unanswered(ids);
    return {
      score: null,
      missing: gone,
      reason: `PSQI ${COMPONENTS[component]}: item${gone.length === 1 ? "" : "s"} ${gone.join(", ")} not answered`,
    };
  };

  // C1 subjective sleep quality = item 6.
  const q6 = num("6");
  const quality: ComputedScale = q6 === null ? missing("quality", ["6"]) : { score: q6 };

  // C2 sleep latency: item 2 banded, plus item 5a, then the sum banded.
  const q2 = num("2");
  const q5a = num("5a");
  const latency: ComputedScale =
    q2 === null || q5a === null
      ? missing("latency", ["2", "5a"])
      : { score: rangeScore(cutScore(q2, LATENCY_MINUTES) + q5a, PAIR_SUM) };

  // C3 sleep duration = item 4 banded.
  const q4 = num("4");
  const duration: ComputedScale = q4 === null ? missing("duration", ["4"]) : { score: cutScore(q4, DURATION_HOURS) };

  // C4 habitual sleep efficiency = hours slept / hours in bed × 100.
  const bed = a["1"];
  const up = a["3"];
  const inBed = typeof bed === "string" && typeof up === "string" ? minutesInBed(bed, up) : null;
  if (inBed === 0) {
    // Rejected whatever else is answered: the two times cannot both be right.
    issues.push({
      item: "3",
      value: up,
      message:
        `getting-up time ${JSON.stringify(up)} equals the bedtime in item 1 (${JSON.stringify(bed)}): ` +
        "hours in bed cannot be computed (0 or 24 hours); check both answers",
    });
  }
  let efficiency: ComputedScale;
  if (inBed === null || q4 === null) {
    efficiency = missing("efficiency", ["1", "3", "4"]);
  } else if (inBed === 0) {
    efficiency = { score: null, reason: "PSQI habitual sleep efficiency: bedtime equals getting-up time" };
  } else {
    const percent = efficiencyPercent(q4, inBed);
    // The strict reading of the printed "> 85 %": the first row holds only above 85.
    const table = strict85
      ? EFFICIENCY_PERCENT.map((r, i): Cut => (i === 0 ? { ...r, op: ">" } : r))
      : EFFICIENCY_PERCENT;
    efficiency = { score: cutScore(percent, table) };
    if (percent > 100) {
      flags.push({
        id: "sleep-exceeds-time-in-bed",
        label: "Hours slept exceed hours in bed",
        message:
          `Item 4 gives ${String(q4)} h of sleep, more than the ${formatHours(inBed)} h in bed from items 1 and 3 ` +
          `(${String(bed)} to ${String(up)}): sleep efficiency computes to ${String(percent)} % and was scored 0. ` +
          "The answers are inconsistent; check them before relying on the efficiency component or the global score.",
      });
    }
  }

  // C5 sleep disturbances: items 5b–5j summed, then banded. A blank 5j counts 0 unless require5j is set.
  const blank5j = a["5j"] === null || a["5j"] === undefined;
  const needed = require5j ? DISTURBANCE_ITEMS : DISTURBANCE_ITEMS.filter((id) => id !== "5j");
  let disturbances: ComputedScale;
  if (unanswered(needed).length > 0) {
    disturbances = missing("disturbances", needed);
  } else {
    let sum = 0;
    for (const id of DISTURBANCE_ITEMS) sum += num(id) ?? 0;
    disturbances = { score: rangeScore(sum, DISTURBANCE_SUM) };
    if (blank5j) {
      flags.push({
        id: "item-5j-blank-scored-0",
        label: "Item 5j (other reasons) not answered: counted as 0",
        message:
          "Item 5j was blank and was counted as 0 in the sleep-disturbances component, as the PSQI scoring " +
          "instructions direct (revised 2005 on Dr Buysse's instruction). Pass the setting require5j to treat it " +
          "as missing instead.",
      });
    }
  }

  // C6 use of sleeping medication = item 7.
  const q7 = num("7");
  const medication: ComputedScale = q7 === null ? missing("medication", ["7"]) : { score: q7 };

  // C7 daytime dysfunction: items 8 + 9, banded.
  const q8 = num("8");
  const q9 = num("9");
  const daytimeDysfunction: ComputedScale =
    q8 === null || q9 === null ? missing("daytimeDysfunction", ["8", "9"]) : { score: rangeScore(q8 + q9, PAIR_SUM) };

  const components = { quality, latency, duration, efficiency, disturbances, medication, daytimeDysfunction };
  const lacking: string[] = [];
  let total = 0;
  for (const [id, c] of Object.entries(components)) {
    if (c.score === null) lacking.push(c.reason ?? COMPONENTS[id as ComponentId]);
    else total += c.score;
  }
  const global: ComputedScale =
    lacking.length === 0
      ? { score: total }
      : {
          score: null,
          missing: [...new Set(Object.values(components).flatMap((c) => c.missing ?? []))],
          reason: `PSQI global score needs all seven components; ${String(lacking.length)} cannot be computed (${lacking.join("; ")})`,
        };

  return { scales: { global, ...components }, flags, issues };
}

/** Minutes from bedtime to getting-up time, across midnight when the second is earlier (mod 24 h). */
function minutesInBed(bedtime: string, getUp: string): number {
  return (((clockMinutes(getUp) - clockMinutes(bedtime)) % 1440) + 1440) % 1440;
}

/** Minutes after midnight of a validated "HH:MM". */
function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Hours slept as a percentage of minutes in bed, rounded to 10⁻⁶ %, so that binary floating point cannot
 * move an exact 85 % (6.8 h of 8 h) to either side of the cut-off.
 */
function efficiencyPercent(hoursSlept: number, minutesInBedValue: number): number {
  return Math.round(((hoursSlept * 60 * 100) / minutesInBedValue) * 1e6) / 1e6;
}

/** Minutes as hours for messages, e.g. 450 → "7.5". */
function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/**
 * Pittsburgh Sleep Quality Index (PSQI): sleep quality and disturbances over the past month.
 *
 * Eighteen self-rated answers (bed and getting-up clock times, minutes to fall asleep, hours slept, items
 * 5a–5j, 6–9 in the 1989 numbering; the bed-partner items are not scored) give seven components of 0–3,
 * summed to a global score of 0–21; more than 5 marks a poor sleeper (Buysse 1989). A component that
 * cannot be computed leaves the global score null with a reason naming it and its missing items.
 * Bedtime equal to getting-up time is rejected; more hours slept than hours in bed raises the
 * `sleep-exceeds-time-in-bed` flag. A blank item 5j counts 0 and raises `item-5j-blank-scored-0`.
 *
 * Settings: `strictEfficiency85` scores an efficiency of exactly 85 % as 1 (the "> 85 %" reading);
 * `require5j` treats a blank item 5j as missing.
 *
 * Item wording is © University of Pittsburgh; only short labels ship here.
 *
 * @example
 * ```ts
 * const r = score(psqi, ["23:00", 40, "07:00", 6.5, 2, 3, 2, 0, 1, 0, 0, 1, 3, 0, 2, 0, 1, 2]);
 * r.score;                // 10
 * r.band?.id;             // "poor"
 * r.subscales.efficiency; // 1 (6.5 h of 8 h in bed = 81.25 %)
 * ```
 * @see {@link https://pubmed.ncbi.nlm.nih.gov/2748771/ | Buysse, Reynolds, Monk, Berman & Kupfer 1989}
 * @category Sleep
 */
export const psqi = {
  id: "psqi",
  title: "Pittsburgh Sleep Quality Index",
  shortTitle: "PSQI",
  version: "1.0.0",
  domain: "sleep",
  description: "Sleep quality and disturbances over the past month: seven component scores and a global score.",
  direction: "higher-is-worse",
  recall: "past month",
  references: {
    buysse1989: {
      text: "Buysse DJ, Reynolds CF 3rd, Monk TH, Berman SR, Kupfer DJ. The Pittsburgh Sleep Quality Index: a new instrument for psychiatric practice and research. Psychiatry Res 1989;28(2):193–213.",
      pmid: "2748771",
      doi: "10.1016/0165-1781(89)90047-4",
      note: /* @__PURE__ */ appendixNote(),
    },
    pittScoring: {
      text: "PSQI Scoring: form administration instructions and score definitions ('Scores – reportable in publications'), citing Buysse et al. 1989. Undated data-management document.",
      note:
        "Read in public copies and in open-source scorers that reproduce it; its origin at the University of " +
        "Pittsburgh is not confirmed. It says questions 1–9 may not be missing and any score computed from a missing " +
        "question is missing; that 'On May 20, 2005, on the instruction of Dr. Daniel J. Buysse, the scoring of the PSQI " +
        "was changed to set the score for Q5J to 0 if either the comment or the value was missing'; and it scores " +
        "efficiency 0 when above 85.",
    },
    implementations: {
      text: "Open-source PSQI scorers compared: LCBC-UiO/questionnaires R/psqi_functions.R (commit 02cb53e5); awell-health/awell-score (commit c37843e5); mad-lab-fau/BioPsyKit (commit 5f5d179a).",
      url: "https://github.com/LCBC-UiO/questionnaires",
      note:
        "LCBC (read): hours in bed + 24 h when negative; efficiency 0 only from 85.0001 % (strict > 85); exactly 6 h " +
        "and 7 h of sleep score 1, exactly 5 h scores 2; latency of exactly 15 min scores 1; no global score when a " +
        "component is missing unless the caller allows proration. awell-score and BioPsyKit differ at 85 % and 84.5 % " +
        "(their code was not re-read for this note).",
    },
    proqolid: {
      text: "Mapi Research Trust, PROQOLID. Pittsburgh Sleep Quality Index (PSQI): copyright and conditions of use.",
      note:
        "'PSQI © University of Pittsburgh, 1989. All right reserved. This copyright in this form is owned by the " +
        "University of Pittsburgh and may be reprinted without charge only for non-commercial research and educational " +
        "purposes. You may not make changes or modifications of this form without prior written permission from the " +
        "University of Pittsburgh.'",
    },
    micSurvey2024: {
      text: "Minimal important change of the PSQI in insomnia trials: a methodological survey. BMC Med Res Methodol 2024;24:177.",
      doi: "10.1186/s12874-024-02297-0",
      note: "A 3-point change is the MIC insomnia trials use most often (2.5–2.7 also used) (from a secondary summary; the paper was not read). The derivation usually credited to Hughes et al. 2009 was not verified.",
    },
  },
  licence: {
    rightsHolder: "University of Pittsburgh",
    redistributeWording: false,
    terms:
      "PSQI © University of Pittsburgh, 1989. The form may be reprinted without charge only for non-commercial research and educational purposes and may not be changed without the University's written permission; item wording is not shipped.",
    contact: "University of Pittsburgh (Dr Daniel J. Buysse); translations through Mapi Research Trust",
    source: "proqolid",
  },
  items: [
    { id: "1", label: "Usual bedtime", kind: "time" },
    { id: "2", label: "Minutes to fall asleep", kind: "number", min: 0, max: 720, integer: true, unit: "minutes" },
    { id: "3", label: "Usual getting-up time", kind: "time" },
    {
      id: "4",
      label: "Hours of actual sleep per night",
      kind: "number",
      min: 0,
      max: 24,
      integer: false,
      unit: "hours",
    },
    { id: "5a", label: "Trouble sleeping: not asleep within 30 minutes", options: FREQUENCY },
    { id: "5b", label: "Trouble sleeping: waking at night or early morning", options: FREQUENCY },
    { id: "5c", label: "Trouble sleeping: getting up for the bathroom", options: FREQUENCY },
    { id: "5d", label: "Trouble sleeping: breathing", options: FREQUENCY },
    { id: "5e", label: "Trouble sleeping: coughing or snoring", options: FREQUENCY },
    { id: "5f", label: "Trouble sleeping: too cold", options: FREQUENCY },
    { id: "5g", label: "Trouble sleeping: too hot", options: FREQUENCY },
    { id: "5h", label: "Trouble sleeping: bad dreams", options: FREQUENCY },
    { id: "5i", label: "Trouble sleeping: pain", options: FREQUENCY },
    { id: "5j", label: "Trouble sleeping: other reasons", options: FREQUENCY },
    { id: "6", label: "Overall sleep quality", options: QUALITY },
    { id: "7", label: "Medicine taken to help sleep", options: FREQUENCY },
    { id: "8", label: "Trouble staying awake during activities", options: FREQUENCY },
    { id: "9", label: "Problem keeping up enthusiasm", options: PROBLEM },
  ],
  score: {
    id: "global",
    label: "global score",
    items: ["1", "2", "3", "4", "5a", "5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j", "6", "7", "8", "9"],
    method: "custom",
    range: [0, 21],
    missing: { kind: "computed", description: "all seven components are required", source: "pittScoring" },
    bands: [
      { id: "good", label: "Good sleeper", min: 0, max: 5 },
      { id: "poor", label: "Poor sleeper", min: 6, max: 21 },
    ],
    bandsSource: "buysse1989",
    source: "buysse1989",
  },
  subscales: [
    {
      id: "quality",
      label: "subjective sleep quality",
      items: ["6"],
      method: "custom",
      range: [0, 3],
      missing: { kind: "computed", description: "its one item is required", source: "pittScoring" },
      source: "buysse1989",
    },
    {
      id: "latency",
      label: "sleep latency",
      items: ["2", "5a"],
      method: "custom",
      range: [0, 3],
      missing: { kind: "computed", description: "all 2 items are required", source: "pittScoring" },
      source: "buysse1989",
    },
    {
      id: "duration",
      label: "sleep duration",
      items: ["4"],
      method: "custom",
      range: [0, 3],
      missing: { kind: "computed", description: "its one item is required", source: "pittScoring" },
      source: "buysse1989",
    },
    {
      id: "efficiency",
      label: "habitual sleep efficiency",
      items: ["1", "3", "4"],
      method: "custom",
      range: [0, 3],
      missing: { kind: "computed", description: "all 3 items are required", source: "pittScoring" },
      source: "buysse1989",
    },
    {
      id: "disturbances",
      label: "sleep disturbances",
      items: ["5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j"],
      method: "custom",
      range: [0, 3],
      missing: {
        kind: "computed",
        description: "items 5b–5i required; an unanswered 5j counts 0 and is flagged (setting require5j: required)",
        source: "pittScoring",
      },
      source: "buysse1989",
    },
    {
      id: "medication",
      label: "use of sleeping medication",
      items: ["7"],
      method: "custom",
      range: [0, 3],
      missing: { kind: "computed", description: "its one item is required", source: "pittScoring" },
      source: "buysse1989",
    },
    {
      id: "daytimeDysfunction",
      label: "daytime dysfunction",
      items: ["8", "9"],
      method: "custom",
      range: [0, 3],
      missing: { kind: "computed", description: "all 2 items are required", source: "pittScoring" },
      source: "buysse1989",
    },
  ],
  settings: [
    {
      id: "strictEfficiency85",
      label: "Score habitual sleep efficiency 0 only above 85 % (exactly 85 % scores 1), as printed '> 85 %'",
      type: "boolean",
      default: false,
      source: "pittScoring",
    },
    {
      id: "require5j",
      label: "Treat a blank item 5j as missing (no sleep-disturbances component, so no global score) instead of as 0",
      type: "boolean",
      default: false,
      source: "pittScoring",
    },
  ],
  notes: [
    /* @__PURE__ */ boundariesNote(),
    "Efficiency of exactly 85 %: the appendix (as reproduced) and the PSQI scoring document print '> 85 %' for 0, while '75–84 %' leaves 84–85 % unassigned. The default scores 85 % and above as 0; the setting strictEfficiency85 reproduces the strict reading (exactly 85 % scores 1), which LCBC uses.",
    "Hours in bed = (getting-up time − bedtime) mod 24 h, so 23:00 to 07:00 is 8 h and 01:00 to 09:00 is 8 h. Equal times are rejected as invalid input (item 3), not read as 0 or 24 hours.",
    "More hours slept (item 4) than hours in bed gives an efficiency above 100 %. It is not capped silently: the component scores 0 (it is ≥ 85 % under either reading) and the flag sleep-exceeds-time-in-bed reports the inconsistency.",
    "Item 5j (other reasons) is usually blank when there is no other reason. Following the PSQI scoring document (2005 revision on Dr Buysse's instruction), a blank 5j counts 0 and the flag item-5j-blank-scored-0 says so; the setting require5j makes it a missing answer instead. That document also sets 5j to 0 when a value is given without a description; the free-text description is not an input here, so a given 5j value is always counted: pass 5j as unanswered when its description is empty to apply that rule.",
    "Missing answers: the 1989 paper gives no rule. A component is computed only when all its items are answered (5j as above), and the global score only when all seven components are; otherwise it is null with a reason naming each missing component and item. This follows the PSQI scoring document ('scores calculated using missing questions are also missing') and LCBC's default; LCBC's optional proration of the global score is not offered.",
    "Poor-sleeper cut-off: global > 5 (6–21 'poor'), as in Buysse 1989. Some papers use ≥ 5; that reading is not offered.",
    "Item ids follow the original 1989 numbering (1–4, 5a–5j, 6 quality, 7 medication, 8 staying awake, 9 enthusiasm). Some circulating forms renumber, putting medication at 6, staying awake at 7, enthusiasm at 8 and overall quality at 9: map such forms by content, not number. The bed-partner items (10) are not scored and not accepted.",
    "Item 2 is a whole number of minutes from 0 to 720 (12 h). Anything above 60 minutes already scores the maximum, so the upper limit never changes a score; it rejects values that are almost certainly entry errors (a clock time such as 2330, or seconds). Where a respondent writes a range (e.g. '30 to 60'), the PSQI scoring document enters the midpoint; do that before scoring.",
    "Item 4 is hours from 0 to 24 and may be fractional (6.5 = six and a half hours); convert 'H:MM' answers to decimal hours first. Efficiency is computed in minutes and rounded to 10⁻⁶ % before comparison, so floating-point error cannot move an exact boundary.",
  ],
  change: {
    global: {
      mcid: [
        {
          id: "trial-usage",
          label: "3 points (the value insomnia trials use most often)",
          points: 3,
          default: true,
          source: "micSurvey2024",
          note: "A convention of trials; its original derivation was not verified.",
        },
      ],
    },
  },
  /** Computes the seven components and the global score from the answers. */
  compute: scorePsqi,
} as const satisfies InstrumentDefinition;
