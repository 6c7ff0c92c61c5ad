// Progression rules: what a pathway says to do at a reassessment, as data. Their types, the zod schema of
// one condition node, and the checks against the definitions. `progress` (src/progress.ts) evaluates them.
import * as z from "zod/mini";
import { unreachable } from "../rules/kinds.js";
import { scalesOf } from "../rules/items.js";
import type { Comparison, InstrumentDefinition } from "../types.js";
import type { Sourced } from "./pathway.js";

/**
 * What a progression rule asks for, most intensive first: step up, review (at the next contact, no step
 * change), continue, step down. @category Care over time
 */
export type ProgressionAction = "step-up" | "review" | "continue" | "step-down";

/** Which earlier point a change is measured from: the instrument's first scored point, or the start of the step. @category Care over time */
export type ChangeAnchor = "baseline" | "step-start";

/**
 * Weeks at the current step within which the instrument's latest scored point must lie for the condition
 * to be judged (`minWeeks` inclusive, `maxWeeks` exclusive); outside it the condition is not evaluable.
 * @category Care over time
 */
export interface WeeksWindow {
  /** The earliest week, inclusive. */
  readonly minWeeks?: number;
  /** The week the window closes, exclusive. */
  readonly maxWeeks?: number;
}

/** Time at the current step, at the instrument's latest scored point (or the latest assessment of any). @category Care over time */
export interface WeeksAtStepCondition {
  /** Discriminant. */
  readonly kind: "weeks-at-step";
  /** The instrument whose latest scored point is timed; the latest scored point of any when left out. */
  readonly instrument?: string;
  /** Comparison. */
  readonly op: Comparison;
  /** Weeks. */
  readonly value: number;
}

/** A score at one point: the latest, the baseline or the start of the step. @category Care over time */
export interface PointScoreCondition {
  /** Discriminant. */
  readonly kind: "score";
  /** Instrument id. */
  readonly instrument: string;
  /** Scale id; the instrument's tracked scale (its primary score) when left out. */
  readonly scale?: string;
  /** Which point. */
  readonly point: "latest" | ChangeAnchor;
  /** Comparison. */
  readonly op: Comparison;
  /** Threshold. */
  readonly value: number;
  /** When the latest point must lie. */
  readonly window?: WeeksWindow;
}

/** The band at one point is one of `bands`. @category Care over time */
export interface PointBandCondition {
  /** Discriminant. */
  readonly kind: "band";
  /** Instrument id. */
  readonly instrument: string;
  /** Scale id; the tracked scale when left out. */
  readonly scale?: string;
  /** Which point. */
  readonly point: "latest" | ChangeAnchor;
  /** Band ids, any of which holds. */
  readonly bands: readonly string[];
  /** When the latest point must lie. */
  readonly window?: WeeksWindow;
}

/**
 * The improvement from `from` to the latest point, in points or percent of the `from` score, positive when
 * better (aware of the instrument's direction), compared with `value`. @category Care over time
 */
export interface ImprovementCondition {
  /** Discriminant. */
  readonly kind: "improvement";
  /** Instrument id. */
  readonly instrument: string;
  /** Scale id; the tracked scale when left out. */
  readonly scale?: string;
  /** Measured from. */
  readonly from: ChangeAnchor;
  /** Points, or percent of the `from` score. */
  readonly unit: "points" | "percent";
  /** Comparison. */
  readonly op: Comparison;
  /** Threshold (a negative value is a worsening). */
  readonly value: number;
  /** When the latest point must lie. */
  readonly window?: WeeksWindow;
}

/**
 * A reliable change (Jacobson–Truax, with the instrument's default reliability inputs, as `compareScores`
 * gives it) from `from` to the latest point, in the direction named. Without `instrument`, any instrument
 * in the history whose definition gives reliability inputs. @category Care over time
 */
