// The pathway model: its types, the zod schema that checks its shape, and the checks against the definitions.
import * as z from "zod/mini";
import { instruments } from "../registry.js";
import { bounded, clip, listed, quote } from "../errors.js";
import { unreachable } from "../rules/kinds.js";
import { scalesOf } from "../rules/items.js";
import type { Citation, Comparison, FlagDefinition, InstrumentDefinition, Item, Scale } from "../types.js";
import { checkProgression, type ProgressionRule } from "./progression.js";

/** What every pathway rule and condition says about where it comes from. @category Stratification */
export interface Sourced {
  /** Key into the pathway's `references`. */
  readonly source: string;
  /** True where the rule is the pathway author's own mapping rather than a published one. */
  readonly designChoice?: boolean;
  /** Why the rule is as it is; required when `designChoice` is true. */
  readonly note?: string;
}

/** A condition on a result's score (the primary score, or the subscale `scale` names). @category Stratification */
export interface ScoreCondition extends Sourced {
  /** Instrument id, e.g. "tsk17". */
  readonly instrument: string;
  /** Scale id; the primary score when left out. */
  readonly scale?: string;
  /** Comparison. */
  readonly op: Comparison;
  /** Threshold. */
  readonly value: number;
}

/** A condition on a result's band (of the primary score, or of `scale`). @category Stratification */
export interface BandCondition extends Sourced {
  /** Instrument id, e.g. "startback". */
  readonly instrument: string;
  /** Scale id; the primary score when left out. */
  readonly scale?: string;
  /** Band id, e.g. "high". */
  readonly band: string;
}

/** A condition that holds when the result carries a flag. @category Stratification */
export interface FlagCondition extends Sourced {
  /** Instrument id, e.g. "phq9". */
  readonly instrument: string;
  /** Flag id, e.g. "self-harm". */
  readonly flag: string;
}

/** A condition on one item's answer as given. @category Stratification */
export interface ItemCondition extends Sourced {
  /** Instrument id. */
  readonly instrument: string;
  /** Item id, e.g. "9". */
  readonly item: string;
  /** Comparison. */
  readonly op: Comparison;
  /** Threshold. */
  readonly value: number;
}

/** Any condition on a result. @category Stratification */
export type PathwayCondition = ScoreCondition | BandCondition | FlagCondition | ItemCondition;

/** A count of elevated domains, optionally of one group: between `min` and `max` inclusive. @category Stratification */
export interface DomainCount {
  /** Count only domains of this group (e.g. "psychosocial"); all domains when left out. */
  readonly group?: string;
  /** Fewest elevated domains. */
  readonly min: number;
  /** Most elevated domains; no upper bound when left out. */
  readonly max?: number;
}

/** What makes a step rule fire: a condition, an elevated domain, or a count of elevated domains. @category Stratification */
export type StepTrigger = PathwayCondition | { readonly domain: string } | { readonly elevatedDomains: DomainCount };

/** A care step: its number (higher is more intensive), label and the care it recommends. @category Stratification */
export interface StepLevel extends Sourced {
  /** 1, 2, 3 …; the lowest is the step when no rule fires. */
  readonly step: number;
  /** Short label. */
  readonly label: string;
  /** The care recommended, in a sentence or two. */
  readonly care: string;
}

/** What the evidence points to for an elevated domain. @category Stratification */
export interface Target extends Sourced {
  /** The kind of intervention. */
  readonly intervention: string;
}

/** A screening domain: the instruments that assess it and when it counts as elevated. @category Stratification */
export interface DomainRule {
  /** Stable id, e.g. "fear-of-movement". */
  readonly id: string;
  /** Label. */
  readonly label: string;
  /** A group that step rules may count (e.g. "psychosocial"). */
  readonly group?: string;
  /** Instruments whose scored result assesses the domain (screeners included). */
  readonly instruments: readonly string[];
  /** Elevated when any of these holds; a domain measured twice still counts once. */
  readonly elevatedWhen: readonly PathwayCondition[];
  /** The intervention the evidence points to when elevated. */
  readonly target: Target;
}

