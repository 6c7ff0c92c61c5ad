import { defineConfig } from "tsup";
import { scoringFormsPlugin } from "./scripts/scoring-forms.js";

export default defineConfig([
  {
    // index: the full API; core: the engine alone, so an app that imports one definition bundles no other,
    // with the definitions' scoring-only forms (derived here from the full ones by the plugin).
    // testing: fast-check arbitraries for users' property tests (fast-check is an optional peer).
    entry: { index: "src/index.ts", core: "src/core.ts", testing: "src/testing/arbitraries.ts" },
    format: ["esm", "cjs"],
    target: "es2022",
    platform: "neutral",
    // tsup 8.5 injects baseUrl into the declaration build, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    // The two builds run at once: cleaning must not remove the command line's output.
    clean: ["!cli.js", "!cli.js.map"],
    sourcemap: true,
    esbuildPlugins: [scoringFormsPlugin(import.meta.dirname)],
  },
  {
    // The `stepscore` command: Node only, ESM, its CSV dependencies left as imports (never in index.*).
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    tsconfig: "src/cli/tsconfig.json",
    // One file: the report's modules stay in cli.js, evaluated only when `stepscore report` imports them (Vega
    // itself is imported only then), and no chunk is left for the other build's clean to remove.
    splitting: false,
    clean: false,
    sourcemap: true,
  },
]);
