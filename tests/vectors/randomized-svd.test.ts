import { describe, expect, it } from "vitest";
import { gramMatrix, symmetricEigen } from "../../src/vectors/dense-linear-algebra.ts";
import { randomizedSvd } from "../../src/vectors/randomized-svd.ts";
import { createSeededRandom } from "../../src/vectors/seeded-random.ts";
import type { SparseMatrix } from "../../src/vectors/sparse-matrix.ts";

/** A 300 × 300 permuted diagonal matrix: its singular values are the diagonal, known exactly. */
function permutedDiagonal(values: readonly number[]): SparseMatrix {
  const size = values.length;
  const random = createSeededRandom(5);
  const columns = Array.from({ length: size }, (_, index) => index);
  for (let index = size - 1; index > 0; index--) {
    const swap = Math.floor(random.next() * (index + 1));
    [columns[index], columns[swap]] = [columns[swap] ?? 0, columns[index] ?? 0];
  }
  return {
    rows: size,
    columns: size,
    rowStarts: Int32Array.from({ length: size + 1 }, (_, index) => index),
    columnIndices: Int32Array.from(columns),
    values: Float32Array.from(values),
  };
}

describe("randomizedSvd", () => {
  const diagonal = Array.from({ length: 300 }, (_, index) => (index < 6 ? 60 - 10 * index : 1 / (index + 1)));

  it("recovers the leading singular values with orthonormal singular vectors", () => {
    const svd = randomizedSvd(permutedDiagonal(diagonal), {
      rank: 6,
      oversampling: 8,
      powerIterations: 2,
      random: createSeededRandom(1),
    });
    [...svd.singularValues].forEach((value, index) => {
      expect(value).toBeCloseTo(diagonal[index] ?? 0, 2);
    });
    const gram = gramMatrix(svd.u);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) expect(gram.data[i * 6 + j]).toBeCloseTo(i === j ? 1 : 0, 4);
    }
  });

  it("returns no more directions than the matrix has", () => {
    const svd = randomizedSvd(permutedDiagonal([3, 2, 1]), {
      rank: 10,
      oversampling: 4,
      powerIterations: 1,
      random: createSeededRandom(1),
    });
    expect(svd.u.columns).toBe(3);
    expect([...svd.singularValues].map((value) => Number(value.toFixed(4)))).toEqual([3, 2, 1]);
  });
});

describe("symmetricEigen", () => {
  it("finds eigenpairs with A·v = λ·v, largest first", () => {
    const a = [4, 1, 2, 1, 3, 0, 2, 0, 1];
    const eigen = symmetricEigen({ size: 3, data: Float64Array.from(a) });
    const values = [...eigen.values];
    expect(values).toEqual([...values].sort((x, y) => y - x));
    for (let k = 0; k < 3; k++) {
      for (let row = 0; row < 3; row++) {
        let product = 0;
        for (let column = 0; column < 3; column++) {
          product += (a[row * 3 + column] ?? 0) * (eigen.vectors.data[column * 3 + k] ?? 0);
        }
        expect(product).toBeCloseTo((values[k] ?? 0) * (eigen.vectors.data[row * 3 + k] ?? 0), 8);
      }
    }
  });
});
