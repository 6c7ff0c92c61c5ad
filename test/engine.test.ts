// Engine behaviour on small synthetic definitions, one feature at a time.
import * as fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { answerSet, toRecord } from "../src/testing/arbitraries.js";
import {
  instruments,
  phq9,
  safeScore,
  score,
  ScoreInputError,
  validateDefinition,
  type InstrumentDefinition,
  type ScoreResult,
} from "../src/index.js";

const opts = [
  { value: 0, label: "none" },
  { value: 1, label: "some" },
  { value: 2, label: "a lot" },
] as const;
const refs = { src: { text: "A synthetic source for engine tests." } } as const;
const licence = { rightsHolder: "Nobody", redistributeWording: false, terms: "Synthetic.", source: "src" } as const;
const base = {
  title: "Synthetic",
  version: "1.0.0",
  domain: "test",
  description: "For engine tests.",
  direction: "higher-is-worse",
  references: refs,
  licence,
} as const;
const items4 = [
  { id: "1", label: "a", options: opts },
  { id: "2", label: "b", options: opts },
  { id: "3", label: "c", options: opts, reversed: true },
  { id: "4", label: "d", options: opts },
] as const;

const meanDef = {
  ...base,
  id: "mean",
  shortTitle: "MEAN",
  items: items4,
  score: {
    id: "total",
    label: "mean",
    items: ["1", "2", "3", "4"],
    method: "mean",
    range: [0, 2],
    missing: { kind: "min-answered", minAnswered: 3, source: "src" },
    source: "src",
  },
  subscales: [
    {
      id: "firstTwo",
      label: "first two",
      items: ["1", "2"],
      method: "percent",
      range: [0, 100],
      missing: { kind: "strict", source: "src" },
      source: "src",
    },
    {
      id: "sum",
      label: "sum",
      items: ["1", "2", "3", "4"],
      method: "sum",
      range: [0, 8],
      missing: { kind: "prorate", maxMissing: 1, rounding: "none", source: "src" },
      source: "src",
    },
  ],
} as const satisfies InstrumentDefinition;

describe("scale methods and missing rules", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(meanDef)).toEqual([]);
  });

  it("reverse-keys item 3: answering 0 scores 2", () => {
    const r = score(meanDef, [0, 0, 0, 0]);
    expect(r.subscales.sum).toBe(2);
    expect(r.score).toBe(0.5);
  });

  it("takes the mean over answered items when enough are answered (partial)", () => {
    const r = score(meanDef, [2, 1, null, 2]);
    expect(r.score).toBeCloseTo(5 / 3, 12);
    expect(r.method).toBe("partial");
    expect(r.scales.total.missing).toEqual(["3"]);
  });

  it("gives no mean when fewer than the minimum are answered", () => {
    const r = score(meanDef, [2, null, null, 2]);
    expect(r.score).toBeNull();
    expect(r.reason).toBe("MEAN mean: 2 of 4 items not answered (2, 3); at least 3 must be answered");
  });

  it("computes percent of the maximum of the answered items", () => {
    expect(score(meanDef, [2, 1, 0, 0]).subscales.firstTwo).toBe(75);
    expect(score(meanDef, [2, null, 0, 0]).subscales.firstTwo).toBeNull();
  });

  it("prorates a sum without rounding when the rule says none", () => {
    const r = score(meanDef, [1, 1, null, 1]);
    expect(r.subscales.sum).toBe(4); // 3 answered summing to 3, × 4/3
    expect(r.scales.sum.method).toBe("prorated");
    expect(score(meanDef, [2, 1, null, 2]).subscales.sum).toBeCloseTo(20 / 3, 12);
  });

  it("bands subscales that declare bands, in the scale's detail", () => {
    const banded = {
      ...meanDef,
      id: "banded",
      subscales: [
        {
          ...meanDef.subscales[1],
          bandsSource: "src",
          bands: [
            { id: "lo", label: "Lo", min: 0, max: 3 },
            { id: "hi", label: "Hi", min: 4, max: 8 },
          ],
        },
      ],
    } as const satisfies InstrumentDefinition;
    expect(validateDefinition(banded)).toEqual([]);
    // Item 3 is reverse-keyed: [2, 2, 2, 2] sums to 2 + 2 + 0 + 2 = 6.
    expect(score(banded, [2, 2, 2, 2]).scales.sum.band).toEqual({ id: "hi", label: "Hi" });
    expect(score(banded, [0, 0, 2, 1]).scales.sum.band?.id).toBe("lo");
    expect(score(banded, [null, 0, 2, 1]).scales.sum.band?.id).toBe("lo");
    expect(score(banded, [null, null, 2, 1]).scales.sum.band).toBeNull();
    expect(score(banded, [0, 0, 0, 0]).scales.total.band).toBeNull();
  });

  it("scores subscales independently: a missing item nulls only the scales that hold it", () => {
    const r = score(meanDef, [1, null, 1, 1]);
    expect(r.subscales.firstTwo).toBeNull();
    expect(r.subscales.sum).not.toBeNull();
  });
});

