import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import {
  defaultPathway,
  instruments,
  ndi,
  phq9,
  validateDefinition,
  type Citation,
  type InstrumentDefinition,
} from "../src/index.js";

const all = Object.values(instruments) as InstrumentDefinition[];
const getDefinition = (id: string): unknown => (instruments as Readonly<Record<string, unknown>>)[id];

describe("every bundled definition", () => {
  it.each(all.map((d) => [d.id, d] as const))("%s passes the meta-schema and the laws", (_, def) => {
    expect(validateDefinition(def)).toEqual([]);
  });

  it.each(all.map((d) => [d.id, d] as const))(
    "%s has range bands that partition its integer range exactly",
    (_, def) => {
      for (const s of [def.score, ...(def.subscales ?? [])]) {
        const bands = s?.bands?.filter((b) => "min" in b) ?? [];
        if (s === null || s === undefined || bands.length === 0) continue;
        for (let k = Math.ceil(s.range[0]); k <= s.range[1]; k++) {
          expect(
            bands.filter((b) => k >= b.min && k <= b.max),
            `${s.id} = ${String(k)}`,
          ).toHaveLength(1);
        }
      }
    },
  );

  it.each(all.map((d) => [d.id, d] as const))(
    "%s: a custom-scored scale declares a computed missing rule (its scorer applies it, the engine does not)",
    (_, def) => {
      for (const s of [def.score, ...(def.subscales ?? [])])
        if (s?.method === "custom") expect(s.missing.kind, s.id).toBe("computed");
    },
  );

  it.each(all.map((d) => [d.id, d] as const))("%s ships item wording only where its licence allows", (_, def) => {
    if (!def.licence.redistributeWording)
      expect(def.items.every((it) => it.text === undefined) && def.instructions === undefined).toBe(true);
    expect(def.licence.rightsHolder).toMatch(/\S/);
  });

  it("carries the instruction stem of the PHQ-9, PHQ-8 and GAD-7 as printed", () => {
    expect(phq9.instructions).toBe(
      "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    );
    expect(instruments.phq8.instructions).toBe(phq9.instructions);
    expect(instruments.gad7.instructions).toBe(
      "Over the last 2 weeks, how often have you been bothered by the following problems?",
    );
  });

  it("registers each definition under its own id", () => {
    for (const [key, def] of Object.entries(instruments)) expect(def.id).toBe(key);
  });

  it("exports every registered definition by its id, and registers every exported definition (the instrument index is the one list)", () => {
    const isDefinition = (v: unknown): v is InstrumentDefinition =>
      typeof v === "object" && v !== null && "items" in v && "licence" in v && "references" in v;
    const exported = (Object.entries(api) as [string, unknown][]).filter((e): e is [string, InstrumentDefinition] =>
      isDefinition(e[1]),
    );
    expect(exported.map(([name, def]) => [name, def.id])).toEqual(exported.map(([name]) => [name, name]));
    expect(exported.map(([name]) => name).sort()).toEqual(Object.keys(instruments).sort());
    for (const [name, def] of exported) expect(getDefinition(name)).toBe(def);
  });
});

describe("citations", () => {
  // Every place that cites a source, with the citation it gives.
  const cited: [string, Citation][] = [
    ...all.flatMap((d) => Object.entries(d.references).map(([k, c]): [string, Citation] => [`${d.id}.${k}`, c])),
    ...Object.entries(defaultPathway.references).map(([k, c]): [string, Citation] => [`pathway.${k}`, c]),
  ];
  const same = (a: Citation, b: Citation) =>
    (a.doi !== undefined && a.doi === b.doi) || (a.pmid !== undefined && a.pmid === b.pmid) || a.text === b.text;

  it("state a source the same way wherever it is cited (instruments and the default pathway)", () => {
    for (const [where, c] of cited) {
      for (const [other, d] of cited) if (same(c, d)) expect(d, `${other} cites what ${where} cites`).toEqual(c);
    }
  });
});

describe("validateDefinition finds broken definitions", () => {
  const total = phq9.score;
  const broken: [string, unknown, RegExp][] = [
    ["a bad id", { ...phq9, id: "PHQ 9" }, /^id: /],
    ["not an object", 42, /\(definition\)/],
    [
      "a band gap",
      {
        ...phq9,
        score: {
          ...total,
          bands: [
            { id: "a", label: "A", min: 0, max: 4 },
            { id: "b", label: "B", min: 6, max: 27 },
          ],
        },
      },
      /band "b" starts at 6; after "a" \(to 4\) it must start at 5/,
    ],
    [
      "bands short of the range",
      { ...phq9, score: { ...total, bands: [{ id: "a", label: "A", min: 0, max: 26 }] } },
      /last band ends at 26, not at the range's 27/,
    ],
    [
      "bands starting late",
      { ...phq9, score: { ...total, bands: [{ id: "a", label: "A", min: 1, max: 27 }] } },
      /first band starts at 1/,
    ],
    [
      "a wrong range",
      { ...phq9, score: { ...total, range: [0, 30], bands: undefined, bandsSource: undefined } },
      /range \[0, 30\] does not match its items, which give \[0, 27\]/,
    ],
    [
      "an unknown item in a scale",
      { ...phq9, score: { ...total, items: [...total.items, "11"] } },
      /names unknown item "11"/,
    ],
    [
      "a duplicate item id",
      { ...phq9, items: [...phq9.items.slice(0, 9), { ...phq9.items[0], optional: true }] },
      /duplicate item id "1"/,
    ],
    [
      "a source not among the references",
      { ...phq9, score: { ...total, source: "nowhere" } },
      /source "nowhere" is not among the references/,
    ],
    [
      "proration on a mean scale",
      {
        ...phq9,
        score: {
          ...total,
          method: "mean",
          range: [0, 3],
          bands: undefined,
          bandsSource: undefined,
          missing: { kind: "prorate", maxMissing: 1, rounding: "none", source: "kroenke2001" },
        },
      },
      /prorating applies to sum scales only/,
    ],
    [
      "min-answered on a sum",
      { ...phq9, score: { ...total, missing: { kind: "min-answered", minAnswered: 8, source: "kroenke2001" } } },
      /would count missing answers as 0/,
    ],
    [
      "wording under a closed licence",
      { ...phq9, licence: { ...phq9.licence, redistributeWording: false } },
      /has item wording, but the licence does not allow/,
    ],
    [
      "an instruction stem under a closed licence",
      { ...ndi, instructions: "Please read each section." },
      /^instructions: has the instruction wording, but the licence does not allow/,
    ],
    ["an empty instruction stem", { ...phq9, instructions: "" }, /^instructions: /],
    [
      "a flag on an unknown item",
      { ...phq9, flags: [{ ...phq9.flags[0], when: { item: "99", op: ">=", value: 1 } }] },
      /condition names unknown item "99"/,
    ],
    [
      "an optional item before a required one",
      { ...phq9, items: [{ ...phq9.items[0], optional: true }, ...phq9.items.slice(1)] },
      /optional items must come last/,
    ],
    [
      "a custom scale without compute",
      { ...phq9, score: { ...total, method: "custom" } },
      /needs the definition's compute function/,
    ],
    [
      "a panel code reused as the score code",
      { ...phq9, loinc: { panel: "44249-1", score: "44249-1" } },
      /^loinc: LOINC code 44249-1 is used twice/,
    ],
    [
      "an item code reused as the score code",
      { ...phq9, loinc: { panel: "44249-1", score: "44250-9" } },
      /LOINC code 44250-9 is used twice/,
    ],
    [
      "a LOINC answer code on two options",
      {
        ...phq9,
        items: [
          { ...phq9.items[0], options: phq9.items[0].options.map((o) => ({ ...o, loinc: "LA6568-5" })) },
          ...phq9.items.slice(1),
        ],
      },
      /item 1\): LOINC answer code LA6568-5 is on two options/,
    ],
    [
      "a LOINC display without its code",
      {
        ...phq9,
        items: [
          {
            ...phq9.items[0],
            options: [{ value: 0, label: "No", loincDisplay: "No" }, ...phq9.items[0].options.slice(1)],
          },
          ...phq9.items.slice(1),
        ],
      },
      /option 0 has a LOINC display but no LOINC answer code/,
    ],
    [
      "a LOINC display of withheld wording",
      {
        ...ndi,
        items: [
          { ...ndi.items[0], options: ndi.items[0].options.map((o) => ({ ...o, loincDisplay: "a statement" })) },
          ...ndi.items.slice(1),
        ],
      },
      /option 0 has a LOINC display, but the licence does not allow redistributing wording/,
    ],
  ];
  it.each(broken)("reports %s", (_, def, message) => {
    const problems = validateDefinition(def);
    expect(
      problems.some((p) => message.test(p)),
      problems.join("\n"),
    ).toBe(true);
  });
});
