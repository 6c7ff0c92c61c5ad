import { fhirUrls } from "./shared.js";
import type {
  FhirBundle,
  FhirBundleEntry,
  FhirObservation,
  FhirQuestionnaireResponse,
  FhirReference,
  FhirResource,
} from "./types.js";

/** What {@link toTransactionBundle} posts. @category FHIR */
export interface Assessment {
  /** The response the observations were scored from; left out when it is already on the server and unchanged. */
  readonly questionnaireResponse?: FhirQuestionnaireResponse;
  /** From {@link toObservations} and {@link toStepObservation}. */
  readonly observations: readonly FhirObservation[];
}

/** Options for {@link toTransactionBundle}. @category FHIR */
export interface TransactionOptions {
  /**
   * A new UUID for each resource the transaction creates, e.g. `() => crypto.randomUUID()`. stepscore has
   * no source of randomness of its own, so ids stay in the caller's hands (and tests stay deterministic).
   */
  readonly uuid: () => string;
}

/**
 * Packs a whole assessment, the QuestionnaireResponse and its Observations, into one FHIR R4 transaction
 * Bundle, so a server stores all of it or none.
 *
 * A resource without an id is created (`POST`, `fullUrl` `urn:uuid:` from `options.uuid`); one with an id
 * is updated (`PUT <type>/<id>`). Each score Observation's `derivedFrom` points at the response in the same
 * transaction (replacing any other QuestionnaireResponse reference), and a stepped-care Observation's at
 * the score Observations, so the server links them all on commit.
 *
 * @param assessment - the response (optional) and the observations
 * @param options - `uuid`: makes the `urn:uuid:` of each created resource
 * @returns a Bundle of type `transaction`, ready to POST to the server's base URL
 * @example
 * ```ts
 * const bundle = toTransactionBundle(
 *   { questionnaireResponse: qr, observations: toObservations(result, { questionnaireResponse: qr }) },
 *   { uuid: () => crypto.randomUUID() },
 * );
 * await fetch(`${fhirBase}`, { method: "POST", body: JSON.stringify(bundle), headers: { "content-type": "application/fhir+json" } });
 * ```
 * @category FHIR
 */
export function toTransactionBundle(assessment: Assessment, options: TransactionOptions): FhirBundle {
  // Every reference is known before any entry is built, so each resource can point at the others.
  const refOf = (r: FhirResource): string => {
    if (r.id !== undefined) return `${r.resourceType}/${r.id}`;
    const id = options.uuid();
    return id.startsWith("urn:uuid:") ? id : `urn:uuid:${id}`;
  };
  const qr = assessment.questionnaireResponse;
  const qrRef = qr === undefined ? undefined : refOf(qr);
  const observations = assessment.observations;
  const refs = observations.map(refOf);
  const scoreRefs = refs.filter((_, i) => !isStep(observations[i]));
  const entry: FhirBundleEntry[] = [];
  const add = (resource: FhirResource, ref: string): void => {
    entry.push(
      ref.startsWith("urn:uuid:")
        ? { fullUrl: ref, resource, request: { method: "POST", url: resource.resourceType } }
        : { resource, request: { method: "PUT", url: ref } },
    );
  };
  if (qr !== undefined && qrRef !== undefined) add(qr, qrRef);
  observations.forEach((obs, i) => {
    const links: FhirReference[] = isStep(obs)
      ? scoreRefs.map((reference) => ({ reference, type: "Observation" }))
      : qrRef === undefined
        ? []
        : [{ reference: qrRef, type: "QuestionnaireResponse" }];
    const kept = (obs.derivedFrom ?? []).filter(
      (r) => !(qrRef !== undefined && isResponseRef(r)) && !links.some((l) => l.reference === r.reference),
    );
    const derivedFrom = [...links, ...kept];
    const linked: FhirObservation = { ...obs, derivedFrom };
    if (derivedFrom.length === 0) delete (linked as { derivedFrom?: unknown }).derivedFrom;
    add(linked, refs[i] ?? "");
  });
  return { resourceType: "Bundle", type: "transaction", ...(entry.length === 0 ? {} : { entry }) };
}

const isResponseRef = (r: FhirReference): boolean =>
  r.type === "QuestionnaireResponse" || (r.reference?.startsWith("QuestionnaireResponse/") ?? false);

/** A stepped-care Observation (from `toStepObservation`): it derives from the score Observations. */
const isStep = (o: FhirObservation | undefined): boolean =>
  o?.code.coding?.some((c) => c.system === fhirUrls.steppedCare && c.code === "step") ?? false;
