import { Bm25Scratch, bm25TopK, fts5Idf } from "./bm25-top-k.ts";
import type { Catalog } from "./catalog.ts";
import { fts5Tokens } from "./fts5-tokens.ts";
import type { KeywordHit, KeywordIndex, KeywordSearchOptions } from "./keyword-index.ts";
import { KeywordPostings, type KeywordPostingsOptions } from "./keyword-postings.ts";
import type { SqliteDatabase } from "./sqlite-database.ts";

/** Names whose documents are remembered; questions name the same few groups and places again and again. */
const MAX_CACHED_NAMES = 1024;
/** Scopes whose passages are remembered; a workspace has a few channels with their own scope. */
const MAX_CACHED_SCOPES = 64;

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
  private readonly logarithm;
  private readonly postings: KeywordPostings;
  private readonly scratch = new Bm25Scratch();
  /** Document frequency of every indexed term, read once and dropped on every write. */
  private frequencyCache: Map<string, number> | null = null;
  /** Tokens in all passages (BM25's average length), read with the frequencies. */
  private tokenTotal = 0;
  /** Number of passages, cached with the frequencies: questions ask for it dozens of times. */
  private totalCache: number | null = null;
  /** Documents containing a name, per term; dropped on every write like the frequencies. */
  private readonly containingCache = new Map<string, Set<string>>();
  /** FTS5's IDF per number of passages with the term; dropped on every write. */
  private readonly idfCache = new Map<number, number>();
  /** The passages of each scope searched, by the scope's sorted document ids; dropped on every write. */
  private readonly scopeCache = new Map<string, ReadonlySet<number>>();

  /**
   * The catalog gives the document of each passage row id and the passages of a scope. A common
   * name ("Barn", "Region") is in thousands of passages; the catalog answers from a map it keeps
   * anyway, where reading the chunks table took up to 25 ms (and a map of its own cost 30 ms to
   * fill on the first name).
   */
  constructor(
    database: SqliteDatabase,
    private readonly catalog: Pick<Catalog, "documentIdsByRowid" | "chunkRowidsOfDocuments">,
    postingsOptions: KeywordPostingsOptions = {},
  ) {
    this.insert = database.prepare("INSERT INTO chunks_fts(rowid, body, context) VALUES (?, ?, ?)");
    this.delete = database.prepare("DELETE FROM chunks_fts WHERE rowid = ?");
    this.searchAll = database.prepare(
      `SELECT rowid, -bm25(chunks_fts, 1.0, ${CONTEXT_WEIGHT}) AS score
       FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?`,
    );
    this.count = database.prepare("SELECT count(*) AS n FROM chunks");
    this.vocabulary = database.prepare("SELECT term, doc AS n, cnt FROM chunks_fts_vocab");
    // SQLite's ln() is the C library's log(), which FTS5's bm25() uses; Math.log may differ in the last bit.
    this.logarithm = database.prepare("SELECT ln(?) AS value");
    this.containing = database.prepare("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?");
    this.searchScoped = database.prepare(
      `SELECT f.rowid AS rowid, -bm25(chunks_fts, 1.0, ${CONTEXT_WEIGHT}) AS score
       FROM chunks_fts f JOIN chunks c ON c.rowid = f.rowid
       WHERE chunks_fts MATCH ? AND c.document_id IN (SELECT value FROM json_each(?))
       ORDER BY score DESC LIMIT ?`,
    );
    this.postings = new KeywordPostings(database, postingsOptions);
  }

  search(terms: readonly string[], options: KeywordSearchOptions): KeywordHit[] {
    const query = toMatchExpression(terms);
    if (query === "") return [];
    if (options.documentIds?.length === 0) return [];
    const scored = this.scoreFromPostings(terms, options);
    if (scored) return scored;
    if (options.documentIds) {
      return this.searchScoped.all(query, JSON.stringify(options.documentIds), options.limit) as KeywordHit[];
    }
    return this.searchAll.all(query, options.limit) as KeywordHit[];
  }

  /**
   * Applies the passages written and removed since the last flush to the stored postings (or
   * rebuilds them when they are out of date); call inside the ingest's transaction with the
   * generation it commits, before writing that generation.
   */
  flush(generation: string): "updated" | "rebuilt" | "unsupported" {
    this.forget();
    return this.postings.flush(generation);
  }

  /** Forgets unflushed writes after their transaction was rolled back. */
  discard(): void {
    this.forget();
    this.postings.discard();
  }

  /** Whether the stored postings mirror the keyword table; when not, the next flush rebuilds them. */
  get postingsUpToDate(): boolean {
    return this.postings.usable;
  }

  /** Forgets everything read from the database; call when another process committed a new generation. */
  reset(): void {
    this.discard();
  }

  /**
   * The search, answered from the stored postings exactly as FTS5 would answer it (see `bm25TopK`),
   * or null when FTS5 must answer: postings not (yet) up to date, or a term FTS5 splits into a phrase.
   */
  private scoreFromPostings(terms: readonly string[], options: KeywordSearchOptions): KeywordHit[] | null {
    if (!this.postings.usable) return null;
    const phrases = [...new Set(terms.filter((term) => term.length > 0))];
    if (!phrases.every(isSingleToken)) return null;
    const rows = this.documentFrequencies([]).total;
    const postings = phrases.map((term) => this.postings.postings(term));
    if (rows === 0 || postings.some((list) => list.rowids.length > rows)) return null;
    const idfs = postings.map((list) => this.idf(rows, list.rowids.length));
    const allowed = options.documentIds ? this.passagesOf(options.documentIds) : null;
    return bm25TopK(
      postings,
      idfs,
      { rows, tokens: this.tokenTotal },
      CONTEXT_WEIGHT,
      options.limit,
      allowed ? (rowid) => allowed.has(rowid) : undefined,
      this.scratch,
    );
  }

  private idf(rows: number, hits: number): number {
    let idf = this.idfCache.get(hits);
    if (idf === undefined) {
      idf = fts5Idf(rows, hits, (value) => (this.logarithm.get(value) as { value: number }).value);
      this.idfCache.set(hits, idf);
    }
    return idf;
  }

  private passagesOf(documentIds: readonly string[]): ReadonlySet<number> {
    const key = [...documentIds].sort().join("\n");
    let passages = this.scopeCache.get(key);
    if (!passages) {
      passages = new Set(this.catalog.chunkRowidsOfDocuments(documentIds));
      if (this.scopeCache.size >= MAX_CACHED_SCOPES) this.scopeCache.clear();
      this.scopeCache.set(key, passages);
    }
    return passages;
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
    const rowids =
      this.postings.usable && isSingleToken(term)
        ? [...this.postings.postings(term).rowids]
        : (this.containing.raw().all(query) as [number][]).map(([rowid]) => rowid);
    const documents = new Set(this.catalog.documentIdsByRowid(rowids).values());
    if (this.containingCache.size >= MAX_CACHED_NAMES) this.containingCache.clear();
    this.containingCache.set(term, documents);
    return documents;
  }

  write(rowid: number, bodyTerms: readonly string[], contextTerms: readonly string[]): void {
    this.forget();
    this.insert.run(rowid, bodyTerms.join(" "), contextTerms.join(" "));
    this.postings.recordWrite(rowid, bodyTerms, contextTerms);
  }

  remove(rowid: number): void {
    this.forget();
    this.postings.recordRemoval(rowid);
    this.delete.run(rowid);
  }

  private forget(): void {
    this.frequencyCache = null;
    this.totalCache = null;
    this.containingCache.clear();
    this.idfCache.clear();
    this.scopeCache.clear();
  }

  /** Questions look up many terms; one pass over the FTS vocabulary beats a query per term. */
  private allFrequencies(): Map<string, number> {
    if (!this.frequencyCache) {
      const rows = this.vocabulary.all() as { term: string; n: number; cnt: number }[];
      this.frequencyCache = new Map(rows.map((row) => [row.term, row.n]));
      this.tokenTotal = rows.reduce((sum, row) => sum + row.cnt, 0);
    }
    return this.frequencyCache;
  }
}

/** True when FTS5 reads the term as exactly one token, itself; others become phrases of several. */
function isSingleToken(term: string): boolean {
  const tokens = fts5Tokens(term);
  return tokens.length === 1 && tokens[0] === term;
}

/** Builds an FTS5 query that ORs every term as a quoted string, so user input can never be query syntax. */
export function toMatchExpression(terms: readonly string[]): string {
  const unique = [...new Set(terms.filter((term) => term.length > 0))];
  return unique.map((term) => `"${term.replaceAll('"', '""')}"`).join(" OR ");
}
