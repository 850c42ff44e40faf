// Makes this JavaScript runtime behave like one whose WebAssembly has no SIMD: validating, compiling or
// instantiating bytes of a module that uses v128 fails, as it would there. Loaded before the package
// (`node --import`, or injected into a page) to test the package's fallback.
// A module "uses SIMD" here when its type section holds the v128 type byte 0x7b or its code section holds
// the SIMD opcode prefix 0xfd. That can flag a module without SIMD (the bytes may be immediates), never miss
// one that has it: conservative in the direction the test needs.
const wasm = globalThis.WebAssembly;

function usesSimd(source) {
  const b = source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  let at = 8;
  while (at < b.length) {
    const id = b[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    const body = b.subarray(at, at + size);
    if ((id === 1 && body.includes(0x7b)) || (id === 10 && body.includes(0xfd))) return true;
    at += size;
  }
  return false;
}

function refuse() {
  throw new wasm.CompileError('WebAssembly SIMD is not supported (simulated by no-simd-shim)');
}

const { validate, compile, instantiate, Module } = wasm;
wasm.validate = (bytes) => !usesSimd(bytes) && validate(bytes);
wasm.compile = async (bytes) => (usesSimd(bytes) ? refuse() : compile(bytes));
wasm.instantiate = async (source, imports) => (source instanceof Module || !usesSimd(source) ? instantiate(source, imports) : refuse());
wasm.Module = new Proxy(Module, {
  construct(target, args) {
    return usesSimd(args[0]) ? refuse() : new target(...args);
  },
});
globalThis.__noSimdShim = true;
