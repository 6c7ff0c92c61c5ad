// Writes docs/instruments/<id>.md and docs/instruments.md from the definitions, so the pages cannot drift
// from the code. `tsx scripts/docs.ts` writes them; `--check` exits 1 when a page is out of date.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultPathway, instruments, score, type InstrumentDefinition, type Item } from "../src/index.js";
import { bandKind, bandText } from "../src/rules/bands.js";
import { flagText } from "../src/rules/flags.js";
import { answerRangeText, isChoice, scalesOf } from "../src/rules/items.js";
import { METHOD_DESCRIPTIONS } from "../src/rules/methods.js";
import { ruleText } from "../src/rules/missing.js";
import { skipText } from "../src/rules/skips.js";
import { noTotalText, rangeText } from "../src/rules/words.js";
import { frontMatter, renderChangePage, renderChangeSection, renderStratificationPage } from "./care-docs.js";
import { renderProgressPage } from "./progress-docs.js";
import { renderCliPage } from "./cli-docs.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A published worked example, as stored in vectors/<id>.json. */
interface Vector {
  readonly name: string;
  readonly source: string;
  readonly answers: unknown;
  readonly options?: Record<string, unknown>;
}

/** The worked examples shipped for an instrument, if any. */
export function vectorsFor(id: string): readonly Vector[] {
  const file = join(root, "vectors", `${id}.json`);
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as { vectors: Vector[] }).vectors;
}

/** What a flag declared `urgent` adds to its "raised when" cell. */
const URGENT_FLAG =
  "; **urgent**: a safety signal, `stratify` is urgent whatever the pathway (see [Urgent overlay](../stratification.md#urgent-overlay))";

const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function answers(item: Item): string {
  if (!isChoice(item)) return answerRangeText(item) ?? "";
  const values = item.options.map((o) => o.value);
  const plainRange =
    item.options.length > 7 && item.options.every((o) => o.label === String(o.value) && o.score === undefined);
  if (plainRange) return rangeText(Math.min(...values), Math.max(...values));
  return item.options
    .map(
      (o) =>
        `${String(o.value)} = ${esc(o.label)}${o.score !== undefined && o.score !== o.value ? ` (scores ${String(o.score)})` : ""}`,
    )
    .join("<br>");
}

function scored(def: InstrumentDefinition, item: Item): string {
  const inScales = scalesOf(def)
    .filter((s) => s.items.includes(item.id))
    .map((s) => s.id);
  const notes: string[] = [];
  if (inScales.length === 0) notes.push("not scored");
  else notes.push(inScales.join(", "));
  if (isChoice(item) && item.reversed === true) notes.push("reverse-keyed");
  if (item.optional === true) notes.push("optional");
  return notes.join("; ");
}

function cite(def: InstrumentDefinition, key: string): string {
  return def.references[key] === undefined ? key : `[${key}](#ref-${key.toLowerCase()})`;
}

