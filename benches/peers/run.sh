#!/usr/bin/env bash
# Throughput of tradeoffs beside its Python peers (pymcdm, numpy, crispyn), in one run.
# Creates a virtualenv under target/ on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy pymcdm==1.4.0 crispyn
fi
cargo build --release --example throughput
"$venv/bin/python" benches/peers/compare.py .
# Quote checking beside str.find and rapidfuzz (compare with `cargo bench --bench quotes`).
"$venv/bin/python" -c "import rapidfuzz" 2>/dev/null || "$venv/bin/pip" install -q rapidfuzz
"$venv/bin/python" benches/peers/quotes.py
