"""The diplomatic dev split is what its converter makes from the raw FRUS documents."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

TOOLS = REPO / "tests" / "devset-diplomatic" / "tools"


def test_dev_split_is_reproducible_from_raw() -> None:
    """Every dev/NAME.txt and NAME.json equals what frus_to_text.py makes from raw/ (no hand edits)."""
    run = subprocess.run(
        [sys.executable, str(TOOLS / "frus_to_text.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr


def test_dev_gold_passes_the_gold_checker() -> None:
    checker = REPO / "tests" / "devset" / "check_gold.py"
    run = subprocess.run(
        [sys.executable, str(checker), str(REPO / "tests" / "devset-diplomatic" / "dev")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:]
