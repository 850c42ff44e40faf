// examples/edge-scoring under workerd on 127.0.0.1, started from the example's own config.capnp: good
// requests (JSON and float32) equal the package in Node (to 1e-12 relative: workerd runs the relaxed-SIMD
// binary, this Node 20 the base one; README "Engine binaries"), every bad request gets its 4xx
// and a JSON error naming the problem, and a burst of 200 concurrent requests all succeed identically.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../dist/index.mjs';
import { createScoringHandler } from '../../examples/edge-scoring/scoring.mjs';
import { randomMatrix, readNpy } from '../js/helpers.mjs';
import { findBinary, loudSkip, repo, startWorkerd } from './project.mjs';

const workerd = findBinary('workerd');
const skip = workerd.missing ? loudSkip(workerd.missing) : false;
let server;
let url;

const digits = readNpy('digits400_X.npy');
const digitRows = Array.from({ length: digits.rows }, (_, i) => Array.from(digits.data.subarray(i * 64, i * 64 + 64)));
const digitLabels = Array.from(readNpy('digits400_y.npy').data);

function rowsOf(m) {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

function post(body, headers = { 'content-type': 'application/json' }, query = '') {
  return fetch(url + query, { method: 'POST', headers, body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) });
}

// workerd's relaxed-SIMD result against this Node's base-binary one.
function assertCloseToNode(got, want, what = 'DSE') {
  assert.ok(Math.abs(got - want) <= 1e-12 * Math.abs(want), `${what}: workerd ${got} vs Node ${want}`);
}

async function expectError(res, status, code, mention) {
  const body = await res.json();
  assert.equal(res.status, status, JSON.stringify(body));
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.equal(body.error.code, code);
  if (mention) assert.match(body.error.message, mention);
  return body;
}

before(async () => {
  await api.ready();
  if (skip) return;
  server = await startWorkerd(workerd.path, 'examples/edge-scoring/config.capnp', ['http'], repo);
  url = server.urls.http;
});
after(() => server?.stop());

test('edge: JSON embeddings score to the package\'s DSE in Node', { skip }, async () => {
  const res = await post({ embeddings: digitRows, sigma: 20, t: 2 });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.deepEqual(Object.keys(body).sort(), ['backend', 'dims', 'dse', 'ms', 'n', 'sigma', 't', 'warnings']);
  assert.deepEqual(body.warnings, []);
  assert.equal(body.n, 400);
  assert.equal(body.dims, 64);
  assertCloseToNode(body.dse, api.diffusionSpectralEntropy(digits, { sigma: 20, t: 2 }));
  assert.equal(body.sigma, 20);
  assert.equal(body.t, 2);
  assert.equal(body.backend, 'wasm');
  assert.ok(typeof body.ms === 'number' && body.ms >= 0);
});

test('edge: float32 body with x-rows and x-cols, sigma and t from the query, equals JSON', { skip }, async () => {
  const bytes = new Uint8Array(digits.data.buffer, digits.data.byteOffset, digits.data.byteLength);
  const res = await post(bytes, { 'content-type': 'application/octet-stream', 'x-rows': '400', 'x-cols': '64' }, '?sigma=20&t=2');
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  const json = await (await post({ embeddings: digitRows, sigma: 20, t: 2 })).json();
  assert.equal(body.dse, json.dse);
  assertCloseToNode(body.dse, api.diffusionSpectralEntropy(digits, { sigma: 20, t: 2 }));
  assert.equal(body.n, 400);
});

test('edge: sigma "auto" is the package\'s median distance; a degenerate kernel comes with the package\'s warning', { skip }, async () => {
  const auto = await (await post({ embeddings: digitRows, sigma: 'auto' })).json();
  assert.equal(auto.sigma, api.medianDistance(digits));
  assertCloseToNode(auto.dse, api.diffusionSpectralEntropy(digits, { sigma: 'auto' }));
  const bytes = new Uint8Array(digits.data.buffer, digits.data.byteOffset, digits.data.byteLength);
  const query = await (await post(bytes, { 'content-type': 'application/octet-stream', 'x-rows': '400', 'x-cols': '64' }, '?sigma=auto')).json();
  assert.equal(query.dse, auto.dse);
  const wide = await (await post({ embeddings: digitRows, sigma: 1e4 })).json();
  assert.deepEqual(wide.warnings, [api.kernelDiagnosis(digits, { sigma: 1e4 }).message]);
});

