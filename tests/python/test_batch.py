"""analyze_many, threads, and concurrent use from Python threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import sayso
from conftest import SAMPLES

TEXTS = [f"Document {i}: Türkiye and Київ talk. “Item {i},” she said.\n\nNext 🇺🇦." for i in range(300)]


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 16])
def test_batches_equal_single_calls_in_order(threads: int | None) -> None:
    texts = SAMPLES + TEXTS
    docs = sayso.analyze_many(texts, threads=threads)
    assert [d.text for d in docs] == texts
    assert [d.to_json() for d in docs] == [sayso.analyze(t).to_json() for t in texts]


def test_authors_go_with_their_texts() -> None:
    texts = ["I said no.", "We agreed.", "They left."]
    docs = sayso.analyze_many(texts, authors=["Ann Lee", None, " Bo Kim "], threads=2)
    assert [d.author for d in docs] == ["Ann Lee", None, "Bo Kim"]
    assert [d.to_json() for d in docs] == [
        sayso.analyze(t, author=a).to_json() for t, a in zip(texts, ["Ann Lee", None, "Bo Kim"])
    ]


def test_any_iterable_of_texts() -> None:
    assert sayso.analyze_many([]) == []
    assert len(sayso.analyze_many(t for t in TEXTS[:5])) == 5
    assert len(sayso.analyze_many(tuple(TEXTS[:5]), authors=iter([None] * 5))) == 5


def test_batch_errors() -> None:
    with pytest.raises(TypeError, match="single str"):
        sayso.analyze_many("one text")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        sayso.analyze_many(["ok", b"bytes"])
    with pytest.raises(TypeError, match="iterable"):
        sayso.analyze_many(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="2 authors for 1 texts") as info:
        sayso.analyze_many(["one"], authors=["a", "b"])
    assert isinstance(info.value, sayso.SaysoError)
    with pytest.raises(ValueError, match="threads"):
        sayso.analyze_many(["one", "two"], threads=0)
    with pytest.raises(OverflowError):
        sayso.analyze_many(["one"], threads=-1)


def test_concurrent_calls_from_python_threads() -> None:
    analyzer = sayso.Analyzer(abbreviations=["Xyz."])
    expected = [analyzer.analyze(t).to_json() for t in TEXTS]

    def work(k: int) -> list[str]:
        if k % 2:
            return [d.to_json() for d in analyzer.analyze_many(TEXTS, threads=2)]
        return [analyzer.analyze(t).to_json() for t in TEXTS]

    with ThreadPoolExecutor(max_workers=6) as ex:
        results = list(ex.map(work, range(12)))
    assert all(r == expected for r in results)


def test_the_gil_is_released_during_a_batch() -> None:
    texts = TEXTS * 40
    t0 = time.perf_counter()
    sayso.analyze_many(texts, threads=1)
    solo = time.perf_counter() - t0
    if solo < 0.2:
        texts = texts * int(0.2 / max(solo, 1e-3) + 1)

    done = threading.Event()
    start = time.perf_counter()

    def batch() -> None:
        sayso.analyze_many(texts, threads=1)
        done.set()

    worker = threading.Thread(target=batch)
    worker.start()
    gaps, last = [], time.perf_counter()
    while not done.is_set():
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    worker.join()
    elapsed = time.perf_counter() - start
    # Holding the GIL for the whole batch would freeze this loop for all of it.
    assert max(gaps) < elapsed / 2, (max(gaps), elapsed)
