import type { TokenPostings } from "./bm25-top-k.ts";
import { fts5Tokens, KEYWORD_TOKENIZER } from "./fts5-tokens.ts";
import { ensureModuleSchema, readMeta, type SqliteDatabase, writeMeta } from "./sqlite-database.ts";

/** Bumped when the stored layout changes: postings of another version are rebuilt by the next ingest. */
const POSTINGS_VERSION = "1";
/** Meta key: the version and the ingest generation the stored postings were last brought up to date with. */
const STATE_KEY = "keyword_postings";
const SCHEMA = [
  // One row per token: its passages, row ids ascending, with their lengths and counts (see `encode`).
  "CREATE TABLE keyword_postings (token TEXT PRIMARY KEY, postings BLOB NOT NULL)",
];
/** Decoded postings kept in memory; the tokens questions search for are a small part of the vocabulary. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
/**
 * Memory bounds of `KeywordPostings`; the defaults keep an ingest's extra memory near 25 MB. Merging
 * more often costs little: the commit writes faster than the vector graph is built, which it waits for.
 */
export interface KeywordPostingsOptions {
  /**
   * Noted (passage, token) pairs held before they are merged into the table (12 bytes each): a
   * full ingest of a large corpus has tens of millions, which must not all wait in memory at once.
   */
  maxPendingPairs?: number;
  /** New postings built at once while merging (16 bytes each). */
  maxMergedPairs?: number;
}
const NO_POSTINGS: TokenPostings = {
  rowids: new Int32Array(0),
  lengths: new Int32Array(0),
  bodyCounts: new Int32Array(0),
  contextCounts: new Int32Array(0),
};

/**
 * Noted passages, back to back: row id, length, number of distinct tokens n, then n times
 * (token id, body count, context count).
 */
class PassageList {
  data = new Int32Array(4096);
  size = 0;
  passages = 0;
  pairs = 0;

  /** Makes room for `count` more values. */
  reserve(count: number): void {
    if (this.size + count <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.size + count, this.data.length * 2));
    grown.set(this.data.subarray(0, this.size));
    this.data = grown;
  }

  /** Start offsets of the passages, by ascending row id. */
  starts(): Int32Array {
    const starts = new Int32Array(this.passages);
    for (let at = 0, index = 0; at < this.size; index++) {
      starts[index] = at;
      at += 3 + 3 * (this.data[at + 2] as number);
    }
    return starts.sort((a, b) => (this.data[a] as number) - (this.data[b] as number));
  }
}

/**
 * The postings of every token of the keyword table (`chunks_fts`), kept beside it so BM25 can be
 * computed in JavaScript (`bm25TopK`) instead of by FTS5's bm25(), which costs ~0.5 µs for every
 * passage a query's terms occur in (~5 ms a question on the statute corpus). Writes and removals
 * are collected during an ingest and stored by `flush`, inside the ingest's transaction; postings
 * found out of date (an older program ingested, or they were never built) are rebuilt from the
 * keyword table by the next flush, and searches use FTS5 until then.
 */
export class KeywordPostings {
  private readonly read;
  private readonly upsert;
  private readonly drop;
  private readonly content;
  private readonly allContent;
  /** Whether the keyword table tokenizes as `fts5Tokens` does and keeps its text (needed to remove). */
  private readonly compatible: boolean;
  private current: boolean | null = null;
  private readonly cache = new Map<string, TokenPostings>();
  private cachedBytes = 0;
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenNames: string[] = [];
  /** Scratch of `count`: each token's place in the passage being counted, −1 when absent. */
  private slots = new Int32Array(0);
  private added = new PassageList();
  private removed = new PassageList();

  private readonly maxPendingPairs: number;
  private readonly maxMergedPairs: number;

