// The edge function for workerd (Cloudflare Workers): the scoring handler over the package's workerd entry,
// with its caps taken from the MAX_BODY_BYTES and MAX_ROWS bindings (config.capnp) when set.
import * as api from 'dse-wasm/workerd';
import { createScoringHandler } from './scoring.mjs';

let handler = null;

export default {
  fetch(request, env) {
    if (handler === null) {
      const limits = {};
      if (env.MAX_BODY_BYTES) limits.maxBytes = Number(env.MAX_BODY_BYTES);
      if (env.MAX_ROWS) limits.maxRows = Number(env.MAX_ROWS);
      handler = createScoringHandler(api, limits);
    }
    return handler(request);
  },
};
