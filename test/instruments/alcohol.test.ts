import { describe, expect, it } from "vitest";
import { audit, auditc, safeScore, score, toObservations, validateDefinition } from "../../src/index.js";
import { expectOneInvalid } from "../helpers/errors.js";

// AUDIT-C and AUDIT: instruments-2 §6 (worked examples constructed from the sheet's rules).
describe("AUDIT-C", () => {
  it("scores [2,1,1] as 4, positive whatever the sex", () => {
    for (const sex of [undefined, "female", "male"] as const) {
      const r = score(auditc, [2, 1, 1], sex === undefined ? undefined : { settings: { sex } });
      expect(r.score).toBe(4);
      expect(r.band?.id).toBe("positive");
      expect(r.flags).toEqual([]);
    }
  });

  // Cut-offs: ≥ 4 men, ≥ 3 women (Addict Sci Clin Pract 2014; ementalhealth.ca); 3 with sex unset: indeterminate.
  it("reads every total at each cut-off by sex, and 3 with sex unset as indeterminate with sex-needed", () => {
    const cases: [(number | null)[], string, string, string][] = [
      // answers, female, male, unset
      [[1, 1, 0], "negative", "negative", "negative"], // 2
      [[1, 1, 1], "positive", "negative", "indeterminate"], // 3
      [[2, 1, 1], "positive", "positive", "positive"], // 4
      [[4, 4, 4], "positive", "positive", "positive"], // 12
      [[0, null, null], "negative", "negative", "negative"], // 0
    ];
    for (const [a, female, male, unset] of cases) {
      expect(score(auditc, a, { settings: { sex: "female" } }).band?.id).toBe(female);
      expect(score(auditc, a, { settings: { sex: "male" } }).band?.id).toBe(male);
      const r = score(auditc, a);
      expect(r.band?.id).toBe(unset);
      expect(r.flags.map((f) => f.id)).toEqual(unset === "indeterminate" ? ["sex-needed"] : []);
    }
    expect(score(auditc, [1, 1, 1], { settings: { sex: "female" } }).flags).toEqual([]);
  });

  it("counts items 2–3 as 0 when item 1 is 0, and says so; they are not missing", () => {
    for (const input of [[0, null, null], { 1: 0 }] as const) {
      const r = score(auditc, input as never);
      expect(r.score).toBe(0);
      expect(r.method).toBe("complete");
      expect(r.missing).toEqual([]);
      expect(r.reason).toBe("item 1 == 0: items 2, 3 not asked, counted 0");
      expect(r.answers).toEqual({ 1: 0, 2: null, 3: null });
    }
  });

  it("scores an item answered after item 1 = 0 as given (the patient's report is not zeroed)", () => {
    const r = score(auditc, [0, 2, 1], { settings: { sex: "male" } });
    expect(r.score).toBe(3);
    expect(r.reason).toBeNull();
    const partly = score(auditc, [0, 2, null]);
    expect(partly.score).toBe(2);
    expect(partly.reason).toBe("item 1 == 0: item 3 not asked, counted 0");
  });

  it("is strict otherwise: a missing item 2 or 3 after item 1 ≥ 1 leaves no score", () => {
    const r = score(auditc, { 1: 1, 2: null, 3: 1 });
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.missing).toEqual(["2"]);
    expect(score(auditc, [null, null, null]).score).toBeNull();
  });

  it("names invalid answers and settings", () => {
    expectOneInvalid(auditc, [5, 0, 0], "1", 5, /0, 1, 2, 3, 4/);
    // @ts-expect-error -- sex takes "female" or "male"
    const bad = safeScore(auditc, [1, 1, 1], { settings: { sex: "f" } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.message).toMatch(/setting "sex" must be one of "female", "male"/);
  });

  it("emits the AUDIT-C total code 75626-2, never the AUDIT's 75624-7", () => {
    const text = JSON.stringify(toObservations(score(auditc, [2, 1, 1]), { subject: { reference: "Patient/1" } }));
    expect(text).toContain("75626-2");
    expect(text).not.toContain("75624-7");
  });
});

