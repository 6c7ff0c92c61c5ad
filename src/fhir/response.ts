import { instruments, getInstrument, type InstrumentId, type Instruments } from "../registry.js";
import { score } from "../score.js";
import { bounded, clip, describeValue, listed, MAX_QUOTED, quote } from "../errors.js";
import type { AnswersInput, AnswerValue, InstrumentDefinition, Item, ItemId } from "../types.js";
import {
  answerSystem,
  fhirUrls,
  ITEM_WEIGHT,
  LOINC,
  optionCoding,
  ORDINAL_VALUE,
  requireDefinition,
  weightOf,
} from "./shared.js";
import { shapeIssues } from "./shape.js";
import type {
  FhirAnswerOption,
  FhirCoding,
  FhirExtension,
  FhirQuestionnaire,
  FhirQuestionnaireItem,
  FhirQuestionnaireResponse,
  FhirReference,
  FhirResponseAnswer,
  FhirResponseItem,
} from "./types.js";

/** Who and when, for {@link toQuestionnaireResponse}. All optional. @category FHIR */
export interface ResponseContext {
  /** Logical id of the response. */
  readonly id?: string;
  /** Defaults to "completed". */
  readonly status?: "in-progress" | "completed" | "amended";
  /** The patient, e.g. `{ reference: "Patient/123" }`. */
  readonly subject?: FhirReference;
  /** The encounter. */
  readonly encounter?: FhirReference;
  /** When the answers were given (FHIR dateTime); stepscore reads no clock. */
  readonly authored?: string;
  /** Who recorded the answers. */
  readonly author?: FhirReference;
}

/**
 * Writes answers as a FHIR R4 QuestionnaireResponse to the Questionnaire from {@link toQuestionnaire}: one
 * item per answered question (`linkId` = item id), coded answers as their option's Coding, numbers as
 * `valueInteger`/`valueDecimal`, clock times as `valueTime`. Unanswered items are left out; scores are not
 * written into the response (a form filler recalculates them; {@link toObservations} records them).
 *
 * @param instrument - a definition or a bundled instrument's id
 * @param answers - array or record, as for `score`
 * @param context - id, status, subject, encounter, authored, author
 * @returns the QuestionnaireResponse
 * @throws ScoreInputError when the answers are invalid (as `score` would)
 * @example
 * ```ts
 * const qr = toQuestionnaireResponse("phq9", [1, 2, 1, 2, 0, 1, 3, 2, 0], { subject: { reference: "Patient/1" } });
 * qr.item?.[0]?.answer?.[0]?.valueCoding?.code; // "LA6569-3" (Several days)
 * ```
 * @category FHIR
 */
export function toQuestionnaireResponse<const D extends InstrumentDefinition>(
  instrument: D,
  answers: AnswersInput<D>,
  context?: ResponseContext,
): FhirQuestionnaireResponse;
export function toQuestionnaireResponse<K extends InstrumentId>(
  instrument: K,
  answers: AnswersInput<Instruments[K]>,
  context?: ResponseContext,
): FhirQuestionnaireResponse;
export function toQuestionnaireResponse(
  instrument: InstrumentDefinition | string,
  answers: AnswersInput,
  context: ResponseContext = {},
): FhirQuestionnaireResponse {
  const def = requireDefinition(instrument);
  // Validated and normalised exactly as scoring would, so what is written is what scores.
  const valid = score(def, answers).answers as Readonly<Record<string, AnswerValue>>;
  const item: FhirResponseItem[] = [];
  for (const it of def.items) {
    const v = valid[it.id];
    if (v === null || v === undefined) continue;
    const text = def.licence.redistributeWording && it.text !== undefined ? it.text : it.label;
    item.push({ linkId: it.id, text, answer: [answerFor(def, it, v)] });
  }
  return {
    resourceType: "QuestionnaireResponse",
    ...(context.id === undefined ? {} : { id: context.id }),
    questionnaire: `${fhirUrls.questionnaire}/${def.id}|${def.version}`,
    status: context.status ?? "completed",
    ...(context.subject === undefined ? {} : { subject: context.subject }),
    ...(context.encounter === undefined ? {} : { encounter: context.encounter }),
    ...(context.authored === undefined ? {} : { authored: context.authored }),
    ...(context.author === undefined ? {} : { author: context.author }),
    // FHIR JSON allows no empty arrays.
    ...(item.length === 0 ? {} : { item }),
  };
}

