#!/usr/bin/env bash
# Runs every sayso benchmark the way docs/benchmarks.md reports them, logging to $OUT
# (default /tmp/sayso-bench). Takes about 10 minutes on 2 cores.
#   bash benches/run_all.sh [--install-sayso]
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/sayso-bench}
mkdir -p "$OUT"
{
  date -u
  nproc
  grep -m1 'model name' /proc/cpuinfo
  uptime
  rustc --version
  git rev-parse --short HEAD
} > "$OUT/machine.txt" 2>&1
cargo bench -p sayso-benches --bench segment -- --warm-up-time 1 --measurement-time 3 \
  > "$OUT/segment.txt" 2>&1
cargo bench -p sayso-benches --bench analyze -- --warm-up-time 1 --measurement-time 3 \
  > "$OUT/analyze.txt" 2>&1
python3 benches/compare_sentences.py "$@" --json "$OUT/compare.json" > "$OUT/compare.txt" 2> "$OUT/compare.err"
if command -v perf > /dev/null; then
  python3 benches/stage_profile.py > "$OUT/stages.txt" 2>&1
fi
uptime >> "$OUT/machine.txt"
grep -hE '^(corpus|analyze corpus|sayso benches)|time:|thrpt:|^[a-z_]+/' "$OUT/segment.txt" "$OUT/analyze.txt" | grep -v '%'
cat "$OUT/compare.txt" "$OUT/stages.txt" 2> /dev/null
