// The layout's rules, as the project's lint config states them: each forbidden import is reported where the
// layout forbids it, and the same import is allowed where the layout allows it. Snippets are linted in memory
// under the path they would have; type-aware rules are off here (the snippets are not files of the project).
import { join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const LAYOUT_RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

/** The layout rules' messages for `code` as the file at `path`. */
async function layoutProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  // A parse error or an ignored path would report nothing from the layout rules and so prove nothing.
  expect((result?.messages ?? []).filter((m) => m.ruleId === null)).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYOUT_RULES.has(m.ruleId)).map((m) => m.message);
}

describe("lint: Node built-ins only in the command line", () => {
  it.each([
    ["src/example.ts", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n'],
    ["src/example.ts", 'import { join } from "path";\nexport const j = join;\n'],
    ["src/stratify/example.ts", 'export { readFile } from "fs/promises";\n'],
    ["src/example.ts", 'import type { Stats } from "node:fs";\nexport type S = Stats;\n'],
    ["src/example.ts", 'export const load = () => import("node:fs");\n'],
    ["src/index.ts", 'import { createHash } from "node:crypto";\nexport const h = createHash;\n'],
    ["src/testing/example.ts", 'import process from "node:process";\nexport const p = process;\n'],
    ["instruments/example.ts", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n'],
  ])("reports a Node import in %s", async (path, code) => {
    const problems = await layoutProblems(path, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Node built-ins are for src\/cli\/ only/);
  });

  it.each(["src/cli/example.ts", "scripts/example.ts", "bench/example.ts", "test/example.test.ts"])(
    "allows it in %s",
    async (path) => {
      expect(
        await layoutProblems(path, 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n'),
      ).toEqual([]);
      expect(await layoutProblems(path, 'import { join } from "path";\nexport const j = join;\n')).toEqual([]);
    },
  );

  it("does not take a package whose name starts like a built-in for one", async () => {
    expect(
      await layoutProblems(
        "src/example.ts",
        'import * as z from "zod/mini";\nimport { x } from "./fsx.js";\nexport const y = [z, x];\n',
      ),
    ).toEqual([]);
  });
});

describe("lint: src/ reads the instruments only through their index", () => {
  it.each([
    ["src/example.ts", "../instruments/phq9.js"],
    ["src/example.ts", "../instruments/shared/phq.js"],
    ["src/stratify/example.ts", "../../instruments/gad7.js"],
    ["src/cli/example.ts", "../../instruments/phq9.js"],
  ])("reports %s importing %s", async (path, from) => {
    const problems = await layoutProblems(path, `import { x } from "${from}";\nexport const y = x;\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/only through instruments\/index\.ts/);
  });

  it.each([
    ["src/example.ts", "../instruments/index.js"],
    ["src/stratify/example.ts", "../../instruments/index.js"],
    ["src/cli/example.ts", "../../instruments/index.js"],
    ["test/example.test.ts", "../instruments/phq9.js"],
    ["scripts/example.ts", "../instruments/shared/phq.js"],
    ["instruments/example.ts", "./shared/phq.js"],
  ])("allows %s importing %s", async (path, from) => {
    expect(await layoutProblems(path, `import { x } from "${from}";\nexport const y = x;\n`)).toEqual([]);
  });
});

describe("lint: nothing but the command line imports it", () => {
  it.each([
    ["src/index.ts", 'export { main } from "./cli/main.js";\n'],
    ["src/core.ts", 'import "./cli/catalogue.js";\n'],
    ["src/testing/arbitraries.ts", 'import { x } from "../cli/helpers.js";\nexport const y = x;\n'],
    ["src/stratify/example.ts", 'import { x } from "../cli/helpers.js";\nexport const y = x;\n'],
    ["instruments/example.ts", 'import { x } from "../src/cli/helpers.js";\nexport const y = x;\n'],
  ])("reports %s importing the command line", async (path, code) => {
    const problems = await layoutProblems(path, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Only the command line imports src\/cli\//);
  });

  it("allows the command line its own modules, and a module whose name only starts with cli", async () => {
    expect(
      await layoutProblems("src/cli/main.ts", 'import { x } from "./catalogue.js";\nexport const y = x;\n'),
    ).toEqual([]);
    expect(await layoutProblems("src/index.ts", 'import { x } from "./clinic.js";\nexport const y = x;\n')).toEqual([]);
  });
});
