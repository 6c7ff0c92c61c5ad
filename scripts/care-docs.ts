// Renders the change facts of the definitions and the stepped-care pathway as Markdown: the "Change over
// time" section of each instrument page, docs/change.md and docs/stratification.md. scripts/docs.ts writes them.
import {
  type ChangeFacts,
  type Comparison,
  type ImportantChange,
  type InstrumentDefinition,
  type OutcomeDefinition,
  type Pathway,
  type PathwayCondition,
  type HistoryEntry,
  type ProgressCondition,
  type ProgressionRule,
  type ProgressOptions,
  type ReliabilityOption,
  type StepTrigger,
  instruments,
  odi,
  phq9,
  progress,
  score,
  startback,
  stratify,
} from "../src/index.js";
import { flagText } from "../src/rules/flags.js";
import { unreachable } from "../src/rules/kinds.js";
import { tagCondition, triggerKind } from "../src/stratify/pathway.js";

const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const OP: Readonly<Record<Comparison, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" };
const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
const points = (n: number): string => `${num(n)} ${n === 1 ? "point" : "points"}`;

function ref(key: string, anchorPrefix = "ref"): string {
  return `[${key}](#${anchorPrefix}-${key.toLowerCase()})`;
}

function mcidText(m: ImportantChange): string {
  if (m.percent !== undefined) return `${num(m.percent)} % of the baseline`;
  const tiers = (m.byBaseline ?? []).map((t) => `${points(t.points)} from a baseline ${OP[t.op]} ${num(t.value)}`);
  return [...tiers, `${points(m.points ?? 0)}${tiers.length > 0 ? " otherwise" : ""}`].join("; ");
}

/** The reliable-change threshold in points an option implies: 1.96 × √2 × SEM, or the published threshold. */
export function reliableThreshold(r: ReliabilityOption): number {
  if (r.threshold !== undefined) return r.threshold;
  const sem = r.sem ?? (r.sd ?? 0) * Math.sqrt(1 - (r.reliability ?? 0));
  return 1.96 * Math.SQRT2 * sem;
}

function reliabilityText(r: ReliabilityOption): string {
  const inputs =
    r.threshold !== undefined
      ? "published threshold"
      : r.sem !== undefined
        ? `SEM ${num(r.sem)}`
        : `SD ${num(r.sd ?? 0)}, r ${num(r.reliability ?? 0)}`;
  return `${inputs}: reliable from a change of ${num(reliableThreshold(r))} points`;
}

function outcomeText(d: OutcomeDefinition, higherIsBetter: boolean): string {
  const parts = d.anyOf.map((c) => {
    switch (c.kind) {
      case "score":
        return `follow-up ${OP[c.op]} ${num(c.value)}`;
      case "improvement": {
        const way = higherIsBetter ? "rise" : "fall";
        return c.unit === "points"
          ? `a ${way} of ${num(c.min)} points or more`
          : `a ${way} of ${num(c.min)} % of the baseline or more`;
      }
      default:
        return unreachable(c);
    }
  });
  const base = d.baseline === undefined ? "" : ` (for baselines ${OP[d.baseline.op]} ${num(d.baseline.value)})`;
  return parts.join(" or ") + base;
}

interface Row {
  readonly kind: string;
  readonly id: string;
  readonly isDefault: boolean;
  readonly what: string;
  readonly label: string;
  readonly note: string | undefined;
  readonly source: string;
}

function rows(facts: ChangeFacts, higherIsBetter: boolean): Row[] {
  const out: Row[] = [];
  const add = (
    kind: string,
    o: { id: string; label: string; default?: boolean; note?: string; source: string },
    what: string,
  ): void => {
    out.push({ kind, id: o.id, isDefault: o.default === true, what, label: o.label, note: o.note, source: o.source });
  };
  for (const m of facts.mcid ?? []) add("MCID", m, mcidText(m));
  for (const r of facts.reliability ?? []) add("reliable change", r, reliabilityText(r));
  for (const d of facts.response ?? []) add("response", d, outcomeText(d, higherIsBetter));
  for (const d of facts.remission ?? []) add("remission", d, outcomeText(d, higherIsBetter));
  return out;
}

/**
 * YAML front matter for the API docs site (typedoc reads `title` as the page's name in its navigation and
 * `children` as the pages listed under it). JSON strings are valid YAML scalars.
 */
export function frontMatter(fields: Readonly<Record<string, string | readonly string[]>>): string[] {
  const lines = ["---"];
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") lines.push(`${key}: ${JSON.stringify(value)}`);
    else lines.push(`${key}:`, ...value.map((v) => `  - ${JSON.stringify(v)}`));
  }
  return [...lines, "---"];
}

