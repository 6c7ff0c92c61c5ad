import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "test/tsconfig.json" },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "instruments/**/*.ts"],
      exclude: ["src/testing/**"],
      thresholds: { lines: 95, branches: 90, functions: 95, statements: 95 },
    },
  },
});
