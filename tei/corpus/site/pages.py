"""The site's own pages: home, documents by date and by author, indexes of names, entity pages, timeline, search.

Every page is built by :func:`tei.corpus.site.html.page` (skip link, landmarks,
one ``h1``, the navigation) and returned as bytes; nothing here writes files.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from tei.corpus.dates import date_label, julian_label
from tei.corpus.documents import KINDS, DocumentInfo
from tei.corpus.entities import Collection, Entity
from tei.corpus.site.edition import PageMention
from tei.corpus.site.html import Nav, el, href, page

__all__ = ["KIND_FOLDERS", "KIND_TITLES", "SitePages", "sorted_documents"]

KIND_FOLDERS = {"person": "persons", "place": "places", "org": "organisations", "name": "names"}
KIND_TITLES = {"person": "Persons", "place": "Places", "org": "Organisations", "name": "Other names"}
_KIND_SINGULAR = {"person": "person", "place": "place", "org": "organisation", "name": "name"}


def sorted_documents(documents: Sequence[DocumentInfo]) -> list[DocumentInfo]:
    """Documents by date (undated last), then title."""
    return sorted(documents, key=lambda doc: (doc.date == "", doc.date, doc.title.casefold(), doc.id))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _date_cell(doc: DocumentInfo) -> list[etree._Element | str]:
    return [copy.deepcopy(part) if isinstance(part, etree._Element) else part for part in _date_parts(doc.date)]


@functools.lru_cache(maxsize=4096)
def _date_parts(date: str) -> tuple[etree._Element | str, ...]:
    """A date cell's parts, made once per date (copied where used: an element has one parent)."""
    return tuple(_date_cell_uncached(date))


def _date_cell_uncached(date: str) -> list[etree._Element | str]:
    if not date:
        return ["undated"]
    parts: list[etree._Element | str] = [el("time", date_label(date), datetime=date)]
    julian = julian_label(date)
    if julian:
        parts += [" ", el("span", f"= {julian.replace('(Julian)', 'O.S.')}", class_="os")]
    return parts


