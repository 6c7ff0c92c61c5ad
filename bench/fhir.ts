// The FHIR way of scoring: a form's SDC calculatedExpression evaluated with fhirpath.js over
// QuestionnaireResponses, as LHC-Forms does, against stepscore and the hand loop on the same answers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fhirpath, { type Model } from "fhirpath";
import r4 from "fhirpath/fhir-context/r4/index.js";
import {
  fromQuestionnaireResponse,
  phq9,
  safeScore,
  score,
  toQuestionnaire,
  toQuestionnaireResponse,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
  type FhirResponseAnswer,
} from "../src/index.js";
import { phq9Rows } from "./data.js";
import { handPhq9 } from "./hand.js";
import { int, measure, ns, perSecond, ratio, time, times, type SectionResult, type Task } from "./measure.js";

const ROWS = 500;
const ROUNDS = 3;
/** The total score of the LHC-Forms PHQ-9 (LOINC 44261-6): every weighted answer but the difficulty item's. */
export const LHC_EXPRESSION = "%resource.item.where(linkId != '/69722-7').answer.weight().sum()";
const CALCULATED = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
// fhirpath's typings for the R4 model disagree with its Model type under exactOptionalPropertyTypes.
const model = r4 as unknown as Model;
const SYNC = { async: false } as const;
const FHIRPATH_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "node_modules", "fhirpath", "package.json"), "utf8")) as {
    version: string;
  }
).version;

const HEADING = "The FHIR way: a calculatedExpression in fhirpath.js";

let last: unknown = null;

/** LHC-Forms names a LOINC panel's items by their LOINC codes: "/44250-9" for PHQ-9 item 1. */
const loincOf = new Map<string, string>(phq9.items.map((it) => [it.id, it.loinc]));
const lhcLinkId = (id: string): string => `/${loincOf.get(id) ?? id}`;

/**
 * The PHQ-9 as LHC-Forms renders the LOINC panel: stepscore's Questionnaire (LOINC question and answer
 * codes, each option's itemWeight and ordinalValue) with LOINC linkIds and LHC-Forms' total item.
 */
function lhcQuestionnaire(): FhirQuestionnaire {
  const own = toQuestionnaire(phq9);
  return {
    ...own,
    id: "phq9-lhc-forms",
    url: "http://loinc.org/q/44249-1",
    item: [
      ...(own.item ?? [])
        .filter((i) => !i.linkId.startsWith("score."))
        .map((i) => ({ ...i, linkId: lhcLinkId(i.linkId) })),
      {
        linkId: "/44261-6",
        code: [{ system: "http://loinc.org", code: "44261-6" }],
        text: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
        type: "integer",
        readOnly: true,
        extension: [{ url: CALCULATED, valueExpression: { language: "text/fhirpath", expression: LHC_EXPRESSION } }],
      },
    ],
  };
}

/** The response LHC-Forms would give for the same answers: LOINC linkIds, answers as LOINC Codings. */
function lhcResponse(own: FhirQuestionnaireResponse): FhirQuestionnaireResponse {
  return {
    ...own,
    questionnaire: "http://loinc.org/q/44249-1",
    item: (own.item ?? []).map((i) => ({ ...i, linkId: lhcLinkId(i.linkId) })),
  };
}

/** A copy of `qr` with item 3's answer replaced. */
function withItem3(qr: FhirQuestionnaireResponse, answer: FhirResponseAnswer): FhirQuestionnaireResponse {
  return { ...qr, item: (qr.item ?? []).map((i, k) => (k === 2 ? { ...i, answer: [answer] } : i)) };
}

/**
 * @param loopOver50k - the hand loop's ns per row over all the rows of the previous section, if it ran (it is
 *   faster on the few rows here).
 */
