// Drives the browser page (examples/browser/) in headless Chromium: answers a PHQ-9, a STarT Back and a GAD-7
// as a person would and checks what the page shows (score, band, the item-9 safety message, and the
// stepped-care panel over all of them), then follows a person over a baseline and two reassessments on a
// desktop and on a phone-sized screen, and saves screenshots in test-output/browser/. The stepped-care
// expectations are worked out by hand from the default pathway's rules (docs/stratification.md); what the
// over-time view shows is checked against `progress` computed here over the same answers.
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instruments, progress, score, stratify, type HistoryEntry, type ProgressResult } from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..");
const out = join(root, "test-output", "browser");
const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".map": "application/json",
};
const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without Chromium the test is skipped, so `npm test` passes on any machine; CI installs Debian's chromium
// and sets STEPSCORE_REQUIRE_BROWSER=1 so that a missing browser fails instead.
const required = process.env.STEPSCORE_REQUIRE_BROWSER === "1";
const available = existsSync(executable);
if (!available && !required)
  console.warn(`browser test skipped: no Chromium at ${executable} (apt-get install chromium)`);

let server: Server;
let browser: Browser;
let page: Page;
let base = "";
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!available && !required) return;
  if (!existsSync(join(root, "dist", "index.js"))) throw new Error("build first: npm run build");
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${String(typeof address === "object" && address ? address.port : 0)}`;
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
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${base}/examples/browser/index.html`);
  await page.waitForSelector("#form fieldset");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function answer(values: readonly number[]): Promise<void> {
  for (const [i, v] of values.entries()) await page.check(`input[name="item-${String(i + 1)}"][value="${String(v)}"]`);
}

/** Ticks, for items 1, 2, …, the answer with this label, as a person reading the form would. */
async function answerByLabel(labels: readonly string[]): Promise<void> {
  for (const [i, label] of labels.entries()) {
    await page
      .locator(`#fs-${String(i + 1)}`)
      .getByLabel(label, { exact: true })
      .check();
  }
}

const text = async (selector: string): Promise<string> => (await page.textContent(selector)) ?? "";

