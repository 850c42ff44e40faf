// `dse mi` and the entropy variants, which call diffusionSpectralMutualInformation, classicShannonEntropy and
// diffusionSpectralEntropy({ variant: 'matrix-entry' }).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNpy } from '../../dist/cli.mjs';
import { cases, readNpy, assertClose } from './helpers.mjs';
import { dse, dseJson, fixture, tempDir } from './cli-helpers.mjs';

const dir = tempDir();

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((c) => c.op === 'dsmi' && c.id !== 'vec-dsmi-vectors')) {
    test(`dse mi reproduces ${c.id} (${backend})`, () => {
      const args = ['mi', fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma), '--t', String(c.t),
        '--reps', String(c.reps), '--seed', String(c.seed), '--backend', backend, c.discrete ? '--discrete' : '--continuous'];
      if (c.n_clusters !== undefined) args.push('--n-clusters', String(c.n_clusters));
      if (c.classic) args.push('--variant', 'classic', '--bins', String(c.bins));
      const out = dseJson(args);
      assertClose(out.dsmi, c.expected, c.tol, c.id);
      assert.equal(out.discrete, c.discrete);
    });
  }
}

test('dse mi on vec-dsmi-vectors (spectral clustering of Y) is within the fixture tolerance', () => {
  const c = cases.find((c) => c.id === 'vec-dsmi-vectors');
  const out = dseJson(['mi', fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma), '--n-clusters', String(c.n_clusters), '--continuous']);
  assertClose(out.dsmi, c.expected, c.tol, c.id);
  assert.equal(out.clusters, c.n_clusters);
});

test('dse mi: text output, --json fields, --clusters-out', () => {
  const c = cases.find((c) => c.id === 'blobs-dsmi-labels-seed0');
  const text = dse(['mi', fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma)]);
  assert.equal(text.code, 0, text.stderr);
  assertClose(Number(/^DSMI = (\S+) bits$/m.exec(text.stdout)[1]), c.expected, c.tol, 'text');
  const out = join(dir, 'clusters.npy');
  const json = dseJson(['mi', fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma), '--clusters-out', out]);
  for (const key of ['dsmi', 'clusters', 'clusterSizes', 'n', 'dims', 'sigma', 't', 'reps', 'seed', 'discrete', 'backend', 'seconds']) assert.ok(key in json, key);
  const labels = readNpy(c.Y).data;
  assert.equal(json.clusters, new Set(labels).size);
  const written = parseNpy(readFileSync(out), out);
  assert.ok(written.data instanceof Int32Array);
  assert.deepEqual(Array.from(written.data), Array.from(labels), 'discrete labels are their own clusters');
  const sizes = {};
  for (const v of labels) sizes[v] = (sizes[v] ?? 0) + 1;
  assert.deepEqual(json.clusterSizes, sizes);
});

for (const c of cases.filter((c) => c.op === 'dse_matrix_entry' || c.op === 'cse')) {
  test(`dse entropy --variant reproduces ${c.id}`, () => {
    const args = c.op === 'cse'
      ? ['entropy', fixture(c.X), '--variant', 'classic', '--bins', String(c.bins)]
      : ['entropy', fixture(c.X), '--variant', 'matrix-entry', '--sigma', String(c.sigma)];
    assertClose(dseJson(args).dse, c.expected, c.tol, c.id);
  });
}

test('the report\'s per-class DSMI adds up to what dse mi computes', () => {
  const c = cases.find((c) => c.id === 'digits400-dsmi-labels-seed3');
  const mi = dseJson(['mi', fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma), '--seed', '3']);
  const r = dse(['report', fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma), '--seed', '3', '--out', join(dir, 'r.html')]);
  assert.equal(r.code, 0, r.stderr);
  assertClose(Number(/DSMI (\S+) bits/.exec(r.stdout)[1]), mi.dsmi, 1e-9, 'report vs mi');
});

test('dse mi: bad Y exits 2 naming the file', () => {
  const short = join(dir, 'short.json');
  writeFileSync(short, '[0, 1, 0]');
  let r = dse(['mi', fixture('blobs_X.npy'), short]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /short\.json: has 3 rows but .*blobs_X\.npy has 300/);
  const nan = join(dir, 'nan.csv');
  writeFileSync(nan, Array.from({ length: 300 }, (_, i) => (i === 7 ? 'nan' : '1')).join('\n'));
  r = dse(['mi', fixture('blobs_X.npy'), nan]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nan\.csv: line 8, field 1 is nan/);
});
