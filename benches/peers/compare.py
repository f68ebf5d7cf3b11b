"""Side-by-side speed of tradeoffs and its Python peers, in one run.

Every workload is computed by every peer that has the method, on the same
inputs, and the checksums (sum of the figures' absolute values) must agree to 1e-9 relative;
a peer whose checksum differs is reported and not counted. The ratio is
tradeoffs against the FASTEST peer of the row (by wall-clock time), given both
for the least wall-clock time of several runs and for the mean CPU time per
run over all threads (tradeoffs uses two threads above 2^18 cells, numpy's
BLAS may use several).

Peers:
  - numpy: the best plain vectorized numpy version of the same formula that
    we could write (BLAS for the weighted sums; for WSM also the formula
    folded into a single matrix-vector product; for PROMETHEE both the O(n^2)
    definition in blocks and an O(n log n) version by sorting with
    searchsorted and cumulative sums);
  - pymcdm 1.4.0, pyrepo-mcda and crispyn where they have the method.

Workloads: WSM, WPM, TOPSIS and VIKOR (minmax normalization, v = 0.5) on
100,000 options x 20 criteria; PROMETHEE II with the linear preference
function (q = 1, p = 3 score units) on 200 x 20, 2,000 x 20, 10,000 x 10 and
100,000 x 10. SMAA-2 has its own script, benches/peers/smaa_numpy.py,
which run.sh calls after this one.

The matrix is generated identically in Rust and Python from SplitMix64 of
the row-major cell index (benches/common.rs), scores in [0, 10), the first
half of the criteria benefit, equal weights. tradeoffs is timed in-process
by examples/throughput.rs (the library call), the peers in-process here;
both report the least of several runs
(the machines we run on are shared; the least disturbed run is the best
estimate on both sides). Run through benches/peers/run.sh.
"""
import json
import os
import subprocess
import sys
import time

import numpy as np

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
BIN = f"{ROOT}/target/release"


def splitmix(k):
    with np.errstate(over="ignore"):
        z = k + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53) * 10.0


