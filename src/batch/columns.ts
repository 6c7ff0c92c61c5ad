// Column binding: each instrument resolved and checked once, and every item bound to its column.
import { planFor, type ItemPlan } from "../compile.js";
import { scoreWith } from "../engine.js";
import { describeValue, ScoreInputError } from "../errors.js";
import { getInstrument, instruments as bundled, type InstrumentId } from "../registry.js";
import { isChoice } from "../rules/items.js";
import { closest } from "../suggest.js";
import type { InstrumentDefinition, ScoreOptions } from "../types.js";
import { labelKey } from "./cells.js";
import type { BatchCellReading, BatchInstrument, ColumnBinding } from "./types.js";

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
  /** With label reading: each option's label and LOINC answer code (as {@link labelKey}) to its value. */
  readonly labels: ReadonlyMap<string, number> | null;
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
  /** Each binding's labels (see Binding.labels); null when no item is read by label. */
  readonly labels: readonly (ReadonlyMap<string, number> | null)[] | null;
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

/**
 * A column name as compared when the header lacks the exact name: case does not matter, and a run of
 * spaces, `_`, `-` or `.` is one separator (`PHQ9_1`, `phq9-1` and `phq9 1` are `phq9_1`; `phq91` is not).
 */
export function looseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_.-]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Where a column is in the header: its exact name, else the one header column that differs from it only in
 * case and separators (see {@link looseName}). Two such columns are refused, as the item could be read
 * from either.
 */
function place(
  column: string,
  header: ReadonlyMap<string, Place>,
  loose: ReadonlyMap<string, readonly string[]>,
): { readonly column: string; readonly place: Place } {
  const exact = header.get(column);
  if (exact !== undefined) return { column, place: exact };
  const near = loose.get(looseName(column)) ?? [];
  if (near.length === 1) {
    const name = near[0] as string;
    return { column: name, place: header.get(name) ?? ABSENT };
  }
  return { column, place: near.length > 1 ? { kind: "repeated" } : ABSENT };
}

/** The header's names by {@link looseName}. */
function looseIndex(header: ReadonlyMap<string, Place> | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of header?.keys() ?? []) {
    const key = looseName(name);
    out.set(key, [...(out.get(key) ?? []), name]);
  }
  return out;
}

/** A choice item's labels and LOINC answer codes, each to its option's value; one shared by two options is left out. */
function labelsOf(def: InstrumentDefinition, item: string): ReadonlyMap<string, number> | null {
  const it = def.items.find((i) => i.id === item);
  if (it === undefined || !isChoice(it)) return null;
  const out = new Map<string, number>();
  const shared = new Set<string>();
  for (const o of it.options) {
    for (const text of [o.label, o.loinc, o.loincDisplay]) {
      if (text === undefined) continue;
      const key = labelKey(text);
      const before = out.get(key);
      if (before !== undefined && before !== o.value) shared.add(key);
      out.set(key, o.value);
    }
  }
  for (const key of shared) out.delete(key);
  return out;
}

/** What a choice item read by label allows besides its values (added to `expected`). */
export const LABELS_ALLOWED = ", or an option's label or LOINC answer code";

/** Resolves and checks one instrument entry and binds its items; null (with the problems said) when it cannot be used. */
export function prepare(
  entry: InstrumentId | InstrumentDefinition | BatchInstrument,
  header: ReadonlyMap<string, Place> | null,
  problems: string[],
  reading: BatchCellReading | null = null,
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
  const loose = looseIndex(header);
  const byLabel = reading?.labels === true;
  const bindings = plan.items.map((it): Binding => {
    const found =
      header === null
        ? { column: columnOf(def, it.id, columns), place: BY_NAME }
        : place(columnOf(def, it.id, columns), header, loose);
    const column = found.column;
    const labels = byLabel && it.kind === "choice" ? labelsOf(def, it.id) : null;
    const plain = expectedText(it, offset);
    // A dot is then no decimal mark: said, so "7.5" refused is understood.
    const expected =
      reading?.decimalComma === true && it.kind !== "time" && !it.integer
        ? `${plain}, written with a decimal comma ("1,5")`
        : plain;
    return {
      instrument: def.id,
      item: it.id,
      column,
      optional: it.optional,
      expected: labels === null ? expected : `${expected}${LABELS_ALLOWED}`,
      place: found.place,
      time: it.kind === "time",
      choice: it.kind === "choice",
      guard: column in Object.prototype,
      labels,
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
    labels: bindings.some((b) => b.labels !== null) ? bindings.map((b) => b.labels) : null,
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
 * and required columns absent from the header (one problem per instrument, with the header column each was
 * probably meant to be, if one is close). Allowed to be absent, they may not all be: with no column of an
 * instrument in the header, no row could ever be scored.
 */
export function bindColumns(
  prepared: readonly Prepared[],
  allowMissingColumns: boolean,
  problems: string[],
  header: readonly string[] | null = null,
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
      problems.push(
        `column "${b.column}" (${b.instrument} item ${b.item}) appears more than once in the header, or differs from more than one header column only in case or separators`,
      );
  }
  const absent = bindings.filter((b) => b.place.kind === "absent");
  const missingRequired = allowMissingColumns ? [] : absent.filter((b) => !b.optional);
  // Suggested only from header columns no item is read from.
  const free = header === null ? [] : header.filter((name) => !taken.has(name));
  const meant = (lacking: readonly Binding[]): string => {
    const near = lacking.flatMap((b) => {
      const c = closest(b.column, free);
      return c === null ? [] : [`"${c}" for ${b.column}`];
    });
    return near.length === 0 ? "" : `; did you mean ${near.join(", ")}?`;
  };
  if (allowMissingColumns) {
    for (const p of prepared) {
      const none = p.bindings.length > 0 && p.bindings.every((b) => b.place.kind === "absent");
      if (!none) continue;
      problems.push(
        `no columns for ${p.def.shortTitle} (${p.bindings.map((b) => b.column).join(", ")}): with none of them no row could have a score, even with absent columns read as unanswered${meant(p.bindings)}`,
      );
    }
  }
  if (missingRequired.length > 0) {
    for (const p of prepared) {
      const lacking = missingRequired.filter((b) => b.instrument === p.def.id);
      if (lacking.length === 0) continue;
      const all = lacking.length === p.bindings.filter((b) => !b.optional).length;
      problems.push(
        `${all ? "no columns" : "missing columns"} for ${p.def.shortTitle}: ${lacking.map((b) => b.column).join(", ")}` +
          (all ? "" : ` (items ${lacking.map((b) => b.item).join(", ")})`) +
          meant(lacking),
      );
    }
  }
  return { bindings, absent, missingRequired };
}
