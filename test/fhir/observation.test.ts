// toObservations and toTransactionBundle: valid R4 for every instrument and answer pattern, the numbers and
// bands of the result, LOINC codes where they exist, stepscore's codes otherwise, and the links between them.
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  fromQuestionnaireResponse,
  instruments,
  phq9,
  phq2,
  safeScore,
  score,
  startback,
  stratify,
  toObservations,
  toStepObservation,
  toQuestionnaireResponse,
  toTransactionBundle,
  type FhirObservation,
  type InstrumentDefinition,
  type ScaleOutcome,
} from "../../src/index.js";
import { answerSet } from "../../src/testing/arbitraries.js";
import { fhirIssues, loadR4 } from "./helpers.js";

const all = Object.values(instruments) as InstrumentDefinition[];
const SCORES = "https://stepscore.dev/fhir/CodeSystem/scores";
const FLAGS = "https://stepscore.dev/fhir/CodeSystem/flags";
/** The LOINC score codes, each checked against loinc.org (see the report on LOINC codes). */
const LOINC_SCORE: Readonly<Record<string, string>> = {
  phq9: "44261-6",
  phq2: "55758-7",
  gad7: "70274-6",
  phq4: "70272-0",
  odi: "97909-6",
  ndi: "82237-9",
  startback: "91351-7",
  peg: "91147-9",
  // From instruments-2 (PHQ-15 verified in LOINC's own Questionnaire; the others from secondary sources).
  auditc: "75626-2",
  audit: "75624-7",
  phq15: "70273-8",
  pcptsd5: "102017-1",
  koosjr: "82332-8",
  hoosjr: "82323-7",
};

beforeAll(loadR4);

