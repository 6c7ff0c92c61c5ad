// compareScores: worked examples, every default threshold below, at and above, options, errors and laws.
// Thresholds and their sources are in each definition's `change` facts (docs/change.md).
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bpi,
  CompareInputError,
  safeScore,
  compareScores,
  safeCompareScores,
  fabq,
  gad7,
  instruments,
  isi,
  ndi,
  odi,
  pcs,
  peg,
  phq8,
  phq9,
  pseq,
  psqi,
  rmdq,
  score,
  startback,
  tsk11,
  tsk17,
  validateDefinition,
  type InstrumentDefinition,
  type ScoreResult,
} from "../src/index.js";
import { answerSet } from "../src/testing/arbitraries.js";
import { answersWithTotal } from "./helpers/build.js";

function at<const D extends InstrumentDefinition>(def: D, n: number, scale = "total"): ScoreResult<D> {
  return score(def, answersWithTotal(def, n, scale));
}
const cmp = (def: InstrumentDefinition, a: number, b: number, options?: Parameters<typeof compareScores>[2]) =>
  compareScores(at(def, a), at(def, b), options);
/** ODI with ten sections summing to `sum` (index = sum × 2 %). */
const odiSum = (sum: number): ScoreResult =>
  score(
    odi,
    Array.from({ length: 10 }, (_, i) => Math.max(0, Math.min(5, sum - i * 5))),
  );

function reached(c: ReturnType<typeof compareScores>): boolean | null {
  if (!c.mcid.available) throw new Error(c.mcid.reason);
  return c.mcid.reached;
}
function reliable(c: ReturnType<typeof compareScores>): boolean {
  if (!c.reliableChange.available) throw new Error(c.reliableChange.reason);
  return c.reliableChange.reliable;
}
function response(c: ReturnType<typeof compareScores>): boolean | null {
  if (!c.response.available) throw new Error(c.response.reason);
  return c.response.met;
}
function remission(c: ReturnType<typeof compareScores>): boolean | null {
  if (!c.remission.available) throw new Error(c.remission.reason);
  return c.remission.met;
}

describe("compareScores: worked examples", () => {
  it("PHQ-9 16 → 7: improved 9 points, beyond the MCID and the reliable change threshold, a response, no remission", () => {
    const c = compareScores(score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]), score(phq9, [1, 1, 1, 0, 1, 1, 1, 1, 0]));
    expect(c).toMatchObject({
      instrument: "phq9",
      scale: "total",
      before: 16,
      after: 7,
      change: -9,
      percentChange: -56.25,
      direction: "improved",
      improvement: 9,
    });
    expect(c.band).toEqual({
      before: { id: "moderately-severe", label: "Moderately severe" },
      after: { id: "mild", label: "Mild" },
    });
    expect(c.mcid).toMatchObject({
      available: true,
      id: "lowe2004",
      unit: "points",
      threshold: 5,
      reached: true,
      source: { key: "lowe2004", pmid: "15550799" },
    });
    // Löwe 2004: SEM = 5 / 2 = 2.5; S_diff = 2.5 × √2 = 3.5355; RCI = −9 / 3.5355 = −2.546; threshold 1.96 × 3.5355 = 6.93.
    expect(c.reliableChange).toMatchObject({
      available: true,
      id: "lowe2004",
      reliable: true,
      inputs: { sd: null, reliability: null, sem: 2.5, threshold: null },
    });
    if (!c.reliableChange.available) throw new Error();
    expect(c.reliableChange.rci).toBeCloseTo(-2.5456, 4);
    expect(c.reliableChange.standardErrorOfDifference).toBeCloseTo(3.5355, 4);
    expect(c.reliableChange.threshold).toBeCloseTo(6.9296, 4);
    expect(c.response).toMatchObject({
      available: true,
      id: "halved",
      met: true,
      metAtBaseline: null,
      source: { key: "psychServ2020" },
    });
    expect(c.remission).toMatchObject({ available: true, id: "below-5", met: false, metAtBaseline: false });
    expect(c.notes).toEqual([]);
  });

  it("ISI 20 → 11 and 15 → 7 (AASM: response a fall of 8 or more, remission below 8)", () => {
    const a = cmp(isi, 20, 11);
    expect([reached(a), reliable(a), response(a), remission(a)]).toEqual([true, true, true, false]);
    const b = cmp(isi, 15, 7);
    expect([reached(b), reliable(b), response(b), remission(b)]).toEqual([true, true, true, true]);
  });

  it("PSEQ 20 → 26: higher is better, so a rise is an improvement; 6 ≥ the MCID of 5.5 but not reliable (11.52)", () => {
    const c = cmp(pseq, 20, 26);
    expect(c).toMatchObject({ change: 6, direction: "improved", improvement: 6, percentChange: 30 });
    expect([reached(c), reliable(c)]).toEqual([true, false]);
    const back = cmp(pseq, 26, 20);
    expect(back).toMatchObject({ change: -6, direction: "worsened", improvement: -6 });
    expect(back.mcid.available && back.mcid.note).toBe(
      "derived for improvement; the same size is applied to worsening",
    );
  });

  it("worked example from the TSDoc and README", () => {
    const c = compareScores(score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]), score(phq9, [1, 1, 1, 0, 1, 1, 1, 1, 0]));
    expect([c.change, c.direction, reached(c), reliable(c), response(c), remission(c)]).toEqual([
      -9,
      "improved",
      true,
      true,
      true,
      false,
    ]);
  });
});