const ruleDef = {
  ...base,
  id: "rules",
  shortTitle: "RULES",
  items: items4,
  score: {
    id: "total",
    label: "total",
    items: ["1", "2", "3", "4"],
    method: "sum",
    range: [0, 8],
    missing: { kind: "strict", source: "src" },
    source: "src",
    bandsSource: "src",
    bands: [
      { id: "low", label: "Low", when: [{ scale: "total", op: "<=", value: 3 }] },
      {
        id: "alarm",
        label: "Alarm",
        when: [
          { item: "4", op: "==", value: 2 },
          { scale: "pair", op: ">", value: 2 },
        ],
      },
      { id: "high", label: "High", when: [{ scale: "total", op: ">=", value: 4 }] },
    ],
  },
  subscales: [
    {
      id: "pair",
      label: "pair",
      items: ["1", "2"],
      method: "sum",
      range: [0, 4],
      missing: { kind: "strict", source: "src" },
      source: "src",
    },
  ],
  flags: [
    { id: "lt", label: "lt", message: "item 1 below 1", when: { item: "1", op: "<", value: 1 }, source: "src" },
    {
      id: "opt",
      label: "opt",
      message: "total above 5",
      when: { scale: "total", op: ">", value: 5 },
      source: "src",
      optIn: true,
    },
  ],
} as const satisfies InstrumentDefinition;

describe("rule bands and flags", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(ruleDef)).toEqual([]);
  });
  it.each([
    [[0, 0, 2, 0], "low"], // total 0
    [[1, 1, 1, 0], "low"], // total 3
    [[2, 1, 2, 2], "alarm"], // total 5, item 4 = 2, pair 3
    [[1, 1, 2, 2], "high"], // pair 2: not alarm
    [[2, 2, 0, 1], "high"],
  ] as const)("classifies %j as %s (first matching band)", (answers, band) => {
    expect(score(ruleDef, answers).band?.id).toBe(band);
  });
  it("raises no band when a rule needs a scale that has no score", () => {
    expect(score(ruleDef, [null, 2, 2, 2]).band).toBeNull();
  });
  it("tests item flags on the answer as given and opt-in flags only when asked", () => {
    expect(score(ruleDef, [0, 2, 0, 2]).flags.map((f) => f.id)).toEqual(["lt"]);
    expect(score(ruleDef, [0, 2, 0, 2], { flags: ["opt"] }).flags.map((f) => f.id)).toEqual(["lt", "opt"]);
    // Item 3 is reverse-keyed: [1, 2, 0, 2] totals 1 + 2 + 2 + 2 = 7.
    expect(score(ruleDef, [1, 2, 0, 2], { flags: ["opt"] }).flags.map((f) => f.id)).toEqual(["opt"]);
    expect(score(ruleDef, [0, 0, 2, 0], { flags: ["opt"] }).flags.map((f) => f.id)).toEqual(["lt"]);
  });
});

function hoursApart(from: string, to: string): number {
  const m = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return ((((m(to) - m(from)) % 1440) + 1440) % 1440) / 60;
}

