import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Answer } from "../../answer/answer.ts";
import { ensureModuleSchema, type SqliteDatabase } from "../../index/sqlite-database.ts";

const MIGRATIONS = [
  `CREATE TABLE slack_handled_messages (
     message_key TEXT PRIMARY KEY,
     handled_at TEXT NOT NULL
   );
   CREATE TABLE slack_thread_questions (
     channel TEXT NOT NULL,
     thread_ts TEXT NOT NULL,
     asked_at TEXT NOT NULL,
     question TEXT NOT NULL
   );
   CREATE INDEX slack_thread_questions_thread ON slack_thread_questions(channel, thread_ts);
   CREATE TABLE slack_answers (
     id TEXT PRIMARY KEY,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
];

/** What a button needs to act on an answer after the fact: the question and the full answer. */
export interface StoredAnswer {
  question: string;
  answer: Answer;
}

const storedAnswerSchema = z.object({
  text: z.string(),
  citations: z.array(
    z.object({
      n: z.number(),
      documentId: z.string(),
      chunkId: z.string(),
      title: z.string(),
      section: z.string().nullable(),
      page: z.number().nullable(),
      quote: z.string(),
      source: z.string().nullable(),
      // Answers stored before citations carried the document's date read as undated.
      date: z.string().nullable().default(null),
    }),
  ),
  abstained: z.boolean(),
  closest: z.array(
    z.object({
      documentId: z.string(),
      chunkId: z.string(),
      title: z.string(),
      section: z.string().nullable(),
      page: z.number().nullable(),
      excerpt: z.string(),
      source: z.string().nullable(),
      date: z.string().nullable().default(null),
    }),
  ),
  language: z.enum(["sv", "en"]),
});

/** How many earlier questions of a thread are kept as context. */
const HISTORY_LENGTH = 5;

/**
 * Slack state that must survive a restart: which messages were already handled (Slack retries),
 * which threads Samsyn answered and their questions (follow-ups), and answers that buttons refer to.
 */
export class SlackStore {
  constructor(private readonly database: SqliteDatabase) {
    ensureModuleSchema(database, "slack", MIGRATIONS);
  }

  /** Marks a message as handled; false when it already was (a retry or a second event for it). */
  claimMessage(messageKey: string): boolean {
    const result = this.database
      .prepare("INSERT OR IGNORE INTO slack_handled_messages(message_key, handled_at) VALUES (?, ?)")
      .run(messageKey, new Date().toISOString());
    return result.changes === 1;
  }

  /** Whether Samsyn has answered in this thread. */
  hasThread(channel: string, threadTs: string): boolean {
    return (
      this.database
        .prepare("SELECT 1 FROM slack_thread_questions WHERE channel = ? AND thread_ts = ? LIMIT 1")
        .get(channel, threadTs) !== undefined
    );
  }

  /** Earlier questions of a thread, oldest first. */
  threadQuestions(channel: string, threadTs: string): string[] {
    const rows = this.database
      .prepare(
        `SELECT question FROM slack_thread_questions WHERE channel = ? AND thread_ts = ?
         ORDER BY asked_at DESC, rowid DESC LIMIT ?`,
      )
      .all(channel, threadTs, HISTORY_LENGTH) as { question: string }[];
    return rows.map((row) => row.question).reverse();
  }

  /** Remembers a question answered in a thread. */
  addThreadQuestion(channel: string, threadTs: string, question: string): void {
    this.database
      .prepare(
        "INSERT INTO slack_thread_questions(channel, thread_ts, asked_at, question) VALUES (?, ?, ?, ?)",
      )
      .run(channel, threadTs, new Date().toISOString(), question);
  }

  /** Keeps an answer for its buttons; returns the short id the buttons carry. */
  saveAnswer(question: string, answer: Answer): string {
    const id = randomBytes(9).toString("base64url");
    this.database
      .prepare("INSERT INTO slack_answers(id, question, answer, created_at) VALUES (?, ?, ?, ?)")
      .run(id, question, JSON.stringify(answer), new Date().toISOString());
    return id;
  }

  /** An answer saved earlier, or null when it is unknown or was pruned. */
  findAnswer(id: string): StoredAnswer | null {
    const row = this.database.prepare("SELECT question, answer FROM slack_answers WHERE id = ?").get(id) as
      | { question: string; answer: string }
      | undefined;
    if (!row) return null;
    const answer = storedAnswerSchema.safeParse(JSON.parse(row.answer));
    return answer.success ? { question: row.question, answer: answer.data } : null;
  }

  /** Drops bookkeeping older than the given ages, so the tables stay small. */
  prune(now: Date, ages = { handledDays: 7, threadDays: 90, answerDays: 180 }): void {
    const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    this.database
      .prepare("DELETE FROM slack_handled_messages WHERE handled_at < ?")
      .run(before(ages.handledDays));
    this.database
      .prepare("DELETE FROM slack_thread_questions WHERE asked_at < ?")
      .run(before(ages.threadDays));
    this.database.prepare("DELETE FROM slack_answers WHERE created_at < ?").run(before(ages.answerDays));
  }
}
