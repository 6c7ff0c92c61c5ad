// Type-level derivations: the ids of a definition's items, scales, bands, flags and options, read from its
// literal type (`as const satisfies InstrumentDefinition`), so results and options are typed from it.
import type { InstrumentDefinition } from "./model.js";

/** Item ids of a definition. */
export type ItemId<D extends InstrumentDefinition> = D["items"][number]["id"];

/** The `id` of each member of a union (distributes). */
type IdOf<T> = T extends { readonly id: infer I extends string } ? I : never;

/** The element type of an optional array property; never when the property is absent. */
type ElementOf<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;

/** Subscale ids of a definition (string for a definition known only at run time). */
export type SubscaleId<D extends InstrumentDefinition> = D extends { readonly subscales?: infer S }
  ? IdOf<ElementOf<S>>
  : never;

/** Id of the primary score, or never when the instrument has none. */
export type PrimaryScaleId<D extends InstrumentDefinition> = IdOf<NonNullable<D["score"]>>;

/** Band ids of the primary score. */
export type BandId<D extends InstrumentDefinition> =
  NonNullable<D["score"]> extends infer S
    ? S extends { readonly bands?: infer B }
      ? IdOf<ElementOf<B>>
      : never
    : never;

/** Flag ids of a definition. */
export type FlagId<D extends InstrumentDefinition> = D extends { readonly flags?: infer F }
  ? IdOf<ElementOf<F>>
  : never;

/** An opt-in flag's id: literal `optIn: true`, or any flag of a definition known only at run time. */
type OptInId<F> = F extends { readonly optIn: true }
  ? IdOf<F>
  : F extends { readonly optIn?: infer O }
    ? boolean extends O
      ? unknown extends O
        ? never
        : IdOf<F>
      : never
    : never;

/** Ids of opt-in flags of a definition. */
export type OptInFlagId<D extends InstrumentDefinition> = D extends { readonly flags?: infer F }
  ? OptInId<ElementOf<F>>
  : never;

/** Ids of a definition's alternative missing-data rules. */
export type MissingOptionId<D extends InstrumentDefinition> = D extends { readonly missingOptions?: infer M }
  ? IdOf<ElementOf<M>>
  : never;

/**
 * `options.settings` as a definition declares them, each optional: `{ sex?: "female" | "male" }` for the
 * AUDIT-C. An enumerated setting left out is unset.
 */
export type SettingsOf<D extends InstrumentDefinition> = D extends { readonly settings?: infer S }
  ? {
      // The value each takes: one of an enumerated setting's values, or true/false.
      readonly [X in ElementOf<S> as IdOf<X>]?: X extends {
        readonly type: "enum";
        readonly values: readonly (infer V extends string)[];
      }
        ? V
        : X extends { readonly type: "boolean" }
          ? boolean
          : never;
    }
  : never;
