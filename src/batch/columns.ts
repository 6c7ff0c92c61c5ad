// Column binding: each instrument resolved and checked once, and every item bound to its column.
import { planFor, type ItemPlan } from "../compile.js";
import { scoreWith } from "../engine.js";
import { describeValue, ScoreInputError } from "../errors.js";
import { getInstrument, instruments as bundled, type InstrumentId } from "../registry.js";
import { closest } from "../suggest.js";
import type { InstrumentDefinition, ScoreOptions } from "../types.js";
import type { BatchInstrument, ColumnBinding } from "./types.js";

/** Where one item is read from, with what the cell loop needs to read it. */
/**
 * Where a bound column is found in a row: by name in a record, at its position in the header, absent from the
 * header, or named more than once by it (refused: the item could be read from either).
 */
export type Place =
  | { readonly kind: "by-name" }
  | { readonly kind: "cell"; readonly index: number }
  | { readonly kind: "absent" }
  | { readonly kind: "repeated" };

const BY_NAME: Place = { kind: "by-name" };
const ABSENT: Place = { kind: "absent" };

export interface Binding extends ColumnBinding {
  /** Where the column is in a row. */
  readonly place: Place;
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
  /** Each binding's position in the header; -1 where it has no cell there (absent, or rows are records). */
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

/** The definition an entry names: itself, or the bundled one with that id; null (the problem said) for an unknown id. */
function findDefinition(ref: string | InstrumentDefinition, problems: string[]): InstrumentDefinition | null {
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
  const shifted = it.allowedText
    .split(", ")
    .map((v) => String(Number(v) - offset))
    .join(", ");
  return `${shifted} (read with offset ${offset > 0 ? "+" : ""}${String(offset)} as ${it.allowedText})`;
}

/** Resolves and checks one instrument entry and binds its items; null (with the problems said) when it cannot be used. */
export function prepare(
  entry: InstrumentId | InstrumentDefinition | BatchInstrument,
  header: ReadonlyMap<string, Place> | null,
  problems: string[],
): Prepared | null {
  const s = spec(entry);
  const def = findDefinition(s.instrument, problems);
  if (def === null) return null;
  let plan;
  try {
    plan = planFor(def);
  } catch (error) {
    problems.push(
      `${def.id}: the definition cannot be used: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
  const offset = s.offset ?? 0;
  if (!Number.isInteger(offset))
    problems.push(`${def.id}: offset must be a whole number, not ${describeValue(offset)}`);
  let columns = s.columns;
  if (typeof columns === "string" && !columns.includes("{item}")) {
    problems.push(`${def.id}: the column pattern "${columns}" has no {item} in it`);
    columns = undefined;
  } else if (typeof columns === "object") {
    for (const item of Object.keys(columns)) {
      if (!plan.index.has(item)) {
        problems.push(
          `${def.id}: the column mapping names item "${item}", which ${def.shortTitle} does not have (items: ${plan.items.map((i) => i.id).join(", ")})`,
        );
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
      place: header === null ? BY_NAME : (header.get(column) ?? ABSENT),
      time: it.kind === "time",
      choice: it.kind === "choice",
      guard: column in Object.prototype,
    };
  });
  // Scoring an empty answer set once checks the options (missing rule, flags, settings) before any row.
  try {
    scoreWith(
      def,
      plan.items.map(() => null),
      s.options,
    );
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
    indexes: Int32Array.from(bindings.map((b) => (b.place.kind === "cell" ? b.place.index : -1))),
    time: bindings.map((b) => b.time),
    choice: bindings.map((b) => b.choice),
    guarded: bindings.some((b) => b.guard),
    byItem: new Map(bindings.map((b) => [b.item, b])),
    bandIds: (def.score?.bands ?? []).map((b) => b.id),
    flagIds: (def.flags ?? []).map((f) => f.id),
  };
}

/** Each header column's place by name; a name the header repeats is `repeated`, so reading an item from it is refused. */
export function headerPlaces(header: readonly string[]): Map<string, Place> {
  const places = new Map<string, Place>();
  const repeated: Place = { kind: "repeated" };
  header.forEach((name, index) => places.set(name, places.has(name) ? repeated : { kind: "cell", index }));
  return places;
}

/** The columns of a whole batch, checked together once every instrument is prepared. */
export interface BoundColumns {
  /** Every item's binding, instrument by instrument in item order. */
  readonly bindings: readonly Binding[];
  /** Bindings whose column the header does not have (none when rows are records). */
  readonly absent: readonly Binding[];
  /** Absent columns of required items, unless the batch allows missing columns. */
  readonly missingRequired: readonly Binding[];
}

/**
 * Checks the columns of all instruments together: a column bound to two items, a column the header repeats,
 * and required columns absent from the header (one problem per instrument).
 */
export function bindColumns(
  prepared: readonly Prepared[],
  allowMissingColumns: boolean,
  problems: string[],
): BoundColumns {
  const bindings = prepared.flatMap((p) => p.bindings);
  const taken = new Map<string, Binding>();
  for (const b of bindings) {
    const other = taken.get(b.column);
    if (other !== undefined) {
      problems.push(
        `column "${b.column}" is mapped to both ${other.instrument} item ${other.item} and ${b.instrument} item ${b.item}`,
      );
    }
    taken.set(b.column, b);
    if (b.place.kind === "repeated")
      problems.push(`column "${b.column}" (${b.instrument} item ${b.item}) appears more than once in the header`);
  }
  const absent = bindings.filter((b) => b.place.kind === "absent");
  const missingRequired = allowMissingColumns ? [] : absent.filter((b) => !b.optional);
  if (missingRequired.length > 0) {
    for (const p of prepared) {
      const lacking = missingRequired.filter((b) => b.instrument === p.def.id);
      if (lacking.length === 0) continue;
      const all = lacking.length === p.bindings.filter((b) => !b.optional).length;
      problems.push(
        `${all ? "no columns" : "missing columns"} for ${p.def.shortTitle}: ${lacking.map((b) => b.column).join(", ")}` +
          (all ? "" : ` (items ${lacking.map((b) => b.item).join(", ")})`),
      );
    }
  }
  return { bindings, absent, missingRequired };
}
