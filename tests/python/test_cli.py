"""Document.to_json() is exactly what the CLI prints."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import sayso
from conftest import SAMPLES


@pytest.mark.parametrize("i", range(len(SAMPLES)))
def test_to_json_equals_the_cli_json(cli: Path, tmp_path: Path, i: int) -> None:
    text = SAMPLES[i]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([cli, "analyze", str(path), "--format", "json"], check=True,
                         capture_output=True, text=True, encoding="utf-8").stdout
    assert out.strip() == sayso.analyze(text).to_json()


def test_to_json_equals_the_cli_json_with_an_author(cli: Path, tmp_path: Path) -> None:
    text = "I emphasized that the talks in Київ must go on. “We will,” I wrote."
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run(
        [cli, "analyze", str(path), "--format", "json", "--author", "Andriy Yermak"],
        check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout
    assert out.strip() == sayso.analyze(text, author="Andriy Yermak").to_json()


def test_batch_equals_the_cli_jsonl(cli: Path, tmp_path: Path) -> None:
    texts = [t for t in SAMPLES if t.strip()]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    out = subprocess.run([cli, "analyze", "--jsonl", str(path), "--format", "jsonl"],
                         check=True, capture_output=True, text=True, encoding="utf-8").stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [r.pop("id") for r in rows] == [f"d{i}" for i in range(len(texts))]
    assert rows == [d.to_dict() for d in sayso.analyze_many(texts, threads=2)]