/** A rule that sets a minimum step. The step is the highest of the rules that fire. @category Stratification */
export interface StepRule extends Sourced {
  /** Stable id. */
  readonly id: string;
  /** The step it sets. */
  readonly step: number;
  /** What the rule says, e.g. "STarT Back high risk". */
  readonly label: string;
  /** When it fires. */
  readonly when: StepTrigger;
}

/** An urgent safety rule: when it fires, `urgent` is true. It never changes the step. @category Stratification */
export interface UrgentRule extends Sourced {
  /** Stable id. */
  readonly id: string;
  /** What the rule says. */
  readonly label: string;
  /** When it fires. */
  readonly when: PathwayCondition;
  /** What to do. */
  readonly action: string;
}

/** A follow-up: a positive screen that calls for a fuller instrument. @category Stratification */
export interface FollowUpRule extends Sourced {
  /** Stable id. */
  readonly id: string;
  /** What the rule says. */
  readonly label: string;
  /** Fires when any of these holds. */
  readonly when: readonly PathwayCondition[];
  /** What to do. */
  readonly recommend: string;
  /** Instruments that complete the follow-up once scored. */
  readonly administer: readonly string[];
  /** The domain it screens; while the follow-up is pending the domain counts as not fully assessed. */
  readonly domain?: string;
}

/**
 * A stepped-care pathway as data: JSON-serialisable, so a clinic can write its own. Check one with
 * {@link validatePathway}; {@link stratify} evaluates it.
 *
 * @category Stratification
 */
export interface Pathway {
  /** Stable id, e.g. "stepscore-default". */
  readonly id: string;
  /** Version (semver); change it whenever a rule changes. */
  readonly version: string;
  /** Title. */
  readonly title: string;
  /** What it is for and what it is not. */
  readonly description: string;
  /** Sources, by key; every rule and condition names one. */
  readonly references: Readonly<Record<string, Citation>>;
  /** The care steps, lowest first. */
  readonly steps: readonly StepLevel[];
  /** The screening domains. */
  readonly domains: readonly DomainRule[];
  /** Rules that raise the step. */
  readonly stepRules: readonly StepRule[];
  /** Urgent safety rules. */
  readonly urgent: readonly UrgentRule[];
  /** Follow-up recommendations. */
  readonly followUps: readonly FollowUpRule[];
  /**
   * What to do at a reassessment (step up, review, continue, step down), read by {@link progress}; a pathway
   * without them gives `continue` whenever something was assessed.
   */
  readonly progression?: readonly ProgressionRule[];
  /** Caveats shown with the pathway. */
  readonly notes?: readonly string[];
}

/** One problem with a pathway. @category Stratification */
export interface PathwayIssue {
  /** Where, as a dotted path, e.g. "stepRules.3.when.value". */
  readonly path: string;
  /** The id of the rule (or domain or step) at fault, when there is one. */
  readonly rule: string | null;
  /** What is wrong. */
  readonly message: string;
}

/**
 * Thrown by {@link stratify} for a pathway that breaks the schema or names an instrument, scale, band, flag,
 * item, domain, step or source that does not exist. `issues` lists every problem with its path and rule id
 * (at most 50, the last then saying how many more; the message lists 10).
 *
 * @example
 * ```ts
 * try {
 *   stratify(results, myPathway);
 * } catch (e) {
 *   if (e instanceof PathwayError) e.issues; // [{ path: "stepRules.0.when.instrument", rule: "severe", message: … }]
 * }
 * ```
 * @category Stratification
 */
export class PathwayError extends Error {
  /** The pathway's id, when it has one. */
  readonly pathway: string | null;
  /** One entry per problem. */
  readonly issues: readonly PathwayIssue[];

