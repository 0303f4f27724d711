#!/usr/bin/env bash
# All of sayso's tests: Rust (unit, integration, doc) then Python.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
