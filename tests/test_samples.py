"""The bundled samples end to end: golden TEI, validity, words kept, identical bytes."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import EXAMPLES, GOLDEN, Jing
from lxml import etree

from tei.encode import EncodeOptions, encode
from tei.readers import detect_format
from tei.serialize import to_bytes
from tei.wordcheck import first_difference, source_words, tei_words

SAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.txt"))
OPTIONS = EncodeOptions(change_date="2026-01-01")


def _encode(stem: str) -> bytes:
    data = (EXAMPLES / f"{stem}.txt").read_bytes()
    return to_bytes(encode(data, OPTIONS, name=f"{stem}.txt"))


@pytest.mark.parametrize("stem", SAMPLES)
def test_golden(stem: str, update_golden: bool) -> None:
    expected_path = GOLDEN / stem / "expected.xml"
    actual = _encode(stem)
    if update_golden or not expected_path.exists():
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_bytes(actual)
        if not update_golden:
            pytest.fail(f"golden file {expected_path} was missing and has been written: review it")
    expected = expected_path.read_bytes()
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.decode().splitlines(), actual.decode().splitlines(), "expected", "actual", lineterm="", n=2
            )
        )
        pytest.fail(f"output differs from {expected_path} (pytest --update-golden to accept):\n{diff[:6000]}")


@pytest.mark.parametrize("stem", SAMPLES)
def test_no_word_lost(stem: str) -> None:
    source = (EXAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    root = etree.fromstring(_encode(stem))
    expected = source_words(source, markdown=detect_format(source) == "markdown")
    assert first_difference(expected, tei_words(root)) is None


@pytest.mark.parametrize("stem", SAMPLES)
def test_deterministic(stem: str) -> None:
    assert _encode(stem) == _encode(stem)


def test_goldens_valid_against_tei_all(jing: Jing, tmp_path: Path) -> None:
    files = []
    for stem in SAMPLES:
        target = tmp_path / f"{stem}.xml"
        target.write_bytes(_encode(stem))
        files.append(target)
    files.extend(sorted(GOLDEN.glob("*/expected.xml")))
    assert jing.errors(*files) == []


def test_samples_show_their_structure() -> None:
    """Every structure docs/encoding.md names is in the output of the samples."""
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    lenin = etree.fromstring(_encode("lenin-report-on-peace-1917-11-08"))
    trotsky = etree.fromstring(_encode("trotsky-note-to-allied-ambassadors-1917-12-06"))
    assert lenin.xpath("string(//t:front/t:docAuthor)", namespaces=ns).strip() == "Vladimir Lenin"
    assert lenin.xpath("//t:body/t:div[@type='report']/t:div[@type='decree']/t:head", namespaces=ns)
    assert len(lenin.xpath("//t:note[@place='foot']/t:gap[@reason='not-in-source']", namespaces=ns)) == 2
    assert len(lenin.xpath("//t:p/t:fw[@type='footer']/following-sibling::*[1][self::t:pb]", namespaces=ns)) == 3
    assert lenin.xpath("//t:supplied[.='aggressive']", namespaces=ns)
    assert lenin.xpath("//t:stage[@type='reaction']", namespaces=ns)
    assert lenin.xpath("//t:back//t:ref/@target", namespaces=ns)
    assert trotsky.xpath("//t:list[@type='ordered']/t:label[.='1.']", namespaces=ns)
    assert trotsky.xpath("//t:teiHeader//t:sourceDesc//t:biblScope[@unit='page'][.='192']", namespaces=ns)
    assert trotsky.xpath("//t:back/t:fw[@type='navigation']", namespaces=ns)
    assert trotsky.xpath("//t:opener/t:dateline", namespaces=ns)
