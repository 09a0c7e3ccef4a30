import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default (cores − 1) runs one file at a time on a 2-core CI machine, while the longest
    // files (npm start with reminders due a minute later, spawned commands) mostly wait: two at a
    // time took the suite from ~11 to ~7 minutes there, with every test green.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // A developer's own .env (Slack tokens, a port) must not reach the processes the tests start.
    env: { SAMSYN_ENV_FILE: "" },
  },
});
