import { defineConfig } from "vitest/config";

// The browser tests: the page test needs the built bundle (npm run build); both need Chromium (Debian's
// chromium package). The report's test renders from the source and opens the file it writes.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts", "test/report/**/*.browser.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
