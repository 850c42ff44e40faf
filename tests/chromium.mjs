// One Chromium set-up for every browser test: Debian's chromium (never `playwright install`), driven by
// playwright-core with the flags that work headless in a container, in a profile thrown away afterwards.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Chromium the tests use (CHROMIUM_PATH overrides), and a skip reason when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const noChromium = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** A persistent context of the Chromium at `executablePath`; `close()` shuts it and removes its profile. */
export async function launchChromium(executablePath, options = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'dse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, ...options });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page complains of (console errors and warnings, page errors) and every URL it requests. */
export function watchPage(page) {
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { problems, requests };
}

/**
 * A new page of `context` showing the standalone HTML file at `path`, checked as a report must be: loaded
 * without a console error or warning, and requesting nothing but itself.
 */
export async function openStandalonePage(context, path, assert) {
  const page = await context.newPage();
  const { problems, requests } = watchPage(page);
  const url = pathToFileURL(path).href;
  await page.goto(url, { waitUntil: 'load' });
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, [url], 'the page loads nothing but itself');
  return page;
}

/**
 * Every <svg> chart on `page`: its size, its aria-label as title, and the boxes (width, height in px) of its
 * elements matching `marks`, for the test to say which count as drawn.
 */
export function svgCharts(page, marks) {
  return page.$$eval('svg', (svgs, selector) => svgs.map((s) => {
    const box = s.getBoundingClientRect();
    const boxes = [...s.querySelectorAll(selector)].map((e) => {
      const b = e.getBoundingClientRect();
      return { width: b.width, height: b.height };
    });
    return { width: box.width, height: box.height, title: s.getAttribute('aria-label'), boxes };
  }), marks);
}
