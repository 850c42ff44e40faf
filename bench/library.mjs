// What the benchmarks share: their command-line options, the package's sources bundled with test hooks beside
// them (js/index.ts plus named exports of internal modules, e.g. reduction.ts's crossovers), numpy's pipeline
// (bench/numpy_pipeline.py) in a child, the median of rounds, and the load average printed beside every figure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSources } from './sources.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles js/index.ts and `hooks` ({ 'js/engine/reduction.ts': ['setTwoStageReductionFrom', ...] }) into
 * bench/.build/<name>.mjs and imports it.
 */
export async function hookedLibrary(name, hooks = {}) {
  const out = join(root, 'bench/.build');
  mkdirSync(out, { recursive: true });
  return importSources(out, { 'js/index.ts': '*', ...hooks }, name);
}

// /usr/bin/python3 (Debian's numpy over the system OpenBLAS) first, else python3 on the PATH.
const PYTHONS = ['/usr/bin/python3', 'python3'];

/** The first Python with numpy: { python, pythonVersion, numpy, blas }, or null. */
export function findPython() {
  for (const py of PYTHONS) {
    const r = spawnSync(py, ['-c', `
import json, sys, numpy as np
blas = 'unknown'
try:
    import threadpoolctl
    blas = ', '.join(f"{i['internal_api']} {i['version']}" for i in threadpoolctl.threadpool_info() if i['user_api'] == 'blas')
except Exception:
    try:
        b = np.show_config(mode='dicts')['Build Dependencies']['blas']
        blas = f"{b.get('name')} {b.get('version')}"
    except Exception:
        pass
print(json.dumps({'python': sys.executable, 'pythonVersion': sys.version.split()[0], 'numpy': np.__version__, 'blas': blas}))
`], { encoding: 'utf8' });
    if (r.status === 0) return JSON.parse(r.stdout.trim().split('\n').at(-1));
  }
  return null;
}

/**
 * bench/numpy_pipeline.py on one (n, d) in a child whose BLAS has `threads` threads: `repeats` timed runs after
 * `warmups` untimed ones. Its JSON's first result ({ n, d, dse, seconds, repeats, maxRssMiB }) beside the numpy
 * and BLAS versions, or { error }.
 */
export function numpyPipeline(python, n, d, { threads = 1, repeats = 1, warmups = 0 } = {}) {
  const t = String(threads);
  const env = { ...process.env, OPENBLAS_NUM_THREADS: t, OMP_NUM_THREADS: t, MKL_NUM_THREADS: t, VECLIB_MAXIMUM_THREADS: t };
  const r = spawnSync(python, [join(root, 'bench/numpy_pipeline.py'), JSON.stringify([[n, d]]), String(repeats), String(warmups)], { encoding: 'utf8', env });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).split('\n').filter(Boolean).slice(-2).join(' ') };
  const out = JSON.parse(r.stdout);
  return { ...out.results[0], numpy: out.numpy, blas: out.blas };
}

/** The median of a list of times (the upper one of the middle two for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `uptime`'s line: the load average to print beside every figure. */
export const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

const argv = process.argv.slice(2);

/** The value after `--name` on the command line, else `fallback`. */
export const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};

/** Whether `--name` is on the command line. */
export const flag = (name) => argv.includes(name);

/** A comma-separated list of numbers ('none': no values). */
export const list = (s) => (s === 'none' ? [] : s.split(',').map(Number));
