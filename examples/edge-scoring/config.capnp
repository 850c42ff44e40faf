# workerd configuration of the edge-scoring example. From the repository root, after `npm run build`:
#   npx workerd serve examples/edge-scoring/config.capnp
# then POST to http://127.0.0.1:8787/ (see README). Embedded paths are relative to this file; in a project
# that installed dse-wasm, point them at node_modules/dse-wasm/dist/workerd/ instead.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "edge-scoring", worker = .scoringWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "edge-scoring") ],
);

const scoringWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "scoring.mjs", esModule = embed "scoring.mjs"),
    (name = "dse-wasm/workerd", esModule = embed "../../dist/workerd/index.mjs"),
    (name = "dse-wasm/dse.wasm", wasm = embed "../../dist/workerd/dse.wasm"),
    (name = "dse-wasm/dse-relaxed.wasm", wasm = embed "../../dist/workerd/dse-relaxed.wasm"),
  ],
  bindings = [
    (name = "MAX_BODY_BYTES", text = "2097152"),
    (name = "MAX_ROWS", text = "2000"),
  ],
  compatibilityDate = "2024-09-23",
);
