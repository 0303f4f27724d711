#!/usr/bin/env python3
"""Compare sayso's sentence splitting with other sentence splitters: speed and accuracy.

Usage (from the repository root):
  python3 benches/compare_sentences.py [--max-mb 1.0] [--min-seconds 2] [--install-sayso]
                                       [--skip-install] [--json OUT.json]

What it does:
  1. Creates benches/.venv (gitignored) if missing and pip-installs the peers there:
     pysbd, blingfire, syntok, nupunkt, sentencex, spacy (spaCy's rule-based `sentencizer`
     on spacy.blank("en"); no model download). Each is optional: a failed install or import
     is reported and the peer is skipped. Then it re-runs itself with the venv's Python.
  2. Builds the Rust helper `split_docs` (benches/examples/split_docs.rs) in release mode
     and takes the corpus from it: the seed pages and PolNeAR train/dev texts when the
     shared data is present, else the synthetic news corpus of benches/lib.rs; documents
     are taken in order until --max-mb.
  3. Speed: every tool splits the same documents, one call per document, repeated until
     --min-seconds of CPU time (time.process_time) have been spent; MB/s = bytes / CPU s.
     sayso runs through its Python package (`import sayso`, `sayso.split`) when importable
     (--install-sayso runs `pip install .` into the venv first), and always in-process in
     Rust through `split_docs`, which times its own splitting loop (thread CPU time).
     If a `sayso` CLI with a `split` command is built, it is also timed (process CPU time
     of one run over all documents, including start-up and I/O).
  4. Accuracy: sentence boundary F1 on the dev gold (SAYSO_SHARED or ../shared:
     gold/dev/*.json with texts seeds/NAME.txt). A boundary is the end offset (code
     points) of every sentence but the last, as eval/score.py computes it. Peers that
     return strings are mapped back to offsets by aligning their non-whitespace characters
     with the text's (they may normalize whitespace).

Prints one table and the ratio of sayso to the fastest peer.
"""
import argparse
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VENV = os.path.join(HERE, ".venv")
PEER_PACKAGES = ["pysbd", "blingfire", "syntok", "nupunkt", "sentencex", "spacy"]


def shared_dir():
    d = os.environ.get("SAYSO_SHARED") or os.path.join(ROOT, "..", "shared")
    return os.path.abspath(d) if os.path.isdir(d) else None


# ---------------------------------------------------------------- environment


def venv_python():
    return os.path.join(VENV, "bin", "python")


def ensure_venv(args):
    """Create the venv and install peers; then re-exec inside it."""
    if os.environ.get("SAYSO_COMPARE_IN_VENV") == "1":
        return
    if not os.path.exists(venv_python()):
        print(f"creating venv {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    py = venv_python()
    if not args.skip_install:
        for pkg in PEER_PACKAGES:
            mod = {"spacy": "spacy"}.get(pkg, pkg)
            have = subprocess.run([py, "-c", f"import {mod}"], capture_output=True).returncode == 0
            if have:
                continue
            print(f"installing {pkg} ...", file=sys.stderr)
            r = subprocess.run([py, "-m", "pip", "install", "-q", pkg], capture_output=True, text=True)
            if r.returncode != 0:
                tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["?"]
                print(f"  install of {pkg} failed ({tail[0]}); skipping it", file=sys.stderr)
        if args.install_sayso:
            if os.path.exists(os.path.join(ROOT, "pyproject.toml")):
                print("installing sayso's Python package (pip install . , maturin) ...", file=sys.stderr)
                r = subprocess.run(
                    [py, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", ROOT],
                    capture_output=True,
                    text=True,
                )
                if r.returncode != 0:
                    tail = (r.stderr or r.stdout).strip().splitlines()[-3:]
                    print("  sayso package install failed: " + " | ".join(tail), file=sys.stderr)
            else:
                print("  no pyproject.toml at the root: sayso's Python package is not buildable yet",
                      file=sys.stderr)
    env = dict(os.environ, SAYSO_COMPARE_IN_VENV="1")
    os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], env)


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")


