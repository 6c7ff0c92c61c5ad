// The report's numbers and chart specs over a small cohort worked out by hand. PHQ-9 reliable change (the
// definition's default, Löwe 2004: SEM 2.5): S_diff = √2 × 2.5 = 3.5355, threshold 1.96 × 3.5355 = 6.9296
// points. The default cut-off is the top of the healthiest band, "minimal" 0–4: recovered means ≤ 4.
import { describe, expect, it } from "vitest";
import { phq9, score, type HistoryEntry } from "../../src/index.js";
import { answersWithTotal } from "../helpers/build.js";
import {
  buildReportModel,
  cutoffFor,
  meanCi,
  responderRow,
  t975,
  visitLabel,
  type InstrumentModel,
  type ReportPerson,
} from "../../src/report/cohort.js";
import {
  bandColors,
  bandDistributionSpec,
  bandRegions,
  jtGeometry,
  jtSpec,
  personSpec,
  trajectorySpec,
  type Spec,
} from "../../src/report/specs.js";
import { at, gad, odiSum, phq } from "../progress/helpers.js";

// Baseline → follow-up 1 → follow-up 2 (days 0, 42, 84), PHQ-9 totals by hand:
//   A 20 → 3        −17, reliable, 3 ≤ 4            recovered
//   B 20 → 12       −8, reliable, 12 > 4            improved
//   C 15 → 10       −5, not reliable                unchanged
//   D  8 → 16       +8, reliable worsening          deteriorated
//   E 10 → 4        −6 < 6.93, not reliable, ≤ 4    unchanged (non-reliably recovered)
//   F 18            baseline only                   no point
//   G 12 → 14 → 5   latest 5: −7, reliable, 5 > 4   improved (follow-up 1 alone: +2, unchanged)
//   H 16 → (item 4 unanswered: no score)            baseline only
function unscoredPhq(): HistoryEntry["result"] {
  const a: (number | null)[] = answersWithTotal(phq9, 10);
  a[3] = null;
  return score(phq9, a);
}

const cohort: ReportPerson[] = [
  { id: "A", group: "north", history: [at(0, phq(20)), at(42, phq(3))] },
  { id: "B", group: "north", history: [at(0, phq(20)), at(42, phq(12))] },
  { id: "C", group: "north", history: [at(0, phq(15)), at(42, phq(10))] },
  { id: "D", group: "north", history: [at(0, phq(8)), at(42, phq(16))] },
  { id: "E", group: "south", history: [at(0, phq(10)), at(42, phq(4))] },
  { id: "F", group: "south", history: [at(0, phq(18))] },
  {
    id: "G",
    group: "south",
    history: [
      at(0, phq(12)),
      at(0, gad(9)),
      // Same day, other hours: one time point.
      { at: "2026-02-16T09:00", result: phq(14) },
      { at: "2026-02-16T15:30", result: gad(7) },
      at(84, phq(5, 1)),
    ],
  },
  { id: "H", group: "south", history: [at(0, phq(16)), at(42, unscoredPhq())] },
];

const model = buildReportModel(cohort);
const phqModel = model.instruments.find((m) => m.id === "phq9") as InstrumentModel;

function layer(spec: Spec, name: string): Spec {
  const found = (spec.layer as Spec[]).find((l) => l.name === name);
  if (found === undefined) throw new Error(`no layer ${name}`);
  return found;
}
const valuesOf = (s: Spec): Record<string, unknown>[] => (s.data as { values: Record<string, unknown>[] }).values;

