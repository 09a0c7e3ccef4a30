import type { SparseMatrix } from "./sparse-matrix.ts";

/** How a co-occurrence counts by distance d within a window of w words. */
export type DistanceWeighting = "linear" | "harmonic";

/** Options of co-occurrence counting. */
export interface CooccurrenceOptions {
  window: number;
  weighting: DistanceWeighting;
}

const EMPTY = 0xffffffff;

/**
 * Open-addressing hash table from a packed word pair to its weighted count. Typed arrays keep
 * tens of millions of pairs in 8 bytes each, where a Map would need several times more.
 */
class PairTable {
  keys: Uint32Array;
  values: Float32Array;
  size = 0;
  mask: number;
  shift: number;

  constructor(capacityBits: number) {
    this.keys = new Uint32Array(1 << capacityBits).fill(EMPTY);
    this.values = new Float32Array(1 << capacityBits);
    this.mask = (1 << capacityBits) - 1;
    this.shift = 32 - capacityBits;
  }

  add(key: number, weight: number): void {
    // Fibonacci hashing: the product's high bits mix every bit of the key.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    const keys = this.keys;
    for (;;) {
      const current = keys[slot];
      if (current === key) {
        this.values[slot] = (this.values[slot] ?? 0) + weight;
        return;
      }
      if (current === EMPTY) {
        keys[slot] = key;
        this.values[slot] = weight;
        if (++this.size * 4 > keys.length * 3) this.grow();
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(oldKeys.length * 2).fill(EMPTY);
    this.values = new Float32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.shift--;
    this.size = 0;
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const key = oldKeys[slot] ?? EMPTY;
      if (key !== EMPTY) this.add(key, oldValues[slot] ?? 0);
    }
  }
}

/** Largest vocabulary whose pairs still pack into one 32-bit key. */
export const MAX_VOCABULARY = 65535;

/**
 * Counts distance-weighted co-occurrences of vocabulary ids within each document (windows never
 * cross documents) and returns the symmetric count matrix.
 */
export function countCooccurrences(
  tokens: Int32Array,
  documentStarts: Int32Array,
  vocabularySize: number,
  options: CooccurrenceOptions,
): SparseMatrix {
  if (vocabularySize > MAX_VOCABULARY) throw new RangeError(`vocabulary larger than ${MAX_VOCABULARY}`);
  const { window } = options;
  const weights = new Float32Array(window + 1);
  for (let d = 1; d <= window; d++)
    weights[d] = options.weighting === "linear" ? (window - d + 1) / window : 1 / d;
  const table = new PairTable(20);
  for (let document = 0; document + 1 < documentStarts.length; document++) {
    const start = documentStarts[document] ?? 0;
    const end = documentStarts[document + 1] ?? 0;
    for (let position = start; position < end; position++) {
      const word = tokens[position] ?? 0;
      const last = Math.min(end - 1, position + window);
      for (let other = position + 1; other <= last; other++) {
        const context = tokens[other] ?? 0;
        const key = word <= context ? word * vocabularySize + context : context * vocabularySize + word;
        table.add(key, weights[other - position] ?? 0);
      }
    }
  }
  return toSymmetricMatrix(table, vocabularySize);
}

function toSymmetricMatrix(table: PairTable, size: number): SparseMatrix {
  const { keys, values } = table;
  const rowLengths = new Int32Array(size + 1);
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot] ?? EMPTY;
    if (key === EMPTY) continue;
    const row = Math.floor(key / size);
    const column = key - row * size;
    rowLengths[row + 1] = (rowLengths[row + 1] ?? 0) + 1;
    if (row !== column) rowLengths[column + 1] = (rowLengths[column + 1] ?? 0) + 1;
  }
  for (let row = 0; row < size; row++)
    rowLengths[row + 1] = (rowLengths[row + 1] ?? 0) + (rowLengths[row] ?? 0);
  const rowStarts = rowLengths.slice();
  const nonZeros = rowStarts[size] ?? 0;
  const columnIndices = new Int32Array(nonZeros);
  const matrixValues = new Float32Array(nonZeros);
  const cursor = rowStarts.slice(0, size);
  const put = (row: number, column: number, value: number): void => {
    const at = cursor[row] ?? 0;
    columnIndices[at] = column;
    matrixValues[at] = value;
    cursor[row] = at + 1;
  };
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot] ?? EMPTY;
    const value = values[slot] ?? 0;
    if (key === EMPTY) continue;
    const row = Math.floor(key / size);
    const column = key - row * size;
    put(row, column, value);
    if (row !== column) put(column, row, value);
  }
  return { rows: size, columns: size, rowStarts, columnIndices, values: matrixValues };
}
