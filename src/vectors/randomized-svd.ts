import {
  gramMatrix,
  multiplyBySquare,
  orthonormalizeColumns,
  symmetricEigen,
} from "./dense-linear-algebra.ts";
import type { SeededRandom } from "./seeded-random.ts";
import {
  createDenseMatrix,
  type DenseMatrix,
  multiplySparseDense,
  type SparseMatrix,
  transposeSparse,
} from "./sparse-matrix.ts";

/** Options of the randomized SVD. */
export interface RandomizedSvdOptions {
  rank: number;
  /** Extra random directions beyond `rank`; they make the leading directions more accurate. */
  oversampling: number;
  /** Power iterations; each sharpens the spectrum at the cost of two sparse products. */
  powerIterations: number;
  random: SeededRandom;
}

/** Leading left singular vectors (as columns of `u`) and singular values, largest first. */
export interface TruncatedSvd {
  u: DenseMatrix;
  singularValues: Float64Array;
}

/**
 * Approximates the leading singular triplets of a sparse matrix (Halko, Martinsson & Tropp 2011,
 * algorithms 4.4 and 5.1): a Gaussian sketch, power iterations that re-orthonormalise after every
 * product, then the exact SVD of the small B = QᵀA through the eigen-decomposition of B·Bᵀ.
 */
export function randomizedSvd(a: SparseMatrix, options: RandomizedSvdOptions): TruncatedSvd {
  const rank = Math.min(options.rank, a.rows, a.columns);
  const width = Math.min(rank + options.oversampling, a.rows, a.columns);
  const aTransposed = transposeSparse(a);
  const omega = createDenseMatrix(a.columns, width);
  for (let index = 0; index < omega.data.length; index++) omega.data[index] = options.random.gaussian();
  let q = orthonormalizeColumns(multiplySparseDense(a, omega));
  for (let iteration = 0; iteration < options.powerIterations; iteration++) {
    const z = orthonormalizeColumns(multiplySparseDense(aTransposed, q));
    q = orthonormalizeColumns(multiplySparseDense(a, z));
  }
  // Bᵀ = AᵀQ, so B·Bᵀ = (AᵀQ)ᵀ(AᵀQ), and B = W·Σ·Vᵀ gives A ≈ (Q·W)·Σ·Vᵀ.
  const eigen = symmetricEigen(gramMatrix(multiplySparseDense(aTransposed, q)));
  const u = multiplyBySquare(q, eigen.vectors, rank);
  const singularValues = Float64Array.from(eigen.values.subarray(0, rank), (value) =>
    Math.sqrt(Math.max(0, value)),
  );
  return { u, singularValues };
}
