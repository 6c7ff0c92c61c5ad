// Preloaded into each benchmarked process (node --import): reports the process's peak memory on exit.
import { writeSync } from "node:fs";
import process from "node:process";

process.on("exit", () => {
  writeSync(2, `\nmaxrss-kb ${String(process.resourceUsage().maxRSS)}\n`);
});
