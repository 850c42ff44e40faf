// The package's default ESM bundle inside workerd, which embeds the .wasm as bytes: workerd must refuse to
// compile them, which is why the workerd entry exists. Answers { error } or { info }.
import * as api from 'dse-wasm';

export default {
  async fetch() {
    try {
      await api.ready();
      return Response.json({ info: api.engineInfo() });
    } catch (e) {
      return Response.json({ error: String(e.message) }, { status: 500 });
    }
  },
};
