// Opens the report `stepscore report` writes from examples/cohort-long.csv in headless Chromium and checks
// one Jacobson–Truax point per person with a follow-up, counted here from the CSV itself (each row scored
// alone by scoreRows, grouped by id and date), not from the report's own model. Saves a screenshot in
// test-output/. Runs with the browser tests (vitest.browser.config.ts); skipped without Chromium unless CI
// requires it.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreRows } from "../../src/index.js";
import { cli } from "../cli/helpers.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, "test-output");
const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const required = process.env.STEPSCORE_REQUIRE_BROWSER === "1";
const available = existsSync(executable);
if (!available && !required) console.warn(`CLI report browser test skipped: no Chromium at ${executable}`);

const INSTRUMENTS = ["phq9", "gad7"] as const;
let browser: Browser;
let page: Page;

/** Per instrument, the ids of people with a score on at least two dates, from the CSV rows. */
function withFollowUp(): Map<string, Set<string>> {
  const records = parse<Record<string, string>>(readFileSync(join(root, "examples", "cohort-long.csv"), "utf8"), {
    columns: true,
  });
  const { rows } = scoreRows(records, { instruments: [...INSTRUMENTS] });
  const out = new Map<string, Set<string>>();
  for (const [i, id] of INSTRUMENTS.entries()) {
    const dates = new Map<string, Set<string>>();
    for (const r of rows) {
      if (r.instruments[i]?.result?.score == null) continue;
      const person = r.input.id as string;
      dates.set(person, (dates.get(person) ?? new Set()).add(r.input.date as string));
    }
    out.set(id, new Set([...dates].filter(([, d]) => d.size >= 2).map(([p]) => p)));
  }
  return out;
}

beforeAll(async () => {
  if (!available && !required) return;
  mkdirSync(out, { recursive: true });
  copyFileSync(join(root, "examples", "cohort-long.csv"), join(out, "cohort-long.csv"));
  const r = await cli(
    [
      "report",
      "phq9,gad7,odi",
      "cohort-long.csv",
      "--id",
      "id",
      "--at",
      "date",
      "--group",
      "site",
      "-o",
      "cli-report.html",
    ],
    { cwd: out },
  );
  // 1: the example's one invalid GAD-7 cell; the report is written all the same.
  expect(r.code, r.stderr).toBe(1);
  browser = await chromium.launch({
    executablePath: executable,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  await page.goto(pathToFileURL(join(out, "cli-report.html")).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!available && !required)("the report the CLI writes, in a browser", () => {
  it("draws one Jacobson–Truax point per person with a follow-up", async () => {
    const expected = withFollowUp();
    for (const id of INSTRUMENTS) {
      const people = expected.get(id) ?? new Set();
      expect(people.size, id).toBeGreaterThan(0);
      const points = page.locator(`section[data-instrument="${id}"] [data-chart="jt"] g.jt_points_marks > path`);
      expect(await points.count(), id).toBe(people.size);
      const drawn = new Set<string>();
      for (let i = 0; i < (await points.count()); i++)
        drawn.add(((await points.nth(i).getAttribute("aria-label")) ?? "").split(":")[0] ?? "");
      expect(drawn, id).toEqual(people);
    }
    await page.locator('section[data-instrument="phq9"]').screenshot({ path: join(out, "cli-report-phq9.png") });
  });
});
