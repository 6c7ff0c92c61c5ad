// toQuestionnaire: valid R4 for every instrument, derived from the definition, and its calculatedExpressions,
// run by fhirpath.js as LHC-Forms runs them, agree with score() on random answer sets.
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  instruments,
  phq9,
  score,
  toQuestionnaire,
  toQuestionnaireResponse,
  type FhirQuestionnaireItem,
  type InstrumentDefinition,
  type ScaleOutcome,
} from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";
import { calculatedExpression, evaluate, fhirIssues, loadR4 } from "./helpers.js";

const all = Object.values(instruments) as InstrumentDefinition[];
const ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";
const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const RENDERING_XHTML = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml";

/**
 * The scales a Questionnaire must compute in the form, from the definition's own facts: every scale of
 * choice items scored by a published method (sum, mean, percent) under a declared missing-data rule. Scales
 * with custom scoring (the PSQI's components), a computed missing rule, number or time answers, or items
 * the skip logic may leave unasked (they count as the skip rule says, which an expression over answers
 * would read as missing) are left to stepscore.
 */
function expressed(def: InstrumentDefinition): readonly string[] {
  const scales = [def.score, ...(def.subscales ?? [])].filter((s) => s !== null && s !== undefined);
  const choice = (id: string) => def.items.some((it) => it.id === id && it.kind !== "number" && it.kind !== "time");
  return scales
    .filter((s) => s.method !== "custom" && s.missing.kind !== "computed" && s.items.every(choice))
    .filter((s) => !(def.skips ?? []).some((r) => r.items.some((id) => s.items.includes(id))))
    .map((s) => s.id);
}
const EXPRESSED: Readonly<Record<string, readonly string[]>> = Object.fromEntries(all.map((d) => [d.id, expressed(d)]));

beforeAll(loadR4);

