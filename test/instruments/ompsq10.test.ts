import { describe, expect, it } from "vitest";
import { ompsq10, safeScore, score, ScoreInputError } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

/** The lowest-scoring answer set: shortest duration (1), every other item at its 0-scoring end. */
const MINIMUM = [1, 0, 10, 10, 0, 0, 0, 10, 0, 0] as const;

describe("ÖMPSQ-10", () => {
  // Worked example: Duration 3–6 months = 7; pain 6; light work 4 → 6; sleep 5 → 5;
  // tense 7; depressed 5; persistence risk 8; normal duties in 3 months 3 → 7; stop 6; normal work 4.
  // 7+6+6+5+7+5+8+7+6+4 = 61 ≥ 50 → high risk (Linton 2011 cut-off of 50).
  it("scores the worked example as 61, high risk", () => {
    const r = score(ompsq10, [7, 6, 4, 5, 7, 5, 8, 3, 6, 4]);
    expect(r.score).toBe(61);
    expect(r.band).toEqual({ id: "high", label: "High risk" });
    expect(r.method).toBe("complete");
  });

  it("scores 1 and 100 at the ends of the range", () => {
    expect(score(ompsq10, MINIMUM).score).toBe(1);
    expect(score(ompsq10, [10, 10, 0, 0, 10, 10, 10, 0, 10, 10]).score).toBe(100);
  });

  // Item order as awell-score gives it and as a second, independent list does (rtwMatters, Return to Work Matters).
  it("asks the ten questions in the published order", () => {
    const topics = [
      /duration/i,
      /pain rating/i,
      /light work/i,
      /sleep/i,
      /tense|anxious/i,
      /depressed/i,
      /persistent/i,
      /normal duties/i,
      /stop/i,
      /normal work/i,
    ];
    expect(ompsq10.items.map((it) => it.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    ompsq10.items.forEach((it, i) => {
      expect(it.label).toMatch(topics[i] as RegExp);
    });
    expect(ompsq10.references.rtwMatters.note).toMatch(/independent of awell-score/);
  });

  describe("reverse keying of items 3, 4 and 8 (10 − answer)", () => {
    it("answering 10 on item 3 contributes 0, answering 0 contributes 10", () => {
      expect(score(ompsq10, MINIMUM).score).toBe(1);
      const zero: number[] = [...MINIMUM];
      zero[2] = 0;
      expect(score(ompsq10, zero).score).toBe(11);
    });

    it.each([
      ["3", 2],
      ["4", 3],
      ["8", 7],
    ] as const)("item %s answered x contributes 10 − x", (id, index) => {
      for (let x = 0; x <= 10; x++) {
        const answers: number[] = [...MINIMUM];
        answers[index] = x;
        expect(score(ompsq10, answers).score, `item ${id} = ${String(x)}`).toBe(1 + (10 - x));
      }
    });

    it.each([
      ["2", 1],
      ["5", 4],
      ["6", 5],
      ["7", 6],
      ["9", 8],
      ["10", 9],
    ] as const)("item %s answered x contributes x", (id, index) => {
      for (let x = 0; x <= 10; x++) {
        const answers: number[] = [...MINIMUM];
        answers[index] = x;
        expect(score(ompsq10, answers).score, `item ${id} = ${String(x)}`).toBe(1 + x);
      }
    });

    it("item 1 contributes its category number, 1 to 10", () => {
      for (let c = 1; c <= 10; c++) {
        const answers: number[] = [...MINIMUM];
        answers[0] = c;
        expect(score(ompsq10, answers).score).toBe(c);
      }
    });
  });

  // The printed long form the short form's items come from (Linton & Boersma 2003, WorkCover NSW version):
  // "How long have you had your current pain problem?" 0-1 week (1) … 9-12 months (9), over 1 year (10).
  it("offers item 1's ten duration boxes with the scores the printed form gives them", () => {
    const item1 = ompsq10.items[0];
    expect(item1.options.map((o) => [o.label, o.value])).toEqual([
      ["0–1 week", 1],
      ["1–2 weeks", 2],
      ["3–4 weeks", 3],
      ["4–5 weeks", 4],
      ["6–8 weeks", 5],
      ["9–11 weeks", 6],
      ["3–6 months", 7],
      ["6–9 months", 8],
      ["9–12 months", 9],
      ["Over 1 year", 10],
    ]);
  });

  // Linton 2011: "a cutoff of 50"; 50 itself is high risk here (≥ 50), as in awell-score (> 49).
  describe("cut-off at 50", () => {
    it.each([
      [[1, 0, 10, 10, 0, 0, 0, 10, 0, 0], 1, "low"],
      [[8, 10, 0, 0, 10, 0, 0, 10, 0, 0], 48, "low"],
      [[9, 10, 0, 0, 10, 0, 0, 10, 0, 0], 49, "low"],
      [[10, 10, 0, 0, 10, 0, 0, 10, 0, 0], 50, "high"],
      [[10, 10, 0, 0, 10, 1, 0, 10, 0, 0], 51, "high"],
      [[10, 10, 0, 0, 10, 10, 10, 0, 10, 10], 100, "high"],
    ] as const)("puts %j (total %i) in band %s", (answers, total, band) => {
      const r = score(ompsq10, answers);
      expect(r.score).toBe(total);
      expect(r.band?.id).toBe(band);
    });

    it.each([
      [1, "low"],
      [48, "low"],
      [49, "low"],
      [50, "high"],
      [51, "high"],
      [100, "high"],
    ] as const)("puts a built answer set with total %i in band %s", (total, band) => {
      const r = score(ompsq10, answersWithTotal(ompsq10, total));
      expect(r.score).toBe(total);
      expect(r.band?.id).toBe(band);
    });
  });

  describe("missing answers (strict)", () => {
    it("give no total, naming the missing item", () => {
      const r = score(ompsq10, [7, 6, 4, 5, 7, 5, 8, null, 6, 4]);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.reason).toBe("ÖMPSQ-10 total: 1 of 10 items not answered (8); all 10 items are required");
    });
  });

  describe("invalid input", () => {
    it.each([
      [[0, 6, 4, 5, 7, 5, 8, 3, 6, 4], "1", 0, /0 is out of range \(allowed: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\)/],
      [[11, 6, 4, 5, 7, 5, 8, 3, 6, 4], "1", 11, /11 is out of range/],
      [[7, 11, 4, 5, 7, 5, 8, 3, 6, 4], "2", 11, /11 is out of range \(allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\)/],
      [[7, 6, 4, 5, 7, 5, 8, 3, 6, -1], "10", -1, /-1 is out of range/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      const r = safeScore(ompsq10, answers);
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error).toBeInstanceOf(ScoreInputError);
      expect(r.error.issues[0]?.item).toBe(item);
      expect(r.error.issues[0]?.value).toBe(value);
      expect(r.error.issues[0]?.message).toMatch(message);
    });

    it("takes record input keyed by the printed item numbers, and rejects unknown ids", () => {
      const record = { "1": 7, "2": 6, "3": 4, "4": 5, "5": 7, "6": 5, "7": 8, "8": 3, "9": 6, "10": 4 };
      expect(score(ompsq10, record).score).toBe(61);
      expect(() => score(ompsq10, { ...record, "11": 0 })).toThrow(/item 11: unknown item id "11"/);
    });
  });

  it("ships no item wording (terms unverified)", () => {
    expect(ompsq10.licence.redistributeWording).toBe(false);
    expect(ompsq10.items.every((it) => !("text" in it))).toBe(true);
  });
});
