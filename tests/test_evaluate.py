"""The evaluation harness, and the toolkit held to its figures on the samples and the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from tei.encode import EncodeOptions, date_in_file_name, encode
from tei.evaluate import Entity, Score, entities_from_gold, entities_from_tei, score

DEVSET = REPO / "tests" / "devset"
NAMES = ("persName", "placeName", "orgName")


def _score_text(path: Path, gold_path: Path) -> Score:
    root = encode(path.read_bytes(), EncodeOptions(change_date="2026-01-01"), name=path.name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score(entities_from_tei(root), entities_from_gold(gold), name=path.stem)


def test_score_counts_multisets_and_dates() -> None:
    gold = [Entity("placeName", "Russia"), Entity("placeName", "Russia"), Entity("date", "March 14", "1917-03-27",
                                                                                   julian="1917-03-14")]
    found = [Entity("placeName", "Russia"), Entity("orgName", "Soviet"), Entity("date", "March 14", "1917-03-14")]
    result = score(found, gold)
    assert result.prf(("placeName",)) == (1.0, 0.5, pytest.approx(2 / 3))
    assert result.prf(("orgName",))[0] == 0.0
    assert result.dates_matched == 1 and result.when_correct == 0 and result.julian_correct == 0


@pytest.mark.parametrize("stem", sorted(p.stem for p in EXAMPLES.glob("*.txt")))
def test_samples_against_shared_gold(shared: Path, stem: str) -> None:
    result = _score_text(EXAMPLES / f"{stem}.txt", shared / "gold" / f"{stem}.json")
    assert result.prf(NAMES)[2] >= 0.97, result.misses + result.spurious
    assert result.prf(("date",))[2] >= 0.97, result.misses + result.spurious
    assert result.when_accuracy == 1.0, result.wrong_dates
    assert result.julian_accuracy == 1.0, result.wrong_dates


def test_development_set() -> None:
    """Figures on 20 documents the recognisers were not written from (README records them)."""
    total = Score()
    documents = sorted(DEVSET.glob("*.txt"))
    assert len(documents) >= 8
    for path in documents:
        total.add(_score_text(path, path.with_suffix(".json")))
    assert total.prf(NAMES)[2] >= 0.90, total.table()
    assert total.prf(("date",))[2] >= 0.95, total.table()
    # Year-less dates in documents that never state their year take it from the file name.
    assert total.when_accuracy >= 0.95, total.table()
    assert total.julian_accuracy >= 0.95, total.table()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lenin-calling-everybody-1918-02-04.txt", "1918-02-04"),
        ("dir/chicherin-two-years-of-foreign-policy-1918-excerpt.md", "1918"),
        ("note.txt", None),
        ("-", None),
        ("scan-00123456.txt", None),
        ("report-1917-13-45.txt", "1917"),
    ],
)
def test_date_in_file_name(name: str, expected: str | None) -> None:
    assert date_in_file_name(name) == expected


def test_file_name_dates_year_less_dates_only_when_the_text_has_no_date() -> None:
    text = b"Telegram\n\nWe received your message of December 6 and reply at once.\n"
    named = encode(text, EncodeOptions(), name="telegram-1919-12-08.txt")
    anonymous = encode(text, EncodeOptions(), name="telegram.txt")
    assert entities_from_tei(named)[0].when == "1919-12-06"
    assert entities_from_tei(anonymous)[0].when == "--12-06"
    dated = b"Moscow, 3 January 1921\n\nWe received your message of December 6.\n"
    found = entities_from_tei(encode(dated, EncodeOptions(), name="x-1919-12-08.txt"))
    assert found[-1].when == "1920-12-06"
