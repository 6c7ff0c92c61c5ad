// The batch API's readings of export quirks (BatchOptions.reading) and its column matching: each read
// only when declared, never guessed.
import { describe, expect, it } from "vitest";
import { BatchOptionsError, createBatchScorer, scoreRows } from "../src/index.js";

const PHQ9 = Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`);

describe("reading.labels", () => {
  it("reads labels and LOINC answer codes as the option's value, and never shifts them by an offset", () => {
    const cells = ["Several days", "LA6570-1", " nearly   EVERY day ", "0", "1", "0", "0", "0", "Not at all"];
    const { rows } = scoreRows([cells], { instruments: ["phq9"], header: PHQ9, reading: { labels: true } });
    expect(rows[0]?.instruments[0]?.result?.score).toBe(1 + 2 + 3 + 1);
    // A file coded 1–4 with labels in some cells: the offset applies to the numerals only.
    const coded = ["Several days", "3", "4", "1", "2", "1", "1", "1", "Not at all"];
    const shifted = scoreRows([coded], {
      instruments: [{ instrument: "phq9", offset: -1 }],
      header: PHQ9,
      reading: { labels: true },
    });
    expect(shifted.rows[0]?.instruments[0]?.result?.answers).toMatchObject({ "1": 1, "2": 2, "3": 3, "9": 0 });
  });

  it("an unknown label, or a label without the option, is an invalid cell naming the labels allowed", () => {
    const cells = ["Sometimes", "0", "0", "0", "0", "0", "0", "0", "0"];
    const { rows } = scoreRows([cells], { instruments: ["phq9"], header: PHQ9, reading: { labels: true } });
    expect(rows[0]?.status).toBe("invalid");
    expect(rows[0]?.errors[0]).toMatchObject({ column: "phq9_1", value: "Sometimes" });
    expect(rows[0]?.errors[0]?.reason).toMatch(
      /^"Sometimes" is not an option label or LOINC answer code \(allowed: "Not at all" \(0, LA6568-5\)/,
    );
    const off = scoreRows([["Several days", ...cells.slice(1)]], { instruments: ["phq9"], header: PHQ9 });
    expect(off.rows[0]?.status).toBe("invalid");
  });
});

describe("reading.decimalComma and reading.shortTimes", () => {
  const psqi = (over: Record<string, string>): Record<string, string> => ({
    psqi_1: "23:00",
    psqi_2: "15",
    psqi_3: "07:00",
    psqi_4: "7",
    ...Object.fromEntries(
      ["5a", "5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j", "6", "7", "8", "9"].map((id) => [`psqi_${id}`, "1"]),
    ),
    ...over,
  });

  it('reads "6,5" as 6.5 and refuses "6.5" with a decimal comma; reads "7:30" as 07:30 with short times', () => {
    const reading = { decimalComma: true, shortTimes: true };
    const { rows } = scoreRows([psqi({ psqi_4: "6,5", psqi_3: "7:30" }), psqi({ psqi_4: "6.5" })], {
      instruments: ["psqi"],
      reading,
    });
    expect(rows[0]?.instruments[0]?.result?.answers).toMatchObject({ "3": "07:30", "4": 6.5 });
    expect(rows[1]?.errors[0]).toMatchObject({ column: "psqi_4", value: "6.5" });
    expect(rows[1]?.errors[0]?.expected).toContain('decimal comma ("1,5")');
    // Not declared: both as before.
    const plain = scoreRows([psqi({ psqi_4: "6,5" }), psqi({ psqi_3: "7:30" })], { instruments: ["psqi"] });
    expect(plain.rows.map((r) => r.errors[0]?.column)).toEqual(["psqi_4", "psqi_3"]);
  });
});

describe("column names", () => {
  it("matches case and separator differences when the exact name is absent, and only then", () => {
    const header = ["PHQ2_1", "phq2-2", "phq2_2"];
    const scorer = createBatchScorer({ instruments: ["phq2"], header });
    expect(scorer.columns.map((c) => c.column)).toEqual(["PHQ2_1", "phq2_2"]);
    const { rows } = scoreRows([["1", "3", "2"]], scorer);
    expect(rows[0]?.instruments[0]?.result?.score).toBe(3);
    // "phq21" is not "phq2_1": a separator is never removed.
    expect(() => createBatchScorer({ instruments: ["phq2"], header: ["phq21", "phq2_2"] })).toThrow(BatchOptionsError);
  });

  it("names the header column a missing one was probably meant to be, from those no item is read from", () => {
    try {
      createBatchScorer({ instruments: ["gad2"], header: ["gad2_1", "gad_2"] });
      expect.unreachable();
    } catch (error) {
      expect((error as BatchOptionsError).problems).toEqual([
        'missing columns for GAD-2: gad2_2 (items 2); did you mean "gad_2" for gad2_2?',
      ]);
    }
  });

  it("allowMissingColumns still refuses an instrument with none of its columns", () => {
    expect(() => createBatchScorer({ instruments: ["phq2"], header: ["id"], allowMissingColumns: true })).toThrow(
      /no columns for PHQ-2 \(phq2_1, phq2_2\): with none of them no row could have a score/,
    );
  });
});
