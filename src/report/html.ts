// The report as one HTML document: inline SVG charts, inline CSS, no script, and a Content-Security-Policy that
// lets the page load nothing at all, so it can be opened from a file or mailed and shows the same offline.
import { visitLabel, type Count, type InstrumentModel, type PersonModel, type ReportModel } from "./cohort.js";
import { JT_CATEGORIES } from "./specs.js";

/** The charts of one instrument, already rendered. */
export interface InstrumentCharts {
  readonly bands: string | null;
  readonly jt: string | null;
  readonly trajectory: string;
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

const e = escapeHtml;

function num(n: number | null, digits = 1): string {
  if (n === null) return "—";
  const r = Number(n.toFixed(digits));
  return (r < 0 ? "−" : "") + String(Math.abs(r));
}

function share(c: Count | null): string {
  if (c === null) return "—";
  if (c.denominator === 0) return "0 / 0";
  return `${String(c.numerator)} / ${String(c.denominator)} (${String(Math.round((c.numerator / c.denominator) * 100))} %)`;
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1180px; padding: 1rem 1.5rem 3rem; color: #222; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { margin: 1.2rem 0 .4rem; font-size: 1rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #444; max-width: 460px; }
table { border-collapse: collapse; font-size: .85rem; margin: .3rem 0 1rem; }
th, td { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f3f3f3; }
.note { font-size: .85rem; color: #555; max-width: 75ch; }
.no-chart { font-style: italic; color: #555; }
details.person { border: 1px solid #ddd; border-radius: 4px; margin: .5rem 0; padding: .3rem .8rem; }
details.person summary { cursor: pointer; font-weight: 600; }
.flag { color: #b30000; font-weight: 600; }
nav ul { columns: 3; font-size: .9rem; }
`;

/** The report's HTML from its numbers and rendered charts. */
export function reportHtml(
  model: ReportModel,
  title: string,
  charts: ReadonlyMap<string, InstrumentCharts>,
  personCharts: ReadonlyMap<string, string>,
): string {
  const groups = model.groups.length === 0 ? "no groups" : `groups: ${model.groups.map(e).join(", ")}`;
  const body = [
    `<header><h1>${e(title)}</h1>`,
    `<p>${String(model.people.length)} people, ${groups}; time points up to ${e(visitLabel(model.lastVisit).toLowerCase())}; ${String(model.instruments.length)} instruments.</p></header>`,
    nav(model),
    about(),
    ...model.instruments.map((m) => instrumentSection(m, model, charts.get(m.id))),
    peopleSection(model, personCharts),
  ];
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: charts are inline SVG and the style is in the page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(title)}</title><style>${STYLE}</style></head><body>`,
    ...body,
    "</body></html>",
    "",
  ].join("\n");
}

function nav(model: ReportModel): string {
  const items = model.instruments.map((m) => `<li><a href="#i-${e(m.id)}">${e(m.title)}</a></li>`);
  items.push('<li><a href="#people">People</a></li>');
  return `<nav><ul>${items.join("")}</ul></nav>`;
}

function about(): string {
  return `<section id="about"><h2>How to read this report</h2>
<p class="note"><strong>Time points.</strong> Each person's results are grouped by calendar day (UTC): the first day with any result is their baseline, their next assessment day is follow-up 1, and so on. A time point is therefore a visit index, not a fixed number of weeks; two results of one instrument on one day count once (the later).</p>
<p class="note"><strong>Bands</strong> are the instrument's own severity bands on the scale followed, among the people scored at each time point.</p>
<p class="note"><strong>Jacobson–Truax plot</strong> (Jacobson &amp; Truax 1991): each person's baseline (x) against their latest score (y). The solid line is no change (y = x); the dashed lines are y = x ± 1.96·S<sub>diff</sub>, the smallest reliable change from the instrument's reliability inputs, so points between them changed no more than measurement error allows; the dotted horizontal line is the cut-off for recovery. Recovered: a reliable improvement ending at or past the cut-off; improved: a reliable improvement short of it; deteriorated: a reliable worsening; unchanged: the rest.</p>
<p class="note"><strong>Mean over time</strong>: the mean of everyone scored at each time point (not only those with every time point), with a 95 % confidence interval of the mean (Student's t with n − 1 degrees of freedom); n is given in the table.</p>
<p class="note"><strong>Responders</strong>: baseline (each person's first score on the instrument) against each follow-up time point and against each person's latest score, with the instrument's default definitions. Response and remission count only people whose baseline the definition is made for and who did not already meet it at baseline; their denominators are shown.</p>
</section>`;
}

function instrumentSection(m: InstrumentModel, model: ReportModel, c: InstrumentCharts | undefined): string {
  const parts = [
    `<section class="instrument" id="i-${e(m.id)}" data-instrument="${e(m.id)}">`,
    `<h2>${e(m.title)} <small>(${e(m.scaleLabel)}, ${m.higherIsBetter ? "higher is better" : "higher is worse"})</small></h2>`,
    `<p>${String(m.people)} people with a result; ${String(m.baselineOnly)} with a baseline only (no later score); ${String(m.notScored)} with no score.</p>`,
    '<div class="charts">',
  ];
  if (c?.bands != null)
    parts.push(
      `<figure class="chart" data-chart="bands">${c.bands}<figcaption>Share of people in each band, by time point.</figcaption></figure>`,
    );
  parts.push(jtFigure(m, c?.jt ?? null));
  if (c !== undefined)
    parts.push(
      `<figure class="chart" data-chart="trajectory">${c.trajectory}<figcaption>Mean with 95 % confidence interval${model.groups.length === 0 ? "" : ", by group"}.</figcaption></figure>`,
    );
  parts.push("</div>");
  if (m.bandCounts.length > 0) parts.push(bandTable(m));
  parts.push(responderTable(m), trajectoryTable(m), "</section>");
  return parts.join("\n");
}

function jtFigure(m: InstrumentModel, svg: string | null): string {
  const jt = m.jt;
  if (!jt.available || svg === null)
    return `<p class="no-chart" data-chart="jt-none">No Jacobson–Truax plot: ${e(jt.available ? "not drawn" : jt.reason)}.</p>`;
  const cutoff =
    jt.cutoff === null
      ? "no cut-off (the scale has no range bands and none was given), so nobody is counted recovered"
      : `cut-off ${num(jt.cutoff, 2)} (${jt.cutoffFrom === "options" ? "given in the options" : "the edge of the healthiest band"})`;
  const counts = JT_CATEGORIES.map((c) => `${c.label} ${String(jt.counts[c.id])}`).join(", ");
  return `<figure class="chart" data-chart="jt" data-points="${String(jt.points.length)}">${svg}<figcaption>${String(jt.points.length)} people with a baseline and a later score. Reliable change ± ${num(jt.threshold, 2)} points (S<sub>diff</sub> ${num(jt.standardErrorOfDifference, 2)}; ${e(jt.reliability)}); ${e(cutoff)}. ${e(counts)}; of the unchanged, ${String(jt.counts.nonReliablyRecovered)} past the cut-off without a reliable change.</figcaption></figure>`;
}

function bandTable(m: InstrumentModel): string {
  const head = m.bands.map((b) => `<th class="num">${e(b.label)}</th>`).join("");
  const rows = m.bandCounts.map(
    (bc) =>
      `<tr><td>${e(visitLabel(bc.visit))}</td><td class="num">${String(bc.n)}</td>${bc.counts.map((c) => `<td class="num">${String(c.count)}</td>`).join("")}</tr>`,
  );
  return `<h3>Band counts</h3><table class="bands"><thead><tr><th>Time point</th><th class="num">n</th>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function responderTable(m: InstrumentModel): string {
  const d = m.definitions;
  const defs = [
    d.mcid === null ? null : `MCID: ${d.mcid}`,
    d.response === null ? null : `response: ${d.response}`,
    d.remission === null ? null : `remission: ${d.remission}`,
  ].filter((x) => x !== null);
  const rows = m.responders.map((r) => {
    const rel = r.reliable;
    return `<tr data-visit="${String(r.visit)}"${r.group === null ? "" : ` data-group="${e(r.group)}"`}><td>${e(visitLabel(r.visit))}</td><td>${e(r.group ?? "Everyone")}</td><td class="num">${String(r.n)}</td><td class="num">${num(r.meanChange)}</td><td class="num">${rel === null ? "—" : String(rel.improved)}</td><td class="num">${rel === null ? "—" : String(rel.unchanged)}</td><td class="num">${rel === null ? "—" : String(rel.deteriorated)}</td><td class="num">${share(r.mcid)}</td><td class="num">${share(r.response)}</td><td class="num">${share(r.remission)}</td></tr>`;
  });
  return `<h3>Responders</h3><p class="note">${e(defs.length === 0 ? "The definition gives no MCID, response or remission for this scale." : `${defs.join("; ")}.`)}</p>
<table class="responders"><thead><tr><th>Against baseline</th><th>Group</th><th class="num">n</th><th class="num">Mean change</th><th class="num">Reliably improved</th><th class="num">No reliable change</th><th class="num">Reliably deteriorated</th><th class="num">MCID improvement</th><th class="num">Response</th><th class="num">Remission</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function trajectoryTable(m: InstrumentModel): string {
  const rows = m.trajectories.map(
    (t) =>
      `<tr><td>${e(t.group ?? "Everyone")}</td><td>${e(visitLabel(t.visit))}</td><td class="num">${String(t.n)}</td><td class="num">${num(t.mean)}</td><td class="num">${num(t.sd)}</td><td class="num">${t.lo === null ? "—" : `${num(t.lo)} to ${num(t.hi)}`}</td></tr>`,
  );
  return `<h3>Mean over time</h3><table class="trajectories"><thead><tr><th>Group</th><th>Time point</th><th class="num">n</th><th class="num">Mean</th><th class="num">SD</th><th class="num">95 % CI</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function peopleSection(model: ReportModel, charts: ReadonlyMap<string, string>): string {
  const shown = model.shown;
  const parts = [
    '<section id="people"><h2>People</h2>',
    `<p class="note">A view for ${String(shown.length)} of ${String(model.people.length)} people (chosen with the <code>people</code> option). Each chart is one instrument over the weeks since the person's first assessment, its bands shaded; a red triangle marks a result that raised a flag.</p>`,
  ];
  shown.forEach((p, i) => parts.push(personDetails(p, model, charts.get(p.id) ?? "", i === 0)));
  parts.push("</section>");
  return parts.join("\n");
}

function personDetails(p: PersonModel, model: ReportModel, svg: string, open: boolean): string {
  const statuses = model.instruments
    .filter((m) => p.progress.instruments[m.id] !== undefined)
    .map((m) => `${m.title}: ${(p.progress.instruments[m.id]?.status ?? "").replace(/-/g, " ")}`);
  const rows = model.instruments.flatMap((m) =>
    (p.points.get(m.id) ?? []).map(
      (pt) =>
        `<tr><td>${e(pt.at)}</td><td>${e(visitLabel(pt.visit))}</td><td>${e(m.title)}</td><td class="num">${num(pt.score, 2)}</td><td>${e(pt.band?.label ?? "")}</td><td${pt.flags.length === 0 ? "" : ' class="flag"'}>${e(pt.flags.join("; "))}</td></tr>`,
    ),
  );
  return `<details class="person" data-person="${e(p.id)}"${open ? " open" : ""}><summary>${e(p.id)}${p.group === null ? "" : ` · ${e(p.group)}`} — ${e(statuses.join("; "))}</summary>
<figure class="chart" data-chart="person">${svg}</figure>
<table class="results"><thead><tr><th>Date</th><th>Time point</th><th>Instrument</th><th class="num">Score</th><th>Band</th><th>Flags</th></tr></thead><tbody>${rows.join("")}</tbody></table></details>`;
}
