// The batch API: many rows, several instruments, every row back with its results or its errors.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BatchOptionsError,
  createBatchScorer,
  instruments,
  safeScore,
  score,
  scoreRows,
  scoreStream,
  stratify,
  defaultPathway,
  type InstrumentDefinition,
  type Pathway,
  type Item,
  type RowOutcome,
} from "../src/index.js";
import { answerSet, answerSetWithInvalid } from "../src/testing/arbitraries.js";

const defs = Object.values(instruments) as InstrumentDefinition[];

/** A row holding one answer set under the default column names. */
function rowOf(
  def: InstrumentDefinition,
  answers: readonly unknown[],
  cell: (v: unknown) => unknown,
): Record<string, unknown> {
  const row: Record<string, unknown> = { id: "P1" };
  def.items.forEach((it, i) => {
    row[`${def.id}_${it.id}`] = cell(answers[i]);
  });
  return row;
}

/** A cell as a CSV file holds it: text, empty when not answered. */
// String() on purpose: objects and arrays among the invalid answers become "[object Object]" and "", as in a file.
// eslint-disable-next-line @typescript-eslint/no-base-to-string
const asText = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/** The documented reading of a cell, as a model: blank is missing, a numeral is its number. */
function read(v: unknown, item: Item): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return null;
  if (item.kind === "time") return t;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : v;
}

const phq9Row = (cells: readonly string[]): Record<string, string> =>
  Object.fromEntries(cells.map((c, i) => [`phq9_${String(i + 1)}`, c]));

