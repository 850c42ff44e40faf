// Shared by the node tests: the package as built (dist/), fixture loading, and random inputs (the benchmarks'
// generator, bench/uniform.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNpy } from '../../dist/cli.mjs';
import { uniform } from '../../bench/uniform.mjs';
import { importSources } from '../../bench/sources.mjs';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

// importSources: the package's sources bundled with test hooks beside them (bench/sources.mjs).
export { importSources };

/** The exports of build/release.wasm (the base binary) instantiated on its own, for tests that call kernels directly. */
export async function releaseExports() {
  const { instance } = await WebAssembly.instantiate(readFileSync(join(root, 'build/release.wasm')), { env: { abort() { throw new Error('abort'); } } });
  return instance.exports;
}

/** Reads a fixture .npy file with the package's own reader (js/io/npy.ts, as the CLI uses it). */
export function readNpy(name) {
  return parseNpy(readFileSync(fixturesDir + name), name);
}

export const cases = JSON.parse(readFileSync(fixturesDir + 'cases.json', 'utf8')).cases;

export { uniform };

/** A random symmetric n x n matrix, entries uniform in [-1, 1) from bench/uniform.mjs's generator. */
export function randomSymmetric(n, seed) {
  const next = uniform(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) data[i * n + j] = data[j * n + i] = next() * 2 - 1;
  }
  return { data, rows: n, cols: n };
}

/** rows x cols float32 matrix, uniform in [-scale / 2, scale / 2). */
export function randomMatrix(rows, cols, seed, scale = 1) {
  const next = uniform(seed);
  const data = new Float32Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = (next() - 0.5) * scale;
  return { data, rows, cols };
}

export function assertClose(actual, expected, tol, what) {
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${what}: ${actual} differs from ${expected} by ${Math.abs(actual - expected)} > ${tol}`);
  }
}
