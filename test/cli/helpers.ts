// Runs the command line in process, with its own streams and directory, and captures what it writes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { run } from "../../src/cli/run.js";

/** What a run returned and wrote. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  /** stdout as the bytes written. */
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/** Options for {@link cli}. */
export interface CliOptions {
  /** Piped into stdin; without it stdin is a terminal (nothing piped). */
  readonly stdin?: string | Buffer;
  readonly cwd?: string;
  readonly stderrIsTTY?: boolean;
  /** The longest record read, in bytes (to reach the limit without a huge file). */
  readonly maxRecordBytes?: number;
}

/** Runs `stepscore <args>` in process. */
export async function cli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  let err = "";
  // Collected as bytes and decoded once: a character may be split over two chunks.
  stdout.on("data", (c: Buffer | string) => out.push(Buffer.from(c)));
  stderr.on("data", (c: Buffer | string) => (err += c.toString()));
  const code = await run(args, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    stdinIsTTY: options.stdin === undefined,
    stderrIsTTY: options.stderrIsTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
    ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }),
  });
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString("utf8"), stdoutBytes: bytes, stderr: err };
}

/** A fresh directory holding the given files. */
export function workdir(files: Readonly<Record<string, string | Buffer>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "stepscore-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Parses CSV output into rows of cells, header first. */
export function csv(text: string, delimiter = ","): string[][] {
  return parse(text, { delimiter, relax_column_count: true });
}

/** Parses CSV output into records keyed by header. */
export function records(text: string): Record<string, string>[] {
  return parse(text, { columns: true });
}

const PHQ9 = Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`);
const GAD7 = Array.from({ length: 7 }, (_, i) => `gad7_${String(i + 1)}`);

/** A small cohort: clean, incomplete and invalid rows, in a known order. */
export const COHORT =
  [
    ["id", ...PHQ9, ...GAD7].join(","),
    "P1,1,2,1,2,0,1,3,2,0,1,1,1,1,1,1,1", // PHQ-9 12, GAD-7 7
    "P2,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0", // self-harm flag
    "P3,1,,1,2,0,1,3,2,0,1,1,1,1,1,1,1", // PHQ-9 incomplete
    "P4,1,x,4,2,0,1,3,2,0,1,1,1,1,1,1,1", // PHQ-9 invalid twice
    '"P5, quoted",3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,9', // GAD-7 invalid
    "P6,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",
  ].join("\n") + "\n";
