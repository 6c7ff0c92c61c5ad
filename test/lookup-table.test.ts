// The `table` scale method: a raw sum of items converted by a published table in the definition.
import { describe, expect, it } from "vitest";
import {
  DefinitionError,
  safeScore,
  score,
  validateDefinition,
  type InstrumentDefinition,
  type LookupTable,
} from "../src/index.js";
import * as core from "../src/core.js";

const opts = [
  { value: 0, label: "none" },
  { value: 1, label: "some" },
  { value: 2, label: "a lot" },
] as const;
const base = {
  title: "Synthetic",
  version: "1.0.0",
  domain: "test",
  description: "For table tests.",
  direction: "higher-is-better",
  references: { src: { text: "A synthetic source for table tests." } },
  licence: { rightsHolder: "Nobody", redistributeWording: false, terms: "Synthetic.", source: "src" },
} as const;
// Not linear, and not in order, so that neither an index nor the sum could pass for the lookup.
const rows = [
  [0, 100],
  [1, 81.5],
  [2, 70.25],
  [3, 66],
  [4, 40.125],
  [5, 12],
  [6, 0],
] as const satisfies LookupTable;

const tabled = {
  ...base,
  id: "tabled",
  shortTitle: "TAB",
  items: [
    { id: "1", label: "a", options: opts },
    { id: "2", label: "b", options: opts },
    { id: "3", label: "c", options: opts },
  ],
  score: {
    id: "interval",
    label: "interval score",
    items: ["1", "2", "3"],
    method: "table",
    range: [0, 100],
    missing: { kind: "strict", source: "src" },
    table: rows,
    bands: [
      { id: "low", label: "Low", min: 0, max: 50 },
      { id: "high", label: "High", min: 51, max: 100 },
    ],
    bandsSource: "src",
    source: "src",
  },
  subscales: [
    {
      id: "raw",
      label: "raw sum",
      items: ["1", "2", "3"],
      method: "sum",
      range: [0, 6],
      missing: { kind: "strict", source: "src" },
      source: "src",
    },
  ],
} as const satisfies InstrumentDefinition;

const broken = (table: unknown, over: Record<string, unknown> = {}): InstrumentDefinition =>
  ({ ...tabled, score: { ...tabled.score, table, ...over } }) as unknown as InstrumentDefinition;

describe("a table scale", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(tabled)).toEqual([]);
  });

  it("converts each raw sum to its row's value, in the engine, the unrolled loop and stepscore/core", () => {
    const answersFor = (sum: number): number[] => [
      Math.min(2, sum),
      Math.min(2, Math.max(0, sum - 2)),
      Math.max(0, sum - 4),
    ];
    for (const [raw, value] of rows) {
      const answers = answersFor(raw);
      // Past the calls after which the scorer is unrolled, too.
      for (let i = 0; i < 5; i++) expect(score(tabled, answers).score).toBe(value);
      expect(score(tabled, answers, { jitless: true }).score).toBe(value);
      expect(core.score(tabled, answers).score).toBe(value);
      expect(score(tabled, answers).subscales.raw).toBe(raw);
    }
  });

  it("bands the converted value, not the raw sum", () => {
    expect(score(tabled, [2, 2, 0]).band?.id).toBe("low"); // raw 4 → 40.125
    expect(score(tabled, [2, 1, 0]).band?.id).toBe("high"); // raw 3 → 66
  });

  it("takes record input", () => {
    expect(score(tabled, { "1": 1, "2": 0, "3": 1 }).score).toBe(70.25);
  });

  it("gives no value for an incomplete sum: a table knows complete sums only", () => {
    const r = score(tabled, [2, null, 2]);
    expect(r.score).toBeNull();
    expect(r.method).toBe("insufficient");
    expect(r.reason).toBe("TAB interval score: 1 of 3 items not answered (2); all 3 items are required");
  });

  it("is rejected when its table leaves out a raw sum, repeats one or has one the items cannot give", () => {
    expect(validateDefinition(broken(rows.filter(([raw]) => raw !== 3)))).toEqual([
      'scale "interval": table has no row for raw sum 3 (its items give 0–6)',
    ]);
    expect(validateDefinition(broken([...rows, [3, 50]]))).toEqual([
      'scale "interval": table has more than one row for raw sum 3',
    ]);
    expect(validateDefinition(broken([...rows, [7, 0], [2.5, 1]]))).toEqual([
      'scale "interval": table has rows for raw sum 7, 2.5, which its items cannot give (0–6)',
    ]);
  });

  it("is rejected without a table, with a range other than its values', or with items that score fractions", () => {
    expect(validateDefinition(broken(undefined))).toEqual([
      'scale "interval": method "table" needs a table of its raw sums 0–6',
      'scale "interval": range [0, 100] does not match its items, which give [0, 0]',
    ]);
    expect(validateDefinition(broken(rows, { range: [0, 99] }))).toContain(
      'scale "interval": range [0, 99] does not match its items, which give [0, 100]',
    );
    const halves = {
      ...tabled,
      items: tabled.items.map((it) => ({ ...it, options: opts.map((o) => ({ ...o, score: o.value / 2 })) })),
    };
    expect(validateDefinition(halves)).toContain(
      'scale "interval": a table needs items that score whole numbers, so that every sum is a row',
    );
  });

  it("is rejected on a scale of another method, and with any missing rule but strict", () => {
    expect(validateDefinition({ ...tabled, subscales: [{ ...tabled.subscales[0], table: rows }] })).toEqual([
      'scale "raw": has a table, but its method is "sum", not "table"',
    ]);
    const rule = { kind: "prorate", maxMissing: 1, rounding: "none", source: "src" };
    expect(validateDefinition(broken(rows, { missing: rule }))).toEqual([
      'scale "interval" missing rule: prorating applies to sum scales only',
    ]);
  });

  it("never scores a raw sum its table lacks (a definition not checked with validateDefinition)", () => {
    const gap = broken(rows.filter(([raw]) => raw !== 3));
    for (let i = 0; i < 5; i++) {
      expect(() => score(gap, [1, 1, 1])).toThrow(DefinitionError);
      expect(() => score(gap, [1, 1, 1])).toThrow('scale "interval": raw sum 3 is not in its table');
    }
    expect(score(gap, [1, 1, 0]).score).toBe(70.25);
    expect(safeScore(gap, [1, 1, 1]).success).toBe(false);
    expect(() => score(broken(undefined), [0, 0, 0])).toThrow('scale "interval" has method "table" but no table');
  });
});
