// Comparing clusterings: labels may be permuted, so compare partitions, not label values.

const pairs = (m) => (m * (m - 1)) / 2;

/** Adjusted Rand index (Hubert and Arabie 1985) of two labelings of the same rows: 1 when identical. */
export function adjustedRandIndex(a, b) {
  if (a.length !== b.length) throw new Error(`labelings of ${a.length} and ${b.length} rows`);
  const table = new Map();
  const rows = new Map();
  const cols = new Map();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0;
  for (const c of table.values()) index += pairs(c);
  let sumA = 0;
  for (const c of rows.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of cols.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(a.length);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Gaussian blobs: `centers` well-separated centres in `cols` dimensions, `perCenter` rows each. */
export function blobs(perCenter, centers, cols, seed, spread = 1, separation = 10) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const rows = perCenter * centers;
  const data = new Float32Array(rows * cols);
  const labels = new Int32Array(rows);
  const middle = [];
  for (let c = 0; c < centers; c++) middle.push(Array.from({ length: cols }, () => (uniform() - 0.5) * 2 * separation));
  for (let i = 0; i < rows; i++) {
    const c = i % centers;
    labels[i] = c;
    for (let j = 0; j < cols; j++) data[i * cols + j] = middle[c][j] + spread * normal();
  }
  return { X: { data, rows, cols }, labels };
}
