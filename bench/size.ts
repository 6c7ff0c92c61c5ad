// Bundle size: what an app pays for what it imports, and what dominates. The budgets themselves are
// checked by size-limit in `npm test` (.size-limit.json); this section reports the same bundles against
// the targets and breaks them down, from esbuild bundles of the built dist/ files (minified, gzip level 9).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";
import { scoringFormsPlugin } from "../scripts/scoring-forms.js";
import { instruments } from "../src/index.js";
import type { SectionResult } from "./measure.js";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const HEADING = "Bundle size";
const COUNT = Object.keys(instruments).length;

interface Bundle {
  readonly gzip: number;
  readonly minified: number;
  readonly metafile: Metafile;
}

async function bundle(dir: string, name: string, source: string, plugins: Plugin[] = []): Promise<Bundle> {
  const entry = join(dir, `${name}.mjs`);
  writeFileSync(entry, source);
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins,
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { gzip: gzipSync(code, { level: 9 }).length, minified: code.length, metafile: out.metafile };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** Minified bytes of the inputs of a bundle whose path passes `test`. */
function bytesOf(meta: Metafile, test: (path: string) => boolean): number {
  const output = Object.values(meta.outputs)[0];
  return Object.entries(output?.inputs ?? {}).reduce(
    (sum, [file, info]) => (test(file) ? sum + info.bytesInOutput : sum),
    0,
  );
}

/**
 * Minified bytes by part of the package, from the metafile of a bundle of the source (not dist). The
 * definitions are split into what scoring reads (measured as stepscore/core's scoring-only forms, `forms`
 * bytes) and the rest, their documentation.
 */
function parts(meta: Metafile, forms: number): [string, number][] {
  const groups = new Map<string, number>();
  const output = Object.values(meta.outputs)[0];
  for (const [file, info] of Object.entries(output?.inputs ?? {})) {
    const path = file.replace(/^.*?(?=(?:src|instruments|node_modules)\/)/, "");
    const group = path.startsWith("node_modules/zod")
      ? "zod (validating definitions and pathways)"
      : path.startsWith("instruments/")
        ? "definitions"
        : path.startsWith("src/stratify/")
          ? "stepped care (`stratify`, the default pathway with its sources)"
          : path === "src/progress.ts" || path === "src/outcomes.ts" || path === "src/dates.ts"
            ? "care over time (`progress`, cohort outcomes)"
            : path.startsWith("src/fhir/")
              ? "FHIR"
              : path === "src/batch.ts"
                ? "batch scoring"
                : path === "src/validate.ts"
                  ? "`validateDefinition` (its zod schemas)"
                  : path === "src/change.ts"
                    ? "`compareScores`"
                    : path.startsWith("src/")
                      ? "the engine (validation, missing rules, bands, flags, errors, registry)"
                      : "other";
    groups.set(group, (groups.get(group) ?? 0) + info.bytesInOutput);
  }
  const definitions = groups.get("definitions") ?? 0;
  groups.delete("definitions");
  groups.set(
    `the ${String(COUNT)} definitions: their documentation (citations, notes, change facts, item wording, option labels, LOINC codes, licences)`,
    definitions - forms,
  );
  groups.set(
    `the ${String(COUNT)} definitions: what scoring reads (items, scales, bands, flags, missing rules, custom scorers)`,
    forms,
  );
  return [...groups].sort((a, b) => b[1] - a[1]);
}

export async function sizeSection(): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), "stepscore-size-"));
  try {
    const core = JSON.stringify(join(dist, "core.js"));
    const index = JSON.stringify(join(dist, "index.js"));
    const one = await bundle(dir, "one", `import { score, phq9 } from ${core};\nconsole.log(score(phq9, []));\n`);
    const engine = await bundle(dir, "engine", `import { score } from ${core};\nconsole.log(score);\n`);
    const form = await bundle(dir, "form", `import { phq9 } from ${core};\nconsole.log(phq9);\n`);
    const full = await bundle(
      dir,
      "full",
      `import { score } from ${core};\nimport { phq9 } from ${index};\nconsole.log(score(phq9, []));\n`,
    );
    const byId = await bundle(dir, "byid", `import { score } from ${index};\nconsole.log(score);\n`);
    const whole = await bundle(dir, "whole", `export * from ${index};\n`);
    // The same whole entry from source, for a breakdown by module (dist/ has them in one chunk), and every
    // scoring-only form from source, to split the definitions into what scoring reads and the rest.
    const source = await bundle(dir, "source", `export * from ${JSON.stringify(join(root, "src", "index.ts"))};\n`);
    const allForms = await bundle(dir, "forms", `export * from ${JSON.stringify(join(root, "src", "core.ts"))};\n`, [
      scoringFormsPlugin(root),
    ]);
    const forms = bytesOf(
      allForms.metafile,
      (path) => path.startsWith("stepscore-scoring-forms:") || path.startsWith("stepscore-scorer:"),
    );
    const breakdown = parts(source.metafile, forms);
    const total = breakdown.reduce((a, [, b]) => a + b, 0);

    const limits = spawnSync(join(root, "node_modules", ".bin", "size-limit"), ["--json"], {
      cwd: root,
      encoding: "utf8",
    });
    const checked = (JSON.parse(limits.stdout || "[]") as { name: string; size: number; passed: boolean }[])
      .map((r) => `| ${r.name} | ${kB(r.size)} | ${r.passed ? "within budget" : "**over budget**"} |`)
      .join("\n");

    const oneTarget = 5000;
    const wholeTarget = 30000;
    const added = one.gzip - engine.gzip;
    const met = one.gzip <= oneTarget;
    const markdown = `## ${HEADING}

What an app pays, by what it imports: esbuild bundles of the built package (dist/), minified and gzipped
(level 9), zod included where it is reached. \`npm test\` checks the same bundles against budgets with
size-limit (.size-limit.json), so growth fails the build:

| size-limit budget (\`npm run size\`) | size | |
|---|---|---|
${checked}

| what you import | gzip | target | |
|---|---|---|---|
| \`score\` and \`phq9\` from \`stepscore/core\` | ${kB(one.gzip)} | ≤ 5 kB | ${met ? "met" : "**not met**"} |
| of which the engine (\`score\` from \`stepscore/core\` alone) | ${kB(engine.gzip)} | | |
| the PHQ-9's scoring-only form alone (\`phq9\` from \`stepscore/core\`) | ${kB(form.gzip)} | | |
| \`score\` from \`stepscore/core\` with the full \`phq9\` from \`stepscore\` | ${kB(full.gzip)} | | |
| \`score\` from \`stepscore\` (scoring by id reaches every definition) | ${kB(byId.gzip)} | | |
| everything in \`stepscore\` | ${kB(whole.gzip)} | ≤ 30 kB | ${whole.gzip <= wholeTarget ? "met" : "**not met**"} |

**One instrument** (${kB(one.gzip)}; target 5 kB, ${met ? "met" : "not met"}): \`stepscore/core\` exports each definition in a
scoring-only form, derived when the package is built from the full definition (scripts/scoring-forms.ts):
items, scales, bands, flags, missing-data rules and settings as scoring reads them, and a custom scorer
imported on its own, without the citations, notes, change facts, item wording, option labels, LOINC codes
and licence that the docs, FHIR and \`compareScores\` read. The PHQ-9's form adds ${kB(added)} to the engine's
${kB(engine.gzip)}, where the full definition adds ${kB(full.gzip - engine.gzip)}. ${
      met
        ? "The engine is most of what remains."
        : `The target is missed because of the engine alone (array and record input, four missing-data rules, range and rule bands, flags, custom scorers with the checks of their output and settings, and errors that name the item, the value and what is allowed): with the PHQ-9's form it fits once the engine is ${kB(oneTarget - added)} or less. The engine holds no words of the docs and no code of the unrolled loop; what remains is scoring and its messages. The checks of a custom scorer's output cannot be left to the definitions that need them: \`stepscore/core\`'s \`score\` also takes the full definitions and the caller's own, which would carry no reference to them.`
    }
