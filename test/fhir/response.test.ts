// QuestionnaireResponse in and out: valid R4, a lossless round trip for every instrument, matching by linkId
// or LOINC code (never text), answers by code, number or weight, and errors that name the linkId.
import type { QuestionnaireResponse as MedplumQuestionnaireResponse } from "@medplum/fhirtypes";
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FhirImportError,
  fromQuestionnaireResponse,
  gad7,
  instruments,
  phq9,
  safeScore,
  score,
  toQuestionnaireResponse,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
  type FhirResponseItem,
  type InstrumentDefinition,
} from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";
import { fhirIssues, loadR4 } from "./helpers.js";

const all = Object.values(instruments) as InstrumentDefinition[];
const LOINC = "http://loinc.org";
const PHQ9_ITEMS = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];
const FREQ = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];

/** The problems an import reports, as [linkId, message] pairs. */
function importIssues(run: () => unknown): [string | null, string][] {
  try {
    run();
  } catch (e) {
    if (e instanceof FhirImportError) return e.issues.map((i) => [i.linkId, i.message]);
    throw e;
  }
  throw new Error("expected a FhirImportError");
}

const qrOf = (item: FhirResponseItem[], questionnaire?: string): FhirQuestionnaireResponse => ({
  resourceType: "QuestionnaireResponse",
  status: "completed",
  ...(questionnaire === undefined ? {} : { questionnaire }),
  item,
});

const coded = (linkId: string, code: string, system = LOINC): FhirResponseItem => ({
  linkId,
  answer: [{ valueCoding: { system, code } }],
});

beforeAll(loadR4);

