import * as bundled from "../instruments/index.js";
import type { InstrumentDefinition } from "./types.js";

/**
 * The bundled definitions by id, as a type: derived from the instrument index, so that adding an instrument
 * there adds it here.
 *
 * @category Registry
 */
export type Instruments = { readonly [K in keyof typeof bundled]: (typeof bundled)[K] };

// The catalogue's order: by domain in this order (a domain not listed comes after, by name), then the form
// with more items first (a full form before its short forms), then by id. A module namespace lists its
// exports alphabetically, which would put the PHQ-2 before the PHQ-9.
const DOMAIN_ORDER: readonly string[] = [
  "depression", "anxiety", "catastrophizing", "fear-of-movement", "disability", "sleep", "risk", "pain", "self-efficacy",
];

/* @__NO_SIDE_EFFECTS__ */
function catalogue(index: Readonly<Record<string, InstrumentDefinition>>): Instruments {
  const rank = (d: InstrumentDefinition): number => {
    const i = DOMAIN_ORDER.indexOf(d.domain);
    return i < 0 ? DOMAIN_ORDER.length : i;
  };
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = Object.values(index).sort(
    (a, b) => rank(a) - rank(b) || byName(a.domain, b.domain) || b.items.length - a.items.length || byName(a.id, b.id),
  );
  return Object.fromEntries(sorted.map((d) => [d.id, d])) as unknown as Instruments;
}

/**
 * Every bundled instrument definition, by id, grouped by domain: depression, anxiety, catastrophizing,
 * fear of movement, disability, sleep, risk screening, pain, self-efficacy. Importing this (or scoring by id)
 * pulls in all of them; import a single definition (`import { phq9 } from "stepscore"`) to keep a bundle small.
 *
 * @example
 * ```ts
 * Object.keys(instruments); // ["phq9", "phq8", "phq2", "gad7", "gad2", "pcs", …]
 * instruments.phq9.score.range; // [0, 27]
 * ```
 * @category Registry
 */
export const instruments: Instruments = /* @__PURE__ */ catalogue(bundled);

/** Id of a bundled instrument. @category Registry */
export type InstrumentId = keyof Instruments;

/** Any bundled definition. @category Registry */
export type AnyInstrument = Instruments[InstrumentId];

/**
 * Looks up a bundled definition by id.
 *
 * @param id - e.g. "phq9"
 * @returns the definition, or undefined for an unknown id
 * @example
 * ```ts
 * getInstrument("gad7")?.title; // "Generalized Anxiety Disorder 7-item scale"
 * ```
 * @category Registry
 */
export function getInstrument<K extends InstrumentId>(id: K): Instruments[K];
export function getInstrument(id: string): InstrumentDefinition | undefined;
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return Object.hasOwn(instruments, id) ? instruments[id as InstrumentId] : undefined;
}

/** True when `id` names a bundled instrument. @category Registry */
export function isInstrumentId(id: string): id is InstrumentId {
  return Object.hasOwn(instruments, id);
}
