// Setting conditions as one more condition kind: nested in count, all and any, and read by a rules scale's
// rules and a flag's own condition, with the same three values as every other condition.
import { describe, expect, it } from "vitest";
import { conditionText } from "../src/rules/conditions.js";
import { score, validateDefinition, type Condition, type InstrumentDefinition } from "../src/index.js";

const opts = [
  { value: 0, label: "none" },
  { value: 1, label: "some" },
  { value: 2, label: "a lot" },
] as const;
const computed = { kind: "computed", description: "as the rules decide", source: "src" } as const;
const female: Condition = { setting: "sex", is: ["female"] };
const rated2: Condition = { item: "1", op: ">=", value: 2 };

const def = {
  id: "gated",
  shortTitle: "GATED",
  title: "Synthetic",
  version: "1.0.0",
  domain: "test",
  description: "For engine tests.",
  direction: "higher-is-worse",
  references: { src: { text: "A synthetic source for engine tests." } },
  licence: { rightsHolder: "Nobody", redistributeWording: false, terms: "Synthetic.", source: "src" },
  items: [
    { id: "1", label: "item 1", options: opts },
    { id: "2", label: "item 2", options: opts },
  ],
  settings: [{ id: "sex", label: "Sex", type: "enum", values: ["female", "male"], default: null, source: "src" }],
  score: {
    id: "positive",
    label: "Positive",
    items: ["1", "2"],
    method: "rules",
    range: [0, 1],
    // Positive for a woman with item 1 rated 2, or for anyone with both items rated 2.
    rules: [
      {
        when: {
          any: [{ all: [female, rated2] }, { count: [rated2, { item: "2", op: ">=", value: 2 }], op: "==", value: 2 }],
        },
        value: 1,
      },
      { value: 0 },
    ],
    missing: computed,
    source: "src",
  },
  flags: [
    {
      id: "woman-rated-2",
      label: "Woman, item 1 rated 2",
      message: "Item 1 is rated 2 and the patient is a woman.",
      when: { all: [rated2, female] },
      source: "src",
    },
  ],
} as const satisfies InstrumentDefinition;

describe("setting conditions nested in other conditions", () => {
  it("the definition is valid", () => {
    expect(validateDefinition(def)).toEqual([]);
  });

  it("a rules scale reads a setting nested in any/all", () => {
    expect(score(def, [2, 0], { settings: { sex: "female" } }).score).toBe(1);
    expect(score(def, [2, 0], { settings: { sex: "male" } }).score).toBe(0);
    expect(score(def, [2, 0]).score).toBe(0);
    expect(score(def, [2, 2], { settings: { sex: "male" } }).score).toBe(1);
  });

  it("a flag's own condition reads a nested setting", () => {
    expect(score(def, [2, 0], { settings: { sex: "female" } }).flags.map((f) => f.id)).toEqual(["woman-rated-2"]);
    expect(score(def, [2, 0], { settings: { sex: "male" } }).flags).toEqual([]);
    expect(score(def, [2, 0]).flags).toEqual([]);
  });

  it("a nested setting condition on an unknown setting or value is refused", () => {
    const bad = {
      ...def,
      flags: [{ ...def.flags[0], when: { all: [rated2, { setting: "sex", is: ["woman"] }] } }],
    } as const satisfies InstrumentDefinition;
    expect(validateDefinition(bad).join("\n")).toMatch(/setting "sex" tests "woman"/);
    const unknown = { ...def, flags: [{ ...def.flags[0], when: { any: [{ setting: "gender", is: ["x"] }] } }] };
    expect(validateDefinition(unknown as InstrumentDefinition).join("\n")).toMatch(/unknown setting "gender"/);
  });

  it("reads in words among the other parts", () => {
    expect(conditionText({ all: [rated2, { setting: "sex", is: ["female", null] }] })).toBe(
      "item 1 >= 2 and sex is female or not given",
    );
  });

  it("a setting tested only inside a flag's condition still reaches the flag when none is given", () => {
    // No rules scale, no guards: only the nested condition says the plan reads settings.
    const plain = {
      ...def,
      score: {
        id: "total",
        label: "Total",
        items: ["1", "2"],
        method: "sum",
        range: [0, 4],
        missing: { kind: "strict", source: "src" },
        source: "src",
      },
      flags: [{ ...def.flags[0], id: "sex-unset", when: { all: [rated2, { setting: "sex", is: [null] }] } }],
    } as const satisfies InstrumentDefinition;
    expect(validateDefinition(plain)).toEqual([]);
    for (let k = 0; k < 3; k++) expect(score(plain, [2, 0]).flags.map((f) => f.id)).toEqual(["sex-unset"]);
    expect(score(plain, [2, 0], { settings: { sex: "male" } }).flags).toEqual([]);
  });
});