def build_split_docs():
    print("building split_docs and the CLI (cargo build --release -p sayso-benches --example "
          "split_docs; -p sayso-cli) ...", file=sys.stderr)
    r = subprocess.run(
        ["cargo", "build", "-q", "--release", "-p", "sayso-benches", "--example", "split_docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    binary = os.path.join(target_dir(), "release", "examples", "split_docs")
    # The CLI too, for its row (optional: skipped when it does not build).
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "sayso-cli"], cwd=ROOT, capture_output=True)
    if r.returncode != 0:  # compiler warnings are not ours to show; errors are
        errors = [line for line in r.stderr.splitlines() if line.startswith("error")]
        if not os.path.exists(binary):
            sys.exit(f"cargo build failed:\n{r.stderr}")
        print(f"WARNING: cargo build failed ({'; '.join(errors[:3])}); using the previous build "
              f"of {binary}", file=sys.stderr)
    return binary


# ---------------------------------------------------------------- data


def load_corpus(split_docs, max_mb):
    out = subprocess.run(
        [split_docs, "corpus", str(int(max_mb * 1e6))], capture_output=True, text=True, check=True
    ).stdout
    return [json.loads(line)["text"] for line in out.splitlines() if line.strip()]


def load_gold():
    sd = shared_dir()
    if not sd:
        return []
    docs = []
    for path in sorted(glob.glob(os.path.join(sd, "gold", "dev", "*.json"))):
        name = os.path.basename(path)[: -len(".json")]
        if name.endswith(".authoring"):
            continue
        txt = os.path.join(sd, "seeds", name + ".txt")
        if not os.path.exists(txt):
            continue
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        with open(txt, encoding="utf-8") as f:
            text = f.read()
        docs.append((name, text, gold))
    return docs


# ---------------------------------------------------------------- offsets


def ends_from_strings(text, sents):
    """Map sentence strings back to end offsets (code points) in `text`.

    Aligns the non-whitespace characters of each sentence with those of the text, in
    order, so peers that collapse or drop whitespace (blingfire, syntok) map exactly. A
    sentence that does not align where expected is searched for further on; one that is not
    found at all is skipped (counted in `misses`).
    """
    pos = [i for i, c in enumerate(text) if not c.isspace()]
    stream = "".join(text[i] for i in pos)
    ends, k, misses = [], 0, 0
    for s in sents:
        t = "".join(s.split())
        if not t:
            continue
        if stream.startswith(t, k):
            k += len(t)
        else:
            j = stream.find(t, k)
            if j < 0:
                misses += 1
                continue
            k = j + len(t)
        ends.append(pos[k - 1] + 1)
    return ends, misses


def trim_end(text, end):
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def boundary_counts(gold_sents, pred_ends):
    gb = {s["end"] for s in gold_sents[:-1]}
    pe = sorted(set(pred_ends))
    pb = set(pe[:-1])
    return len(gb & pb), len(pb - gb), len(gb - pb)


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- tools
# Each tool: name -> (split(text) -> object, ends(text, result) -> (ends, misses)).
# `split` is what is timed: the natural call a user makes per document.


