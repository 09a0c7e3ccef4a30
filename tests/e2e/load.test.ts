import { expect, it } from "vitest";
import { runLoad } from "../../scripts/bench-load-driver.ts";

// The small version of `npm run bench -- --load`: the real server over HTTP, web questions and
// signed Slack events at once, then questions in a row. Every request must be answered; timing
// and memory are the benchmark's business, not this test's.
it("answers every concurrent web question and Slack event, then every sequential question", async () => {
  const result = await runLoad({ concurrentWeb: 20, concurrentSlack: 20, sequential: 200 });
  expect(result.web).toMatchObject({ errors: 0, examples: [] });
  expect(result.web.latency.count).toBe(20);
  expect(result.slackAck).toMatchObject({ errors: 0, examples: [] });
  expect(result.slackAnswer).toMatchObject({ errors: 0, examples: [] });
  expect(result.slackAnswer.latency.count).toBe(20);
  expect(result.soak).toMatchObject({ errors: 0, examples: [] });
  expect(result.soak.latency.count).toBe(200);
  expect(result.alive).toBe(true);
}, 300_000);
