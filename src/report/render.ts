// Vega-Lite specs to SVG, in-process: Vega's SVG renderer works without a DOM or a canvas. Vega and Vega-Lite
// are optional peer dependencies, imported here only, on first use, so nothing else loads them.
import type { Spec } from "./specs.js";

/** What the report needs of Vega and Vega-Lite. */
export interface Charting {
  /** A Vega-Lite spec to an SVG document. */
  readonly toSvg: (spec: Spec) => Promise<string>;
}

/** The message for a missing charting library. */
export const MISSING_CHARTING =
  "the report draws its charts with Vega and Vega-Lite, which are optional: npm install vega vega-lite";

/** True for the error Node (or a bundler) gives for a package that is not installed, also when wrapped as a cause. */
export function isMissingModule(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 5) return false;
  const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
  return (
    code === "ERR_MODULE_NOT_FOUND" ||
    code === "MODULE_NOT_FOUND" ||
    (typeof message === "string" && /cannot find (module|package)|failed to (load|resolve)/i.test(message)) ||
    isMissingModule(cause, depth + 1)
  );
}

let loaded: Promise<Charting> | undefined;

/**
 * Vega and Vega-Lite, imported once.
 *
 * @throws Error saying `npm install vega vega-lite` when either is not installed
 */
export function charting(): Promise<Charting> {
  loaded ??= load().catch((e: unknown) => {
    loaded = undefined;
    throw isMissingModule(e) ? new Error(MISSING_CHARTING, { cause: e }) : e;
  });
  return loaded;
}

async function load(): Promise<Charting> {
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  return {
    async toSvg(spec: Spec): Promise<string> {
      const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
      // No loader is given data by URL (every spec carries its values), so rendering reads nothing from outside.
      const view = new vega.View(vega.parse(compiled), { renderer: "none" });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    },
  };
}
