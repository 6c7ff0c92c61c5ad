import type { ItemPlan, Plan, ScalePlan } from "./compile.js";
import { NONE_MISSING } from "./missing.js";
import type { Comparison, Condition } from "./types.js";

/**
 * A scorer generated for one definition: the result for answers that are complete (every scored item
 * answered) and valid, with no options; `undefined` for anything else, which the general engine then
 * scores or rejects. It is a speed-up only: for every input it either returns exactly what the general
 * engine would (same values, same key order, the same shared band and flag objects) or declines.
 */
export type FastScorer = (answers: unknown) => object | undefined;

// Whether this realm lets code be generated: a Content-Security-Policy without 'unsafe-eval', or a
// runtime such as Cloudflare Workers, makes `new Function` throw. Checked once; the engine then interprets.
let canGenerate: boolean | null = null;

function generationAllowed(): boolean {
  if (canGenerate === null) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant probe, no caller data
      canGenerate = typeof new Function("return 1") === "function";
    } catch {
      canGenerate = false;
    }
  }
  return canGenerate;
}

const OPS: Readonly<Record<Comparison, string>> = { ">=": ">=", ">": ">", "<=": "<=", "<": "<", "==": "===" };

/**
 * Generates the fast scorer for a plan, or returns null when the definition uses what it does not cover
 * (a custom `compute`, rule bands, clock-time items) or the realm forbids generated code.
 *
 * Every value the code uses (ids, labels, scored-value tables) is passed in a constants array, never
 * spliced into the source; only finite numbers appear in it, and property names as JSON string literals.
 */
export function generateScorer(plan: Plan): FastScorer | null {
  const def = plan.def;
  if (plan.hasCustom || !generationAllowed()) return null;
  if (plan.items.some((it) => it.kind === "time" || it.id === "__proto__")) return null;
  if (plan.scales.some((s) => s.def.id === "__proto__" || (s.bands?.some((b) => "when" in b.def) ?? false))) return null;

  const consts: unknown[] = [];
  // Numbers go into the source as literals (V8 folds them); anything else, and -0, as a constant.
  const k = (value: unknown): string =>
    typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0)
      ? value < 0
        ? `(${String(value)})`
        : String(value)
      : `C[${String(consts.push(value) - 1)}]`;
  const key = (id: string): string => JSON.stringify(id);
  const items = plan.items;
  const inScale = new Set<number>();
  for (const s of plan.scales) for (const i of s.idx) inScale.add(i);

  const lines: string[] = [];
  // Read every answer into v0…vn, as the general engine does for arrays and for plain records.
  // The source is kept terse: it ships inside the main entry as these strings.
  lines.push("var n,p;if(Array.isArray(a)){n=a.length;");
  lines.push(`if(n<${String(plan.minLength)}||n>${String(items.length)})return;`);
  items.forEach((_, i) => lines.push(`var v${String(i)}=a[${String(i)}];`));
  lines.push("}else{if(typeof a!='object'||a===null)return;p=Object.getPrototypeOf(a);");
  lines.push("if(p!==Object.prototype&&p!==null)return;n=0;");
  items.forEach((it, i) => lines.push(`var v${String(i)}=a[${key(it.id)}];if(v${String(i)}!==void 0)n++;`));
  lines.push("if(Object.keys(a).length!==n)return}");

  items.forEach((it, i) => {
    const v = `v${String(i)}`;
    const valid = validity(it, v, k);
    // A scored item must be answered here; only items outside every scale may be missing.
    if (inScale.has(i)) lines.push(`if(!(${valid}))return;`);
    else lines.push(`if(${v}==null)${v}=null;else if(!(${valid}))return;`);
  });

  // Scales: every item answered, so each is complete: sum in item order from 0, as the general engine adds.
  const scaleVar = new Map<string, string>();
  plan.scales.forEach((s, j) => {
    const terms = s.idx.map((i) => scored(items[i] as ItemPlan, `v${String(i)}`, k));
    const sum = `(0+${terms.join("+")})`;
    const method = s.def.method;
    let maxSum = 0;
    for (const i of s.idx) maxSum += (items[i] as ItemPlan).maxScore;
    const expr = method === "sum" ? sum : method === "mean" ? `${sum}/${String(s.idx.length)}` : `(${sum}*100)/${k(maxSum)}`;
    lines.push(`var s${String(j)}=${expr},b${String(j)}=${band(s, `s${String(j)}`, k)};`);
    scaleVar.set(s.def.id, `s${String(j)}`);
  });

  lines.push("var f=[],m=[];");
  for (const f of plan.flags) {
    if (f.def.optIn === true) continue;
    lines.push(`if(${condition(plan, f.def.when, scaleVar, k)})f.push(${k(f.result)});`);
  }
  items.forEach((it, i) => {
    if (!inScale.has(i)) lines.push(`if(v${String(i)}===null)m.push(${k(it.id)});`);
  });

  const outcome = (j: number): string =>
    `{score:s${String(j)},method:"complete",missing:${k(NONE_MISSING)},reason:null,band:b${String(j)}}`;
  const scalesLiteral = plan.scales.map((s, j) => `${key(s.def.id)}:${outcome(j)}`).join();
  const subscalesLiteral = plan.subscales.map((s) => `${key(s.def.id)}:${scaleVar.get(s.def.id) as string}`).join();
  const answersLiteral = items.map((it, i) => `${key(it.id)}:v${String(i)}`).join();
  const primary = plan.primary === null ? -1 : plan.scales.indexOf(plan.primary);
  const noPrimary = `${def.shortTitle} has no single total score; see its subscales`;
  lines.push(
    `return{instrument:${k(def.id)},version:${k(def.version)},`,
    primary < 0
      ? `score:null,method:null,reason:${k(noPrimary)},band:null,`
      : `score:s${String(primary)},method:"complete",reason:null,band:b${String(primary)},`,
    `subscales:{${subscalesLiteral}},flags:f,missing:m,scales:{${scalesLiteral}},answers:{${answersLiteral}}}`,
  );
  const body = `"use strict";return function generatedScorer(a){${lines.join("\n")}}`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the generated source holds no caller data
  return (new Function("C", body) as (c: unknown[]) => FastScorer)(consts);
}

