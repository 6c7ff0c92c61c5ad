// Vega-Lite specs for the report's charts, built from the report's numbers (cohort.ts) as plain objects: no
// charting library is loaded here, so the specs can be tested as data. Every layer has a `name`, which the
// rendered SVG carries as a class (`<name>_marks`), so what is drawn can be checked in the page.
import type { BandInfo, InstrumentModel, JtModel, PersonModel, PersonPoint, TrajectoryPoint } from "./cohort.js";
import { visitLabel } from "./cohort.js";
import type { JacobsonTruaxCategory } from "../outcomes.js";

/** A Vega-Lite spec, as a plain object. */
export type Spec = { readonly [key: string]: unknown };

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** The categories in the legend's order, with their colours. */
export const JT_CATEGORIES: readonly {
  readonly id: JacobsonTruaxCategory;
  readonly label: string;
  readonly color: string;
}[] = [
  { id: "recovered", label: "Recovered", color: "#1a9850" },
  { id: "improved", label: "Improved", color: "#91cf60" },
  { id: "unchanged", label: "Unchanged", color: "#969696" },
  { id: "deteriorated", label: "Deteriorated", color: "#d73027" },
];

// Healthiest to worst.
const RAMP = ["#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027"] as const;

/** A colour per band, in the bands' order (lowest score first): green for the healthiest, red for the worst. */
export function bandColors(count: number, higherIsBetter: boolean): string[] {
  const colors = Array.from(
    { length: count },
    (_, i) => RAMP[count === 1 ? 0 : Math.round((i * 5) / (count - 1))] as string,
  );
  return higherIsBetter ? colors.reverse() : colors;
}

const axisTitle = (m: InstrumentModel): string => `${m.title} ${m.scaleLabel.toLowerCase()}`;

/** The band distribution at each time point: one bar per time point, stacked to 100 % by band. */
export function bandDistributionSpec(m: InstrumentModel): Spec {
  const colors = bandColors(m.bands.length, m.higherIsBetter);
  const values = m.bandCounts.flatMap((bc) =>
    bc.counts.map((c, index) => ({
      time: `${visitLabel(bc.visit)} (n = ${String(bc.n)})`,
      visit: bc.visit,
      band: c.label,
      index,
      count: c.count,
      share: bc.n === 0 ? 0 : c.count / bc.n,
      desc: `${c.label}, ${visitLabel(bc.visit)}: ${String(c.count)} of ${String(bc.n)}`,
    })),
  );
  return {
    $schema: SCHEMA,
    title: `${m.title}: bands at each time point`,
    width: 360,
    height: 220,
    data: { values },
    mark: { type: "bar", name: "bands" },
    name: "bands",
    encoding: {
      x: { field: "time", type: "ordinal", sort: { field: "visit" }, title: null, axis: { labelAngle: 0 } },
      y: {
        field: "count",
        type: "quantitative",
        stack: "normalize",
        title: "Share of people scored",
        axis: { format: "%" },
      },
      color: {
        field: "band",
        type: "nominal",
        title: "Band",
        scale: { domain: m.bands.map((b) => b.label), range: colors },
      },
      order: { field: "index" },
      description: { field: "desc" },
    },
  };
}

/** The lines and points of a Jacobson–Truax plot, in score units, as the chart draws them. */
export interface JtGeometry {
  /** The axes' range: the scale's possible scores. */
  readonly domain: readonly [number, number];
  /** y = x, from one corner to the other. */
  readonly identity: readonly [readonly [number, number], readonly [number, number]];
  /** y = x + threshold and y = x − threshold over the domain (clipped to the plot). */
  readonly upper: readonly [readonly [number, number], readonly [number, number]];
  readonly lower: readonly [readonly [number, number], readonly [number, number]];
  /** y = cut-off, or null. */
  readonly cutoff: number | null;
  /** One per person with a baseline and a later score. */
  readonly points: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly category: JacobsonTruaxCategory;
  }[];
}

/** The Jacobson–Truax plot's geometry (Jacobson & Truax 1991; AWKruijt/JT-RCI): x baseline, y latest. */
export function jtGeometry(m: InstrumentModel, jt: Extract<JtModel, { available: true }>): JtGeometry {
  const [lo, hi] = m.range;
  const t = jt.threshold;
  return {
    domain: [lo, hi],
    identity: [
      [lo, lo],
      [hi, hi],
    ],
    upper: [
      [lo, lo + t],
      [hi, hi + t],
    ],
    lower: [
      [lo, lo - t],
      [hi, hi - t],
    ],
    cutoff: jt.cutoff,
    points: jt.points.map((p) => ({ id: p.id, x: p.pre, y: p.post, category: p.category })),
  };
}

