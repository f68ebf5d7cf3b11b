"""Quote checking beside its Python peers, on the text and quotes of
benches/quotes.rs (generated identically from SplitMix64):

  - exact quotes: whitespace collapsed once, then `str.find` per quote;
  - the closest passage of a quote with one word changed:
    rapidfuzz.fuzz.partial_ratio_alignment (the best-matching substring).

tradeoffs is timed in the same run by `examples/throughput.rs quotes`, the
text indexed and every quote checked (exact quotes, and the closest passage
of every changed one). Run through benches/peers/run.sh (it builds the
example); `cargo bench --bench quotes` has the finer breakdown.
"""
import json
import subprocess
import sys
import time

import numpy as np
from rapidfuzz import fuzz

WORDS = 16_000
QUOTES = 400
QUOTE_WORDS = 30


def cell(k):
    """SplitMix64 of k mapped to [0, 10), as benches/common.rs."""
    with np.errstate(over="ignore"):
        z = np.uint64(k) + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return float(z >> np.uint64(11)) / float(1 << 53) * 10.0


def corpus():
    words = []
    for k in range(WORDS):
        c = cell(k)
        words.append(f"w{int(np.floor(c * c * c))}")
    text = "".join(w + ("\n" if i % 12 == 11 else " ") for i, w in enumerate(words))
    quotes = []
    for q in range(QUOTES):
        start = int(cell(1_000_000 + q) / 10.0 * (WORDS - QUOTE_WORDS))
        quotes.append(" ".join(words[start : start + QUOTE_WORDS]))
    misses = []
    for q in quotes:
        w = q.split(" ")
        w[QUOTE_WORDS // 2] = "changed"
        misses.append(" ".join(w))
    return text, quotes, misses


def best(runs, f):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    text, quotes, misses = corpus()
    flat = " ".join(text.split())
    assert all(flat.find(q) >= 0 for q in quotes)
    exact = best(5, lambda: [flat.find(q) for q in quotes])
    sample = misses[:20]
    closest = best(1, lambda: [fuzz.partial_ratio_alignment(q, flat) for q in sample])
    per_quote = closest / len(sample)
    ours = {}
    out = subprocess.run([f"{root}/target/release/examples/throughput", "quotes"],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        row = json.loads(line)
        ours[row["workload"]] = row["seconds"]
    print(f"quotes that are there, {QUOTES}: tradeoffs (index and find) "
          f"{ours['quotes_exact'] * 1e3:.2f} ms; str.find on the whitespace-collapsed text "
          f"{exact * 1e3:.2f} ms: {exact / ours['quotes_exact']:.1f}x")
    print(f"closest passage, {QUOTES} quotes with one word changed: tradeoffs (index and search) "
          f"{ours['quotes_closest'] * 1e3:.2f} ms; rapidfuzz partial_ratio_alignment "
          f"{per_quote * QUOTES * 1e3:.0f} ms (timed on {len(sample)}): "
          f"{per_quote * QUOTES / ours['quotes_closest']:.0f}x")


if __name__ == "__main__":
    main()
