import { compare } from "../conditions.js";
import { conditionKind, conditionSubject, type ConditionKind } from "../rules/conditions.js";
import { unreachable } from "../rules/kinds.js";
import type {
  BandResult,
  CitedSource,
  Comparison,
  FlagDefinition,
  InstrumentDefinition,
  ScaleOutcome,
  ScoreResult,
} from "../types.js";
import { citer } from "./cite.js";
import { defaultPathway, type DefaultPathway } from "./default-pathway.js";
import {
  checkPathway,
  definitionFor,
  PathwayError,
  urgentFlags,
  type CheckedPathway,
  type Pathway,
  type PathwayOptions,
  type Sourced,
  type TaggedCondition,
} from "./pathway.js";

/** One condition that held on one result: what was observed, against what, and on whose authority. @category Stratification */
export interface Evidence {
  /** The instrument's id. */
  readonly instrument: string;
  /** What the condition read. */
  readonly kind: "score" | "band" | "flag" | "item";
  /** The scale read (score and band conditions), or null. */
  readonly scale: string | null;
  /** The item read (item conditions), or null. */
  readonly item: string | null;
  /** The score, band id, flag id or answer observed. */
  readonly observed: number | string;
  /** The comparison (score and item conditions), or null. */
  readonly op: Comparison | null;
  /** The threshold, band id or flag id required. */
  readonly threshold: number | string;
  /** The same in words, e.g. "PHQ-9 total 21 ≥ 20". */
  readonly text: string;
  /** The source of the threshold. */
  readonly source: CitedSource;
  /** True where the condition is the pathway's own choice. */
  readonly designChoice: boolean;
  /** The condition's note, or null. */
  readonly note: string | null;
}

/** A rule that fired. @category Stratification */
export interface Reason {
  /** Which list the rule is in. */
  readonly kind: "urgent" | "step" | "domain" | "follow-up";
  /** The rule's id (for a domain, the domain's id). */
  readonly rule: string;
  /** What the rule says. */
  readonly label: string;
  /** The step a step rule sets; null for other kinds. */
  readonly step: number | null;
  /** The conditions that held, each with its observed value, threshold and source. */
  readonly evidence: readonly Evidence[];
  /** The elevated domains a domain or count trigger relied on. */
  readonly domains: readonly string[];
  /** The rule's source (for a domain, the source of its target; each piece of evidence has its own). */
  readonly source: CitedSource;
  /** True where the rule is the pathway's own mapping. */
  readonly designChoice: boolean;
  /** Why, where the rule says. */
  readonly note: string | null;
}

/** How a domain came out. @category Stratification */
export type DomainStatusKind = "elevated" | "not-elevated" | "screen-positive" | "not-assessed";

/** A screening domain: whether and by which instruments it was assessed, and whether it is elevated. @category Stratification */
export interface DomainStatus<D extends string = string> {
  /** The domain's id. */
  readonly id: D;
  /** Label. */
  readonly label: string;
  /** Its group, or null. */
  readonly group: string | null;
  /** `screen-positive`: only a screener was given and it was positive (a follow-up is pending). */
  readonly status: DomainStatusKind;
  /** The instruments whose scored results assessed it. */
  readonly assessedBy: readonly string[];
  /** The conditions that made it elevated. */
  readonly elevatedBy: readonly Evidence[];
}

/** An elevated domain and the intervention the evidence points to. @category Stratification */
export interface TargetResult<D extends string = string> {
  /** The domain's id. */
  readonly domain: D;
  /** The domain's label. */
  readonly label: string;
  /** The kind of intervention. */
  readonly intervention: string;
  /** Why the domain is elevated. */
  readonly evidence: readonly Evidence[];
  /** Source of the intervention. */
  readonly source: CitedSource;
  /** True where the link from score to intervention is the pathway's own. */
  readonly designChoice: boolean;
  /** The target's note, or null. */
  readonly note: string | null;
}

/** A domain not (fully) assessed, and whether assessing it could raise the step. @category Stratification */
export interface MissingDomain<D extends string = string> {
  /** The domain's id. */
  readonly domain: D;
  /** Label. */
  readonly label: string;
  /** Not assessed at all, or only a positive screener. */
  readonly status: "not-assessed" | "screen-positive";
  /** Instruments that would assess it. */
  readonly instruments: readonly string[];
  /** True when an elevated result here could raise the step (above the lowest step when the step is null). */
  readonly couldRaiseStep: boolean;
  /** The highest step it could lead to, or null when it could not raise the step. */
  readonly couldRaiseStepTo: number | null;
}

