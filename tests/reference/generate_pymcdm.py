"""Reference numbers for tests/methods_pymcdm.rs, computed with pymcdm.

Run once, from the repository root, in a virtualenv with pymcdm installed:

    python3 -m venv target/venv && target/venv/bin/pip install pymcdm==1.4.0 numpy
    target/venv/bin/python tests/reference/generate_pymcdm.py > tests/reference/pymcdm.json

The committed JSON is what the tests read; they need no Python.
"""
import json
from importlib.metadata import version

import numpy as np
from pymcdm import methods, normalizations as norm

CASES = {
    # Opricovic & Tzeng (2004), EJOR 156, numerical example; also pymcdm's TOPSIS docstring.
    "ot2004": ([[1, 3000], [2, 3750], [5, 4500]], [-1, 1], [0.5, 0.5]),
    # pymcdm's VIKOR docstring example.
    "vikor_doc": ([[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]],
                  [1, 1, 1, 1], [0.25, 0.25, 0.25, 0.25]),
    # pymcdm's WPM docstring example (weights as given, not summing to 1).
    "wpm_doc": ([[96, 83, 75, 7], [63, 5, 56, 9], [72, 30, 32, 48], [11, 4, 27, 9], [77, 21, 17, 11]],
                [1, 1, -1, -1], [8 / 13, 5 / 13, 6 / 13, 7 / 13]),
    # The small test model (tests/fixtures/small), balanced profile.
    "small": ([[1, 1, 7, 3], [1, 7, 1, 6], [6, 5, 4, 5], [3, 2, 9, 4], [5, 4, 0, 2]],
              [1, 1, -1, -1], [0.4, 0.2, 0.25, 0.15]),
}
NORMS = {"minmax": norm.minmax_normalization, "vector": norm.vector_normalization,
         "max": norm.max_normalization, "sum": norm.sum_normalization}
PROMETHEE = {  # name: (pymcdm function, q, p) with thresholds as fractions of each column's range
    "usual": ("usual", None, None),
    "u-shape": ("ushape", 0.3, None),
    "v-shape": ("vshape", None, 0.5),
    "level": ("level", 0.2, 0.6),
    "linear": ("vshape_2", 0.2, 0.6),
}


def run(f):
    try:
        return [float(x) for x in f()]
    except (ValueError, ZeroDivisionError, FloatingPointError):
        return None


out = {"pymcdm_version": version("pymcdm"), "cases": {}}
np.seterr(all="raise")
for name, (matrix, types, weights) in CASES.items():
    m, t, w = np.array(matrix, dtype=float), np.array(types), np.array(weights)
    case = {"matrix": matrix, "types": types, "weights": weights, "results": {}}
    r = case["results"]
    for nname, nf in NORMS.items():
        r[f"topsis/{nname}"] = run(lambda: methods.TOPSIS(nf)(m, w, t))
        r[f"wsm/{nname}"] = run(lambda: methods.WSM(nf)(m, w, t))
        r[f"wpm/{nname}"] = run(lambda: methods.WPM(nf)(m, w, t))
    r["vikor/raw"] = run(lambda: methods.VIKOR(v=0.5)(m, w, t))
    r["vikor/minmax/v0.3"] = run(lambda: methods.VIKOR(norm.minmax_normalization, v=0.3)(m, w, t))
    spans = m.max(axis=0) - m.min(axis=0)
    thresholds = {}
    for kind, (pf, q, p) in PROMETHEE.items():
        qs = None if q is None else list(q * spans)
        ps = None if p is None else list(p * spans)
        thresholds[kind] = {"q": qs, "p": ps}
        r[f"promethee/{kind}"] = run(lambda: methods.PROMETHEE_II(pf, p=ps, q=qs)(m, w, t))
    case["promethee_thresholds"] = thresholds
    out["cases"][name] = case
print(json.dumps(out, indent=1))
