"""Quote checking beside its Python peers, on the text and quotes of
benches/quotes.rs (generated identically from SplitMix64):

  - exact quotes: whitespace collapsed once, then `str.find` per quote;
  - the closest passage of a quote with one word changed:
    rapidfuzz.fuzz.partial_ratio_alignment (the best-matching substring).

Run through benches/peers/run.sh; compare with `cargo bench --bench quotes`.
"""
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
    text, quotes, misses = corpus()
    flat = " ".join(text.split())
    assert all(flat.find(q) >= 0 for q in quotes)
    exact = best(5, lambda: [flat.find(q) for q in quotes])
    print(f"str.find, {QUOTES} quotes that are there: {exact * 1e3:.2f} ms")
    sample = misses[:20]
    closest = best(1, lambda: [fuzz.partial_ratio_alignment(q, flat) for q in sample])
    per_quote = closest / len(sample)
    print(
        f"rapidfuzz partial_ratio_alignment, closest passage: {per_quote * 1e3:.1f} ms per quote "
        f"({per_quote * QUOTES:.2f} s for {QUOTES}, timed on {len(sample)})"
    )


if __name__ == "__main__":
    main()
