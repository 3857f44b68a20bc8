import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 180_000,
    // Two cores: more workers than that only adds contention with Redis and FerretDB.
    maxWorkers: 2,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/results.json" },
  },
});
