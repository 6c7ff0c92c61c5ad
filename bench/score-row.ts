// `score()` one answer set at a time, with its full result, against the practical limit (a hand-written
// validate-sum-band loop, bench/hand.ts) and against zod validating the same rows; then on invalid rows,
// where both stepscore and zod build an error naming the bad answer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { score as interpret } from "../src/core.js";
import { phq9, safeScore, score } from "../src/index.js";
import { phq9Rows, withOneInvalid, withSomeInvalid } from "./data.js";
import { handPhq9, phq9Band, type HandPhq9 } from "./hand.js";
import { int, measure, ns, ratio, time, times, verdict, type SectionResult, type Task } from "./measure.js";
import { profile, type Hotspot } from "./profile.js";

const ROWS = 50_000;
const ZOD_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "node_modules", "zod", "package.json"), "utf8")) as {
    version: string;
  }
).version;
const BAD_ROWS = 10_000;
const ROUNDS = 3;
const TARGET = 3;
/** Share of the mixed rows with an invalid answer, and the target for `safeScore` on them against the loop. */
const MIXED_SHARE = 0.03;
const MIXED_TARGET = 4;

// Every task hands each result to this variable, so no result can be optimised away.
let last: unknown = null;

// zod: nine whole numbers 0–3, then the same sum, band and flag as the hand loop.
const item = z.int().min(0).max(3);
const schema = z.tuple([item, item, item, item, item, item, item, item, item]);
interface ZodRow {
  readonly score: number | null;
  readonly band: string | null;
  readonly selfHarm: boolean;
  readonly error: readonly z.core.$ZodIssue[] | null;
}
function zodRow(row: unknown): ZodRow {
  const parsed = schema.safeParse(row);
  if (!parsed.success) return { score: null, band: null, selfHarm: false, error: parsed.error.issues };
  const a = parsed.data;
  let sum = 0;
  for (const v of a) sum += v;
  return { score: sum, band: phq9Band(sum), selfHarm: a[8] >= 1, error: null };
}

/** What each function the profiles may name does, for the report. */
const ROLES: Readonly<Record<string, string>> = {
  planFor: "finds the definition's compiled plan",
  unrolledScorer: "the definition's unrolled loop (src/unroll.ts) and the per-rule functions V8 inlined into it",
  run: "chooses the unrolled loop or the engine",
  unroll: "finds the definition's unrolled loop",
  holds: "tests a flag's condition",
  raised: "whether a flag is raised",
  evaluate:
    "the engine around its callees: the `answers` record, the `scales`, `subscales`, `flags` and `missing` parts and the result object",
  scoreWith: "the engine's entry, and whatever V8 inlined into it",
  normalize: "validates the answers into one value per item",
  scoreScale: "sums the scale and builds its outcome",
  bandOf: "finds the band",
  "(garbage collector)": "reclaiming the results",
  ScoreInputError: "constructs the error (its message)",
  returnedInputError: "builds the returned error (its message), without capturing a stack",
  arrayError: "finds every bad answer and explains it",
  explain: "words the message for a bad answer",
  describeValue: "shows the bad value in the message",
  safeScoreWith: "wraps the outcome in `{ success, data | error }`",
  safeScore: "wraps the outcome in `{ success, data | error }`",
  score: "the public entry (resolves the instrument)",
};

function hotspots(spots: readonly Hotspot[], top: number): string {
  return spots
    .slice(0, top)
    .map((h) => {
      // The profiled script's own loop, not stepscore.
      if (h.file === "profile-score.mjs")
        return `| the benchmark's loop (bench/profile-score.mjs) | ${(100 * h.share).toFixed(0)} % | calls \`score\` and reads the result |`;
      const where =
        h.file === "" ? "" : h.file.startsWith("chunk-") || h.file.startsWith("index.") ? " (dist)" : ` (${h.file})`;
      return `| \`${h.functionName}\`${where} | ${(100 * h.share).toFixed(0)} % | ${ROLES[h.functionName] ?? ""} |`;
    })
    .join("\n");
}

const gcShare = (spots: readonly Hotspot[]): number =>
  spots.find((h) => h.functionName === "(garbage collector)")?.share ?? 0;

const HEADING = "One answer set at a time: `score` against a hand loop and zod";

export interface ScoreRowResult extends SectionResult {
  /** The hand loop's ns per row over all the valid rows, and how many. */
  readonly loop: { readonly ns: number; readonly rows: number };
}

