// npm run fuzz: the property-based suite of tests/js/fuzz.test.mjs at length. FUZZ_RUNS runs per function and
// backend (default 5000), from FUZZ_SEED (default: a random seed, printed first, so a failure replays).
import { spawnSync } from 'node:child_process';

const runs = process.env.FUZZ_RUNS ?? '5000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
process.stdout.write(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed}\n`);
const r = spawnSync(process.execPath, ['--test', 'tests/js/fuzz.test.mjs'], {
  stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exitCode = r.status ?? 1;
