"""Which calendar a document's unmarked dates are in, decided by evidence the document itself shows.

docs/encoding.md 4: a date without a marker is Old Style only on evidence — O.S./N.S.
markers or dual dates in the document, or a Russian author or institution
writing before the switch (14 February 1918). What a document mentions does
not decide: a telegram from a foreign official in Petrograd is New Style.

The evidence, strongest first:

1. the writer, from the heading of a letter or telegram (``The Russian
   Ambassador (Bakhmeteff) to the Secretary of State``: a nationality word of
   the sender, or a register person or body in it with a nationality), from the
   signature (``closer/signed``), the title block's author (``docAuthor``,
   ``byline``) or the sidecar's ``author``; a sender that is an office without a
   nationality (``The Ambassador in Russia (Francis)``) is an official of the
   collection's own government, not a Russian one;
2. Old-Style markers or dual dates in the document.

Each decision comes with the one sentence that ``encodingDesc`` prints.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from tei.annotate.calendar import GREGORIAN_FIRST
from tei.annotate.dategrammar import WORDS as DATE_WORDS
from tei.annotate.lexical import alternation
from tei.annotate.namegrammar import VOCAB
from tei.annotate.names import NameRecogniser
from tei.annotate.register import Register
from tei.annotate.spans import containers
from tei.ns import local_name, xpath_elements

_OLD_STYLE = DATE_WORDS.old_style_nationalities
_SWITCH = f"{GREGORIAN_FIRST.day} {GREGORIAN_FIRST.strftime('%B')} {GREGORIAN_FIRST.year}"
_NATIONALITY_WORD = re.compile(rf"(?<![\w-])(?:{alternation(VOCAB.nationalities)})(?![\w-])")
_OFFICE_WORD = re.compile(rf"(?<![\w-])(?:{alternation(VOCAB.offices)})(?![\w-])")
#: ``SENDER to RECIPIENT``: the heading of a letter, telegram or note (one line, a "to" between).
_HEADING = re.compile(r"^\s*(?P<sender>[^\n]{2,200}?)\s+to\s+(?:the\s+)?(?P<recipient>[^\n]{2,200}?)\s*$")
#: ``Note from SENDER to RECIPIENT``, ``Letter by SENDER to …``: a title naming its writer.
_FROM_HEADING = re.compile(r"(?i:\b(?:from|by))\s+(?P<sender>[^\n]{2,120}?)\s+(?i:to)\s+\S")
#: A place after "in"/"at" belongs to the office, not to the writer ("The Ambassador in Russia").
_IN_PLACE = re.compile(r"\b(?:in|at|near|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
#: Containers where a writer is named, in the order they are trusted.
_AUTHOR_SLOTS = ("signed", "docAuthor", "byline")


@dataclass(frozen=True)
class Writer:
    """Who wrote a document, as far as the document says."""

    name: str  # as written, for the statement
    nationality: str | None  # None: an official whose state is not named
    where: str  # "heading", "signature", "title block", "metadata"


@dataclass(frozen=True)
class CalendarDecision:
    """Whether unmarked dates before the switch are Old Style, and the sentence that says why."""

    old_style: bool
    statement: str


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(part) for part in element.itertext()).split())


def _nationality_of_names(text: str, names: NameRecogniser, register: Register) -> tuple[str, str] | None:
    """(name, nationality) of the first register person or body in ``text`` that has one."""
    for match in names.find(text):
        if match.ref is None:
            continue
        entry = register.entries.get(match.ref)
        if entry is not None and entry.nationality:
            return text[match.start : match.end], entry.nationality
    return None


def sender_of(heading: str, names: NameRecogniser, register: Register) -> Writer | None:
    """The writer named by a heading ``SENDER to RECIPIENT``, if the heading is one."""
    found = _HEADING.match(heading)
    if found is None:
        titled = _FROM_HEADING.search(heading)
        if titled is None:
            return None
        named = _nationality_of_names(titled.group("sender"), names, register)
        return Writer(named[0], named[1], "heading") if named is not None else None
    sender = found.group("sender")
    if _OFFICE_WORD.search(sender) is None and "(" not in sender:
        return None  # "A Reply to Questions" is a title, not a sender
    own = _IN_PLACE.sub(" ", sender)  # "The Ambassador in Russia": Russia is where, not who
    word = _NATIONALITY_WORD.search(own)
    if word is not None:
        return Writer(sender.strip(), VOCAB.nationalities[word.group()], "heading")
    named = _nationality_of_names(sender, names, register)
    if named is not None:
        return Writer(named[0], named[1], "heading")
    if _OFFICE_WORD.search(sender) is not None:
        return Writer(sender.strip(), None, "heading")
    return None


def _headings(unit: etree._Element) -> Iterable[str]:
    """Lines that may be the unit's correspondence heading: its heads, then its first blocks."""
    for head in xpath_elements(unit, ".//tei:head")[:3]:
        yield from _lines(head)
    for block in containers(unit)[:4]:
        if local_name(block) in ("p", "ab", "titlePart"):
            yield from _lines(block)[:1]


