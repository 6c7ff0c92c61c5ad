import { describe, expect, it } from "vitest";
import { bpi, safeScore, score, ScoreInputError } from "../../src/index.js";

describe("BPI-SF", () => {
  // Worked example: checked by hand against the BPI User Guide (means of the items):
  // severity [8,3,5,4] → 20/4 = 5.0; interference [6,5,7,—,4,6,5] → 6 answered (≥ 4) → 33/6 = 5.5.
  it("scores the worked example: severity 5, interference 5.5 from six items", () => {
    const r = score(bpi, [8, 3, 5, 4, 6, 5, 7, null, 4, 6, 5]);
    expect(r.subscales.severity).toBe(5);
    expect(r.subscales.interference).toBe(5.5);
    expect(r.scales.severity.method).toBe("complete");
    expect(r.scales.interference.method).toBe("partial");
    expect(r.scales.interference.missing).toEqual(["9d"]);
  });

  it("has no single total: score null with the reason, no band", () => {
    const r = score(bpi, [8, 3, 5, 4, 6, 5, 7, 5, 4, 6, 5]);
    expect(bpi.score).toBeNull();
    expect(r.score).toBeNull();
    expect(r.method).toBeNull();
    expect(r.band).toBeNull();
    expect(r.reason).toBe("BPI-SF has no single total score; see its subscales");
    expect(Object.keys(r.scales).sort()).toEqual(["interference", "severity"]);
  });

  it("takes record input keyed by the short form's numbers: 3–6 and 9a–9g", () => {
    const r = score(bpi, { "3": 8, "4": 3, "5": 5, "6": 4, "9a": 6, "9b": 5, "9c": 7, "9e": 4, "9f": 6, "9g": 5 });
    expect(r.subscales.severity).toBe(5);
    expect(r.subscales.interference).toBe(5.5);
    expect(r.missing).toEqual(["9d"]);
  });

  it("scores 0 and 10 at the ends of both subscales", () => {
    const zero = score(
      bpi,
      Array.from({ length: 11 }, () => 0),
    );
    expect([zero.subscales.severity, zero.subscales.interference]).toEqual([0, 0]);
    const ten = score(
      bpi,
      Array.from({ length: 11 }, () => 10),
    );
    expect([ten.subscales.severity, ten.subscales.interference]).toEqual([10, 10]);
  });

  describe("severity: mean of the four items, all required", () => {
    it("is a plain unrounded mean", () => {
      const r = score(bpi, { "3": 7, "4": 2, "5": 4, "6": 3 });
      expect(r.subscales.severity).toBe(4);
      expect(score(bpi, { "3": 7, "4": 2, "5": 4, "6": 4 }).subscales.severity).toBe(4.25);
    });

    it.each(["3", "4", "5", "6"])("is null when item %s is missing", (id) => {
      const answers = Object.fromEntries(Object.entries({ "3": 8, "4": 3, "5": 5, "6": 4 }).filter(([k]) => k !== id));
      const r = score(bpi, answers);
      expect(r.subscales.severity).toBeNull();
      expect(r.scales.severity.reason).toBe(
        `BPI-SF severity: 1 of 4 items not answered (${id}); all 4 items are required`,
      );
    });
  });

  // BPI User Guide: the interference mean "can be used if more than 50%, or four of seven" are completed.
  describe("interference: mean of the answered items, at least 4 of 7", () => {
    it("is null with 3 answered", () => {
      const r = score(bpi, { "9a": 6, "9b": 5, "9c": 7 });
      expect(r.subscales.interference).toBeNull();
      expect(r.scales.interference.method).toBe("insufficient");
      expect(r.scales.interference.reason).toBe(
        "BPI-SF interference: 4 of 7 items not answered (9d, 9e, 9f, 9g); at least 4 must be answered",
      );
    });

    it("is the mean of the four with 4 answered", () => {
      const r = score(bpi, { "9a": 6, "9b": 5, "9c": 7, "9g": 3 });
      expect(r.subscales.interference).toBe(5.25); // 21 / 4
      expect(r.scales.interference.method).toBe("partial");
      expect(r.scales.interference.missing).toEqual(["9d", "9e", "9f"]);
    });

    it("is the mean of all seven with 7 answered", () => {
      const r = score(bpi, { "9a": 6, "9b": 5, "9c": 7, "9d": 8, "9e": 4, "9f": 6, "9g": 5 });
      expect(r.subscales.interference).toBe(41 / 7);
      expect(r.subscales.interference).toBeCloseTo(5.857, 3);
      expect(r.scales.interference.method).toBe("complete");
    });

    it("does not depend on severity being complete", () => {
      const r = score(bpi, { "3": 8, "9a": 2, "9b": 2, "9c": 2, "9d": 2 });
      expect(r.subscales.severity).toBeNull();
      expect(r.subscales.interference).toBe(2);
    });
  });

  describe("invalid input", () => {
    it.each([
      [[11, 3, 5, 4, 6, 5, 7, 5, 4, 6, 5], "3", 11, /11 is out of range \(allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10\)/],
      [[8, 3, 5, 4, 6, 5, 7, 5, 4, 6, -1], "9g", -1, /-1 is out of range/],
      [[8, 3, 5, 4, 6.5, 5, 7, 5, 4, 6, 5], "9a", 6.5, /6.5 is not a whole number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      const r = safeScore(bpi, answers);
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error).toBeInstanceOf(ScoreInputError);
      expect(r.error.issues[0]?.item).toBe(item);
      expect(r.error.issues[0]?.value).toBe(value);
      expect(r.error.issues[0]?.message).toMatch(message);
    });

    it("rejects ids that are not on the short form", () => {
      expect(() => score(bpi, { "9h": 3 } as never)).toThrow(/item 9h: unknown item id "9h"/);
      expect(() => score(bpi, { "9A": 3 } as never)).toThrow(/unknown item id "9A"/);
    });
  });

  it("ships no item wording (© Charles S. Cleeland)", () => {
    expect(bpi.licence.redistributeWording).toBe(false);
    expect(bpi.licence.rightsHolder).toBe("Charles S. Cleeland");
    expect(bpi.items.every((it) => !("text" in it))).toBe(true);
  });
});
