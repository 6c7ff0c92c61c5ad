// The instrument pages are generated from the definitions; this fails when one is out of date.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pages } from "../scripts/docs.js";

const root = join(import.meta.dirname, "..");

describe("generated documentation", () => {
  it.each(pages().map(([path, content]) => [path, content] as const))(
    "%s is up to date (npm run docs:instruments)",
    (path, content) => {
      const file = join(root, path);
      expect(existsSync(file), `${path} is missing`).toBe(true);
      expect(readFileSync(file, "utf8")).toBe(content);
    },
  );
});
