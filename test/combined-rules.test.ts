// Conditions over several items (count, all, any; true, false or unknown) and scales given by ordered rules,
// on small synthetic definitions, one feature at a time.
import { describe, expect, it } from "vitest";
import { conditionText } from "../src/rules/conditions.js";
import { DefinitionError, score, validateDefinition, type Condition, type InstrumentDefinition } from "../src/index.js";

const opts = [
  { value: 0, label: "none" },
  { value: 1, label: "some" },
  { value: 2, label: "a lot" },
] as const;
const base = {
  title: "Synthetic",
  version: "1.0.0",
  domain: "test",
  description: "For engine tests.",
  direction: "higher-is-worse",
  references: { src: { text: "A synthetic source for engine tests." } },
  licence: { rightsHolder: "Nobody", redistributeWording: false, terms: "Synthetic.", source: "src" },
} as const;
const items = ["1", "2", "3", "4"].map((id) => ({ id, label: `item ${id}`, options: opts }));
const computed = { kind: "computed", description: "as the rules decide", source: "src" } as const;

/** A rules scale that is 1 when `when` is true, 0 when false, and null when it is unknown. */
const truthScale = (id: string, when: Condition) => ({
  id,
  label: id,
  items: ["1", "2", "3", "4"],
  method: "rules" as const,
  range: [0, 1] as const,
  rules: [{ when, value: 1 }, { value: 0 }],
  missing: computed,
  source: "src",
});

const rated2 = (ids: readonly string[]): Condition[] => ids.map((item) => ({ item, op: ">=", value: 2 }));

const truths = {
  ...base,
  id: "truths",
  shortTitle: "TRUTHS",
  items,
  score: null,
  subscales: [
    truthScale("anyOf12", { any: rated2(["1", "2"]) }),
    truthScale("allOf12", { all: rated2(["1", "2"]) }),
    truthScale("atLeast2", { count: rated2(["1", "2", "3", "4"]), op: ">=", value: 2 }),
    truthScale("exactly1", { count: rated2(["1", "2", "3", "4"]), op: "==", value: 1 }),
    truthScale("nested", { all: [{ any: rated2(["1", "2"]) }, { count: rated2(["3", "4"]), op: "<", value: 1 }] }),
  ],
  flags: [
    {
      id: "any-of-1-2",
      label: "item 1 or 2 rated 2",
      message: "One of items 1 and 2 is rated 2.",
      when: { any: rated2(["1", "2"]) },
      source: "src",
    },
    {
      id: "two-rated-2",
      label: "two items rated 2",
      message: "At least two items are rated 2.",
      when: { count: rated2(["1", "2", "3", "4"]), op: ">=", value: 2 },
      source: "src",
    },
  ],
} as const satisfies InstrumentDefinition;

const subs = (answers: readonly (number | null)[]) => score(truths, answers).subscales;

describe("conditions over several items: true, false or unknown", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(truths)).toEqual([]);
  });

  it("any: true as soon as one part holds, false only when every part is known not to", () => {
    expect(subs([2, null, 0, 0]).anyOf12).toBe(1);
    expect(subs([null, 2, 0, 0]).anyOf12).toBe(1);
    expect(subs([0, 1, 0, 0]).anyOf12).toBe(0);
    expect(subs([0, null, 0, 0]).anyOf12).toBeNull();
  });

  it("all: false as soon as one part fails, true only when every part is known to hold", () => {
    expect(subs([2, 2, 0, 0]).allOf12).toBe(1);
    expect(subs([0, null, 0, 0]).allOf12).toBe(0);
    expect(subs([2, null, 0, 0]).allOf12).toBeNull();
  });

  it("count: decided only when every count the unknown parts allow gives the same answer", () => {
    expect(subs([2, 2, null, null]).atLeast2).toBe(1);
    expect(subs([0, 0, 0, null]).atLeast2).toBe(0);
    expect(subs([2, 0, null, 0]).atLeast2).toBeNull();
    expect(subs([0, 0, null, null]).atLeast2).toBeNull();
    expect(subs([2, 0, 0, 0]).exactly1).toBe(1);
    expect(subs([2, 2, null, null]).exactly1).toBe(0);
    expect(subs([2, null, 0, 0]).exactly1).toBeNull();
    expect(subs([0, null, 0, 0]).exactly1).toBeNull();
  });

  it("nests: all of (any of items 1–2 rated 2) and (none of items 3–4 rated 2)", () => {
    expect(subs([2, null, 0, 1]).nested).toBe(1);
    expect(subs([2, null, 2, null]).nested).toBe(0);
    expect(subs([0, null, 0, 0]).nested).toBeNull();
    expect(subs([0, 0, null, null]).nested).toBe(0);
  });

  it("raises a flag only when its condition is true, whatever else is missing", () => {
    expect(score(truths, [2, null, null, null]).flags.map((f) => f.id)).toEqual(["any-of-1-2"]);
    expect(score(truths, [0, null, 2, 2]).flags.map((f) => f.id)).toEqual(["two-rated-2"]);
    expect(score(truths, [0, null, 2, null]).flags).toEqual([]);
    expect(score(truths, { "1": 2, "2": 2 }).flags.map((f) => f.id)).toEqual(["any-of-1-2", "two-rated-2"]);
  });

  it("says a condition in words", () => {
    expect(conditionText({ any: rated2(["1", "2"]) })).toBe("item 1 >= 2 or item 2 >= 2");
    expect(conditionText({ count: rated2(["8", "9", "10"]), op: ">=", value: 2 })).toBe(
      "(number of items 8, 9, 10 answered >= 2) >= 2",
    );
    expect(
      conditionText({
        count: [
          { item: "1", op: ">=", value: 2 },
          { scale: "total", op: ">", value: 3 },
        ],
        op: "<",
        value: 1,
      }),
    ).toBe("(number of [item 1 >= 2; total > 3] that hold) < 1");
    expect(conditionText({ all: [{ any: rated2(["1", "2"]) }, { item: "3", op: "==", value: 0 }] })).toBe(
      "(item 1 >= 2 or item 2 >= 2) and item 3 == 0",
    );
    expect(conditionText({ all: [] })).toBe("always");
  });
});

