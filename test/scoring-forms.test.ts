// stepscore/core's definitions are scoring-only forms derived at build time (scripts/scoring-forms.ts).
// These tests build src/core.ts as the package build does, with the same plugin, and hold every bundled
// instrument's scoring-only form to the full definition: the same results and errors, and no prose.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoringFormsPlugin } from "../scripts/scoring-forms.js";
import { instruments, safeScore, type InstrumentDefinition, type SafeScoreResult } from "../src/index.js";
import type * as Core from "../src/core.js";
import type * as Main from "../src/index.js";
import { answerSet, answerSetWithInvalid, toRecord } from "../src/testing/arbitraries.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "stepscore-core-"));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** An entry of the package built as tsup builds it (ESM, bundled, the scoring-forms plugin), then imported. */
async function built<T>(entry: string): Promise<T> {
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
    plugins: [scoringFormsPlugin(root)],
  });
  const file = join(tmp, `${entry.replace(/\W/g, "-")}.mjs`);
  writeFileSync(file, out.outputFiles[0]?.contents ?? "");
  return (await import(pathToFileURL(file).href)) as T;
}

let core: typeof Core;
/** The scoring-only form of each bundled instrument, by id. */
const forms = new Map<string, InstrumentDefinition>();
beforeAll(async () => {
  core = await built<typeof Core>("src/core.ts");
  for (const v of Object.values(core)) {
    if (typeof v === "object" && "items" in v) forms.set(v.id, v);
  }
}, 60_000);

const bundled = Object.values(instruments) as InstrumentDefinition[];

/** A result or error as plain data, so that results from the two builds (two copies of the classes) compare. */
function plain(r: SafeScoreResult): unknown {
  return r.success
    ? r
    : {
        success: false,
        instrument: r.error.instrument,
        message: r.error.message,
        issues: r.error.issues,
        hint: r.error.hint,
      };
}

/** Both forms scored alike, whatever the answers and options. */
function agree(def: InstrumentDefinition, answers: unknown, options?: Record<string, unknown>): void {
  const form = forms.get(def.id) as InstrumentDefinition;
  expect(plain(core.safeScore(form, answers, options as never))).toEqual(
    plain(safeScore(def, answers, options as never)),
  );
}

/** Every option a caller may pass to a definition: none, each missing-data rule, all opt-in flags, each setting flipped. */
function optionSets(def: InstrumentDefinition): (Record<string, unknown> | undefined)[] {
  const optIn = (def.flags ?? []).filter((f) => f.optIn === true).map((f) => f.id);
  return [
    undefined,
    ...(def.missingOptions ?? []).map((m) => ({ missing: m.id })),
    ...(optIn.length > 0 ? [{ flags: optIn }] : []),
    ...(def.settings ?? []).map((s) => ({ settings: { [s.id]: !s.default } })),
  ];
}

describe("stepscore/core's scoring-only definitions", () => {
  it("exist for every bundled instrument, and for nothing else", () => {
    expect([...forms.keys()].sort()).toEqual(bundled.map((d) => d.id).sort());
  });

  const vectorFiles = readdirSync(join(root, "vectors")).filter((f) => f.endsWith(".json"));
  it.each(vectorFiles)("score vectors/%s exactly as the full definition does", (file) => {
    const doc = JSON.parse(readFileSync(join(root, "vectors", file), "utf8")) as {
      instrument: string;
      vectors: { answers: unknown; options?: Record<string, unknown> }[];
    };
    const def = bundled.find((d) => d.id === doc.instrument) as InstrumentDefinition;
    expect(doc.vectors.length).toBeGreaterThan(0);
    for (const v of doc.vectors) {
      agree(def, v.answers, v.options);
      // The worked examples were chosen for their scores: they must score, under the scoring-only form too.
      expect(core.safeScore(forms.get(def.id) as InstrumentDefinition, v.answers, v.options as never).success).toBe(
        true,
      );
    }
  });

  it.each(bundled.map((d) => [d.id, d] as const))(
    "%s: agree on random answers, missing and invalid ones, arrays and records, under every option",
    (_, def) => {
      const options = optionSets(def);
      const answers = fc.oneof(
        answerSet(def, { missingRate: 0.2 }),
        answerSet(def, { missingRate: 0.6 }),
        answerSetWithInvalid(def).map((w) => w.answers),
      );
      fc.assert(
        fc.property(answers, fc.boolean(), fc.constantFrom(...options), (a, asRecord, o) => {
          agree(def, asRecord ? toRecord(def, a) : a, o);
        }),
        { numRuns: 150 },
      );
    },
  );

  it.each(bundled.map((d) => [d.id, d] as const))(
    "%s: carry no citations, notes, change facts, wording or licence",
    (_, def) => {
      const form = forms.get(def.id) as InstrumentDefinition;
      const text = JSON.stringify(form);
      for (const c of Object.values(def.references)) expect(text).not.toContain(JSON.stringify(c.text).slice(1, -1));
      for (const it of def.items)
        if (it.text !== undefined) expect(text).not.toContain(JSON.stringify(it.text).slice(1, -1));
      const top = [
        "id",
        "shortTitle",
        "version",
        "items",
        "score",
        "subscales",
        "flags",
        "missingOptions",
        "settings",
        "skips",
        "compute",
      ];
      for (const key of Object.keys(form)) expect(top).toContain(key);
      for (const item of form.items) {
        expect(item).not.toHaveProperty("label");
        expect(item).not.toHaveProperty("text");
        expect(item).not.toHaveProperty("loinc");
        for (const o of "options" in item ? item.options : [])
          expect(Object.keys(o).filter((k) => k !== "value" && k !== "score")).toEqual([]);
      }
      for (const s of [form.score, ...(form.subscales ?? [])])
        if (s !== null) expect(Object.keys(s)).not.toContain("source");
      expect(text.length).toBeLessThan(JSON.stringify(def).length / 2);
    },
  );

  it("keep every flag as the full definition declares it but its source, the urgent safety signal included", () => {
    for (const def of bundled) {
      const form = forms.get(def.id) as InstrumentDefinition;
      const unsourced = (def.flags ?? []).map((f) =>
        Object.fromEntries(Object.entries(f).filter(([k]) => k !== "source")),
      );
      expect(form.flags ?? [], def.id).toEqual(unsourced);
    }
    const phq9 = forms.get("phq9") as InstrumentDefinition;
    expect(phq9.flags?.find((f) => f.id === "self-harm")?.urgent).toBe(true);
  });

  it("say what to import when a left-out field is read", () => {
    const form = forms.get("phq9") as InstrumentDefinition;
    expect(() => form.title).toThrow(
      'phq9 from "stepscore/core" is the scoring-only form and has no title: import phq9 from "stepscore"',
    );
    expect(() => form.references).toThrow(/has no references/);
    expect(() => form.change).toThrow(/has no change/);
  });

  it("leave the main entry's definitions whole", async () => {
    const main = await built<typeof Main>("src/index.ts");
    expect(main.phq9.title).toBe("Patient Health Questionnaire-9");
    expect(JSON.stringify(main.phq9)).toEqual(JSON.stringify(instruments.phq9));
  }, 60_000);
});
