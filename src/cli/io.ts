// Everything that touches files, streams and the terminal. Commands receive an Io, so tests run them in
// process with their own streams.
import { constants as buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { open, realpath, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
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
  /**
   * The longest record read (a CSV row or a JSON line), in bytes; a longer one stops the run with exit 2.
   * Default {@link MAX_RECORD_BYTES}. Tests set a small one, to reach the limit without a huge file.
   */
  readonly maxRecordBytes?: number;
}

/**
 * The default longest record: half the longest string the JavaScript engine can hold (a row is held twice,
 * as its text and as its cells), so a longer row is a plain error rather than a crash.
 */
export const MAX_RECORD_BYTES = Math.floor(buffer.MAX_STRING_LENGTH / 2);

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
  /** The file's full path, or null for stdin or a pipe (which can be read only once). */
  readonly path: string | null;
  /** Size in bytes for a regular file (for progress), else null. */
  readonly size: number | null;
  /** Bytes read so far. */
  bytesRead(): number;
}

/** Why a file operation failed, in words (the system's own message when it is not a common case). */
export function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    case "ENXIO":
      return "it cannot be opened for reading (a socket, or a device with nothing behind it)";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is exceeded";
    case "EFBIG":
      return "the file is larger than the system allows";
    case "EROFS":
      return "the file system is read-only";
    case "EIO":
      return "an input/output error";
    case "ELOOP":
      return "too many symbolic links";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Opens the input, or explains why it cannot be read: opened here, so a file that cannot be is known before any row. */
export async function openInput(path: string | undefined, io: Io): Promise<Input> {
  if (path === undefined || path === "-") {
    if (path === undefined && io.stdinIsTTY) {
      throw new CliError("no input: give a file, or pipe rows into stdin (use - to read stdin explicitly)", true);
    }
    return { stream: io.stdin, name: "stdin", path: null, size: null, bytesRead: () => 0 };
  }
  const full = resolve(io.cwd, path);
  let size: number;
  let regular: boolean;
  let handle: FileHandle;
  try {
    const s = await stat(full);
    if (s.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = s.size;
    regular = s.isFile();
    handle = await open(full, "r");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${reason(error)}`);
  }
  const stream = handle.createReadStream();
  // A pipe (`<(command)`, a FIFO) can be read only once, like stdin.
  return {
    stream,
    name: path,
    path: regular ? full : null,
    size: regular ? size : null,
    bytesRead: () => stream.bytesRead,
  };
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

/** Temporary files of this process, removed if it is interrupted (see {@link removeTemporaryOnSignal}). */
const temporary = new Set<string>();

/**
 * A new file with a random name in `dir`, created exclusively (O_EXCL: never an existing file, never through
 * a symbolic link planted at that name) and readable by its owner only: it holds patient data.
 */
export async function createTemporary(
  dir: string,
  stem: string,
): Promise<{ readonly path: string; readonly handle: FileHandle }> {
  for (let attempt = 1; ; attempt++) {
    const path = join(dir, `.${stem.slice(0, 160)}.${randomBytes(8).toString("hex")}.partial`);
    try {
      const handle = await open(path, "wx", 0o600);
      temporary.add(path);
      return { path, handle };
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST" || attempt >= 8) throw error;
    }
  }
}

/** Removes a temporary file (and forgets it). */
export async function removeTemporary(path: string): Promise<void> {
  temporary.delete(path);
  await rm(path, { force: true });
}

/**
 * On SIGINT, SIGTERM or SIGHUP, removes this process's temporary files before dying of the signal, so an
 * interrupted run leaves no hidden file of patient data behind. Installed by the real process only.
 */
export function removeTemporaryOnSignal(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const path of temporary) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone, or its directory is: nothing left to remove.
        }
      }
      temporary.clear();
      // Die of the signal itself (its handler is gone now), so the shell sees an interrupted run.
      process.kill(process.pid, signal);
    });
  }
}

/** A private file in the system's temporary directory, for stdin when a command must read it twice. */
export async function spoolFile(): Promise<{ readonly path: string; readonly handle: FileHandle }> {
  return createTemporary(tmpdir(), "stepscore-stdin");
}

function writeError(path: string, error: unknown): CliError {
  return new CliError(`cannot write ${path}: ${reason(error)}`);
}

/**
 * Opens the output, or explains why it cannot be written, before any row is read. A regular file (or a new
 * one) is written under a temporary name beside it and renamed into place when complete, so the input may
 * even be the output; a device, pipe or socket (`/dev/null`, a FIFO) is written directly, never replaced.
 */
export async function openOutput(path: string | undefined, io: Io): Promise<Output> {
  if (path === undefined || path === "-") {
    return {
      stream: io.stdout,
      name: "stdout",
      end: false,
      commit: () => Promise.resolve(),
      abort: () => Promise.resolve(),
    };
  }
  let full = resolve(io.cwd, path);
  let existing: Awaited<ReturnType<typeof stat>> | null = null;
  try {
    existing = await stat(full);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw writeError(path, error);
  }
  if (existing?.isDirectory() === true)
    throw writeError(path, Object.assign(new Error("directory"), { code: "EISDIR" }));
  if (existing !== null && !existing.isFile()) {
    let handle: FileHandle;
    try {
      handle = await open(full, "w");
    } catch (error) {
      throw writeError(path, error);
    }
    const stream = handle.createWriteStream();
    const abort = (): Promise<void> => {
      stream.destroy();
      return Promise.resolve();
    };
    return { stream, name: path, end: true, commit: () => Promise.resolve(), abort };
  }
  // Through a symbolic link to the file it names, so the link stays a link.
  if (existing !== null) full = await realpath(full);
  try {
    const dir = await stat(dirname(full));
    if (!dir.isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (error) {
    throw new CliError(
      `cannot write ${path}: its directory ${dirname(path)} ${(error as { code?: unknown }).code === "ENOENT" ? "does not exist" : `cannot be used (${reason(error)})`}`,
    );
  }
  let partial: { readonly path: string; readonly handle: FileHandle };
  try {
    partial = await createTemporary(dirname(full), basename(full));
  } catch (error) {
    throw writeError(path, error);
  }
  const stream = partial.handle.createWriteStream();
  return {
    stream,
    name: path,
    end: true,
    commit: async () => {
      await rename(partial.path, full);
      temporary.delete(partial.path);
    },
    abort: async () => {
      stream.destroy();
      await removeTemporary(partial.path);
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
export function progress(
  io: Io,
  input: Input,
  enabled: boolean,
): { readonly tick: () => void; readonly stop: () => void } {
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
    const share =
      input.size !== null && input.size > 0 ? ` (${String(Math.floor((100 * input.bytesRead()) / input.size))} %)` : "";
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
