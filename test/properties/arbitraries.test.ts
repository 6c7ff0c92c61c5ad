// The arbitraries of `stepscore/testing` keep their promises on any definition the model allows, generated
// ones included: valid values are valid, invalid ones invalid, and the definition options narrow what is made.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstrumentDefinition, Item, Scale } from "../../src/index.js";
import {
  definition,
  definitionWithAnswers,
  invalidItemValue,
  itemValue,
  scoreOptions,
  type DefinitionOptions,
} from "../../src/testing/arbitraries.js";
import { allowed } from "../helpers/reference.js";

const scalesOf = (def: InstrumentDefinition): Scale[] => [
  ...(def.score === null ? [] : [def.score]),
  ...(def.subscales ?? []),
];

/** An item of a generated definition, with the definition. */
const anyItem = definition().chain((def) => fc.constantFrom(...def.items));

describe("stepscore/testing on generated definitions", () => {
  it("itemValue gives only allowed values", () => {
    fc.assert(
      fc.property(
        anyItem.chain((item) => fc.tuple(fc.constant(item), itemValue(item))),
        ([item, v]) => {
          expect(allowed(item, v)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("invalidItemValue gives only values the item does not allow, also for half-point options and bounds", () => {
    fc.assert(
      fc.property(
        anyItem.chain((item) => fc.tuple(fc.constant(item), invalidItemValue(item))),
        ([item, v]) => {
          expect(allowed(item, v), `${JSON.stringify(item)} accepts ${String(v)}`).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("invalidItemValue on options 0, 0.5, 1 and on a number item from 0.5 to 2.5 never gives an allowed value", () => {
    const halves: Item = {
      id: "1",
      label: "Item 1",
      options: [0, 0.5, 1].map((value) => ({ value, label: String(value) })),
    };
    const bounds: Item = { id: "2", label: "Item 2", kind: "number", min: 0.5, max: 2.5, integer: false };
    for (const item of [halves, bounds]) {
      for (const v of fc.sample(invalidItemValue(item), 300)) expect(allowed(item, v), String(v)).toBe(false);
    }
  });

  it("the definition options narrow what is generated", () => {
    const options: fc.Arbitrary<DefinitionOptions> = fc.record({
      maxItems: fc.integer({ min: 1, max: 4 }),
      maxSubscales: fc.integer({ min: 0, max: 2 }),
      methods: fc.subarray(["sum", "mean", "percent", "table"] as const, { minLength: 1 }),
      numberItems: fc.boolean(),
    });
    fc.assert(
      fc.property(
        options.chain((o) => fc.tuple(fc.constant(o), definition(o))),
        ([o, def]) => {
          expect(def.items.length).toBeLessThanOrEqual(o.maxItems ?? Infinity);
          expect((def.subscales ?? []).length).toBeLessThanOrEqual(o.maxSubscales ?? Infinity);
          // Sum is the fallback when the items cannot make a percentage or a table.
          for (const s of scalesOf(def)) expect([...(o.methods ?? []), "sum"]).toContain(s.method);
          if (o.numberItems === false) expect(def.items.every((it) => it.kind !== "number")).toBe(true);
          expect(Object.isFrozen(def) && Object.isFrozen(def.items)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("definitionWithAnswers gives complete, incomplete and invalid sets that are what they say", () => {
    fc.assert(
      fc.property(definitionWithAnswers({ answerSets: 3 }), ({ definition: def, complete, incomplete, invalid }) => {
        for (const a of complete) expect(a.every((v, i) => allowed(def.items[i] as Item, v))).toBe(true);
        for (const a of incomplete)
          expect(a.every((v, i) => v === null || allowed(def.items[i] as Item, v))).toBe(true);
        for (const { answers, item, value } of invalid) {
          const i = def.items.findIndex((it) => it.id === item);
          expect(answers[i]).toBe(value);
          expect(allowed(def.items[i] as Item, value)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("scoreOptions names only the definition's own alternative rules and opt-in flags", () => {
    fc.assert(
      fc.property(
        definition().chain((def) => fc.tuple(fc.constant(def), scoreOptions(def))),
        ([def, o]) => {
          if (o.missing !== undefined) expect((def.missingOptions ?? []).map((m) => m.id)).toContain(o.missing);
          const optIn = (def.flags ?? []).filter((f) => f.optIn === true).map((f) => f.id);
          for (const id of o.flags ?? []) expect(optIn).toContain(id);
        },
      ),
      { numRuns: 200 },
    );
  });
});