def make_tools():
    tools, notes = [], []

    def add(name, factory):
        try:
            split, ends = factory()
            split("Warm up. Twice.")
            tools.append((name, split, ends))
        except Exception as e:  # an optional peer: report and go on
            notes.append(f"{name}: unavailable ({type(e).__name__}: {e})")

    def strings(text, res):
        return ends_from_strings(text, res)

    def sayso_py():
        import sayso

        def ends(text, res):
            return [trim_end(text, s.end) for s in res], 0

        return sayso.split, ends

    def pysbd_():
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        return seg.segment, strings

    def blingfire_():
        import blingfire

        return (lambda t: blingfire.text_to_sentences(t).split("\n")), strings

    def syntok_():
        import syntok.segmenter as segmenter

        def split(t):
            return [s for para in segmenter.analyze(t) for s in para]

        def ends(text, res):
            return [s[-1].offset + len(s[-1].value) for s in res if s], 0

        return split, ends

    def nupunkt_():
        import nupunkt

        return nupunkt.sent_tokenize, strings

    def sentencex_():
        import sentencex

        return (lambda t: list(sentencex.segment("en", t))), strings

    def spacy_():
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10**8

        def split(t):
            return list(nlp(t).sents)

        def ends(text, res):
            return [trim_end(text, s.end_char) for s in res], 0

        return split, ends

    add("sayso (Python package)", sayso_py)
    add("pysbd", pysbd_)
    add("blingfire", blingfire_)
    add("syntok", syntok_)
    add("nupunkt", nupunkt_)
    add("sentencex", sentencex_)
    add("spaCy sentencizer", spacy_)
    return tools, notes


def time_tool(split, docs, min_seconds):
    for d in docs[:3]:
        split(d)
    passes, cpu = 0, 0.0
    while True:
        t0 = time.process_time()
        for d in docs:
            split(d)
        cpu += time.process_time() - t0
        passes += 1
        if cpu >= min_seconds or passes >= 1000:
            return passes, cpu


def run_split_docs(split_docs, docs, repeat):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"text": d}) + "\n")
        path = f.name
    try:
        out = subprocess.run([split_docs, "split", path, str(repeat)], capture_output=True,
                             text=True, check=True).stdout
        return json.loads(out)
    finally:
        os.unlink(path)


def find_cli():
    for cand in [os.path.join(target_dir(), "release", "sayso"), os.path.join(ROOT, "target", "release", "sayso"),
                 shutil.which("sayso")]:
        if cand and os.path.exists(cand):
            r = subprocess.run([cand, "split", "-"], input="One. Two.", capture_output=True, text=True)
            if r.returncode == 0 and len([x for x in r.stdout.splitlines() if x.strip()]) == 2:
                return cand
    return None


