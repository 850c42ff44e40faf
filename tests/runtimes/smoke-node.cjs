// The smoke test as CommonJS requiring the package by name (its "require" export). Prints one JSON line; an
// optional argument is ready()'s options as JSON.
const api = require('dse-wasm');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const bytes = new Uint8Array(readFileSync(join(__dirname, 'digits400.f32')));
import('./smoke-core.mjs')
  .then(({ smoke }) => smoke(api, bytes, JSON.parse(process.argv[2] ?? '{}')))
  .then((result) => console.log(JSON.stringify(result)), (e) => { console.error(e); process.exitCode = 1; });