export async function fhirSection(
  loopOver50k: { readonly ns: number; readonly rows: number } | null,
): Promise<SectionResult> {
  const rows = phq9Rows(ROWS);
  const own = toQuestionnaire(phq9);
  const ownExpression = own.item?.find((i) => i.linkId === "score.total")?.extension?.find((e) => e.url === CALCULATED)
    ?.valueExpression?.expression;
  if (ownExpression === undefined)
    throw new Error("stepscore's PHQ-9 Questionnaire has no calculatedExpression for score.total");
  const lhc = lhcQuestionnaire();
  const ownResponses = rows.map((row) => toQuestionnaireResponse(phq9, row as never));
  const lhcResponses = ownResponses.map(lhcResponse);
  const lhcCompiled = fhirpath.compile(LHC_EXPRESSION, model, SYNC);
  const ownCompiled = fhirpath.compile(ownExpression, model, SYNC);
  const lhcTotal = (qr: FhirQuestionnaireResponse): unknown[] => lhcCompiled(qr, { resource: qr, questionnaire: lhc });
  const ownTotal = (qr: FhirQuestionnaireResponse): unknown[] => ownCompiled(qr, { resource: qr, questionnaire: own });
  const imported = (qr: FhirQuestionnaireResponse) => safeScore(phq9, fromQuestionnaireResponse(qr, phq9).answers);

  // Every way gives the same total for every valid response before its speed means anything.
  rows.forEach((row, i) => {
    const want = handPhq9(row).score;
    const lhcQr = lhcResponses[i] as FhirQuestionnaireResponse;
    const got = [
      score(phq9, row as never).score,
      lhcTotal(lhcQr)[0],
      fhirpath.evaluate(lhcQr, LHC_EXPRESSION, { resource: lhcQr, questionnaire: lhc }, model, SYNC)[0],
      ownTotal(ownResponses[i] as FhirQuestionnaireResponse)[0],
      ((r) => (r.success ? r.data.score : null))(imported(lhcQr)),
    ];
    if (got.some((g) => g !== want))
      throw new Error(`response ${String(i)}: totals disagree: ${JSON.stringify(got)}, want ${String(want)}`);
  });

  const tasks: Task[] = [
    {
      name: "loop",
      rows: ROWS,
      fn: () => {
        for (const row of rows) last = handPhq9(row);
      },
    },
    {
      name: "score",
      rows: ROWS,
      fn: () => {
        for (const row of rows) last = score(phq9, row as never);
      },
    },
    {
      name: "import + safeScore",
      rows: ROWS,
      fn: () => {
        for (const qr of lhcResponses) last = imported(qr);
      },
    },
    {
      name: "LHC compiled",
      rows: ROWS,
      fn: () => {
        for (const qr of lhcResponses) last = lhcTotal(qr);
      },
    },
    {
      name: "LHC evaluate",
      rows: ROWS,
      fn: () => {
        for (const qr of lhcResponses)
          last = fhirpath.evaluate(qr, LHC_EXPRESSION, { resource: qr, questionnaire: lhc }, model, SYNC);
      },
    },
    {
      name: "stepscore compiled",
      rows: ROWS,
      fn: () => {
        for (const qr of ownResponses) last = ownTotal(qr);
      },
    },
  ];
  const t = await measure("FHIR", tasks, { rounds: ROUNDS, time: 1000, warmupTime: 500 });
  if (last === null) throw new Error("nothing ran");

  // What each way makes of a response that is not a valid PHQ-9: LHC-Forms' expression still gives a number.
  const base = rows[0] as readonly number[];
  const difficulty = phq9.items[9].options[3];
  const cases: { what: string; answers: readonly (number | null)[]; item3?: FhirResponseAnswer }[] = [
    { what: `the answers ${JSON.stringify(base)}, all valid`, answers: base },
    { what: "item 9 not answered", answers: [...base.slice(0, 8), null] },
    { what: "item 3 answered `valueInteger: 7` (out of range)", answers: base, item3: { valueInteger: 7 } },
    {
      what: `item 3 answered with the difficulty item's code ${difficulty.loinc} (“${difficulty.label}”)`,
      answers: base,
      item3: { valueCoding: { system: "http://loinc.org", code: difficulty.loinc, display: difficulty.label } },
    },
  ];
  const show = (r: readonly unknown[]): string =>
    r.length === 0 ? "empty (no score)" : `**${r.map(String).join(", ")}**`;
  const stepscoreSays = (qr: FhirQuestionnaireResponse): string => {
    try {
      const r = imported(qr);
      if (!r.success) return `rejected: ${r.error.issues.map((i) => `item ${i.item ?? ""}: ${i.message}`).join("; ")}`;
      return r.data.score === null ? `no score: ${r.data.reason ?? ""}` : `**${String(r.data.score)}**`;
    } catch (e) {
      return `rejected: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  const caseRows = cases.map((c) => {
    const ownQr = toQuestionnaireResponse(phq9, c.answers as never);
    const ownCase = c.item3 === undefined ? ownQr : withItem3(ownQr, c.item3);
    const lhcCase = lhcResponse(ownCase);
    return `| ${c.what} | ${show(lhcTotal(lhcCase))} | ${show(ownTotal(ownCase))} | ${stepscoreSays(lhcCase)} |`;
  });
  const lhcAnswersInvalid = cases.slice(1).every((c) => {
    const ownQr = toQuestionnaireResponse(phq9, c.answers as never);
    return typeof lhcTotal(lhcResponse(c.item3 === undefined ? ownQr : withItem3(ownQr, c.item3)))[0] === "number";
  });

  const line = (label: string, name: string): string =>
    `| ${label} | ${time(ns(t, name))} | ${perSecond(ns(t, name))} | ${name === "loop" ? "1×" : `**${times(ratio(t, name, "loop"))}**`} |`;
  const lhcToLoop = ratio(t, "LHC compiled", "loop");
  const readingShare = ns(t, "score") / ns(t, "import + safeScore");
  const markdown = `## ${HEADING}

A FHIR form filler scores a questionnaire with the SDC \`calculatedExpression\` of its score item,
evaluated by a FHIRPath engine. LHC-Forms' PHQ-9 (the LOINC panel 44249-1) computes its total (44261-6)
with

    ${LHC_EXPRESSION}

where \`weight()\` reads each answer's \`itemWeight\`/\`ordinalValue\` from the form. The first ${int(ROWS)} rows above
were written as the QuestionnaireResponses LHC-Forms gives for its PHQ-9: linkIds \`/44250-9\` …
\`/44260-8\`, each answer a LOINC Coding (LA6568-5 …), against a Questionnaire with those linkIds whose
options carry \`itemWeight\` and \`ordinalValue\` (stepscore's \`toQuestionnaire(phq9)\` with LOINC
linkIds). fhirpath.js ${FHIRPATH_VERSION} with its R4 model evaluated the expression per response, with
\`%resource\` the response and \`%questionnaire\` the form, as LHC-Forms does: compiled once
(\`fhirpath.compile\`), and parsed on every call (\`fhirpath.evaluate\`). stepscore's own Questionnaire
(\`toQuestionnaire(phq9)\`) computes the total with

    ${ownExpression}

which is empty unless all nine items are answered; it was evaluated the same way (compiled) over the same
answers written by \`toQuestionnaireResponse(phq9, row)\`. stepscore itself read each LHC-Forms response
(\`fromQuestionnaireResponse(qr, phq9)\`, which matches the LOINC linkIds and codes) and scored it
(\`safeScore\`). Every way gives the same total on every response (checked first). Same measurement as
above: ${String(ROUNDS)} rounds, median per response, ratios within a round.

| ${int(ROWS)} responses | per response | responses/s | to the hand loop |
|---|---|---|---|
${line("hand loop on the answer arrays", "loop")}
${line("`score(phq9, row)` on the answer arrays", "score")}
${line("stepscore on the responses: `fromQuestionnaireResponse` + `safeScore`", "import + safeScore")}
${line("LHC-Forms expression, fhirpath.js, compiled", "LHC compiled")}
${line("LHC-Forms expression, fhirpath.js, parsed per call", "LHC evaluate")}
${line("stepscore's expression, fhirpath.js, compiled", "stepscore compiled")}

The LHC-Forms expression takes **${times(lhcToLoop)}** the hand loop's time per response${
    loopOver50k === null
      ? ""
      : ` (the loop takes ${time(ns(t, "loop"))} a row on these ${int(ROWS)} rows, against ${time(loopOver50k.ns)} over the ${int(loopOver50k.rows)} rows above: to that, ${(ns(t, "LHC compiled") / loopOver50k.ns).toFixed(0)}×)`
  } and ${times(ratio(t, "LHC compiled", "score"))} that of \`score\`. stepscore reading each response and scoring it takes
${times(ratio(t, "import + safeScore", "loop"))} the loop, of which \`score\` on the answer arrays would be ${readingShare < 0.5 ? `${(100 * readingShare).toFixed(0)} %: reading the response is most of it` : `${(100 * readingShare).toFixed(0)} %`}.
stepscore's own expression, which counts the weighted answers before it sums them, takes ${times(ratio(t, "stepscore compiled", "LHC compiled"))} as long as
LHC-Forms' in fhirpath.js.

${
  lhcAnswersInvalid
    ? `The LHC-Forms expression also scores responses that are not a valid PHQ-9: it sums whatever weights it
finds, and an unanswered item adds nothing, nor does an answer the form does not list. stepscore's own
expression is empty for them, and stepscore names the problem:`
    : "What each way makes of responses that are not a valid PHQ-9:"
}

| response (LHC-Forms linkIds and codes) | LHC-Forms expression | stepscore's expression | stepscore: \`fromQuestionnaireResponse\` + \`safeScore\` |
|---|---|---|---|
${caseRows.join("\n")}
`;
  return {
    markdown,
    targets: [
      {
        what: "for reference: LHC-Forms' PHQ-9 calculatedExpression in fhirpath.js (compiled), to the hand loop",
        target: "none",
        measured: times(lhcToLoop),
        met: null,
        section: HEADING,
      },
    ],
  };
}