/** The Jacobson–Truax plot: identity line, reliable-change band, cut-off line, one point per person. */
export function jtSpec(m: InstrumentModel, jt: Extract<JtModel, { available: true }>): Spec {
  const g = jtGeometry(m, jt);
  const scale = { domain: g.domain, nice: false, zero: false };
  const x = { field: "x", type: "quantitative", scale, title: `Baseline ${axisTitle(m)}` };
  const y = { field: "y", type: "quantitative", scale, title: `Latest ${axisTitle(m)}` };
  const segment = (name: string, line: JtGeometry["identity"]) =>
    line.map(([px, py]) => ({ x: px, y: py, line: name }));
  const layer: Spec[] = [
    {
      name: "jt-identity",
      data: { values: segment("identity", g.identity) },
      mark: { type: "line", color: "#636363", strokeWidth: 1, clip: true },
      encoding: { x, y, description: { value: "No change (y = x)" } },
    },
    {
      name: "jt-band",
      data: { values: [...segment("upper", g.upper), ...segment("lower", g.lower)] },
      mark: { type: "line", color: "#636363", strokeDash: [5, 4], strokeWidth: 1, clip: true },
      encoding: {
        x,
        y,
        detail: { field: "line" },
        description: { value: `Reliable-change band (± ${round(jt.threshold)} points)` },
      },
    },
  ];
  if (g.cutoff !== null) {
    layer.push({
      name: "jt-cutoff",
      data: { values: [{ y: g.cutoff }] },
      mark: { type: "rule", color: "#2171b5", strokeDash: [2, 3], strokeWidth: 1.5, clip: true },
      encoding: { y: { ...y, field: "y" }, description: { value: `Cut-off ${String(round(g.cutoff))}` } },
    });
  }
  layer.push({
    name: "jt-points",
    data: {
      values: g.points.map((p) => ({
        ...p,
        label: categoryLabel(p.category),
        // Read out by screen readers, and how the page's test knows whose point it is.
        desc: `${p.id}: ${String(p.x)} → ${String(p.y)}, ${categoryLabel(p.category)}`,
      })),
    },
    mark: { type: "point", filled: true, size: 45, opacity: 0.8 },
    encoding: {
      x,
      y,
      color: {
        field: "label",
        type: "nominal",
        title: "Category",
        scale: { domain: JT_CATEGORIES.map((c) => c.label), range: JT_CATEGORIES.map((c) => c.color) },
      },
      description: { field: "desc" },
    },
  });
  return { $schema: SCHEMA, title: `${m.title}: baseline against latest`, width: 300, height: 300, layer };
}

/** Mean score at each time point with its 95 % confidence interval, one line per group (or everyone). */
export function trajectorySpec(m: InstrumentModel, groups: readonly string[]): Spec {
  const rows: readonly TrajectoryPoint[] = m.trajectories.filter((t) => (groups.length === 0) === (t.group === null));
  const values = rows.map((t) => ({
    time: visitLabel(t.visit),
    visit: t.visit,
    group: t.group ?? "Everyone",
    n: t.n,
    mean: t.mean,
    lo: t.lo,
    hi: t.hi,
    desc: `${t.group ?? "Everyone"}, ${visitLabel(t.visit)}: mean ${String(round(t.mean))}, n = ${String(t.n)}`,
  }));
  const x = { field: "time", type: "ordinal", sort: { field: "visit" }, title: null, axis: { labelAngle: 0 } };
  const y = {
    field: "mean",
    type: "quantitative",
    title: `Mean ${axisTitle(m)} (95 % CI)`,
    scale: { domain: m.range, nice: false, zero: false },
  };
  const color = { field: "group", type: "nominal", title: "Group" };
  return {
    $schema: SCHEMA,
    title: `${m.title}: mean over time`,
    width: 360,
    height: 220,
    data: { values },
    layer: [
      {
        name: "trajectory-ci",
        transform: [{ filter: "datum.lo !== null" }],
        mark: { type: "rule", strokeWidth: 2, opacity: 0.6 },
        encoding: { x, y: { ...y, field: "lo" }, y2: { field: "hi" }, color },
      },
      { name: "trajectory-line", mark: { type: "line" }, encoding: { x, y, color, detail: { field: "group" } } },
      {
        name: "trajectory-points",
        mark: { type: "point", filled: true, size: 40 },
        encoding: {
          x,
          y,
          color,
          description: { field: "desc" },
        },
      },
    ],
  };
}

