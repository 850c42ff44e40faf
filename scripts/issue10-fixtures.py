"""Expected values for tests/js/hostile-cases.test.mjs (issue 10), from numpy and Python's random, never from
the code under test. Run with /usr/bin/python3 (numpy 1.24); writes tests/fixtures/issue10.json.

case1: DSMI([[0,0],[0,1],[5,5]]; labels [0,0,1]) at sigma 1, reps 5, seed 0, as the reference computes it
(SPEC sections 2 and 4): sum over classes c of (n_c / N)(mean DSE of 5 random subsets of n_c rows - DSE of c),
Python's random re-seeded with 0 for every class.
"""
import json
import random
import numpy as np

EPS = np.finfo(float).eps


def dse(X, sigma=1.0, t=1):
    X = np.asarray(X, dtype=float)
    d2 = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
    G = np.exp(-d2 / (2 * sigma ** 2))
    s = G.sum(1)
    K = G / np.sqrt(s)[:, None] / np.sqrt(s)[None, :]
    lam = np.abs(np.linalg.eigvalsh(K)) ** t
    p = lam / lam.sum() + EPS
    return float(-(p * np.log2(p)).sum())


def dsmi(X, labels, sigma=1.0, reps=5, seed=0):
    X = np.asarray(X, dtype=float)
    n = len(X)
    total = 0.0
    for c in sorted(set(labels)):
        rows = [i for i in range(n) if labels[i] == c]
        conditional = dse(X[rows], sigma)
        random.seed(seed)
        marginal = np.mean([dse(X[random.sample(range(n), len(rows))], sigma) for _ in range(reps)])
        total += len(rows) / n * (marginal - conditional)
    return float(total)


X = [[0, 0], [0, 1], [5, 5]]
out = {'case1': {'X': X, 'labels': [0, 0, 1], 'sigma': 1, 'dsmi': dsmi(X, [0, 0, 1])}}
with open('tests/fixtures/issue10.json', 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print(json.dumps(out))
