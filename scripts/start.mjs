// npm start: the main job on the digits data shipped in data/ (see js/cli/digits.ts).
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { runDigits } from '../dist/cli.mjs';

const data = relative(process.cwd(), fileURLToPath(new URL('../data/digits.csv.gz', import.meta.url)));
process.exitCode = await runDigits(data, process.argv[2] === '--backend=js' ? 'js' : 'wasm');