  constructor(
    private readonly database: SqliteDatabase,
    options: KeywordPostingsOptions = {},
  ) {
    this.maxPendingPairs = options.maxPendingPairs ?? 1_000_000;
    this.maxMergedPairs = options.maxMergedPairs ?? 500_000;
    ensureModuleSchema(database, "keyword-postings", SCHEMA);
    this.read = database.prepare("SELECT postings FROM keyword_postings WHERE token = ?");
    this.upsert = database.prepare(
      "INSERT INTO keyword_postings(token, postings) VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET postings = excluded.postings",
    );
    this.drop = database.prepare("DELETE FROM keyword_postings WHERE token = ?");
    this.content = database.prepare("SELECT body, context FROM chunks_fts WHERE rowid = ?");
    this.allContent = database.prepare(
      "SELECT rowid, body, context FROM chunks_fts WHERE rowid > ? ORDER BY rowid LIMIT 4096",
    );
    const schema = database.prepare("SELECT sql FROM sqlite_master WHERE name = 'chunks_fts'").get() as
      | { sql: string }
      | undefined;
    const sql = (schema?.sql ?? "").replace(/\s+/g, " ");
    this.compatible =
      /\( ?body, context, tokenize ?= ?"([^"]*)" ?\)/.exec(sql)?.[1] === KEYWORD_TOKENIZER &&
      !sql.includes("content=");
    // An empty keyword table has empty postings: nothing to rebuild (a new data folder).
    if (
      this.compatible &&
      !this.isCurrent() &&
      database.prepare("SELECT 1 FROM chunks_fts LIMIT 1").get() === undefined
    ) {
      database.prepare("DELETE FROM keyword_postings").run();
      this.markCurrent(readMeta(database, "generation") ?? "0");
    }
  }

  /** True when searches may use the postings: they mirror the keyword table and nothing is pending. */
  get usable(): boolean {
    return this.isCurrent() && this.added.passages === 0 && this.removed.passages === 0;
  }

  /** The postings of a token (none when no passage has it). */
  postings(token: string): TokenPostings {
    let postings = this.cache.get(token);
    if (postings === undefined) {
      const row = this.read.get(token) as { postings: Buffer } | undefined;
      postings = row ? decode(row.postings) : NO_POSTINGS;
      const bytes = postings.rowids.length * 16;
      if (this.cachedBytes + bytes > MAX_CACHED_BYTES) this.forget();
      this.cache.set(token, postings);
      this.cachedBytes += bytes;
    }
    return postings;
  }

  /** Notes a passage written to the keyword table with these analysed terms. */
  recordWrite(rowid: number, bodyTerms: readonly string[], contextTerms: readonly string[]): void {
    if (!this.isCurrent()) return;
    this.count(this.added, rowid, bodyTerms, contextTerms);
    if (this.added.pairs + this.removed.pairs > this.maxPendingPairs) this.apply();
  }

  /** Notes a passage about to be removed from the keyword table; call before removing it. */
  recordRemoval(rowid: number): void {
    if (!this.isCurrent()) return;
    const row = this.content.get(rowid) as { body: string | null; context: string | null } | undefined;
    if (!row) return;
    this.count(this.removed, rowid, split(row.body), split(row.context));
    if (this.added.pairs + this.removed.pairs > this.maxPendingPairs) this.apply();
  }

  /**
   * Stores the noted changes (or, when the postings were out of date, rebuilds them from the
   * keyword table); call inside the transaction that changed the table, with the generation it
   * commits, before that generation is written. Says what it did ("unsupported": a keyword table
   * this class cannot mirror, searched by FTS5 alone).
   */
  flush(generation: string): "updated" | "rebuilt" | "unsupported" {
    if (!this.compatible) return "unsupported";
    const current = this.isCurrent();
    if (current) this.apply();
    else this.rebuild();
    this.discard();
    this.markCurrent(generation);
    // Up to date once the transaction commits; `discard` forgets this if it is rolled back.
    this.current = true;
    return current ? "updated" : "rebuilt";
  }

  /** Forgets noted changes (the transaction that made them was rolled back) and cached postings. */
  discard(): void {
    this.added = new PassageList();
    this.removed = new PassageList();
    this.tokenIds.clear();
    this.tokenNames.length = 0;
    this.current = null;
    this.forget();
  }

  private isCurrent(): boolean {
    this.current ??=
      this.compatible &&
      readMeta(this.database, STATE_KEY) ===
        `${POSTINGS_VERSION}:${readMeta(this.database, "generation") ?? "0"}`;
    return this.current;
  }

  private markCurrent(generation: string): void {
    writeMeta(this.database, STATE_KEY, `${POSTINGS_VERSION}:${generation}`);
    this.current = null;
  }

  private forget(): void {
    this.cache.clear();
    this.cachedBytes = 0;
  }

  private rebuild(): void {
    this.database.prepare("DELETE FROM keyword_postings").run();
    this.added = new PassageList();
    this.removed = new PassageList();
    // Page by page: merging writes, and the connection cannot write while a query is open.
    for (let after = Number.NEGATIVE_INFINITY; ; ) {
      const rows = this.allContent.all(after) as {
        rowid: number;
        body: string | null;
        context: string | null;
      }[];
      if (rows.length === 0) break;
      for (const row of rows) this.count(this.added, row.rowid, split(row.body), split(row.context));
      after = rows.at(-1)?.rowid ?? after;
      if (this.added.pairs > this.maxPendingPairs) this.apply();
    }
    this.apply();
  }

  /**
   * Merges the noted removals and writes into each touched token's stored postings, a range of
   * tokens at a time so that memory stays bounded, and forgets them.
   */
  private apply(): void {
    const tokens = this.tokenNames.length;
    const addedCounts = tokenCounts(this.added, tokens);
    const removedCounts = tokenCounts(this.removed, tokens);
    const addedStarts = this.added.starts();
    const removedStarts = this.removed.starts();
    for (let first = 0; first < tokens; ) {
      let last = first;
      let pairs = 0;
      while (
        last < tokens &&
        (last === first || pairs + (addedCounts[last] as number) <= this.maxMergedPairs)
      ) {
        pairs += addedCounts[last] as number;
        last++;
      }
      const added = groupByToken(this.added, addedStarts, addedCounts, first, last);
      const removed = new Map<number, Set<number>>();
      forEachPair(this.removed, removedStarts, first, last, (token, rowid) => {
        const rows = removed.get(token) ?? new Set<number>();
        rows.add(rowid);
        removed.set(token, rows);
      });
      for (let token = first; token < last; token++) {
        if ((addedCounts[token] as number) === 0 && (removedCounts[token] as number) === 0) continue;
        const name = this.tokenNames[token] as string;
        const row = this.read.get(name) as { postings: Buffer } | undefined;
        const stored = row ? decode(row.postings) : NO_POSTINGS;
        const merged = merge(stored, removed.get(token), added.get(token) ?? NO_POSTINGS);
        if (merged.rowids.length === 0) this.drop.run(name);
        else this.upsert.run(name, encode(merged));
      }
      first = last;
    }
    this.added = new PassageList();
    this.removed = new PassageList();
  }

  /** Notes one passage's tokens and counts in `list`. */
  private count(
    list: PassageList,
    rowid: number,
    bodyTerms: readonly string[],
    contextTerms: readonly string[],
  ): void {
    // Called for every passage of an ingest: slots live in a reused array, not in a map per passage.
    list.reserve(3 + 3 * (bodyTerms.length + contextTerms.length));
    const start = list.size;
    let data = list.data;
    let end = start + 3;
    let length = 0;
    for (let column = 1; column <= 2; column++) {
      const terms = column === 1 ? bodyTerms : contextTerms;
      for (let index = 0; index < terms.length; index++) {
        const term = terms[index] as string;
        // A token is its own only token, so a term already seen as a token needs no tokenizing.
        const known = this.tokenIds.get(term);
        const tokens = known === undefined ? fts5Tokens(term).map((token) => this.idOf(token)) : null;
        for (let part = 0; part < (tokens ? tokens.length : 1); part++) {
          const id = tokens ? (tokens[part] as number) : (known as number);
          length++;
          if (id >= this.slots.length) this.growSlots(id);
          let slot = this.slots[id] as number;
          if (slot < 0) {
            // A term FTS5 splits may add more tokens than it has terms.
            if (end + 3 > data.length) {
              list.reserve(end + 3 - list.size);
              data = list.data;
            }
            slot = end;
            this.slots[id] = slot;
            data[end] = id;
            data[end + 1] = 0;
            data[end + 2] = 0;
            end += 3;
          }
          data[slot + column] = (data[slot + column] as number) + 1;
        }
      }
    }
    for (let at = start + 3; at < end; at += 3) this.slots[data[at] as number] = -1;
    data[start] = rowid;
    data[start + 1] = length;
    data[start + 2] = (end - start - 3) / 3;
    list.size = end;
    list.passages++;
    list.pairs += (end - start - 3) / 3;
  }

  private growSlots(id: number): void {
    const grown = new Int32Array(Math.max(id + 1, this.slots.length * 2)).fill(-1);
    grown.set(this.slots);
    this.slots = grown;
  }

  private idOf(token: string): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokenNames.length;
      this.tokenIds.set(token, id);
      this.tokenNames.push(token);
    }
    return id;
  }
}

