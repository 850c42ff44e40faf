import { knnAdjacency } from '../../assembly/knn-adjacency';

// Squared distances between points on a line, upper triangle of an n x n row-major matrix.
function lineDistances(x: f64[]): usize {
  const n = x.length;
  const m = memory.data(8 * 16);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) store<f64>(m + (<usize>(i * n + j) << 3), (x[i] - x[j]) ** 2);
  }
  return m;
}

describe('knnAdjacency', () => {
  it('links each point to its k nearest, itself first, and is not symmetric', () => {
    // Points on a line at 0, 1, 3, 7: squared distances, upper triangle.
    const m = lineDistances([0, 1, 3, 7]);
    knnAdjacency(m, 4, 2, memory.data(8 * 4));
    // Nearest other point: 0 -> 1, 1 -> 0, 3 -> 1, 7 -> 3.
    const want: f64[] = [1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1];
    for (let k = 0; k < 16; k++) expect(load<f64>(m + (<usize>k << 3))).toBe(want[k]);
  });

  it('keeps every point tied at the k-th distance', () => {
    // 0 has two neighbours at distance 1 (-1 and 1): with k = 2 both are linked.
    const m = lineDistances([0, 1, -1]);
    knnAdjacency(m, 3, 2, memory.data(8 * 3));
    expect(load<f64>(m)).toBe(1);
    expect(load<f64>(m, 8)).toBe(1);
    expect(load<f64>(m, 16)).toBe(1);
    // Row of 1: itself, then 0 at distance 1; -1 is at 2.
    expect(load<f64>(m, 24)).toBe(1);
    expect(load<f64>(m, 32)).toBe(1);
    expect(load<f64>(m, 40)).toBe(0);
  });
});
