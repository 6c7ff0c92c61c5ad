// A definition that cannot score is an error, never a number; safeScore never throws whatever it is given;
// score names what it got, with "did you mean" for a near-miss id.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DefinitionError,
  getInstrument,
  phq9,
  safeScore,
  score,
  ScoreInputError,
  validateDefinition,
  type InstrumentDefinition,
} from "../src/index.js";
import * as core from "../src/core.js";

const refs = { src: { text: "A synthetic source for engine tests." } } as const;
const base = {
  title: "Synthetic",
  version: "1.0.0",
  domain: "test",
  description: "For engine tests.",
  direction: "higher-is-worse",
  references: refs,
  licence: { rightsHolder: "Nobody", redistributeWording: false, terms: "Synthetic.", source: "src" },
} as const;
const zeroOnly = [
  { value: 0, label: "no" },
  { value: 1, label: "yes", score: 0 },
] as const;
const opts = [
  { value: 0, label: "no" },
  { value: 1, label: "yes" },
] as const;

/** A percent scale whose items can only score 0: validated before, it scored NaN. */
const flatPercent = {
  ...base,
  id: "flat",
  shortTitle: "FLAT",
  items: [
    { id: "1", label: "a", options: zeroOnly },
    { id: "2", label: "b", options: zeroOnly },
  ],
  score: {
    id: "total",
    label: "percent",
    items: ["1", "2"],
    method: "percent",
    range: [0, 100],
    missing: { kind: "strict", source: "src" },
    source: "src",
  },
} as const satisfies InstrumentDefinition;

/** A percent scale where one item can only score 0: answering only that one divided by zero. */
const partlyFlat = {
  ...flatPercent,
  id: "partlyflat",
  items: [
    { id: "1", label: "a", options: opts },
    { id: "2", label: "b", options: zeroOnly },
  ],
  score: { ...flatPercent.score, missing: { kind: "min-answered", minAnswered: 1, source: "src" } },
} as const satisfies InstrumentDefinition;

const custom = (compute: (input: unknown) => unknown): InstrumentDefinition =>
  ({
    ...base,
    id: "computed",
    shortTitle: "COMPUTED",
    items: [{ id: "1", label: "a", options: opts }],
    score: {
      id: "total",
      label: "total",
      items: ["1"],
      method: "custom",
      range: [0, 10],
      missing: { kind: "computed", description: "all", source: "src" },
      source: "src",
    },
    compute,
  }) as unknown as InstrumentDefinition;

describe("a definition that would score NaN", () => {
  it("is rejected by validateDefinition when a percent scale's maximum is 0", () => {
    expect(validateDefinition(flatPercent)).toEqual([
      'scale "total": percent scales need items that can score above 0; item "1" scores at most 0, so the percentage would divide by zero',
      'scale "total": percent scales need items that can score above 0; item "2" scores at most 0, so the percentage would divide by zero',
    ]);
    expect(validateDefinition(partlyFlat)).toHaveLength(1);
  });

  it("is refused by the engine (general and generated scorer alike), never scored", () => {
    for (const def of [flatPercent, partlyFlat]) {
      // Past the calls after which the scorer is generated, too.
      for (let i = 0; i < 20; i++) {
        expect(() => score(def, [0, 0])).toThrow(DefinitionError);
        const r = safeScore(def, [0, 0]);
        expect(r.success).toBe(false);
        if (!r.success)
          expect(r.error.issues[0]?.message).toMatch(
            /^the definition cannot score: \w+: scale "total" is a percentage, but item "\d" scores at most 0, so it would divide by zero$/,
          );
      }
    }
  });

  it("is refused when a mean or percent scale has no items", () => {
    const empty = {
      ...flatPercent,
      id: "empty",
      score: { ...flatPercent.score, items: [], method: "mean", range: [0, 0] },
    } as unknown as InstrumentDefinition;
    expect(() => score(empty, [0, 0])).toThrow(/scale "total" is a mean of no items/);
  });
});

