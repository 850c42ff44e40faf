// Feature detection for WebAssembly SIMD (fixed-width, 128-bit), which the engine's release build needs.

/**
 * The smallest module that uses SIMD: `(func (result v128) (i8x16.splat (i32.const 0)))`. A runtime whose
 * WebAssembly lacks SIMD refuses to validate it, and would refuse the engine's .wasm the same way.
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0x0b, // code: i32.const 0; i8x16.splat; end
]);

/** Why the WebAssembly engine cannot run here, or null when it can (WebAssembly with SIMD is present). */
export function wasmSimdMissing(): string | null {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') {
    return 'this runtime has no WebAssembly';
  }
  try {
    if (WebAssembly.validate(SIMD_PROBE)) return null;
  } catch {
    // A validate that throws is no better than one that says no.
  }
  return "this runtime's WebAssembly has no SIMD";
}
