// The smoke test inside workerd: a fetch handler that runs it and answers its JSON. The package comes in
// through its workerd entry, which imports the engine's .wasm as a module (workerd compiles it at load).
import * as api from 'dse-wasm/workerd';
import digits from './digits400.f32';
import { smoke } from './smoke-core.mjs';

export default {
  async fetch() {
    return Response.json(await smoke(api, new Uint8Array(digits)));
  },
};
