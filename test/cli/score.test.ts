// `stepscore score`: every row out, in order, scores appended, bad cells named, exit codes as documented.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { progress, type Io } from "../../src/cli/io.js";
import { cli, COHORT, csv, records, workdir } from "./helpers.js";

describe("stepscore score", () => {
  it("round-trips a file with bad rows: every row, in order, cells kept, errors in their columns, exit 1", async () => {
    const dir = workdir({ "cohort.csv": COHORT });
    const r = await cli(["score", "phq9,gad7", "cohort.csv"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = csv(r.stdout);
    const input = csv(COHORT);
    expect(out).toHaveLength(input.length);
    out.forEach((row, i) => {
      expect(row.slice(0, input[0]!.length)).toEqual(input[i]);
    });
    expect(out[0]!.slice(input[0]!.length)).toEqual([
      "phq9_score",
      "phq9_band",
      "phq9_method",
      "phq9_missing",
      "phq9_flags",
      "phq9_error",
      "gad7_score",
      "gad7_band",
      "gad7_method",
      "gad7_missing",
      "gad7_flags",
      "gad7_error",
    ]);
    const rows = records(r.stdout);
    expect(rows.map((x) => x.phq9_score)).toEqual(["12", "1", "", "", "27", "0"]);
    expect(rows[0]).toMatchObject({
      phq9_band: "moderate",
      phq9_method: "complete",
      phq9_missing: "",
      gad7_score: "7",
      gad7_band: "mild",
    });
    expect(rows[1]!.phq9_flags).toBe("self-harm");
    expect(rows[2]).toMatchObject({ phq9_method: "insufficient", phq9_missing: "2", phq9_error: "" });
    expect(rows[3]!.phq9_error).toBe(
      'phq9_2: "x" is a string, not a number (allowed: 0, 1, 2, 3); phq9_3: 4 is out of range (allowed: 0, 1, 2, 3)',
    );
    expect(rows[3]!.gad7_score).toBe("7");
    expect(rows[4]).toMatchObject({
      id: "P5, quoted",
      gad7_score: "",
      gad7_error: "gad7_7: 9 is out of range (allowed: 0, 1, 2, 3)",
    });
    expect(r.stderr).toContain("stepscore: 6 rows read from cohort.csv, all written to stdout");
    expect(r.stderr).toContain("3 fully scored · 1 incomplete");
    expect(r.stderr).toContain("2 with invalid cells");
    expect(r.stderr).toContain("flag self-harm 2");
    expect(r.stderr).toContain("row 4 (line 5), column phq9_2 (PHQ-9 item 2)");
  });

  it("exits 0 when every row is fine, missing answers included", async () => {
    const dir = workdir({ "ok.csv": "phq2_1,phq2_2\n1,1\n,\n" });
    const r = await cli(["score", "phq2", "ok.csv", "--quiet"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(records(r.stdout).map((x) => x.phq2_score)).toEqual(["2", ""]);
  });

  it("reads stdin, given as - or piped with no file", async () => {
    for (const args of [
      ["score", "phq2", "-"],
      ["score", "phq2"],
    ]) {
      const r = await cli(args, { stdin: "phq2_1,phq2_2\n3,3\n" });
      expect(r.code).toBe(0);
      expect(records(r.stdout)[0]).toMatchObject({ phq2_score: "6", phq2_band: "positive" });
      expect(r.stderr).toContain("read from stdin");
    }
  });

  it("refuses to wait for typing when no file is given and stdin is a terminal", async () => {
    const r = await cli(["score", "phq2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input: give a file, or pipe rows into stdin/);
  });

  it("scores JSON Lines: numbers pass through, strings read as cells, null missing; typed columns out", async () => {
    const lines = [
      JSON.stringify({ id: 1, phq2_1: 1, phq2_2: "2" }),
      "",
      JSON.stringify({ id: 2, phq2_1: null, phq2_2: 1 }),
      JSON.stringify({ id: 3, phq2_1: true, phq2_2: 1 }),
    ].join("\n");
    const dir = workdir({ "in.jsonl": lines });
    const r = await cli(["score", "phq2", "in.jsonl"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({
      id: 1,
      phq2_1: 1,
      phq2_2: "2",
      phq2_score: 3,
      phq2_band: "positive",
      phq2_method: "complete",
      phq2_missing: [],
      phq2_flags: [],
      phq2_error: null,
    });
    expect(out[1]).toMatchObject({ phq2_score: null, phq2_missing: ["1"] });
    expect(out[2]).toMatchObject({
      phq2_score: null,
      phq2_error: "phq2_1: true is not a number (allowed: 0, 1, 2, 3)",
    });
    expect(r.stderr).toContain("row 3 (line 4)");

    const piped = await cli(["score", "phq2", "--from", "jsonl"], { stdin: lines });
    expect(piped.stdout).toBe(r.stdout);
  });

  it("stops with the line number on malformed JSON Lines", async () => {
    const r = await cli(["score", "phq2", "--from", "jsonl"], { stdin: '{"phq2_1": 1}\n{"phq2_1": \n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/malformed JSON Lines in stdin at line 2/);
    const arr = await cli(["score", "phq2", "--from", "jsonl"], { stdin: "[1, 2]\n" });
    expect(arr.stderr).toMatch(/line 1: each line must be a JSON object, not an array/);
    const num = await cli(["score", "phq2", "--from", "jsonl"], { stdin: "42\n" });
    expect(num.stderr).toMatch(/not 42/);
  });

  it("maps other column names with --map (pattern or item by item)", async () => {
    const dir = workdir({
      "data.csv": "PHQ_Q1,PHQ_Q2,anx_a,anx_b\n1,1,2,2\n",
      "map.json": JSON.stringify({ phq2: "PHQ_Q{item}", gad2: { "1": "anx_a", "2": "anx_b" }, gad7: "unused_{item}" }),
    });
    const r = await cli(["score", "phq2,gad2", "data.csv", "--map", "map.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(records(r.stdout)[0]).toMatchObject({ phq2_score: "2", gad2_score: "4" });
  });

  it("explains a bad map file", async () => {
    const dir = workdir({
      "bad.json": "{ nope",
      "array.json": "[]",
      "unknown.json": JSON.stringify({ phq10: "x_{item}", phq2: 3, gad2: { "1": 5 } }),
      "item.json": JSON.stringify({ phq2: { "3": "x" } }),
      "data.csv": "phq2_1,phq2_2\n1,1\n",
    });
    const run = (map: string): Promise<{ code: number; stderr: string }> =>
      cli(["score", "phq2,gad2", "data.csv", "--map", map], { cwd: dir });
    expect((await run("bad.json")).stderr).toMatch(/the map file bad.json is not valid JSON/);
    expect((await run("array.json")).stderr).toMatch(/must be a JSON object/);
    const unknown = await run("unknown.json");
    expect(unknown.stderr).toMatch(/"phq10" is not an instrument id/);
    expect(unknown.stderr).toMatch(/"phq2" must be a column pattern/);
    expect(unknown.stderr).toMatch(/"gad2" item "1" must map to a column name/);
    expect((await run("item.json")).stderr).toMatch(/names item "3", which PHQ-2 does not have/);
    expect((await run("missing.json")).stderr).toMatch(/cannot read the map file missing.json: no such file/);
    expect((await run("missing.json")).code).toBe(2);
  });

  it("reads a file coded 1–4 with --coerce <id>=offset:-1, and only when told", async () => {
    const dir = workdir({ "coded.csv": "phq2_1,phq2_2,gad2_1,gad2_2\n2,4,1,1\n4,4,4,4\n" });
    const told = await cli(["score", "phq2,gad2", "coded.csv", "--coerce", "phq2,gad2=offset:-1"], { cwd: dir });
    expect(told.code).toBe(0);
    expect(records(told.stdout).map((x) => [x.phq2_score, x.gad2_score])).toEqual([
      ["4", "0"],
      ["6", "6"],
    ]);
    const untold = await cli(["score", "phq2", "coded.csv"], { cwd: dir });
    expect(untold.code).toBe(1);
    expect(untold.stderr).toMatch(/look coded one too high throughout; .* --coerce phq2=offset:-1/);
    const wrong = await cli(["score", "phq2", "coded.csv", "--coerce", "phq2=offset:+1"], { cwd: dir });
    expect(records(wrong.stdout)[0]!.phq2_error).toBe(
      'phq2_2: "4" with offset 1 gives 5: 5 is out of range (allowed: 0, 1, 2, 3)',
    );
  });

  it("rejects unclear --coerce and option declarations", async () => {
    const dir = workdir({ "d.csv": "phq2_1,phq2_2\n1,1\n" });
    const bad = async (...args: string[]): Promise<string> => {
      const r = await cli(["score", "phq2", "d.csv", ...args], { cwd: dir });
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(await bad("--coerce", "phq2=minus1")).toMatch(/the only coercion is offset:<n>/);
    expect(await bad("--coerce", "phq2")).toMatch(/--coerce expects <instrument>=<value>/);
    expect(await bad("--coerce", "gad7=offset:-1")).toMatch(/gad7 is not among the instruments being scored/);
    expect(await bad("--coerce", "phq2=offset:-1", "--coerce", "phq2=offset:1")).toMatch(/given once per instrument/);
    expect(await bad("--setting", "psqi-require5j")).toMatch(/--setting expects/);
    expect(await bad("--setting", "gad7.x=true")).toMatch(/not among the instruments/);
    expect(await bad("--missing-rule", "phq2=a", "--missing-rule", "phq2=b")).toMatch(/given twice/);
    expect(await bad("--missing-rule", "phq2=nope")).toMatch(/unknown missing-data option "nope"/);
    expect(await bad("--from", "xlsx")).toMatch(/--from must be csv or jsonl/);
    expect(await bad("--delimiter", ";;")).toMatch(/--delimiter must be one ASCII character/);
    expect(await bad("--delimiter", "§")).toMatch(/--delimiter must be one ASCII character/);
    expect(await bad("--na", "-99")).toMatch(/--na=-XYZ/);
    expect(await bad("--bogus")).toMatch(/Unknown option '--bogus'/);
  });

  it("passes --na, --missing-rule, --flag and --setting to the scoring", async () => {
    const dir = workdir({
      "phq.csv": `${Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`).join(",")}\n1,2,1,2,0,1,3,2,NA\n1,2,1,2,0,1,3,2,-99\n`,
      "phq2.csv": "phq2_1,phq2_2\n1,1\n",
    });
    const r = await cli(["score", "phq9", "phq.csv", "--na", "NA", "--na=-99", "--missing-rule", "phq9=cms-mds"], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(records(r.stdout).map((x) => [x.phq9_score, x.phq9_method])).toEqual([
      ["14", "prorated"],
      ["14", "prorated"],
    ]);
    const flag = await cli(["score", "phq2", "phq2.csv", "--flag", "phq2=sensitive-cutoff"], { cwd: dir });
    expect(records(flag.stdout)[0]!.phq2_flags).toBe("sensitive-cutoff");
    const setting = await cli(
      ["score", "psqi", "-", "--setting", "psqi.require5j=TRUE", "--allow-missing-columns", "-q"],
      { stdin: "psqi_1\n22:00\n" },
    );
    expect(setting.code).toBe(0);
    expect(records(setting.stdout)[0]!.psqi_method).toBe("insufficient");
  });

  it("writes --out in full and only then puts it in place; nothing is left behind on failure", async () => {
    const dir = workdir({ "cohort.csv": COHORT, "broken.csv": 'phq2_1,phq2_2\n1,1\n"2,2\n' });
    const r = await cli(["score", "phq9,gad7", "cohort.csv", "-o", "scored.csv"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("all written to scored.csv");
    expect(records(readFileSync(join(dir, "scored.csv"), "utf8"))).toHaveLength(6);
    const failed = await cli(["score", "phq2", "broken.csv", "--out", "broken-scored.csv"], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(existsSync(join(dir, "broken-scored.csv"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
    const same = await cli(["score", "phq9,gad7", "cohort.csv", "-o", "cohort.csv", "-q"], { cwd: dir });
    expect(same.code).toBe(1);
    expect(records(readFileSync(join(dir, "cohort.csv"), "utf8"))[0]!.phq9_score).toBe("12");
    const nowhere = await cli(["score", "phq2", "cohort.csv", "-o", "no/such/dir/out.csv"], { cwd: dir });
    expect(nowhere).toMatchObject({ code: 2 });
    expect(nowhere.stderr).toMatch(/cannot write no\/such\/dir\/out.csv: its directory no\/such\/dir does not exist/);
    const onDir = await cli(["score", "phq2", "cohort.csv", "-o", "."], { cwd: dir });
    expect(onDir.code).toBe(2);
  });

  it("names the line of malformed CSV and of each bad row", async () => {
    const r = await cli(["score", "phq2"], { stdin: 'phq2_1,phq2_2\n1,1\n\n2,"x\ny"\n1,3"\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/malformed CSV in stdin: .*line 6/);
    const unclosed = await cli(["score", "phq2"], { stdin: 'phq2_1,phq2_2\n1,1\n"2,2\n3,3\n' });
    expect(unclosed.stderr).toMatch(/Quote Not Closed.*the quote opens in the row starting on line 3/);
    const lines = await cli(["score", "phq2"], { stdin: 'phq2_1,phq2_2\n1,1\n\n2,"x\ny"\n\n1,z\n' });
    expect(lines.code).toBe(1);
    expect(lines.stderr).toContain("row 2 (line 4), column phq2_2");
    expect(lines.stderr).toContain("row 3 (line 7), column phq2_2");
  });

  it("keeps rows with the wrong number of cells, fitted to the header, the problem in the error column", async () => {
    const r = await cli(["score", "phq2"], { stdin: "id,phq2_1,phq2_2\nA,1\nB,1,1,extra\nC,1,1\n" });
    expect(r.code).toBe(1);
    const out = csv(r.stdout);
    expect(out.map((row) => row.length)).toEqual([9, 9, 9, 9]);
    expect(out[1]!.slice(0, 3)).toEqual(["A", "1", ""]);
    expect(out[2]![8]).toMatch(/4 cells but the header has 3 columns; cells past the last column: "extra"/);
    expect(out[3]![3]).toBe("2");
  });

  it("stops before any row when the file is empty, lacks columns or repeats one", async () => {
    const empty = await cli(["score", "phq2", "-"], { stdin: "" });
    expect(empty).toMatchObject({ code: 2 });
    expect(empty.stderr).toMatch(/stdin is empty: expected a header row/);
    const missing = await cli(["score", "phq9,gad7", "-"], { stdin: "id,phq9_1\n1,1\n" });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(
      /missing columns for PHQ-9: phq9_2, .*\n {2}no columns for GAD-7: gad7_1.*\n.*--allow-missing-columns/,
    );
    const twice = await cli(["score", "phq2", "-"], { stdin: "phq2_1,phq2_2,phq2_1\n1,1,1\n" });
    expect(twice.stderr).toMatch(/"phq2_1" .* appears more than once/);
    // "phq99" (not "phq10", which is as close to phq15 as to phq9).
    const unknown = await cli(["score", "phq99,gad7", "whatever.csv"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown instrument "phq99" \(did you mean "phq9"\?\)/);
    expect(unknown.stderr).toMatch(/Run "stepscore score --help"/);
    const unreadable = await cli(["score", "phq2", "nothing-here.csv"], { cwd: workdir() });
    expect(unreadable.stderr).toBe("stepscore: cannot read nothing-here.csv: no such file\n");
    const directory = await cli(["score", "phq2", "."], { cwd: workdir() });
    expect(directory.stderr).toMatch(/cannot read \.: it is a directory/);
    const none = await cli(["score"]);
    expect(none.stderr).toMatch(/missing argument; usage: stepscore score <ids>/);
    const comma = await cli(["score", ","]);
    expect(comma.stderr).toMatch(/name at least one instrument/);
    const extra = await cli(["score", "phq2", "a.csv", "b.csv"]);
    expect(extra.stderr).toMatch(/unexpected argument "b.csv"/);
  });

  it("reads absent columns as unanswered when allowed, and says so", async () => {
    const r = await cli(["score", "phq2", "-", "--allow-missing-columns"], { stdin: "phq2_1\n1\n" });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("columns in no row, read as unanswered: phq2_2");
  });

  it("refuses input columns named as the columns it writes, and replaces them only with --replace-columns", async () => {
    const first = await cli(["score", "phq9,gad7", "-", "-q"], { stdin: COHORT });
    const refused = await cli(["score", "phq9,gad7", "-"], { stdin: first.stdout });
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toMatch(
      /stdin already has the columns phq9_score, phq9_band, .*gad7_error, which stepscore writes; .*\n {2}rename or remove them, or pass --replace-columns/,
    );
    const second = await cli(["score", "phq9,gad7", "-", "--replace-columns"], { stdin: first.stdout });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toMatch(/already has the columns phq9_score, .*; they are replaced/);
  });

  it("takes a tab-separated file by its extension and any delimiter by option", async () => {
    const dir = workdir({ "d.tsv": "phq2_1\tphq2_2\n1\t2\n", "d.csv": "phq2_1;phq2_2\n1;2\n" });
    const tsv = await cli(["score", "phq2", "d.tsv", "-q"], { cwd: dir });
    expect(csv(tsv.stdout, "\t")[1]).toEqual(["1", "2", "3", "positive", "complete", "", "", ""]);
    const semi = await cli(["score", "phq2", "d.csv", "-q", "--delimiter", ";"], { cwd: dir });
    expect(csv(semi.stdout, ";")[1]![2]).toBe("3");
    const tab = await cli(["score", "phq2", "d.tsv", "-q", "--delimiter", "tab"], { cwd: dir });
    expect(tab.stdout).toBe(tsv.stdout);
  });

  it("reads past a byte-order mark, writes it back, and keeps subscale columns", async () => {
    const pcs = Array.from({ length: 13 }, (_, i) => `pcs_${String(i + 1)}`);
    const r = await cli(["score", "pcs", "-", "-q"], {
      stdin: `\uFEFF"${pcs.join('","')}"\n${pcs.map(() => "2").join(",")}\n`,
    });
    expect(r.stdout.startsWith('\uFEFF"pcs_1",')).toBe(true);
    const row = parse<Record<string, string>>(r.stdout, { columns: true, bom: true })[0]!;
    expect(row).toMatchObject({
      pcs_1: "2",
      pcs_score: "26",
      pcs_rumination: "8",
      pcs_magnification: "6",
      pcs_helplessness: "12",
    });
  });
});

describe("progress", () => {
  const io = (isTTY: boolean): { io: Io; text: () => string } => {
    let text = "";
    const stderr = { write: (s: string) => ((text += s), true) } as unknown as Io["stderr"];
    return { io: { stderr, stderrIsTTY: isTTY } as Io, text: () => text };
  };
  const input = { stream: null as never, name: "f", path: null, size: 1000, bytesRead: () => 500 };

  it("appears on a terminal once a run has lasted a second, and is erased at the end", () => {
    vi.useFakeTimers();
    try {
      const { io: tty, text } = io(true);
      const p = progress(tty, input, true);
      p.tick();
      vi.advanceTimersByTime(500);
      expect(text()).toBe("");
      vi.advanceTimersByTime(1000);
      expect(text()).toContain("stepscore: 1 rows (50 %)");
      p.stop();
      expect(text().endsWith("\r\x1b[K")).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never appears when stderr is not a terminal or output is quiet", () => {
    vi.useFakeTimers();
    try {
      for (const [tty, enabled] of [
        [false, true],
        [true, false],
      ] as const) {
        const { io: x, text } = io(tty);
        const p = progress(x, { ...input, size: null }, enabled);
        p.tick();
        vi.advanceTimersByTime(5000);
        p.stop();
        expect(text()).toBe("");
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("rows are written as they came", () => {
  it("keeps each row's text byte for byte (quotes, spaces), drops blank lines, ends lines as the header does", async () => {
    const input =
      'id,phq2_1,phq2_2,comment\r\n"P1",1,1,"said ""hi"", left"\r\n\r\nP2, 2 ,2,"two\r\nlines"\r\nP3,0,0,last';
    const r = await cli(["score", "phq2", "-", "-q"], { stdin: input });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\r\n").slice(0, 2)).toEqual([
      "id,phq2_1,phq2_2,comment,phq2_score,phq2_band,phq2_method,phq2_missing,phq2_flags,phq2_error",
      '"P1",1,1,"said ""hi"", left",2,negative,complete,,,',
    ]);
    expect(r.stdout).toContain('P2, 2 ,2,"two\r\nlines",4,positive,complete,,,\r\n');
    expect(r.stdout.endsWith("P3,0,0,last,0,negative,complete,,,\r\n")).toBe(true);
    expect(records(r.stdout).map((x) => x.comment)).toEqual(['said "hi", left', "two\r\nlines", "last"]);
  });

  it("quotes a new cell that holds the delimiter, a quote or a line break", async () => {
    const semi = await cli(["score", "phq9", "-", "-q", "--delimiter", ";"], {
      stdin: `${Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`).join(";")}\n1;1;1;1;1;1;1;1;\n1;1;1;1;1;1;1;1;"a;b"\n`,
    });
    const rows = csv(semi.stdout, ";");
    // Item 10 is optional and scored in no scale: not answered, it is nothing missing.
    expect(rows[1]?.slice(-4)).toEqual(["insufficient", "9", "", ""]);
    expect(rows[2]?.at(-1)).toBe('phq9_9: "a;b" is a string, not a number (allowed: 0, 1, 2, 3)');
    expect(semi.stdout).toContain('"phq9_9: ""a;b"" is a string');
  });
});
