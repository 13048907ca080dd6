"""Shared fixtures: where ../shared is, whether jing is installed, golden-file updates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No Hypothesis test is timed: a deadline is a timed assertion, and fails on a loaded machine (HELPERS.md).
settings.register_profile("tei", deadline=None)
settings.load_profile("tei")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEI_SHARED", REPO.parent / "shared"))
TEI_ALL = SHARED / "reference" / "tei" / "tei_all.rng"
EXAMPLES = REPO / "tei" / "examples"
GOLDEN = REPO / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (a fresh clone has none)")
    return SHARED


@pytest.fixture(scope="session")
def jing(shared: Path) -> Jing:
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed (apt-get install jing)")
    if not TEI_ALL.is_file():
        pytest.skip("tei_all.rng is not in ../shared/reference/tei")
    return Jing(TEI_ALL)


class Jing:
    """Runs jing against tei_all.rng; several files per call to pay the start-up once."""

    def __init__(self, schema: Path) -> None:
        self.schema = schema

    def errors(self, *files: Path) -> list[str]:
        result = subprocess.run(
            ["jing", str(self.schema), *map(str, files)], capture_output=True, text=True, timeout=300
        )
        return [
            line
            for line in result.stdout.splitlines() + result.stderr.splitlines()
            if line.strip() and "[warning]" not in line
        ]


def run_tei(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``tei ARGS`` in a fresh process (text output, no SOURCE_DATE_EPOCH); the timeout only catches hangs."""
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "tei.cli", *args],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
