import { describe, expect, it } from "vitest";
import { pseq, safeScore, score, ScoreInputError } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";

describe("PSEQ", () => {
  // Worked example: sum of ten 0–6 items (Nicholas 2007):
  // 3+4+2+3+4+3+2+3+4+2 = 30 → moderate (ePPOC 20–30).
  it("scores the worked example as 30, moderate (ePPOC)", () => {
    const r = score(pseq, [3, 4, 2, 3, 4, 3, 2, 3, 4, 2]);
    expect(r.score).toBe(30);
    expect(r.band).toEqual({ id: "moderate", label: "Moderate (ePPOC)" });
  });

  it("scores 0 and 60 at the ends of the range", () => {
    expect(
      score(
        pseq,
        Array.from({ length: 10 }, () => 0),
      ).score,
    ).toBe(0);
    expect(
      score(
        pseq,
        Array.from({ length: 10 }, () => 6),
      ).score,
    ).toBe(60);
  });

  describe("direction: higher is better", () => {
    it("is declared higher-is-better", () => {
      expect(pseq.direction).toBe("higher-is-better");
    });

    it("reverses no item: a higher answer always raises the total", () => {
      for (let i = 0; i < 10; i++) {
        const answers = Array.from({ length: 10 }, () => 3);
        answers[i] = 6;
        expect(score(pseq, answers).score, `item ${String(i + 1)}`).toBe(33);
      }
    });

    it("puts the lowest self-efficacy in the 'severe' band and the highest in 'minimal'", () => {
      expect(
        score(
          pseq,
          Array.from({ length: 10 }, () => 0),
        ).band?.id,
      ).toBe("severe");
      expect(
        score(
          pseq,
          Array.from({ length: 10 }, () => 6),
        ).band?.id,
      ).toBe("minimal");
    });
  });

  // ePPOC reference manual (as quoted by measurely.com.au): severe 0–19, moderate 20–30, mild 31–40, minimal 41–60.
  it.each([
    [0, "severe"],
    [18, "severe"],
    [19, "severe"],
    [20, "moderate"],
    [21, "moderate"],
    [29, "moderate"],
    [30, "moderate"],
    [31, "mild"],
    [32, "mild"],
    [39, "mild"],
    [40, "mild"],
    [41, "minimal"],
    [42, "minimal"],
    [60, "minimal"],
  ] as const)("puts a total of %i in band %s (ePPOC)", (total, band) => {
    const r = score(pseq, answersWithTotal(pseq, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it("names ePPOC, not the author, as the source of the bands", () => {
    expect(pseq.score.bandsSource).toBe("eppoc");
    expect(pseq.references.eppoc.text).toMatch(/ePPOC/);
    expect(pseq.notes.some((n) => /ePPOC's benchmarking convention, not Nicholas's/.test(n))).toBe(true);
  });

  it("needs all ten items", () => {
    const r = score(pseq, [3, 4, 2, 3, null, 3, 2, 3, 4, 2]);
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.reason).toBe("PSEQ total: 1 of 10 items not answered (5); all 10 items are required");
  });

  it.each([
    [[7, 4, 2, 3, 4, 3, 2, 3, 4, 2], "1", 7, /7 is out of range \(allowed: 0, 1, 2, 3, 4, 5, 6\)/],
    [[3, 4, 2, 3, 4, 3, 2, 3, 4, -1], "10", -1, /-1 is out of range/],
  ])("rejects %j naming item %s", (answers, item, value, message) => {
    const r = safeScore(pseq, answers);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(ScoreInputError);
    expect(r.error.issues[0]?.item).toBe(item);
    expect(r.error.issues[0]?.value).toBe(value);
    expect(r.error.issues[0]?.message).toMatch(message);
  });

  it("recognises answers coded 1–7 instead of 0–6", () => {
    const r = safeScore(pseq, [4, 5, 3, 4, 5, 4, 3, 4, 5, 7]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.hint).toMatch(/one above the allowed range/);
  });

  it("ships no item wording (terms unverified)", () => {
    expect(pseq.licence.redistributeWording).toBe(false);
    expect(pseq.items.every((it) => !("text" in it))).toBe(true);
  });
});
