"""Inline conventions of plain text and light Markdown -> TEI mixed content.

Footnote markers become ``note`` with ``gap``, square-bracket insertions become
``supplied``, audience reactions become ``stage``, URLs become ``ref``, and (in
Markdown) emphasis becomes ``hi``. Markup syntax is dropped; every word stays.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.ns import E
from tei.readers.blocks import MONTHS, REACTION_WORDS

Inline = str | etree._Element

_URL = r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]}'’”]"
#: A link target: no brackets, parentheses only balanced one deep (``…/Foo_(bar)``). Why not ``_URL``:
#: that run crosses ``[`` and ``(``, so each ``[a](http…`` of a long unbroken run rescanned the rest.
_LINK_URL = r"https?://(?:[^\s<>\"()\[\]]|\([^\s<>\"()\[\]]*\))+"
#: Just after a ``[`` that follows a number, or a number and one space (fixed-width lookbehinds,
#: tried only once a ``[`` matched: a lookbehind first would run at every character of the text).
_AFTER_NUMBER = r"(?:(?<=\d\[)|(?<=\d[ \u00a0]\[))"
_PATTERNS_MD = [
    ("escape", r"\\(?P<escaped>[\\`*_{}\[\]()#+\-.!<>])"),
    ("sup_marker", r"<sup>\s*\[?(?P<sup_n>[^\[\]<>\s]{1,6})\]?\s*</sup>"),
    ("md_footnote", r"\[\^(?P<md_n>[^\]\s]{1,10})\](?!:)"),
    ("autolink", rf"<(?P<autolink>{_URL})>"),
    ("md_link", rf"\[(?P<link_text>[^\[\]\n]{{1,200}})\]\((?P<link_url>{_LINK_URL}|[^()\s]+)\)"),
    ("stage_md", r"\(\s*(?P<stage_md_mark>\*\*?|__?)(?P<stage_md>[^*_()\n]{1,120}?)(?P=stage_md_mark)\s*\)"),
    ("stage_plain", r"\((?P<stage_plain>[^()\[\]\n]{1,80})\)"),
    ("gap", r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]"),
    # A bracketed number right after a number ("2 [12] p.m.", "Your 2369 [2396]") is the editor's
    # correction of it, not a footnote marker: its digits are words of the source and stay.
    ("correction", rf"\[{_AFTER_NUMBER}(?P<correction>\d[\d,.:]{{0,15}})\]"),
    ("marker", r"\[(?P<marker>\d{1,3}|[A-Z]|\*{1,3})\]"),
    ("supplied", r"\[(?P<supplied>[^\[\]\n]{1,300})\]"),
    ("url", rf"(?P<url>{_URL})"),
    ("strong", r"(?<![\w*])\*\*(?P<strong>\S(?:[^*]|\*(?!\*))*?)\*\*(?![\w*])"),
    ("strong_u", r"(?<![\w_])__(?P<strong_u>\S[^_]*?)__(?![\w_])"),
    ("em", r"(?<![\w*])\*(?P<em>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])"),
    ("em_u", r"(?<![\w_])_(?P<em_u>[^\s_](?:[^_]*?[^\s_])?)_(?![\w_])"),
    ("tag", r"</?(?:sup|sub|em|strong|i|b|u|br|span|small)\b[^<>]{0,40}>"),
]
#: A month name (of ``blocks.MONTHS``) right before a bracketed number: ``December [4]``.
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?[ \u00a0]?\Z", re.IGNORECASE)
_PLAIN_KINDS = {"sup_marker", "stage_plain", "gap", "correction", "marker", "supplied", "url"}


def _compile(kinds: list[tuple[str, str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<k_{kind}>{pattern})" for kind, pattern in kinds))


_MARKDOWN = _compile(_PATTERNS_MD)
_PLAIN = _compile([(kind, pattern) for kind, pattern in _PATTERNS_MD if kind in _PLAIN_KINDS])


def parse_inline(text: str, *, markdown: bool) -> list[Inline]:
    """Parse one block's text into strings and TEI elements, in order."""
    pattern = _MARKDOWN if markdown else _PLAIN
    out: list[Inline] = []
    position = 0
    for match in pattern.finditer(text):
        kind = _kind_of(match)
        produced = _convert(kind, match, markdown)
        if produced is None:
            continue
        if match.start() > position:
            out.append(text[position : match.start()])
        out.extend(produced)
        position = match.end()
    if position < len(text):
        out.append(text[position:])
    return _merge_strings(out)


def _kind_of(match: re.Match[str]) -> str:
    """The alternative that matched (the outer ``k_`` group, not an inner one)."""
    for name, value in match.groupdict().items():
        if name.startswith("k_") and value is not None:
            return name[2:]
    return ""


