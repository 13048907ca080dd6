"""Metadata, the source's facts and the encoded text -> a full ``teiHeader``.

The header is derived after annotation so that the author can point to the
register and the creation date can carry both calendars. Nothing is invented:
what neither the text nor the metadata says is stated as not stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from tei.metadata import Metadata
from tei.ns import E, local_name, tei, text_content, xpath_elements

_LICENCES = {
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc by-sa 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc by-sa 2.0": "https://creativecommons.org/licenses/by-sa/2.0/",
    "cc by-sa 3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "public domain": "https://creativecommons.org/publicdomain/mark/1.0/",
}
_LANGUAGES = {"en": "English", "ru": "Russian", "de": "German", "fr": "French"}


@dataclass(frozen=True)
class HeaderFacts:
    """Everything the header states besides the text itself."""

    sha256: str
    tool_version: str
    input_name: str
    input_format: str
    change_date: str | None = None
    normalisations: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    #: Which evidence decided the calendar of unmarked dates (one sentence; None without annotation).
    calendar: str | None = None
    meta: Metadata = field(default_factory=Metadata)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _text_of(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return _norm(text_content(element))


def _first(text_el: etree._Element, path: str) -> etree._Element | None:
    found = xpath_elements(text_el, path)
    return found[0] if found else None


def document_title(text_el: etree._Element) -> str:
    """The main title as printed: the first ``titlePart`` (or first ``head``)."""
    element = _first(text_el, ".//tei:front//tei:titlePart[@type='main']")
    if element is None:
        element = _first(text_el, ".//tei:head")
    return _text_of(element)


def _author(text_el: etree._Element, meta: Metadata, standoff: etree._Element | None) -> etree._Element | None:
    """``author`` from metadata, ``docAuthor``, or a person named after FROM/BY in the title."""
    if meta.author:
        return E("author", meta.author)
    name = _first(text_el, ".//tei:front/tei:docAuthor//tei:persName[@ref]")
    if name is None:
        name = _first(text_el, ".//tei:front/tei:byline//tei:persName[@ref]")
    if name is None:
        title = _first(text_el, ".//tei:front//tei:titlePart[@type='main']")
        if title is not None:
            for person in title.iter(tei("persName")):
                previous = person.getprevious()
                before = (previous.tail if previous is not None else title.text) or ""
                if re.search(r"\b(?:from|by)\s*$", before, re.IGNORECASE) and person.get("ref"):
                    name = person
                    break
    if name is not None:
        standard = _standard_name(name.get("ref", ""), standoff) or _text_of(name)
        return E("author", E("persName", standard, ref=name.get("ref")))
    plain = _first(text_el, ".//tei:front/tei:docAuthor")
    if plain is not None:
        return E("author", _text_of(plain))
    return None


def _standard_name(ref: str, standoff: etree._Element | None) -> str | None:
    if standoff is None or not ref.startswith("#"):
        return None
    found = xpath_elements(
        standoff, ".//*[@xml:id=$id]/*[self::tei:persName or self::tei:placeName or self::tei:orgName][1]", id=ref[1:]
    )
    return _text_of(found[0]) if found else None


def _licence(meta: Metadata) -> etree._Element:
    if meta.licence:
        url = meta.licence_url or _LICENCES.get(meta.licence.lower())
        status = "free" if url or "public domain" in meta.licence.lower() else "unknown"
        return E("availability", E("licence", meta.licence, target=url), status=status)
    return E(
        "availability",
        E("licence", "No licence was stated for this encoding; ask the publisher of the source before reuse."),
        status="unknown",
    )


def _source_desc(text_el: etree._Element, meta: Metadata) -> etree._Element:
    """``sourceDesc``: metadata first, then what the citation and closing lines say."""
    bibl = E("bibl")
    citation = _first(text_el, ".//tei:body//tei:bibl[@type='citation']")
    closing = xpath_elements(text_el, ".//tei:back/tei:div[@type='source']/tei:bibl")
    title = meta.source
    if not title:
        for element in closing:
            found = _first(element, "./tei:title")
            if found is not None and _text_of(found):
                title = _text_of(found).rstrip(".")
                break
    if title:
        bibl.append(E("title", title))
    author = meta.source_author
    if not author and citation is not None:
        author = _text_of(_first(citation, "./tei:author")) or None
    if author:
        bibl.append(E("author", author))
    if meta.source_editor:
        bibl.append(E("editor", meta.source_editor))
    scopes: dict[str, str] = {}
    if citation is not None:
        for scope in citation.iter(tei("biblScope")):
            scopes[scope.get("unit", "")] = _text_of(scope)
    for unit, value in (("volume", meta.volume), ("part", meta.part), ("page", meta.page)):
        if value:
            scopes[unit] = value
    for unit in ("volume", "part", "page"):
        if unit in scopes:
            value = re.sub(r"^pp?\.\s*", "", scopes[unit]) if unit == "page" else scopes[unit]
            bibl.append(E("biblScope", value, unit=unit))
    if meta.source_publisher:
        bibl.append(E("publisher", meta.source_publisher))
    if meta.source_date:
        bibl.append(E("date", meta.source_date, when=meta.source_date if _iso(meta.source_date) else None))
    urls = [meta.url] if meta.url else []
    for element in closing:
        for ref in element.iter(tei("ref")):
            if ref.get("target") and ref.get("target") not in urls:
                urls.append(ref.get("target", ""))
    for url in urls:
        bibl.append(E("ref", url, target=url))
    accessed = _access_date(closing, meta)
    if accessed is not None:
        bibl.append(accessed)
    for element in closing:
        printed = _text_of(element)
        if printed:
            bibl.append(E("note", f"As printed at the end of the source: {printed}", type="printed"))
    if citation is not None:
        bibl.append(E("note", f"Citation line of the source: {_text_of(citation)}", type="citation"))
    if meta.note:
        bibl.append(E("note", meta.note))
    if len(bibl) == 0:
        return E("sourceDesc", E("p", "The text was encoded from a plain-text file; it does not name its source."))
    return E("sourceDesc", bibl)


def _iso(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value))


def _access_date(closing: list[etree._Element], meta: Metadata) -> etree._Element | None:
    if meta.accessed:
        return E("date", meta.accessed, type="access", when=meta.accessed if _iso(meta.accessed) else None)
    for element in closing:
        for date in element.iter(tei("date")):
            if date.get("when"):
                return E("date", _text_of(date), type="access", when=date.get("when"))
    return None


def _creation(text_el: etree._Element, meta: Metadata) -> etree._Element:
    """``creation/date``: the document's own date with both calendars when it was dual."""
    if meta.date:
        return E("creation", E("date", meta.date, when=meta.date if _iso(meta.date) else None))
    for path in (".//tei:front/tei:docDate", ".//tei:opener/tei:dateline", ".//tei:closer/tei:dateline"):
        holder = _first(text_el, path)
        if holder is None:
            continue
        dates = [d for d in holder.iter(tei("date")) if d.get("when") or d.get("from")]
        if dates:
            chosen = next((d for d in dates if d.get("calendar") == "#julian"), dates[0])
            # A dateline also names the place and the hour: the creation date is the date's own words.
            shown = _text_of(holder) if local_name(holder) == "docDate" else _date_words(holder, dates)
            date = E("date", shown)
            for name in ("calendar", "when", "when-custom", "datingMethod", "from", "to", "from-custom", "to-custom"):
                if chosen.get(name):
                    date.set(name, chosen.get(name, ""))
            return E("creation", date)
        if local_name(holder) == "dateline":
            return _undated(holder)
        return E("creation", E("date", _text_of(holder)))
    # creation holds phrase-level content only (no p), in the project schema and in tei_all.
    return E("creation", "The date of the document is not stated in the text.")