  /**
   * @param pathway - the pathway's id, or null
   * @param issues - the problems
   */
  constructor(pathway: string | null, issues: readonly PathwayIssue[]) {
    const kept = boundedIssues(issues);
    const lines = kept.map((i) => `${i.path}${i.rule === null ? "" : ` (rule ${quote(i.rule)})`}: ${i.message}`);
    super(`invalid pathway${pathway === null ? "" : ` ${quote(pathway)}`}: ${listed(lines)}`);
    this.name = "PathwayError";
    this.pathway = pathway;
    this.issues = kept;
  }
}

/** Options for {@link validatePathway} and {@link stratify}. @category Stratification */
export interface PathwayOptions {
  /** Definitions of instruments that are not bundled, so a pathway may name them. */
  readonly definitions?: readonly InstrumentDefinition[];
}

// ---------------------------------------------------------------------------------------------------------
// The checked form. The pathway format tells conditions and triggers apart by the fields they have (a
// public contract); checking tags each once with its kind, and evaluation switches on the tag.
// ---------------------------------------------------------------------------------------------------------

/** A pathway condition with its kind, told once from its fields when the pathway is checked. */
export type TaggedCondition =
  | (ScoreCondition & { readonly kind: "score" })
  | (BandCondition & { readonly kind: "band" })
  | (FlagCondition & { readonly kind: "flag" })
  | (ItemCondition & { readonly kind: "item" });

/** A step trigger with its kind: a condition, an elevated domain, or a count of elevated domains. */
export type TaggedTrigger =
  | TaggedCondition
  | { readonly kind: "domain"; readonly domain: string }
  | { readonly kind: "domain-count"; readonly elevatedDomains: DomainCount };

/** A pathway as checked: the same rules, every condition and trigger tagged with its kind. */
export interface CheckedPathway extends Omit<Pathway, "domains" | "stepRules" | "urgent" | "followUps"> {
  /** The screening domains. */
  readonly domains: readonly (Omit<DomainRule, "elevatedWhen"> & {
    readonly elevatedWhen: readonly TaggedCondition[];
  })[];
  /** Rules that raise the step. */
  readonly stepRules: readonly (Omit<StepRule, "when"> & { readonly when: TaggedTrigger })[];
  /** Urgent safety rules. */
  readonly urgent: readonly (Omit<UrgentRule, "when"> & { readonly when: TaggedCondition })[];
  /** Follow-up recommendations. */
  readonly followUps: readonly (Omit<FollowUpRule, "when"> & { readonly when: readonly TaggedCondition[] })[];
}

// ---------------------------------------------------------------------------------------------------------
// Schema: the shape. Conditions and triggers are one loose object each, so that a wrong mix of fields gets
// a message naming the fields (from the checks below) rather than zod's "invalid union".
// ---------------------------------------------------------------------------------------------------------

// Built on first use: zod schemas made at module load would stay in every bundle that imports the library.
let pathwaySchema: ReturnType<typeof buildPathwaySchema> | undefined;

