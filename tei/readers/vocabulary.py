"""The readers' vocabulary of correspondence, read from ``tei/data/correspondence.toml``.

Why data: the words that make a line a salutation, a closing formula, an
editorial line or a signature differ between collections, languages and
archives; an editor extends them there without touching the code. The file
is read once per process.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from tei.errors import TeiError
from tei.resources import data_dir

CORRESPONDENCE_FILE = "correspondence.toml"


def _words(value: str) -> frozenset[str]:
    return frozenset(value.lower().split())


@dataclass(frozen=True)
class Correspondence:
    """Everything of correspondence.toml, as word sets, tables and compiled patterns."""

    function_words: frozenset[str]
    not_senders: frozenset[str]
    papers: dict[str, str]
    transmission: frozenset[str]
    version: frozenset[str]
    classification: frozenset[str]
    enclosure: frozenset[str]
    received: frozenset[str]
    division: dict[str, str]
    file_prefix: frozenset[str]
    file_number: re.Pattern[str]
    serial_line: re.Pattern[str]
    minutes_number: re.Pattern[str]
    serial_division: str
    office_max_words: int
    subject: frozenset[str]
    titles: frozenset[str]
    place_words: frozenset[str]
    max_place_words: int
    undated: re.Pattern[str]
    clock: re.Pattern[str]
    salute_first: frozenset[str]
    salute_first_two: frozenset[str]
    salute_lower: frozenset[str]
    elided: tuple[str, ...]
    salute_max_words: int
    closing_starts: re.Pattern[str]
    closing_authority: re.Pattern[str]
    closing_ends: frozenset[str]
    closing_max_words: int
    signature_max_words: int
    particles: frozenset[str]
    suffixes: frozenset[str]
    signed_words: frozenset[str]
    signature_office_max_words: int
    approval: frozenset[str]


def _table(data: dict[str, Any], *path: str) -> dict[str, Any]:
    node: Any = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            raise TeiError(f"{CORRESPONDENCE_FILE}: [{'.'.join(path)}] is missing")
    if not isinstance(node, dict):
        raise TeiError(f"{CORRESPONDENCE_FILE}: [{'.'.join(path)}] is not a table")
    return node


def _phrases(items: list[str]) -> re.Pattern[str]:
    """Phrases at the start of a line, on word boundaries, longest first, in any case."""
    ordered = sorted((item.lower() for item in items), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(item) for item in ordered) + r")(?!\w)", re.IGNORECASE)


def _serial_line(words: str) -> re.Pattern[str]:
    """``No. 3847``, ``Memorandum No. 77``: up to two capitalised words, a number word, the number."""
    number_words = "|".join(re.escape(word) for word in sorted(set(words.split()), key=len, reverse=True))
    return re.compile(
        rf"^(?P<label>(?:[A-Z][\w’'-]*\s+){{0,2}}(?i:{number_words})\s*)(?P<number>\d[\w./-]*?)(?P<after>\.?)$"
    )


@functools.cache
def correspondence() -> Correspondence:
    """The vocabulary, read once per process."""
    path = data_dir() / CORRESPONDENCE_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TeiError(f"{path}: the readers' vocabulary cannot be read: {exc}") from exc
    heading = _table(data, "heading")
    lines = _table(data, "lines")
    numbers = _table(data, "numbers")
    opener = _table(data, "opener")
    dateline = _table(data, "dateline")
    salutation = _table(data, "salutation")
    closing = _table(data, "closing")
    signature = _table(data, "signature")
    undated = sorted((phrase.strip().lower() for phrase in dateline["undated"].split("|")), key=len, reverse=True)
    undated_words = "|".join(re.escape(phrase) for phrase in undated if phrase)
    return Correspondence(
        function_words=_words(_table(data, "words")["function"]),
        not_senders=_words(heading["not_senders"]),
        papers={key.lower(): value for key, value in _table(data, "heading", "papers").items()},
        transmission=_words(lines["transmission"]),
        version=_words(lines["version"]),
        classification=_words(lines["classification"]),
        enclosure=_words(lines["enclosure"]),
        received=_words(lines["received"]),
        division={key.lower(): value for key, value in _table(data, "lines", "division").items()},
        file_prefix=_words(numbers["file_prefix"]),
        file_number=re.compile(numbers["file_number"]),
        serial_line=_serial_line(numbers["serial_words"]),
        minutes_number=re.compile(numbers["minutes_number"]),
        serial_division=str(numbers["serial_division"]),
        office_max_words=int(opener["office_max_words"]),
        subject=_words(opener["subject"]),
        titles=_words(opener["titles"]),
        place_words=_words(dateline["place_words"]),
        max_place_words=int(dateline["max_place_words"]),
        undated=re.compile(rf"(?<!\w)(?:{undated_words})(?!\w)", re.IGNORECASE),
        clock=re.compile(dateline["clock"], re.IGNORECASE),
        salute_first=_words(salutation["first_words"]),
        salute_first_two=frozenset(phrase.strip().lower() for phrase in salutation["first_two_words"].split("|")),
        salute_lower=_words(salutation["lower_words"]),
        elided=tuple(salutation["elided"].split()),
        salute_max_words=int(salutation["max_words"]),
        closing_starts=_phrases(list(closing["starts"])),
        closing_authority=_phrases(list(closing["authority"])),
        closing_ends=_words(closing["ends"]),
        closing_max_words=int(closing["max_words"]),
        signature_max_words=int(signature["max_words"]),
        particles=_words(signature["particles"]),
        suffixes=_words(signature["suffixes"]),
        signed_words=_words(signature["signed_words"]),
        signature_office_max_words=int(signature["office_max_words"]),
        approval=_words(signature["approval"]),
    )
