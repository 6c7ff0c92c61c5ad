const BRAND = Symbol.for("stepscore.ScoreInputError");

/** The type with its readonly fields writable, to fill in an object made without its constructor. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
 * array or object at all. `issues` has one entry per bad item; `message` lists them for a log. Both are
 * bounded whatever the input: the first 10 unknown ids are named and the rest counted, at most 50 issues
 * are kept (the last then says how many more), the message lists 10, and long text is quoted by its start.
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

  /**
   * The mark {@link ScoreInputError}'s `instanceof` reads, on the prototype: every instance has it without
   * an own property to define (defining one costs more than the rest of a returned error).
   *
   * @internal
   */
  get [BRAND](): true {
    return true;
  }

  static {
    // A returned error (built without the constructor, below) reads its stack from here: its first line, as a
    // stack with no frames reads. In V8 and JavaScriptCore a constructed error has its own stack, which
    // shadows this; SpiderMonkey keeps it behind an accessor on Error.prototype, which is asked first.
    Object.defineProperty(this.prototype, "stack", {
      get(this: ScoreInputError) {
        try {
          const own: unknown = Reflect.get(Error.prototype, "stack", this);
          if (typeof own === "string" && own !== "") return own;
        } catch {
          // not an error object of the runtime's own: the first line stands in
        }
        return `ScoreInputError: ${this.message}`;
      },
      set(this: ScoreInputError, value: unknown) {
        Object.defineProperty(this, "stack", { value, writable: true, configurable: true });
      },
      configurable: true,
    });
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
    const kept = keptIssues(issues);
    super(inputMessage(instrument, title, issues, kept, hint));
    this.name = "ScoreInputError";
    this.instrument = instrument;
    this.issues = kept;
    this.hint = hint;
  }
}

function keptIssues(issues: readonly ScoreInputIssue[]): readonly ScoreInputIssue[] {
  return bounded(issues, (n) => ({ item: null, value: n, message: `and ${String(n)} more problems` }));
}

function inputMessage(
  instrument: string,
  title: string,
  all: readonly ScoreInputIssue[],
  kept: readonly ScoreInputIssue[],
  hint: string | null,
): string {
  const head = `${clip(title)} (${clip(instrument)}): ${String(all.length)} invalid answer${all.length === 1 ? "" : "s"}`;
  const lines = kept.map((i) => (i.item === null ? i.message : `item ${clip(i.item)}: ${i.message}`));
  return `${head}: ${listed(lines)}${hint === null ? "" : `. ${hint}`}`;
}

/**
 * A {@link ScoreInputError} built without running the Error constructor, so no stack is captured: for
 * errors that are returned rather than thrown (`safeScore`, rejected rows), where capturing the stack
 * would be most of the cost and would only show library internals. It has the same prototype (so
 * `instanceof` holds), `name`, `message`, `instrument`, `issues` and `hint`; its `stack` (read from the prototype) is the first line
 * alone, "ScoreInputError: <message>", as a stack with no frames reads. Nothing global is touched.
 *
 * @internal
 */
export function returnedInputError(
  instrument: string,
  title: string,
  issues: readonly ScoreInputIssue[],
  hint: string | null = null,
): ScoreInputError {
  const kept = keptIssues(issues);
  const message = inputMessage(instrument, title, issues, kept, hint);
  const e = Object.create(ScoreInputError.prototype) as Mutable<ScoreInputError>;
  // The same enumerable properties, in the same order, as the constructor gives (class fields first); `message`
  // not enumerable, as Error's own. Plain assignments where they can be: each defineProperty costs more.
  Object.defineProperty(e, "message", { value: message, writable: true, configurable: true });
  e.instrument = instrument;
  e.issues = kept;
  e.hint = hint;
  e.name = "ScoreInputError";
  return e;
}

/**
 * Gives a returned error a stack where it is thrown after all (`score`), so a thrown error shows where it
 * came from; `below` and the frames above it are left out. Where the runtime has no stack capture, the
 * error keeps its one-line stack.
 *
 * @internal
 */
