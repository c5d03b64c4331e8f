import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "bin/**/*.test.ts", "tests/**/*.test.ts"],
    // Integration and browser suites each start their own PostgreSQL; two cores run them one by one.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    globalSetup: ["tests/setup/global.ts"],
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
  },
});
