"""SMAA-2 on the default model: tradeoffs beside a vectorized numpy SMAA that
computes the same outputs, in one run.

Both sides: the additive model, weights uniform on the simplex (no
preference information), fixed scores, and every output `tradeoffs smaa`
reports — rank acceptabilities for all ranks, central weights, pairwise
winning indices and confidence factors. numpy draws its samples in chunks of
100,000 (normalized exponentials, a matrix product, an argsort of argsorts,
one-hot counts); its time is measured inside Python, so its interpreter start
is not counted, while tradeoffs is timed as a whole process, load and all.
The random streams differ, so the results are compared within Monte Carlo
error rather than digit for digit.

Usage: python benches/peers/smaa_numpy.py [ROOT] [--samples N] [--threads T]
(ROOT is the repository, with target/release/tradeoffs built.)
"""
import argparse
import json
import os
import subprocess
import time
import tomllib

import numpy as np


def default_values(root):
    """Values on each criterion's linear value function, options x criteria."""
    with open(f"{root}/options.toml", "rb") as f:
        options = tomllib.load(f)["options"]
    with open(f"{root}/criteria.toml", "rb") as f:
        criteria = tomllib.load(f)["criteria"]
    values = np.zeros((len(options), len(criteria)))
    for j, c in enumerate(criteria):
        lo, hi = c["scale"]["min"], c["scale"]["max"]
        for i, o in enumerate(options):
            s = o["scores"][c["id"]]
            x = s["value"] if isinstance(s, dict) else s
            share = (x - lo) / (hi - lo)
            values[i, j] = share if c["direction"] == "benefit" else 1 - share
    return values, [o["id"] for o in options], [c["id"] for c in criteria]


def numpy_smaa(values, samples, chunk=100_000, seed=1):
    """Rank acceptability, central weights, pairwise winning, confidence factors."""
    rng = np.random.default_rng(seed)
    n, m = values.shape
    ranks_count = np.zeros((n, n))
    central = np.zeros((n, m))
    wins = np.zeros((n, n))
    done = 0
    while done < samples:
        k = min(chunk, samples - done)
        w = rng.exponential(size=(k, m))
        w /= w.sum(axis=1, keepdims=True)
        scores = w @ values.T
        ranks = np.argsort(np.argsort(-scores, axis=1), axis=1)
        # One-hot counts of (option, rank) pairs.
        ranks_count += np.bincount(
            (ranks + np.arange(n) * n).ravel(), minlength=n * n
        ).reshape(n, n)
        first = ranks == 0
        central += first.T.astype(np.float64) @ w
        for i in range(n):
            wins[i] += (ranks[:, i : i + 1] < ranks).sum(axis=0)
        done += k
    acceptability = ranks_count / samples
    firsts = ranks_count[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        central = central / firsts[:, None]
    # Fixed scores: the confidence factor is whether the option ranks first at
    # its own central weights (one evaluation each).
    confidence = np.full(n, np.nan)
    for i in np.nonzero(firsts / samples >= 0.01)[0]:
        s = values @ central[i]
        confidence[i] = float(s[i] >= s.max() - 1e-9)
    return acceptability, central, wins / samples, confidence


def tradeoffs_smaa(root, samples, threads):
    cmd = [
        f"{root}/target/release/tradeoffs",
        "smaa",
        "--weights",
        "any",
        "--scores",
        "fixed",
        "--samples",
        str(samples),
        "--seed",
        "1",
        "--format",
        "json",
    ]
    if threads:
        cmd += ["--threads", str(threads)]
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, json.loads(out)


def best(runs, f):
    results = [f() for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", default=".")
    parser.add_argument("--samples", type=int, default=2_000_000)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    values, option_ids, _ = default_values(args.root)
    n = len(option_ids)

    def run_numpy():
        start = time.perf_counter()
        result = numpy_smaa(values, args.samples)
        return time.perf_counter() - start, result

    t_np, (acc, _, wins, _) = best(3, run_numpy)
    t_rs, ours = best(3, lambda: tradeoffs_smaa(args.root, args.samples, args.threads))
    ours_acc = np.array([o["acceptability"] for o in ours["options"]])
    ours_wins = np.array(
        [
            [ours["pairwise_winning"][a].get(b, 0.0) for b in option_ids]
            for a in option_ids
        ]
    )
    # Both are Monte Carlo estimates of the same numbers: the largest gap in
    # standard errors of the difference should be a few units at most.
    pooled = (acc + ours_acc) / 2
    se = np.sqrt(np.maximum(pooled * (1 - pooled), 1.0 / args.samples) * 2 / args.samples)
    gap = float(np.max(np.abs(acc - ours_acc) / se))
    abs_gap = float(np.max(np.abs(acc - ours_acc)))
    wins_gap = float(np.max(np.abs(wins - ours_wins) - np.eye(n)))
    for name, t in [("numpy (vectorized)", t_np), ("tradeoffs (whole process)", t_rs)]:
        print(
            json.dumps(
                {
                    "workload": "smaa_wsm_default_model_all_outputs",
                    "implementation": name,
                    "samples": args.samples,
                    "seconds": round(t, 4),
                    "samples_per_second": round(args.samples / t),
                }
            )
        )
    print(
        json.dumps(
            {
                "workload": "smaa_wsm_default_model_all_outputs",
                "speedup_vs_numpy": round(t_np / t_rs, 2),
                "acceptability_max_gap_in_se": round(gap, 2),
                "acceptability_max_abs_gap": round(abs_gap, 5),
                "pairwise_max_abs_gap": round(wins_gap, 5),
                "cpus": os.cpu_count(),
            }
        )
    )


if __name__ == "__main__":
    main()