/** The "Change over time" section of an instrument page, or nothing when the definition gives no change facts. */
export function renderChangeSection(def: InstrumentDefinition): string[] {
  const scales = Object.entries(def.change ?? {});
  const lines: string[] = [];
  if (scales.length === 0) return lines;
  lines.push("## Change over time", "");
  lines.push(
    "Used by `compareScores`: the **default** of each kind applies unless `options` names another. " +
      "[Change between two administrations](../change.md) explains each threshold.",
    "",
  );
  for (const [scale, facts] of scales) {
    if (scales.length > 1 || scale !== def.score?.id) lines.push(`### ${scale}`, "");
    lines.push("| kind | option | threshold | what it is | source |", "|---|---|---|---|---|");
    for (const r of rows(facts, def.direction === "higher-is-better")) {
      const note = r.note === undefined ? "" : ` _${esc(r.note)}_`;
      lines.push(
        `| ${r.kind} | \`${r.id}\`${r.isDefault ? " **default**" : ""} | ${esc(r.what)} | ${esc(r.label)}.${note} | ${ref(r.source)} |`,
      );
    }
    lines.push("");
  }
  const missing = [
    ...scales.flatMap(([scale, f]) => [
      f.mcid === undefined ? `no MCID (${scale})` : null,
      f.reliability === undefined ? `no reliable change index (${scale})` : null,
    ]),
  ].filter((x): x is string => x !== null);
  if (missing.length > 0)
    lines.push(`Not available from the definition: ${missing.join(", ")}. See the notes below.`, "");
  return lines;
}