function buildPathwaySchema() {
  const id = z.string().check(z.regex(/^[a-z0-9][a-zA-Z0-9-]*$/, "must be lowercase letters, digits and hyphens"));
  const text = z.string().check(z.minLength(1, "must not be empty"));
  const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
  const comparison = z.enum([">=", ">", "<=", "<", "=="]);
  const sourced = { source: text, designChoice: z.optional(z.boolean()), note: z.optional(text) };

  const condition = z.strictObject({
    instrument: text,
    scale: z.optional(text),
    op: z.optional(comparison),
    value: z.optional(finite),
    band: z.optional(text),
    flag: z.optional(text),
    item: z.optional(text),
    ...sourced,
  });

  const trigger = z.strictObject({
    instrument: z.optional(text),
    scale: z.optional(text),
    op: z.optional(comparison),
    value: z.optional(finite),
    band: z.optional(text),
    flag: z.optional(text),
    item: z.optional(text),
    source: z.optional(text),
    designChoice: z.optional(z.boolean()),
    note: z.optional(text),
    domain: z.optional(text),
    elevatedDomains: z.optional(
      z.strictObject({
        group: z.optional(text),
        min: z.int().check(z.minimum(1)),
        max: z.optional(z.int().check(z.minimum(1))),
      }),
    ),
  });

  const schema = z.strictObject({
    id,
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, "must be a version such as 1.0.0")),
    title: text,
    description: text,
    references: z.record(
      z.string(),
      z.strictObject({
        text,
        pmid: z.optional(text),
        doi: z.optional(text),
        url: z.optional(text),
        note: z.optional(text),
      }),
    ),
    steps: z
      .array(z.strictObject({ step: z.int().check(z.minimum(1)), label: text, care: text, ...sourced }))
      .check(z.minLength(1)),
    domains: z.array(
      z.strictObject({
        id,
        label: text,
        group: z.optional(id),
        instruments: z.array(text).check(z.minLength(1)),
        elevatedWhen: z.array(condition),
        target: z.strictObject({ intervention: text, ...sourced }),
      }),
    ),
    stepRules: z.array(z.strictObject({ id, step: z.int(), label: text, when: trigger, ...sourced })),
    urgent: z.array(z.strictObject({ id, label: text, when: condition, action: text, ...sourced })),
    followUps: z.array(
      z.strictObject({
        id,
        label: text,
        when: z.array(condition).check(z.minLength(1)),
        recommend: text,
        administer: z.array(text).check(z.minLength(1)),
        domain: z.optional(text),
        ...sourced,
      }),
    ),
    // Checked rule by rule, condition by condition, in checkProgression: conditions nest.
    progression: z.optional(z.array(z.unknown())),
    notes: z.optional(z.array(text)),
  });
  return schema;
}

/**
 * Checks a pathway: its shape (the schema), then every reference in it against the bundled definitions (and
 * `options.definitions`): instrument ids, scales, bands, flags, items, thresholds within the scale's range,
 * domains, steps, sources among the references, a note for every design choice; and every progression rule
 * and each of its conditions, named by path (`progression.2.when.0.of.1.scale`). Never throws.
 *
 * @param pathway - a candidate pathway, e.g. parsed from JSON
 * @param options - definitions of instruments that are not bundled
 * @returns the problems, each with its path and the id of the rule at fault (at most 50, the last then
 * saying how many more; long ids and values quoted by their start); empty when sound
 * @example
 * ```ts
 * validatePathway(defaultPathway); // []
 * validatePathway({ ...defaultPathway, stepRules: [{ id: "x", step: 3, label: "x", source: "hill2011",
 *   when: { instrument: "phq10", op: ">=", value: 20, source: "kroenke2001" } }] });
 * // [{ path: "stepRules.0.when.instrument", rule: "x", message: 'unknown instrument "phq10"' }]
 * ```
 * @category Stratification
 */
export function validatePathway(pathway: unknown, options: PathwayOptions = {}): PathwayIssue[] {
  return [...checkPathway(pathway, options).issues];
}

/**
 * Checks a pathway as {@link validatePathway} does and, when it is sound, gives its checked form (every
 * condition and trigger tagged with its kind); null with the issues otherwise.
 */
export function checkPathway(
  pathway: unknown,
  options: PathwayOptions = {},
): { readonly issues: readonly PathwayIssue[]; readonly checked: CheckedPathway | null } {
  const parsed = (pathwaySchema ??= buildPathwaySchema()).safeParse(pathway);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: clip(i.path.map(String).join(".") || "(pathway)"),
      rule: clipped(ruleAt(pathway, i.path)),
      message: i.message,
    }));
    return { issues: boundedIssues(issues), checked: null };
  }
  const checker = new Checker(pathway as Pathway, options.definitions ?? []);
  const checked = checker.run();
  const issues = checker.issues;
  return issues.length === 0 ? { issues, checked } : { issues: boundedIssues(issues), checked: null };
}

/** At most MAX_ISSUES issues, the last saying how many more: a pathway of thousands of bad rules gives a small list. */
function boundedIssues(issues: readonly PathwayIssue[]): readonly PathwayIssue[] {
  return bounded(issues, (n) => ({ path: "(pathway)", rule: null, message: `and ${String(n)} more problems` }));
}

