// The smoke test as an ES module importing the package by name: run by Node, Bun and Deno in the temporary
// project where the packed tarball is installed. Prints one JSON line. An optional argument is ready()'s
// options as JSON, e.g. '{"deterministic":true}'.
import * as api from 'dse-wasm';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { smoke } from './smoke-core.mjs';

const bytes = new Uint8Array(readFileSync(new URL('./digits400.f32', import.meta.url)));
console.log(JSON.stringify(await smoke(api, bytes, JSON.parse(process.argv[2] ?? '{}'))));
