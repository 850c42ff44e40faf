// The typed mirror of assembly/index.ts (js/engine/wasm/kernels.ts) against the built module: every kernel it
// declares is exported with that many parameters, and the module exports nothing it does not declare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const release = readFileSync(new URL('build/release.wasm', root));

// The declared arities, read from the mirror's source (KERNEL_ARITY), and its interface's methods.
const mirror = readFileSync(new URL('js/engine/wasm/kernels.ts', root), 'utf8');
const arityBlock = /KERNEL_ARITY[^{]*\{([^}]*)\}/.exec(mirror)[1];
const declared = Object.fromEntries([...arityBlock.matchAll(/(\w+):\s*(\d+)/g)].map((m) => [m[1], Number(m[2])]));
const interfaceBlock = /export interface Kernels \{([\s\S]*?)\n\}/.exec(mirror)[1];
const methods = Object.fromEntries([...interfaceBlock.matchAll(/^\s*(\w+)\(([^)]*)\):/gm)].map((m) => [m[1], m[2].trim() === '' ? 0 : m[2].split(',').length]));

test('KERNEL_ARITY lists exactly the methods of the Kernels interface, with their parameter counts', () => {
  assert.deepEqual(declared, methods);
});

test('build/release.wasm exports every kernel of the mirror with the declared arity, and nothing else', async () => {
  const module = new WebAssembly.Module(release);
  const exports = WebAssembly.Module.exports(module);
  const functions = exports.filter((e) => e.kind === 'function').map((e) => e.name).sort();
  assert.deepEqual(functions, Object.keys(declared).sort());
  assert.deepEqual(exports.filter((e) => e.kind === 'memory').map((e) => e.name), ['memory']);
  const instance = await WebAssembly.instantiate(module, { env: { abort() { throw new Error('abort'); } } });
  for (const [name, arity] of Object.entries(declared)) {
    assert.equal(typeof instance.exports[name], 'function', name);
    assert.equal(instance.exports[name].length, arity, `${name} takes ${instance.exports[name].length} parameters, the mirror says ${arity}`);
  }
});
