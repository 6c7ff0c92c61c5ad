// Turns the command line's scoring options (--map, --coerce, --na, --missing-rule, --flag, --setting) into
// batch options. Every declaration is explicit: nothing about a file's coding is guessed.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { getInstrument, type BatchInstrument, type BatchOptions, type InstrumentId } from "../index.js";
import { CliError, type Io } from "./io.js";

/** The scoring options as parsed by parseArgs. */
export interface ScoringFlags {
  readonly map?: string | undefined;
  readonly coerce?: readonly string[] | undefined;
  readonly na?: readonly string[] | undefined;
  readonly "missing-rule"?: readonly string[] | undefined;
  readonly flag?: readonly string[] | undefined;
  readonly setting?: readonly string[] | undefined;
  readonly "allow-missing-columns"?: boolean | undefined;
  readonly "decimal-comma"?: boolean | undefined;
  readonly labels?: boolean | undefined;
}

/** How an export is read and the output written, beyond the batch options (see {@link outputFlags}). */
export interface OutputFlags {
  /** Rows after the header passed through unscored (Qualtrics' question-text rows); null: recognised. */
  readonly skipRows: number | null;
  /** Decimal places of the score columns; null: as computed. */
  readonly digits: number | null;
  /** Whether a `<id>_band_label` column follows `<id>_band`. */
  readonly bandLabels: boolean;
}

/** Reads --skip-rows, --digits and --band-labels. */
export function outputFlags(values: {
  readonly "skip-rows"?: unknown;
  readonly digits?: unknown;
  readonly "band-labels"?: unknown;
}): OutputFlags {
  const count = (option: string, value: unknown, max: number): number | null => {
    if (typeof value !== "string") return null;
    if (!/^\d+$/.test(value) || Number(value) > max)
      throw new CliError(`--${option} expects a whole number from 0 to ${String(max)}, not "${value}"`, true);
    return Number(value);
  };
  return {
    skipRows: count("skip-rows", values["skip-rows"], 1000),
    digits: count("digits", values.digits, 10),
    bandLabels: values["band-labels"] === true,
  };
}

/** Column mapping by instrument id, as read from a --map file. */
export type ColumnMap = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

/** Splits "phq9,gad7" into ids; case does not matter. */
export function instrumentList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
}

/** Reads and checks a --map file: `{ "<id>": "PATTERN_{item}" | { "<item>": "<column>", … }, … }`. */
export async function readMap(path: string, io: Io): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(`cannot read the map file ${path}: ${code === "ENOENT" ? "no such file" : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `the map file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const shape = `it must be a JSON object such as {"phq9": "PHQ_Q{item}", "gad7": {"1": "anx1", "2": "anx2"}}`;
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new CliError(`the map file ${path}: ${shape}`);
  const problems: string[] = [];
  for (const [id, value] of Object.entries(data)) {
    const def = getInstrument(id);
    if (def === undefined) {
      problems.push(`"${id}" is not an instrument id (see stepscore list)`);
      continue;
    }
    if (typeof value === "string") continue;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push(`"${id}" must be a column pattern with {item} in it, or an object of item id → column name`);
      continue;
    }
    for (const [item, column] of Object.entries(value as Record<string, unknown>)) {
      if (typeof column !== "string" || column === "")
        problems.push(`"${id}" item "${item}" must map to a column name`);
    }
  }
  if (problems.length > 0) throw new CliError(`the map file ${path}: ${problems.join("; ")}`);
  return data as ColumnMap;
}

/** Parses repeated `<ids>=<value>` declarations into value by instrument id. */
function perInstrument(
  option: string,
  values: readonly string[] | undefined,
  ids: ReadonlySet<string>,
  example: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const text of values ?? []) {
    const eq = text.indexOf("=");
    if (eq <= 0 || eq === text.length - 1)
      throw new CliError(`--${option} expects <instrument>=<value>, e.g. --${option} ${example}; got "${text}"`, true);
    for (const id of instrumentList(text.slice(0, eq))) {
      if (!ids.has(id))
        throw new CliError(
          `--${option} ${text}: ${id} is not among the instruments being scored (${[...ids].join(", ")})`,
          true,
        );
      out.set(id, [...(out.get(id) ?? []), text.slice(eq + 1)]);
    }
  }
  return out;
}

/** Builds the batch options for the instruments named on the command line (or found in the file). */
export function batchOptions(ids: readonly string[], flags: ScoringFlags, map: ColumnMap): BatchOptions {
  const known = new Set(ids);

  const offsets = perInstrument("coerce", flags.coerce, known, "phq9=offset:-1");
  const rules = perInstrument("missing-rule", flags["missing-rule"], known, "phq9=cms-mds");
  const optIn = perInstrument("flag", flags.flag, known, "phq2=sensitive-cutoff");
  const settings = new Map<string, Record<string, boolean | string>>();
  for (const text of flags.setting ?? []) {
    // true/false for an on/off setting, else one of an enumerated setting's values (auditc.sex=female).
    const m = /^([a-z0-9]+)\.([A-Za-z0-9-]+)=([a-z][a-z0-9-]*)$/i.exec(text);
    if (m === null)
      throw new CliError(
        `--setting expects <instrument>.<setting>=<value>, e.g. --setting psqi.require5j=true or --setting auditc.sex=female; got "${text}"`,
        true,
      );
    const [, rawId = "", name = "", value = ""] = m;
    const id = rawId.toLowerCase();
    if (!known.has(id)) throw new CliError(`--setting ${text}: ${id} is not among the instruments being scored`, true);
    const lower = value.toLowerCase();
    settings.set(id, { ...settings.get(id), [name]: lower === "true" ? true : lower === "false" ? false : value });
  }

  const instruments = ids.map((id): BatchInstrument => {
    const offsetText = offsets.get(id);
    let offset: number | undefined;
    if (offsetText !== undefined) {
      const last = offsetText[offsetText.length - 1] ?? "";
      const m = /^offset:([+-]?\d+)$/.exec(last);
      if (m === null || offsetText.length > 1) {
        throw new CliError(
          `--coerce ${id}=${last}: the only coercion is offset:<n>, added to every choice answer (e.g. ${id}=offset:-1 for a file coded 1–4 instead of 0–3), given once per instrument`,
          true,
        );
      }
      offset = Number(m[1]);
    }
    const rule = rules.get(id);
    if (rule !== undefined && rule.length > 1) throw new CliError(`--missing-rule is given twice for ${id}`, true);
    const options = {
      ...(rule === undefined ? {} : { missing: rule[0] }),
      ...(optIn.has(id) ? { flags: optIn.get(id) } : {}),
      ...(settings.has(id) ? { settings: settings.get(id) } : {}),
    };
    const columns = map[id];
    return {
      instrument: id as InstrumentId,
      ...(columns === undefined ? {} : { columns }),
      ...(offset === undefined ? {} : { offset }),
      ...(Object.keys(options).length === 0 ? {} : { options: options as BatchInstrument["options"] & object }),
    };
  });
  return {
    instruments,
    ...(flags.na === undefined ? {} : { missingCodes: flags.na }),
    // A clock time "7:30" is what spreadsheets write for 07:30; the other readings only when declared.
    reading: { shortTimes: true, decimalComma: flags["decimal-comma"] === true, labels: flags.labels === true },
    ...(flags["allow-missing-columns"] === true ? { allowMissingColumns: true } : {}),
  };
}