/** docs/change.md: what each kind of threshold means, and every instrument's defaults and options. */
export function renderChangePage(defs: readonly InstrumentDefinition[]): string {
  const l: string[] = [];
  const push = (...s: string[]): void => {
    l.push(...s);
  };
  push(...frontMatter({ title: "Change over time" }));
  push("# Change between two administrations", "");
  push("<!-- Generated from the definitions by scripts/docs.ts; edit the definitions, not this page. -->", "");
  push(
    "`compareScores(before, after, options?)` compares two results of the same instrument. It reports the change " +
      "(after − before), the percent change (null from a baseline of 0, with the reason), the direction (improved, " +
      "worsened or unchanged, aware that higher is better on the PSEQ) and, where the definition gives them, the four " +
      "judgements below. Every threshold is data in the instrument's definition (`change`, by scale), with its source; " +
      "where sources disagree the definition lists the options and marks one as the default, and `options` chooses another.",
    "",
  );
  push(
    "```ts",
    'import { compareScores, score, phq9 } from "stepscore";',
    "",
    "const before = score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]); // 16",
    "const after = score(phq9, [1, 1, 1, 0, 1, 1, 1, 1, 0]);  // 7",
    "const c = compareScores(before, after);",
    "c.change;     // -9",
    'c.direction;  // "improved"',
    'compareScores(before, after, { reliability: "iapt" }); // the 6-point IAPT criterion instead',
    "```",
    "",
  );
  push("## What each threshold means", "");
  push(
    "- **Minimal clinically important difference (MCID)**: the smallest change that patients, on average, notice as " +
      "mattering, from an anchor such as a global rating of change. It says nothing about measurement error: an MCID " +
      "can be smaller than the change a scale can reliably detect (the NDI is an example). Sources derive MCIDs for " +
      "improvement; `compareScores` applies the same size to worsening and says so in the result's note. Some MCIDs " +
      "depend on the baseline (PCS: 11 points from a baseline above 30) or are a percentage of it.",
    "- **Reliable change index (RCI)**, Jacobson & Truax 1991: RCI = (after − before) / S_diff, where S_diff = √2 × SEM " +
      "and SEM = SD × √(1 − r). The change is reliable, unlikely (p < .05) to be measurement error alone, when |RCI| ≥ 1.96, " +
      "that is when the change is at least 1.96 × √2 × SEM ≈ 2.77 × SEM points. Definitions give the inputs in one of " +
      "three forms: an SD with a test-retest reliability; a published SEM; or a published threshold in points (an MDC95 " +
      "or SDC95, or a service's criterion such as IAPT's 6 PHQ-9 points), which is already 1.96 × S_diff. The result " +
      "shows the inputs used and their source. Which SD is used matters: a general-population SD gives a much smaller " +
      "threshold than a clinical one. Jacobson & Truax wrote |RCI| > 1.96; the library uses ≥ so that a published " +
      "'fall of 6 or more' holds at exactly 6, and compares in points so rounding cannot move that boundary.",
    "- **Response**: a large enough improvement, usually a percentage of the baseline (PHQ-9: 50 % or more; ODI: 30 % or " +
      "more) or a number of points (ISI: a fall of 8 or more). Some definitions apply only from a baseline (PHQ-9 " +
      "response and remission: a baseline of 10 or more); for other baselines `met` is null with the reason.",
    "- **Remission**: a follow-up score below a level (PHQ-9 and GAD-7 below 5, ISI below 8). The result also says " +
      "whether the baseline already met it (`metAtBaseline`).",
    "",
  );
  push(
    "A result whose score is null, or two results of different instruments, cannot be compared: `compareScores` throws " +
      "`CompareInputError` with a code (`no-score`, `different-instruments`, …). For an instrument without a single " +
      "total (FABQ, BPI), name the subscale with `options.scale`. For reliability inputs of your own, pass " +
      "`options.reliability: { sd, reliability, source }` (or `sem`, or `threshold`).",
    "",
  );
  push("## Defaults by instrument", "");
  push("| instrument | scale | MCID | reliable change | response | remission |", "|---|---|---|---|---|---|");
  const withFacts = defs.filter((d) => Object.keys(d.change ?? {}).length > 0);
  for (const d of withFacts) {
    for (const [scale, f] of Object.entries(d.change ?? {})) {
      const dflt = <T extends { default?: boolean }>(list: readonly T[] | undefined): T | undefined =>
        list?.find((o) => o.default === true);
      const m = dflt(f.mcid);
      const r = dflt(f.reliability);
      const resp = dflt(f.response);
      const rem = dflt(f.remission);
      const hib = d.direction === "higher-is-better";
      const others = (list: readonly unknown[] | undefined): string =>
        (list?.length ?? 0) > 1
          ? ` (+${String((list?.length ?? 1) - 1)} option${(list?.length ?? 0) > 2 ? "s" : ""})`
          : "";
      push(
        `| [${d.shortTitle}](instruments/${d.id}.md#change-over-time) | \`${scale}\` | ${m === undefined ? "—" : `${esc(mcidText(m))}${others(f.mcid)}`} | ${r === undefined ? "—" : `≥ ${num(reliableThreshold(r))} points${others(f.reliability)}`} | ${resp === undefined ? "—" : `${esc(outcomeText(resp, hib))}${others(f.response)}`} | ${rem === undefined ? "—" : esc(outcomeText(rem, hib))} |`,
      );
    }
  }
  push("");
  const without = defs.filter((d) => Object.keys(d.change ?? {}).length === 0);
  push(
    `No change facts: ${without.map((d) => `[${d.shortTitle}](instruments/${d.id}.md)`).join(", ")}. For these ` +
      "`compareScores` reports the change, percent change, direction and bands only. STarT Back is not designed as a " +
      "change score; compare its risk groups (`band.before`, `band.after`) instead.",
    "",
  );
  push("## Where sources disagree", "");
  push(
    "Each instrument page lists every option with its source and caveat. The defaults were chosen as follows (from " +
      "the definitions' notes).",
    "",
  );
  for (const d of withFacts) {
    const notes = (d.notes ?? []).filter((n) => n.startsWith("Change:"));
    for (const n of notes) push(`- **${d.shortTitle}**: ${n.replace(/^Change:\s*/, "")}`);
  }
  push("");
  return l.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------------------
// Stratification
// ---------------------------------------------------------------------------------------------------------

function title(id: string): string {
  return (instruments as unknown as Readonly<Record<string, InstrumentDefinition | undefined>>)[id]?.shortTitle ?? id;
}

function link(id: string): string {
  return Object.hasOwn(instruments, id) ? `[${title(id)}](instruments/${id}.md)` : `\`${id}\``;
}

function conditionText(condition: PathwayCondition): string {
  const c = tagCondition(condition);
  if (c === null) throw new Error(`not a pathway condition: ${JSON.stringify(condition)}`);
  const name = title(c.instrument);
  switch (c.kind) {
    case "flag":
      return `${name} flag \`${c.flag}\``;
    case "item":
      return `${name} item ${c.item} ${OP[c.op]} ${num(c.value)}`;
    case "band":
      return `${name}${c.scale === undefined ? "" : ` ${c.scale}`} band \`${c.band}\``;
    case "score":
      return `${name}${c.scale === undefined ? "" : ` ${c.scale}`} ${OP[c.op]} ${num(c.value)}`;
    default:
      return unreachable(c);
  }
}

function conditionCell(c: PathwayCondition): string {
  const dc = c.designChoice === true ? " (design choice)" : "";
  return `${conditionText(c)} (${ref(c.source, "pref")})${dc}`;
}

function triggerText(t: StepTrigger, p: Pathway): string {
  const kind = triggerKind(t);
  // The casts only tell the compiler which fields triggerKind has found.
  switch (kind) {
    case null:
      throw new Error(`not a step trigger: ${JSON.stringify(t)}`);
    case "domain": {
      const id = (t as { readonly domain: string }).domain;
      const d = p.domains.find((x) => x.id === id);
      return `${d?.label ?? id} domain elevated: ${(d?.elevatedWhen ?? []).map(conditionText).join(" or ")}`;
    }
    case "domain-count": {
      const { group, min, max } = (t as Extract<StepTrigger, { readonly elevatedDomains: unknown }>).elevatedDomains;
      const what = group === undefined ? "elevated domains" : `elevated ${group} domains`;
      if (max === min) return `exactly ${String(min)} ${what.replace("domains", min === 1 ? "domain" : "domains")}`;
      return max === undefined ? `${String(min)} or more ${what}` : `${String(min)} to ${String(max)} ${what}`;
    }
    case "condition": {
      const c = t as PathwayCondition;
      return `${conditionText(c)} (${ref(c.source, "pref")})`;
    }
    default:
      return unreachable(kind);
  }
}

const yes = (b: boolean | undefined): string => (b === true ? "**yes**" : "no");

function measure(c: { instrument: string; scale?: string }): string {
  return `${title(c.instrument)}${c.scale === undefined ? "" : ` ${c.scale}`}`;
}

function windowText(w: { minWeeks?: number; maxWeeks?: number } | undefined): string {
  if (w === undefined) return "";
  if (w.maxWeeks === undefined) return `, latest at week ${num(w.minWeeks ?? 0)} or later`;
  return w.minWeeks === undefined
    ? `, latest before week ${num(w.maxWeeks)}`
    : `, latest in weeks ${num(w.minWeeks)}–${num(w.maxWeeks)} (up to, not including, ${num(w.maxWeeks)})`;
}

const anchorText = (a: "baseline" | "step-start" | "latest"): string =>
  ({ baseline: "the baseline", "step-start": "the start of the step", latest: "the latest" })[a];

/** A progression condition in words; every kind is handled (the switch is exhaustive). */
export function progressConditionText(c: ProgressCondition): string {
  switch (c.kind) {
    case "weeks-at-step":
      return `${c.instrument === undefined ? "" : `${title(c.instrument)}: `}weeks at the step ${OP[c.op]} ${num(c.value)}`;
    case "score":
      return `${measure(c)} at ${anchorText(c.point)} ${OP[c.op]} ${num(c.value)}${windowText(c.window)}`;
    case "band":
      return `${measure(c)} band at ${anchorText(c.point)} ${c.bands.map((b) => `\`${b}\``).join(" or ")}${windowText(c.window)}`;
    case "improvement":
      return `${measure(c)} improvement from ${anchorText(c.from)} ${OP[c.op]} ${num(c.value)}${c.unit === "percent" ? " %" : " points"}${windowText(c.window)}`;
    case "reliable-change":
      return `reliable ${c.direction} from ${anchorText(c.from)} on ${c.instrument === undefined ? "any instrument with reliable-change inputs" : measure({ instrument: c.instrument, ...(c.scale === undefined ? {} : { scale: c.scale }) })}${windowText(c.window)}`;
    case "outcome":
      return `${measure(c)} ${c.outcome}${c.option === undefined ? "" : ` (\`${c.option}\`)`} from ${anchorText(c.from)} ${c.met ? "met" : "not met"}${windowText(c.window)}`;
    case "band-change":
      return `${measure(c)} band from ${anchorText(c.from)} to a later latest: ${c.changes.map(([a, b]) => `${a} → ${b}`).join(", ")}${windowText(c.window)}`;
    case "consecutive":
      return `${measure(c)} ${OP[c.op]} ${num(c.value)} on the last ${String(c.count)} or more assessments in a row${c.minSpanWeeks === undefined ? "" : `, spanning ${num(c.minSpanWeeks)} weeks or more`}`;
    case "stratified-step":
      return `\`stratify\` over the latest results gives a step ${OP[c.op]} the current step`;
    case "all":
      return `all of (${c.of.map(progressConditionText).join("; ")})`;
    case "any":
      return `any of those assessed (${c.of.map(progressConditionText).join("; ")})`;
    case "not":
      return `not: ${progressConditionText(c.condition)}`;
  }
}