def _undated(dateline: etree._Element) -> etree._Element:
    """A dateline without a date (``London [undated].``): the received line, when there is one, bounds it.

    A letter was written on or before the day it was received, so the received
    date is the creation's ``@notAfter``; nothing else is inferred.
    """
    opener = dateline.getparent()
    received = []
    if opener is not None:
        received = [
            date
            for note in opener.iterfind(tei("note"))
            if note.get("type") == "received"
            for date in note.iter(tei("date"))
            if re.fullmatch(r"\d{4}-\d\d-\d\d", date.get("when", ""))
        ]
    if received:
        when = received[0].get("when", "")
        return E("creation", E("date", f"not after {_text_of(received[0])}, when it was received", notAfter=when))
    return E("creation", f"As the dateline gives it: {_reading_text(dateline)}")


def _reading_text(element: etree._Element) -> str:
    """An element's text as the reading edition prints it: ``supplied`` in square brackets."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        supplied = local_name(node) == "supplied"
        parts.append(("[" if supplied else "") + (node.text or ""))
        for child in node:
            if local_name(child) != "note":
                visit(child)
            parts.append(child.tail or "")
        if supplied:
            parts.append("]")

    visit(element)
    return _norm("".join(parts))


def _date_words(holder: etree._Element, dates: list[etree._Element]) -> str:
    """The words of a dateline from its first date on, without the clock time: the date as written.

    ``Paris, September 9, 1914, 10 p.m.`` -> ``September 9, 1914``; the year after a
    dual date stays (``October 26 (November 8), 1917``).
    """
    first = dates[0]
    parts: list[str] = []
    collecting = False

    def visit(node: etree._Element) -> None:
        nonlocal collecting
        if node is first:
            collecting = True
        skip = local_name(node) in ("time", "note")
        if collecting and node.text and not skip:
            parts.append(node.text)
        for child in node:
            if not skip:
                visit(child)
            if collecting and child.tail:
                parts.append(child.tail)

    for child in holder:
        visit(child)
        if collecting and child.tail:
            parts.append(child.tail)
    return _norm("".join(parts)).rstrip(" ,.;:—–-")


def build_header(text_el: etree._Element, facts: HeaderFacts, standoff: etree._Element | None = None) -> etree._Element:
    """The whole ``teiHeader`` for an encoded text."""
    meta = facts.meta
    title = meta.title or document_title(text_el) or facts.input_name
    title_stmt = E("titleStmt", E("title", title))
    author = _author(text_el, meta, standoff)
    if author is not None:
        title_stmt.append(author)
    if meta.editor:
        title_stmt.append(E("editor", meta.editor))
    title_stmt.append(E("respStmt", E("resp", "TEI encoding"), E("name", f"tei toolkit {facts.tool_version}")))

    publication = E("publicationStmt")
    if meta.publisher:
        publication.append(E("publisher", meta.publisher))
    else:
        publication.append(E("authority", "Not stated: no publisher was given for this encoding."))
    if meta.pub_place:
        publication.append(E("pubPlace", meta.pub_place))
    publication.append(_licence(meta))
    publication.append(E("idno", facts.sha256, type="sha256"))

    file_desc = E("fileDesc", title_stmt, publication, _source_desc(text_el, meta))

    normalisation = [
        "Text is kept as in the source, in Unicode NFC; no word was added, dropped or changed.",
        *facts.normalisations,
    ]
    editorial = E(
        "editorialDecl",
        E("correction", E("p", _corrections_text(meta))),
        E("normalization", *[E("p", line) for line in normalisation]),
        E(
            "interpretation",
            E(
                "p",
                "Persons, places and organisations are marked with persName, placeName and orgName and linked "
                'to the register in standOff; names found by pattern only carry cert="low". Dates carry the '
                'Gregorian date in @when; Old-Style dates also @when-custom with @datingMethod="#julian".',
            ),
            *([E("p", facts.calendar)] if facts.calendar else []),
        ),
        E(
            "segmentation",
            E(
                "p",
                "Page and site furniture is kept as fw (footers followed by pb, navigation as "
                'fw type="navigation"); a paragraph interrupted by a footer continues after it. Footnote '
                "markers whose text is not in the source are notes holding a gap. Square-bracket insertions "
                "are supplied; audience reactions are stage.",
            ),
            *[E("p", line) for line in facts.decisions],
        ),
    )
    encoding_desc = E(
        "encodingDesc",
        E(
            "appInfo",
            E(
                "application",
                E("label", "tei"),
                E("desc", f"Encoded from {facts.input_format} input by the tei toolkit."),
                ident="tei",
                version=facts.tool_version,
            ),
        ),
        editorial,
    )
    language = meta.language or "en"
    profile = E(
        "profileDesc",
        _creation(text_el, meta),
        E("langUsage", E("language", _LANGUAGES.get(language, language), ident=language)),
        E(
            "calendarDesc",
            E(
                "calendar",
                E("p", "Julian calendar (Old Style), used in Russia until 31 January 1918."),
                xml_id="julian",
            ),
            E(
                "calendar",
                E("p", "Gregorian calendar (New Style), used in Russia from 14 February 1918."),
                xml_id="gregorian",
            ),
        ),
    )
    change = E("change", f"Encoded from {facts.input_name} with tei {facts.tool_version}.", when=facts.change_date)
    return E("teiHeader", file_desc, encoding_desc, profile, E("revisionDesc", change))


def _corrections_text(meta: Metadata) -> str:
    if meta.corrections:
        return (
            f"{len(meta.corrections)} correction(s) supplied by the editor in metadata are encoded as "
            "choice/sic/corr; nothing else was corrected."
        )
    return "Errors of the source are kept as printed; no correction was made."