describe.skipIf(!available && !required)("the browser page", () => {
  it("lists every instrument and renders the PHQ-9 from its definition", async () => {
    expect(await page.locator('#instrument option[value="phq9"]').count()).toBe(1);
    expect(await page.locator("#instrument option").count()).toBeGreaterThanOrEqual(20);
    await page.selectOption("#instrument", "phq9");
    expect(await page.locator("#form fieldset").count()).toBe(10);
    expect(await page.textContent("#fs-9 legend")).toContain("better off dead");
  });

  it("shows the instruction stem only where the licence allows the wording", async () => {
    expect(await text("#instructions")).toBe(instruments.phq9.instructions);
    await page.selectOption("#instrument", "odi");
    expect(instruments.odi.licence.redistributeWording).toBe(false);
    expect(await page.locator("#instructions").count()).toBe(0);
    await page.selectOption("#instrument", "gad7");
    expect(await text("#instructions")).toBe(instruments.gad7.instructions);
    await page.selectOption("#instrument", "phq9");
  });

  it("says why there is no score while items are missing", async () => {
    await answer([1, 2, 1]);
    expect(await page.textContent("#score")).toBe("—");
    expect(await page.textContent("#reason")).toContain("6 of 9 items not answered");
    // No score: nothing the pathway uses is assessed, so no step is given (not "step 1"), and the item-9
    // check is reported as not done.
    expect(stratify([score(instruments.phq9, { 1: 1, 2: 2, 3: 1 })]).step).toBeNull();
    expect(await text("#care-step")).toBe("Not assessed");
    expect(await text("#care-unchecked")).toContain("item 9 was not answered");
    expect(await page.isVisible("#care-urgent")).toBe(false);
  });

  it("scores a completed PHQ-9 and shows the item-9 safety message", async () => {
    await answer([1, 2, 1, 2, 0, 1, 3, 2, 1]);
    expect(await page.textContent("#score")).toBe("13");
    expect(await page.textContent("#band")).toBe("Moderate");
    expect(await page.isVisible("#safety")).toBe(true);
    expect(await page.textContent("#safety")).toContain("assess suicide risk the same day");
    // PHQ-9 13 >= 10: depression is the one elevated psychosocial domain (step 2); item 9 is urgent.
    expect(await text("#care-step")).toBe("Step 2");
    expect(await page.isVisible("#care-urgent")).toBe(true);
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, "phq9.png"), fullPage: true });
  });

  it("hides the safety message when item 9 is 'Not at all'", async () => {
    await page.check('input[name="item-9"][value="0"]');
    expect(await page.textContent("#score")).toBe("12");
    expect(await page.isVisible("#safety")).toBe(false);
    expect(await page.isVisible("#care-urgent")).toBe(false);
  });

  it("renders clock-time and number items (PSQI) and scores them", async () => {
    await page.selectOption("#instrument", "psqi");
    await page.fill('input[name="item-1"]', "23:00");
    await page.fill('input[name="item-2"]', "40");
    await page.fill('input[name="item-3"]', "07:00");
    await page.fill('input[name="item-4"]', "6.5");
    for (const [id, v] of Object.entries({
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
    })) {
      await page.check(`input[name="item-${id}"][value="${String(v)}"]`);
    }
    expect(await page.textContent("#score")).toBe("10");
    expect(await page.textContent("#band")).toBe("Poor sleeper");
    await page.screenshot({ path: join(out, "psqi.png"), fullPage: true });
    // The PHQ-9 result is kept; the PSQI has no cut-off the pathway uses, so it is listed as not used.
    expect(await text("#care-used")).toContain("PHQ-9: 12 (Moderate)");
    expect(await text("#care-used")).toContain("PSQI: 10 (Poor sleeper)");
    expect(await text("#care-not-used")).toContain("PSQI");
    expect(await text("#care-step")).toBe("Step 2");
  });

  it("shows the answers already given when going back to a questionnaire", async () => {
    await page.selectOption("#instrument", "phq9");
    expect(await page.isChecked('input[name="item-1"][value="1"]')).toBe(true);
    expect(await page.isChecked('input[name="item-9"][value="0"]')).toBe(true);
    expect(await page.textContent("#score")).toBe("12");
    await page.locator("#fs-9").getByLabel("Several days", { exact: true }).check();
    expect(await page.textContent("#score")).toBe("13");
    expect(await page.isVisible("#safety")).toBe(true);
  });

  it("composes a PHQ-9, a STarT Back and a GAD-7 into the stepped-care result", async () => {
    await page.selectOption("#instrument", "startback");
    // Agrees with items 1, 3 and 4 and is very much bothered: total 4, psychosocial subscale 1 (items 5-9).
    await answerByLabel([
      "Agree",
      "Disagree",
      "Agree",
      "Agree",
      "Disagree",
      "Disagree",
      "Disagree",
      "Disagree",
      "Very much",
    ]);
    expect(await page.textContent("#score")).toBe("4");
    expect(await page.textContent("#band")).toBe("Medium risk");

    await page.selectOption("#instrument", "gad7");
    await answerByLabel([
      "Several days",
      "Several days",
      "Several days",
      "Several days",
      "Not at all",
      "Several days",
      "Several days",
    ]);
    expect(await page.textContent("#score")).toBe("6");
    expect(await page.textContent("#band")).toBe("Mild");

    // Default pathway: STarT Back medium (rule startback-medium) sets step 2; depression (PHQ-9 13 >= 10) is
    // the only elevated psychosocial domain (psychosocial-one, step 2); anxiety (GAD-7 6 < 10) is not
    // elevated; no step-3 rule fires. Item 9 above 'Not at all' adds the urgent overlay.
    expect(await text("#care-step")).toBe("Step 2");
    expect(await text("#care-label")).toBe("Physiotherapy with targeted support");
    expect(await text("#care-care")).toContain("Physiotherapy");
    expect(await page.isVisible("#care-urgent")).toBe(true);
    expect(await text("#care-urgent")).toContain("Same-day suicide-risk assessment");

    // Each rule is shown by its label and what it observed in words; its id is only a data attribute.
    const rule = (id: string) => page.locator(`#care-reasons > li[data-rule="${id}"]`);
    expect(await rule("startback-medium").count()).toBe(1);
    expect(await rule("startback-medium").textContent()).toContain("STarT Back medium risk");
    expect(await rule("startback-medium").textContent()).toContain("STarT Back medium risk (band medium)");
    expect(await rule("psychosocial-one").textContent()).toContain("Exactly one elevated psychosocial domain");
    expect(await rule("psychosocial-one").textContent()).toContain("PHQ-9 total 13 ≥ 10");
    expect(await rule("phq9-self-harm").count()).toBe(1);
    // The flag is named by its label in the PHQ-9 definition, not by its id.
    expect(await rule("phq9-self-harm").textContent()).toContain(`PHQ-9: ${instruments.phq9.flags[0].label}`);
    expect(await rule("startback-high").count()).toBe(0);
    const visible = await page.innerText("body");
    for (const id of [
      "psychosocial-one",
      "startback-medium",
      "phq9-self-harm",
      "observed self-harm",
      "threshold self-harm",
      "flag self-harm",
    ]) {
      expect(visible).not.toContain(id);
    }

    expect(await text("#care-targets")).toContain("Depression");
    expect(await text("#care-targets")).toContain("Risk of a poor outcome");
    expect(await text("#care-targets")).not.toContain("Anxiety");

    // Not assessed: a second elevated psychosocial domain would make step 3 (psychosocial-two-or-more);
    // severe disability sets step 2 only, so it would not raise the step. Anxiety was assessed (GAD-7).
    const missing = await text("#care-missing");
    expect(missing).toContain("Pain catastrophizing (PCS): could raise the step to 3");
    expect(missing).toContain("Fear of movement (TSK-17): could raise the step to 3");
    // FABQ physical activity is a target only (George 2008): assessing it could never raise the step.
    expect(missing).toContain("Fear-avoidance beliefs about physical activity (FABQ): would not raise the step");
    expect(missing).toContain("Sleep (insomnia) (ISI): could raise the step to 3");
    expect(missing).toContain("Disability (ODI, NDI): would not raise the step");
    expect(missing).not.toContain("Anxiety");
    await page.screenshot({ path: join(out, "stepped-care.png"), fullPage: true });
  });

  it("raises the step when a second psychosocial domain is elevated", async () => {
    await page.locator("#fs-1").getByLabel("Nearly every day", { exact: true }).check();
    await page.locator("#fs-2").getByLabel("Nearly every day", { exact: true }).check();
    expect(await page.textContent("#score")).toBe("10");
    expect(await page.textContent("#band")).toBe("Moderate");
    // GAD-7 10 >= 10: anxiety and depression are two elevated psychosocial domains (step 3).
    expect(await text("#care-step")).toBe("Step 3");
    expect(await text("#care-label")).toBe("Psychologically informed or high-intensity care");
    expect(await page.locator('#care-reasons > li[data-rule="psychosocial-two-or-more"]').count()).toBe(1);
    expect(await page.innerText("#care-reasons")).not.toContain("psychosocial-two-or-more");
    expect(await text("#care-targets")).toContain("Anxiety");
    expect(await page.locator("#care-missing li").count()).toBe(5);
    expect(await page.locator("#care-missing li.raises").count()).toBe(0);
    expect(await page.isVisible("#care-urgent")).toBe(true);
    await page.screenshot({ path: join(out, "stepped-care-step-3.png"), fullPage: true });
  });

  it("raised no error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});

// One person over time: a baseline (PHQ-9 15, STarT Back medium: step 2), a reassessment ten weeks later
// (PHQ-9 14: not improved, so step up) and one four weeks after that, the page's default date (PHQ-9 7 with
// item 9 answered 'Several days': response, and urgent). Expected values are progress over the same answers.
const BASELINE = "2026-01-05";
const REASSESSED = "2026-03-16";
const PHQ9_ANSWERS = [
  [2, 2, 2, 2, 2, 2, 2, 1, 0],
  [2, 2, 1, 2, 2, 1, 2, 2, 0],
  [1, 1, 1, 1, 1, 0, 1, 0, 1],
] as const;
const STARTBACK_ANSWERS = [1, 0, 1, 1, 0, 0, 0, 0, 4] as const;
const ACTION_WORDS: Record<ProgressResult["action"], string> = {
  "step-up": "Step up",
  review: "Review the plan",
  continue: "Continue",
  "step-down": "Step down",
  "not-assessed": "Not assessed",
};
const STATUS_WORDS: Record<string, string> = {
  remission: "Remission",
  response: "Response",
  "reliable-improvement": "Reliable improvement",
  "no-reliable-change": "No reliable change",
  "reliable-deterioration": "Reliable deterioration",
  "baseline-only": "Baseline only",
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function openPage(width: number, height: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height } });
  p.on("pageerror", (e) => pageErrors.push(e.message));
  await p.goto(`${base}/examples/browser/index.html`);
  await p.waitForSelector("#form fieldset");
  return p;
}

