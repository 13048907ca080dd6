"""The recognisers' vocabulary: word lists, context rules and thresholds read from ``tei/data``.

Why data: which words are titles, which capitalised words are never names,
which forms need context — these grow with every new collection, and an
editor should be able to extend them without touching code
(``tei/data/README.md``). The files are read once per process; their bytes
are part of the key of the compiled-register cache.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tei.annotate.lexical import data_regex
from tei.errors import TeiError
from tei.resources import data_dir

NAMES_FILE = "names.toml"
DATES_FILE = "dates.toml"
GIVEN_NAMES_FILE = "given-names.txt"


@dataclass(frozen=True)
class Keyword:
    """How a head word builds a pattern name: left words (``X Sea``), ``of``-phrase, name after."""

    tag: str  # "orgName" or "placeName"
    max_left: int  # how many capitalised words before it may belong to the name (0: none)
    of: bool = True  # "Council of People's Commissars"
    for_: bool = False  # "Commissariat for Foreign Affairs"
    prefix: bool = False  # "Lake Ladoga", "River Don": the name follows the head word
    adjectives: bool = True  # may a nationality adjective stand first ("German Government")?
    left_needs_of: bool = False  # "Independent State of Afghanistan", but not "the Soviet State"
    min_left: int = 1  # "Princeton University Press", not "the Foreign Press"


@dataclass(frozen=True)
class ContextRule:
    """When a form that is a name only in some uses is kept (see ``[context.*]`` in names.toml)."""

    always: bool = False
    reject_before: re.Pattern[str] | None = None
    require_before: re.Pattern[str] | None = None
    reject_after: re.Pattern[str] | None = None
    after_window: int = 30
    use: str | None = None  # "region" | "noun"


@dataclass(frozen=True)
class NameWords:
    """Everything of names.toml, as sets and tables the recogniser looks words up in."""

    stop: frozenset[str]
    not_names: frozenset[str]
    titles: frozenset[str]
    title_abbreviations: tuple[str, ...]
    title_phrases: tuple[str, ...]
    after_title_stop: frozenset[str]
    building_words: frozenset[str]
    function_words: frozenset[str]
    possessive_ok: frozenset[str]
    never_alone: frozenset[str]
    not_forenames: frozenset[str]
    not_initials: tuple[str, ...]
    particles: tuple[str, ...]
    foreign_endings: tuple[str, ...]
    compass: tuple[str, ...]
    locatives: tuple[str, ...]
    work_words: tuple[str, ...]
    work_qualifiers: tuple[str, ...]
    signed_in_brackets: tuple[str, ...]
    signed_labels: tuple[str, ...]
    credit_labels: tuple[str, ...]
    offices: frozenset[str]
    nationalities: Mapping[str, str]
    name_suffixes: tuple[str, ...]
    ship_words: tuple[str, ...]
    goods: frozenset[str]
    person_verbs: frozenset[str]
    person_pronouns: frozenset[str]
    publications: frozenset[str]
    postposed_titles: tuple[str, ...]
    services: tuple[str, ...]
    given_names: frozenset[str]
    thresholds: Mapping[str, float]
    keywords: Mapping[str, Keyword]
    fallback_forms: Mapping[str, str]
    context: Mapping[str, ContextRule]

    def threshold(self, name: str) -> int:
        return int(self.thresholds[name])


@dataclass(frozen=True)
class DateWords:
    """Everything of dates.toml."""

    months: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    weekdays: tuple[str, ...]
    weekday_abbreviations: tuple[str, ...]
    ordinals: Mapping[str, int]
    month_context: tuple[str, ...]
    may_context: tuple[str, ...]
    event_after: tuple[str, ...]
    year_intro: tuple[str, ...]
    not_year_before: tuple[str, ...]
    not_year_signs: tuple[str, ...]
    not_year_after: tuple[str, ...]
    serial_owners: tuple[str, ...]
    future_margin: int
    clock_words: tuple[str, ...]
    range_connectors: tuple[str, ...]
    day_range_connectors: tuple[str, ...]
    range_intro: tuple[str, ...]
    relative_months: Mapping[str, int]
    old_markers: tuple[str, ...]
    new_markers: tuple[str, ...]
    julian_last: datetime.date
    gregorian_first: datetime.date
    implicit_julian_from: int
    retrieval_from: int
    old_style_nationalities: frozenset[str]
    dateline: Mapping[str, int]
    bibliographic_abbreviations: tuple[str, ...]
    bibliographic_words: tuple[str, ...]
    bibliographic_prefixes: tuple[str, ...]


def _read(name: str) -> dict[str, Any]:
    path = data_dir() / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TeiError(
            f"{path}: cannot read the recognisers' vocabulary ({exc}); reinstall tei or fix the file"
        ) from exc


def _words(value: str | list[str]) -> tuple[str, ...]:
    """A whitespace-separated string (or a list of phrases) as a tuple; ``_`` joins two words."""
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return tuple(word.replace("_", " ") for word in value.split())


def _rule(table: Mapping[str, Any]) -> ContextRule:
    def pattern(key: str) -> re.Pattern[str] | None:
        return data_regex(table[key]) if key in table else None

    return ContextRule(
        always=table.get("keep") == "always",
        reject_before=pattern("reject_before"),
        require_before=pattern("require_before"),
        reject_after=pattern("reject_after"),
        after_window=int(table.get("after_window", 30)),
        use=table.get("use"),
    )


_TAGS = {"org": "orgName", "place": "placeName", "person": "persName"}


def _keyword(table: Mapping[str, Any]) -> Keyword:
    return Keyword(
        tag=_TAGS[table["tag"]],
        max_left=int(table["max_left"]),
        of=bool(table.get("of", True)),
        for_=bool(table.get("for", False)),
        prefix=bool(table.get("prefix", False)),
        adjectives=bool(table.get("adjectives", True)),
        left_needs_of=bool(table.get("left_needs_of", False)),
        min_left=int(table.get("min_left", 1)),
    )


def _given_names() -> frozenset[str]:
    """given-names.txt: one name a line, ``#`` comments."""
    path = data_dir() / GIVEN_NAMES_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TeiError(f"{path}: cannot read the given names ({exc}); reinstall tei or fix the file") from exc
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@functools.cache
def name_words() -> NameWords:
    """names.toml, read once."""
    data = _read(NAMES_FILE)
    words = data["words"]
    lower = {key: frozenset(w.lower() for w in _words(words[key])) for key in ("stop", "not_names", "after_title_stop")}
    return NameWords(
        stop=lower["stop"],
        not_names=lower["not_names"],
        titles=frozenset(_words(words["titles"])),
        title_abbreviations=_words(words["title_abbreviations"]),
        title_phrases=_words(words["title_phrases"]),
        after_title_stop=lower["after_title_stop"],
        building_words=frozenset(_words(words["building_words"])),
        function_words=frozenset(_words(words["function_words"])),
        possessive_ok=frozenset(w for word in _words(words["possessive_ok"]) for w in (word, word.upper())),
        never_alone=frozenset(_words(words["never_alone"])),
        not_forenames=frozenset(_words(words["not_forenames"])),
        not_initials=_words(words["not_initials"]),
        particles=_words(words["particles"]),
        foreign_endings=_words(words["foreign_endings"]),
        compass=_words(words["compass"]),
        locatives=_words(words["locatives"]),
        work_words=_words(words["work_words"]),
        work_qualifiers=_words(words["work_qualifiers"]),
        signed_in_brackets=_words(words["signed_in_brackets"]),
        signed_labels=_words(words["signed_labels"]),
        credit_labels=_words(words["credit_labels"]),
        offices=frozenset(_words(words["offices"])),
        nationalities=MappingProxyType(dict(data["nationalities"])),
        name_suffixes=_words(words["name_suffixes"]),
        ship_words=_words(words["ship_words"]),
        goods=frozenset(w.lower() for w in _words(words["goods"])),
        person_verbs=frozenset(_words(words["person_verbs"])),
        person_pronouns=frozenset(_words(words["person_pronouns"])),
        publications=frozenset(_words(words["publications"])),
        postposed_titles=_words(words["postposed_titles"]),
        services=_words(words["services"]),
        given_names=_given_names(),
        thresholds=MappingProxyType(dict(data["thresholds"])),
        keywords=MappingProxyType({head: _keyword(spec) for head, spec in data["keywords"].items()}),
        fallback_forms=MappingProxyType({form: _TAGS[kind] for form, kind in data["fallback_forms"].items()}),
        context=MappingProxyType({form: _rule(spec) for form, spec in data["context"].items()}),
    )


