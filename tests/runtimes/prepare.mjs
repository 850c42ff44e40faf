// Sets up what the runtime tests share: the package packed with `npm pack` and installed from the tarball
// into a new temporary project outside this repository (as a user gets it, no path into js/ or dist/), the
// smoke files and the digits sample beside it, and Node's own results as the reference for every runtime
// (Node 20's with the base binary, Node 22's with the relaxed-SIMD one).
// Run by `npm run test:runtimes` before `node --test tests/runtimes/`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNpy } from '../js/helpers.mjs';
import { PROJECT_FILE, findBinary, repo } from './project.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
if (existsSync(PROJECT_FILE)) rmSync(JSON.parse(readFileSync(PROJECT_FILE, 'utf8')).project, { recursive: true, force: true });
const project = mkdtempSync(join(tmpdir(), 'dse-wasm-runtimes-'));
// Under `npm run`, node_modules/.bin comes first on PATH, and a dependency of as-pect puts an old npm (6)
// there: use the first npm on PATH outside node_modules.
const npmBinary = process.env.PATH.split(delimiter).filter((dir) => !dir.includes('node_modules'))
  .map((dir) => join(dir, 'npm')).find((file) => existsSync(file)) ?? 'npm';
const npm = (args, cwd = project) => execFileSync(npmBinary, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// --ignore-scripts: dist/ was just built by `npm test`; packing must not rebuild it.
const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', project], repo));
const tarball = join(project, packed[0].filename);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'dse-wasm-runtime-check', private: true }, null, 2));
npm(['install', '--no-audit', '--no-fund', '--offline', tarball]);

for (const file of readdirSync(here)) {
  if (/^(smoke|no-simd|browser|worker)/.test(file)) copyFileSync(join(here, file), join(project, file));
}
const digits = readNpy('digits400_X.npy');
writeFileSync(join(project, 'digits400.f32'), new Uint8Array(digits.data.buffer, digits.data.byteOffset, digits.data.byteLength));

const reference = execFileSync(process.execPath, ['smoke-node.mjs', '{"deterministic":true}'], { cwd: project, encoding: 'utf8' });
writeFileSync(join(project, 'reference.json'), reference);
// The relaxed-SIMD binary's reference comes from Node 22 (Node 20 has no relaxed SIMD), when it is installed.
const node22 = findBinary('node22');
if (!node22.missing) {
  const relaxed = execFileSync(node22.path, ['smoke-node.mjs', '{"deterministic":false}'], { cwd: project, encoding: 'utf8' });
  writeFileSync(join(project, 'reference-relaxed.json'), relaxed);
}
mkdirSync(join(repo, 'build'), { recursive: true });
writeFileSync(PROJECT_FILE, JSON.stringify({ project, tarball: packed[0].filename, version: packed[0].version, files: packed[0].files.length }));
console.log(`runtime tests: ${packed[0].filename} (${packed[0].files.length} files) installed into ${project}`);
