import { describe, expect, it } from "vitest";
import { score, tsk11 } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

const all = (v: number): number[] => Array.from({ length: 11 }, () => v);

describe("TSK-11", () => {
  // Worked example: the 11 retained items of the TSK-17 example, all 3 → 33.
  it("scores the worked example (all 3) as 33, with no band", () => {
    const r = score(tsk11, all(3));
    expect(r.score).toBe(33);
    expect(r.band).toBeNull();
    expect(r.method).toBe("complete");
  });

  // Woby 2005: 11 items scored 1–4, none reversed: 11–44.
  it("scores 11 and 44 at the ends of the range", () => {
    expect(score(tsk11, all(1)).score).toBe(11);
    expect(score(tsk11, all(4)).score).toBe(44);
  });

  it.each(Array.from({ length: 11 }, (_, i) => i))(
    "does not reverse item %i (0-based): answering 4 adds 3",
    (index) => {
      const answers = all(1);
      answers[index] = 4;
      expect(score(tsk11, answers).score).toBe(14);
    },
  );

  it("has no bands and no flags: no single-score cut-off is published", () => {
    expect("bands" in tsk11.score).toBe(false);
    expect("flags" in tsk11).toBe(false);
  });

  // Woby 2005 abstract: TSK-17 items 4, 8, 9, 12, 14, 16 were excluded.
  it("numbers its items 1–11 and names the TSK-17 item each one is", () => {
    expect(tsk11.items.map((i) => i.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    const mapped = tsk11.items.map((i) => /\(TSK-17 item (\d+)\)$/.exec(i.label)?.[1]);
    expect(mapped).toEqual(["1", "2", "3", "5", "6", "7", "10", "11", "13", "15", "17"]);
  });

  it("takes record input by the TSK-11's own numbers", () => {
    const r = score(tsk11, {
      "1": 1,
      "2": 1,
      "3": 1,
      "4": 4,
      "5": 1,
      "6": 1,
      "7": 1,
      "8": 1,
      "9": 1,
      "10": 1,
      "11": 1,
    });
    expect(r.score).toBe(14);
    expect(r.answers["4"]).toBe(4);
  });

  it("gives no total when an item is missing (strict), with the reason", () => {
    const r = score(tsk11, [3, 3, 3, 3, 3, null, 3, 3, 3, 3, 3]);
    expect(r.score).toBeNull();
    expect(r.reason).toBe("TSK-11 total: 1 of 11 items not answered (6); all 11 items are required");
    expect(r.missing).toEqual(["6"]);
  });

  describe("invalid input", () => {
    it.each([
      [[1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1], "3", 0, /0 is out of range \(allowed: 1, 2, 3, 4\)/],
      [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 7], "11", 7, /7 is out of range/],
      [[1, "2", 1, 1, 1, 1, 1, 1, 1, 1, 1], "2", "2", /"2" is a string, not a number/],
    ])("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(tsk11, answers, item, value, message);
    });

    it("rejects 17 answers (a TSK-17 passed as a TSK-11)", () => {
      expect(() =>
        score(
          tsk11,
          Array.from({ length: 17 }, () => 2),
        ),
      ).toThrow(/expected 11 answers/);
    });
  });

  it("scores by id as by definition", () => {
    expect(score("tsk11", all(2))).toEqual(score(tsk11, all(2)));
  });
});