function actionText(r: ProgressionRule): string {
  if (r.action !== "step-up" && r.action !== "step-down") return `**${r.action}**`;
  const to = r.to ?? (r.action === "step-up" ? "next" : "previous");
  return `**${r.action}** to ${typeof to === "number" ? `step ${String(to)}` : to === "stratified" ? "the step `stratify` gives" : `the ${to} step`}`;
}

/** The progression section: the rules as a table, then one person over four assessments, computed. */
function renderProgression(p: Pathway): string[] {
  const rules = p.progression ?? [];
  const l: string[] = [];
  l.push("## Care over time: progression rules", "");
  l.push(
    "`progress(history, options?)` follows one person across reassessments: per instrument the trajectory, the change " +
      "from baseline to latest (exactly what `compareScores` returns) and a status; then these rules, judged at the latest " +
      "assessment, give the action and the step after it. The action is the most intensive any rule asks for (step-up, " +
      "review, continue, step-down); a step-down applies only when no rule asks for more, nothing is urgent, and never below " +
      "the step `stratify` gives over the latest results. A step-up already at the top step is a review. With nothing " +
      "scored the action is `not-assessed` and the step null.",
    "",
    'Time at the step counts from `options.step.since` (else the first assessment); "the start of the step" is the latest ' +
      "scored result on or before that date (else the baseline). A condition with weeks is judged on the instrument's latest " +
      "scored result and only inside its weeks; elsewhere it is not evaluable and its rule does not fire (`notEvaluated` says " +
      "why). The urgent overlay (above) comes from the latest result of each instrument; for an instrument with a flag " +
      "declared `urgent` on an item (the PHQ-9's item 9), the latest in which that item was answered.",
    "",
  );
  l.push(
    "| rule | at steps | fires when (all) | action | advice | source | design choice |",
    "|---|---|---|---|---|---|---|",
  );
  for (const r of rules) {
    l.push(
      `| \`${r.id}\` ${esc(r.label)} | ${r.steps === undefined ? "any" : r.steps.join(", ")} | ${esc(r.when.map(progressConditionText).join("; "))} | ${actionText(r)} | ${esc(r.advice)} | ${ref(r.source, "pref")} | ${yes(r.designChoice)} |`,
    );
  }
  l.push("");
  const notes = rules.filter((r) => r.note !== undefined);
  if (notes.length > 0) {
    l.push("Why each rule is as it is:", "");
    for (const r of notes) l.push(`- **${r.id}**${r.designChoice === true ? " (design choice)" : ""}: ${r.note ?? ""}`);
    l.push("");
  }
  if (rules.length === 0) return l;

  // One person over four assessments; every value below is computed by the library from these answers.
  const visits: { at: string; answers: Record<string, readonly number[]>; options?: ProgressOptions }[] = [
    {
      at: "2026-01-05",
      answers: {
        phq9: [2, 2, 2, 2, 2, 2, 2, 2, 0],
        odi: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
        startback: [1, 0, 1, 1, 0, 0, 0, 0, 3],
      },
    },
    { at: "2026-02-02", answers: { phq9: [2, 2, 2, 2, 2, 2, 2, 1, 0] } },
    { at: "2026-03-16", answers: { phq9: [2, 2, 1, 2, 2, 1, 2, 2, 0], odi: [2, 2, 2, 2, 2, 2, 2, 2, 1, 1] } },
    {
      at: "2026-06-08",
      answers: {
        phq9: [1, 1, 1, 1, 0, 0, 0, 0, 0],
        odi: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        startback: [0, 0, 0, 0, 0, 0, 0, 0, 0],
      },
      options: { step: { current: 3, since: "2026-03-16" } },
    },
  ];
  const defs = { phq9, odi, startback } as const;
  l.push("### Worked example: one person over four assessments", "");
  l.push(
    "Computed by `progress` from the answers shown, with this pathway; after the step-up at the third assessment the " +
      'fourth is judged with `options.step = { current: 3, since: "2026-03-16" }`.',
    "",
  );
  l.push(
    "| # | date | results | weeks at the step | action | step | rules that fired |",
    "|---|---|---|---|---|---|---|",
  );
  const history: HistoryEntry[] = [];
  visits.forEach((v, i) => {
    for (const [id, a] of Object.entries(v.answers)) {
      const def: InstrumentDefinition = defs[id as keyof typeof defs];
      history.push({ at: v.at, result: score(def, a) });
    }
    const r = progress(history, { pathway: p, ...(v.options ?? {}) });
    const results = Object.keys(v.answers)
      .map((id) => {
        const t = r.instruments[id];
        const pt = t?.points.at(-1);
        return `${title(id)} ${pt?.score === null || pt === undefined ? "no score" : num(pt.score)}${pt?.band ? ` (${pt.band.label.toLowerCase()})` : ""}`;
      })
      .join(", ");
    const fired = r.reasons.map((x) => `\`${x.rule}\`${x.applied ? "" : " (not applied)"}`).join(", ") || "none";
    l.push(
      `| ${String(i + 1)} | ${v.at} | ${esc(results)} | ${num(r.current.weeks ?? 0)} | ${r.action} | ${r.step === null ? "—" : String(r.step)} | ${fired} |`,
    );
  });
  l.push("");
  const last = progress(history, { pathway: p, ...(visits.at(-1)?.options ?? {}) });
  l.push("At the fourth assessment:", "", "```ts");
  for (const [id, t] of Object.entries(last.instruments)) {
    l.push(
      `p.instruments.${id}.status; // "${t.status}"${t.change === null ? "" : ` (${num(t.change.before)} → ${num(t.change.after)})`}`,
    );
  }
  l.push(`p.action; // "${last.action}"`, `p.step;   // ${String(last.step)}`);
  for (const r of last.reasons) {
    l.push(`// ${r.rule}: ${r.evidence.map((e) => e.text).join("; ")}`);
  }
  l.push("```", "");
  return l;
}

