import {
  phq9, phq8, phq2, gad7, gad2, pcs, tsk17, tsk11, fabq, odi,
  rmdq, ndi, pdi, isi, psqi, startback, ompsq10, bpi, peg, pseq,
} from "../instruments/index.js";
import type { InstrumentDefinition } from "./types.js";

/**
 * The bundled definitions by id, as a type. Declared rather than inferred so that type declarations name
 * each definition's type instead of spelling every one out again.
 *
 * @category Registry
 */
export interface Instruments {
  /** {@link phq9} */
  readonly phq9: typeof phq9;
  /** {@link phq8} */
  readonly phq8: typeof phq8;
  /** {@link phq2} */
  readonly phq2: typeof phq2;
  /** {@link gad7} */
  readonly gad7: typeof gad7;
  /** {@link gad2} */
  readonly gad2: typeof gad2;
  /** {@link pcs} */
  readonly pcs: typeof pcs;
  /** {@link tsk17} */
  readonly tsk17: typeof tsk17;
  /** {@link tsk11} */
  readonly tsk11: typeof tsk11;
  /** {@link fabq} */
  readonly fabq: typeof fabq;
  /** {@link odi} */
  readonly odi: typeof odi;
  /** {@link rmdq} */
  readonly rmdq: typeof rmdq;
  /** {@link ndi} */
  readonly ndi: typeof ndi;
  /** {@link pdi} */
  readonly pdi: typeof pdi;
  /** {@link isi} */
  readonly isi: typeof isi;
  /** {@link psqi} */
  readonly psqi: typeof psqi;
  /** {@link startback} */
  readonly startback: typeof startback;
  /** {@link ompsq10} */
  readonly ompsq10: typeof ompsq10;
  /** {@link bpi} */
  readonly bpi: typeof bpi;
  /** {@link peg} */
  readonly peg: typeof peg;
  /** {@link pseq} */
  readonly pseq: typeof pseq;
}

/**
 * Every bundled instrument definition, by id, grouped by domain: depression, anxiety, catastrophizing,
 * fear of movement, disability, sleep, risk screening, pain. Importing this (or scoring by id) pulls in
 * all of them; import a single definition (`import { phq9 } from "stepscore"`) to keep a bundle small.
 *
 * @example
 * ```ts
 * Object.keys(instruments); // ["phq9", "phq8", "phq2", "gad7", "gad2", "pcs", …]
 * instruments.phq9.score.range; // [0, 27]
 * ```
 * @category Registry
 */
export const instruments: Instruments = {
  phq9, phq8, phq2, gad7, gad2, pcs, tsk17, tsk11, fabq, odi, rmdq, ndi, pdi, isi, psqi, startback, ompsq10, bpi, peg, pseq,
};

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