describe("time points and people", () => {
  it("groups each person's results by calendar day, baseline first", () => {
    expect(model.lastVisit).toBe(2);
    expect(model.groups).toEqual(["north", "south"]);
    const g = model.people.find((p) => p.id === "G");
    expect(g?.days).toEqual(["2026-01-05", "2026-02-16", "2026-03-30"]);
    expect(g?.points.get("phq9")?.map((p) => [p.visit, p.score])).toEqual([
      [0, 12],
      [1, 14],
      [2, 5],
    ]);
    expect(g?.points.get("gad7")?.map((p) => [p.visit, p.score])).toEqual([
      [0, 9],
      [1, 7],
    ]);
    expect(g?.points.get("phq9")?.[2]?.flags).toEqual([phq9.flags[0].label]);
    expect(g?.points.get("phq9")?.[2]?.weeks).toBe(12);
    expect(visitLabel(0)).toBe("Baseline");
    expect(visitLabel(2)).toBe("Follow-up 2");
  });

  it("counts who has a baseline only and who was never scored", () => {
    expect(phqModel.people).toBe(8);
    expect(phqModel.baselineOnly).toBe(2); // F, and H whose follow-up has no score
    expect(phqModel.notScored).toBe(0);
    expect(model.instruments.map((m) => m.id)).toEqual(["phq9", "gad7"]);
  });

  it("counts the bands at each time point", () => {
    const counts = phqModel.bandCounts.map((b) => [b.visit, b.n, b.counts.map((c) => c.count)]);
    // Baseline: 20, 20, 15, 8, 10, 18, 12, 16 → minimal 0, mild 1 (8), moderate 2 (10, 12), mod. severe 3 (15, 18, 16), severe 2 (20, 20).
    // Follow-up 1: 3, 12, 10, 16, 4, 14 → minimal 2, mild 0, moderate 3, moderately severe 1, severe 0.
    // Follow-up 2: 5 → mild.
    expect(counts).toEqual([
      [0, 8, [0, 1, 2, 3, 2]],
      [1, 6, [2, 0, 3, 1, 0]],
      [2, 1, [0, 1, 0, 0, 0]],
    ]);
    const spec = bandDistributionSpec(phqModel);
    const values = valuesOf(spec);
    expect(values).toHaveLength(15);
    expect(values[0]).toMatchObject({ time: "Baseline (n = 8)", band: "Minimal", count: 0, share: 0 });
    expect(values.find((v) => v.time === "Follow-up 1 (n = 6)" && v.band === "Moderate")?.share).toBe(0.5);
    const color = (spec.encoding as { color: { scale: { domain: string[]; range: string[] } } }).color.scale;
    expect(color.domain).toEqual(["Minimal", "Mild", "Moderate", "Moderately severe", "Severe"]);
    expect(color.range).toEqual(bandColors(5, false));
  });
});

