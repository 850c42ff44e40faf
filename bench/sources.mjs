// The package's TypeScript sources bundled as dist/ is, with hooks beside them (internal exports such as
// reduction.ts's crossovers), for the node tests (tests/js/helpers.mjs) and the benchmarks (bench/library.mjs).
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `exports` into dir/<name>.mjs and imports it: `exports` maps a source path (from the repository root)
 * to '*' or the names to export from it, `{ 'js/index.ts': '*', 'js/engine/reduction.ts': ['setTwoStageReductionFrom'] }`
 * (`a as b` allowed).
 */
export async function importSources(dir, exports, name = 'index') {
  const lines = Object.entries(exports).map(([path, names]) => {
    const from = JSON.stringify(join(root, path));
    return names === '*' ? `export * from ${from};` : `export { ${names.join(', ')} } from ${from};`;
  });
  const outfile = join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'neutral', format: 'esm', target: 'es2020', loader: { '.wasm': 'binary' },
    outfile, logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
