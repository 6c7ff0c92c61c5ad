// A QuestionnaireResponse that is not of R4 JSON shape is a FhirImportError naming the linkId: never an answer
// silently dropped, a TypeError or a RangeError. Unfinished responses are read only when asked.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FhirImportError,
  fromQuestionnaireResponse,
  phq9,
  safeScore,
  score,
  toQuestionnaire,
  toQuestionnaireResponse,
  type FhirQuestionnaireResponse,
} from "../../src/index.js";

const LOINC = "http://loinc.org";
const FREQ = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
const valid = toQuestionnaireResponse(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 2]);

/** The problems an import reports, as [linkId, message] pairs; fails unless it throws a FhirImportError. */
function importIssues(run: () => unknown): [string | null, string][] {
  try {
    run();
  } catch (e) {
    if (e instanceof FhirImportError) return e.issues.map((i) => [i.linkId, i.message]);
    throw e;
  }
  throw new Error("expected a FhirImportError");
}

/** The response as parsed JSON, with `edit` applied to a deep copy (the typed shape is what is being broken). */
function broken(
  edit: (qr: { item: Record<string, unknown>[] } & Record<string, unknown>) => void,
): FhirQuestionnaireResponse {
  const copy = JSON.parse(JSON.stringify(valid)) as { item: Record<string, unknown>[] } & Record<string, unknown>;
  edit(copy);
  return copy as unknown as FhirQuestionnaireResponse;
}

const item9 = (qr: { item: Record<string, unknown>[] }): Record<string, unknown> =>
  qr.item[8] as Record<string, unknown>;

