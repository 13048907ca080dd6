"""The grammar of names: regexes and word tests built once from names.toml.

Why a module: the register matcher, the pattern rules and the context rules
ask the same questions of a word ("could this be a surname?", "is this line a
title in capitals?"); the answers depend only on the vocabulary, so they live
here, compiled at import.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from tei.annotate.lexical import CAPP, CAPP_UP, HS, S0, SENTENCE_START, WORD, A, D, LazyPattern, S, U, alternation
from tei.annotate.register import APOSTROPHES
from tei.annotate.vocabulary import name_words

VOCAB = name_words()
STOP_WORDS = VOCAB.stop
NOT_NAMES = VOCAB.not_names
TITLES = VOCAB.titles
KEYWORDS = VOCAB.keywords
KEYWORDS_UP = {word.upper(): spec for word, spec in KEYWORDS.items()}
NEVER_ALONE = VOCAB.never_alone

_PARTICLES = rf"(?:{'|'.join(re.escape(p) for p in VOCAB.particles)})"
#: A word of a person's name: capitalised, at least two letters, no possessive.
NAMEWORD = rf"(?:[OD][{A}]{HS}?)?[{U}]\w+(?:[{D}][{U}]\w+)*(?!\w)"
#: ``, Jr.``, ``Sr.``, ``II`` after a person's name: part of it.
NAME_SUFFIX = re.compile(
    rf",?{HS}+(?:{'|'.join(re.escape(w) for w in sorted(VOCAB.name_suffixes, key=len, reverse=True))})(?![\w.])"
    r"|,?[ \t]+(?:Jr|Sr)\."
)
#: One initial: ``V.``, or a two-letter one such as ``Vl.``; never an abbreviation like ``Mr.`` or ``No.``.
INITIAL = rf"(?!(?:{'|'.join(re.escape(w) for w in VOCAB.not_initials)})\.)[{U}][a-z]?\."

# --------------------------------------------------------------------------- titles


def _title_alternation() -> str:
    """Titles as a regex: phrases and hyphenated titles first (also written with a space), then
    abbreviations with an optional full stop, ``M.`` (Monsieur), then single words."""
    compound = [t for t in TITLES if "-" in t] + list(VOCAB.title_phrases)
    compound_rx = "|".join(
        re.escape(t).replace(r"\-", r"[-\s]+").replace(r"\ ", r"\s+")
        for t in sorted(compound, key=lambda t: (-len(t), t))
    )
    abbreviations = "|".join(re.escape(a) for a in sorted(VOCAB.title_abbreviations, key=lambda a: (-len(a), a)))
    single = alternation(t for t in TITLES if "-" not in t and t != "M")
    return rf"(?:{compound_rx}|(?:{abbreviations})(?:\.|(?!\w))|M\.|(?:{single})(?!\w))"


TITLE_AT = re.compile(_title_alternation())
#: First words of titles: where the title rule is tried.
TITLE_STARTS = frozenset({title.split("-")[0] for title in TITLES} | {p.split()[0] for p in VOCAB.title_phrases})
TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(re.escape(t) for t in TITLES))})\.?\s+$")
PERSON_AFTER = re.compile(
    rf"(?P<titles>(?:{S}(?:{TITLE_AT.pattern})){{0,3}})"
    rf"{S}(?P<name>(?:{_PARTICLES}{S})?{NAMEWORD}(?:{HS}+(?:{_PARTICLES}{HS}+)?{NAMEWORD}){{0,2}})"
)
NAME_PART = re.compile(rf"(?:{_PARTICLES}{S})?{NAMEWORD}")

# --------------------------------------------------------------------------- persons by shape

INITIALS_NAME = re.compile(rf"(?P<initials>(?:{INITIAL}{S0}){{1,3}})(?P<name>{NAMEWORD})")
INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:{INITIAL}{S0}){{1,3}}$")
#: A forename before initials (``Richard H. Ullman``, ``Vladimir I. Lenin``).
FORENAME_BEFORE = re.compile(rf"(?<![\w.{A}])(?P<word>[{U}][a-z]+){HS}+$")
FORENAME_NAME = re.compile(rf"{HS}+(?:{INITIAL}{S0}){{0,2}}(?P<surname>{NAMEWORD})")
ACRONYM = re.compile(r"(?:[^\W\d_]\.){3,}")
#: A person's name as the first word of a cited work (``Lenin's Collected Works``, ``Lenin Miscellany``).
WORKS = re.compile(
    rf"(?:[{A}]s)?\s+(?:(?:(?:{alternation(VOCAB.work_qualifiers)})\s+)?(?:{alternation(VOCAB.work_words)}))\b"
)
SIGNED = LazyPattern(
    rf"\((?:{alternation(VOCAB.signed_in_brackets)})\)|\b(?:{alternation(VOCAB.signed_labels)})(?:\s+by)?\s*:?"
)
SIGNED_SEP = re.compile(r"\s*(?:\([^()\n]{0,40}\))?\s*(?:,|\band\b|&)\s*")
SIGNED_NAME = LazyPattern(rf"{HS}*(?:{INITIAL}{S0}){{0,3}}{NAMEWORD}(?:{HS}+{NAMEWORD}){{0,2}}")
#: What may stand beside a name on a signature line: initials, brackets, punctuation.
SIGNATURE_REST = LazyPattern(
    rf"(?:\s|[{U}]\.|[(),.;:\[\]]|\((?:{alternation(VOCAB.signed_in_brackets)})\))*"
)
CITATION = LazyPattern(
    rf"^{HS}*(?P<names>{NAMEWORD}(?:{HS}*(?:&|and){HS}*{NAMEWORD})*),{HS}*[ivxlcdm]+\b[,.]",
    re.MULTILINE,
)
_CREDIT_LABELS = "|".join(
    re.escape(label).replace(r"\ ", r"\s+") for label in sorted(VOCAB.credit_labels, key=len, reverse=True)
)
CREDIT = LazyPattern(rf"\b(?:{_CREDIT_LABELS})\b[^:\n]{{0,40}}?(?:\s+by|:)\s+")
_CREDIT_PART = rf"(?:{NAMEWORD}|[{U}]\.)"
#: A credited person: two or three words; a line may break only after the first.
CREDIT_NAME = LazyPattern(rf"{_CREDIT_PART}(?:{HS}*\n?{HS}*){_CREDIT_PART}(?:{HS}+{_CREDIT_PART})?")
CREDIT_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|&|and)\s*")

# --------------------------------------------------------------------------- ships


def _ship_words() -> str:
    """Ship words as a regex: abbreviations (``U. S. S.``, spaces optional) and nouns (``destroyers``)."""
    parts = []
    for word in sorted(VOCAB.ship_words, key=len, reverse=True):
        if "." in word:
            letters = [c for c in word if c.isalpha()]
            parts.append("".join(rf"{re.escape(c)}\.{HS}?" for c in letters).rstrip("?").removesuffix(HS))
        else:
            parts.append(rf"{re.escape(word)}\b")
    return "|".join(parts)


_QUOTE_OPEN = "[\"“‘'«]"
_QUOTE_CLOSE = "[\"”’'»]"
#: A ship's name: capitalised words (or figures) in quotes, or up to three capitalised words.
SHIP_NAME = LazyPattern(
    rf"(?:{_QUOTE_OPEN}(?P<quoted>[{U}][\w'’.-]*(?:{HS}+[\w'’.-]+){{0,3}}?),?{_QUOTE_CLOSE}"
    rf"|(?P<plain>[{U}][\w'’-]+(?:{HS}+[{U}][\w'’-]+){{0,2}}))"
)
SHIP_WORD = LazyPattern(rf"(?<![\w.])(?P<word>{_ship_words()})(?:{HS}+|(?<=\.))")
#: Between two ships of a list: a comma or "and", perhaps after the tonnage ("Orel 4,441, Kursk").
SHIP_SEP = re.compile(rf"(?:{HS}+[\d][\d,.]*)?(?:{HS}*,{HS}*(?:and{HS}+)?|{HS}+and{HS}+)")

def _services() -> str:
    forms = {re.sub(r"\s+", "", form) for form in VOCAB.services}
    return "|".join(
        "".join(rf"{re.escape(c)}\.{HS}?" for c in form if c.isalpha()).removesuffix(f"{HS}?")
        for form in sorted(forms, key=len, reverse=True)
    )


#: A cheap test for a text that may hold a service abbreviation at all.
SERVICE_HINT = re.compile(rf",{HS}*(?:{'|'.join(sorted({re.escape(f[:2]) for f in VOCAB.services}))})")
#: ``Captain, U. S. A.``: the army or navy after a rank is an organisation, not the country.
SERVICE_AFTER_RANK = LazyPattern(
    rf"(?<![\w-])(?:{'|'.join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))}),{HS}*"
    rf"(?P<service>{_services()})"
)

# --------------------------------------------------------------------------- places and context

COMPASS_BEFORE = re.compile(rf"(?<!\w)(?:{alternation(VOCAB.compass)})\s+$")
LOCATIVE_BEFORE = re.compile(rf"\b(?:{alternation(VOCAB.locatives)})\s+$")
MAJESTY = re.compile(r"(?:His|Her|HIS|HER)\s+$")
NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
CONTRACTION = re.compile(rf"[{A}](?:t|ll|ve|re|d|m)(?!\w)")
URL = re.compile(r"(?:https?|ftp)://[^\s<>\"]+|www\.[^\s<>\"]+|[\w.+-]+@[\w-]+\.[\w.-]+")
UPPER_START = re.compile(rf"[{U}]")
#: A chain word preceded by one of these is the tail of a longer token (``anti-Soviet``, ``U.S.``).
NOT_BEFORE = frozenset("_.-‐‑‒–" + "".join(APOSTROPHES))
DEPUTIES_AHEAD = re.compile(r"[^.;:\n]{0,60}\bDeputies\b")
MAX_CHAIN = VOCAB.threshold("max_chain")
CONTEXT_WINDOW = VOCAB.threshold("context_window")
_FOREIGN_ENDING = re.compile(rf"(?:{alternation(VOCAB.foreign_endings)})$", re.IGNORECASE)
_FOREIGN_LENGTH = VOCAB.threshold("foreign_length")
_CAPS_RUN = VOCAB.threshold("caps_run")
_TITLE_CASE_MIN = VOCAB.threshold("title_case_min_words")
_TITLE_CASE_SHARE = float(VOCAB.thresholds["title_case_share"])


class Grammar(NamedTuple):
    """The regexes of the pattern rules, in a running-text, a title-case and an all-caps version."""

    left_sep: re.Pattern[str]
    left_word: re.Pattern[str]
    of_head: re.Pattern[str]
    chain_next: re.Pattern[str]
    modifier: re.Pattern[str]
    prefix_name: re.Pattern[str]


def _grammar(word: str, of: str, for_: str, and_: str, the: str) -> Grammar:
    # A chain of words before a head word: plain spaces, or "Workers' and Peasants'" after an apostrophe.
    sep = rf"(?:(?<=[{A}])(?:\s*,)?\s+{and_}{HS}+|(?<=[{A}]),{HS}+|{HS}+)"
    return Grammar(
        left_sep=re.compile(sep),
        left_word=re.compile(word),
        of_head=re.compile(rf"{S}(?:{of}|(?P<for>{for_})){S}(?:{the}{S})?(?={word})"),
        chain_next=re.compile(
            rf"(?:{S}(?P<conn>{of}|{and_}){S}(?:(?P<the>{the}){S})?|(?P<comma>,){S}(?:{and_}{S})?|{HS}+)"
            rf"(?P<word>{word})"
        ),
        modifier=re.compile(rf"{HS}+(?P<word>{word})"),
        prefix_name=re.compile(rf"{HS}+(?P<name>{word}(?:{HS}+{word})?)"),
    )


NORMAL = _grammar(CAPP, "of", "for", "and", "the")
@functools.cache
def title_case_grammar() -> Grammar:
    """The grammar of title-case headings ("Government Of The German Reich"), built on first need."""
    return _grammar(CAPP, "(?:of|Of)", "(?:for|For)", "(?:and|And)", "(?:the|The)")


@functools.cache
def caps_grammar() -> Grammar:
    """The grammar of lines in capitals, built on first need."""
    return _grammar(CAPP_UP, "OF", "FOR", "AND", "THE")

# --------------------------------------------------------------------------- word tests


def before(text: str, start: int, width: int = CONTEXT_WINDOW) -> str:
    return text[max(0, start - width) : start]


def is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS


def not_a_surname(word: str) -> bool:
    """Words that cannot be (the last part of) a person's name after a title, initials or first name.

    Office words are never surnames: "Dear Mr. Counsellor", "Minister Plenipotentiary".
    """
    return (
        is_stop(word)
        or word.lower() in NOT_NAMES
        or word in KEYWORDS
        or word in TITLES
        or word in VOCAB.offices
        or word in VOCAB.building_words
        or word.isupper()
    )


def suffix_end(text: str, end: int) -> int:
    """End of a person's name with a suffix that follows it (``Patterson, Jr.``), else ``end``."""
    found = NAME_SUFFIX.match(text, end)
    return found.end() if found is not None else end


