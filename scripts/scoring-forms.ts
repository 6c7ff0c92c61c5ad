// The scoring-only form of each bundled definition, derived at build time from the full one so that the
// full definition stays the single source. `stepscore/core` re-exports the instrument index; when the
// package is built, `scoringFormsPlugin` hands src/core.ts a generated module in its place, whose
// definitions keep only what scoring reads. An app that imports `score` and `phq9` from `stepscore/core`
// then bundles no citations, notes, change facts, item wording or licence text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/**
 * What scoring reads of a definition: `true` keeps a value whole, an object keeps only the keys it
 * names (in arrays, of every element). Everything else is prose for people, the docs, FHIR and
 * `compareScores`. The engine's reads (compile.ts, answers.ts, missing.ts, conditions.ts, engine.ts)
 * decide this list; the test in test/scoring-forms.test.ts fails if scoring needs a key it drops.
 */
export type Shape = true | { readonly [key: string]: Shape };

/** A missing-data rule: its kind and numbers, and the `computed` kind's description (reasons quote it). */
const RULE: Shape = { kind: true, maxMissing: true, rounding: true, minAnswered: true, description: true };

/** A scale: its label is in reasons; bands report id and label; a table scale scores by its rows. */
const SCALE: Shape = {
  id: true,
  label: true,
  items: true,
  method: true,
  range: true,
  missing: RULE,
  bands: { id: true, label: true, min: true, max: true, when: true },
  rules: true,
  table: true,
};

/** The keys of a definition that scoring reads, and of its parts. */
export const SCORING_SHAPE: Shape = {
  id: true,
  shortTitle: true,
  version: true,
  items: {
    id: true,
    kind: true,
    optional: true,
    reversed: true,
    min: true,
    max: true,
    integer: true,
    options: { value: true, score: true },
  },
  score: SCALE,
  subscales: SCALE,
  flags: { id: true, label: true, message: true, when: true, settings: true, optIn: true, urgent: true },
  missingOptions: { id: true, rule: RULE, notAsked: true },
  settings: { id: true, type: true, values: true, default: true },
  skips: { when: true, items: true, counts: true, ifAnswered: true },
  compute: true,
};

/** `value` with only the keys `shape` keeps; a new value, never the input. */
export function keep(value: unknown, shape: Shape): unknown {
  if (shape === true || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v: unknown) => keep(v, shape));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(shape)) {
    if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined) {
      out[key] = keep((value as Record<string, unknown>)[key], sub);
    }
  }
  return out;
}

/** The scoring-only form of a definition: the keys of {@link SCORING_SHAPE}, nothing else. */
export function scoringForm(def: object): Record<string, unknown> {
  return keep(def, SCORING_SHAPE) as Record<string, unknown>;
}

/** A bundled definition as the build finds it: its export name and where its `compute` can be imported. */
interface Found {
  readonly name: string;
  readonly def: Record<string, unknown>;
  /** The module and export to import `compute` from, when the definition has one. */
  readonly scorer: { readonly file: string; readonly exported: string | null; readonly local: string } | null;
}

function isDefinition(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { id?: unknown }).id === "string" &&
    Array.isArray((v as { items?: unknown }).items)
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Loads every module under instruments/ (bundled by esbuild, so in one run they share their values) and
 * finds the index's definitions, and for each `compute` the module that exports it or, failing that, the
 * module that defines the definition (the function is then exported from it under a new name at build).
 */
async function findDefinitions(root: string): Promise<Found[]> {
  const dir = join(root, "instruments");
  const files = sourceFiles(dir);
  const index = join(dir, "index.ts");
  const entry = [
    `export * as index from ${JSON.stringify(index)};`,
    ...files.map((f, i) => `export * as m${String(i)} from ${JSON.stringify(f)};`),
  ].join("\n");
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const tmp = mkdtempSync(join(tmpdir(), "stepscore-forms-"));
  let loaded: Record<string, Record<string, unknown>>;
  try {
    const file = join(tmp, "instruments.mjs");
    writeFileSync(file, out.outputFiles[0]?.contents ?? "");
    loaded = (await import(pathToFileURL(file).href)) as Record<string, Record<string, unknown>>;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const modules = files.map((file, i) => ({ file, ns: loaded[`m${String(i)}`] ?? {} }));
  return Object.entries(loaded.index ?? {}).map(([name, def]): Found => {
    if (!isDefinition(def)) {
      // stepscore/core re-exports the whole index: an export it cannot derive would be missing from the build.
      throw new Error(
        `instruments/index.ts exports "${name}", which is not a definition; stepscore/core re-exports the index and has no scoring-only form for it`,
      );
    }
    const compute = def.compute;
    if (compute === undefined) return { name, def, scorer: null };
    if (typeof compute !== "function") throw new Error(`${name}: compute is ${typeof compute}, not a function`);
    for (const m of modules) {
      const exported = Object.keys(m.ns).find((k) => m.ns[k] === compute);
      if (exported !== undefined) return { name, def, scorer: { file: m.file, exported, local: exported } };
    }
    // The module that exports the definition and declares (or imports) the function by its name.
    const local = compute.name;
    const declares = new RegExp(
      `(?:function\\s*\\*?\\s*|(?:const|let|var)\\s+|import\\s[^;]*)\\b${local.replace(/\$/g, "\\$")}\\b`,
    );
    const home =
      /^[A-Za-z_$][\w$]*$/.test(local) && local !== "compute"
        ? modules.find((m) => Object.values(m.ns).includes(def) && declares.test(readFileSync(m.file, "utf8")))
        : undefined;
    if (home === undefined) {
      throw new Error(
        `${name}: its compute must be a named function declared at the top of its module (or exported), so that the scoring-only form can import it without the definition's prose`,
      );
    }
    return { name, def, scorer: { file: home.file, exported: null, local } };
  });
}

/** JavaScript source for a value of a definition; `fn` names the one function it may hold (`compute`). */
function literal(v: unknown, fn: string | null, at: string): string {
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`${at} is ${String(v)}: definitions hold finite numbers only`);
    // String(v) reads back as the same double; -0 needs its sign spelt out.
    return Object.is(v, -0) ? "-0" : String(v);
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") {
    if (fn === null) throw new Error(`${at} is a function; only compute may be one`);
    return fn;
  }
  if (Array.isArray(v)) return `[${v.map((x: unknown, i) => literal(x, null, `${at}[${String(i)}]`)).join(",")}]`;
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => {
      // A literal "__proto__" key would set the prototype instead of a property.
      const key = k === "__proto__" ? `["__proto__"]` : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
      // Only the definition's own `compute` may be a function (fn is null below the top level).
      return `${key}:${literal(x, k === "compute" ? fn : null, `${at}.${k}`)}`;
    });
    return `{${entries.join(",")}}`;
  }
  throw new Error(`${at} is a ${typeof v}, which a definition cannot hold`);
}

