import { randomBytes } from "node:crypto";
import type { Answer } from "../../answer/answer.ts";
import type { Audience } from "../../retrieval/scope.ts";

/** An answer given on the page, kept so its sources can be opened and voted on. */
export interface RecentAnswer {
  question: string;
  answer: Answer;
  /** Who it was given to; its sources and votes are only for an audience that may see as much. */
  audience: Audience;
}

/**
 * The last answers given, in memory: the page refers to them by an unguessable id, so a source can
 * only be read through an answer that cited it; the handlers also check the requester's scope, as
 * an id can leak (a shared screen, a log).
 */
export class RecentAnswers {
  private readonly answers = new Map<string, RecentAnswer>();

  constructor(private readonly capacity = 500) {}

  /** Keeps an answer and returns its id; the oldest is forgotten beyond capacity. */
  add(entry: RecentAnswer): string {
    const id = randomBytes(12).toString("base64url");
    this.answers.set(id, entry);
    if (this.answers.size > this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return id;
  }

  /** The answer with this id, if still kept. */
  find(id: string): RecentAnswer | undefined {
    return this.answers.get(id);
  }
}