function answerFor(def: InstrumentDefinition, it: Item, v: number | string): FhirResponseAnswer {
  if (it.kind === "time") return { valueTime: `${String(v)}:00` };
  if (it.kind === "number") return it.integer ? { valueInteger: v as number } : { valueDecimal: v as number };
  const option = it.options.find((o) => o.value === v);
  return option === undefined ? { valueInteger: v as number } : { valueCoding: optionCoding(def, option) };
}

/** One problem found reading a QuestionnaireResponse. @category FHIR */
export interface FhirImportIssue {
  /** The linkId of the item at fault, or null for the response as a whole. */
  readonly linkId: string | null;
  /** The offending value (an answer, a code, a canonical). */
  readonly value: unknown;
  /** What is wrong, in a sentence. */
  readonly message: string;
}

/**
 * Thrown by {@link fromQuestionnaireResponse} when a response cannot be read as the instrument's answers:
 * anything not of R4 JSON shape (an `item` or `answer` that is not an array, a null entry, a linkId or
 * `questionnaire` that is not a string, items nested more than 64 levels deep), a status not read, an
 * unknown item, an answer not in the item's value set, repeated answers, the wrong answer type, or an
 * instrument that cannot be told. `issues` names each linkId (at most 50, the last then saying how many
 * more; the message lists 10).
 *
 * @category FHIR
 */
export class FhirImportError extends Error {
  /** One entry per problem. */
  readonly issues: readonly FhirImportIssue[];

  /**
   * @param title - the instrument's short title, or "QuestionnaireResponse"
   * @param issues - one per problem
   */
  constructor(title: string, issues: readonly FhirImportIssue[]) {
    // Bounded whatever the response: its first problems, then how many more.
    const kept = bounded(issues, (n) => ({ linkId: null, value: n, message: `and ${String(n)} more problems` })).map(
      (i) => (i.linkId !== null && i.linkId.length > MAX_QUOTED ? { ...i, linkId: clip(i.linkId) } : i),
    );
    const lines = kept.map((i) => (i.linkId === null ? i.message : `linkId ${quote(i.linkId)}: ${i.message}`));
    super(
      `${title}: ${String(issues.length)} problem${issues.length === 1 ? "" : "s"} reading the QuestionnaireResponse: ${listed(lines)}`,
    );
    this.name = "FhirImportError";
    this.issues = kept;
  }
}

/** Options for {@link fromQuestionnaireResponse}. @category FHIR */
export interface FromResponseOptions {
  /**
   * The Questionnaire the response answers, when it is not stepscore's own (otherwise a contained one is
   * used): its items' LOINC codes match linkIds to items, its panel code or url tells the instrument, and its
   * answer options' itemWeight/ordinalValue match answers coded in other systems.
   */
  readonly questionnaire?: FhirQuestionnaire;
  /** An answered item the instrument does not have: "error" (default) or "ignore" (a form with extra questions). */
  readonly unknownItems?: "error" | "ignore";
  /**
   * A response that is not finished (status `in-progress`, or `stopped`: abandoned part way): "error"
   * (default) or "read". Responses with status `completed` or `amended` are always read, `entered-in-error`
   * never.
   */
  readonly incomplete?: "error" | "read";
}

/** Answers read from a QuestionnaireResponse, ready for `score(instrument, answers)`. @category FHIR */
export interface ImportedAnswers<D extends InstrumentDefinition = InstrumentDefinition> {
  /** The instrument, as given or as found from the response. */
  readonly instrument: D;
  /** Every item id, with its answer or null when not answered. */
  readonly answers: { readonly [K in ItemId<D>]: AnswerValue };
}

