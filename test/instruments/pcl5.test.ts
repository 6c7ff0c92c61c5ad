import { describe, expect, it } from "vitest";
import { pcl5, score, validateDefinition } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";
import { answersWithTotal } from "../helpers/build.js";

/** Twenty answers of 0 with the given items (printed numbers) set. */
const withItems = (set: Readonly<Record<number, number>>): number[] =>
  Array.from({ length: 20 }, (_, i) => set[i + 1] ?? 0);

describe("PCL-5", () => {
  it("is a valid definition", () => {
    expect(validateDefinition(pcl5)).toEqual([]);
  });

  // Worked examples (instruments-2 §5, constructed from CamCOPS pcl5.py's rules).
  it("scores every item 2 as 40, probable PTSD, clusters 10/4/14/12, with the DSM-5 rule met", () => {
    const r = score(pcl5, Array(20).fill(2));
    expect(r.score).toBe(40);
    expect(r.band?.id).toBe("probable-ptsd");
    expect(r.subscales).toEqual({ clusterB: 10, clusterC: 4, clusterD: 14, clusterE: 12 });
    expect(r.flags.map((f) => f.id)).toEqual(["dsm5-rule"]);
  });

  it("scores items 1–5 at 4 and the rest 0 as 20, below the cut-off, without the rule (no cluster C)", () => {
    const r = score(pcl5, withItems({ 1: 4, 2: 4, 3: 4, 4: 4, 5: 4 }));
    expect(r.score).toBe(20);
    expect(r.subscales.clusterB).toBe(20);
    expect(r.band?.id).toBe("below-threshold");
    expect(r.flags).toEqual([]);
  });

  it("takes record input by the printed item numbers", () => {
    const record = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [String(i + 1), i < 10 ? 1 : 3]));
    const r = score(pcl5, record);
    expect(r.score).toBe(40);
    expect(r.subscales).toEqual({ clusterB: 5, clusterC: 2, clusterD: 3 + 12, clusterE: 18 });
  });

  // Default cut-off 33 (top of the NCPTSD's 31–33; Bovin 2016: 31 to 33 optimally efficient).
  it.each([
    [0, "below-threshold"],
    [32, "below-threshold"],
    [33, "probable-ptsd"],
    [34, "probable-ptsd"],
    [80, "probable-ptsd"],
  ] as const)("puts a total of %i in band %s", (total, band) => {
    const r = score(pcl5, answersWithTotal(pcl5, total));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it.each([
    [30, false],
    [31, true],
    [32, true],
  ] as const)("raises the opt-in cutoff-31 at a total of %i: %s, and only when asked", (total, raised) => {
    const answers = answersWithTotal(pcl5, total);
    expect(score(pcl5, answers).flags.some((f) => f.id === "cutoff-31")).toBe(false);
    expect(score(pcl5, answers, { flags: ["cutoff-31"] }).flags.some((f) => f.id === "cutoff-31")).toBe(raised);
  });

  describe("the DSM-5 rule: at least 1 B, 1 C, 2 D and 2 E items rated 2 or more (CamCOPS pcl5.py)", () => {
    const minimal = { 1: 2, 6: 2, 8: 2, 9: 2, 15: 2, 16: 2 };
    it("is met by the fewest symptoms it needs, each at 2 (total 12, below the cut-off)", () => {
      const r = score(pcl5, withItems(minimal));
      expect(r.score).toBe(12);
      expect(r.band?.id).toBe("below-threshold");
      expect(r.flags.map((f) => f.id)).toEqual(["dsm5-rule"]);
    });

    it.each([
      ["no B item at 2", { ...minimal, 1: 1 }],
      ["no C item at 2", { ...minimal, 6: 1 }],
      ["one D item at 2", { ...minimal, 9: 1 }],
      ["one E item at 2", { ...minimal, 16: 1 }],
    ] as const)("is not met with %s", (_, set) => {
      expect(score(pcl5, withItems(set)).flags).toEqual([]);
    });

    it("counts items rated 1 as no symptom, however many", () => {
      expect(score(pcl5, Array(20).fill(1)).flags).toEqual([]);
    });

    it("is raised when the answered items already meet it, and not when a missing item could decide it", () => {
      const met: (number | null)[] = withItems(minimal);
      met[19] = null;
      const r = score(pcl5, met);
      expect(r.score).toBeNull();
      expect(r.flags.map((f) => f.id)).toEqual(["dsm5-rule"]);
      const open: (number | null)[] = withItems({ ...minimal, 16: 0 });
      open[16] = null;
      expect(score(pcl5, open).flags).toEqual([]);
    });
  });

  describe("missing data: strict", () => {
    it("nulls the total and the missing item's cluster only", () => {
      const a: (number | null)[] = Array(20).fill(2);
      a[6] = null;
      const r = score(pcl5, a);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.subscales).toEqual({ clusterB: 10, clusterC: null, clusterD: 14, clusterE: 12 });
      expect(r.missing).toEqual(["7"]);
      expect(r.reason).toMatch(/1 of 20 items not answered \(7\); all 20 items are required/);
    });
  });

  describe("invalid input is named", () => {
    it.each([
      [withItems({ 1: 5 }), "1", 5, /5/],
      [withItems({ 20: -1 }), "20", -1, /-1/],
      [withItems({ 12: 2.5 }), "12", 2.5, /2\.5/],
    ] as const)("rejects item %s", (answers, item, value, message) => {
      expectOneInvalid(pcl5, answers, item, value, message);
    });

    it("rejects nineteen answers", () => {
      expect(() => score(pcl5, Array(19).fill(0))).toThrow(/PCL-5/);
    });
  });

  it("carries the 10-point change as its MCID, marked as carried over from the DSM-IV PCL", () => {
    expect(pcl5.change.total.mcid[0]).toMatchObject({ points: 10, default: true });
    expect(pcl5.change.total.mcid[0].note).toMatch(/DSM-IV/);
  });

  // Marx 2022 (Psychol Assess 34:197–203, abstract): reliable change 15 (sample 1) and 18 (sample 2).
  it("reports reliable change by Marx 2022's PCL-5 thresholds: 15 points by default, 18 as the option", () => {
    expect(pcl5.change.total.reliability.map((r) => [r.id, r.threshold, "default" in r])).toEqual([
      ["marx2022-15", 15, true],
      ["marx2022-18", 18, false],
    ]);
  });

  it("rejects a broken copy (the rule naming an item that does not exist)", () => {
    const [rule, cutoff] = pcl5.flags;
    const broken = {
      ...pcl5,
      flags: [
        { ...rule, when: { all: [{ count: [{ item: "21", op: ">=", value: 2 }], op: ">=", value: 1 }] } },
        cutoff,
      ],
    };
    expect(validateDefinition(broken).join("\n")).toMatch(/flag "dsm5-rule": condition names unknown item "21"/);
  });
});
