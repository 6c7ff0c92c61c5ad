// Rows are carried as byte strings: each byte of the file is one character U+0000–U+00FF (Latin-1, which
// maps every byte to a character and back), so text that is passed through is written back byte for byte
// whatever the file's encoding. Text that is read (column names, answers) is decoded as UTF-8 when it is
// valid UTF-8, else as Latin-1; text stepscore writes (the new cells) is encoded as UTF-8.
import { isUtf8 } from "node:buffer";
import { CliError } from "./io.js";

/** The UTF-8 byte-order mark, as a byte string. */
export const BOM = "\u00ef\u00bb\u00bf";

const HIGH = /[\u0080-\u00ff]/;
const NON_ASCII = /[\u0080-\uffff]/;

/** Whether a byte string has any byte outside ASCII (only then can decoding change it). */
export function hasHighBytes(bytes: string): boolean {
  return HIGH.test(bytes);
}

/** A byte string as text: UTF-8 when it is valid UTF-8, else Latin-1 (the bytes as they are). */
export function decode(bytes: string): string {
  if (!HIGH.test(bytes)) return bytes;
  const b = Buffer.from(bytes, "latin1");
  return isUtf8(b) ? b.toString("utf8") : bytes;
}

/** Text as a byte string of its UTF-8 encoding. */
export function encode(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, "utf8").toString("latin1") : text;
}

/** A chunk of a stream as bytes (a stream of strings is taken as UTF-8). */
export function bytesOf(chunk: unknown): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
}

/**
 * The chunks of a stream as bytes, without a leading UTF-8 byte-order mark; `bom.seen` says whether there
 * was one, so it can be written back.
 */
export async function* withoutBom(source: AsyncIterable<unknown>, bom: { seen: boolean }): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of source) {
    const b = bytesOf(chunk);
    if (head === null) {
      yield b;
      continue;
    }
    head = Buffer.concat([head, b]);
    // The mark may arrive split over chunks: wait for three bytes.
    if (head.length < 3) continue;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      bom.seen = true;
      head = head.subarray(3);
    }
    if (head.length > 0) yield head;
    head = null;
  }
  if (head !== null && head.length > 0) yield head;
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula (OWASP: it begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return), prefixed with a single quote so it is shown as text. A plain number (`-99`, `+1.5`) is left
 * alone: it can only evaluate to itself, and quoting it would turn data into text.
 */
export function escapeFormula(cell: string): string {
  return FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Whether {@link escapeFormula} would change the cell. */
export function formulaLike(cell: string): boolean {
  return FORMULA.test(cell) && !NUMBER.test(cell);
}

/** One line of a JSON Lines file, as a byte string without its line break, and its line number. */
export interface Line {
  readonly bytes: string;
  readonly line: number;
}

/**
 * The lines of a stream, as byte strings: CRLF, LF and a lone CR each end a line (a lone CR cannot be inside
 * a JSON value, so splitting there loses nothing). A leading byte-order mark is dropped and reported in
 * `bom.seen`. Only one line is held at a time, and a line longer than `max` bytes stops the reading.
 */
export async function* lines(
  source: AsyncIterable<unknown>,
  name: string,
  max: number,
  bom: { seen: boolean },
): AsyncGenerator<Line> {
  // The start of a line that runs over chunks, held as pieces: joining them once avoids copying a long line
  // again for every chunk.
  let pending: string[] = [];
  let held = 0;
  let line = 0;
  let afterCR = false;
  const tooLong = (): CliError =>
    new CliError(
      `${name}: line ${String(line + 1)} is longer than ${max.toLocaleString("en")} bytes, too long to be read`,
    );
  for await (const chunk of withoutBom(source, bom)) {
    const text = bytesOf(chunk).toString("latin1");
    // A CR that ended the last chunk and an LF that starts this one are one line break.
    let from = afterCR && text.charCodeAt(0) === 10 ? 1 : 0;
    afterCR = false;
    let lf = text.indexOf("\n", from);
    let cr = text.indexOf("\r", from);
    for (;;) {
      const i = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (i < 0) break;
      if (held + i - from > max) throw tooLong();
      const piece = text.slice(from, i);
      line++;
      yield { bytes: held === 0 ? piece : pending.join("") + piece, line };
      pending = [];
      held = 0;
      from = i === cr && lf === i + 1 ? i + 2 : i + 1;
      if (i === cr && i === text.length - 1) afterCR = true;
      if (lf >= 0 && lf < from) lf = text.indexOf("\n", from);
      if (cr >= 0 && cr < from) cr = text.indexOf("\r", from);
    }
    if (from < text.length) {
      held += text.length - from;
      if (held > max) throw tooLong();
      pending.push(text.slice(from));
    }
  }
  if (held > 0) yield { bytes: pending.join(""), line: line + 1 };
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Whether a line holds nothing but JSON whitespace. */
export function blank(bytes: string): boolean {
  for (let i = 0; i < bytes.length; i++) if (!isSpace(bytes.charCodeAt(i))) return false;
  return true;
}

/** The index just past a JSON string that starts at `i`. */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34) return j + 1;
    else j++;
  }
  return j;
}

/** The index just past a JSON value that starts at or after `i` (whitespace before it skipped). */
function valueEnd(text: string, i: number): number {
  let depth = 0;
  let j = i;
  let last = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      j = stringEnd(text, j);
      last = j;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) return last;
      depth--;
    } else if (c === 44 && depth === 0) return last;
    j++;
    if (!isSpace(c)) last = j;
  }
  return last;
}

/**
 * The members of a JSON object's text, in order, each with its key (decoded) and the span of its text
 * (from the key's opening quote to the end of its value), repeated keys included. The text must be one
 * valid JSON object (it has been parsed).
 */
export function jsonMembers(text: string): { readonly key: string; readonly start: number; readonly end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  let i = text.indexOf("{") + 1;
  while (i > 0 && i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 44) {
      i++;
      continue;
    }
    if (c !== 34) break; // the closing brace
    const start = i;
    i = stringEnd(text, i);
    const key = JSON.parse(text.slice(start, i)) as string;
    i = text.indexOf(":", i) + 1;
    i = valueEnd(text, i);
    out.push({ key, start, end: i });
  }
  return out;
}

/**
 * An object's line with fields appended before its closing brace: `{"id":1}` and `,"k":2` give
 * `{"id":1,"k":2}`; `{}` gives `{"k":2}`. The text before the brace is kept as it is; whitespace after it
 * is dropped.
 */
export function appendFields(line: string, fields: string): string {
  const close = line.lastIndexOf("}");
  let j = close - 1;
  while (j >= 0 && isSpace(line.charCodeAt(j))) j--;
  const empty = line.charCodeAt(j) === 123;
  return `${line.slice(0, close)}${empty || fields === "" ? "" : ","}${fields}}`;
}
