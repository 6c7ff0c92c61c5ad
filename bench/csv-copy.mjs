// The baseline: the same CSV library parsing the file and writing it back, with no scoring, with the
// parser options stepscore uses. Usage: node bench/csv-copy.mjs <in.csv> <out.csv>
import { createReadStream, createWriteStream } from "node:fs";
import process from "node:process";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";

const [input, output] = process.argv.slice(2);
await pipeline(
  createReadStream(input),
  parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
  stringify(),
  createWriteStream(output),
);