export interface ReliableChangeCondition {
  /** Discriminant. */
  readonly kind: "reliable-change";
  /** Instrument id; any instrument with reliable-change inputs when left out. */
  readonly instrument?: string;
  /** Scale id; the tracked scale when left out. */
  readonly scale?: string;
  /** Measured from. */
  readonly from: ChangeAnchor;
  /** Which way. */
  readonly direction: "improvement" | "deterioration";
  /** When the latest point must lie. */
  readonly window?: WeeksWindow;
}

/** The instrument's own response or remission definition, from `from` to the latest point, is met (or not). @category Care over time */
export interface OutcomeCondition {
  /** Discriminant. */
  readonly kind: "outcome";
  /** Instrument id. */
  readonly instrument: string;
  /** Scale id; the tracked scale when left out. */
  readonly scale?: string;
  /** Measured from. */
  readonly from: ChangeAnchor;
  /** Which definition. */
  readonly outcome: "response" | "remission";
  /** The definition's option id; the instrument's default when left out. */
  readonly option?: string;
  /** True: holds when met; false: holds when not met. Not evaluable when the definition cannot judge. */
  readonly met: boolean;
  /** When the latest point must lie. */
  readonly window?: WeeksWindow;
}

/** The band moved from one band (at `from`) to another (at a later latest point), as one of the listed pairs. @category Care over time */
export interface BandChangeCondition {
  /** Discriminant. */
  readonly kind: "band-change";
  /** Instrument id. */
  readonly instrument: string;
  /** Scale id; the tracked scale when left out. */
  readonly scale?: string;
  /** Measured from. */
  readonly from: ChangeAnchor;
  /** [from band, to band] pairs; `["high", "high"]` is "stayed high". */
  readonly changes: readonly (readonly [string, string])[];
  /** When the latest point must lie. */
  readonly window?: WeeksWindow;
}

/**
 * The latest scored points, consecutively, meet `op value`: at least `count` of them in the trailing run,
 * spanning at least `minSpanWeeks` from the first of the run to the latest. @category Care over time
 */
export interface ConsecutiveCondition {
  /** Discriminant. */
  readonly kind: "consecutive";
  /** Instrument id. */
  readonly instrument: string;
  /** Scale id; the tracked scale when left out. */
  readonly scale?: string;
  /** Comparison each point must meet. */
  readonly op: Comparison;
  /** Threshold. */
  readonly value: number;
  /** Fewest consecutive points. */
  readonly count: number;
  /** Fewest weeks from the first point of the run to the latest. */
  readonly minSpanWeeks?: number;
}

/** The step `stratify` gives over the latest results, compared with the current step. @category Care over time */
export interface StratifiedStepCondition {
  /** Discriminant. */
  readonly kind: "stratified-step";
  /** `stratify`'s step `op` the current step. */
  readonly op: Comparison;
}

/** Every condition holds (not evaluable when one is not evaluable and none fails). @category Care over time */
export interface AllCondition {
  /** Discriminant. */
  readonly kind: "all";
  /** The conditions. */
  readonly of: readonly ProgressCondition[];
}

/**
 * At least one condition holds, among those that could be evaluated: a condition on an instrument that was
 * not (re)assessed is skipped; not evaluable only when none could be. @category Care over time
 */
export interface AnyCondition {
  /** Discriminant. */
  readonly kind: "any";
  /** The conditions. */
  readonly of: readonly ProgressCondition[];
}

/** The condition does not hold (not evaluable when it is not). @category Care over time */
export interface NotCondition {
  /** Discriminant. */
  readonly kind: "not";
  /** The condition. */
  readonly condition: ProgressCondition;
}

/** A condition of a progression rule, told apart by `kind`. @category Care over time */
export type ProgressCondition =
  | WeeksAtStepCondition
  | PointScoreCondition
  | PointBandCondition
  | ImprovementCondition
  | ReliableChangeCondition
  | OutcomeCondition
  | BandChangeCondition
  | ConsecutiveCondition
  | StratifiedStepCondition
  | AllCondition
  | AnyCondition
  | NotCondition;

/**
 * A progression rule: when all of `when` hold at the latest assessment, it asks for `action`. `progress`
 * takes the most intensive action asked for; a step-down applies only when nothing asks for more and nothing
 * is urgent. @category Care over time
 */
