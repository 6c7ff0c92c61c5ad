// Side-by-side timing for the per-row benchmarks: every task runs once per round, in the same order, for a
// few short rounds (tinybench, median time of a pass over all its rows). A ratio is taken round by round,
// between tasks measured seconds apart, and its median over the rounds is reported with its range, so a
// burst of other work on the shared machine shows as a wide range instead of a wrong number.
import { Bench } from "tinybench";

/** One benchmarked task: a pass over `rows` rows (answer sets, responses, people). */
export interface Task {
  readonly name: string;
  readonly rows: number;
  readonly fn: () => void;
}

/** How long to run each task in each round. */
export interface MeasureOptions {
  readonly rounds: number;
  /** Time per task per round, in ms. */
  readonly time: number;
  /** Warmup per task in the first round, in ms (later rounds warm up briefly). */
  readonly warmupTime: number;
}

/** Nanoseconds per row of each task, one value per round. */
export type Timings = ReadonlyMap<string, readonly number[]>;

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** Runs every task once per round; returns ns per row, per round. */
export async function measure(label: string, tasks: readonly Task[], options: MeasureOptions): Promise<Timings> {
  const out = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    // A pass can take a few hundred ms (fhirpath.js); a handful of samples then suffices.
    const bench = new Bench({
      time: options.time,
      warmupTime: round === 1 ? options.warmupTime : Math.min(100, options.warmupTime),
      iterations: 5,
      warmupIterations: 2,
    });
    for (const t of tasks) bench.add(t.name, t.fn);
    await bench.run();
    for (const t of tasks) {
      const r = bench.getTask(t.name)?.result;
      if (r === undefined || r.state !== "completed") {
        const why = r !== undefined && r.state === "errored" ? r.error.message : (r?.state ?? "no result");
        throw new Error(`${label}: task "${t.name}" did not complete: ${why}`);
      }
      out.get(t.name)?.push((r.latency.p50 * 1e6) / t.rows);
    }
    log(
      `${label}, round ${String(round)}/${String(options.rounds)}: ${tasks.map((t) => `${t.name} ${(out.get(t.name)?.at(-1) ?? 0).toFixed(0)} ns`).join(", ")}`,
    );
  }
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

function series(t: Timings, name: string): readonly number[] {
  const s = t.get(name);
  if (s === undefined || s.length === 0) throw new Error(`no timings for "${name}"`);
  return s;
}

/** Median ns per row over the rounds. */
export function ns(t: Timings, name: string): number {
  return median(series(t, name));
}

/** A ratio between two tasks: the median of the per-round ratios, and their range. */
export interface Ratio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function ratio(t: Timings, name: string, base: string): Ratio {
  const a = series(t, name);
  const b = series(t, base);
  const rs = a.map((x, i) => x / (b[i] ?? Number.NaN));
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting for the report
// ---------------------------------------------------------------------------------------------------------

/** "12 ns", "3.4 µs", "1.20 ms". */
export function time(nsValue: number): string {
  if (nsValue < 1e3) return `${nsValue.toFixed(0)} ns`;
  if (nsValue < 1e6) return `${(nsValue / 1e3).toFixed(nsValue < 1e4 ? 2 : 1)} µs`;
  return `${(nsValue / 1e6).toFixed(2)} ms`;
}

/** "10.3× (9.9–10.8)": the median ratio and its range over the rounds. */
export function times(r: Ratio): string {
  const f = (x: number): string =>
    r.median >= 100 ? x.toFixed(0) : r.median >= 0.95 ? x.toFixed(1) : x.toPrecision(2);
  return `${f(r.median)}× (${f(r.min)}–${f(r.max)})`;
}

/** Rows per second from ns per row: "3,900,000/s". */
export function perSecond(nsValue: number): string {
  const n = 1e9 / nsValue;
  const rounded = n >= 1e5 ? Math.round(n / 1e4) * 1e4 : n >= 1e3 ? Math.round(n / 10) * 10 : Math.round(n);
  return `${rounded.toLocaleString("en")}/s`;
}

export const verdict = (ok: boolean): string => (ok ? "met" : "**not met**");

export const int = (n: number): string => n.toLocaleString("en");

/** A target from the specification, and what this run measured against it. */
export interface Target {
  /** What is measured, e.g. "`score()` on valid PHQ-9 rows, to the hand loop". */
  readonly what: string;
  /** The target, e.g. "≤ 4×". */
  readonly target: string;
  readonly measured: string;
  /** null: no target, reported for reference. */
  readonly met: boolean | null;
  /** The report section that explains it (its heading). */
  readonly section: string;
}

/** What a section of the report returns. */
export interface SectionResult {
  readonly markdown: string;
  readonly targets: readonly Target[];
}

/** The GitHub-style anchor of a heading. */
export function anchor(heading: string): string {
  return `#${heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-")}`;
}