/** An urgent action raised by an urgent rule. @category Stratification */
export interface UrgentAction {
  /** The rule's id. */
  readonly rule: string;
  /** What the rule says. */
  readonly label: string;
  /** What to do. */
  readonly action: string;
  /** The condition that held. */
  readonly evidence: readonly Evidence[];
  /** The rule's source. */
  readonly source: CitedSource;
  /** True where part of the rule (e.g. its timescale) is the pathway's own. */
  readonly designChoice: boolean;
  /** The rule's note. */
  readonly note: string | null;
}

/** An urgent rule that could not be checked because its instrument, item or score was not there. @category Stratification */
export interface UncheckedUrgent {
  /** The rule's id. */
  readonly rule: string;
  /** What the rule says. */
  readonly label: string;
  /** The instrument it reads. */
  readonly instrument: string;
  /** Why it could not be checked. */
  readonly reason: string;
}

/** A follow-up recommendation that fired. @category Stratification */
export interface FollowUpResult {
  /** The rule's id. */
  readonly rule: string;
  /** What the rule says. */
  readonly label: string;
  /** What to do. */
  readonly recommend: string;
  /** The instruments that complete it. */
  readonly administer: readonly string[];
  /** True until one of `administer` has a scored result. */
  readonly pending: boolean;
  /** The conditions that held. */
  readonly evidence: readonly Evidence[];
  /** The rule's source. */
  readonly source: CitedSource;
}

/** A result the pathway did not use, and why. @category Stratification */
export interface UnusedResult {
  /** Its position in the input. */
  readonly index: number;
  /** Its instrument. */
  readonly instrument: string;
  /** Why it was not used. */
  readonly reason: string;
}

/** The step numbers of a pathway (1 | 2 | 3 for the default). @category Stratification */
export type StepOf<P extends Pathway> = P["steps"][number]["step"];

/** The domain ids of a pathway. @category Stratification */
export type DomainIdOf<P extends Pathway> = P["domains"][number]["id"];

/** What {@link stratify} returns. @category Stratification */
export interface StratifyResult<P extends Pathway = Pathway> {
  /** The pathway evaluated. */
  readonly pathway: { readonly id: P["id"]; readonly version: string; readonly title: string };
  /**
   * The recommended step: the highest set by a rule that fired, else the lowest; null ("not assessed") when
   * no result is used by any step or domain rule, so that an empty or unscored intake is never "step 1".
   */
  readonly step: StepOf<P> | null;
  /** The step's label ("Not assessed" when `step` is null). */
  readonly stepLabel: string;
  /** The care the step recommends (what to do first when `step` is null). */
  readonly care: string;
  /**
   * True when an urgent rule fired or a result carries a flag its definition declares `urgent` (the PHQ-9's
   * `self-harm`), whatever the pathway; it never changes the step.
   */
  readonly urgent: boolean;
  /** The urgent actions. */
  readonly urgentActions: readonly UrgentAction[];
  /** Urgent rules that could not be checked (e.g. no PHQ-9, or item 9 unanswered). */
  readonly urgentNotChecked: readonly UncheckedUrgent[];
  /** Every rule that fired, in this order: urgent rules, step rules, elevated domains, follow-ups. */
  readonly reasons: readonly Reason[];
  /** Elevated domains with the intervention the evidence points to. */
  readonly targets: readonly TargetResult<DomainIdOf<P>>[];
  /** Every domain of the pathway, assessed or not. */
  readonly domains: readonly DomainStatus<DomainIdOf<P>>[];
  /** Domains not assessed, or only screened positive, and whether assessing them could raise the step. */
  readonly missing: readonly MissingDomain<DomainIdOf<P>>[];
  /** The highest step assessing all missing domains could lead to, or null when none could raise it. */
  readonly missingCouldRaiseStepTo: number | null;
  /** Follow-up recommendations that fired. */
  readonly followUps: readonly FollowUpResult[];
  /** Results the pathway did not use (other instruments, or no score). */
  readonly notUsed: readonly UnusedResult[];
}