describe("toObservations", () => {
  describe.each(all.map((d) => [d.id, d] as const))("%s", (_, def) => {
    const valid = (a: readonly unknown[]): boolean => safeScore(def, a).success;

    it("writes valid FHIR R4 Observations carrying the result's scores, bands and flags", () => {
      fc.assert(
        fc.property(fc.oneof(answerSet(def), answerSet(def, { missingRate: 0.3 })), (answers) => {
          fc.pre(valid(answers));
          const r = score(def, answers as never);
          const observations = toObservations(r, {
            subject: { reference: "Patient/p1" },
            effectiveDateTime: "2026-03-01",
          });
          expect(observations).toHaveLength(1);
          const obs = observations[0] as FhirObservation;
          expect(fhirIssues(obs)).toEqual([]);
          expect(obs.status).toBe("final");
          const outcomes = r.scales as Readonly<Record<string, ScaleOutcome>>;
          if (def.score !== null) {
            const codes = obs.code.coding?.map((c) => `${c.system ?? ""}|${c.code ?? ""}`);
            const loinc = LOINC_SCORE[def.id];
            expect(codes).toEqual([
              ...(loinc === undefined ? [] : [`http://loinc.org|${loinc}`]),
              `${SCORES}|${def.id}-${def.score.id}`,
            ]);
            if (r.score === null) {
              expect(obs.valueQuantity).toBeUndefined();
              expect(obs.dataAbsentReason?.text).toBe(r.reason);
            } else {
              expect(obs.valueQuantity?.value).toBe(r.score);
              expect(obs.valueQuantity?.code).toBe(def.score.method === "percent" ? "%" : "{score}");
            }
            expect(obs.interpretation?.[0]?.text).toBe(r.band?.label);
          } else {
            expect(obs.code.coding?.[0]).toMatchObject({ system: SCORES, code: def.id });
            expect(obs.valueQuantity).toBeUndefined();
            expect(obs.dataAbsentReason).toBeUndefined();
          }
          for (const sub of def.subscales ?? []) {
            // Subscales and flags are told apart by their code system: a flag may share a subscale's id (AHC HRSN).
            const c = obs.component?.find(
              (x) => x.code.coding?.[0]?.system === SCORES && x.code.coding[0].code === `${def.id}-${sub.id}`,
            );
            const out = outcomes[sub.id];
            expect(c?.valueQuantity?.value).toBe(out?.score ?? undefined);
            expect(c?.interpretation?.[0]?.text).toBe(out?.band?.label);
          }
          for (const f of r.flags) {
            expect(
              obs.component?.find(
                (x) => x.code.coding?.[0]?.system === FLAGS && x.code.coding[0].code === `${def.id}-${f.id}`,
              )?.valueBoolean,
            ).toBe(true);
            expect(obs.note?.map((n) => n.text)).toContain(f.message);
          }
        }),
        { numRuns: 25 },
      );
    });
  });

  it("codes a PHQ-9 total with LOINC 44261-6, its band as interpretation, item 9 as a flag component", () => {
    const [obs] = toObservations(score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 1]));
    expect(obs?.code.coding?.[0]).toEqual({ system: "http://loinc.org", code: "44261-6" });
    expect(obs?.valueQuantity).toEqual({
      value: 13,
      unit: "{score}",
      system: "http://unitsofmeasure.org",
      code: "{score}",
    });
    expect(obs?.interpretation).toEqual([
      {
        coding: [
          { system: "https://stepscore.dev/fhir/CodeSystem/bands", code: "phq9-total-moderate", display: "Moderate" },
        ],
        text: "Moderate",
      },
    ]);
    expect(obs?.component?.[0]?.code.coding?.[0]?.code).toBe("phq9-self-harm");
    expect(obs?.method?.coding?.[0]?.code).toBe("complete");
    expect(obs?.category?.[0]?.coding?.[0]?.code).toBe("survey");
  });

  it("writes a percentage scale in % and a prorated score with its method", () => {
    expect(toObservations(score("odi", [2, 1, 3, 2, 2, 3, 1, 2, 2, 1]))[0]?.valueQuantity?.code).toBe("%");
    // The CMS MDS worked example: 10 × 9/8 = 11.25 → 11.
    const prorated = toObservations(score(phq9, [2, 2, 1, 1, 0, 1, 2, 1, null], { missing: "cms-mds" }))[0];
    expect(prorated?.method?.coding?.[0]?.code).toBe("prorated");
    expect(prorated?.valueQuantity?.value).toBe(11);
  });

  it("takes subject, encounter, date and derivedFrom from the QuestionnaireResponse unless given", () => {
    const qr = {
      ...toQuestionnaireResponse(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0], {
        subject: { reference: "Patient/p1" },
        encounter: { reference: "Encounter/e1" },
        authored: "2026-03-01T09:00:00Z",
      }),
      id: "qr1",
    };
    const result = score(fromQuestionnaireResponse(qr).instrument, fromQuestionnaireResponse(qr).answers);
    const [obs] = toObservations(result, { questionnaireResponse: qr, issued: "2026-03-01T09:05:00Z" });
    expect(obs).toMatchObject({
      subject: { reference: "Patient/p1" },
      encounter: { reference: "Encounter/e1" },
      effectiveDateTime: "2026-03-01T09:00:00Z",
      issued: "2026-03-01T09:05:00Z",
      derivedFrom: [{ reference: "QuestionnaireResponse/qr1" }],
    });
    const [own] = toObservations(result, {
      questionnaireResponse: qr,
      subject: { reference: "Patient/p2" },
      effectiveDateTime: "2026-03-02",
      derivedFrom: [],
      performer: [{ reference: "Practitioner/d1" }],
    });
    expect(own).toMatchObject({
      subject: { reference: "Patient/p2" },
      effectiveDateTime: "2026-03-02",
      performer: [{ reference: "Practitioner/d1" }],
    });
    // An empty derivedFrom means none (FHIR JSON has no empty arrays).
    expect(own?.derivedFrom).toBeUndefined();
  });

  it("needs the definition for an instrument that is not bundled", () => {
    const custom = { ...phq9, id: "myphq" } as InstrumentDefinition;
    const r = score(custom, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => toObservations(r)).toThrow(/unknown instrument id "myphq"/);
    expect(toObservations(r, { instrument: custom })[0]?.code.coding?.[1]?.code).toBe("myphq-total");
  });
});

