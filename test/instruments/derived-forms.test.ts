// Short and derived forms repeat their parent's items literally, so that each file reads on its own; these
// tests prove the repetition is exact (ids, wording, LOINC codes, options and their scoring).
import { describe, expect, it } from "vitest";
import { bpi, gad2, gad7, peg, phq2, phq8, phq9, tsk11, tsk17, type Item } from "../../src/index.js";

/** An item's id and the options a caller may pass, with what each scores. */
function scoring(item: Item): unknown {
  if (item.kind === "number" || item.kind === "time") return { id: item.id, kind: item.kind };
  return {
    id: item.id,
    reversed: item.reversed === true,
    options: item.options.map((o) => [o.value, o.score ?? o.value]),
  };
}

describe("derived forms repeat their parent's items exactly", () => {
  it("PHQ-8 items 1–8 are PHQ-9 items 1–8 (ids, wording, LOINC codes, options), with the PHQ-9 bands below severe", () => {
    expect(phq8.items).toEqual(phq9.items.slice(0, 8));
    expect(phq8.items.map(scoring)).toEqual(phq9.items.slice(0, 8).map(scoring));
    expect(phq8.score.bands.slice(0, 4)).toEqual(phq9.score.bands.slice(0, 4));
    expect(phq8.score.bands[4]).toEqual({ ...phq9.score.bands[4], max: 24 });
    expect([phq8.instructions, phq8.licence]).toEqual([phq9.instructions, phq9.licence]);
  });

  it("PHQ-2 items are PHQ-9 items 1–2, and GAD-2 items are GAD-7 items 1–2", () => {
    expect(phq2.items).toEqual(phq9.items.slice(0, 2));
    expect(gad2.items).toEqual(gad7.items.slice(0, 2));
    expect([phq2.licence, gad2.licence, gad7.licence]).toEqual([phq9.licence, phq9.licence, phq9.licence]);
  });

  it("PHQ-2 and GAD-2 share the screen cut-off (3 or more is positive)", () => {
    expect(gad2.score.bands).toEqual(phq2.score.bands);
  });

  it("the GAD-7 items use the PHQ-9 frequency scale, LOINC's display for item 2 aside, and the same difficulty item", () => {
    const plain = (item: Item) =>
      "options" in item ? item.options.map(({ value, label, loinc }) => ({ value, label, loinc })) : [];
    for (const item of gad7.items.slice(0, 7))
      expect(item.options.map((o) => [o.value, o.label])).toEqual(phq9.items[0].options.map((o) => [o.value, o.label]));
    expect(plain(gad7.items[0])).toEqual(plain(phq9.items[0]));
    const difficulty = (item: Item) => ({
      label: item.label,
      text: item.text,
      optional: item.optional,
      options: "options" in item ? item.options : [],
    });
    expect(difficulty(gad7.items[7])).toEqual(difficulty(phq9.items[9]));
  });

  it("TSK-11 items 1–11 are TSK-17 items 1, 2, 3, 5, 6, 7, 10, 11, 13, 15 and 17 (Woby 2005), none reversed", () => {
    const published = [1, 2, 3, 5, 6, 7, 10, 11, 13, 15, 17];
    expect(tsk11.items).toHaveLength(published.length);
    tsk11.items.forEach((item, k) => {
      const parent = tsk17.items[(published[k] as number) - 1] as Item;
      expect(item.id).toBe(String(k + 1));
      expect(item.label).toBe(`${parent.label} (TSK-17 item ${parent.id})`);
      expect("options" in item && item.options).toEqual("options" in parent && parent.options);
      expect(scoring(item)).toEqual({ ...(scoring(parent) as object), id: item.id, reversed: false });
    });
    expect(tsk11.licence).toEqual(tsk17.licence);
  });

  it("PEG items answer on the BPI's 0–10 scale: average pain, enjoyment of life, general activity", () => {
    const parents = ["5", "9g", "9a"].map((id) => bpi.items.find((it) => it.id === id));
    peg.items.forEach((item, k) => {
      const parent = parents[k];
      expect(parent !== undefined && "options" in parent && parent.options).toEqual("options" in item && item.options);
    });
  });
});
