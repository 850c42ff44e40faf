"""Writes tests/fixtures/numpy-random.json: numpy's legacy RandomState draws (np.random.seed, random_sample,
randn) for the tests of js/random/numpy-random.ts. Run with /usr/bin/python3 (numpy 1.24), from the repo root."""
import json
import numpy as np

cases = []
for seed in [0, 1, 7, 42, 2**32 - 1, 123456789]:
    np.random.seed(seed)
    uniforms = np.random.random_sample(10).tolist()
    np.random.seed(seed)
    # An odd count leaves a cached value, which the next call must return first.
    gauss = np.random.randn(7).tolist()
    after = np.random.randn(3, 4).ravel().tolist()
    np.random.seed(seed)
    big = np.random.randn(700, 3)  # past one twist of the 624-word state
    cases.append({
        "seed": seed,
        "randomSample10": uniforms,
        "randn7": gauss,
        "thenRandn3x4": after,
        "randn700x3Last": big[-1].tolist(),
        "randn700x3Signs": "".join("+" if v > 0 else "-" for v in big.ravel()),
    })
with open("tests/fixtures/numpy-random.json", "w") as f:
    json.dump({"source": "numpy %s legacy RandomState" % np.__version__, "cases": cases}, f, indent=1)
