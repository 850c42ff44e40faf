// approximate: 'chebyshev' against the reference's chebyshev_approx=True after np.random.seed (fixtures/flags,
// ops dse_chebyshev and dsmi_chebyshev), on both backends; and the option's errors.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ready, diffusionSpectralEntropy, diffusionSpectralMutualInformation, DseError } from '../../dist/index.mjs';
import { assertClose, fixturesDir, readNpy } from './helpers.mjs';

const { cases } = JSON.parse(readFileSync(fixturesDir + 'flags/cases.json', 'utf8'));

before(() => ready());

for (const backend of ['wasm', 'js']) {
  for (const c of cases.filter((k) => k.op === 'dse_chebyshev')) {
    test(`${c.id} (${backend}): ${c.call}`, () => {
      const value = diffusionSpectralEntropy(readNpy(c.X), { sigma: c.sigma, t: c.t, approximate: 'chebyshev', numpySeed: c.numpySeed, backend });
      assertClose(value, c.expected, c.tol, c.id);
    });
  }
  for (const c of cases.filter((k) => k.op === 'dsmi_chebyshev')) {
    test(`${c.id} (${backend}): one numpy state runs on across the reference's entropy calls`, () => {
      const { value } = diffusionSpectralMutualInformation(readNpy(c.X), readNpy(c.Y).data, {
        discrete: c.discrete, sigma: c.sigma, t: c.t, reps: c.reps, seed: c.seed, approximate: 'chebyshev', numpySeed: c.numpySeed, backend,
      });
      assertClose(value, c.expected, c.tol, c.id);
    });
  }
}

test('the Chebyshev estimate is not the exact entropy (digits400, sigma 20)', () => {
  const X = readNpy('digits400_X.npy');
  const exact = diffusionSpectralEntropy(X, { sigma: 20 });
  const approx = diffusionSpectralEntropy(X, { sigma: 20, approximate: 'chebyshev', numpySeed: 0 });
  assert.ok(Math.abs(approx - exact) > 0.05, `${approx} vs ${exact}`);
});

test('Chebyshev option errors name the argument', () => {
  const X = readNpy('blobs_X.npy');
  const refuses = (fn, argument) => assert.throws(fn, (e) => e instanceof DseError && e.code === 'E_ARGUMENT' && e.argument === argument);
  refuses(() => diffusionSpectralEntropy(X, { approximate: 'lanczos' }), 'approximate');
  refuses(() => diffusionSpectralEntropy(X, { numpySeed: 3 }), 'numpySeed');
  refuses(() => diffusionSpectralEntropy(X, { approximate: 'chebyshev', numpySeed: -1 }), 'numpySeed');
  refuses(() => diffusionSpectralEntropy(X, { approximate: 'chebyshev', variant: 'matrix-entry' }), 'approximate');
  refuses(() => diffusionSpectralMutualInformation(X, readNpy('blobs_y.npy').data, { approximate: 'chebyshev', entropy: 'classic' }), 'approximate');
});
