// Work and errors stay bounded whatever the input: a pathway of 20,000 rules, a record of 12 MB of unknown
// keys, a 12 MB string, thousands of bad items or rules each give a small error.
import { describe, expect, it } from "vitest";
import {
  defaultPathway,
  FhirImportError,
  fromQuestionnaireResponse,
  PathwayError,
  phq9,
  safeScore,
  stratify,
  validatePathway,
  type InstrumentDefinition,
  type Pathway,
  type StepRule,
} from "../src/index.js";

const KB = 1000;
const size = (v: unknown): number => JSON.stringify(v).length;

/** About 12 MB of unknown keys: 400,000 keys of about 30 characters. */
function strayKeys(): Record<string, number> {
  const rec: Record<string, number> = {};
  for (let i = 0; i < 400_000; i++) rec[`unknown_column_from_export_${String(i)}`] = i;
  return rec;
}

describe("score errors are bounded", () => {
  it("names the first unknown keys of a 12 MB record and counts the rest", () => {
    const r = safeScore(phq9, strayKeys());
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.message.length).toBeLessThan(4 * KB);
    expect(size(r.error.issues)).toBeLessThan(4 * KB);
    expect(r.error.issues).toHaveLength(11);
    expect(r.error.issues[0]).toMatchObject({
      item: "unknown_column_from_export_0",
      message: expect.stringMatching(/^unknown item id "unknown_column_from_export_0" \(known: 1, 2/) as unknown,
    });
    expect(r.error.issues[10]).toEqual({ item: null, value: 399_990, message: "and 399990 more unknown item ids" });
  });

  it("quotes a 12 MB string by its start and length", () => {
    const big = "7".repeat(12_000_000);
    const r = safeScore(phq9, [big, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(!r.success && r.error.message.length).toBeLessThan(KB);
    expect(!r.success && r.error.issues[0]?.message).toMatch(
      /^"7{80}"… \(12000000 characters\) is a string, not a number/,
    );
    const key = safeScore(phq9, { [big]: 1 });
    expect(!key.success && size(key.error.issues)).toBeLessThan(KB);
    expect(!key.success && key.error.message.length).toBeLessThan(KB);
  });

  it("keeps at most 50 issues, and lists 10 in the message, for thousands of bad items", () => {
    const n = 3000;
    const ids = Array.from({ length: n }, (_, i) => String(i + 1));
    const wide = {
      id: "wide",
      title: "Wide",
      shortTitle: "WIDE",
      version: "1.0.0",
      domain: "test",
      description: "Many items.",
      direction: "higher-is-worse",
      references: { src: { text: "Synthetic." } },
      licence: { rightsHolder: "Nobody", redistributeWording: false, terms: "Synthetic.", source: "src" },
      items: ids.map((id) => ({
        id,
        label: id,
        options: [
          { value: 0, label: "no" },
          { value: 1, label: "yes" },
        ],
      })),
      score: {
        id: "total",
        label: "total",
        items: ids,
        method: "sum",
        range: [0, n],
        missing: { kind: "strict", source: "src" },
        source: "src",
      },
    } as unknown as InstrumentDefinition;
    const r = safeScore(
      wide,
      ids.map(() => 5),
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(50);
    expect(r.error.issues[49]).toEqual({ item: null, value: n - 49, message: `and ${String(n - 49)} more problems` });
    expect(r.error.message).toMatch(
      /^WIDE \(wide\): 3000 invalid answers: item 1: 5 is out of range .*; … and 40 more$/,
    );
    expect(r.error.message.length).toBeLessThan(2 * KB);
  });
});

describe("validatePathway at scale", () => {
  const rule = defaultPathway.stepRules[0];
  const manyRules = (n: number, duplicateAt: number | null): Pathway => ({
    ...defaultPathway,
    stepRules: Array.from(
      { length: n },
      (_, i): StepRule => ({ ...rule, id: `rule-${String(i === duplicateAt ? 7 : i)}` }),
    ),
  });

  it("reports exactly the one duplicate among 20,000 rules", () => {
    expect(validatePathway(manyRules(20_000, null))).toEqual([]);
    expect(validatePathway(manyRules(20_000, 19_000))).toEqual([
      { path: "(pathway)", rule: "rule-7", message: 'the id "rule-7" is used twice' },
    ]);
  });

  it("keeps at most 50 issues, and a bounded error, for thousands of bad rules", () => {
    const bad: Pathway = {
      ...defaultPathway,
      stepRules: Array.from({ length: 5000 }, (_, i) => ({ ...rule, id: `r${String(i)}`, source: "nowhere" })),
    };
    const issues = validatePathway(bad);
    expect(issues).toHaveLength(50);
    expect(issues[49]).toEqual({ path: "(pathway)", rule: null, message: "and 4951 more problems" });
    expect(() => stratify([], bad)).toThrow(PathwayError);
    try {
      stratify([], bad);
    } catch (e) {
      expect((e as PathwayError).message.length).toBeLessThan(2 * KB);
      expect((e as PathwayError).message).toMatch(/; … and 40 more$/);
      expect((e as PathwayError).issues).toHaveLength(50);
    }
  });

  it("quotes a huge id or source by its start", () => {
    const id = `a${"b".repeat(1_000_000)}`;
    const issues = validatePathway({
      ...defaultPathway,
      stepRules: [
        { ...rule, id, source: id },
        { ...rule, id },
      ],
    });
    expect(size(issues)).toBeLessThan(2 * KB);
    expect(issues.map((i) => i.message)).toEqual([
      `the id "a${"b".repeat(79)}"… (1000001 characters) is used twice`,
      `source "a${"b".repeat(79)}"… (1000001 characters) is not among the references`,
    ]);
  });
});

describe("FHIR import errors are bounded", () => {
  it("for a response of 100,000 null items", () => {
    const qr = {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      item: Array.from({ length: 100_000 }, () => null),
    };
    try {
      fromQuestionnaireResponse(qr as never, phq9);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FhirImportError);
      expect((e as FhirImportError).issues).toHaveLength(50);
      expect((e as FhirImportError).message.length).toBeLessThan(2 * KB);
      expect((e as FhirImportError).message).toMatch(
        /^QuestionnaireResponse: 100000 problems reading the QuestionnaireResponse: item\[0\] is null, not an item;/,
      );
    }
  });
});
