// Issue 10, case 18: where WebAssembly cannot get its memory (V8 reserves ~10 GiB of address space per wasm32
// memory, so `ulimit -v` below that makes instantiation fail), ready() resolves, engineInfo() says why, and
// calls without a backend use the JS one. Run in a child process under `ulimit -v 4000000` (4 GB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { diffusionSpectralEntropy } from '../../dist/index.mjs';

const dist = fileURLToPath(new URL('../../dist/index.mjs', import.meta.url));
const X = [[0, 0], [0, 1], [5, 5], [2, 3]];

const child = `
const api = await import(${JSON.stringify(dist)});
await api.ready();
let wasmError = null;
try { api.diffusionSpectralEntropy(${JSON.stringify(X)}, { sigma: 1, backend: 'wasm' }); } catch (e) { wasmError = { code: e.code, message: e.message }; }
console.log(JSON.stringify({ info: api.engineInfo(), value: api.diffusionSpectralEntropy(${JSON.stringify(X)}, { sigma: 1 }), wasmError }));
`;

test('under ulimit -v 4 GB, ready() falls back to the JS backend and says why', () => {
  const r = spawnSync('bash', ['-c', `ulimit -v 4000000; exec "${process.execPath}" --input-type=module -e "$0"`, child], { encoding: 'utf8' });
  assert.equal(r.status, 0, `child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  assert.equal(out.info.backend, 'js');
  assert.equal(out.info.simd, false);
  assert.match(out.info.reason, /WebAssembly could not reserve its memory/);
  assert.match(out.info.reason, /ulimit -v/);
  assert.equal(out.value, diffusionSpectralEntropy(X, { sigma: 1, backend: 'js' }));
  assert.equal(out.wasmError.code, 'E_NOT_READY');
  assert.match(out.wasmError.message, /could not reserve its memory/);
});
