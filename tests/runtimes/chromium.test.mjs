// Chromium (Debian's, at /usr/bin/chromium, driven by playwright-core; never a downloaded browser): a page
// importing the installed ESM bundle computes the smoke test on the main thread and in a module Web Worker,
// with the relaxed-SIMD binary (Chromium's V8 fuses it here), so it equals Node 22's results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertJsFallback, assertSameAsNode, findBinary, loudSkip, prepared, reference, withoutThreads } from './project.mjs';
import { serveStatic } from './static-server.mjs';
import { launchChromium } from '../chromium.mjs';

const chromium = findBinary('chromium');
const name = chromium.version?.split(' built')[0] ?? 'chromium';
const skip = chromium.missing ? loudSkip(`${chromium.missing}; install it with apt-get install chromium (.ci/run does)`) : false;
let context;
let server;
let isolatedServer;
let browser;

async function resultsOf(page, at = server) {
  await page.goto(`${at.url}/browser.html`);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 60000 });
  const results = await page.evaluate(() => window.results);
  assert.equal(results.error, undefined, results.error);
  return results;
}

before(async () => {
  if (skip) return;
  server = await serveStatic(prepared().project);
  isolatedServer = await serveStatic(prepared().project, { isolated: true });
  browser = await launchChromium(chromium.path);
  context = browser.context;
});

after(async () => {
  await browser?.close();
  await server?.close();
  await isolatedServer?.close();
});

test(`${name}: main thread and Web Worker equal Node 22 (relaxed-SIMD binary)`, { skip }, async () => {
  const page = await context.newPage();
  const { main, worker } = await resultsOf(page);
  // Served without COOP/COEP headers: no cross-origin isolation, so no shared memory, one thread.
  const oneThread = { threads: 1, threadsReason: /not cross-origin isolated/ };
  assertSameAsNode(assert, main, reference('relaxed-simd'), oneThread);
  assertSameAsNode(assert, worker, reference('relaxed-simd'), oneThread);
  assert.deepEqual(worker, main, 'the worker computes exactly what the page does');
  await page.close();
});

test(`${name}: a cross-origin isolated page (COOP/COEP) runs on threads in its main thread and its Web Worker, and equals Node`, { skip }, async () => {
  const page = await context.newPage();
  const { main, worker } = await resultsOf(page, isolatedServer);
  // The main thread may not block (Atomics.wait), so it spins while its workers finish; a Web Worker waits.
  const threads = { threads: reference().info.threads, threadsReason: null };
  assertSameAsNode(assert, main, reference('relaxed-simd'), threads);
  assertSameAsNode(assert, worker, reference('relaxed-simd'), threads);
  await page.close();
});

test(`${name}: a page without WebAssembly SIMD (simulated) falls back to JS`, { skip }, async () => {
  const page = await context.newPage();
  await page.addInitScript(readFileSync(join(prepared().project, 'no-simd-shim.mjs'), 'utf8'));
  const { main, worker } = await resultsOf(page);
  assertJsFallback(assert, main, reference());
  assert.deepEqual(withoutThreads(worker.info), withoutThreads(reference('relaxed-simd').info), 'the shim only reaches the page, not its worker');
  await page.close();
});
