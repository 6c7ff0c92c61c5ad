import { describe, expect, it } from "vitest";
import { safeScore, score, ScoreInputError, startback } from "../../src/index.js";

/** Item 9 positions: 0 not at all, 1 slightly, 2 moderately, 3 very much, 4 extremely. */
const VERY_MUCH = 3;

describe("STarT Back", () => {
  // Worked example: checked by hand against the Keele calculator's rules:
  // items 1–8 [1,0,1,1,1,0,1,1] + item 9 "very much" (1) → total 7; items 5–9 → 1+0+1+1+1 = 4 → high.
  it("scores the worked example as total 7, psychosocial 4, high risk", () => {
    const r = score(startback, [1, 0, 1, 1, 1, 0, 1, 1, VERY_MUCH]);
    expect(r.score).toBe(7);
    expect(r.subscales.psychosocial).toBe(4);
    expect(r.band).toEqual({ id: "high", label: "High risk" });
    expect(r.method).toBe("complete");
    expect(r.instrument).toBe("startback");
  });

  it("scores 0 and 9 at the ends of the range", () => {
    const low = score(startback, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([low.score, low.subscales.psychosocial, low.band?.id]).toEqual([0, 0, "low"]);
    const high = score(startback, [1, 1, 1, 1, 1, 1, 1, 1, 4]);
    expect([high.score, high.subscales.psychosocial, high.band?.id]).toEqual([9, 5, "high"]);
  });

  // Keele scoring handout: bothersomeness is positive only for "very much" or "extremely".
  describe("item 9 (bothersomeness)", () => {
    it.each([
      [0, "not at all", 0],
      [1, "slightly", 0],
      [2, "moderately", 0],
      [3, "very much", 1],
      [4, "extremely", 1],
    ] as const)("answered %i (%s) contributes %i", (answer, _label, contributes) => {
      const r = score(startback, [0, 0, 0, 0, 0, 0, 0, 0, answer]);
      expect(r.score).toBe(contributes);
      expect(r.subscales.psychosocial).toBe(contributes);
    });

    it("counts moderately as 0 and very much as 1 with the other items held fixed", () => {
      const base = [1, 1, 1, 0, 1, 1, 1, 0] as const;
      expect(score(startback, [...base, 2]).score).toBe(6);
      expect(score(startback, [...base, 3]).score).toBe(7);
      expect(score(startback, [...base, 2]).band?.id).toBe("medium"); // psychosocial 3
      expect(score(startback, [...base, 3]).band?.id).toBe("high"); // psychosocial 4
    });
  });

  // Keele calculator: total ≤ 3 low; total ≥ 4 and subscore (Q5–9) ≤ 3 medium; ≥ 4 high.
  describe("classification cut-offs", () => {
    it.each([
      ["total 3 (items 1–3)", [1, 1, 1, 0, 0, 0, 0, 0, 0], 3, 0, "low"],
      ["total 3, all psychosocial", [0, 0, 0, 0, 1, 1, 1, 0, 0], 3, 3, "low"],
      ["total 4, psychosocial 0", [1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 0, "medium"],
      ["total 5, psychosocial 1", [1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 1, "medium"],
      ["total 7, psychosocial 3", [1, 1, 1, 1, 1, 1, 1, 0, 0], 7, 3, "medium"],
      ["total 7, psychosocial 3 (item 9 moderately)", [1, 1, 1, 1, 1, 1, 1, 0, 2], 7, 3, "medium"],
      ["total 4, psychosocial 4", [0, 0, 0, 0, 1, 1, 1, 1, 0], 4, 4, "high"],
      ["total 5, psychosocial 5", [0, 0, 0, 0, 1, 1, 1, 1, 4], 5, 5, "high"],
      ["total 8, psychosocial 4", [1, 1, 1, 1, 1, 1, 1, 0, 3], 8, 4, "high"],
    ] as const)("%s → %s", (_name, answers, total, psychosocial, band) => {
      const r = score(startback, answers);
      expect(r.score).toBe(total);
      expect(r.subscales.psychosocial).toBe(psychosocial);
      expect(r.band?.id).toBe(band);
    });
  });

  // Every answer set (2^8 × 5 = 1280), with the class computed here from the published rules, independently
  // of the definition: once as the Keele calculator states it, once as the Hill 2008 abstract does.
  describe("exhaustive classification", () => {
    const sets: number[][] = [];
    for (let mask = 0; mask < 256; mask++) {
      for (let item9 = 0; item9 <= 4; item9++) {
        sets.push([...Array.from({ length: 8 }, (_, i) => (mask >> i) & 1), item9]);
      }
    }

    const keele = (total: number, psychosocial: number): string =>
      total <= 3 ? "low" : psychosocial <= 3 ? "medium" : "high";
    const hill2008 = (total: number, psychosocial: number): string =>
      psychosocial >= 4 ? "high" : total <= 3 ? "low" : "medium";

    it("covers 1280 distinct answer sets", () => {
      expect(sets).toHaveLength(1280);
      expect(new Set(sets.map((s) => s.join(""))).size).toBe(1280);
    });

    it("gives every answer set the total, subscale and band the published rules give", () => {
      const counts: Record<string, number> = { low: 0, medium: 0, high: 0 };
      for (const answers of sets) {
        const bother = (answers[8] as number) >= 3 ? 1 : 0;
        const items = answers.slice(0, 8);
        const total = items.reduce((a, b) => a + b, 0) + bother;
        const psychosocial = items.slice(4).reduce((a, b) => a + b, 0) + bother;
        const expected = keele(total, psychosocial);
        expect(hill2008(total, psychosocial), answers.join(",")).toBe(expected);
        const r = score(startback, answers);
        expect(r.score, answers.join(",")).toBe(total);
        expect(r.subscales.psychosocial, answers.join(",")).toBe(psychosocial);
        expect(r.band?.id, answers.join(",")).toBe(expected);
        counts[expected] = (counts[expected] ?? 0) + 1;
      }
      // Every class occurs, so the loop exercised all three bands.
      expect(counts.low).toBeGreaterThan(0);
      expect(counts.medium).toBeGreaterThan(0);
      expect(counts.high).toBeGreaterThan(0);
    });
  });

  describe("missing answers (strict)", () => {
    it("give no total and no class, with the reason", () => {
      const r = score(startback, [1, 1, 1, 1, null, 0, 0, 0, 0]);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.subscales.psychosocial).toBeNull();
      expect(r.reason).toBe("STarT Back total: 1 of 9 items not answered (5); all 9 items are required");
    });

    it("keep the psychosocial subscale when only items 1–4 are missing", () => {
      const r = score(startback, { "5": 1, "6": 1, "7": 0, "8": 1, "9": 4 });
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.subscales.psychosocial).toBe(4);
    });
  });

  describe("invalid input", () => {
    it.each([
      [[2, 0, 0, 0, 0, 0, 0, 0, 0], "1", 2, /2 is out of range \(allowed: 0, 1\)/],
      [[0, 0, 0, 0, 0, 0, 0, 0, 5], "9", 5, /5 is out of range \(allowed: 0, 1, 2, 3, 4\)/],
      [[0, 0, 0, 0, 0, 0, 0, 0, -1], "9", -1, /-1 is out of range/],
      [[0, 0, 0, 0, 0, 0, 0, 0.5, 0], "8", 0.5, /0.5 is not a whole number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      const r = safeScore(startback, answers);
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error).toBeInstanceOf(ScoreInputError);
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]?.item).toBe(item);
      expect(r.error.issues[0]?.value).toBe(value);
      expect(r.error.issues[0]?.message).toMatch(message);
    });

    it("rejects an array of the wrong length", () => {
      expect(() => score(startback, [0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/expected 9 answers/);
    });
  });

  it("ships no item wording (Keele University copyright)", () => {
    expect(startback.licence.redistributeWording).toBe(false);
    expect(startback.licence.rightsHolder).toBe("Keele University");
    expect(startback.items.every((it) => !("text" in it))).toBe(true);
  });

  it("scores by id as by definition", () => {
    const answers = [1, 0, 1, 1, 1, 0, 1, 1, 3];
    expect(score("startback", answers)).toEqual(score(startback, answers));
  });
});