/**
 * Recommends a step of care from any set of score results by evaluating a pathway: the default pathway
 * ({@link defaultPathway}) or one of your own, written as data and checked with {@link validatePathway}.
 *
 * The step is the highest step any step rule sets (the lowest step when none fires), and null ("not
 * assessed") when no result is used by any step or domain rule: no scored result of a domain's instruments
 * and no step rule firing. Domains measured by
 * more than one instrument count once. Results whose score is null count as not assessed, and results of
 * instruments the pathway does not use are listed in `notUsed`. Urgent rules set `urgent` without changing
 * the step. A flag its definition declares `urgent`, such as the PHQ-9's `self-harm` (item 9 answered above
 * "Not at all"), makes `urgent` true whatever pathway is passed, when it is raised or its item condition is
 * met: a pathway may add urgent rules, never remove this one. When no urgent rule of the pathway on that flag
 * or on its item fired (it has none, or a narrower one), the action is reported under the rule id
 * `safety-<instrument>-<flag>` (`safety-phq9-self-harm`), citing the definition's source for the flag; its
 * label and action are those of the default pathway's urgent rule on the flag where it has one (it has for the
 * PHQ-9), else the flag's label and message. `missing` lists the domains not
 * assessed and whether assessing them could raise the step. Pure and deterministic: the same inputs always
 * give the same output.
 *
 * @param results - score results, in any order, of any instruments (custom ones included)
 * @param pathway - the pathway; {@link defaultPathway} when left out
 * @param options - definitions of custom instruments the pathway names
 * @returns the recommendation, with every rule that fired and its source
 * @throws {@link PathwayError} when the pathway is invalid (every problem named by path and rule id)
 * @throws TypeError when `results` is not an array of score results
 * @example
 * ```ts
 * const r = stratify([
 *   score(startback, [1, 0, 1, 1, 0, 0, 0, 0, 3]),  // total 4, psychosocial 1: medium risk
 *   score(pcs, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2]), // 31: catastrophizing
 *   score(phq9, [1, 1, 1, 1, 1, 0, 0, 0, 1]),        // 6, item 9 answered 1
 * ]);
 * r.step;                       // 2
 * r.urgent;                     // true (same-day suicide-risk assessment)
 * r.targets.map((t) => t.domain); // ["catastrophizing", "risk"]
 * r.missing.map((m) => m.domain); // ["anxiety", "fear-of-movement", "fear-avoidance-beliefs", "sleep", "disability"]
 * ```
 * @category Stratification
 */
export function stratify<const P extends Pathway = DefaultPathway>(
  results: readonly ScoreResult[],
  pathway?: P,
  options?: PathwayOptions,
): StratifyResult<P>;
export function stratify(
  results: readonly ScoreResult[],
  pathway: Pathway = defaultPathway,
  options: PathwayOptions = {},
): StratifyResult {
  const checked = checkedPathway(pathway, options);
  checkResults(results);
  return new Evaluation(checked, results, options.definitions ?? []).result();
}

/**
 * The checked form of a pathway, validated once per pathway object: a pathway that validated is remembered
 * with its checked form, the definitions it was checked against and a fingerprint of its content (null when
 * it is deeply frozen and so cannot change), so scoring many rows against one pathway validates it once; a
 * pathway changed since then, or passed other definitions, is validated again.
 * @throws {@link PathwayError} when the pathway is invalid
 * @internal
 */
export function checkedPathway(pathway: Pathway, options: PathwayOptions = {}): CheckedPathway {
  const definitions = options.definitions ?? NO_DEFINITIONS;
  const seen = validated.get(pathway);
  const same = seen !== undefined && sameDefinitions(seen.definitions, definitions);
  // A deeply frozen pathway cannot have changed since it validated; any other is compared by content.
  const fingerprint = same && seen.fingerprint === null ? null : JSON.stringify(pathway);
  if (same && seen.fingerprint === fingerprint) return seen.checked;
  const outcome = checkPathway(pathway, options);
  if (outcome.checked === null) {
    const raw = pathway as unknown;
    const pid =
      typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string"
        ? (raw as { id: string }).id
        : null;
    throw new PathwayError(pid, outcome.issues);
  }
  validated.set(pathway, {
    fingerprint: isDeeplyFrozen(pathway) ? null : fingerprint,
    // A copy: definitions are immutable by contract, the caller's array is not.
    definitions: [...definitions],
    checked: outcome.checked,
  });
  return outcome.checked;
}

/**
 * `stratify` over a pathway already checked ({@link checkedPathway}), for a caller that evaluates one
 * pathway several times in a row (`progress`) and so need not look it up again each time.
 * @internal
 */
export function stratifyChecked(
  checked: CheckedPathway,
  results: readonly ScoreResult[],
  definitions: readonly InstrumentDefinition[],
): StratifyResult {
  checkResults(results);
  return new Evaluation(checked, results, definitions).result();
}

/**
 * The step `stratify` gives over a pathway already checked, without building the rest of its result (the
 * domains not assessed, the urgent overlay, the reasons), for `progress`'s current step.
 * @internal
 */
export function stepChecked(
  checked: CheckedPathway,
  results: readonly ScoreResult[],
  definitions: readonly InstrumentDefinition[],
): number | null {
  checkResults(results);
  return new Evaluation(checked, results, definitions).step();
}

const NO_DEFINITIONS: readonly InstrumentDefinition[] = [];

