import fs from "node:fs";
import path from "node:path";
import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Answer, Citation } from "./answer.ts";
import type { AnswerComposer, CompositionRequest } from "./answer-composer.ts";
import type { ChatModel } from "./chat-model.ts";
import { checkCitations } from "./check-citations.ts";
import { declineAnswer } from "./decline.ts";
import { citationFor, sectionOf } from "./passage-reference.ts";

/** The word the prompt asks the model to answer with when the passages do not answer the question. */
export const NO_ANSWER_SENTINEL = "INGET_SVAR";

/** Prompt templates, read from the `prompts/` folder. */
export interface AnswerPrompts {
  system: string;
  user: string;
}

/** Reads `answer-system.md` and `answer-user.md` from a prompts folder. */
export function loadAnswerPrompts(promptsDir: string): AnswerPrompts {
  return {
    system: fs.readFileSync(path.join(promptsDir, "answer-system.md"), "utf8").trim(),
    user: fs.readFileSync(path.join(promptsDir, "answer-user.md"), "utf8").trim(),
  };
}

/**
 * Answers with an LLM over numbered passages. The model's citations are checked in code: markers
 * that point nowhere are removed, and an answer left without a valid citation becomes a decline.
 */
export class LlmAnswerComposer implements AnswerComposer {
  readonly id: string;

  constructor(
    private readonly model: ChatModel,
    private readonly prompts: AnswerPrompts,
    private readonly passageLimit = 6,
  ) {
    this.id = `llm:${model.id}`;
  }

  async compose(request: CompositionRequest): Promise<Answer> {
    const passages = request.passages.slice(0, this.passageLimit);
    if (passages.length === 0) return declineAnswer(request.passages, request.language);
    const reply = await this.model.complete({
      messages: [
        { role: "system", content: this.prompts.system },
        {
          role: "user",
          content: this.prompts.user
            .replace("{{passages}}", formatPassages(passages))
            .replace("{{question}}", request.question),
        },
      ],
      temperature: 0,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (reply.includes(NO_ANSWER_SENTINEL)) return declineAnswer(passages, request.language);
    const checked = checkCitations(reply, passages.length);
    if (checked.passageNumbers.length === 0) return declineAnswer(passages, request.language);
    const citations: Citation[] = [];
    checked.passageNumbers.forEach((passageNumber, index) => {
      const passage = passages[passageNumber - 1];
      if (passage) citations.push(citationFor(passage, index + 1, passage.chunk.text));
    });
    return { text: checked.text, citations, abstained: false, closest: [], language: request.language };
  }
}

function formatPassages(passages: readonly RetrievedPassage[]): string {
  return passages
    .map((passage, index) => {
      const section = sectionOf(passage);
      const where = [passage.document.title, section, passage.chunk.page ? `s. ${passage.chunk.page}` : null]
        .filter(Boolean)
        .join(" § ");
      return `[${index + 1}] ${where}\n${passage.chunk.text.trim()}`;
    })
    .join("\n\n");
}
