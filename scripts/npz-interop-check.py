"""A developer check, not a test: files written by writeEigenvalueCache / writeNpz (dist/, run through node) load
with numpy's np.load to the values numpy's own astype gives. Run after `npm run build`:
/usr/bin/python3 scripts/npz-interop-check.py"""
import json
import os
import subprocess
import tempfile
import warnings
import numpy as np

warnings.simplefilter("ignore", RuntimeWarning)
values = np.random.RandomState(5).uniform(-1, 1, 500)
values[:4] = [1e-8, 65520.0, -0.0, 2.0 ** -25]
folder = tempfile.mkdtemp()
script = """
import { writeEigenvalueCache, writeNpz } from './dist/index.mjs';
import { writeFileSync } from 'node:fs';
const values = JSON.parse(process.argv[1]);
for (const precision of ['float16', 'float32', 'float64']) {
  writeFileSync(`${process.argv[2]}/${precision}.npz`, writeEigenvalueCache(values, { precision }));
}
writeFileSync(`${process.argv[2]}/two.npz`, writeNpz(new Map([['a', values], ['b', values.slice(0, 3)]]), 'float64'));
"""
subprocess.run(["node", "--input-type=module", "-e", script, json.dumps(values.tolist()), folder], check=True)
for precision in ["float16", "float32", "float64"]:
    loaded = np.load(os.path.join(folder, precision + ".npz"))
    assert loaded.files == ["eigvals"], loaded.files
    got = loaded["eigvals"]
    assert got.dtype == np.dtype(precision), got.dtype
    assert np.array_equal(got.view(np.uint8), values.astype(precision).view(np.uint8)), precision
    print(precision, "ok:", got.shape, got.dtype, "bit for bit as numpy's astype")
two = np.load(os.path.join(folder, "two.npz"))
assert sorted(two.files) == ["a", "b"] and np.array_equal(two["b"], values[:3])
print("two members ok")
