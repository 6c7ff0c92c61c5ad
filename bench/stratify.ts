// `stratify` over a full set of results per person: one result for every instrument the default pathway
// reads. A pathway already validated is recognised by identity and content; a new object is validated again.
import {
  defaultPathway,
  getInstrument,
  score,
  stratify,
  validatePathway,
  type InstrumentDefinition,
  type Item,
  type ScoreResult,
} from "../src/index.js";
import { safeScore as interpretedSafeScore } from "../src/core.js";
import { rng } from "./data.js";
import { int, measure, ns, perSecond, ratio, time, times, type SectionResult, type Task } from "./measure.js";

const PEOPLE = 1_000;
const ROUNDS = 3;

let last: unknown = null;

/** One answer per item for a person of the given severity (0–1): choices low to high with some noise. */
function answersFor(def: InstrumentDefinition, severity: number, random: () => number): (number | string)[] {
  return def.items.map((item: Item) => {
    const u = Math.min(0.999, Math.max(0, severity + (random() - 0.5) * 0.5));
    if (item.kind === "time")
      return `${String(Math.floor(u * 24)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`;
    if (item.kind === "number") {
      const v = item.min + u * (item.max - item.min);
      return item.integer ? Math.round(v) : v;
    }
    const values = item.options.map((o) => o.value).sort((a, b) => a - b);
    return values[Math.floor(u * values.length)] as number;
  });
}

export async function stratifySection(): Promise<SectionResult> {
  const ids = [...new Set(defaultPathway.domains.flatMap((d) => d.instruments))];
  const defs = ids.map((id) => {
    const def: InstrumentDefinition | undefined = getInstrument(id);
    if (def === undefined) throw new Error(`the default pathway reads "${id}", which is not a bundled instrument`);
    return def;
  });
  const random = rng(17);
  const answers = Array.from({ length: PEOPLE }, () => {
    const severity = random();
    return defs.map((def) => answersFor(def, severity, random));
  });
  // The results kept for stratify are made through stepscore/core, not the main entry: keeping 13,000
  // results from the main entry's call sites would make V8 pretenure their allocation sites and slow the
  // "score" task below (see the batch API section). Both run the one engine and give the same results.
  const people: ScoreResult[][] = answers.map((sets) =>
    sets.map((a, k) => {
      const r = interpretedSafeScore(defs[k] as InstrumentDefinition, a);
      if (!r.success) throw new Error(`generated answers do not score: ${r.error.message}`);
      return r.data;
    }),
  );
  const steps = new Map<number | null, number>();
  let urgent = 0;
  for (const p of people) {
    const r = stratify(p);
    steps.set(r.step, (steps.get(r.step) ?? 0) + 1);
    if (r.urgent) urgent++;
  }

  const tasks: Task[] = [
    {
      name: "score",
      rows: PEOPLE,
      fn: () => {
        for (const sets of answers)
          for (let k = 0; k < sets.length; k++) last = score(defs[k] as InstrumentDefinition, sets[k] as never);
      },
    },
    {
      name: "stratify",
      rows: PEOPLE,
      fn: () => {
        for (const p of people) last = stratify(p);
      },
    },
    {
      name: "stratify new pathway",
      rows: PEOPLE,
      fn: () => {
        for (const p of people) last = stratify(p, { ...defaultPathway });
      },
    },
    {
      name: "validatePathway",
      rows: PEOPLE,
      fn: () => {
        for (let i = 0; i < PEOPLE; i++) last = validatePathway(defaultPathway);
      },
    },
    {
      name: "JSON.stringify",
      rows: PEOPLE,
      fn: () => {
        for (let i = 0; i < PEOPLE; i++) last = JSON.stringify(defaultPathway);
      },
    },
  ];
  const t = await measure("stratify", tasks, { rounds: ROUNDS, time: 800, warmupTime: 300 });
  if (last === null) throw new Error("nothing ran");
  const line = (label: string, name: string, base: string | null): string =>
    `| ${label} | ${time(ns(t, name))} | ${perSecond(ns(t, name))} | ${base === null ? "" : times(ratio(t, name, base))} |`;
  const spread = [...steps]
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
    .map(([step, n]) => `${step === null ? "not assessed" : `step ${String(step)}`}: ${int(n)}`)
    .join(", ");
  const markdown = `## Stepped care: \`stratify\`

${int(PEOPLE)} people, each with one result for every instrument the default pathway reads (${String(defs.length)}: ${defs.map((d) => d.shortTitle).join(", ")}), scored from seeded answers of a
random severity per person (${spread}; ${int(urgent)} with an urgent action). \`stratify(results)\` per person, with
the default pathway; and with a new pathway object of the same content each call (\`{ ...defaultPathway }\`),
which \`stratify\` validates again, since it remembers a validated pathway by identity and content.
tinybench, ${String(ROUNDS)} rounds, median time per person.

| per person | time | people/s | to \`stratify\` with the default pathway |
|---|---|---|---|
${line(`for scale: \`score\` on the ${String(defs.length)} answer sets`, "score", "stratify")}
${line("`stratify(results)`, the default pathway", "stratify", null)}
${line("`stratify(results, { ...defaultPathway })`, a new object each call", "stratify new pathway", "stratify")}
${line("for scale: `validatePathway(defaultPathway)` alone", "validatePathway", "stratify")}
${line("for scale: `JSON.stringify(defaultPathway)` alone", "JSON.stringify", "stratify")}

A new pathway object each call costs ${time(ns(t, "stratify new pathway") - ns(t, "stratify"))} more per person (${times(ratio(t, "stratify new pathway", "stratify"))}): reuse one
pathway object across people. The default pathway is deeply frozen, so \`stratify\` trusts it once validated;
a reused pathway that is not deeply frozen is serialised on every call to check that its content has not
changed since it was validated, and serialising the default pathway (${int(JSON.stringify(defaultPathway).length)} characters of JSON)
alone takes ${times(ratio(t, "JSON.stringify", "stratify"))} of a \`stratify\` call's time: freeze a pathway of your own (every
object in it) to skip that.
`;
  return { markdown, targets: [] };
}
