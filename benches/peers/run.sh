#!/usr/bin/env bash
# Speed of tradeoffs beside its Python peers (numpy, pymcdm, pyrepo-mcda,
# crispyn) on the same inputs, in one run; see compare.py for the workloads.
# Creates a virtualenv under target/ on first use (PyPI must be reachable).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import numpy, pymcdm, pyrepo_mcda, crispyn" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy pymcdm==1.4.0 pyrepo-mcda crispyn
fi
cargo build --release --example throughput --bin tradeoffs
"$venv/bin/python" benches/peers/compare.py .
# SMAA-2 on the default model beside a numpy SMAA with the same outputs.
"$venv/bin/python" benches/peers/smaa_numpy.py .
# Quote checking beside str.find and rapidfuzz (compare with `cargo bench --bench quotes`).
"$venv/bin/python" -c "import rapidfuzz" 2>/dev/null || "$venv/bin/pip" install -q rapidfuzz
"$venv/bin/python" benches/peers/quotes.py .
