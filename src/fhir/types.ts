/**
 * The few FHIR R4 shapes stepscore reads and writes, written out by hand so the library depends on no FHIR
 * type package. Only the fields stepscore uses are listed; resources from a FHIR client library (e.g.
 * `@medplum/fhirtypes`) are accepted wherever these are, since their extra fields do no harm.
 *
 * @module
 */

/** A FHIR Coding. @category FHIR */
export interface FhirCoding {
  /** Code system URI, e.g. "http://loinc.org". */
  readonly system?: string;
  /** Version of the code system (or of the pathway, for a stepped-care method). */
  readonly version?: string;
  /** The code, e.g. "44261-6". */
  readonly code?: string;
  /** Display text. */
  readonly display?: string;
  /** Extensions of `display` (a Questionnaire option's printed label, as `rendering-xhtml`). */
  readonly _display?: { readonly extension?: readonly FhirExtension[] };
  /** Extensions (itemWeight, ordinalValue on a coded answer). */
  readonly extension?: readonly FhirExtension[];
}

/** A FHIR CodeableConcept. @category FHIR */
export interface FhirCodeableConcept {
  /** Codings, most specific first. */
  readonly coding?: readonly FhirCoding[];
  /** Plain text. */
  readonly text?: string;
}

/** A FHIR Reference. @category FHIR */
export interface FhirReference {
  /** Relative, absolute or `urn:uuid:` reference, e.g. "Patient/123". */
  readonly reference?: string;
  /** Resource type the reference points to. */
  readonly type?: string;
  /** Text for display. */
  readonly display?: string;
}

/** A FHIR Expression (SDC calculatedExpression). @category FHIR */
export interface FhirExpression {
  /** What the expression computes, for people. */
  readonly description?: string;
  /** "text/fhirpath". */
  readonly language?: string;
  /** The expression. */
  readonly expression?: string;
}

/** A FHIR Quantity. @category FHIR */
export interface FhirQuantity {
  /** The number. */
  readonly value?: number;
  /** Unit for display. */
  readonly unit?: string;
  /** "http://unitsofmeasure.org". */
  readonly system?: string;
  /** UCUM code, e.g. "{score}" or "%". */
  readonly code?: string;
}

/** A FHIR extension, with the value types stepscore uses. @category FHIR */
export interface FhirExtension {
  /** The extension's canonical URL. */
  readonly url: string;
  /** Decimal value (itemWeight, ordinalValue). */
  readonly valueDecimal?: number;
  /** Integer value (minValue, maxValue). */
  readonly valueInteger?: number;
  /** String value. */
  readonly valueString?: string;
  /** Expression value (calculatedExpression). */
  readonly valueExpression?: FhirExpression;
  /** CodeableConcept value. */
  readonly valueCodeableConcept?: FhirCodeableConcept;
}

/** An allowed answer of a Questionnaire item. @category FHIR */
export interface FhirAnswerOption {
  /** Coded answer. */
  readonly valueCoding?: FhirCoding;
  /** Integer answer. */
  readonly valueInteger?: number;
  /** itemWeight and ordinalValue: what the answer scores. */
  readonly extension?: readonly FhirExtension[];
}

/** An item of a FHIR Questionnaire. @category FHIR */
export interface FhirQuestionnaireItem {
  /** Unique id of the item within the Questionnaire; stepscore uses the item number printed on the form. */
  readonly linkId: string;
  /** Concepts the item stands for (LOINC question codes). */
  readonly code?: readonly FhirCoding[];
  /** Label shown before the text, e.g. "1". */
  readonly prefix?: string;
  /** The question, or a short label where the licence does not allow the wording. */
  readonly text?: string;
  /** "group", "display", "choice", "integer", "decimal", "time", … */
  readonly type: string;
  /** Whether an answer is required to submit the form. */
  readonly required?: boolean;
  /** Whether the item repeats. */
  readonly repeats?: boolean;
  /** Whether the item is calculated and cannot be edited. */
  readonly readOnly?: boolean;
  /** Allowed answers. */
  readonly answerOption?: readonly FhirAnswerOption[];
  /** Extensions: calculatedExpression, minValue, maxValue. */
  readonly extension?: readonly FhirExtension[];
  /** Nested items. */
  readonly item?: readonly FhirQuestionnaireItem[];
}

/** A FHIR R4 Questionnaire. @category FHIR */
export interface FhirQuestionnaire {
  /** Always "Questionnaire". */
  readonly resourceType: "Questionnaire";
  /** Logical id. */
  readonly id?: string;
  /** Canonical URL. */
  readonly url?: string;
  /** Business version. */
  readonly version?: string;
  /** Computer-friendly name. */
  readonly name?: string;
  /** Human-friendly title. */
  readonly title?: string;
  /** "draft" | "active" | "retired" | "unknown". */
  readonly status: string;
  /** Resource types that can be the subject. */
  readonly subjectType?: readonly string[];
  /** Natural-language description (markdown). */
  readonly description?: string;
  /** Use and licensing restrictions (markdown). */
  readonly copyright?: string;
  /** Concepts the whole form stands for (the LOINC panel). */
  readonly code?: readonly FhirCoding[];
  /** Items. */
  readonly item?: readonly FhirQuestionnaireItem[];
}

