"""The diplomatic dev and test splits are what their converter makes from the raw FRUS documents.

The test split (``tests/devset-diplomatic/test`` and ``test-other``) is only checked for form here (its texts
and gold agree, offsets and dates are valid): no test scores the encoder on it, so that its
figures stay those of documents no rule was written from.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

DIPLOMATIC = REPO / "tests" / "devset-diplomatic"
TOOLS = DIPLOMATIC / "tools"


def test_splits_are_reproducible_from_raw() -> None:
    """Every dev/ and test/ NAME.txt and NAME.json equals what frus_to_text.py makes from raw/ (no hand edits)."""
    run = subprocess.run(
        [sys.executable, str(TOOLS / "frus_to_text.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr


def test_other_collections_gold_is_reproducible() -> None:
    """test-other/NAME.json equals what other_to_gold.py makes from the typed texts and the hand annotation."""
    run = subprocess.run(
        [sys.executable, str(TOOLS / "other_to_gold.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("split", ["dev", "test", "test-other"])
def test_gold_passes_the_gold_checker(split: str) -> None:
    checker = REPO / "tests" / "devset" / "check_gold.py"
    run = subprocess.run(
        [sys.executable, str(checker), str(DIPLOMATIC / split)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:]


def test_splits_share_no_volume() -> None:
    """No FRUS volume gives documents to both splits, and none is a Russia 1918 volume."""
    def volumes(split: str) -> set[str]:
        return {p.stem.rsplit("-", 1)[0] for p in (DIPLOMATIC / split).glob("*.txt")}

    dev, test = volumes("dev"), volumes("test")
    assert dev and test
    assert not dev & test
    assert not any(v.startswith("frus1918Russia") for v in dev | test)