const clipped = (id: string | null): string | null => (id === null ? null : clip(id));

/** The id of the list entry a schema path points into (e.g. ["stepRules", 3, …] → stepRules[3].id). */
function ruleAt(pathway: unknown, path: readonly PropertyKey[]): string | null {
  const [list, index] = path;
  if (typeof list !== "string" || typeof index !== "number" || typeof pathway !== "object" || pathway === null)
    return null;
  const entry: unknown = (pathway as Record<string, unknown>)[list];
  if (!Array.isArray(entry)) return null;
  const item: unknown = entry[index];
  if (typeof item !== "object" || item === null) return null;
  const ruleId = (item as { id?: unknown; step?: unknown }).id ?? (item as { step?: unknown }).step;
  return typeof ruleId === "string" || typeof ruleId === "number" ? String(ruleId) : null;
}

/** Looks an instrument up among the bundled definitions and the caller's. */
export function definitionFor(idOf: string, extra: readonly InstrumentDefinition[]): InstrumentDefinition | undefined {
  return (
    extra.find((d) => d.id === idOf) ??
    (Object.hasOwn(instruments, idOf)
      ? (instruments as unknown as Record<string, InstrumentDefinition>)[idOf]
      : undefined)
  );
}

/**
 * The flags declared `urgent` for an instrument, each with the definition declaring it: the caller's
 * definition's and the bundled one's under the same id (a flag id once, the bundled first), so that a
 * definition passed under a bundled id (its scoring-only form, say) never removes a bundled safety signal.
 */
export function urgentFlags(
  idOf: string,
  extra: readonly InstrumentDefinition[],
): readonly { readonly def: InstrumentDefinition; readonly flag: FlagDefinition }[] {
  const bundled = Object.hasOwn(instruments, idOf)
    ? (instruments as unknown as Record<string, InstrumentDefinition>)[idOf]
    : undefined;
  const out: { def: InstrumentDefinition; flag: FlagDefinition }[] = [];
  for (const def of [bundled, extra.find((d) => d.id === idOf)]) {
    if (def === undefined) continue;
    for (const flag of def.flags ?? [])
      if (flag.urgent === true && !out.some((u) => u.flag.id === flag.id)) out.push({ def, flag });
  }
  return out;
}

/** The scale a condition reads: the one named, else the primary score. */
export function scaleOf(def: InstrumentDefinition, name: string | undefined): Scale | undefined {
  return name === undefined ? (def.score ?? undefined) : scalesOf(def).find((s) => s.id === name);
}

/** The kind of a condition, from the fields it has; null when they do not make exactly one kind. */
function conditionKind(c: Readonly<Record<string, unknown>>): TaggedCondition["kind"] | null {
  const band = c["band"] !== undefined;
  const flag = c["flag"] !== undefined;
  const item = c["item"] !== undefined;
  const compared = c["op"] !== undefined || c["value"] !== undefined;
  if (band && !flag && !item && !compared) return "band";
  if (flag && !band && !item && !compared && c["scale"] === undefined) return "flag";
  if (item && !band && !flag && c["scale"] === undefined && c["op"] !== undefined && c["value"] !== undefined)
    return "item";
  if (!band && !flag && !item && c["op"] !== undefined && c["value"] !== undefined) return "score";
  return null;
}

/**
 * A pathway condition tagged with its kind, told from its fields as {@link validatePathway} tells them; null
 * when they make no single kind. Every reader of the public format goes through it, and switches on the tag.
 *
 * @internal
 */
export function tagCondition(c: PathwayCondition): TaggedCondition | null {
  const kind = conditionKind(c as unknown as Readonly<Record<string, unknown>>);
  // Which fields are present is what conditionKind has just checked: the casts only tell the compiler.
  switch (kind) {
    case null:
      return null;
    case "score":
      return { ...(c as ScoreCondition), kind };
    case "band":
      return { ...(c as BandCondition), kind };
    case "flag":
      return { ...(c as FlagCondition), kind };
    case "item":
      return { ...(c as ItemCondition), kind };
  }
}

