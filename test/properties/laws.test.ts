// The scoring laws, checked for every bundled instrument.
import { instruments, type InstrumentDefinition } from "../../src/index.js";
import { describeLaws, type LawOptions } from "../helpers/laws.js";

/** Answer sets an instrument rejects as a whole, though each answer is valid alone. */
const accept: Readonly<Record<string, LawOptions["accept"]>> = {
  // PSQI: bedtime (item 1) equal to getting-up time (item 3) leaves no hours in bed and is rejected.
  psqi: (answers) => answers[0] === null || answers[0] === undefined || answers[0] !== answers[2],
  // PC-PTSD-5: a Yes on items 1–5 after exposure No is rejected (the form then states the total is 0).
  pcptsd5: (answers) => answers[0] !== 0 || answers.slice(1).every((v) => v === null || v === undefined || v === 0),
};

for (const def of Object.values(instruments) as InstrumentDefinition[]) {
  const options = accept[def.id];
  describeLaws(def, options === undefined ? {} : { accept: options });
}
