// Pure-JS twin of assembly/matrix-entry.ts: entropy of the n^2 entries of P = diag(1 / rowsum K) K.
// k: n x n row-major, upper triangle only (K symmetric); rowSums (n) ends holding 1 / (row sums of K).
import { EPS } from '../../float.js';
import { symmetricRowSums } from './kernel.js';

function plogp(q: number): number {
  const p = q + EPS;
  return p * Math.log2(p);
}

export function matrixEntryEntropy(k: Float64Array, n: number, rowSums: Float64Array): number {
  symmetricRowSums(k, n, rowSums);
  for (let i = 0; i < n; i++) rowSums[i] = 1 / rowSums[i];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ri = rowSums[i];
    total += Math.abs(k[i * n + i]) * ri;
    for (let j = i + 1; j < n; j++) {
      const kij = Math.abs(k[i * n + j]);
      total += kij * ri + kij * rowSums[j];
    }
  }
  let h = 0;
  for (let i = 0; i < n; i++) {
    const ri = rowSums[i];
    h -= plogp(Math.abs(k[i * n + i]) * ri / total);
    for (let j = i + 1; j < n; j++) {
      const kij = Math.abs(k[i * n + j]);
      h -= plogp(kij * ri / total) + plogp(kij * rowSums[j] / total);
    }
  }
  return h;
}
