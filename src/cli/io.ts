// Everything that touches files, streams and the terminal. Commands receive an Io, so tests run them in
// process with their own streams.
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";

/** The process's streams and directory, as the commands see them. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Whether stdin is a terminal: then nothing is piped in, and reading it would wait for typing. */
  readonly stdinIsTTY: boolean;
  /** Whether stderr is a terminal: only then is progress shown. */
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
}

/** The real process. */
export function processIo(): Io {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    // Declared boolean, but undefined when the stream is not a terminal.
    stdinIsTTY: (process.stdin.isTTY as boolean | undefined) === true,
    stderrIsTTY: (process.stderr.isTTY as boolean | undefined) === true,
    cwd: process.cwd(),
  };
}

/** Exit codes, as documented in `stepscore --help`. */
export const EXIT = {
  /** Every row was read and scored (missing answers are not errors). */
  ok: 0,
  /** Every row was written, but some had invalid cells (named in the `<id>_error` columns). */
  rowErrors: 1,
  /** Nothing or not everything was written: a usage error, an unreadable file, malformed input. */
  failure: 2,
} as const;

/** A failure the user can fix, reported as one message and exit code 2. */
export class CliError extends Error {
  /** Whether to point at `--help` (a mistake in the command rather than in a file). */
  readonly usage: boolean;

  constructor(message: string, usage = false) {
    super(message);
    this.name = "CliError";
    this.usage = usage;
  }
}

/** An input: a file, or stdin for "-". */
export interface Input {
  readonly stream: Readable;
  /** As given on the command line, or "stdin". */
  readonly name: string;
  /** Size in bytes for a file (for progress), null for stdin. */
  readonly size: number | null;
  /** Bytes read so far. */
  bytesRead(): number;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}

/** Opens the input, or explains why it cannot be read. */
export async function openInput(path: string | undefined, io: Io): Promise<Input> {
  if (path === undefined || path === "-") {
    if (path === undefined && io.stdinIsTTY) {
      throw new CliError("no input: give a file, or pipe rows into stdin (use - to read stdin explicitly)", true);
    }
    return { stream: io.stdin, name: "stdin", size: null, bytesRead: () => 0 };
  }
  const full = resolve(io.cwd, path);
  let size: number;
  try {
    const s = await stat(full);
    if (s.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = s.size;
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${reason(error)}`);
  }
  const stream = createReadStream(full);
  return { stream, name: path, size, bytesRead: () => stream.bytesRead };
}

/** An output: stdout, or a file written under a temporary name and renamed only when complete. */
export interface Output {
  readonly stream: Writable;
  /** As given, or "stdout". */
  readonly name: string;
  /** Whether the pipeline should end the stream (not stdout, which the process owns). */
  readonly end: boolean;
  /** Puts a finished file in place. */
  commit(): Promise<void>;
  /** Removes a partial file, so no half-written output is left looking complete. */
  abort(): Promise<void>;
}

/** Opens the output, or explains why it cannot be written. */
export async function openOutput(path: string | undefined, io: Io): Promise<Output> {
  if (path === undefined || path === "-") {
    return { stream: io.stdout, name: "stdout", end: false, commit: () => Promise.resolve(), abort: () => Promise.resolve() };
  }
  const full = resolve(io.cwd, path);
  try {
    const dir = await stat(dirname(full));
    if (!dir.isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (error) {
    throw new CliError(`cannot write ${path}: its directory ${dirname(path)} ${(error as { code?: unknown }).code === "ENOENT" ? "does not exist" : `cannot be used (${reason(error)})`}`);
  }
  // Written beside the target and renamed at the end, so the input may even be the output.
  const partial = resolve(dirname(full), `.${basename(full)}.${String(process.pid)}.partial`);
  const stream = createWriteStream(partial);
  await new Promise<void>((done, fail) => {
    stream.once("open", () => {
      done();
    });
    stream.once("error", (error) => {
      fail(new CliError(`cannot write ${path}: ${reason(error)}`));
    });
  });
  return {
    stream,
    name: path,
    end: true,
    commit: () => rename(partial, full),
    abort: async () => {
      stream.destroy();
      await rm(partial, { force: true });
    },
  };
}

/** Writes to stderr. */
export function say(io: Io, text: string): void {
  io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/**
 * A progress line on stderr for long runs: shown only on a terminal, only once a run has lasted a second,
 * redrawn a few times a second, and erased at the end.
 */
export function progress(io: Io, input: Input, enabled: boolean): { readonly tick: () => void; readonly stop: () => void } {
  let rows = 0;
  if (!enabled || !io.stderrIsTTY) {
    return {
      tick: () => {
        rows++;
      },
      stop: () => undefined,
    };
  }
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    if (Date.now() - started < 1000) return;
    shown = true;
    const share = input.size !== null && input.size > 0 ? ` (${String(Math.floor((100 * input.bytesRead()) / input.size))} %)` : "";
    io.stderr.write(`\r\x1b[Kstepscore: ${rows.toLocaleString("en")} rows${share}`);
  }, 250);
  timer.unref();
  return {
    tick: () => {
      rows++;
    },
    stop: () => {
      clearInterval(timer);
      if (shown) io.stderr.write("\r\x1b[K");
    },
  };
}
