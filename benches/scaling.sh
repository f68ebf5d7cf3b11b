#!/usr/bin/env bash
# Scaling curves (time and peak memory against the number of options) for the
# README; see benches/scaling.py. Builds the release binary and the Python
# virtualenv of benches/peers first.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import numpy, pymcdm" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q numpy pymcdm==1.4.0 pyrepo-mcda crispyn
fi
cargo build --release --bin tradeoffs
"$venv/bin/python" benches/scaling.py "$@"
