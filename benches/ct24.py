#!/usr/bin/env python3
"""CheckThat! 2024 check-worthiness F1 of sayso (positive class), through the CLI.

Usage (from the workspace root):
  python3 benches/ct24.py [--data ../shared/data/ct24] [--split dev-test] [--sayso CMD]

Each line of SPLIT.jsonl ({"id", "text", "checkworthy"}) is one document; sayso calls it
check-worthy when any of its claims is. By default the CLI is run with
`cargo run --release -q -p sayso-cli --`; pass --sayso to use a built binary instead.
Prints precision, recall and F1 and exits 0; skips (exit 0, message) when the data is
absent, since the CheckThat! data is research data outside the project.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    default_data = os.path.join(os.environ.get("SAYSO_SHARED", os.path.join(root, "..", "shared")), "data", "ct24")
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--split", default="dev-test")
    ap.add_argument("--sayso", default="cargo run --release -q -p sayso-cli --")
    a = ap.parse_args()
    path = os.path.join(a.data, a.split + ".jsonl")
    if not os.path.exists(path):
        print(f"ct24: {path} not found; skipped")
        return
    gold = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    cmd = shlex.split(a.sayso) + ["analyze", "--jsonl", path, "--format", "jsonl"]
    out = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"ct24: {' '.join(cmd)} failed:\n{out.stderr}")
    pred = {}
    for line in out.stdout.splitlines():
        if line.strip():
            d = json.loads(line)
            pred[d.get("id")] = any(c.get("checkworthy") for c in d.get("claims", []))
    tp = fp = fn = 0
    for g in gold:
        p, y = pred.get(g["id"], False), bool(g["checkworthy"])
        tp += p and y
        fp += p and not y
        fn += y and not p
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"ct24 {a.split}: {len(gold)} sentences, check-worthy P {prec:.3f} R {rec:.3f} F1 {f1:.3f} "
          f"(tp {tp} fp {fp} fn {fn})")


if __name__ == "__main__":
    main()