def _lines(element: etree._Element) -> list[str]:
    """The non-blank lines of an element's text, spaces made single."""
    raw = "".join(str(part) for part in element.itertext())
    return [" ".join(line.split()) for line in raw.split("\n") if line.strip()]


def find_writer(
    unit: etree._Element, names: NameRecogniser, register: Register, meta_author: str | None = None
) -> Writer | None:
    """The writer of a document (or of an enclosure inside one), from the strongest evidence found."""
    for line in _headings(unit):
        writer = sender_of(line, names, register)
        if writer is not None:
            return writer
    for slot in _AUTHOR_SLOTS:
        for element in xpath_elements(unit, f".//tei:{slot}"):
            named = _nationality_of_names(_text(element), names, register)
            if named is not None:
                return Writer(named[0], named[1], "signature" if slot == "signed" else "title block")
    if meta_author:
        named = _nationality_of_names(meta_author, names, register)
        if named is not None:
            return Writer(named[0], named[1], "metadata")
    return None


def decide(writer: Writer | None, explicit: bool, doc_date: datetime.date | None) -> CalendarDecision:
    """The calendar of a document's unmarked dates from its writer and its own Old-Style practice."""
    marked = " Dates the document marks as Old Style (dual dates, O.S.) are read as marked." if explicit else ""
    if writer is not None:
        who = f"the writer, {writer.name} (named in the {writer.where})"
    if writer is not None and writer.nationality in _OLD_STYLE:
        if doc_date is not None and doc_date >= GREGORIAN_FIRST:
            return CalendarDecision(
                explicit,
                f"Dates are read as New Style (Gregorian): {who}, is {writer.nationality} but wrote after the "
                f"change of calendar of {_SWITCH}.{marked}",
            )
        return CalendarDecision(
            True,
            f"Unmarked dates before {_SWITCH} are read as Old Style (Julian): {who}, is {writer.nationality} "
            "and wrote before the change of calendar; the editor's headings, datelines and bracketed dates "
            "stay New Style.",
        )
    if writer is not None:
        what = f"is {writer.nationality}" if writer.nationality else "is an official of a government"
        return CalendarDecision(
            False,
            f"Dates are read as New Style (Gregorian): {who}, {what} outside Russia's Old-Style practice, "
            f"wherever the document was written and whatever it mentions.{marked}",
        )
    if explicit:
        return CalendarDecision(
            True,
            f"Unmarked dates before {_SWITCH} are read as Old Style (Julian): the document marks Old-Style dates "
            "(dual dates or O.S. markers); the editor's headings, datelines and bracketed dates stay New Style.",
        )
    return CalendarDecision(
        False,
        "Dates are read as New Style (Gregorian): nothing in the document (no Old-Style marker, no dual date, "
        "no Russian writer) shows Old-Style practice.",
    )
