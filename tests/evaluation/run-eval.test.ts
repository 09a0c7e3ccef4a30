import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AskOptions } from "../../src/answer/answer-service.ts";
import type { Core } from "../../src/app/compose.ts";
import type { EvalResultLine } from "../../src/evaluation/eval-records.ts";
import { readQuestions, runEval } from "../../src/evaluation/run-eval.ts";
import { scoreEvalByType } from "../../src/evaluation/score-eval.ts";
import { parseGroup } from "../../src/knowledge/groups.ts";
import { temporaryFolder } from "../builders/core.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function questionFile(lines: readonly unknown[]): string {
  const folder = temporaryFolder();
  cleanups.push(folder.cleanup);
  const file = path.join(folder.dir, "questions.jsonl");
  fs.writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
  return file;
}

function group(id: string, documents: string[]) {
  const parsed = parseGroup(
    `${id}.yaml`,
    `name: ${id}\ndocuments: [${documents.join(", ")}]\nvisibility: internal\n`,
  );
  if (!("group" in parsed)) throw new Error(parsed.problem);
  return parsed.group;
}

/** A core whose answer service records every call and answers with the question. */
function recordingCore(): { core: Core; calls: { question: string; options: AskOptions }[] } {
  const calls: { question: string; options: AskOptions }[] = [];
  const core = {
    answers: {
      ask: async (question: string, options: AskOptions) => {
        calls.push({ question, options });
        return {
          answer: { text: question, citations: [], abstained: false, closest: [], language: "sv" },
          retrieval: { passages: [], queryTerms: [], expansions: [] },
          latencyMs: 1,
        };
      },
    },
    index: {
      catalog: {
        documents: () => [
          { id: "egen.md", groups: [] },
          { id: "annan.md", groups: [] },
        ],
      },
    },
  } as unknown as Core;
  return { core, calls };
}

describe("eval question lines", () => {
  it("reads group, now and history", () => {
    const [question] = readQuestions(
      questionFile([
        {
          id: "q1",
          question: "Och var?",
          group: "laholm",
          now: "2027-03-01T10:00:00+01:00",
          history: [{ question: "När är nästa möte?" }],
        },
      ]),
    );
    expect(question?.group).toBe("laholm");
    expect(question?.now).toBe("2027-03-01T10:00:00+01:00");
    expect(question?.history).toEqual([{ question: "När är nästa möte?" }]);
  });

  it("names the line and the field when now has no offset", () => {
    const file = questionFile([{ id: "q1", question: "När?", now: "2027-03-01 10:00" }]);
    expect(() => readQuestions(file)).toThrow(/:1: fältet "now": now ska vara en ISO-tid med tidszon/);
  });
});

describe("runEval with groups, clock and threads", () => {
  it("answers the history turns first, in order, in the group's scope and at the line's time", async () => {
    const { core, calls } = recordingCore();
    const questions = readQuestions(
      questionFile([
        {
          id: "q1",
          question: "Och var?",
          group: "laholm",
          now: "2027-03-01T10:00:00+01:00",
          history: [{ question: "Vilka grupper finns?" }, { question: "När är nästa möte?" }],
        },
      ]),
    );
    const lines = await runEval(core, questions, { groups: [group("laholm", ["egen.md"])] });
    const asked = calls.slice(1); // the first call warms up
    expect(asked.map((call) => call.question)).toEqual([
      "Vilka grupper finns?",
      "När är nästa möte?",
      "Och var?",
    ]);
    expect(asked.map((call) => call.options.history ?? [])).toEqual([
      [],
      ["Vilka grupper finns?"],
      ["Vilka grupper finns?", "När är nästa möte?"],
    ]);
    for (const call of asked) {
      expect(call.options.group?.id).toBe("laholm");
      expect(call.options.now?.toISOString()).toBe("2027-03-01T09:00:00.000Z");
      // No group claims annan.md, so it is public and in the channel's scope like the group's own.
      expect(call.options.scope.documentIds).toEqual(["egen.md", "annan.md"]);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]?.answer).toBe("Och var?");
  });

  it("asks a line without group over every document", async () => {
    const { core, calls } = recordingCore();
    await runEval(core, [{ id: "q1", question: "Vem?", docs: [], quotes: [], facts: [] }]);
    expect(calls.at(-1)?.options.scope.documentIds).toBeNull();
    expect(calls.at(-1)?.options.group).toBeUndefined();
  });

  it("stops with the line's id when its group is not in the knowledge folder", async () => {
    const { core } = recordingCore();
    await expect(
      runEval(core, [{ id: "q7", question: "Vem?", group: "okand", docs: [], quotes: [], facts: [] }], {
        groups: [group("laholm", [])],
      }),
    ).rejects.toThrow(/q7: gruppen "okand" finns inte .*finns: laholm/);
  });
});

describe("metrics per type", () => {
  it("scores each type on its own questions", () => {
    const questions = [
      { id: "a", question: "?", type: "calendar", docs: [], quotes: ["möte i maj"], facts: ["19 maj"] },
      { id: "b", question: "?", type: "unanswerable", docs: [], quotes: [], facts: [] },
    ];
    const line = (id: string, answer: string, abstained: boolean): EvalResultLine => ({
      id,
      answer,
      abstained,
      citations: [],
      retrieved: [],
      latency_ms: 1,
    });
    const byType = scoreEvalByType(
      questions,
      new Map([
        ["a", line("a", "Onsdag 19 maj.", false)],
        ["b", line("b", "Det framgår inte.", true)],
      ]),
    );
    expect([...byType.keys()]).toEqual(["calendar", "unanswerable"]);
    expect(byType.get("calendar")?.answer_correct).toBe(1);
    expect(byType.get("unanswerable")?.abstain_accuracy).toBe(1);
    expect(byType.get("unanswerable")?.answerable).toBe(0);
  });
});
