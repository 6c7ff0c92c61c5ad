#!/usr/bin/env node
// The `stepscore` command. Everything but wiring up the real process lives in run.ts.
import { processIo, removeTemporaryOnSignal } from "./io.js";
import { run } from "./run.js";

removeTemporaryOnSignal();
process.exitCode = await run(process.argv.slice(2), processIo());
