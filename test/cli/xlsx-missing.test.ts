// Without the optional read-excel-file package, an .xlsx input is refused with what to install (or do).
// A real process whose module resolution cannot find the package, as on an install without it.
import { spawnSync } from "node:child_process";
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { workdir } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
// By its path: a process started in another directory would not find the package by name.
const tsx = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;

describe(".xlsx without read-excel-file", () => {
  it("says to install it or save the sheet as CSV, and writes nothing", () => {
    const dir = workdir();
    copyFileSync(join(import.meta.dirname, "..", "fixtures", "exports", "intake.xlsx"), join(dir, "intake.xlsx"));
    // A resolve hook that answers as Node does for a package that is not installed.
    writeFileSync(
      join(dir, "hooks.mjs"),
      `export async function resolve(specifier, context, next) {
  if (specifier.startsWith("read-excel-file")) {
    throw Object.assign(new Error("Cannot find package 'read-excel-file'"), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return next(specifier, context);
}\n`,
    );
    writeFileSync(
      join(dir, "register.mjs"),
      `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`,
    );
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        tsx,
        "--import",
        "./register.mjs",
        join(root, "src/cli/main.ts"),
        "score",
        "phq9",
        "intake.xlsx",
        "-o",
        "out.csv",
      ],
      { cwd: dir, encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "stepscore: reading .xlsx workbooks needs the read-excel-file package: install it beside stepscore (npm install read-excel-file), or save the sheet as CSV (UTF-8) and score that\n",
    );
    expect(readdirSync(dir).sort()).toEqual(["hooks.mjs", "intake.xlsx", "register.mjs"]);
  });
});
