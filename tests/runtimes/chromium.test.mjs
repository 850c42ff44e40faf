// Chromium (Debian's, at /usr/bin/chromium, driven by playwright-core; never a downloaded browser): a page
// importing the installed ESM bundle computes the smoke test on the main thread and in a module Web Worker,
// with the relaxed-SIMD binary (Chromium's V8 fuses it here), so it equals Node 22's results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertJsFallback, assertSameAsNode, findBinary, loudSkip, prepared, reference } from './project.mjs';
import { serveStatic } from './static-server.mjs';

const chromium = findBinary('chromium');
const name = chromium.version?.split(' built')[0] ?? 'chromium';
const skip = chromium.missing ? loudSkip(`${chromium.missing}; install it with apt-get install chromium (.ci/run does)`) : false;
let context;
let server;
let profile;

async function resultsOf(page) {
  await page.goto(`${server.url}/browser.html`);
  await page.waitForFunction(() => window.results !== undefined, null, { timeout: 60000 });
  const results = await page.evaluate(() => window.results);
  assert.equal(results.error, undefined, results.error);
  return results;
}

before(async () => {
  if (skip) return;
  const { chromium: driver } = await import('playwright-core');
  server = await serveStatic(prepared().project);
  profile = mkdtempSync(join(tmpdir(), 'dse-wasm-chromium-'));
  context = await driver.launchPersistentContext(profile, {
    executablePath: chromium.path,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test(`${name}: main thread and Web Worker equal Node 22 (relaxed-SIMD binary)`, { skip }, async () => {
  const page = await context.newPage();
  const { main, worker } = await resultsOf(page);
  assertSameAsNode(assert, main, reference('relaxed-simd'));
  assertSameAsNode(assert, worker, reference('relaxed-simd'));
  assert.deepEqual(worker, main, 'the worker computes exactly what the page does');
  await page.close();
});

test(`${name}: a page without WebAssembly SIMD (simulated) falls back to JS`, { skip }, async () => {
  const page = await context.newPage();
  await page.addInitScript(readFileSync(join(prepared().project, 'no-simd-shim.mjs'), 'utf8'));
  const { main, worker } = await resultsOf(page);
  assertJsFallback(assert, main, reference());
  assert.deepEqual(worker.info, reference('relaxed-simd').info, 'the shim only reaches the page, not its worker');
  await page.close();
});