describe("toQuestionnaire", () => {
  it("computes in the form the scales of most bundled instruments, and leaves the PSQI's custom components to stepscore", () => {
    // A guard on the derivation above: it must not quietly express nothing.
    expect(EXPRESSED["psqi"]).toEqual([]);
    expect(EXPRESSED["startback"]).toEqual(["total", "psychosocial"]);
    expect(EXPRESSED["pcs"]).toEqual(["total", "rumination", "magnification", "helplessness"]);
  });

  describe.each(all.map((d) => [d.id, d] as const))("%s", (_, def) => {
    const q = toQuestionnaire(def);
    const questions = (q.item ?? []).filter((i) => !i.linkId.startsWith("score."));

    it("is a valid FHIR R4 Questionnaire (medplum validator, required bindings)", () => {
      expect(fhirIssues(q)).toEqual([]);
    });

    it("carries the canonical, version, title, licence and LOINC panel", () => {
      expect(q.url).toBe(`https://stepscore.dev/fhir/Questionnaire/${def.id}`);
      expect(q.version).toBe(def.version);
      expect(q.title).toBe(def.title);
      expect(q.copyright).toContain(def.licence.rightsHolder);
      expect(q.code).toEqual(
        def.loinc?.panel === undefined ? undefined : [{ system: "http://loinc.org", code: def.loinc.panel }],
      );
    });

    it("has one item per question, linkId = item id, with its LOINC code and only the wording the licence allows", () => {
      expect(questions.map((i) => i.linkId)).toEqual(def.items.map((it) => it.id));
      def.items.forEach((it, k) => {
        const qi = questions[k] as FhirQuestionnaireItem;
        expect(qi.code).toEqual(it.loinc === undefined ? undefined : [{ system: "http://loinc.org", code: it.loinc }]);
        expect(qi.text).toBe(def.licence.redistributeWording ? (it.text ?? it.label) : it.label);
      });
    });

    it("gives every option its value's score as itemWeight and ordinalValue, and LOINC answer codes where they exist", () => {
      def.items.forEach((it, k) => {
        if (it.kind === "number" || it.kind === "time") return;
        const options = (questions[k] as FhirQuestionnaireItem).answerOption ?? [];
        expect(options).toHaveLength(it.options.length);
        it.options.forEach((o, j) => {
          const opt = options[j];
          // The definition's rule: the option's score (or value), then reverse keying over the values' range.
          const values = it.options.map((x) => x.value);
          const base = o.score ?? o.value;
          const expected = it.reversed === true ? Math.min(...values) + Math.max(...values) - base : base;
          expect(opt?.extension).toEqual([
            { url: ITEM_WEIGHT, valueDecimal: expected },
            { url: ORDINAL_VALUE, valueDecimal: expected },
          ]);
          // A LOINC coding shows LOINC's display: `loincDisplay`, else the label, else (wording withheld) none; where
          // that is not the printed label, the label is what the form renders (rendering-xhtml on the display).
          const display =
            o.loinc === undefined
              ? o.label
              : (o.loincDisplay ?? (def.licence.redistributeWording ? o.label : undefined));
          const rendered =
            display === o.label ? {} : { _display: { extension: [{ url: RENDERING_XHTML, valueString: o.label }] } };
          expect(opt?.valueCoding).toEqual(
            o.loinc === undefined
              ? {
                  system: `https://stepscore.dev/fhir/CodeSystem/answers-${def.id}`,
                  code: String(o.value),
                  display: o.label,
                }
              : {
                  system: "http://loinc.org",
                  code: o.loinc,
                  ...(display === undefined ? {} : { display }),
                  ...rendered,
                },
          );
        });
      });
    });

    it(`computes in the form exactly: ${EXPRESSED[def.id]?.join(", ") || "nothing (scored by stepscore; says so)"}`, () => {
      const calculated = (q.item ?? []).filter((i) => i.type !== "display" && i.linkId.startsWith("score."));
      expect(calculated.map((i) => i.linkId)).toEqual((EXPRESSED[def.id] ?? []).map((s) => `score.${s}`));
      for (const c of calculated) expect(c.readOnly).toBe(true);
      const all = [def.score, ...(def.subscales ?? [])].filter((s) => s !== null && s !== undefined);
      const left = all.filter((s) => !(EXPRESSED[def.id] ?? []).includes(s.id));
      const note = q.item?.find((i) => i.linkId === "score.note");
      if (left.length === 0) expect(note).toBeUndefined();
      else {
        expect(note?.type).toBe("display");
        for (const s of left) expect(note?.text).toContain(`${def.shortTitle} ${s.label}`);
        expect(q.description).toContain("scored by stepscore");
      }
    });

    const expressed = EXPRESSED[def.id] ?? [];
    if (expressed.length === 0) return;

    const agrees = (answers: readonly (number | string | null)[]): void => {
      const r = score(def, answers as never);
      const qr = toQuestionnaireResponse(def, answers as never);
      for (const id of expressed) {
        const got = evaluate(q, qr, calculatedExpression(q, `score.${id}`) ?? "");
        const want = (r.scales as Readonly<Record<string, ScaleOutcome>>)[id]?.score ?? null;
        expect(got, `${def.id} ${id} for ${JSON.stringify(answers)}`).toEqual(want === null ? [] : [want]);
      }
    };

    it("calculatedExpression (fhirpath.js) equals score() on random complete answer sets", () => {
      fc.assert(fc.property(answerSet(def), agrees), { numRuns: 30 });
    });

    it("calculatedExpression is empty exactly when score() has no score, and equal otherwise, with answers missing", () => {
      fc.assert(fc.property(answerSet(def, { missingRate: 0.15 }), agrees), { numRuns: 40 });
      agrees(def.items.map(() => null));
    });
  });

  it("never sums what is there: a PHQ-9 with item 9 unanswered has no total in the form", () => {
    const q = toQuestionnaire(phq9);
    const qr = toQuestionnaireResponse(phq9, [3, 3, 3, 3, 3, 3, 3, 3, null]);
    expect(evaluate(q, qr, calculatedExpression(q, "score.total") ?? "")).toEqual([]);
    expect(
      evaluate(
        q,
        toQuestionnaireResponse(phq9, [3, 3, 3, 3, 3, 3, 3, 3, 0]),
        calculatedExpression(q, "score.total") ?? "",
      ),
    ).toEqual([24]);
  });

  it("scores reverse-keyed and option-scored items through itemWeight (TSK-17 item 4, STarT Back item 9)", () => {
    const tsk = toQuestionnaire("tsk17");
    const item4 = tsk.item?.find((i) => i.linkId === "4")?.answerOption?.map((o) => o.extension?.[0]?.valueDecimal);
    expect(item4).toEqual([4, 3, 2, 1]);
    const sb = toQuestionnaire("startback");
    expect(sb.item?.find((i) => i.linkId === "9")?.answerOption?.map((o) => o.extension?.[0]?.valueDecimal)).toEqual([
      0, 0, 0, 1, 1,
    ]);
  });

  it("keeps the ODI's missing-section rule: 17 of 45 is 37.77… %, and no score below 8 sections", () => {
    const q = toQuestionnaire("odi");
    const expr = calculatedExpression(q, "score.percent") ?? "";
    expect(evaluate(q, toQuestionnaireResponse("odi", [2, 1, 3, 2, 2, 3, 1, null, 2, 1]), expr)).toEqual([
      (17 * 100) / 45,
    ]);
    expect(evaluate(q, toQuestionnaireResponse("odi", [2, 1, 3, 2, 2, 3, 1, null, null, null]), expr)).toEqual([]);
  });

  it("uses the PHQ-9 LOINC codes: panel 44249-1, items 44250-9 …, answers LA6568-5 …, total 44261-6", () => {
    const q = toQuestionnaire("phq9");
    expect(q.code?.[0]?.code).toBe("44249-1");
    expect(q.item?.[0]?.code?.[0]?.code).toBe("44250-9");
    expect(q.item?.[0]?.answerOption?.map((o) => o.valueCoding?.code)).toEqual([
      "LA6568-5",
      "LA6569-3",
      "LA6570-1",
      "LA6571-9",
    ]);
    expect(q.item?.find((i) => i.linkId === "score.total")?.code?.[0]).toEqual({
      system: "http://loinc.org",
      code: "44261-6",
    });
  });

  // LOINC's answer list for 68509-9 gives LA18938-3 the display "More days than not" (HL7 PCO IG Questionnaire
  // 69737-5; LOINC's own 69724-3); the GAD-7 prints "More than half the days". A coding must carry LOINC's display.
  it.each(["gad7", "gad2"] as const)("%s item 2: LA18938-3 with LOINC's display, the printed label rendered", (id) => {
    const q = toQuestionnaire(id);
    const item2 = q.item?.find((i) => i.linkId === "2");
    expect(item2?.code).toEqual([{ system: "http://loinc.org", code: "68509-9" }]);
    expect(item2?.answerOption?.[2]?.valueCoding).toEqual({
      system: "http://loinc.org",
      code: "LA18938-3",
      display: "More days than not",
      _display: { extension: [{ url: RENDERING_XHTML, valueString: "More than half the days" }] },
    });
    // Item 1's "2" is LA6570-1, whose LOINC display is the printed label: no rendering extension.
    expect(q.item?.find((i) => i.linkId === "1")?.answerOption?.[2]?.valueCoding).toEqual({
      system: "http://loinc.org",
      code: "LA6570-1",
      display: "More than half the days",
    });
    const qr = toQuestionnaireResponse(id, id === "gad7" ? [1, 2, 0, 0, 0, 0, 0] : [1, 2]);
    expect(qr.item?.[1]?.answer?.[0]?.valueCoding).toEqual({
      system: "http://loinc.org",
      code: "LA18938-3",
      display: "More days than not",
    });
    expect(fhirIssues(q)).toEqual([]);
    expect(fhirIssues(qr)).toEqual([]);
  });

  // LHC-Forms' rendering of LOINC's NDI panel 82226-2 (TeamWereOnFHIR/smart-fhir-physio-loinc-forms,
  // LoincInitialVisitQuestionnaire.json): sections 82227-0 … 82236-1, answers in statement order, total 82237-9.
  it("uses the NDI's LOINC codes, and codes its answers without LOINC's displays (the withheld statements)", () => {
    const q = toQuestionnaire("ndi");
    expect(q.code).toEqual([{ system: "http://loinc.org", code: "82226-2" }]);
    expect(q.item?.slice(0, 10).map((i) => i.code?.[0]?.code)).toEqual([
      "82227-0",
      "82228-8",
      "82229-6",
      "82230-4",
      "82231-2",
      "82232-0",
      "82233-8",
      "82234-6",
      "82235-3",
      "82236-1",
    ]);
    const headaches = q.item?.find((i) => i.linkId === "5")?.answerOption ?? [];
    expect(headaches.map((o) => [o.valueCoding?.code, o.extension?.[0]?.valueDecimal])).toEqual([
      ["LA25877-4", 0],
      ["LA26365-9", 1],
      ["LA26366-7", 2],
      ["LA26367-5", 3],
      ["LA26368-3", 4],
      ["LA26369-1", 5],
    ]);
    expect(headaches.every((o) => o.valueCoding?.display === undefined)).toBe(true);
    expect(q.item?.find((i) => i.linkId === "score.total")?.code?.[0]).toEqual({
      system: "http://loinc.org",
      code: "82237-9",
    });
    const qr = toQuestionnaireResponse("ndi", [1, 2, 1, 2, 3, 1, 2, 1, 2, 1]);
    expect(qr.item?.[0]?.answer?.[0]?.valueCoding).toEqual({ system: "http://loinc.org", code: "LA25854-3" });
    expect(fhirIssues(qr)).toEqual([]);
  });

  // AHRQ-CDS Pain Management Summary CQL (f9f63c6c): 91147-9 mean, items 75893-8, 91145-3, 91146-1; panel 91148-7.
  it("uses the PEG's LOINC codes: panel 91148-7, items 75893-8, 91145-3, 91146-1, mean 91147-9", () => {
    const q = toQuestionnaire("peg");
    expect(q.code).toEqual([{ system: "http://loinc.org", code: "91148-7" }]);
    expect(q.item?.slice(0, 3).map((i) => i.code?.[0]?.code)).toEqual(["75893-8", "91145-3", "91146-1"]);
    expect(q.item?.find((i) => i.linkId === "score.total")?.code?.[0]).toEqual({
      system: "http://loinc.org",
      code: "91147-9",
    });
  });

  it("follows a definition's own default rule: CMS MDS proration, rounded half up", () => {
    const cms = {
      ...phq9,
      id: "phq9cms",
      score: { ...phq9.score, missing: { kind: "prorate", maxMissing: 2, rounding: "half-up", source: "cmsMds" } },
    } as InstrumentDefinition;
    const q = toQuestionnaire(cms);
    expect(fhirIssues(q)).toEqual([]);
    expect(q.item?.find((i) => i.linkId === "score.total")?.type).toBe("decimal");
    const expr = calculatedExpression(q, "score.total") ?? "";
    fc.assert(
      fc.property(answerSet(cms, { missingRate: 0.15 }), (answers) => {
        const want = score(cms, answers as never).score;
        expect(evaluate(q, toQuestionnaireResponse(cms, answers as never), expr)).toEqual(want === null ? [] : [want]);
      }),
      { numRuns: 60 },
    );
    // The worked examples: 10 × 9/8 = 11.25 → 11; 9 × 9/7 = 11.57 → 12.
    expect(evaluate(q, toQuestionnaireResponse(cms, [2, 2, 1, 1, 0, 1, 2, 1, null]), expr)).toEqual([11]);
    expect(evaluate(q, toQuestionnaireResponse(cms, [2, 2, 1, 1, 0, 1, 2, null, null]), expr)).toEqual([12]);
  });

  it("leaves to stepscore what FHIRPath cannot compute exactly, and says why", () => {
    const three = [0, 1, 2, 3].map((value) => ({ value, label: String(value) }));
    const five = [0, 1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));
    const custom = {
      ...phq9,
      id: "mixed",
      items: [
        { id: "a", label: "A", options: three },
        { id: "b", label: "B", options: five },
        { id: "c", label: "Minutes", kind: "number", min: 0, max: 60, integer: true },
      ],
      score: {
        id: "pct",
        label: "percent",
        items: ["a", "b"],
        method: "percent",
        range: [0, 100],
        missing: { kind: "strict", source: "kroenke2001" },
        source: "kroenke2001",
      },
      subscales: [
        {
          id: "sum",
          label: "with minutes",
          items: ["a", "c"],
          method: "sum",
          range: [0, 63],
          missing: { kind: "strict", source: "kroenke2001" },
          source: "kroenke2001",
        },
      ],
      flags: [],
      missingOptions: [],
    } as unknown as InstrumentDefinition;
    const q = toQuestionnaire(custom);
    expect(fhirIssues(q)).toEqual([]);
    expect(q.item?.filter((i) => i.linkId.startsWith("score.")).map((i) => [i.linkId, i.type])).toEqual([
      ["score.note", "display"],
    ]);
    expect(q.item?.find((i) => i.linkId === "score.note")?.text).toMatch(
      /PHQ-9 percent \(its items have different maxima\); PHQ-9 with minutes \(it uses number or time answers\)/,
    );
    expect(q.item?.find((i) => i.linkId === "c")).toMatchObject({
      type: "integer",
      extension: [
        { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: 0 },
        { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: 60 },
      ],
    });
  });

  it("rejects an unknown instrument id", () => {
    expect(() => toQuestionnaire("nope" as never)).toThrow(RangeError);
  });
});
