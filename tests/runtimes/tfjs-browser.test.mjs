// dse-wasm/tfjs in a browser: Debian's Chromium (driven by playwright-core, never a downloaded browser) loads
// tf.js's browser bundle, dist/index.mjs and dist/tfjs/index.mjs (its bare '@tensorflow/tfjs' import mapped to a
// shim re-exporting window.tf), trains a tiny seeded model on the WebGL backend (SwiftShader, no GPU) with
// dseCallback on one layer, and sends back the records with the probe activations, so that Node recomputes
// DSE from the activations the page's model produced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { ready, diffusionSpectralEntropy } from '../../dist/index.mjs';
import { launchChromium } from '../chromium.mjs';
import { findBinary, loudSkip, repo } from './project.mjs';

const BACKEND = 'webgl';
const chromium = findBinary('chromium');
const skip = chromium.missing ? loudSkip(`${chromium.missing}; install it with apt-get install chromium (.ci/run does)`) : false;

const SHIM = 'const tf = window.tf; export default tf; export const { Tensor, Callback, tidy, tensor, tensor1d, tensor2d, gather, model, sequential, layers, initializers, train, oneHot, setBackend, getBackend, ready } = tf;\n';

// The page: one layer followed for 2 epochs on 64 seeded random rows of 16 features in 4 classes.
const PAGE = `<!doctype html><meta charset="utf-8">
<script src="/node_modules/@tensorflow/tfjs/dist/tf.min.js"></script>
<script type="importmap">{ "imports": { "@tensorflow/tfjs": "/tf-shim.mjs" } }</script>
<script type="module">
import { ready } from '/dist/index.mjs';
import { dseCallback } from '/dist/tfjs/index.mjs';
try {
  // The base binary, the one the system Node 20 runs, so the page and Node compute with the same engine.
  await ready({ deterministic: true });
  const ok = await tf.setBackend('${BACKEND}');
  await tf.ready();
  let s = 12345;
  const u = () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 4294967296; };
  const rows = (n) => Array.from({ length: n }, () => Array.from({ length: 16 }, () => u()));
  const classOf = (r) => (r[0] + r[1] > 1 ? 1 : 0) + (r[2] + r[3] > 1 ? 2 : 0);
  const xTrain = rows(64), xProbe = rows(48);
  const init = (seed) => tf.initializers.glorotUniform({ seed });
  const m = tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [16], units: 12, activation: 'tanh', name: 'hidden', kernelInitializer: init(1) }),
    tf.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: init(2) }),
  ] });
  m.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const probe = tf.tensor2d(xProbe);
  const sub = tf.model({ inputs: m.inputs, outputs: m.getLayer('hidden').output });
  // Before fit the weights are those the callback reads at step 0; after fit, those of its last record.
  const before = sub.predict(probe).arraySync();
  const cb = dseCallback({ layers: ['hidden'], x: probe, y: xProbe.map(classOf), sigma: 'auto', nClusters: 4 });
  const xs = tf.tensor2d(xTrain), ys = tf.oneHot(tf.tensor1d(xTrain.map(classOf), 'int32'), 4);
  await m.fit(xs, ys, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0, callbacks: [cb] });
  const afterFit = sub.predict(probe).arraySync();
  window.results = { setBackend: ok, backend: tf.getBackend(), records: cb.tracker.rows(), before, afterFit };
} catch (e) {
  window.results = { error: String(e && e.stack || e) };
}
</script>`;

const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript' };
let server, browser, context, url;

before(async () => {
  if (skip) return;
  await ready({ deterministic: true });
  // Only the page, the shim, dist/ and tf.js's dist/ are served, from 127.0.0.1.
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (path === '/tf-shim.mjs') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(SHIM);
    if (path.includes('..') || !(path.startsWith('/dist/') || path.startsWith('/node_modules/@tensorflow/tfjs/dist/'))) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(join(repo, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium(chromium.path);
  context = browser.context;
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((done) => server.close(done));
});

test(`dseCallback trains with tf.js's ${BACKEND} backend in Chromium; its DSE equals Node's on the page's activations`, { skip, timeout: 30000 }, async () => {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 25000 });
  const r = await page.evaluate(() => window.results);
  await page.close();
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.setBackend, true, `tf.setBackend('${BACKEND}') succeeded`);
  assert.equal(r.backend, BACKEND);
  assert.deepEqual(r.records.map((x) => [x.step, x.name]), [[0, 'hidden'], [1, 'hidden'], [2, 'hidden']]);
  for (const x of r.records) {
    for (const k of ['dse', 'dsmiY', 'dsmiX']) assert.ok(Number.isFinite(x[k]), `step ${x.step}: ${k} = ${x[k]}`);
    assert.equal(x.n, 48);
  }
  assert.equal(r.before.length, 48);
  assert.equal(r.before[0].length, 12);
  const first = diffusionSpectralEntropy(r.before, { sigma: 'auto' });
  assert.ok(Math.abs(r.records[0].dse - first) <= 1e-9, `step 0: page ${r.records[0].dse}, Node ${first}`);
  const last = diffusionSpectralEntropy(r.afterFit, { sigma: 'auto' });
  assert.ok(Math.abs(r.records[2].dse - last) <= 1e-9, `step 2: page ${r.records[2].dse}, Node ${last}`);
  // Training moved the layer: the records are not one activation measured three times.
  assert.notEqual(r.records[2].dse, r.records[0].dse);
});
