import { createHash } from "node:crypto";
import type { Citation } from "../answer/answer.ts";
import { ensureModuleSchema, type SqliteDatabase } from "../index/sqlite-database.ts";

/** A user's vote on one answer. */
export interface FeedbackRecord {
  /** "slack" | "teams" | "web" | "cli". */
  surface: string;
  /** Platform id of the answer message (Slack channel+ts, Teams activity id, web answer id). */
  messageKey: string;
  question: string;
  answer: string;
  citations: readonly Citation[];
  /** Platform user id; stored only as a salted hash. */
  userId: string;
  vote: "up" | "down";
  comment?: string | null;
}

/** A stored vote, as read back. */
export interface StoredFeedback extends Omit<FeedbackRecord, "userId"> {
  userHash: string;
  updatedAt: string;
}

/** Stores feedback; a second vote by the same user on the same answer replaces the first. */
export interface FeedbackStore {
  record(feedback: FeedbackRecord): void;
  list(): StoredFeedback[];
}

const MIGRATIONS = [
  `CREATE TABLE feedback (
     surface TEXT NOT NULL,
     message_key TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     citations TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     comment TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (surface, message_key, user_hash)
   );`,
];

/** Feedback in the product database. */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly salt: string,
  ) {
    ensureModuleSchema(database, "feedback", MIGRATIONS);
  }

  record(feedback: FeedbackRecord): void {
    const now = new Date().toISOString();
    this.database
      .prepare(
        `INSERT INTO feedback(surface, message_key, user_hash, question, answer, citations, vote, comment, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(surface, message_key, user_hash) DO UPDATE SET
           vote = excluded.vote, comment = COALESCE(excluded.comment, feedback.comment), updated_at = excluded.updated_at`,
      )
      .run(
        feedback.surface,
        feedback.messageKey,
        hashUserId(feedback.userId, this.salt),
        feedback.question,
        feedback.answer,
        JSON.stringify(feedback.citations),
        feedback.vote,
        feedback.comment ?? null,
        now,
        now,
      );
  }

  list(): StoredFeedback[] {
    const rows = this.database.prepare("SELECT * FROM feedback ORDER BY created_at").all() as {
      surface: string;
      message_key: string;
      user_hash: string;
      question: string;
      answer: string;
      citations: string;
      vote: "up" | "down";
      comment: string | null;
      updated_at: string;
    }[];
    return rows.map((row) => ({
      surface: row.surface,
      messageKey: row.message_key,
      userHash: row.user_hash,
      question: row.question,
      answer: row.answer,
      citations: JSON.parse(row.citations) as Citation[],
      vote: row.vote,
      comment: row.comment,
      updatedAt: row.updated_at,
    }));
  }
}

/** One-way, salted hash of a platform user id, so feedback cannot be traced back without the salt. */
export function hashUserId(userId: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${userId}`).digest("hex").slice(0, 32);
}
