/** A sparse matrix in compressed sparse row form. */
export interface SparseMatrix {
  rows: number;
  columns: number;
  /** Row r's entries are at indices rowStarts[r] … rowStarts[r + 1] - 1. */
  rowStarts: Int32Array;
  columnIndices: Int32Array;
  values: Float32Array;
}

/**
 * A tall dense matrix stored row after row. Single precision halves the memory traffic of the
 * sparse products, which dominate training; sums are still accumulated in double precision.
 */
export interface DenseMatrix {
  rows: number;
  columns: number;
  data: Float32Array;
}

/** Allocates a zero dense matrix. */
export function createDenseMatrix(rows: number, columns: number): DenseMatrix {
  return { rows, columns, data: new Float32Array(rows * columns) };
}

/** Returns Aᵀ in CSR form (a counting sort by column), so Aᵀ·X can gather instead of scatter. */
export function transposeSparse(a: SparseMatrix): SparseMatrix {
  const rowStarts = new Int32Array(a.columns + 1);
  for (const column of a.columnIndices) rowStarts[column + 1] = (rowStarts[column + 1] ?? 0) + 1;
  for (let column = 0; column < a.columns; column++) {
    rowStarts[column + 1] = (rowStarts[column + 1] ?? 0) + (rowStarts[column] ?? 0);
  }
  const cursor = rowStarts.slice(0, a.columns);
  const columnIndices = new Int32Array(a.values.length);
  const values = new Float32Array(a.values.length);
  for (let row = 0; row < a.rows; row++) {
    for (let entry = a.rowStarts[row] ?? 0; entry < (a.rowStarts[row + 1] ?? 0); entry++) {
      const column = a.columnIndices[entry] ?? 0;
      const at = cursor[column] ?? 0;
      columnIndices[at] = row;
      values[at] = a.values[entry] ?? 0;
      cursor[column] = at + 1;
    }
  }
  return { rows: a.columns, columns: a.rows, rowStarts, columnIndices, values };
}

/** Computes A·X for sparse A (m×n) and dense X (n×k). */
export function multiplySparseDense(a: SparseMatrix, x: DenseMatrix): DenseMatrix {
  const k = x.columns;
  const result = createDenseMatrix(a.rows, k);
  const input = x.data;
  const { rowStarts, columnIndices, values } = a;
  const sum = new Float32Array(k);
  for (let row = 0; row < a.rows; row++) {
    sum.fill(0);
    const end = rowStarts[row + 1] ?? 0;
    for (let entry = rowStarts[row] ?? 0; entry < end; entry++) {
      addScaledRow(sum, input, (columnIndices[entry] ?? 0) * k, values[entry] ?? 0, k);
    }
    result.data.set(sum, row * k);
  }
  return result;
}

/** sum += value · source[offset … offset + k); unrolled because this loop is most of training time. */
function addScaledRow(
  sum: Float32Array,
  source: Float32Array,
  offset: number,
  value: number,
  k: number,
): void {
  let c = 0;
  for (; c + 7 < k; c += 8) {
    const at = offset + c;
    sum[c] = (sum[c] ?? 0) + value * (source[at] ?? 0);
    sum[c + 1] = (sum[c + 1] ?? 0) + value * (source[at + 1] ?? 0);
    sum[c + 2] = (sum[c + 2] ?? 0) + value * (source[at + 2] ?? 0);
    sum[c + 3] = (sum[c + 3] ?? 0) + value * (source[at + 3] ?? 0);
    sum[c + 4] = (sum[c + 4] ?? 0) + value * (source[at + 4] ?? 0);
    sum[c + 5] = (sum[c + 5] ?? 0) + value * (source[at + 5] ?? 0);
    sum[c + 6] = (sum[c + 6] ?? 0) + value * (source[at + 6] ?? 0);
    sum[c + 7] = (sum[c + 7] ?? 0) + value * (source[at + 7] ?? 0);
  }
  for (; c < k; c++) sum[c] = (sum[c] ?? 0) + value * (source[offset + c] ?? 0);
}