/** One answer in a QuestionnaireResponse. @category FHIR */
export interface FhirResponseAnswer {
  /** Coded answer. */
  readonly valueCoding?: FhirCoding;
  /** Integer answer. */
  readonly valueInteger?: number;
  /** Decimal answer. */
  readonly valueDecimal?: number;
  /** Time answer, "HH:MM:SS". */
  readonly valueTime?: string;
  /** Text answer (not accepted for scored items). */
  readonly valueString?: string;
  /** Boolean answer (not accepted for scored items). */
  readonly valueBoolean?: boolean;
  /** Extensions (an itemWeight or ordinalValue carried with the answer). */
  readonly extension?: readonly FhirExtension[];
  /** Items nested under the answer. */
  readonly item?: readonly FhirResponseItem[];
}

/** An item of a QuestionnaireResponse. @category FHIR */
export interface FhirResponseItem {
  /** The Questionnaire item's linkId. */
  readonly linkId: string;
  /** Element definition or concept the item stands for, where the form gave one. */
  readonly definition?: string;
  /** The question as shown (never used for matching). */
  readonly text?: string;
  /** Answers. */
  readonly answer?: readonly FhirResponseAnswer[];
  /** Nested items (groups). */
  readonly item?: readonly FhirResponseItem[];
}

/** A FHIR R4 QuestionnaireResponse. @category FHIR */
export interface FhirQuestionnaireResponse {
  /** Always "QuestionnaireResponse". */
  readonly resourceType: "QuestionnaireResponse";
  /** Logical id. */
  readonly id?: string;
  /** Resources carried inside (a contained Questionnaire). */
  readonly contained?: readonly (FhirQuestionnaire | { readonly resourceType: string; readonly id?: string })[];
  /** Canonical of the Questionnaire answered, e.g. "https://stepscore.dev/fhir/Questionnaire/phq9|1.0.0". */
  readonly questionnaire?: string;
  /** "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped". */
  readonly status: string;
  /** Who the answers are about. */
  readonly subject?: FhirReference;
  /** Encounter during which the form was filled in. */
  readonly encounter?: FhirReference;
  /** When the answers were recorded. */
  readonly authored?: string;
  /** Who recorded the answers. */
  readonly author?: FhirReference;
  /** Items. */
  readonly item?: readonly FhirResponseItem[];
}

/** A component of an Observation (a subscale, a flag, a reason). @category FHIR */
export interface FhirObservationComponent {
  /** What the component is. */
  readonly code: FhirCodeableConcept;
  /** Numeric value. */
  readonly valueQuantity?: FhirQuantity;
  /** Integer value. */
  readonly valueInteger?: number;
  /** Boolean value. */
  readonly valueBoolean?: boolean;
  /** Text value. */
  readonly valueString?: string;
  /** Coded value. */
  readonly valueCodeableConcept?: FhirCodeableConcept;
  /** Why there is no value. */
  readonly dataAbsentReason?: FhirCodeableConcept;
  /** The band of the value. */
  readonly interpretation?: readonly FhirCodeableConcept[];
}

/** A FHIR R4 Observation. @category FHIR */
export interface FhirObservation {
  /** Always "Observation". */
  readonly resourceType: "Observation";
  /** Logical id. */
  readonly id?: string;
  /** "final" for every Observation stepscore makes. */
  readonly status: string;
  /** "survey". */
  readonly category?: readonly FhirCodeableConcept[];
  /** What was observed: a LOINC score code or a stepscore code. */
  readonly code: FhirCodeableConcept;
  /** The patient. */
  readonly subject?: FhirReference;
  /** The encounter. */
  readonly encounter?: FhirReference;
  /** When the answers were given. */
  readonly effectiveDateTime?: string;
  /** When the result was made available. */
  readonly issued?: string;
  /** Who is responsible for the result. */
  readonly performer?: readonly FhirReference[];
  /** Numeric value. */
  readonly valueQuantity?: FhirQuantity;
  /** Integer value. */
  readonly valueInteger?: number;
  /** Coded value. */
  readonly valueCodeableConcept?: FhirCodeableConcept;
  /** Why there is no value. */
  readonly dataAbsentReason?: FhirCodeableConcept;
  /** The band of the value. */
  readonly interpretation?: readonly FhirCodeableConcept[];
  /** Notes: flag messages, reasons. */
  readonly note?: readonly { readonly text: string }[];
  /** How the value was obtained. */
  readonly method?: FhirCodeableConcept;
  /** The QuestionnaireResponse (or Observations) the value was derived from. */
  readonly derivedFrom?: readonly FhirReference[];
  /** Subscales, flags, reasons. */
  readonly component?: readonly FhirObservationComponent[];
}

/** Any resource stepscore puts in a Bundle. @category FHIR */
export type FhirResource = FhirQuestionnaire | FhirQuestionnaireResponse | FhirObservation;

/** An entry of a transaction Bundle. @category FHIR */
export interface FhirBundleEntry {
  /** `urn:uuid:` for a resource created by the transaction. */
  readonly fullUrl?: string;
  /** The resource. */
  readonly resource: FhirResource;
  /** How the server should process the entry. */
  readonly request: { readonly method: "POST" | "PUT"; readonly url: string };
}

/** A FHIR R4 transaction Bundle. @category FHIR */
export interface FhirBundle {
  /** Always "Bundle". */
  readonly resourceType: "Bundle";
  /** Always "transaction". */
  readonly type: "transaction";
  /** Entries, processed as one transaction (left out when there are none). */
  readonly entry?: readonly FhirBundleEntry[];
}