describe("toStepObservation", () => {
  const results = [score(startback, [1, 0, 1, 1, 1, 0, 1, 1, 3]), score(phq9, [1, 1, 1, 1, 1, 0, 0, 0, 1])];

  it("writes the step as a valid Observation: value, pathway, urgency and every reason", () => {
    const s = stratify(results);
    const obs = toStepObservation(s, { subject: { reference: "Patient/p1" }, effectiveDateTime: "2026-03-01" });
    expect(fhirIssues(obs)).toEqual([]);
    expect(obs.code.coding?.[0]).toEqual({
      system: "https://stepscore.dev/fhir/CodeSystem/stepped-care",
      code: "step",
      display: "Stepped-care step",
    });
    expect(obs.valueInteger).toBe(s.step);
    expect(obs.method?.coding?.[0]).toMatchObject({ code: s.pathway.id, version: s.pathway.version });
    expect(obs.component?.[0]).toMatchObject({ code: { coding: [{ code: "urgent" }] }, valueBoolean: true });
    expect(obs.interpretation?.[0]?.coding?.[0]?.code).toBe("AA");
    expect(obs.component?.slice(1).map((c) => c.code.coding?.[0]?.code)).toEqual(
      s.reasons.map((r) => `${s.pathway.id}-${r.rule}`),
    );
    expect(obs.note?.[0]?.text).toBe(`Step ${String(s.step)} (${s.stepLabel}): ${s.care}`);
    expect(obs.note?.some((n) => n.text.startsWith("Urgent: "))).toBe(true);
    expect(obs.subject).toEqual({ reference: "Patient/p1" });
  });

  it("has no interpretation when nothing is urgent, and notes what was not assessed", () => {
    const s = stratify([score(phq2, [2, 2])]);
    const obs = toStepObservation(s);
    expect(fhirIssues(obs)).toEqual([]);
    expect(obs.component?.[0]?.valueBoolean).toBe(false);
    expect(obs.interpretation).toBeUndefined();
    expect(obs.note?.filter((n) => n.text.startsWith("Not assessed: "))).toHaveLength(s.missing.length);
  });

  it("writes no value but a data-absent reason when nothing was assessed (never step 1 for nothing)", () => {
    const s = stratify([score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, null])]);
    expect(s.step).toBeNull();
    const obs = toStepObservation(s);
    expect(fhirIssues(obs)).toEqual([]);
    expect(obs.valueInteger).toBeUndefined();
    expect(obs.dataAbsentReason?.coding?.[0]?.code).toBe("not-performed");
    expect(obs.note?.[0]?.text).toBe(`Not assessed: ${s.care}`);
  });

  it("is linked in a transaction to the score Observations it came from", () => {
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
    const qr = toQuestionnaireResponse(phq9, [1, 1, 1, 1, 1, 0, 0, 0, 1]);
    const scoreObs = results.flatMap((r) => toObservations(r));
    const bundle = toTransactionBundle(
      { questionnaireResponse: qr, observations: [...scoreObs, toStepObservation(stratify(results))] },
      { uuid },
    );
    expect(fhirIssues(bundle)).toEqual([]);
    const step = bundle.entry?.[3]?.resource as FhirObservation;
    expect(step.derivedFrom).toEqual([
      { reference: bundle.entry?.[1]?.fullUrl, type: "Observation" },
      { reference: bundle.entry?.[2]?.fullUrl, type: "Observation" },
    ]);
  });
});

describe("toTransactionBundle", () => {
  const uuids = (): (() => string) => {
    let n = 0;
    return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
  };
  const qr = toQuestionnaireResponse(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 1], {
    subject: { reference: "Patient/p1" },
    authored: "2026-03-01",
  });
  const observations = toObservations(score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 1]), { questionnaireResponse: qr });

  it("posts a new response and its observations in one valid transaction, linked by urn:uuid", () => {
    const bundle = toTransactionBundle({ questionnaireResponse: qr, observations }, { uuid: uuids() });
    expect(fhirIssues(bundle)).toEqual([]);
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry?.map((e) => [e.fullUrl, e.request])).toEqual([
      ["urn:uuid:00000000-0000-4000-8000-000000000001", { method: "POST", url: "QuestionnaireResponse" }],
      ["urn:uuid:00000000-0000-4000-8000-000000000002", { method: "POST", url: "Observation" }],
    ]);
    const obs = bundle.entry?.[1]?.resource as FhirObservation;
    expect(obs.derivedFrom).toEqual([
      { reference: "urn:uuid:00000000-0000-4000-8000-000000000001", type: "QuestionnaireResponse" },
    ]);
    expect(obs.subject).toEqual({ reference: "Patient/p1" });
  });

  const uuid = uuids();

  it("updates a stored response by id, keeps other derivedFrom references, and can leave the response out", () => {
    const stored = { ...qr, id: "qr9" };
    const linked = observations.map((o) => ({
      ...o,
      derivedFrom: [{ reference: "QuestionnaireResponse/old" }, { reference: "Observation/o1" }],
    }));
    const bundle = toTransactionBundle(
      { questionnaireResponse: stored, observations: linked },
      { uuid: () => "urn:uuid:11111111-1111-4111-8111-111111111111" },
    );
    expect(fhirIssues(bundle)).toEqual([]);
    expect(bundle.entry?.[0]?.request).toEqual({ method: "PUT", url: "QuestionnaireResponse/qr9" });
    expect(bundle.entry?.[0]?.fullUrl).toBeUndefined();
    expect((bundle.entry?.[1]?.resource as FhirObservation).derivedFrom).toEqual([
      { reference: "QuestionnaireResponse/qr9", type: "QuestionnaireResponse" },
      { reference: "Observation/o1" },
    ]);
    const only = toTransactionBundle(
      { observations: [{ ...(observations[0] as FhirObservation), id: "o7" }] },
      { uuid: uuids() },
    );
    expect(only.entry?.map((e) => e.request)).toEqual([{ method: "PUT", url: "Observation/o7" }]);
    expect(toTransactionBundle({ observations: [] }, { uuid })).toEqual({
      resourceType: "Bundle",
      type: "transaction",
    });
  });
});
