#!/usr/bin/env bash
# All of sayso's tests: Rust (unit, integration, doc) then Python.
#
# The Python part builds the package (maturin, release) into a venv, .venv-test (made when
# missing, gitignored), and runs pytest against the installed package, then checks the
# typed stub with mypy.stubtest. Needs python3 (>= 3.10) with pip and venv, and PyPI.
# PYTHON picks the interpreter; SAYSO_SKIP_PYTHON=1 runs the Rust tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace

if [ "${SAYSO_SKIP_PYTHON:-0}" = 1 ]; then
  echo "run.sh: SAYSO_SKIP_PYTHON=1: Python tests skipped"
  exit 0
fi

PYTHON=${PYTHON:-python3}
VENV=.venv-test
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
PY="$PWD/$VENV/bin/python"
export PATH="$PWD/$VENV/bin:$PATH"  # the build backend runs `maturin` by name
"$PY" -m pip install -q --disable-pip-version-check "maturin>=1.9.4,<2" pytest mypy pandas

# The CLI, for the test that Document.to_json() is what `sayso analyze` prints.
cargo build --release -p sayso-cli
export SAYSO_CLI="${CARGO_TARGET_DIR:-$PWD/target}/release/sayso"

# The package as a user gets it: a wheel built by maturin through pip.
"$PY" -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps \
  --force-reinstall .

# From the repository root the source tree's python/sayso is not importable as `sayso`,
# so the tests exercise the installed package.
"$PY" -m pytest tests/python -q -p no:cacheprovider
"$PY" -m mypy.stubtest sayso._sayso
