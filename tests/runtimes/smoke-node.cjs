// The smoke test as CommonJS requiring the package by name (its "require" export). Prints one JSON line.
const api = require('dse-wasm');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const bytes = new Uint8Array(readFileSync(join(__dirname, 'digits400.f32')));
import('./smoke-core.mjs')
  .then(({ smoke }) => smoke(api, bytes))
  .then((result) => console.log(JSON.stringify(result)), (e) => { console.error(e); process.exitCode = 1; });