export interface ProgressionRule extends Sourced {
  /** Stable id. */
  readonly id: string;
  /** What the rule says, e.g. "PHQ-9 not improved at 10 weeks". */
  readonly label: string;
  /** What it asks for. */
  readonly action: ProgressionAction;
  /** The current steps at which it applies; every step when left out. */
  readonly steps?: readonly number[];
  /**
   * For step-up and step-down: the step to move to: a step number, the `next` or `previous` step, or the
   * step `stratify` gives over the latest results (`stratified`). `next` (up) or `previous` (down) by default.
   */
  readonly to?: number | "next" | "previous" | "stratified";
  /** Every one must hold. */
  readonly when: readonly ProgressCondition[];
  /** What to do, in a sentence or two. */
  readonly advice: string;
}

const KINDS = [
  "weeks-at-step",
  "score",
  "band",
  "improvement",
  "reliable-change",
  "outcome",
  "band-change",
  "consecutive",
  "stratified-step",
  "all",
  "any",
  "not",
] as const;

// Built on first use, like the pathway schema: zod schemas made at module load stay in every bundle.
let schemas: ReturnType<typeof buildSchemas> | undefined;

function buildSchemas() {
  const text = z.string().check(z.minLength(1, "must not be empty"));
  const id = z.string().check(z.regex(/^[a-z0-9][a-zA-Z0-9-]*$/, "must be lowercase letters, digits and hyphens"));
  const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
  const weeks = finite.check(z.minimum(0, "must be 0 or more"));
  const op = z.enum([">=", ">", "<=", "<", "=="]);
  const anchor = z.enum(["baseline", "step-start"]);
  const point = z.enum(["latest", "baseline", "step-start"]);
  const window = z.optional(z.strictObject({ minWeeks: z.optional(weeks), maxWeeks: z.optional(weeks) }));
  const measure = { instrument: text, scale: z.optional(text) };
  // Child conditions are checked node by node (see checkCondition), so that each problem is named by its path.
  // One schema per kind, picked by `kind` (checked first): smaller than a zod union, and its messages name the kind's fields.
  const nodes = {
    "weeks-at-step": z.strictObject({ kind: text, instrument: z.optional(text), op, value: weeks }),
    score: z.strictObject({ kind: text, ...measure, point, op, value: finite, window }),
    band: z.strictObject({
      kind: text,
      ...measure,
      point,
      bands: z.array(text).check(z.minLength(1, "must name at least one band")),
      window,
    }),
    improvement: z.strictObject({
      kind: text,
      ...measure,
      from: anchor,
      unit: z.enum(["points", "percent"]),
      op,
      value: finite,
      window,
    }),
    "reliable-change": z.strictObject({
      kind: text,
      instrument: z.optional(text),
      scale: z.optional(text),
      from: anchor,
      direction: z.enum(["improvement", "deterioration"]),
      window,
    }),
    outcome: z.strictObject({
      kind: text,
      ...measure,
      from: anchor,
      outcome: z.enum(["response", "remission"]),
      option: z.optional(text),
      met: z.boolean(),
      window,
    }),
    "band-change": z.strictObject({
      kind: text,
      ...measure,
      from: anchor,
      changes: z
        .array(z.array(text).check(z.length(2, "must be a [from, to] pair of band ids")))
        .check(z.minLength(1, "must list at least one [from, to] pair")),
      window,
    }),
    consecutive: z.strictObject({
      kind: text,
      ...measure,
      op,
      value: finite,
      count: z.int().check(z.minimum(1, "must be a whole number of 1 or more")),
      minSpanWeeks: z.optional(weeks),
    }),
    "stratified-step": z.strictObject({ kind: text, op }),
    all: z.strictObject({
      kind: text,
      of: z.array(z.unknown()).check(z.minLength(1, "must list at least one condition")),
    }),
    any: z.strictObject({
      kind: text,
      of: z.array(z.unknown()).check(z.minLength(1, "must list at least one condition")),
    }),
    not: z.strictObject({ kind: text, condition: z.unknown() }),
  };
  const rule = z.strictObject({
    id,
    label: text,
    action: z.enum(["step-up", "review", "continue", "step-down"]),
    steps: z.optional(z.array(z.int()).check(z.minLength(1, "must list at least one step"))),
    to: z.optional(z.union([z.int(), z.enum(["next", "previous", "stratified"])])),
    when: z.array(z.unknown()).check(z.minLength(1, "must list at least one condition")),
    advice: text,
    source: text,
    designChoice: z.optional(z.boolean()),
    note: z.optional(text),
  });
  return { nodes, rule };
}

