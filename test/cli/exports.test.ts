// Real exports read as they are: each fixture is made as the exporting program writes it (European
// Excel, REDCap labels, Qualtrics, SPSS, Excel workbooks), and each quirk has its own test.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { roundTo } from "../../src/cli/columns.js";
import { cellText } from "../../src/cli/xlsx.js";
import { cli, csv, records, workdir } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "exports");
/** A fresh directory holding the named fixtures. */
const withFixtures = (...names: string[]): string => {
  const dir = workdir();
  for (const n of names) copyFileSync(join(FIXTURES, n), join(dir, n));
  return dir;
};

describe("European Excel: BOM, CRLF, semicolons, decimal commas, H:MM times (PSQI)", () => {
  it("detects the delimiter from the header, reads 6,5 and 7:30 with --decimal-comma, keeps BOM and CRLF", async () => {
    const dir = withFixtures("excel-de-psqi.csv");
    const r = await cli(["score", "psqi", "excel-de-psqi.csv", "--decimal-comma"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('excel-de-psqi.csv: columns separated by ";" (as its header is)');
    const out = r.stdoutBytes.toString("latin1");
    // The byte-order mark and the CRLF line ends are written back as the file had them.
    expect(out.startsWith("\u00ef\u00bb\u00bfid;psqi_1;")).toBe(true);
    expect(out.split("\r\n")).toHaveLength(5);
    expect(out.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    const rows = csv(r.stdout.slice(1), ";");
    const header = rows[0] ?? [];
    const col = (row: number, name: string): string | undefined => rows[row]?.[header.indexOf(name)];
    // S01: 23:00 to 7:30 is 8.5 h in bed, 6,5 h asleep (76 %): duration 1 (6–7 h), efficiency 1 (75–84 %).
    expect([col(1, "psqi_duration"), col(1, "psqi_efficiency"), col(1, "psqi_score")]).toEqual(["1", "1", "6"]);
    // Rows are passed through byte for byte: the decimal comma and the quoted note stay as they were.
    expect(out).toContain('S02;0:15;30;6:45;5,75;2;1;1;0;0;1;2;1;1;;2;0;1;2;"Kinder; Hund";');
    expect(col(2, "psqi_error")).toBe("");
    // With a decimal comma a dot is not read as a decimal mark: 7.5 could be a thousands separator.
    expect(col(3, "psqi_error")).toBe('psqi_4: "7.5" is a string, not a number (allowed: a number from 0 to 24)');
  });

  it("without --decimal-comma, 6,5 is an invalid cell, never 65 or 6", async () => {
    const dir = withFixtures("excel-de-psqi.csv");
    const r = await cli(["score", "psqi", "excel-de-psqi.csv", "-q"], { cwd: dir });
    expect(r.code).toBe(1);
    const rows = csv(r.stdout.slice(1), ";");
    expect(rows[1]?.[(rows[0] ?? []).indexOf("psqi_score")]).toBe("");
    expect(r.stdout).toContain('psqi_4: ""6,5"" is a string, not a number');
  });

  it("--delimiter overrides the header, and a header with two kinds of separator is refused", async () => {
    const given = await cli(["score", "phq2", "-", "-q", "--delimiter", ","], {
      stdin: "phq2_1,phq2_2,a;b\n1,1,x;y\n",
    });
    expect(given.code).toBe(0);
    expect(records(given.stdout)[0]).toMatchObject({ "a;b": "x;y", phq2_score: "2" });
    const mixed = await cli(["score", "phq2", "-"], { stdin: "phq2_1,phq2_2;x\n1,1;y\n" });
    expect(mixed).toMatchObject({ code: 2, stdout: "" });
    expect(mixed.stderr).toMatch(/more than one kind of separator \(1 × ",", 1 × ";"\).*--delimiter/);
  });

  it("reads a tab-separated export whatever its name, and matches case and separator differences in names", async () => {
    const dir = withFixtures("spss-tab-export.txt");
    const r = await cli(["score", "phq2,gad2", "spss-tab-export.txt"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("columns separated by tabs");
    const rows = csv(r.stdout, "\t");
    expect(rows[0]?.slice(0, 5)).toEqual(["ID", "PHQ2_1", "PHQ2-2", "GAD2.1", "GAD2 2"]);
    const header = rows[0] ?? [];
    expect(rows.slice(1).map((row) => [row[header.indexOf("phq2_score")], row[header.indexOf("gad2_score")]])).toEqual([
      ["3", "1"],
      ["0", "6"],
    ]);
    expect(r.stdout.endsWith("\r\n")).toBe(true);
  });
});

describe("answers exported as labels (REDCap, Qualtrics)", () => {
  it("--labels reads option labels and LOINC answer codes; an unknown label is an invalid cell", async () => {
    const dir = withFixtures("redcap-labels.csv");
    const r = await cli(["score", "phq9", "redcap-labels.csv", "--labels"], { cwd: dir });
    expect(r.code).toBe(1);
    const rows = records(r.stdout);
    expect(rows.map((x) => [x.record_id, x.phq9_score, x.phq9_flags])).toEqual([
      ["1", "5", ""],
      // Case and spacing of a label do not matter.
      ["2", "19", "self-harm"],
      ["3", "", ""],
      // LOINC answer codes (LA6571-9: "Nearly every day" on item 9).
      ["4", "8", "self-harm"],
    ]);
    expect(rows[2]?.phq9_error).toBe(
      'phq9_1: "Sometimes" is not an option label or LOINC answer code (allowed: "Not at all" (0, LA6568-5), "Several days" (1, LA6569-3), "More than half the days" (2, LA6570-1), "Nearly every day" (3, LA6571-9), or the values 0, 1, 2, 3)',
    );
    expect(r.stderr).toContain('row 3 (line 4), column phq9_1 (PHQ-9 item 1): "Sometimes" is not an option label');
  });

  it("without --labels, labels are invalid cells, never read as numbers", async () => {
    const dir = withFixtures("redcap-labels.csv");
    const r = await cli(["score", "phq9", "redcap-labels.csv", "-q"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(records(r.stdout).map((x) => x.phq9_score)).toEqual(["", "", "", ""]);
  });

  it("recognises a Qualtrics export's two extra header rows and passes them through unscored", async () => {
    const dir = withFixtures("qualtrics-phq9.csv");
    const r = await cli(["score", "phq9", "qualtrics-phq9.csv", "--labels"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "a Qualtrics export; its 2 extra header rows (question texts, import ids) passed through unscored",
    );
    expect(r.stderr).toContain("2 rows read from qualtrics-phq9.csv");
    const rows = csv(r.stdout);
    expect(rows).toHaveLength(5);
    const header = rows[0] ?? [];
    const score = header.indexOf("phq9_score");
    expect(rows.map((row) => row[score])).toEqual(["phq9_score", "", "", "5", "19"]);
    // The header rows as they came, the new cells empty.
    expect(rows[1]?.[0]).toBe("Start Date");
    expect(rows[2]?.[8]).toBe('{"ImportId":"QID1_1"}');
    // Errors count data rows from the first answer row, with the file's own line numbers.
    expect(rows[3]?.[header.indexOf("phq9_missing")]).toBe("");
  });

  it("stratify finds the instruments of a Qualtrics export by its column names, whatever their case", async () => {
    const dir = withFixtures("qualtrics-phq9.csv");
    const r = await cli(["stratify", "qualtrics-phq9.csv", "--labels", "-q"], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    const header = rows[0] ?? [];
    // The second respondent answered item 9 "Several days": the self-harm flag makes the row urgent.
    expect(rows.slice(3).map((row) => [row[header.indexOf("phq9_score")], row[header.indexOf("urgent")]])).toEqual([
      ["5", "false"],
      ["19", "true"],
    ]);
  });

  it("--skip-rows passes a given number of rows after the header through", async () => {
    const input = "phq2_1,phq2_2\nQuestion 1,Question 2\n1,2\n";
    const none = await cli(["score", "phq2", "-", "-q"], { stdin: input });
    expect(none.code).toBe(1);
    const skipped = await cli(["score", "phq2", "-", "-q", "--skip-rows", "1"], { stdin: input });
    expect(skipped.code).toBe(0);
    expect(csv(skipped.stdout).map((row) => row[2])).toEqual(["phq2_score", "", "3"]);
    const bad = await cli(["score", "phq2", "-", "--skip-rows", "x"], { stdin: input });
    expect(bad.stderr).toMatch(/--skip-rows expects a whole number/);
  });
});

describe("column names", () => {
  it('says "did you mean" for a missing required column, from the columns no item is read from', async () => {
    const r = await cli(["score", "phq2", "-"], { stdin: "id,phq2_1,phq2_02\nA,1,1\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing columns for PHQ-2: phq2_2 (items 2); did you mean "phq2_02" for phq2_2?');
  });

  it("refuses a name that matches two header columns but for case or separators", async () => {
    const r = await cli(["score", "phq2", "-"], { stdin: "PHQ2_1,phq2-1,phq2_2\n1,2,1\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column "phq2_1" .* differs from more than one header column only in case or separators/);
  });

  it("--allow-missing-columns: an instrument with none of its columns stops; one scored in no row is warned of", async () => {
    const none = await cli(["score", "phq2,gad2", "-", "--allow-missing-columns"], {
      stdin: "id,gad2_1,gad2_2\nA,1,1\n",
    });
    expect(none).toMatchObject({ code: 2, stdout: "" });
    expect(none.stderr).toContain("no columns for PHQ-2 (phq2_1, phq2_2): with none of them no row could have a score");
    const some = await cli(["score", "phq2", "-", "--allow-missing-columns", "-q"], { stdin: "id,phq2_1\nA,1\n" });
    expect(some.stderr).toBe(
      "stepscore: warning: no row has a PHQ-2 score: its column phq2_2 is in no row (read as unanswered, as --allow-missing-columns asks)\n",
    );
  });
});

describe("JSON Lines and binary files told from their content", () => {
  it("reads JSON Lines on stdin without --from", async () => {
    const r = await cli(["score", "phq2", "-", "-q"], { stdin: '  {"id":1,"phq2_1":1,"phq2_2":2}\r\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '  {"id":1,"phq2_1":1,"phq2_2":2,"phq2_score":3,"phq2_band":"positive","phq2_method":"complete","phq2_missing":[],"phq2_flags":[],"phq2_error":null}\r\n',
    );
  });

  it("says what to do with gzip, SPSS and other binary files instead of reporting malformed CSV", async () => {
    const dir = withFixtures("responses.sav");
    const gz = await cli(["score", "phq2", "-"], { stdin: gzipSync("phq2_1,phq2_2\n1,1\n") });
    expect(gz).toMatchObject({ code: 2, stdout: "" });
    expect(gz.stderr).toBe(
      "stepscore: stdin is gzip-compressed: decompress it first (gunzip -k the file), or pipe it in: gunzip -c the file | stepscore … -\n",
    );
    const sav = await cli(["score", "phq2", "responses.sav", "-o", "out.csv"], { cwd: dir });
    expect(sav.code).toBe(2);
    expect(sav.stderr).toMatch(/responses\.sav is an SPSS data file \(\.sav\): save it as CSV/);
    const binary = await cli(["score", "phq2", "-"], { stdin: Buffer.from([0x00, 0x01, 0x02, 0x0a]) });
    expect(binary.stderr).toMatch(/is a binary file, not CSV or JSON Lines text/);
    const utf16 = await cli(["score", "phq2", "-"], { stdin: Buffer.from("\ufeffphq2_1\n", "utf16le") });
    expect(utf16.stderr).toMatch(/is UTF-16 text/);
  });

  it("reads the first sheet of an .xlsx workbook, times of day as HH:MM, and writes CSV", async () => {
    const dir = withFixtures("intake.xlsx");
    const r = await cli(["score", "phq9", "intake.xlsx", "-q"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "id,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,phq9_9,bedtime,phq9_score,phq9_band,phq9_method,phq9_missing,phq9_flags,phq9_error",
      "P1,1,2,1,2,0,1,3,2,0,23:00,12,moderate,complete,,,",
      "P2,0,0,0,0,0,0,0,0,3,07:30,3,minimal,complete,,self-harm,",
    ]);
    const zip = await cli(["score", "phq9", "-"], {
      stdin: Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(40)]),
    });
    expect(zip.code).toBe(2);
    expect(zip.stderr).toMatch(/stdin is a ZIP archive but cannot be read as an \.xlsx workbook/);
  });
});

describe("output researchers expect", () => {
  it("--digits rounds the scores half away from zero; --band-labels adds the band's label", async () => {
    // ODI is a percentage: 7 of 45 points is 15.5555…
    const odi = "odi_1,odi_2,odi_3,odi_4,odi_5,odi_6,odi_7,odi_8,odi_9,odi_10\n1,1,1,1,1,1,1,,0,0\n";
    const plain = await cli(["score", "odi", "-", "-q"], { stdin: odi });
    expect(records(plain.stdout)[0]?.odi_score).toBe("15.555555555555555");
    const r = await cli(["score", "odi", "-", "-q", "--digits", "1", "--band-labels"], { stdin: odi });
    expect(records(r.stdout)[0]).toMatchObject({
      odi_score: "15.6",
      odi_band: "minimal",
      odi_band_label: "Minimal disability",
    });
    const j = await cli(["score", "odi", "--from", "jsonl", "-q", "--digits", "0"], {
      stdin: `${JSON.stringify({ odi_1: 1, odi_2: 1, odi_3: 1, odi_4: 1, odi_5: 1, odi_6: 1, odi_7: 1, odi_9: 0, odi_10: 0 })}\n`,
    });
    expect(JSON.parse(j.stdout)).toMatchObject({ odi_score: 16 });
  });

  it("leaves optional unscored items (PHQ-9 item 10, GAD-7 item 8) out of _missing and the absent-columns notice", async () => {
    const phq = Array.from({ length: 9 }, (_, i) => `phq9_${String(i + 1)}`);
    const gad = Array.from({ length: 7 }, (_, i) => `gad7_${String(i + 1)}`);
    const r = await cli(["score", "phq9,gad7", "-"], {
      stdin: `${[...phq, ...gad].join(",")}\n${Array.from({ length: 16 }, () => "1").join(",")}\n`,
    });
    expect(r.code).toBe(0);
    expect(records(r.stdout)[0]).toMatchObject({ phq9_missing: "", gad7_missing: "" });
    expect(r.stderr).not.toContain("columns in no row");
    // A scored item that is missing is still listed.
    const gap = await cli(["score", "phq9", "-", "-q"], { stdin: `${phq.join(",")}\n1,,1,1,1,1,1,1,1\n` });
    expect(records(gap.stdout)[0]?.phq9_missing).toBe("2");
  });
});

describe("workbook cells and rounding", () => {
  it("writes workbook cells as Excel's own CSV would: times of day, dates, booleans, blanks", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(7.5)).toBe("7.5");
    expect(cellText("Several days")).toBe("Several days");
    // Excel's day 0 holds a time alone; a fraction of a day a millisecond short is still 23:00.
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 22, 59, 59, 999)))).toBe("23:00");
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 7, 30, 15)))).toBe("07:30:15");
    expect(cellText(new Date(Date.UTC(2026, 2, 2)))).toBe("2026-03-02");
    expect(cellText(new Date(Date.UTC(2026, 2, 2, 9, 14)))).toBe("2026-03-02T09:14");
  });

  it("rounds half away from zero by the decimal text", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(15.555555555555555, 1)).toBe(15.6);
    expect(roundTo(1.5e-7, 6)).toBe(0);
    expect(roundTo(4.4e-7, 7)).toBe(4e-7);
    expect(roundTo(Number.NaN, 1)).toBeNaN();
  });

  it("refuses --escape-formulas for JSON Lines told from the content of stdin", async () => {
    const r = await cli(["score", "phq2", "-", "--escape-formulas"], { stdin: '{"phq2_1":1}\n' });
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/--escape-formulas applies to CSV output only/);
  });
});
