import type { StratifyResult } from "../stratify/evaluate.js";
import type { BandResult, InstrumentDefinition, Scale, ScaleOutcome, ScoreResult } from "../types.js";
import { fhirUrls, requireDefinition, scaleConcept, scalesOf } from "./shared.js";
import type {
  FhirCodeableConcept,
  FhirObservation,
  FhirObservationComponent,
  FhirQuestionnaireResponse,
  FhirReference,
} from "./types.js";

/** Where, when and from what, for {@link toObservations}. All optional. @category FHIR */
export interface ObservationContext {
  /** The patient, e.g. `{ reference: "Patient/123" }`. */
  readonly subject?: FhirReference;
  /** The encounter. */
  readonly encounter?: FhirReference;
  /** When the answers were given (FHIR dateTime); stepscore reads no clock. */
  readonly effectiveDateTime?: string;
  /** When the result was made available (FHIR instant). */
  readonly issued?: string;
  /** Who is responsible for the result. */
  readonly performer?: readonly FhirReference[];
  /** What the result was derived from, e.g. `[{ reference: "QuestionnaireResponse/42" }]`. */
  readonly derivedFrom?: readonly FhirReference[];
  /**
   * The response the result was scored from: fills in `subject`, `encounter`, `effectiveDateTime` (from
   * `authored`) and `derivedFrom` (when it has an id) where they are not given.
   */
  readonly questionnaireResponse?: FhirQuestionnaireResponse;
  /** The definition, for a result of an instrument that is not bundled. */
  readonly instrument?: InstrumentDefinition;
}

const SURVEY = [
  {
    coding: [
      { system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" },
    ],
  },
];

/**
 * The context fields every Observation shares, with the response's subject, encounter, date and id filling
 * gaps. Shared with the stepped-care Observation.
 */
export function observationBase(context: ObservationContext): Omit<FhirObservation, "code"> {
  const qr = context.questionnaireResponse;
  const subject = context.subject ?? qr?.subject;
  const encounter = context.encounter ?? qr?.encounter;
  const effective = context.effectiveDateTime ?? qr?.authored;
  const derivedFrom =
    context.derivedFrom ?? (qr?.id === undefined ? undefined : [{ reference: `QuestionnaireResponse/${qr.id}` }]);
  return {
    resourceType: "Observation",
    status: "final",
    category: SURVEY,
    ...(subject === undefined ? {} : { subject }),
    ...(encounter === undefined ? {} : { encounter }),
    ...(effective === undefined ? {} : { effectiveDateTime: effective }),
    ...(context.issued === undefined ? {} : { issued: context.issued }),
    ...(context.performer === undefined ? {} : { performer: context.performer }),
    // FHIR JSON allows no empty arrays: an empty derivedFrom means "none".
    ...(derivedFrom === undefined || derivedFrom.length === 0 ? {} : { derivedFrom }),
  };
}

/**
 * Writes a score result as FHIR R4 Observations (status `final`, category `survey`).
 *
 * One Observation per result: the primary score as `valueQuantity` (UCUM `{score}`, or `%` for percentage
 * scales), coded with the instrument's LOINC score code where one exists (44261-6 PHQ-9, 70274-6 GAD-7,
 * 55758-7 PHQ-2, 91147-9 PEG, 91351-7 STarT Back, 82237-9 NDI, 97909-6 ODI) and always with stepscore's own
 * code (`https://stepscore.dev/fhir/CodeSystem/scores`, `<instrument>-<scale>`; not LOINC). Its band is the `interpretation`; subscales are components (with their
 * bands); raised flags are components with `valueBoolean: true` and their messages in `note`. A score the
 * missing-data rule does not allow has no value but a `dataAbsentReason` whose text is the reason. Instruments with
 * subscales only (FABQ, BPI) get an Observation coded `<instrument>` that holds the components.
 *
 * @param result - what `score` returned
 * @param context - subject, encounter, effective date, the QuestionnaireResponse it came from
 * @returns the Observations
 * @throws RangeError when the result's instrument is not bundled and `context.instrument` is not given
 * @example
 * ```ts
 * const [obs] = toObservations(score("phq9", answers), { subject: { reference: "Patient/1" }, effectiveDateTime: "2026-03-01" });
 * obs?.code.coding?.[0]?.code;       // "44261-6"
 * obs?.interpretation?.[0]?.text;   // "Moderate"
 * ```
 * @category FHIR
 */
export function toObservations(result: ScoreResult, context: ObservationContext = {}): FhirObservation[] {
  const def = context.instrument ?? requireDefinition(result.instrument);
  const scales = scalesOf(def);
  const outcomes = result.scales as Readonly<Record<string, ScaleOutcome>>;
  const primary = def.score;
  const component: FhirObservationComponent[] = [];
  for (const scale of scales) {
    if (scale === primary) continue;
    const out = outcomes[scale.id];
    if (out !== undefined)
      component.push({
        code: scaleConcept(def, scale),
        ...valueOf(scale, out),
        ...interpretation(def, scale, out.band),
      });
  }
  for (const f of result.flags) {
    const display = f.label;
    component.push({
      code: { coding: [{ system: fhirUrls.flags, code: `${def.id}-${f.id}`, display }], text: display },
      valueBoolean: true,
    });
  }
  const main = primary === null ? undefined : outcomes[primary.id];
  const notes = result.flags.map((f) => f.message);
  const title = `${def.shortTitle} subscales`;
  const observation: FhirObservation = {
    ...observationBase(context),
    code:
      primary === null
        ? { coding: [{ system: fhirUrls.scores, code: def.id, display: title }], text: title }
        : scaleConcept(def, primary),
    ...(primary === null || main === undefined
      ? {}
      : { ...valueOf(primary, main), ...interpretation(def, primary, main.band) }),
    ...(notes.length === 0 ? {} : { note: notes.map((text) => ({ text })) }),
    method: {
      ...(result.method === null ? {} : { coding: [{ system: fhirUrls.scoringMethod, code: result.method }] }),
      text: `stepscore, ${def.id} definition ${result.version}${result.method === null ? "" : `: ${result.method}`}`,
    },
    ...(component.length === 0 ? {} : { component }),
  };
  return [observation];
}

function valueOf(
  scale: Scale,
  out: ScaleOutcome,
): Pick<FhirObservationComponent, "valueQuantity" | "dataAbsentReason"> {
  if (out.score === null) {
    return {
      dataAbsentReason: {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown", display: "Unknown" },
        ],
        text: out.reason ?? "not computable",
      },
    };
  }
  const unit = scale.method === "percent" ? "%" : "{score}";
  return { valueQuantity: { value: out.score, unit, system: "http://unitsofmeasure.org", code: unit } };
}