/** Renders one instrument's page. */
export function renderInstrumentPage(def: InstrumentDefinition): string {
  const lines: string[] = [];
  const push = (...l: string[]): void => {
    lines.push(...l);
  };
  push(...frontMatter({ title: def.shortTitle }));
  push(`# ${def.shortTitle}: ${def.title}`, "");
  push("<!-- Generated from the definition by scripts/docs.ts; edit the definition, not this page. -->", "");
  const facts = [
    `id \`${def.id}\``,
    `definition version ${def.version}`,
    `domain ${def.domain}`,
    def.direction === "higher-is-better" ? "**higher scores are better**" : "higher scores are worse",
    ...(def.recall ? [`recall: ${def.recall}`] : []),
  ];
  push(facts.join(" · "), "", def.description, "");

  push("## Licence", "");
  push(`- Rights holder: ${def.licence.rightsHolder}`);
  push(`- Terms: ${def.licence.terms}`);
  push(`- Item wording shipped: ${def.licence.redistributeWording ? "yes" : "no (short labels only)"}`);
  if (def.licence.contact) push(`- Contact: ${def.licence.contact}`);
  if (def.licence.attribution) push(`- Attribution: ${def.licence.attribution}`);
  push(`- Source: ${cite(def, def.licence.source)}`, "");

  push("## Items", "", "Array input follows this order; record input uses the item ids.", "");
  push("| id | item | answers | scored in | LOINC |", "|---|---|---|---|---|");
  for (const it of def.items) {
    push(`| ${it.id} | ${esc(it.text ?? it.label)} | ${answers(it)} | ${scored(def, it)} | ${it.loinc ?? ""} |`);
  }
  push("");

  const scales = scalesOf(def);
  push("## Scoring", "");
  if (def.score === null) push(`${noTotalText(def.shortTitle)}.`, "");
  push("| scale | items | method | range | missing answers | source |", "|---|---|---|---|---|---|");
  for (const s of scales) {
    const primary = s === def.score ? " (primary)" : "";
    push(
      `| \`${s.id}\`${primary} ${esc(s.label)} | ${s.items.join(", ")} | ${METHOD_DESCRIPTIONS[s.method].words("the items", s)} | ${rangeText(...s.range)} | ${esc(ruleText(s.missing, s.items.length))} (${cite(def, s.missing.source)}) | ${cite(def, s.source)} |`,
    );
  }
  push("");

  for (const s of scales) {
    if (s.table === undefined) continue;
    push(
      `### Table of ${s.id}`,
      "",
      `Raw sum of items ${s.items.join(", ")} → ${esc(s.label)}. Source: ${cite(def, s.source)}.`,
      "",
    );
    push("| raw | value |", "|---|---|");
    for (const [raw, value] of s.table) push(`| ${String(raw)} | ${String(value)} |`);
    push("");
  }

  for (const s of scales.filter((x) => x.bands !== undefined)) {
    push(`### Bands of ${s.id}`, "", `Source: ${cite(def, s.bandsSource ?? s.source)}.`, "");
    push("| band | label | scores |", "|---|---|---|");
    for (const b of s.bands ?? []) push(`| \`${b.id}\` | ${esc(b.label)} | ${bandText(b)} |`);
    if (s.bands?.some((b) => bandKind(b) === "range"))
      push("", "A score that is not a whole number falls in the first band whose upper bound it does not exceed.");
    push("");
  }

  if ((def.skips ?? []).length > 0) {
    push(
      "## Skip logic",
      "",
      "Items the form does not ask after some answers are not missing: they count as stated, and the result's `reason` says so.",
      "",
    );
    for (const r of def.skips ?? []) push(`- ${esc(skipText(r))} (${cite(def, r.source)})`);
    push("");
  }

  if ((def.flags ?? []).length > 0) {
    push("## Flags", "", "| flag | raised when | message | source |", "|---|---|---|---|");
    for (const f of def.flags ?? [])
      push(
        `| \`${f.id}\` | ${flagText(f, `\`flags: ["${f.id}"]\``)}${f.urgent === true ? URGENT_FLAG : ""} | ${esc(f.message)} | ${cite(def, f.source)} |`,
      );
    push("");
  }

  if ((def.missingOptions ?? []).length > 0 || (def.settings ?? []).length > 0) {
    push("## Options", "");
    for (const m of def.missingOptions ?? [])
      push(
        `- \`missing: "${m.id}"\`: ${m.label}${m.notAsked === "missing" ? " (items the skip logic leaves unasked count as missing)" : ""} (${cite(def, m.rule.source)})`,
      );
    for (const st of def.settings ?? [])
      push(
        st.type === "enum"
          ? `- \`settings: { ${st.id}: ${st.values.map((v) => `"${v}"`).join(" | ")} }\`: ${st.label}; ${st.default === null ? "unset when not given" : `default "${st.default}"`} (${cite(def, st.source)})`
          : `- \`settings: { ${st.id}: true }\`: ${st.label}; default ${String(st.default)} (${cite(def, st.source)})`,
      );
    push("");
  }

  if (def.loinc) {
    push("## LOINC", "");
    if (def.loinc.panel) push(`- Panel: ${def.loinc.panel}`);
    if (def.loinc.score) push(`- Score: ${def.loinc.score}`);
    push("");
  }

  push(...renderChangeSection(def));

  if ((def.notes ?? []).length > 0) {
    push("## Choices and disagreements", "");
    for (const n of def.notes ?? []) push(`- ${n}`);
    push("");
  }

  const example = vectorsFor(def.id)[0];
  let times = 0;
  const exampleAnswers = example?.answers ?? def.items.map((it) => exampleValue(it, it.kind === "time" ? times++ : 0));
  const result = score(def, exampleAnswers as never, (example?.options ?? {}) as never);
  push("## Worked example", "");
  push(
    example
      ? `${example.name} (${example.source}).`
      : "Every item answered with a middle value (an illustration, not a published example).",
    "",
  );
  push(
    "```ts",
    `score("${def.id}", ${JSON.stringify(exampleAnswers)}${example?.options ? `, ${JSON.stringify(example.options)}` : ""});`,
    "```",
    "",
  );
  push("gives (computed by stepscore when this page was generated):", "");
  push(
    "```json",
    JSON.stringify(
      {
        score: result.score,
        band: result.band?.id ?? null,
        subscales: result.subscales,
        flags: result.flags.map((f) => f.id),
        method: result.method,
      },
      null,
      2,
    ),
    "```",
    "",
  );

  push("## References", "");
  for (const [key, c] of Object.entries(def.references)) {
    const ids = [c.pmid ? `PMID ${c.pmid}` : "", c.doi ? `doi:${c.doi}` : "", c.url ?? ""].filter(Boolean).join(" · ");
    push(
      `- <a id="ref-${key.toLowerCase()}"></a>**${key}**: ${c.text}${ids ? ` ${ids}.` : ""}${c.note ? ` _${c.note}_` : ""}`,
    );
  }
  push("");
  return lines.join("\n");
}