describe("the Jacobson–Truax plot", () => {
  it("has the reliable-change threshold and cut-off of the definition", () => {
    const jt = phqModel.jt;
    expect(jt.available).toBe(true);
    if (!jt.available) return;
    expect(jt.standardErrorOfDifference).toBeCloseTo(3.5355, 4);
    expect(jt.threshold).toBeCloseTo(6.9296, 4);
    expect(jt.cutoff).toBe(4);
    expect(jt.cutoffFrom).toBe("band");
    expect(jt.counts).toEqual({ recovered: 1, improved: 2, unchanged: 2, deteriorated: 1, nonReliablyRecovered: 1 });
  });

  it("draws one point per person with a follow-up, at (baseline, latest), coloured by category", () => {
    const jt = phqModel.jt;
    if (!jt.available) throw new Error("no plot");
    const g = jtGeometry(phqModel, jt);
    expect(g.points).toEqual([
      { id: "A", x: 20, y: 3, category: "recovered" },
      { id: "B", x: 20, y: 12, category: "improved" },
      { id: "C", x: 15, y: 10, category: "unchanged" },
      { id: "D", x: 8, y: 16, category: "deteriorated" },
      { id: "E", x: 10, y: 4, category: "unchanged" },
      { id: "G", x: 12, y: 5, category: "improved" },
    ]);
    const spec = jtSpec(phqModel, jt);
    const points = valuesOf(layer(spec, "jt-points"));
    expect(points.map((p) => [p.id, p.x, p.y, p.label])).toEqual([
      ["A", 20, 3, "Recovered"],
      ["B", 20, 12, "Improved"],
      ["C", 15, 10, "Unchanged"],
      ["D", 8, 16, "Deteriorated"],
      ["E", 10, 4, "Unchanged"],
      ["G", 12, 5, "Improved"],
    ]);
    const color = (layer(spec, "jt-points").encoding as { color: { scale: { domain: string[] } } }).color.scale;
    expect(color.domain).toEqual(["Recovered", "Improved", "Unchanged", "Deteriorated"]);
  });

  it("draws y = x, y = x ± 1.96·S_diff and y = cut-off over the scale's range", () => {
    const jt = phqModel.jt;
    if (!jt.available) throw new Error("no plot");
    const spec = jtSpec(phqModel, jt);
    const xy = (name: string) => valuesOf(layer(spec, name)).map((v) => [v.line, v.x, v.y]);
    expect(xy("jt-identity")).toEqual([
      ["identity", 0, 0],
      ["identity", 27, 27],
    ]);
    const band = xy("jt-band");
    expect(band.map(([line, x]) => [line, x])).toEqual([
      ["upper", 0],
      ["upper", 27],
      ["lower", 0],
      ["lower", 27],
    ]);
    expect(band.map(([, , y]) => y as number).map((y) => Math.round(y * 1e4) / 1e4)).toEqual([
      6.9296, 33.9296, -6.9296, 20.0704,
    ]);
    expect(valuesOf(layer(spec, "jt-cutoff"))).toEqual([{ y: 4 }]);
    // Both axes are the PHQ-9's 0–27, not the data's extent, so y = x is the diagonal.
    const x = (layer(spec, "jt-points").encoding as { x: { scale: { domain: number[] } } }).x.scale.domain;
    expect(x).toEqual([0, 27]);
  });

  it("takes the caller's cut-off", () => {
    const m = buildReportModel(cohort, { cutoffs: { phq9: 9 } }).instruments[0] as InstrumentModel;
    if (!m.jt.available) throw new Error("no plot");
    // G (12 → 5) is now past the cut-off: recovered; E (10 → 4) still has no reliable change.
    expect(m.jt.points.map((p) => p.category)).toEqual([
      "recovered",
      "improved",
      "unchanged",
      "deteriorated",
      "unchanged",
      "recovered",
    ]);
    expect(m.jt.cutoffFrom).toBe("options");
    expect(valuesOf(layer(jtSpec(m, m.jt), "jt-cutoff"))).toEqual([{ y: 9 }]);
    expect(() => buildReportModel(cohort, { cutoffs: { phq9: Number.NaN } })).toThrow(/options\.cutoffs\.phq9/);
  });

  it("has no cut-off without range bands, and no plot without reliability inputs", () => {
    expect(cutoffFor("x", [], false, {})).toEqual({ cutoff: null, from: null });
    expect(cutoffFor("x", [{ id: "a", label: "A", min: null, max: null }], false, {}).cutoff).toBeNull();
    // Higher is better: the healthiest band is the last, and its bottom is the cut-off.
    const pseqLike = [
      { id: "low", label: "Low", min: 0, max: 19 },
      { id: "high", label: "High", min: 20, max: 60 },
    ];
    expect(cutoffFor("pseq", pseqLike, true, {})).toEqual({ cutoff: 20, from: "band" });
    const odi = buildReportModel([{ id: "P", history: [at(0, odiSum(20)), at(30, odiSum(10))] }])
      .instruments[0] as InstrumentModel;
    expect(odi.jt).toEqual({
      available: false,
      reason: "the ODI definition gives no reliable-change inputs for percent",
    });
    const alone = buildReportModel([{ id: "P", history: [at(0, phq(12))] }]).instruments[0] as InstrumentModel;
    expect(alone.jt).toEqual({ available: false, reason: "nobody has a baseline and a later score" });
  });

  it("leaves the cut-off line out when there is none", () => {
    const jt = phqModel.jt;
    if (!jt.available) throw new Error("no plot");
    const spec = jtSpec(phqModel, { ...jt, cutoff: null });
    expect((spec.layer as Spec[]).map((l) => l.name)).toEqual(["jt-identity", "jt-band", "jt-points"]);
  });
});