export function withStack<E extends object>(error: E, below: (...args: never[]) => unknown): E {
  const capture = (Error as { captureStackTrace?: (target: object, fn: (...args: never[]) => unknown) => void })
    .captureStackTrace;
  if (typeof capture === "function") capture(error, below);
  return error;
}

const DEFINITION_BRAND = Symbol.for("stepscore.DefinitionError");

/**
 * Thrown by `score` when the definition itself cannot score, whatever the answers: a scale names an unknown
 * item, a custom scale has no `compute`, a percent or mean scale would divide by zero (no items, or an item
 * that can only score 0 on a percent scale), or `compute` returned something other than a finite number
 * within the scale's declared range (or null with a reason). It is a fault in the definition, not in the
 * answers: `validateDefinition` finds the static ones before any scoring. `safeScore` never throws it; it
 * returns `{ success: false }` with a {@link ScoreInputError} whose message begins "the definition cannot
 * score". A TypeError, so code that caught the TypeErrors of earlier versions still does.
 *
 * @example
 * ```ts
 * try {
 *   score(myDefinition, answers);
 * } catch (e) {
 *   if (e instanceof DefinitionError) console.error(e.instrument, e.problems);
 * }
 * ```
 */
export class DefinitionError extends TypeError {
  /**
   * Recognises errors from any copy of the library, as {@link ScoreInputError} does.
   *
   * @param value - anything
   * @returns whether it is a DefinitionError
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DEFINITION_BRAND] === true;
  }

  /** The definition's id. */
  readonly instrument: string;
  /** What is wrong with it, one sentence each. */
  readonly problems: readonly string[];

  /**
   * @param instrument - the definition's id
   * @param problems - what is wrong
   */
  constructor(instrument: string, problems: readonly string[]) {
    super(`${instrument}: ${problems.join("; ")}`);
    this.name = "DefinitionError";
    Object.defineProperty(this, DEFINITION_BRAND, { value: true });
    this.instrument = instrument;
    this.problems = problems;
  }
}

// Errors are bounded whatever the input: a record of a million unknown keys, or a 12 MB string, gives an
// error of a few kilobytes. Lists keep their first entries and say how many more there were.

/** Most issues an error keeps (the last of them then says how many more there were). @internal */
export const MAX_ISSUES = 50;
/** Most issues an error's message lists. @internal */
export const MAX_LISTED = 10;
/** Longest text quoted in a message; longer text is cut and its length given. @internal */
export const MAX_QUOTED = 80;

/**
 * The first issues, at most {@link MAX_ISSUES}; past that, the last kept one is `more(n)` for the n left out.
 *
 * @internal
 */
export function bounded<T>(issues: readonly T[], more: (n: number) => T): readonly T[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [...issues.slice(0, MAX_ISSUES - 1), more(issues.length - MAX_ISSUES + 1)];
}

/**
 * Message lines joined with "; ": the first {@link MAX_LISTED}, then how many more.
 *
 * @internal
 */
export function listed(lines: readonly string[]): string {
  if (lines.length <= MAX_LISTED) return lines.join("; ");
  return `${lines.slice(0, MAX_LISTED).join("; ")}; … and ${String(lines.length - MAX_LISTED)} more`;
}

/**
 * Text for a message, cut to {@link MAX_QUOTED} characters with its length given when longer.
 *
 * @internal
 */
export function clip(text: string): string {
  return text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}… (${String(text.length)} characters)`;
}

/**
 * A string quoted for a message (JSON escapes), cut when long.
 *
 * @internal
 */
export function quote(text: string): string {
  return text.length <= MAX_QUOTED
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, MAX_QUOTED))}… (${String(text.length)} characters)`;
}

/** Renders a value for an error message so that "2" and 2, NaN and null are told apart. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) {
    return String(value);
  }
  if (typeof value === "bigint") return `${String(value)}n`;
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return `${type === "object" ? "an" : "a"} ${type}`;
}
