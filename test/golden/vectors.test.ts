// Conformance vectors (vectors/<id>.json): published worked examples and cut-off boundaries, with the
// expected results written from the sources. Every vector must hold.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInstrumentId, score } from "../../src/index.js";

interface Vector {
  name: string;
  source: string;
  answers: unknown;
  options?: Record<string, unknown>;
  expect: {
    score?: number | null;
    band?: string | null;
    flags?: string[];
    subscales?: Record<string, number | null>;
    method?: string | null;
  };
}

const dir = join(import.meta.dirname, "..", "..", "vectors");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe.each(files)("vectors/%s", (file) => {
  const doc = JSON.parse(readFileSync(join(dir, file), "utf8")) as { instrument: string; vectors: Vector[] };
  it("names a bundled instrument and cites a source for every vector", () => {
    expect(isInstrumentId(doc.instrument)).toBe(true);
    expect(file).toBe(`${doc.instrument}.json`);
    for (const v of doc.vectors) expect(v.source).toMatch(/\S/);
  });
  it.each(doc.vectors.map((v) => [v.name, v] as const))("%s", (_, v) => {
    const r = score(doc.instrument as never, v.answers as never, v.options as never);
    const e = v.expect;
    if ("score" in e) {
      if (e.score === null || e.score === undefined) expect(r.score).toBeNull();
      else expect(r.score).toBeCloseTo(e.score, 9);
    }
    if ("band" in e) expect(r.band?.id ?? null).toBe(e.band);
    if ("flags" in e) expect(r.flags.map((f) => f.id)).toEqual(e.flags);
    if ("method" in e) expect(r.method).toBe(e.method);
    for (const [k, s] of Object.entries(e.subscales ?? {})) {
      const got = (r.subscales as Record<string, number | null>)[k];
      if (s === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(s, 9);
    }
  });
});
