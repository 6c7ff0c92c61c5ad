// The code examples users copy (every TSDoc @example and the README's TypeScript blocks) are run, and
// each line of the form `expression; // value` is checked: a wrong number in an example is a wrong score
// in someone's app. A value ending in "…" is checked as a prefix; a comment that is not a value is prose.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "csv-parse/sync";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import * as api from "../src/index.js";
import * as testing from "../src/testing/arbitraries.js";

const root = join(import.meta.dirname, "..");

interface Example {
  readonly where: string;
  readonly code: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function tsdocExamples(): Example[] {
  const out: Example[] = [];
  for (const file of [...files(join(root, "src")), ...files(join(root, "instruments"))]) {
    const text = readFileSync(file, "utf8");
    for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const lines = comment.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
      const body = lines.join("\n");
      for (const m of body.matchAll(/@example\s*\n```ts\n([\s\S]*?)```/g)) {
        const line = text.slice(0, text.indexOf(comment)).split("\n").length;
        out.push({ where: `${relative(root, file)}:${String(line)}`, code: m[1] ?? "" });
      }
    }
  }
  return out;
}

function readmeExamples(): Example[] {
  const text = readFileSync(join(root, "README.md"), "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => ({
    where: `README.md:${String(text.slice(0, m.index).split("\n").length)}`,
    code: m[1] ?? "",
  }));
}

/** The literal at the start of a comment ("12 (total)", "\"moderate\": …", "[1, 2, …]"), or undefined. */
function literal(comment: string): { text: string; prefix: boolean } | undefined {
  const c = comment.trim();
  const num = /^-?\d+(?:\.\d+)?(…)?/.exec(c);
  if (num !== null) return { text: num[0].replace("…", ""), prefix: num[1] !== undefined };
  const word = /^(true|false|null)\b/.exec(c);
  if (word !== null) return { text: word[0], prefix: false };
  const open = c[0];
  if (open === '"' || open === "'") {
    const end = c.indexOf(open, 1);
    return end < 0 ? undefined : { text: c.slice(0, end + 1), prefix: false };
  }
  if (open === "[" || open === "{") {
    let depth = 0;
    for (let i = 0; i < c.length; i++) {
      const ch = c[i];
      if (ch === "[" || ch === "{") depth++;
      if (ch === "]" || ch === "}") depth--;
      if (depth === 0) {
        const text = c.slice(0, i + 1);
        // "[a, b, …]" is checked as the array's first elements; any other "…" is an abbreviation.
        if (/,\s*…\s*]$/.test(text) && text.indexOf("…") === text.lastIndexOf("…"))
          return { text: text.replace(/,\s*…\s*]$/, "]"), prefix: true };
        return text.includes("…") ? undefined : { text, prefix: false };
      }
    }
  }
  return undefined;
}

function isExpression(code: string): boolean {
  try {
    transformSync(`(${code});`, { loader: "ts", logLevel: "silent" });
    return true;
  } catch {
    return false;
  }
}

