// `stepscore list`, `describe`, `template`, help and version: what a user reads before scoring a file.
import { describe, expect, it } from "vitest";
import { instruments, score } from "../../src/index.js";
import pkg from "../../package.json" with { type: "json" };
import { cli, csv, workdir } from "./helpers.js";

describe("stepscore list", () => {
  it("lists every instrument with its domain, items and score range", async () => {
    const r = await cli(["list"]);
    expect(r.code).toBe(0);
    for (const id of Object.keys(instruments)) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, "m"));
    expect(r.stdout).toMatch(/^phq9\s+PHQ-9\s+depression\s+10\s+0–27\s+included$/m);
    expect(r.stdout).toMatch(
      /^fabq\s+FABQ\s+fear-of-movement\s+16\s+subscales: physicalActivity, work\s+labels only$/m,
    );
    expect((await cli(["list", "extra"])).code).toBe(2);
  });
});

describe("stepscore describe", () => {
  it("shows items with their columns, scoring, bands, flags, options, added columns, licence and sources", async () => {
    const r = await cli(["describe", "phq9"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PHQ-9: Patient Health Questionnaire-9$/m);
    expect(r.stdout).toMatch(/^ {2}phq9_1 +item 1 +Little interest or pleasure +0 Not at all · 1 Several days/m);
    expect(r.stdout).toMatch(/phq9_10 +item 10 +Functional difficulty \(not scored\) \(optional\)/);
    expect(r.stdout).toContain(
      "total (primary): sum of items 1, 2, 3, 4, 5, 6, 7, 8, 9; range 0–27; missing answers: all 9 items are required",
    );
    expect(r.stdout).toContain(
      "bands of total: minimal 0–4 · mild 5–9 · moderate 10–14 · moderately-severe 15–19 · severe 20–27",
    );
    expect(r.stdout).toContain("flag self-harm: item 9 >= 1.");
    expect(r.stdout).toContain("--missing-rule phq9=cms-mds");
    expect(r.stdout).toContain(
      "Columns added by stepscore score: phq9_score, phq9_band, phq9_method, phq9_missing, phq9_flags, phq9_error",
    );
    expect(r.stdout).toContain("rights holder: Pfizer Inc.");
    expect(r.stdout).toMatch(/\[kroenke2001\] Kroenke K.*PMID 11556941/);
  });

  it("covers every kind of item, scale and option", async () => {
    const psqi = (await cli(["describe", "psqi"])).stdout;
    expect(psqi).toMatch(/psqi_1 +item 1 +Usual bedtime +clock time "HH:MM"/);
    expect(psqi).toMatch(/psqi_2 +item 2 .*whole number 0–720 minutes/);
    expect(psqi).toContain("--setting psqi.require5j=true|false");
    expect(psqi).toContain("Columns added by stepscore score: psqi_score, psqi_band, psqi_quality");
    expect((await cli(["describe", "startback"])).stdout).toMatch(
      /bands of total: low when total <= 3 · medium when total >= 4 and psychosocial <= 3/,
    );
    expect((await cli(["describe", "startback"])).stdout).toMatch(/3 Very much \(scores 1\)/);
    expect((await cli(["describe", "tsk17"])).stdout).toMatch(/item 4 .*\(reverse-keyed\)/);
    expect((await cli(["describe", "fabq"])).stdout).toMatch(/FABQ has no single total score/);
    expect((await cli(["describe", "fabq"])).stdout).toContain("(opt-in: --flag fabq=work-above-34)");
    expect((await cli(["describe", "odi"])).stdout).toMatch(
      /missing answers: at least 8 must be answered \(computed over the answered items\)/,
    );
    expect((await cli(["describe", "ndi"])).stdout).toMatch(
      /missing answers: at most 1 may be missing for a prorated score \(sum × items \/ answered, unrounded\)/,
    );
    expect((await cli(["describe", "ndi"])).stdout).toContain(
      "percent: sum of items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ÷ (maximum of the answered items) × 100",
    );
    expect((await cli(["describe", "psqi"])).stdout).toMatch(
      /quality: computed from item 6 \(see the notes\); range 0–3; missing answers: its one item is required/,
    );
  });

  it("words a missing-data rule as the results' reasons do", async () => {
    for (const [id, answers] of [
      ["odi", [1, null, 1, 1, null, 1, 1, null, 1, 1]],
      ["ndi", [1, 1, 1, 1, 1, null, 1, null, 1, 1]],
      ["phq9", [1, 1, 1, 1, 1, 1, 1, 1, null]],
    ] as const) {
      const reason = score(id, answers).reason ?? "";
      const demand = reason.slice(reason.indexOf("); ") + 3);
      expect((await cli(["describe", id])).stdout).toContain(`missing answers: ${demand}`);
    }
    expect((await cli(["describe", "fabq"])).stdout).toContain(`${score("fabq", {}).reason ?? ""}.`);
  });

  it("shows mapped column names with --map, and refuses unknown ids", async () => {
    const dir = workdir({ "map.json": JSON.stringify({ gad7: "GAD_{item}" }) });
    expect((await cli(["describe", "gad7", "--map", "map.json"], { cwd: dir })).stdout).toMatch(/^ {2}GAD_1 +item 1/m);
    const unknown = await cli(["describe", "gad8"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown instrument "gad8" \(did you mean "gad7"\?\)/);
    expect((await cli(["describe"])).code).toBe(2);
  });
});

describe("stepscore template", () => {
  it("prints a header row with an id column and every item's column", async () => {
    const r = await cli(["template", "phq2,psqi"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`id,phq2_1,phq2_2,${instruments.psqi.items.map((it) => `psqi_${it.id}`).join(",")}\n`);
    const dir = workdir({ "map.json": JSON.stringify({ phq2: { "1": "first" } }) });
    const mapped = await cli(["template", "phq2", "--map", "map.json", "--delimiter", ";"], { cwd: dir });
    expect(csv(mapped.stdout, ";")).toEqual([["id", "first", "phq2_2"]]);
  });

  it("is what score reads: a filled template scores without column errors", async () => {
    const header = (await cli(["template", "gad2"])).stdout;
    const r = await cli(["score", "gad2", "-", "-q"], { stdin: `${header}P1,1,1\n` });
    expect(r.code).toBe(0);
  });

  it("needs instruments", async () => {
    expect((await cli(["template"])).stderr).toMatch(/missing argument/);
    expect((await cli(["template", "nope"])).stderr).toMatch(/unknown instrument "nope"/);
  });
});

describe("help and version", () => {
  it("has --help for every command, with examples, and the exit codes where they apply", async () => {
    for (const command of ["score", "list", "describe", "template"]) {
      const long = await cli([command, "--help"]);
      const short = await cli([command, "-h"]);
      const viaHelp = await cli(["help", command]);
      expect(long.code).toBe(0);
      expect(long.stdout).toMatch(new RegExp(`^Usage: stepscore ${command}`));
      expect(long.stdout).toMatch(/Examples?:\n {2}stepscore /);
      expect(short.stdout).toBe(long.stdout);
      expect(viaHelp.stdout).toBe(long.stdout);
    }
    const score = (await cli(["score", "--help"])).stdout;
    for (const option of [
      "--out",
      "--map",
      "--coerce",
      "--na",
      "--missing-rule",
      "--flag",
      "--setting",
      "--allow-missing-columns",
      "--from",
      "--delimiter",
      "--quiet",
    ]) {
      expect(score).toContain(option);
    }
    expect(score).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  it("prints the main help with no command, and names unknown commands", async () => {
    for (const args of [[], ["--help"], ["-h"], ["help"]]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^stepscore: score validated screening questionnaires/);
      expect(r.stdout).toContain("Exit codes:");
    }
    const unknown = await cli(["scores"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /no such command "scores"; commands: score, stratify, progress, report, list, describe, template/,
    );
    expect((await cli(["help", "nope"])).code).toBe(2);
  });

  it("prints the version", async () => {
    expect((await cli(["--version"])).stdout).toBe(`${pkg.version}\n`);
    expect((await cli(["-v"])).stdout).toBe(`${pkg.version}\n`);
  });
});
