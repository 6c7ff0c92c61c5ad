// Preloaded into each benchmarked process (node --import): reports the process's peak memory and the CPU
// time it used, on exit.
import { writeSync } from "node:fs";
import process from "node:process";

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nmaxrss-kb ${String(usage.maxRSS)} cpu-us ${String(usage.userCPUTime + usage.systemCPUTime)}\n`);
});