describe("AUDIT", () => {
  it("scores [3,2,2,1,1,0,1,1,2,4] as 17, zone-3, consumption 7", () => {
    const r = score(audit, [3, 2, 2, 1, 1, 0, 1, 1, 2, 4]);
    expect(r.score).toBe(17);
    expect(r.band?.id).toBe("zone-3");
    expect(r.subscales).toEqual({ consumption: 7 });
    expect(r.reason).toBeNull();
  });

  it("counts items 2–8 as 0 when item 1 is 0 (WHO 2001 skip; CamCOPS is_complete)", () => {
    const r = score(audit, [0, null, null, null, null, null, null, null, 0, 2]);
    expect(r.score).toBe(2);
    expect(r.band?.id).toBe("zone-1");
    expect(r.missing).toEqual([]);
    expect(r.method).toBe("complete");
    expect(r.reason).toBe("item 1 == 0: items 2–8 not asked, counted 0");
    expect(r.scales.consumption.reason).toBe("item 1 == 0: items 2–8 not asked, counted 0");
    expect(r.subscales.consumption).toBe(0);
  });

  it("counts items 4–8 as 0 when items 2 and 3 are both 0", () => {
    const r = score(audit, { 1: 2, 2: 0, 3: 0, 9: 4, 10: 4 });
    expect(r.score).toBe(10);
    expect(r.band?.id).toBe("zone-2");
    expect(r.reason).toBe("item 2 == 0 and item 3 == 0: items 4–8 not asked, counted 0");
    // Only one of items 2 and 3 at 0: items 4–8 are asked, and missing.
    const r2 = score(audit, { 1: 2, 2: 0, 3: 1, 9: 4, 10: 4 });
    expect(r2.score).toBeNull();
    expect(r2.missing).toEqual(["4", "5", "6", "7", "8"]);
  });

  it("always needs items 1, 9 and 10", () => {
    for (const id of ["1", "9", "10"]) {
      const a: Record<string, number | null> = { 1: 0, 9: 0, 10: 0 };
      a[id] = null;
      const r = score(audit, a);
      expect(r.score).toBeNull();
      expect(r.missing).toContain(id);
    }
  });

  it("scores answers given after a skip as given", () => {
    expect(score(audit, [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBe(1);
  });

  it("bands every zone boundary (7/8, 15/16, 19/20)", () => {
    const zone = (total: number): string | undefined => {
      // Items 1–8 carry up to 32; items 9–10 stay 0.
      const a = [0, 0, 0, 0, 0, 0, 0, 0].map((_, i) => Math.max(0, Math.min(4, total - 4 * i)));
      if (a[0] === 0) a[0] = 1; // keep item 1 above 0 so nothing is skipped
      return score(audit, [...a, 0, 0]).band?.id;
    };
    expect([7, 8, 15, 16, 19, 20, 32].map(zone)).toEqual([
      "zone-1",
      "zone-2",
      "zone-2",
      "zone-3",
      "zone-3",
      "zone-4",
      "zone-4",
    ]);
    expect(score(audit, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]).score).toBe(40);
  });

  it("rejects 1 and 3 on items 9–10", () => {
    expectOneInvalid(audit, [1, 0, 0, 0, 0, 0, 0, 0, 3, 0], "9", 3, /0, 2, 4/);
  });

  it("emits the AUDIT total code 75624-7, never the AUDIT-C's 75626-2", () => {
    const text = JSON.stringify(
      toObservations(score(audit, [3, 2, 2, 1, 1, 0, 1, 1, 2, 4]), { subject: { reference: "Patient/1" } }),
    );
    expect(text).toContain("75624-7");
    expect(text).not.toContain("75626-2");
  });

  it("validateDefinition accepts both and rejects broken copies", () => {
    expect(validateDefinition(audit)).toEqual([]);
    expect(validateDefinition(auditc)).toEqual([]);
    const badSkip = { ...audit, skips: [{ ...audit.skips[0], items: ["2", "11"], counts: 7 }] };
    expect(validateDefinition(badSkip)).toEqual(
      expect.arrayContaining([
        'skips.0: skips unknown item "11"',
        'skips.0: counts item "2" as 7, which is not one of its allowed answers',
      ]),
    );
    const badSetting = {
      ...auditc,
      score: {
        ...auditc.score,
        bands: [{ id: "x", label: "x", when: [{ setting: "sex", is: ["other"] }] }],
      },
    };
    expect(validateDefinition(badSetting).join("\n")).toMatch(/tests "other", not among its values/);
  });
});

describe("AUDIT-C is the AUDIT's first three items", () => {
  // Bush K et al. Arch Intern Med 1998;158:1789–95: the AUDIT-C is AUDIT questions 1–3, scored as there.
  it("has the same item ids and option values as AUDIT items 1–3", () => {
    const shape = (items: readonly { id: string; options?: readonly { value: number }[] }[]) =>
      items.map((it) => ({ id: it.id, values: (it.options ?? []).map((o) => o.value) }));
    expect(shape(auditc.items)).toEqual(shape(audit.items.slice(0, 3)));
  });
});
