// Every bundled instrument's throughput: `score` on seeded random complete answer sets.
import * as fc from "fast-check";
import { instruments, safeScore, score, type InstrumentDefinition } from "../src/index.js";
import { answerSet } from "../src/testing/arbitraries.js";
import { int, measure, median, ns, perSecond, time, type SectionResult, type Task } from "./measure.js";

const SETS = 2_000;
const SEED = 20_240_601;
const ROUNDS = 3;

let last: unknown = null;

export async function instrumentsSection(): Promise<SectionResult> {
  const defs = Object.values(instruments) as InstrumentDefinition[];
  const data = defs.map((def, k) => {
    const sampled = fc.sample(answerSet(def), { seed: SEED + k, numRuns: SETS });
    // Each answer is valid on its own, but a few sets are not valid together (the PSQI's bedtime equal to its
    // getting-up time): score() rejects them, and they are left out.
    const sets: unknown[][] = [];
    let why: string | null = null;
    for (const s of sampled) {
      const r = safeScore(def, s);
      if (r.success) sets.push(s);
      else why ??= r.error.issues[0]?.message ?? r.error.message;
    }
    return { def, sets, dropped: sampled.length - sets.length, why };
  });
  const tasks: Task[] = data.map(({ def, sets }) => ({
    name: def.id,
    rows: sets.length,
    fn: () => {
      for (const s of sets) last = score(def, s as never);
    },
  }));
  const t = await measure("instruments", tasks, { rounds: ROUNDS, time: 250, warmupTime: 200 });
  if (last === null) throw new Error("nothing ran");
  const dropped = data.filter((d) => d.dropped > 0);
  const rows = data.map(({ def, sets }) => {
    const scales = (def.score === null ? 0 : 1) + (def.subscales?.length ?? 0);
    const per = ns(t, def.id);
    return `| ${def.shortTitle} (\`${def.id}\`) | ${String(def.items.length)} | ${String(scales)} | ${int(sets.length)} | ${time(per)} | ${perSecond(per)} | ${time(per / def.items.length)} |`;
  });
  const custom = data.filter((d) => d.def.compute !== undefined);
  const declarative = data.filter((d) => d.def.compute === undefined).map((d) => ns(t, d.def.id));
  const customNote =
    custom.length === 0
      ? ""
      : `\n${custom.map((d) => `${d.def.shortTitle} (${time(ns(t, d.def.id))})`).join(", ")} ${custom.length === 1 ? "has" : "have"} a custom scorer (\`compute\` in the definition), where the
others are declarative (median ${time(median(declarative))}, from ${time(Math.min(...declarative))} to ${time(Math.max(...declarative))}).\n`;
  const markdown = `## Every instrument

\`score(definition, answers)\` on ${int(SETS)} complete answer sets per instrument, each answer drawn from the item's
allowed values (\`answerSet\` from src/testing/arbitraries.ts, \`fc.sample\` with a fixed seed per instrument),
as arrays in item order; the full result each time. tinybench, ${String(ROUNDS)} rounds, median time per answer set.
${
  dropped.length === 0
    ? ""
    : `\nLeft out, because \`score\` rejects them (each answer is allowed, but not the answers together):
${dropped.map((d) => `${String(d.dropped)} ${d.def.shortTitle} set${d.dropped === 1 ? "" : "s"} (${d.why ?? ""})`).join("; ")}.\n`
}
| instrument | items | scales | answer sets | per answer set | answer sets/s | per item |
|---|---|---|---|---|---|---|
${rows.join("\n")}
${customNote}`;
  return { markdown, targets: [] };
}