function interpretation(
  def: InstrumentDefinition,
  scale: Scale,
  band: BandResult | null,
): { interpretation?: FhirCodeableConcept[] } {
  if (band === null) return {};
  const coding = [{ system: fhirUrls.bands, code: `${def.id}-${scale.id}-${band.id}`, display: band.label }];
  return { interpretation: [{ coding, text: band.label }] };
}

/**
 * Writes a stepped-care recommendation from `stratify` as a FHIR R4 Observation. LOINC has no code for it,
 * so it is coded in stepscore's own system (`https://stepscore.dev/fhir/CodeSystem/stepped-care`, not LOINC):
 *
 * - `code` `step`; `valueInteger` the step; the pathway (id, version, title) as `method`. When `stratify` had
 *   nothing to assess (`step` null) there is no value but a `dataAbsentReason` (`not-performed`) saying so.
 * - A component `urgent` (`valueBoolean`), always present; when true, `interpretation` is also HL7 `AA`
 *   (critical: prompts immediate action) so an EHR's alerting sees it, and each urgent action is a note.
 * - One component per reason that fired, coded `<pathway id>-<rule id>` with the rule's label, its
 *   evidence as the value text; the step's care, follow-ups and domains not assessed as notes.
 *
 * Its `derivedFrom` should point at the score Observations: pass them in `context.derivedFrom`, or let
 * {@link toTransactionBundle} link them when all are posted together.
 *
 * @param result - what `stratify` returned
 * @param context - subject, encounter, effective date, derivedFrom (as for {@link toObservations})
 * @returns the Observation
 * @example
 * ```ts
 * const obs = toStepObservation(stratify([score(startback, [1, 0, 1, 1, 1, 0, 1, 1, 3])]), { subject: { reference: "Patient/1" } });
 * obs.valueInteger; // 3
 * obs.component?.[0]?.valueBoolean; // false (not urgent)
 * ```
 * @category FHIR
 */
export function toStepObservation(result: StratifyResult, context: ObservationContext = {}): FhirObservation {
  const system = fhirUrls.steppedCare;
  const p = result.pathway;
  const concept = (code: string, display: string): FhirCodeableConcept => ({
    coding: [{ system, code, display }],
    text: display,
  });
  const component: FhirObservationComponent[] = [
    { code: concept("urgent", "Urgent action needed"), valueBoolean: result.urgent },
    ...result.reasons.map((r) => ({
      code: concept(`${p.id}-${r.rule}`, r.label),
      valueString: r.evidence.length === 0 ? r.label : r.evidence.map((e) => e.text).join("; "),
    })),
  ];
  const notes = [
    result.step === null
      ? `${result.stepLabel}: ${result.care}`
      : `Step ${String(result.step)} (${result.stepLabel}): ${result.care}`,
    ...result.urgentActions.map((a) => `Urgent: ${a.label}. ${a.action}`),
    ...result.urgentNotChecked.map((u) => `Urgent rule not checked (${u.label}): ${u.reason}`),
    ...result.followUps.map((f) => `Follow-up: ${f.recommend}`),
    ...result.missing.map(
      (m) =>
        `Not assessed: ${m.label}${m.couldRaiseStepTo === null ? "" : ` (could raise the step to ${String(m.couldRaiseStepTo)})`}`,
    ),
  ];
  return {
    ...observationBase(context),
    code: concept("step", "Stepped-care step"),
    ...(result.step === null
      ? {
          dataAbsentReason: {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/data-absent-reason",
                code: "not-performed",
                display: "Not Performed",
              },
            ],
            text: result.care,
          },
        }
      : { valueInteger: result.step }),
    ...(result.urgent
      ? {
          interpretation: [
            {
              coding: [
                {
                  system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                  code: "AA",
                  display: "Critical abnormal",
                },
              ],
              text: "Urgent action needed",
            },
          ],
        }
      : {}),
    note: notes.map((text) => ({ text })),
    method: { coding: [{ system, version: p.version, code: p.id, display: p.title }], text: `${p.title} ${p.version}` },
    component,
  };
}
