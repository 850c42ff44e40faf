// The README's quick-start example, pasted into `node --input-type=module` as a user would, prints the
// entropy the reference package gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cases } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('README quick start prints the reference DSE of the digits sample', () => {
  const readme = readFileSync(root + 'README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const code = /```js\n([\s\S]*?)```/.exec(section)[1];
  const r = spawnSync(process.execPath, ['--input-type=module'], { cwd: root, input: code, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const want = cases.find((c) => c.id === 'digits400-dse-t1').expected;
  assert.equal(r.stdout.trim(), want.toPrecision(12));
});
