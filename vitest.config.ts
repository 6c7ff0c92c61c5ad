import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Property tests run hundreds of cases; on a busy shared machine the 5 s default is too tight.
    testTimeout: 20_000,
    // The browser page test needs a build and Chromium: it runs with vitest.browser.config.ts.
    exclude: ["test/browser/**", "node_modules/**"],
    // The JSON report lets CI print a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-output/vitest.json" }]],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "test/tsconfig.json" },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "instruments/**/*.ts"],
      exclude: ["src/testing/**"],
      thresholds: { lines: 95, branches: 90, functions: 95, statements: 95 },
    },
  },
});
