// Which of the two engine binaries ready() instantiates. Both come from the same AssemblyScript sources and
// differ only in assembly/madd.ts: 'simd' (release.wasm) rounds every product and sum; 'relaxed-simd'
// (release-relaxed.wasm, asc --enable relaxed-simd) uses f64x2.relaxed_madd, which the engine may fuse into
// one rounding (V8 does on a CPU with FMA). The two agree to about 1e-12 relative, not to the last bit.
import baseWasm from '../../../build/release.wasm';
import relaxedWasm from '../../../build/release-relaxed.wasm';
import { DseError, badArgument } from '../../errors.js';
import type { Kernels } from './kernels.js';

/** The engine binary in use: 'relaxed-simd' (fused multiply-add where the runtime has it) or 'simd' (base). */
export type BinaryName = 'relaxed-simd' | 'simd';

/** The exports this file reads from either binary. */
type BinaryExports = Pick<Kernels, 'relaxedSimd' | 'multiplyAdd'>;

/**
 * The smallest module that uses relaxed SIMD: `(func (param v128 v128 v128) (result v128)
 * (f64x2.relaxed_madd (local.get 0) (local.get 1) (local.get 2)))`. An engine without the feature refuses a
 * module holding any relaxed opcode as a whole, so this is validated before release-relaxed.wasm is compiled.
 */
const RELAXED_SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b, // type section: (v128, v128, v128) -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x87, 0x02, 0x0b, // code: f64x2.relaxed_madd
]);

/** True when this runtime's WebAssembly validates relaxed SIMD (f64x2.relaxed_madd). */
export function relaxedSimdValidates(): boolean {
  try {
    return WebAssembly.validate(RELAXED_SIMD_PROBE);
  } catch {
    return false;
  }
}

/** Options of ready() that this file reads. */
export interface BinaryOptions {
  module?: WebAssembly.Module | BufferSource;
  deterministic?: boolean;
}

/** The embedded base binary (bytes, or in the workerd bundle a compiled Module), for ready()'s SIMD check. */
export const embeddedBase: WebAssembly.Module | BufferSource = baseWasm;

async function instantiate<T>(source: WebAssembly.Module | BufferSource, load: (m: WebAssembly.Module) => Promise<T>): Promise<T> {
  return load(source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source));
}

// 1 + 2^-30 times 1 - 2^-30 is 1 - 2^-60: rounded, the product is 1 and the sum with -1 is 0; fused, -2^-60.
function fuses(e: BinaryExports): boolean {
  return e.multiplyAdd(1 + 2 ** -30, 1 - 2 ** -30, -1) !== 0;
}

/**
 * Instantiates the engine binary ready() should use, with `load` (the loader's instantiate), and says which.
 * `deterministic: true` takes the base binary; `false` the relaxed one wherever the runtime validates it;
 * unset, the relaxed one where it validates and its multiply-add fuses (V8: Node >= 22, Deno, Chromium,
 * workerd), else the base one (Node 20 has no relaxed SIMD; Bun's JavaScriptCore validates it but rounds
 * twice, and gains nothing from it: bench/NOTES.md). A `module` of the caller's is used as it is.
 */
export async function instantiateBinary<T extends object>(opts: BinaryOptions, load: (m: WebAssembly.Module) => Promise<T>): Promise<{ exports: T; binary: BinaryName }> {
  if (opts.deterministic !== undefined && typeof opts.deterministic !== 'boolean') {
    throw badArgument('deterministic', 'true, false or absent', opts.deterministic);
  }
  const name = (e: T): BinaryName => ((e as unknown as BinaryExports).relaxedSimd() === 1 ? 'relaxed-simd' : 'simd');
  if (opts.module !== undefined) {
    const exports = await instantiate(opts.module, load);
    const binary = name(exports);
    if (binary === 'relaxed-simd' && opts.deterministic === true) {
      throw new DseError('E_ARGUMENT', "deterministic: true needs the base binary (dse.wasm), but `module` is the relaxed-SIMD one (dse-relaxed.wasm)", 'module', binary);
    }
    return { exports, binary };
  }
  // A compiled Module (the workerd bundle's import) has passed validation already.
  if (opts.deterministic !== true && (relaxedWasm instanceof WebAssembly.Module || relaxedSimdValidates())) {
    const exports = await instantiate(relaxedWasm, load);
    if (opts.deterministic === false || fuses(exports as unknown as BinaryExports)) return { exports, binary: 'relaxed-simd' };
  }
  return { exports: await instantiate(baseWasm, load), binary: 'simd' };
}