/** The general engine's validity test for one item (answers.ts `isValid`), as an expression. */
function validity(it: ItemPlan, v: string, k: (value: unknown) => string): string {
  const num = `typeof ${v}=="number"&&`;
  const range = `&&${v}>=${k(it.lo)}&&${v}<=${k(it.hi)}`;
  if (it.contiguous) return `${num}Number.isInteger(${v})${range}`;
  if (it.allowed !== null) return `${num}${k(it.allowed)}.has(${v})`;
  return `${num}Number.isFinite(${v})${range}`;
}

/** The scored value of an answered item, as the general engine looks it up (missing.ts `scoreScale`). */
function scored(it: ItemPlan, v: string, k: (value: unknown) => string): string {
  const table = it.scoredByOffset;
  if (table !== null) return table.every((s, o) => s === it.lo + o) ? v : `${k(table)}[${v}-${k(it.lo)}]`;
  return it.scored === null ? v : `${k(it.scored)}.get(${v})`;
}

/** The range-band lookup of conditions.ts `bandOf`, unrolled. */
function band(s: ScalePlan, score: string, k: (value: unknown) => string): string {
  let out = "null";
  for (const b of [...(s.bands ?? [])].reverse()) {
    if ("when" in b.def) return "null";
    out = `${score}<=${k(b.def.max)}?(${score}>=${k(b.def.min)}||!Number.isInteger(${score})?${k(b.result)}:null):${out}`;
  }
  return out;
}

/** A flag condition (conditions.ts `test`): on the answer as given, or on a scale's score. */
function condition(plan: Plan, cond: Condition, scaleVar: ReadonlyMap<string, string>, k: (value: unknown) => string): string {
  const op = OPS[cond.op];
  if ("item" in cond) {
    const i = plan.index.get(cond.item);
    return i === undefined ? "false" : `typeof v${String(i)}=="number"&&v${String(i)}${op}${k(cond.value)}`;
  }
  const s = scaleVar.get(cond.scale);
  return s === undefined ? "false" : `${s}${op}${k(cond.value)}`;
}
