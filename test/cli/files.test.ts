// Whatever the file: no row lost or changed, no safety signal lost, no crash. Each block is one class of
// hostile or merely unusual input.
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { cli, csv, records, workdir } from "./helpers.js";

const PHQ9 = Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`);
const phq9 = (answers: readonly number[]): Record<string, number> =>
  Object.fromEntries(PHQ9.map((c, i) => [c, answers[i] ?? 0]));
const jsonl = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("JSON Lines: every row read by its own keys", () => {
  const lines = [JSON.stringify({ id: "A" }), JSON.stringify({ id: "B", ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 3]) })].join(
    "\n",
  );

  it("stratify finds an instrument whose keys first appear on line 2, in a file and on stdin", async () => {
    const dir = workdir({ "late.jsonl": lines });
    for (const r of [
      await cli(["stratify", "late.jsonl", "-q"], { cwd: dir }),
      await cli(["stratify", "--from", "jsonl", "-q"], { stdin: lines }),
    ]) {
      expect(r.code).toBe(0);
      const out = jsonl(r.stdout);
      expect(out.map((x) => x.id)).toEqual(["A", "B"]);
      expect(out[1]).toMatchObject({ phq9_score: 3, phq9_flags: ["self-harm"], urgent: true });
      // Line 1 has no PHQ-9 keys: unanswered, as blank CSV cells, so item 9 could not be checked.
      expect(out[0]).toMatchObject({ phq9_score: null, urgent: "not checked" });
    }
    // The copy of stdin read twice is not left behind.
    expect(readdirSync(dir)).toEqual(["late.jsonl"]);
  });

  it("stratify reads a named pipe as it reads stdin: once, copied aside", async () => {
    const dir = workdir();
    const fifo = join(dir, "rows.jsonl");
    execFileSync("mkfifo", [fifo]);
    createWriteStream(fifo).end(lines);
    const r = await cli(["stratify", "rows.jsonl", "-q"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)[1]).toMatchObject({ phq9_score: 3, urgent: true });
  });

  it("stops before any row when a found instrument has a required column in no line", async () => {
    const partial = JSON.stringify({ id: "A", ...Object.fromEntries(PHQ9.slice(0, 8).map((c) => [c, 1])) });
    const r = await cli(["stratify", "--from", "jsonl"], { stdin: `${partial}\n${partial}\n` });
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(
      /stdin \(in no line\): missing columns for PHQ-9: phq9_9 \(items 9\)\n.*--allow-missing-columns/,
    );
  });

  it("score names a required column that no line has and does not pass the run, unless allowed", async () => {
    const noItem9 = [JSON.stringify({ id: "A", phq2_1: 1 }), JSON.stringify({ id: "B", phq2_1: 2 })].join("\n");
    const dir = workdir({ "in.jsonl": noItem9 });
    const r = await cli(["score", "phq2", "in.jsonl", "-o", "out.jsonl"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /in\.jsonl \(in no line; out\.jsonl is not written\): missing columns for PHQ-2: phq2_2 \(items 2\)/,
    );
    expect(readdirSync(dir)).toEqual(["in.jsonl"]);
    const allowed = await cli(["score", "phq2", "in.jsonl", "--allow-missing-columns"], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("columns in no row, read as unanswered: phq2_2");
    // A key a line omits is an unanswered item in that line only.
    const some = await cli(["score", "phq2", "--from", "jsonl", "-q"], {
      stdin: `${JSON.stringify({ phq2_1: 1 })}\n${JSON.stringify({ phq2_1: 1, phq2_2: 2 })}\n`,
    });
    expect(some.code).toBe(0);
    expect(jsonl(some.stdout).map((x) => x.phq2_score)).toEqual([null, 3]);
  });

  it("accepts a byte-order mark, as on CSV, and writes it back", async () => {
    const r = await cli(["score", "phq2", "--from", "jsonl", "-q"], { stdin: `\uFEFF{"phq2_1":1,"phq2_2":1}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF{"phq2_1":1,"phq2_2":1,"phq2_score":2,')).toBe(true);
  });
});

