// as-pect: one spec per AssemblyScript kernel, tests/assembly/<kernel>.spec.ts (npm run test:assembly).
export default {
  entries: ['tests/assembly/**/*.spec.ts'],
  include: [],
  disclude: [/node_modules/],
  async instantiate(memory, createImports, instantiate, binary) {
    return instantiate(binary, createImports({ env: { memory } }));
  },
  outputBinary: false,
};
