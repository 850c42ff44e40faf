"""Python's own random.sample for a sample larger than a JS Set holds (issue 10, case 9).

Writes tests/fixtures/python-sample-large.json: for random.seed(0); random.sample(range(2**31 - 1), 20_000_000),
the first and last ten indices and the SHA-256 of all of them as little-endian int32 (the vector itself is
80 MB). Run once with any CPython 3: python3 scripts/make-python-sample-large.py
"""
import hashlib
import json
import random
import struct
import sys

SEED, N, K = 0, 2**31 - 1, 20_000_000

random.seed(SEED)
sample = random.sample(range(N), K)
digest = hashlib.sha256(struct.pack(f'<{K}i', *sample)).hexdigest()
out = {
    'source': f'CPython {sys.version.split()[0]}: random.seed({SEED}); random.sample(range({N}), {K})',
    'seed': SEED, 'n': N, 'k': K,
    'first': sample[:10], 'last': sample[-10:], 'sha256': digest,
}
with open('tests/fixtures/python-sample-large.json', 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print(out)
