// `stepscore list`, `describe` and `template`: what the library knows, derived from the definitions.
import { createBatchScorer, instruments, type InstrumentDefinition, type Item, type MissingRule, type Scale } from "../index.js";
import { fieldsFor } from "./columns.js";
import type { ColumnMap } from "./options.js";

function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c] ?? 0))).join("  ")).join("\n");
}

function range(def: InstrumentDefinition): string {
  if (def.score === null) return `subscales: ${(def.subscales ?? []).map((s) => s.id).join(", ")}`;
  return `${String(def.score.range[0])}–${String(def.score.range[1])}`;
}

/** `stepscore list`: one line per instrument. */
export function listText(): string {
  const rows = [["id", "instrument", "domain", "items", "score", "item wording"]];
  for (const def of Object.values(instruments) as InstrumentDefinition[]) {
    rows.push([def.id, def.shortTitle, def.domain, String(def.items.length), range(def), def.licence.redistributeWording ? "included" : "labels only"]);
  }
  return `${table(rows)}\n\nstepscore describe <id> shows an instrument's items, columns, scoring, bands, licence and sources.\n`;
}

function answers(item: Item): string {
  if (item.kind === "time") return 'clock time "HH:MM" (00:00–23:59)';
  if (item.kind === "number") {
    return `${item.integer ? "whole number" : "number"} ${String(item.min)}–${String(item.max)}${item.unit === undefined ? "" : ` ${item.unit}`}`;
  }
  return item.options.map((o) => `${String(o.value)} ${o.label}${o.score !== undefined && o.score !== o.value ? ` (scores ${String(o.score)})` : ""}`).join(" · ");
}

function rule(r: MissingRule, size: number): string {
  switch (r.kind) {
    case "strict":
      return size === 1 ? "required" : `all ${String(size)} items required`;
    case "prorate":
      return `up to ${String(r.maxMissing)} missing, prorated${r.rounding === "half-up" ? " (rounded half up)" : ""}`;
    case "min-answered":
      return `at least ${String(r.minAnswered)} answered`;
    case "computed":
      return r.description;
  }
}

function scaleLine(s: Scale, primary: boolean): string {
  const items = `item${s.items.length === 1 ? "" : "s"} ${s.items.join(", ")}`;
  const how = s.method === "percent" ? `sum of ${items}, as a percentage of the answered items' maximum` : s.method === "custom" ? `computed from ${items}` : `${s.method} of ${items}`;
  return `  ${s.id}${primary ? " (primary)" : ""}: ${how}; range ${String(s.range[0])}–${String(s.range[1])}; missing answers: ${rule(s.missing, s.items.length)}`;
}

/** `stepscore describe <id>`: everything needed to prepare a file for the instrument. */
export function describeText(def: InstrumentDefinition, map: ColumnMap): string {
  const out: string[] = [];
  const push = (...l: string[]): void => {
    out.push(...l);
  };
  push(`${def.shortTitle}: ${def.title}`);
  push(`id ${def.id} · definition version ${def.version} · ${def.domain} · ${def.direction === "higher-is-better" ? "higher scores are better" : "higher scores are worse"}${def.recall === undefined ? "" : ` · recall: ${def.recall}`}`);
  push(def.description, "");

  const columns = createBatchScorer({ instruments: [{ instrument: def, ...(map[def.id] === undefined ? {} : { columns: map[def.id] }) }] }).columns;
  const scored = new Set([def.score, ...(def.subscales ?? [])].flatMap((s) => (s === null ? [] : s.items)));
  push("Items (one column each; an empty cell is a missing answer, never 0):");
  const rows = def.items.map((it, i) => {
    const notes = [
      ...(scored.has(it.id) || it.label.includes("not scored") ? [] : ["not scored"]),
      ...(it.optional === true ? ["optional"] : []),
      ...(it.kind !== "time" && it.kind !== "number" && it.reversed === true ? ["reverse-keyed"] : []),
    ];
    return [`  ${columns[i]?.column ?? ""}`, `item ${it.id}`, `${it.label}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`, answers(it)];
  });
  push(table(rows), "");

  push("Scoring:");
  if (def.score === null) push(`  ${def.shortTitle} has no single total score; results report the subscales.`);
  else push(scaleLine(def.score, true));
  for (const s of def.subscales ?? []) push(scaleLine(s, false));
  for (const s of [def.score, ...(def.subscales ?? [])]) {
    if (s === null || s.bands === undefined) continue;
    const bands = s.bands.map((b) => ("when" in b
      ? `${b.id} when ${b.when.map((c) => `${"item" in c ? `item ${c.item}` : c.scale} ${c.op} ${String(c.value)}`).join(" and ")}`
      : `${b.id} ${String(b.min)}–${String(b.max)}`));
    push(`  bands of ${s.id}: ${bands.join(" · ")}`);
  }
  for (const f of def.flags ?? []) {
    const c = f.when;
    push(`  flag ${f.id}: ${"item" in c ? `item ${c.item}` : c.scale} ${c.op} ${String(c.value)}${f.optIn === true ? ` (opt-in: --flag ${def.id}=${f.id})` : ""}. ${f.message}`);
  }
  for (const m of def.missingOptions ?? []) push(`  alternative missing-data rule: --missing-rule ${def.id}=${m.id} (${m.label})`);
  for (const s of def.settings ?? []) push(`  setting: --setting ${def.id}.${s.id}=true|false (${s.label}; default ${String(s.default)})`);
  push("");

  push(`Columns added by stepscore score: ${fieldsFor([def]).map((f) => f.name).join(", ")}`, "");

  push("Licence:");
  push(`  rights holder: ${def.licence.rightsHolder}`);
  push(`  terms: ${def.licence.terms}`);
  push(`  item wording shipped: ${def.licence.redistributeWording ? "yes" : "no (short labels only)"}`);
  if (def.licence.contact !== undefined) push(`  contact: ${def.licence.contact}`);
  if (def.licence.attribution !== undefined) push(`  attribution: ${def.licence.attribution}`);
  push("");

  push("Sources:");
  for (const [key, c] of Object.entries(def.references)) {
    const ids = [c.pmid === undefined ? "" : `PMID ${c.pmid}`, c.doi === undefined ? "" : `doi:${c.doi}`, c.url ?? ""].filter((x) => x !== "");
    push(`  [${key}] ${c.text}${ids.length > 0 ? ` ${ids.join(" · ")}` : ""}`);
  }
  return `${out.join("\n")}\n`;
}

/** `stepscore template <ids>`: the header row of a file ready to fill in, an `id` column first. */
export function templateColumns(defs: readonly InstrumentDefinition[], map: ColumnMap): string[] {
  const scorer = createBatchScorer({
    instruments: defs.map((def) => ({ instrument: def, ...(map[def.id] === undefined ? {} : { columns: map[def.id] }) })),
  });
  return ["id", ...scorer.columns.map((c) => c.column)];
}
