// The worker pool's life: it never keeps a process alive (a script that imports, computes and returns exits
// by itself, ESM and CommonJS), and a worker lost in the middle of a call costs nothing but the threads: the
// call finishes on the main thread with the same bits, backendInfo() says why, and setThreads starts anew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { randomMatrix } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Generous: the machine is shared; a process kept alive by a worker would hit it, one that exits takes < 1 s.
const EXIT_TIMEOUT_MS = 30000;

function runScript(args) {
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: EXIT_TIMEOUT_MS });
  return { ...r, ms: Date.now() - started };
}

test('a script that imports the package (ESM), computes on 2 threads and returns exits by itself', () => {
  const script = `
    import { ready, diffusionSpectralEntropy, backendInfo } from './dist/index.mjs';
    await ready({ threads: 2 });
    const data = new Float32Array(300 * 4).map((_, i) => Math.sin(i));
    console.log(backendInfo().threads, diffusionSpectralEntropy({ data, rows: 300, cols: 4 }, { sigma: 1 }));
  `;
  const r = runScript(['--input-type=module', '-e', script]);
  assert.equal(r.error, undefined, `still running after ${EXIT_TIMEOUT_MS} ms: the pool kept the process alive`);
  assert.equal(r.status, 0, r.stderr);
  const [threads, value] = r.stdout.trim().split(' ').map(Number);
  assert.equal(threads, 2);
  assert.ok(Number.isFinite(value));
});

test('the same with require() (CommonJS)', () => {
  const script = `
    const { ready, diffusionSpectralEntropy, backendInfo } = require('./dist/cjs/index.js');
    ready({ threads: 2 }).then(() => {
      const data = new Float32Array(300 * 4).map((_, i) => Math.cos(i));
      console.log(backendInfo().threads, diffusionSpectralEntropy({ data, rows: 300, cols: 4 }, { sigma: 1 }));
    });
  `;
  const r = runScript(['-e', script]);
  assert.equal(r.error, undefined, `still running after ${EXIT_TIMEOUT_MS} ms: the pool kept the process alive`);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split(' ')[0], '2');
});

// The package's own sources with the test hook of threads.ts beside them, bundled as dist/ is.
async function bundleWithHook() {
  const dir = mkdtempSync(join(tmpdir(), 'dse-threads-'));
  const entry = `export * from ${JSON.stringify(join(root, 'js/index.ts'))};\nexport { crashWorkerDuringNextCall } from ${JSON.stringify(join(root, 'js/engine/wasm/threads.ts'))};\n`;
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'neutral', format: 'esm', target: 'es2020', loader: { '.wasm': 'binary' },
    outfile: join(dir, 'index.mjs'), logLevel: 'warning',
  });
  return { dir, url: pathToFileURL(join(dir, 'index.mjs')).href };
}

