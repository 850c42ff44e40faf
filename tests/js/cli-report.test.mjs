// `dse report` writes one self-contained HTML file; opened in headless Chromium it renders its charts with no
// console errors, no network requests, and a screenshot that is not blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchChromium, noChromium, openStandalonePage, svgCharts } from '../chromium.mjs';
import { dse, fixture, tempDir } from './cli-helpers.mjs';
import { cases, assertClose } from './helpers.mjs';

// Debian's chromium (apt-get install chromium); playwright-core only drives it, it never downloads a browser.
const dir = tempDir();

function writeReport(name, args) {
  const out = join(dir, name);
  const r = dse(['report', ...args, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  return { out, stdout: r.stdout, html: readFileSync(out, 'utf8') };
}

test('the report file is self-contained and carries the numbers', () => {
  const c = cases.find((c) => c.id === 'blobs-dsmi-labels-seed0');
  const { html, stdout } = writeReport('blobs.html', [fixture(c.X), fixture(c.Y), '--sigma', String(c.sigma)]);
  assert.doesNotMatch(html, /<script|<link|src=|href=|@import|url\(/i, 'no script, no external resource');
  assert.equal((html.match(/<svg /g) ?? []).length, 5, 'spectrum, DSE(t), DSE(sigma), von Neumann entropy, DSMI per class');
  const dsmi = Number(/DSMI (\S+) bits/.exec(stdout)[1]);
  assertClose(dsmi, c.expected, c.tol, 'DSMI in the report');
  const dseT1 = cases.find((x) => x.id === 'blobs-dse-t1');
  assertClose(Number(/DSE (\S+) bits/.exec(stdout)[1]), dseT1.expected, dseT1.tol, 'DSE in the report');
  const unlabelled = writeReport('plain.html', [fixture('uniform_X.npy'), '--sigma', 'auto', '--t', '2']);
  assert.equal((unlabelled.html.match(/<svg /g) ?? []).length, 4, 'no class chart without labels');
});

test('dse report --estimate shows the estimate and its interval beside the exact DSE, which it contains', () => {
  const c = cases.find((c) => c.id === 'digits400-dse-t1');
  const { html, stdout } = writeReport('estimate.html', [fixture(c.X), '--sigma', String(c.sigma), '--estimate', '--tolerance', '0.02']);
  const m = /<tr><th>DSE estimate<\/th><td>(\S+) bits \(95% interval \[(\S+), (\S+)\], tolerance 0\.02 bits; (\d+) products with one vector/.exec(html);
  assert.ok(m, 'the summary has the estimate row');
  const [value, lower, upper] = [m[1], m[2], m[3]].map(Number);
  assert.ok(lower <= value && value <= upper && upper - lower <= 0.04);
  assert.ok(lower <= c.expected && c.expected <= upper, `reference ${c.expected} in [${lower}, ${upper}]`);
  assert.match(stdout, /\(estimate \S+, 95% interval \[\S+, \S+\]\)/);
  const plain = writeReport('no-estimate.html', [fixture(c.X), '--sigma', String(c.sigma)]);
  assert.doesNotMatch(plain.html, /DSE estimate/);
  for (const bad of [['--estimate', '--kernel', 'adaptive'], ['--tolerance', '0.02']]) {
    const r = dse(['report', fixture(c.X), '--out', join(dir, 'bad.html'), ...bad]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--estimate/);
  }
});

test('the report renders in headless Chromium: no console errors, no requests, not blank', { skip: noChromium }, async () => {
  const { out } = writeReport('render.html', [fixture('digits400_X.npy'), fixture('digits400_y.npy'), '--sigma', '20']);
  const browser = await launchChromium(CHROMIUM, { viewport: { width: 1360, height: 1100 } });
  const { context } = browser;
  try {
    const page = await openStandalonePage(context, out, assert);

    // Every chart has a visible size and marks drawn inside it.
    const charts = (await svgCharts(page, 'path, circle, rect'))
      .map((c) => ({ ...c, marks: c.boxes.filter((b) => b.width > 0 || b.height > 0).length }));
    assert.equal(charts.length, 5);
    for (const c of charts) {
      assert.ok(c.width > 300 && c.height > 150, `${c.title}: ${c.width} x ${c.height}`);
      assert.ok(c.marks >= 3, `${c.title}: ${c.marks} marks`);
    }

    const png = await page.screenshot({ fullPage: true });
    writeFileSync(join(dir, 'report.png'), png);
    // Decode the screenshot in the browser and count the pixels that differ from the page background.
    const shot = await context.newPage();
    await shot.setContent('<canvas id="c"></canvas>');
    const stats = await shot.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.getElementById('c');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const [r0, g0, b0] = data;
      let differing = 0;
      const colours = new Set();
      for (let k = 0; k < data.length; k += 4) {
        if (Math.abs(data[k] - r0) + Math.abs(data[k + 1] - g0) + Math.abs(data[k + 2] - b0) > 30) differing++;
        if (colours.size < 1000) colours.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
      }
      return { width: img.width, height: img.height, differing, colours: colours.size };
    }, png.toString('base64'));
    assert.ok(stats.width >= 1000 && stats.height >= 700, `screenshot ${stats.width} x ${stats.height}`);
    assert.ok(stats.differing > 0.05 * stats.width * stats.height, `only ${stats.differing} pixels differ from the background`);
    assert.ok(stats.colours > 20, `only ${stats.colours} colours`);
  } finally {
    await browser.close();
  }
});
