import dse = require('dse-wasm');
const v: Float64Array = dse.symmetricEigenvalues([[1, 0], [0, 2]], { backend: 'js' });
console.log(v);
