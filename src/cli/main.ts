#!/usr/bin/env node
// The `stepscore` command. Everything but wiring up the real process lives in run.ts.
import { processIo } from "./io.js";
import { run } from "./run.js";

process.exitCode = await run(process.argv.slice(2), processIo());