describe("mean trajectories", () => {
  it("gives the mean with a t-based 95 % CI at each time point, for everyone and per group", () => {
    // 10, 12, 14: mean 12, SD 2, half-width 4.303 × 2 / √3 = 4.9687.
    const ci = meanCi([10, 12, 14]);
    expect(ci.mean).toBe(12);
    expect(ci.sd).toBe(2);
    expect(ci.lo).toBeCloseTo(7.0313, 4);
    expect(ci.hi).toBeCloseTo(16.9687, 4);
    expect(meanCi([7])).toEqual({ n: 1, mean: 7, sd: null, lo: null, hi: null });
    // Beyond the table: t(0.975; 40) = 2.0211, t(0.975; 120) = 1.9799.
    expect(t975(40)).toBeCloseTo(2.0211, 3);
    expect(t975(120)).toBeCloseTo(1.9799, 3);
    expect(t975(30)).toBe(2.042);

    const north0 = phqModel.trajectories.find((t) => t.group === "north" && t.visit === 0);
    // North baseline: 20, 20, 15, 8 → mean 15.75.
    expect(north0?.n).toBe(4);
    expect(north0?.mean).toBe(15.75);
    const all2 = phqModel.trajectories.find((t) => t.group === null && t.visit === 2);
    expect(all2).toEqual({ visit: 2, group: null, n: 1, mean: 5, sd: null, lo: null, hi: null });
  });

  it("draws one line per group when there are groups, else one for everyone", () => {
    const spec = trajectorySpec(phqModel, model.groups);
    const values = valuesOf(spec);
    expect(new Set(values.map((v) => v.group))).toEqual(new Set(["north", "south"]));
    expect(values.filter((v) => v.group === "north").map((v) => v.time)).toEqual(["Baseline", "Follow-up 1"]);
    const ungrouped = buildReportModel(cohort.map(({ id, history }) => ({ id, history })));
    const one = valuesOf(trajectorySpec(ungrouped.instruments[0] as InstrumentModel, ungrouped.groups));
    expect(new Set(one.map((v) => v.group))).toEqual(new Set(["Everyone"]));
    expect(one.map((v) => v.n)).toEqual([8, 6, 1]);
  });
});

describe("responder tables", () => {
  it("counts baseline against each follow-up and against the latest, with the definitions' denominators", () => {
    const row = (visit: number | "latest", group: string | null = null) =>
      phqModel.responders.find((r) => r.visit === visit && r.group === group);
    // Latest: A −17, B −8, C −5, D +8, E −6, G −7: mean −35/6.
    const latest = row("latest");
    expect(latest?.n).toBe(6);
    expect(latest?.meanChange).toBeCloseTo(-35 / 6, 10);
    expect(latest?.reliable).toEqual({ improved: 3, unchanged: 2, deteriorated: 1 });
    // MCID 5 points (Löwe 2004), improvement only: A, B, C, E, G (D worsened by 8).
    expect(latest?.mcid).toEqual({ numerator: 5, denominator: 6 });
    // Response ≥ 50 % and remission < 5 are defined for baselines ≥ 10: D (8) is left out.
    // Response: A (85 %), E (60 %), G (58 %); remission: A (3), E (4).
    expect(latest?.response).toEqual({ numerator: 3, denominator: 5 });
    expect(latest?.remission).toEqual({ numerator: 2, denominator: 5 });
    // Follow-up 1: G is 12 → 14 (no reliable change); H's follow-up has no score.
    expect(row(1)?.n).toBe(6);
    expect(row(1)?.reliable).toEqual({ improved: 2, unchanged: 3, deteriorated: 1 });
    expect(row(2)?.n).toBe(1);
    expect(row("latest", "north")?.n).toBe(4);
    expect(row("latest", "south")?.reliable).toEqual({ improved: 1, unchanged: 1, deteriorated: 0 });
    expect(responderRow(1, null, [])).toEqual({
      visit: 1,
      group: null,
      n: 0,
      meanChange: null,
      reliable: null,
      mcid: null,
      response: null,
      remission: null,
    });
  });

  it("leaves out of remission's denominator a baseline that already met it", () => {
    // GAD-7 remission (< 5) has no baseline range: a baseline of 3 already met it.
    const m = buildReportModel([
      { id: "P", history: [at(0, gad(3)), at(42, gad(2))] },
      { id: "Q", history: [at(0, gad(12)), at(42, gad(4))] },
    ]).instruments[0] as InstrumentModel;
    expect(m.responders.find((r) => r.visit === "latest")?.remission).toEqual({ numerator: 1, denominator: 1 });
    expect(m.responders.find((r) => r.visit === "latest")?.response).toBeNull();
  });
});

