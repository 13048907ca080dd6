"""The calendar of unmarked dates is decided by what the document shows, and the header says which evidence.

docs/encoding.md 4: Old Style only on O.S. markers, dual dates, or a Russian writer
before 14 February 1918; a foreign official's telegram is New Style wherever
it was written and whatever it mentions. The texts here are written for the
tests, in the shape of the period's diplomatic correspondence.
"""

from __future__ import annotations

import datetime

import pytest
from lxml import etree

from tei.annotate.evidence import Writer, decide, sender_of
from tei.annotate.names import NameRecogniser
from tei.annotate.register import builtin_register
from tei.encode import EncodeOptions, encode

TEI = {"t": "http://www.tei-c.org/ns/1.0"}

AMERICAN = b"""The Ambassador in Russia (Francis) to the Secretary of State

[Telegram]

Petrograd, December 20, 1917, 8 p.m.

2089. Your 2369 of December 15. The Council of People's Commissars decided on December 18 to open
negotiations at Brest-Litovsk; the Russian delegation left on December 19.

Francis
"""

RUSSIAN = b"""The Russian Minister for Foreign Affairs (Tereshchenko) to the American Ambassador (Francis)

Petrograd, October 20, 1917

Mr. Ambassador: On October 12 the Provisional Government resolved to send a delegation to Paris.

Tereshchenko
"""

DUAL = b"""Report on the Congress

On October 25 (November 7), 1917, the Second Congress met in Petrograd. On November 2 the delegates
dispersed to the provinces.
"""

PLAIN = b"""Report on the Congress

On November 2, 1917, the delegates dispersed to the provinces of Russia after the Congress in Petrograd.
"""


def dates(data: bytes) -> dict[str, dict[str, str]]:
    root = encode(data, EncodeOptions(change_date="2026-01-01"), name="doc.txt")
    return {
        "".join(d.itertext()): dict(d.attrib)
        for d in root.iterfind(".//t:text//t:date", TEI)
    }


def statement(data: bytes) -> str:
    root = encode(data, EncodeOptions(change_date="2026-01-01"), name="doc.txt")
    paragraphs = root.xpath("//t:encodingDesc//t:interpretation/t:p", namespaces=TEI)
    return " ".join("".join(p.itertext()) for p in paragraphs)


def test_a_foreign_official_in_petrograd_writes_new_style() -> None:
    found = dates(AMERICAN)
    assert found["December 18"] == {"when": "1917-12-18"}
    assert found["December 15"] == {"when": "1917-12-15"}
    assert "2089" not in found and "2369" not in found
    said = statement(AMERICAN)
    assert "New Style" in said and "Francis" in said and "American" in said


def test_a_russian_writer_before_the_switch_writes_old_style() -> None:
    found = dates(RUSSIAN)
    assert found["October 12"]["when-custom"] == "1917-10-12"
    assert found["October 12"]["when"] == "1917-10-25"
    said = statement(RUSSIAN)
    assert "Old Style" in said and "Russian" in said


def test_dual_dates_make_the_unmarked_old_style_when_no_writer_is_named() -> None:
    found = dates(DUAL)
    assert found["November 2"]["when"] == "1917-11-15"
    assert "marks Old-Style dates" in statement(DUAL)


def test_mentioning_russia_is_not_evidence() -> None:
    assert dates(PLAIN)["November 2, 1917"] == {"when": "1917-11-02"}
    assert "nothing in the document" in statement(PLAIN)


@pytest.mark.parametrize(
    ("heading", "nationality"),
    [
        ("The Ambassador in Russia (Francis) to the Secretary of State", "American"),
        ("The Consul at Omsk (Smithers) to the Secretary of State", None),
        ("The Russian Ambassador (Bakhmeteff) to the Secretary of State", "Russian"),
        ("The Japanese Chargé (Debuchi) to the Secretary of State", "Japanese"),
        ("The People's Commissar for Foreign Affairs (Chicherin) to the American Ambassador", "Russian"),
        ("NOTE FROM TROTSKY TO THE ALLIED AMBASSADORS", "Russian"),
    ],
)
def test_the_sender_of_a_heading(heading: str, nationality: str | None) -> None:
    register = builtin_register()
    writer = sender_of(heading, NameRecogniser(register), register)
    assert writer is not None
    assert writer.nationality == nationality


@pytest.mark.parametrize("heading", ["Reply to Questions Put by Karl Wiegand", "Appeal to the Moslems of Russia"])
def test_titles_are_not_senders(heading: str) -> None:
    register = builtin_register()
    assert sender_of(heading, NameRecogniser(register), register) is None


def test_a_russian_writer_after_the_switch_writes_new_style() -> None:
    lenin = Writer("Lenin", "Russian", "signature")
    assert not decide(lenin, False, datetime.date(1918, 3, 1)).old_style
    assert decide(lenin, False, datetime.date(1918, 1, 1)).old_style
    assert decide(lenin, True, datetime.date(1918, 3, 1)).old_style  # it marks Old-Style dates itself
    assert not decide(Writer("The Consul", None, "heading"), True, datetime.date(1917, 5, 1)).old_style


def test_an_enclosure_by_a_russian_writer_in_an_american_despatch() -> None:
    from tei.annotate import annotate_text

    text = etree.fromstring(
        b"""<text xmlns="http://www.tei-c.org/ns/1.0"><body><div type="despatch">
        <head>The Ambassador in Russia (Francis) to the Secretary of State</head>
        <p>I have the honour to enclose the note of the Minister, received on October 22.</p>
        <closer><signed>David R. Francis</signed></closer>
        <div type="enclosure"><head>The Minister for Foreign Affairs (Tereshchenko) to the American Ambassador</head>
        <p>The Provisional Government decided on October 12 to send a delegation.</p>
        <closer><signed>Tereshchenko</signed></closer></div></div></body></text>"""
    )
    annotation = annotate_text(text, builtin_register(), meta_date="1917-11-05")
    found = {"".join(d.itertext()): dict(d.attrib) for d in text.iterfind(".//t:date", TEI)}
    assert found["October 22"] == {"when": "1917-10-22"}
    assert found["October 12"]["when-custom"] == "1917-10-12"
    assert "Embedded enclosure" in annotation.calendar and "Old Style" in annotation.calendar
