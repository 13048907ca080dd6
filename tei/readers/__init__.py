"""Readers: plain text and light Markdown -> a TEI ``<text>`` element.

The registry ``READERS`` maps an input format to its reader; ``detect_format``
decides ``auto``. Both formats share the block grammar; Markdown adds inline
emphasis, links, headings and escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from tei.readers.structure import ReadReport, build_text

_MARKDOWN_SIGNS = re.compile(
    r"(?m)^[ \t]{0,3}#{1,6}\s|\*\*[^*\n]+\*\*|<sup>|</sup>|<https?://|\]\(https?://|^[ \t]*\*[^*\s][^*\n]*\*[ \t]*$|"
    r"^[ \t]*>\s|\S {2}$|\\[*_\[\]]"
)


def detect_format(text: str) -> str:
    """``markdown`` when the text carries Markdown syntax (bold, sup, autolinks, headings), else ``plain``."""
    return "markdown" if len(_MARKDOWN_SIGNS.findall(text[:200_000])) >= 2 else "plain"


def read_plain(text: str) -> tuple[etree._Element, ReadReport]:
    """Plain text: blocks, brackets, markers, URLs; asterisks are kept as text."""
    return build_text(text, markdown=False)


def read_markdown(text: str) -> tuple[etree._Element, ReadReport]:
    """Light Markdown as web archives publish it."""
    return build_text(text, markdown=True)


READERS: dict[str, Callable[[str], tuple[etree._Element, ReadReport]]] = {
    "plain": read_plain,
    "markdown": read_markdown,
}

__all__ = ["READERS", "ReadReport", "detect_format", "read_markdown", "read_plain"]