The full definition stays the single source: a test builds the forms as the package build does and holds
each to its full definition, on the vectors and on random answers.

**The whole main entry** (${kB(whole.gzip)}; target 30 kB, ${whole.gzip <= wholeTarget ? "met" : "not met"}): apps that import names from it
get only what those names reach, so this is the price of \`import *\` or of a CDN build. By part, in
minified bytes before compression (${kB(total)} in all; the definitions split by the size of their
scoring-only forms):

| part | minified | share |
|---|---|---|
${breakdown
  .filter(([, bytes]) => bytes >= 50)
  .map(([name, bytes]) => `| ${name} | ${kB(bytes)} | ${((100 * bytes) / total).toFixed(0)} % |`)
  .join("\n")}

The definitions' documentation dominates: the main entry keeps it, since \`getInstrument\`, the FHIR
mappings, \`compareScores\` and the docs read it from the definitions. Then come stepped care (the default
pathway, whose every rule carries its source and reasoning), care over time, and zod, which only
\`validateDefinition\` and \`validatePathway\` (and \`stratify\` with a pathway of the caller's) use.
30 kB for everything would take the definitions' documentation, FHIR and batch scoring out of the main
entry into subpaths: changes to the shape of the public API, not made here.
`;
    return {
      markdown,
      targets: [
        {
          what: "`score` and `phq9` from `stepscore/core`, gzip",
          target: "≤ 5 kB",
          measured: kB(one.gzip),
          met,
          section: HEADING,
        },
        {
          what: "the whole main entry, gzip",
          target: "≤ 30 kB",
          measured: kB(whole.gzip),
          met: whole.gzip <= wholeTarget,
          section: HEADING,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
