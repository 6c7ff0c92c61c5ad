import { catalogue } from "./catalogue.js";
import type * as Index from "../instruments/index.js";
import type { InstrumentDefinition } from "./types.js";

/**
 * The bundled definitions by id, as a type, derived from the instrument index: src/catalogue.ts is
 * generated from the index (`npm run docs:instruments`), and a catalogue that differs from it is a compile
 * error here (and `npm run docs:check` says it is out of date).
 *
 * @category Registry
 */
export type Instruments = { readonly [K in keyof typeof Index]: (typeof Index)[K] };

/**
 * Every bundled instrument definition, by id, grouped by domain: depression, anxiety (the PHQ-4, which
 * screens both, after the GAD-2), catastrophizing, fear of movement, disability, sleep, risk screening,
 * pain. Importing this (or scoring by id) pulls in all of them; import a single definition
 * (`import { phq9 } from "stepscore"`) to keep a bundle small.
 *
 * @example
 * ```ts
 * Object.keys(instruments); // ["phq9", "phq8", "phq2", "gad7", "gad2", "phq4", …]
 * instruments.phq9.score.range; // [0, 27]
 * ```
 * @category Registry
 */
export const instruments: Instruments = catalogue;

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