describe("QuestionnaireResponse round trip", () => {
  describe.each(all.map((d) => [d.id, d] as const))("%s", (_, def) => {
    // PSQI rejects a bedtime equal to the getting-up time as a whole; those sets have nothing to round-trip.
    const valid = (a: readonly unknown[]): boolean => safeScore(def, a).success;

    it("answers → QuestionnaireResponse → answers → score equals scoring the answers directly", () => {
      fc.assert(
        fc.property(fc.oneof(answerSet(def), answerSet(def, { missingRate: 0.25 })), (answers) => {
          fc.pre(valid(answers));
          const direct = score(def, answers as never);
          const back = fromQuestionnaireResponse(toQuestionnaireResponse(def, answers as never), def);
          expect(back.instrument).toBe(def);
          expect(back.answers).toEqual(direct.answers);
          expect(score(back.instrument, back.answers)).toEqual(direct);
          // Found from the canonical alone, too.
          expect(fromQuestionnaireResponse(toQuestionnaireResponse(def, answers as never)).instrument).toBe(def);
        }),
        { numRuns: 40 },
      );
    });

    it("writes valid FHIR R4 (medplum validator, required bindings)", () => {
      fc.assert(
        fc.property(answerSet(def, { missingRate: 0.2 }), (answers) => {
          fc.pre(valid(answers));
          const qr = toQuestionnaireResponse(def, answers as never, {
            subject: { reference: "Patient/p1" },
            authored: "2026-03-01T10:00:00Z",
          });
          expect(fhirIssues(qr)).toEqual([]);
        }),
        { numRuns: 5 },
      );
    });
  });

  it("writes LOINC answer codes, the canonical with its version, and clock times as valueTime", () => {
    const qr = toQuestionnaireResponse(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0], { id: "r1", status: "amended" });
    expect(qr.questionnaire).toBe(`https://stepscore.dev/fhir/Questionnaire/phq9|${phq9.version}`);
    expect(qr.id).toBe("r1");
    expect(qr.status).toBe("amended");
    expect(qr.item?.[0]).toEqual({
      linkId: "1",
      text: "Little interest or pleasure in doing things",
      answer: [{ valueCoding: { system: LOINC, code: "LA6569-3", display: "Several days" } }],
    });
    const psqi = toQuestionnaireResponse("psqi", { "1": "23:30", "2": 20, "4": 6.5 });
    expect(psqi.item?.map((i) => i.answer?.[0])).toEqual([
      { valueTime: "23:30:00" },
      { valueInteger: 20 },
      { valueDecimal: 6.5 },
    ]);
    expect(() => toQuestionnaireResponse(phq9, [4, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/out of range/);
  });
});

describe("fromQuestionnaireResponse on responses from other forms", () => {
  // An LHC-Forms rendering of the LOINC PHQ-9 panel: linkIds are LOINC code paths, answers LOINC codes, and
  // the filler's own total (44261-6) is included.
  const lhc = qrOf(
    [
      {
        linkId: "/44249-1",
        item: [
          ...PHQ9_ITEMS.map((code, i) =>
            coded(`/44249-1/${code}`, FREQ[[1, 2, 1, 2, 0, 1, 3, 2, 0][i] as number] as string),
          ),
          { linkId: "/44249-1/44261-6", answer: [{ valueInteger: 12 }] },
        ],
      },
    ],
    "http://loinc.org/q/44249-1",
  );

  it("matches items by the LOINC code in the linkId and finds the instrument from a LOINC panel canonical", () => {
    const { instrument, answers } = fromQuestionnaireResponse(lhc);
    expect(instrument).toBe(phq9);
    expect(score(instrument, answers).score).toBe(12);
    expect(answers["10"]).toBeNull();
  });

  it("matches by the answered Questionnaire's item codes (opaque linkIds), and finds the instrument from its panel code", () => {
    const form: FhirQuestionnaire = {
      resourceType: "Questionnaire",
      status: "active",
      code: [{ system: LOINC, code: "69737-5" }],
      item: ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"].map((code, i) => ({
        linkId: String(57541 + i),
        code: [{ system: LOINC, code }],
        type: "choice",
      })),
    };
    // LOINC's GAD-7 panel codes item 2's "2" answer as LA18938-3 ("More days than not"), the others as LL358-3.
    const qr = qrOf(
      [2, 2, 1, 1, 0, 3, 1].map((v, i) =>
        coded(String(57541 + i), i === 1 && v === 2 ? "LA18938-3" : (FREQ[v] as string)),
      ),
    );
    const { instrument, answers } = fromQuestionnaireResponse(qr, undefined, { questionnaire: form });
    expect(instrument).toBe(gad7);
    expect(score(instrument, answers).score).toBe(10);
    // The same form contained in the response.
    const contained = { ...qr, questionnaire: "#form", contained: [{ ...form, id: "form" }] };
    expect(fromQuestionnaireResponse(contained).answers).toEqual(answers);
  });

  it("matches by item.definition, and reads groups and items nested under answers at any depth", () => {
    const qr = qrOf([
      {
        linkId: "g",
        item: [
          {
            linkId: "a",
            definition: "http://loinc.org#44250-9",
            answer: [{ valueInteger: 1, item: [coded("/44255-8", "LA6570-1")] }],
          },
        ],
      },
      { linkId: "h", item: [{ linkId: "i", item: PHQ9_ITEMS.slice(2).map((c) => coded(c, "LA6568-5")) }] },
    ]);
    expect(fromQuestionnaireResponse(qr, phq9).answers).toMatchObject({ "1": 1, "2": 2, "3": 0, "9": 0 });
  });

  it("never matches by display text", () => {
    const qr = qrOf([
      { linkId: "x", text: "Little interest or pleasure in doing things", answer: [{ valueInteger: 1 }] },
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(qr, phq9))).toEqual([
      ["x", expect.stringMatching(/unknown item/)],
    ]);
  });

  it("reads answers by valueInteger, valueDecimal and code without a system", () => {
    const qr = qrOf([
      { linkId: "1", answer: [{ valueInteger: 3 }] },
      { linkId: "2", answer: [{ valueDecimal: 2 }] },
      { linkId: "3", answer: [{ valueCoding: { code: "LA6569-3" } }] },
    ]);
    expect(fromQuestionnaireResponse(qr, "phq9").answers).toMatchObject({ "1": 3, "2": 2, "3": 1, "4": null });
  });

  it("reads answers in other code systems by their itemWeight or ordinalValue, reverse keying undone", () => {
    const weight = (url: string, w: number) => [{ url, valueDecimal: w }];
    const qr = qrOf([
      // TSK-17 item 4 is reverse-keyed: weight 4 is the answer 1 (strongly disagree).
      {
        linkId: "4",
        answer: [
          {
            valueCoding: { system: "urn:other", code: "sd" },
            extension: weight("http://hl7.org/fhir/StructureDefinition/itemWeight", 4),
          },
        ],
      },
      {
        linkId: "5",
        answer: [
          {
            valueCoding: {
              system: "urn:other",
              code: "a",
              extension: weight("http://hl7.org/fhir/StructureDefinition/ordinalValue", 3),
            },
          },
        ],
      },
    ]);
    expect(fromQuestionnaireResponse(qr, "tsk17").answers).toMatchObject({ "4": 1, "5": 3 });
    const form: FhirQuestionnaire = {
      resourceType: "Questionnaire",
      status: "active",
      item: [
        {
          linkId: "6",
          type: "choice",
          answerOption: [
            {
              valueCoding: { system: "urn:other", code: "x" },
              extension: weight("http://hl7.org/fhir/StructureDefinition/itemWeight", 2),
            },
          ],
        },
      ],
    };
    expect(
      fromQuestionnaireResponse(qrOf([coded("6", "x", "urn:other")]), "tsk17", { questionnaire: form }).answers["6"],
    ).toBe(2);
  });

  it("reads PSQI clock times from valueTime", () => {
    const qr = qrOf([
      { linkId: "1", answer: [{ valueTime: "23:30:00" }] },
      { linkId: "3", answer: [{ valueTime: "07:00" }] },
    ]);
    expect(fromQuestionnaireResponse(qr, "psqi").answers).toMatchObject({ "1": "23:30", "3": "07:00" });
  });

  it("skips the form's own score items and, when asked, items the instrument does not have", () => {
    const own = toQuestionnaireResponse(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const withTotal = { ...own, item: [...(own.item ?? []), { linkId: "score.total", answer: [{ valueInteger: 0 }] }] };
    expect(fromQuestionnaireResponse(withTotal).answers["1"]).toBe(0);
    const extra = { ...own, item: [...(own.item ?? []), { linkId: "smoker", answer: [{ valueBoolean: true }] }] };
    expect(importIssues(() => fromQuestionnaireResponse(extra))).toEqual([
      ["smoker", expect.stringMatching(/unknown item/)],
    ]);
    expect(fromQuestionnaireResponse(extra, undefined, { unknownItems: "ignore" }).answers["1"]).toBe(0);
  });

  it("accepts resources typed by a FHIR client library", () => {
    const medplum: MedplumQuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      item: [{ linkId: "1", answer: [{ valueInteger: 1 }] }],
    };
    expect(fromQuestionnaireResponse(medplum, phq9).answers["1"]).toBe(1);
  });
});