function computeSleep(input: {
  answers: Readonly<Record<string, number | string | null>>;
  settings: Readonly<Record<string, boolean | number | string>>;
}) {
  const { answers } = input;
  const bed = answers["1"];
  const up = answers["2"];
  const slept = answers["3"];
  if (typeof bed !== "string" || typeof up !== "string" || typeof slept !== "number") {
    return { scales: { efficiency: { score: null, reason: "needs items 1–3" } } };
  }
  if (bed === up) return { scales: {}, issues: [{ item: "2", value: up, message: "get-up time equals bedtime" }] };
  const inBed = hoursApart(bed, up);
  const efficiency = Math.min(100, (slept / inBed) * 100);
  const strict = input.settings.rounded === true;
  return {
    scales: { efficiency: { score: strict ? Math.round(efficiency) : efficiency } },
    flags: slept > inBed ? [{ id: "over", label: "over", message: "slept longer than in bed" }] : [],
  };
}

const customDef = {
  ...base,
  id: "sleepy",
  shortTitle: "SLEEPY",
  items: [
    { id: "1", label: "bedtime", kind: "time" },
    { id: "2", label: "up", kind: "time" },
    { id: "3", label: "hours", kind: "number", min: 0, max: 24, integer: false, unit: "hours" },
    { id: "4", label: "minutes", kind: "number", min: 0, max: 120, integer: true, unit: "minutes", optional: true },
  ],
  score: {
    id: "efficiency",
    label: "efficiency",
    items: ["1", "2", "3"],
    method: "custom",
    range: [0, 100],
    missing: { kind: "strict", source: "src" },
    source: "src",
  },
  settings: [{ id: "rounded", label: "round", type: "boolean", default: false, source: "src" }],
  compute: computeSleep,
} as const satisfies InstrumentDefinition;

describe("number and time items, and custom scales", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(customDef)).toEqual([]);
  });
  it("computes a custom scale across midnight", () => {
    const r = score(customDef, ["23:00", "07:00", 6.5, 10]);
    expect(r.score).toBeCloseTo(81.25, 12);
    expect(r.method).toBe("complete");
  });
  it("passes settings to compute, with declared defaults filled in", () => {
    expect(score(customDef, ["23:00", "06:00", 5.5], { settings: { rounded: true } }).score).toBe(79);
    expect(score(customDef, ["23:00", "06:00", 5.5]).score).toBeCloseTo(78.571, 3);
  });
  it("rejects unknown settings and settings of the wrong type", () => {
    // Settings are typed from the definition: the compiler already refuses these; the run-time check stays for JavaScript callers.
    // @ts-expect-error -- "round" is not a setting of customDef
    expect(() => score(customDef, ["23:00", "06:00", 5.5], { settings: { round: true } })).toThrow(
      /unknown setting "round" \(settings: "rounded"\)/,
    );
    // @ts-expect-error -- "rounded" is a boolean setting
    expect(() => score(customDef, ["23:00", "06:00", 5.5], { settings: { rounded: "yes" } })).toThrow(
      /setting "rounded" must be true or false/,
    );
    // @ts-expect-error -- meanDef declares no settings
    expect(() => score(meanDef, [0, 0, 0, 0], { settings: { x: true } })).toThrow(
      /unknown setting "x" \(settings: none\)/,
    );
  });
  it("reports what compute cannot score, with its reason", () => {
    const r = score(customDef, ["23:00", null, 6]);
    expect(r.score).toBeNull();
    expect(r.reason).toBe("needs items 1–3");
  });
  it("turns compute's issues into a ScoreInputError naming the item", () => {
    const r = safeScore(customDef, ["23:00", "23:00", 6]);
    expect(!r.success && r.error.issues).toEqual([
      { item: "2", value: "23:00", message: "get-up time equals bedtime" },
    ]);
  });
  it("adds compute's flags", () => {
    expect(score(customDef, ["23:00", "01:00", 3]).flags.map((f) => f.id)).toEqual(["over"]);
  });
  it.each([
    [["24:00", "07:00", 6], "1", /"24:00" is not a clock time/],
    [["7:00", "07:00", 6], "1", /"7:00" is not a clock time/],
    [[2300, "07:00", 6], "1", /2300 is not a clock time/],
    [["23:00", "07:00", 25], "3", /25 is out of range \(allowed: a number from 0 to 24\)/],
    [["23:00", "07:00", 6, 7.5], "4", /7.5 is not a whole number \(allowed: a whole number from 0 to 120\)/],
    [["23:00", "07:00", "6"], "3", /"6" is a string/],
  ])("rejects %j naming item %s", (answers, item, message) => {
    const r = safeScore(customDef, answers);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]?.item).toBe(item);
      expect(r.error.issues[0]?.message).toMatch(message);
    }
  });
});

