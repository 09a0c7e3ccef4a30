import type { Answer } from "../../answer/answer.ts";
import type { SqliteDatabase } from "../../index/sqlite-database.ts";
import { parseStoredAnswer } from "./stored-answer.ts";
import { ensureTeamsSchema } from "./teams-schema.ts";

/** How many earlier questions of a thread are kept as context. */
const HISTORY_LENGTH = 5;

/** An answer Samsyn posted, with the question it answered. */
export interface PostedAnswer {
  question: string;
  answer: Answer;
}

/**
 * Teams state that must survive a restart: activities already handled (the Bot Framework may
 * deliver one twice), the questions of each thread (follow-ups) and posted answers (feedback).
 */
export class TeamsStore {
  constructor(private readonly database: SqliteDatabase) {
    ensureTeamsSchema(database);
  }

  /** Marks an activity as handled; false when it already was. */
  claimActivity(activityKey: string): boolean {
    const result = this.database
      .prepare("INSERT OR IGNORE INTO teams_handled_activities(activity_key, handled_at) VALUES (?, ?)")
      .run(activityKey, new Date().toISOString());
    return result.changes === 1;
  }

  /** Earlier questions of a thread, oldest first. */
  threadQuestions(threadKey: string): string[] {
    const rows = this.database
      .prepare(
        `SELECT question FROM teams_thread_questions WHERE thread_key = ?
         ORDER BY asked_at DESC, rowid DESC LIMIT ?`,
      )
      .all(threadKey, HISTORY_LENGTH) as { question: string }[];
    return rows.map((row) => row.question).reverse();
  }

  /** Remembers a question answered in a thread. */
  addThreadQuestion(threadKey: string, question: string): void {
    this.database
      .prepare("INSERT INTO teams_thread_questions(thread_key, asked_at, question) VALUES (?, ?, ?)")
      .run(threadKey, new Date().toISOString(), question);
  }

  /** Keeps a posted answer under the id Teams gave the message, for the feedback on it. */
  saveAnswer(conversationId: string, activityId: string, question: string, answer: Answer): void {
    this.database
      .prepare(
        `INSERT OR REPLACE INTO teams_answers(conversation_id, activity_id, question, answer, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(conversationId, activityId, question, JSON.stringify(answer), new Date().toISOString());
  }

  /** A posted answer, or null when it is unknown or was pruned. */
  findAnswer(conversationId: string, activityId: string): PostedAnswer | null {
    const row = this.database
      .prepare("SELECT question, answer FROM teams_answers WHERE conversation_id = ? AND activity_id = ?")
      .get(conversationId, activityId) as { question: string; answer: string } | undefined;
    if (!row) return null;
    const answer = parseStoredAnswer(row.answer);
    return answer ? { question: row.question, answer } : null;
  }

  /** Drops bookkeeping older than the given ages, so the tables stay small. */
  prune(now: Date, ages = { handledDays: 7, threadDays: 90, answerDays: 180 }): void {
    const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    this.database
      .prepare("DELETE FROM teams_handled_activities WHERE handled_at < ?")
      .run(before(ages.handledDays));
    this.database
      .prepare("DELETE FROM teams_thread_questions WHERE asked_at < ?")
      .run(before(ages.threadDays));
    this.database.prepare("DELETE FROM teams_answers WHERE created_at < ?").run(before(ages.answerDays));
  }
}