def bad_possessive(word: str) -> bool:
    """``Kerensky's`` ends a name chain; ``People's`` and plural ``Workers'`` do not."""
    if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] in "sS":
        return word[:-2] not in VOCAB.possessive_ok
    return False


def is_adjective(word: str) -> bool:
    """A nationality adjective (``Ukrainian``, ``Finnish``): makes ``X Soviet`` adjectival."""
    lower = word.lower()
    return lower in NOT_NAMES or lower.endswith(("ian", "ean", "ish", "ese", "ic"))


def trim_possessive(text: str, start: int, end: int) -> int:
    """End of a name without a trailing ``'s`` or plural ``'``."""
    if end - start > 3 and text[end - 2] in APOSTROPHES and text[end - 1] in "sS":
        return end - 2
    if end - start > 2 and text[end - 1] in APOSTROPHES:
        return end - 1
    return end


def with_forename(text: str, start: int) -> int:
    """Start of ``Richard`` in ``Richard H. Ullman``: a capitalised forename just before initials."""
    found = FORENAME_BEFORE.search(text, max(0, start - 24), start)
    if found is None:
        return start
    word = found.group("word")
    if is_stop(word) or word.lower() in NOT_NAMES or word in TITLES or word in KEYWORDS:
        return start
    return found.start()


