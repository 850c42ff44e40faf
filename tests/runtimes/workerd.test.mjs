// workerd (the npm package `workerd`, Cloudflare's runtime): the package's workerd entry, whose .wasm is
// imported as a module, computes what Node 22 does with the relaxed-SIMD binary (both binaries come in as
// modules; workerd's V8 fuses relaxed SIMD here); the default bundle, which compiles bytes, is refused there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameAsNode, findBinary, loudSkip, prepared, reference, startWorkerd } from './project.mjs';

const workerd = findBinary('workerd');
const skip = workerd.missing ? loudSkip(workerd.missing) : false;
let server;

before(async () => {
  if (!skip) server = await startWorkerd(workerd.path, 'worker-smoke.capnp', ['smoke', 'bytes'], prepared().project);
});
after(() => server?.stop());

test(`${workerd.version ?? 'workerd'}: import "dse-wasm/workerd" equals Node 22 (relaxed-SIMD binary)`, { skip }, async () => {
  const res = await fetch(server.urls.smoke);
  const body = await res.json();
  assert.equal(res.status, 200, body.error);
  assertSameAsNode(assert, body, reference('relaxed-simd'));
});

test(`${workerd.version ?? 'workerd'}: the default bundle (WebAssembly from bytes) is refused, as expected`, { skip }, async () => {
  const res = await fetch(server.urls.bytes);
  const body = await res.json();
  assert.equal(res.status, 500);
  assert.match(body.error, /code generation disallowed/);
});