describe("faults in a custom definition", () => {
  it("safeScore reports them instead of throwing", () => {
    const broken = {
      ...meanDef,
      id: "broken",
      score: { ...meanDef.score, items: ["1", "9"] },
    } as unknown as InstrumentDefinition;
    const r = safeScore(broken, [0, 0, 0, 0]);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues[0]?.message).toMatch(
        /the definition cannot score: broken: scale "total" names unknown item "9"/,
      );
    expect(() => score(broken, [0, 0, 0, 0])).toThrow(TypeError);
  });
  it("a custom scale needs compute", () => {
    const noCompute = { ...customDef, id: "nocompute", compute: undefined } as unknown as InstrumentDefinition;
    expect(() => score(noCompute, ["23:00", "07:00", 6])).toThrow(/has no compute function/);
  });
  it("an unknown id is an input error, also from safeScore", () => {
    expect(() => score("phq99" as never, [])).toThrow(ScoreInputError);
    const r = safeScore("phq99" as never, []);
    expect(!r.success && r.error.message).toBe(
      'phq99 (phq99): 1 invalid answer: unknown instrument id "phq99" (did you mean "phq9"?)',
    );
  });
});

describe("edge cases of messages and definitions", () => {
  it("describes odd values plainly in errors", () => {
    const cases: [unknown, RegExp][] = [
      [10n, /10n is not a number/],
      [[1], /an array is not a number/],
      [{ v: 1 }, /an object is not a number/],
      [() => 1, /a function is not a number/],
    ];
    for (const [value, message] of cases) {
      const r = safeScore(meanDef, [value, 0, 0, 0]);
      expect(!r.success && r.error.issues[0]?.message).toMatch(message);
    }
  });

  it("rejects a value inside the range that is not one of the options", () => {
    const gappy = {
      ...meanDef,
      id: "gappy",
      items: [
        {
          id: "1",
          label: "a",
          options: [
            { value: 0, label: "no" },
            { value: 2, label: "yes" },
          ],
        },
      ],
      score: null,
      subscales: [],
    } as const satisfies InstrumentDefinition;
    expect(validateDefinition(gappy)).toEqual([]);
    const r = safeScore(gappy, [1]);
    expect(!r.success && r.error.issues[0]?.message).toBe("1 is not an allowed value (allowed: 0, 2)");
    expect(score(gappy, [2]).answers["1"]).toBe(2);
  });

  it("lists the validator's objections to bad items and scales", () => {
    const bad = {
      ...customDef,
      id: "bad",
      items: [
        { id: "1", label: "a", kind: "number", min: 5, max: 1, integer: true },
        { id: "2", label: "b", kind: "time" },
        {
          id: "3",
          label: "c",
          options: [
            { value: 0, label: "x", score: 1 },
            { value: 0, label: "y" },
          ],
          reversed: true,
        },
      ],
      score: {
        id: "total",
        label: "t",
        items: ["2"],
        method: "sum",
        range: [0, 0],
        missing: { kind: "strict", source: "src" },
        source: "src",
      },
      compute: undefined,
    };
    const problems = validateDefinition(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/items.0 \(item 1\): min is above max/),
        expect.stringMatching(/duplicate option value 0/),
        expect.stringMatching(/reverse-keyed and also gives option scores/),
        expect.stringMatching(/item "2" is a clock time; only a custom scale can use it/),
        expect.stringMatching(
          /setting "rounded": nothing reads it: no compute function, and no band, flag or skip rule tests it/,
        ),
      ]),
    );
  });

  it("says when compute leaves out a custom scale", () => {
    const silent = { ...customDef, id: "silent", compute: () => ({ scales: {} }) } as unknown as InstrumentDefinition;
    expect(() => score(silent, ["23:00", "07:00", 6])).toThrow(/compute returned nothing for scale "efficiency"/);
  });
});

