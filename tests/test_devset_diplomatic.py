"""The diplomatic dev and test splits are what their converter makes from the raw FRUS documents.

DEV is ``dev`` and ``dev2`` (FRUS) and ``dev-other`` (other collections); TEST is ``test`` and
``test-other``. The test split is only checked for form here (its texts and gold agree, offsets and
dates are valid): no test scores the encoder on it, so that its figures stay those of documents no
rule was written from.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO

DIPLOMATIC = REPO / "tests" / "devset-diplomatic"
TOOLS = DIPLOMATIC / "tools"


def test_splits_are_reproducible_from_raw() -> None:
    """Every dev/, dev2/ and test/ NAME.txt and NAME.json equals what frus_to_text.py makes from raw/."""
    run = subprocess.run(
        [sys.executable, str(TOOLS / "frus_to_text.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("split", ["test-other", "dev-other"])
def test_other_collections_gold_is_reproducible(split: str) -> None:
    """SPLIT/NAME.json equals what other_to_gold.py makes from the typed texts and the hand annotation."""
    run = subprocess.run(
        [sys.executable, str(TOOLS / "other_to_gold.py"), "--check", "--split", split],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("split", ["dev", "dev2", "dev-other", "test", "test-other"])
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

    dev, dev2, test = volumes("dev"), volumes("dev2"), volumes("test")
    assert dev and dev2 and test
    assert not (dev | dev2) & test
    assert not any(v.startswith("frus1918Russia") for v in dev | dev2 | test)


def test_second_dev_batch_is_the_listed_documents() -> None:
    """dev2/ holds exactly the documents of dev2-documents.txt, each with its raw FRUS document."""
    listed = {
        line.strip()
        for line in (TOOLS / "dev2-documents.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert len(listed) >= 50
    assert {p.stem for p in (DIPLOMATIC / "dev2").glob("*.txt")} == listed
    assert all((DIPLOMATIC / "raw" / f"{name}.xml").exists() for name in listed)


def test_other_collections_share_no_page_or_document() -> None:
    """dev-other takes no document and no page that test-other took (so TEST stays unseen)."""

    def addresses(split: str) -> tuple[set[str], set[str]]:
        sources = json.loads((TOOLS / f"{split}-sources.json").read_text(encoding="utf-8"))
        pages = set()
        for meta in sources.values():
            where = meta["source"]
            pages.add(where.get("url") or f"{where['repo']}/{where['path']}")
        return set(sources), {p.split("://", 1)[-1] for p in pages}

    dev_names, dev_pages = addresses("dev-other")
    test_names, test_pages = addresses("test-other")
    assert len(dev_names) >= 30
    assert not dev_names & test_names
    assert not dev_pages & test_pages
