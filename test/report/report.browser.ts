// Opens the HTML report of the example cohort (examples/report.ts) from a file in headless Chromium and
// checks what is drawn against the cohort's own results, computed here from the histories: one Jacobson–Truax
// point per person with a follow-up, at their baseline and latest score; the per-person view's band regions and
// flag marks; and that the page asks for nothing over the network. Saves screenshots in test-output/.
// Runs with the browser tests (vitest.browser.config.ts): CI installs Debian's chromium.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleCohort } from "../../examples/report.js";
import { instruments, type HistoryEntry } from "../../src/index.js";
import { renderReport, type ReportPerson } from "../../src/report/index.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, "test-output");
const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without Chromium the test is skipped, so `npm test` passes on any machine; CI sets STEPSCORE_REQUIRE_BROWSER=1.
const required = process.env.STEPSCORE_REQUIRE_BROWSER === "1";
const available = existsSync(executable);
if (!available && !required) console.warn(`report browser test skipped: no Chromium at ${executable}`);

const people: ReportPerson[] = exampleCohort();
// The first three people, and the first whose results raised a flag, so the flag marks are really checked.
const flaggedPerson = people.find((p) => p.history.some((h) => h.result.flags.length > 0));
const shownIds = [...new Set([...people.slice(0, 3).map((p) => p.id), ...(flaggedPerson ? [flaggedPerson.id] : [])])];
const SHOWN = shownIds.length;
let browser: Browser;
let page: Page;
let fileUrl = "";
const requests: string[] = [];
const problems: string[] = [];

