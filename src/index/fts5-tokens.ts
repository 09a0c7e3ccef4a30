import Database from "better-sqlite3";

/** The tokenizer the keyword table is declared with (see the schema in sqlite-database.ts). */
export const KEYWORD_TOKENIZER = "unicode61 remove_diacritics 0";

/**
 * Lower-case letters and digits that unicode61 keeps as one token and folds to themselves; nearly
 * every analysed term is made of them, and checking them costs no query.
 */
const PLAIN_TOKEN = /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff]+$/;

/** The in-memory FTS5 table other terms are tokenized with; kept for the process (see sqlite-database.ts). */
let probe: {
  database: Database.Database;
  insert: Database.Statement;
  tokens: Database.Statement;
  clear: Database.Statement;
} | null = null;
const tokenCache = new Map<string, readonly string[]>();
/** Distinct unusual terms remembered; a corpus has a few hundred at most. */
const MAX_CACHED_TERMS = 10_000;

/**
 * The tokens FTS5 makes of one analysed term, exactly: the term itself when it is plain, otherwise
 * what an FTS5 table with the same tokenizer makes of it ("fn:s" → "fn", "s").
 */
export function fts5Tokens(term: string): readonly string[] {
  if (PLAIN_TOKEN.test(term)) return [term];
  if (term === "") return [];
  let tokens = tokenCache.get(term);
  if (tokens === undefined) {
    probe ??= openProbe();
    probe.insert.run(term);
    tokens = (probe.tokens.all() as { term: string }[]).map((row) => row.term);
    probe.clear.run();
    if (tokenCache.size >= MAX_CACHED_TERMS) tokenCache.clear();
    tokenCache.set(term, tokens);
  }
  return tokens;
}

function openProbe(): NonNullable<typeof probe> {
  const database = new Database(":memory:");
  database.exec(`
    CREATE VIRTUAL TABLE probe USING fts5(text, tokenize="${KEYWORD_TOKENIZER}");
    CREATE VIRTUAL TABLE probe_tokens USING fts5vocab(probe, instance);
  `);
  return {
    database,
    insert: database.prepare("INSERT INTO probe(text) VALUES (?)"),
    tokens: database.prepare("SELECT term FROM probe_tokens ORDER BY offset"),
    clear: database.prepare("DELETE FROM probe"),
  };
}
