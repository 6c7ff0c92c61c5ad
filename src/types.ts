/**
 * The declarative instrument model and the result types derived from it, gathered from their modules:
 * the definition model (model.ts), change facts (change-facts.ts), type-level derivations (derive.ts) and
 * scoring inputs and results (result.ts).
 *
 * @module
 */
export type * from "./model.js";
export type * from "./change-facts.js";
export type * from "./derive.js";
export type * from "./result.js";