describe("a response not of R4 shape", () => {
  it("is refused when item 9's answer is an object instead of an array (it used to be dropped, and the flag with it)", () => {
    const qr = broken((q) => {
      const i9 = item9(q);
      i9["answer"] = (i9["answer"] as unknown[])[0];
    });
    expect(importIssues(() => fromQuestionnaireResponse(qr, phq9))).toEqual([
      ["9", expect.stringMatching(/^answer must be an array, got an object$/)],
    ]);
  });

  it("is refused when `item` is an object instead of an array, at the top or inside an item", () => {
    expect(
      importIssues(() =>
        fromQuestionnaireResponse(
          broken((q) => {
            (q as Record<string, unknown>)["item"] = q.item[8];
          }),
          phq9,
        ),
      ),
    ).toEqual([[null, "item must be an array, got an object"]]);
    const nested = broken((q) => {
      (q as Record<string, unknown>)["item"] = [{ linkId: "group", item: q.item[8] }];
    });
    expect(importIssues(() => fromQuestionnaireResponse(nested, phq9))).toEqual([
      ["group", "item must be an array, got an object"],
    ]);
  });

  it("names null and other non-object entries, a linkId that is not a string, and a bad coding", () => {
    const qr = broken((q) => {
      q.item.push(null as never, 7 as never, { linkId: 9, answer: [] });
      item9(q)["answer"] = [null];
      (q.item[0] as { answer: { valueCoding: Record<string, unknown> }[] }).answer[0]!.valueCoding["code"] = { a: 1 };
      (q.item[1] as { answer: unknown[] }).answer[0] = { valueInteger: "1" };
      (q.item[2] as { answer: { valueCoding: Record<string, unknown> }[] }).answer[0]!.valueCoding["extension"] = {
        url: "x",
      };
    });
    expect(importIssues(() => fromQuestionnaireResponse(qr, phq9))).toEqual([
      ["1", "answer[0].valueCoding.code must be a string, got an object"],
      ["2", 'answer[0].valueInteger must be a number, got "1"'],
      ["3", "answer[0].valueCoding.extension must be an array, got an object"],
      ["9", "answer[0] is null, not an answer"],
      [null, "item[9] is null, not an item"],
      [null, "item[10] is 7, not an item"],
      [null, "item[11].linkId must be a non-empty string, got 9"],
    ]);
  });

  it("is refused when `questionnaire`, `status` or `contained` is not of its type", () => {
    expect(
      importIssues(() =>
        fromQuestionnaireResponse(
          broken((q) => {
            q["questionnaire"] = 42;
          }),
        ),
      ),
    ).toEqual([[null, "questionnaire must be a string, got 42"]]);
    expect(
      importIssues(() =>
        fromQuestionnaireResponse(
          broken((q) => {
            q["questionnaire"] = { url: "x" };
          }),
          phq9,
        ),
      ),
    ).toEqual([[null, "questionnaire must be a string, got an object"]]);
    expect(
      importIssues(() =>
        fromQuestionnaireResponse(
          broken((q) => {
            delete q["status"];
          }),
          phq9,
        ),
      ),
    ).toEqual([
      [
        null,
        expect.stringMatching(
          /^status must be one of "in-progress", "completed", "amended", "entered-in-error", "stopped", got undefined$/,
        ),
      ],
    ]);
    expect(
      importIssues(() =>
        fromQuestionnaireResponse(
          broken((q) => {
            q["contained"] = [null];
          }),
          phq9,
        ),
      ),
    ).toEqual([[null, "contained[0] is null, not a resource"]]);
    expect(importIssues(() => fromQuestionnaireResponse([] as never, phq9))).toEqual([
      [null, "expected a QuestionnaireResponse, got an array"],
    ]);
  });

  it("checks a contained or passed Questionnaire's shape too", () => {
    const form = { ...toQuestionnaire(phq9), id: "f" };
    const badForm = { ...form, item: [{ linkId: "1", code: { system: LOINC } }] };
    const qr = broken((q) => {
      q["contained"] = [badForm];
      q["questionnaire"] = "#f";
    });
    expect(importIssues(() => fromQuestionnaireResponse(qr, phq9))).toEqual([
      ["1", "code must be an array, got an object"],
    ]);
    expect(
      importIssues(() => fromQuestionnaireResponse(valid, phq9, { questionnaire: { ...form, item: [null] } as never })),
    ).toEqual([[null, "item[0] is null, not a Questionnaire item"]]);
  });

  it("is refused, not a RangeError, when nested deeper than the stack allows", () => {
    let inner: Record<string, unknown> = { linkId: "9", answer: [{ valueCoding: { system: LOINC, code: FREQ[1] } }] };
    for (let i = 0; i < 200_000; i++) inner = { linkId: `g${String(i)}`, item: [inner] };
    const qr = { ...valid, item: [inner] } as unknown as FhirQuestionnaireResponse;
    expect(importIssues(() => fromQuestionnaireResponse(qr, phq9))).toEqual([
      [expect.any(String), "items are nested more than 64 levels deep"],
    ]);
    // Through answers too.
    let viaAnswer: Record<string, unknown> = { linkId: "9" };
    for (let i = 0; i < 200_000; i++)
      viaAnswer = { linkId: `q${String(i)}`, answer: [{ valueInteger: 0, item: [viaAnswer] }] };
    expect(
      importIssues(() =>
        fromQuestionnaireResponse({ ...valid, item: [viaAnswer] } as unknown as FhirQuestionnaireResponse, phq9, {
          unknownItems: "ignore",
        }),
      ),
    ).toEqual([[expect.any(String), "items are nested more than 64 levels deep"]]);
  });

  it("is refused when an object graph repeats an item (or has a cycle), which JSON cannot", () => {
    const loop: Record<string, unknown> = { linkId: "g" };
    loop["item"] = [loop, loop];
    expect(
      importIssues(() =>
        fromQuestionnaireResponse({ ...valid, item: [loop] } as unknown as FhirQuestionnaireResponse, phq9),
      ),
    ).toEqual([
      ["g", "item[0] is the same object as an item met before (a response read from JSON never repeats one)"],
      ["g", "item[1] is the same object as an item met before (a response read from JSON never repeats one)"],
    ]);
  });

  it("still reads nesting that forms use (groups, answers with items) up to the bound", () => {
    let inner: Record<string, unknown> = { linkId: "9", answer: [{ valueCoding: { system: LOINC, code: FREQ[2] } }] };
    for (let i = 0; i < 63; i++) inner = { linkId: `g${String(i)}`, item: [inner] };
    expect(
      fromQuestionnaireResponse({ ...valid, item: [inner] } as unknown as FhirQuestionnaireResponse, phq9).answers["9"],
    ).toBe(2);
  });
});

