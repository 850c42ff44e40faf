// What the benchmarks share: their command-line options, the package's sources bundled with test hooks beside
// them (js/index.ts plus named exports of internal modules, e.g. reduction.ts's crossovers), the median of
// rounds, and the load average printed beside every figure.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles js/index.ts and `hooks` ({ 'js/engine/reduction.ts': ['setTwoStageReductionFrom', ...] }) into
 * bench/.build/<name>.mjs and imports it.
 */
export async function hookedLibrary(name, hooks = {}) {
  const at = (p) => JSON.stringify(join(root, p));
  const lines = [`export * from ${at('js/index.ts')};`];
  for (const [path, names] of Object.entries(hooks)) lines.push(`export { ${names.join(', ')} } from ${at(path)};`);
  const out = join(root, 'bench/.build');
  mkdirSync(out, { recursive: true });
  const outfile = join(out, `${name}.mjs`);
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'neutral', format: 'esm', target: 'es2020', loader: { '.wasm': 'binary' },
    outfile, logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
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
