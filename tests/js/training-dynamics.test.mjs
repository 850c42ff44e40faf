// The paper's claim (2) on the digits, the short version of examples/training-dynamics (same protocol: sigma
// = the median distance of Z per epoch, t = 1, no standardisation; 600 training rows, 300 probe rows, 120
// epochs, a record every 20), seed 0, tf.js's pure-JS CPU backend: DSMI(Z; true Y) of the penultimate layer
// rises with true labels and does not with shuffled labels, while the shuffled labels are memorised.
//
// Margins, from the short version over seeds 0..7 (node examples/training-dynamics/seeds.mjs short 0 1 2 3 4
// 5 6 7; the output is examples/training-dynamics/measured/seeds-short.jsonl):
//   true labels:     DSMI(Z;Y) last - first from +0.504 to +0.674 bits (mean +0.599, sd 0.052); last / first
//                    from 1.69 to 1.98;
//   shuffled labels: DSMI(Z;Y) last - first from -0.203 to -0.018 bits (mean -0.084, sd 0.062), train
//                    accuracy 0.998 to 1.000;
//   the gap (true change - shuffled change) from 0.602 to 0.750 bits (mean 0.683, sd 0.051).
// Each bound below lies at least 3 standard deviations beyond the mean and outside the range seen, so that
// another seed's worth of noise (or a platform's last bits) does not fail the test, while a broken pipeline
// (no rise with true labels, or a rise with shuffled ones too) does. The example margin for the
// shuffled condition, within 0.1 bits of its start, held on only 6 of the 8 seeds (-0.146 and -0.203 on
// seeds 3 and 4), so it cannot be asserted: what holds is that DSMI(Z;Y) does not rise with shuffled labels
// (it drifts down) and stays within 0.3 bits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHORT, runCondition, summary } from '../../examples/training-dynamics/experiment.mjs';

const TRUE_RISE = 0.3;
const TRUE_RATIO = 1.4;
const SHUFFLED_RISE_MAX = 0.1;
const SHUFFLED_NEAR = 0.3;
const GAP = 0.4;

test('claim 2: DSMI(Z; Y) rises with true labels, not with shuffled labels that are memorised', { timeout: 15 * 60 * 1000 }, async () => {
  const truth = summary(await runCondition('true', { seed: 0, ...SHORT }));
  const shuffled = summary(await runCondition('shuffled', { seed: 0, ...SHORT }));
  const report = (s) => `${s.first.dsmiY.toFixed(3)} -> ${s.last.dsmiY.toFixed(3)} bits, train acc ${s.acc.toFixed(3)}`;
  assert.ok(shuffled.acc > 0.9, `shuffled labels memorised: ${report(shuffled)}`);
  assert.ok(truth.dDsmiY > TRUE_RISE, `true labels: DSMI(Z;Y) rises by more than ${TRUE_RISE} bits: ${report(truth)}`);
  assert.ok(truth.last.dsmiY > TRUE_RATIO * truth.first.dsmiY, `true labels: DSMI(Z;Y) ends above ${TRUE_RATIO} x its start: ${report(truth)}`);
  assert.ok(shuffled.dDsmiY < SHUFFLED_RISE_MAX, `shuffled labels: DSMI(Z;Y) rises by less than ${SHUFFLED_RISE_MAX} bits: ${report(shuffled)}`);
  assert.ok(Math.abs(shuffled.dDsmiY) < SHUFFLED_NEAR, `shuffled labels: DSMI(Z;Y) within ${SHUFFLED_NEAR} bits of its start: ${report(shuffled)}`);
  assert.ok(shuffled.dDsmiY < truth.dDsmiY - GAP, `the rise with true labels exceeds the change with shuffled ones by ${GAP} bits`);
});
