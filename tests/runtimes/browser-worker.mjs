// The smoke test in a module Web Worker of the browser page; posts { result } or { error }.
import * as api from '/node_modules/dse-wasm/dist/index.mjs';
import { smoke } from '/smoke-core.mjs';

fetch('/digits400.f32')
  .then((r) => r.arrayBuffer())
  .then((b) => smoke(api, new Uint8Array(b)))
  .then((result) => postMessage({ result }), (e) => postMessage({ error: String(e && e.stack || e) }));