describe("fromQuestionnaireResponse errors name the linkId", () => {
  it.each([
    ["an unknown item", [{ linkId: "99", answer: [{ valueInteger: 1 }] }], "99", /unknown item/],
    ["an answer not in the value set", [coded("1", "LA6572-7")], "1", /not in the item's value set.*LA6568-5/],
    ["a value not allowed", [{ linkId: "2", answer: [{ valueInteger: 4 }] }], "2", /not one of the item's values/],
    [
      "repeated answers",
      [{ linkId: "3", answer: [{ valueInteger: 1 }, { valueInteger: 2 }] }],
      "3",
      /2 answers to item 3/,
    ],
    ["the wrong answer type", [{ linkId: "4", answer: [{ valueString: "2" }] }], "4", /wrong answer type valueString/],
    ["an answer with no value", [{ linkId: "5", answer: [{}] }], "5", /no value/],
    ["two values in one answer", [{ linkId: "5", answer: [{ valueInteger: 1, valueDecimal: 1 }] }], "5", /2 values/],
    [
      "the same item twice",
      [coded("1", "LA6568-5"), coded("/44250-9", "LA6568-5")],
      "/44250-9",
      /answered again \(first under linkId "1"\)/,
    ],
    [
      "a weight no option scores",
      [
        {
          linkId: "6",
          answer: [
            {
              valueCoding: { system: "urn:x", code: "z" },
              extension: [{ url: "http://hl7.org/fhir/StructureDefinition/itemWeight", valueDecimal: 7 }],
            },
          ],
        },
      ],
      "6",
      /weight 7, which no option/,
    ],
  ] as const)("%s", (_, item, linkId, message) => {
    expect(importIssues(() => fromQuestionnaireResponse(qrOf([...item] as FhirResponseItem[]), phq9))).toEqual([
      [linkId, expect.stringMatching(message)],
    ]);
  });

  it("reports every problem at once", () => {
    const qr = qrOf([
      { linkId: "99", answer: [{ valueInteger: 1 }] },
      { linkId: "1", answer: [{ valueBoolean: true }] },
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(qr, phq9)).map(([l]) => l)).toEqual(["99", "1"]);
    expect(() => fromQuestionnaireResponse(qr, phq9)).toThrow(
      /PHQ-9: 2 problems reading the QuestionnaireResponse: linkId "99"/,
    );
  });

  it("names an answer weight that several options score (STarT Back item 9)", () => {
    const qr = qrOf([
      {
        linkId: "9",
        answer: [
          {
            valueCoding: { system: "urn:x", code: "v" },
            extension: [{ url: "http://hl7.org/fhir/StructureDefinition/itemWeight", valueDecimal: 1 }],
          },
        ],
      },
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(qr, "startback"))).toEqual([
      ["9", expect.stringMatching(/more than one option/)],
    ]);
  });

  it("checks number and time answers", () => {
    const qr = qrOf([
      { linkId: "2", answer: [{ valueInteger: 800 }] },
      { linkId: "4", answer: [{ valueTime: "06:00:00" }] },
      { linkId: "1", answer: [{ valueTime: "23:30:15" }] },
      { linkId: "3", answer: [{ valueString: "07:00" }] },
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(qr, "psqi"))).toEqual([
      ["2", expect.stringMatching(/800 is not allowed \(a whole number from 0 to 720\)/)],
      ["4", expect.stringMatching(/wrong answer type valueTime/)],
      ["1", expect.stringMatching(/not a clock time on the minute/)],
      ["3", expect.stringMatching(/wrong answer type valueString \(expected valueTime\)/)],
    ]);
  });

  it("says when the instrument cannot be told, is unknown, or differs from the response's", () => {
    expect(importIssues(() => fromQuestionnaireResponse(qrOf([], "http://example.org/Questionnaire/x")))).toEqual([
      [null, expect.stringMatching(/cannot tell the instrument.*pass it/)],
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(qrOf([]), "nope" as never))).toEqual([
      [null, 'unknown instrument id "nope"'],
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(qrOf([], "Questionnaire/69737-5"), phq9))).toEqual([
      [null, expect.stringMatching(/answers GAD-7.*not PHQ-9/)],
    ]);
  });

  it("refuses what is not a usable QuestionnaireResponse", () => {
    expect(importIssues(() => fromQuestionnaireResponse({ resourceType: "Observation" } as never, phq9))).toEqual([
      [null, 'expected a QuestionnaireResponse, got "Observation"'],
    ]);
    expect(importIssues(() => fromQuestionnaireResponse(null as never))).toEqual([
      [null, "expected a QuestionnaireResponse, got null"],
    ]);
    expect(importIssues(() => fromQuestionnaireResponse({ ...qrOf([]), status: "entered-in-error" }, phq9))).toEqual([
      [null, expect.stringMatching(/entered-in-error/)],
    ]);
  });
});