describe("JSON Lines: each line written back as it came", () => {
  it("keeps big ids, long decimals, repeated keys, spacing and nesting, and appends the new fields", async () => {
    const input = [
      '{"id":12345678901234567890,"w":1.000000000000000001,"w":2,"phq2_1":1,"phq2_2":1}',
      '  { "id" : "x}y" , "n": {"a":[1,{"b":"}"}]}, "phq2_1":0 ,"phq2_2":0 }  ',
      "{}",
      "{ }",
    ].join("\r\n");
    const r = await cli(["score", "phq2", "--from", "jsonl", "-q"], { stdin: input });
    // Lines end as the input's do: CRLF here.
    const out = r.stdout.split("\r\n");
    const fields = (score: number | null, missing: string): string =>
      `"phq2_score":${String(score)},"phq2_band":${score === null ? "null" : `"${score >= 3 ? "positive" : "negative"}"`},"phq2_method":"${score === null ? "insufficient" : "complete"}","phq2_missing":${missing},"phq2_flags":[],"phq2_error":null}`;
    expect(out[0]).toBe(
      `{"id":12345678901234567890,"w":1.000000000000000001,"w":2,"phq2_1":1,"phq2_2":1,${fields(2, "[]")}`,
    );
    expect(out[1]).toBe(`  { "id" : "x}y" , "n": {"a":[1,{"b":"}"}]}, "phq2_1":0 ,"phq2_2":0 ,${fields(0, "[]")}`);
    expect(out[2]).toBe(`{${fields(null, '["1","2"]')}`);
    expect(out[3]).toBe(`{ ${fields(null, '["1","2"]')}`);
  });

  it("refuses a line with a key named as a field it writes, naming the line; --replace-columns replaces it", async () => {
    const input = `{"id":1,"phq2_1":1,"phq2_2":1}\n{"id":2,"phq2_score":99,"phq2_1":1,"phq2_2":1,"phq2_score":98,"big":12345678901234567890}\n`;
    const refused = await cli(["score", "phq2", "--from", "jsonl"], { stdin: input });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /stdin \(line 2\) already has the column phq2_score, which stepscore writes; .*\n.*--replace-columns/,
    );
    const replaced = await cli(["score", "phq2", "--from", "jsonl", "-q", "--replace-columns"], { stdin: input });
    expect(replaced.code).toBe(0);
    const line = replaced.stdout.split("\n")[1]!;
    expect(line.startsWith('{"id":2,"phq2_1":1,"phq2_2":1,"big":12345678901234567890,"phq2_score":2,')).toBe(true);
    expect(line.match(/phq2_score/g)).toHaveLength(1);
  });
});

describe("JSON Lines: an item given twice in one line", () => {
  // JSON.parse keeps the last of repeated keys: a PHQ-9 item 9 of 3 followed by a 0 would lose the flag.
  it("stops, naming the line, the column and both values, however the key is written", async () => {
    const answers = PHQ9.slice(0, 8)
      .map((c) => `"${c}":0`)
      .join(",");
    for (const repeat of ['"phq9_9":3,"phq9_9":0', '"phq9_9":3,"phq9\\u005f9":0']) {
      const input = `{"id":1,${answers},"phq9_9":0}\n{"id":2,${answers},${repeat}}\n`;
      const r = await cli(["stratify", "--instruments", "phq9", "--from", "jsonl"], { stdin: input });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('stdin line 2 gives the item column "phq9_9" twice ("phq9_9":3 and ');
    }
  });

  it("leaves repeated keys that are not items, and item names inside values, alone", async () => {
    const input = `{"id":1,"note":"phq2_1 phq2_1","x":1,"x":2,"phq2_1":1,"phq2_2":0}\n`;
    const r = await cli(["score", "phq2", "--from", "jsonl", "-q"], { stdin: input });
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)[0]).toMatchObject({ phq2_score: 1 });
  });
});

