"""Throughput of sayso.analyze_many against the same work in Rust.

    python benches/py_throughput.py [--docs 10000] [--rounds 3] [--rust PATH]

Run it with the package installed (``pip install .`` or ``bash tests/run.sh``). It takes
10,000 documents — the PolNeAR texts of the shared data when present (cycled), else
generated text — and measures, best of ``--rounds``:

* Rust: ``rust_throughput`` (crates/sayso-py/examples), a plain Rust loop doing what
  analyze_many does per document (analyze + SPEC JSON), no I/O in the timing; built with
  cargo unless ``--rust`` names the binary;
* Python: ``sayso.analyze_many(texts, threads=1)`` and ``threads=2``.

Bars (issue 5): the Python layer costs <= 20% over Rust at threads=1, and threads=2 is
>= 1.7x threads=1 on two cores.

Wall-clock figures need idle cores. When other processes compete for them (the load
average is printed), the CPU-time figures are the ones to read: per-thread CPU time from
/proc (Linux) for the Rust loop and for analyze_many's calling thread (threads=1), and,
for threads=2, the estimate of the wall time on two idle cores: the calling thread's own
CPU time (the serial part: converting inputs, making Document objects) plus half the CPU
time of the two pool threads (rayon balances 10,000 small jobs evenly).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import sayso

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    env = os.environ.get("SAYSO_SHARED")
    for p in ([Path(env)] if env else []) + [ROOT.parent / "shared", ROOT.parent.parent / "shared"]:
        if (p / "data" / "polnear").is_dir():
            return p
    return None


def generated(n: int) -> list[str]:
    """Invented news-like documents (deterministic)."""
    rng = random.Random(5)
    who = ["the minister", "Anna Kovalenko", "a spokesperson", "officials", "Mr. Öztürk"]
    cue = ["said", "wrote on X", "told reporters", "added", "warned"]
    body = [
        "“We will not accept this,” {w} {c}.",
        "Prices rose {n}% in {m} because of the blockade, {w} {c}.",
        "The U.S. envoy met the delegation in Київ on Dec. {d}.",
        "According to {w}, more than {n},000 homes were left without power.",
        "Exports fell below last year's level, the report says.",
        "Talks will resume on Monday in Türkiye, {w} {c}.",
    ]
    docs = []
    for i in range(n):
        title = f"Update {i}: Talks Continue in Geneva"
        paras = []
        for _ in range(rng.randint(3, 8)):
            sents = [
                rng.choice(body).format(
                    w=rng.choice(who), c=rng.choice(cue), n=rng.randint(2, 90),
                    m=rng.choice(["May", "June"]), d=rng.randint(1, 28),
                )
                for _ in range(rng.randint(2, 5))
            ]
            paras.append(" ".join(sents))
        docs.append(title + "\n\n" + "\n\n".join(paras))
    return docs


def load(n: int) -> tuple[list[str], str]:
    shared = shared_dir()
    if shared is not None:
        base = []
        for name in ("train.jsonl", "dev.jsonl"):
            path = shared / "data" / "polnear" / name
            if path.is_file():
                with path.open(encoding="utf-8") as f:
                    base += [json.loads(line)["text"] for line in f if line.strip()]
        if base:
            return [base[i % len(base)] for i in range(n)], f"PolNeAR texts ({len(base)} cycled)"
    return generated(n), "generated text"


def rust_binary(given: str | None) -> Path:
    if given:
        return Path(given)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    cargo = shutil.which("cargo")
    if cargo is None:
        sys.exit("py_throughput: cargo not found; pass --rust PATH to rust_throughput")
    subprocess.run([cargo, "build", "--release", "-q", "-p", "sayso-py", "--example",
                    "rust_throughput"], cwd=ROOT, check=True)
    return target / "release" / "examples" / "rust_throughput"


def thread_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds of each thread of this process, with its name ({} off Linux)."""
    out: dict[int, tuple[str, float]] = {}
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                comm = f.read().strip()
            with open(f"/proc/self/task/{tid}/schedstat") as f:
                ns = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        out[int(tid)] = (comm, ns / 1e9)
    return out