/** A GCPS-R-like grade: ordered rules on items and on a subscale, then bands on the grade. */
const graded = {
  ...base,
  id: "graded",
  shortTitle: "GRADED",
  items,
  score: {
    id: "grade",
    label: "grade",
    items: ["1", "2", "3", "4"],
    method: "rules",
    range: [0, 3],
    rules: [
      { when: { item: "1", op: "==", value: 0 }, value: 0 },
      { when: { item: "2", op: "==", value: 2 }, value: 3 },
      { when: { scale: "rest", op: ">=", value: 3 }, value: 2 },
      { value: 1 },
    ],
    missing: computed,
    bands: [
      { id: "g0", label: "grade 0", min: 0, max: 0 },
      { id: "g1", label: "grade 1", min: 1, max: 1 },
      { id: "g2", label: "grade 2", min: 2, max: 2 },
      { id: "g3", label: "grade 3", min: 3, max: 3 },
    ],
    bandsSource: "src",
    source: "src",
  },
  subscales: [
    {
      id: "rest",
      label: "items 3–4",
      items: ["3", "4"],
      method: "sum",
      range: [0, 4],
      missing: { kind: "strict", source: "src" },
      source: "src",
    },
    {
      // A rules scale may read one before it: here the grade, primary and first.
      id: "high",
      label: "grade 2 or more",
      items: ["1", "2", "3", "4"],
      method: "rules",
      range: [0, 1],
      rules: [{ when: { scale: "grade", op: ">=", value: 2 }, value: 1 }, { value: 0 }],
      missing: computed,
      source: "src",
    },
    {
      // No rule that always applies: a score no rule gives is null.
      id: "partialRules",
      label: "only when item 4 is 2",
      items: ["4"],
      method: "rules",
      range: [5, 5],
      rules: [{ when: { item: "4", op: "==", value: 2 }, value: 5 }],
      missing: computed,
      source: "src",
    },
  ],
  flags: [
    {
      id: "grade-3",
      label: "grade 3",
      message: "Grade 3.",
      when: { scale: "grade", op: "==", value: 3 },
      source: "src",
    },
  ],
} as const satisfies InstrumentDefinition;