describe("the response's status", () => {
  const withStatus = (status: string): FhirQuestionnaireResponse => ({ ...valid, status });
  it("reads completed and amended responses", () => {
    for (const s of ["completed", "amended"])
      expect(score(phq9, fromQuestionnaireResponse(withStatus(s), phq9).answers).flags[0]?.id).toBe("self-harm");
  });
  it("reads an in-progress or stopped response only when asked", () => {
    for (const s of ["in-progress", "stopped"]) {
      expect(importIssues(() => fromQuestionnaireResponse(withStatus(s), phq9))).toEqual([
        [null, `the response has status "${s}" (not finished): pass { incomplete: "read" } to read it`],
      ]);
      expect(fromQuestionnaireResponse(withStatus(s), phq9, { incomplete: "read" }).answers["9"]).toBe(2);
    }
  });
  it("never reads one entered in error, nor an unknown status", () => {
    expect(
      importIssues(() => fromQuestionnaireResponse(withStatus("entered-in-error"), phq9, { incomplete: "read" })),
    ).toEqual([[null, 'the response has status "entered-in-error"']]);
    expect(importIssues(() => fromQuestionnaireResponse(withStatus("final"), phq9))[0]?.[1]).toMatch(
      /^status must be one of/,
    );
  });
});

describe("garbage in (property)", () => {
  const junk = fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true, maxDepth: 3 });
  const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: junk });
  const coding = maybe(
    fc.record(
      { system: maybe(fc.constant(LOINC)), code: maybe(fc.constantFrom(...FREQ)), extension: junk },
      { requiredKeys: [] },
    ),
  );
  const { item } = fc.letrec<{ item: unknown; answer: unknown }>((tie) => ({
    answer: maybe(
      fc.record(
        {
          valueCoding: coding,
          valueInteger: maybe(fc.integer({ min: -1, max: 4 })),
          extension: junk,
          item: maybe(fc.array(tie("item"), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    item: maybe(
      fc.record(
        {
          linkId: maybe(fc.constantFrom("1", "2", "9", "/44249-1/44260-8", "score.total", "x")),
          definition: junk,
          answer: maybe(fc.array(tie("answer"), { maxLength: 2 })),
          item: maybe(fc.array(tie("item"), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
  }));
  const response = maybe(
    fc.record(
      {
        resourceType: maybe(fc.constant("QuestionnaireResponse")),
        status: maybe(fc.constantFrom("completed", "in-progress", "entered-in-error")),
        questionnaire: maybe(
          fc.constantFrom("https://stepscore.dev/fhir/Questionnaire/phq9|1.0.0", "#f", "http://loinc.org/q/44249-1"),
        ),
        contained: maybe(
          fc.array(
            maybe(
              fc.record(
                {
                  resourceType: maybe(fc.constant("Questionnaire")),
                  id: maybe(fc.constant("f")),
                  item: junk,
                  code: junk,
                  url: junk,
                },
                { requiredKeys: [] },
              ),
            ),
            { maxLength: 2 },
          ),
        ),
        item: maybe(fc.array(item, { maxLength: 4 })),
      },
      { requiredKeys: ["resourceType"] },
    ),
  );

  it("gives a result or a FhirImportError, never anything else, and what it gives scores without throwing", () => {
    fc.assert(
      fc.property(
        response,
        fc.constantFrom(undefined, phq9),
        maybe(fc.constant(toQuestionnaire(phq9))),
        (qr, def, form) => {
          const options = form === undefined ? {} : { questionnaire: form as never, unknownItems: "ignore" as const };
          let out: ReturnType<typeof fromQuestionnaireResponse> | undefined;
          try {
            out =
              def === undefined
                ? fromQuestionnaireResponse(qr as never, undefined, options)
                : fromQuestionnaireResponse(qr as never, def, options);
          } catch (e) {
            expect(e).toBeInstanceOf(FhirImportError);
            return;
          }
          expect(Object.keys(out.answers)).toEqual(out.instrument.items.map((i) => i.id));
          safeScore(out.instrument, out.answers);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
