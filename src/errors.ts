const BRAND = Symbol.for("stepscore.ScoreInputError");

interface StackLimited {
  stackTraceLimit?: unknown;
}
// Null once assigning the limit has failed (a hardened realm may freeze Error): then stacks are kept.
let stackHost: StackLimited | null = Error as StackLimited;

/**
 * Runs `fn` with V8's stack capture turned off, for errors that are returned rather than thrown: capturing
 * the stack is most of the cost of building one, and a returned error's stack would only show library
 * internals. The limit is restored even if `fn` throws; elsewhere (no numeric limit) `fn` just runs.
 *
 * @internal
 */
export function withoutStack<T>(fn: () => T): T {
  const host = stackHost;
  const saved = host?.stackTraceLimit;
  if (host === null || typeof saved !== "number") return fn();
  try {
    host.stackTraceLimit = 0;
  } catch {
    stackHost = null;
    return fn();
  }
  try {
    return fn();
  } finally {
    host.stackTraceLimit = saved;
  }
}

/**
 * One problem with an answer set.
 */
export interface ScoreInputIssue {
  /** The item id at fault, or null when the problem is the input as a whole (wrong length, not an object). */
  readonly item: string | null;
  /** The offending value as it was passed. */
  readonly value: unknown;
  /** What is wrong and what is allowed, in a sentence. */
  readonly message: string;
}

/**
 * Thrown by `score` when answers are invalid: out of range, not an allowed value, not an integer, NaN,
 * Infinity, a string where a number is required, an unknown item id, the wrong array length, or not an
 * array or object at all. `issues` has one entry per bad item; `message` lists them for a log.
 *
 * @example
 * ```ts
 * try {
 *   score(phq9, [0, 1, 4, 0, 0, 0, 0, 0, 0]);
 * } catch (e) {
 *   if (e instanceof ScoreInputError) console.log(e.issues[0].item); // "3"
 * }
 * ```
 */
export class ScoreInputError extends Error {
  /**
   * Recognises errors from any copy of the library (the CommonJS build of each entry carries its own copy
   * of this class), so `instanceof` holds across `stepscore` and `stepscore/core`.
   *
   * @param value - anything
   * @returns whether it is a ScoreInputError
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** The id of the instrument the answers were for (or the unknown id that was asked for). */
  readonly instrument: string;
  /** One entry per bad item. */
  readonly issues: readonly ScoreInputIssue[];
  /** A note on a likely cause (e.g. answers coded one too high throughout), or null. */
  readonly hint: string | null;

  /**
   * @param instrument - id of the instrument
   * @param title - short title used in the message, e.g. "PHQ-9"
   * @param issues - one per bad item
   * @param hint - a likely cause, if one is recognised
   */
  constructor(instrument: string, title: string, issues: readonly ScoreInputIssue[], hint: string | null = null) {
    const head = `${title} (${instrument}): ${String(issues.length)} invalid answer${issues.length === 1 ? "" : "s"}`;
    const lines = issues.map((i) => (i.item === null ? i.message : `item ${i.item}: ${i.message}`));
    super(`${head}: ${lines.join("; ")}${hint === null ? "" : `. ${hint}`}`);
    this.name = "ScoreInputError";
    Object.defineProperty(this, BRAND, { value: true });
    this.instrument = instrument;
    this.issues = issues;
    this.hint = hint;
  }
}

/** Renders a value for an error message so that "2" and 2, NaN and null are told apart. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === "bigint") return `${String(value)}n`;
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return `${type === "object" ? "an" : "a"} ${type}`;
}