/** The kinds of step trigger: a condition, an elevated domain, or a count of elevated domains. */
export type TriggerKind = "condition" | "domain" | "domain-count";

/**
 * The kind of a step trigger, told from its fields (a field given as undefined is left out); null when it is
 * not exactly one kind.
 *
 * @internal
 */
export function triggerKind(t: StepTrigger): TriggerKind | null {
  const raw = t as Readonly<Record<string, unknown>>;
  const kinds: TriggerKind[] = [];
  if (raw["instrument"] !== undefined) kinds.push("condition");
  if (raw["domain"] !== undefined) kinds.push("domain");
  if (raw["elevatedDomains"] !== undefined) kinds.push("domain-count");
  return kinds.length === 1 ? (kinds[0] as TriggerKind) : null;
}

class Checker {
  readonly issues: PathwayIssue[] = [];
  private readonly refs: ReadonlySet<string>;
  private readonly domainIds: ReadonlySet<string>;
  private readonly groups: ReadonlySet<string>;
  private readonly steps: ReadonlySet<number>;

  constructor(
    private readonly p: Pathway,
    private readonly extra: readonly InstrumentDefinition[],
  ) {
    this.refs = new Set(Object.keys(p.references));
    this.domainIds = new Set(p.domains.map((d) => d.id));
    this.groups = new Set(p.domains.map((d) => d.group).filter((g): g is string => g !== undefined));
    this.steps = new Set(p.steps.map((s) => s.step));
  }

  /** Checks the pathway, saying every problem in `issues`, and gives its checked form (used only when there is none). */
  run(): CheckedPathway {
    const p = this.p;
    // One pass with a set: a pathway of 20,000 rules checks in milliseconds (indexOf made it quadratic).
    const ids = new Set<string>();
    for (const r of [...p.domains, ...p.stepRules, ...p.urgent, ...p.followUps]) {
      if (ids.has(r.id)) this.say("(pathway)", r.id, `the id ${quote(r.id)} is used twice`);
      else ids.add(r.id);
    }

    p.steps.forEach((s, i) => {
      const prev = p.steps[i - 1];
      if (prev !== undefined && s.step <= prev.step)
        this.say(`steps.${String(i)}.step`, String(s.step), "steps must be listed in increasing order, each once");
      this.sourced(`steps.${String(i)}`, String(s.step), s);
    });

    const inDomains = new Set(p.domains.flatMap((d) => d.instruments));
    const domains = p.domains.map((d, i) => {
      const at = `domains.${String(i)}`;
      d.instruments.forEach((ins, j) => {
        if (this.def(ins) === undefined)
          this.say(`${at}.instruments.${String(j)}`, d.id, `unknown instrument ${quote(ins)}`);
      });
      const elevatedWhen = d.elevatedWhen.map((c, j) => {
        const tagged = this.condition(`${at}.elevatedWhen.${String(j)}`, d.id, c);
        if (!d.instruments.includes(c.instrument)) {
          this.say(
            `${at}.elevatedWhen.${String(j)}.instrument`,
            d.id,
            `${quote(c.instrument)} is not among the domain's instruments`,
          );
        }
        return tagged;
      });
      this.sourced(`${at}.target`, d.id, d.target);
      return { ...d, elevatedWhen: elevatedWhen.filter(isTagged) };
    });

    const stepRules = p.stepRules.map((r, i) => {
      const at = `stepRules.${String(i)}`;
      if (!this.steps.has(r.step))
        this.say(`${at}.step`, r.id, `step ${String(r.step)} is not among the pathway's steps`);
      this.sourced(at, r.id, r);
      return { ...r, when: this.trigger(`${at}.when`, r.id, r.when, inDomains) };
    });

    const urgent = p.urgent.map((r, i) => {
      this.sourced(`urgent.${String(i)}`, r.id, r);
      return { ...r, when: this.condition(`urgent.${String(i)}.when`, r.id, r.when) };
    });

    const followUps = p.followUps.map((r, i) => {
      const at = `followUps.${String(i)}`;
      this.sourced(at, r.id, r);
      const when = r.when.map((c, j) => this.condition(`${at}.when.${String(j)}`, r.id, c));
      r.administer.forEach((ins, j) => {
        if (this.def(ins) === undefined)
          this.say(`${at}.administer.${String(j)}`, r.id, `unknown instrument ${quote(ins)}`);
      });
      if (r.domain !== undefined && !this.domainIds.has(r.domain))
        this.say(`${at}.domain`, r.id, `unknown domain ${quote(r.domain)}`);
      return { ...r, when: when.filter(isTagged) };
    });

    checkProgression(p.progression, {
      say: (path, rule, message) => {
        this.say(path, rule, message);
      },
      steps: this.steps,
      def: (ins) => this.def(ins),
      sourced: (at, rule, s) => {
        this.sourced(at, rule, s);
      },
    });
    // A rule whose condition or trigger has no kind has been reported, and then the checked form is not used.
    return {
      ...p,
      domains,
      stepRules: stepRules.filter(sound),
      urgent: urgent.filter(sound),
      followUps,
    };
  }