test('edge: sigma and t default to 10 and 1, as the package\'s', { skip }, async () => {
  const X = randomMatrix(30, 5, 11, 20);
  const body = await (await post({ embeddings: rowsOf(X) })).json();
  assert.equal(body.sigma, 10);
  assert.equal(body.t, 1);
  assertCloseToNode(body.dse, api.diffusionSpectralEntropy(X));
});

test('edge: labels give DSMI equal to the package\'s in Node', { skip }, async () => {
  const body = await (await post({ embeddings: digitRows, labels: digitLabels, sigma: 20 })).json();
  const want = api.diffusionSpectralMutualInformation(digits, Int32Array.from(digitLabels), { discrete: true, sigma: 20, t: 1 }).value;
  assertCloseToNode(body.dsmi, want, 'DSMI');
  assertCloseToNode(body.dse, api.diffusionSpectralEntropy(digits, { sigma: 20 }));
});

test('edge: a body over the 2 MiB cap is refused with 413, declared or streamed', { skip }, async () => {
  const big = JSON.stringify({ embeddings: [[1, 2], [3, 4]], padding: 'x'.repeat(2 * 1024 * 1024) });
  await expectError(await post(big), 413, 'body_too_large', /2097152/);
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  const stream = new ReadableStream({
    pull(c) {
      if (sent++ < 40) c.enqueue(chunk);
      else c.close();
    },
  });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' });
  await expectError(res, 413, 'body_too_large');
});

test('edge: more than 2000 rows is refused with 413', { skip }, async () => {
  const rows = Array.from({ length: 2001 }, (_, i) => [i]);
  await expectError(await post({ embeddings: rows }), 413, 'too_many_rows', /2001 rows/);
  const bytes = new Uint8Array(2001 * 4);
  await expectError(await post(bytes, { 'content-type': 'application/octet-stream', 'x-rows': '2001', 'x-cols': '1' }), 413, 'too_many_rows');
});

test('edge: malformed JSON and bodies that are not an object of embeddings', { skip }, async () => {
  await expectError(await post('{"embeddings": [[1, 2], [3, 4]'), 400, 'malformed_json', /not valid JSON/);
  await expectError(await post('[[1, 2], [3, 4]]'), 400, 'malformed_json', /JSON object/);
  await expectError(await post(new Uint8Array([0x7b, 0xff, 0x7d])), 400, 'malformed_json', /UTF-8/);
  await expectError(await post({ vectors: [[1], [2]] }), 422, 'missing_embeddings');
  await expectError(await post({ embeddings: [[1, 2]] }), 422, 'too_few_rows');
  await expectError(await post({ embeddings: [[1, 2], [3, '4']] }), 422, 'not_a_number', /embeddings\[1\]\[1\]/);
});

test('edge: ragged rows name the row', { skip }, async () => {
  await expectError(await post({ embeddings: [[1, 2], [3, 4], [5]] }), 422, 'ragged_rows', /embeddings\[2\] has 1 values/);
  await expectError(await post({ embeddings: [[1, 2], 7] }), 422, 'ragged_rows', /embeddings\[1\]/);
  await expectError(await post({ embeddings: [[], []] }), 422, 'ragged_rows');
});

test('edge: NaN and Infinity are refused, in JSON and in float32', { skip }, async () => {
  await expectError(await post('{"embeddings": [[1, NaN], [3, 4]]}'), 422, 'non_finite');
  await expectError(await post('{"embeddings": [[1, 2], [-Infinity, 4]]}'), 422, 'non_finite');
  await expectError(await post('{"embeddings": [[1, 2], [1e999, 4]]}'), 422, 'non_finite', /embeddings\[1\]\[0\] is Infinity/);
  const f = new Float32Array([1, 2, 3, Number.NaN]);
  const headers = { 'content-type': 'application/octet-stream', 'x-rows': '2', 'x-cols': '2' };
  await expectError(await post(new Uint8Array(f.buffer), headers), 422, 'non_finite', /row 1, column 1 is NaN/);
  f[3] = Infinity;
  await expectError(await post(new Uint8Array(f.buffer), headers), 422, 'non_finite', /Infinity/);
});

