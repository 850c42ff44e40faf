// Y = K X for a symmetric K stored as its upper triangle and a block of b vectors: the products of the
// stochastic trace estimate (js/measures/diffusion-entropy-estimate.ts), which multiplies K by many probe
// vectors at once so that each entry of K, read once from memory, serves all b of them.
//
// Layout: k is n x n row-major, float64 (symmetricBlockProduct) or float32 (symmetricBlockProduct32); only
// its upper triangle (j >= i) is read, as kernel.ts leaves it. x and y are n x b float64, row-major (row i
// holds entry i of every vector). y is overwritten.
//
// Each stored K_ij (j > i) is used twice, y_i += K_ij x_j and y_j += K_ij x_i, so only half of K is read.
// Register tiles: 2 rows i by 4 vectors (two f64x2 lanes); the rows' accumulators and x_i stay in
// registers while j sweeps the two K rows.

@inline
function entry<T>(k: usize, n: i32, i: i32, j: i32): f64 {
  return <f64>load<T>(k + ((<usize>i * <usize>n + <usize>j) * sizeof<T>()));
}

// Columns c..c+4 of rows i and i + 1 of y, from rows i, i + 1 and all j > i + 1 of K.
@inline
function pairTile<T>(k: usize, n: i32, i: i32, x: usize, rowBytes: usize, y: usize, c: usize): void {
  const xi0 = x + <usize>i * rowBytes + c;
  const xi1 = xi0 + rowBytes;
  const a0 = v128.load(xi0);
  const a1 = v128.load(xi0, 16);
  const b0 = v128.load(xi1);
  const b1 = v128.load(xi1, 16);
  const kii = f64x2.splat(entry<T>(k, n, i, i));
  const kij = f64x2.splat(entry<T>(k, n, i, i + 1));
  const kjj = f64x2.splat(entry<T>(k, n, i + 1, i + 1));
  let s0 = f64x2.add(f64x2.mul(kii, a0), f64x2.mul(kij, b0));
  let s1 = f64x2.add(f64x2.mul(kii, a1), f64x2.mul(kij, b1));
  let t0 = f64x2.add(f64x2.mul(kij, a0), f64x2.mul(kjj, b0));
  let t1 = f64x2.add(f64x2.mul(kij, a1), f64x2.mul(kjj, b1));
  const row0 = k + <usize>i * <usize>n * sizeof<T>();
  const row1 = row0 + <usize>n * sizeof<T>();
  for (let j = i + 2; j < n; j++) {
    const o = <usize>j * sizeof<T>();
    const p = f64x2.splat(<f64>load<T>(row0 + o));
    const q = f64x2.splat(<f64>load<T>(row1 + o));
    const xj = x + <usize>j * rowBytes + c;
    const yj = y + <usize>j * rowBytes + c;
    const x0 = v128.load(xj);
    const x1 = v128.load(xj, 16);
    s0 = f64x2.add(s0, f64x2.mul(p, x0));
    s1 = f64x2.add(s1, f64x2.mul(p, x1));
    t0 = f64x2.add(t0, f64x2.mul(q, x0));
    t1 = f64x2.add(t1, f64x2.mul(q, x1));
    v128.store(yj, f64x2.add(v128.load(yj), f64x2.add(f64x2.mul(p, a0), f64x2.mul(q, b0))));
    v128.store(yj, f64x2.add(v128.load(yj, 16), f64x2.add(f64x2.mul(p, a1), f64x2.mul(q, b1))), 16);
  }
  const yi0 = y + <usize>i * rowBytes + c;
  const yi1 = yi0 + rowBytes;
  v128.store(yi0, f64x2.add(v128.load(yi0), s0));
  v128.store(yi0, f64x2.add(v128.load(yi0, 16), s1), 16);
  v128.store(yi1, f64x2.add(v128.load(yi1), t0));
  v128.store(yi1, f64x2.add(v128.load(yi1, 16), t1), 16);
}

// Column c of y from row i of K (the scalar path: vectors past the last multiple of 4, and a last odd row).
function rowColumn<T>(k: usize, n: i32, i: i32, x: usize, b: i32, y: usize, c: i32): void {
  const xi = load<f64>(x + ((<usize>i * <usize>b + <usize>c) << 3));
  let s = entry<T>(k, n, i, i) * xi;
  for (let j = i + 1; j < n; j++) {
    const kij = entry<T>(k, n, i, j);
    s += kij * load<f64>(x + ((<usize>j * <usize>b + <usize>c) << 3));
    const q = y + ((<usize>j * <usize>b + <usize>c) << 3);
    store<f64>(q, load<f64>(q) + kij * xi);
  }
  const q = y + ((<usize>i * <usize>b + <usize>c) << 3);
  store<f64>(q, load<f64>(q) + s);
}

// Rows [i0, i1) of K's upper triangle times x into y: y rows [i0, n) are overwritten (rows below i0 get nothing
// from these rows), so row blocks can run on separate threads into separate buffers. i0 even; i1 even or n.
function blockProduct<T>(k: usize, n: i32, x: usize, b: i32, y: usize, i0: i32, i1: i32): void {
  memory.fill(y + ((<usize>i0 * <usize>b) << 3), 0, (<usize>(n - i0) * <usize>b) << 3);
  const rowBytes = <usize>b << 3;
  const wide = b & ~3;
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    for (let c = 0; c < wide; c += 4) pairTile<T>(k, n, i, x, rowBytes, y, <usize>c << 3);
    for (let c = wide; c < b; c++) {
      rowColumn<T>(k, n, i, x, b, y, c);
      rowColumn<T>(k, n, i + 1, x, b, y, c);
    }
  }
  if (i < i1) for (let c = 0; c < b; c++) rowColumn<T>(k, n, i, x, b, y, c);
}

export function symmetricBlockProduct(k: usize, n: i32, x: usize, b: i32, y: usize): void {
  blockProduct<f64>(k, n, x, b, y, 0, n);
}

export function symmetricBlockProduct32(k: usize, n: i32, x: usize, b: i32, y: usize): void {
  blockProduct<f32>(k, n, x, b, y, 0, n);
}

/** symmetricBlockProduct's share of rows [i0, i1) (i0 even, i1 even or n), y rows [i0, n) overwritten. */
export function symmetricBlockProductRows(k: usize, n: i32, x: usize, b: i32, y: usize, i0: i32, i1: i32): void {
  blockProduct<f64>(k, n, x, b, y, i0, i1);
}

/** symmetricBlockProduct32's share of rows [i0, i1), as symmetricBlockProductRows. */
export function symmetricBlockProduct32Rows(k: usize, n: i32, x: usize, b: i32, y: usize, i0: i32, i1: i32): void {
  blockProduct<f32>(k, n, x, b, y, i0, i1);
}

// Rounds the upper triangle of the float64 n x n matrix at m to float32, in place: the float32 matrix (n x n,
// row-major, upper triangle) starts at m and fills the first half of the float64 one. Entry (i, j) moves from
// byte 8 (i n + j) to byte 4 (i n + j), never past what is still to be read, so one forward sweep is safe.
export function toFloat32InPlace(m: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const at = <usize>i * <usize>n;
    for (let j = i; j < n; j++) store<f32>(m + ((at + <usize>j) << 2), <f32>load<f64>(m + ((at + <usize>j) << 3)));
  }
}