  private say(path: string, rule: string | null, message: string): void {
    // Rule ids are the pathway's own text, of any length: kept short in what is reported.
    this.issues.push({ path, rule: clipped(rule), message });
  }

  private def(ins: string): InstrumentDefinition | undefined {
    return definitionFor(ins, this.extra);
  }

  private sourced(at: string, rule: string, s: Sourced): void {
    if (!this.refs.has(s.source))
      this.say(`${at}.source`, rule, `source ${quote(s.source)} is not among the references`);
    if (s.designChoice === true && s.note === undefined)
      this.say(`${at}.note`, rule, "a design choice needs a note saying why");
  }

  /** Checks a step trigger; its tagged form, or null when its fields make no single kind. */
  private trigger(at: string, rule: string, t: StepTrigger, inDomains: ReadonlySet<string>): TaggedTrigger | null {
    const kind = triggerKind(t);
    // The casts only tell the compiler which fields triggerKind has just found.
    switch (kind) {
      case null:
        this.say(
          at,
          rule,
          "a trigger is exactly one of: a condition (instrument …), { domain }, or { elevatedDomains }",
        );
        return null;
      case "domain": {
        const d = (t as { readonly domain: string }).domain;
        if (Object.keys(t).length !== 1) this.say(at, rule, "a domain trigger has only the field domain");
        if (!this.domainIds.has(d)) this.say(`${at}.domain`, rule, `unknown domain ${quote(d)}`);
        return { kind: "domain", domain: d };
      }
      case "domain-count": {
        if (Object.keys(t).length !== 1) this.say(at, rule, "a count trigger has only the field elevatedDomains");
        const c = (t as { readonly elevatedDomains: DomainCount }).elevatedDomains;
        if (c.group !== undefined && !this.groups.has(c.group))
          this.say(`${at}.elevatedDomains.group`, rule, `no domain has the group ${quote(c.group)}`);
        if (c.max !== undefined && c.max < c.min) this.say(`${at}.elevatedDomains.max`, rule, "max is below min");
        return { kind: "domain-count", elevatedDomains: c };
      }
      case "condition":
        return this.conditionTrigger(at, rule, t as PathwayCondition, inDomains);
      default:
        return unreachable(kind);
    }
  }

  /** Checks a step trigger that is a condition. */
  private conditionTrigger(
    at: string,
    rule: string,
    t: PathwayCondition,
    inDomains: ReadonlySet<string>,
  ): TaggedTrigger | null {
    const tagged = this.condition(at, rule, t);
    // Every instrument a step rule reads must belong to a domain, or a missing result could not be reported.
    if (this.def(t.instrument) !== undefined && !inDomains.has(t.instrument)) {
      this.say(`${at}.instrument`, rule, `${quote(t.instrument)} is not among any domain's instruments`);
    }
    return tagged;
  }