describe("scales given by ordered rules", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(graded)).toEqual([]);
  });

  it("takes the first rule that holds, also on a subscale's score, and bands the result", () => {
    expect(score(graded, [0, 2, 2, 2]).score).toBe(0);
    const high = score(graded, [1, 2, 0, 0]);
    expect([high.score, high.band?.id, high.flags.map((f) => f.id)]).toEqual([3, "g3", ["grade-3"]]);
    expect(score(graded, [1, 1, 2, 1]).score).toBe(2);
    expect(score(graded, [1, 1, 1, 1]).score).toBe(1);
    expect(score(graded, [2, 0, 2, 1]).subscales).toEqual({ rest: 3, high: 1, partialRules: null });
  });

  it("needs only the answers its rules reach; the others are listed as missing and the score is partial", () => {
    const r = score(graded, [0, null, null, null]);
    expect(r.score).toBe(0);
    expect(r.method).toBe("partial");
    expect(r.scales.grade.missing).toEqual(["2", "3", "4"]);
    expect(r.band?.id).toBe("g0");
    expect(score(graded, { "1": 1, "2": 2 }).score).toBe(3);
    expect(score(graded, [1, 2, 0, 0]).method).toBe("complete");
  });

  it("is null, with the unanswered items named, when a rule before the one that would apply cannot be decided", () => {
    // Item 1 unknown: the first rule is undecided, so the grade is null, never a later rule's value.
    const r = score(graded, [null, 2, 2, 2]);
    expect(r.score).toBeNull();
    expect(r.method).toBe("insufficient");
    expect(r.band).toBeNull();
    expect(r.reason).toMatch(/^GRADED grade: cannot be decided, as item 1 is not answered; as the rules decide$/);
    expect(r.subscales.high).toBeNull();
    // Items 1–2 reach the third rule, which reads items 3–4 through the subscale: item 4 unknown.
    const s = score(graded, [1, 1, 2, null]);
    expect(s.score).toBeNull();
    expect(s.scales.grade.missing).toEqual(["4"]);
    expect(s.reason).toMatch(/item 4 is not answered/);
  });

  it("is null when none of its rules applies, and says so", () => {
    const r = score(graded, [1, 1, 1, 1]);
    expect(r.subscales.partialRules).toBeNull();
    expect(r.scales.partialRules.reason).toBe("GRADED only when item 4 is 2: none of its rules applies");
    expect(score(graded, [1, 1, 1, 2]).subscales.partialRules).toBe(5);
  });

  it("gives the same results without generated code ({ jitless: true })", () => {
    for (const a of [
      [0, 0, 0, 0],
      [1, 2, 0, 0],
      [1, 1, 2, 2],
      [2, 1, 0, 1],
    ]) {
      expect(score(graded, a, { jitless: true })).toEqual(score(graded, a));
      expect(score(truths, a, { jitless: true })).toEqual(score(truths, a));
    }
  });
});

describe("a rules scale without its rules", () => {
  it("is refused when the definition is compiled, never scored as null on every answer set", () => {
    const broken = {
      ...graded,
      id: "norules",
      score: { ...graded.score, rules: undefined },
    } as unknown as InstrumentDefinition;
    expect(() => score(broken, [0, 0, 0, 0])).toThrow(DefinitionError);
    expect(() => score(broken, [0, 0, 0, 0])).toThrow(/scale "grade" has method "rules" but no rules/);
  });
});

describe("validateDefinition on rules scales and combined conditions", () => {
  const withScore = (patch: Record<string, unknown>): unknown => ({ ...graded, score: { ...graded.score, ...patch } });
  const withSub = (k: number, patch: Record<string, unknown>): unknown => ({
    ...graded,
    subscales: graded.subscales.map((s, j) => (j === k ? { ...s, ...patch } : s)),
  });
  it.each([
    ["method rules without rules", withScore({ rules: undefined }), /method "rules" needs at least one rule/],
    ["rules on a sum scale", withSub(0, { rules: [{ value: 1 }] }), /has rules but its method is not "rules"/],
    [
      "a rule's value outside the range",
      withScore({ rules: [{ when: { item: "1", op: "==", value: 0 }, value: 4 }, { value: 1 }] }),
      /rule 1 gives 4, outside the range \[0, 3\]/,
    ],
    [
      "a rule after one that always applies",
      withScore({ rules: [{ value: 1 }, { when: { item: "1", op: "==", value: 0 }, value: 0 }] }),
      /rule 2 is never reached/,
    ],
    [
      "an unknown item deep in a condition",
      withScore({ rules: [{ when: { all: [{ any: [{ item: "9", op: ">=", value: 1 }] }] }, value: 1 }] }),
      /rule 1: condition names unknown item "9"/,
    ],
    [
      "an item read that is not among the scale's items",
      withScore({ items: ["1", "2", "3"] }),
      /rule 3 reads item "4", which is not among the scale's items/,
    ],
    [
      "its own score",
      withScore({ rules: [{ when: { scale: "grade", op: ">=", value: 1 }, value: 1 }] }),
      /rule 1 reads the scale's own score/,
    ],
    [
      "a rules scale after it",
      withScore({ rules: [{ when: { scale: "high", op: ">=", value: 1 }, value: 1 }, { value: 0 }] }),
      /reads rules scale "high", which comes after it/,
    ],
    ["a missing rule that is not computed", withScore({ missing: { kind: "strict", source: "src" } }), /is "computed"/],
    [
      "an urgent flag on a combined condition",
      { ...truths, flags: [{ ...truths.flags[0], urgent: true }] },
      /an urgent flag tests one item or one scale, not a "any" condition/,
    ],
    [
      "a count without its comparison",
      { ...truths, flags: [{ ...truths.flags[0], when: { count: rated2(["1"]) } }] },
      /flags\.0\.when/,
    ],
    [
      "a malformed part of an all",
      { ...truths, flags: [{ ...truths.flags[0], when: { all: [{ item: "1" }] } }] },
      /flags\.0\.when/,
    ],
  ] as const)("rejects %s", (_, def, message) => {
    const problems = validateDefinition(def);
    expect(
      problems.some((p) => message.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });
});
