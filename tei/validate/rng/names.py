"""XML names as jing checks them: the character classes of XML 1.0 (second edition), appendix B.

Those classes are those of Unicode 2.0, not the wider ranges of XML 1.0's
fifth edition that libxml2 accepts. jing (and the RELAX NG test suite)
follow them, so a schema naming an element ``ี`` (a Thai combining vowel) is
incorrect. Here appendix B's own rule is applied to Python's Unicode tables:
a name starts with a letter (Ll, Lu, Lo, Lt, Nl), ``_`` or ``:`` and goes on
with those, digits (Nd), marks (Mc, Me, Mn), modifier letters (Lm) and
``.``, ``-``, ``·``; characters of the compatibility area (U+F900–U+FFFE) and
those with a compatibility decomposition are not name characters. Plain
ASCII names take a fast path (they are almost all names a document has).
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["is_name", "is_name_char", "is_name_start", "is_ncname", "is_nmtoken", "is_qname"]

_ASCII_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._\-]*")
_ASCII_NMTOKEN = re.compile(r"[A-Za-z0-9._\-:]+")
_START_CATEGORIES = frozenset({"Ll", "Lu", "Lo", "Lt", "Nl"})
_OTHER_CATEGORIES = frozenset({"Mc", "Me", "Mn", "Lm", "Nd"})
_EXTENDERS = frozenset(
    "\u00b7\u02d0\u02d1\u0387\u0640\u0e46\u0ec6\u3005\u3031\u3032\u3033\u3034\u3035\u309d\u309e\u30fc\u30fd\u30fe"
)


def _excluded(char: str) -> bool:
    code = ord(char)
    if code > 0xFFFF or 0xF900 <= code <= 0xFFFE:
        return True
    return unicodedata.decomposition(char).startswith("<")


@functools.lru_cache(maxsize=8192)
def is_name_start(char: str) -> bool:
    """A character that may start a name without a colon (``_`` or a letter)."""
    if char == "_":
        return True
    return unicodedata.category(char) in _START_CATEGORIES and not _excluded(char)


@functools.lru_cache(maxsize=8192)
def is_name_char(char: str) -> bool:
    """A character that may appear in a name without a colon."""
    if char in "._-" or char in _EXTENDERS:
        return True
    if is_name_start(char):
        return True
    return unicodedata.category(char) in _OTHER_CATEGORIES and not _excluded(char)


def is_ncname(text: str) -> bool:
    if _ASCII_NCNAME.fullmatch(text):
        return True
    return bool(text) and text.isascii() is False and is_name_start(text[0]) and all(map(is_name_char, text[1:]))


def is_name(text: str) -> bool:
    """An XML Name (colons allowed anywhere a name character is)."""
    if not text:
        return False
    if not (text[0] == ":" or is_name_start(text[0])):
        return False
    return all(c == ":" or is_name_char(c) for c in text[1:])


def is_nmtoken(text: str) -> bool:
    if _ASCII_NMTOKEN.fullmatch(text):
        return True
    return bool(text) and all(c == ":" or is_name_char(c) for c in text)


def is_qname(text: str) -> bool:
    prefix, colon, local = text.partition(":")
    if not colon:
        return is_ncname(text)
    return is_ncname(prefix) and is_ncname(local)
