"""Fixtures for singularValues: matrices and their singular values by numpy (LAPACK gesdd) and, as the
truth, by mpmath at 60 digits on the same float64 entries. Run with /usr/bin/python3 (numpy 1.24, mpmath):

    /usr/bin/python3 scripts/make-svd-fixtures.py

Writes tests/fixtures/svd/<name>.npy (float64) and tests/fixtures/svd/cases.json.
"""
import json
import os

import mpmath
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'svd')
mpmath.mp.dps = 60
rng = np.random.default_rng(20261201)


def exact(a):
    # Singular values of the float64 matrix a, computed in 60-digit arithmetic.
    m = mpmath.matrix(a.tolist())
    s = mpmath.svd_r(m, compute_uv=False)
    return sorted((float(v) for v in s), reverse=True)


def graded_bidiagonal(n):
    b = np.zeros((n, n))
    for i in range(n):
        b[i, i] = 10.0 ** (-2 * i) * (1 if i % 2 == 0 else -1)
        if i < n - 1:
            b[i, i + 1] = 0.5 * 10.0 ** (-2 * i)
    return b


matrices = {
    'gaussian': (rng.standard_normal((80, 50)), 'standard normal 80 x 50'),
    'wide': (rng.standard_normal((30, 70)), 'standard normal 30 x 70 (transposed inside)'),
    'rank12': (rng.standard_normal((60, 12)) @ rng.standard_normal((12, 40)), 'rank 12, 60 x 40: 28 values at round-off level'),
    'zero-columns': (np.hstack([rng.standard_normal((50, 7)), np.zeros((50, 3))]), '50 x 10 with 3 zero columns: 3 values exactly 0'),
    'graded-columns': (rng.standard_normal((40, 16)) * 10.0 ** -np.arange(16), 'B diag(10^-k), k = 0..15: values from ~10 to ~1e-15'),
    'graded-bidiagonal': (graded_bidiagonal(12), 'upper bidiagonal, d_i = +-10^-2i, e_i = d_i / 2: values down to ~1e-22'),
    'huge': (rng.standard_normal((20, 15)) * 1e200, 'standard normal * 1e200 (scaled by a power of two inside)'),
    'tiny': (rng.standard_normal((20, 15)) * 1e-200, 'standard normal * 1e-200'),
    'tall-thin': (rng.standard_normal((200, 3)), '200 x 3'),
    'single-row': (rng.standard_normal((1, 9)), '1 x 9: one value, the row norm'),
}

cases = []
for name, (a, what) in matrices.items():
    np.save(os.path.join(OUT, name + '.npy'), a.astype(np.float64))
    cases.append({
        'id': name,
        'A': name + '.npy',
        'what': what,
        'numpy': np.linalg.svd(a, compute_uv=False).tolist(),
        'exact': exact(a),
    })

with open(os.path.join(OUT, 'cases.json'), 'w') as f:
    json.dump({
        'source': f'numpy {np.__version__} numpy.linalg.svd(A, compute_uv=False); exact: mpmath {mpmath.__version__} svd_r at 60 digits on the same float64 entries',
        'cases': cases,
    }, f, indent=1)
    f.write('\n')
