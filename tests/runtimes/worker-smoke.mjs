// The smoke test inside workerd: a fetch handler that runs it and answers its JSON, or { error }. The
// package comes in through its workerd entry, which imports the engine's .wasm as a module (compiled by
// workerd when it loads the worker, the one way workerd allows).
import * as api from 'dse-wasm/workerd';
import digits from './digits400.f32';
import { smoke } from './smoke-core.mjs';

export default {
  async fetch() {
    try {
      return Response.json(await smoke(api, new Uint8Array(digits)));
    } catch (e) {
      return Response.json({ error: String(e.message) }, { status: 500 });
    }
  },
};
