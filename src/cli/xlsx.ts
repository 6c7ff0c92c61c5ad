// An .xlsx workbook's first sheet as CSV text, through read-excel-file (an optional peer dependency, loaded
// only when a workbook is given, so the command starts without it).
import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { bytesOf } from "./bytes.js";
import { CliError } from "./io.js";

/** A sheet cell as read-excel-file gives it. */
type Cell = string | number | boolean | Date | null;

/** The sheet reader of read-excel-file/node, as far as it is used here. */
type ReadSheet = (input: Buffer) => Promise<Cell[][]>;

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * A cell as CSV text: a number as JavaScript writes it, a date as ISO 8601 (its date only when it is
 * midnight), a time of day alone (Excel's day 0, 1899-12-30 or -31) as "HH:MM", and a boolean as
 * TRUE/FALSE (as Excel's own CSV does).
 */
export function cellText(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  // A time is a fraction of a day in the file: to the nearest second, so 23:00 is not 22:59:59.999.
  v = new Date(Math.round(v.getTime() / 1000) * 1000);
  const day = v.toISOString().slice(0, 10);
  const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  const seconds = v.getUTCSeconds() === 0 ? "" : `:${pad(v.getUTCSeconds())}`;
  if (day === "1899-12-30" || day === "1899-12-31") return `${time}${seconds}`;
  return time === "00:00" && seconds === "" ? day : `${day}T${time}${seconds}`;
}

async function reader(): Promise<ReadSheet> {
  try {
    const module = (await import("read-excel-file/node")) as { readSheet: ReadSheet };
    return module.readSheet;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new CliError(
        "reading .xlsx workbooks needs the read-excel-file package: install it beside stepscore (npm install read-excel-file), or save the sheet as CSV (UTF-8) and score that",
      );
    }
    throw error;
  }
}

/**
 * Reads a workbook (a ZIP archive) whole and gives its first sheet as CSV bytes, comma-separated, LF line
 * ends. A ZIP archive that is not a workbook (.ods, .docx, a zipped CSV) is refused with what to do.
 */
export async function xlsxAsCsv(
  source: AsyncIterable<unknown>,
  name: string,
): Promise<{ head: Buffer; source: Readable }> {
  const readSheet = await reader();
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(bytesOf(chunk));
  let rows: Cell[][];
  try {
    rows = await readSheet(Buffer.concat(chunks));
  } catch (error) {
    throw new CliError(
      `${name} is a ZIP archive but cannot be read as an .xlsx workbook (${error instanceof Error ? error.message : String(error)}): if it is a zipped file, unzip it first; an .ods or .xls sheet, save it as .xlsx or CSV`,
    );
  }
  const text =
    rows.length === 0
      ? ""
      : stringify(
          rows.map((r) => r.map(cellText)),
          { eof: true },
        );
  const head = Buffer.from(text, "utf8");
  return { head, source: Readable.from(head.length === 0 ? [] : [head]) };
}
