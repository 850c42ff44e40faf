// Issue 10, cases 1, 8 and 10-17: what a hostile user found wrong, each fixed where the mechanism lives, each
// checked here through the public library (dist/), the `dse` command, or the edge function's handler.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as api from '../../dist/index.mjs';
import { createScoringHandler } from '../../examples/edge-scoring/scoring.mjs';
import { bin, dse, dseJson, fixture, npyBytes, tempDir } from './cli-helpers.mjs';
import { fixturesDir, randomMatrix, assertClose, uniform } from './helpers.mjs';

const { DseError } = api;
const expected = JSON.parse(readFileSync(fixturesDir + 'issue10.json', 'utf8'));
const dir = tempDir();
const score = createScoringHandler(api);

before(() => api.ready());

function throwsDse(fn, code, argument, ...fragments) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof DseError, `not a DseError: ${e}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.argument, argument, e.message);
    for (const f of fragments) assert.ok(e.message.includes(f), `message "${e.message}" lacks "${f}"`);
    return true;
  });
}

async function post(body, query = '', headers = { 'content-type': 'application/json' }) {
  const res = await score(new Request('http://edge.test/' + query, {
    method: 'POST', headers, body: body instanceof Uint8Array ? body : JSON.stringify(body),
  }));
  return { status: res.status, body: await res.json() };
}

function writeCsv(name, rows, eol = '\n') {
  const path = join(dir, name);
  writeFileSync(path, rows.map((r) => r.join(',')).join(eol) + eol);
  return path;
}

// Case 1 ----------------------------------------------------------------------------------------------------
const c1 = expected.case1;

test('case 1: DSMI and ASMI of 3 rows with labels or clusters do not check the unused nClusters default', () => {
  for (const backend of ['wasm', 'js']) {
    const r = api.diffusionSpectralMutualInformation(c1.X, c1.labels, { sigma: 1, backend });
    assertClose(r.value, c1.dsmi, 1e-15, `DSMI (${backend})`);
    assert.equal(r.value, api.diffusionSpectralMutualInformation(c1.X, c1.labels, { sigma: 1, nClusters: 3, backend }).value);
    const viaClusters = api.diffusionSpectralMutualInformation(c1.X, null, { clusters: c1.labels, sigma: 1, backend });
    assert.equal(viaClusters.value, r.value);
    // ASMI with the anisotropic adjacency is DSMI at t = 1 (SPEC 3).
    assertClose(api.adjacencySpectralMutualInformation(c1.X, c1.labels, { anisotropic: true, sigma: 1, backend }).value, c1.dsmi, 1e-15, 'ASMI');
  }
  // Where nClusters is used (a continuous Y), it is still compared with the rows.
  throwsDse(() => api.diffusionSpectralMutualInformation(c1.X, [0.1, 0.5, 0.9], { sigma: 1 }), 'E_ARGUMENT', 'nClusters', 'received 10');
  throwsDse(() => api.diffusionSpectralMutualInformation(c1.X, c1.labels, { sigma: 1, nClusters: 0 }), 'E_ARGUMENT', 'nClusters');
});

test('case 1: dse mi and dse report take 3 rows with labels', () => {
  const X = writeCsv('c1_X.csv', c1.X);
  const y = writeCsv('c1_y.csv', c1.labels.map((v) => [v]));
  const mi = dseJson(['mi', X, y, '--sigma', '1', '--discrete']);
  assertClose(mi.dsmi, c1.dsmi, 1e-15, 'dse mi');
  const out = join(dir, 'c1.html');
  const r = dse(['report', X, y, '--sigma', '1', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assertClose(Number(/DSMI (\S+) bits/.exec(r.stdout)[1]), c1.dsmi, 1e-15, 'dse report');
});

test('case 1: the edge function scores 3 rows with labels', async () => {
  const { status, body } = await post({ embeddings: c1.X, labels: c1.labels, sigma: 1 });
  assert.equal(status, 200, JSON.stringify(body));
  assertClose(body.dsmi, c1.dsmi, 1e-15, 'edge DSMI');
});

// Case 8 ----------------------------------------------------------------------------------------------------
test('case 8: the edge function refuses labels outside int32 (422, naming labels), as the library does', async () => {
  for (const bad of [2 ** 32, 1e300, 2 ** 31, -(2 ** 31) - 1, 1.5]) {
    const { status, body } = await post({ embeddings: c1.X, labels: [0, bad, 1], sigma: 1 });
    assert.equal(status, 422, JSON.stringify(body));
    assert.equal(body.error.field, 'labels');
    assert.equal(body.error.code, 'labels_not_integers');
    assert.match(body.error.message, /^labels\[1\] is .*int32/);
    assert.ok(!('dsmi' in body));
  }
  // The ends of the int32 range are labels like any other.
  const { status, body } = await post({ embeddings: c1.X, labels: [2 ** 31 - 1, 2 ** 31 - 1, -(2 ** 31)], sigma: 1 });
  assert.equal(status, 200, JSON.stringify(body));
  assertClose(body.dsmi, c1.dsmi, 1e-15, 'relabelled');
});

// Case 10 ---------------------------------------------------------------------------------------------------
test('case 10: dse eigenvalues into a closed pipe ends quietly with exit code 0', async () => {
  const child = spawn(process.execPath, [bin, 'eigenvalues', fixture('digits400_X.npy'), '--sigma', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The reader goes away before the command writes anything: its first write meets EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error|at /);
});

// Case 11 ---------------------------------------------------------------------------------------------------
test('case 11: BigInt64Array and BigUint64Array data, BigInt labels: converted exactly; beyond 2^53 refused; sigma 1n says BigInt', () => {
  const ints = [0, 3, -2, 7, 1, 1, 4, -5, 2, 0, 9, 3];
  const asNumbers = { data: Float64Array.from(ints), rows: 6, cols: 2 };
  const want = api.diffusionSpectralEntropy(asNumbers, { sigma: 3 });
  assert.equal(api.diffusionSpectralEntropy({ data: BigInt64Array.from(ints, BigInt), rows: 6, cols: 2 }, { sigma: 3 }), want);
  const unsigned = ints.map((v) => Math.abs(v));
  assert.equal(
    api.diffusionSpectralEntropy({ data: BigUint64Array.from(unsigned, BigInt), rows: 6, cols: 2 }, { sigma: 3 }),
    api.diffusionSpectralEntropy({ data: Float64Array.from(unsigned), rows: 6, cols: 2 }, { sigma: 3 }),
  );
  assert.equal(api.diffusionSpectralEntropy([[1n, 2n], [3n, 4n]], { sigma: 3 }), api.diffusionSpectralEntropy([[1, 2], [3, 4]], { sigma: 3 }));
  const labels = [0, 0, 1, 1, 2, 2];
  const dsmi = api.diffusionSpectralMutualInformation(asNumbers, Int32Array.from(labels), { sigma: 3 }).value;
  assert.equal(api.diffusionSpectralMutualInformation(asNumbers, BigInt64Array.from(labels, BigInt), { sigma: 3 }).value, dsmi);
  assert.equal(api.diffusionSpectralMutualInformation(asNumbers, null, { clusters: labels.map(BigInt), sigma: 3 }).value, dsmi);
  // 2^53 itself is exact; 2^53 + 1 is not a float64.
  assert.ok(Number.isFinite(api.diffusionSpectralEntropy({ data: new BigInt64Array([2n ** 53n, 0n, -(2n ** 53n), 1n]), rows: 2, cols: 2 })));
  throwsDse(() => api.diffusionSpectralEntropy({ data: new BigInt64Array([2n ** 53n + 1n, 0n, 0n, 1n]), rows: 2, cols: 2 }), 'E_ARGUMENT', 'X', 'BigInt', 'row 0, column 0', '2^53');
  throwsDse(() => api.diffusionSpectralMutualInformation(asNumbers, BigInt64Array.from([0n, 0n, 1n, 1n, 2n, 2n ** 40n])), 'E_ARGUMENT', 'Y', 'int32');
  throwsDse(() => api.diffusionSpectralEntropy(asNumbers, { sigma: 1n }), 'E_ARGUMENT', 'sigma', '1n', 'BigInt');
  throwsDse(() => api.diffusionSpectralEntropy(asNumbers, { t: 2n }), 'E_ARGUMENT', 't', 'BigInt');
});

// Case 12 ---------------------------------------------------------------------------------------------------
test('case 12: ?sigma=abc on the edge quotes what was sent', async () => {
  const f = new Float32Array([0, 0, 0, 1, 5, 5]);
  const headers = { 'content-type': 'application/octet-stream', 'x-rows': '3', 'x-cols': '2' };
  for (const [query, sent] of [['?sigma=abc', '"abc"'], ['?sigma=', '""'], ['?sigma=1e999', '"1e999"'], ['?t=NaN', '"NaN"']]) {
    const { status, body } = await post(new Uint8Array(f.buffer), query, headers);
    assert.equal(status, 422, JSON.stringify(body));
    assert.ok(body.error.message.endsWith(`received ${sent}`), body.error.message);
  }
});

// Case 13 ---------------------------------------------------------------------------------------------------
test('case 13: a gzip that expands past the string limit is called too large, with the limit', () => {
  // 90 gzip members of 6 MiB of CSV each: 566 MiB of text, past V8's 2^29 - 24 characters.
  const member = gzipSync(Buffer.from('1,2,3\n'.repeat(1 << 20)), { level: 1 });
  const path = join(dir, 'huge.csv.gz');
  writeFileSync(path, Buffer.concat(Array(90).fill(member)));
  const r = dse(['entropy', path]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /huge\.csv\.gz: is too large to read as text: 566231040 bytes/);
  assert.match(r.stderr, /536870888 characters/);
  assert.doesNotMatch(r.stderr, /UTF-8/);
});

// Case 14 ---------------------------------------------------------------------------------------------------
test('case 14: CSV, TSV and JSON Lines with CR-only line endings read as with LF', () => {
  const rows = [[0.5, 1], [2, 3.25], [4, 0], [1, 1]];
  const want = dseJson(['entropy', writeCsv('lf.csv', rows), '--sigma', '1']).dse;
  const cr = join(dir, 'cr.csv');
  writeFileSync(cr, 'a,b\r' + rows.map((r) => r.join(',')).join('\r') + '\r');
  assert.equal(dseJson(['entropy', cr, '--sigma', '1']).dse, want);
  const tsv = join(dir, 'cr.tsv');
  writeFileSync(tsv, rows.map((r) => r.join('\t')).join('\r'));
  assert.equal(dseJson(['entropy', tsv, '--sigma', '1']).dse, want);
  const jsonl = join(dir, 'cr.jsonl');
  writeFileSync(jsonl, rows.map((r) => JSON.stringify(r)).join('\r'));
  assert.equal(dseJson(['entropy', jsonl, '--sigma', '1']).dse, want);
  // Standard input, sniffed: the CR-only first line is the header line.
  assert.equal(dseJson(['entropy', '-', '--sigma', '1'], { input: readFileSync(cr, 'utf8') }).dse, want);
  // Line numbers count CR line ends too.
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, '1,2\r3,x\r');
  assert.match(dse(['entropy', bad]).stderr, /line 2, field 2/);
});

// Case 15 ---------------------------------------------------------------------------------------------------
test('case 15: dse report of identical rows draws what it can and says why there is no sigma sweep', () => {
  const path = join(dir, 'identical.npy');
  writeFileSync(path, npyBytes('<f8', [5, 3], new Float64Array(15).fill(0.25)));
  const out = join(dir, 'identical.html');
  const r = dse(['report', path, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /received 0/);
  assert.match(r.stderr, /every row is the same/);
  const html = readFileSync(out, 'utf8');
  assert.equal((html.match(/<svg /g) ?? []).length, 2, 'spectrum and DSE(t); no sweep of sigma');
  assert.match(html, /every row is the same/);
  // --sigma auto cannot pick 0: the message says why, not "sigma ... received 0".
  const auto = dse(['report', path, '--out', out, '--sigma', 'auto']);
  assert.equal(auto.code, 2);
  assert.match(auto.stderr, /--sigma auto is the median distance between rows, which is 0/);
  for (const command of [['entropy', path], ['eigenvalues', path]]) {
    const e = dse([...command, '--sigma', 'auto']);
    assert.equal(e.code, 2, e.stderr);
    assert.match(e.stderr, /which is 0 here/);
  }
});

test('case 15: with over half the pairs identical, the sweep is centred on the median nonzero distance', () => {
  // Rows: five at the origin and one at (3, 4): 10 of 15 distances are 0, the other 5 are 5.
  const data = new Float64Array(12);
  data.set([3, 4], 10);
  const path = join(dir, 'mostly.npy');
  writeFileSync(path, npyBytes('<f8', [6, 2], data));
  const out = join(dir, 'mostly.html');
  const r = dse(['report', path, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /10 of 15 pairs of rows are identical.*median of the nonzero distances, 5\b/);
  const html = readFileSync(out, 'utf8');
  assert.equal((html.match(/<svg /g) ?? []).length, 3);
  assert.match(html, /median nonzero distance 5/);
});

// Case 16 ---------------------------------------------------------------------------------------------------
test('case 16: a function given as X is described, not quoted', () => {
  function secretSauce() { return 'do not print this source'; }
  throwsDse(() => api.diffusionSpectralEntropy(secretSauce), 'E_SHAPE', 'X', 'a function (secretSauce)');
  for (const call of [
    () => api.diffusionSpectralEntropy(secretSauce),
    () => api.diffusionSpectralEntropy([[1, 2], [3, 4]], { sigma: () => 'do not print this source' }),
    () => api.symmetricEigenvalues({ data: secretSauce, rows: 1, cols: 1 }),
    () => api.diffusionSpectralEntropy([[1, 2], [secretSauce, 4]]),
  ]) {
    assert.throws(call, (e) => e instanceof DseError && !e.message.includes('do not print') && /a function/.test(e.message));
  }
});

// Case 17 ---------------------------------------------------------------------------------------------------
test('case 17: classicShannonEntropy and spectralClustering refuse one row (E_SHAPE); spectralEntropy refuses non-object options', () => {
  throwsDse(() => api.classicShannonEntropy([[1, 2]]), 'E_SHAPE', 'X.rows', 'at least 2 rows', 'received 1');
  throwsDse(() => api.spectralClustering([[1, 2]]), 'E_SHAPE', 'Y.rows', 'at least 2 rows');
  throwsDse(() => api.spectralClustering([[1, 2]], { nClusters: 1, nNeighbors: 1 }), 'E_SHAPE', 'Y.rows');
  for (const bad of [5, 'abc', null, true]) {
    throwsDse(() => api.spectralEntropy([1, 2], bad), 'E_ARGUMENT', 'options', 'must be an object');
  }
  assert.equal(api.spectralEntropy([1, 1]), api.spectralEntropy([1, 1], { t: 1 }));
});

test('case 17: ASMI with knn checks the smallest cluster up front, and names it', () => {
  const X = randomMatrix(40, 3, 17, 4);
  const labels = Int32Array.from({ length: 40 }, (_, i) => (i < 26 ? 0 : 7));
  for (const backend of ['wasm', 'js']) {
    let progressed = 0;
    throwsDse(
      () => api.adjacencySpectralMutualInformation(X, labels, { knn: 20, backend, onProgress: () => progressed++ }),
      'E_ARGUMENT', 'knn', 'cluster 7 has 14 rows', 'received knn 20',
    );
    assert.equal(progressed, 0, 'refused before any entropy was computed');
    // knn equal to the smallest cluster fits.
    assert.ok(Number.isFinite(api.adjacencySpectralMutualInformation(X, labels, { knn: 14, reps: 1, backend }).value));
  }
});

test('case 17: the README Errors section lists every code and the cases of issue 10', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Errors'), readme.indexOf('## The `dse` command line'));
  const codes = readFileSync(new URL('../../js/errors.ts', import.meta.url), 'utf8').match(/'E_[A-Z_]+'/g).map((s) => s.slice(1, -1));
  for (const code of new Set(codes)) assert.ok(section.includes('`' + code + '`'), `README lacks ${code}`);
  for (const words of ['BigInt', 'smallest cluster', 'a function']) assert.ok(section.includes(words), `README Errors lacks "${words}"`);
  assert.ok(existsSync(new URL('../../scripts/issue10-fixtures.py', import.meta.url)));
});

// Found by the fuzz suite (tests/js/fuzz.test.mjs) ------------------------------------------------------------
test('fuzz find: a near-identity matrix with subnormal off-diagonal entries has eigenvalues 1, not E_NO_CONVERGENCE', () => {
  // Gershgorin: every eigenvalue lies within 4e-310 of 1 (of 2 for the first row of B), so to double precision
  // they are exactly those diagonal values.
  const A = [[1, 1e-310, 1e-310, 2e-310], [1e-310, 1, 3e-310, 1e-310], [1e-310, 3e-310, 1, 1e-310], [2e-310, 1e-310, 1e-310, 1]];
  const B = [[2, 0, 0, 0], [0, 1, 3e-310, 1e-310], [0, 3e-310, 1, 2e-310], [0, 1e-310, 2e-310, 1]];
  for (const backend of ['wasm', 'js']) {
    assert.deepEqual(Array.from(api.symmetricEigenvalues(A, { backend })), [1, 1, 1, 1]);
    assert.deepEqual(Array.from(api.symmetricEigenvalues(B, { backend })), [2, 1, 1, 1]);
    assert.deepEqual(Array.from(api.generalEigenvalues(B, { backend }).real), [2, 1, 1, 1]);
    // The K of 55 points in 37 dimensions at sigma 0.05: off-diagonal affinities from 1e-231 down to subnormal,
    // so K = I to double precision and every eigenvalue is 1 (to the 1e-13 of a backward-stable solver at N = 55).
    const next = uniform(2147483642);
    const X = { data: Float64Array.from({ length: 55 * 37 }, () => next() - 0.5), rows: 55, cols: 37 };
    for (const v of api.diffusionEigenvalues(X, { sigma: 0.05, backend })) assertClose(v, 1, 1e-13, `eigenvalue (${backend})`);
  }
});

test('fuzz find: ready() refuses options that are not an object, and a module that is neither a Module nor bytes', async () => {
  for (const [opts, argument] of [[null, 'options'], [5, 'options'], [{ module: 'engine.wasm' }, 'module'], [{ module: () => 0 }, 'module'], [{ module: [0, 97, 115, 109] }, 'module']]) {
    await assert.rejects(api.ready(opts), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === argument && e.message.includes(argument));
  }
  await api.ready();
  assert.ok(Number.isFinite(api.diffusionSpectralEntropy(c1.X, { sigma: 1 })));
});

test('fuzz find: all-zero eigenvalues are refused with a message naming eigenvalues', () => {
  throwsDse(() => api.spectralEntropy([0, 0]), 'E_ARGUMENT', 'eigenvalues', 'eigenvalues');
});