describe("CSV: every line ending splits rows", () => {
  it("reads a CRLF header with LF rows and a lone CR as separate rows, quoted line breaks kept", async () => {
    const input = 'id,phq2_1,phq2_2,note\r\nA,1,1,x\nB,2,2,"two\r\nlines"\rC,0,1,\n\rD,3,3,end';
    const r = await cli(["score", "phq2", "-", "-q"], { stdin: input });
    expect(r.code).toBe(0);
    expect(records(r.stdout).map((x) => [x.id, x.phq2_score, x.note])).toEqual([
      ["A", "2", "x"],
      ["B", "4", "two\r\nlines"],
      ["C", "1", ""],
      ["D", "6", "end"],
    ]);
  });

  it("splits every row of a multi-megabyte file with mixed endings, chunk boundaries anywhere", async () => {
    const endings = ["\n", "\r\n", "\r"];
    const rows = 120_000;
    const parts = ["id,phq2_1,phq2_2,comment\r\n"];
    for (let i = 0; i < rows; i++)
      parts.push(
        `P${String(i)},${String(i % 4)},${String((i >> 2) % 4)},some free text to make the file larger${endings[i % 3] ?? ""}`,
      );
    const text = parts.join("");
    expect(text.length).toBeGreaterThan(6_000_000);
    const dir = workdir({ "big.csv": text });
    const r = await cli(["score", "phq2", "big.csv", "-q", "-o", "out.csv"], { cwd: dir });
    expect(r.code).toBe(0);
    const out = csv(readFileSync(join(dir, "out.csv"), "utf8"));
    expect(out).toHaveLength(rows + 1);
    expect(out[rows]!.slice(0, 5)).toEqual([
      `P${String(rows - 1)}`,
      String((rows - 1) % 4),
      String(((rows - 1) >> 2) % 4),
      "some free text to make the file larger",
      String(((rows - 1) % 4) + (((rows - 1) >> 2) % 4)),
    ]);
  });
});

describe("bytes pass through unchanged, whatever the encoding", () => {
  // Latin-1 "é", Windows-1252 "€" and "‘", an invalid UTF-8 sequence, then real UTF-8 "é" and "日".
  const odd = Buffer.from([0xe9, 0x80, 0x91, 0xc3, 0x28]);
  const utf8 = Buffer.from("é日", "utf8");

  it("CSV: every pass-through cell is written back byte for byte", async () => {
    const input = Buffer.concat([
      Buffer.from("id,phq2_1,phq2_2,name\n"),
      odd,
      Buffer.from(",1,1,"),
      utf8,
      Buffer.from("\n"),
      utf8,
      Buffer.from(",2,x,"),
      odd,
      Buffer.from("\n"),
    ]);
    const r = await cli(["score", "phq2", "-", "-q"], { stdin: input });
    expect(r.code).toBe(1);
    const lines = r.stdoutBytes.toString("latin1").split("\n");
    expect(
      lines[1]!.startsWith(Buffer.concat([odd, Buffer.from(",1,1,"), utf8, Buffer.from(",2,")]).toString("latin1")),
    ).toBe(true);
    expect(
      lines[2]!.startsWith(Buffer.concat([utf8, Buffer.from(",2,x,"), odd, Buffer.from(",")]).toString("latin1")),
    ).toBe(true);
  });

  it("JSON Lines: every line is written back byte for byte; its text is read as UTF-8, else Latin-1", async () => {
    const line1 = Buffer.concat([Buffer.from('{"id":"'), odd, Buffer.from('","phq2_1":1,"phq2_2":1}')]);
    const line2 = Buffer.concat([
      Buffer.from('{"id":"'),
      utf8,
      Buffer.from('","phq2_1":"'),
      utf8,
      Buffer.from('","phq2_2":1}'),
    ]);
    const r = await cli(["score", "phq2", "--from", "jsonl", "-q"], {
      stdin: Buffer.concat([line1, Buffer.from("\n"), line2, Buffer.from("\n")]),
    });
    expect(r.code).toBe(1);
    const out = r.stdoutBytes.toString("latin1").split("\n");
    expect(out[0]!.startsWith(line1.subarray(0, -1).toString("latin1"))).toBe(true);
    expect(out[1]!.startsWith(line2.subarray(0, -1).toString("latin1"))).toBe(true);
    // The new cells are UTF-8, the value quoted as read.
    expect(jsonl(r.stdout)[1]!.phq2_error).toBe('phq2_1: "é日" is a string, not a number (allowed: 0, 1, 2, 3)');
  });

  it("reads a UTF-8 or Latin-1 column name as the text it stands for", async () => {
    const map = JSON.stringify({ phq2: { "1": "frage_ä", "2": "frage_ö" } });
    const latin1 = Buffer.concat([
      Buffer.from("frage_"),
      Buffer.from([0xe4]),
      Buffer.from(",frage_"),
      Buffer.from([0xf6]),
      Buffer.from("\n1,2\n"),
    ]);
    const dir = workdir({ "map.json": map, "utf8.csv": "frage_ä,frage_ö\n1,2\n", "latin1.csv": latin1 });
    for (const file of ["utf8.csv", "latin1.csv"]) {
      const r = await cli(["score", "phq2", file, "--map", "map.json", "-q"], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdoutBytes.toString("latin1").split("\n")[1]).toBe("1,2,3,positive,complete,,,");
    }
  });
});

