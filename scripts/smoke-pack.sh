#!/usr/bin/env bash
# Packs the library and uses the tarball from a scratch project, as a user would: ESM import, CommonJS
# require, and TypeScript resolving the declarations of both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
printf '{ "name": "scratch", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --silent "./$tarball" fast-check@4
cat > esm.mjs <<'JS'
import { score, phq9 } from "stepscore";
const r = score(phq9, [1, 2, 1, 2, 0, 1, 3, 2, 1]);
if (r.score !== 13 || r.band?.id !== "moderate" || r.flags[0]?.id !== "self-harm") throw new Error(`ESM: ${JSON.stringify(r)}`);
console.log("import:  PHQ-9 13, moderate, self-harm flag");
JS
cat > cjs.cjs <<'JS'
const { score, ScoreInputError } = require("stepscore");
const r = score("phq9", [1, 2, 1, 2, 0, 1, 3, 2, 0]);
if (r.score !== 12 || r.band?.id !== "moderate") throw new Error(`CJS: ${JSON.stringify(r)}`);
try { score("phq9", [4, 0, 0, 0, 0, 0, 0, 0, 0]); throw new Error("no error"); } catch (e) { if (!(e instanceof ScoreInputError)) throw e; }
const core = require("stepscore/core");
if (core.score(require("stepscore").phq9, [1, 2, 1, 2, 0, 1, 3, 2, 0]).score !== 12) throw new Error("core");
try { core.score(require("stepscore").phq9, [4, 0, 0, 0, 0, 0, 0, 0, 0]); throw new Error("no error"); } catch (e) { if (!(e instanceof ScoreInputError)) throw new Error("instanceof across entries"); }
console.log("require: PHQ-9 12, moderate; invalid answers throw ScoreInputError, from either entry");
JS
cat > lean.mjs <<'JS'
import { score, phq9, psqi } from "stepscore/core";
import * as full from "stepscore";
const answers = [1, 2, 1, 2, 0, 1, 3, 2, 1];
if (JSON.stringify(score(phq9, answers)) !== JSON.stringify(full.score(full.phq9, answers))) throw new Error("core phq9 scores differently");
const sleep = ["23:00", 40, "07:00", 6.5, 2, 3, 2, 0, 1, 0, 0, 1, 3, 0, 2, 0, 1, 2];
if (score(psqi, sleep).score !== 10) throw new Error("core psqi");
let said = "";
try { void phq9.title; } catch (e) { said = e.message; }
if (!said.includes('import phq9 from "stepscore"') || JSON.stringify(phq9).includes("Kroenke")) throw new Error(`core phq9 is not the scoring-only form: ${said}`);
const { phq9: cjsPhq9 } = (await import("node:module")).createRequire(import.meta.url)("stepscore/core");
if (JSON.stringify(cjsPhq9) !== JSON.stringify(phq9)) throw new Error("stepscore/core differs between import and require");
console.log("core:    scoring-only phq9 and psqi score as the full definitions, for import and require");
JS
cat > types.mts <<'TS'
import { score, phq9 } from "stepscore";
const band: "minimal" | "mild" | "moderate" | "moderately-severe" | "severe" | undefined = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]).band?.id;
export { band };
TS
cat > core-types.mts <<'TS'
import { score, phq9 } from "stepscore/core";
const band: "minimal" | "mild" | "moderate" | "moderately-severe" | "severe" | undefined = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]).band?.id;
export { band };
TS
cat > types.cts <<'TS'
import stepscore = require("stepscore");
const id: "phq9" = stepscore.score(stepscore.phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0]).instrument;
export = id;
TS
cat > kit.mjs <<'JS'
import * as fc from "fast-check";
import { createRequire } from "node:module";
import { score, phq9 } from "stepscore";
import { answerSet, answerSetWithInvalid } from "stepscore/testing";
fc.assert(fc.property(answerSet(phq9), (a) => { const r = score(phq9, a); return r.score !== null && r.score >= 0 && r.score <= 27; }), { numRuns: 50 });
fc.assert(fc.property(answerSetWithInvalid(phq9), ({ answers }) => { try { score(phq9, answers); return false; } catch { return true; } }), { numRuns: 50 });
const vectors = createRequire(import.meta.url)("stepscore/vectors/phq9.json");
for (const v of vectors.vectors) if (!v.options && score(phq9, v.answers).score !== v.expect.score) throw new Error(v.name);
console.log(`kit:     stepscore/testing arbitraries and ${vectors.vectors.length} PHQ-9 vectors from the package`);
JS
node esm.mjs
node kit.mjs
node cjs.cjs
node lean.mjs
"$root/node_modules/.bin/tsc" --ignoreConfig --strict --noEmit --module nodenext --moduleResolution nodenext --skipLibCheck types.mts types.cts core-types.mts
echo "types:   resolve for import and require"
# The command line as `npx stepscore` runs it from the installed tarball; exit 1 means a row had errors.
printf 'id,phq2_1,phq2_2\nA,1,2\nB,1,x\n' > rows.csv
set +e
npx --no-install stepscore score phq2 rows.csv --quiet > scored.csv
status=$?
set -e
if [ "$status" != 1 ] || ! grep -q '^A,1,2,3,positive,complete,,,$' scored.csv || [ "$(wc -l < scored.csv)" != 3 ]; then
  echo "npx stepscore: unexpected output (exit $status):"; cat scored.csv; exit 1
fi
npx --no-install stepscore --help | grep -q '^Usage:'
echo "npx:     stepscore score writes every row, exit code 1 for a bad cell"
# The CSV libraries belong to the command line only: the library bundles must not import them.
if grep -l 'csv-parse\|csv-stringify' "$root"/dist/index.js "$root"/dist/index.cjs; then
  echo "the library bundle imports a CSV library"; exit 1
fi
echo "bundle:  dist/index.* import no CSV library"