/** A small pathway of a clinic's own, shown in the guide and checked by the tests. */
export const examplePathway = {
  id: "clinic-example",
  version: "1.0.0",
  title: "Example clinic pathway",
  description: "Two steps: physiotherapy, or physiotherapy with a psychology referral.",
  references: {
    kroenke2001: {
      text: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606–613.",
    },
    clinic: {
      text: "Example clinic pathway group, 2025.",
      note: "Local agreement between physiotherapy and psychology.",
    },
  },
  steps: [
    {
      step: 1,
      label: "Physiotherapy",
      care: "Exercise-based physiotherapy.",
      source: "clinic",
      designChoice: true,
      note: "Local service model.",
    },
    {
      step: 2,
      label: "Physiotherapy and psychology",
      care: "Physiotherapy with a referral to the pain psychology team.",
      source: "clinic",
      designChoice: true,
      note: "Local service model.",
    },
  ],
  domains: [
    {
      id: "depression",
      label: "Depression",
      group: "psychosocial",
      instruments: ["phq9"],
      elevatedWhen: [{ instrument: "phq9", scale: "total", op: ">=", value: 15, source: "kroenke2001" }],
      target: {
        intervention: "Pain psychology assessment.",
        source: "clinic",
        designChoice: true,
        note: "Local referral route.",
      },
    },
  ],
  stepRules: [
    {
      id: "depressed",
      step: 2,
      label: "PHQ-9 of 15 or more",
      when: { domain: "depression" },
      source: "clinic",
      designChoice: true,
      note: "Moderately severe depression is referred.",
    },
  ],
  urgent: [
    {
      id: "self-harm",
      label: "PHQ-9 item 9 above 'Not at all'",
      when: { instrument: "phq9", flag: "self-harm", source: "kroenke2001" },
      action: "Same-day review by the duty clinician.",
      source: "clinic",
      designChoice: true,
      note: "Local safety procedure.",
    },
  ],
  followUps: [],
} as const satisfies Pathway;