def problem(n, m):
    x = splitmix(np.arange(n * m, dtype=np.uint64)).reshape(n, m)
    types = np.array([1] * ((m + 1) // 2) + [-1] * (m // 2))
    w = np.full(m, 1 / m)
    return x, w, types


def best(runs, f):
    """(least wall-clock seconds of `runs`, mean CPU seconds per run over all
    threads): the same two measures as examples/throughput.rs. On a shared
    machine the least disturbed run is the best estimate of the wall time,
    and CPU time does not count the waits for a core."""
    times = []
    cpu = time.process_time()
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times), (time.process_time() - cpu) / runs


# ---------------------------------------------------------------- numpy peers

def minmax_maps(x, types):
    """(lo, den) so that the minmax-normalized matrix is (x - lo) / den."""
    mn, mx = x.min(axis=0), x.max(axis=0)
    rng = mx - mn
    benefit = types == 1
    return np.where(benefit, mn, mx), np.where(benefit, rng, -rng)


def np_minmax(x, types):
    lo, den = minmax_maps(x, types)
    return (x - lo) / den


def np_wsm(x, w, types):
    return np_minmax(x, types) @ w


def np_wsm_folded(x, w, types):
    # sum_j w_j (x_ij - lo_j) / den_j = x @ (w / den) - sum_j w_j lo_j / den_j
    lo, den = minmax_maps(x, types)
    a = w / den
    return x @ a - lo @ a


def np_wpm(x, w, types):
    r = np_minmax(x, types)
    with np.errstate(divide="ignore"):
        return np.exp(np.log(r) @ w)


def np_wpm_power(x, w, types):
    return np.prod(np_minmax(x, types) ** w, axis=1)


def np_topsis(x, w, types):
    u = np_minmax(x, types) * w
    ideal, anti = u.max(axis=0), u.min(axis=0)
    dp = np.sqrt(((u - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((u - anti) ** 2).sum(axis=1))
    return dm / (dp + dm)


def np_topsis_blas(x, w, types):
    # |u - a|^2 = |u|^2 - 2 u.a + |a|^2, with the products through BLAS.
    u = np_minmax(x, types)
    u *= w
    ideal, anti = u.max(axis=0), u.min(axis=0)
    sq = np.einsum("ij,ij->i", u, u)
    dp = np.sqrt(np.maximum(sq - 2 * (u @ ideal) + ideal @ ideal, 0))
    dm = np.sqrt(np.maximum(sq - 2 * (u @ anti) + anti @ anti, 0))
    return dm / (dp + dm)


def np_vikor(x, w, types, v=0.5):
    f = np_minmax(x, types)
    best, worst = f.max(axis=0), f.min(axis=0)
    regret = w * ((best - f) / (best - worst))
    s, r = regret.sum(axis=1), regret.max(axis=1)
    return v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())


def linear_pref(d, q, p):
    return np.clip((d - q) / (p - q), 0.0, 1.0)


def np_promethee(x, w, types, q, p, block=512):
    """The O(n^2) definition, a block of rows at a time (bounded memory)."""
    n, m = x.shape
    y = x * types
    plus, minus = np.zeros(n), np.zeros(n)
    for start in range(0, n, block):
        ya = y[start:start + block]
        for j in range(m):
            d = ya[:, j:j + 1] - y[:, j]
            plus[start:start + block] += w[j] * linear_pref(d, q, p).sum(axis=1)
            minus[start:start + block] += w[j] * linear_pref(-d, q, p).sum(axis=1)
    return (plus - minus) / (n - 1)


def np_promethee_sorted(x, w, types, q, p):
    """O(n log n) per criterion: counts by searchsorted, linear parts by cumsum."""
    n, m = x.shape
    net = np.zeros(n)
    for j in range(m):
        y = x[:, j] * types[j]
        v = np.sort(y)
        c = np.concatenate(([0.0], np.cumsum(v - v[n // 2])))
        t = y - v[n // 2]
        # leaving: b with y_b <= y - p count fully, y - p < y_b < y - q linearly
        full = np.searchsorted(v, y - p, side="right")
        some = np.searchsorted(v, y - q, side="left")
        k = some - full
        plus = full + (k * (t - q) - (c[some] - c[full])) / (p - q)
        # entering: y_b >= y + p fully, y + q < y_b < y + p linearly
        full_at = np.searchsorted(v, y + p, side="left")
        some_at = np.searchsorted(v, y + q, side="right")
        k = full_at - some_at
        minus = (n - full_at) + ((c[full_at] - c[some_at]) - k * (t + q)) / (p - q)
        net += w[j] * (plus - minus)
    return net / (n - 1)


# ------------------------------------------------------------ library peers

def pymcdm_peers():
    try:
        from pymcdm import methods, normalizations
    except ImportError as e:
        print(f"pymcdm not available: {e}")
        return {}
    mm = normalizations.minmax_normalization

    def promethee(x, w, t, q, p):
        # A new object per call: pymcdm consumes its thresholds on the first call.
        m = x.shape[1]
        return methods.PROMETHEE_II("vshape_2", p=[p] * m, q=[q] * m)(x, w, t)

    return {
        "wsm": lambda x, w, t: methods.WSM(mm)(x, w, t),
        "wpm": lambda x, w, t: methods.WPM(mm)(x, w, t),
        "topsis": lambda x, w, t: methods.TOPSIS(mm)(x, w, t),
        "vikor": lambda x, w, t: methods.VIKOR(mm)(x, w, t),
        "promethee": promethee,
    }


def pyrepo_peers():
    try:
        from pyrepo_mcda.mcda_methods import PROMETHEE_II, SAW, TOPSIS, VIKOR
        from pyrepo_mcda.normalizations import minmax_normalization as mm
        from pyrepo_mcda.distance_metrics import euclidean
    except ImportError as e:
        print(f"pyrepo-mcda not available: {e}")
        return {}

    def promethee(x, w, t, q, p):
        pr = PROMETHEE_II()
        m = x.shape[1]
        return pr(x, w, t, [pr._linear_function] * m, p=np.full(m, p), q=np.full(m, q))

    return {
        "wsm": lambda x, w, t: SAW(mm)(x, w, t),
        "topsis": lambda x, w, t: TOPSIS(mm, euclidean)(x, w, t),
        "vikor": lambda x, w, t: VIKOR(mm)(x, w, t),
        # A pure-Python loop over every pair and criterion: small sizes only.
        "promethee": promethee,
    }


def crispyn_peers():
    try:
        from crispyn.mcda_methods import VIKOR
        from crispyn.normalizations import minmax_normalization as mm
    except ImportError as e:
        print(f"crispyn not available: {e}")
        return {}
    def vikor(x, w, t):
        return np.ravel(VIKOR(mm)(x, w, t))

    return {"vikor": vikor}


# ------------------------------------------------------------------- driver

WORKLOADS = [
    # (name, method, n, m)
    ("wsm_minmax_100000x20", "wsm", 100_000, 20),
    ("wpm_minmax_100000x20", "wpm", 100_000, 20),
    ("topsis_minmax_100000x20", "topsis", 100_000, 20),
    ("vikor_minmax_100000x20", "vikor", 100_000, 20),
    ("promethee_linear_200x20", "promethee", 200, 20),
    ("promethee_linear_2000x20", "promethee", 2_000, 20),
    ("promethee_linear_10000x10", "promethee", 10_000, 10),
    ("promethee_linear_100000x10", "promethee", 100_000, 10),
]
Q, P = 1.0, 3.0

NUMPY = {
    "wsm": [("numpy", np_wsm), ("numpy, one gemv", np_wsm_folded)],
    "wpm": [("numpy, exp(log @ w)", np_wpm), ("numpy, prod(r ** w)", np_wpm_power)],
    "topsis": [("numpy", np_topsis), ("numpy, BLAS norms", np_topsis_blas)],
    "vikor": [("numpy", np_vikor)],
    "promethee": [("numpy, O(n^2) blocks", np_promethee), ("numpy, sorted O(n log n)", np_promethee_sorted)],
}

# Cells x pairs above which a peer is not run (it would take minutes), per peer.
PAIR_LIMIT = {"numpy, O(n^2) blocks": 2e9, "pymcdm": 2.1e8, "pyrepo-mcda": 1e6}


def runs_for(seconds):
    return 1 if seconds > 2 else 3 if seconds > 0.2 else 7


def main():
    out = subprocess.run([f"{BIN}/examples/throughput"], capture_output=True, text=True, check=True)
    ours = {}
    for line in out.stdout.splitlines():
        row = json.loads(line)
        ours[row["workload"]] = row
    libraries = {"pymcdm": pymcdm_peers(), "pyrepo-mcda": pyrepo_peers(), "crispyn": crispyn_peers()}
    rows = []
    for name, method, n, m in WORKLOADS:
        if name not in ours:
            continue
        x, w, t = problem(n, m)
        peers = list(NUMPY[method]) + [(lib, f[method]) for lib, f in libraries.items() if method in f]
        results = []
        for peer, f in peers:
            if method == "promethee":
                call = lambda f=f: f(x, w, t, Q, P)
                limit = PAIR_LIMIT.get(peer, PAIR_LIMIT["numpy, O(n^2) blocks"] if "O(n^2)" in peer else float("inf"))
                if "sorted" not in peer and n * n * m > limit:
                    results.append((peer, None, "skipped: O(n^2 m) would take minutes"))
                    continue
            else:
                call = lambda f=f: f(x, w, t)
            start = time.perf_counter()
            checksum = float(np.sum(np.abs(call())))
            first = time.perf_counter() - start
            seconds = best(runs_for(first), call) if first < 20 else (first, first)
            want = ours[name]["checksum"]
            ok = abs(checksum - want) <= 1e-9 * max(abs(want), 1.0)
            results.append((peer, seconds, "" if ok else f"checksum {checksum!r} != tradeoffs {want!r}"))
        rows.append((name, (ours[name]["seconds"], ours[name]["cpu_seconds"]), results))

    for name, (mine, mine_cpu), results in rows:
        print(f"\n{name}: tradeoffs {mine * 1e3:10.2f} ms wall, {mine_cpu * 1e3:10.2f} ms CPU")
        for peer, seconds, note in results:
            if seconds is None:
                print(f"  {peer:28} {'':>10}      {note}")
            else:
                wall, cpu = seconds
                print(f"  {peer:28} {wall * 1e3:10.2f} ms wall {wall / mine:7.1f}x, "
                      f"{cpu * 1e3:10.2f} ms CPU {cpu / max(mine_cpu, 1e-9):7.1f}x  {note}")

    print("\n| workload | tradeoffs (wall / CPU) | fastest peer | peer (wall / CPU) | ratio, wall | ratio, CPU |")
    print("|---|---:|---|---:|---:|---:|")
    for name, (mine, mine_cpu), results in rows:
        valid = [(s, p) for p, s, note in results if s is not None and not note]
        if not valid:
            continue
        (wall, cpu), p = min(valid)
        print(f"| {name} | {fmt(mine)} / {fmt(mine_cpu)} | {p} | {fmt(wall)} / {fmt(cpu)} "
              f"| {wall / mine:.1f}x | {cpu / max(mine_cpu, 1e-9):.1f}x |")


def fmt(seconds):
    return f"{seconds * 1e3:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


if __name__ == "__main__":
    main()
