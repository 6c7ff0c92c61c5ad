// A QuestionnaireResponse from an EHR in, a score out, and Observations written back in one transaction.
// Run: npx tsx examples/fhir.ts   (prints the form summary, the score, the step and the transaction Bundle)
import { randomUUID } from "node:crypto";
import {
  fromQuestionnaireResponse,
  score,
  stratify,
  toObservations,
  toQuestionnaire,
  toStepObservation,
  toTransactionBundle,
  type FhirQuestionnaireResponse,
} from "../src/index.js";

// 1. Serve the form: a FHIR R4 Questionnaire any SDC filler (LHC-Forms, Smart Forms) renders and totals.
const form = toQuestionnaire("phq9");
console.log(
  `Questionnaire ${form.url ?? ""}|${form.version ?? ""}: ${String(form.item?.length)} items, LOINC panel ${form.code?.[0]?.code ?? "none"}`,
);

// 2. A response as an EHR sends it: an LHC-Forms rendering of the LOINC PHQ-9 panel, where linkIds are LOINC
//    code paths and answers LOINC answer codes, with the filler's own total (which stepscore recomputes).
const LOINC = "http://loinc.org";
const items = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];
const answerCodes = [
  "LA6569-3",
  "LA6570-1",
  "LA6569-3",
  "LA6570-1",
  "LA6568-5",
  "LA6569-3",
  "LA6571-9",
  "LA6570-1",
  "LA6569-3",
];
const fromEhr: FhirQuestionnaireResponse = {
  resourceType: "QuestionnaireResponse",
  id: "qr-2026-0042",
  questionnaire: "http://loinc.org/q/44249-1",
  status: "completed",
  subject: { reference: "Patient/example" },
  encounter: { reference: "Encounter/visit-7" },
  authored: "2026-03-01T09:30:00+01:00",
  item: [
    {
      linkId: "/44249-1",
      item: [
        ...items.map((code, i) => ({
          linkId: `/44249-1/${code}`,
          answer: [{ valueCoding: { system: LOINC, code: answerCodes[i] ?? "" } }],
        })),
        { linkId: "/44249-1/44261-6", answer: [{ valueInteger: 13 }] },
      ],
    },
  ],
};

// 3. Read it (the instrument is found from the LOINC panel canonical) and score it.
const { instrument, answers } = fromQuestionnaireResponse(fromEhr);
const result = score(instrument, answers);
console.log(
  `${instrument.shortTitle}: ${String(result.score)} (${result.band?.label ?? "no band"}); flags: ${result.flags.map((f) => f.id).join(", ") || "none"}`,
);

// 4. The stepped-care recommendation from every result at hand (here the PHQ-9 alone).
const steps = stratify([result]);
console.log(
  `${steps.step === null ? steps.stepLabel : `Step ${String(steps.step)} (${steps.stepLabel})`}${steps.urgent ? ", URGENT: " + steps.urgentActions.map((a) => a.action).join(" ") : ""}`,
);

// 5. Write it all back: the score Observation (LOINC 44261-6, the band as interpretation, the item-9 flag
//    as a component, derivedFrom the response) and the step Observation (derivedFrom the score), in one
//    transaction. The response is already stored in the EHR (it has an id), so it is referenced, not posted.
const context = { questionnaireResponse: fromEhr, issued: "2026-03-01T09:31:00+01:00" };
const observations = [...toObservations(result, context), toStepObservation(steps, context)];
const bundle = toTransactionBundle({ observations }, { uuid: randomUUID });
console.log(JSON.stringify(bundle, null, 2));
