// Tensors as matrix arguments, with the real Tensor classes of transformers.js, onnxruntime and tf.js: each
// gives the reference's numbers (tests/fixtures, from dse-dsmi 1.1) for the digits sample it holds.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Tensor as HfTensor } from '@huggingface/transformers';
import { Tensor as OrtTensor } from 'onnxruntime-common';
import * as tf from '@tensorflow/tfjs';
import { ready, diffusionSpectralEntropy, diffusionSpectralMutualInformation, DseError } from '../../dist/index.mjs';
import { readNpy, cases, assertClose } from './helpers.mjs';

const X = readNpy('digits400_X.npy');
const y = readNpy('digits400_y.npy');
const dseCase = cases.find((c) => c.id === 'digits400-dse-t1');
const miCase = cases.find((c) => c.id === 'digits400-dsmi-labels-seed0');
const f32 = Float32Array.from(X.data);

before(async () => {
  await ready();
  await tf.setBackend('cpu');
});

// [400, 2, 64]: token 0 is a, token 1 is b, both derived from the integer pixels so that sums are exact.
function tokens(a, b) {
  const out = new Float32Array(400 * 2 * 64);
  for (let i = 0; i < 400; i++) {
    for (let j = 0; j < 64; j++) {
      out[(i * 2) * 64 + j] = a(X.data[i * 64 + j], i, j);
      out[(i * 2 + 1) * 64 + j] = b(X.data[i * 64 + j], i, j);
    }
  }
  return out;
}

for (const backend of ['wasm', 'js']) {
  test(`2-D tensors of the three libraries give the reference DSE (${backend})`, () => {
    const opts = { sigma: dseCase.sigma, t: 1, backend };
    assertClose(diffusionSpectralEntropy(new HfTensor('float32', f32, [400, 64]), opts), dseCase.expected, dseCase.tol, 'transformers.js');
    assertClose(diffusionSpectralEntropy(new OrtTensor('float32', f32, [400, 64]), opts), dseCase.expected, dseCase.tol, 'onnxruntime');
    const t = tf.tensor2d(f32, [400, 64]);
    assertClose(diffusionSpectralEntropy(t, opts), dseCase.expected, dseCase.tol, 'tf.js');
    assert.equal(t.isDisposed, false, 'the tf.js tensor is left to its owner');
    t.dispose();
  });
}

test('3-D [batch, tokens, dim] tensors with mean and cls pooling', () => {
  const opts = { sigma: dseCase.sigma, t: 1 };
  // The mean of X + 2 and X - 2 is X; token 0 of [X, noise] is X.
  const mean = new HfTensor('float32', tokens((v) => v + 2, (v) => v - 2), [400, 2, 64]);
  assertClose(diffusionSpectralEntropy({ tensor: mean, pooling: 'mean' }, opts), dseCase.expected, dseCase.tol, 'mean pooling');
  const cls = new OrtTensor('float32', tokens((v) => v, (v, i, j) => (i * 7 + j * 13) % 17), [400, 2, 64]);
  assertClose(diffusionSpectralEntropy({ tensor: cls, pooling: 'cls' }, opts), dseCase.expected, dseCase.tol, 'cls pooling');
  assertClose(diffusionSpectralEntropy({ data: cls.data, dims: cls.dims, pooling: 'cls' }, opts), dseCase.expected, dseCase.tol, '{ data, dims, pooling }');
  const t3 = tf.tensor3d(tokens((v) => v + 2, (v) => v - 2), [400, 2, 64]);
  assertClose(diffusionSpectralEntropy({ tensor: t3, pooling: 'mean' }, opts), dseCase.expected, dseCase.tol, 'tf.js mean pooling');
  t3.dispose();
  // Mean pooling averages the tokens, so it differs from cls when token 1 differs from token 0.
  assert.notEqual(diffusionSpectralEntropy({ tensor: cls, pooling: 'mean' }, opts), diffusionSpectralEntropy({ tensor: cls, pooling: 'cls' }, opts));
});

test('labels as tensors (tf.js int32, transformers.js int64) give the reference DSMI', () => {
  const opts = { discrete: true, sigma: miCase.sigma, t: 1, reps: miCase.reps, seed: miCase.seed };
  const Xt = tf.tensor2d(f32, [400, 64]);
  const yt = tf.tensor1d(Int32Array.from(y.data), 'int32');
  assertClose(diffusionSpectralMutualInformation(Xt, yt, opts).value, miCase.expected, miCase.tol, 'tf.js');
  const y64 = new HfTensor('int64', BigInt64Array.from(y.data, BigInt), [400]);
  assertClose(diffusionSpectralMutualInformation(new HfTensor('float32', f32, [400, 64]), y64, opts).value, miCase.expected, miCase.tol, 'transformers.js int64');
  Xt.dispose();
  yt.dispose();
});

test('bad tensors are refused with DseError naming the problem', () => {
  const t3 = new HfTensor('float32', new Float32Array(24), [2, 3, 4]);
  assert.throws(() => diffusionSpectralEntropy(t3), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && /pooling 'mean' or 'cls'/.test(e.message) && /undefined/.test(e.message));
  assert.throws(() => diffusionSpectralEntropy({ tensor: t3, pooling: 'max' }), (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && /"max"/.test(e.message));
  assert.throws(() => diffusionSpectralEntropy(new OrtTensor('float32', new Float32Array(16), [2, 2, 2, 2])), (e) => e.code === 'E_SHAPE' && /1-D, 2-D or 3-D/.test(e.message));
  assert.throws(() => diffusionSpectralEntropy({ data: new Float32Array(5), dims: [2, 3] }), (e) => e.code === 'E_SHAPE' && /length 5/.test(e.message));
  const nan = new Float32Array(8);
  nan[5] = NaN;
  assert.throws(() => diffusionSpectralEntropy(new OrtTensor('float32', nan, [4, 2])), (e) => e.code === 'E_NOT_FINITE' && /row 2, column 1/.test(e.message));
  const s = tf.tensor1d(['a', 'b'], 'string');
  assert.throws(() => diffusionSpectralEntropy(s), (e) => e.code === 'E_SHAPE' && /string/.test(e.message));
  s.dispose();
});