  /** Checks a condition against the definitions; its tagged form, or null when its fields make no single kind. */
  private condition(at: string, rule: string, c: PathwayCondition): TaggedCondition | null {
    const raw = c as unknown as Readonly<Record<string, unknown>>;
    if (typeof raw["source"] !== "string") this.say(`${at}.source`, rule, "a condition needs a source");
    else this.sourced(at, rule, c);
    const tagged = tagCondition(c);
    if (tagged === null) {
      this.say(
        at,
        rule,
        "a condition is exactly one of: { op, value } on a score, { band }, { flag } or { item, op, value }",
      );
      return null;
    }
    const def = this.def(c.instrument);
    if (def === undefined) this.say(`${at}.instrument`, rule, `unknown instrument ${quote(c.instrument)}`);
    else this.against(at, rule, tagged, def);
    return tagged;
  }

  /** Checks what a condition names (flag, item, scale, band) and its threshold against the instrument's definition. */
  private against(at: string, rule: string, c: TaggedCondition, def: InstrumentDefinition): void {
    const name = def.shortTitle;
    switch (c.kind) {
      case "flag": {
        const flags = (def.flags ?? []).map((f) => f.id);
        if (!flags.includes(c.flag))
          this.say(`${at}.flag`, rule, `${name} has no flag ${quote(c.flag)} (flags: ${list(flags)})`);
        return;
      }
      case "item": {
        const item = def.items.find((it) => it.id === c.item);
        if (item === undefined)
          this.say(
            `${at}.item`,
            rule,
            `${name} has no item ${quote(c.item)} (items: ${list(def.items.map((it) => it.id))})`,
          );
        else if (item.kind === "time")
          this.say(`${at}.item`, rule, `${name} item ${c.item} is a clock time, which a condition cannot compare`);
        else this.inRange(`${at}.value`, rule, c.value, itemRange(item), `${name} item ${c.item}`);
        return;
      }
      case "band":
      case "score": {
        const scale = scaleOf(def, c.scale);
        if (scale === undefined) {
          const scales = scalesOf(def).map((s) => s.id);
          this.say(
            `${at}.scale`,
            rule,
            c.scale === undefined
              ? `${name} has no single total score; name a scale (${list(scales)})`
              : `${name} has no scale ${quote(c.scale)} (scales: ${list(scales)})`,
          );
          return;
        }
        if (c.kind === "band") {
          const bands = (scale.bands ?? []).map((b) => b.id);
          if (!bands.includes(c.band))
            this.say(`${at}.band`, rule, `${name} ${scale.id} has no band ${quote(c.band)} (bands: ${list(bands)})`);
          return;
        }
        this.inRange(`${at}.value`, rule, c.value, scale.range, `${name} ${scale.id}`);
        return;
      }
      default: {
        // A kind added to TaggedCondition without a case here does not compile.
        const unknown: never = c;
        return unknown;
      }
    }
  }

  private inRange(at: string, rule: string, value: number, range: readonly [number, number], what: string): void {
    // A threshold outside the range is almost always a typo (ODI 400 for 40), and it could never or always hold.
    if (value < range[0] || value > range[1]) {
      this.say(at, rule, `${String(value)} is outside the ${what} range ${String(range[0])}–${String(range[1])}`);
    }
  }
}

/** A rule whose condition or trigger has a kind. */
function sound<R extends { readonly when: unknown }>(r: R): r is R & { readonly when: NonNullable<R["when"]> } {
  return r.when !== null;
}

function isTagged(c: TaggedCondition | null): c is TaggedCondition {
  return c !== null;
}

function itemRange(item: Exclude<Item, { kind: "time" }>): readonly [number, number] {
  if (item.kind === "number") return [item.min, item.max];
  const values = item.options.map((o) => o.value);
  return [Math.min(...values), Math.max(...values)];
}

function list(ids: readonly string[]): string {
  return ids.length === 0 ? "none" : ids.map((x) => quote(x)).join(", ");
}
