// Writes src/catalogue.ts from instruments/index.ts, so that adding an instrument is one line in the index.
// It imports nothing from src/ (whose registry reads the catalogue), so it runs even when the catalogue is
// stale. `tsx scripts/catalogue.ts` writes it; `--check` exits 1 when it is out of date. Run first by
// `npm run docs:instruments` and `npm run docs:check`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * src/catalogue.ts: the bundled definitions by id, in the order of the instrument index's lines. Generated
 * rather than built from `import * as` the index, because a bundler keeps a module namespace object, and
 * with it every definition, in any bundle that imports a single one.
 */
export function renderCatalogue(index: string): string {
  const ids = [...index.matchAll(/^export \{ (\w+) \} from "\.\/[\w-]+\.js";$/gm)].map((m) => m[1] as string);
  if (ids.length === 0) throw new Error('instruments/index.ts has no `export { id } from "./id.js";` lines');
  const list = ids.map((id) => `  ${id},`).join("\n");
  return [
    "// Generated from instruments/index.ts by `npm run docs:instruments` (scripts/docs.ts); do not edit. The",
    "// bundled definitions by id, in the index's order: written out, because a module namespace object would",
    "// keep every definition in any bundle that imports a single one.",
    "import {",
    list,
    '} from "../instruments/index.js";',
    "",
    "/** The bundled definitions by id, in the instrument index's order (src/registry.ts types and exports it). */",
    "export const catalogue = {",
    list,
    "} as const;",
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(root, "src/catalogue.ts");
  const content = renderCatalogue(readFileSync(join(root, "instruments/index.ts"), "utf8"));
  const current = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (current !== content) {
    if (process.argv.includes("--check")) {
      console.error("out of date: src/catalogue.ts\nrun `npm run docs:instruments` to regenerate");
      process.exit(1);
    }
    writeFileSync(file, content);
    console.log("wrote src/catalogue.ts");
  }
}
