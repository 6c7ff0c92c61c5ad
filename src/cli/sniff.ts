// What an input is, told from its first bytes before any row is read: a binary file to refuse with advice,
// an .xlsx workbook, JSON Lines, or CSV with its delimiter and line ending.
import { bytesOf } from "./bytes.js";
import { CliError } from "./io.js";

/** The first bytes of a stream, and the whole stream again (those bytes first). */
export interface Peeked {
  readonly head: Buffer;
  readonly source: AsyncIterable<Buffer>;
}

/** How much is read ahead at most: enough for any header line worth detecting a delimiter in. */
const HEAD = 65536;

/**
 * Reads the start of a stream, up to the end of its first line (or {@link HEAD} bytes, or the end), and
 * gives it back together with a stream of all its bytes, so nothing is read twice.
 */
export async function peek(stream: AsyncIterable<unknown>): Promise<Peeked> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < HEAD) {
    const next = await it.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    const b = bytesOf(next.value);
    chunks.push(b);
    size += b.length;
    // A line break, past the first three bytes (a byte-order mark), ends the header.
    if (b.includes(10) || b.includes(13)) break;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    try {
      for (;;) {
        const next = await it.next();
        if (next.done === true) return;
        yield bytesOf(next.value);
      }
    } finally {
      // Stopped early (or failed): the stream is closed, as a for-await over it would close it.
      await it.return?.();
    }
  }
  return { head, source: all() };
}

const starts = (head: Buffer, magic: readonly number[], at = 0): boolean =>
  head.length >= at + magic.length && magic.every((m, i) => head[at + i] === m);

const ascii = (text: string): number[] => Array.from(Buffer.from(text, "latin1"));

/** A file that is not text, told by its signature, and what to do with it. */
const BINARY: readonly { readonly magic: readonly number[]; readonly at?: number; readonly what: string }[] = [
  {
    magic: [0x1f, 0x8b],
    what: "is gzip-compressed: decompress it first (gunzip -k FILE), or pipe it in: gunzip -c FILE | stepscore … -",
  },
  {
    magic: ascii("$FL2"),
    what: "is an SPSS data file (.sav): save it as CSV in SPSS (File > Export > CSV Data), or in R with haven::read_sav() and write.csv()",
  },
  {
    magic: ascii("$FL3"),
    what: "is an SPSS data file (.zsav): save it as CSV in SPSS (File > Export > CSV Data), or in R with haven::read_sav() and write.csv()",
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: "is an old Excel workbook (.xls) or another OLE document: save it as .xlsx or as CSV (UTF-8)",
  },
  { magic: ascii("<stata_dta>"), what: "is a Stata data file (.dta): save it as CSV (Stata: export delimited)" },
  { magic: ascii("PAR1"), what: "is a Parquet file: write it out as CSV (e.g. with DuckDB: COPY … TO 'out.csv')" },
  { magic: ascii("SQLite format 3"), what: "is an SQLite database: export a table as CSV (sqlite3 -csv -header)" },
  { magic: ascii("%PDF"), what: "is a PDF document, not a data file" },
  { magic: [0x42, 0x5a, 0x68], what: "is bzip2-compressed: decompress it first (bunzip2 -k FILE)" },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: "is xz-compressed: decompress it first (unxz -k FILE)" },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: "is zstd-compressed: decompress it first (unzstd FILE)" },
  {
    magic: [0xff, 0xfe],
    what: 'is UTF-16 text (Excel\'s "Unicode Text"): save it as "CSV UTF-8", or convert it: iconv -f UTF-16 -t UTF-8 FILE',
  },
  {
    magic: [0xfe, 0xff],
    what: "is UTF-16 text: save it as UTF-8 CSV, or convert it: iconv -f UTF-16 -t UTF-8 FILE",
  },
];

/** A ZIP archive: an .xlsx workbook is one (as are .ods and .docx). */
export function isZip(head: Buffer): boolean {
  return starts(head, [0x50, 0x4b, 0x03, 0x04]);
}

/**
 * Refuses a file that is not text, saying what it is and what to do instead of reporting "malformed CSV".
 * A ZIP archive is left to the caller (it may be an .xlsx workbook).
 */
export function refuseBinary(head: Buffer, name: string): void {
  for (const b of BINARY) {
    if (starts(head, b.magic, b.at))
      throw new CliError(`${name} ${b.what.replaceAll("FILE", name === "stdin" ? "the file" : name)}`);
  }
  // Text files have no NUL bytes; any other binary file is named as such.
  if (head.subarray(0, 4096).includes(0)) {
    throw new CliError(
      `${name} is a binary file, not CSV or JSON Lines text: export the data as CSV (UTF-8) or JSON Lines`,
    );
  }
}

/** Whether the text starts (after a byte-order mark and whitespace) with "{": a JSON Lines file. */
export function looksLikeJsonLines(head: Buffer): boolean {
  let i = starts(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  return head[i] === 0x7b;
}

/** What a CSV's first line says about the file: its delimiter (if it can tell) and its line ending. */
export interface HeaderShape {
  /** `,`, `;` or a tab, the one of them the header has outside quotes; null when it has none. */
  readonly delimiter: string | null;
  /** Why the delimiter cannot be told, when the header has more than one of them; else null. */
  readonly ambiguous: string | null;
  /** Whether the first line ends with CRLF. */
  readonly crlf: boolean;
}

const CANDIDATES = [",", ";", "\t"] as const;

/**
 * Reads the header line (outside quotes) for its delimiter: the one of `,` `;` and tab it has. More than
 * one is ambiguous: the run must then stop, asking for --delimiter, rather than split rows on a guess.
 */
export function headerShape(head: Buffer, name: string): HeaderShape {
  const text = head.toString("latin1");
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  let i = text.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;
  let crlf = false;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      crlf = c === "\r" && text[i + 1] === "\n";
      break;
    } else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const found = CANDIDATES.filter((c) => (counts.get(c) ?? 0) > 0);
  const named = found.map((c) => `${String(counts.get(c))} × ${c === "\t" ? "tab" : `"${c}"`}`).join(", ");
  const ambiguous =
    found.length > 1
      ? `${name}: the header line has more than one kind of separator (${named}), so which one splits the columns cannot be told: give it with --delimiter`
      : null;
  return { delimiter: found.length === 1 ? (found[0] ?? null) : null, ambiguous, crlf };
}

/** Whether the first line break is CRLF (JSON Lines: no line break can be inside a value). */
export function crlfFirst(head: Buffer): boolean {
  const lf = head.indexOf(10);
  const cr = head.indexOf(13);
  return cr >= 0 && (lf < 0 || cr < lf) && head[cr + 1] === 10;
}