/** An instrument's scored results of one person, by date: what the report reads as baseline and latest. */
function scored(history: readonly HistoryEntry[], id: string): HistoryEntry[] {
  return history
    .filter((h) => h.result.instrument === id && h.result.score !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
}

beforeAll(async () => {
  if (!available && !required) return;
  const html = await renderReport(people, { title: "Example cohort", people: shownIds });
  mkdirSync(out, { recursive: true });
  const file = join(out, "report.html");
  writeFileSync(file, html);
  fileUrl = pathToFileURL(file).href;
  browser = await chromium.launch({
    executablePath: executable,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => problems.push(e.message));
  // A blocked fetch (the page's Content-Security-Policy) is reported on the console.
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
  });
  await page.goto(fileUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!available && !required)("the HTML report in a browser", () => {
  it("has a section per instrument of the cohort", async () => {
    const ids = [...new Set(people.flatMap((p) => p.history.map((h) => h.result.instrument)))];
    const sections = page.locator("section.instrument");
    const shown: (string | null)[] = [];
    for (let i = 0; i < (await sections.count()); i++)
      shown.push(await sections.nth(i).getAttribute("data-instrument"));
    expect(shown).toEqual(ids);
  });

  it("draws one Jacobson–Truax point per person with a follow-up, at baseline and latest", async () => {
    for (const id of ["phq9", "gad7", "pcs"] as const) {
      const expected = new Map(
        people.flatMap((p) => {
          const s = scored(p.history, id);
          return s.length < 2 ? [] : [[p.id, [s[0]!.result.score!, s.at(-1)!.result.score!]] as const];
        }),
      );
      const section = page.locator(`section[data-instrument="${id}"]`);
      const points = section.locator('[data-chart="jt"] g.jt_points_marks > path');
      expect(await points.count(), id).toBe(expected.size);
      // Each point is where its person's scores put it: x = baseline, y = latest on the scale's own range.
      const [lo, hi] = instruments[id].score.range;
      const drawn: { label: string; at: number[] }[] = [];
      for (let i = 0; i < (await points.count()); i++) {
        const p = points.nth(i);
        const transform = (await p.getAttribute("transform")) ?? "";
        drawn.push({
          label: (await p.getAttribute("aria-label")) ?? "",
          at: /translate\(([-\d.]+),([-\d.]+)\)/.exec(transform)?.slice(1).map(Number) ?? [],
        });
      }
      const seen = new Set<string>();
      for (const d of drawn) {
        const person = d.label.split(":")[0] ?? "";
        seen.add(person);
        const [pre, post] = expected.get(person) ?? [Number.NaN, Number.NaN];
        const [x, y] = d.at as [number, number];
        expect(x, `${id} ${person} x`).toBeCloseTo(((pre - lo) / (hi - lo)) * 300, 1);
        expect(y, `${id} ${person} y`).toBeCloseTo(300 - ((post - lo) / (hi - lo)) * 300, 1);
      }
      expect(seen).toEqual(new Set(expected.keys()));
      // The identity line, the two lines of the reliable-change band and the cut-off line.
      expect(await section.locator("g.jt_identity_marks > path").count()).toBe(1);
      expect(await section.locator("g.jt_band_marks > path").count()).toBe(2);
      expect(await section.locator("g.jt_cutoff_marks > line").count()).toBe(1);
      expect(await section.locator('[data-chart="jt"]').getAttribute("data-points")).toBe(String(expected.size));
    }
    // The ODI's definition has no reliable-change inputs: no plot, and the page says why.
    expect(await page.locator('section[data-instrument="odi"] [data-chart="jt"]').count()).toBe(0);
    expect(await page.locator('section[data-instrument="odi"] [data-chart="jt-none"]').textContent()).toContain(
      "no reliable-change inputs",
    );
    mkdirSync(out, { recursive: true });
    await page.locator('section[data-instrument="phq9"]').screenshot({ path: join(out, "report-phq9.png") });
  });

  it("draws the band distribution and the mean trajectory of each group", async () => {
    const phq = page.locator('section[data-instrument="phq9"]');
    // One bar segment per band and time point.
    expect(await phq.locator('[data-chart="bands"] g.bands_marks > path').count()).toBe(5 * 3);
    const groups = new Set(people.map((p) => p.group));
    // One line per group, with a point per time point.
    expect(await phq.locator('[data-chart="trajectory"] g.trajectory_line_marks > path').count()).toBe(groups.size);
    expect(await phq.locator('[data-chart="trajectory"] g.trajectory_points_marks > path').count()).toBe(
      groups.size * 3,
    );
  });

  it("shows each person's instruments over time with the band regions shaded and flags marked", async () => {
    expect(await page.locator("details.person").count()).toBe(SHOWN);
    expect(await page.locator("details.person").first().getAttribute("open")).not.toBeNull();
    // Charts are named by the instrument's place in the report (its section order).
    const cohortIds = [...new Set(people.flatMap((p) => p.history.map((h) => h.result.instrument)))];
    let flags = 0;
    for (const person of people.filter((p) => shownIds.includes(p.id))) {
      const view = page.locator(`details.person[data-person="${person.id}"]`);
      // Opened as a reader would, so that what is drawn has a size on the page.
      if ((await view.getAttribute("open")) === null) await view.locator("summary").click();
      for (const id of new Set(person.history.map((h) => h.result.instrument))) {
        const i = String(cohortIds.indexOf(id));
        const regions = view.locator(`g.person_bands_${i}_marks > path`);
        expect(await regions.count(), `${person.id} ${id}`).toBe(instruments[id as "phq9"].score.bands.length);
        expect((await regions.first().boundingBox())?.height ?? 0, `${person.id} ${id} bands`).toBeGreaterThan(0);
        const results = scored(person.history, id);
        expect(await view.locator(`g.person_points_${i}_marks > path`).count()).toBe(results.length);
        const flagged = results.filter((h) => h.result.flags.length > 0).length;
        expect(await view.locator(`g.person_flags_${i}_marks > path`).count(), `${person.id} ${id}`).toBe(flagged);
        flags += flagged;
      }
    }
    expect(flags).toBeGreaterThan(0);
    await page
      .locator("details.person")
      .first()
      .screenshot({ path: join(out, "report-person.png") });
  });

  it("asks for nothing over the network and raises no error", async () => {
    await page.screenshot({ path: join(out, "report.png"), fullPage: true });
    expect(requests).toEqual([fileUrl]);
    expect(problems).toEqual([]);
  });
});
