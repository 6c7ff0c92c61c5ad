// Where the time goes: runs bench/profile-score.mjs under `node --cpu-prof` and sums the profile's samples
// by function (self time: the function's own code and the builtins it calls, not its callees).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
}

/** A function's share of the samples. */
export interface Hotspot {
  readonly functionName: string;
  /** The script's file name, e.g. "chunk-….js"; empty for V8's own entries such as the garbage collector. */
  readonly file: string;
  readonly share: number;
}

/**
 * Profiles `score`, `score` keeping every result of a pass in an array, or `safeScore` on `rows` (PHQ-9
 * arrays) for `seconds`; the functions by self time, largest first.
 */
export function profile(
  rows: readonly unknown[],
  mode: "score" | "scoreKept" | "safeScore",
  seconds: number,
  work: string,
): Hotspot[] {
  const dir = mkdtempSync(join(work, `profile-${mode}-`));
  const rowsFile = join(dir, "rows.json");
  writeFileSync(rowsFile, JSON.stringify(rows));
  const r = spawnSync(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      join(import.meta.dirname, "profile-score.mjs"),
      rowsFile,
      mode,
      String(seconds),
    ],
    { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] },
  );
  if (r.status !== 0) throw new Error(`profiling ${mode} failed: ${r.stderr}`);
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (file === undefined) throw new Error(`profiling ${mode} wrote no profile`);
  const p = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { functionName: string; file: string; count: number }>();
  let total = 0;
  for (const id of p.samples) {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined || frame.functionName === "(idle)") continue;
    const functionName = frame.functionName === "" ? "(anonymous)" : frame.functionName;
    const file = frame.url.split("/").pop() ?? "";
    const key = `${functionName} ${file}`;
    const entry = self.get(key) ?? { functionName, file, count: 0 };
    entry.count++;
    self.set(key, entry);
    total++;
  }
  return [...self.values()]
    .map((e) => ({ functionName: e.functionName, file: e.file, share: e.count / total }))
    .sort((a, b) => b.share - a.share);
}
