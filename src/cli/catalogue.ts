// `stepscore list`, `describe` and `template`: what the library knows, derived from the definitions.
import { createBatchScorer, instruments, type InstrumentDefinition, type Item, type Scale } from "../index.js";
import { bandText } from "../rules/bands.js";
import { flagText } from "../rules/flags.js";
import { skipText } from "../rules/skips.js";
import { answerRangeText, isChoice, scalesOf } from "../rules/items.js";
import { METHOD_DESCRIPTIONS } from "../rules/methods.js";
import { ruleText } from "../rules/missing.js";
import { noTotalText, rangeText } from "../rules/words.js";
import { fieldsFor } from "./columns.js";
import type { ColumnMap } from "./options.js";

function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c] ?? 0))).join("  ")).join("\n");
}

function range(def: InstrumentDefinition): string {
  if (def.score === null) return `subscales: ${(def.subscales ?? []).map((s) => s.id).join(", ")}`;
  return rangeText(...def.score.range);
}

/** `stepscore list`: one line per instrument. */
export function listText(): string {
  const rows = [["id", "instrument", "domain", "items", "score", "item wording"]];
  for (const def of Object.values(instruments) as InstrumentDefinition[]) {
    rows.push([
      def.id,
      def.shortTitle,
      def.domain,
      String(def.items.length),
      range(def),
      def.licence.redistributeWording ? "included" : "labels only",
    ]);
  }
  return `${table(rows)}\n\nstepscore describe <id> shows an instrument's items, columns, scoring, bands, licence and sources.\n`;
}

function answers(item: Item): string {
  if (!isChoice(item)) return answerRangeText(item) ?? "";
  return item.options
    .map(
      (o) =>
        `${String(o.value)} ${o.label}${o.score !== undefined && o.score !== o.value ? ` (scores ${String(o.score)})` : ""}`,
    )
    .join(" · ");
}

function scaleLine(s: Scale, primary: boolean): string {
  const items = `item${s.items.length === 1 ? "" : "s"} ${s.items.join(", ")}`;
  return `  ${s.id}${primary ? " (primary)" : ""}: ${METHOD_DESCRIPTIONS[s.method].words(items, s)}; range ${rangeText(...s.range)}; missing answers: ${ruleText(s.missing, s.items.length)}`;
}

/** `stepscore describe <id>`: everything needed to prepare a file for the instrument. */
export function describeText(def: InstrumentDefinition, map: ColumnMap): string {
  const out: string[] = [];
  const push = (...l: string[]): void => {
    out.push(...l);
  };
  push(`${def.shortTitle}: ${def.title}`);
  push(
    `id ${def.id} · definition version ${def.version} · ${def.domain} · ${def.direction === "higher-is-better" ? "higher scores are better" : "higher scores are worse"}${def.recall === undefined ? "" : ` · recall: ${def.recall}`}`,
  );
  push(def.description, "");

  const columns = createBatchScorer({
    instruments: [{ instrument: def, ...(map[def.id] === undefined ? {} : { columns: map[def.id] }) }],
  }).columns;
  const scored = new Set(scalesOf(def).flatMap((s) => s.items));
  push("Items (one column each; an empty cell is a missing answer, never 0):");
  const rows = def.items.map((it, i) => {
    const notes = [
      ...(scored.has(it.id) || it.label.includes("not scored") ? [] : ["not scored"]),
      ...(it.optional === true ? ["optional"] : []),
      ...(isChoice(it) && it.reversed === true ? ["reverse-keyed"] : []),
    ];
    return [
      `  ${columns[i]?.column ?? ""}`,
      `item ${it.id}`,
      `${it.label}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`,
      answers(it),
    ];
  });
  push(table(rows), "");

  push("Scoring:");
  if (def.score === null) push(`  ${noTotalText(def.shortTitle)}.`);
  else push(scaleLine(def.score, true));
  for (const s of def.subscales ?? []) push(scaleLine(s, false));
  for (const s of scalesOf(def)) {
    if (s.bands === undefined) continue;
    push(`  bands of ${s.id}: ${s.bands.map((b) => `${b.id} ${bandText(b)}`).join(" · ")}`);
  }
  for (const f of def.flags ?? []) push(`  flag ${f.id}: ${flagText(f, `--flag ${def.id}=${f.id}`)}. ${f.message}`);
  for (const m of def.missingOptions ?? [])
    push(`  alternative missing-data rule: --missing-rule ${def.id}=${m.id} (${m.label})`);
  for (const r of def.skips ?? []) push(`  skip logic: ${skipText(r)}`);
  for (const s of def.settings ?? [])
    push(
      s.type === "enum"
        ? `  setting: --setting ${def.id}.${s.id}=${s.values.join("|")} (${s.label}; ${s.default === null ? "unset when not given" : `default ${s.default}`})`
        : `  setting: --setting ${def.id}.${s.id}=true|false (${s.label}; default ${String(s.default)})`,
    );
  push("");

  push(
    `Columns added by stepscore score: ${fieldsFor([def])
      .map((f) => f.name)
      .join(", ")}`,
    "",
  );

  push("Licence:");
  push(`  rights holder: ${def.licence.rightsHolder}`);
  push(`  terms: ${def.licence.terms}`);
  push(`  item wording shipped: ${def.licence.redistributeWording ? "yes" : "no (short labels only)"}`);
  if (def.licence.contact !== undefined) push(`  contact: ${def.licence.contact}`);
  if (def.licence.attribution !== undefined) push(`  attribution: ${def.licence.attribution}`);
  push("");

  push("Sources:");
  for (const [key, c] of Object.entries(def.references)) {
    const ids = [
      c.pmid === undefined ? "" : `PMID ${c.pmid}`,
      c.doi === undefined ? "" : `doi:${c.doi}`,
      c.url ?? "",
    ].filter((x) => x !== "");
    push(`  [${key}] ${c.text}${ids.length > 0 ? ` ${ids.join(" · ")}` : ""}`);
  }
  return `${out.join("\n")}\n`;
}

/** `stepscore template <ids>`: the header row of a file ready to fill in, an `id` column first. */
export function templateColumns(defs: readonly InstrumentDefinition[], map: ColumnMap): string[] {
  const scorer = createBatchScorer({
    instruments: defs.map((def) => ({
      instrument: def,
      ...(map[def.id] === undefined ? {} : { columns: map[def.id] }),
    })),
  });
  return ["id", ...scorer.columns.map((c) => c.column)];
}