test('edge: wrong content type, wrong method, bad float32 headers', { skip }, async () => {
  await expectError(await post('embeddings=1', { 'content-type': 'text/plain' }), 415, 'unsupported_content_type', /text\/plain/);
  await expectError(await post('{}', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_content_type');
  await expectError(await post(new Uint8Array(8), {}), 415, 'unsupported_content_type');
  const get = await fetch(url);
  await expectError(get, 405, 'method_not_allowed');
  assert.equal(get.headers.get('allow'), 'POST');
  const bin = { 'content-type': 'application/octet-stream' };
  await expectError(await post(new Uint8Array(16), { ...bin, 'x-cols': '2' }), 400, 'bad_shape_header', /x-rows/);
  await expectError(await post(new Uint8Array(16), { ...bin, 'x-rows': '2', 'x-cols': '-2' }), 400, 'bad_shape_header', /x-cols/);
  await expectError(await post(new Uint8Array(12), { ...bin, 'x-rows': '2', 'x-cols': '2' }), 400, 'body_length_mismatch', /16 bytes, but the body has 12/);
});

test('edge: labels of the wrong length or not integers', { skip }, async () => {
  const embeddings = [[1, 2], [3, 4], [5, 6]];
  await expectError(await post({ embeddings, labels: [0, 1] }), 422, 'labels_length', /3 integers.*2 values/);
  await expectError(await post({ embeddings, labels: 'abc' }), 422, 'labels_length');
  await expectError(await post({ embeddings, labels: [0, 1.5, 1] }), 422, 'labels_not_integers', /labels\[1\]/);
});

test('edge: sigma and t out of range', { skip }, async () => {
  const embeddings = [[1, 2], [3, 4], [5, 6]];
  for (const sigma of [0, -1, '10', true]) {
    await expectError(await post({ embeddings, sigma }), 422, 'sigma_out_of_range', /sigma must be a finite number > 0/);
  }
  for (const t of [0, -2]) await expectError(await post({ embeddings, t }), 422, 't_out_of_range');
  const f = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
  const headers = { 'content-type': 'application/octet-stream', 'x-rows': '2', 'x-cols': '2' };
  await expectError(await post(f, headers, '?sigma=-1'), 422, 'sigma_out_of_range');
  await expectError(await post(f, headers, '?t=abc'), 422, 't_out_of_range');
});

test('edge: a burst of 200 concurrent requests all succeed with identical results', { skip }, async () => {
  const X = randomMatrix(120, 16, 5, 4);
  const body = JSON.stringify({ embeddings: rowsOf(X), sigma: 2, t: 1 });
  const want = api.diffusionSpectralEntropy(X, { sigma: 2 });
  const answers = await Promise.all(Array.from({ length: 200 }, async () => {
    const res = await post(body);
    return { status: res.status, body: await res.json() };
  }));
  assert.deepEqual(answers.map((a) => a.status), Array(200).fill(200));
  assertCloseToNode(answers[0].body.dse, want);
  for (const a of answers) {
    assert.equal(a.body.dse, answers[0].body.dse);
    assert.equal(a.body.n, 120);
  }
});

// The handler is plain fetch-API code: the same module under Node, with caps of its own.
test('edge handler in Node: caps are configurable', async () => {
  const score = createScoringHandler(api, { maxRows: 5, maxBytes: 200 });
  const req = (body) => new Request('http://localhost/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const rows = (n) => Array.from({ length: n }, (_, i) => [i, i / 2]);
  const ok = await score(req({ embeddings: rows(5), sigma: 3 }));
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).dse, api.diffusionSpectralEntropy(rows(5), { sigma: 3 }));
  await expectError(await score(req({ embeddings: rows(6) })), 413, 'too_many_rows', /limit of 5/);
  await expectError(await score(req({ embeddings: rows(5), pad: 'x'.repeat(200) })), 413, 'body_too_large', /200/);
});
