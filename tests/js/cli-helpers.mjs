// Shared by the command-line tests: run the built `dse` (bin/dse.mjs -> dist/cli.mjs) as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'bin/dse.mjs');
export const fixture = (name) => join(root, 'tests/fixtures', name);

/** Runs `dse ...args`; `input` goes to standard input. Returns { code, stdout, stderr }. */
export function dse(args, { input, cwd = root } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: input ?? '', cwd, encoding: input instanceof Uint8Array ? 'buffer' : 'utf8', maxBuffer: 64 << 20 });
  const text = (b) => (typeof b === 'string' ? b : b.toString('utf8'));
  return { code: r.status, stdout: text(r.stdout), stderr: text(r.stderr) };
}

/** Runs `dse ... --json` expecting success; returns the parsed object. */
export function dseJson(args, opts) {
  const r = dse([...args, '--json'], opts);
  if (r.code !== 0) throw new Error(`dse ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A fresh temporary folder. */
export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'dse-cli-'));
}

/** The bytes of a version 1.0 .npy file with this header dict and body. */
export function npyBytes(descr, shape, body, fortran = false) {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const head = Buffer.alloc(10 + header.length);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head.writeUInt16LE(header.length, 8);
  head.write(header, 10, 'latin1');
  return Buffer.concat([head, Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
}
