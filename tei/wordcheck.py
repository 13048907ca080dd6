"""The "nothing of the source is lost" check of docs/encoding.md section 1.

The words (letter/digit runs, NFC) of every text node under TEI ``<text>``
must equal, in order, the words of the input once its markup syntax is
removed. Markup syntax is removed here by rules of its own, not by the
reader, so that the check can catch the reader losing a word.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from tei.ns import TEI_NS, local_name

_WORD = re.compile(r"[^\W_]+")
#: Editorial additions that are not words of the source (corrections, expansions).
_EDITORIAL = frozenset({"corr", "expan", "reg"})

_REMOVED = " \x00 "
_MARKUP = [
    re.compile(r"<sup>\s*\[?[^\[\]<>\s]{1,6}\]?\s*</sup>"),  # footnote markers live on in note/@n
    re.compile(r"\[\^[^\]\s]{1,10}\](?!:)"),
    re.compile(r"\[(?:\d{1,3}|[A-Z]|\*{1,3})\]"),  # footnote markers; see _keeps_number for the exceptions
    re.compile(r"\]\((?:https?://[^\s)]+|[^()\s]+)\)"),  # the target of a Markdown link is an attribute
    re.compile(r"</?(?:sup|sub|em|strong|i|b|u|br|span|small)\b[^<>]{0,40}>"),
]


def words(text: str) -> list[str]:
    """The words of a string, NFC-normalised."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def source_words(text: str, *, markdown: bool) -> list[str]:
    """Words of the input with markup syntax (markers, link targets, tags) removed."""
    # What is removed leaves a NUL (never in decoded input) between spaces: a space alone could put a
    # number next to a bracket ("2<sup>[A]</sup>[12]") where the reader saw none.
    if markdown:
        for index, pattern in enumerate(_MARKUP):
            text = pattern.sub(_remove_marker if index == 2 else _REMOVED, text)
    else:
        text = _MARKUP[0].sub(_REMOVED, text)
        text = _MARKUP[2].sub(_remove_marker, text)
    return words(text)


#: What stands before a bracketed number that is a word of the text, not a footnote marker: a number
#: ("2 [12] p.m.", the editor's correction) or a month ("December [4]", the day the editor supplied).
_NUMBER_BEFORE = re.compile(
    r"(?:\d[ \u00a0]?|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?[ \u00a0]?)\Z",
    re.IGNORECASE,
)


def _remove_marker(match: re.Match[str]) -> str:
    start = match.start()
    if match.group(0)[1:-1].isdigit() and _NUMBER_BEFORE.search(match.string, max(0, start - 12), start):
        return match.group(0)
    return _REMOVED


def tei_words(root: etree._Element) -> list[str]:
    """Words of all text nodes under TEI ``<text>``, skipping editorial corrections."""
    text_el = root if local_name(root) == "text" else root.find(f"{{{TEI_NS}}}text")
    if text_el is None:
        return []
    out: list[str] = []

    def visit(element: etree._Element) -> None:
        if isinstance(element.tag, str) and local_name(element) not in _EDITORIAL:
            out.extend(words(element.text or ""))
            for child in element:
                visit(child)
                out.extend(words(child.tail or ""))
        # comments and processing instructions carry no words of the source

    visit(text_el)
    return out


def first_difference(expected: list[str], actual: list[str]) -> str | None:
    """None when equal, else a message naming the first word that differs."""
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            context = " ".join(expected[max(0, index - 5) : index + 1])
            return f"word {index + 1} differs: source has {want!r}, TEI has {got!r} (after: …{context})"
    if len(expected) != len(actual):
        return f"source has {len(expected)} words, TEI has {len(actual)}"
    return None