/**
 * Reads a FHIR R4 QuestionnaireResponse as answers ready for `score`.
 *
 * Items are matched by linkId (stepscore's own forms use the item ids) or by LOINC code: the linkId's last
 * path segment (`/44249-1/44250-9`), `definition`, or the answered Questionnaire's item codes. Display text
 * is never used. Answers are matched by code (LOINC answer code or stepscore's), by `valueInteger` /
 * `valueDecimal` (the printed value), or by an `itemWeight`/`ordinalValue` on the answer or on the answered
 * Questionnaire's option. Groups and answers nested at any depth are read; the form's calculated score items
 * are skipped (stepscore recomputes them). Without `instrument`, the instrument is found from the
 * `questionnaire` canonical (stepscore's, or one ending in a LOINC panel code such as
 * `http://loinc.org/q/44249-1`) or the answered Questionnaire's panel code.
 *
 * The response is checked against the R4 JSON shape first: an `item` or `answer` that is not an array, a
 * null entry, a linkId, `questionnaire` or code that is not a string, items nested more than 64 levels deep
 * are each an issue naming the linkId, never an answer silently lost. Responses with status `completed` or
 * `amended` are read; `in-progress` and `stopped` only with `{ incomplete: "read" }`; `entered-in-error`
 * never.
 *
 * @param qr - the response (plain JSON)
 * @param instrument - the instrument, when known; otherwise it is found from the response
 * @param options - the answered Questionnaire; what to do with unknown items and unfinished responses
 * @returns `{ instrument, answers }`: pass both to `score`
 * @throws {@link FhirImportError} naming each linkId at fault
 * @example
 * ```ts
 * const { instrument, answers } = fromQuestionnaireResponse(qr); // instrument found from qr.questionnaire
 * const result = score(instrument, answers);
 * ```
 * @category FHIR
 */
export function fromQuestionnaireResponse<const D extends InstrumentDefinition>(
  qr: FhirQuestionnaireResponse,
  instrument: D,
  options?: FromResponseOptions,
): ImportedAnswers<D>;
export function fromQuestionnaireResponse<K extends InstrumentId>(
  qr: FhirQuestionnaireResponse,
  instrument: K,
  options?: FromResponseOptions,
): ImportedAnswers<Instruments[K]>;
export function fromQuestionnaireResponse(
  qr: FhirQuestionnaireResponse,
  instrument?: undefined,
  options?: FromResponseOptions,
): ImportedAnswers;
export function fromQuestionnaireResponse(
  qr: FhirQuestionnaireResponse,
  instrument?: InstrumentDefinition | string,
  options: FromResponseOptions = {},
): ImportedAnswers {
  const fail = (message: string, value?: unknown): never => {
    throw new FhirImportError("QuestionnaireResponse", [{ linkId: null, value, message }]);
  };
  // Checked at run time too: the response usually comes straight from JSON.
  const raw: unknown = qr;
  if (
    typeof raw !== "object" ||
    raw === null ||
    Array.isArray(raw) ||
    (raw as { resourceType?: unknown }).resourceType !== "QuestionnaireResponse"
  ) {
    const type =
      typeof raw === "object" && raw !== null && !Array.isArray(raw)
        ? (raw as { resourceType?: unknown }).resourceType
        : undefined;
    return fail(`expected a QuestionnaireResponse, got ${describeValue(type ?? raw)}`, raw);
  }
  const shape = shapeIssues(raw as Readonly<Record<string, unknown>>, options.questionnaire);
  if (shape.length > 0) throw new FhirImportError("QuestionnaireResponse", shape);
  if (qr.status === "entered-in-error") return fail('the response has status "entered-in-error"', qr.status);
  if ((qr.status === "in-progress" || qr.status === "stopped") && options.incomplete !== "read") {
    return fail(
      `the response has status "${qr.status}" (not finished): pass { incomplete: "read" } to read it`,
      qr.status,
    );
  }
  const form = options.questionnaire ?? containedForm(qr);
  const found = detect(qr, form);
  let def: InstrumentDefinition;
  if (instrument === undefined) {
    def =
      found ??
      fail(
        `cannot tell the instrument from questionnaire ${describeValue(qr.questionnaire)}: pass it as the second argument`,
        qr.questionnaire,
      );
  } else {
    def =
      typeof instrument === "string"
        ? (getInstrument(instrument) ?? fail(`unknown instrument id "${instrument}"`, instrument))
        : instrument;
    if (found !== undefined && found.id !== def.id) {
      fail(
        `the response answers ${found.shortTitle} (questionnaire ${describeValue(qr.questionnaire)}), not ${def.shortTitle}`,
        qr.questionnaire,
      );
    }
  }
  return { instrument: def, answers: readItems(def, qr, form, options.unknownItems ?? "error") };
}

