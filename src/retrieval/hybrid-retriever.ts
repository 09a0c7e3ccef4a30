import type { CatalogDocument, StoredChunk } from "../index/catalog.ts";
import type { KnowledgeIndex } from "../index/knowledge-index.ts";
import { definitionKeys, type Thesaurus, withoutYearAnchors } from "../text/index.ts";
import { askedTerm } from "./asked-term.ts";
import { type AnalysedAcronym, analyseAcronyms, definitionCue, expandAcronyms } from "./expand-acronyms.ts";
import { properNames } from "./proper-names.ts";
import { type Expansion, expandQuery, type NeighbourSource } from "./query-expansion.ts";
import type { Scope } from "./scope.ts";
import { zScoreFusion } from "./z-score-fusion.ts";

/** A passage found for a question. */
export interface RetrievedPassage {
  chunk: StoredChunk;
  document: CatalogDocument;
  /** Fused score, higher is better (standardised, so it can be negative). */
  score: number;
  /** Raw bm25 score (higher is better) when the keyword side found it. */
  keywordScore: number | null;
  /** Cosine similarity when the vector side found it. */
  vectorScore: number | null;
  /** The names in the question (analysed: "laholm", "norrbotten") that the passage's document contains. */
  names: string[];
}

/** The outcome of retrieval, with what the question was turned into (for `--explain`). */
export interface RetrievalResult {
  passages: RetrievedPassage[];
  queryTerms: string[];
  expansions: Expansion[];
  /**
   * Every synonym and neighbour found, also those beyond the few the search uses: judging the
   * retrieved sentences with all of them costs little ("träffas" → "sammanträde" in a big corpus,
   * where one-step synonyms fill the search's share).
   */
  alternatives?: Expansion[];
}

/** Tunable weights; chosen on the dev sets (see README, "Hur ett svar blir till"). */
export interface RetrieverOptions {
  /** Weight of the standardised bm25 score of the question's own terms. */
  keywordWeight: number;
  /** Weight of the standardised cosine similarity. */
  vectorWeight: number;
  /** Weight of the standardised bm25 score of synonyms and neighbours. */
  expansionWeight: number;
  /** Candidates taken from each side before fusion. */
  candidates: number;
  /** Added (in standard deviations) for passages whose document contains the names in the question. */
  nameBoost: number;
  /** Terms found in more than this share of all passages are left out of the keyword queries. */
  commonTermShare: number;
  /**
   * The same for the synonyms and neighbours: their query has many terms at a low weight, and each
   * term in over 1 % of a large index costs milliseconds while hardly moving the ranking.
   */
  expansionTermShare: number;
  /** Added (in standard deviations) for passages that define the term a "Vad menas med …" question asks about. */
  definitionBoost: number;
}

export const DEFAULT_RETRIEVER_OPTIONS: RetrieverOptions = {
  keywordWeight: 1,
  vectorWeight: 1,
  expansionWeight: 0.3,
  candidates: 50,
  nameBoost: 0.5,
  commonTermShare: 0.05,
  expansionTermShare: 0.01,
  definitionBoost: 2,
};

/** A term defined in more passages than this is defined per chapter or law; boosting them all says nothing. */
const MAX_DEFINING_CHUNKS = 8;

/** Below this many passages no term is too common to search for (small knowledge bases). */
const MIN_COMMON_FREQUENCY = 500;
/** A query keeps at least this many of its rarest terms, however common they are. */
const MIN_KEPT_TERMS = 2;

/** More expansion terms than this make the expansion query slow and mostly add noise. */
const MAX_EXPANSIONS = 16;

/** Where expansions come from; both optional (an index built with an OpenAI embedder needs neither). */
export interface ExpansionSources {
  thesaurus?: Thesaurus | undefined;
  neighbours?: NeighbourSource | undefined;
}

