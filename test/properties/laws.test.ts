// The scoring laws, checked for every bundled instrument.
import { instruments, type InstrumentDefinition } from "../../src/index.js";
import { describeLaws, type LawOptions } from "../helpers/laws.js";

/** Answer sets an instrument rejects as a whole, though each answer is valid alone. */
const accept: Readonly<Record<string, LawOptions["accept"]>> = {};

for (const def of Object.values(instruments) as InstrumentDefinition[]) {
  const options = accept[def.id];
  describeLaws(def, options === undefined ? {} : { accept: options });
}