function containedForm(qr: FhirQuestionnaireResponse): FhirQuestionnaire | undefined {
  const ref = qr.questionnaire;
  if (ref?.startsWith("#") !== true) return undefined;
  return qr.contained?.find((r): r is FhirQuestionnaire => r.resourceType === "Questionnaire" && r.id === ref.slice(1));
}

/** The instrument a response answers, from stepscore's canonical, a LOINC panel code in a canonical, or the form's code. */
function detect(qr: FhirQuestionnaireResponse, form: FhirQuestionnaire | undefined): InstrumentDefinition | undefined {
  const all = Object.values(instruments) as readonly InstrumentDefinition[];
  const byPanel = (code: string | undefined) =>
    code === undefined ? undefined : all.find((d) => d.loinc?.panel === code);
  for (const ref of [qr.questionnaire, form?.url]) {
    if (typeof ref !== "string") continue;
    const url = ref.split("|")[0] ?? "";
    if (url.startsWith(`${fhirUrls.questionnaire}/`)) {
      const def = getInstrument(url.slice(fhirUrls.questionnaire.length + 1));
      if (def !== undefined) return def;
    }
    const def = byPanel(url.split("/").pop());
    if (def !== undefined) return def;
  }
  for (const c of form?.code ?? []) {
    const def = c.system === undefined || c.system === LOINC ? byPanel(c.code) : undefined;
    if (def !== undefined) return def;
  }
  return undefined;
}

/** The answered form's items by linkId: their LOINC codes and answer options. */
function formIndex(form: FhirQuestionnaire | undefined): Map<string, FhirQuestionnaireItem> {
  const index = new Map<string, FhirQuestionnaireItem>();
  const walk = (items: readonly FhirQuestionnaireItem[] | undefined): void => {
    for (const it of items ?? []) {
      index.set(it.linkId, it);
      walk(it.item);
    }
  };
  walk(form?.item);
  return index;
}

