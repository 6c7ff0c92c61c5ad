// CONTRIBUTING.md's walkthrough "Add an instrument" must stay true: its definition snippet is compiled as
// an instrument file would be (strict TypeScript against src/types.ts), built, validated, and scored on
// every line of its worked example and every vector it shows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { score, validateDefinition, type InstrumentDefinition } from "../src/index.js";

const root = join(import.meta.dirname, "..");
const guide = readFileSync(join(root, "CONTRIBUTING.md"), "utf8");

/** The text of a `## ` section, up to the next one. */
function section(title: string): string {
  const start = guide.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`CONTRIBUTING.md has no section "${title}"`);
  const next = guide.indexOf("\n## ", start + 1);
  return guide.slice(start, next < 0 ? undefined : next);
}

/** The fenced blocks of a language in a text, in order. */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1] ?? "");
}

const walkthrough = section("Add an instrument");
const [definition = "", worked = ""] = blocks(walkthrough, "ts");
const [vectorsText = "{}"] = blocks(walkthrough, "json");
const name = /export const (\w+) = \{/.exec(definition)?.[1] ?? "";

/** Type errors in the snippet, compiled as instruments/<name>.ts with the project's compiler options. */
function typeErrors(source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (config === undefined) throw new Error("tsconfig.json could not be read");
  const file = join(root, "instruments", `${name}.ts`);
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, version, ...rest) =>
    f === file ? ts.createSourceFile(f, source, version) : getSourceFile(f, version, ...rest);
  host.fileExists = (
    (exists) => (f: string) =>
      f === file || exists(f)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([file], config.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The snippet as a module: TypeScript stripped (its only import is a type), then imported. */
async function build(source: string): Promise<InstrumentDefinition> {
  const js = transformSync(source, { loader: "ts", format: "esm" }).code;
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<
    string,
    unknown
  >;
  return mod[name] as InstrumentDefinition;
}

describe("CONTRIBUTING.md: Add an instrument", () => {
  it("names the four things and the generated catalogue, and links the rule-kind guide", () => {
    for (const part of [
      "instruments/<id>.ts",
      "test/instruments/<id>.test.ts",
      "vectors/<id>.json",
      "instruments/index.ts",
      "src/catalogue.ts",
      "npm run docs:instruments",
    ]) {
      expect(walkthrough).toContain(part);
    }
    expect(section("Add a rule kind")).toContain("(docs/rule-kinds.md)");
  });

  it("shows a complete definition, a worked example and vectors", () => {
    expect(name).toMatch(/^[a-z][a-z0-9]*$/);
    expect(definition).toContain("satisfies InstrumentDefinition");
    expect(worked).toMatch(/; \/\/ /);
    expect((JSON.parse(vectorsText) as { instrument?: string }).instrument).toBe(name);
  });

  it("compiles as an instrument file (strict TypeScript, satisfies InstrumentDefinition)", () => {
    expect(typeErrors(definition)).toEqual([]);
  });

  it("is caught by the compiler when it breaks the model", () => {
    expect(typeErrors(definition.replace('method: "sum"', 'method: "total"'))).not.toEqual([]);
  });

  it("validates", async () => {
    expect(validateDefinition(await build(definition))).toEqual([]);
  });

  it("scores every line of the worked example as the guide says", async () => {
    const def = await build(definition);
    const lines = worked.split("\n").filter((l) => l.includes("; // "));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      // Each line is `score(<name>, [answers]).score` or `.band?.id`, then `; // <expected JSON>`.
      const m = /^score\((\w+), (\[.*\])\)\.(score|band\?\.id); \/\/ (.+)$/.exec(line.trim());
      expect(m, `a worked-example line the test can read: ${line}`).not.toBeNull();
      const [, who = "", answers = "[]", what = "", want = ""] = m ?? [];
      expect(who).toBe(name);
      const r = score(def, JSON.parse(answers) as (number | null)[]);
      expect(what === "score" ? r.score : (r.band?.id ?? undefined), line).toEqual(JSON.parse(want));
    }
  });

  it("holds every vector it shows", async () => {
    const def = await build(definition);
    const doc = JSON.parse(vectorsText) as {
      vectors: {
        name: string;
        answers: (number | null)[];
        expect: { score: number | null; band: string | null; method: string };
      }[];
    };
    expect(doc.vectors.length).toBeGreaterThan(0);
    for (const v of doc.vectors) {
      const r = score(def, v.answers);
      expect({ score: r.score, band: r.band?.id ?? null, method: r.method }, v.name).toEqual(v.expect);
    }
  });
});