export async function scoreRowSection(work: string): Promise<ScoreRowResult> {
  const rows = phq9Rows(ROWS);
  const bad = withOneInvalid(rows.slice(0, BAD_ROWS));
  const mixed = withSomeInvalid(rows, MIXED_SHARE);
  const mixedBad = mixed.filter((row) => !safeScore(phq9, row).success).length;
  mixed.forEach((row, i) => {
    if ((handPhq9(row).error === null) !== safeScore(phq9, row).success)
      throw new Error(`mixed row ${String(i)}: the hand loop and safeScore disagree on ${JSON.stringify(row)}`);
  });

  // The three must agree on every row before their speed means anything.
  rows.forEach((row, i) => {
    const h = handPhq9(row);
    const s = score(phq9, row as never);
    const zr = zodRow(row);
    const self = s.flags.some((f) => f.id === "self-harm");
    if (
      h.score !== s.score ||
      h.band !== s.band?.id ||
      h.selfHarm !== self ||
      zr.score !== s.score ||
      zr.band !== h.band ||
      zr.selfHarm !== self
    ) {
      throw new Error(`row ${String(i)}: the hand loop, score() and zod disagree on ${JSON.stringify(row)}`);
    }
  });
  bad.forEach((row, i) => {
    const at = row.findIndex((v) => typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 3);
    const s = safeScore(phq9, row);
    const zr = schema.safeParse(row);
    const ok =
      handPhq9(row).error?.startsWith(`item ${String(at + 1)}:`) === true &&
      !s.success &&
      s.error.issues[0]?.item === String(at + 1) &&
      !zr.success &&
      zr.error.issues[0]?.path[0] === at;
    if (!ok)
      throw new Error(`invalid row ${String(i)}: not rejected the same way by all three: ${JSON.stringify(row)}`);
  });

  // Each task is its own loop calling its function directly, so no call site is shared between tasks (a
  // shared one would be polymorphic and slow every task down, the loop most).
  const valid: Task[] = [
    {
      name: "loop",
      rows: ROWS,
      fn: () => {
        for (const row of rows) last = handPhq9(row);
      },
    },
    {
      name: "score",
      rows: ROWS,
      fn: () => {
        for (const row of rows) last = score(phq9, row as never);
      },
    },
    {
      name: "zod",
      rows: ROWS,
      fn: () => {
        for (const row of rows) last = zodRow(row);
      },
    },
    {
      name: "interpreted",
      rows: ROWS,
      fn: () => {
        for (const row of rows) last = interpret(phq9, row as never);
      },
    },
    {
      name: "loop kept",
      rows: ROWS,
      fn: () => {
        const kept: HandPhq9[] = [];
        for (const row of rows) kept.push(handPhq9(row));
        last = kept;
      },
    },
    {
      name: "score kept",
      rows: ROWS,
      fn: () => {
        const kept: unknown[] = [];
        for (const row of rows) kept.push(score(phq9, row as never));
        last = kept;
      },
    },
    {
      name: "zod kept",
      rows: ROWS,
      fn: () => {
        const kept: ZodRow[] = [];
        for (const row of rows) kept.push(zodRow(row));
        last = kept;
      },
    },
  ];
  const safePass = (): void => {
    for (const row of bad) last = safeScore(phq9, row);
  };
  const zodIssuesPass = (): void => {
    for (const row of bad) {
      const r = schema.safeParse(row);
      last = r.success ? r.data : r.error.issues;
    }
  };
  const invalid: Task[] = [
    {
      name: "loop",
      rows: BAD_ROWS,
      fn: () => {
        for (const row of bad) last = handPhq9(row);
      },
    },
    { name: "safeScore", rows: BAD_ROWS, fn: safePass },
    { name: "zod issues", rows: BAD_ROWS, fn: zodIssuesPass },
    {
      name: "zod success only",
      rows: BAD_ROWS,
      fn: () => {
        for (const row of bad) last = schema.safeParse(row).success;
      },
    },
  ];
  // The tasks that keep results are measured after the others, not alongside: V8 pretenures an allocation
  // site whose objects survive, for every caller, which would slow the tasks that hand results on.
  const handedOn = valid.filter((t) => !t.name.endsWith(" kept"));
  const keeping = valid.filter((t) => t.name.endsWith(" kept"));
  const v = new Map([
    ...(await measure("score per row, valid", handedOn, { rounds: ROUNDS, time: 800, warmupTime: 400 })),
    ...(await measure("score per row, valid, kept", keeping, { rounds: ROUNDS, time: 800, warmupTime: 400 })),
  ]);
  const b = await measure("score per row, invalid", invalid, { rounds: ROUNDS, time: 800, warmupTime: 400 });
  const mixedTasks: Task[] = [
    {
      name: "loop",
      rows: ROWS,
      fn: () => {
        for (const row of mixed) last = handPhq9(row);
      },
    },
    {
      name: "safeScore",
      rows: ROWS,
      fn: () => {
        for (const row of mixed) last = safeScore(phq9, row);
      },
    },
  ];
  const m = await measure("safeScore per row, mixed", mixedTasks, { rounds: ROUNDS, time: 800, warmupTime: 400 });
  if (last === null) throw new Error("nothing ran");

  process.stderr.write("profiling score() and safeScore() (node --cpu-prof, dist/index.js)…\n");
  // Profiles of score alone, score keeping its results, and safeScore on invalid rows.
  const validSpots = profile(rows.slice(0, 10_000), "score", 3, work);
  const keptSpots = profile(rows, "scoreKept", 3, work);
  const badSpots = profile(bad, "safeScore", 3, work);

  const scoreToLoop = ratio(v, "score", "loop");
  const keptToLoop = ratio(v, "score kept", "loop kept");
  const safeToZod = ratio(b, "safeScore", "zod issues");
  const mixedToLoop = ratio(m, "safeScore", "loop");
  const row = (label: string, name: string, base: string, target: boolean): string => {
    const r = ratio(v, name, base);
    const rk = ratio(v, `${name} kept`, `${base} kept`);
    const mark = (x: typeof r): string =>
      target ? `**${times(x)}** (target ≤ ${String(TARGET)}×: ${verdict(x.median <= TARGET)})` : times(x);
    return `| ${label} | ${time(ns(v, name))} | ${name === base ? "1×" : mark(r)} | ${time(ns(v, `${name} kept`))} | ${name === base ? "1×" : mark(rk)} |`;
  };
  const badRow = (label: string, name: string, note: string): string =>
    `| ${label} | ${time(ns(b, name))} | ${times(ratio(b, name, "zod issues"))} | ${note} |`;

  const markdown = `## ${HEADING}

${int(ROWS)} PHQ-9 answer arrays (items 1–9, seeded random, every severity, all valid), each scored on its
own, three ways:

- **the hand loop** (\`handPhq9\` in bench/hand.ts): checks that each answer is a whole number 0–3, sums,
  bands, tests item 9, and returns a small object \`{ score, band, selfHarm, error }\`: the practical limit;
- **\`score(phq9, row)\`**: the full result (total, band, method, reason, flags, missing items, every scale's
  outcome and every answer by item id), and for a bad answer an error naming it;
- **zod** \`z.tuple\` of nine \`z.int().min(0).max(3)\`, \`safeParse\`, then the same sum, band and flag as
  the hand loop, into the same small object.

\`score\` from the main entry scores complete, valid arrays with the definition's unrolled loop (src/unroll.ts,
made once per definition: it reads the answers into variables and calls the engine's per-rule functions, so it
states no rule of its own); anything else goes to the engine, which interprets the definition's compiled plan
(src/compile.ts, built once per definition from the rule modules in src/rules/). For scale, the table also
gives **\`score\` from \`stepscore/core\`**, the small entry, which always interprets (it leaves the unrolling
out, for size; \`{ jitless: true }\` does the same on the main entry).

All give the same score, band and flag on every row (checked first). Each pass hands every result to
a variable, so none is optimised away; "kept" collects the pass's results in an array, as a caller
keeping them would. tinybench, ${String(ROUNDS)} rounds alternating the tasks, median time per row; each ratio is taken
within a round, and the range over the rounds is in brackets. The "kept" tasks run after the others (all
their rounds), since keeping results changes how V8 allocates them for every caller (see the batch API above).

| valid rows | per row | to the loop | per row, results kept | to the loop, kept |
|---|---|---|---|---|
${row("hand loop", "loop", "loop", false)}
${row("`score(phq9, row)`, full result", "score", "loop", true)}
${row("zod `safeParse` + sum, band, flag", "zod", "loop", false)}
| for scale: \`score\` from \`stepscore/core\` | ${time(ns(v, "interpreted"))} | ${times(ratio(v, "interpreted", "loop"))} | | |

Against zod, which only validates, \`score\` takes ${times(ratio(v, "score", "zod"))} of its time; the main
entry's \`score\` takes ${times(ratio(v, "score", "interpreted"))} of \`stepscore/core\`'s (the same per-rule functions, unrolled).

Target within ${String(TARGET)}× of the loop: ${scoreToLoop.median <= TARGET ? "met" : "**not met**"} (${times(scoreToLoop)}).
Where the time goes, from a CPU profile of \`score\` on ${int(10_000)} of these rows (node --cpu-prof on the built
dist/index.js, 3 s; samples by function, self time: the function's own code and the builtins it calls,
not its callees, though V8 may count a function it inlined as part of its caller):

| function | share of samples | what it does |
|---|---|---|
${hotspots(validSpots, 6)}

Keeping the results is another matter: \`score\` is then ${(ns(v, "score kept") / ns(v, "score")).toFixed(1)}× slower per row and the loop ${(ns(v, "loop kept") / ns(v, "loop")).toFixed(1)}×, so
kept results are ${times(keptToLoop)} the kept loop. A profile of \`score\` keeping each pass's ${int(ROWS)} results gives
the garbage collector ${(100 * gcShare(keptSpots)).toFixed(0)} % of the samples (against ${(100 * gcShare(validSpots)).toFixed(0)} % above): a full result is ten
objects (the result, its \`scales\`, \`subscales\`, \`flags\`, \`missing\` and \`answers\`, and the scale's outcome;
band and flag objects are shared), where the loop keeps one, and the collector copies every one that lives.
The target is stated for results handed on, not hoarded; a caller keeping millions of results keeps what it
needs from each (as the CLI does, writing columns as it goes).

${int(BAD_ROWS)} of the same rows with one answer each replaced by 4, −1, 1.5 or "2" (seeded). \`safeScore\`
returns \`{ success: false, error }\`, a \`ScoreInputError\` naming the item, the value and what is allowed;
zod's \`safeParse\` returns \`{ success: false, error }\` whose \`issues\` give the path and a message (zod
builds the error when \`error\` is first read, so the comparable task reads \`error.issues\`). All three
reject every row and name the same item (checked first).

| invalid rows | per row | to zod (issues read) | |
|---|---|---|---|
${badRow("hand loop (an error string)", "loop", "")}
${badRow("`safeScore(phq9, row)`", "safeScore", `target not slower than zod: ${verdict(safeToZod.median <= 1)}`)}
${badRow("zod `safeParse`, `error.issues` read", "zod issues", "")}
${badRow("zod `safeParse`, only `success` read (no error built)", "zod success only", "")}

Target not slower than zod on invalid rows: ${safeToZod.median <= 1 ? "met" : "**not met**"} (${times(safeToZod)}). V8 captures a
stack trace whenever an \`Error\` is constructed, and that was most of the cost of a rejected row; \`safeScore\`
returns its error rather than throwing it, so it builds the error without running the \`Error\` constructor (an
object of the \`ScoreInputError\` class, its \`stack\` the first line only), where zod ${ZOD_VERSION} sets
\`Error.stackTraceLimit\` to 0 and restores it. \`score\`, which throws, captures the stack.
A CPU profile of \`safeScore\` on these rows (self time, as above):

| function | share of samples | what it does |
|---|---|---|
${hotspots(badSpots, 5)}

A batch as real data come: the ${int(ROWS)} valid rows with ${(100 * MIXED_SHARE).toFixed(0)} % of them (seeded; here ${int(mixedBad)}) given one invalid
answer as above. \`safeScore\` returns a full result for each valid row and an error naming the item for each
invalid one; the hand loop its small object or its error string (both agree on which rows are invalid, checked first).

| mixed rows (${(100 * MIXED_SHARE).toFixed(0)} % invalid) | per row | to the loop |
|---|---|---|
| hand loop | ${time(ns(m, "loop"))} | 1× |
| \`safeScore(phq9, row)\` | ${time(ns(m, "safeScore"))} | **${times(mixedToLoop)}** (target ≤ ${String(MIXED_TARGET)}×: ${verdict(mixedToLoop.median <= MIXED_TARGET)}) |
`;
  return {
    markdown,
    loop: { ns: ns(v, "loop"), rows: ROWS },
    targets: [
      {
        what: "`score(phq9, row)`, full result, valid PHQ-9 arrays, to the hand loop",
        target: `≤ ${String(TARGET)}×`,
        measured: `${times(scoreToLoop)}; results kept ${times(keptToLoop)}`,
        met: scoreToLoop.median <= TARGET,
        section: HEADING,
      },
      {
        what: "`safeScore(phq9, row)` on invalid rows, to zod `safeParse` with its issues",
        target: "≤ 1×",
        measured: times(safeToZod),
        met: safeToZod.median <= 1,
        section: HEADING,
      },
      {
        what: `\`safeScore(phq9, row)\` on mixed PHQ-9 rows (${(100 * MIXED_SHARE).toFixed(0)} % invalid), to the hand loop`,
        target: `≤ ${String(MIXED_TARGET)}×`,
        measured: times(mixedToLoop),
        met: mixedToLoop.median <= MIXED_TARGET,
        section: HEADING,
      },
    ],
  };
}
