import { randomBytes } from "node:crypto";
import { readMeta, type SqliteDatabase, writeMeta } from "../index/sqlite-database.ts";

/** The salt for user-id hashes: the configured one, or a random one created once and kept in the database. */
export function userHashSalt(database: SqliteDatabase, configured: string | null): string {
  if (configured) return configured;
  const stored = readMeta(database, "user_hash_salt");
  if (stored) return stored;
  const created = randomBytes(16).toString("hex");
  writeMeta(database, "user_hash_salt", created);
  return created;
}
