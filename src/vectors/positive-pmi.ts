import type { SparseMatrix } from "./sparse-matrix.ts";

/** Options of the PPMI transform. */
export interface PpmiOptions {
  /** Context-distribution smoothing exponent (0.75 in Levy, Goldberg & Dagan 2015). */
  contextSmoothing: number;
}

/**
 * Turns a symmetric co-occurrence count matrix into positive pointwise mutual information,
 * PPMI(w, c) = max(0, log(#(w,c) · Σc′ #c′^α / (#w · #c^α))), and drops the zeros.
 */
export function positivePmi(counts: SparseMatrix, options: PpmiOptions): SparseMatrix {
  const { rowStarts, columnIndices, values } = counts;
  const rowSums = new Float64Array(counts.rows);
  for (let row = 0; row < counts.rows; row++) {
    let sum = 0;
    for (let entry = rowStarts[row] ?? 0; entry < (rowStarts[row + 1] ?? 0); entry++)
      sum += values[entry] ?? 0;
    rowSums[row] = sum;
  }
  // The matrix is symmetric, so column sums equal row sums.
  const smoothed = rowSums.map((sum) => sum ** options.contextSmoothing);
  const smoothedTotal = smoothed.reduce((total, value) => total + value, 0);
  const logContext = smoothed.map((value) => Math.log(value > 0 ? value : 1));
  const outStarts = new Int32Array(counts.rows + 1);
  let out = 0;
  for (let row = 0; row < counts.rows; row++) {
    const logRow = Math.log(smoothedTotal) - Math.log((rowSums[row] ?? 0) || 1);
    outStarts[row] = out;
    for (let entry = rowStarts[row] ?? 0; entry < (rowStarts[row + 1] ?? 0); entry++) {
      const column = columnIndices[entry] ?? 0;
      const pmi = Math.log(values[entry] ?? 0) + logRow - (logContext[column] ?? 0);
      if (pmi <= 0) continue;
      // Compacting in place is safe: the write position never passes the read position.
      columnIndices[out] = column;
      values[out] = pmi;
      out++;
    }
  }
  outStarts[counts.rows] = out;
  return {
    rows: counts.rows,
    columns: counts.columns,
    rowStarts: outStarts,
    columnIndices: columnIndices.slice(0, out),
    values: values.slice(0, out),
  };
}
