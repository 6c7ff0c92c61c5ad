/**
 * Type-level checks shared by the rule modules: a union told apart by key presence (conditions, bands) gets
 * a kind table here, and the compiler proves the table names every member.
 *
 * @module
 */

/** True when A and B are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compiles only when the members of `Table` together are exactly `Union`: adding a member to the union
 * without a kind in the table (or the reverse) is a compile error where the table is declared.
 *
 * @internal
 */
export type Covers<Table extends Record<string, unknown>, Union> =
  Same<Table[keyof Table], Union> extends true ? Table : never;

/**
 * The end of a switch over a kind: a case left out makes `kind` not `never`, a compile error.
 *
 * @internal
 */
export function unreachable(kind: never): never {
  throw new TypeError(`unknown rule kind ${JSON.stringify(kind)}`);
}
