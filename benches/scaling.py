"""Scaling curves: time and peak memory of whole commands as models grow.

For 10^2 .. 10^5 options (20 criteria, benches/gen_model.py, seed 1) this
runs, each under /usr/bin/time -v and a time cap:

  tradeoffs check                      every score lacks a source: n x 20 warnings
  tradeoffs rank                       additive model (the default)
  tradeoffs check, rank                on the same scores, each with a why and a
                                       source (gen_model.py --evidence): a clean
                                       model four times the size
  tradeoffs rank --method promethee    usual preference function
  tradeoffs sensitivity
  tradeoffs smaa --samples 10000

and, on the same files, the Python peers as whole processes (read the TOML
with tomllib, build the matrix with numpy, then rank): numpy WSM, pymcdm
PROMETHEE II, and a numpy SMAA-2 with 10,000 samples. A command that hits the
cap is not run on larger models. Prints a Markdown table (wall time / peak
resident memory) for the README.

Usage: python3 benches/scaling.py [--cap SECONDS] [--sizes 100,1000,...]
(run by benches/scaling.sh, which builds the release binary and the venv).
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.path.join(ROOT, "target", "release", "tradeoffs")
OUT = os.path.join(ROOT, "target", "scaling")
PEER = os.path.join(ROOT, "benches", "peers", "rank_file.py")
CRITERIA = 20


def commands(d):
    files = ["--options", f"{d}/options.toml", "--criteria", f"{d}/criteria.toml"]
    e = d + "-evidence"
    evidence = ["--options", f"{e}/options.toml", "--criteria", f"{e}/criteria.toml"]
    py = [sys.executable, PEER, d]
    return [
        ("tradeoffs check", [BIN, "check", *files]),
        ("tradeoffs rank", [BIN, "rank", *files, "--format", "json"]),
        ("tradeoffs check, scores with evidence", [BIN, "check", *evidence]),
        ("tradeoffs rank, scores with evidence", [BIN, "rank", *evidence, "--format", "json"]),
        ("tradeoffs rank --method promethee", [BIN, "rank", *files, "--method", "promethee", "--format", "json"]),
        ("tradeoffs sensitivity", [BIN, "sensitivity", *files, "--format", "json"]),
        ("tradeoffs smaa --samples 10000", [BIN, "smaa", *files, "--samples", "10000", "--format", "json"]),
        ("python: numpy WSM", py + ["wsm"]),
        ("python: pymcdm PROMETHEE II", py + ["promethee"]),
        ("python: numpy SMAA-2, 10,000 samples", py + ["smaa"]),
    ]


def measure(cmd, cap):
    """(seconds, peak MB, exit status) of one run, or None past the cap."""
    try:
        run = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True,
                             timeout=cap, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    return seconds, int(rss.group(1)) / 1024, run.returncode


def fmt(r, cap):
    if r is None:
        return f"> {cap:.0f} s"
    seconds, mb, code = r
    # /usr/bin/time counts hundredths of a second.
    t = ("< 10 ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms" if seconds < 1
         else f"{seconds:.1f} s")
    flag = "" if code in (0, 2) else f" (exit {code})"
    return f"{t} / {mb:.0f} MB{flag}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=float, default=60.0)
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    given_up = set()
    table = {}
    for n in sizes:
        d = os.path.join(OUT, f"{n}x{CRITERIA}")
        for folder, extra in ((d, []), (d + "-evidence", ["--evidence"])):
            if not os.path.exists(os.path.join(folder, "options.toml")):
                subprocess.run([sys.executable, os.path.join(ROOT, "benches", "gen_model.py"),
                                str(n), str(CRITERIA), "1", folder, *extra], check=True)
        for name, cmd in commands(d):
            if name in given_up:
                table[(name, n)] = "not run"
                continue
            r = measure(cmd, args.cap)
            if r is None:
                given_up.add(name)
            table[(name, n)] = fmt(r, args.cap)
            print(f"{name:40} {n:>7}  {table[(name, n)]}", file=sys.stderr, flush=True)
    names = [name for name, _ in commands(OUT)]
    print(f"| command (wall time / peak memory), {CRITERIA} criteria | "
          + " | ".join(f"{n:,} options" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name in names:
        print(f"| {name} | " + " | ".join(table.get((name, n), "") for n in sizes) + " |")


if __name__ == "__main__":
    main()