describe("compareScores: default thresholds, below, at and above", () => {
  // [instrument, before, after, expected]
  it.each([
    // PHQ-9 MCID 5 points (Löwe 2004).
    [phq9, 14, 10, false],
    [phq9, 14, 9, true],
    [phq9, 14, 8, true],
    // GAD-7 MCID 4 points (Toussaint 2020).
    [gad7, 12, 9, false],
    [gad7, 12, 8, true],
    [gad7, 12, 7, true],
    // TSK-17 and TSK-11 MCID 4 points (Woby 2005).
    [tsk17, 45, 42, false],
    [tsk17, 45, 41, true],
    [tsk17, 45, 40, true],
    [tsk11, 30, 27, false],
    [tsk11, 30, 26, true],
    [tsk11, 30, 25, true],
    // NDI MCID 10 points (Young 2009's advice).
    [ndi, 30, 21, false],
    [ndi, 30, 20, true],
    [ndi, 30, 19, true],
    // ISI MCID 6 points (Yang 2009).
    [isi, 20, 15, false],
    [isi, 20, 14, true],
    [isi, 20, 13, true],
    // PSEQ MCID 5.5 points (Chiarotto 2016): 5 is below, 6 is the first whole change above.
    [pseq, 30, 35, false],
    [pseq, 30, 36, true],
    [pseq, 30, 37, true],
    // RMDQ MCID 5 points (Ostelo 2008).
    [rmdq, 15, 11, false],
    [rmdq, 15, 10, true],
    [rmdq, 15, 9, true],
  ] as const)("%#: %i → %i reaches the MCID: %s", (def, a, b, expected) => {
    expect(reached(cmp(def, a, b))).toBe(expected);
  });

  // Vernon's note (chiro.org/forms/NDI_Explain.shtml): "at least a 5-point change is required to be clinically
  // meaningful" — offered as an option; Young 2009's 10 stays the default.
  it("NDI: Vernon's 5 points as the `vernon` option, 4 below and 5 at it; the default stays 10", () => {
    const c = (a: number, b: number) => cmp(ndi, a, b, { mcid: "vernon" });
    expect([reached(c(30, 26)), reached(c(30, 25)), reached(c(30, 24)), reached(c(20, 25))]).toEqual([
      false,
      true,
      true,
      true,
    ]);
    const v = c(30, 25);
    expect(v.mcid).toMatchObject({ available: true, id: "vernon", threshold: 5, unit: "points" });
    expect(v.mcid.available && v.mcid.source.key).toBe("vernonNote");
    expect(v.mcid.available && v.mcid.note).toMatch(/10\.2-point smallest detectable change/);
    const d = cmp(ndi, 30, 25);
    expect(d.mcid).toMatchObject({ id: "young2009", threshold: 10 });
    expect(reached(d)).toBe(false);
    // The default says, in every result, that the author's own figure is smaller and where to find it.
    expect(d.mcid.available && d.mcid.note).toMatch(/author's note gives 5 points \(the `vernon` option\)/);
    expect(cmp(ndi, 30, 18).mcid).toMatchObject({ reached: true, note: expect.stringMatching(/measurement error/) });
  });

  it("PSQI: 3 points (the value insomnia trials use)", () => {
    // Eight hours in bed and asleep, no disturbances: the global score is sleep quality (item 6) + medication (item 7).
    const p = (quality: number, medication: number) =>
      score(psqi, ["23:00", 10, "07:00", 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, quality, medication, 0, 0] as never);
    expect(p(3, 3).score).toBe(6);
    const c = (q: number, m: number) => reached(compareScores(p(3, 3), p(q, m)));
    expect([c(1, 3), c(0, 3), c(0, 2)]).toEqual([false, true, true]);
  });

  it("PCS: 8 points, or 11 from a baseline above 30 (Monticone 2022); a baseline of 30 takes 8", () => {
    expect([reached(cmp(pcs, 30, 23)), reached(cmp(pcs, 30, 22)), reached(cmp(pcs, 30, 21))]).toEqual([
      false,
      true,
      true,
    ]);
    expect([reached(cmp(pcs, 31, 21)), reached(cmp(pcs, 31, 20)), reached(cmp(pcs, 31, 19))]).toEqual([
      false,
      true,
      true,
    ]);
    const c = cmp(pcs, 31, 20);
    expect(c.mcid.available && c.mcid.threshold).toBe(11);
  });

  it("ODI: MCID 10 points, response a 30 % improvement (Ostelo 2008)", () => {
    const c = (a: number, b: number) => compareScores(odiSum(a), odiSum(b));
    // Sums of 20 and 16/15/14 are 40 % and 32/30/28 %: changes of 8, 10, 12 points.
    expect([reached(c(20, 16)), reached(c(20, 15)), reached(c(20, 14))]).toEqual([false, true, true]);
    // From 40 %: 30 % (25 % better) no; 28 % (exactly 30 % better) yes; 26 % (35 %) yes.
    expect([response(c(20, 15)), response(c(20, 14)), response(c(20, 13))]).toEqual([false, true, true]);
  });

  it("FABQ: MCID 4 (physical activity) and 7 (work), reliable from 3.69 and 5.95 (Monticone 2020)", () => {
    const pa = (a: number, b: number) =>
      compareScores(at(fabq, a, "physicalActivity"), at(fabq, b, "physicalActivity"), { scale: "physicalActivity" });
    expect([reached(pa(16, 13)), reached(pa(16, 12)), reached(pa(16, 11))]).toEqual([false, true, true]);
    expect([reliable(pa(16, 13)), reliable(pa(16, 12))]).toEqual([false, true]);
    const work = (a: number, b: number) => compareScores(at(fabq, a, "work"), at(fabq, b, "work"), { scale: "work" });
    expect([reached(work(30, 24)), reached(work(30, 23)), reached(work(30, 22))]).toEqual([false, true, true]);
    expect([reliable(work(30, 25)), reliable(work(30, 24))]).toEqual([false, true]);
  });

  it("PHQ-9 reliable change: 6.93 points by default (Löwe 2004), 6 with the IAPT option", () => {
    expect([reliable(cmp(phq9, 20, 14)), reliable(cmp(phq9, 20, 13)), reliable(cmp(phq9, 20, 12))]).toEqual([
      false,
      true,
      true,
    ]);
    const iapt = (b: number) => reliable(cmp(phq9, 20, b, { reliability: "iapt" }));
    expect([iapt(15), iapt(14), iapt(13)]).toEqual([false, true, true]);
    const general = cmp(phq9, 10, 6, { reliability: "general-population" });
    expect(general.reliableChange).toMatchObject({
      available: true,
      reliable: true,
      inputs: { sd: 3.5, reliability: 0.84 },
    });
    expect(general.reliableChange.available && general.reliableChange.threshold).toBeCloseTo(3.88, 2);
  });

  it("GAD-7 reliable change: 4 points (IAPT)", () => {
    expect([reliable(cmp(gad7, 12, 9)), reliable(cmp(gad7, 12, 8)), reliable(cmp(gad7, 12, 7))]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it("TSK-17 reliable change: 8.76 points from Woby's SEM 3.16; 8.53 with the Danish SDC", () => {
    expect([reliable(cmp(tsk17, 45, 37)), reliable(cmp(tsk17, 45, 36))]).toEqual([false, true]);
    expect(reliable(cmp(tsk17, 45, 36, { reliability: "eiger2023" }))).toBe(true);
  });

  it("ISI reliable change from SEM 2.52 (6.99 points); PSEQ from the MDC95 11.52", () => {
    expect([reliable(cmp(isi, 20, 14)), reliable(cmp(isi, 20, 13))]).toEqual([false, true]);
    expect([reliable(cmp(pseq, 20, 31)), reliable(cmp(pseq, 20, 32))]).toEqual([false, true]);
  });

  it("PHQ-9 response: a 50 % reduction, judged from a baseline of 10 or more", () => {
    expect([response(cmp(phq9, 12, 7)), response(cmp(phq9, 12, 6)), response(cmp(phq9, 12, 5))]).toEqual([
      false,
      true,
      true,
    ]);
    expect(response(cmp(phq9, 10, 5))).toBe(true);
    const low = cmp(phq9, 9, 2);
    expect(low.response).toMatchObject({
      available: true,
      met: null,
      note: "defined for baselines ≥ 10; the baseline was 9",
    });
    expect(response(cmp(phq9, 12, 9, { response: "below-10" }))).toBe(true);
    expect(response(cmp(phq9, 12, 10, { response: "below-10" }))).toBe(false);
    expect(response(cmp(phq9, 20, 10, { response: "below-10-or-halved" }))).toBe(true);
    expect(response(cmp(phq9, 20, 11, { response: "below-10-or-halved" }))).toBe(false);
  });

  it("PHQ-9 and GAD-7 remission: below 5", () => {
    expect([remission(cmp(phq9, 12, 4)), remission(cmp(phq9, 12, 5)), remission(cmp(phq9, 12, 6))]).toEqual([
      true,
      false,
      false,
    ]);
    expect([remission(cmp(gad7, 12, 4)), remission(cmp(gad7, 12, 5)), remission(cmp(gad7, 12, 6))]).toEqual([
      true,
      false,
      false,
    ]);
    const already = cmp(gad7, 3, 2);
    expect(already.remission).toMatchObject({ met: true, metAtBaseline: true });
  });

  it("ISI response (a fall of 8) and remission (below 8)", () => {
    expect([response(cmp(isi, 20, 13)), response(cmp(isi, 20, 12)), response(cmp(isi, 20, 11))]).toEqual([
      false,
      true,
      true,
    ]);
    expect([remission(cmp(isi, 20, 7)), remission(cmp(isi, 20, 8)), remission(cmp(isi, 20, 9))]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("BPI: interference MCID 1 point; severity response 30 % (IMMPACT)", () => {
    const b = (sev: number, intf: number, first = intf) =>
      score(bpi, [sev, sev, sev, sev, first, intf, intf, intf, intf, intf, intf]);
    const i = (after: ReturnType<typeof b>) => compareScores(b(5, 6), after, { scale: "interference" });
    // Interference 6 → 5.86 (one item down), 5, 4.
    expect([reached(i(b(5, 6, 5))), reached(i(b(5, 5))), reached(i(b(5, 4)))]).toEqual([false, true, true]);
    const s = (x: number, y: number) => compareScores(b(x, 5), b(y, 5), { scale: "severity" });
    expect([response(s(10, 8)), response(s(10, 7)), response(s(10, 6))]).toEqual([false, true, true]);
    expect(response(compareScores(b(10, 5), b(5, 5), { scale: "severity", response: "reduced-50-percent" }))).toBe(
      true,
    );
    expect(s(10, 7).mcid).toEqual({
      available: false,
      reason: "the BPI-SF definition gives no minimal clinically important difference for severity",
    });
  });

  // Dworkin 2008 sets IMMPACT's 30 % and 50 % for one 0–10 pain intensity rating (usually average pain); the severity
  // subscale is the mean of four, so each severity response result carries that caveat, met or not.
  it("BPI: every severity response says IMMPACT's percentages are extended to the four-item mean", () => {
    const b = (sev: number) => score(bpi, [sev, sev, sev, sev, 5, 5, 5, 5, 5, 5, 5]);
    for (const [after, met] of [
      [7, true],
      [8, false],
    ] as const) {
      for (const id of ["reduced-30-percent", "reduced-50-percent"] as const) {
        const r = compareScores(b(10), b(after), { scale: "severity", response: id }).response;
        expect(r.available && r.note).toMatch(
          /single 0–10 pain intensity rating .* an extension\. For average pain alone, compare item 5/,
        );
        if (id === "reduced-30-percent") expect(r.available && r.met).toBe(met);
      }
    }
  });

  it("PEG: MCID 1 point (lower end of Reed 2024's range)", () => {
    const p = (x: number) => score(peg, [x, x, x]);
    expect([
      reached(compareScores(p(6), score(peg, [5, 6, 6]))),
      reached(compareScores(p(6), p(5))),
      reached(compareScores(p(6), p(4))),
    ]).toEqual([false, true, true]);
    expect(reached(compareScores(p(6), p(5), { mcid: "reed2024-upper" }))).toBe(false);
  });
});

describe("compareScores: options and what is not available", () => {
  it("uses a percent MCID when chosen, and says a percentage of 0 is undefined", () => {
    expect(reached(cmp(phq9, 10, 8, { mcid: "kounali2022" }))).toBe(true);
    expect(reached(cmp(phq9, 10, 9, { mcid: "kounali2022" }))).toBe(false);
    const zero = cmp(phq9, 0, 3, { mcid: "kounali2022" });
    expect(zero).toMatchObject({
      percentChange: null,
      percentChangeReason: "percent change is undefined from a baseline of 0",
    });
    expect(zero.mcid).toMatchObject({ reached: null, note: "a percentage of a baseline of 0 is undefined" });
  });

  it("cannot judge a percentage response from a baseline of 0", () => {
    const c = compareScores(odiSum(0), odiSum(3));
    expect(c.response).toMatchObject({ met: null, note: "a percentage of a baseline of 0 is undefined" });
  });

  it("reports what the definition does not give", () => {
    const c = cmp(phq8, 12, 6);
    expect(c).toMatchObject({ change: -6, direction: "improved" });
    expect(c.mcid).toEqual({
      available: false,
      reason: "the PHQ-8 definition gives no minimal clinically important difference for total",
    });
    expect(c.reliableChange.available).toBe(false);
    expect(c.response.available).toBe(false);
    expect(c.remission.available).toBe(false);
  });

  it("compares STarT Back by its bands", () => {
    const c = compareScores(
      score(startback, [1, 1, 1, 1, 1, 1, 1, 1, 4]),
      score(startback, [1, 0, 0, 0, 0, 0, 0, 0, 0]),
    );
    expect(c.band).toEqual({ before: { id: "high", label: "High risk" }, after: { id: "low", label: "Low risk" } });
    expect(c.direction).toBe("improved");
  });

  it("accepts reliability inputs of the caller's own, in each form", () => {
    const own = cmp(phq9, 20, 14, {
      reliability: { sd: 5, reliability: 0.8, source: "Clinic audit 2024", population: "our clinic" },
    });
    // S_diff = 5 × √2 × √0.2 = 3.162; threshold 6.20.
    expect(own.reliableChange).toMatchObject({
      available: true,
      id: "caller",
      label: "supplied by the caller",
      reliable: false,
      population: "our clinic",
      source: { key: "caller", text: "Clinic audit 2024" },
    });
    expect(own.reliableChange.available && own.reliableChange.threshold).toBeCloseTo(6.1981, 4);
    expect(reliable(cmp(phq9, 20, 14, { reliability: { sem: 2, label: "SEM 2", source: "x" } }))).toBe(true);
    expect(reliable(cmp(phq9, 20, 14, { reliability: { threshold: 6, source: "x" } }))).toBe(true);
    const odiOwn = compareScores(odiSum(20), odiSum(14), { reliability: { threshold: 10, source: "x" } });
    expect(reliable(odiOwn)).toBe(true);
    expect(compareScores(odiSum(20), odiSum(14)).reliableChange).toEqual({
      available: false,
      reason: "the ODI definition gives no reliability data for the reliable change index for percent",
    });
  });

  it.each([
    [{ source: "x" }, /exactly one of/],
    [{ sd: 5, source: "x" }, /reliability must be at least 0 and below 1/],
    [{ sd: -1, reliability: 0.5, source: "x" }, /sd must be a number above 0/],
    [{ sd: 5, reliability: 1, source: "x" }, /reliability must be at least 0 and below 1/],
    [{ sem: 0, source: "x" }, /sem must be a number above 0/],
    [{ threshold: Number.NaN, source: "x" }, /threshold must be a number above 0/],
    [{ sem: 2, threshold: 6, source: "x" }, /exactly one of/],
    [{ sem: 2, source: " " }, /source must name/],
  ])("rejects caller reliability %o", (reliability, message) => {
    expect(() => cmp(phq9, 20, 14, { reliability: reliability as never })).toThrow(message);
  });

  it("notes results scored with different definition versions", () => {
    const a = at(phq9, 12);
    const b = { ...at(phq9, 6), version: "0.9.0" };
    expect(compareScores(a, b).notes).toEqual([
      "the results were scored with different definition versions (1.0.0 and 0.9.0)",
      "the change facts are those of definition version 1.0.0",
    ]);
  });

  it("compares a custom instrument given its definition, with its own change facts", () => {
    const def = {
      id: "mypain",
      title: "My pain rating",
      shortTitle: "MyPain",
      version: "1.0.0",
      domain: "pain",
      description: "A 0–10 rating.",
      direction: "higher-is-worse",
      references: {
        local: { text: "Local form." },
        farrar2001: { text: "Farrar JT, et al. Pain 2001;94(2):149–158." },
      },
      licence: { rightsHolder: "The clinic", redistributeWording: true, terms: "Ours.", source: "local" },
      items: [
        { id: "1", label: "Pain", options: Array.from({ length: 11 }, (_, v) => ({ value: v, label: String(v) })) },
      ],
      score: {
        id: "total",
        label: "total",
        items: ["1"],
        method: "sum",
        range: [0, 10],
        missing: { kind: "strict", source: "local" },
        source: "local",
      },
      change: {
        total: { mcid: [{ id: "farrar", label: "2 points", points: 2, default: true, source: "farrar2001" }] },
      },
    } as const satisfies InstrumentDefinition;
    expect(validateDefinition(def)).toEqual([]);
    expect(() => compareScores(score(def, [8]), score(def, [5]))).toThrow(
      /no definition for instrument "mypain": pass it as options.definition/,
    );
    const c = compareScores(score(def, [8]), score(def, [5]), { definition: def });
    expect(c.mcid).toMatchObject({ reached: true, source: { key: "farrar2001" } });
    expect(() => compareScores(score(def, [8]), score(def, [5]), { definition: phq9 })).toThrow(
      /options.definition is "phq9"/,
    );
  });
});

describe("compareScores: errors", () => {
  const err = (f: () => unknown): CompareInputError => {
    try {
      f();
    } catch (e) {
      if (e instanceof CompareInputError) return e;
      throw e;
    }
    throw new Error("did not throw");
  };

  it("refuses results of different instruments", () => {
    const e = err(() => compareScores(at(phq9, 10), at(gad7, 10) as never));
    expect(e.code).toBe("different-instruments");
    expect(e.message).toBe('cannot compare results of different instruments ("phq9" and "gad7")');
    expect(e.name).toBe("CompareInputError");
  });

  it("refuses a result without a score, saying why", () => {
    const e = err(() => compareScores(at(phq9, 10), score(phq9, [1, 1, 1, 1, 1, 1, 1, 1, null])));
    expect(e.code).toBe("no-score");
    expect(e.message).toMatch(/^the after result has no PHQ-9 total score \(.+\)$/);
    expect(err(() => compareScores(score(phq9, [null, 1, 1, 1, 1, 1, 1, 1, 1]), at(phq9, 3))).message).toMatch(
      /^the before result/,
    );
  });

  it("asks for a scale where there is no single total, and refuses an unknown scale", () => {
    const f = at(fabq, 10, "physicalActivity");
    expect(err(() => compareScores(f, f)).message).toBe(
      'FABQ has no single total score: pass options.scale (one of "physicalActivity", "work")',
    );
    expect(err(() => compareScores(f, f, { scale: "total" as never })).code).toBe("unknown-scale");
    expect(err(() => compareScores(f, f, { scale: "work" })).code).toBe("no-score");
  });

  it("refuses an option the definition does not offer", () => {
    const e = err(() => cmp(phq9, 10, 5, { mcid: "ostelo2008" }));
    expect(e.code).toBe("unknown-option");
    expect(e.message).toBe('PHQ-9 total has no mcid option "ostelo2008" (options: "lowe2004", "kounali2022")');
    expect(err(() => cmp(phq8, 10, 5, { remission: "below-5" })).message).toMatch(/options: none/);
  });

  it("refuses an unknown instrument without a definition", () => {
    const r = { ...at(phq9, 10), instrument: "phq10" } as unknown as ScoreResult;
    expect(err(() => compareScores(r, r)).code).toBe("unknown-instrument");
  });
});

describe("compareScores laws", () => {
  const withFacts = (Object.values(instruments) as InstrumentDefinition[]).filter(
    (d) => d.score !== null && d.change !== undefined,
  );
  const pair = fc.constantFrom(...withFacts).chain((def) => fc.tuple(fc.constant(def), answerSet(def), answerSet(def)));
  // Scores an answer set, or null for one the instrument rejects as a whole although each answer is valid
  // alone (a PSQI whose bedtime equals its get-up time).
  const scoreOrNull = (def: InstrumentDefinition, answers: unknown): ScoreResult | null => {
    const r = safeScore(def, answers);
    return r.success ? r.data : null;
  };

  it("is antisymmetric in change and RCI, symmetric in reliability, and flips direction", () => {
    fc.assert(
      fc.property(pair, ([def, a, b]) => {
        const ra = scoreOrNull(def, a);
        fc.pre(ra !== null);
        const rb = scoreOrNull(def, b);
        fc.pre(rb !== null);
        fc.pre(ra.score !== null && rb.score !== null);
        const ab = compareScores(ra, rb);
        const ba = compareScores(rb, ra);
        // Subtraction is exactly antisymmetric in floating point, so the sums are exactly 0.
        expect(ab.change + ba.change).toBe(0);
        expect(ab.improvement + ba.improvement).toBe(0);
        const flip = { improved: "worsened", worsened: "improved", unchanged: "unchanged" } as const;
        expect(ba.direction).toBe(flip[ab.direction]);
        if (ab.reliableChange.available && ba.reliableChange.available) {
          expect(ab.reliableChange.rci).toBeCloseTo(-ba.reliableChange.rci, 9);
          expect(ab.reliableChange.reliable).toBe(ba.reliableChange.reliable);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("calls a change an improvement exactly when the score moves the instrument's better way", () => {
    fc.assert(
      fc.property(pair, ([def, a, b]) => {
        const ra = scoreOrNull(def, a);
        fc.pre(ra !== null);
        const rb = scoreOrNull(def, b);
        fc.pre(rb !== null);
        fc.pre(ra.score !== null && rb.score !== null);
        const c = compareScores(ra, rb);
        const better = def.direction === "higher-is-better" ? c.change > 0 : c.change < 0;
        expect(c.direction === "improved").toBe(better);
        expect(c.direction === "unchanged").toBe(c.change === 0);
        expect(c.improvement > 0).toBe(better);
        if (c.mcid.available && c.mcid.unit === "points" && c.mcid.reached !== null) {
          expect(c.mcid.reached).toBe(Math.abs(c.change) >= c.mcid.threshold - 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never mutates its inputs", () => {
    const a = at(phq9, 14);
    const b = at(phq9, 6);
    const snapshot = JSON.stringify([a, b]);
    compareScores(a, b);
    expect(JSON.stringify([a, b])).toBe(snapshot);
  });
});

describe("the change facts in the definitions", () => {
  const broken: [string, unknown, RegExp][] = [
    [
      "an unknown scale",
      { ...phq9, change: { sum: phq9.change.total } },
      /change\.sum: names a scale the definition does not have/,
    ],
    [
      "two defaults",
      { ...phq9, change: { total: { mcid: phq9.change.total.mcid.map((m) => ({ ...m, default: true })) } } },
      /change\.total\.mcid: needs exactly one option marked default \(has 2\)/,
    ],
    [
      "no default",
      { ...gad7, change: { total: { remission: [{ ...gad7.change.total.remission[0], default: false }] } } },
      /needs exactly one option marked default \(has 0\)/,
    ],
    [
      "both points and percent",
      {
        ...phq9,
        change: {
          total: { mcid: [{ id: "x", label: "x", points: 5, percent: 20, default: true, source: "lowe2004" }] },
        },
      },
      /give exactly one of points or percent/,
    ],
    [
      "byBaseline without points",
      {
        ...phq9,
        change: {
          total: {
            mcid: [
              {
                id: "x",
                label: "x",
                percent: 20,
                byBaseline: [{ op: ">", value: 10, points: 6 }],
                default: true,
                source: "lowe2004",
              },
            ],
          },
        },
      },
      /byBaseline needs points/,
    ],
    [
      "two reliability forms",
      {
        ...phq9,
        change: {
          total: { reliability: [{ id: "x", label: "x", sem: 2, threshold: 6, default: true, source: "lowe2004" }] },
        },
      },
      /give exactly one of sd with reliability, sem, or threshold/,
    ],
    [
      "sd without reliability",
      {
        ...phq9,
        change: { total: { reliability: [{ id: "x", label: "x", sd: 2, default: true, source: "lowe2004" }] } },
      },
      /sd and reliability go together/,
    ],
    [
      "a source not among the references",
      { ...phq9, change: { total: { mcid: [{ id: "x", label: "x", points: 5, default: true, source: "nowhere" }] } } },
      /change\.total\.mcid "x": source "nowhere" is not among the references/,
    ],
    [
      "a duplicate id",
      {
        ...phq9,
        change: { total: { mcid: [phq9.change.total.mcid[0], { ...phq9.change.total.mcid[1], id: "lowe2004" }] } },
      },
      /duplicate id "lowe2004"/,
    ],
    [
      "a reliability of 1",
      {
        ...phq9,
        change: {
          total: { reliability: [{ id: "x", label: "x", sd: 2, reliability: 1, default: true, source: "lowe2004" }] },
        },
      },
      /must be at least 0 and below 1/,
    ],
    [
      "a negative MCID",
      {
        ...phq9,
        change: { total: { mcid: [{ id: "x", label: "x", points: -5, default: true, source: "lowe2004" }] } },
      },
      /must be a finite number above 0/,
    ],
  ];
  it.each(broken)("rejects %s", (_, def, message) => {
    expect(validateDefinition(def).join("\n")).toMatch(message);
  });

  it("gives every scale with facts a default of each kind it offers, and every source a reference", () => {
    for (const def of Object.values(instruments) as InstrumentDefinition[]) expect(validateDefinition(def)).toEqual([]);
  });
});

describe("safeCompareScores (cohorts: never throws)", () => {
  const before = score(phq9, [2, 2, 2, 2, 2, 2, 2, 2, 0]);
  const after = score(phq9, [1, 1, 1, 0, 1, 1, 1, 1, 0]);

  it("gives exactly what compareScores gives for a pair it can compare", () => {
    expect(safeCompareScores(before, after)).toEqual({ success: true, data: compareScores(before, after) });
  });

  it("gives the error compareScores would throw for a follow-up without a score", () => {
    const unscored = score(phq9, [1, 1, 1, null, 1, 1, 1, 1, 0]);
    expect(() => compareScores(before, unscored)).toThrow(CompareInputError);
    const r = safeCompareScores(before, unscored);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error).toBeInstanceOf(CompareInputError);
      expect(r.error.code).toBe("no-score");
    }
  });

  it("gives the error for results of different instruments and for an unknown scale", () => {
    const gad = score(gad7, [1, 1, 1, 1, 1, 1, 1]);
    const r = safeCompareScores(before, gad as never);
    expect(!r.success && r.error.code).toBe("different-instruments");
    const s = safeCompareScores(before, after, { scale: "nope" } as never);
    expect(!s.success && s.error.code).toBe("unknown-scale");
  });

  it("never throws, whatever it is given; what is not a pair of results is invalid-input", () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error("no reading");
        },
      },
    );
    for (const bad of [null, undefined, 3, "phq9", {}, { instrument: "phq9" }, throwing]) {
      const r = safeCompareScores(bad as never, after);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error).toBeInstanceOf(CompareInputError);
        expect(r.error.code).toBe("invalid-input");
      }
    }
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, o) => {
        const r = safeCompareScores(a as never, b as never, o as never);
        expect(r.success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
