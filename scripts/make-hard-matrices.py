"""Hard eigenvalue problems and numpy's answers for them (issue 10): tests/fixtures/hard-matrices.json.

Every matrix is stored as a recipe (a generator name and its parameters), never as entries: the generators
below are plain loops in float64 that tests/js/hard-matrices.mjs repeats operation for operation, so both
sides build the same matrix to the last bit (IEEE arithmetic; no BLAS, no fused multiply-add). numpy then
gives, per matrix:
- symmetric: numpy.linalg.eigvalsh, descending;
- general: numpy.linalg.eigvals, and for each eigenvalue its condition number ||w|| ||v|| / |w^H v| (left and
  right eigenvectors from scipy.linalg.eig) that scales the numpy-comparable bound; where the eigenvalues are
  known exactly (Jordan blocks, companion of prod (x - r), cyclic permutations, Clement), those and numpy's
  own error against them.

Run once: /usr/bin/python3 scripts/make-hard-matrices.py   (numpy 1.24, scipy)
"""
import json
import math

import numpy as np
import scipy
import scipy.linalg

M32 = 0xFFFFFFFF


def mulberry32(seed):
    """The uniform [0, 1) generator of tests/js/helpers.mjs (uniform), in unsigned 32-bit arithmetic."""
    a = seed & M32

    def imul(x, y):
        return (x * y) & M32

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & M32
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296

    return nxt


def zeros(n):
    return [[0.0] * n for _ in range(n)]


