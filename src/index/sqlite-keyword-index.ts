import type { KeywordHit, KeywordIndex, KeywordSearchOptions } from "./keyword-index.ts";
import type { SqliteDatabase } from "./sqlite-database.ts";

/** Names whose documents are remembered; questions name the same few groups and places again and again. */
const MAX_CACHED_NAMES = 1024;

/** BM25 weight of the context column (title + heading path) relative to the body. */
const CONTEXT_WEIGHT = 0.6;

/** FTS5 keyword index with bm25 ranking, stored in the product database. */
export class SqliteKeywordIndex implements KeywordIndex {
  private readonly insert;
  private readonly delete;
  private readonly searchAll;
  private readonly searchScoped;
  private readonly count;
  private readonly containing;
  private readonly vocabulary;
  private readonly owners;
  /** Document frequency of every indexed term, read once and dropped on every write. */
  private frequencyCache: Map<string, number> | null = null;
  /** Number of passages, cached with the frequencies: questions ask for it dozens of times. */
  private totalCache: number | null = null;
  /** Documents containing a name, per term; dropped on every write like the frequencies. */
  private readonly containingCache = new Map<string, Set<string>>();
  /**
   * The document of every passage. A common name ("Barn", "Region") is in thousands of passages;
   * looking each one up in the chunks table took up to 25 ms, a map lookup takes microseconds.
   */
  private ownerCache: Map<number, string> | null = null;

  constructor(database: SqliteDatabase) {
    this.insert = database.prepare("INSERT INTO chunks_fts(rowid, body, context) VALUES (?, ?, ?)");
    this.delete = database.prepare("DELETE FROM chunks_fts WHERE rowid = ?");
    this.searchAll = database.prepare(
      `SELECT rowid, -bm25(chunks_fts, 1.0, ${CONTEXT_WEIGHT}) AS score
       FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?`,
    );
    this.count = database.prepare("SELECT count(*) AS n FROM chunks");
    this.vocabulary = database.prepare("SELECT term, doc AS n FROM chunks_fts_vocab");
    this.containing = database.prepare("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?");
    this.owners = database.prepare("SELECT rowid, document_id AS id FROM chunks");
    this.searchScoped = database.prepare(
      `SELECT f.rowid AS rowid, -bm25(chunks_fts, 1.0, ${CONTEXT_WEIGHT}) AS score
       FROM chunks_fts f JOIN chunks c ON c.rowid = f.rowid
       WHERE chunks_fts MATCH ? AND c.document_id IN (SELECT value FROM json_each(?))
       ORDER BY score DESC LIMIT ?`,
    );
  }

  search(terms: readonly string[], options: KeywordSearchOptions): KeywordHit[] {
    const query = toMatchExpression(terms);
    if (query === "") return [];
    if (options.documentIds) {
      if (options.documentIds.length === 0) return [];
      return this.searchScoped.all(query, JSON.stringify(options.documentIds), options.limit) as KeywordHit[];
    }
    return this.searchAll.all(query, options.limit) as KeywordHit[];
  }

  documentFrequencies(terms: readonly string[]): { frequencies: Map<string, number>; total: number } {
    const all = this.allFrequencies();
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, all.get(term) ?? 0);
    this.totalCache ??= (this.count.get() as { n: number }).n;
    return { frequencies, total: this.totalCache };
  }

  documentsContaining(term: string): Set<string> {
    const cached = this.containingCache.get(term);
    if (cached) return cached;
    const query = toMatchExpression([term]);
    if (query === "") return new Set();
    this.ownerCache ??= new Map(
      (this.owners.all() as { rowid: number; id: string }[]).map((row) => [row.rowid, row.id]),
    );
    const documents = new Set<string>();
    for (const { rowid } of this.containing.all(query) as { rowid: number }[]) {
      const id = this.ownerCache.get(rowid);
      if (id !== undefined) documents.add(id);
    }
    if (this.containingCache.size >= MAX_CACHED_NAMES) this.containingCache.clear();
    this.containingCache.set(term, documents);
    return documents;
  }

  write(rowid: number, bodyTerms: readonly string[], contextTerms: readonly string[]): void {
    this.forget();
    this.insert.run(rowid, bodyTerms.join(" "), contextTerms.join(" "));
  }

  remove(rowid: number): void {
    this.forget();
    this.delete.run(rowid);
  }

  private forget(): void {
    this.frequencyCache = null;
    this.totalCache = null;
    this.containingCache.clear();
    this.ownerCache = null;
  }

  /** Questions look up many terms; one pass over the FTS vocabulary beats a query per term. */
  private allFrequencies(): Map<string, number> {
    if (!this.frequencyCache) {
      const rows = this.vocabulary.all() as { term: string; n: number }[];
      this.frequencyCache = new Map(rows.map((row) => [row.term, row.n]));
    }
    return this.frequencyCache;
  }
}

/** Builds an FTS5 query that ORs every term as a quoted string, so user input can never be query syntax. */
export function toMatchExpression(terms: readonly string[]): string {
  const unique = [...new Set(terms.filter((term) => term.length > 0))];
  return unique.map((term) => `"${term.replaceAll('"', '""')}"`).join(" OR ");
}
