"""Side-by-side throughput of tradeoffs and its Python peers, in one run.

Workloads (the same inputs on both sides):
  - TOPSIS with vector normalization on 100,000 options x 20 criteria, the
    matrix generated identically from SplitMix64 (benches/common.rs): pymcdm.
  - SMAA-2 with the additive model on the default model, uniform weights,
    fixed scores: a vectorized numpy implementation written here.
  - SMAA-2 with VIKOR on the default model: crispyn's VIKOR_SMAA.

Run through benches/peers/run.sh, which builds tradeoffs and the virtualenv.
"""
import json
import subprocess
import sys
import time
import tomllib

import numpy as np

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix(k):
    with np.errstate(over="ignore"):
        z = k + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53) * 10.0


def best(runs, f):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def default_values():
    with open(f"{ROOT}/options.toml", "rb") as f:
        options = tomllib.load(f)["options"]
    with open(f"{ROOT}/criteria.toml", "rb") as f:
        criteria = tomllib.load(f)["criteria"]
    values = np.zeros((len(options), len(criteria)))
    raw = np.zeros_like(values)
    types = np.ones(len(criteria))
    for j, c in enumerate(criteria):
        lo, hi = c["scale"]["min"], c["scale"]["max"]
        types[j] = 1 if c["direction"] == "benefit" else -1
        for i, o in enumerate(options):
            s = o["scores"][c["id"]]
            x = s["value"] if isinstance(s, dict) else s
            raw[i, j] = x
            share = (x - lo) / (hi - lo)
            values[i, j] = share if types[j] == 1 else 1 - share
    return values, raw, types


def numpy_smaa(values, samples, chunk=100_000, seed=1):
    rng = np.random.default_rng(seed)
    n, m = values.shape
    counts = np.zeros((n, n))
    done = 0
    while done < samples:
        k = min(chunk, samples - done)
        w = rng.exponential(size=(k, m))
        w /= w.sum(axis=1, keepdims=True)
        scores = w @ values.T
        ranks = np.argsort(np.argsort(-scores, axis=1), axis=1)
        for i in range(n):
            counts[i] += np.bincount(ranks[:, i], minlength=n)
        done += k
    return counts / samples


def main():
    ours = {}
    out = subprocess.run([f"{ROOT}/target/release/examples/throughput"], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        row = json.loads(line)
        ours[row["workload"]] = row

    rows = []
    from pymcdm import methods, normalizations

    n, m = 100_000, 20
    x = splitmix(np.arange(n * m, dtype=np.uint64)).reshape(n, m)
    types = np.array([1] * (m // 2) + [-1] * (m - m // 2))
    w = np.full(m, 1 / m)
    topsis = methods.TOPSIS(normalizations.vector_normalization)
    checksum = float(np.sum(topsis(x, w, types)))
    t = best(5, lambda: topsis(x, w, types))
    rows.append(("TOPSIS, 100,000 x 20, vector", "pymcdm", n * m / t, "cells/s",
                 ours["topsis_vector_100000x20"]["per_second"]))
    if abs(checksum - ours["topsis_vector_100000x20"]["checksum"]) > 1e-6 * abs(checksum):
        print(f"warning: checksums differ: pymcdm {checksum}, tradeoffs {ours['topsis_vector_100000x20']['checksum']}")

    values, raw, ctypes = default_values()
    samples = 1_000_000
    t = best(3, lambda: numpy_smaa(values, samples))
    rows.append(("SMAA-2 wsm, default model", "numpy (vectorized)", samples / t, "samples/s",
                 ours["smaa_wsm_default_model"]["per_second"]))

    try:
        from crispyn.mcda_methods import VIKOR_SMAA
        vs = VIKOR_SMAA()
        k = 2_000
        weights = vs._generate_weights(raw.shape[1], k)
        t = best(1, lambda: vs(raw, weights, ctypes))
        rows.append(("SMAA-2 vikor, default model", "crispyn VIKOR_SMAA", k / t, "samples/s",
                     ours["smaa_vikor_default_model"]["per_second"]))
    except ImportError as e:
        print(f"crispyn not available: {e}")

    print(f"{'workload':32} {'peer':22} {'peer':>14} {'tradeoffs':>14}  unit        ratio")
    for workload, peer, theirs, unit, mine in rows:
        print(f"{workload:32} {peer:22} {theirs:14,.0f} {mine:14,.0f}  {unit:10} {mine / theirs:6.1f}x")


if __name__ == "__main__":
    main()
