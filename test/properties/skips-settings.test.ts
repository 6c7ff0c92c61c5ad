import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit, auditc, pcptsd5, phq15, safeScore, type InstrumentDefinition } from "../../src/index.js";
import { referenceScore } from "../helpers/reference.js";

// The engine against the reference scorer (written from the model's TSDoc) on the definitions with skip
// rules and enumerated settings, under every sex setting and each missing option.
const defs: readonly InstrumentDefinition[] = [auditc, audit, phq15, pcptsd5];

function answers(def: InstrumentDefinition): fc.Arbitrary<(number | null)[]> {
  return fc.tuple(
    ...def.items.map((it) =>
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        {
          weight: 4,
          arbitrary: fc.constantFrom(...("options" in it ? it.options.map((o) => o.value) : [0])),
        },
        // The gates at 0 often, so the skip rules fire.
        { weight: 2, arbitrary: fc.constant(0) },
      ),
    ),
  );
}

describe("skip rules and settings: engine and reference scorer agree", () => {
  for (const def of defs) {
    it(def.id, () => {
      const options = [
        undefined,
        ...(def.settings ?? []).flatMap((s) =>
          s.type === "enum" ? s.values.map((v) => ({ settings: { [s.id]: v } })) : [],
        ),
        ...(def.missingOptions ?? []).map((m) => ({ missing: m.id, settings: { sex: "male" } })),
      ];
      fc.assert(
        fc.property(answers(def), fc.constantFrom(...options), (a, o) => {
          const got = safeScore(def, a, o as never);
          const ref = referenceScore(def, a, o);
          if (!ref.valid) {
            expect(got.success).toBe(false);
            if (!got.success) expect(got.error.issues.map((i) => i.item)).toEqual(ref.issues);
            return;
          }
          expect(got.success).toBe(true);
          if (!got.success) return;
          const r = got.data;
          expect(r.score).toBe(ref.result.score);
          expect(r.method).toBe(ref.result.method);
          expect(r.band?.id ?? null).toBe(ref.result.band);
          expect(r.flags.map((f) => f.id)).toEqual(ref.result.flags);
          expect(r.missing).toEqual(ref.result.missing);
          expect(r.subscales).toEqual(ref.result.subscales);
          expect(r.reason !== null).toBe(ref.result.hasReason);
          expect(r.answers).toEqual(ref.result.answers);
        }),
        { numRuns: 300 },
      );
    });
  }
});