/** Rewrites `expr; // value` lines as checks; leaves everything else as it is. Returns the code and the count. */
function instrument(code: string): { code: string; checks: number } {
  let checks = 0;
  // Imports go (the names are passed in); the examples' own declarations may shadow the fixtures.
  const body = code.replace(/^\s*import\s[\s\S]*?\bfrom\s*["'][^"']*["'];?/gm, "");
  const lines = body.split("\n").map((line) => {
    const m = /^(\s*)(.*?);\s*\/\/\s*(.*)$/.exec(line);
    if (m === null) return line;
    const [, indent = "", statement = "", comment = ""] = m;
    const value = literal(comment);
    if (value === undefined) return line;
    // `if (cond) expr` checks expr when cond holds; console.log(x) checks x.
    let guard = "";
    let expr = statement;
    const cond = /^if\s*\(/.exec(expr);
    if (cond !== null) {
      let depth = 0;
      let end = -1;
      for (let i = expr.indexOf("("); i < expr.length; i++) {
        if (expr[i] === "(") depth++;
        if (expr[i] === ")" && --depth === 0) {
          end = i;
          break;
        }
      }
      guard = `${expr.slice(0, end + 1)} `;
      expr = expr.slice(end + 1).trim();
    }
    expr = expr.replace(/^console\.(?:log|warn)\((.*)\)$/, "$1");
    if (!isExpression(expr) || !isExpression(value.text)) return line;
    checks++;
    return `${indent}${guard}__check(${expr}, ${value.text}, ${String(value.prefix)}, ${JSON.stringify(line.trim())});`;
  });
  return { code: `{\n${lines.join("\n")}\n}`, checks };
}

function check(actual: unknown, expected: unknown, prefix: boolean, line: string): void {
  if (!prefix) {
    expect(actual, line).toEqual(expected);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), line).toBe(true);
    expect((actual as unknown[]).slice(0, expected.length), line).toEqual(expected);
  } else {
    expect(String(actual).startsWith(String(expected)), `${line}: ${String(actual)}`).toBe(true);
  }
}

// Names the examples use without defining them: the data a reader would have at hand.
const cohort = parse<Record<string, string>>(readFileSync(join(root, "examples", "cohort.csv"), "utf8"), {
  columns: true,
});
const answers = [1, 2, 1, 2, 0, 1, 3, 2, 0]; // PHQ-9, total 12, moderate
const fixtures: Record<string, unknown> = {
  readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(join(root, path), encoding),
  parse,
  fc,
  ...testing,
  answers,
  result: api.score("phq9", answers),
  qr: api.toQuestionnaireResponse("phq9", answers),
  body: "[0, 1, 2, 0, 1, 0, 0, 1, 0]",
  phq9Result: api.score("phq9", answers),
  gad7Result: api.score("gad7", [1, 1, 0, 2, 1, 0, 1]),
  // An async source of rows, as a file reader or database cursor gives them.
  readRows: () => ({
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: () =>
          Promise.resolve(i < cohort.length ? { value: cohort[i++], done: false } : { value: undefined, done: true }),
      };
    },
  }),
  log: () => undefined,
};
const quiet = { log: () => undefined, warn: () => undefined };
const names = [...Object.keys(api), ...Object.keys(fixtures), "console", "__check"];
const values = [...Object.values(api), ...Object.values(fixtures), quiet, check];

// Examples that only sketch a call, by file and first line, with why they are not run.
const sketches: Readonly<Record<string, string>> = {
  'src/batch/scorer.ts: const scorer = createBatchScorer({ instruments: ["phq9", "gad7"], header });':
    "rows of cells with a header of the reader's",
  "src/fhir/bundle.ts: const bundle = toTransactionBundle(": "posts to a FHIR server",
};
const sketchKey = (e: Example): string => `${e.where.replace(/:\d+$/, "")}: ${e.code.trim().split("\n")[0] ?? ""}`;

describe("code examples", () => {
  const all = [...tsdocExamples(), ...readmeExamples()];

  it("are found, and most of them check a value", () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.reduce((n, e) => n + instrument(e.code).checks, 0)).toBeGreaterThan(60);
  });

  it.each(all.map((e) => [e.where, e] as const))("%s", async (_, example) => {
    // Examples are TypeScript: checks are written in first (comments are still there), then types stripped.
    const { code } = transformSync(instrument(example.code).code, { loader: "ts", logLevel: "silent" });
    const AsyncFunction = (
      Object.getPrototypeOf(async function noop() {
        await Promise.resolve();
      }) as { constructor: FunctionConstructor }
    ).constructor;
    const run = (): Promise<void> =>
      (AsyncFunction(...names, code) as (...args: unknown[]) => Promise<void>)(...values);
    if (sketchKey(example) in sketches) {
      // A sketch must really not run as it stands; otherwise it belongs with the checked examples.
      await expect(run()).rejects.toThrow();
      return;
    }
    await run();
  });
});
