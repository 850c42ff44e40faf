# workerd configuration of the runtime tests; paths are relative to the temporary project where the tarball
# is installed. Modules are named as a bundler would resolve the imports. Sockets are bound by the test
# with --socket-addr (127.0.0.1 only).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "smoke", worker = .smokeWorker), (name = "bytes", worker = .bytesWorker) ],
  sockets = [
    (name = "smoke", address = "127.0.0.1:0", http = (), service = "smoke"),
    (name = "bytes", address = "127.0.0.1:0", http = (), service = "bytes"),
  ],
);

const smokeWorker :Workerd.Worker = (
  modules = [
    (name = "worker-smoke.mjs", esModule = embed "worker-smoke.mjs"),
    (name = "smoke-core.mjs", esModule = embed "smoke-core.mjs"),
    (name = "digits400.f32", data = embed "digits400.f32"),
    (name = "dse-wasm/workerd", esModule = embed "node_modules/dse-wasm/dist/workerd/index.mjs"),
    (name = "dse-wasm/dse.wasm", wasm = embed "node_modules/dse-wasm/dist/workerd/dse.wasm"),
    (name = "dse-wasm/dse-relaxed.wasm", wasm = embed "node_modules/dse-wasm/dist/workerd/dse-relaxed.wasm"),
  ],
  compatibilityDate = "2024-09-23",
);

const bytesWorker :Workerd.Worker = (
  modules = [
    (name = "worker-bytes.mjs", esModule = embed "worker-bytes.mjs"),
    (name = "dse-wasm", esModule = embed "node_modules/dse-wasm/dist/index.mjs"),
  ],
  compatibilityDate = "2024-09-23",
);
