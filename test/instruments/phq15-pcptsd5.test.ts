import { describe, expect, it } from "vitest";
import { pcptsd5, phq15, safeScore, score, toObservations, validateDefinition } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

const ones = (): (number | null)[] => new Array<number | null>(15).fill(1);

// PHQ-15: instruments-2 §2 (Kroenke 2002 bands; CamCOPS item-4 rule; DC/TMD manual's proration).
describe("PHQ-15", () => {
  it("scores a woman's 15 items at 1 as 15, high; [2,2,2,0,1,0,1,0,0,0,0,1,1,2,2] as 14, medium", () => {
    expect(score(phq15, ones(), { settings: { sex: "female" } }).band?.id).toBe("high");
    const r = score(phq15, [2, 2, 2, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 2, 2], { settings: { sex: "female" } });
    expect(r.score).toBe(14);
    expect(r.band?.id).toBe("medium");
  });

  it("bands every cut-off (4/5, 9/10, 14/15)", () => {
    const band = (total: number): string | undefined => {
      const a = ones().map((_, i) => Math.max(0, Math.min(2, total - 2 * i)));
      return score(phq15, a).band?.id;
    };
    expect([0, 4, 5, 9, 10, 14, 15, 30].map(band)).toEqual([
      "minimal",
      "minimal",
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
    ]);
  });

  it("for a man, item 4 is not asked and counts 0: the other 14 items at 1 give 14, medium", () => {
    const man = ones();
    man[3] = null;
    const r = score(phq15, man, { settings: { sex: "male" } });
    expect(r.score).toBe(14);
    expect(r.band?.id).toBe("medium");
    expect(r.method).toBe("complete");
    expect(r.missing).toEqual([]);
    expect(r.reason).toBe("sex is male: item 4 not asked, counted 0");
    // The highest a man can score is 28.
    const most = new Array<number | null>(15).fill(2);
    most[3] = null;
    expect(score(phq15, most, { settings: { sex: "male" } }).score).toBe(28);
  });

  it("opt-in dctmd prorates, a man's item 4 among the missing: 14 × 15 / 14 = 15, high", () => {
    const man = ones();
    man[3] = null;
    const r = score(phq15, man, { settings: { sex: "male" }, missing: "dctmd" });
    expect(r.score).toBe(15);
    expect(r.method).toBe("prorated");
    expect(r.missing).toEqual(["4"]);
    expect(r.band?.id).toBe("high");
    // At most 5 missing.
    const six = ones().map((v, i) => (i < 6 ? null : v));
    expect(score(phq15, six, { missing: "dctmd" }).score).toBeNull();
    const five = ones().map((v, i) => (i < 5 ? null : v));
    expect(score(phq15, five, { missing: "dctmd" }).score).toBe(15);
  });

  it("with sex unset, item 4 applies like any item (strict)", () => {
    const a = ones();
    a[3] = null;
    const r = score(phq15, a);
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(["4"]);
    expect(score(phq15, ones()).score).toBe(15);
  });

  it("rejects item 4 answered above 0 for a man, naming the item", () => {
    const r = safeScore(phq15, ones(), { settings: { sex: "male" } });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]?.item).toBe("4");
      expect(r.error.issues[0]?.message).toMatch(/does not ask item 4 when sex is male, but it was answered 1/);
    }
    const zero = ones();
    zero[3] = 0;
    expect(score(phq15, zero, { settings: { sex: "male" } }).score).toBe(14);
  });

  it("names an out-of-range answer", () => {
    const a = ones();
    a[0] = 3;
    expectOneInvalid(phq15, a, "1", 3, /0, 1, 2/);
  });

  it("maps LOINC by item, not by position: item 11 (intercourse) is 69717-7; total 70273-8", () => {
    expect(phq15.items[10].loinc).toBe("69717-7");
    const text = JSON.stringify(toObservations(score(phq15, ones()), { subject: { reference: "Patient/1" } }));
    expect(text).toContain("70273-8");
  });
});

// PC-PTSD-5: instruments-2 §4 (form: "If no, screen total = 0. Please stop here."; Prins 2016; Bovin 2021).
describe("PC-PTSD-5", () => {
  it("scores [1, 1,0,1,0,1] as 3, positive, without cutoff-4 even when asked", () => {
    const r = score(pcptsd5, [1, 1, 0, 1, 0, 1], { flags: ["cutoff-4"] });
    expect(r.score).toBe(3);
    expect(r.band?.id).toBe("positive");
    expect(r.flags).toEqual([]);
  });

  it("bands 2/3 and raises cutoff-4 at 4 only when asked", () => {
    expect(score(pcptsd5, [1, 1, 1, 0, 0, 0]).band?.id).toBe("negative");
    const four = { exposure: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 0 };
    expect(score(pcptsd5, four).flags).toEqual([]);
    expect(score(pcptsd5, four, { flags: ["cutoff-4"] }).flags.map((f) => f.id)).toEqual(["cutoff-4"]);
    expect(score(pcptsd5, [1, 1, 1, 1, 1, 1]).score).toBe(5);
  });

  it("exposure No: total 0, items 1–5 not asked and not missing; exposure Yes with no symptoms: 0", () => {
    const r = score(pcptsd5, [0, null, null, null, null, null]);
    expect(r.score).toBe(0);
    expect(r.band?.id).toBe("negative");
    expect(r.missing).toEqual([]);
    expect(r.reason).toBe("item exposure == 0: items 1–5 not asked, counted 0");
    const yes = score(pcptsd5, [1, 0, 0, 0, 0, 0]);
    expect(yes.score).toBe(0);
    expect(yes.reason).toBeNull();
    expect(yes.answers.exposure).toBe(1);
  });

  it("exposure missing: no score; exposure Yes: strict on items 1–5", () => {
    const none = score(pcptsd5, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 });
    expect(none.score).toBeNull();
    expect(none.missing).toEqual(["exposure"]);
    expect(score(pcptsd5, [1, 1, null, 1, 1, 1]).score).toBeNull();
  });

  it("rejects a Yes after exposure No (the form says the total is then 0); a No there is accepted", () => {
    expectOneInvalid(pcptsd5, [0, 1, null, null, null, null], "1", 1, /does not ask item 1 when item exposure == 0/);
    expect(score(pcptsd5, [0, 0, 0, null, null, null]).score).toBe(0);
  });

  it("emits the total code 102017-1", () => {
    const text = JSON.stringify(
      toObservations(score(pcptsd5, [1, 1, 0, 1, 0, 1]), { subject: { reference: "Patient/1" } }),
    );
    expect(text).toContain("102017-1");
  });

  it("validateDefinition accepts both and rejects broken copies", () => {
    expect(validateDefinition(phq15)).toEqual([]);
    expect(validateDefinition(pcptsd5)).toEqual([]);
    const selfSkip = { ...pcptsd5, skips: [{ ...pcptsd5.skips[0], items: ["exposure", "1"] }] };
    expect(validateDefinition(selfSkip)).toContain('skips.0: tests item "exposure", which it also skips');
    const unknownSetting = { ...phq15, skips: [{ ...phq15.skips[0], when: [{ setting: "gender", is: ["male"] }] }] };
    expect(validateDefinition(unknownSetting).join("\n")).toMatch(/condition names unknown setting "gender"/);
    const badDefault = { ...phq15, settings: [{ ...phq15.settings[0], default: "other" }] };
    expect(validateDefinition(badDefault)).toContain('setting "sex": default "other" is not one of its values');
  });
});
