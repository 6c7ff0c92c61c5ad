// Generated from instruments/index.ts by `npm run docs:instruments` (scripts/docs.ts); do not edit. The
// bundled definitions by id, in the index's order: written out, because a module namespace object would
// keep every definition in any bundle that imports a single one.
import {
  phq9,
  phq8,
  phq2,
  gad7,
  gad2,
  pcs,
  tsk17,
  tsk11,
  fabq,
  odi,
  rmdq,
  ndi,
  pdi,
  isi,
  psqi,
  startback,
  ompsq10,
  bpi,
  peg,
  pseq,
} from "../instruments/index.js";

/** The bundled definitions by id, in the instrument index's order (src/registry.ts types and exports it). */
export const catalogue = {
  phq9,
  phq8,
  phq2,
  gad7,
  gad2,
  pcs,
  tsk17,
  tsk11,
  fabq,
  odi,
  rmdq,
  ndi,
  pdi,
  isi,
  psqi,
  startback,
  ompsq10,
  bpi,
  peg,
  pseq,
} as const;
