// Every bundled instrument toSql compiles, scored by the SQL in duckdb and by the batch scorer: random valid,
// incomplete and invalid rows (cells as text and as numbers) give the same columns; so does every vector.
import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { duckdb } from "./engines.js";
import { checkVectors, compare, compiled, rowOf } from "./harness.js";

const engine = await duckdb();
afterAll(() => {
  engine.close();
});

describe.each(compiled.map((d) => [d.id, d] as const))("duckdb: %s", (_, def) => {
  for (const asText of [true, false]) {
    it(`scores ${asText ? "text" : "number"} cells as the batch scorer does`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(rowOf(def, asText), { minLength: 100, maxLength: 100 }), (rows) =>
          compare(engine, [def], rows, asText),
        ),
        { numRuns: 2, endOnFailure: true },
      );
    });
  }
});

it("duckdb: every vector in vectors/", { timeout: 180_000 }, async () => {
  expect(await checkVectors(engine)).toBeGreaterThan(100);
});
