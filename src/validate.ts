// Definitions are checked here with zod (the only other zod user is src/stratify/pathway.ts, for pathways); answers
// are checked by the compiled plan.
import * as z from "zod/mini";
import { bandProblems } from "./rules/bands.js";
import { conditionKind, conditionProblem, conditionReads } from "./rules/conditions.js";
import { isChoice, scalesOf, scoredValue } from "./rules/items.js";
import { METHOD_DESCRIPTIONS, METHODS, rulesProblems } from "./rules/methods.js";
import { missingRuleProblems } from "./rules/missing.js";
import { skipProblems } from "./rules/skips.js";
import type { ChangeFacts, Condition, InstrumentDefinition, Item, MissingRule, Scale, ScaleMethod } from "./types.js";

// Built on first use: zod schemas made at module load would stay in every bundle that imports the library.
let definitionSchema: ReturnType<typeof buildDefinitionSchema> | undefined;

function buildDefinitionSchema() {
  const id = z.string().check(z.regex(/^[a-z0-9][a-zA-Z0-9-]*$/));
  const text = z.string().check(z.minLength(1));
  const finite = z.number().check(z.refine(Number.isFinite, "must be finite"));
  const comparison = z.enum([">=", ">", "<=", "<", "=="]);
  const settingId = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/));

  const settingCondition = z.strictObject({
    setting: text,
    is: z.array(z.union([z.string(), z.boolean(), z.null()])).check(z.minLength(1)),
  });
  // Conditions nest (count, all, any of conditions): the getters let the schema name itself.
  const condition: z.ZodMiniType<Condition> = z.union([
    z.strictObject({ item: text, op: comparison, value: finite }),
    z.strictObject({ scale: text, op: comparison, value: finite }),
    settingCondition,
    z.strictObject({
      get count() {
        return z.array(condition);
      },
      op: comparison,
      value: finite,
    }),
    z.strictObject({
      get all() {
        return z.array(condition);
      },
    }),
    z.strictObject({
      get any() {
        return z.array(condition);
      },
    }),
  ]);

  // One schema per missing-data rule kind, in a table the compiler holds to MissingRule's kinds: a new kind
  // without a schema (or a schema for no kind) does not compile.
  const missingRules = {
    strict: z.strictObject({ kind: z.literal("strict"), source: text }),
    prorate: z.strictObject({
      kind: z.literal("prorate"),
      maxMissing: z.int().check(z.minimum(1)),
      rounding: z.enum(["none", "half-up"]),
      source: text,
    }),
    "min-answered": z.strictObject({
      kind: z.literal("min-answered"),
      minAnswered: z.int().check(z.minimum(1)),
      source: text,
    }),
    computed: z.strictObject({ kind: z.literal("computed"), description: text, source: text }),
  } satisfies { readonly [K in MissingRule["kind"]]: z.ZodMiniType<Extract<MissingRule, { kind: K }>> };
  const missingRule = z.discriminatedUnion("kind", [
    missingRules.strict,
    missingRules.prorate,
    missingRules["min-answered"],
    missingRules.computed,
  ]);

  const band = z.union([
    z.strictObject({ id, label: text, min: finite, max: finite }),
    z.strictObject({ id, label: text, when: z.array(condition).check(z.minLength(1)) }),
  ]);

  const scale = z.strictObject({
    id,
    label: text,
    items: z.array(text),
    // The methods the rule table knows, so a new method is accepted exactly when it can be scored.
    method: z.enum(Object.keys(METHODS) as [ScaleMethod, ...ScaleMethod[]]),
    range: z.tuple([finite, finite]),
    missing: missingRule,
    bands: z.optional(z.array(band).check(z.minLength(1))),
    bandsSource: z.optional(text),
    source: text,
    rules: z.optional(z.array(z.strictObject({ when: z.optional(condition), value: finite }))),
    table: z.optional(z.array(z.tuple([finite, finite])).check(z.minLength(1))),
  });

  const itemBase = {
    // The number printed on the form ("1", "5a"), or a word where the form prints none (PC-PTSD-5 "exposure").
    id: z.string().check(z.regex(/^(?:[0-9]+[a-z]?|[a-z][a-zA-Z0-9]*)$/)),
    label: text,
    text: z.optional(text),
    loinc: z.optional(z.string().check(z.regex(/^\d{1,7}-\d$/))),
    optional: z.optional(z.boolean()),
  };

  const option = z.strictObject({
    value: finite,
    label: text,
    score: z.optional(finite),
    loinc: z.optional(z.string().check(z.regex(/^LA\d{1,6}-\d$/))),
    loincDisplay: z.optional(text),
  });

  const item = z.union([
    z.strictObject({
      ...itemBase,
      kind: z.optional(z.literal("choice")),
      options: z.array(option).check(z.minLength(2)),
      reversed: z.optional(z.boolean()),
    }),
    z.strictObject({
      ...itemBase,
      kind: z.literal("number"),
      min: finite,
      max: finite,
      integer: z.boolean(),
      unit: z.optional(text),
    }),
    z.strictObject({ ...itemBase, kind: z.literal("time") }),
  ]);

  const citation = z.strictObject({
    text,
    pmid: z.optional(z.string().check(z.regex(/^\d+$/))),
    doi: z.optional(z.string().check(z.regex(/^10\.\d{4,}\//))),
    url: z.optional(z.string().check(z.regex(/^https:\/\//))),
    note: z.optional(text),
  });

  const positive = z.number().check(z.refine((n) => Number.isFinite(n) && n > 0, "must be a finite number above 0"));
  const baselineCondition = z.strictObject({ op: comparison, value: finite });

  const changeOption = { id, label: text, default: z.optional(z.boolean()), source: text, note: z.optional(text) };

  const importantChange = z.strictObject({
    ...changeOption,
    points: z.optional(positive),
    percent: z.optional(positive),
    byBaseline: z.optional(
      z.array(z.strictObject({ op: comparison, value: finite, points: positive })).check(z.minLength(1)),
    ),
    population: z.optional(text),
  });

  const reliabilityOption = z.strictObject({
    ...changeOption,
    sd: z.optional(positive),
    reliability: z.optional(
      z.number().check(z.refine((r) => Number.isFinite(r) && r >= 0 && r < 1, "must be at least 0 and below 1")),
    ),
    sem: z.optional(positive),
    threshold: z.optional(positive),
    population: z.optional(text),
  });

  const outcomeDefinition = z.strictObject({
    ...changeOption,
    anyOf: z
      .array(
        z.union([
          z.strictObject({ kind: z.literal("improvement"), unit: z.enum(["points", "percent"]), min: positive }),
          z.strictObject({ kind: z.literal("score"), op: comparison, value: finite }),
        ]),
      )
      .check(z.minLength(1)),
    baseline: z.optional(baselineCondition),
  });

  const changeFacts = z.strictObject({
    mcid: z.optional(z.array(importantChange).check(z.minLength(1))),
    reliability: z.optional(z.array(reliabilityOption).check(z.minLength(1))),
    response: z.optional(z.array(outcomeDefinition).check(z.minLength(1))),
    remission: z.optional(z.array(outcomeDefinition).check(z.minLength(1))),
  });

  const definition = z.strictObject({
    id: z.string().check(z.regex(/^[a-z][a-z0-9]*$/)),
    title: text,
    shortTitle: text,
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/)),
    domain: id,
    description: text,
    direction: z.enum(["higher-is-worse", "higher-is-better"]),
    recall: z.optional(text),
    instructions: z.optional(text),
    references: z.record(z.string(), citation),
    licence: z.strictObject({
      rightsHolder: text,
      redistributeWording: z.boolean(),
      terms: text,
      contact: z.optional(text),
      attribution: z.optional(text),
      source: text,
    }),
    loinc: z.optional(
      z.strictObject({
        panel: z.optional(z.string().check(z.regex(/^\d{1,7}-\d$/))),
        score: z.optional(z.string().check(z.regex(/^\d{1,7}-\d$/))),
      }),
    ),
    items: z.array(item).check(z.minLength(1)),
    score: z.nullable(scale),
    subscales: z.optional(z.array(scale)),
    flags: z.optional(
      z.array(
        z.strictObject({
          id,
          label: text,
          message: text,
          when: condition,
          settings: z.optional(z.array(settingCondition).check(z.minLength(1))),
          source: text,
          optIn: z.optional(z.boolean()),
          urgent: z.optional(z.boolean()),
        }),
      ),
    ),
    missingOptions: z.optional(
      z.array(z.strictObject({ id, label: text, rule: missingRule, notAsked: z.optional(z.literal("missing")) })),
    ),
    settings: z.optional(
      z.array(
        z.union([
          z.strictObject({
            id: settingId,
            label: text,
            type: z.literal("boolean"),
            default: z.boolean(),
            source: text,
          }),
          z.strictObject({
            id: settingId,
            label: text,
            type: z.literal("enum"),
            values: z.array(z.string().check(z.regex(/^[a-z][a-z0-9-]*$/))).check(z.minLength(1)),
            default: z.nullable(z.string()),
            source: text,
          }),
        ]),
      ),
    ),
    skips: z.optional(
      z.array(
        z.strictObject({
          when: z
            .array(z.union([z.strictObject({ item: text, op: comparison, value: finite }), settingCondition]))
            .check(z.minLength(1)),
          items: z.array(text).check(z.minLength(1)),
          counts: finite,
          ifAnswered: z.enum(["scored", "rejected"]),
          source: text,
        }),
      ),
    ),
    notes: z.optional(z.array(text)),
    change: z.optional(z.record(z.string(), changeFacts)),
    compute: z.optional(z.custom<(input: unknown) => unknown>((f) => typeof f === "function")),
  });
  return definition;
}

/**
 * Checks a definition against the meta-schema and the laws every definition must obey: unique ids,
 * bands contiguous and covering exactly the score range, subscale items that exist, a stated range that
 * matches the items, missing rules that fit their scale, every rule's source among the references, each
 * LOINC code used once (a LOINC display only beside its code), and no item wording where the licence forbids it. Run it once on a custom definition before scoring with it.
 *
 * @param def - a candidate definition
 * @returns the problems found, each naming where; empty when the definition is sound
 * @example
 * ```ts
 * validateDefinition(phq9); // []
 * validateDefinition({ ...phq9, id: "PHQ 9" }); // ["id: …"]
 * ```
 * @category Definitions
 */
export function validateDefinition(def: unknown): string[] {
  const parsed = (definitionSchema ??= buildDefinitionSchema()).safeParse(def);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(definition)"}: ${i.message}`);
  }
  return checkLaws(def as InstrumentDefinition);
}

function duplicates(ids: readonly string[]): string[] {
  // A set, not indexOf: linear in the number of ids.
  const seen = new Set<string>();
  return ids.filter((x) => seen.size === seen.add(x).size);
}

function checkLaws(def: InstrumentDefinition): string[] {
  const problems: string[] = [];
  const say = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  const items = new Map<string, Item>(def.items.map((it) => [it.id, it]));
  const scales: readonly Scale[] = scalesOf(def);
  const scaleIds = new Set(scales.map((s) => s.id));
  const refs = new Set(Object.keys(def.references));
  const cite = (where: string, key: string | undefined): void => {
    if (key !== undefined && !refs.has(key)) say(where, `source "${key}" is not among the references`);
  };

  for (const d of duplicates(def.items.map((it) => it.id))) say("items", `duplicate item id "${d}"`);
  // One LOINC code names one thing: the panel, the score, or one question.
  const loincCodes = [def.loinc?.panel, def.loinc?.score, ...def.items.map((it) => it.loinc)].filter(
    (c): c is string => c !== undefined,
  );
  for (const d of duplicates(loincCodes))
    say("loinc", `LOINC code ${d} is used twice (panel, score and item codes must differ)`);
  for (const d of duplicates(scales.map((s) => s.id))) say("scales", `duplicate scale id "${d}"`);
  for (const d of duplicates((def.flags ?? []).map((f) => f.id))) say("flags", `duplicate flag id "${d}"`);
  for (const d of duplicates((def.missingOptions ?? []).map((m) => m.id))) say("missingOptions", `duplicate id "${d}"`);
  cite("licence", def.licence.source);

  if (!def.licence.redistributeWording && def.instructions !== undefined) {
    say("instructions", "has the instruction wording, but the licence does not allow redistributing it");
  }
  def.items.forEach((it, i) => {
    const where = `items.${String(i)} (item ${it.id})`;
    if (!def.licence.redistributeWording && it.text !== undefined) {
      say(where, "has item wording, but the licence does not allow redistributing it");
    }
    if (it.kind === "number" && it.min > it.max) say(where, "min is above max");
    if (isChoice(it)) {
      for (const d of duplicates(it.options.map((o) => String(o.value)))) say(where, `duplicate option value ${d}`);
      for (const d of duplicates(it.options.flatMap((o) => (o.loinc === undefined ? [] : [o.loinc]))))
        say(where, `LOINC answer code ${d} is on two options`);
      for (const o of it.options) {
        if (o.loincDisplay === undefined) continue;
        if (o.loinc === undefined) say(where, `option ${String(o.value)} has a LOINC display but no LOINC answer code`);
        // LOINC's display of a withheld statement is the statement itself.
        if (!def.licence.redistributeWording)
          say(
            where,
            `option ${String(o.value)} has a LOINC display, but the licence does not allow redistributing wording`,
          );
      }
      if (it.reversed === true && it.options.some((o) => o.score !== undefined)) {
        say(where, "is reverse-keyed and also gives option scores; say one or the other");
      }
    }
  });
  let lastRequired = -1;
  def.items.forEach((it, i) => {
    if (it.optional !== true) lastRequired = i;
  });
  def.items.forEach((it, i) => {
    if (it.optional === true && i < lastRequired)
      say(`items.${String(i)}`, "optional items must come last (array input may leave them off)");
  });

  const itemIds: ReadonlySet<string> = new Set(items.keys());
  const settings = def.settings ?? [];
  const conditionProblems = (where: string, c: Condition): void => {
    const problem = conditionProblem(c, itemIds, scaleIds, settings);
    if (problem !== null) say(where, problem);
  };

  for (const s of scales) {
    const where = `scale "${s.id}"`;
    cite(where, s.source);
    cite(`${where} missing rule`, s.missing.source);
    cite(`${where} bands`, s.bandsSource);
    if (s.bands !== undefined && s.bandsSource === undefined) say(where, "has bands but no bandsSource");
    checkScale(s, items, def.compute !== undefined, (what) => {
      say(where, what);
    });
    for (const what of rulesProblems(s, itemIds, scales, settings)) say(where, what);
    for (const what of missingRuleProblems(s.missing, s.method, s.items.length)) say(`${where} missing rule`, what);
    // An alternative rule replaces the default of the declarative scales; custom scales apply their own.
    for (const m of def.missingOptions ?? []) {
      if (!METHODS[s.method].declarative) continue;
      for (const what of missingRuleProblems(m.rule, s.method, s.items.length))
        say(`missing option "${m.id}" on ${where}`, what);
    }
    const bands = s.bands ?? [];
    // A rule band may be listed more than once with one label (any of its entries gives it); a range band may not.
    for (const d of duplicates(bands.map((b) => b.id))) {
      const same = bands.filter((b) => b.id === d);
      if (!same.every((b) => "when" in b && b.label === same[0]?.label))
        say(`${where} bands`, `duplicate band id "${d}"`);
    }
    for (const [at, what] of bandProblems(bands, s.range, itemIds, scaleIds, settings))
      say(at ?? `${where} bands`, what);
  }
  for (const m of def.missingOptions ?? []) cite(`missing option "${m.id}"`, m.rule.source);
  for (const d of duplicates(settings.map((st) => st.id))) say("settings", `duplicate setting id "${d}"`);
  // A setting is read by compute or by a condition; one that nothing reads would be accepted and ignored.
  const tested = new Set(
    [
      ...scales.flatMap((s) => (s.bands ?? []).flatMap((b) => ("when" in b ? b.when : []))),
      ...scales.flatMap((s) => (s.rules ?? []).flatMap((r) => (r.when === undefined ? [] : [r.when]))),
      ...(def.flags ?? []).flatMap((f) => [f.when, ...(f.settings ?? [])]),
      ...(def.skips ?? []).flatMap((r) => r.when),
    ].flatMap((c) => conditionReads(c).settings),
  );
  for (const st of settings) {
    cite(`setting "${st.id}"`, st.source);
    if (st.type === "enum") {
      for (const d of duplicates(st.values)) say(`setting "${st.id}"`, `duplicate value "${d}"`);
      if (st.default !== null && !st.values.includes(st.default))
        say(`setting "${st.id}"`, `default "${st.default}" is not one of its values`);
    }
    if (def.compute === undefined && !tested.has(st.id))
      say(`setting "${st.id}"`, "nothing reads it: no compute function, and no band, flag or skip rule tests it");
  }
  (def.skips ?? []).forEach((r, k) => {
    cite(`skips.${String(k)}`, r.source);
    for (const what of skipProblems(r, items, settings)) say(`skips.${String(k)}`, what);
  });
  for (const f of def.flags ?? []) {
    cite(`flag "${f.id}"`, f.source);
    conditionProblems(`flag "${f.id}"`, f.when);
    for (const c of f.settings ?? []) conditionProblems(`flag "${f.id}"`, c);
    // A safety signal raised only on request would leave the urgent overlay to the caller's memory.
    if (f.urgent === true && f.optIn === true) say(`flag "${f.id}"`, "an urgent flag cannot be opt-in");
    // The urgent overlay reads a result made without the flag by the one answer or score its condition tests.
    const kind = conditionKind(f.when);
    if (f.urgent === true && kind !== "item" && kind !== "scale")
      say(`flag "${f.id}"`, `an urgent flag tests one item or one scale, not a "${kind}" condition`);
  }
  for (const [scaleId, facts] of Object.entries(def.change ?? {})) {
    checkChange(`change.${scaleId}`, facts, scaleIds.has(scaleId), say, cite);
  }
  return problems;
}

/** The laws of a scale's change facts: a known scale, one default per list, one form per option, cited. */
function checkChange(
  where: string,
  facts: ChangeFacts,
  knownScale: boolean,
  say: (where: string, what: string) => void,
  cite: (where: string, key: string | undefined) => void,
): void {
  if (!knownScale) say(where, "names a scale the definition does not have");
  const lists: [string, readonly { id: string; default?: boolean; source: string }[] | undefined][] = [
    ["mcid", facts.mcid],
    ["reliability", facts.reliability],
    ["response", facts.response],
    ["remission", facts.remission],
  ];
  for (const [name, list] of lists) {
    if (list === undefined) continue;
    for (const d of duplicates(list.map((o) => o.id))) say(`${where}.${name}`, `duplicate id "${d}"`);
    const defaults = list.filter((o) => o.default === true).length;
    if (defaults !== 1) say(`${where}.${name}`, `needs exactly one option marked default (has ${String(defaults)})`);
    for (const o of list) cite(`${where}.${name} "${o.id}"`, o.source);
  }
  for (const m of facts.mcid ?? []) {
    if ((m.points === undefined) === (m.percent === undefined))
      say(`${where}.mcid "${m.id}"`, "give exactly one of points or percent");
    if (m.byBaseline !== undefined && m.points === undefined)
      say(`${where}.mcid "${m.id}"`, "byBaseline needs points as the fallback");
  }
  for (const r of facts.reliability ?? []) {
    const forms = [
      r.sd !== undefined || r.reliability !== undefined,
      r.sem !== undefined,
      r.threshold !== undefined,
    ].filter(Boolean).length;
    if (forms !== 1)
      say(`${where}.reliability "${r.id}"`, "give exactly one of sd with reliability, sem, or threshold");
    if ((r.sd === undefined) !== (r.reliability === undefined))
      say(`${where}.reliability "${r.id}"`, "sd and reliability go together");
  }
}

/** The scored values an item can contribute: option scores after reverse keying, or a number's range. */
function scoredRange(it: Item): readonly [number, number] | null {
  if (it.kind === "time") return null;
  if (it.kind === "number") return [it.min, it.max];
  const scores = it.options.map((o) => scoredValue(it, o.value));
  return [Math.min(...scores), Math.max(...scores)];
}

/** Whether every value an item can score is a whole number. */
function scoresWhole(it: Item): boolean {
  if (it.kind === "time") return false;
  if (it.kind === "number") return it.integer && Number.isInteger(it.min) && Number.isInteger(it.max);
  return it.options.every((o) => Number.isInteger(scoredValue(it, o.value)));
}

function checkScale(
  s: Scale,
  items: ReadonlyMap<string, Item>,
  hasCompute: boolean,
  say: (what: string) => void,
): void {
  if (s.range[0] > s.range[1]) say("range is reversed");
  for (const d of duplicates(s.items)) say(`lists item "${d}" twice`);
  if (s.table !== undefined && s.method !== "table") say(`has a table, but its method is "${s.method}", not "table"`);
  const method = METHODS[s.method];
  if (!method.declarative) {
    if (s.method === "custom" && !hasCompute) say('method "custom" needs the definition\'s compute function');
    for (const ref of s.items) if (!items.has(ref)) say(`names unknown item "${ref}"`);
    return;
  }
  if (s.items.length === 0) say("has no items");
  let lo = 0;
  let hi = 0;
  let minLo = Infinity;
  let maxHi = -Infinity;
  const maxima: [string, number][] = [];
  let whole = true;
  for (const ref of s.items) {
    const it = items.get(ref);
    if (it === undefined) {
      say(`names unknown item "${ref}"`);
      return;
    }
    const r = scoredRange(it);
    if (r === null) {
      say(`item "${ref}" is a clock time; only a custom scale can use it`);
      return;
    }
    lo += r[0];
    hi += r[1];
    minLo = Math.min(minLo, r[0]);
    maxHi = Math.max(maxHi, r[1]);
    maxima.push([ref, r[1]]);
    if (!scoresWhole(it)) whole = false;
  }
  const { range: expected, problems } = METHOD_DESCRIPTIONS[s.method].check(
    { lo, hi, minLo, maxHi, maxima, whole },
    s.items.length,
    s,
  );
  for (const p of problems) say(p);
  if (Math.abs(expected[0] - s.range[0]) > 1e-9 || Math.abs(expected[1] - s.range[1]) > 1e-9) {
    say(`range [${s.range.join(", ")}] does not match its items, which give [${expected.join(", ")}]`);
  }
}