@functools.cache
def date_words() -> DateWords:
    """dates.toml, read once."""
    data = _read(DATES_FILE)
    words = data["words"]
    ordinals = {word: index + 1 for index, word in enumerate(_words(words["ordinals"]))}
    units = _words(words["ordinals"])[:9]
    ordinals.update({f"twenty-{word}": 21 + index for index, word in enumerate(units)})
    ordinals.update({word: int(day) for word, day in words["ordinals_thirty"].items()})
    calendar = data["calendar"]
    return DateWords(
        months=_words(words["months"]),
        month_abbreviations=_words(words["month_abbreviations"]),
        weekdays=_words(words["weekdays"]),
        weekday_abbreviations=_words(words["weekday_abbreviations"]),
        ordinals=MappingProxyType(ordinals),
        month_context=_words(words["month_context"]),
        may_context=_words(words["may_context"]),
        event_after=_words(words["event_after"]),
        year_intro=_words(words["year_intro"]),
        not_year_before=_words(words["not_year_before"]),
        not_year_signs=_words(words["not_year_signs"]),
        not_year_after=_words(words["not_year_after"]),
        serial_owners=_words(words["serial_owners"]),
        future_margin=int(data["numbers"]["future_margin"]),
        clock_words=_words(words["clock_words"]),
        range_connectors=_words(words["range_connectors"]),
        day_range_connectors=_words(words["day_range_connectors"]),
        range_intro=_words(words["range_intro"]),
        relative_months=MappingProxyType({k: int(v) for k, v in data["relative_months"].items()}),
        old_markers=_words(data["markers"]["old"]),
        new_markers=_words(data["markers"]["new"]),
        julian_last=calendar["julian_last"],
        gregorian_first=calendar["gregorian_first"],
        implicit_julian_from=int(calendar["implicit_julian_from"]),
        retrieval_from=int(calendar["retrieval_from"]),
        old_style_nationalities=frozenset(calendar["old_style_nationalities"]),
        dateline=MappingProxyType({k: int(v) for k, v in data["dateline"].items() if not isinstance(v, str)}),
        bibliographic_abbreviations=_words(data["dateline"]["bibliographic_abbreviations"]),
        bibliographic_words=_words(data["dateline"]["bibliographic_words"]),
        bibliographic_prefixes=_words(data["dateline"]["bibliographic_prefixes"]),
    )


def vocabulary_files() -> tuple[Path, ...]:
    """The data files whose content changes what the recognisers do (for cache keys)."""
    folder = data_dir()
    return tuple(folder / name for name in (NAMES_FILE, DATES_FILE, GIVEN_NAMES_FILE) if (folder / name).is_file())
