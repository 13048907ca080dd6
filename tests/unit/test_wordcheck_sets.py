"""Nothing of the source is lost (docs/encoding.md 1) on every document of every set the toolkit is scored on.

The samples, the Soviet dev set and the diplomatic dev and test splits: each
is encoded with names and dates, and its words must equal the input's; the
words must also equal those of the same document encoded without names and
dates, so that a failure says whether the reader or the annotator lost the
word. This runs the encoder only; it reads no gold and scores nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.encode import EncodeOptions, encode
from tei.readers import detect_format
from tei.source import decode
from tei.wordcheck import first_difference, source_words, tei_words

REPO = Path(__file__).resolve().parents[2]
SETS = [REPO / "tei" / "examples", REPO / "tests" / "devset", *sorted((REPO / "tests" / "devset-diplomatic").glob("*"))]
DOCUMENTS = sorted(path for folder in SETS if folder.is_dir() for path in folder.glob("*.txt"))


def test_the_sets_are_there() -> None:
    assert len(DOCUMENTS) >= 22 + 67


@pytest.mark.parametrize("path", DOCUMENTS, ids=[f"{p.parent.name}/{p.stem}" for p in DOCUMENTS])
def test_no_word_is_lost(path: Path) -> None:
    data = path.read_bytes()
    annotated = tei_words(encode(data, EncodeOptions(change_date="2026-01-01"), name=path.name))
    plain = tei_words(encode(data, EncodeOptions(change_date="2026-01-01", annotate=False), name=path.name))
    assert first_difference(plain, annotated) is None, "names and dates changed the words"
    text = decode(data, path=path.name).text
    expected = source_words(text, markdown=detect_format(text) == "markdown")
    assert first_difference(expected, plain) is None, "the reader changed the words"
