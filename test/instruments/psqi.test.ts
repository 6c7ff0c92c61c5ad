import { describe, expect, it } from "vitest";
import { psqi, safeScore, score, ScoreInputError } from "../../src/index.js";

type Answers = Record<string, number | string | null>;

/**
 * A sleeper with no problems: in bed 23:00–07:00 (8 h), asleep in 10 min, 8 h of sleep, every other answer 0.
 * Every component is 0 (10 min → 0; 8 h > 7 → 0; 8/8 = 100 % → 0; sums 0 → 0), so the global score is 0
 * and a test can move one component at a time.
 */
const BASE: Answers = {
  "1": "23:00",
  "2": 10,
  "3": "07:00",
  "4": 8,
  "5a": 0,
  "5b": 0,
  "5c": 0,
  "5d": 0,
  "5e": 0,
  "5f": 0,
  "5g": 0,
  "5h": 0,
  "5i": 0,
  "5j": 0,
  "6": 0,
  "7": 0,
  "8": 0,
  "9": 0,
};

const withAnswers = (over: Answers): Answers => ({ ...BASE, ...over });
const scoreOf = (over: Answers, settings?: Record<string, boolean>) =>
  score(psqi, withAnswers(over), settings === undefined ? undefined : { settings });

/** Items 5b–5j from nine values. */
const disturbances = (values: readonly number[]): Answers =>
  Object.fromEntries(["5b", "5c", "5d", "5e", "5f", "5g", "5h", "5i", "5j"].map((id, i) => [id, values[i] ?? null]));

