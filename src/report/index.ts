// The HTML report over a cohort followed over time. Not part of the main entry (which stays zod-only): the
// command line loads it, and it loads Vega and Vega-Lite, optional peers, only when a report is rendered.
import { buildReportModel, type ReportOptions, type ReportPerson } from "./cohort.js";
import { reportHtml, type InstrumentCharts } from "./html.js";
import { charting } from "./render.js";
import { bandDistributionSpec, jtSpec, personSpec, trajectorySpec } from "./specs.js";

export type { ReportOptions, ReportPerson } from "./cohort.js";

/**
 * One self-contained HTML report over a cohort followed over time: per instrument the band distribution at
 * each time point, the Jacobson–Truax plot (baseline against latest, reliable-change band, cut-off line),
 * mean trajectories with 95 % confidence intervals by time point and group, and responder tables; then a
 * view per person (every instrument over time, bands shaded, flags marked). Charts are inline SVG drawn by
 * Vega-Lite in this process; the page loads nothing when it is opened.
 *
 * Time points are each person's assessment days (UTC) in order: baseline, follow-up 1, … Numbers come from
 * `progress`, `compareScores` and `cohortJacobsonTruax`, so they agree with the API. docs/report.md says what
 * each chart shows; `examples/report.ts` is a whole run.
 *
 * @param people - one entry per person: id, optional group, dated results
 * @param options - title, Jacobson–Truax cut-offs, who gets a per-person view, custom definitions
 * @returns the HTML document
 * @throws Error saying `npm install vega vega-lite` when those optional packages are missing
 * @throws TypeError for people or options it cannot read; ProgressInputError for an unreadable history
 * @category Report
 */
export async function renderReport(people: readonly ReportPerson[], options: ReportOptions = {}): Promise<string> {
  const model = buildReportModel(people, options);
  const { toSvg } = await charting();
  const charts = new Map<string, InstrumentCharts>();
  for (const m of model.instruments) {
    charts.set(m.id, {
      bands: m.bandCounts.length === 0 ? null : await toSvg(bandDistributionSpec(m)),
      jt: m.jt.available ? await toSvg(jtSpec(m, m.jt)) : null,
      trajectory: await toSvg(trajectorySpec(m, model.groups)),
    });
  }
  const personCharts = new Map<string, string>();
  for (const p of model.shown) personCharts.set(p.id, await toSvg(personSpec(p, model.instruments)));
  return reportHtml(model, options.title ?? "stepscore report", charts, personCharts);
}