def _convert(kind: str, match: re.Match[str], markdown: bool) -> list[Inline] | None:
    """The inline items one match stands for, or None to leave it as text."""
    found = match.groupdict()

    def group(name: str) -> str:
        return found.get(name) or ""

    if kind == "escape":
        return [group("escaped")]
    start = match.start()
    if kind == "marker" and group("marker").isdigit() and _MONTH_BEFORE.search(match.string, max(0, start - 12), start):
        # "December [4]": the editor supplied the day; a number after a month is no footnote marker.
        return [E("supplied", group("marker"), reason="editorial")]
    if kind in ("sup_marker", "md_footnote", "marker"):
        label = group("sup_n") or group("md_n") or group("marker")
        return [E("note", E("gap", reason="not-in-source"), n=label, place="foot")]
    if kind == "autolink":
        url = group("autolink")
        return [E("ref", url, target=url)]
    if kind == "url":
        url = group("url")
        return [E("ref", url, target=url)]
    if kind == "md_link":
        return [_with_children(E("ref", target=group("link_url")), parse_inline(group("link_text"), markdown=True))]
    if kind == "stage_md":
        inner = group("stage_md")
        return ["(", _with_children(E("stage", type="reaction"), parse_inline(inner, markdown=markdown)), ")"]
    if kind == "stage_plain":
        inner = group("stage_plain")
        if not REACTION_WORDS.search(inner) or len(inner.split()) > 8:
            # Not a reaction: plain parentheses, whose content is read like any other text
            # (a tag or a marker inside must not survive as literal text).
            return ["(", *parse_inline(inner, markdown=markdown), ")"]
        return ["(", _with_children(E("stage", type="reaction"), parse_inline(inner, markdown=markdown)), ")"]
    if kind == "correction":
        return [E("supplied", group("correction"), reason="correction")]
    if kind == "gap":
        return [E("gap", reason="omitted-in-source")]
    if kind == "supplied":
        inner = group("supplied")
        return [_with_children(E("supplied", reason="editorial"), parse_inline(inner, markdown=markdown))]
    if kind in ("strong", "strong_u"):
        return [_with_children(E("hi", rend="bold"), parse_inline(group(kind), markdown=True))]
    if kind in ("em", "em_u"):
        return [_with_children(E("hi", rend="italic"), parse_inline(group(kind), markdown=True))]
    if kind == "tag":
        return []
    return None


def _with_children(parent: etree._Element, items: list[Inline]) -> etree._Element:
    append_inline(parent, items)
    return parent


def _merge_strings(items: list[Inline]) -> list[Inline]:
    """Adjacent strings as one (joined once: repeated concatenation would be quadratic)."""
    merged: list[Inline] = []
    run: list[str] = []
    for item in items:
        if isinstance(item, str):
            run.append(item)
            continue
        if run:
            joined = "".join(run)
            if joined:
                merged.append(joined)
            run = []
        merged.append(item)
    if run and (joined := "".join(run)):
        merged.append(joined)
    return merged


class MixedContent:
    """Appends strings and elements to an element as mixed content, each in constant time.

    Why: lxml finds an element's last child by walking its children, and a
    string grown by ``+=`` is copied each time; a paragraph of 10^5 inline
    elements, or one joined across 10^4 page footers, was quadratic. Strings
    wait in a list and are joined once, when an element follows or at
    :meth:`close`. ``last_text`` is the last non-empty text added (not counting
    the text of ``note`` and ``fw``), for the readers' sentence-end tests.
    """

    __slots__ = ("_last", "_pending", "element", "last_text")

    def __init__(self, element: etree._Element) -> None:
        self.element = element
        self.last_text = ""
        self._last: etree._Element | None = next(reversed(element), None)
        self._pending: list[str] = []

    def add(self, items: list[Inline]) -> MixedContent:
        """Append ``items`` after what the element has."""
        for item in items:
            if isinstance(item, str):
                if item:
                    self._pending.append(item)
                    self.last_text = item
                continue
            self._flush()
            self.element.append(item)
            self._last = item
            self.last_text = _last_text_inside(item) or self.last_text
        return self

    def close(self) -> etree._Element:
        """Write the waiting text into the tree; the element is complete."""
        self._flush()
        return self.element

    def _flush(self) -> None:
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending.clear()
        if self._last is None:
            self.element.text = (self.element.text or "") + text
        else:
            self._last.tail = (self._last.tail or "") + text


def _last_text_inside(element: etree._Element) -> str:
    """The last non-empty text slot inside ``element`` (its tail excluded); notes and furniture are silent."""
    last = ""
    for node in element.iter():
        if node.text and isinstance(node.tag, str) and node.tag.rsplit("}", 1)[-1] not in ("note", "fw"):
            last = node.text
        if node is not element and node.tail:
            last = node.tail
    return last


def append_inline(parent: etree._Element, items: list[Inline]) -> None:
    """Append strings and elements to ``parent`` as mixed content, after what it has."""
    MixedContent(parent).add(items).close()
