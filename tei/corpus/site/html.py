"""Building the site's pages as lxml trees: every text and attribute is escaped by the serialiser.

Why trees and not string templates: titles, names and notes come from the
documents, written by anyone; an element tree cannot let them become markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from lxml import etree

__all__ = ["Nav", "el", "href", "page", "serialize"]


def el(tag: str, *children: Any, **attrs: str | None) -> etree._Element:
    """An HTML element; strings among ``children`` become text; ``class_`` -> class, ``aria_label`` -> aria-label."""
    element = etree.Element(tag)
    for key, value in attrs.items():
        if value is None:
            continue
        element.set(key.rstrip("_").replace("_", "-"), value)
    last: etree._Element | None = None
    for child in _flatten(children):
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            element.append(child)
            last = child
    return element


def _flatten(children: Iterable[Any]) -> Iterable[Any]:
    for child in children:
        if child is None:
            continue
        if isinstance(child, (list, tuple)):
            yield from _flatten(child)
        else:
            yield child


def href(*parts: str) -> str:
    """A relative link from path parts, each percent-encoded (file names may hold any character)."""
    return "/".join(quote(part, safe="#.-_~") if part not in ("..", ".") else part for part in parts)


def serialize(root: etree._Element) -> bytes:
    """An HTML5 page as UTF-8 bytes: doctype, the tree, a final newline (deterministic)."""
    body = etree.tostring(root, method="html", encoding="unicode")
    return ("<!DOCTYPE html>\n" + body + "\n").encode("utf-8")


@dataclass(frozen=True)
class Nav:
    """The site's sections, for the navigation bar on every page (label, path from the site root)."""

    title: str
    sections: Sequence[tuple[str, str]]
    footer: str


def site_nav(nav: Nav, up: str, current: str) -> etree._Element:
    """The navigation bar: the collection's title, its sections, a search form (GET to search.html)."""
    items = []
    for label, path in nav.sections:
        link = el("a", label, href=up + path)
        if path == current:
            link.set("aria-current", "page")
        items.append(el("li", link))
    search = el(
        "form",
        el("label", "Search the documents", for_="site-q", class_="visually-hidden"),
        el("input", type="search", id="site-q", name="q", placeholder="Search…", autocomplete="off"),
        el("button", "Search", type="submit"),
        action=up + "search.html",
        method="get",
        role="search",
        class_="site-search",
    )
    return el(
        "nav",
        el("a", nav.title, href=up + "index.html", class_="site-title"),
        el("ul", items, class_="site-sections"),
        search,
        class_="site-nav",
        aria_label="Collection",
    )


def page(
    nav: Nav,
    *,
    title: str,
    up: str,
    current: str,
    main: Sequence[Any],
    lang: str = "en",
    scripts: Sequence[str] = (),
) -> bytes:
    """A whole page of the site: head, skip link, navigation, ``main``, footer; ``up`` leads to the site root."""
    head = el(
        "head",
        el("meta", charset="utf-8"),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", f"{title} — {nav.title}" if title != nav.title else title),
        el("link", rel="stylesheet", href=up + "assets/site.css"),
    )
    body = el(
        "body",
        el("a", "Skip to the content", href="#content", class_="skip"),
        el("header", site_nav(nav, up, current), class_="site-header"),
        el("main", list(main), id="content", tabindex="-1"),
        el("footer", el("p", nav.footer), class_="site-footer"),
    )
    for script in scripts:
        body.append(el("script", src=up + script))
    return serialize(el("html", head, body, lang=lang))
