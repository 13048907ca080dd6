"""Where things are in a document's source: elements, attributes, end tags, texts; and names as people read them.

Every validation layer reports positions the same way, from one scan of the
source text done only when there is something to report (lxml knows only
the line where each element starts). Positions are 1-based ``(line, col)``.

Two conventions live here. The project's layers (XSD, Schematron, rules)
point at the start of what is wrong: an element's ``<``, an attribute's
name, an unfinished element's end tag, a text's first character. A RELAX NG
schema named with ``--schema`` reports where jing does, so that the two
agree line for line: just after the start tag (``>``) for the tag and its
attributes, just after the end tag for what an element lacks, and at the
end of each line of a text that is not allowed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from tei.ns import TEI_NS, XML_NS

#: How many allowed names a message lists before it says "and N more".
MAX_LISTED = 12

# -- positions ----------------------------------------------------------------------------------

_MARKUP = re.compile(
    r"<(?:!--.*?-->"
    r"|!\[CDATA\[.*?\]\]>"
    r"|\?.*?\?>"
    r"|!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|/[^>]*>"
    r"|[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>)",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"[^\"]*\"|'[^']*')")
_COMMENT_OR_PI = re.compile(r"<!--.*?-->|<\?.*?\?>", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_REFERENCE = re.compile(r"&#(x[0-9A-Fa-f]+|[0-9]+);|&\w+;")


def _blank_out(match: re.Match[str]) -> str:
    """A comment or PI as spaces (its line breaks kept, so positions stay right)."""
    return re.sub(r"[^\r\n]", " ", match.group(0))


def _blank_source(text: str) -> bool:
    """Whether a piece of source text is only XML white space once its character references are read."""

    def read(match: re.Match[str]) -> str:
        number = match.group(1)
        if number is None:
            return "x"
        code = int(number[1:], 16) if number.startswith("x") else int(number)
        return chr(code) if code in (9, 10, 13, 32) else "x"

    return not _REFERENCE.sub(read, text).strip(" \t\r\n")
_LINE_BREAK = re.compile(r"\r\n?|\n")


def source_line(element: etree._Element) -> int:
    """lxml's line of an element (0 when unknown)."""
    line = element.sourceline
    return line if isinstance(line, int) else 0


def log_entries(log: Any) -> list[Any]:
    """The entries of an lxml error log (typed loosely in lxml-stubs)."""
    return list(log)


