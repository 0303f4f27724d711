"""analyze_many after fork, once the parent has started its thread pool."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time

import pytest

import sayso

TEXTS = [f"Text {i} in Київ. “Quote {i},” he said. Türkiye waits." for i in range(200)]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _to_json(text: str) -> str:
    return sayso.analyze_many([text, text], threads=2)[0].to_json()


def test_fork_after_the_pool_was_used() -> None:
    expected = [d.to_json() for d in sayso.analyze_many(TEXTS, threads=2)]
    assert not sayso._sayso._in_forked_child()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: must not hang on the parent's pool
        code = 1
        try:
            os.close(r)
            got = [d.to_json() for d in sayso.analyze_many(TEXTS, threads=2)]
            got += [d.to_json() for d in sayso.analyze_many(TEXTS)]
            ok = got == expected * 2 and sayso._sayso._in_forked_child()
            os.write(w, b"ok" if ok else b"mismatch")
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("analyze_many hung in a forked child")
        time.sleep(0.05)
    assert os.read(r, 100) == b"ok"
    os.close(r)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    # The parent keeps its pool.
    assert [d.to_json() for d in sayso.analyze_many(TEXTS, threads=2)] == expected


@pytest.mark.skipif(sys.platform == "win32", reason="no fork start method")
def test_multiprocessing_fork_pool() -> None:
    sayso.analyze_many(TEXTS, threads=2)  # the parent's pool exists before the fork
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        result = pool.map_async(_to_json, TEXTS[:20])
        got = result.get(timeout=60)
    assert got == [sayso.analyze(t).to_json() for t in TEXTS[:20]]