def build(r):
    """The matrix of a recipe, as a list of rows of Python floats (float64)."""
    kind, n = r['recipe'], r.get('n', 0)
    a = zeros(n)
    if kind == 'zero':
        pass
    elif kind == 'identity':
        for i in range(n):
            a[i][i] = 1.0
    elif kind == 'entries':
        a = [list(map(float, row)) for row in r['rows']]
    elif kind == 'rank-one':
        # u v^T with u_i = i + 1 and v_j = j + 1 (symmetric) or j + 2
        off = 1 if r['symmetric'] else 2
        for i in range(n):
            for j in range(n):
                a[i][j] = float((i + 1) * (j + off))
    elif kind == 'ones-plus-identity':
        # J + c I: eigenvalues n + c once and c repeated n - 1 times
        for i in range(n):
            for j in range(n):
                a[i][j] = 1.0 + (r['c'] if i == j else 0.0)
    elif kind == 'reflected-diagonal':
        # H D H with H = I - 2 v v^T / (v^T v), v random: a dense matrix with the eigenvalues d (clusters, repeats)
        u = mulberry32(r['seed'])
        v = [2 * u() - 1 for _ in range(n)]
        vv = 0.0
        for x in v:
            vv += x * x
        h = zeros(n)
        for i in range(n):
            for j in range(n):
                h[i][j] = (1.0 if i == j else 0.0) - 2 * v[i] * v[j] / vv
        d = r['d']
        for i in range(n):
            for j in range(n):
                s = 0.0
                for k in range(n):
                    s += h[i][k] * d[k] * h[j][k]
                a[i][j] = s
        for i in range(n):
            for j in range(i):
                a[j][i] = a[i][j]
    elif kind == 'random':
        # entries 2u - 1, row-major; symmetric: the lower triangle drawn, mirrored; then times scale
        u = mulberry32(r['seed'])
        for i in range(n):
            for j in range(n if not r['symmetric'] else i + 1):
                a[i][j] = (2 * u() - 1) * r.get('scale', 1.0)
        if r['symmetric']:
            for i in range(n):
                for j in range(i):
                    a[j][i] = a[i][j]
    elif kind == 'graded-tridiagonal':
        # diag 2^e_i, e_i from -emax to emax in equal integer steps; off-diagonal 2^(floor((e_i + e_i+1) / 2) - 2)
        e = [-r['emax'] + (2 * r['emax'] * i) // (n - 1) for i in range(n)]
        for i in range(n):
            a[i][i] = 2.0 ** e[i]
        for i in range(n - 1):
            a[i][i + 1] = a[i + 1][i] = 2.0 ** ((e[i] + e[i + 1]) // 2 - 2)
    elif kind == 'graded-dense':
        # R_ij 2^(e_i + e_j), R random symmetric, e_i from -emax to emax
        u = mulberry32(r['seed'])
        e = [-r['emax'] + (2 * r['emax'] * i) // (n - 1) for i in range(n)]
        for i in range(n):
            for j in range(i + 1):
                a[i][j] = a[j][i] = (2 * u() - 1) * 2.0 ** (e[i] + e[j])
    elif kind == 'wilkinson':
        # W_n^+ (sign +1) or W_n^-: diag (n - 1) / 2 - i (absolute value for +), off-diagonal 1
        m = (n - 1) / 2
        for i in range(n):
            a[i][i] = abs(m - i) if r['sign'] > 0 else m - i
        for i in range(n - 1):
            a[i][i + 1] = a[i + 1][i] = 1.0
    elif kind == 'clement':
        # symmetric: off-diagonal sqrt(i (n - i)); general: sub-diagonal i, super-diagonal n - i (i = 1..n-1);
        # eigenvalues -(n-1), -(n-3), ..., n-1 either way
        for i in range(1, n):
            if r['symmetric']:
                a[i - 1][i] = a[i][i - 1] = math.sqrt(i * (n - i))
            else:
                a[i][i - 1] = float(i)
                a[i - 1][i] = float(n - i)
    elif kind == 'hilbert':
        for i in range(n):
            for j in range(n):
                a[i][j] = 1.0 / (i + j + 1)
    elif kind == 'grcar':
        # -1 on the sub-diagonal, 1 on the diagonal and the k super-diagonals
        for i in range(n):
            for j in range(max(0, i - 1), min(n, i + r['k'] + 1)):
                a[i][j] = -1.0 if j == i - 1 else 1.0
    elif kind == 'frank':
        # F_ij = n - max(i, j) for j >= i - 1 (0-based), else 0
        for i in range(n):
            for j in range(max(0, i - 1), n):
                a[i][j] = float(n - max(i, j))
    elif kind == 'companion':
        # numpy's companion layout of prod (x - r_k): first row -c_1..-c_n, ones on the sub-diagonal
        c = [1]
        for root in r['roots']:
            c = [x - root * y for x, y in zip(c + [0], [0] + c)]
        for j in range(n):
            a[0][j] = float(-c[j + 1])
        for i in range(1, n):
            a[i][i - 1] = 1.0
    elif kind == 'jordan':
        # block diagonal of Jordan blocks (lambda, size)
        at = 0
        for lam, size in r['blocks']:
            for i in range(size):
                a[at + i][at + i] = float(lam)
                if i + 1 < size:
                    a[at + i][at + i + 1] = 1.0
            at += size
    elif kind == 'cyclic':
        for i in range(n):
            a[i][(i + 1) % n] = 1.0
    else:
        raise ValueError(kind)
    if r.get('similar'):
        # L A L^-1, L the lower triangle of ones, L^-1 = I minus the sub-diagonal: integers, so exact; the
        # Jordan structure is hidden in a full matrix
        linv = [[1.0 if i == j else (-1.0 if i == j + 1 else 0.0) for j in range(n)] for i in range(n)]
        la = [[sum(a[k][j] for k in range(i + 1)) for j in range(n)] for i in range(n)]
        a = [[sum(la[i][k] * linv[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    if r.get('transpose'):
        # J^T: ones below the diagonal, an unreduced Hessenberg matrix the QR iteration must work on
        a = [list(col) for col in zip(*a)]
    return a


def exact(r):
    """Exact eigenvalues (real, imag) where mathematics gives them, else None."""
    kind, n = r['recipe'], r.get('n', 0)
    if kind == 'jordan':
        vals = [float(lam) for lam, size in r['blocks'] for _ in range(size)]
        return vals, [0.0] * len(vals)
    if kind == 'companion':
        return [float(x) for x in r['roots']], [0.0] * n
    if kind == 'cyclic':
        return [math.cos(2 * math.pi * k / n) for k in range(n)], [math.sin(2 * math.pi * k / n) for k in range(n)]
    if kind == 'clement':
        vals = [float(n - 1 - 2 * k) for k in range(n)]
        return vals, [0.0] * n
    return None


def symmetric_cases():
    out = []
    for n in (1, 5):
        out.append({'name': f'zero {n}', 'recipe': 'zero', 'n': n})
    for n in (1, 7):
        out.append({'name': f'identity {n}', 'recipe': 'identity', 'n': n})
    out.append({'name': 'rank one 30', 'recipe': 'rank-one', 'n': 30, 'symmetric': True})
    out.append({'name': 'repeated: ones + identity 40', 'recipe': 'ones-plus-identity', 'n': 40, 'c': 1.0})
    out.append({'name': 'clustered 1 + k 1e-12', 'recipe': 'reflected-diagonal', 'n': 30, 'seed': 11,
                'd': [1 + k * 1e-12 for k in range(20)] + [2.0 + k for k in range(10)]})
    out.append({'name': 'repeated 3 x 1, 3 x -2, 4 x 5', 'recipe': 'reflected-diagonal', 'n': 10, 'seed': 12,
                'd': [1.0] * 3 + [-2.0] * 3 + [5.0] * 4})
    out.append({'name': 'graded tridiagonal 2^-996..2^996', 'recipe': 'graded-tridiagonal', 'n': 25, 'emax': 996})
    out.append({'name': 'graded dense 2^-996..2^996', 'recipe': 'graded-dense', 'n': 30, 'seed': 13, 'emax': 498})
    out.append({'name': 'subnormal [[1e-310]]', 'recipe': 'entries', 'n': 1, 'rows': [[1e-310]]})
    out.append({'name': 'subnormal diag(1e-310, 2e-310)', 'recipe': 'entries', 'n': 2, 'rows': [[1e-310, 0], [0, 2e-310]]})
    for scale in (1e-310, 1e-300, 1e-200, 1e-155, 3.1e-151, 3e150, 1e155, 1e200, 1e300, 4e306):
        # 3.1e-151 and 3e150 lie just inside [2^-500, 2^500], where no scaling is done
        out.append({'name': f'random 20 x {scale:g}', 'recipe': 'random', 'n': 20, 'seed': 20, 'symmetric': True, 'scale': scale})
    for n in (21, 20):
        out.append({'name': f'Wilkinson W{n}+', 'recipe': 'wilkinson', 'n': n, 'sign': 1})
    out.append({'name': 'Wilkinson W21-', 'recipe': 'wilkinson', 'n': 21, 'sign': -1})
    for n in (10, 51):
        out.append({'name': f'Clement {n}', 'recipe': 'clement', 'n': n, 'symmetric': True})
    for n in (8, 14):
        out.append({'name': f'Hilbert {n}', 'recipe': 'hilbert', 'n': n})
    for n in (1, 2, 3, 5, 10, 50, 100, 200, 400):
        out.append({'name': f'random {n}', 'recipe': 'random', 'n': n, 'seed': 100 + n, 'symmetric': True})
    for c in out:
        a = np.array(build(c), dtype=np.float64)
        assert np.array_equal(a, a.T), c['name']
        c['eigenvalues'] = sorted(np.linalg.eigvalsh(a).tolist(), reverse=True)
    return out


def general_cases():
    out = []
    out.append({'name': 'zero 4', 'recipe': 'zero', 'n': 4})
    out.append({'name': 'identity 6', 'recipe': 'identity', 'n': 6})
    out.append({'name': 'rank one 25', 'recipe': 'rank-one', 'n': 25, 'symmetric': False})
    out.append({'name': 'rotation', 'recipe': 'entries', 'n': 2, 'rows': [[0, -1], [1, 0]]})
    base = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
    for scale in (1, 1e-300, 1e-310, 1e300):
        out.append({'name': f'[[1,2,3],[4,5,6],[7,8,10]] x {scale:g}', 'recipe': 'entries', 'n': 3,
                    'rows': [[v * scale for v in row] for row in base]})
    for scale in (1e-290, 1e-300, 1e-200, 1e-155, 3.1e-151, 3e150, 1e155, 1e290):
        out.append({'name': f'random 10 x {scale:g}', 'recipe': 'random', 'n': 10, 'seed': 10, 'symmetric': False, 'scale': scale})
    out.append({'name': 'Grcar 20', 'recipe': 'grcar', 'n': 20, 'k': 3, 'ill': True})
    out.append({'name': 'Grcar 60', 'recipe': 'grcar', 'n': 60, 'k': 3, 'ill': True})
    out.append({'name': 'Frank 12', 'recipe': 'frank', 'n': 12, 'ill': True})
    out.append({'name': 'companion of (x-1)...(x-8)', 'recipe': 'companion', 'n': 8, 'roots': list(range(1, 9)), 'ill': True})
    out.append({'name': 'companion of (x-1)(x+2)(x-3)', 'recipe': 'companion', 'n': 3, 'roots': [1, -2, 3]})
    out.append({'name': 'Jordan J6(2)', 'recipe': 'jordan', 'n': 6, 'blocks': [[2, 6]], 'ill': True})
    out.append({'name': 'Jordan J3(1) + J2(-1) + J1(4)', 'recipe': 'jordan', 'n': 6, 'blocks': [[1, 3], [-1, 2], [4, 1]], 'ill': True})
    out.append({'name': 'Jordan J6(2) transposed', 'recipe': 'jordan', 'n': 6, 'blocks': [[2, 6]], 'transpose': True, 'ill': True})
    out.append({'name': 'Jordan J5(2) under an integer similarity', 'recipe': 'jordan', 'n': 5, 'blocks': [[2, 5]], 'similar': True, 'ill': True})
    out.append({'name': 'Jordan J3(1) + J3(-1) + J2(4) under an integer similarity', 'recipe': 'jordan', 'n': 8, 'blocks': [[1, 3], [-1, 3], [4, 2]], 'similar': True, 'ill': True})
    out.append({'name': 'Jordan J4(1) + J3(-3) transposed', 'recipe': 'jordan', 'n': 7, 'blocks': [[1, 4], [-3, 3]], 'transpose': True, 'ill': True})
    for n in (2, 7, 16):
        out.append({'name': f'cyclic permutation {n}', 'recipe': 'cyclic', 'n': n})
    out.append({'name': 'Clement 10 (non-symmetric)', 'recipe': 'clement', 'n': 10, 'symmetric': False, 'ill': True})
    for n in (1, 2, 3, 5, 10, 50, 100, 200, 400):
        out.append({'name': f'random {n}', 'recipe': 'random', 'n': n, 'seed': 200 + n, 'symmetric': False})
    eps = 2.0 ** -52
    for c in out:
        a = np.array(build(c), dtype=np.float64)
        lam = np.linalg.eigvals(a)
        w, vl, vr = scipy.linalg.eig(a, left=True, right=True)
        # condition numbers of numpy's eigenvalues: those of the nearest scipy eigenvalue (same LAPACK dgeev)
        s = np.abs(np.sum(vl.conj() * vr, axis=0)) / (np.linalg.norm(vl, axis=0) * np.linalg.norm(vr, axis=0))
        cond_all = np.where(s > 0, 1 / np.maximum(s, 1e-300), np.inf)
        cond = [float(min(cond_all[np.argmin(np.abs(w - x))], 1e16)) for x in lam]
        c['real'] = lam.real.tolist()
        c['imag'] = lam.imag.tolist()
        c['cond'] = cond
        big = np.max(np.abs(a))
        # ||A||_F computed as max|a| ||A / max|a| ||_F, which cannot overflow
        c['frobenius'] = float(big * np.linalg.norm(a / big)) if big > 0 else 0.0
        ex = exact(c)
        if ex is not None:
            c['exactReal'], c['exactImag'] = ex
            # numpy's own error against the exact eigenvalues (matched greedily, nearest first)
            left = list(zip(*ex))
            err = 0.0
            for x in lam:
                k = min(range(len(left)), key=lambda q: abs(complex(*left[q]) - x))
                err = max(err, abs(complex(*left[k]) - x))
                left.pop(k)
            c['numpyExactError'] = err
    return out


if __name__ == '__main__':
    data = {
        'source': f'numpy {np.__version__}, scipy {scipy.__version__}: scripts/make-hard-matrices.py',
        'symmetric': symmetric_cases(),
        'general': general_cases(),
    }
    with open('tests/fixtures/hard-matrices.json', 'w') as f:
        json.dump(data, f, separators=(',', ':'), allow_nan=False)
        f.write('\n')
    print(len(data['symmetric']), 'symmetric,', len(data['general']), 'general')
