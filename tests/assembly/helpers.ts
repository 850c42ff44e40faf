// What several specs read back from linear memory (imported, not a spec: as-pect runs only *.spec.ts).

export function get(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

// The n values at p, sorted descending (the stages leave eigenvalues and singular values unsorted).
export function sortedDown(p: usize, n: i32): f64[] {
  const out: f64[] = [];
  for (let i = 0; i < n; i++) out.push(get(p, i));
  out.sort((a: f64, b: f64): i32 => (a < b ? 1 : a > b ? -1 : 0));
  return out;
}
