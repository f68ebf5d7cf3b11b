"""A Python peer as a whole process: read a model's TOML files with tomllib,
build the decision matrix with numpy, then rank it. Used by benches/scaling.py
on the same files as `tradeoffs`.

Usage: python rank_file.py MODEL_DIR wsm|promethee|smaa
  wsm        additive model on the criteria's linear value functions (numpy)
  promethee  PROMETHEE II, usual preference function, raw scores (pymcdm)
  smaa       SMAA-2 rank acceptabilities (every rank up to 1,000 options, else
             the top 10), uniform weights, 10,000 samples (numpy)
"""
import sys
import tomllib

import numpy as np


def load(d):
    with open(f"{d}/criteria.toml", "rb") as f:
        crit = tomllib.load(f)
    with open(f"{d}/options.toml", "rb") as f:
        opts = tomllib.load(f)["options"]
    criteria = crit["criteria"]
    ids = [c["id"] for c in criteria]
    x = np.array([[(s["value"] if isinstance(s := o["scores"][c], dict) else s) for c in ids]
                  for o in opts], dtype=float)
    lo = np.array([c["scale"]["min"] for c in criteria], dtype=float)
    hi = np.array([c["scale"]["max"] for c in criteria], dtype=float)
    types = np.array([1 if c["direction"] == "benefit" else -1 for c in criteria])
    profile = crit["profiles"][crit["model"]["default_profile"]]
    w = np.array([profile["weights"].get(c, 0) for c in ids], dtype=float)
    return x, lo, hi, types, w / w.sum()


def main():
    d, what = sys.argv[1], sys.argv[2]
    x, lo, hi, types, w = load(d)
    share = (x - lo) / (hi - lo)
    values = np.where(types == 1, share, 1 - share)
    if what == "wsm":
        scores = values @ w
        order = np.argsort(-scores, kind="stable")
    elif what == "promethee":
        from pymcdm.methods import PROMETHEE_II
        scores = PROMETHEE_II("usual")(x, w, types)
        order = np.argsort(-scores, kind="stable")
    else:
        rng = np.random.default_rng(1)
        n, m = values.shape
        top = n if n <= 1000 else 10  # every rank up to 1,000 options, else the top 10
        counts = np.zeros((n, top))
        samples, chunk = 10_000, max(1, min(10_000, 20_000_000 // max(n, 1)))
        done = 0
        while done < samples:
            k = min(chunk, samples - done)
            ws = rng.exponential(size=(k, m))
            ws /= ws.sum(axis=1, keepdims=True)
            order = np.argsort(-(ws @ values.T), axis=1)
            for r in range(top):
                counts[:, r] += np.bincount(order[:, r], minlength=n)
            done += k
        order = np.argsort(-counts[:, 0], kind="stable")
    print(order[:10])


if __name__ == "__main__":
    main()