/** The terms of a stored column: the analysed terms joined with spaces. */
function split(text: string | null): string[] {
  return text ? text.split(" ") : [];
}

/** How many noted passages have each token. */
function tokenCounts(list: PassageList, tokens: number): Int32Array {
  const counts = new Int32Array(tokens);
  for (let at = 0; at < list.size; ) {
    const pairs = list.data[at + 2] as number;
    for (let pair = 0; pair < pairs; pair++) {
      const token = list.data[at + 3 + 3 * pair] as number;
      counts[token] = (counts[token] as number) + 1;
    }
    at += 3 + 3 * pairs;
  }
  return counts;
}

/**
 * Calls `visit` for each noted (token, passage) pair with a token in [first, last), by ascending
 * row id, with the offsets of the pair and of its passage.
 */
function forEachPair(
  list: PassageList,
  starts: Int32Array,
  first: number,
  last: number,
  visit: (token: number, rowid: number, at: number, start: number) => void,
): void {
  for (const start of starts) {
    const pairs = list.data[start + 2] as number;
    for (let pair = 0; pair < pairs; pair++) {
      const at = start + 3 + 3 * pair;
      const token = list.data[at] as number;
      if (token >= first && token < last) visit(token, list.data[start] as number, at, start);
    }
  }
}

/** The new postings of the tokens in [first, last), row ids ascending. */
function groupByToken(
  list: PassageList,
  starts: Int32Array,
  counts: Int32Array,
  first: number,
  last: number,
): Map<number, TokenPostings> {
  const grouped = new Map<number, TokenPostings>();
  const filled = new Int32Array(last - first);
  forEachPair(list, starts, first, last, (token, rowid, at, start) => {
    let postings = grouped.get(token);
    if (!postings) {
      postings = allocate(counts[token] as number);
      grouped.set(token, postings);
    }
    const slot = filled[token - first] as number;
    filled[token - first] = slot + 1;
    postings.rowids[slot] = rowid;
    postings.lengths[slot] = list.data[start + 1] as number;
    postings.bodyCounts[slot] = list.data[at + 1] as number;
    postings.contextCounts[slot] = list.data[at + 2] as number;
  });
  return grouped;
}

