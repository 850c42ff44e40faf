"""Writes tests/fixtures/npz/: .npz files as numpy writes them (np.savez stored, np.savez_compressed deflated)
of float64 values chosen to test float16 rounding (ties, subnormals, overflow), and npz.json with what numpy
reads back from each (astype per precision, widened to float64). Run with /usr/bin/python3 from the repo root."""
import json
import os
import warnings
import numpy as np

warnings.simplefilter("ignore", RuntimeWarning)  # 65520 and 1e6 overflow to float16 infinity on purpose

rng = np.random.RandomState(3)
special = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26, 2.0 ** -14, 2.0 ** -14 * (1 - 2 ** -11),
           65504.0, 65519.99, 65520.0, 1e6, -1e-9, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 2048 + 1, 2048 + 3, 0.000675201416015625]
values = np.array(special + rng.uniform(-1, 1, 200).tolist() + (rng.uniform(-1, 1, 50) * 1e-5).tolist(), dtype=np.float64)

os.makedirs("tests/fixtures/npz", exist_ok=True)
out = {"source": "numpy %s" % np.__version__, "input": values.tolist(), "files": []}
for precision in ["float16", "float32", "float64"]:
    for writer in ["savez", "savez_compressed"]:
        name = "%s_%s.npz" % (writer, precision)
        getattr(np, writer)("tests/fixtures/npz/" + name, eigvals=values.astype(precision))
        back = np.load("tests/fixtures/npz/" + name)["eigvals"].astype(np.float64)
        entry = {"file": name, "precision": precision, "writer": writer, "values": back.tolist()}
        if precision == "float16":
            entry["bits"] = values.astype(np.float16).view(np.uint16).tolist()
        out["files"].append(entry)
# An npz that is not an eigenvalue cache.
np.savez("tests/fixtures/npz/no_eigvals.npz", vectors=values[:4])
# A cache with another, integer member beside eigvals (np.savez keeps whatever it is given).
np.savez("tests/fixtures/npz/with_labels.npz", eigvals=values[:5], labels=np.arange(5))
out["withLabels"] = values[:5].tolist()


def plain(v):
    # JSON has no infinities: they travel as the strings JavaScript's Number() reads back.
    if isinstance(v, float) and not np.isfinite(v):
        return str(v).replace("inf", "Infinity")
    return v


for entry in out["files"]:
    entry["values"] = [plain(v) for v in entry["values"]]
with open("tests/fixtures/npz/npz.json", "w") as f:
    json.dump(out, f, allow_nan=False)
