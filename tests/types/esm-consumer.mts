import { ready, diffusionSpectralEntropy, DseError, type MatrixLike } from 'dse-wasm';
await ready();
const X: MatrixLike = { data: new Float32Array(6), rows: 3, cols: 2 };
const h: number = diffusionSpectralEntropy(X, { sigma: 1, t: 2 });
try { diffusionSpectralEntropy(X, { sigma: -1 }); } catch (e) { if (e instanceof DseError) console.log(e.code, h); }
