/**
 * One instrument as SQL: its item cells read as the CLI reads them, then its scales, bands and flags, as the
 * columns the CLI writes. The SQL is a chain of derived tables over one row (cells, numbers, answers,
 * sums, scores), so no expression is written twice; each output column reads the end of the chain.
 *
 * @module
 */
import type { Prepared } from "../batch/columns.js";
import { planFor, type ItemPlan, type Plan, type ScalePlan } from "../compile.js";
import { flagKind } from "../rules/flags.js";
import { unscoredItems } from "../rules/items.js";
import type { MissingRule } from "../types.js";
import { literal, type DialectRules } from "./dialects.js";
import {
  bandSql,
  conditionSql,
  FLAGS_SQL,
  METHODS_SQL,
  MISSING_SQL,
  num,
  type PartialSql,
  type ScaleSql,
  type Subjects,
} from "./rules.js";

/** A SQL identifier, quoted. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Why an instrument cannot be compiled to SQL, or null when it can. */
export function notCompilable(plan: Plan): string | null {
  const custom = plan.scales.filter((s) => s.def.method === "custom").map((s) => s.id);
  const notYet = plan.scales.filter((s) => s.def.method === "rules" || s.def.method === "table");
  const times = plan.items.filter((it) => it.kind === "time").map((it) => it.id);
  const skips = plan.skips.length > 0;
  const settings = plan.readsSettings;
  if (custom.length === 0 && notYet.length === 0 && times.length === 0 && !skips && !settings) return null;
  const why = [
    ...(skips ? ["its skip rules (items not asked, counted a value) are not compiled yet"] : []),
    ...(settings ? ["its rules read settings (such as sex), which toSql does not take yet"] : []),
    ...(custom.length > 0 ? [`its scales ${custom.join(", ")} are computed by the definition's own scorer`] : []),
    ...notYet.map((s) => `its scale ${s.id} is a "${s.def.method}" scale, which toSql does not compile yet`),
    ...(times.length > 0 ? [`items ${times.join(", ")} are clock times`] : []),
  ];
  return `${plan.def.id} (${plan.def.shortTitle}) cannot be compiled to SQL: ${why.join(", and ")}; score it with score() or stepscore score`;
}

/** What the SQL of one instrument reads besides its definition. */
export interface InstrumentSqlOptions {
  readonly dialect: DialectRules;
  /** The alias of the input table in the outer query. */
  readonly source: string;
  /** Trimmed cell texts read as not answered. */
  readonly missingCodes: readonly string[];
}

