import { describe, expect, it } from "vitest";
import type { AskOptions, AskResult } from "../answer/answer-service.ts";
import { EVERYTHING } from "../retrieval/scope.ts";
import { askWithinDeadline } from "./ask-within-deadline.ts";

describe("askWithinDeadline", () => {
  it("gives up on an answer that takes too long and tells the answer path to stop, even if it ignores that", async () => {
    const seen: AskOptions[] = [];
    const answers = {
      ask: (_question: string, options: AskOptions) => {
        seen.push(options);
        return new Promise<AskResult>(() => {});
      },
    };
    await expect(askWithinDeadline(answers, "Vem kallar?", { scope: EVERYTHING }, 20)).rejects.toThrow(
      "no answer within 20 ms",
    );
    expect(seen[0]?.signal?.aborted).toBe(true);
  });

  it("passes the scope and history on and returns the answer in time", async () => {
    const result = { latencyMs: 1 } as AskResult;
    const answers = {
      ask: async (question: string, options: AskOptions) => {
        expect(question).toBe("Hur ofta?");
        expect(options.history).toEqual(["Vem kallar?"]);
        return result;
      },
    };
    expect(
      await askWithinDeadline(answers, "Hur ofta?", { scope: EVERYTHING, history: ["Vem kallar?"] }),
    ).toBe(result);
  });
});
