import { getInstrument } from "../registry.js";
import { scoredValue } from "../rules/items.js";
import type { ChoiceItem, InstrumentDefinition, Scale } from "../types.js";
import type { FhirCodeableConcept, FhirCoding } from "./types.js";

/**
 * The URLs stepscore uses in FHIR resources. The `CodeSystem` ones are stepscore's own code systems, **not
 * LOINC**: they name what LOINC has no code for (most totals and subscales, bands, flags, stepped-care steps).
 * Codes are built from stable ids: scores `<instrument>-<scale>` (e.g. `pcs-rumination`), bands
 * `<instrument>-<scale>-<band>`, flags `<instrument>-<flag>`, stepped care `step`, `urgent` and
 * `<pathway>-<rule>`; answers without a LOINC answer code use the system `answers-<instrument>` with the
 * value printed on the form as the code.
 *
 * @example
 * ```ts
 * fhirUrls.scores; // "https://stepscore.dev/fhir/CodeSystem/scores"
 * ```
 * @category FHIR
 */
// Written out in full: a template literal at module level would keep this object in every bundle.
export const fhirUrls = {
  /** Base of the Questionnaire canonicals: `<questionnaire>/<instrument id>`, versioned by the definition. */
  questionnaire: "https://stepscore.dev/fhir/Questionnaire",
  /** Totals and subscales without a LOINC code: `<instrument>-<scale>`. */
  scores: "https://stepscore.dev/fhir/CodeSystem/scores",
  /** Bands: `<instrument>-<scale>-<band>`. */
  bands: "https://stepscore.dev/fhir/CodeSystem/bands",
  /** Flags: `<instrument>-<flag>`. */
  flags: "https://stepscore.dev/fhir/CodeSystem/flags",
  /** How a score was obtained: complete, prorated, partial, insufficient. */
  scoringMethod: "https://stepscore.dev/fhir/CodeSystem/scoring-method",
  /** Prefix of the answer code systems for options without a LOINC code: `…/answers-pcs`, code = the value. */
  answers: "https://stepscore.dev/fhir/CodeSystem/answers-",
  /** Stepped-care results: `step`, `urgent`, `<pathway>-<rule>` for reasons, the pathway id as method. */
  steppedCare: "https://stepscore.dev/fhir/CodeSystem/stepped-care",
} as const;

export const LOINC = "http://loinc.org";
export const ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";
export const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
export const CALCULATED = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
export const RENDERING_XHTML = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml";

/** The definition itself, or the bundled one with this id; throws a RangeError naming an unknown id. */
export function requireDefinition(instrument: InstrumentDefinition | string): InstrumentDefinition {
  if (typeof instrument !== "string") return instrument;
  const def = getInstrument(instrument);
  if (def === undefined) throw new RangeError(`unknown instrument id "${instrument}"`);
  return def;
}

export { scalesOf } from "../rules/items.js";

/** The linkId of a scale's calculated item; the dot keeps it apart from item numbers. */
export const scoreLinkId = (scale: Scale): string => `score.${scale.id}`;

export const answerSystem = (def: InstrumentDefinition): string => fhirUrls.answers + def.id;

/** What an option contributes to scales: its score, then reverse keying (rules/items.ts, as the engine does). */
export const weightOf: (item: ChoiceItem, value: number) => number = scoredValue;

/**
 * The coding of an option: its LOINC answer code where there is one, else stepscore's answer code. A LOINC
 * coding shows LOINC's display (a validator checks it against the code): `loincDisplay` where it differs from
 * the printed label, else the label. Where the licence withholds wording, LOINC's display is the withheld
 * text (the NDI's statements) and the neutral label would not match it, so the coding has no display.
 */
export function optionCoding(def: InstrumentDefinition, option: ChoiceItem["options"][number]): FhirCoding {
  if (option.loinc === undefined)
    return { system: answerSystem(def), code: String(option.value), display: option.label };
  const display = option.loincDisplay ?? (def.licence.redistributeWording ? option.label : undefined);
  return display === undefined ? { system: LOINC, code: option.loinc } : { system: LOINC, code: option.loinc, display };
}

/** The code of a scale: the LOINC score code for the primary score where one exists, and stepscore's. */
export function scaleConcept(def: InstrumentDefinition, scale: Scale): FhirCodeableConcept & { coding: FhirCoding[] } {
  const own = { system: fhirUrls.scores, code: `${def.id}-${scale.id}`, display: `${def.shortTitle} ${scale.label}` };
  const loinc = scale === def.score ? def.loinc?.score : undefined;
  return { coding: loinc === undefined ? [own] : [{ system: LOINC, code: loinc }, own], text: own.display };
}
