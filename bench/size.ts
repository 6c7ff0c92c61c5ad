// Bundle size: what an app pays for what it imports, and what dominates. The budgets themselves are
// checked by size-limit in `npm test` (.size-limit.json); this section reports the same bundles against
// the targets and breaks them down, from esbuild bundles of the built dist/ files (minified, gzip level 9).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { phq9 } from "../src/index.js";
import type { SectionResult } from "./measure.js";

const root = join(import.meta.dirname, "..");
const dist = join(root, "dist");
const HEADING = "Bundle size";

interface Bundle {
  readonly gzip: number;
  readonly minified: number;
  readonly metafile: Metafile;
}

async function bundle(dir: string, name: string, source: string): Promise<Bundle> {
  const entry = join(dir, `${name}.mjs`);
  writeFileSync(entry, source);
  const out = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent" });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { gzip: gzipSync(code, { level: 9 }).length, minified: code.length, metafile: out.metafile };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** Minified bytes by part of the package, from the metafile of a bundle of the source (not dist). */
function parts(meta: Metafile): [string, number][] {
  const groups = new Map<string, number>();
  const output = Object.values(meta.outputs)[0];
  for (const [file, info] of Object.entries(output?.inputs ?? {})) {
    const path = file.replace(/^.*?(?=(?:src|instruments|node_modules)\/)/, "");
    const group = path.startsWith("node_modules/zod")
      ? "zod (validating definitions and pathways)"
      : path.startsWith("instruments/")
        ? "the 20 instrument definitions"
        : path.startsWith("src/stratify/")
          ? "stepped care (`stratify`, the default pathway with its sources)"
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
  return [...groups].sort((a, b) => b[1] - a[1]);
}

/** The PHQ-9 definition as the engine reads it: without its references, notes and change facts. */
function scoringData(): string {
  const documentation = new Set(["references", "notes", "change"]);
  return JSON.stringify({ ...Object.fromEntries(Object.entries(phq9).filter(([key]) => !documentation.has(key))), references: {} });
}

export async function sizeSection(): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), "stepscore-size-"));
  try {
    const core = join(dist, "core.js");
    const index = join(dist, "index.js");
    const one = await bundle(dir, "one", `import { score } from ${JSON.stringify(core)};\nimport { phq9 } from ${JSON.stringify(index)};\nconsole.log(score(phq9, []));\n`);
    const engine = await bundle(dir, "engine", `import { score } from ${JSON.stringify(core)};\nconsole.log(score);\n`);
    const lean = await bundle(dir, "lean", `import { score } from ${JSON.stringify(core)};\nconsole.log(score(${scoringData()}, []));\n`);
    const byId = await bundle(dir, "byid", `import { score } from ${JSON.stringify(index)};\nconsole.log(score);\n`);
    const whole = await bundle(dir, "whole", `export * from ${JSON.stringify(index)};\n`);
    // The same whole entry from source, for a breakdown by module (dist/ has them in one chunk).
    const source = await bundle(dir, "source", `export * from ${JSON.stringify(join(root, "src", "index.ts"))};\n`);
    const breakdown = parts(source.metafile);
    const total = breakdown.reduce((a, [, b]) => a + b, 0);

    const limits = spawnSync(join(root, "node_modules", ".bin", "size-limit"), ["--json"], { cwd: root, encoding: "utf8" });
    const checked = (JSON.parse(limits.stdout || "[]") as { name: string; size: number; passed: boolean }[])
      .map((r) => `| ${r.name} | ${kB(r.size)} | ${r.passed ? "within budget" : "**over budget**"} |`)
      .join("\n");

    const oneTarget = 5000;
    const wholeTarget = 30000;
    const docs = one.gzip - lean.gzip;
    const markdown = `## ${HEADING}

What an app pays, by what it imports: esbuild bundles of the built package (dist/), minified and gzipped
(level 9), zod included where it is reached. \`npm test\` checks the same bundles against budgets with
size-limit (.size-limit.json), so growth fails the build:

| size-limit budget (\`npm run size\`) | size | |
|---|---|---|
${checked}

| what you import | gzip | target | |
|---|---|---|---|
| \`score\` from \`stepscore/core\` with \`phq9\` | ${kB(one.gzip)} | ≤ 5 kB | ${one.gzip <= oneTarget ? "met" : "**not met**"} |
| of which the engine (\`score\` from \`stepscore/core\` alone) | ${kB(engine.gzip)} | | |
| \`score\` from \`stepscore/core\` with the PHQ-9's scoring data only (its items with wording and LOINC codes, scale, bands, flag, missing rules, licence; no references, notes or change facts) | ${kB(lean.gzip)} | | |
| \`score\` from \`stepscore\` (scoring by id reaches every definition) | ${kB(byId.gzip)} | | |
| everything in \`stepscore\` | ${kB(whole.gzip)} | ≤ 30 kB | ${whole.gzip <= wholeTarget ? "met" : "**not met**"} |

**One instrument** (${kB(one.gzip)}; target 5 kB, ${one.gzip <= oneTarget ? "met" : "not met"}): the engine is ${kB(engine.gzip)} and the PHQ-9
definition the rest. ${kB(docs)} of the definition is its documentation: the full citations with the
notes that say what each source supports, the notes on where sources disagree, and the change facts
(MCIDs, reliable change, response and remission, each with its source). Without them the same import
would be ${kB(lean.gzip)}, still over 5 kB: the engine alone (array and record input, four missing-data rules,
range and rule bands, flags, custom scorers, and errors that name the item, the value and what is allowed)
is most of the budget. Keeping the documentation in the definition is deliberate: one object is the
single source of every rule and its citation, and the docs, FHIR resources, \`compareScores\` and
\`validateDefinition\` all read it. Moving it to a separate module would save the ${kB(docs)} at the
cost of a second place to keep in step.

**The whole main entry** (${kB(whole.gzip)}; target 30 kB, ${whole.gzip <= wholeTarget ? "met" : "not met"}): apps that import names from it
get only what those names reach, so this is the price of \`import *\` or of a CDN build. By part, in
minified bytes before compression (${kB(total)} in all):

| part | minified | share |
|---|---|---|
${breakdown.filter(([, bytes]) => bytes >= 50).map(([name, bytes]) => `| ${name} | ${kB(bytes)} | ${((100 * bytes) / total).toFixed(0)} % |`).join("\n")}

The definitions dominate, and within them the documentation described above; then zod, which only
\`validateDefinition\` and \`validatePathway\` (and \`stratify\` with a pathway of the caller's) use, and
the default pathway, whose every rule carries its source and reasoning. The engine proper, including the
scorer generator of the main entry, is a small part. 30 kB for everything would take the definitions'
documentation out of the definitions and FHIR and batch scoring out of the main entry into subpaths:
changes to the shape of the public API, not made here.
`;
    return {
      markdown,
      targets: [
        {
          what: "`score` from `stepscore/core` with `phq9`, gzip",
          target: "≤ 5 kB",
          measured: kB(one.gzip),
          met: one.gzip <= oneTarget,
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