/** Reports one problem: a dotted path, the rule's id, a message. */
type Say = (path: string, rule: string | null, message: string) => void;

/** What the checks need from the rest of the pathway. */
interface Context {
  readonly say: Say;
  readonly steps: ReadonlySet<number>;
  readonly def: (id: string) => InstrumentDefinition | undefined;
  readonly sourced: (at: string, rule: string, s: Sourced) => void;
}

/**
 * Checks `pathway.progression` (already known to be an array or absent): each rule's shape, then its
 * conditions node by node, their instruments, scales, bands and response/remission options against the
 * definitions, its steps and its source. @internal
 */
export function checkProgression(rules: unknown, ctx: Context): void {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    ctx.say("progression", null, "must be an array of progression rules");
    return;
  }
  const s = (schemas ??= buildSchemas());
  const ids = new Set<string>();
  rules.forEach((raw: unknown, i) => {
    const at = `progression.${String(i)}`;
    const parsed = s.rule.safeParse(raw);
    const ruleId =
      typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string"
        ? (raw as { id: string }).id
        : null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.say([at, ...issue.path.map(String)].join("."), ruleId, issue.message);
      return;
    }
    const r = raw as ProgressionRule;
    if (ids.has(r.id)) ctx.say(at, r.id, `the id "${r.id}" is used twice`);
    ids.add(r.id);
    ctx.sourced(at, r.id, r);
    (r.steps ?? []).forEach((st, j) => {
      if (!ctx.steps.has(st))
        ctx.say(`${at}.steps.${String(j)}`, r.id, `step ${String(st)} is not among the pathway's steps`);
    });
    if (r.to !== undefined) {
      const moves = r.action === "step-up" || r.action === "step-down";
      if (!moves)
        ctx.say(`${at}.to`, r.id, `only a step-up or step-down rule has a target step (this rule asks to ${r.action})`);
      else if (typeof r.to === "number" && !ctx.steps.has(r.to))
        ctx.say(`${at}.to`, r.id, `step ${String(r.to)} is not among the pathway's steps`);
      else if ((r.to === "next" && r.action === "step-down") || (r.to === "previous" && r.action === "step-up")) {
        ctx.say(`${at}.to`, r.id, `a ${r.action} rule cannot move to the ${r.to} step`);
      }
    }
    r.when.forEach((c: unknown, j) => {
      checkCondition(`${at}.when.${String(j)}`, r.id, c, ctx, s.nodes);
    });
  });
}