/** The expansions of the `limit` best-credited distinct terms (a term may stand in for several words). */
function mostCredited(expansions: Expansion[], limit: number): Expansion[] {
  const sorted = [...expansions].sort((a, b) => b.credit - a.credit);
  const terms = new Set<string>();
  for (const expansion of sorted) {
    if (terms.size >= limit) break;
    terms.add(expansion.term);
  }
  return sorted.filter((expansion) => terms.has(expansion.term));
}

interface NamedDocuments {
  contained(documentId: string): string[];
  share(documentId: string): number;
}

/** Keyword ∪ vector ∪ expansion retrieval, fused on standardised scores, restricted to a scope. */
export class HybridRetriever {
  private readonly allowedCache = new Map<string, Set<number>>();
  /** The corpus's acronyms change only with an ingest; reading and analysing them per question costs ~0.5 ms. */
  private acronymCache: AnalysedAcronym[] | null = null;

  constructor(
    private readonly index: KnowledgeIndex,
    private readonly sources: ExpansionSources = {},
    private readonly options: RetrieverOptions = DEFAULT_RETRIEVER_OPTIONS,
  ) {}

  /** Finds the `limit` best passages for a question within `scope`. */
  async retrieve(question: string, scope: Scope, limit: number): Promise<RetrievalResult> {
    const { analyzer, catalog, keywords, vectors, embedder } = this.index;
    // "årets" in "årets första kvartal" is no content word: "över året" is not the period.
    const queryTerms = analyzer.queryTerms(withoutYearAnchors(question));
    this.acronymCache ??= analyseAcronyms(catalog.acronyms(), analyzer);
    const exact: Expansion[] = [
      ...expandAcronyms(question, this.acronymCache, analyzer).map(
        (term): Expansion => ({ term, source: term, kind: "acronym", credit: 1 }),
      ),
      ...definitionCue(question, analyzer).map(
        (term): Expansion => ({ term, source: term, kind: "definition", credit: 1 }),
      ),
    ].filter((expansion) => !queryTerms.includes(expansion.term));
    const isIndexed = (term: string) => (keywords.documentFrequencies([term]).frequencies.get(term) ?? 0) > 0;
    const alternatives = expandQuery(queryTerms, this.sources, isIndexed, undefined, question).filter(
      (expansion) => !exact.some((other) => other.term === expansion.term),
    );
    const semantic = mostCredited(alternatives, MAX_EXPANSIONS);

    const candidates = Math.max(limit, this.options.candidates);
    const documentIds = scope.documentIds;
    const keywordHits = keywords.search(
      this.selective([...queryTerms, ...exact.map((expansion) => expansion.term)]),
      { limit: candidates, documentIds },
    );
    const expansionTerms = this.selective(
      semantic.map((expansion) => expansion.term),
      this.options.expansionTermShare,
    );
    const expansionHits =
      expansionTerms.length > 0 ? keywords.search(expansionTerms, { limit: candidates, documentIds }) : [];
    const [queryVector] = await embedder.embed([question], "query");
    const allowed = this.allowedRowids(scope);
    const vectorHits =
      queryVector && vectors.size > 0
        ? vectors.search(queryVector, candidates, allowed ? (label) => allowed.has(label) : undefined)
        : [];

    const fused = zScoreFusion([
      {
        weight: this.options.keywordWeight,
        hits: keywordHits.map((hit) => ({ key: hit.rowid, score: hit.score })),
        ...(keywordHits.length < candidates ? { absentScore: 0 } : {}),
      },
      {
        weight: this.options.vectorWeight,
        hits: vectorHits.map((hit) => ({ key: hit.label, score: hit.score })),
      },
      {
        weight: this.options.expansionWeight,
        hits: expansionHits.map((hit) => ({ key: hit.rowid, score: hit.score })),
        ...(expansionHits.length < candidates ? { absentScore: 0 } : {}),
      },
    ]);
    const defining = this.definingChunks(question, documentIds);
    const floor = fused.reduce((lowest, item) => Math.min(lowest, item.score), 0);
    for (const rowid of defining) {
      if (!fused.some((item) => item.key === rowid)) fused.push({ key: rowid, score: floor });
    }
    const keywordScores = new Map(keywordHits.map((hit) => [hit.rowid, hit.score]));
    const vectorScores = new Map(vectorHits.map((hit) => [hit.label, hit.score]));
    const named = this.documentsNamed(question);
    const owners = catalog.documentIdsByRowid(fused.map((item) => item.key));
    const ranked = fused
      .map((item) => ({
        ...item,
        score:
          item.score +
          this.options.nameBoost * named.share(owners.get(item.key) ?? "") +
          (defining.has(item.key) ? this.options.definitionBoost : 0),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const chunks = catalog.chunksByRowid(ranked.map((item) => item.key));
    const passages: RetrievedPassage[] = [];
    for (const item of ranked) {
      const chunk = chunks.get(item.key);
      const document = chunk ? catalog.document(chunk.documentId) : undefined;
      if (!chunk || !document) continue;
      passages.push({
        chunk,
        document,
        score: item.score,
        keywordScore: keywordScores.get(item.key) ?? null,
        vectorScore: vectorScores.get(item.key) ?? null,
        names: named.contained(document.id),
      });
    }
    return { passages, queryTerms, expansions: [...exact, ...semantic], alternatives };
  }

  /**
   * Leaves out terms found in a large share of all passages ("kommun" in a statute corpus): their
   * bm25 weight is near zero, yet FTS5 must score every passage that has them, which is what makes a
   * query slow on a large index. The rarest terms are always kept.
   */
  private selective(terms: readonly string[], share = this.options.commonTermShare): string[] {
    const { frequencies, total } = this.index.keywords.documentFrequencies(terms);
    const limit = Math.max(MIN_COMMON_FREQUENCY, total * share);
    const unique = [...new Set(terms)].filter((term) => (frequencies.get(term) ?? 0) > 0);
    const kept = unique.filter((term) => (frequencies.get(term) ?? 0) <= limit);
    if (kept.length >= MIN_KEPT_TERMS || kept.length === unique.length) return kept;
    const byRarity = [...unique].sort((a, b) => (frequencies.get(a) ?? 0) - (frequencies.get(b) ?? 0));
    return byRarity.slice(0, Math.min(MIN_KEPT_TERMS, byRarity.length));
  }

  /** Passages that define the term a definition question asks about ("Vad menas med hemkommun?"). */
  private definingChunks(question: string, documentIds: readonly string[] | null): Set<number> {
    const term = askedTerm(question);
    if (!term) return new Set();
    for (const key of definitionKeys(this.index.analyzer, term)) {
      const rowids = this.index.catalog.definingChunks(key, documentIds);
      if (rowids.length > 0 && rowids.length <= MAX_DEFINING_CHUNKS) return new Set(rowids);
    }
    return new Set();
  }

  /** Forgets cached scope filters; call after ingest. */
  invalidate(): void {
    this.allowedCache.clear();
    this.acronymCache = null;
  }

  /**
   * Which of the names in the question (capitalised words: Laholm, HälSam, Norrbotten) a document
   * contains, and their share. A question naming a group is about that group's documents.
   */
  private documentsNamed(question: string): NamedDocuments {
    const names = properNames(question)
      .map((name) => this.index.analyzer.queryTerms(name)[0])
      .filter((term): term is string => term !== undefined);
    const holders = [...new Set(names)]
      .map((term) => ({ term, documents: this.index.keywords.documentsContaining(term) }))
      .filter((holder) => holder.documents.size > 0);
    const contained = (documentId: string) =>
      holders.filter((holder) => holder.documents.has(documentId)).map((holder) => holder.term);
    return {
      contained,
      share: (documentId) => (holders.length === 0 ? 0 : contained(documentId).length / holders.length),
    };
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