def function_word_after(text: str, end: int) -> bool:
    """Nothing or a function word after ``end`` (``the Baltic and …``): a noun, not an adjective."""
    following = re.match(r"\s+([a-z]+)", text[end : end + 30])
    return following is None or following.group(1) in VOCAB.function_words


def noun_use(text: str, end: int) -> bool:
    """``the Ukrainian Soviet in Kharkov`` (a noun: punctuation or a function word follows)."""
    following = re.match(r"\s*([a-z]+)?", text[end : end + 30])
    word = following.group(1) if following else None
    return word is None or word in VOCAB.function_words


def title_case_line(text: str, start: int, end: int) -> bool:
    """True in a heading written in title case, where ``Of`` and ``The`` are capitalised too."""
    line_start = max(text.rfind("\n", max(0, start - 80), start) + 1, start - 80)
    line_end = text.find("\n", end, end + 80)
    return _title_case(text[line_start : line_end if line_end >= 0 else end + 80])


@functools.lru_cache(maxsize=1024)
def _title_case(line: str) -> bool:
    """Is this (piece of a) line written in title case? Cached: a paragraph asks it of each name."""
    words = WORD.findall(line)
    if len(words) < _TITLE_CASE_MIN:
        return False
    capital = sum(1 for word in words if word[0].isupper())
    return capital >= _TITLE_CASE_SHARE * len(words) and any(word in ("Of", "The", "And", "To") for word in words)


def caps_run(text: str, start: int, end: int) -> bool:
    """True when the span sits in a run of at least three all-caps words (a title line)."""
    count = 0
    for word in WORD.findall(text, start, end):
        if not word.isupper():
            return False
        count += 1
    if count >= _CAPS_RUN:
        return True
    for word in reversed(WORD.findall(text, max(0, start - 80), start)):
        if not word.isupper():
            break
        count += 1
        if count >= _CAPS_RUN:
            return True
    for word in WORD.findall(text, end, end + 80):
        if not word.isupper():
            break
        count += 1
        if count >= _CAPS_RUN:
            return True
    return False


def foreign_shape(word: str) -> bool:
    """A surname that cannot be an English word: non-ASCII letters or a Slavic/German ending."""
    return not word.isascii() or len(word) > _FOREIGN_LENGTH or _FOREIGN_ENDING.search(word) is not None


def sentence_start(text: str, start: int) -> bool:
    """Does a sentence (or line) begin at ``start``?"""
    return SENTENCE_START.search(before(text, start, 12)) is not None
