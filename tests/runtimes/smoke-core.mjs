// What every runtime computes with the installed package, the same way everywhere: it imports nothing, so it
// runs unchanged in Node (ESM and CommonJS), Bun, Deno, a Chromium page, a Web Worker and workerd.
// `api` is the package as the runtime loaded it; `bytes` is digits400.f32 (400 x 64 float32, little-endian);
// `readyOptions` go to ready() (as { deterministic }).

/** Everything is returned as JSON so that the Node harness can compare runtimes to the last digit. */
export async function smoke(api, bytes, readyOptions = {}) {
  await api.ready(readyOptions);
  const X = { data: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), rows: 400, cols: 64 };
  const out = { info: api.engineInfo() };
  const labels = Int32Array.from({ length: 400 }, (_, i) => i % 4);
  for (const backend of ['wasm', 'js']) {
    try {
      out[backend] = {
        dseT1: api.diffusionSpectralEntropy(X, { sigma: 20, t: 1, backend }),
        dseT2: api.diffusionSpectralEntropy(X, { sigma: 20, t: 2, backend }),
        dseSubsample: api.diffusionSpectralEntropy(X, { sigma: 20, maxN: 150, seed: 7, backend }),
        eigenvalues: Array.from(api.diffusionEigenvalues(X, { sigma: 20, backend })),
        // 4 classes of 100 rows: with threads, each subset entropy is one worker's whole task (the same bits).
        dsmi: api.diffusionSpectralMutualInformation(X, labels, { sigma: 20, discrete: true, backend }).value,
        asmi: api.adjacencySpectralMutualInformation(X, labels, { sigma: 20, discrete: true, backend }).value,
      };
    } catch (e) {
      out[backend] = { error: { name: e.name, code: e.code, message: e.message } };
    }
  }
  out.defaultBackendDse = api.diffusionSpectralEntropy(X, { sigma: 20, t: 1 });
  out.sample = Array.from(api.pythonSample(0, 1797, 5));
  // The .npz cache uses fflate, bundled into dist: it must work where the package has no dependencies installed.
  out.cacheRoundTrip = Array.from(api.readEigenvalueCache(api.writeEigenvalueCache([1, 0.5, 1 / 3, -0.1])));
  try {
    api.diffusionSpectralEntropy(X, { sigma: -1 });
    out.badSigma = 'no error';
  } catch (e) {
    out.badSigma = { isDseError: e instanceof api.DseError, code: e.code, argument: e.argument };
  }
  return out;
}