/** Top-level keys of full definitions that the scoring-only forms leave out. */
function dropped(defs: readonly Found[]): string[] {
  const kept = new Set(Object.keys(SCORING_SHAPE as Record<string, Shape>));
  return [...new Set(defs.flatMap((d) => Object.keys(d.def)))].filter((k) => !kept.has(k)).sort();
}

/** The namespace of the virtual modules that export a definition module's unexported `compute`. */
const SCORER = "stepscore-scorer";
/** The namespace of the generated module of scoring-only forms. */
const FORMS = "stepscore-scoring-forms";

/**
 * The generated module: one `export const <name>` per definition of the instrument index, its scoring-only
 * form. Each object's prototype turns a read of a left-out field (`title`, `references`, `change` …)
 * into an error saying to import the full definition from "stepscore", so that passing a scoring-only
 * form to `toQuestionnaire` or `compareScores` fails plainly instead of working from missing data.
 */
export async function scoringFormsModule(root: string): Promise<string> {
  const defs = await findDefinitions(root);
  const lines = ["// Generated by scripts/scoring-forms.ts at build time from instruments/: the scoring-only forms."];
  for (const d of defs) {
    if (d.scorer === null) continue;
    const from = d.scorer.exported === null ? `${SCORER}:${d.scorer.file}#${d.scorer.local}` : d.scorer.file;
    lines.push(`import { ${d.scorer.exported ?? "compute"} as ${d.name}$compute } from ${JSON.stringify(from)};`);
  }
  lines.push(
    "function guard(keys) {",
    "  const g = {};",
    "  for (const k of keys) Object.defineProperty(g, k, { get() {",
    '    throw new Error(`${this.id} from "stepscore/core" is the scoring-only form and has no ${k}: import ${this.id} from "stepscore" for the full definition`);',
    "  } });",
    "  return g;",
    "}",
    `const prose = /* @__PURE__ */ guard(${JSON.stringify(dropped(defs))});`,
  );
  for (const d of defs) {
    const body = literal(scoringForm(d.def), d.scorer === null ? null : `${d.name}$compute`, d.name);
    lines.push(`export const ${d.name} = /* @__PURE__ */ Object.setPrototypeOf(${body}, prose);`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The esbuild plugin (for tsup) that gives src/core.ts the scoring-only forms in place of the instrument
 * index. The main entry and every other importer of the index keep the full definitions.
 */
export function scoringFormsPlugin(root: string): Plugin {
  const core = resolve(root, "src", "core.ts");
  let generated: Promise<string> | undefined;
  return {
    name: "stepscore-scoring-forms",
    setup(b) {
      b.onResolve({ filter: /\/instruments\/index\.js$/ }, (args) =>
        resolve(args.importer) === core ? { path: "scoring-forms", namespace: FORMS, sideEffects: false } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: FORMS }, async () => {
        generated ??= scoringFormsModule(root);
        return { contents: await generated, loader: "js", resolveDir: join(root, "src") };
      });
      b.onResolve({ filter: new RegExp(`^${SCORER}:`) }, (args) => ({
        path: args.path.slice(SCORER.length + 1),
        namespace: SCORER,
        sideEffects: false,
      }));
      // The definition's module, exporting its compute function under a name the generated module imports.
      b.onLoad({ filter: /.*/, namespace: SCORER }, (args) => {
        const [file = "", local = ""] = args.path.split("#");
        return {
          contents: `${readFileSync(file, "utf8")}\nexport { ${local} as compute };\n`,
          loader: "ts",
          resolveDir: dirname(file),
        };
      });
    },
  };
}