function exampleValue(item: Item, nthTime: number): number | string {
  // Clock times alternate between a bedtime and a get-up time, so a pair of them spans a night.
  if (item.kind === "time") return nthTime % 2 === 0 ? "23:00" : "07:00";
  if (item.kind === "number") return item.integer ? Math.round((item.min + item.max) / 2) : (item.min + item.max) / 2;
  const values = item.options.map((o) => o.value);
  return values[Math.floor((values.length - 1) / 2)] as number;
}

/** Renders the index of instruments. */
export function renderIndex(defs: readonly InstrumentDefinition[]): string {
  const lines = [
    ...frontMatter({ title: "Instruments", children: defs.map((d) => `instruments/${d.id}.md`) }),
    "# Instruments",
    "",
    "<!-- Generated from the definitions by scripts/docs.ts. -->",
    "",
    "| id | instrument | domain | items | score | wording shipped | rights holder |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const d of defs) {
    const range = d.score === null ? "subscales only" : rangeText(...d.score.range);
    lines.push(
      `| [\`${d.id}\`](instruments/${d.id}.md) | ${d.shortTitle}: ${d.title} | ${d.domain} | ${String(d.items.length)} | ${range} | ${d.licence.redistributeWording ? "yes" : "no"} | ${esc(d.licence.rightsHolder)} |`,
    );
  }
  return lines.join("\n") + "\n";
}

/** The README's instrument table (between its instrument markers). */
export function renderReadmeTable(defs: readonly InstrumentDefinition[]): string {
  const rows = defs.map((d) => {
    const range = d.score === null ? "subscales" : rangeText(...d.score.range);
    const wording = d.licence.redistributeWording ? "wording included" : "labels only";
    return `| [\`${d.id}\`](docs/instruments/${d.id}.md) | ${d.shortTitle} | ${d.domain} | ${range} | ${wording}; ${esc(d.licence.rightsHolder)} |`;
  });
  return ["| id | instrument | domain | score | licence |", "|---|---|---|---|---|", ...rows].join("\n");
}

const START = "<!-- instruments:start (generated by scripts/docs.ts) -->";
const END = "<!-- instruments:end -->";

function readmeWithTable(defs: readonly InstrumentDefinition[]): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error("README.md lacks the instrument table markers");
  return `${readme.slice(0, a + START.length)}\n${renderReadmeTable(defs)}\n${readme.slice(b)}`;
}

/** Every generated page: path relative to the repository, content. */
export function pages(): [string, string][] {
  const defs = Object.values(instruments) as InstrumentDefinition[];
  return [
    ["README.md", readmeWithTable(defs)],
    ["docs/instruments.md", renderIndex(defs)],
    ["docs/change.md", renderChangePage(defs)],
    ["docs/progress.md", renderProgressPage(defs)],
    ["docs/stratification.md", renderStratificationPage(defaultPathway)],
    ["docs/cli.md", renderCliPage()],
    ...defs.map((d): [string, string] => [`docs/instruments/${d.id}.md`, renderInstrumentPage(d)]),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [path, content] of pages()) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, "utf8") : null;
    if (current === content) continue;
    stale++;
    if (check) console.error(`out of date: ${path}`);
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${path}`);
    }
  }
  if (check && stale > 0) {
    console.error("run `npm run docs:instruments` to regenerate");
    process.exit(1);
  }
}