test('a worker that dies during a call: the call completes with the same bits, then one thread, with the reason; setThreads(2) restarts', async () => {
  const { dir, url } = await bundleWithHook();
  try {
    const lib = await import(url);
    await lib.ready({ threads: 2 });
    assert.equal(lib.backendInfo().threads, 2);
    // Below 512 rows only the distance and kernel stages are split, whose blocks can be redone.
    const X = randomMatrix(500, 256, 9, 2);
    const expected = Array.from(lib.diffusionEigenvalues(X, { sigma: 2 }));
    // Worker 1 throws after it claims its next block; the block is then redone here. Under heavy load the
    // main thread may take every block before the worker wakes, so a few calls are allowed for the crash.
    let got = null;
    for (let attempt = 0; attempt < 5 && lib.backendInfo().threads === 2; attempt++) {
      lib.crashWorkerDuringNextCall(1);
      got = Array.from(lib.diffusionEigenvalues(X, { sigma: 2 }));
      assert.deepEqual(got, expected, 'the call with a lost worker');
    }
    const info = lib.backendInfo();
    assert.equal(info.threads, 1);
    assert.match(info.threadsReason, /worker .*(stopped|failed|exited)/);
    assert.deepEqual(Array.from(lib.diffusionEigenvalues(X, { sigma: 2 })), expected, 'after: one thread');
    assert.equal(await lib.setThreads(2), true);
    assert.equal(lib.backendInfo().threads, 2);
    assert.equal(lib.backendInfo().threadsReason, null);
    assert.deepEqual(Array.from(lib.diffusionEigenvalues(X, { sigma: 2 })), expected, 'after setThreads(2)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker that dies during the threaded reduction: the call runs again on one thread and gives its bits', async () => {
  const { dir, url } = await bundleWithHook();
  try {
    const lib = await import(url);
    await lib.ready({ threads: 1 });
    // ready({ threads: 1 }) loads the single-thread binary and starts no pool, which setThreads cannot add.
    assert.equal(await lib.setThreads(2), false, 'no pool after ready({ threads: 1 })');
    assert.equal(lib.backendInfo().threads, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const second = await bundleWithHook();
  try {
    const lib = await import(second.url);
    await lib.ready({ threads: 2 });
    const X = randomMatrix(700, 8, 4, 2);
    await lib.setThreads(1);
    const oneThread = Array.from(lib.diffusionEigenvalues(X, { sigma: 1.5 }));
    await lib.setThreads(2);
    const twoThreads = Array.from(lib.diffusionEigenvalues(X, { sigma: 1.5 }));
    let got = null;
    for (let attempt = 0; attempt < 5 && lib.backendInfo().threads === 2; attempt++) {
      lib.crashWorkerDuringNextCall(1, 'reduction');
      got = Array.from(lib.diffusionEigenvalues(X, { sigma: 1.5 }));
    }
    assert.equal(lib.backendInfo().threads, 1);
    assert.match(lib.backendInfo().threadsReason, /worker .*(stopped|failed|exited)/);
    assert.deepEqual(got, oneThread, 'the rerun on one thread');
    for (let i = 0; i < oneThread.length; i++) assert.ok(Math.abs(twoThreads[i] - oneThread[i]) <= 1e-13, `eigenvalue ${i}`);
  } finally {
    rmSync(second.dir, { recursive: true, force: true });
  }
});

test('a worker that dies holding a DSMI class task: the task is redone here with the same bits, then one thread', async () => {
  const { dir, url } = await bundleWithHook();
  try {
    const lib = await import(url);
    await lib.ready({ threads: 2 });
    const X = randomMatrix(400, 16, 5, 2);
    const Y = Int32Array.from({ length: 400 }, (_, i) => (i * 31) % 8);
    const o = { discrete: true, sigma: 2 };
    await lib.setThreads(1);
    const expected = lib.diffusionSpectralMutualInformation(X, Y, o);
    await lib.setThreads(2);
    // The crash waits for a claim of a task: a DSE call (distance blocks only) leaves the worker alive.
    lib.crashWorkerDuringNextCall(1, 'tasks');
    lib.diffusionSpectralEntropy(X, { sigma: 2 });
    assert.equal(lib.backendInfo().threads, 2, 'no task claimed outside DSMI');
    let got = null;
    for (let attempt = 0; attempt < 5 && lib.backendInfo().threads === 2; attempt++) {
      lib.crashWorkerDuringNextCall(1, 'tasks');
      got = lib.diffusionSpectralMutualInformation(X, Y, o);
      assert.equal(got.value, expected.value, 'the call with a lost worker');
    }
    assert.equal(lib.backendInfo().threads, 1, 'the worker claimed a DSMI task and was lost');
    assert.match(lib.backendInfo().threadsReason, /worker .*(stopped|failed|exited)/);
    assert.deepEqual(got.classes, expected.classes);
    assert.equal(lib.diffusionSpectralMutualInformation(X, Y, o).value, expected.value, 'after: one thread');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