/** One instrument's output columns as SQL expressions, by column name. */
export function instrumentSql(p: Prepared, o: InstrumentSqlOptions): Map<string, string> {
  const plan = planFor(p.def);
  const d = o.dialect;
  const items = plan.items;
  const at = (f: (i: number) => string, sep = ", "): string => items.map((_, i) => f(i)).join(sep);
  const col = (i: number): string => `${o.source}.${ident((p.bindings[i] as { column: string }).column)}`;

  // 1. Each cell as it is (r) and as trimmed text (t).
  const cells = `SELECT ${at((i) => `${col(i)} AS r${String(i)}, ${d.trim(d.text(col(i)))} AS t${String(i)}`)}`;
  // 2. Whether it is unanswered (blank or a missing code), and the number it spells (offset applied).
  const codes = o.missingCodes.map(literal).join(", ");
  const numbers = `SELECT ${at((i) => {
    const k = String(i);
    const shift = p.offset !== 0 && (items[i] as ItemPlan).kind === "choice" ? ` + ${String(p.offset)}` : "";
    const blank = `(t${k} IS NULL OR t${k} = ''${codes === "" ? "" : ` OR t${k} IN (${codes})`})`;
    return `r${k}, t${k}, CASE WHEN ${blank} THEN 1 ELSE 0 END AS m${k}, (${d.number(`r${k}`, `t${k}`)})${shift} AS n${k}`;
  })} FROM (${cells}) AS c`;
  // 3. The answer (null when unanswered or not allowed) and the error of a cell that is not allowed.
  const answers = `SELECT ${at((i) => {
    const k = String(i);
    const it = items[i] as ItemPlan;
    const ok = allowed(it, `n${k}`, d);
    const column = (p.bindings[i] as { column: string }).column;
    return (
      `CASE WHEN m${k} = 1 THEN NULL WHEN ${ok} THEN n${k} END AS a${k}, ` +
      `CASE WHEN m${k} = 1 THEN NULL WHEN ${ok} THEN NULL ELSE ${errorText(it, column, k, d)} END AS e${k}`
    );
  })} FROM (${numbers}) AS n`;
  // 4. Per scale: the sum of scored values, the answered items' maxima, and how many are answered; the
  // instrument's error and missing items.
  const scaled = plan.scales.map((s) => scaleParts(plan, s, d));
  // As the CLI writes it: an optional item in no scale (the PHQ-9's difficulty item) unanswered is nothing missing.
  const unscored = unscoredItems(plan.def);
  const missingList = d.concat(
    items.map((it, i) =>
      unscored.has(it.id) ? "''" : `CASE WHEN a${String(i)} IS NULL THEN ${literal(`;${it.id}`)} ELSE '' END`,
    ),
  );
  const errors = d.concat(items.map((_, i) => `COALESCE('; ' || e${String(i)}, '')`));
  const sums =
    `SELECT ${at((i) => `a${String(i)}`)}, ` +
    scaled
      .map((s, j) => `${s.sum} AS s${String(j)}, ${s.max} AS x${String(j)}, ${s.answered} AS c${String(j)}`)
      .join(", ") +
    `, NULLIF(SUBSTR(${errors}, 3), '') AS er, SUBSTR(${missingList}, 2) AS ms FROM (${answers}) AS a`;
  // 5. Per scale: its score and method, under the rule the options choose.
  const override = missingRule(p);
  const scores =
    `SELECT ${at((i) => `a${String(i)}`)}, er, ms, ` +
    plan.scales
      .map((s, j) => {
        const { score, method } = scaleScore(s, override ?? s.def.missing, d, j);
        return `${score} AS v${String(j)}, ${method} AS w${String(j)}`;
      })
      .join(", ") +
    ` FROM (${sums}) AS s`;

  const subjects: Subjects = {
    item: (id) => {
      const i = plan.index.get(id);
      return i === undefined ? null : `a${String(i)}`;
    },
    scale: (id) => {
      const j = plan.scales.findIndex((s) => s.id === id);
      return j < 0 ? null : `v${String(j)}`;
    },
  };
  const asked = new Set(p.options?.flags ?? []);
  const flags = d.concat(
    (p.def.flags ?? [])
      .filter((f) => FLAGS_SQL[flagKind(f)](f.id, asked))
      .map((f) => `CASE WHEN ${conditionSql(f.when, subjects)} THEN ${literal(`;${f.id}`)} ELSE '' END`),
  );

  const out = new Map<string, string>();
  const id = p.def.id;
  const read = (expr: string): string => `(SELECT CASE WHEN er IS NULL THEN ${expr} END FROM (${scores}) AS v)`;
  plan.scales.forEach((s, j) => {
    if (s === plan.primary) {
      out.set(`${id}_score`, read(`v${String(j)}`));
      out.set(`${id}_method`, read(`w${String(j)}`));
      const bands = s.def.bands;
      if (bands !== undefined) {
        const score = `v${String(j)}`;
        out.set(
          `${id}_band`,
          read(
            `CASE WHEN ${score} IS NULL THEN NULL ${bands.map((b) => bandSql(b, score, d, subjects)).join(" ")} END`,
          ),
        );
      }
    } else out.set(`${id}_${s.id}`, read(`v${String(j)}`));
  });
  out.set(`${id}_missing`, read("ms"));
  out.set(`${id}_flags`, read(`SUBSTR(${flags}, 2)`));
  out.set(`${id}_error`, `(SELECT er FROM (${scores}) AS v)`);
  return out;
}

/** Whether number `v` is an allowed answer of the item, as answers.ts `validator` decides. */
function allowed(it: ItemPlan, v: string, d: DialectRules): string {
  if (it.contiguous) return `(${v} >= ${String(it.lo)} AND ${v} <= ${String(it.hi)} AND ${v} = ${d.floor(v)})`;
  if (it.allowed !== null) return `(${v} IN (${[...it.allowed].map(String).join(", ")}))`;
  return `(${v} >= ${String(it.lo)} AND ${v} <= ${String(it.hi)})`;
}

