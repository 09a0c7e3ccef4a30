import type { CatalogDocument, StoredChunk } from "../index/catalog.ts";
import type { KnowledgeIndex } from "../index/knowledge-index.ts";
import { definitionCue, expandAcronyms } from "./expand-acronyms.ts";
import { properNames } from "./proper-names.ts";
import { reciprocalRankFusion } from "./reciprocal-rank-fusion.ts";
import type { Scope } from "./scope.ts";

/** A passage found for a question. */
export interface RetrievedPassage {
  chunk: StoredChunk;
  document: CatalogDocument;
  /** Fused score, higher is better. */
  score: number;
  /** Raw bm25 score (higher is better) when the keyword side found it. */
  keywordScore: number | null;
  /** Cosine similarity when the vector side found it. */
  vectorScore: number | null;
}

/** The outcome of retrieval, with what the question was turned into (for `--explain`). */
export interface RetrievalResult {
  passages: RetrievedPassage[];
  queryTerms: string[];
  expansions: string[];
}

/** Tunable weights; chosen on the dev sets (see README). */
export interface RetrieverOptions {
  keywordWeight: number;
  vectorWeight: number;
  /** Candidates taken from each side before fusion. */
  candidates: number;
  /** Added to the fused score of passages whose document contains every name in the question. */
  nameBoost: number;
}

export const DEFAULT_RETRIEVER_OPTIONS: RetrieverOptions = {
  keywordWeight: 1,
  vectorWeight: 0.7,
  candidates: 50,
  nameBoost: 0.01,
};

/** Keyword ∪ vector retrieval fused by reciprocal rank, restricted to a scope. */
export class HybridRetriever {
  private readonly allowedCache = new Map<string, Set<number>>();

  constructor(
    private readonly index: KnowledgeIndex,
    private readonly options: RetrieverOptions = DEFAULT_RETRIEVER_OPTIONS,
  ) {}

  /** Finds the `limit` best passages for a question within `scope`. */
  async retrieve(question: string, scope: Scope, limit: number): Promise<RetrievalResult> {
    const { analyzer, catalog, keywords, vectors, embedder } = this.index;
    const queryTerms = analyzer.queryTerms(question);
    const expansions = [
      ...expandAcronyms(question, catalog.acronyms(), analyzer),
      ...definitionCue(question, analyzer),
    ].filter((term, position, all) => !queryTerms.includes(term) && all.indexOf(term) === position);
    const candidates = Math.max(limit, this.options.candidates);
    const keywordHits = keywords.search([...queryTerms, ...expansions], {
      limit: candidates,
      documentIds: scope.documentIds,
    });
    const [queryVector] = await embedder.embed([question], "query");
    const allowed = this.allowedRowids(scope);
    const vectorHits =
      queryVector && vectors.size > 0
        ? vectors.search(queryVector, candidates, allowed ? (label) => allowed.has(label) : undefined)
        : [];

    const fused = reciprocalRankFusion([
      { weight: this.options.keywordWeight, keys: keywordHits.map((hit) => hit.rowid) },
      { weight: this.options.vectorWeight, keys: vectorHits.map((hit) => hit.label) },
    ]);
    const keywordScores = new Map(keywordHits.map((hit) => [hit.rowid, hit.score]));
    const vectorScores = new Map(vectorHits.map((hit) => [hit.label, hit.score]));
    const chunks = catalog.chunksByRowid(fused.map((item) => item.key));
    const named = this.documentsNamed(question);
    const passages: RetrievedPassage[] = [];
    for (const item of fused) {
      const chunk = chunks.get(item.key);
      const document = chunk ? catalog.document(chunk.documentId) : undefined;
      if (!chunk || !document) continue;
      passages.push({
        chunk,
        document,
        score: item.score + this.options.nameBoost * named(document.id),
        keywordScore: keywordScores.get(item.key) ?? null,
        vectorScore: vectorScores.get(item.key) ?? null,
      });
    }
    passages.sort((a, b) => b.score - a.score);
    return { passages: passages.slice(0, limit), queryTerms, expansions };
  }

  /**
   * Share of the names in the question (capitalised words: Laholm, HälSam, Norrbotten) that a
   * document contains. A question naming a group is about that group's documents.
   */
  private documentsNamed(question: string): (documentId: string) => number {
    const names = properNames(question)
      .map((name) => this.index.analyzer.queryTerms(name)[0])
      .filter((term): term is string => term !== undefined);
    if (names.length === 0) return () => 0;
    const holders = names.map((term) => this.index.keywords.documentsContaining(term)).filter((set) => set.size > 0);
    if (holders.length === 0) return () => 0;
    return (documentId) => holders.filter((set) => set.has(documentId)).length / holders.length;
  }

  /** Forgets cached scope filters; call after ingest. */
  invalidate(): void {
    this.allowedCache.clear();
  }

  private allowedRowids(scope: Scope): Set<number> | null {
    if (scope.documentIds === null) return null;
    const key = [...scope.documentIds].sort().join("\n");
    let allowed = this.allowedCache.get(key);
    if (!allowed) {
      allowed = new Set(this.index.catalog.chunkRowidsOfDocuments(scope.documentIds));
      this.allowedCache.set(key, allowed);
    }
    return allowed;
  }
}