/** Postings for `size` passages, the four arrays in one buffer. */
function allocate(size: number): TokenPostings {
  const buffer = new ArrayBuffer(size * 16);
  const part = (index: number) => new Int32Array(buffer, index * size * 4, size);
  return { rowids: part(0), lengths: part(1), bodyCounts: part(2), contextCounts: part(3) };
}

/**
 * Stored postings without the removed passages, merged with the new ones by ascending row id. A
 * removed passage's row id may come back for a new passage (SQLite reuses the highest row id).
 */
function merge(
  stored: TokenPostings,
  removed: ReadonlySet<number> | undefined,
  added: TokenPostings,
): TokenPostings {
  if (stored.rowids.length === 0) return added;
  let kept = 0;
  for (const rowid of stored.rowids) if (!removed?.has(rowid)) kept++;
  const size = kept + added.rowids.length;
  const result = allocate(size);
  let to = 0;
  const copy = (source: TokenPostings, index: number) => {
    result.rowids[to] = source.rowids[index] as number;
    result.lengths[to] = source.lengths[index] as number;
    result.bodyCounts[to] = source.bodyCounts[index] as number;
    result.contextCounts[to] = source.contextCounts[index] as number;
    to++;
  };
  let old = 0;
  let fresh = 0;
  while (old < stored.rowids.length || fresh < added.rowids.length) {
    const oldRowid = old < stored.rowids.length ? (stored.rowids[old] as number) : Number.POSITIVE_INFINITY;
    if (removed?.has(oldRowid)) {
      old++;
      continue;
    }
    const newRowid = fresh < added.rowids.length ? (added.rowids[fresh] as number) : Number.POSITIVE_INFINITY;
    if (oldRowid < newRowid) copy(stored, old++);
    else copy(added, fresh++);
  }
  return result;
}

/**
 * The stored form, compact because a large index has millions of postings: the number of
 * passages, then per passage the gap to the previous row id, the length and the two counts, each
 * a varint (7 bits a byte, low bits first, high bit set on all bytes but the last).
 */
function encode(postings: TokenPostings): Buffer {
  const size = postings.rowids.length;
  // A 32-bit value takes at most 5 bytes.
  const bytes = Buffer.allocUnsafe(5 + size * 20);
  let at = writeVarint(bytes, 0, size);
  let previous = 0;
  for (let index = 0; index < size; index++) {
    const rowid = postings.rowids[index] as number;
    at = writeVarint(bytes, at, rowid - previous);
    previous = rowid;
    at = writeVarint(bytes, at, postings.lengths[index] as number);
    at = writeVarint(bytes, at, postings.bodyCounts[index] as number);
    at = writeVarint(bytes, at, postings.contextCounts[index] as number);
  }
  return bytes.subarray(0, at);
}

function decode(bytes: Uint8Array): TokenPostings {
  let at = 0;
  const read = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const size = read();
  const postings = allocate(size);
  let rowid = 0;
  for (let index = 0; index < size; index++) {
    rowid += read();
    postings.rowids[index] = rowid;
    postings.lengths[index] = read();
    postings.bodyCounts[index] = read();
    postings.contextCounts[index] = read();
  }
  return postings;
}

function writeVarint(bytes: Buffer, start: number, value: number): number {
  let at = start;
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[at++] = rest;
  return at;
}