describe("the per-person view", () => {
  it("shades each band and marks flagged results", () => {
    const g = model.people.find((p) => p.id === "G");
    if (g === undefined) throw new Error("no G");
    const spec = personSpec(g, model.instruments);
    const charts = spec.vconcat as Spec[];
    expect(charts.map((c) => c.title)).toEqual(["PHQ-9 total", "GAD-7 total"]);
    const phqChart = charts[0] as Spec;
    expect(valuesOf(layer(phqChart, "person-bands-0")).map((r) => [r.label, r.from, r.to])).toEqual([
      ["Minimal", 0, 4],
      ["Mild", 4, 9],
      ["Moderate", 9, 14],
      ["Moderately severe", 14, 19],
      ["Severe", 19, 27],
    ]);
    // Weeks since the first assessment: the follow-up at 09:00 on day 42 is (42 + 9/24) / 7 weeks.
    expect(valuesOf(layer(phqChart, "person-points-0")).map((v) => [v.weeks, v.score])).toEqual([
      [0, 12],
      [(42 + 9 / 24) / 7, 14],
      [12, 5],
    ]);
    // Only the last PHQ-9 (item 9 answered 1) raised a flag.
    expect(valuesOf(layer(phqChart, "person-flags-0")).map((v) => v.score)).toEqual([5]);
    expect((charts[1] as Spec).layer as Spec[]).not.toContainEqual(expect.objectContaining({ name: "person-flags-1" }));
  });

  it("has no band regions for a scale without range bands", () => {
    expect(bandRegions([], [0, 10], false)).toEqual([]);
    expect(bandRegions([{ id: "x", label: "X", min: null, max: null }], [0, 10], false)).toEqual([]);
    // Higher is better: the colours run from red (lowest band) to green.
    const r = bandRegions(
      [
        { id: "a", label: "A", min: 0, max: 5 },
        { id: "b", label: "B", min: 6, max: 10 },
      ],
      [0, 10],
      true,
    );
    expect(r.map((x) => x.color)).toEqual(["#d73027", "#1a9850"]);
    expect(bandColors(1, false)).toEqual(["#1a9850"]);
  });

  it("chooses who gets a view", () => {
    expect(model.shown.map((p) => p.id)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(buildReportModel(cohort, { people: 2 }).shown.map((p) => p.id)).toEqual(["A", "B"]);
    expect(buildReportModel(cohort, { people: ["G", "A"] }).shown.map((p) => p.id)).toEqual(["G", "A"]);
    expect(() => buildReportModel(cohort, { people: ["Z"] })).toThrow(/"Z", who is not among the people/);
    expect(() => buildReportModel(cohort, { people: -1 })).toThrow(/options\.people/);
  });
});

describe("bad input", () => {
  it("names the person and the entry", () => {
    expect(() => buildReportModel("x" as never)).toThrow(/people must be an array/);
    expect(() => buildReportModel([{ id: "", history: [] }])).toThrow(/people\[0\]\.id must be a non-empty string/);
    expect(() =>
      buildReportModel([
        { id: "A", history: [] },
        { id: "A", history: [] },
      ]),
    ).toThrow(/people\[1\]\.id "A" is repeated/);
    expect(() => buildReportModel([{ id: "A", group: 3 as never, history: [] }])).toThrow(/people\[0\]\.group/);
    expect(() => buildReportModel([{ id: "A", history: [{ at: "2026-02-30", result: phq(10) }] }])).toThrow(
      /people\.0\.history\.0\.at/,
    );
  });

  it("does not change the input", () => {
    const copy = structuredClone(cohort);
    buildReportModel(cohort, { cutoffs: { phq9: 9 } });
    expect(cohort).toEqual(copy);
  });
});
