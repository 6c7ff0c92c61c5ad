// Citations of a pathway's or a definition's sources, as results carry them.
import type { Citation, CitedSource } from "../types.js";

/**
 * A lookup of sources among `references`, each made into its cited form once: the same source backs many
 * pieces of evidence within one `stratify` or `progress` call, and they share one object. Keys are those
 * validation has checked are among the references.
 *
 * @internal
 */
export function citer(references: Readonly<Record<string, Citation>>): (key: string) => CitedSource {
  const cited = new Map<string, CitedSource>();
  return (key) => {
    let c = cited.get(key);
    if (c === undefined) {
      c = { key, ...(references[key] as Citation) };
      cited.set(key, c);
    }
    return c;
  };
}