class Locator:
    """Where an element, an attribute, an end tag or a text is in the source text.

    Without source text (a tree built in memory) it falls back to lxml's
    ``sourceline`` and column 0, which the diagnostic format reads as unknown.
    """

    def __init__(self, root: etree._Element, text: str | None) -> None:
        self._root = root
        self._text = text
        # Per element in document order: start of its start tag, end of its start tag,
        # start of its end tag, end of its end tag (the start tag twice for <x/>).
        self._starts: list[int] | None = None
        self._start_ends: list[int] = []
        self._ends: list[int] = []
        self._end_ends: list[int] = []
        self._index: dict[etree._Element, int] = {}
        self._breaks: list[int] = []
        self._attributes: dict[int, dict[str, int]] = {}

    @classmethod
    def for_source(cls, root: etree._Element, data: bytes) -> Locator:
        """A locator for a tree parsed from ``data`` (decoded as the parser decoded it)."""
        encoding = root.getroottree().docinfo.encoding or "utf-8"
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            text = data.decode("utf-8", errors="replace")
        return cls(root, text)

    def _scan(self) -> bool:
        """One pass over the source text, on first use; False when positions are unknown."""
        if self._starts is not None:
            return bool(self._starts) or self._text is not None
        text = self._text
        self._starts = []
        if text is None:
            return False
        starts, start_ends, ends, end_ends = self._starts, self._start_ends, self._ends, self._end_ends
        stack: list[int] = []
        for match in _MARKUP.finditer(text):
            first = text[match.start() + 1]
            if first in "!?":
                continue
            if first == "/":
                if stack:
                    index = stack.pop()
                    ends[index] = match.start()
                    end_ends[index] = match.end()
                continue
            index = len(starts)
            starts.append(match.start())
            start_ends.append(match.end())
            ends.append(match.start())
            end_ends.append(match.end())
            if text[match.end() - 2] != "/":
                stack.append(index)
        self._index = {e: i for i, e in enumerate(self._root.iter(etree.Element))}
        if len(starts) != len(self._index):
            self._text = None  # the scan disagrees with the parser: trust lines only
            self._starts = []
            return False
        self._breaks = [m.end() for m in _LINE_BREAK.finditer(text)]
        return True

    def _position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._breaks, offset)
        start = self._breaks[line - 1] if line else 0
        return line + 1, offset - start + 1

    def _number(self, element: etree._Element) -> int | None:
        if not self._scan():
            return None
        return self._index.get(element)

    def element(self, element: etree._Element) -> tuple[int, int]:
        """The start of the element's start tag."""
        number = self._number(element)
        if number is None or self._starts is None:
            return source_line(element), 0
        return self._position(self._starts[number])

    def attribute(self, element: etree._Element, name: str) -> tuple[int, int]:
        """The attribute's name in the start tag (``name`` in Clark notation); else the element."""
        number = self._number(element)
        if number is None or self._starts is None or self._text is None:
            return source_line(element), 0
        start = self._starts[number]
        written = self._attributes.get(number)
        if written is None:
            # Each start tag is scanned once, however many of its attributes are asked for.
            tag = self._text[start : self._start_ends[number]]
            written = {}
            for found in _ATTRIBUTE.finditer(tag):
                spelled, offset = found.group(1), start + found.start(1)
                written.setdefault(spelled, offset)
                written.setdefault(("}" if ":" in spelled else "") + spelled.rsplit(":", 1)[-1], offset)
            self._attributes[number] = written
        exact = written.get(name)
        if exact is not None:
            return self._position(exact)
        return self._position(written.get(("}" if "}" in name else "") + name.rsplit("}", 1)[-1], start))

    def end(self, element: etree._Element) -> tuple[int, int]:
        """The element's end tag (its start tag when it is empty, ``<x/>``)."""
        number = self._number(element)
        if number is None:
            return source_line(element), 0
        return self._position(self._ends[number])

    def text(self, element: etree._Element, after: etree._Element | None = None) -> tuple[int, int]:
        """The first non-blank character of the element's text (or of ``after``'s tail)."""
        number = self._number(after if after is not None else element)
        if number is None or self._text is None:
            return source_line(element), 0
        offset = self._end_ends[number] if after is not None else self._start_ends[number]
        text = self._text
        while offset < len(text) and text[offset].isspace():
            offset += 1
        return self._position(offset)

    # -- where jing reports (RELAX NG) --

    def after_start_tag(self, element: etree._Element) -> tuple[int, int]:
        """Just after the start tag's ``>``: where jing reports a start tag and its attributes."""
        number = self._number(element)
        if number is None:
            return source_line(element), 0
        return self._position(self._start_ends[number])

    def after_end_tag(self, element: etree._Element) -> tuple[int, int]:
        """Just after the end tag (after ``/>`` for an empty element): where jing reports an element's end."""
        number = self._number(element)
        if number is None:
            return source_line(element), 0
        return self._position(self._end_ends[number])

    def text_lines(self, element: etree._Element, after: etree._Element | None = None) -> list[tuple[int, int]]:
        """The end of each line of a text that holds more than white space, as jing reports text errors.

        The text is ``element``'s own (``after`` None) or the tail of its
        child ``after``; comments and processing instructions split it,
        character references count as the characters they stand for.
        """
        number = self._number(after if after is not None else element)
        parent = self._number(element)
        if number is None or parent is None or self._text is None or self._starts is None:
            return [(source_line(after if after is not None else element), 0)]
        start = self._end_ends[number] if after is not None else self._start_ends[number]
        sibling = after.getnext() if after is not None else (element[0] if len(element) else None)
        while sibling is not None and not isinstance(sibling.tag, str):
            sibling = sibling.getnext()
        sibling_number = self._index.get(sibling) if sibling is not None else None
        end = self._starts[sibling_number] if sibling_number is not None else self._ends[parent]
        region = _COMMENT_OR_PI.sub(_blank_out, self._text[start:end])
        region = _CDATA.sub(lambda m: " " * 9 + m.group(1) + "   ", region)
        found: list[tuple[int, int]] = []
        offset = start
        for line in region.splitlines(keepends=True):
            content = line.rstrip("\r\n")
            if not _blank_source(content):
                found.append(self._position(offset + len(content.rstrip(" \t"))))
            offset += len(line)
        return found or [self._position(start)]


# -- names in messages ------------------------------------------------------------------------


def display_name(tag: str, element: etree._Element | None = None) -> str:
    """A name as a person reads it: ``p`` for TEI, ``xml:id``, else ``prefix:name`` or ``name (in ns)``."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    if namespace == TEI_NS:
        return local
    if namespace == XML_NS:
        return f"xml:{local}"
    if element is not None:
        for prefix, uri in (element.nsmap or {}).items():
            if uri == namespace and prefix:
                return f"{prefix}:{local}"
    return f"{local} (namespace {namespace})"


def name_list(names: Iterable[str], limit: int = MAX_LISTED) -> str:
    """``a, b, c`` or ``a, b, … (and 20 more)``, sorted, without repeats."""
    unique = sorted(set(names), key=lambda n: (n.lower(), n))
    if len(unique) <= limit:
        return ", ".join(unique)
    return ", ".join(unique[:limit]) + f", … (and {len(unique) - limit} more)"
