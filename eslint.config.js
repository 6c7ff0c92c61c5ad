import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import { builtinModules } from "node:module";
import tseslint from "typescript-eslint";

// What the layout forbids, as import rules (test/lint.test.ts shows each one fires). The library (src/ and
// instruments/) runs in browsers and workers, so only the command line (src/cli/) may use Node; the
// instruments are read through their index; and nothing but the command line imports it.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const nodeBuiltins = {
  regex: `^(node:.*|(${builtinModules.map(escape).join("|")})(/.*)?)$`,
  message: "Node built-ins are for src/cli/ only: the library runs in browsers and workers too.",
};
const instrumentFiles = {
  regex: "(^|/)instruments/(?!index\\.[jt]s$)",
  message: "src/ reads the instruments only through instruments/index.ts.",
};
const commandLine = {
  regex: "^\\.{1,2}/(.*/)?cli(/|$)",
  message: "Only the command line imports src/cli/: the library and its browser-facing entries never do.",
};

export default defineConfig(
  { ignores: ["dist", "docs", "coverage", "test-output", "node_modules", ".tmp"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.config.ts", "*.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/**/*.ts", "instruments/**/*.ts"],
    ignores: ["src/cli/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [nodeBuiltins, instrumentFiles, commandLine] }],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression[source.value=/^node:/]", message: nodeBuiltins.message },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [instrumentFiles] }] },
  },
  {
    files: ["test/**", "bench/**", "scripts/**", "examples/**"],
    rules: {
      // Tests feed deliberately wrong values through casts and read fields they just asserted exist.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unnecessary-condition": "off",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], extends: [tseslint.configs.disableTypeChecked] },
  {
    files: ["examples/browser/**/*.js"],
    languageOptions: { globals: { document: "readonly", FormData: "readonly", Option: "readonly" } },
  },
);