// One engine: every call interprets the compiled plan, so a result depends on the definition, the answers
// and the options alone, never on what was scored before, and no code is ever generated.
describe("one engine", () => {
  const all = Object.values(instruments) as InstrumentDefinition[];

  /** Same values, same key order at every level (JSON text); of one definition, the same shared band and flag objects. */
  function expectSame(a: ScoreResult, b: ScoreResult, shared: boolean): void {
    expect(a).toStrictEqual(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    if (!shared) return;
    expect(a.band).toBe(b.band);
    const declared = new Set(
      (a.instrument === b.instrument ? (all.find((d) => d.id === a.instrument)?.flags ?? []) : []).map((f) => f.id),
    );
    a.flags.forEach((flag, i) => {
      if (declared.has(flag.id)) expect(flag).toBe(b.flags[i]);
    });
  }

  it.each(all.map((d) => [d.id, d] as const))(
    "%s: arrays and records give the same result, first call or hundredth",
    (_, def) => {
      const copy = { ...def };
      fc.assert(
        fc.property(answerSet(def, { missingRate: 0.1 }), (answers) => {
          const first = safeScore({ ...def }, answers);
          const later = safeScore(copy, answers);
          const asRecord = safeScore(copy, toRecord(def, answers));
          expect(later.success).toBe(first.success);
          expect(asRecord.success).toBe(first.success);
          if (first.success && later.success && asRecord.success) {
            expectSame(later.data, first.data, false);
            expectSame(asRecord.data, later.data, true);
          }
        }),
        { numRuns: 120 },
      );
    },
  );

  it("rejects input that is wrong as a whole, and takes a known id set to undefined as unanswered", () => {
    const ok = [1, 2, 1, 2, 0, 1, 3, 2, 0];
    expect(score(phq9, ok).score).toBe(12);
    const notPlain = Object.assign(Object.create({ inherited: true }) as object, toRecord(phq9, ok));
    for (const bad of [
      [...ok, 0, 0],
      ok.slice(0, 8),
      "1,2",
      null,
      3,
      new Map(),
      { ...toRecord(phq9, ok), "11": 1 },
      notPlain,
    ]) {
      expect(safeScore(phq9, bad).success).toBe(false);
    }
    expect(score(phq9, { ...toRecord(phq9, ok), "10": undefined }).answers["10"]).toBeNull();
  });

  it("gives the same results before and after many calls, with and without options", () => {
    const def = { ...phq9, id: "phq9-copy" } as const;
    const rows = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [1, 2, 1, 2, 0, 1, 3, 2, 0],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 2],
    ] as const;
    const before = rows.map((r) => score(def, r));
    for (let i = 0; i < 50; i++) score(def, rows[1]);
    expect(rows.map((r) => score(def, r))).toStrictEqual(before);
    expect(score(def, rows[2]).flags.map((f) => f.id)).toStrictEqual(["self-harm"]);
    expect(score(def, [1, 2, 1, 2, 0, 1, 3, 2, null], { missing: "cms-mds" }).score).toBe(14); // 12 × 9/8 = 13.5, half up
    expect(() => score(def, [1, 2, 1, 2, 0, 1, 3, 2, 4])).toThrow(ScoreInputError);
  });

  it("stepscore/core and the main entry give the same results", async () => {
    const core = await import("../src/core.js");
    for (const answers of [
      [1, 2, 1, 2, 0, 1, 3, 2, 0],
      [1, 2, 1, 2, 0, 1, 3, 2, null],
      [1, 2, 1, 2, 0, 1, 3, 2, 7],
    ]) {
      expect(core.safeScore(phq9, answers)).toStrictEqual(safeScore(phq9, answers));
    }
  });

  it("scores where Function and eval are forbidden (a CSP without 'unsafe-eval'): it finds out once and interprets", async () => {
    vi.resetModules();
    const forbidden = vi.fn(() => {
      throw new EvalError("Code generation from strings disallowed for this context");
    });
    vi.stubGlobal("Function", forbidden);
    vi.stubGlobal("eval", forbidden);
    try {
      const main = await import("../src/index.js");
      for (let i = 0; i < 50; i++) expect(main.score(main.phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).score).toBe(12);
      expect(main.score(main.gad7, [1, 2, 1, 2, 0, 1, 3]).score).toBe(10);
      expect(main.safeScore(main.phq9, [1, 2, 1, 2, 0, 1, 3, 2, 9]).success).toBe(false);
      // One probe for the realm, never one per definition or per call.
      expect(forbidden).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it("with { jitless: true } never generates code, and gives the same results as the unrolled loop", async () => {
    vi.resetModules();
    const RealFunction = Function;
    const calls = vi.fn();
    vi.stubGlobal("Function", function (...args: string[]) {
      calls();
      return RealFunction(...args);
    });
    try {
      const main = await import("../src/index.js");
      const answers = [1, 2, 1, 2, 0, 1, 3, 2, 0];
      const interpreted = main.score(main.phq9, answers, { jitless: true });
      expect(calls).not.toHaveBeenCalled();
      const unrolled = main.score(main.phq9, answers);
      expect(calls).toHaveBeenCalled();
      expect(unrolled).toEqual(interpreted);
      expect(Object.keys(unrolled)).toEqual(Object.keys(interpreted));
      expect(Object.keys(unrolled.scales)).toEqual(Object.keys(interpreted.scales));
      expect(Object.keys(unrolled.answers)).toEqual(Object.keys(interpreted.answers));
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it("builds returned errors without touching Error.stackTraceLimit; a thrown one has a stack", () => {
    const saved = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
    const writes: unknown[] = [];
    let limit: unknown = saved?.value;
    Object.defineProperty(Error, "stackTraceLimit", {
      configurable: true,
      get: () => limit,
      set: (v: unknown) => {
        writes.push(v);
        limit = v;
      },
    });
    let returned: ScoreInputError | null = null;
    try {
      const r = safeScore(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 9]);
      if (!r.success) returned = r.error;
      safeScore(
        {
          ...meanDef,
          compute: () => {
            throw new Error("boom");
          },
          score: { ...meanDef.score, method: "custom" },
        },
        [0, 0, 0, 0],
      );
      expect(writes).toEqual([]);
    } finally {
      if (saved !== undefined) Object.defineProperty(Error, "stackTraceLimit", saved);
    }
    expect(returned).toBeInstanceOf(ScoreInputError);
    expect(returned).toBeInstanceOf(Error);
    expect(returned?.name).toBe("ScoreInputError");
    expect(returned?.issues.map((i) => i.item)).toEqual(["9"]);
    expect(returned?.message).toMatch(/^PHQ-9 \(phq9\): 1 invalid answer: item 9: 9 is out of range/);
    expect(returned?.stack).toBe(`ScoreInputError: ${returned?.message ?? ""}`);
    expect(Object.keys(returned as object)).toEqual(Object.keys(new ScoreInputError("x", "x", [])));
    expect(Object.getOwnPropertyDescriptor(returned, "message")?.enumerable).toBe(false);
    // A stack can be written, as on any error (a logger adding context does).
    (returned as Error).stack = "ScoreInputError: rewritten";
    expect(returned?.stack).toBe("ScoreInputError: rewritten");
    expect(new ScoreInputError("x", "x", []).stack).toMatch(/\n\s+at /);
    try {
      score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 9]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScoreInputError);
      expect((e as Error).stack).toMatch(/\n\s+at /);
    }
  });
});
