"""A document's page: the HTML reading edition of ``tei.transform`` with the site around it.

The edition's stylesheet promises (its contract with the site) that every
name is ``<a class="name person|place|org" href="#ENTRY" id="MENTION">`` (a
``span`` when it has no entry) and every date a ``<time datetime>``. Nothing
else of its markup is relied on: this module adds the site's navigation and
stylesheet, points each name at its index page, gives every name an id if it
lacks one, and adds the downloads and the previous/next links after
``main``. It returns the mentions it found (anchor, entity, text as written,
a few words either side) for the index pages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from tei.corpus.authority import authority_from_ref
from tei.corpus.documents import DocumentInfo
from tei.corpus.entities import Collection, fold
from tei.corpus.site.html import Nav, el, serialize, site_nav

__all__ = ["PageMention", "site_edition"]

_KINDS = ("person", "place", "org")
_BLOCKS = frozenset(("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "figcaption", "pre", "summary"))
CONTEXT = 70


@dataclass(frozen=True)
class PageMention:
    """A name on a document's page: its anchor, the entity it names, the text as written and its context."""

    anchor: str
    entity: str
    text: str
    before: str
    after: str


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _entity_of(element: etree._Element, doc: DocumentInfo, collection: Collection) -> str | None:
    target = (element.get("href") or "").strip()
    if target.startswith("#"):
        return collection.targets.get((doc.id, target))
    if target:
        authority = authority_from_ref(target)
        if authority is not None:
            return collection.targets.get((doc.id, f"{authority.scheme}:{authority.value}"))
        return None
    kind = next((name for name in _classes(element) if name in _KINDS), "name")
    text = re.sub(r"\s+", " ", "".join(str(part) for part in element.itertext())).strip()
    return collection.forms.get((kind, fold(text)))


def _contexts(root: etree._Element, names: set[etree._Element]) -> dict[etree._Element, tuple[str, str]]:
    """For each name, the text of its block before and after it (one walk per block)."""
    found: dict[etree._Element, tuple[str, str]] = {}
    blocks: dict[etree._Element, list[etree._Element]] = {}
    for name in names:
        block = next((a for a in name.iterancestors() if a.tag in _BLOCKS), name.getparent())
        if block is not None:
            blocks.setdefault(block, []).append(name)
    for block, inside in blocks.items():
        wanted = set(inside)
        parts: list[str] = []
        spans: dict[etree._Element, tuple[int, int]] = {}
        starts: dict[etree._Element, int] = {}
        for event, element in etree.iterwalk(block, events=("start", "end")):
            if not isinstance(element.tag, str):
                if event == "end" and element.tail:
                    parts.append(element.tail)
                continue
            if event == "start":
                if element in wanted:
                    starts[element] = sum(map(len, parts))
                if element.text:
                    parts.append(element.text)
            else:
                if element in wanted:
                    spans[element] = (starts[element], sum(map(len, parts)))
                if element is not block and element.tail:
                    parts.append(element.tail)
        text = "".join(parts)
        for element, (start, end) in spans.items():
            found[element] = (_trim_left(text[:start]), _trim_right(text[end:]))
    return found


def _trim_left(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    if len(text) <= CONTEXT:
        return text.lstrip()
    cut = text[-CONTEXT:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < 20 else cut)


def _trim_right(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    if len(text) <= CONTEXT:
        return text.rstrip()
    cut = text[:CONTEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > CONTEXT - 20 else cut) + "…"


def site_edition(
    raw: bytes,
    *,
    doc: DocumentInfo,
    collection: Collection,
    pages: Mapping[str, str],
    nav: Nav,
    pager: Sequence[tuple[str, str, str]],
    downloads: Sequence[tuple[str, str]],
) -> tuple[bytes, list[PageMention]]:
    """The site page of a document from its HTML edition; ``pages``: entity id -> path from the site root.

    ``pager`` holds (rel, title, href) for the previous and next documents;
    ``downloads`` (label, file name) the files beside the page.
    """
    parser = etree.HTMLParser(no_network=True, remove_comments=False)
    root = etree.fromstring(raw, parser)
    head = root.find("head")
    body = root.find("body")
    if head is None or body is None:
        raise ValueError("the HTML edition has no head or body")
    title = head.find("title")
    if title is not None:
        title.text = f"{title.text or doc.title} — {nav.title}"
    head.append(el("link", rel="stylesheet", href="../assets/site.css"))

    names = [element for element in body.iter("a", "span") if "name" in _classes(element)
             and not any("index" in _classes(a) and a.tag == "nav" for a in element.iterancestors())]
    targets: dict[etree._Element, str] = {}
    for element in names:
        entity = _entity_of(element, doc, collection)
        if entity is not None and entity in pages:
            targets[element] = entity
    contexts = _contexts(root, set(targets))
    mentions: list[PageMention] = []
    used_ids = {element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    number = 0
    for element in names:
        entity = targets.get(element)
        if entity is None:
            continue
        anchor = element.get("id")
        if not anchor:
            number += 1
            while f"site-m{number}" in used_ids:
                number += 1
            anchor = f"site-m{number}"
            element.set("id", anchor)
        element.tag = "a"
        element.set("href", "../" + pages[entity])
        text = re.sub(r"\s+", " ", "".join(str(part) for part in element.itertext())).strip()
        before, after = contexts.get(element, ("", ""))
        mentions.append(PageMention(anchor, entity, text, before, after))

    id_map = collection.id_map(doc.id)
    for index in body.iter("nav"):
        if "index" not in _classes(index):
            continue
        for item in index.iter("li"):
            entity = id_map.get(item.get("id") or "")
            if entity and entity in pages:
                item.append(el("a", "all documents", href="../" + pages[entity], class_="site-entity"))

    bar = el("div", site_nav(nav, "../", "documents/index.html"), class_="site-header")
    skip = next((child for child in body if child.tag == "a" and "skip" in _classes(child)), None)
    if skip is not None:
        skip.addnext(bar)
    else:
        body.insert(0, bar)
    tools = el(
        "section",
        el("h2", "Download this document", id="site-downloads"),
        el("ul", [el("li", el("a", label, href=name, download=name)) for label, name in downloads]),
        el("ul", [el("li", el("a", f"{'Previous' if rel == 'prev' else 'Next'} by date: {text}", href=target, rel=rel))
                  for rel, text, target in pager], class_="doc-pager") if pager else None,
        class_="doc-tools",
        aria_labelledby="site-downloads",
    )
    main = body.find(".//main")
    if main is not None:
        main.addnext(tools)
    else:
        body.append(tools)
    return serialize(root), mentions
