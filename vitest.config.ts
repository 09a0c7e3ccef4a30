import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A developer's own .env (Slack tokens, a port) must not reach the processes the tests start.
    env: { SAMSYN_ENV_FILE: "" },
  },
});
