// esbuild's binary loader turns the imported .wasm file into its bytes, embedded in the bundle.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