function checkCondition(
  at: string,
  rule: string,
  raw: unknown,
  ctx: Context,
  nodes: ReturnType<typeof buildSchemas>["nodes"],
): void {
  const kind = typeof raw === "object" && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind)) {
    ctx.say(`${at}.kind`, rule, `a condition's kind is one of ${KINDS.map((k) => `"${k}"`).join(", ")}`);
    return;
  }
  const parsed = nodes[kind as (typeof KINDS)[number]].safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.say([at, ...issue.path.map(String)].join("."), rule, issue.message);
    return;
  }
  const c = raw as ProgressCondition;
  switch (c.kind) {
    case "all":
    case "any":
      c.of.forEach((x: unknown, j) => {
        checkCondition(`${at}.of.${String(j)}`, rule, x, ctx, nodes);
      });
      return;
    case "not":
      checkCondition(`${at}.condition`, rule, c.condition, ctx, nodes);
      return;
    case "stratified-step":
      return;
    case "weeks-at-step":
    case "reliable-change":
      if (c.kind === "reliable-change" && c.window !== undefined) windowOk(at, rule, c.window, ctx);
      if (c.instrument !== undefined)
        measureOk(at, rule, c.instrument, c.kind === "reliable-change" ? c.scale : undefined, ctx);
      else if (c.kind === "reliable-change" && c.scale !== undefined)
        ctx.say(`${at}.scale`, rule, "a scale needs an instrument");
      return;
    case "score":
    case "improvement":
    case "consecutive":
      measureOk(at, rule, c.instrument, c.scale, ctx);
      if (c.kind !== "consecutive" && c.window !== undefined) windowOk(at, rule, c.window, ctx);
      return;
    case "band":
    case "band-change": {
      const scale = measureOk(at, rule, c.instrument, c.scale, ctx);
      if (c.window !== undefined) windowOk(at, rule, c.window, ctx);
      if (scale === null) return;
      const known = scale.bands;
      const check = (b: string, path: string): void => {
        if (!known.includes(b)) ctx.say(path, rule, `${scale.name} has no band "${b}" (bands: ${list(known)})`);
      };
      if (c.kind === "band")
        c.bands.forEach((b, j) => {
          check(b, `${at}.bands.${String(j)}`);
        });
      else
        c.changes.forEach(([a, b], j) => {
          check(a, `${at}.changes.${String(j)}.0`);
          check(b, `${at}.changes.${String(j)}.1`);
        });
      return;
    }
    case "outcome": {
      const scale = measureOk(at, rule, c.instrument, c.scale, ctx);
      if (c.window !== undefined) windowOk(at, rule, c.window, ctx);
      if (scale === null) return;
      const options = (scale.def.change?.[scale.id]?.[c.outcome] ?? []).map((o) => o.id);
      if (options.length === 0) ctx.say(`${at}.outcome`, rule, `${scale.name} defines no ${c.outcome}`);
      else if (c.option !== undefined && !options.includes(c.option)) {
        ctx.say(
          `${at}.option`,
          rule,
          `${scale.name} has no ${c.outcome} option "${c.option}" (options: ${list(options)})`,
        );
      }
      return;
    }
    default:
      // A kind added to ProgressCondition without a case here does not compile.
      unreachable(c);
  }
}

function windowOk(at: string, rule: string, w: WeeksWindow, ctx: Context): void {
  if (w.minWeeks !== undefined && w.maxWeeks !== undefined && w.maxWeeks <= w.minWeeks) {
    ctx.say(`${at}.window.maxWeeks`, rule, "the window closes before it opens (maxWeeks must be above minWeeks)");
  }
}

/** The scale a condition reads, or null (with the problem said) when the instrument or scale does not exist. */
function measureOk(
  at: string,
  rule: string,
  instrument: string,
  scaleId: string | undefined,
  ctx: Context,
): { def: InstrumentDefinition; id: string; name: string; bands: readonly string[] } | null {
  const def = ctx.def(instrument);
  if (def === undefined) {
    ctx.say(`${at}.instrument`, rule, `unknown instrument "${instrument}"`);
    return null;
  }
  const scales = scalesOf(def);
  const id = scaleId ?? trackedScale(def);
  const scale = scales.find((x) => x.id === id);
  if (scale === undefined) {
    ctx.say(
      `${at}.scale`,
      rule,
      `${def.shortTitle} has no scale "${String(scaleId)}" (scales: ${list(scales.map((x) => x.id))})`,
    );
    return null;
  }
  return { def, id: scale.id, name: `${def.shortTitle} ${scale.id}`, bands: (scale.bands ?? []).map((b) => b.id) };
}

/**
 * The scale `progress` follows for an instrument: its primary score, else (BPI, FABQ) its first subscale.
 * @internal
 */
export function trackedScale(def: InstrumentDefinition): string {
  return def.score?.id ?? (def.subscales?.[0]?.id as string);
}

function list(ids: readonly string[]): string {
  return ids.length === 0 ? "none" : ids.map((x) => `"${x}"`).join(", ");
}
