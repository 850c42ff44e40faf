# workerd configuration of the smoke test; paths are relative to the temporary project, where the tarball
# is installed. The package's workerd entry is registered under the name a bundler would resolve.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .smokeWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);

const smokeWorker :Workerd.Worker = (
  modules = [
    (name = "worker-smoke.mjs", esModule = embed "worker-smoke.mjs"),
    (name = "smoke-core.mjs", esModule = embed "smoke-core.mjs"),
    (name = "digits400.f32", data = embed "digits400.f32"),
    (name = "dse-wasm/workerd", esModule = embed "node_modules/dse-wasm/dist/workerd/index.mjs"),
    (name = "dse-wasm/dse.wasm", wasm = embed "node_modules/dse-wasm/dist/workerd/dse.wasm"),
  ],
  compatibilityDate = "2024-09-23",
);
