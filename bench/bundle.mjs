// bench/stages.ts bundled (with the library source it imports) into bench/.build/stages.mjs, for run.mjs and
// compare.mjs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = `${here}.build/stages.mjs`;

/** Builds the bundle (and the release .wasm if missing) unless `cached` and it exists, then imports it. */
export async function stagesBundle(cached = false) {
  if (cached && existsSync(bundle)) return import(bundle);
  if (!existsSync(`${root}build/release.wasm`)) execFileSync('npm', ['run', 'asbuild'], { cwd: root, stdio: 'inherit' });
  await build({
    entryPoints: [`${here}stages.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    outfile: bundle,
    loader: { '.wasm': 'binary' },
    logLevel: 'warning',
  });
  return import(bundle);
}