describe("PSQI", () => {
  it("scores a sleeper with no problems as 0 on every component, good", () => {
    const r = score(psqi, BASE);
    expect(r.score).toBe(0);
    expect(r.band).toEqual({ id: "good", label: "Good sleeper" });
    expect(r.subscales).toEqual({
      quality: 0,
      latency: 0,
      duration: 0,
      efficiency: 0,
      disturbances: 0,
      medication: 0,
      daytimeDysfunction: 0,
    });
    expect(r.flags).toEqual([]);
  });

  // Worked example: each component checked by hand against the Buysse 1989 rules:
  // C1 = item 6 = 2; C2: 40 min → 2, + 5a 2 = 4 → 2; C3: 6.5 h → 1 (6 to 7 h); C4: 23:00–07:00 = 8 h,
  // 6.5 / 8 = 81.25 % → 1; C5: 3+2+0+1+0+0+1+3+0 = 10 → 2; C6 = item 7 = 0; C7: 1 + 2 = 3 → 2.
  // Global 2+2+1+1+2+0+2 = 10 > 5: poor sleeper.
  it("scores the worked example as 10, poor, with every component", () => {
    const r = score(psqi, ["23:00", 40, "07:00", 6.5, 2, 3, 2, 0, 1, 0, 0, 1, 3, 0, 2, 0, 1, 2]);
    expect(r.subscales).toEqual({
      quality: 2,
      latency: 2,
      duration: 1,
      efficiency: 1,
      disturbances: 2,
      medication: 0,
      daytimeDysfunction: 2,
    });
    expect(r.score).toBe(10);
    expect(r.method).toBe("complete");
    expect(r.band).toEqual({ id: "poor", label: "Poor sleeper" });
    expect(r.flags).toEqual([]);
    expect(r.instrument).toBe("psqi");
  });

  it("scores 21 when every component is at its worst", () => {
    // 6 = 3; 61 min → 3 + 5a 3 = 6 → 3; 0 h → 3; 0 % → 3; 5b–5j all 3 = 27 → 3; 7 = 3; 3 + 3 = 6 → 3.
    const r = scoreOf({
      "2": 61,
      "4": 0,
      "5a": 3,
      ...disturbances([3, 3, 3, 3, 3, 3, 3, 3, 3]),
      "6": 3,
      "7": 3,
      "8": 3,
      "9": 3,
    });
    expect(r.score).toBe(21);
    expect(r.band?.id).toBe("poor");
  });

  describe("sleep latency (item 2 banded ≤ 15 / 16–30 / 31–60 / > 60 min, + 5a; sum 0 / 1–2 / 3–4 / 5–6)", () => {
    // Each row: minutes → minutes score, + 5a = sum → component. Rows pair up across each minutes boundary
    // with a 5a that makes the two sides land in different components.
    it.each([
      [0, 0, 0], //   0 + 0 = 0 → 0
      [15, 0, 0], //  0 + 0 = 0 → 0
      [16, 0, 1], //  1 + 0 = 1 → 1
      [30, 1, 1], //  1 + 1 = 2 → 1
      [31, 1, 2], //  2 + 1 = 3 → 2
      [60, 0, 1], //  2 + 0 = 2 → 1
      [61, 0, 2], //  3 + 0 = 3 → 2
      [60, 2, 2], //  2 + 2 = 4 → 2
      [61, 2, 3], //  3 + 2 = 5 → 3
      [15, 2, 1], //  0 + 2 = 2 → 1
      [0, 3, 2], //   0 + 3 = 3 → 2
      [31, 3, 3], //  2 + 3 = 5 → 3
      [720, 3, 3], // 3 + 3 = 6 → 3
    ] as const)("%i min with 5a = %i scores %i", (minutes, q5a, expected) => {
      expect(scoreOf({ "2": minutes, "5a": q5a }).subscales.latency).toBe(expected);
    });
  });

  describe("sleep duration (item 4: > 7 h → 0, 6–7 → 1, 5 to under 6 → 2, under 5 → 3)", () => {
    it.each([
      [8, 0],
      [7.5, 0],
      [7.01, 0],
      [7, 1],
      [6.99, 1],
      [6, 1],
      [5.99, 2],
      [5, 2],
      [4.99, 3],
      [0, 3],
    ] as const)("%f h scores %i", (hours, expected) => {
      expect(scoreOf({ "4": hours }).subscales.duration).toBe(expected);
    });
  });

  describe("habitual sleep efficiency (item 4 / hours in bed × 100: ≥ 85 → 0, ≥ 75 → 1, ≥ 65 → 2, else 3)", () => {
    // In bed 23:00–07:00 = 8 h throughout, unless stated.
    it.each([
      [8, 0], //     100 %
      [6.808, 0], // 85.1 %
      [6.8, 0], //   exactly 85 %
      [6.792, 1], // 84.9 %
      [6.0, 1], //   exactly 75 %
      [5.99, 2], //  74.875 %
      [5.2, 2], //   exactly 65 %
      [5.19, 3], //  64.875 %
      [0, 3], //     0 %
    ] as const)("%f h of 8 h in bed scores %i", (hours, expected) => {
      expect(scoreOf({ "4": hours }).subscales.efficiency).toBe(expected);
    });

    it("scores exactly 85 % as 1 with the strictEfficiency85 setting ('> 85 %'), and 85.1 % still as 0", () => {
      expect(scoreOf({ "4": 6.8 }, { strictEfficiency85: true }).subscales.efficiency).toBe(1);
      expect(scoreOf({ "4": 6.808 }, { strictEfficiency85: true }).subscales.efficiency).toBe(0);
      expect(scoreOf({ "4": 6.792 }, { strictEfficiency85: true }).subscales.efficiency).toBe(1);
      expect(scoreOf({ "4": 6.8 }, { strictEfficiency85: false }).subscales.efficiency).toBe(0);
    });

    it("keeps an exact 85 % exact despite floating point (7.65 h of 9 h in bed, 22:00–07:00)", () => {
      // 7.65 / 9 × 100 is 85.00000000000001 in binary floating point; the rule must see 85.
      expect(scoreOf({ "1": "22:00", "4": 7.65 }).subscales.efficiency).toBe(0);
      expect(scoreOf({ "1": "22:00", "4": 7.65 }, { strictEfficiency85: true }).subscales.efficiency).toBe(1);
    });
  });

  describe("hours in bed = (getting-up time − bedtime) mod 24 h", () => {
    it("counts 23:00 → 07:00 across midnight as 8 h (6.8 h asleep = 85 % → 0; 6 h = 75 % → 1)", () => {
      expect(scoreOf({ "1": "23:00", "3": "07:00", "4": 6.8 }).subscales.efficiency).toBe(0);
      expect(scoreOf({ "1": "23:00", "3": "07:00", "4": 6 }).subscales.efficiency).toBe(1);
    });
    it("counts 01:00 → 09:00 after midnight as 8 h (6.8 h = 85 % → 0; 6 h = 75 % → 1)", () => {
      expect(scoreOf({ "1": "01:00", "3": "09:00", "4": 6.8 }).subscales.efficiency).toBe(0);
      expect(scoreOf({ "1": "01:00", "3": "09:00", "4": 6 }).subscales.efficiency).toBe(1);
    });
    it("counts 22:30 → 06:00 as 7.5 h (6 h = 80 % → 1) and 08:00 → 16:00 as 8 h (6.8 h = 85 % → 0)", () => {
      expect(scoreOf({ "1": "22:30", "3": "06:00", "4": 6 }).subscales.efficiency).toBe(1);
      expect(scoreOf({ "1": "08:00", "3": "16:00", "4": 6.8 }).subscales.efficiency).toBe(0);
    });
  });

  describe("bedtime equal to getting-up time", () => {
    it("is rejected as invalid input naming item 3 and both times", () => {
      const r = safeScore(psqi, withAnswers({ "1": "07:00", "3": "07:00" }));
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error).toBeInstanceOf(ScoreInputError);
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]?.item).toBe("3");
      expect(r.error.issues[0]?.value).toBe("07:00");
      expect(r.error.issues[0]?.message).toMatch(/getting-up time "07:00" equals the bedtime in item 1 \("07:00"\)/);
      expect(r.error.message).toMatch(/^PSQI \(psqi\): 1 invalid answer: item 3: /);
    });
    it("is rejected even when hours slept (item 4) is missing", () => {
      expect(() => score(psqi, withAnswers({ "1": "00:00", "3": "00:00", "4": null }))).toThrow(ScoreInputError);
    });
  });

  describe("hours slept above hours in bed", () => {
    it("raises the data-quality flag and says so, scoring efficiency 0 (114.3 % ≥ 85 %) rather than capping silently", () => {
      // In bed 23:00–06:00 = 7 h; 8 h asleep = 114.285714 %.
      const r = scoreOf({ "3": "06:00", "4": 8 });
      expect(r.subscales.efficiency).toBe(0);
      expect(r.score).toBe(0);
      expect(r.flags.map((f) => f.id)).toEqual(["sleep-exceeds-time-in-bed"]);
      expect(r.flags[0]?.label).toBe("Hours slept exceed hours in bed");
      expect(r.flags[0]?.message).toMatch(
        /8 h of sleep, more than the 7 h in bed from items 1 and 3 \(23:00 to 06:00\)/,
      );
      expect(r.flags[0]?.message).toMatch(/114\.285714 %/);
    });
    it("does not flag hours slept equal to hours in bed (100 %)", () => {
      expect(scoreOf({ "3": "06:00", "4": 7 }).flags).toEqual([]);
    });
  });

  describe("sleep disturbances (sum of 5b–5j: 0 → 0, 1–9 → 1, 10–18 → 2, 19–27 → 3)", () => {
    it.each([
      [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0], // 0
      [[1, 0, 0, 0, 0, 0, 0, 0, 0], 1], // 1
      [[3, 3, 3, 0, 0, 0, 0, 0, 0], 1], // 9
      [[3, 3, 3, 1, 0, 0, 0, 0, 0], 2], // 10
      [[3, 3, 3, 3, 3, 3, 0, 0, 0], 2], // 18
      [[3, 3, 3, 3, 3, 3, 1, 0, 0], 3], // 19
      [[3, 3, 3, 3, 3, 3, 3, 3, 3], 3], // 27
    ] as const)("%j scores %i", (values, expected) => {
      expect(scoreOf(disturbances(values)).subscales.disturbances).toBe(expected);
    });
  });

  describe("daytime dysfunction (items 8 + 9: 0 → 0, 1–2 → 1, 3–4 → 2, 5–6 → 3)", () => {
    it.each([
      [0, 0, 0],
      [1, 0, 1],
      [0, 2, 1],
      [1, 1, 1],
      [2, 1, 2],
      [2, 2, 2],
      [3, 1, 2],
      [3, 2, 3],
      [2, 3, 3],
      [3, 3, 3],
    ] as const)("8 = %i and 9 = %i score %i", (q8, q9, expected) => {
      expect(scoreOf({ "8": q8, "9": q9 }).subscales.daytimeDysfunction).toBe(expected);
    });
  });

  it("takes subjective quality from item 6 and medication from item 7 as they are", () => {
    const r = scoreOf({ "6": 2, "7": 3 });
    expect(r.subscales.quality).toBe(2);
    expect(r.subscales.medication).toBe(3);
    expect(r.score).toBe(5);
  });

  // Buysse 1989: a global score > 5 marks a poor sleeper.
  it.each([
    [{ "6": 2, "7": 2 }, 4, "good"],
    [{ "6": 3, "7": 2 }, 5, "good"],
    [{ "6": 3, "7": 3 }, 6, "poor"],
    [{ "6": 3, "7": 3, "8": 1 }, 7, "poor"],
  ] as const)("puts %j (global %i) in band %s", (over, total, band) => {
    const r = scoreOf(over);
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  describe("a component that cannot be computed", () => {
    it("nulls the global score with a reason naming the component and its missing item", () => {
      const r = scoreOf({ "2": null });
      expect(r.subscales.latency).toBeNull();
      expect(r.subscales.quality).toBe(0);
      expect(r.score).toBeNull();
      expect(r.band).toBeNull();
      expect(r.method).toBe("insufficient");
      expect(r.scales.latency.reason).toBe("PSQI sleep latency: item 2 not answered");
      expect(r.reason).toBe(
        "PSQI global score needs all seven components; 1 cannot be computed (PSQI sleep latency: item 2 not answered)",
      );
      expect(r.missing).toEqual(["2"]);
    });

    it("names every component that cannot be computed and each one's missing items", () => {
      const r = scoreOf({ "1": null, "3": null, "8": null });
      expect(r.subscales.efficiency).toBeNull();
      expect(r.subscales.daytimeDysfunction).toBeNull();
      expect(r.subscales.duration).toBe(0);
      expect(r.reason).toBe(
        "PSQI global score needs all seven components; 2 cannot be computed " +
          "(PSQI habitual sleep efficiency: items 1, 3 not answered; PSQI daytime dysfunction: item 8 not answered)",
      );
    });

    it("loses both duration and efficiency when hours slept (item 4) is missing", () => {
      const r = scoreOf({ "4": null });
      expect(r.subscales.duration).toBeNull();
      expect(r.subscales.efficiency).toBeNull();
      expect(r.scales.efficiency.reason).toBe("PSQI habitual sleep efficiency: item 4 not answered");
      expect(r.score).toBeNull();
    });

    it("gives no global score for an empty answer set, naming all seven components", () => {
      const r = score(psqi, {});
      expect(r.score).toBeNull();
      expect(r.reason).toMatch(/^PSQI global score needs all seven components; 7 cannot be computed/);
      expect(r.flags).toEqual([]);
    });
  });

  describe("the missing-data rule each component declares", () => {
    it("is the computed rule its scorer applies, never a declarative rule the engine would not apply", () => {
      for (const s of [psqi.score, ...psqi.subscales]) expect(s.missing.kind, s.id).toBe("computed");
    });

    // Every component but sleep disturbances says all its items are required: blanking any one of them
    // (and nothing else) leaves exactly the components that use it unscored.
    const required = psqi.subscales.filter((s) => s.id !== "disturbances");
    it.each(required.map((s) => [s.id, s] as const))("%s: every item required, as it says", (_, s) => {
      expect(s.missing.description).toBe(
        s.items.length === 1 ? "its one item is required" : `all ${String(s.items.length)} items are required`,
      );
      for (const item of s.items) {
        const r = scoreOf({ [item]: null });
        const subs = r.subscales as Readonly<Record<string, number | null>>;
        expect(subs[s.id], `${s.id} without item ${item}`).toBeNull();
        for (const other of psqi.subscales)
          if (!other.items.includes(item as never))
            expect(subs[other.id], `${other.id} without item ${item}`).not.toBeNull();
      }
    });
  });

  describe("a blank item 5j (other reasons)", () => {
    it("counts 0 by default, and the result says so in a flag", () => {
      // 5b–5i sum to 9 → 1 either way; with 5j blank counted 0 the sum stays 9 → 1.
      const r = scoreOf({ ...disturbances([3, 3, 3, 0, 0, 0, 0, 0]), "5j": null });
      expect(r.subscales.disturbances).toBe(1);
      expect(r.score).toBe(1);
      expect(r.missing).toEqual(["5j"]);
      expect(r.flags.map((f) => f.id)).toEqual(["item-5j-blank-scored-0"]);
      expect(r.flags[0]?.message).toMatch(/counted as 0 .*require5j/);
    });

    it("is missing with the require5j setting: no disturbances component and no global score", () => {
      const r = scoreOf({ "5j": null }, { require5j: true });
      expect(r.subscales.disturbances).toBeNull();
      expect(r.scales.disturbances.reason).toBe("PSQI sleep disturbances: item 5j not answered");
      expect(r.score).toBeNull();
      expect(r.flags).toEqual([]);
    });

    it("raises no flag when 5j is answered", () => {
      expect(scoreOf({ "5j": 2 }).flags).toEqual([]);
      expect(scoreOf({ "5j": 2 }).subscales.disturbances).toBe(1);
    });

    it("does not rescue the component when another of 5b–5i is missing", () => {
      const r = scoreOf({ "5b": null, "5j": null });
      expect(r.subscales.disturbances).toBeNull();
      expect(r.scales.disturbances.reason).toBe("PSQI sleep disturbances: item 5b not answered");
      expect(r.flags).toEqual([]);
    });
  });

  describe("invalid input", () => {
    it.each([
      ["1", "24:00", /"24:00" is not a clock time/],
      ["3", "7:00", /"7:00" is not a clock time/],
      ["1", 2300, /2300 is not a clock time/],
      ["3", "07:00:00", /is not a clock time/],
      ["4", 25, /25 is out of range \(allowed: a number from 0 to 24\)/],
      ["4", -1, /-1 is out of range/],
      ["4", "7", /"7" is a string, not a number/],
      ["2", 721, /721 is out of range \(allowed: a whole number from 0 to 720\)/],
      ["2", 15.5, /15.5 is not a whole number/],
      ["5j", 4, /4 is out of range \(allowed: 0, 1, 2, 3\)/],
      ["9", -1, /-1 is out of range/],
    ] as const)("rejects item %s = %j", (item, value, message) => {
      const r = safeScore(psqi, withAnswers({ [item]: value }));
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error.issues).toHaveLength(1);
      expect(r.error.issues[0]?.item).toBe(item);
      expect(r.error.issues[0]?.value).toBe(value);
      expect(r.error.issues[0]?.message).toMatch(message);
    });

    it("rejects an array of the wrong length, and the unscored bed-partner item 10", () => {
      expect(() => score(psqi, ["23:00", 10, "07:00", 8])).toThrow(/expected 18 answers in published item order/);
      expect(() => score(psqi, { ...BASE, "10": 1 } as never)).toThrow(/unknown item id "10"/);
    });
  });

  it("gives the same result for array and record input", () => {
    const array = ["23:00", 40, "07:00", 6.5, 2, 3, 2, 0, 1, 0, 0, 1, 3, 0, 2, 0, 1, 2];
    const record = {
      "1": "23:00",
      "2": 40,
      "3": "07:00",
      "4": 6.5,
      "5a": 2,
      "5b": 3,
      "5c": 2,
      "5d": 0,
      "5e": 1,
      "5f": 0,
      "5g": 0,
      "5h": 1,
      "5i": 3,
      "5j": 0,
      "6": 2,
      "7": 0,
      "8": 1,
      "9": 2,
    };
    expect(score(psqi, record)).toEqual(score(psqi, array));
    expect(score("psqi", array)).toEqual(score(psqi, array));
  });
});
