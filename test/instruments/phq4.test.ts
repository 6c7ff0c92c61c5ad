import { describe, expect, it } from "vitest";
import {
  gad2,
  gad7,
  phq2,
  phq4,
  phq9,
  score,
  toObservations,
  toQuestionnaire,
  validateDefinition,
} from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";
import { answersWithTotal } from "../helpers/build.js";

describe("PHQ-4", () => {
  // Worked example (instruments-2 §3, constructed from the NINDS CDE rules): [2,1,1,2] → total 6 moderate;
  // anxiety 2+1 = 3 and depression 1+2 = 3, both positive (3 or more).
  it("scores [2,1,1,2] as 6, moderate, with both subscale flags", () => {
    const r = score(phq4, [2, 1, 1, 2]);
    expect(r.score).toBe(6);
    expect(r.band?.id).toBe("moderate");
    expect(r.subscales).toEqual({ anxiety: 3, depression: 3 });
    expect(r.flags.map((f) => f.id)).toEqual(["anxiety-positive", "depression-positive"]);
  });

  it("scores [0,1,0,0] as 1, normal, with no flags", () => {
    const r = score(phq4, [0, 1, 0, 0]);
    expect(r.score).toBe(1);
    expect(r.band?.id).toBe("normal");
    expect(r.flags).toEqual([]);
  });

  it("takes record input by the printed item numbers", () => {
    const r = score(phq4, { "1": 3, "2": 3, "3": 0, "4": 1 });
    expect(r.score).toBe(7);
    expect(r.subscales).toEqual({ anxiety: 6, depression: 1 });
    expect(r.flags.map((f) => f.id)).toEqual(["anxiety-positive"]);
  });

  // Löwe 2010 and the NINDS CDE: normal 0–2, mild 3–5, moderate 6–8, severe 9–12.
  it.each([
    [0, "normal"],
    [2, "normal"],
    [3, "mild"],
    [4, "mild"],
    [5, "mild"],
    [6, "moderate"],
    [7, "moderate"],
    [8, "moderate"],
    [9, "severe"],
    [10, "severe"],
    [12, "severe"],
  ] as const)("puts a total of %i in band %s", (total, band) => {
    const r = score(phq4, answersWithTotal(phq4, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  // NINDS CDE: "On each subscale, a score of 3 or greater is considered positive".
  it.each([
    [[1, 1, 0, 0], []],
    [[2, 1, 0, 0], ["anxiety-positive"]],
    [[3, 0, 0, 0], ["anxiety-positive"]],
    [[0, 0, 1, 1], []],
    [[0, 0, 1, 2], ["depression-positive"]],
    [[0, 0, 3, 3], ["depression-positive"]],
    [[1, 1, 1, 1], []],
  ] as const)("flags %j as %j (3 or more on a subscale)", (answers, flags) => {
    expect(score(phq4, answers).flags.map((f) => f.id)).toEqual(flags);
  });

  it("does not raise a subscale flag from the other subscale's items (a total of 4 split 2 + 2)", () => {
    const r = score(phq4, [1, 1, 1, 1]);
    expect(r.score).toBe(4);
    expect(r.band?.id).toBe("mild");
    expect(r.flags).toEqual([]);
  });

  describe("missing data: strict", () => {
    it("nulls the total and the missing item's own subscale, and keeps the other subscale and its flag", () => {
      const r = score(phq4, [2, null, 2, 2]);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.subscales).toEqual({ anxiety: null, depression: 4 });
      expect(r.flags.map((f) => f.id)).toEqual(["depression-positive"]);
      expect(r.missing).toEqual(["2"]);
    });

    it("does not guess a flag on a subscale with a missing item, even when the answered item alone reaches 3", () => {
      const r = score(phq4, { "1": 3, "3": 0, "4": 0 });
      expect(r.subscales.anxiety).toBeNull();
      expect(r.flags).toEqual([]);
    });
  });

  describe("invalid input is named", () => {
    it.each([
      [[4, 0, 0, 0], "1", 4, /4 is not one of the allowed answers|out of range/],
      [[0, 0, -1, 0], "3", -1, /-1/],
      [[0, 0, 0, 1.5], "4", 1.5, /1\.5/],
      [[0, "2", 0, 0], "2", "2", /"2" is a string, not a number/],
    ] as const)("rejects %j naming item %s", (answers, item, value, message) => {
      expectOneInvalid(phq4, answers, item, value, message);
    });

    it("rejects five answers", () => {
      expect(() => score(phq4, [0, 0, 0, 0, 0])).toThrow(/PHQ-4/);
    });
  });

  describe("the GAD-2 and the PHQ-2 inside it", () => {
    it("asks the GAD-2's and the PHQ-2's questions with the same codes and answer codings", () => {
      const codings = (d: { items: readonly { loinc?: string; options?: readonly { loinc?: string }[] }[] }) =>
        d.items.map((it) => [it.loinc, (it.options ?? []).map((o) => o.loinc)]);
      expect(codings(phq4).slice(0, 2)).toEqual(codings(gad2));
      expect(codings(phq4).slice(2, 4)).toEqual(codings(phq2));
      expect(codings(phq4)[0]).toEqual(codings(gad7)[0]);
      expect(codings(phq4)[2]).toEqual(codings(phq9)[0]);
    });

    it("gives the same subscale scores as the GAD-2 and the PHQ-2 given the same answers", () => {
      for (const [a, b, c, d] of [
        [0, 1, 2, 3],
        [3, 3, 0, 0],
        [2, 1, 1, 2],
      ] as const) {
        const r = score(phq4, [a, b, c, d]);
        expect(r.subscales.anxiety).toBe(score(gad2, [a, b]).score);
        expect(r.subscales.depression).toBe(score(phq2, [c, d]).score);
      }
    });
  });

  describe("LOINC", () => {
    it("carries panel 69724-3 and total 70272-0, and no code on the subscales", () => {
      expect(phq4.loinc).toEqual({ panel: "69724-3", score: "70272-0" });
      const q = toQuestionnaire(phq4);
      expect(q.code?.[0]?.code).toBe("69724-3");
      const obs = toObservations(score(phq4, [2, 1, 1, 2]), { instrument: phq4 });
      const codes = obs.flatMap((o) => (o.code.coding ?? []).map((c) => `${c.system ?? ""}|${c.code ?? ""}`));
      expect(codes).toContain("http://loinc.org|70272-0");
      expect(codes.filter((c) => c.startsWith("http://loinc.org|"))).toEqual(["http://loinc.org|70272-0"]);
    });

    it("gives item 2's answer worth 2 LOINC's LA18938-3 'More days than not', as the GAD-7 does", () => {
      const two = phq4.items[1].options.find((o) => o.value === 2);
      expect(two).toEqual({
        value: 2,
        label: "More than half the days",
        loinc: "LA18938-3",
        loincDisplay: "More days than not",
      });
    });
  });

  it("ships the wording (Pfizer: no permission required)", () => {
    expect(phq4.licence.redistributeWording).toBe(true);
    expect(phq4.items.every((it) => typeof it.text === "string")).toBe(true);
  });

  it("is accepted by validateDefinition, and a broken copy is not", () => {
    expect(validateDefinition(phq4)).toEqual([]);
    const gap = phq4.score.bands.map((b) => (b.id === "mild" ? { ...b, max: 4 } : b));
    expect(validateDefinition({ ...phq4, score: { ...phq4.score, bands: gap } })).toEqual([
      'scale "total" bands: band "moderate" starts at 6; after "mild" (to 4) it must start at 5',
    ]);
    const typo = [{ ...phq4.flags[0], when: { scale: "anxeity", op: ">=", value: 3 } }];
    expect(validateDefinition({ ...phq4, flags: typo })).toEqual([
      'flag "anxiety-positive": condition names unknown scale "anxeity"',
    ]);
  });
});