/** docs/stratification.md: the pathway as tables a clinician can audit, and a guide to writing one. */
export function renderStratificationPage(p: Pathway): string {
  const l: string[] = [];
  const push = (...s: string[]): void => {
    l.push(...s);
  };
  push(...frontMatter({ title: "Stepped care" }));
  push("# Stepped care: the default pathway", "");
  push(
    "<!-- Generated from the pathway data (src/stratify/default-pathway.ts) by scripts/docs.ts; edit the data, not this page. -->",
    "",
  );
  push(`\`${p.id}\` version ${p.version}: ${p.title}.`, "", p.description, "");
  push(
    "`stratify(results, pathway?)` evaluates a pathway against any set of score results and returns the step with its " +
      "label and care, whether anything is urgent, every rule that fired with the score, threshold and source behind it, " +
      "the elevated domains with the intervention each points to, every domain's status, the domains not assessed and " +
      "whether assessing them could raise the step, follow-ups, and the results it did not use.",
    "",
  );
  // The example's outputs are computed, so the page cannot drift from the code.
  const sb = [1, 0, 1, 1, 0, 0, 0, 0, 3];
  const ph = [1, 1, 1, 1, 1, 0, 0, 0, 1];
  const ex = stratify([score(startback, sb), score(phq9, ph)], p);
  const json = (v: unknown): string => JSON.stringify(v);
  push(
    "```ts",
    'import { stratify, score, startback, phq9 } from "stepscore";',
    "",
    `const r = stratify([score(startback, ${json(sb)}), score(phq9, ${json(ph)})]);`,
    `r.step;      // ${String(ex.step)}: ${
      ex.reasons
        .filter((x) => x.kind === "step")
        .map((x) => x.label)
        .join("; ") || "no step rule fired"
    }`,
    `r.urgent;    // ${String(ex.urgent)}${ex.urgentActions.map((u) => `: ${u.label}`).join("")}`,
    `r.reasons.map((x) => x.rule); // ${json(ex.reasons.map((x) => x.rule))}`,
    `r.missing.filter((m) => m.couldRaiseStep).map((m) => [m.domain, m.couldRaiseStepTo]);`,
    `// ${json(ex.missing.filter((m) => m.couldRaiseStep).map((m) => [m.domain, m.couldRaiseStepTo]))}`,
    "```",
    "",
  );
  push("**Read this first.**", "");
  for (const n of p.notes ?? []) push(`- ${n.replace(/\b(hill2011|hill2022|rhon2023)\b/g, (k) => ref(k, "pref"))}`);
  push("");

  push(
    "## Steps",
    "",
    'The step is the highest step any rule below sets; with none, the lowest. When no result is used by any step or domain rule (nothing the pathway reads was scored) the step is null, "not assessed": never the lowest step for nothing.',
    "",
  );
  push("| step | label | care | source |", "|---|---|---|---|");
  for (const s of p.steps)
    push(
      `| ${String(s.step)} | ${esc(s.label)} | ${esc(s.care)} | ${ref(s.source, "pref")}${s.note === undefined ? "" : ` _${esc(s.note)}_`} |`,
    );
  push("");

  push("## Urgent overlay", "");
  push(
    "An urgent rule sets `urgent: true` and lists its action, whatever the step. It never lowers or otherwise changes " +
      "the step, and it is never turned into a risk level. `urgentNotChecked` says when an urgent rule could not be " +
      "checked (no PHQ-9, or item 9 unanswered).",
    "",
  );
  // Computed, like the example above: a pathway with no urgent rules at all, and a PHQ-9 with item 9 answered 1.
  const bare = stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1])], { ...p, id: "no-urgent-rules", urgent: [] });
  const overlay = bare.urgentActions[0];
  push(
    "**The PHQ-9 self-harm flag is urgent whatever the pathway.** A PHQ-9 result with the `self-harm` flag (item 9 " +
      "answered above 'Not at all') makes `urgent` true under any pathway passed to `stratify`, including one with " +
      "`urgent: []` or a narrower rule on item 9: a pathway may add urgent rules, never remove this one. Where no " +
      "urgent rule of the pathway on that flag or item fired, the action is reported under the rule " +
      `\`${overlay?.rule ?? ""}\`, with the default rule's label and action and the PHQ-9 definition's source for item 9 ` +
      `(${(overlay?.source.text ?? "").replace(/\.$/, "")}). With \`urgent: []\`, \`stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1])], pathway).urgent\` ` +
      `is \`${String(bare.urgent)}\`. When a PHQ-9 is given with item 9 unanswered, \`urgentNotChecked\` says so.`,
    "",
    "The overlay is declared by the definition, not by the pathway: a flag with `urgent: true` is a safety signal, and " +
      "`stratify` (and `progress`) apply the same overlay to any result whose definition declares one, bundled or passed " +
      "in `definitions`: when the flag is raised or its condition holds. It is reported under the rule " +
      "`safety-<instrument>-<flag>`, cited to the flag's source, and worded by the default pathway's urgent rule on that " +
      "flag where there is one, else by the flag's label and message. The bundled flags declared urgent:",
    "",
  );
  push("| instrument | flag | raised when | source |", "|---|---|---|---|");
  for (const def of Object.values(instruments) as InstrumentDefinition[])
    for (const f of def.flags ?? [])
      if (f.urgent === true)
        push(
          `| ${def.shortTitle} | \`${f.id}\` | ${flagText(f, `\`flags: ["${f.id}"]\``)} | ${esc(def.references[f.source]?.text ?? f.source)} |`,
        );
  push("");
  push("| rule | when | action | source | design choice |", "|---|---|---|---|---|");
  for (const u of p.urgent)
    push(
      `| \`${u.id}\` | ${conditionCell(u.when)} | ${esc(u.action)} | ${ref(u.source, "pref")} | ${yes(u.designChoice)} |`,
    );
  push("");

  push("## Domains", "");
  push(
    "A domain is elevated when any of its conditions holds on any result; a domain measured twice (TSK-17 and FABQ, " +
      "say) counts once. A result whose score is null does not assess it. Screeners (PHQ-2, GAD-2) assess a domain only " +
      "when negative; a positive screen leaves it `screen-positive` until the full instrument is scored.",
    "",
  );
  push(
    "| domain | group | assessed by | elevated when (any) | intervention it points to | source | design choice |",
    "|---|---|---|---|---|---|---|",
  );
  for (const d of p.domains) {
    push(
      `| ${esc(d.label)} (\`${d.id}\`) | ${d.group ?? ""} | ${d.instruments.map(link).join(", ")} | ${d.elevatedWhen.map(conditionCell).join("<br>")} | ${esc(d.target.intervention)} | ${ref(d.target.source, "pref")} | ${yes(d.target.designChoice)} |`,
    );
  }
  push("");

  push("## Step rules", "");
  push("| rule | step | fires when | source | design choice |", "|---|---|---|---|---|");
  for (const r of p.stepRules)
    push(
      `| \`${r.id}\` ${esc(r.label)} | ${String(r.step)} | ${esc(triggerText(r.when, p))} | ${ref(r.source, "pref")} | ${yes(r.designChoice)} |`,
    );
  push("");

  if (p.followUps.length > 0) {
    push("## Follow-ups", "");
    push("| rule | when (any) | recommendation | completed by | source |", "|---|---|---|---|---|");
    for (const f of p.followUps)
      push(
        `| \`${f.id}\` | ${f.when.map(conditionCell).join("<br>")} | ${esc(f.recommend)} | ${f.administer.map(link).join(", ")} | ${ref(f.source, "pref")} |`,
      );
    push("");
  }

  push(...renderProgression(p));

  push("## Design choices", "");
  push("No guideline maps most single scale cut-offs to a care step. These rules are the pathway's own mapping:", "");
  const choices: [string, string][] = [
    ...p.steps
      .filter((s) => s.designChoice === true)
      .map((s): [string, string] => [`step ${String(s.step)}`, s.note ?? ""]),
    ...p.urgent.filter((u) => u.designChoice === true).map((u): [string, string] => [u.id, u.note ?? ""]),
    ...p.domains.flatMap((d) => [
      ...d.elevatedWhen
        .filter((c) => c.designChoice === true)
        .map((c): [string, string] => [`${d.id}: ${conditionText(c)}`, c.note ?? ""]),
      ...(d.target.designChoice === true ? [[`${d.id} target`, d.target.note ?? ""] as [string, string]] : []),
    ]),
    ...p.stepRules.filter((r) => r.designChoice === true).map((r): [string, string] => [r.id, r.note ?? ""]),
    ...p.followUps.filter((f) => f.designChoice === true).map((f): [string, string] => [f.id, f.note ?? ""]),
    ...(p.progression ?? [])
      .filter((r) => r.designChoice === true)
      .map((r): [string, string] => [`${r.id} (progression)`, r.note ?? ""]),
  ];
  for (const [what, why] of choices) push(`- **${what}**: ${why}`);
  push("");

  push("## How missing domains are reported", "");
  push(
    "For each domain that is not assessed (or only screened positive), `stratify` asks what the step would be if that " +
      "domain were elevated and its unscored instruments were at their worst (so a missing PHQ-9 is taken as 20 or more). " +
      "When that is higher than the step, `couldRaiseStep` is true and `couldRaiseStepTo` gives the step. " +
      "`missingCouldRaiseStepTo` does the same for all missing domains at once.",
    "",
  );
  const none = stratify([], p);
  push(
    none.step === null
      ? 'With no results at all (or none with a score the pathway uses) `step` is null, "not assessed", never the lowest step; the domains not assessed are:'
      : `With no results at all this pathway recommends step ${String(none.step)}, and:`,
    "",
    "| domain not assessed | could raise the step to |",
    "|---|---|",
  );
  for (const m of none.missing)
    push(`| ${esc(m.label)} | ${m.couldRaiseStepTo === null ? "— (cannot raise it)" : String(m.couldRaiseStepTo)} |`);
  push("");

  push("## Writing your own pathway", "");
  push(
    "A pathway is plain JSON-serialisable data, so a clinic can write its own or adjust thresholds without code. Pass it " +
      "as the second argument: `stratify(results, myPathway)`. It is checked every time; an invalid pathway throws " +
      "`PathwayError`, whose `issues` name each problem by path and rule id. Check one ahead of time with " +
      "`validatePathway(myPathway)`, which returns the issues instead of throwing.",
    "",
    "The parts:",
    "",
    "- `id`, `version` (change it whenever a rule changes; results report both), `title`, `description`, `notes`.",
    "- `references`: citations by key. Every rule and every condition names one in `source`.",
    "- `steps`: the steps, lowest first, each with `label` and `care`. The lowest is the step when no rule fires.",
    "- `domains`: each with `instruments` (whose scored results assess it), `elevatedWhen` (any of these conditions) and a " +
      "`target` (the intervention). A `group` lets step rules count domains.",
    "- `stepRules`: each sets a `step` when its trigger fires. A trigger is a condition, `{ domain }` (the domain is " +
      "elevated) or `{ elevatedDomains: { group, min, max } }`. Every instrument a step rule reads must belong to a domain.",
    "- `urgent`: conditions that set `urgent` with an `action`, never changing the step. They add to the PHQ-9 " +
      "self-harm overlay, which applies whatever the list holds (see [Urgent overlay](#urgent-overlay)).",
    "- `followUps`: conditions that recommend another instrument (`administer`); while pending, the `domain` is `screen-positive`.",
    "- `progression` (optional): rules for `progress`, each with an `action` (`step-up`, `review`, `continue`, `step-down`), " +
      "optional `steps` it applies at and `to` (a step, `next`, `previous` or `stratified`), `when` (conditions that must all " +
      "hold, each with a `kind`: `weeks-at-step`, `score`, `band`, `improvement`, `reliable-change`, `outcome`, `band-change`, " +
      "`consecutive`, `stratified-step`, `all`, `any`, `not`), `advice` and a `source`. A pathway's list replaces the default's.",
    "",
    "Conditions read a result's score, band, flag or item:",
    "",
    "```json",
    '{ "instrument": "tsk17", "scale": "total", "op": ">", "value": 37, "source": "vlaeyen1995" }',
    '{ "instrument": "startback", "band": "high", "source": "keele" }',
    '{ "instrument": "phq9", "flag": "self-harm", "source": "focus2023" }',
    '{ "instrument": "phq9", "item": "9", "op": ">=", "value": 2, "source": "simon2013" }',
    "```",
    "",
    "`scale` defaults to the primary score (instruments without one, such as the FABQ, need it). `op` is one of `>=`, " +
      '`>`, `<=`, `<`, `==`. Mark a rule or condition that is your own mapping with `"designChoice": true` and say why ' +
      "in `note`; a design choice without a note is rejected. The check rejects unknown instruments, scales, bands, " +
      "flags and items (against the bundled definitions and any passed as `options.definitions`), thresholds outside " +
      "the scale's range, unknown domains, groups and steps, sources missing from `references`, and duplicate ids.",
    "",
    "A minimal pathway:",
    "",
    "```json",
    JSON.stringify(examplePathway, null, 2),
    "```",
    "",
    "To adjust one threshold of the default, copy it and change the value (and the version):",
    "",
    "```ts",
    'import { defaultPathway, stratify, type Pathway } from "stepscore";',
    "",
    "const mine: Pathway = {",
    "  ...defaultPathway,",
    '  id: "my-clinic",',
    '  version: "1.0.0",',
    "  stepRules: defaultPathway.stepRules.map((r) =>",
    '    r.id === "ompsq10-high"',
    '      ? { ...r, when: { instrument: "ompsq10", scale: "total", op: ">", value: 50, source: "linton2011" }, note: "Linton 2011\'s cut-off of 50 read as above 50." }',
    "      : r,",
    "  ),",
    "};",
    "stratify(results, mine);",
    "```",
    "",
  );

  push("## References", "");
  for (const [key, c] of Object.entries(p.references)) {
    const ids = [c.pmid ? `PMID ${c.pmid}` : "", c.doi ? `doi:${c.doi}` : "", c.url ?? ""].filter(Boolean).join(" · ");
    push(
      `- <a id="pref-${key.toLowerCase()}"></a>**${key}**: ${c.text}${ids ? ` ${ids}.` : ""}${c.note ? ` _${c.note}_` : ""}`,
    );
  }
  push("");
  return l.join("\n");
}