const lastSegment = (s: string | undefined): string | undefined => s?.split(/[/#]/).pop();

function readItems(
  def: InstrumentDefinition,
  qr: FhirQuestionnaireResponse,
  form: FhirQuestionnaire | undefined,
  unknownItems: "error" | "ignore",
): Record<string, AnswerValue> {
  const index = formIndex(form);
  const issues: { linkId: string | null; value: unknown; message: string }[] = [];
  const out: Record<string, AnswerValue> = {};
  for (const it of def.items) out[it.id] = null;
  const seen = new Map<string, string>();
  const byCode = new Map<string, Item>();
  for (const it of def.items) if (it.loinc !== undefined) byCode.set(it.loinc, it);

  // The shape is checked (arrays, objects, strings; nesting bounded), so the walk may recurse and trust it.
  const visit = (items: readonly FhirResponseItem[] | undefined): void => {
    for (const qi of items ?? []) {
      const linkId = qi.linkId;
      const fi = index.get(linkId);
      const codes = [
        ...(fi?.code ?? []).filter((c) => c.system === undefined || c.system === LOINC).map((c) => c.code),
        lastSegment(linkId),
        lastSegment(qi.definition),
      ];
      const item =
        codes.map((c) => (c === undefined ? undefined : byCode.get(c))).find((x) => x !== undefined) ??
        def.items.find((x) => x.id === linkId);
      const answers: readonly FhirResponseAnswer[] = qi.answer ?? [];
      // The form's own score items (stepscore's `score.*`, or the instrument's LOINC score code) are recomputed.
      const isScore =
        linkId.startsWith("score.") || (def.loinc?.score !== undefined && codes.includes(def.loinc.score));
      if (item === undefined) {
        if (answers.length > 0 && !isScore && unknownItems === "error") {
          issues.push({
            linkId,
            value: answers[0],
            message: `unknown item: ${def.shortTitle} has no item with this linkId or LOINC code`,
          });
        }
      } else if (answers.length > 0) {
        const before = seen.get(item.id);
        if (before !== undefined) {
          issues.push({
            linkId,
            value: answers[0],
            message: `item ${item.id} is answered again (first under linkId ${quote(before)})`,
          });
        } else if (answers.length > 1) {
          issues.push({
            linkId,
            value: answers,
            message: `${String(answers.length)} answers to item ${item.id}, which takes one`,
          });
        } else {
          const read = readAnswer(def, item, answers[0] as FhirResponseAnswer, fi?.answerOption);
          if (typeof read === "string") issues.push({ linkId, value: answers[0], message: read });
          else out[item.id] = read.value;
        }
        if (before === undefined) seen.set(item.id, linkId);
      }
      visit(qi.item);
      for (const a of answers) visit(a.item);
    }
  };
  visit(qr.item);
  if (issues.length > 0) throw new FhirImportError(def.shortTitle, issues);
  return out;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:00(\.0+)?)?$/;

/** One answer as the item's value, or what is wrong with it. */
function readAnswer(
  def: InstrumentDefinition,
  item: Item,
  answer: FhirResponseAnswer,
  formOptions: readonly FhirAnswerOption[] | undefined,
): { value: AnswerValue } | string {
  const keys = Object.keys(answer).filter((k) => k.startsWith("value"));
  const key = keys[0];
  if (key === undefined || keys.length > 1)
    return keys.length === 0 ? "the answer has no value" : `the answer has ${String(keys.length)} values`;
  const v = (answer as Readonly<Record<string, unknown>>)[key];
  const numeric = (key === "valueInteger" || key === "valueDecimal") && typeof v === "number" && Number.isFinite(v);
  if (item.kind === "time") {
    const m = key === "valueTime" && typeof v === "string" ? TIME.exec(v) : null;
    if (m !== null) return { value: `${m[1] ?? ""}:${m[2] ?? ""}` };
    return key === "valueTime" ? `${describeValue(v)} is not a clock time on the minute` : wrongType(key, "valueTime");
  }
  if (item.kind === "number") {
    if (!numeric) return wrongType(key, "valueInteger or valueDecimal");
    const n = v;
    if (n < item.min || n > item.max || (item.integer && !Number.isInteger(n))) {
      return `${String(n)} is not allowed (${item.integer ? "a whole number" : "a number"} from ${String(item.min)} to ${String(item.max)})`;
    }
    return { value: n };
  }
  const allowed = `allowed: ${item.options.map((o) => `${o.loinc ?? String(o.value)} (${o.label})`).join(", ")}`;
  if (numeric) {
    return item.options.some((o) => o.value === v)
      ? { value: v }
      : `${String(v)} is not one of the item's values (${allowed})`;
  }
  if (key !== "valueCoding" || typeof v !== "object" || v === null)
    return wrongType(key, "valueCoding, valueInteger or valueDecimal");
  const coding = v as FhirCoding;
  const own = answerSystem(def);
  const option = item.options.find(
    (o) =>
      (o.loinc !== undefined && coding.code === o.loinc && (coding.system === undefined || coding.system === LOINC)) ||
      (coding.code === String(o.value) && (coding.system === undefined || coding.system === own)),
  );
  if (option !== undefined) return { value: option.value };
  // A code from another system: its weight, carried with the answer or set on the answered form's option.
  const formOption = formOptions?.find(
    (o) => o.valueCoding?.code === coding.code && o.valueCoding?.system === coding.system,
  );
  const weight = weightIn(answer.extension) ?? weightIn(coding.extension) ?? weightIn(formOption?.extension);
  const shown = `${coding.system ?? "(no system)"}#${coding.code ?? "(no code)"}`;
  if (weight === undefined) return `answer ${shown} is not in the item's value set (${allowed})`;
  const matches = item.options.filter((o) => weightOf(item, o.value) === weight);
  const only = matches[0];
  if (only !== undefined && matches.length === 1) return { value: only.value };
  return `answer ${shown} has weight ${String(weight)}, which ${matches.length === 0 ? "no option" : "more than one option"} of the item scores (${allowed})`;
}

function weightIn(extensions: readonly FhirExtension[] | undefined): number | undefined {
  return extensions?.find((e) => e.url === ITEM_WEIGHT || e.url === ORDINAL_VALUE)?.valueDecimal;
}

const wrongType = (key: string, expected: string): string => `wrong answer type ${key} (expected ${expected})`;
