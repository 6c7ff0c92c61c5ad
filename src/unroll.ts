import { scoredOf, type Plan } from "./compile.js";
import { completeOutcome, resultOf } from "./engine.js";
import type { ScoreOptions, ScoreResult } from "./types.js";

/**
 * A definition's scoring loop unrolled: for an array of complete, valid answers (every item given, each
 * scored item answered), the result; `undefined` for anything else, which the engine then scores or
 * rejects. It states no rule of its own: the code only reads the answers into variables and calls the
 * engine's per-rule functions (validity, scored value, the scale's method, its bands, each flag, the
 * result object) on them, in the engine's order, so it gives exactly the engine's result. V8 inlines those
 * calls, which the interpreting loop over the plan does not let it do.
 */
export type Unrolled = (answers: unknown) => ScoreResult | undefined;

const made = new WeakMap<Plan, Unrolled | null>();
let lastPlan: Plan | undefined;
let lastLoop: Unrolled | null = null;

// Whether this realm lets code be generated: a Content-Security-Policy without 'unsafe-eval', or a runtime
// such as Cloudflare Workers, makes `new Function` throw. A fact of the realm, found out once.
let canGenerate: boolean | undefined;

function generationAllowed(): boolean {
  if (canGenerate === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant probe, no caller data
      canGenerate = typeof new Function("return 1") === "function";
    } catch {
      canGenerate = false;
    }
  }
  return canGenerate;
}

/**
 * The plan's unrolled loop on one call: its result, or `undefined` where it does not take the call (options
 * that change scoring, `jitless`, or answers it leaves to the engine), which the engine then scores.
 *
 * @internal
 */
export function unroll(plan: Plan, answers: unknown, options: ScoreOptions | undefined): ScoreResult | undefined {
  if (!plain(options)) return undefined;
  return loopOf(plan)?.(answers);
}

/** No options, or options that change nothing, and the unrolled loop not refused. */
function plain(options: ScoreOptions | undefined): boolean {
  return (
    options === undefined ||
    (options.jitless !== true &&
      options.missing === undefined &&
      options.settings === undefined &&
      (options.flags === undefined || options.flags.length === 0))
  );
}

/**
 * The plan's unrolled loop, made on first use and kept with the plan; null where there is none: a definition
 * scored by its own `compute` or with a rules scale, one with skip rules or conditions on settings, one with clock-time items or a `__proto__` id, or a realm that forbids generated code.
 */
function loopOf(plan: Plan): Unrolled | null {
  // Rows usually come one definition at a time: the last loop saves a WeakMap lookup per call.
  if (plan === lastPlan) return lastLoop;
  let loop = made.get(plan);
  if (loop === undefined) {
    // "__proto__" as a literal's key would set the prototype, not a property: such ids are left to the engine.
    const declined =
      plan.hasCustom ||
      plan.hasRules ||
      plan.skips.length > 0 ||
      plan.readsSettings ||
      plan.items.some((it) => it.kind === "time" || it.id === "__proto__") ||
      plan.scales.some((s) => s.id === "__proto__");
    loop = declined || !generationAllowed() ? null : generate(plan);
    made.set(plan, loop);
  }
  lastPlan = plan;
  lastLoop = loop;
  return loop;
}

/**
 * The source names only variables, constant indices and property names (as JSON string literals); every
 * value, function and id reaches it through the constants array, never spliced into the text.
 */
function generate(plan: Plan): Unrolled {
  const items = plan.items;
  const n = items.length;
  const inScale = new Set<number>();
  for (const s of plan.scales) for (const i of s.idx) inScale.add(i);
  const v = (i: number): string => `v${String(i)}`;
  const key = (id: string): string => JSON.stringify(id);
  const lines: string[] = [];

  // Arrays as the engine takes them: up to the last item, trailing optional items left out.
  lines.push(`if(!Array.isArray(a)||a.length<${String(plan.minLength)}||a.length>${String(n)})return;`);
  lines.push(`var ${items.map((_, i) => `${v(i)}=a[${String(i)}]`).join(",")};`);
  // A scored item must be answered here; only an item outside every scale may be left unanswered.
  items.forEach((_, i) => {
    lines.push(
      inScale.has(i)
        ? `if(!V${String(i)}(${v(i)}))return;`
        : `if(${v(i)}==null)${v(i)}=null;else if(!V${String(i)}(${v(i)}))return;`,
    );
  });
  // Each scale complete: its items' scored values added in the engine's order, from 0, then its method.
  plan.scales.forEach((s, j) => {
    const terms = s.idx.map((i) => (s.asGiven ? v(i) : `P(I${String(i)},${v(i)})`));
    lines.push(`var o${String(j)}=O(K[${String(j)}](0+${terms.join("+")},X[${String(j)}],${String(s.idx.length)}));`);
  });
  lines.push(
    `var vals=[${items.map((_, i) => v(i)).join(",")}],outs=[${plan.scales.map((_, j) => `o${String(j)}`).join(",")}];`,
  );
  plan.scales.forEach((s, j) => {
    if (s.band !== null) lines.push(`o${String(j)}.band=B[${String(j)}](o${String(j)}.score,vals,outs);`);
  });
  lines.push("var f=[];");
  plan.flags.forEach((_, k) => lines.push(`if(F[${String(k)}].raised(E,vals,outs))f.push(F[${String(k)}].result);`));
  // The unanswered items, in item order: only items outside every scale can be; one such item (the PHQ-9's
  // difficulty item) as a literal, which V8 allocates at once rather than growing.
  const optional = items.flatMap((_, i) => (inScale.has(i) ? [] : [i]));
  if (optional.length === 1) {
    const i = optional[0] as number;
    lines.push(`var m=${v(i)}===null?[I${String(i)}.id]:[];`);
  } else {
    lines.push("var m=[];");
    for (const i of optional) lines.push(`if(${v(i)}===null)m.push(I${String(i)}.id);`);
  }
  const subscales = plan.scales
    .flatMap((s, j) => (s === plan.primary ? [] : [`${key(s.id)}:o${String(j)}.score`]))
    .join(",");
  const scales = plan.scales.map((s, j) => `${key(s.id)}:o${String(j)}`).join(",");
  const answers = items.map((it, i) => `${key(it.id)}:${v(i)}`).join(",");
  const primary = plan.primary === null ? "null" : "o0";
  lines.push(`return R(L,${primary},{${subscales}},f,m,{${scales}},{${answers}});`);

  const C = {
    L: plan,
    I: items,
    P: scoredOf,
    O: completeOutcome,
    K: plan.scales.map((s) => s.complete),
    X: plan.scales.map((s) => s.maxTotal),
    B: plan.scales.map((s) => s.band),
    F: plan.flags,
    E: new Set<string>(),
    R: resultOf,
  };
  const names = Object.keys(C);
  // Each item's plan in a variable of its own, bound once: a constant to the optimiser, as an array load is not.
  const hoisted = items.map((_, i) => `I${String(i)}=I[${String(i)}],V${String(i)}=I${String(i)}.valid`).join(",");
  const body = `"use strict";var ${hoisted};return function unrolledScorer(a){${lines.join("\n")}}`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source holds no caller data
  const make = new Function(...names, body) as (...args: unknown[]) => Unrolled;
  return make(...names.map((k) => C[k as keyof typeof C]));
}
