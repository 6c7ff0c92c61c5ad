// Column binding: each instrument resolved and checked once, and every item bound to its column.
import { planFor, type ItemPlan } from "../compile.js";
import { scoreWith } from "../engine.js";
import { describeValue, ScoreInputError } from "../errors.js";
import { getInstrument, instruments as bundled, type InstrumentId } from "../registry.js";
import { closest } from "../suggest.js";
import type { InstrumentDefinition, ScoreOptions } from "../types.js";
import type { BatchInstrument, ColumnBinding } from "./types.js";

/** Where one item is read from, with what the cell loop needs to read it. */
export interface Binding extends ColumnBinding {
  /** Position in the header, or -1 (absent, or rows are records). */
  readonly index: number;
  readonly time: boolean;
  readonly choice: boolean;
  /** The column name is also a property of Object.prototype, so records must be read with hasOwn. */
  readonly guard: boolean;
}

/** One instrument of a batch, resolved, checked and bound once. */
export interface Prepared {
  readonly def: InstrumentDefinition;
  readonly options: ScoreOptions | undefined;
  readonly offset: number;
  readonly bindings: readonly Binding[];
  // The bindings again as flat arrays: the per-cell loop reads these, not the binding objects.
  readonly names: readonly string[];
  readonly indexes: Int32Array;
  readonly time: readonly boolean[];
  readonly choice: readonly boolean[];
  /** Whether any column must be read with hasOwn (see Binding.guard). */
  readonly guarded: boolean;
  readonly byItem: ReadonlyMap<string, Binding>;
  readonly bandIds: readonly string[];
  readonly flagIds: readonly string[];
}

function spec(entry: InstrumentId | InstrumentDefinition | BatchInstrument): BatchInstrument {
  return typeof entry === "object" && "instrument" in entry ? entry : { instrument: entry };
}

function resolve(ref: string | InstrumentDefinition, problems: string[]): InstrumentDefinition | null {
  if (typeof ref !== "string") return ref;
  const def = getInstrument(ref);
  if (def !== undefined) return def;
  const near = closest(ref, Object.keys(bundled));
  problems.push(
    `unknown instrument "${ref}"${near === null ? "" : ` (did you mean "${near}"?)`}; known: ${Object.keys(bundled).join(", ")}`,
  );
  return null;
}

function columnOf(def: InstrumentDefinition, item: string, columns: BatchInstrument["columns"]): string {
  if (typeof columns === "string") return columns.replaceAll("{item}", item);
  return columns?.[item] ?? `${def.id}_${item}`;
}

/** What a column must hold, as the dataset codes it. */
function expectedText(it: ItemPlan, offset: number): string {
  if (offset === 0 || it.kind !== "choice") return it.allowedText;
  const shifted = it.allowedText.split(", ").map((v) => String(Number(v) - offset)).join(", ");
  return `${shifted} (read with offset ${offset > 0 ? "+" : ""}${String(offset)} as ${it.allowedText})`;
}

/** Resolves and checks one instrument entry and binds its items; null (with the problems said) when it cannot be used. */
export function prepare(
  entry: InstrumentId | InstrumentDefinition | BatchInstrument,
  header: ReadonlyMap<string, number> | null,
  problems: string[],
): Prepared | null {
  const s = spec(entry);
  const def = resolve(s.instrument, problems);
  if (def === null) return null;
  let plan;
  try {
    plan = planFor(def);
  } catch (error) {
    problems.push(`${def.id}: the definition cannot be used: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const offset = s.offset ?? 0;
  if (!Number.isInteger(offset)) problems.push(`${def.id}: offset must be a whole number, not ${describeValue(offset)}`);
  let columns = s.columns;
  if (typeof columns === "string" && !columns.includes("{item}")) {
    problems.push(`${def.id}: the column pattern "${columns}" has no {item} in it`);
    columns = undefined;
  } else if (typeof columns === "object") {
    for (const item of Object.keys(columns)) {
      if (!plan.index.has(item)) {
        problems.push(`${def.id}: the column mapping names item "${item}", which ${def.shortTitle} does not have (items: ${plan.items.map((i) => i.id).join(", ")})`);
      }
    }
  }
  const bindings = plan.items.map((it): Binding => {
    const column = columnOf(def, it.id, columns);
    return {
      instrument: def.id,
      item: it.id,
      column,
      optional: it.optional,
      expected: expectedText(it, offset),
      index: header?.get(column) ?? -1,
      time: it.kind === "time",
      choice: it.kind === "choice",
      guard: column in Object.prototype,
    };
  });
  // Scoring an empty answer set once checks the options (missing rule, flags, settings) before any row.
  try {
    scoreWith(def, plan.items.map(() => null), s.options);
  } catch (error) {
    const issues = error instanceof ScoreInputError ? error.issues.map((i) => i.message) : [String(error)];
    for (const m of issues) problems.push(`${def.id}: ${m}`);
  }
  return {
    def,
    options: s.options,
    offset,
    bindings,
    names: bindings.map((b) => b.column),
    indexes: Int32Array.from(bindings.map((b) => b.index)),
    time: bindings.map((b) => b.time),
    choice: bindings.map((b) => b.choice),
    guarded: bindings.some((b) => b.guard),
    byItem: new Map(bindings.map((b) => [b.item, b])),
    bandIds: (def.score?.bands ?? []).map((b) => b.id),
    flagIds: (def.flags ?? []).map((f) => f.id),
  };
}

/** Column positions by name; a name the header repeats maps to -2, so reading an item from it is refused. */
export function headerIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => index.set(name, index.has(name) ? -2 : i));
  return index;
}