class Run:
    """Best-of-rounds wall time, calling-thread CPU time and pool-thread CPU time of f()."""

    def __init__(self, f) -> None:
        self.f = f
        self.wall = self.main_cpu = self.pool_cpu = float("inf")

    def once(self) -> None:
        main = threading.get_native_id()
        c0 = thread_cpu()
        t0 = time.perf_counter()
        self.f()
        wall = time.perf_counter() - t0
        c1 = thread_cpu()
        mine = c1.get(main, ("", 0.0))[1] - c0.get(main, ("", 0.0))[1]
        pool = sum(cpu - c0.get(tid, (name, 0.0))[1]
                   for tid, (name, cpu) in c1.items() if name.startswith("sayso-"))
        self.wall = min(self.wall, wall)
        if c1 and mine + pool / 2 < self.main_cpu + self.pool_cpu / 2:
            self.main_cpu, self.pool_cpu = mine, pool

    @property
    def idle_estimate(self) -> float:
        """Wall time on idle cores: serial part plus the pool's work split over 2 threads."""
        return self.main_cpu + self.pool_cpu / 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rust", help="path of the rust_throughput binary")
    args = ap.parse_args()

    texts, source = load(args.docs)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts)} documents, {mb:.1f} MB of {source}; sayso {sayso.__version__}")
    binary = rust_binary(args.rust)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for t in texts:
            f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        def rust(threads: int, best: dict | None) -> dict:
            out = subprocess.run([str(binary), path, str(threads), "1"],
                                 check=True, capture_output=True, text=True).stdout
            new = json.loads(out)
            if best is None:
                return new
            for k in ("seconds", "cpu_seconds"):
                if new.get(k) is not None and best.get(k) is not None:
                    best[k] = min(best[k], new[k])
            return best

        sayso.analyze_many(texts[:200], threads=2)  # warm up: pool, default analyzer
        p1 = Run(lambda: sayso.analyze_many(texts, threads=1))
        p2 = Run(lambda: sayso.analyze_many(texts, threads=2))
        r1 = r2 = None
        # Interleaved, so that a change in the machine's load hits both sides alike.
        for _ in range(args.rounds):
            r1 = rust(1, r1)
            p1.once()
            r2 = rust(2, r2)
            p2.once()
        assert r1 is not None and r2 is not None
    finally:
        os.unlink(path)

    # Materializing every sentence object afterwards (lazy, on first access) is extra
    # work the Rust loop does not do; shown for information.
    docs = sayso.analyze_many(texts, threads=2)
    t0 = time.perf_counter()
    n_sent = sum(len(d.sentences) for d in docs)
    access = time.perf_counter() - t0

    def rate(s: float) -> str:
        return f"{len(texts) / s:7.0f} docs/s {mb / s:6.1f} MB/s ({s:.3f} s)"

    print("wall clock (best of rounds):")
    print(f"  rust    threads=1: {rate(r1['seconds'])}")
    print(f"  python  threads=1: {rate(p1.wall)}  vs rust: {p1.wall / r1['seconds'] - 1:+.1%}")
    print(f"  rust    threads=2: {rate(r2['seconds'])}  speedup {r1['seconds'] / r2['seconds']:.2f}x")
    print(f"  python  threads=2: {rate(p2.wall)}  speedup {p1.wall / p2.wall:.2f}x")
    cpu_ok = None
    if r1.get("cpu_seconds") and p1.main_cpu < float("inf") and p1.main_cpu > 0:
        overhead = p1.main_cpu / r1["cpu_seconds"] - 1
        speedup = p1.main_cpu / p2.idle_estimate
        print("CPU time (robust to other load):")
        print(f"  rust    threads=1: {rate(r1['cpu_seconds'])}")
        print(f"  python  threads=1: {rate(p1.main_cpu)}  overhead vs rust: {overhead:+.1%}"
              " (bar <= +20%)")
        print(f"  python  threads=2: calling thread {p2.main_cpu:.3f} s (serial part), pool "
              f"threads {p2.pool_cpu:.3f} s; on two idle cores ~{p2.idle_estimate:.3f} s: "
              f"speedup {speedup:.2f}x (bar >= 1.7x)")
        print(f"  python layer alone (the serial part: inputs in, Document objects out): "
              f"{p2.main_cpu:.3f} s = {p2.main_cpu / r1['cpu_seconds']:.2%} of the Rust work")
        if r2.get("cpu_seconds"):
            rs = r1["cpu_seconds"] / (r2["cpu_seconds"] / 2)
            print(f"  rust    threads=2: pool threads {r2['cpu_seconds']:.3f} s; on two idle "
                  f"cores ~{r2['cpu_seconds'] / 2:.3f} s: speedup {rs:.2f}x (the same estimate "
                  "for the Rust loop: what the core itself allows)")
        cpu_ok = overhead <= 0.20 and speedup >= 1.7

    # Materializing every sentence object afterwards (lazy, on first access) is extra
    # work the Rust loop does not do; shown for information.
    docs = sayso.analyze_many(texts, threads=2)
    t0 = time.perf_counter()
    n_sent = sum(len(d.sentences) for d in docs)
    print(f"first access to .sentences of all {len(docs)} docs ({n_sent} sentences, "
          f"built with their claims, attributions, entities): {time.perf_counter() - t0:.3f} s")
    print(f"cores: {os.cpu_count()}, load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    wall_ok = p1.wall / r1["seconds"] - 1 <= 0.20 and p1.wall / p2.wall >= 1.7
    print(f"bars on wall clock: {'met' if wall_ok else 'NOT met'}; on CPU time: "
          f"{'met' if cpu_ok else 'n/a' if cpu_ok is None else 'NOT met'}")


if __name__ == "__main__":
    main()
