// `npm run bench`: measures stepscore against its practical limits and its alternatives, in one run, and
// writes docs/benchmarks.md. Absolute times on a shared machine are noise; the ratios, measured side by
// side in the same run, are the result.
//
// 1. Streaming: `stepscore score phq9,gad7` on a 1,000,000-row CSV against csv-parse → csv-stringify copying
//    the same file with no scoring (bench/csv-copy.mjs), alternating, each in its own process; wall and CPU
//    time, and peak memory (max RSS), also of stepscore on 100,000 rows to show it does not grow with the file.
// 2. In memory: the batch API on 100,000 parsed rows against a hand-written validate-sum-band loop
//    (bench/hand.ts), with tinybench, on text cells (as a CSV reader gives them) and on numbers (JSON).
// 3. One answer set at a time: `score` on PHQ-9 arrays against the hand loop and zod, valid and invalid
//    (bench/score-row.ts), with CPU profiles of where the time goes.
// 4. The FHIR way: LHC-Forms' PHQ-9 calculatedExpression and stepscore's own in fhirpath.js (bench/fhir.ts).
// 5. Every instrument's throughput (bench/instruments.ts). 6. `stratify` per person (bench/stratify.ts).
// 7. `progress` and `progressRows` per person (bench/progress.ts). 8. Bundle size against the targets, and what dominates it (bench/size.ts).
//
// `tsx bench/run.ts <section>…` (streaming, batch, row, fhir, instruments, stratify, progress, size) runs only those and prints
// them without writing docs/benchmarks.md; `npm run bench` runs everything, each section in a process of its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, release, tmpdir, totalmem, type as osType } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { Bench } from "tinybench";
import { createBatchScorer, gad7, phq9, safeScore, scoreRows, scoreStream } from "../src/index.js";
import { DIRTY, writeCohort } from "./data.js";
import { fhirSection } from "./fhir.js";
import { handScore, type HandResult } from "./hand.js";
import { instrumentsSection } from "./instruments.js";
import { anchor, type SectionResult, type Target } from "./measure.js";
import { progressSection } from "./progress.js";
import { scoreRowSection } from "./score-row.js";
import { sizeSection } from "./size.js";
import { stratifySection } from "./stratify.js";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.js");
const ROUNDS = 5;
const BIG = 1_000_000;
const SMALL = 100_000;

const SECTIONS = ["streaming", "batch", "row", "fhir", "instruments", "stratify", "progress", "size"] as const;
type Section = (typeof SECTIONS)[number];
const args = process.argv.slice(2);
// `--json`: print the sections' results as JSON, for the run of every section, which runs each in a process
// of its own so that no section measures in a heap and with JIT feedback another one left behind.
const json = args.includes("--json");
const asked = args.filter((a) => a !== "--json");
for (const a of asked)
  if (!(SECTIONS as readonly string[]).includes(a))
    throw new Error(`unknown section "${a}" (sections: ${SECTIONS.join(", ")})`);
const all = asked.length === 0;
const runs = (section: Section): boolean => !all && asked.includes(section);

if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm run bench does)");

const work = mkdtempSync(join(tmpdir(), "stepscore-bench-"));
process.on("exit", () => {
  rmSync(work, { recursive: true, force: true });
});

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

// ---------------------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------------------

const big = join(work, "big.csv");
const dirty = join(work, "dirty.csv");
const small = join(work, "small.csv");
if (runs("streaming") || runs("batch")) {
  log(`writing ${BIG.toLocaleString("en")} and ${SMALL.toLocaleString("en")} rows into ${work}`);
  if (runs("streaming")) {
    writeCohort(big, BIG);
    writeCohort(dirty, BIG, DIRTY);
  }
  writeCohort(small, SMALL);
}
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

// ---------------------------------------------------------------------------------------------------------
// 1. Streaming
// ---------------------------------------------------------------------------------------------------------