@dataclass(frozen=True)
class SitePages:
    """Everything the pages need: the collection, the page of each document and entity, the mentions found."""

    nav: Nav
    collection: Collection
    description: str
    doc_pages: Mapping[str, str]
    entity_pages: Mapping[str, str]
    page_mentions: Mapping[str, Sequence[PageMention]]
    lang: str = "en"

    # -- home ---------------------------------------------------------------------------------------

    def home(self) -> bytes:
        docs = self.collection.documents
        dated = sorted(doc.date for doc in docs if doc.date)
        counts = {kind: sum(1 for e in self.collection.entities if e.kind == kind) for kind in KINDS}
        facts = [("Documents", _plural(len(docs), "document"))]
        if dated:
            span = f"{date_label(dated[0])} – {date_label(dated[-1])}"
            facts.append(("Dates (Gregorian)", span))
            first, last = julian_label(dated[0]), julian_label(dated[-1])
            if first and last:
                facts.append(("Dates (Julian, O.S.)",
                              f"{first.removesuffix(' (Julian)')} – {last.removesuffix(' (Julian)')}"))
        facts.append(("Words", f"{sum(doc.words for doc in docs):,}"))
        authors = sorted({author for doc in docs for author in doc.authors})
        if authors:
            facts.append(("Authors", _plural(len(authors), "author")))
        languages = sorted({name for doc in docs for _, name in doc.languages})
        if languages:
            facts.append(("Languages", ", ".join(languages)))
        browse = [
            ("Documents by date", "documents/index.html", _plural(len(docs), "document")),
            ("Documents by author", "documents/authors.html", _plural(len(authors), "author")),
            ("Timeline", "timeline.html", f"{len({d[:4] for d in dated})} years" if dated else "no dates"),
        ]
        for kind in KINDS:
            if kind != "name" or counts[kind]:
                browse.append((KIND_TITLES[kind], f"{KIND_FOLDERS[kind]}/index.html",
                               _plural(counts[kind], "entry", "entries")))
        browse.append(("Search", "search.html", "full text, offline"))
        licences = sorted({text or target for doc in docs for text, target in doc.licences})
        sources = sorted({source for doc in docs for source in doc.sources})
        main = [
            el("h1", self.nav.title),
            el("p", self.description, class_="lead"),
            el("section", el("h2", "At a glance", id="glance", class_="visually-hidden"),
               el("dl", [el("div", el("dt", term), el("dd", value)) for term, value in facts]),
               class_="facts", aria_labelledby="glance"),
            el("h2", "Browse the collection"),
            el("ul", [el("li", el("a", label, el("span", count, class_="count"), href=target))
                      for label, target, count in browse], class_="browse"),
            el("h2", "Search"),
            el("form", el("label", "Words to find", for_="home-q"),
               el("div", el("input", type="search", id="home-q", name="q"), el("button", "Search", type="submit"),
                  class_="search-form"),
               action="search.html", method="get", role="search"),
        ]
        if licences:
            main += [el("h2", "Licences"), el("ul", [el("li", text) for text in licences])]
        if sources:
            main += [el("h2", "Sources"),
                     el("details", el("summary", _plural(len(sources), "source")),
                        el("ul", [el("li", text) for text in sources]))]
        return page(self.nav, title=self.nav.title, up="", current="index.html", main=main, lang=self.lang)

    # -- documents ----------------------------------------------------------------------------------

    def _doc_link(self, doc: DocumentInfo, up: str) -> etree._Element:
        return el("a", doc.title, href=up + href(*self.doc_pages[doc.id].split("/")))

    def by_date(self) -> bytes:
        docs = sorted_documents(self.collection.documents)
        rows = [
            el("tr", el("td", _date_cell(doc)), el("td", self._doc_link(doc, "../")),
               el("td", "; ".join(doc.authors) or "—", class_="author-col"))
            for doc in docs
        ]
        table = el("table",
                   el("caption", "Documents by date (Gregorian, with the Julian date for a day)",
                      class_="visually-hidden"),
                   el("thead", el("tr", el("th", "Date", scope="col"), el("th", "Title", scope="col"),
                                  el("th", "Author", scope="col", class_="author-col"))),
                   el("tbody", rows), class_="documents")
        main = [el("h1", "Documents by date"),
                el("p", f"{_plural(len(docs), 'document')}, oldest first. Dates are Gregorian (New Style); a day "
                        "also shows its Julian (Old Style) date. ", el("a", "By author", href="authors.html"), "."),
                table]
        return page(self.nav, title="Documents by date", up="../", current="documents/index.html", main=main,
                    lang=self.lang)

    def by_author(self) -> bytes:
        groups: dict[str, list[DocumentInfo]] = {}
        for doc in self.collection.documents:
            for author in doc.authors or ("Author not stated",):
                groups.setdefault(author, []).append(doc)
        names = sorted(groups, key=lambda name: (name == "Author not stated", name.casefold()))
        main: list[etree._Element] = [
            el("h1", "Documents by author"),
            el("p", f"{_plural(len(names), 'author')}; each one's documents by date. ",
               el("a", "By date", href="index.html"), "."),
        ]
        for number, name in enumerate(names, start=1):
            main.append(el("h2", name, id=f"author-{number}"))
            main.append(el("ul", [el("li", self._doc_link(doc, "../"), " ", el("span", _date_cell(doc), class_="meta"))
                                  for doc in sorted_documents(groups[name])]))
        return page(self.nav, title="Documents by author", up="../", current="documents/index.html", main=main,
                    lang=self.lang)

    # -- timeline -----------------------------------------------------------------------------------

    def timeline(self) -> bytes:
        docs = sorted_documents(self.collection.documents)
        years: dict[str, list[DocumentInfo]] = {}
        for doc in docs:
            years.setdefault(doc.date[:4] if doc.date else "", []).append(doc)
        dated_years = [year for year in years if year]
        most = max((len(years[year]) for year in dated_years), default=1)
        main: list[etree._Element] = [el("h1", "Timeline")]
        if dated_years:
            main.append(el("p", f"{_plural(sum(len(years[y]) for y in dated_years), 'dated document')} from "
                                f"{dated_years[0]} to {dated_years[-1]}; each year's documents in order."))
            main.append(el("h2", "Documents per year", id="per-year"))
            main.append(el("ul", [
                el("li", el("a", year, href=f"#y{year}"),
                   el("span", el("span", class_="bar", style=f"width:{100 * len(years[year]) / most:.1f}%"),
                      el("span", f"{_plural(len(years[year]), 'document')}", class_="visually-hidden")),
                   title=_plural(len(years[year]), "document"))
                for year in dated_years], class_="timeline-years", aria_labelledby="per-year"))
        else:
            main.append(el("p", "None of the documents gives a date."))
        for year in dated_years + ([""] if "" in years else []):
            main.append(el("h2", year or "Undated", id=f"y{year}" if year else "undated"))
            items = []
            for doc in years[year]:
                items.append(el("li", el("span", _date_cell(doc), class_="when"),
                                self._doc_link(doc, ""),
                                el("span", " — " + "; ".join(doc.authors), class_="meta") if doc.authors else None))
            main.append(el("ol", items, class_="timeline"))
        return page(self.nav, title="Timeline", up="", current="timeline.html", main=main, lang=self.lang)

    # -- entities -----------------------------------------------------------------------------------

    def entity_index(self, kind: str) -> bytes:
        entities = [entity for entity in self.collection.entities if entity.kind == kind]
        title = KIND_TITLES[kind]
        main: list[etree._Element] = [el("h1", title)]
        if not entities:
            main.append(el("p", f"The documents mark no {title.lower()}: there is nothing to index. Names are "
                                "indexed where a document marks them (persName, placeName, orgName, name, rs)."))
        else:
            identified = sum(1 for entity in entities if entity.identified)
            main.append(el("p", f"{_plural(len(entities), 'entry', 'entries')}: {identified} identified in a register "
                                f"or by an authority record, {len(entities) - identified} indexed only by the form "
                                "written in the documents (marked “unidentified”)."))
            letters: dict[str, list[Entity]] = {}
            for entity in entities:
                initial = entity.standard[:1].upper()
                letters.setdefault(initial if initial.isalpha() else "#", []).append(entity)
            order = sorted(letters, key=lambda letter: (letter == "#", letter))
            main.append(el("nav", el("ul", [el("li", el("a", letter, href=f"#letter-{number}"))
                                            for number, letter in enumerate(order)], class_="letters"),
                           aria_label="Initial letters"))
            for number, letter in enumerate(order):
                main.append(el("h2", letter, id=f"letter-{number}"))
                main.append(el("ul", [self._index_item(entity) for entity in letters[letter]], class_="entities"))
        return page(self.nav, title=title, up="../", current=f"{KIND_FOLDERS[kind]}/index.html", main=main,
                    lang=self.lang)

    def _life(self, entity: Entity) -> str:
        if entity.kind == "person" and (entity.birth or entity.death):
            return f"{entity.birth[:4] if entity.birth else '?'}–{entity.death[:4] if entity.death else '?'}"
        return ""

    def _index_item(self, entity: Entity) -> etree._Element:
        link = el("a", entity.standard, href=href(self.entity_pages[entity.id].split("/")[-1]))
        details = [part for part in (self._life(entity), entity.role) if part]
        docs = len(entity.documents)
        meta = f"{_plural(docs, 'document')}, {_plural(len(entity.mentions), 'mention')}"
        return el("li", link, f" ({'; '.join(details)})" if details else None,
                  el("span", "unidentified", class_="badge") if not entity.identified else None,
                  el("br"), el("span", meta, class_="meta"))

    def entity_page(self, entity: Entity) -> bytes:
        kind_label = _KIND_SINGULAR[entity.kind]
        facts: list[tuple[str, list[etree._Element | str] | str]] = [("Kind", kind_label)]
        life = self._life(entity)
        if entity.birth or entity.death:
            facts.append(("Life", f"{date_label(entity.birth) or entity.birth or '?'} – "
                                  f"{date_label(entity.death) or entity.death or '?'}" if life else life))
        if entity.role:
            facts.append(("Role", entity.role))
        if entity.coordinates:
            facts.append(("Coordinates", f"{entity.coordinates[0]:g}, {entity.coordinates[1]:g} (latitude, longitude)"))
        others = [name for name in entity.names[1:]]
        if len(others) > 6:
            facts.append(("Register forms", [el("details", el("summary", f"{len(others)} forms"),
                                                  "; ".join(others))]))
        elif others:
            facts.append(("Register forms", "; ".join(others)))
        facts.append(("Written in the documents", "; ".join(entity.forms) or "—"))
        if entity.authorities:
            links: list[etree._Element | str] = []
            for number, authority in enumerate(entity.authorities):
                if number:
                    links.append("; ")
                target = authority.page
                links.append(el("a", authority.label, href=target, rel="external noopener") if target
                             else authority.label)
            facts.append(("Authority records", links))
        if entity.note:
            facts.append(("Note", entity.note))
        main: list[etree._Element] = [
            el("p", el("a", f"All {KIND_TITLES[entity.kind].lower()}", href="index.html"), class_="meta"),
            el("h1", entity.standard, class_=f"kind-{entity.kind}"),
        ]
        if not entity.identified:
            main.append(el("p", "Unidentified: this entry gathers the places where this form is written; the "
                                "documents do not say whom or what it names, and the same form may name different "
                                f"{KIND_TITLES[entity.kind].lower()}."))
        elif entity.cert:
            main.append(el("p", f"Identified by the encoder in one document only (certainty: {entity.cert})."))
        main.append(el("section", el("h2", "About", id="about", class_="visually-hidden"),
                       el("dl", [el("div", el("dt", term), el("dd", value)) for term, value in facts]),
                       class_="facts", aria_labelledby="about"))
        main.append(el("h2", f"Mentions: {_plural(len(entity.mentions), 'mention')} in "
                             f"{_plural(len(entity.documents), 'document')}"))
        for doc_id in sorted(entity.documents, key=self._doc_order):
            doc = self.collection.document(doc_id)
            on_page = [m for m in self.page_mentions.get(doc_id, ()) if m.entity == entity.id]
            items: list[etree._Element] = []
            page_href = "../" + href(*self.doc_pages[doc_id].split("/"))
            for mention in on_page:
                items.append(el("li", el("span", mention.before, class_="kwic"),
                                el("a", el("mark", mention.text), href=f"{page_href}#{mention.anchor}"),
                                el("span", mention.after, class_="kwic")))
            if not on_page:
                for tei_mention in [m for m in entity.mentions if m.document == doc_id]:
                    where = ("in the document's header" if tei_mention.in_header
                             else f"line {tei_mention.line} of the TEI")
                    items.append(el("li", el("a", tei_mention.text, href=page_href), f" ({where})"))
            main.append(el("h3", el("a", doc.title, href=page_href), " ", el("span", _date_cell(doc), class_="meta")))
            main.append(el("ol", items, class_="mentions"))
        return page(self.nav, title=entity.standard, up="../", current=f"{KIND_FOLDERS[entity.kind]}/index.html",
                    main=main, lang=self.lang)

    def _doc_order(self, doc_id: str) -> tuple[bool, str, str, str]:
        doc = self.collection.document(doc_id)
        return (doc.date == "", doc.date, doc.title.casefold(), doc.id)

    # -- search -------------------------------------------------------------------------------------

    def search(self) -> bytes:
        main = [
            el("h1", "Search"),
            el("form",
               el("label", "Words to find (every word must occur; a word's beginning is enough)", for_="q"),
               el("div", el("input", type="search", id="q", name="q", autocomplete="off"),
                  el("button", "Search", type="submit"), class_="search-form"),
               id="search-form", action="search.html", method="get", role="search"),
            el("p", "The search runs in this page, from files of this site: nothing is sent anywhere.",
               id="search-status", role="status", aria_live="polite"),
            el("ol", id="results", class_="results"),
            el("noscript", el("p", "Search needs JavaScript; the lists of documents and the indexes of names "
                                   "work without it.")),
        ]
        return page(self.nav, title="Search", up="", current="search.html", main=main, lang=self.lang,
                    scripts=("assets/search-index.js", "assets/search.js"))
