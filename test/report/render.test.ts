// renderReport end to end in Node: one HTML document with inline SVG drawn by Vega, nothing to fetch, the
// people's text escaped. What the page shows in a browser is checked in report.browser.ts.
import { describe, expect, it } from "vitest";
import { renderReport, type ReportPerson } from "../../src/report/index.js";
import { escapeHtml } from "../../src/report/html.js";
import { isMissingModule, MISSING_CHARTING } from "../../src/report/render.js";
import { phq9, score, type InstrumentDefinition } from "../../src/index.js";
import { at, gad, odiSum, pegOf, phq } from "../progress/helpers.js";

const people: ReportPerson[] = [
  { id: "A", group: "north", history: [at(0, phq(20)), at(0, odiSum(20)), at(42, phq(3)), at(42, odiSum(10))] },
  { id: "B", group: "south", history: [at(0, phq(20)), at(42, phq(12)), at(84, phq(9, 1))] },
  { id: 'C <b>&"x</b>', group: "<i>south</i>", history: [at(0, phq(15)), at(0, gad(9))] },
];

/** The SVG group Vega draws for a named layer, and the marks in it. */
function marks(html: string, name: string): number[] {
  // Vega-Lite turns the layer's name into the class `<name>_marks`, with "-" as "_".
  const re = new RegExp(`<g class="mark-[a-z]+ role-mark ${name.replace(/-/g, "_")}_marks"[^>]*>(.*?)</g>`, "g");
  return [...html.matchAll(re)].map((m) => (m[1]?.match(/<path /g) ?? []).length);
}

describe("renderReport", () => {
  it("writes one self-contained document with the charts as inline SVG", async () => {
    const html = await renderReport(people, { title: "Cohort & co" });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("<title>Cohort &amp; co</title>");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!["']?#)/i);
    // No attribute points anywhere but inside the page (the SVG namespace is a name, not a fetch).
    expect(html.match(/\b(?:src|href)="(?!#)[^"]*"/g) ?? []).toEqual([]);
    // PHQ-9: A and B have a follow-up; C has a baseline only. ODI: no reliable-change inputs, no plot.
    expect(html).toContain('data-chart="jt" data-points="2"');
    expect(marks(html, "jt-points")).toEqual([2]);
    expect(html).toContain("No Jacobson–Truax plot: the ODI definition gives no reliable-change inputs for percent.");
    expect(html).toContain("3 people with a result; 1 with a baseline only");
    // Every person gets a view by default; B's last PHQ-9 raised the item-9 flag.
    expect(html.match(/<details class="person"/g)).toHaveLength(3);
    expect(marks(html, "person-flags-0")).toEqual([1]);
    expect(marks(html, "person-bands-0")).toEqual([5, 5, 5]);
  });

  it("escapes the people's ids and groups", async () => {
    const html = await renderReport(people, { people: ['C <b>&"x</b>'] });
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
    expect(html).toContain(`data-person="${escapeHtml('C <b>&"x</b>')}"`);
    expect(html).toContain("C &lt;b&gt;&amp;&quot;x&lt;/b&gt; · &lt;i&gt;south&lt;/i&gt;");
    expect(html.match(/<details class="person"/g)).toHaveLength(1);
  });

  it("reports instruments of one's own, instruments without change facts, and the caller's cut-offs", async () => {
    // A definition of one's own, without change facts.
    const mood: InstrumentDefinition = { ...phq9, id: "mood9", shortTitle: "Mood-9" };
    delete (mood as { change?: unknown }).change;
    const m = (n: number) => score(mood, [n, n, n, n, n, n, n, n, 0]);
    const html = await renderReport(
      [
        { id: "A", history: [at(0, m(2)), at(42, m(1)), at(0, pegOf(6)), at(42, pegOf(4)), at(0, phq(20))] },
        { id: "B", history: [at(0, pegOf(8)), at(0, phq(18)), at(42, phq(8))] },
      ],
      { definitions: [mood], cutoffs: { phq9: 9 } },
    );
    expect(html).toContain("No Jacobson–Truax plot: Mood-9 is not a bundled instrument.");
    expect(html).toContain("The definition gives no MCID, response or remission for this scale.");
    expect(html).toContain("No Jacobson–Truax plot: the PEG definition gives no reliable-change inputs for total.");
    expect(html).toContain("cut-off 9 (given in the options)");
    // B: 18 → 8, a reliable improvement to 9 or less.
    expect(html).toContain("Recovered 1, Improved 0, Unchanged 0, Deteriorated 0");
    expect(html).toContain("2 people, no groups");
  });

  it("renders an empty cohort", async () => {
    const html = await renderReport([]);
    expect(html).toContain("0 people, no groups");
    expect(html).toContain("A view for 0 of 0 people");
  });
});

describe("a missing charting library", () => {
  it("is recognised from the errors Node and bundlers give", () => {
    expect(isMissingModule(Object.assign(new Error("x"), { code: "ERR_MODULE_NOT_FOUND" }))).toBe(true);
    expect(isMissingModule(Object.assign(new Error("x"), { code: "MODULE_NOT_FOUND" }))).toBe(true);
    expect(isMissingModule(new Error("Cannot find package 'vega' imported from /x.js"))).toBe(true);
    expect(isMissingModule(new Error("Failed to load url vega"))).toBe(true);
    expect(isMissingModule(new Error("a bug in a spec"))).toBe(false);
    expect(isMissingModule("nope")).toBe(false);
    expect(isMissingModule(new Error("wrapped", { cause: { code: "ERR_MODULE_NOT_FOUND" } }))).toBe(true);
    expect(MISSING_CHARTING).toContain("npm install vega vega-lite");
  });
});
