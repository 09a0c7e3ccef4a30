import type { Core } from "../../../src/app/compose.ts";
import type { SqliteDatabase } from "../../../src/index/sqlite-database.ts";
import type { SlackCore } from "../../../src/surfaces/slack/slack-surface-context.ts";
import type { TeamsCore } from "../../../src/surfaces/teams/teams-surface-context.ts";

/** A core whose answer path can be made to fail or to wait, to test acknowledgement and errors. */
export interface ControllableCore extends SlackCore, TeamsCore {
  mode: "pass" | "throw" | "wait";
  /** Whether a question is held in the answer path. */
  waiting: () => boolean;
  release: () => void;
  /** Runs `body` with the answer path in `mode`, then lets held questions go and answers normally again. */
  during(mode: "throw" | "wait", body: () => Promise<void>): Promise<void>;
}

/** Wraps `inner` so a test can make its answer path fail (`throw`) or hold questions (`wait`). */
export function controllableCore(inner: Core): ControllableCore {
  let open: (() => void) | null = null;
  const wrapper: ControllableCore = {
    mode: "pass",
    waiting: () => open !== null,
    release: () => {
      open?.();
      open = null;
    },
    during: async (mode, body) => {
      wrapper.mode = mode;
      try {
        await body();
      } finally {
        wrapper.mode = "pass";
        wrapper.release();
      }
    },
    index: inner.index,
    answers: {
      ask: async (question, options) => {
        if (wrapper.mode === "throw") throw new Error("index file vanished");
        if (wrapper.mode === "wait") {
          await new Promise<void>((resolve) => {
            open = resolve;
          });
        }
        return inner.answers.ask(question, options);
      },
    },
  };
  return wrapper;
}

/** A core with only a database and an empty catalogue, for suites that send no questions. */
export function answerlessCore(database: SqliteDatabase, why: string): TeamsCore & SlackCore {
  return {
    answers: {
      ask: async () => {
        throw new Error(why);
      },
    },
    index: { database, catalog: { documents: () => [] } },
  };
}
