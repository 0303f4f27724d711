"""Shared fixtures. The tests run against the *installed* ``sayso`` package."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Invented sentences (never research data): non-ASCII in every position that matters.
SAMPLES = [
    "Türkiye said “yes” 👍 today. Київ мовчить. Всё хорошо!",
    "Talks Stall in Geneva\n\nThe U.S. envoy left on Dec. 6. Both sides met again.",
    "“We will not give up,” the minister wrote on X. Prices rose 5% because of the blockade.",
    "Zoë Brontë-Łukasiewicz (née Ørsted) arrived at 5 p.m. 🇺🇦🇹🇷 Flags flew.\n"
    "👨‍👩‍👧 A family of three waited — calmly — in Αθήνα.",
    "The report, citing five officials, said the deal was “perfectly reasonable”. "
    "Москва отказалась. 日本は沈黙した。",
    "",
    "   \n\t  ",
    "no terminal punctuation and a tab\there",
]


def _cli_candidates() -> list[Path]:
    out = []
    if os.environ.get("SAYSO_CLI"):
        out.append(Path(os.environ["SAYSO_CLI"]))
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("release", "debug"):
        out.append(target / profile / "sayso")
    return out


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `sayso` binary: $SAYSO_CLI, else target/{release,debug}/sayso, else built here."""
    for path in _cli_candidates():
        if path.is_file() and os.access(path, os.X_OK):
            return path
    cargo = shutil.which("cargo")
    if cargo is None or not (ROOT / "Cargo.toml").is_file():
        pytest.skip("the sayso CLI is not built and cargo is not available to build it "
                    "(set SAYSO_CLI to the binary)")
    subprocess.run([cargo, "build", "--release", "-p", "sayso-cli"], cwd=ROOT, check=True)
    for path in _cli_candidates():
        if path.is_file():
            return path
    pytest.fail("cargo built sayso-cli but its binary was not found")