describe("a custom compute's output is checked against the declared range", () => {
  it.each([
    ["NaN", NaN, "NaN"],
    ["a string", "5", '"5"'],
    ["Infinity", Infinity, "Infinity"],
    ["above the range", 11, "11"],
    ["below the range", -1, "-1"],
    ["undefined", undefined, "undefined"],
  ] as const)("%s is a DefinitionError naming the scale and the range", (_, value, shown) => {
    const def = custom(() => ({ scales: { total: { score: value } } }));
    for (let i = 0; i < 12; i++) {
      let thrown: unknown;
      try {
        score(def, [1]);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DefinitionError);
      expect(thrown).toBeInstanceOf(TypeError);
      expect((thrown as DefinitionError).instrument).toBe("computed");
      expect((thrown as DefinitionError).message).toBe(
        `computed: compute gave scale "total" the score ${shown}, which is not a number from 0 to 10 (its declared range) or null`,
      );
      const r = safeScore(def, [1]);
      expect(!r.success && r.error.issues[0]?.message).toMatch(
        /^the definition cannot score: computed: compute gave scale "total" the score/,
      );
    }
  });

  it("accepts null with a reason, and the range's bounds", () => {
    expect(
      score(
        custom(() => ({ scales: { total: { score: null, reason: "no" } } })),
        [1],
      ).score,
    ).toBeNull();
    expect(
      score(
        custom(() => ({ scales: { total: { score: 10 } } })),
        [1],
      ).score,
    ).toBe(10);
    expect(
      score(
        custom(() => ({ scales: { total: { score: 0 } } })),
        [1],
      ).score,
    ).toBe(0);
  });

  it.each<[string, () => unknown, RegExp]>([
    ["nothing", () => undefined, /compute returned undefined, not \{ scales \}/],
    ["no scales", () => ({}), /compute returned scales undefined, not an object by scale id/],
    [
      "a number for the scale",
      () => ({ scales: { total: 3 } }),
      /compute returned 3 for scale "total", not \{ score \}/,
    ],
    [
      "issues that are not an array",
      () => ({ scales: { total: { score: 1 } }, issues: "bad" }),
      /compute returned issues "bad", not an array/,
    ],
    [
      "flags that are not an array",
      () => ({ scales: { total: { score: 1 } }, flags: {} }),
      /compute returned flags an object, not an array/,
    ],
    [
      "missing that is not a list of ids",
      () => ({ scales: { total: { score: 1, missing: [1] } } }),
      /gave scale "total" missing an array, not an array of item ids/,
    ],
    [
      "a reason that is not a string",
      () => ({ scales: { total: { score: null, reason: 4 } } }),
      /gave scale "total" the reason 4, not a string/,
    ],
  ])("refuses %s", (_, compute, message) => {
    expect(() => score(custom(compute), [1])).toThrow(message);
    expect(safeScore(custom(compute), [1]).success).toBe(false);
  });
});

describe("safeScore never throws, whatever it is given", () => {
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
      getPrototypeOf() {
        throw new Error("trap");
      },
      ownKeys() {
        throw new Error("trap");
      },
    },
  );
  const getterAnswers = Object.defineProperty({}, "1", {
    enumerable: true,
    get() {
      throw new Error("getter");
    },
  });
  const throwsProxy = (): never => {
    // A thrown value that cannot even be read: what safeScore must survive.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw throwing;
  };

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["an object that is not a definition", { hello: "world" }],
    ["getInstrument of an unknown id", getInstrument("nope")],
    ["an unknown id", "nope"],
    ["a Proxy that throws", throwing],
    ["a definition whose items are garbage", { id: "x", items: [null] }],
    ["a definition whose compute throws a Proxy", custom(throwsProxy)],
  ])("%s", (_, instrument) => {
    for (const answers of [[0], getterAnswers, throwing, undefined]) {
      const r = safeScore(instrument as never, answers);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error).toBeInstanceOf(ScoreInputError);
        expect(r.error.issues.length).toBeGreaterThan(0);
      }
      const c = core.safeScore(instrument as never, answers);
      expect(c.success).toBe(false);
    }
  });

  it("answers with throwing getters, and options that throw, on a real definition", () => {
    expect(safeScore(phq9, getterAnswers).success).toBe(false);
    expect(safeScore(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0], throwing as never).success).toBe(false);
  });

  it("for anything at all (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.constantFrom("phq9", "PHQ9", phq9)),
        fc.anything(),
        fc.option(fc.anything(), { nil: undefined }),
        (instrument, answers, options) => {
          const r = safeScore(instrument as never, answers, options as never);
          expect(typeof r.success).toBe("boolean");
          if (!r.success) expect(r.error).toBeInstanceOf(ScoreInputError);
          const c = core.safeScore(instrument as never, answers, options as never);
          expect(typeof c.success).toBe("boolean");
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("score names what it got", () => {
  it.each([
    ["undefined", undefined, "got undefined"],
    ["null", null, "got null"],
    ["a number", 3, "got 3"],
    ["an array", [], "got an array"],
    ["an object without an id", { items: [] }, "got an object without a string id"],
    ["an object without items", { id: "mine" }, 'got an object with id "mine" but no items array'],
  ])("%s", (_, instrument, got) => {
    expect(() => score(instrument as never, [])).toThrow(DefinitionError);
    expect(() => score(instrument as never, [])).toThrow(
      `(not a definition): expected an instrument definition (such as phq9) or a bundled instrument's id (such as "phq9"), ${got}`,
    );
    expect(() => core.score(instrument as never, [])).toThrow(got);
  });

  it.each([
    ["PHQ9", "phq9"],
    ["Phq9", "phq9"],
    ["phq-9", "phq9"],
    ["gad8", "gad7"],
    ["odi ", "odi"],
  ])('suggests an id that differs by case or a character: "%s" → "%s"', (id, near) => {
    expect(() => score(id as never, [])).toThrow(ScoreInputError);
    expect(() => score(id as never, [])).toThrow(`unknown instrument id "${id}" (did you mean "${near}"?)`);
  });

  it("suggests nothing for an id far from any, and stays small for a huge one", () => {
    expect(() => score("questionnaire" as never, [])).toThrow(/unknown instrument id "questionnaire"$/);
    const r = safeScore("x".repeat(5_000_000) as never, []);
    expect(!r.success && r.error.message.length).toBeLessThan(1000);
  });
});
