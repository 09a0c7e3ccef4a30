import type { DenseMatrix } from "./sparse-matrix.ts";

/** A small square matrix in double precision, stored row after row. */
export interface SquareMatrix {
  size: number;
  data: Float64Array;
}

/**
 * Replaces the columns of `matrix` by an orthonormal basis of their span (the Q of a thin QR),
 * using modified Gram–Schmidt. Works on a column-major copy so every inner loop is contiguous.
 * Columns that are (numerically) dependent on earlier ones become zero.
 */
export function orthonormalizeColumns(matrix: DenseMatrix): DenseMatrix {
  const { rows, columns } = matrix;
  const byColumn = transpose(matrix.data, rows, columns);
  for (let column = 0; column < columns; column++) {
    const column0 = byColumn.subarray(column * rows, (column + 1) * rows);
    const originalNorm = Math.sqrt(dot(column0, column0));
    if (originalNorm === 0) continue;
    for (let earlier = 0; earlier < column; earlier++) {
      const basis = byColumn.subarray(earlier * rows, (earlier + 1) * rows);
      subtractScaled(column0, basis, dot(basis, column0));
    }
    const norm = Math.sqrt(dot(column0, column0));
    // A column that lost almost all of its length lies in the span of the earlier ones.
    if (norm <= 1e-5 * originalNorm) column0.fill(0);
    else for (let row = 0; row < rows; row++) column0[row] = (column0[row] ?? 0) / norm;
  }
  return { rows, columns, data: transpose(byColumn, columns, rows) };
}

function transpose(data: Float32Array, rows: number, columns: number): Float32Array {
  const result = new Float32Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++)
      result[column * rows + row] = data[row * columns + column] ?? 0;
  }
  return result;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < a.length; i += 4) {
    s0 += (a[i] ?? 0) * (b[i] ?? 0);
    s1 += (a[i + 1] ?? 0) * (b[i + 1] ?? 0);
    s2 += (a[i + 2] ?? 0) * (b[i + 2] ?? 0);
    s3 += (a[i + 3] ?? 0) * (b[i + 3] ?? 0);
  }
  for (; i < a.length; i++) s0 += (a[i] ?? 0) * (b[i] ?? 0);
  return s0 + s1 + s2 + s3;
}

function subtractScaled(target: Float32Array, basis: Float32Array, scale: number): void {
  let i = 0;
  for (; i + 3 < target.length; i += 4) {
    target[i] = (target[i] ?? 0) - scale * (basis[i] ?? 0);
    target[i + 1] = (target[i + 1] ?? 0) - scale * (basis[i + 1] ?? 0);
    target[i + 2] = (target[i + 2] ?? 0) - scale * (basis[i + 2] ?? 0);
    target[i + 3] = (target[i + 3] ?? 0) - scale * (basis[i + 3] ?? 0);
  }
  for (; i < target.length; i++) target[i] = (target[i] ?? 0) - scale * (basis[i] ?? 0);
}

/** Computes Mᵀ·M (columns × columns) of a tall dense matrix in double precision. */
export function gramMatrix(matrix: DenseMatrix): SquareMatrix {
  const { rows, columns, data } = matrix;
  const gram = new Float64Array(columns * columns);
  const row64 = new Float64Array(columns);
  for (let row = 0; row < rows; row++) {
    for (let i = 0; i < columns; i++) row64[i] = data[row * columns + i] ?? 0;
    for (let i = 0; i < columns; i++) {
      const value = row64[i] ?? 0;
      if (value === 0) continue;
      const offset = i * columns;
      for (let j = i; j < columns; j++) gram[offset + j] = (gram[offset + j] ?? 0) + value * (row64[j] ?? 0);
    }
  }
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < i; j++) gram[i * columns + j] = gram[j * columns + i] ?? 0;
  }
  return { size: columns, data: gram };
}

/** Computes M·S[:, :keep] for a tall dense M and a small square S. */
export function multiplyBySquare(matrix: DenseMatrix, square: SquareMatrix, keep: number): DenseMatrix {
  const { rows, columns, data } = matrix;
  const result = new Float32Array(rows * keep);
  const sum = new Float64Array(keep);
  for (let row = 0; row < rows; row++) {
    sum.fill(0);
    for (let inner = 0; inner < columns; inner++) {
      const value = data[row * columns + inner] ?? 0;
      if (value === 0) continue;
      const offset = inner * square.size;
      for (let column = 0; column < keep; column++)
        sum[column] = (sum[column] ?? 0) + value * (square.data[offset + column] ?? 0);
    }
    result.set(sum, row * keep);
  }
  return { rows, columns: keep, data: result };
}

/** Eigenvalues (descending) and matching eigenvectors (as columns) of a symmetric matrix. */
export interface SymmetricEigen {
  values: Float64Array;
  vectors: SquareMatrix;
}

/** Diagonalises a small symmetric matrix with cyclic Jacobi rotations. */
export function symmetricEigen(matrix: SquareMatrix, maxSweeps = 30): SymmetricEigen {
  const n = matrix.size;
  const a = matrix.data.slice();
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const at = (i: number, j: number): number => a[i * n + j] ?? 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += at(i, i) ** 2;
      for (let j = i + 1; j < n; j++) offDiagonal += at(i, j) ** 2;
    }
    if (offDiagonal <= 1e-22 * diagonal) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        rotate(a, v, n, p, q, c, t * c);
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(j, j) - at(i, i));
  const values = Float64Array.from(order, (i) => at(i, i));
  const vectors = new Float64Array(n * n);
  order.forEach((source, target) => {
    for (let row = 0; row < n; row++) vectors[row * n + target] = v[row * n + source] ?? 0;
  });
  return { values, vectors: { size: n, data: vectors } };
}

/** Applies the Jacobi rotation J(p, q) as A ← JᵀAJ and V ← VJ. */
function rotate(
  a: Float64Array,
  v: Float64Array,
  n: number,
  p: number,
  q: number,
  c: number,
  s: number,
): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p] ?? 0;
    const akq = a[k * n + q] ?? 0;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k] ?? 0;
    const aqk = a[q * n + k] ?? 0;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p] ?? 0;
    const vkq = v[k * n + q] ?? 0;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