/** Band regions of a scale in score units: each band from the previous band's top (or the scale's bottom) to its own. */
export function bandRegions(
  bands: readonly BandInfo[],
  range: readonly [number, number],
  higherIsBetter: boolean,
): { readonly label: string; readonly from: number; readonly to: number; readonly color: string }[] {
  if (bands.length === 0 || bands.some((b) => b.max === null)) return [];
  const colors = bandColors(bands.length, higherIsBetter);
  // A score that is not whole belongs to the first band whose max it does not exceed: the boundary is at max.
  return bands.map((b, i) => ({
    label: b.label,
    from: i === 0 ? range[0] : (bands[i - 1]?.max as number),
    to: i === bands.length - 1 ? range[1] : (b.max as number),
    color: colors[i] as string,
  }));
}

/** One person over time: one chart per instrument, its band regions shaded, flagged results marked. */
export function personSpec(p: PersonModel, instruments: readonly InstrumentModel[]): Spec {
  const lastWeek = Math.max(1, ...[...p.points.values()].flat().map((pt) => pt.weeks));
  const charts = instruments.flatMap((m, i): Spec[] => {
    // Layer names become Vega-Lite model names, which must be unique in the whole spec.
    const named = (base: string): string => `${base}-${String(i)}`;
    const pts: readonly PersonPoint[] = p.points.get(m.id) ?? [];
    if (pts.length === 0) return [];
    const x = {
      field: "weeks",
      type: "quantitative",
      title: "Weeks since the first assessment",
      scale: { domain: [0, lastWeek], nice: false },
    };
    const y = {
      field: "score",
      type: "quantitative",
      title: m.title,
      scale: { domain: m.range, nice: false, zero: false },
    };
    const regions = bandRegions(m.bands, m.range, m.higherIsBetter);
    const values = pts.map((pt) => ({
      weeks: pt.weeks,
      score: pt.score,
      at: pt.at,
      band: pt.band?.label ?? "",
      flags: pt.flags.join("; "),
      desc: `${pt.at}: ${String(round(pt.score))}${pt.band === null ? "" : ` (${pt.band.label})`}`,
    }));
    const layer: Spec[] = [];
    if (regions.length > 0) {
      layer.push(
        {
          name: named("person-bands"),
          data: { values: regions.map((r) => ({ ...r, desc: `Band ${r.label}: ${String(r.from)}–${String(r.to)}` })) },
          mark: { type: "rect", opacity: 0.22, clip: true },
          encoding: {
            y: { field: "from", type: "quantitative", scale: y.scale, title: m.title },
            y2: { field: "to" },
            color: { field: "color", type: "nominal", scale: null, legend: null },
            description: { field: "desc" },
          },
        },
        {
          name: named("person-band-labels"),
          data: { values: regions },
          mark: { type: "text", align: "left", baseline: "middle", dx: 3, fontSize: 9, color: "#525252", clip: true },
          encoding: {
            y: { field: "mid", type: "quantitative", scale: y.scale, title: m.title },
            x: { value: 0 },
            text: { field: "label" },
          },
          transform: [{ calculate: "(datum.from + datum.to) / 2", as: "mid" }],
        },
      );
    }
    layer.push(
      { name: named("person-line"), data: { values }, mark: { type: "line", color: "#252525" }, encoding: { x, y } },
      {
        name: named("person-points"),
        data: { values },
        mark: { type: "point", filled: true, color: "#252525", size: 40 },
        encoding: {
          x,
          y,
          description: { field: "desc" },
        },
      },
    );
    if (values.some((v) => v.flags !== "")) {
      layer.push({
        name: named("person-flags"),
        data: {
          values: values.filter((v) => v.flags !== "").map((v) => ({ ...v, desc: `Flag at ${v.at}: ${v.flags}` })),
        },
        mark: { type: "point", shape: "triangle-up", filled: true, color: "#d7301f", size: 160, yOffset: -12 },
        encoding: { x, y, description: { field: "desc" } },
      });
    }
    return [{ title: `${m.title} ${m.scaleLabel.toLowerCase()}`, width: 420, height: 150, layer }];
  });
  return { $schema: SCHEMA, vconcat: charts, spacing: 24 };
}

function categoryLabel(c: JacobsonTruaxCategory): string {
  return JT_CATEGORIES.find((x) => x.id === c)?.label ?? c;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
