// `progress` per person, and `progressRows` (what `stepscore progress` runs) per person, over
// examples/cohort-long.csv: PHQ-9 and GAD-7 at up to three visits per person.
//
// `npm run bench:progress -- --before <git ref>` also measures the library as it was at that commit, side by
// side in the same run (its src/ and instruments/ are extracted into a temporary directory), and reports the
// ratio; `npm run bench` runs the section without a comparison.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import * as current from "../src/index.js";
import { int, measure, ns, perSecond, ratio, time, times, type SectionResult, type Task } from "./measure.js";

type Library = Pick<typeof current, "defaultPathway" | "progress" | "progressRows">;

const root = join(import.meta.dirname, "..");
const ROUNDS = 3;
const OPTIONS = { instruments: ["phq9", "gad7"], id: "id", at: "date" } as const;

let last: unknown = null;

/** The library's src/ and instruments/ as they were at `ref`, loaded from a temporary directory. */
async function libraryAt(ref: string): Promise<{ lib: Library; commit: string; dispose: () => void }> {
  const rev = spawnSync("git", ["rev-parse", "--short", `${ref}^{commit}`], { cwd: root, encoding: "utf8" });
  if (rev.status !== 0) throw new Error(`--before: "${ref}" is not a commit (${rev.stderr.trim()})`);
  const commit = rev.stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), "stepscore-before-"));
  const archive = spawnSync("git", ["archive", commit, "src", "instruments"], { cwd: root, maxBuffer: 2 ** 28 });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr.toString()}`);
  const tar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`extracting ${commit} failed: ${tar.stderr.toString()}`);
  // Its imports (zod) resolve from this checkout's node_modules.
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const lib = (await import(join(dir, "src", "index.ts"))) as Library;
  return {
    lib,
    commit,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function progressSection(before?: string): Promise<SectionResult> {
  const records = parse<Record<string, string>>(readFileSync(join(root, "examples", "cohort-long.csv"), "utf8"), {
    columns: true,
  });
  const { persons, rows, actions } = current.progressRows(records, OPTIONS);
  if (!actions) throw new Error("progressRows judged no actions: the dates were not read");
  const people = persons.map((p) => p.history.map(({ at, result }) => ({ at, result })));
  const calls = rows.length;
  const entries = people.reduce((n, h) => n + h.length, 0);
  const old = before === undefined ? null : await libraryAt(before);
  try {
    const libs: [string, Library][] = [
      ["", current],
      ...(old === null ? [] : [[" (before)", old.lib] as [string, Library]]),
    ];
    const tasks: Task[] = libs.flatMap(([suffix, lib]) => {
      // A pathway of one's own: the default's content in objects that are not frozen, reused for everyone.
      const own = structuredClone<typeof lib.defaultPathway>(lib.defaultPathway);
      if (old !== null) {
        // Both versions must agree before their speed means anything.
        const a = JSON.stringify(people.map((h) => current.progress(h)));
        const b = JSON.stringify(people.map((h) => lib.progress(h)));
        if (a !== b) throw new Error(`progress gives other results at ${old.commit}`);
      }
      return [
        {
          name: `progress${suffix}`,
          rows: people.length,
          fn: () => {
            for (const h of people) last = lib.progress(h);
          },
        },
        {
          name: `progress own pathway${suffix}`,
          rows: people.length,
          fn: () => {
            for (const h of people) last = lib.progress(h, { pathway: own });
          },
        },
        {
          name: `progressRows${suffix}`,
          rows: persons.length,
          fn: () => {
            last = lib.progressRows(records, OPTIONS);
          },
        },
      ];
    });
    const t = await measure("progress", tasks, { rounds: ROUNDS, time: 1000, warmupTime: 300 });
    if (last === null) throw new Error("nothing ran");
    const line = (label: string, name: string): string =>
      `| ${label} | ${time(ns(t, name))} | ${perSecond(ns(t, name))} |${old === null ? "" : ` ${time(ns(t, `${name} (before)`))} | ${times(ratio(t, `${name} (before)`, name))} |`}`;
    const head =
      old === null
        ? "| per person | time | calls/s |\n|---|---|---|"
        : `| per person | time | calls/s | at ${old.commit} | ${old.commit} to now |\n|---|---|---|---|---|`;
    const markdown = `## Care over time: \`progress\`

examples/cohort-long.csv: ${int(persons.length)} people, ${int(entries)} dated PHQ-9 and GAD-7 results (up to three visits each).
\`progress(history)\` once per person over their whole history, with the default pathway and with a pathway of
one's own (the default's content, not frozen, one object reused for everyone); and \`progressRows\` over the file
(${int(calls)} rows out: one \`progress\` call per person per follow-up), per person. tinybench, ${String(ROUNDS)} rounds, median.

${head}
${line("`progress(history)`", "progress")}
${line("`progress(history, { pathway: own })`", "progress own pathway")}
${line("`progressRows(records)`, per person", "progressRows")}

A pathway is validated once per object (and, when it is not deeply frozen, serialised once per call to check
that its content has not changed), then every \`stratify\` inside a \`progress\` call runs on the checked form.
`;
    return { markdown, targets: [] };
  } finally {
    old?.dispose();
  }
}

if (process.argv[1] === import.meta.filename) {
  const at = process.argv.indexOf("--before");
  const ref = at === -1 ? undefined : process.argv[at + 1];
  if (at !== -1 && ref === undefined) throw new Error("--before needs a git ref");
  process.stdout.write((await progressSection(ref)).markdown);
}
