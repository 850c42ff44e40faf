// `dse report --training run.jsonl`: one self-contained page of per-step curves, a line per run and a panel
// per layer; opened in headless Chromium it draws every chart with no console errors and no requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchChromium, noChromium, openStandalonePage, svgCharts } from '../chromium.mjs';
import { dse, tempDir } from './cli-helpers.mjs';

const dir = tempDir();

// Two runs, two layers, steps 0..12: values chosen so that first and last are known (step 0 and 12).
function rows() {
  const out = [];
  for (const run of ['true', 'shuffled']) {
    for (const name of ['hidden', 'penultimate']) {
      for (let step = 0; step <= 12; step++) {
        const r = { run, step, name, dse: 2 + step / 4, dsmiY: run === 'true' ? 0.5 + step / 8 : 0.5, dsmiX: 1 + step / 16, n: 300, sigma: 1 + step / 10, seconds: 0.01 };
        if (step > 0) Object.assign(r, { loss: 2 / step, acc: 1 - 1 / (step + 1) });
        out.push(r);
      }
    }
  }
  return out;
}

function write(name, text) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

test('the training report: panels per layer, a chart per measure and column, a line per run', () => {
  const jsonl = write('run.jsonl', rows().map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = join(dir, 'training.html');
  const r = dse(['report', '--training', jsonl, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /52 rows, 2 runs, 2 layers/);
  const html = readFileSync(out, 'utf8');
  assert.doesNotMatch(html, /<script|<link|src=|href=|@import|url\(/i, 'no script, no external resource');
  assert.equal((html.match(/<section class="layer">/g) ?? []).length, 2);
  // Per layer: DSE, DSMI(Z; Y), DSMI(Z; X), loss, acc, sigma.
  assert.equal((html.match(/<svg /g) ?? []).length, 12);
  for (const title of ['DSE(Z), layer hidden', 'DSMI(Z; Y), layer penultimate', 'DSMI(Z; X), layer hidden', 'acc, layer penultimate', 'loss, layer hidden', 'sigma used, layer hidden']) {
    assert.ok(html.includes(`aria-label="${title}"`), title);
  }
  // First -> last of the true run: DSE 2 -> 5, DSMI(Z; Y) 0.5 -> 2, acc 0.5 -> 12/13.
  assert.ok(html.includes('<td>2 → 5</td><td>0.5000 → 2</td>'), 'DSE and DSMI(Z; Y) first and last');
  assert.ok(html.includes(`0.5000 → ${(12 / 13).toPrecision(4)}`), 'accuracy first and last');
  // Each DSE chart has one polyline per run.
  const dseChart = html.split('<svg ').find((s) => s.includes('aria-label="DSE(Z), layer hidden"'));
  assert.equal((dseChart.match(/<path /g) ?? []).length, 2);
});

test('bad training files are exit code 2 with the line and the problem', () => {
  const out = join(dir, 'x.html');
  const bad = dse(['report', '--training', write('bad.jsonl', '{"step":0,"name":"a","dse":1}\n{"step":1,"name":"a",\n'), '--out', out]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\.jsonl: line 2 is not JSON/);
  const noStep = dse(['report', '--training', write('nostep.jsonl', '{"name":"a","dse":1}\n'), '--out', out]);
  assert.equal(noStep.code, 2);
  assert.match(noStep.stderr, /line 1: "step" must be a number/);
  const noOut = dse(['report', '--training', write('ok.jsonl', '{"step":0,"name":"a","dse":1}\n')]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--out F\.html is required/);
  const extra = dse(['report', '--training', join(dir, 'ok.jsonl'), 'X.npy', '--out', out]);
  assert.equal(extra.code, 2);
  assert.match(extra.stderr, /unexpected argument "X\.npy"/);
});

test('the training report renders in headless Chromium: no console errors, no requests, charts drawn', { skip: noChromium }, async () => {
  const jsonl = write('render.jsonl', rows().map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = join(dir, 'render.html');
  assert.equal(dse(['report', '--training', jsonl, '--out', out]).code, 0);
  const browser = await launchChromium(CHROMIUM, { viewport: { width: 1360, height: 1100 } });
  const { context } = browser;
  try {
    const page = await openStandalonePage(context, out, assert);
    const charts = (await svgCharts(page, 'path')).map((c) => ({ ...c, lines: c.boxes.filter((b) => b.width > 50).length }));
    assert.equal(charts.length, 12);
    for (const c of charts) {
      assert.ok(c.width > 300 && c.height > 150, `${c.title}: ${c.width} x ${c.height}`);
      // The shuffled run's DSMI(Z; Y) is flat (height 0 is fine); every other curve spans the plot.
      assert.ok(c.lines >= 2, `${c.title}: ${c.lines} curves drawn`);
    }
    writeFileSync(join(dir, 'training.png'), await page.screenshot({ fullPage: true }));
  } finally {
    await browser.close();
  }
});
