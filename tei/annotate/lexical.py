"""Character classes and word shapes shared by the recognisers (no vocabulary here).

Why a module: the name grammar, the context rules and the vocabulary loader
(which lets data files write ``\\p{Lu}`` for "an upper-case letter") all need
the same classes, built once.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator

from tei.annotate.register import APOSTROPHES, DASHES


def char_class(predicate: Callable[[str], bool]) -> str:
    """A regex character-class body for the characters up to U+052F that satisfy ``predicate``."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x20, 0x530):
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


#: Upper-case letters (Latin, Greek, Cyrillic), as a class body.
U = char_class(str.isupper)
#: Hyphens and the en dash join words; the em dash does not.
D = re.escape("".join(sorted(DASHES - {"—", "―"})))
#: Apostrophe look-alikes.
A = re.escape("".join(sorted(APOSTROPHES)))
#: Horizontal space.
HS = r"[ \t\u00a0]"
#: At least one space, at most one line break: a name may wrap, but never crosses a blank line.
S = rf"(?:{HS}+\n?|\n){HS}*"
#: Optional space of the same kind.
S0 = rf"{HS}*\n?{HS}*"
#: A capitalised word in running text (``All-Russian``, ``People's``, ``Workers'``).
CAPP = rf"[{U}]\w+(?:[{D}]\w+)*(?:[{A}]s(?!\w)|(?<=s)[{A}](?!\w))?"
#: The same in an all-caps line (``PEOPLE'S``): upper case and digits only.
CAPP_UP = rf"[{U}][{U}\d]+(?:[{D}][{U}\d]+)*(?!\w)(?:[{A}]S(?!\w)|(?<=S)[{A}](?!\w))?"
#: Letters only (for counting words).
WORD = re.compile(r"[^\W\d_]+")
#: The start of a sentence, looked for at the end of the text before a word.
SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|\n\s*)$")


class LazyPattern:
    """A regex compiled on first use: the start-up of a command pays only for the patterns it needs.

    Why: compiling the whole grammar costs more than encoding a small document;
    many patterns (signatures, ships, citations, capitals) serve few texts.
    """

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self._source

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.match(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.search(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text, pos, endpos)


def data_regex(pattern: str) -> re.Pattern[str]:
    """Compile a regex written in a data file, where ``\\p{Lu}`` means any upper-case letter."""
    return re.compile(pattern.replace(r"\p{Lu}", f"[{U}]"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so that ``Consul-General`` beats ``Consul``)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(word) for word in items)