describe("output columns never overwrite input columns silently", () => {
  it("stratify refuses a CSV that has a step or urgent column, before any row", async () => {
    const input = `id,${PHQ9.join(",")},urgent\nA,0,0,0,0,0,0,0,0,3,no\n`;
    const r = await cli(["stratify", "-"], { stdin: input });
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/stdin already has the column urgent, which stepscore writes/);
    const replaced = await cli(["stratify", "-", "-q", "--replace-columns"], { stdin: input });
    expect(records(replaced.stdout)[0]).toMatchObject({ id: "A", urgent: "true" });
  });
});

describe("crash paths exit 2 with a plain message", () => {
  it("an input that exists but cannot be opened (a socket) stops before any row", async () => {
    const dir = workdir();
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(dir, "sock"), done));
    try {
      const r = await cli(["score", "phq2", "sock"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "stepscore: cannot read sock: it cannot be opened for reading (a socket, or a device with nothing behind it)\n",
      );
    } finally {
      server.close();
    }
  });

  it("an input that fails while it is read", async () => {
    const r = await cli(["score", "phq2", "/proc/self/mem"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("stepscore: cannot read /proc/self/mem: an input/output error\n");
  });

  it("-o naming a directory, before a single row is read", async () => {
    const dir = workdir();
    let read = false;
    const stdin = new Readable({
      read(): void {
        read = true;
        this.push(null);
      },
    });
    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (c: Buffer) => (err += c.toString()));
    const code = await run(["score", "phq2", "-", "-o", "."], {
      stdin,
      stdout: new PassThrough(),
      stderr,
      stdinIsTTY: false,
      stderrIsTTY: false,
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(err).toBe("stepscore: cannot write .: it is a directory\n");
    expect(read).toBe(false);
  });

  it("a row or line too long to be read", async () => {
    const long = "x".repeat(2000);
    const r = await cli(["score", "phq2", "-"], {
      stdin: `id,phq2_1,phq2_2\nA,1,1\n${long},1,1\n`,
      maxRecordBytes: 1000,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^stepscore: stdin: the row starting on line 3 is longer than 1,000 bytes, too long to be read/,
    );
    const j = await cli(["score", "phq2", "--from", "jsonl"], {
      stdin: `{"phq2_1":1,"phq2_2":1}\n{"id":"${long}"}\n`,
      maxRecordBytes: 1000,
    });
    expect(j.code).toBe(2);
    expect(j.stderr).toBe("stepscore: stdin: line 2 is longer than 1,000 bytes, too long to be read\n");
  });

  it("writes into a device or pipe named by -o, never replacing it", async () => {
    const dir = workdir();
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on("data", (c: Buffer | string) => chunks.push(Buffer.from(c)));
    const ended = new Promise<void>((done) =>
      reader.once("end", () => {
        done();
      }),
    );
    const r = await cli(["score", "phq2", "-", "-q", "-o", "pipe"], { stdin: "phq2_1,phq2_2\n1,1\n", cwd: dir });
    expect(r.code).toBe(0);
    await Promise.race([ended, new Promise((done) => setTimeout(done, 5000))]);
    reader.destroy();
    expect(Buffer.concat(chunks).toString()).toBe(
      "phq2_1,phq2_2,phq2_score,phq2_band,phq2_method,phq2_missing,phq2_flags,phq2_error\n1,1,2,negative,complete,,,\n",
    );
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });
});

describe("the temporary output file", () => {
  it("is not opened through a symbolic link planted at a name it could have", async () => {
    const dir = workdir({ "in.csv": "phq2_1,phq2_2\n1,1\n", "victim.txt": "untouched\n" });
    // The name a partial file used to have: the target's name with the process id.
    symlinkSync(join(dir, "victim.txt"), join(dir, `.out.csv.${String(process.pid)}.partial`));
    const r = await cli(["score", "phq2", "in.csv", "-q", "-o", "out.csv"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("untouched\n");
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toContain("1,1,2,negative");
  });

  it("writes through a symbolic link given as -o to the file it names", async () => {
    const dir = workdir({ "real.csv": "old\n" });
    symlinkSync(join(dir, "real.csv"), join(dir, "link.csv"));
    const r = await cli(["score", "phq2", "-", "-q", "-o", "link.csv"], { stdin: "phq2_1,phq2_2\n1,1\n", cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toContain("1,1,2,negative");
    expect(readdirSync(dir).sort()).toEqual(["link.csv", "real.csv"]);
    expect(existsSync(join(dir, "link.csv"))).toBe(true);
  });
});

describe("--escape-formulas", () => {
  const input = 'id,phq2_1,phq2_2,note\n=1+1,1,1,@SUM(A1)\n-99,1,1,+x\n"\tcmd",1,1,-1+2\nplain,1,1,1e-3\n';

  it("prefixes formula-like cells, kept and new, with a quote; plain numbers stay", async () => {
    const r = await cli(["score", "phq2", "-", "-q", "--escape-formulas"], { stdin: input });
    expect(records(r.stdout).map((x) => [x.id, x.note])).toEqual([
      ["'=1+1", "'@SUM(A1)"],
      ["-99", "'+x"],
      ["'\tcmd", "'-1+2"],
      ["plain", "1e-3"],
    ]);
    const mapped = await cli(["score", "phq2", "-", "-q", "--escape-formulas", "--map", "map.json"], {
      stdin: "=a,phq2_2\nx,1\n",
      cwd: workdir({ "map.json": JSON.stringify({ phq2: { "1": "=a" } }) }),
    });
    expect(csv(mapped.stdout)[0]![0]).toBe("'=a");
    expect(records(mapped.stdout)[0]!.phq2_error).toBe(`'=a: "x" is a string, not a number (allowed: 0, 1, 2, 3)`);
  });

  it("changes nothing unless asked, and is refused for JSON Lines", async () => {
    const r = await cli(["score", "phq2", "-", "-q"], { stdin: input });
    expect(
      r.stdout
        .split("\n")
        .slice(1, 4)
        .map((l) => l.split(",").slice(0, 4).join(",")),
    ).toEqual(["=1+1,1,1,@SUM(A1)", "-99,1,1,+x", '"\tcmd",1,1,-1+2']);
    const j = await cli(["score", "phq2", "--from", "jsonl", "--escape-formulas"], { stdin: "{}\n" });
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/--escape-formulas applies to CSV output only/);
  });
});
