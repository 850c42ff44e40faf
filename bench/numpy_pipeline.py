"""The reference pipeline in numpy (float64 distances, exp, LAPACK eigvalsh), one thread, timed per stage.

Run by bench/run.mjs with OPENBLAS_NUM_THREADS=1 (and the other BLAS thread variables) set before numpy loads.
Prints one JSON object: the BLAS numpy uses and, per (N, D), the median seconds of each stage and the total.
Usage: python3 bench/numpy_pipeline.py '[[1000, 768], [2000, 768]]' [repeats] [warm-up runs]
The warm-up runs (default 0) run the same pipeline first, untimed: a process's first call touches its arrays'
memory for the first time (at N = 4000, 6.2 s against 4.9 s for the next call).
"""
import json
import resource
import sys
import time

import numpy as np


def blas_name():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return f"{blas.get('name')} {blas.get('version')}"
    except Exception:  # numpy < 1.25 has no mode="dicts": ask the loaded library (threadpoolctl, if there)
        try:
            import threadpoolctl
            return ", ".join(f"{i['internal_api']} {i['version']}" for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas")
        except Exception:
            return "unknown"


def uniform_matrix(n, d, seed):
    """The X of bench/run.mjs, bit for bit: mulberry32 (state seed + k * 0x6d2b79f5), rounded to float32."""
    with np.errstate(over="ignore"):
        a = (np.uint32(seed) + np.arange(1, n * d + 1, dtype=np.uint64).astype(np.uint32) * np.uint32(0x6D2B79F5))
        t = (a ^ (a >> np.uint32(15))) * (a | np.uint32(1))
        t ^= t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61))
        t = t ^ (t >> np.uint32(14))
    return (t.astype(np.float64) / 2.0 ** 32).astype(np.float32).reshape(n, d)


def pipeline(x32, sigma, times):
    c0 = time.process_time()
    t0 = time.perf_counter()
    x = x32.astype(np.float64)
    sq = np.einsum("ij,ij->i", x, x)
    d2 = sq[:, None] + sq[None, :] - 2.0 * (x @ x.T)  # as sklearn's euclidean_distances
    np.maximum(d2, 0, out=d2)
    np.fill_diagonal(d2, 0)
    t1 = time.perf_counter()
    g = np.exp(d2 * (-1.0 / (2.0 * sigma * sigma)))
    s = 1.0 / np.sqrt(g.sum(axis=1))
    k = g * s[:, None] * s[None, :]
    t2 = time.perf_counter()
    lam = np.linalg.eigvalsh(k)
    t3 = time.perf_counter()
    a = np.abs(lam)
    p = a / a.sum() + 2.0 ** -52
    h = float(-(p * np.log2(p)).sum())
    t4 = time.perf_counter()
    times["distances"].append(t1 - t0)
    times["kernel"].append(t2 - t1)
    times["eigvalsh"].append(t3 - t2)
    times["total"].append(t4 - t0)
    times["cpu"].append(time.process_time() - c0)  # CPU time of the whole pipeline, for runs under load
    return h


def main():
    shapes = json.loads(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    warmups = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    out = {"numpy": np.__version__, "blas": blas_name(), "python": sys.version.split()[0], "results": []}
    for n, d in shapes:
        x32 = uniform_matrix(n, d, 1)
        times = {"distances": [], "kernel": [], "eigvalsh": [], "total": [], "cpu": []}
        for _ in range(warmups):
            pipeline(x32, 10.0, {key: [] for key in times})
        reps = repeats if n <= 2000 else 1
        for _ in range(reps):
            h = pipeline(x32, 10.0, times)
        med = {key: float(np.median(v)) for key, v in times.items()}
        out["results"].append({"n": n, "d": d, "dse": h, "seconds": med, "repeats": reps,
                               "maxRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