def run_cli(cli, texts, repeat=1):
    """Process CPU time of one `sayso split` run over all texts (one file each, the list of
    files given `repeat` times), start-up and I/O included."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, t in enumerate(texts):
            p = os.path.join(tmp, f"{i:05d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(t)
            paths.append(p)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([cli, "split"] + paths * repeat, capture_output=True, text=True,
                             check=True).stdout
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return cpu, out


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-mb", type=float, default=1.0, help="corpus size for the speed test (MB)")
    ap.add_argument("--min-seconds", type=float, default=2.0, help="CPU seconds per tool, at least")
    ap.add_argument("--install-sayso", action="store_true", help="pip install the repo's Python package")
    ap.add_argument("--skip-install", action="store_true", help="do not pip-install anything")
    ap.add_argument("--json", help="also write the results as JSON here")
    args = ap.parse_args()
    ensure_venv(args)

    split_docs = build_split_docs()
    docs = load_corpus(split_docs, args.max_mb)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    gold = load_gold()
    print(f"speed corpus: {len(docs)} documents, {nbytes / 1e6:.2f} MB; "
          f"accuracy: {len(gold)} dev gold documents", file=sys.stderr)

    tools, notes = make_tools()
    rows = []

    def accuracy(ends_of):
        tp = fp = fn = misses = 0
        for name, text, g in gold:
            ends, m = ends_of(name, text)
            a, b, c = boundary_counts(g["sentences"], ends)
            tp, fp, fn, misses = tp + a, fp + b, fn + c, misses + m
        return (f1(tp, fp, fn) if gold else None), (tp, fp, fn), misses

    for name, split, ends in tools:
        print(f"timing {name} ...", file=sys.stderr)
        try:
            passes, cpu = time_tool(split, docs, args.min_seconds)
            f, counts, misses = accuracy(lambda _n, text: ends(text, split(text)))
        except Exception as e:  # a peer failing on some document loses its row, not the run
            notes.append(f"{name}: failed during the run ({type(e).__name__}: {e})")
            continue
        rows.append(dict(tool=name, mbps=nbytes * passes / cpu / 1e6, passes=passes, cpu=cpu,
                         f1=f, counts=counts, misses=misses, clock="process_time"))

    # sayso in Rust, in-process, timing its own loop.
    print("timing sayso (Rust, split_docs) ...", file=sys.stderr)
    # Its clock advances in 4 ms ticks: probe with growing repeats before the real run.
    repeat = 1
    while True:
        probe = run_split_docs(split_docs, docs, repeat)
        if probe["cpu_seconds"] >= 0.25 or repeat >= 100000:
            break
        repeat *= 4
    repeat = max(repeat, int(repeat * args.min_seconds / max(probe["cpu_seconds"], 1e-3)) + 1)
    res = run_split_docs(split_docs, docs, repeat)
    gold_res = run_split_docs(split_docs, [t for _, t, _ in gold], 1) if gold else {"ends": []}
    by_name = {n: e for (n, _, _), e in zip(gold, gold_res["ends"])}
    f, counts, misses = accuracy(lambda n, _t: (by_name[n], 0))
    rows.append(dict(tool="sayso (Rust, split_docs)", mbps=res["bytes"] * res["repeat"] / res["cpu_seconds"] / 1e6,
                     passes=res["repeat"], cpu=res["cpu_seconds"], f1=f, counts=counts, misses=misses,
                     clock=res["clock"]))

    cli = find_cli()
    if cli:
        print(f"timing sayso CLI ({cli}) ...", file=sys.stderr)
        probe, _ = run_cli(cli, docs)
        # Repeat the file list (up to 50 times: argument length) to dilute start-up.
        cli_repeat = max(1, min(50, int(args.min_seconds / max(probe, 1e-3)) + 1))
        cpu, _ = run_cli(cli, docs, cli_repeat)
        empty_cpu, _ = run_cli(cli, [""])

        def cli_ends(_n, text):
            _, out = run_cli(cli, [text])
            return ends_from_strings(text, out.splitlines())

        f, counts, misses = accuracy(cli_ends)
        rows.append(dict(tool="sayso (CLI `sayso split`, incl. start-up and I/O)",
                         mbps=nbytes * cli_repeat / cpu / 1e6 if cpu else float("nan"),
                         passes=cli_repeat, cpu=cpu, f1=f, counts=counts, misses=misses, clock="child rusage"))
        notes.append(f"sayso CLI start-up (an empty file): {empty_cpu * 1000:.0f} ms CPU")
    else:
        notes.append("sayso CLI: no `sayso split` binary found (target/release/sayso); row omitted")

    print()
    print(f"corpus: {len(docs)} documents, {nbytes / 1e6:.2f} MB (one call per document); "
          f"boundary F1 on {len(gold)} dev gold documents")
    print()
    print("| tool | MB/s (CPU) | passes | CPU s | boundary F1 | tp/fp/fn |")
    print("|---|---:|---:|---:|---:|---|")
    for r in rows:
        fs = f"{r['f1']:.3f}" if r["f1"] is not None else "n/a"
        miss = f" ({r['misses']} unaligned)" if r["misses"] else ""
        print(f"| {r['tool']} | {r['mbps']:.2f} | {r['passes']} | {r['cpu']:.2f} | {fs} | "
              f"{'/'.join(map(str, r['counts']))}{miss} |")
    print()
    peers = [r for r in rows if not r["tool"].startswith("sayso")]
    ours = [r for r in rows if r["tool"].startswith("sayso")]
    if peers and ours:
        fastest = max(peers, key=lambda r: r["mbps"])
        for r in ours:
            print(f"{r['tool']} / fastest peer ({fastest['tool']}, {fastest['mbps']:.2f} MB/s): "
                  f"{r['mbps'] / fastest['mbps']:.1f}x")
    for n in notes:
        print(f"note: {n}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(dict(docs=len(docs), bytes=nbytes, rows=rows, notes=notes), f, indent=1)


if __name__ == "__main__":
    main()
