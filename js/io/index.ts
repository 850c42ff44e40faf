// Readers of the input formats the command line takes, on bytes (no file system), shared with the tests.
export { InputError } from './input-error.js';
export { parseMatrix, formatOfName, sniffFormat, INPUT_FORMATS, type InputFormat, type ParseOptions } from './read-matrix.js';
export { parseNpy, encodeNpy, looksLikeNpy } from './npy.js';
export { parseDelimited, sniffDelimiter, type Delimiter } from './delimited.js';
export { parseJson, parseJsonLines } from './json.js';
export { parseRawFloat32 } from './raw.js';
