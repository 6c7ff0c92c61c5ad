// A reference point: csv-parse reading the file with the options stepscore uses (raw records included),
// writing nothing. Usage: node bench/csv-read.mjs <in.csv>
import { createReadStream } from "node:fs";
import process from "node:process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";

await pipeline(
  createReadStream(process.argv[2]),
  parse({ bom: true, relax_column_count: true, skip_empty_lines: true, raw: true }),
  new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }),
);