describe("batch results are score's results for the answers the cells hold", () => {
  for (const def of defs) {
    const answers = fc.oneof(
      answerSet(def, { missingRate: 0.2 }),
      answerSetWithInvalid(def).map((x) => x.answers),
    );
    const readAll = (cells: readonly unknown[]): unknown[] => def.items.map((it, i) => read(cells[i], it));

    it(`${def.id}: typed cells (JSON)`, () => {
      fc.assert(
        fc.property(answers, (cells) => {
          const [out] = scoreRows([rowOf(def, cells, (v) => v)], { instruments: [def] }).rows;
          const one = out?.instruments[0];
          const expected = safeScore(def, readAll(cells));
          if (expected.success) {
            expect(one?.result).toEqual(expected.data);
            expect(one?.errors).toEqual([]);
          } else {
            expect(one?.status).toBe("invalid");
            expect(one?.result).toBeNull();
            expect(one?.errors.map((e) => e.item)).toEqual(expected.error.issues.map((i) => i.item));
          }
        }),
        { numRuns: 40 },
      );
    });

    it(`${def.id}: text cells (CSV)`, () => {
      fc.assert(
        fc.property(answers, (cells) => {
          const text = cells.map(asText);
          const [out] = scoreRows([rowOf(def, text, (v) => v)], { instruments: [def.id] as never }).rows;
          const one = out?.instruments[0];
          const expected = safeScore(def, readAll(text));
          if (expected.success) expect(one?.result).toEqual(expected.data);
          else
            expect(one?.errors.map((e) => e.column)).toEqual(
              expected.error.issues.map((i) => `${def.id}_${i.item ?? ""}`),
            );
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe("reading cells", () => {
  const answered = ["1", "2", "1", "2", "0", "1", "3", "2", "0"];

  it("reads numerals (trimmed, decimal, with an exponent) and never reads a blank as 0", () => {
    const { rows } = scoreRows(
      [
        phq9Row(answered),
        phq9Row([" 1 ", "2.0", "1", "2e0", "0", "1", "3", "2", "0"]),
        phq9Row(["1", "", "1", "2", "0", "1", "3", "2", "0"]),
        phq9Row(["1", "   ", "1", "2", "0", "1", "3", "2", "0"]),
      ],
      { instruments: ["phq9"] },
    );
    expect(rows.map((r) => r.instruments[0]?.result?.score)).toEqual([12, 12, null, null]);
    expect(rows[2]?.status).toBe("incomplete");
    expect(rows[2]?.instruments[0]?.result?.missing).toContain("2");
    expect(rows[2]?.instruments[0]?.result?.reason).toMatch(/not answered/);
  });

  it("treats declared missing codes as unanswered, text or number", () => {
    const codes = { instruments: ["phq9"], missingCodes: ["NA", " -99 "] } as const;
    const text = scoreRows([phq9Row(["NA", ...answered.slice(1)])], codes).rows[0];
    const num = scoreRows([{ ...phq9Row(answered), phq9_1: -99 }], codes).rows[0];
    expect(text?.instruments[0]?.result?.missing).toEqual(["1", "10"]);
    expect(num?.instruments[0]?.result?.missing).toEqual(["1", "10"]);
    const undeclared = scoreRows([phq9Row(["NA", ...answered.slice(1)])], { instruments: ["phq9"] }).rows[0];
    expect(undeclared?.errors[0]).toMatchObject({ column: "phq9_1", value: "NA", expected: "0, 1, 2, 3" });
  });

  it("names row, column, value and what is allowed for every bad cell, and scores the other instruments", () => {
    const row = {
      ...phq9Row(["x", "2", "4", ...answered.slice(3)]),
      gad7_1: "1",
      gad7_2: "1",
      gad7_3: "1",
      gad7_4: "1",
      gad7_5: "1",
      gad7_6: "1",
      gad7_7: "1",
    };
    const { rows, summary } = scoreRows([phq9Row(answered), row], { instruments: ["phq9", "gad7"] });
    const out = rows[1] as RowOutcome;
    expect(out.status).toBe("invalid");
    expect(out.errors).toEqual([
      expect.objectContaining({
        row: 2,
        line: null,
        instrument: "phq9",
        item: "1",
        column: "phq9_1",
        value: "x",
        expected: "0, 1, 2, 3",
      }),
      expect.objectContaining({ row: 2, item: "3", column: "phq9_3", value: "4" }),
    ]);
    expect(out.errors[0]?.message).toBe(
      'row 2, column phq9_1 (PHQ-9 item 1): "x" is a string, not a number (allowed: 0, 1, 2, 3)',
    );
    expect(out.errors[1]?.reason).toBe("4 is out of range (allowed: 0, 1, 2, 3)");
    expect(out.instruments[1]?.result?.score).toBe(7);
    expect(summary).toMatchObject({ rows: 2, scored: 0, incomplete: 1, invalid: 1 });
    expect(summary.instruments.phq9).toMatchObject({ scored: 1, incomplete: 0, invalid: 1 });
    expect(summary.instruments.gad7).toMatchObject({ scored: 1, incomplete: 1, invalid: 0 });
  });

  it("passes clock times trimmed, and rejects other spellings by name", () => {
    const base = { psqi_1: " 23:00 ", psqi_2: "15", psqi_3: "07:00", psqi_4: "7.5" };
    const rest = Object.fromEntries(
      ["5a", "5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j", "6", "7", "8", "9"].map((id) => [`psqi_${id}`, "1"]),
    );
    const { rows } = scoreRows(
      [
        { ...base, ...rest },
        { ...base, ...rest, psqi_3: "7:00" },
      ],
      { instruments: ["psqi"] },
    );
    expect(rows[0]?.instruments[0]?.result?.answers).toMatchObject({ "1": "23:00", "4": 7.5 });
    expect(rows[1]?.errors[0]).toMatchObject({
      column: "psqi_3",
      value: "7:00",
      expected: expect.stringContaining("HH:MM"),
    });
  });

  it("reports answers that cannot go together with the instrument's own explanation", () => {
    const rest = Object.fromEntries(
      ["5a", "5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j", "6", "7", "8", "9"].map((id) => [`psqi_${id}`, "1"]),
    );
    const { rows } = scoreRows([{ psqi_1: "23:00", psqi_2: "15", psqi_3: "23:00", psqi_4: "7", ...rest }], {
      instruments: ["psqi"],
    });
    const e = rows[0]?.errors[0];
    expect(["psqi_1", "psqi_3"]).toContain(e?.column);
    expect(e?.expected).toBe(e?.reason);
  });

  it("reports a row that is not a record, and an array without a header", () => {
    const { rows } = scoreRows([null, ["1", "2"]] as never[], { instruments: ["phq9", "gad7"] });
    expect(rows.map((r) => r.status)).toEqual(["invalid", "invalid"]);
    expect(rows[0]?.errors).toHaveLength(1);
    expect(rows[0]?.errors[0]?.message).toMatch(/row 1 is null/);
    expect(rows[1]?.instruments.map((o) => o.errors[0]?.instrument)).toEqual(["phq9", "gad7"]);
  });

  it("reads a column named like an Object property only from the row itself", () => {
    const cols = { "1": "constructor", "2": "toString" };
    const rows0: Record<string, string>[] = [{}, { constructor: "2", toString: "3" }];
    const { rows } = scoreRows(rows0, { instruments: [{ instrument: "phq2", columns: cols }] });
    expect(rows[0]?.status).toBe("incomplete");
    expect(rows[1]?.instruments[0]?.result?.score).toBe(5);
  });

  it("scores an instrument without a primary score, complete only when every subscale is", () => {
    const full = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`fabq_${String(i + 1)}`, "3"]));
    const { rows } = scoreRows([full, { ...full, fabq_2: "", fabq_3: "", fabq_4: "" }], { instruments: ["fabq"] });
    expect(rows.map((r) => r.status)).toEqual(["scored", "incomplete"]);
  });

  it("turns a definition that fails while scoring into an error on its row", () => {
    const broken = {
      ...instruments.peg,
      id: "broken",
      score: { ...instruments.peg.score, method: "custom" },
      compute: ({ answers }: { answers: Record<string, unknown> }) => {
        if (answers["1"] !== null) throw new Error("boom");
        return { scales: { total: { score: null } } };
      },
    } as unknown as InstrumentDefinition;
    const { rows } = scoreRows([{ broken_1: "1", broken_2: "1", broken_3: "1" }], { instruments: [broken] });
    expect(rows[0]?.errors[0]?.reason).toMatch(/boom/);
  });
});

describe("columns", () => {
  it("maps items with a pattern or a record, and checks the mapping", () => {
    const row = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`PHQ_Q${String(i + 1)}`, "1"]));
    expect(
      scoreRows([row], { instruments: [{ instrument: "phq9", columns: "PHQ_Q{item}" }] }).rows[0]?.instruments[0]
        ?.result?.score,
    ).toBe(9);
    const partial = { ...phq9Row(["1", "1", "1", "1", "1", "1", "1", "1", "1"]), a: "3" };
    delete (partial as Record<string, string>).phq9_1;
    expect(
      scoreRows([partial], { instruments: [{ instrument: "phq9", columns: { "1": "a" } }] }).rows[0]?.instruments[0]
        ?.result?.score,
    ).toBe(11);
    expect(() => createBatchScorer({ instruments: [{ instrument: "phq9", columns: { "11": "x" } }] })).toThrow(
      /item "11"/,
    );
    expect(() => createBatchScorer({ instruments: [{ instrument: "phq9", columns: "PHQ" }] })).toThrow(/no \{item\}/);
    expect(() => createBatchScorer({ instruments: [{ instrument: "phq2", columns: { "1": "q", "2": "q" } }] })).toThrow(
      /mapped to both/,
    );
    expect(createBatchScorer({ instruments: ["phq2"] }).columns).toEqual([
      { instrument: "phq2", item: "1", column: "phq2_1", optional: false, expected: "0, 1, 2, 3" },
      { instrument: "phq2", item: "2", column: "phq2_2", optional: false, expected: "0, 1, 2, 3" },
    ]);
  });

  it("with a header, reads arrays of cells and checks the columns before any row", () => {
    const header = ["id", "phq2_1", "phq2_2"];
    const { rows } = scoreRows(
      [
        ["P1", "1", "2"],
        ["P2", "1"],
        ["P3", "1", "2", "9"],
      ],
      { instruments: ["phq2"], header },
    );
    expect(rows.map((r) => r.status)).toEqual(["scored", "invalid", "invalid"]);
    expect(rows[1]?.errors[0]?.message).toMatch(/has 2 cells but the header has 3 columns/);
    expect(rows[2]?.errors[0]?.reason).toMatch(/cells past the last column: "9"/);
    expect(scoreRows([{ phq2_1: "1" }], { instruments: ["phq2"], header }).rows[0]?.status).toBe("invalid");

    const missing = (() => {
      try {
        createBatchScorer({ instruments: ["phq9", "gad7"], header: ["id", "phq9_1", "phq9_2"] });
      } catch (error) {
        return error as BatchOptionsError;
      }
      return null;
    })();
    expect(missing).toBeInstanceOf(BatchOptionsError);
    expect(missing?.problems).toEqual([
      "missing columns for PHQ-9: phq9_3, phq9_4, phq9_5, phq9_6, phq9_7, phq9_8, phq9_9 (items 3, 4, 5, 6, 7, 8, 9)",
      "no columns for GAD-7: gad7_1, gad7_2, gad7_3, gad7_4, gad7_5, gad7_6, gad7_7",
    ]);
    expect(missing?.missingColumns.map((c) => c.column)).toContain("gad7_7");

    const lenient = scoreRows([["1"]], { instruments: ["phq2"], header: ["phq2_1"], allowMissingColumns: true });
    expect(lenient.rows[0]?.status).toBe("incomplete");
    expect(lenient.summary.absentColumns).toEqual(["phq2_2"]);
    expect(() => createBatchScorer({ instruments: ["phq2"], header: ["phq2_1", "phq2_2", "phq2_1"] })).toThrow(
      /appears more than once/,
    );
    // A repeated column nobody reads is fine.
    expect(
      scoreRows([["a", "b", "1", "1"]], { instruments: ["phq2"], header: ["x", "x", "phq2_1", "phq2_2"] }).rows[0]
        ?.status,
    ).toBe("scored");
  });

  it("reports columns that no record had", () => {
    const { summary } = scoreRows([{ phq2_1: "1" }, { phq2_1: "2" }], { instruments: ["phq2"] });
    expect(summary.absentColumns).toEqual(["phq2_2"]);
  });
});

describe("offsets", () => {
  it("reads a file coded 1–4 as the form's 0–3 when declared, and names the file's value when still wrong", () => {
    const coded = phq9Row(["2", "3", "2", "3", "1", "2", "4", "3", "1"]);
    const { rows, summary } = scoreRows([coded, { ...coded, phq9_1: "5" }], {
      instruments: [{ instrument: "phq9", offset: -1 }],
    });
    expect(rows[0]?.instruments[0]?.result?.score).toBe(score("phq9", [1, 2, 1, 2, 0, 1, 3, 2, 0]).score);
    expect(rows[1]?.errors[0]).toMatchObject({
      value: "5",
      expected: "1, 2, 3, 4 (read with offset -1 as 0, 1, 2, 3)",
      reason: '"5" with offset -1 gives 4: 4 is out of range (allowed: 0, 1, 2, 3)',
    });
    expect(summary.instruments.phq9?.offsetHints).toBe(0);
  });

  it("never shifts anything undeclared, and counts rows that look coded from 1", () => {
    const coded = phq9Row(["2", "3", "2", "3", "1", "2", "4", "3", "1"]);
    const { rows, summary } = scoreRows([coded], { instruments: ["phq9"] });
    expect(rows[0]?.status).toBe("invalid");
    expect(rows[0]?.instruments[0]?.hint).toMatch(/coded from 1/);
    expect(summary.instruments.phq9?.offsetHints).toBe(1);
  });

  it("leaves number and clock-time items alone", () => {
    const rest = Object.fromEntries(
      ["5a", "5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j", "6", "7", "8", "9"].map((id) => [`psqi_${id}`, "2"]),
    );
    const row = { psqi_1: "23:00", psqi_2: "15", psqi_3: "07:00", psqi_4: "7", ...rest };
    const shifted = scoreRows([row], { instruments: [{ instrument: "psqi", offset: -1 }] }).rows[0]?.instruments[0]
      ?.result?.answers;
    expect(shifted).toMatchObject({ "2": 15, "4": 7, "5a": 1 });
  });
});

describe("options", () => {
  const problems = (f: () => unknown): readonly string[] => {
    try {
      f();
    } catch (error) {
      if (error instanceof BatchOptionsError) return error.problems;
      throw error;
    }
    return [];
  };

  it("refuses to start, naming every problem", () => {
    expect(problems(() => createBatchScorer({ instruments: ["phq99" as never] }))[0]).toMatch(
      /unknown instrument "phq99" \(did you mean "phq9"\?\)/,
    );
    expect(problems(() => createBatchScorer({ instruments: ["zzzzzz" as never] }))[0]).not.toMatch(/did you mean/);
    expect(problems(() => createBatchScorer({ instruments: [] }))).toEqual(["no instruments given"]);
    expect(problems(() => createBatchScorer({ instruments: ["phq9", "phq9"] }))).toContain("phq9 is listed twice");
    expect(problems(() => createBatchScorer({ instruments: [{ instrument: "phq9", offset: 0.5 }] }))[0]).toMatch(
      /whole number/,
    );
    expect(
      problems(() => createBatchScorer({ instruments: [{ instrument: "phq9", options: { missing: "nope" } }] }))[0],
    ).toMatch(/unknown missing-data option/);
    const broken = {
      ...instruments.phq2,
      id: "broken",
      score: { ...instruments.phq2.score, items: ["1", "3"] },
    } as unknown as InstrumentDefinition;
    expect(problems(() => createBatchScorer({ instruments: [broken] }))[0]).toMatch(/cannot be used/);
  });

  it("passes score options through (missing rule, opt-in flags)", () => {
    const row = phq9Row(["1", "2", "1", "2", "0", "1", "3", "2", ""]);
    const { rows } = scoreRows([row], { instruments: [{ instrument: "phq9", options: { missing: "cms-mds" } }] });
    expect(rows[0]?.instruments[0]?.result).toEqual(
      score("phq9", [1, 2, 1, 2, 0, 1, 3, 2, null], { missing: "cms-mds" }),
    );
  });
});

describe("summary", () => {
  it("counts rows by status, bands and flags, zeros included", () => {
    const rows = [
      phq9Row(["0", "0", "0", "0", "0", "0", "0", "0", "0"]),
      phq9Row(["3", "3", "3", "3", "3", "3", "3", "3", "1"]),
      phq9Row(["3", "3", "3", "3", "3", "3", "3", "3", ""]),
    ];
    const { summary } = scoreRows(rows, { instruments: ["phq9"] });
    expect(summary).toEqual({
      rows: 3,
      scored: 2,
      incomplete: 1,
      invalid: 0,
      absentColumns: ["phq9_10"],
      stratification: null,
      instruments: {
        phq9: {
          scored: 2,
          incomplete: 1,
          invalid: 0,
          bands: { minimal: 1, mild: 0, moderate: 0, "moderately-severe": 0, severe: 1 },
          flags: { "self-harm": 1 },
          offsetHints: 0,
        },
      },
    });
  });

  it("continues a scorer's counts across calls", () => {
    const scorer = createBatchScorer({ instruments: ["phq2"] });
    scoreRows([{ phq2_1: "1", phq2_2: "1" }], scorer);
    const { rows, summary } = scoreRows([{ phq2_1: "1", phq2_2: "1" }], scorer);
    expect(rows[0]?.row).toBe(2);
    expect(summary.rows).toBe(2);
    expect(scorer.score({ phq2_1: "1" }, 17).line).toBe(17);
  });
});

describe("streams", () => {
  it("pulls rows only as outcomes are consumed", async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Record<string, string>> {
      for (let i = 0; i < 1000; i++) {
        await Promise.resolve();
        pulled++;
        yield { phq2_1: String(i % 4), phq2_2: "1" };
      }
    }
    const stream = scoreStream(source(), { instruments: ["phq2"] });
    const first = await stream.next();
    const second = await stream.next();
    expect(pulled).toBe(2);
    expect([first.value, second.value].map((o) => (o as RowOutcome).instruments[0]?.result?.score)).toEqual([1, 2]);
    await stream.return(undefined as never);
    expect(pulled).toBe(2);
  });

  it("returns the summary at the end, and takes plain iterables", async () => {
    const scorer = createBatchScorer({ instruments: ["phq2"] });
    const stream = scoreStream(
      [
        { phq2_1: "1", phq2_2: "x" },
        { phq2_1: "1", phq2_2: "1" },
      ],
      scorer,
    );
    const seen: RowOutcome[] = [];
    let next = await stream.next();
    while (next.done !== true) {
      seen.push(next.value);
      next = await stream.next();
    }
    expect(seen.map((o) => o.status)).toEqual(["invalid", "scored"]);
    expect(next.value).toEqual(scorer.summary());
    expect(next.value.invalid).toBe(1);
  });

  it("refuses to start on the first pull when the options are wrong", async () => {
    await expect(scoreStream([], { instruments: ["nope" as never] }).next()).rejects.toBeInstanceOf(BatchOptionsError);
  });
});

describe("stratification", () => {
  const startback = (cells: string): Record<string, string> =>
    Object.fromEntries(cells.split("").map((c, i) => [`startback_${String(i + 1)}`, c]));

  it("recommends a step per row from the row's scored results, as stratify does", () => {
    const rows = [
      { ...startback("101100003"), ...phq9Row(["1", "1", "1", "1", "1", "0", "0", "0", "1"]) },
      { ...startback("000000000"), ...phq9Row(["0", "0", "0", "0", "0", "0", "0", "0", "0"]) },
      { ...startback("00000000x"), ...phq9Row(["0", "0", "0", "0", "0", "0", "0", "0", ""]) },
    ];
    const { rows: out, summary } = scoreRows(rows, { instruments: ["startback", "phq9"], stratify: true });
    const expected = stratify([
      score("startback", [1, 0, 1, 1, 0, 0, 0, 0, 3]),
      score("phq9", [1, 1, 1, 1, 1, 0, 0, 0, 1]),
    ]);
    expect(out[0]?.stratification).toEqual(expected);
    expect(out.map((o) => [o.stratification?.step, o.stratification?.urgent])).toEqual([
      [expected.step, true],
      [1, false],
      [null, false],
    ]);
    // The invalid STarT Back counts as not assessed and the PHQ-9 has no score, so there is no step (never
    // "step 1" for nothing); the unanswered item 9 leaves the urgent rule unchecked.
    expect(out[2]?.stratification?.notUsed.map((u) => u.instrument)).toEqual(["phq9"]);
    expect(out[2]?.stratification?.urgentNotChecked.length).toBeGreaterThan(0);
    expect(out[2]?.stratification?.stepLabel).toBe("Not assessed");
    expect(summary.stratification).toEqual({
      steps: { "1": 1, "2": expected.step === 2 ? 1 : 0, "3": expected.step === 3 ? 1 : 0 },
      notAssessed: 1,
      urgent: 1,
    });
  });

  it("takes a pathway of one's own, and refuses an invalid one before any row", () => {
    const pathway = { ...defaultPathway, id: "mine" };
    expect(
      scoreRows([startback("000000000")], { instruments: ["startback"], stratify: { pathway } }).rows[0]?.stratification
        ?.pathway.id,
    ).toBe("mine");
    const broken = { ...defaultPathway, steps: [] } as unknown as Pathway;
    expect(() => createBatchScorer({ instruments: ["startback"], stratify: { pathway: broken } })).toThrow(
      /pathway: steps/,
    );
    expect(
      scoreRows([startback("000000000")], { instruments: ["startback"], stratify: false }).rows[0]?.stratification,
    ).toBeNull();
  });
});