async function answerOn(p: Page, values: readonly number[]): Promise<void> {
  for (const [i, v] of values.entries()) await p.check(`input[name="item-${String(i + 1)}"][value="${String(v)}"]`);
}

/** The page is no wider than its window: nothing to scroll sideways. */
async function fitsWidth(p: Page): Promise<void> {
  const [scrollWidth, innerWidth] = await p.evaluate<[number, number]>(
    "[document.documentElement.scrollWidth, window.innerWidth]",
  );
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Checks the over-time view against `progress` over the same history. */
async function checkProgress(p: Page, history: readonly HistoryEntry[]): Promise<ProgressResult> {
  const expected = progress(history);
  expect(await p.textContent("#progress-action")).toBe(ACTION_WORDS[expected.action]);
  if (expected.step !== null) expect(await p.textContent("#progress-step")).toContain(`Step ${String(expected.step)}`);
  expect(await p.textContent("#progress-current")).toContain(`At Step ${String(expected.current.step)}`);
  for (const ip of Object.values(expected.instruments)) {
    const box = p.locator(`.trajectory[data-instrument="${ip.instrument}"]`);
    expect(await box.locator(".status").textContent()).toContain(STATUS_WORDS[ip.status]);
    const cells = await box.locator("tbody tr td.num").allTextContents();
    expect(cells).toEqual(ip.points.map((pt) => (pt.score === null ? "—" : String(pt.score))));
    expect(await box.locator("tbody tr td:first-child").allTextContents()).toEqual(ip.points.map((pt) => pt.at));
    expect(await box.locator("svg circle").count()).toBe(ip.points.filter((pt) => pt.score !== null).length);
    if (ip.change === null) {
      expect(await box.locator(".change").count()).toBe(0);
    } else {
      const change = (await box.locator(".change").textContent()) ?? "";
      expect(change).toContain(`${String(ip.change.before)} → ${String(ip.change.after)}`);
      expect(change).toContain(`${ip.change.change < 0 ? "−" : "+"}${String(Math.abs(ip.change.change))} points`);
      expect(change).toContain(ip.change.direction);
    }
  }
  const reasons = p.locator("#progress-reasons > li");
  expect(await reasons.count()).toBe(expected.reasons.length);
  for (const r of expected.reasons) {
    const li = p.locator(`#progress-reasons > li[data-rule="${r.rule}"]`);
    const shown = (await li.textContent()) ?? "";
    expect(shown).toContain(r.label);
    expect(shown).toContain(r.advice);
    for (const e of r.evidence) expect(shown).toContain(e.text);
  }
  expect(await p.locator("#progress-urgent").count()).toBe(expected.urgent ? 1 : 0);
  for (const u of expected.urgentActions) expect(await p.textContent("#progress-urgent")).toContain(u.label);
  const visible = await p.innerText("#progress");
  for (const r of [...expected.reasons, ...expected.notEvaluated]) expect(visible).not.toContain(r.rule);
  return expected;
}

/** Baseline, reassessment and a second reassessment, as a clinician would enter them on the page. */
async function followOverTime(p: Page, name: string): Promise<void> {
  await p.fill("#assessment-date", BASELINE);
  await p.selectOption("#instrument", "phq9");
  await answerOn(p, PHQ9_ANSWERS[0]);
  await p.selectOption("#instrument", "startback");
  await answerOn(p, STARTBACK_ANSWERS);
  const history: HistoryEntry[] = [
    { at: BASELINE, result: score(instruments.phq9, PHQ9_ANSWERS[0]) },
    { at: BASELINE, result: score(instruments.startback, STARTBACK_ANSWERS) },
  ];
  const first = await checkProgress(p, history);
  expect(first.instruments.phq9?.status).toBe("baseline-only");
  await fitsWidth(p);

  await p.click("#add-assessment");
  // A new reassessment is dated four weeks after the latest one unless the clinician changes it.
  expect(await p.inputValue("#assessment-date")).toBe(addDays(BASELINE, 28));
  await p.fill("#assessment-date", REASSESSED);
  expect(await p.textContent('button.assessment[aria-pressed="true"]')).toContain(`Reassessment 1 · ${REASSESSED}`);
  await p.selectOption("#instrument", "phq9");
  // A new assessment starts with no answers.
  expect(await p.locator("#form input:checked").count()).toBe(0);
  await answerOn(p, PHQ9_ANSWERS[1]);
  history.push({ at: REASSESSED, result: score(instruments.phq9, PHQ9_ANSWERS[1]) });
  const second = await checkProgress(p, history);
  // The scenario is the one the page is meant to show: not improved after ten weeks at step 2.
  expect(second.action).toBe("step-up");
  expect(await p.innerText("#progress")).toContain("PHQ-9 not improved after 10 weeks at the step");
  await fitsWidth(p);
  mkdirSync(out, { recursive: true });
  await p.screenshot({ path: join(out, `${name}-step-up.png`), fullPage: true });

  await p.click("#add-assessment");
  const third = addDays(REASSESSED, 28);
  expect(await p.inputValue("#assessment-date")).toBe(third);
  await answerOn(p, PHQ9_ANSWERS[2].slice(0, 8));
  await p.locator("#fs-9").getByLabel("Several days", { exact: true }).check();
  // The item-9 alert is next to item 9 and on screen as soon as it is answered.
  const alert = p.locator("#fs-9 #safety");
  expect(await alert.isVisible()).toBe(true);
  expect(await alert.textContent()).toContain("assess suicide risk the same day");
  const box = await alert.boundingBox();
  const viewport = p.viewportSize();
  expect(box).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (box !== null && viewport !== null) {
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  }
  await p.screenshot({ path: join(out, `${name}-item-9.png`) });
  history.push({ at: third, result: score(instruments.phq9, PHQ9_ANSWERS[2]) });
  const last = await checkProgress(p, history);
  expect(last.urgent).toBe(true);
  expect(await p.locator(".trajectory").count()).toBe(Object.keys(last.instruments).length);
  await fitsWidth(p);
  await p.screenshot({ path: join(out, `${name}-over-time.png`), fullPage: true });

  // Going back to the baseline shows its answers and its own stepped-care result.
  await p.click('button.assessment[data-index="0"]');
  expect(await p.inputValue("#assessment-date")).toBe(BASELINE);
  expect(await p.textContent("#score")).toBe(String(score(instruments.phq9, PHQ9_ANSWERS[0]).score));
  expect(await p.textContent("#care-step")).toBe(
    `Step ${String(stratify(history.slice(0, 2).map((h) => h.result)).step)}`,
  );
}

describe.skipIf(!available && !required)("the browser page over time", () => {
  it("follows a person over a baseline and two reassessments on a desktop", async () => {
    const p = await openPage(1280, 1000);
    try {
      await followOverTime(p, "desktop");
    } finally {
      await p.close();
    }
  });

  it("fits a 390 px phone and shows the item-9 alert beside item 9", async () => {
    const p = await openPage(390, 844);
    try {
      await fitsWidth(p);
      await followOverTime(p, "phone");
    } finally {
      await p.close();
    }
  });

  it("raised no error in the pages", () => {
    expect(pageErrors).toEqual([]);
  });
});
