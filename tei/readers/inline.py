"""Inline conventions of plain text and light Markdown -> TEI mixed content.

Footnote markers become ``note`` with ``gap``, square-bracket insertions become
``supplied``, audience reactions become ``stage``, URLs become ``ref``, and (in
Markdown) emphasis becomes ``hi``. Markup syntax is dropped; every word stays.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.ns import E
from tei.readers.blocks import REACTION_WORDS

Inline = str | etree._Element

_URL = r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]}'’”]"
_PATTERNS_MD = [
    ("escape", r"\\(?P<escaped>[\\`*_{}\[\]()#+\-.!<>])"),
    ("sup_marker", r"<sup>\s*\[?(?P<sup_n>[^\[\]<>\s]{1,6})\]?\s*</sup>"),
    ("md_footnote", r"\[\^(?P<md_n>[^\]\s]{1,10})\](?!:)"),
    ("autolink", rf"<(?P<autolink>{_URL})>"),
    ("md_link", rf"\[(?P<link_text>[^\[\]\n]{{1,200}})\]\((?P<link_url>{_URL}|[^()\s]+)\)"),
    ("stage_md", r"\(\s*(?P<stage_md_mark>\*\*?|__?)(?P<stage_md>[^*_()\n]{1,120}?)(?P=stage_md_mark)\s*\)"),
    ("stage_plain", r"\((?P<stage_plain>[^()\[\]\n]{1,80})\)"),
    ("gap", r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]"),
    ("marker", r"\[(?P<marker>\d{1,3}|[A-Z]|\*{1,3})\]"),
    ("supplied", r"\[(?P<supplied>[^\[\]\n]{1,300})\]"),
    ("url", rf"(?P<url>{_URL})"),
    ("strong", r"(?<![\w*])\*\*(?P<strong>\S(?:[^*]|\*(?!\*))*?)\*\*(?![\w*])"),
    ("strong_u", r"(?<![\w_])__(?P<strong_u>\S[^_]*?)__(?![\w_])"),
    ("em", r"(?<![\w*])\*(?P<em>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])"),
    ("em_u", r"(?<![\w_])_(?P<em_u>[^\s_](?:[^_]*?[^\s_])?)_(?![\w_])"),
    ("tag", r"</?(?:sup|sub|em|strong|i|b|u|br|span|small)\b[^<>]{0,40}>"),
]
_PLAIN_KINDS = {"sup_marker", "stage_plain", "gap", "marker", "supplied", "url"}


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
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, str) and merged and isinstance(merged[-1], str):
            merged[-1] = merged[-1] + item
        elif not (isinstance(item, str) and item == ""):
            merged.append(item)
    return merged


def append_inline(parent: etree._Element, items: list[Inline]) -> None:
    """Append strings and elements to ``parent`` as mixed content, after what it has."""
    for item in items:
        if isinstance(item, str):
            children = list(parent)
            if children:
                last = children[-1]
                last.tail = (last.tail or "") + item
            else:
                parent.text = (parent.text or "") + item
        else:
            parent.append(item)
