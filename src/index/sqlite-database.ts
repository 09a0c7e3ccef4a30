import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { SamsynError } from "../errors.ts";

/** The product database: catalog, keyword index and (later) conversations, feedback and outbox. */
export type SqliteDatabase = Database.Database;

const SCHEMA_VERSION = 4;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      content_hash TEXT NOT NULL,
      title TEXT NOT NULL,
      type TEXT NOT NULL,
      organisations TEXT NOT NULL,
      groups TEXT NOT NULL,
      date TEXT,
      source TEXT,
      chunk_count INTEGER NOT NULL,
      indexed_at TEXT NOT NULL
    );
    CREATE TABLE chunks (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      text TEXT NOT NULL,
      heading_path TEXT NOT NULL,
      page INTEGER,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      embedding BLOB
    );
    CREATE INDEX chunks_document ON chunks(document_id);
    CREATE TABLE acronyms (
      acronym TEXT NOT NULL,
      long_form TEXT NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      PRIMARY KEY (acronym, long_form, document_id)
    );
    CREATE VIRTUAL TABLE chunks_fts USING fts5(
      body, context,
      content='', contentless_delete=1,
      tokenize="unicode61 remove_diacritics 0"
    );
    CREATE VIRTUAL TABLE chunks_fts_vocab USING fts5vocab(chunks_fts, row);
  `,
  // Terms the documents define ("tillbyggnad: ändring av …", "Med X avses …"), keyed by their analysed words.
  2: `
    CREATE TABLE definitions (
      term_key TEXT NOT NULL,
      chunk_rowid INTEGER NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      term TEXT NOT NULL
    );
    CREATE INDEX definitions_term ON definitions(term_key);
    CREATE INDEX definitions_document ON definitions(document_id);
  `,
  // A contentless FTS5 table never forgets a deleted row's length or the row itself in its BM25
  // statistics, so every incremental ingest skewed the ranking away from a fresh one's. A table
  // that keeps its (analysed) text removes rows exactly. Forgetting the analyser version makes the
  // next ingest read every document again and fill the new table.
  3: `
    DROP TABLE chunks_fts_vocab;
    DROP TABLE chunks_fts;
    CREATE VIRTUAL TABLE chunks_fts USING fts5(
      body, context,
      tokenize="unicode61 remove_diacritics 0"
    );
    CREATE VIRTUAL TABLE chunks_fts_vocab USING fts5vocab(chunks_fts, row);
    DELETE FROM meta WHERE key = 'analyzer_version';
  `,
  // A chunk's row id is its label in the vector index and its FTS rowid, and a question reads the
  // vectors it loaded (one generation) and the chunk rows as committed now (maybe the next one).
  // Without AUTOINCREMENT SQLite hands a deleted row's id to the next insert, so a question that ran
  // while another process committed could show a rewritten passage's text under an old passage's
  // hit. Never reusing an id makes a stale id simply miss. (Cheaper and safer than holding one read
  // transaction across a question's awaits on the connection this process also writes with.)
  4: `
    CREATE TABLE chunks_next (
      rowid INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      text TEXT NOT NULL,
      heading_path TEXT NOT NULL,
      page INTEGER,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      embedding BLOB
    );
    INSERT INTO chunks_next(rowid, id, document_id, ordinal, text, heading_path, page, start_offset, end_offset, embedding)
      SELECT rowid, id, document_id, ordinal, text, heading_path, page, start_offset, end_offset, embedding FROM chunks;
    DROP TABLE chunks;
    ALTER TABLE chunks_next RENAME TO chunks;
    CREATE INDEX chunks_document ON chunks(document_id);
  `,
};

/**
 * Databases and their prepared statements, kept reachable until the process exits. On Node 24.19+
 * the garbage collector aborts the process when it destroys a better-sqlite3 object (Node's
 * `ObjectWrap` destructor calls `RemoveEnvironmentCleanupHook` outside an environment; reported
 * upstream as WiseLibs/better-sqlite3#1515, closed without a fix, and better-sqlite3 13 needs Node 22).
 * Statements are cached per SQL text, so memory stays bounded by the number of distinct statements.
 */
const retained: { database: SqliteDatabase; statements: Map<string, Database.Statement> }[] = [];

function retainStatements(database: SqliteDatabase): void {
  const statements = new Map<string, Database.Statement>();
  retained.push({ database, statements });
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      statements.set(source, statement);
    }
    return statement;
  }) as SqliteDatabase["prepare"];
}

/**
 * Opens (creating and migrating when needed) the SQLite database at `file`; `:memory:` works too.
 * Checks the file's structure on the way (`PRAGMA quick_check`, linear in its size), so damage in
 * the middle is found at start rather than in the middle of a question. Throws `index_unavailable`
 * with a Swedish message naming the folder (SAMSYN_DATA_DIR) and what to do.
 */
export function openDatabase(file: string): SqliteDatabase {
  let database: SqliteDatabase | undefined;
  try {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    database = new Database(file);
    retainStatements(database);
    // exec, not pragma(): pragma() prepares a throwaway statement each call (see `retained` above).
    database.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
    database.exec("PRAGMA busy_timeout = 5000;");
    checkStructure(database);
    migrate(database);
    return database;
  } catch (error) {
    database?.close();
    throw describeDatabaseFailure(error, file);
  }
}

function checkStructure(database: SqliteDatabase): void {
  const rows = database.prepare("PRAGMA quick_check(5)").all() as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((result) => result !== "ok");
  if (problems.length > 0) {
    throw Object.assign(new Error(`quick_check: ${problems.join("; ")}`), { code: "SQLITE_CORRUPT" });
  }
}

const READ_ONLY = new Set(["EACCES", "EPERM", "EROFS", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"]);
const DAMAGED = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB"]);

/**
 * A Swedish account of a failure to open or write the database: which file, in which folder
 * (SAMSYN_DATA_DIR), and what to do. Anything already explained is passed through.
 */
export function describeDatabaseFailure(error: unknown, file: string): SamsynError {
  if (error instanceof SamsynError) return error;
  const code = String((error as { code?: unknown }).code ?? "");
  const folder = path.dirname(path.resolve(file));
  const reason = code || (error instanceof Error ? error.message : String(error));
  if (READ_ONLY.has(code) || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) {
    return new SamsynError(
      "index_unavailable",
      `Samsyn kan inte skriva i datamappen ${folder} (${reason}). Ge Samsyn skrivrättighet till mappen och filerna i den, eller sätt SAMSYN_DATA_DIR till en mapp där Samsyn får skriva.`,
      { cause: error },
    );
  }
  if (DAMAGED.has(code) || code.startsWith("SQLITE_CORRUPT")) {
    return new SamsynError(
      "index_unavailable",
      `Databasen ${path.resolve(file)} i datamappen (SAMSYN_DATA_DIR) är skadad (${reason}). Flytta undan mappens filer (de innehåller också återkoppling och påminnelsekön) och starta igen – Samsyn bygger upp indexet från kunskapsmappen – eller sätt SAMSYN_DATA_DIR till en annan mapp.`,
      { cause: error },
    );
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new SamsynError(
      "index_unavailable",
      `Disken för datamappen ${folder} (SAMSYN_DATA_DIR) är full. Frigör utrymme eller sätt SAMSYN_DATA_DIR till en annan disk.`,
      { cause: error },
    );
  }
  return new SamsynError(
    "index_unavailable",
    `Databasen ${path.resolve(file)} i datamappen (SAMSYN_DATA_DIR) kunde inte användas (${reason}). Kontrollera mappen, eller sätt SAMSYN_DATA_DIR till en annan mapp.`,
    { cause: error },
  );
}

function migrate(database: SqliteDatabase): void {
  const current = Number(
    (database.prepare("PRAGMA user_version").get() as { user_version: number }).user_version,
  );
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const statements = MIGRATIONS[version];
    if (statements === undefined) throw new Error(`missing migration ${version}`);
    database.transaction(() => {
      database.exec(statements);
      database.exec(`PRAGMA user_version = ${version}`);
    })();
  }
}

/**
 * Lets a module (feedback, reminders, surfaces) own its tables: `migrations[i]` brings the module's
 * schema from version i to i + 1. Versions are kept per module, so modules evolve independently.
 */
export function ensureModuleSchema(
  database: SqliteDatabase,
  module: string,
  migrations: readonly string[],
): void {
  database.exec(
    "CREATE TABLE IF NOT EXISTS module_schema (module TEXT PRIMARY KEY, version INTEGER NOT NULL)",
  );
  const row = database.prepare("SELECT version FROM module_schema WHERE module = ?").get(module) as
    | { version: number }
    | undefined;
  const current = row?.version ?? 0;
  if (current > migrations.length) {
    throw new Error(
      `database schema of ${module} (v${current}) is newer than this program (v${migrations.length})`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    database.transaction(() => {
      database.exec(migrations[version] ?? "");
      database
        .prepare(
          "INSERT INTO module_schema(module, version) VALUES (?, ?) ON CONFLICT(module) DO UPDATE SET version = excluded.version",
        )
        .run(module, version + 1);
    })();
  }
}

/** Reads one value from the meta table. */
export function readMeta(database: SqliteDatabase, key: string): string | undefined {
  const row = database.prepare("SELECT value FROM meta WHERE key = ?").get(key) as
    | { value: string }
    | undefined;
  return row?.value;
}

/** Writes one value into the meta table. */
export function writeMeta(database: SqliteDatabase, key: string, value: string): void {
  database
    .prepare(
      "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run(key, value);
}
