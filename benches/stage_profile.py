#!/usr/bin/env python3
"""Share of `Analyzer::analyze` time spent in each pipeline stage, measured with `perf`.

The public API has no switch to run `analyze` without claim tagging, so the claims bar of
issue 4 ("tagging adds at most 30% to the time of analyze") is estimated by sampling:
`perf record --call-graph dwarf` over `split_docs analyze` (benches/examples/split_docs.rs)
on the PolNeAR train texts, each sample assigned to the outermost stage on its stack
(inlined frames count: `tag` = claims, `attribute` = attribution, `tokenize` = tokens,
`sayso::segment` = segmentation). Needs `perf` and permission to use it.

Usage (from the repository root):
  python3 benches/stage_profile.py [DOCS.jsonl] [--freq 2000] [--repeat 2]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

RULES = [
    ("claims", re.compile(r"^(sayso::claims::|tag\+)")),
    ("attribution", re.compile(r"^(sayso::attribution::|attribute\+)")),
    ("tokens", re.compile(r"^(sayso::tokens::|tokenize\+|tokenize_into\+)")),
    ("segment", re.compile(r"^(sayso::segment::|sayso::analyzer::Analyzer::split)")),
    ("input", re.compile(r"^(sayso_benches::jsonl_texts|serde_json)")),
]


def classify(lines):
    counts = collections.Counter()
    stack = []

    def flush():
        if not stack:
            return
        cat = "other"
        for frame in stack:  # leaf first: the last match is the outermost stage
            name = frame.split(" ", 1)[1] if " " in frame else frame
            for k, rx in RULES:
                if rx.search(name):
                    cat = k
        counts[cat] += 1

    for line in lines:
        if not line.strip():
            flush()
            stack = []
        elif line.startswith((" ", "\t")):
            stack.append(line.strip())
    flush()
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = os.environ.get("SAYSO_SHARED") or os.path.join(ROOT, "..", "shared")
    ap.add_argument("docs", nargs="?", default=os.path.join(shared, "data", "polnear", "train.jsonl"))
    ap.add_argument("--freq", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if not os.path.exists(args.docs):
        sys.exit(f"no documents at {args.docs} (set SAYSO_SHARED or pass a JSON Lines file)")

    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    r = subprocess.run(["cargo", "build", "-q", "--release", "-p", "sayso-benches", "--example", "split_docs"],
                       cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"cargo build failed:\n{r.stderr}")
    binary = os.path.join(target, "release", "examples", "split_docs")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        rec = subprocess.run(["perf", "record", "-q", "--call-graph", "dwarf,16384", "-F", str(args.freq),
                              "-o", data, binary, "analyze", args.docs, str(args.repeat)],
                             capture_output=True, text=True)
        if rec.returncode != 0:
            sys.exit(f"perf record failed: {rec.stderr.strip()}")
        run = json.loads(rec.stdout)
        script = subprocess.run(["perf", "script", "-i", data], capture_output=True, text=True)
        counts = classify(script.stdout.splitlines())

    total = sum(counts.values())
    work = total - counts.get("input", 0)
    print(f"analyze: {run['bytes'] * run['repeat'] / 1e6:.1f} MB in {run['cpu_seconds']:.2f} s CPU "
          f"= {run['mb_per_s']:.1f} MB/s (under perf); {total} samples")
    print()
    print("| stage | samples | share of analyze |")
    print("|---|---:|---:|")
    for k in ["segment", "tokens", "attribution", "claims", "other"]:
        v = counts.get(k, 0)
        print(f"| {k} | {v} | {100 * v / work:.1f}% |" if work else f"| {k} | {v} | n/a |")
    claims = counts.get("claims", 0)
    rest = work - claims
    if rest:
        print()
        print(f"claim tagging adds {100 * claims / rest:.0f}% to the time of analyze without it "
              f"(bar: at most 30%)")


if __name__ == "__main__":
    main()
