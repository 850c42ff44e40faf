// Builds dist/ from js/ and the two release .wasm binaries (base SIMD and relaxed SIMD): an ESM bundle, a
// CommonJS bundle (dist/cjs, with its own package.json), and type declarations for both. Both .wasm are
// embedded in each bundle as bytes, so a plain import works with no file paths or fetch.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

const common = {
  entryPoints: ['js/index.ts'],
  bundle: true,
  platform: 'neutral',
  target: 'es2020',
  loader: { '.wasm': 'binary' },
  logLevel: 'warning',
};
await build({ ...common, format: 'esm', outfile: 'dist/index.mjs' });
await build({ ...common, format: 'cjs', outfile: 'dist/cjs/index.js' });
writeFileSync('dist/cjs/package.json', '{ "type": "commonjs" }\n');
// The `dse` command line (bin/dse.mjs imports it): Node only, with its own copy of the library.
await build({ ...common, entryPoints: ['js/cli/main.ts'], platform: 'node', target: 'node18', format: 'esm', outfile: 'dist/cli.mjs' });

// workerd (Cloudflare Workers) refuses to compile WebAssembly from bytes at run time, but imports a .wasm
// file as a compiled WebAssembly.Module. So its bundle imports ./dse.wasm and ./dse-relaxed.wasm instead of
// embedding the bytes, and ready() takes the Modules it receives as they are.
const workerdFiles = { 'release.wasm': 'dse.wasm', 'release-relaxed.wasm': 'dse-relaxed.wasm' };
const wasmAsModule = {
  name: 'wasm-as-module',
  setup(b) {
    b.onResolve({ filter: /\.wasm$/ }, (args) => ({ path: `./${workerdFiles[args.path.split('/').pop()]}`, external: true }));
  },
};
await build({ ...common, format: 'esm', outfile: 'dist/workerd/index.mjs', plugins: [wasmAsModule] });
for (const [from, to] of Object.entries(workerdFiles)) cpSync(`build/${from}`, `dist/workerd/${to}`);

// dse-wasm/tfjs: @tensorflow/tfjs (an optional peer dependency) and the library itself stay external, so the
// callback uses the application's tf.js and the same engine instance as 'dse-wasm'.
const sharedLibrary = (to) => ({
  name: 'shared-library',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: to, external: true }));
  },
});
const tfjs = { ...common, entryPoints: ['js/tracking/tfjs.ts'], external: ['@tensorflow/tfjs'] };
await build({ ...tfjs, format: 'esm', outfile: 'dist/tfjs/index.mjs', plugins: [sharedLibrary('../index.mjs')] });
await build({ ...tfjs, format: 'cjs', outfile: 'dist/cjs/tfjs/index.js', plugins: [sharedLibrary('../index.js')] });

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cli.json'], { stdio: 'inherit' });
// The same declarations serve CommonJS consumers from inside dist/cjs, where package.json says commonjs.
for (const entry of readdirSync('dist/types', { recursive: true })) {
  if (String(entry).endsWith('.d.ts')) {
    const to = `dist/cjs/${entry}`;
    mkdirSync(to.slice(0, to.lastIndexOf('/')), { recursive: true });
    cpSync(`dist/types/${entry}`, to);
  }
}
