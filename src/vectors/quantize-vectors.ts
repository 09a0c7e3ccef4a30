/** Quantises unit vectors (row after row) to int8 with a per-vector scale of max|x|/127. */
export function quantizeVectors(vectors: Float32Array, dimensions: number): Int8Array {
  const codes = new Int8Array(vectors.length);
  for (let offset = 0; offset < vectors.length; offset += dimensions) {
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(vectors[offset + d] ?? 0));
    if (largest === 0) continue;
    // The scale is not stored: vectors are unit length, so dividing a code by its norm restores it.
    const scale = 127 / largest;
    for (let d = 0; d < dimensions; d++) codes[offset + d] = Math.round((vectors[offset + d] ?? 0) * scale);
  }
  return codes;
}

/** Scales each row to unit length in place; zero rows stay zero. */
export function normalizeRows(vectors: Float32Array, dimensions: number): void {
  for (let offset = 0; offset < vectors.length; offset += dimensions) {
    let sum = 0;
    for (let d = 0; d < dimensions; d++) sum += (vectors[offset + d] ?? 0) ** 2;
    if (sum === 0) continue;
    const scale = 1 / Math.sqrt(sum);
    for (let d = 0; d < dimensions; d++) vectors[offset + d] = (vectors[offset + d] ?? 0) * scale;
  }
}
