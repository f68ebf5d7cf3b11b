#!/usr/bin/env python3
"""Write a synthetic model of any size: options.toml and criteria.toml.

Usage: python3 benches/gen_model.py OPTIONS CRITERIA SEED OUT_DIR [--evidence]

Scores are drawn uniformly on the 0..10 scale, rounded to two decimals, from
Python's own seeded generator, so the same arguments always write the same
files. The first half of the criteria (rounded up) are benefits, the rest
costs. criteria.toml holds one profile, `weights`, with a weight drawn from
1..10 for every criterion. Without `--evidence` every score is a bare number,
so `check` warns once per cell that the score cites no source: the largest
number of diagnostics a model of that size can produce. With `--evidence`
each score is a table with `why` and `source`, and the model checks clean.

Only the standard library is used.
"""

import os
import random
import sys


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    evidence = "--evidence" in argv[1:]
    if len(args) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    n, m, seed, out = int(args[0]), int(args[1]), int(args[2]), args[3]
    if n < 2 or m < 1:
        sys.exit("need at least 2 options and 1 criterion")
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(out, "criteria.toml"), "w", encoding="utf-8") as f:
        f.write('[model]\ntitle = "Generated model: %d options x %d criteria (seed %d)"\n'
                'default_profile = "weights"\n' % (n, m, seed))
        for j in range(m):
            direction = "benefit" if j < (m + 1) // 2 else "cost"
            f.write('\n[[criteria]]\nid = "c%d"\nname = "Criterion %d"\n'
                    'direction = "%s"\nscale = { min = 0, max = 10 }\n' % (j, j, direction))
        weights = ", ".join("c%d = %d" % (j, rng.randint(1, 10)) for j in range(m))
        f.write('\n[profiles.weights]\nname = "Drawn weights"\nweights = { %s }\n' % weights)

    with open(os.path.join(out, "options.toml"), "w", encoding="utf-8") as f:
        if evidence:
            f.write('[sources.gen]\ntitle = "Generated scores"\nyear = 2026\n')
        lines = []
        for i in range(n):
            lines.append('\n[[options]]\nid = "o%d"\nname = "Option %d"\n[options.scores]\n' % (i, i))
            for j in range(m):
                v = round(rng.uniform(0, 10), 2)
                if evidence:
                    lines.append('c%d = { value = %s, why = "drawn", source = "gen" }\n' % (j, v))
                else:
                    lines.append("c%d = %s\n" % (j, v))
            if len(lines) > 10000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))


if __name__ == "__main__":
    main(sys.argv)