/** The error of a cell that is not allowed, worded as answers.ts `explain` words it where SQL can. */
function errorText(it: ItemPlan, column: string, k: string, d: DialectRules): string {
  const allowedText = literal(` (allowed: ${it.allowedText})`);
  const why =
    `CASE WHEN n${k} IS NULL THEN ${d.concat([`'"'`, d.text(`r${k}`), `'" is a string, not a number'`])} ` +
    (it.integer ? `WHEN n${k} <> ${d.floor(`n${k}`)} THEN ${d.concat([`t${k}`, "' is not a whole number'"])} ` : "") +
    `WHEN n${k} < ${String(it.lo)} OR n${k} > ${String(it.hi)} THEN ${d.concat([`t${k}`, "' is out of range'"])} ` +
    `ELSE ${d.concat([`t${k}`, "' is not an allowed value'"])} END`;
  return d.concat([literal(`${column}: `), `(${why})`, allowedText]);
}

/** The rule an instrument's options choose (`options.missing`), applied to every scale; null for the default. */
function missingRule(p: Prepared): MissingRule | null {
  const id = p.options?.missing;
  if (id === undefined) return null;
  return p.def.missingOptions?.find((m) => m.id === id)?.rule ?? null;
}

/** A scale's sum, answered maxima and answered count, summed in item order as the engine sums them. */
function scaleParts(plan: Plan, s: ScalePlan, d: DialectRules): { sum: string; max: string; answered: string } {
  const sum = [num(d, 0)];
  const max = [num(d, s.maxTotal)];
  const answered: string[] = [];
  for (const i of s.idx) {
    const it = plan.items[i] as ItemPlan;
    const a = `a${String(i)}`;
    sum.push(`COALESCE(${scoredSql(it, a, d)}, 0)`);
    max.push(`CASE WHEN ${a} IS NULL THEN ${String(it.maxScore)} ELSE 0 END`);
    answered.push(`CASE WHEN ${a} IS NULL THEN 0 ELSE 1 END`);
  }
  return {
    sum: `(${sum.join(" + ")})`,
    max: `(${max.join(" - ")})`,
    answered: answered.length === 0 ? "0" : `(${answered.join(" + ")})`,
  };
}

/** An answer's scored value (option scores, reverse keying), as src/rules/items.ts `scoredValue` gives it. */
function scoredSql(it: ItemPlan, a: string, d: DialectRules): string {
  const map = it.scored;
  if (map === null || [...map].every(([v, s]) => v === s)) return a;
  const whens = [...map].map(([v, s]) => `WHEN ${String(v)} THEN ${String(s)}`).join(" ");
  return `CAST(CASE ${a} ${whens} END AS ${d.double})`;
}

/** A scale's score and method, as the engine's scoreScale gives them. */
function scaleScore(s: ScalePlan, rule: MissingRule, d: DialectRules, j: number): { score: string; method: string } {
  const k = String(j);
  const size = s.idx.length;
  const parts: ScaleSql = { dialect: d, method: s.def.method, sum: `s${k}`, max: `x${k}`, answered: `c${k}`, size };
  const complete = METHODS_SQL[s.def.method].complete;
  if (complete === null) throw new TypeError(`scale "${s.id}" is computed by the definition's scorer`);
  const partial = (MISSING_SQL[rule.kind] as (r: MissingRule, s: ScaleSql) => PartialSql | null)(rule, parts);
  const full = `c${k} = ${String(size)}`;
  if (partial === null) {
    return {
      score: `CASE WHEN ${full} THEN ${complete(parts)} END`,
      method: `CASE WHEN ${full} THEN 'complete' ELSE 'insufficient' END`,
    };
  }
  const some = `c${k} > 0 AND ${partial.when}`;
  return {
    score: `CASE WHEN ${full} THEN ${complete(parts)} WHEN ${some} THEN ${partial.score} END`,
    method: `CASE WHEN ${full} THEN 'complete' WHEN ${some} THEN ${literal(partial.method)} ELSE 'insufficient' END`,
  };
}