// Keyed by the pathway object; see checkedPathway.
const validated = new WeakMap<
  object,
  { fingerprint: string | null; definitions: readonly InstrumentDefinition[]; checked: CheckedPathway }
>();

/**
 * The same definitions, object for object, in the same order. Compared by element rather than by array, so
 * that a new array of the same definitions (`progress` and `followUps` make one per call) finds the pathway
 * already checked, and an array changed since does not.
 */
function sameDefinitions(a: readonly InstrumentDefinition[], b: readonly InstrumentDefinition[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

// Every instrument a checked pathway names, worked out once per checked form: a checked form is never
// changed (a pathway changed after it was checked is checked again, into a new one).
const named = new WeakMap<CheckedPathway, ReadonlySet<string>>();

function namedInstruments(p: CheckedPathway): ReadonlySet<string> {
  let ids = named.get(p);
  if (ids === undefined) {
    ids = new Set([
      ...p.domains.flatMap((d) => [...d.instruments, ...d.elevatedWhen.map((c) => c.instrument)]),
      ...p.stepRules.flatMap((r) =>
        r.when.kind === "domain" || r.when.kind === "domain-count" ? [] : [r.when.instrument],
      ),
      ...p.urgent.map((u) => u.when.instrument),
      ...p.followUps.flatMap((f) => [...f.administer, ...f.when.map((c) => c.instrument)]),
    ]);
    named.set(p, ids);
  }
  return ids;
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

function checkResults(results: unknown): void {
  if (!Array.isArray(results)) throw new TypeError("stratify: results must be an array of score results");
  results.forEach((r: unknown, i) => {
    const ok = typeof r === "object" && r !== null && typeof (r as { instrument?: unknown }).instrument === "string";
    if (!ok) throw new TypeError(`stratify: results[${String(i)}] is not a score result (it has no instrument id)`);
  });
}

interface Hypothesis {
  /** Domains taken as elevated. */
  readonly elevated: ReadonlySet<string>;
  /** Instruments whose conditions are taken as holding (they have no scored result). */
  readonly assumed: ReadonlySet<string>;
}

const NONE: Hypothesis = { elevated: new Set(), assumed: new Set() };

/** What `stratify` says when no result it uses was scored. */
const NOT_ASSESSED = {
  label: "Not assessed",
  care: "No questionnaire the pathway uses has a score: assess (see the domains not assessed) before choosing a step of care.",
} as const;

class Evaluation {
  private readonly cite: (key: string) => CitedSource;
  private readonly domainStatus: DomainStatus[];
  private readonly elevated: ReadonlySet<string>;
  private readonly followUps: FollowUpResult[];

  constructor(
    private readonly p: CheckedPathway,
    private readonly results: readonly ScoreResult[],
    private readonly extra: readonly InstrumentDefinition[],
  ) {
    this.cite = citer(p.references);
    this.followUps = p.followUps.flatMap((f) => {
      const evidence = f.when.flatMap((c) => this.holding(c));
      if (evidence.length === 0) return [];
      const domain = p.domains.find((d) => d.id === f.domain);
      const done = f.administer.some((ins) =>
        this.results.some((r) => r.instrument === ins && this.assesses(domain, r)),
      );
      return [
        {
          rule: f.id,
          label: f.label,
          recommend: f.recommend,
          administer: f.administer,
          pending: !done,
          evidence,
          source: this.cite(f.source),
        },
      ];
    });
    this.domainStatus = p.domains.map((d) => this.domain(d));
    this.elevated = new Set(this.domainStatus.filter((d) => d.status === "elevated").map((d) => d.id));
  }

  /** The step alone, as `result().step` gives it, without the rest of the result. */
  step(): number | null {
    const { actual, assessed } = this.actual();
    return assessed ? actual.step : null;
  }

  private actual(): { actual: { step: number; fired: Reason[] }; assessed: boolean } {
    const actual = this.steps(NONE);
    // Nothing the step or domain rules read was scored: the lowest step would be a recommendation made from nothing.
    const assessed = actual.fired.length > 0 || this.domainStatus.some((d) => d.assessedBy.length > 0);
    return { actual, assessed };
  }

  result(): StratifyResult {
    const p = this.p;
    const { actual, assessed } = this.actual();
    // The step is always one of the pathway's steps: the lowest, or one a rule set (validated).
    const level = assessed ? p.steps.find((s) => s.step === actual.step) : undefined;

    const missing = this.domainStatus.filter((d) => d.status === "not-assessed" || d.status === "screen-positive");
    const missingOut: MissingDomain[] = missing.map((m) => {
      const to = this.steps(this.hypothesis([m.id])).step;
      const rule = p.domains.find((d) => d.id === m.id) as Domain;
      return {
        domain: m.id,
        label: m.label,
        status: m.status as MissingDomain["status"],
        instruments: rule.instruments,
        couldRaiseStep: to > actual.step,
        couldRaiseStepTo: to > actual.step ? to : null,
      };
    });
    const all = missing.length === 0 ? actual.step : this.steps(this.hypothesis(missing.map((m) => m.id))).step;

    const urgentActions: UrgentAction[] = [];
    const urgentNotChecked: UncheckedUrgent[] = [];
    for (const u of p.urgent) {
      const evidence = this.holding(u.when);
      if (evidence.length > 0) {
        urgentActions.push({ rule: u.id, label: u.label, action: u.action, evidence, ...this.sourced(u) });
      } else {
        const why = this.unchecked(u.when);
        if (why !== null)
          urgentNotChecked.push({ rule: u.id, label: u.label, instrument: u.when.instrument, reason: why });
      }
    }
    this.safety(urgentActions, urgentNotChecked);

    const targets: TargetResult[] = this.domainStatus
      .filter((d) => d.status === "elevated")
      .map((d) => {
        const rule = p.domains.find((x) => x.id === d.id) as Domain;
        return {
          domain: d.id,
          label: d.label,
          intervention: rule.target.intervention,
          evidence: d.elevatedBy,
          ...this.sourced(rule.target),
        };
      });

    const reasons: Reason[] = [
      ...urgentActions.map(
        (u): Reason => ({
          kind: "urgent",
          rule: u.rule,
          label: u.label,
          step: null,
          evidence: u.evidence,
          domains: [],
          source: u.source,
          designChoice: u.designChoice,
          note: u.note,
        }),
      ),
      ...actual.fired,
      ...targets.map(
        (t): Reason => ({
          kind: "domain",
          rule: t.domain,
          label: `${t.label} elevated`,
          step: null,
          evidence: t.evidence,
          domains: [t.domain],
          source: t.source,
          designChoice: t.designChoice,
          note: t.note,
        }),
      ),
      ...this.followUps.map((f): Reason => {
        const rule = p.followUps.find((x) => x.id === f.rule) as CheckedPathway["followUps"][number];
        return {
          kind: "follow-up",
          rule: f.rule,
          label: f.label,
          step: null,
          evidence: f.evidence,
          domains: rule.domain === undefined ? [] : [rule.domain],
          ...this.sourced(rule),
        };
      }),
    ];

    return {
      pathway: { id: p.id, version: p.version, title: p.title },
      step: assessed ? actual.step : null,
      stepLabel: level?.label ?? NOT_ASSESSED.label,
      care: level?.care ?? NOT_ASSESSED.care,
      urgent: urgentActions.length > 0,
      urgentActions,
      urgentNotChecked,
      reasons,
      targets,
      domains: this.domainStatus,
      missing: missingOut,
      missingCouldRaiseStepTo: all > actual.step ? all : null,
      followUps: this.followUps,
      notUsed: this.notUsed(),
    };
  }

  /** Every domain taken as elevated, with its instruments that have no scored result taken as at their worst. */
  private hypothesis(domains: readonly string[]): Hypothesis {
    const assumed = new Set<string>();
    for (const id of domains) {
      const d = this.p.domains.find((x) => x.id === id) as Domain;
      for (const ins of d.instruments) {
        if (!this.results.some((r) => r.instrument === ins && this.assesses(d, r))) assumed.add(ins);
      }
    }
    return { elevated: new Set(domains), assumed };
  }

  /** The step and the step rules that fire, under a hypothesis (none for the actual result). */
  private steps(h: Hypothesis): { step: number; fired: Reason[] } {
    const lowest = (this.p.steps[0] as CheckedPathway["steps"][number]).step;
    const elevated = new Set([...this.elevated, ...h.elevated]);
    const fired: Reason[] = [];
    for (const r of this.p.stepRules) {
      const hit = this.trigger(r, elevated, h);
      if (hit !== null)
        fired.push({
          kind: "step",
          rule: r.id,
          label: r.label,
          step: r.step,
          evidence: hit.evidence,
          domains: hit.domains,
          ...this.sourced(r),
        });
    }
    return { step: Math.max(lowest, ...fired.map((f) => f.step as number)), fired };
  }

  private trigger(
    r: CheckedPathway["stepRules"][number],
    elevated: ReadonlySet<string>,
    h: Hypothesis,
  ): { evidence: Evidence[]; domains: string[] } | null {
    const t = r.when;
    if (t.kind === "domain") {
      if (!elevated.has(t.domain)) return null;
      return { evidence: this.evidenceOf([t.domain]), domains: [t.domain] };
    }
    if (t.kind === "domain-count") {
      const { group, min, max } = t.elevatedDomains;
      const counted = this.p.domains
        .filter((d) => elevated.has(d.id) && (group === undefined || d.group === group))
        .map((d) => d.id);
      if (counted.length < min || (max !== undefined && counted.length > max)) return null;
      return { evidence: this.evidenceOf(counted), domains: counted };
    }
    const evidence = this.holding(t);
    if (evidence.length > 0) return { evidence, domains: [] };
    // A hypothetical result at its worst: the condition is taken as holding.
    return h.assumed.has(t.instrument) ? { evidence: [], domains: [] } : null;
  }

  private evidenceOf(domains: readonly string[]): Evidence[] {
    return this.domainStatus.filter((d) => domains.includes(d.id)).flatMap((d) => d.elevatedBy);
  }

  private domain(d: Domain): DomainStatus {
    const elevatedBy = d.elevatedWhen.flatMap((c) => this.holding(c));
    const assessing = this.results.filter((r) => d.instruments.includes(r.instrument) && this.assesses(d, r));
    const assessedBy = [...new Set(assessing.map((r) => r.instrument))];
    // Instruments with a threshold in the domain measure it; the others (PHQ-2, GAD-2) only screen it.
    const measures = new Set(d.elevatedWhen.map((c) => c.instrument));
    const measured = assessedBy.some((ins) => measures.has(ins));
    const pending = this.followUps.some(
      (f) => f.pending && this.p.followUps.find((x) => x.id === f.rule)?.domain === d.id,
    );
    const status: DomainStatusKind =
      elevatedBy.length > 0
        ? "elevated"
        : measured
          ? "not-elevated"
          : pending
            ? "screen-positive"
            : assessedBy.length > 0
              ? "not-elevated"
              : "not-assessed";
    return { id: d.id, label: d.label, group: d.group ?? null, status, assessedBy, elevatedBy };
  }

  /** True when the result has a score on a scale the domain reads from its instrument (the primary score by default). */
  private assesses(d: Domain | undefined, r: ScoreResult): boolean {
    const reads: (string | undefined)[] = [];
    for (const c of d?.elevatedWhen ?? [])
      if (c.instrument === r.instrument && (c.kind === "score" || c.kind === "band")) reads.push(c.scale);
    return (reads.length === 0 ? [undefined] : reads).some((s) => scoreOn(r, s) !== null);
  }

  /** Evidence from every result on which the condition holds. */
  private holding(c: TaggedCondition): Evidence[] {
    const out: Evidence[] = [];
    for (const r of this.results) {
      if (r.instrument !== c.instrument) continue;
      const e = this.check(c, r);
      if (e !== null) out.push(e);
    }
    return out;
  }

  /** The evidence when the condition holds on the result; null when it does not or cannot be told. */
  private check(c: TaggedCondition, r: ScoreResult): Evidence | null {
    // Most conditions do not hold: the evidence (title, citation, text) is built only for those that do.
    switch (c.kind) {
      case "flag": {
        if (!r.flags.some((f) => f.id === c.flag)) return null;
        return this.evidence(c, null, null, c.flag, null, c.flag, `${this.title(c.instrument)} flag ${c.flag}`);
      }
      case "item": {
        const v = (r.answers as Readonly<Record<string, unknown>>)[c.item];
        if (typeof v !== "number" || !compare(v, c.op, c.value)) return null;
        return this.evidence(
          c,
          null,
          c.item,
          v,
          c.op,
          c.value,
          `${this.title(c.instrument)} item ${c.item} = ${fmt(v)} (${opText(c.op)} ${fmt(c.value)})`,
        );
      }
      case "band": {
        const band = bandOn(r, c.scale);
        if (band?.id !== c.band) return null;
        return this.evidence(
          c,
          c.scale ?? this.primaryId(c.instrument),
          null,
          band.id,
          null,
          c.band,
          `${this.title(c.instrument)} ${band.label.toLowerCase()} (band ${band.id})`,
        );
      }
      case "score": {
        const v = scoreOn(r, c.scale);
        if (v === null || !compare(v, c.op, c.value)) return null;
        const s = c.scale ?? this.primaryId(c.instrument);
        return this.evidence(
          c,
          s,
          null,
          v,
          c.op,
          c.value,
          `${this.title(c.instrument)} ${s} ${fmt(v)} ${opText(c.op)} ${fmt(c.value)}`,
        );
      }
    }
  }

  /** One piece of evidence, written out field by field: an object spread here was most of `stratify`'s time. */
  private evidence(
    c: TaggedCondition,
    scale: string | null,
    item: string | null,
    observed: number | string,
    op: Comparison | null,
    threshold: number | string,
    text: string,
  ): Evidence {
    // The fields of `sourced`, set here directly: no intermediate object per piece of evidence.
    const note = c.note ?? null;
    return {
      instrument: c.instrument,
      source: this.cite(c.source),
      designChoice: c.designChoice === true,
      note,
      kind: c.kind,
      scale,
      item,
      observed,
      op,
      threshold,
      text,
    };
  }

  /** Why an urgent condition could not be checked, or null when it was. */
  private unchecked(c: TaggedCondition): string | null {
    const name = this.title(c.instrument);
    const own = this.results.filter((r) => r.instrument === c.instrument);
    if (own.length === 0) return `no ${name} result, so this was not checked`;
    const reads = this.reads(c);
    switch (reads.kind) {
      case "nothing":
        return null;
      case "item": {
        const item = reads.item;
        const answered = own.some((r) => typeof (r.answers as Readonly<Record<string, unknown>>)[item] === "number");
        return answered ? null : `${name} item ${item} was not answered, so this was not checked`;
      }
      case "scale": {
        const scale = reads.scale;
        return own.some((r) => scoreOn(r, scale) !== null)
          ? null
          : `the ${name} result has no score, so this was not checked`;
      }
    }
  }

  /** What a condition needs from a result: an item's answer or a scale's score (a flag, what its definition tests). */
  private reads(
    c: TaggedCondition,
  ):
    | { readonly kind: "item"; readonly item: string }
    | { readonly kind: "scale"; readonly scale: string | undefined }
    | { readonly kind: "nothing" } {
    switch (c.kind) {
      case "item":
        return { kind: "item", item: c.item };
      case "score":
      case "band":
        return { kind: "scale", scale: c.scale };
      case "flag": {
        // The definition's own condition format (an item or a scale, told by its fields) is the definition's contract.
        const when = definitionFor(c.instrument, this.extra)?.flags?.find((f) => f.id === c.flag)?.when;
        if (when === undefined) return { kind: "nothing" };
        const kind = conditionKind(when);
        switch (kind) {
          case "item":
            return { kind: "item", item: conditionSubject(when) };
          case "scale":
            return { kind: "scale", scale: conditionSubject(when) };
          // A condition on a setting, or on several answers or scores, names no one item or scale.
          case "setting":
          case "count":
          case "all":
          case "any":
            return { kind: "nothing" };
          default:
            return unreachable(kind);
        }
      }
    }
  }

  private notUsed(): UnusedResult[] {
    const p = this.p;
    const named = namedInstruments(p);
    const out: UnusedResult[] = [];
    this.results.forEach((r, index) => {
      if (!named.has(r.instrument)) {
        const read = urgentFlags(r.instrument, this.extra).length > 0 ? "; read only for the urgent check" : "";
        out.push({
          index,
          instrument: r.instrument,
          reason: `the pathway "${p.id}" does not use ${this.title(r.instrument)}${read}`,
        });
        return;
      }
      const used = p.domains.some((d) => d.instruments.includes(r.instrument) && this.assesses(d, r));
      if (used) return;
      const urgent = p.urgent.some((u) => u.when.instrument === r.instrument && this.check(u.when, r) !== null);
      const why = r.reason === null ? "" : ` (${r.reason})`;
      out.push({
        index,
        instrument: r.instrument,
        reason: `no score${why}: counted as not assessed${urgent ? "; read only for the urgent check" : ""}`,
      });
    });
    return out;
  }

  /**
   * The safety overlay, applied whatever the pathway: for each instrument among the results, each flag its
   * definition declares `urgent` (the PHQ-9's `self-harm`).
   */
  private safety(actions: UrgentAction[], unchecked: UncheckedUrgent[]): void {
    const seen = new Set<string>();
    for (const r of this.results) {
      if (seen.has(r.instrument)) continue;
      seen.add(r.instrument);
      for (const u of urgentFlags(r.instrument, this.extra)) this.overlay(u.def, u.flag, actions, unchecked);
    }
  }

  /**
   * One urgent flag's overlay: when a result of its instrument carries the flag (or meets the flag's
   * condition), `urgent` is true. A pathway urgent rule on that flag, or on the item or scale its condition
   * reads, that fired speaks for it (its wording is kept, nothing is said twice); a pathway without one, or
   * with a narrower rule that did not fire, gets the overlay's own action. The condition and source are the
   * definition's; the wording is the default pathway's rule on the flag, else the flag's own.
   */
  private overlay(
    def: InstrumentDefinition,
    flag: FlagDefinition,
    actions: UrgentAction[],
    unchecked: UncheckedUrgent[],
  ): void {
    const ins = def.id;
    const when = flag.when;
    // The flag, and its condition, read as pathway conditions on the instrument (cited to the definition below).
    const onFlag: TaggedCondition = { kind: "flag", instrument: ins, flag: flag.id, source: flag.source };
    const as = AS_PATHWAY[conditionKind(when)];
    // A condition on a setting, or on several answers or scores, has no pathway form: the flag itself stands for it.
    const onWhen =
      as === "flag" ? onFlag : ({ ...when, instrument: ins, source: flag.source, kind: as } as TaggedCondition);
    const subject = as === "flag" ? null : conditionSubject(when);
    const speaks = (e: Evidence): boolean =>
      e.instrument === ins &&
      (e.kind === "flag" ? e.observed === flag.id : e.kind === onWhen.kind && (e.item ?? e.scale) === subject);
    if (actions.some((a) => a.evidence.some(speaks))) return;
    const source = citer(def.references)(flag.source);
    const own = this.results.filter((r) => r.instrument === ins);
    // A result made without the flag (by hand, or from a definition of its own under the id) is read by its answer or score.
    const evidence = own.flatMap((r) => {
      const e = this.check(onFlag, r) ?? this.check(onWhen, r);
      return e === null ? [] : [{ ...e, source }];
    });
    const wording = overlayWording(def, flag);
    const id = `safety-${ins}-${flag.id}`;
    if (evidence.length > 0) {
      actions.push({ rule: id, evidence, source, ...wording });
      return;
    }
    // Not checked: said once, by the pathway's own rule on the flag when it has one. Without a result of the
    // instrument at all nothing is said: a pathway that never reads it would otherwise report it on every row.
    const covered = this.p.urgent.some(
      (u) => u.when.instrument === ins && u.when.kind === "flag" && u.when.flag === flag.id,
    );
    const why = covered || own.length === 0 ? null : this.unchecked(onWhen);
    if (why !== null) unchecked.push({ rule: id, label: wording.label, instrument: ins, reason: why });
  }

  private sourced(s: Sourced): { source: CitedSource; designChoice: boolean; note: string | null } {
    return { source: this.cite(s.source), designChoice: s.designChoice === true, note: s.note ?? null };
  }

  private title(ins: string): string {
    return definitionFor(ins, this.extra)?.shortTitle ?? ins;
  }

  private primaryId(ins: string): string {
    return definitionFor(ins, this.extra)?.score?.id ?? "score";
  }
}

/** A domain of a checked pathway. */
type Domain = CheckedPathway["domains"][number];

/** The pathway condition kind that reads what each definition condition kind reads. */
const AS_PATHWAY = {
  item: "item",
  scale: "score",
  setting: "flag",
  count: "flag",
  all: "flag",
  any: "flag",
} as const satisfies {
  readonly [K in ConditionKind]: TaggedCondition["kind"];
};

/** What the overlay adds to its note, whatever the wording. */
const OVERLAY_NOTE = "Applied by stratify whatever the pathway: a pathway may add urgent rules, never remove this one.";

/**
 * The overlay's wording for an urgent flag: the default pathway's urgent rule on that flag where it has one
 * (its label, action and timescale, the library's choice), else the definition's own label and message.
 */
function overlayWording(
  def: InstrumentDefinition,
  flag: FlagDefinition,
): { label: string; action: string; designChoice: boolean; note: string } {
  // Read on use: a property read at module level would keep the pathway in every bundle.
  const rule = defaultPathway.urgent.find((u) => u.when.instrument === def.id && u.when.flag === flag.id);
  if (rule !== undefined)
    return {
      label: rule.label,
      action: rule.action,
      designChoice: true,
      note: `${OVERLAY_NOTE} 'Same day' is this library's choice; the answer is a prompt to ask, not a risk level.`,
    };
  return { label: `${def.shortTitle}: ${flag.label}`, action: flag.message, designChoice: false, note: OVERLAY_NOTE };
}

function outcomeOf(r: ScoreResult, scale: string | undefined): ScaleOutcome | undefined {
  return scale === undefined ? undefined : (r.scales as Readonly<Record<string, ScaleOutcome | undefined>>)[scale];
}

/** The score a condition reads: the primary score, or a scale's. */
function scoreOn(r: ScoreResult, scale: string | undefined): number | null {
  const v = scale === undefined ? r.score : (outcomeOf(r, scale)?.score ?? null);
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function bandOn(r: ScoreResult, scale: string | undefined): BandResult | null {
  return scale === undefined ? r.band : (outcomeOf(r, scale)?.band ?? null);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function opText(op: Comparison): string {
  return { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "=" }[op];
}
