import { defineConfig } from "vitest/config";

// The browser page test: needs the built bundle (npm run build) and Chromium (Debian's chromium package).
export default defineConfig({
  test: { include: ["test/browser/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
