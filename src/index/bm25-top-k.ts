import type { KeywordHit } from "./keyword-index.ts";

/** The passages that contain one token: how often, per column, and how long each passage is. */
export interface TokenPostings {
  /** Passage row ids, ascending. */
  rowids: Int32Array;
  /** Tokens in each passage, all columns together (FTS5's column size −1). */
  lengths: Int32Array;
  /** Occurrences in the body column. */
  bodyCounts: Int32Array;
  /** Occurrences in the context column (title and headings). */
  contextCounts: Int32Array;
}

/** What BM25 needs to know about the whole index. */
export interface Bm25Collection {
  /** Passages in the index. */
  rows: number;
  /** Tokens in all passages and columns together. */
  tokens: number;
}

// FTS5's constants (fts5Bm25Function in SQLite's ext/fts5/fts5_aux.c).
const K1 = 1.2;
const B = 0.75;

/**
 * The `limit` best passages for single-token phrases as SQLite ranks them with
 * `-bm25(fts, 1.0, contextWeight) AS score … ORDER BY score DESC LIMIT limit`: best first, equal
 * scores by ascending row id. Every score is bit-identical to FTS5's, because each floating-point
 * operation is the same and comes in the same order: a phrase's frequency adds 1.0 per body
 * occurrence and then `contextWeight` per context occurrence (FTS5 visits instances by column),
 * and a passage's phrases are summed in query order. `idfs[i]` must be FTS5's IDF of phrase i,
 * computed with the C library's `log` (see `SqliteKeywordIndex`), and `accept` may leave passages out.
 */
export function bm25TopK(
  phrases: readonly TokenPostings[],
  idfs: readonly number[],
  collection: Bm25Collection,
  contextWeight: number,
  limit: number,
  accept?: (rowid: number) => boolean,
  scratch: Bm25Scratch = new Bm25Scratch(),
): KeywordHit[] {
  const averageLength = collection.tokens / collection.rows;
  // Phrase after phrase, so each passage's score is summed in query order.
  for (let phrase = 0; phrase < phrases.length; phrase++) {
    const postings = phrases[phrase] as TokenPostings;
    const idf = idfs[phrase] as number;
    const { rowids, lengths, bodyCounts, contextCounts } = postings;
    for (let at = 0; at < rowids.length; at++) {
      let frequency = 0.0;
      const body = bodyCounts[at] as number;
      for (let count = 0; count < body; count++) frequency += 1.0;
      const context = contextCounts[at] as number;
      for (let count = 0; count < context; count++) frequency += contextWeight;
      const length = lengths[at] as number;
      scratch.add(
        rowids[at] as number,
        idf * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + (B * length) / averageLength))),
      );
    }
  }
  const best = new TopHits(limit);
  scratch.drain((rowid, score) => {
    if (!accept || accept(rowid)) best.offer(rowid, score);
  });
  return best.sorted();
}

/**
 * Per-passage score sums, indexed by row id and reused from search to search (a map of thousands
 * of passages per search costs more than the scoring).
 */
export class Bm25Scratch {
  private scores = new Float64Array(0);
  private seen = new Uint8Array(0);
  private touched = new Int32Array(1024);
  private count = 0;

  /** Adds to a passage's score; its first contribution starts from 0.0, as FTS5's sum does. */
  add(rowid: number, contribution: number): void {
    if (rowid >= this.scores.length) this.grow(rowid);
    if (this.seen[rowid] === 0) {
      this.seen[rowid] = 1;
      this.scores[rowid] = 0.0;
      if (this.count === this.touched.length) {
        const touched = new Int32Array(this.touched.length * 2);
        touched.set(this.touched);
        this.touched = touched;
      }
      this.touched[this.count++] = rowid;
    }
    this.scores[rowid] = (this.scores[rowid] as number) + contribution;
  }

  /** Hands out every scored passage and clears the sums for the next search. */
  drain(receive: (rowid: number, score: number) => void): void {
    for (let index = 0; index < this.count; index++) {
      const rowid = this.touched[index] as number;
      this.seen[rowid] = 0;
      receive(rowid, this.scores[rowid] as number);
    }
    this.count = 0;
  }

  private grow(rowid: number): void {
    const size = Math.max(rowid + 1, this.scores.length * 2, 1024);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    const seen = new Uint8Array(size);
    seen.set(this.seen);
    this.scores = scores;
    this.seen = seen;
  }
}

/** FTS5's IDF of a phrase found in `hits` of `rows` passages, given the C library's natural logarithm. */
export function fts5Idf(rows: number, hits: number, logarithm: (value: number) => number): number {
  const idf = logarithm((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

/**
 * The best `limit` hits, a min-heap on (score, −rowid): of equal scores the lower row id stays, as
 * in SQLite's ORDER BY … LIMIT over FTS5's rows (which come in ascending row id order).
 */
class TopHits {
  private readonly rowids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly limit: number) {}

  offer(rowid: number, score: number): void {
    if (this.limit <= 0) return;
    if (this.rowids.length < this.limit) {
      this.rowids.push(rowid);
      this.scores.push(score);
      this.up(this.rowids.length - 1);
      return;
    }
    const worstScore = this.scores[0] as number;
    if (score < worstScore || (score === worstScore && rowid > (this.rowids[0] as number))) return;
    this.rowids[0] = rowid;
    this.scores[0] = score;
    this.down(0);
  }

  sorted(): KeywordHit[] {
    return this.rowids
      .map((rowid, index) => ({ rowid, score: this.scores[index] as number }))
      .sort((a, b) => b.score - a.score || a.rowid - b.rowid);
  }

  /** True when hit a is worse than hit b: lower score, or the same score and a later row id. */
  private worse(a: number, b: number): boolean {
    const scoreA = this.scores[a] as number;
    const scoreB = this.scores[b] as number;
    return scoreA < scoreB || (scoreA === scoreB && (this.rowids[a] as number) > (this.rowids[b] as number));
  }

  private up(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.worse(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  private down(index: number): void {
    let parent = index;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let worst = parent;
      if (left < this.rowids.length && this.worse(left, worst)) worst = left;
      if (right < this.rowids.length && this.worse(right, worst)) worst = right;
      if (worst === parent) return;
      this.swap(parent, worst);
      parent = worst;
    }
  }

  private swap(a: number, b: number): void {
    const rowid = this.rowids[a] as number;
    this.rowids[a] = this.rowids[b] as number;
    this.rowids[b] = rowid;
    const score = this.scores[a] as number;
    this.scores[a] = this.scores[b] as number;
    this.scores[b] = score;
  }
}
