import { describe, expect, it } from "vitest";
import { rmdq, score } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

/** 24 answers: the first `ticked` are 1, the rest 0, and the items in `missing` (1-based) unanswered. */
function ticks(ticked: number, missing: readonly number[] = []): (number | null)[] {
  let remaining = ticked;
  return Array.from({ length: 24 }, (_, i) => {
    if (missing.includes(i + 1)) return null;
    if (remaining > 0) {
      remaining -= 1;
      return 1;
    }
    return 0;
  });
}

describe("RMDQ-24", () => {
  // Worked example: 9 items ticked → 9 (Roland & Morris 1983: the score is
  // the number of statements ticked).
  it("scores nine ticked statements as 9", () => {
    const r = score(rmdq, [1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.score).toBe(9);
    expect(r.method).toBe("complete");
    expect(r.instrument).toBe("rmdq");
  });

  it("scores 0 and 24 at the ends of the range", () => {
    expect(score(rmdq, ticks(0)).score).toBe(0);
    expect(score(rmdq, ticks(24)).score).toBe(24);
  });

  it("counts ticks wherever they fall, not their positions", () => {
    const last = ticks(0);
    last[23] = 1;
    last[12] = 1;
    expect(score(rmdq, last).score).toBe(2);
  });

  // Roland & Fairbank 2000: no official cut-offs.
  it("has no bands", () => {
    expect(score(rmdq, ticks(20)).band).toBeNull();
    expect("bands" in rmdq.score).toBe(false);
  });

  describe("missing answers", () => {
    // Kent & Lauridsen: "There is no standard method … when one or more questions have not been answered".
    it("give no score by default (strict), with the reason", () => {
      const r = score(rmdq, ticks(9, [5]));
      expect(r.score).toBeNull();
      expect(r.method).toBe("insufficient");
      expect(r.reason).toBe("RMDQ total: 1 of 24 items not answered (5); all 24 items are required");
      expect(r.missing).toEqual(["5"]);
    });

    // rescale option (non-standard): count × 24 / answered, unrounded, at most 2 unanswered.
    it("rescale one unanswered item under rescale: 9 × 24 / 23 = 9.39", () => {
      const r = score(rmdq, ticks(9, [20]), { missing: "rescale" });
      expect(r.score).toBeCloseTo(9.3913, 4);
      expect(r.method).toBe("prorated");
    });

    it("rescale two unanswered items under rescale: 9 × 24 / 22 = 9.82", () => {
      const r = score(rmdq, ticks(9, [20, 24]), { missing: "rescale" });
      expect(r.score).toBeCloseTo(9.8182, 4);
      expect(r.method).toBe("prorated");
      expect(r.missing).toEqual(["20", "24"]);
    });

    it("rescale the extremes to the ends of the range", () => {
      expect(score(rmdq, ticks(0, [1, 2]), { missing: "rescale" }).score).toBe(0);
      expect(score(rmdq, ticks(22, [1, 2]), { missing: "rescale" }).score).toBe(24);
    });

    it("give no score with three unanswered items under rescale", () => {
      const r = score(rmdq, ticks(9, [3, 10, 24]), { missing: "rescale" });
      expect(r.score).toBeNull();
      expect(r.reason).toBe(
        "RMDQ total: 3 of 24 items not answered (3, 10, 24); at most 2 may be missing for a prorated score",
      );
    });

    it("label the rescale option as non-standard", () => {
      expect(rmdq.missingOptions[0].label).toMatch(/^Non-standard/);
      expect(rmdq.notes.some((n) => /non-standard/.test(n) && /rescale/.test(n))).toBe(true);
    });
  });

  describe("invalid input", () => {
    it.each([
      [2, 2, /2 is out of range \(allowed: 0, 1\)/],
      [-1, -1, /-1 is out of range \(allowed: 0, 1\)/],
      ["1", "1", /"1" is a string, not a number \(allowed: 0, 1\)/],
      [true, true, /true is not a number/],
    ])("rejects %j on item 7", (bad, value, message) => {
      const answers: unknown[] = ticks(3);
      answers[6] = bad;
      expectOneInvalid(rmdq, answers, "7", value, message);
    });

    it("rejects an array of the wrong length", () => {
      expect(() => score(rmdq, ticks(3).slice(0, 23))).toThrow(/expected 24 answers in published item order/);
    });
  });

  it("ships no statement wording and states its licence", () => {
    expect(rmdq.items.every((it) => !("text" in it))).toBe(true);
    expect(rmdq.licence.redistributeWording).toBe(false);
    expect(rmdq.licence.rightsHolder).toMatch(/Roland/);
  });
});