interface ProcessRun {
  /** Wall-clock time. */
  readonly seconds: number;
  /** CPU time (user + system): less disturbed than wall time by other work on a shared machine. */
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
}

function timed(args: readonly string[]): ProcessRun {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", join(import.meta.dirname, "rss.mjs"), ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // Exit code 1 is expected: the data hold some invalid cells on purpose.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} failed (${String(r.status)}): ${r.stderr}`);
  const report = /maxrss-kb (\d+) cpu-us (\d+)/.exec(r.stderr);
  if (report === null) throw new Error(`no resource report from ${args.join(" ")}`);
  return { seconds, cpuSeconds: Number(report[2]) / 1e6, maxRssMb: Number(report[1]) / 1024 };
}

function lines(path: string): number {
  const text = readFileSync(path);
  let n = 0;
  for (const byte of text) if (byte === 10) n++;
  return n;
}

const STREAMING = "Streaming a CSV through `stepscore score`";
const BATCH = "The batch API in memory";

function streamingSection(): SectionResult {
  const copyOut = join(work, "copy.csv");
  const scoreOut = join(work, "scored.csv");
  const copies: ProcessRun[] = [];
  const scores: ProcessRun[] = [];
  const reads: ProcessRun[] = [];
  const dirtyCopies: ProcessRun[] = [];
  const dirtyScores: ProcessRun[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    copies.push(timed([join(import.meta.dirname, "csv-copy.mjs"), big, copyOut]));
    scores.push(timed([cli, "score", "phq9,gad7", big, "--out", scoreOut, "--quiet"]));
    reads.push(timed([join(import.meta.dirname, "csv-read.mjs"), big]));
    dirtyCopies.push(timed([join(import.meta.dirname, "csv-copy.mjs"), dirty, copyOut]));
    dirtyScores.push(timed([cli, "score", "phq9,gad7", dirty, "--out", scoreOut, "--quiet"]));
    const s = (runs: readonly ProcessRun[]): string =>
      `${runs.at(-1)?.seconds.toFixed(2) ?? ""} s (CPU ${runs.at(-1)?.cpuSeconds.toFixed(2) ?? ""} s)`;
    log(
      `round ${String(round)}: copy ${s(copies)}, stepscore ${s(scores)}, read only ${s(reads)}; messy file: copy ${s(dirtyCopies)}, stepscore ${s(dirtyScores)}`,
    );
  }
  if (lines(scoreOut) !== BIG + 1)
    throw new Error(`stepscore wrote ${String(lines(scoreOut))} lines, expected ${String(BIG + 1)}`);
  const smallRun = timed([cli, "score", "phq9,gad7", small, "--out", join(work, "small-scored.csv"), "--quiet"]);

  const wall = (runs: readonly ProcessRun[]): number => median(runs.map((r) => r.seconds));
  const cpu = (runs: readonly ProcessRun[]): number => median(runs.map((r) => r.cpuSeconds));
  const peak = (runs: readonly ProcessRun[]): number => Math.max(...runs.map((r) => r.maxRssMb));
  const wallShare = wall(copies) / wall(scores);
  const cpuShare = cpu(copies) / cpu(scores);
  const perRound = copies.map((c, i) => c.seconds / (scores[i]?.seconds ?? Number.NaN));
  const dirtyWallShare = wall(dirtyCopies) / wall(dirtyScores);
  const dirtyCpuShare = cpu(dirtyCopies) / cpu(dirtyScores);
  const dirtyMet = Math.min(dirtyWallShare, dirtyCpuShare) >= 0.8;
  const markdown = `## ${STREAMING}

A ${BIG.toLocaleString("en")}-row CSV (${mb(statSync(big).size)}; an id, the PHQ-9 and the GAD-7 columns; about 1 cell in 200
blank and 1 in 5,000 invalid) scored with \`stepscore score phq9,gad7 big.csv --out scored.csv\`
(dist/cli.js), against the same CSV library copying the file with no scoring (csv-parse → csv-stringify,
bench/csv-copy.mjs). Each ran ${String(ROUNDS)} times, alternating, each time in a fresh process; medians.

| | wall time | CPU time | peak memory (max RSS) |
|---|---|---|---|
| csv-parse → csv-stringify, no scoring | ${wall(copies).toFixed(2)} s | ${cpu(copies).toFixed(2)} s | ${peak(copies).toFixed(0)} MB |
| stepscore score phq9,gad7 | ${wall(scores).toFixed(2)} s | ${cpu(scores).toFixed(2)} s | ${peak(scores).toFixed(0)} MB |
| stepscore score phq9,gad7 on ${SMALL.toLocaleString("en")} rows | ${smallRun.seconds.toFixed(2)} s | ${smallRun.cpuSeconds.toFixed(2)} s | ${smallRun.maxRssMb.toFixed(0)} MB |
| for reference: csv-parse reading the file, writing nothing | ${wall(reads).toFixed(2)} s | ${cpu(reads).toFixed(2)} s | ${peak(reads).toFixed(0)} MB |

- Throughput of stepscore relative to the plain copy: **${pct(wallShare)}** by wall time, **${pct(cpuShare)}** by CPU time
  (target ≥ 80 %: ${verdict(Math.min(wallShare, cpuShare) >= 0.8)}); by wall time round by round ${perRound.map(pct).join(", ")}.
- stepscore writes each input row out as the text it read (csv-parse's raw record), byte for byte, and
  serialises only the 12 columns it adds, where the copy re-serialises all 19 columns with csv-stringify;
  that is how scoring fits in the copy's time. Reading alone takes ${pct(cpu(reads) / cpu(scores))} of stepscore's CPU time; the
  rest is scoring and writing.
- Peak memory: **${peak(scores).toFixed(0)} MB** for ${BIG.toLocaleString("en")} rows against ${smallRun.maxRssMb.toFixed(0)} MB for ${SMALL.toLocaleString("en")}; the file is never
  held in memory, and the difference is the garbage collector sizing its heap to the work (target well
  under 200 MB: ${verdict(peak(scores) < 200)}).
- Every row was written: ${BIG.toLocaleString("en")} data rows in, ${BIG.toLocaleString("en")} out.

A messy export of the same size (seeded; 1 % of cells blank and 2 % invalid, so about 30 % of rows have
an invalid cell that stepscore names in its \`_error\` column), in the same rounds:

| messy file | wall time | CPU time | peak memory (max RSS) |
|---|---|---|---|
| csv-parse → csv-stringify, no scoring | ${wall(dirtyCopies).toFixed(2)} s | ${cpu(dirtyCopies).toFixed(2)} s | ${peak(dirtyCopies).toFixed(0)} MB |
| stepscore score phq9,gad7 | ${wall(dirtyScores).toFixed(2)} s | ${cpu(dirtyScores).toFixed(2)} s | ${peak(dirtyScores).toFixed(0)} MB |

- Throughput relative to the plain copy: **${pct(dirtyWallShare)}** by wall time, **${pct(dirtyCpuShare)}** by CPU time (target ≥ 80 %:
  ${verdict(dirtyMet)}). A rejected row's error is built once, returned rather than thrown, with no stack
  trace captured; before that it was built twice with a stack, and such a file ran at about half the copy's speed.
`;
  return {
    markdown,
    targets: [
      {
        what: `\`stepscore score phq9,gad7\` on ${BIG.toLocaleString("en")} CSV rows: throughput relative to a plain CSV copy`,
        target: "≥ 80 %",
        measured: `${pct(wallShare)} wall, ${pct(cpuShare)} CPU`,
        met: Math.min(wallShare, cpuShare) >= 0.8,
        section: STREAMING,
      },
      {
        what: `\`stepscore score\` on ${BIG.toLocaleString("en")} rows: peak memory`,
        target: "well under 200 MB",
        measured: `${peak(scores).toFixed(0)} MB`,
        met: peak(scores) < 200,
        section: STREAMING,
      },
      {
        what: `\`stepscore score phq9,gad7\` on ${BIG.toLocaleString("en")} CSV rows with 2 % invalid and 1 % blank cells: throughput relative to a plain CSV copy`,
        target: "≥ 80 %",
        measured: `${pct(dirtyWallShare)} wall, ${pct(dirtyCpuShare)} CPU`,
        met: dirtyMet,
        section: STREAMING,
      },
    ],
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;
const verdict = (ok: boolean): string => (ok ? "met" : "**not met**");

// ---------------------------------------------------------------------------------------------------------
// 2. In memory
// ---------------------------------------------------------------------------------------------------------

async function batchSection(): Promise<SectionResult> {
  const textRows = parse<Record<string, string>>(readFileSync(small, "utf8"), { columns: true });
  const numberRows = textRows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, k === "id" ? v : v === "" ? null : /^\d+$/.test(v) ? Number(v) : v]),
    ),
  );
  const options = { instruments: ["phq9", "gad7"] } as const;
  // Same rows, same answers: the two must agree before their speed means anything.
  const hand = handScore(textRows);
  // Row by row, keeping nothing: keeping 100,000 outcomes here would make V8 pretenure the results (below).
  const checker = createBatchScorer(options);
  const agree = textRows.every((row, i) => {
    const o = checker.score(row);
    const h = hand[i];
    const same = (k: 0 | 1, x: HandResult | undefined): boolean =>
      (o.instruments[k]?.result?.score ?? null) === x?.score &&
      (o.instruments[k]?.status === "invalid") === (x.error !== null);
    return same(0, h?.phq9) && same(1, h?.gad7);
  });
  if (!agree) throw new Error("scoreRows and the hand loop disagree");

  const PHQ9 = phq9.items.map((it) => `phq9_${it.id}`);
  const GAD7 = gad7.items.map((it) => `gad7_${it.id}`);
  const answer = (cell: string | undefined): number | string | null =>
    cell === undefined || cell === "" ? null : /^\d+$/.test(cell) ? Number(cell) : cell;

  // Two benches, the tasks that hand each outcome on first, then those that keep them. V8 pretenures an
  // allocation site whose objects survive (allocates them straight into the old generation), and the
  // decision is per site, not per caller: measured after a task that keeps 200,000 results, scoring row by
  // row would pay for the keeping task's decision. (tinybench warms every task up before it measures any.)
  let sink = 0;
  const kinds = { "text cells": textRows, numbers: numberRows } as const;
  const handed = new Bench({ time: 3000, warmupTime: 1000 });
  const kept = new Bench({ time: 3000, warmupTime: 1000 });
  for (const [kind, rows] of Object.entries(kinds)) {
    handed
      .add(`hand loop, ${kind}`, () => {
        sink += handScore(rows).length;
      })
      .add(`scorer.score, ${kind}`, () => {
        const scorer = createBatchScorer(options);
        for (const row of rows) sink += scorer.score(row).row;
      })
      .add(`scoreStream, ${kind}`, async () => {
        for await (const out of scoreStream(rows, options)) sink += out.row;
      });
    kept
      .add(`hand loop, ${kind}`, () => {
        sink += handScore(rows).length;
      })
      .add(`scoreRows, ${kind}`, () => {
        sink += scoreRows(rows, options).rows.length;
      });
  }
  // For comparison: no batch API at all, safeScore per row on answers converted by hand, results kept.
  kept.add("safeScore kept, text cells", () => {
    const results = [];
    for (const row of textRows)
      results.push(
        safeScore(
          phq9,
          PHQ9.map((c) => answer(row[c])),
        ),
        safeScore(
          gad7,
          GAD7.map((c) => answer(row[c])),
        ),
      );
    sink += results.length;
  });
  log("in-memory benchmark (tinybench), outcomes handed on…");
  await handed.run();
  log("in-memory benchmark (tinybench), outcomes kept…");
  await kept.run();
  if (sink === 0) throw new Error("nothing ran");

  // Each task's time, and its ratio to the hand loop measured in the same bench.
  const benchOf = (task: string): Bench => (task === "scoreRows" || task === "safeScore kept" ? kept : handed);
  const p50 = (task: string, kind: string, bench = benchOf(task)): number => {
    const r = bench.getTask(`${task}, ${kind}`)?.result;
    if (r === undefined || !("latency" in r)) throw new Error(`${task}, ${kind}: no result`);
    return r.latency.p50;
  };
  const ms = (name: string): number => {
    const at = name.lastIndexOf(", ");
    return p50(name.slice(0, at), name.slice(at + 2));
  };
  const ratio = (task: string, kind: string): number => p50(task, kind) / p50("hand loop", kind, benchOf(task));
  const tasks = [
    ["scoreRows", "every row's outcome kept in the returned array"],
    ["scorer.score", "row by row, outcomes not kept"],
    ["scoreStream", "async, row by row, outcomes not kept"],
  ] as const;
  const rowFor = (task: string, how: string): string =>
    `| \`${task}\` (${how}) | ${Object.keys(kinds)
      .map(
        (kind) =>
          `${ms(`${task}, ${kind}`).toFixed(0)} ms, **${ratio(task, kind).toFixed(1)}×** (${verdict(ratio(task, kind) <= 4)})`,
      )
      .join(" | ")} |`;
  const keptVsStreamed = ms("scoreRows, text cells") / ms("scorer.score, text cells");
  const nsPerRow = (a: string, b: string): string => `${(((ms(a) - ms(b)) * 1e6) / SMALL).toFixed(0)} ns`;
  const markdown = `## ${BATCH}

The batch API with \`{ instruments: ["phq9", "gad7"] }\` on ${SMALL.toLocaleString("en")} rows parsed from the same kind of CSV
(records of text cells, as a CSV reader gives them; and the same rows with numbers, as JSON gives them),
against a hand-written loop that validates, sums and bands the same two questionnaires and keeps a small
result per row (bench/hand.ts): the practical limit. Both give the same scores (checked first). The
batch API gives each row the full result of \`score\` (every scale, band, flag, missing item and answer)
and names every bad cell. tinybench, median time per pass over all rows; ratios to the hand loop on the
same rows. Target: within 4×.

| | text cells | numbers |
|---|---|---|
| hand loop (bench/hand.ts) | ${ms("hand loop, text cells").toFixed(0)} ms | ${ms("hand loop, numbers").toFixed(0)} ms |
${tasks.map(([task, how]) => rowFor(task, how)).join("\n")}
| for comparison: \`safeScore\` per row, answers converted by hand, results kept | ${ms("safeScore kept, text cells").toFixed(0)} ms, ${ratio("safeScore kept", "text cells").toFixed(1)}× | |

Keeping every outcome of ${SMALL.toLocaleString("en")} rows (\`scoreRows\`) takes ${keptVsStreamed.toFixed(1)}× as long as scoring the same rows one by one
without keeping them (\`scorer.score\`): the difference is the garbage collector moving the kept results,
two full results of \`score\` per row (with their \`answers\` and \`scales\` records) where the hand loop keeps
two small objects. \`safeScore\` per row with its results kept, and no batch API, costs about the same as
\`scoreRows\`: lighter results would have to come from the engine.

The tasks that keep their outcomes (\`scoreRows\`, \`safeScore\` kept, each with its own hand loop) run in a second
bench, after the tasks that hand each outcome on. V8 pretenures an allocation site whose objects survive,
allocating them straight into the old generation, and it decides per site, for every caller: measured in
one bench (tinybench warms every task up before it measures any), or after a check that kept every outcome,
\`scorer.score\` paid for the keeping tasks' decision and took three to four times as long (with V8's
\`--no-allocation-site-pretenuring\` it did not). So the check that the batch API and the hand loop agree
also scores row by row. An application that keeps some results and not others meets the same effect; one
that does either steadily gets the figures of its row.

\`scoreStream\` is \`scorer.score\` inside an async generator (\`for await\` over the rows, \`yield\` per outcome):
it takes ${(ms("scoreStream, text cells") / ms("scorer.score, text cells")).toFixed(1)}× as long on text cells and ${(ms("scoreStream, numbers") / ms("scorer.score, numbers")).toFixed(1)}× on numbers, ${nsPerRow("scoreStream, text cells", "scorer.score, text cells")} and
${nsPerRow("scoreStream, numbers", "scorer.score, numbers")} more a row: the cost of an await and a yield per row.
`;
  return {
    markdown,
    targets: tasks.flatMap(([task]) =>
      Object.keys(kinds).map((kind) => ({
        what: `\`${task}\` (phq9 and gad7, ${SMALL.toLocaleString("en")} rows of ${kind}), to the hand loop`,
        target: "≤ 4×",
        measured: `${ratio(task, kind).toFixed(1)}×`,
        met: ratio(task, kind) <= 4,
        section: BATCH,
      })),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Run and report
// ---------------------------------------------------------------------------------------------------------

type Loop = { ns: number; rows: number } | null;
const sections: (SectionResult & { loop?: Loop })[] = [];
// The row section's hand loop, which the FHIR section compares against when both run.
let loop: Loop =
  process.env.STEPSCORE_BENCH_LOOP === undefined ? null : (JSON.parse(process.env.STEPSCORE_BENCH_LOOP) as Loop);
if (all) {
  for (const section of SECTIONS) {
    log(`— ${section} (a process of its own)`);
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, section, "--json"], {
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, STEPSCORE_BENCH_LOOP: JSON.stringify(loop) },
    });
    if (child.status !== 0) throw new Error(`the ${section} section failed (exit ${String(child.status)})`);
    const results = JSON.parse(child.stdout) as (SectionResult & { loop?: Loop })[];
    for (const r of results) {
      if (r.loop !== undefined) loop = r.loop;
      sections.push(r);
    }
  }
} else {
  if (runs("streaming")) sections.push(streamingSection());
  if (runs("batch")) sections.push(await batchSection());
  if (runs("row")) sections.push(await scoreRowSection(work));
  if (runs("fhir")) sections.push(await fhirSection(loop));
  if (runs("instruments")) sections.push(await instrumentsSection());
  if (runs("stratify")) sections.push(await stratifySection());
  if (runs("progress")) sections.push(await progressSection());
  if (runs("size")) sections.push(await sizeSection());
}
if (json) {
  process.stdout.write(JSON.stringify(sections));
  process.exit(0);
}

const targets: Target[] = sections.flatMap((s) => s.targets);
const summary = targets
  .map(
    (t) =>
      `| ${t.what} | ${t.target} | ${t.measured} | ${t.met === null ? "for reference" : t.met ? "met" : `**not met**: [why](${anchor(t.section)})`} |`,
  )
  .join("\n");

const cpuInfo = cpus();
const report = `# Benchmarks

<!-- Written by \`npm run bench\` (bench/run.ts); rerun it to refresh. -->

Measured ${new Date().toISOString().slice(0, 10)} on ${cpuInfo[0]?.model.trim() ?? "an unknown CPU"} (${String(cpuInfo.length)} logical CPUs,
${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}), Node ${process.version}. The machine is shared, so absolute
times vary from run to run; each comparison below is between tasks measured side by side in the same run.

Command: \`npm run bench\` (builds, then runs bench/run.ts; the data are generated into a temporary
directory and deleted afterwards).

## Targets

| measured | target | this run | |
|---|---|---|---|
${summary}

${sections.map((x) => x.markdown).join("\n")}`;
if (all) writeFileSync(join(root, "docs", "benchmarks.md"), report);
process.stdout.write(report);
