"""Annotation: names and dates over an encoded ``<text>``, and the standOff they need.

Order of work: gather the document's own evidence (its date, whether it uses
Old Style), then per container flatten the text, run both recognisers, resolve
overlaps (the longer span wins, a date on a tie), and wrap right to left.
Running it twice changes nothing: existing names and dates are opaque.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from lxml import etree

from tei.annotate.dates import DateContext, DateMatch, document_date, find_dates, old_style_dates, old_style_evidence
from tei.annotate.evidence import CalendarDecision, decide, find_writer
from tei.annotate.names import NameMatch, NameRecogniser
from tei.annotate.persons import DocumentPersons
from tei.annotate.register import Register
from tei.annotate.spans import Flat, containers, flatten, wrap_all
from tei.ns import E, local_name, tei, xml, xpath_elements

#: Containers of the editor (heading, dateline, citation): their dates are New Style unless marked.
_HEADING = frozenset({"docDate", "dateline", "titlePart", "head", "docAuthor", "byline", "bibl"})
_LIST_FOR = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
_RESERVED_IDS = frozenset({"julian", "gregorian"})


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]


def _plain(element: etree._Element) -> str:
    return "".join(str(part) for part in element.itertext())


def _iso_date(value: str | None) -> tuple[datetime.date | None, int | None] | None:
    """``1918``, ``1918-02`` or ``1918-02-04`` as (date or None, year); None when it is not one."""
    match = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", (value or "").strip())
    if not match:
        return None
    year = int(match.group(1))
    if match.group(3):
        try:
            return datetime.date(year, int(match.group(2)), int(match.group(3))), year
        except ValueError:
            return None, year
    return None, year


def _doc_date(
    text_el: etree._Element, meta_date: str | None, fallback_date: str | None = None
) -> tuple[datetime.date | None, int | None]:
    """The document's Gregorian date: metadata, else its title block/dateline/text, else ``fallback_date``."""
    given = _iso_date(meta_date)
    if given is not None:
        return given
    heading: list[str] = []
    for path in (".//tei:front", ".//tei:opener", ".//tei:body//tei:head"):
        for element in xpath_elements(text_el, path):
            heading.append("\n".join(_plain(block) for block in containers(element)))
    guess = document_date("\n".join(heading))
    if guess is None:
        guess = document_date("\n".join(_plain(block) for block in containers(text_el)[:20]))
    if guess is None:
        return _iso_date(fallback_date) or (None, None)
    return guess, guess.year


#: Embedded documents with a writer of their own (an enclosure in a despatch).
_UNITS = frozenset({"floatingText"})
_UNIT_DIV_TYPES = frozenset({"enclosure", "annex", "appendix", "attachment"})


@dataclass(frozen=True)
class Annotation:
    """What annotating a text gives the header: the standOff, editorial notes, the calendar statement."""

    standoff: etree._Element
    notes: list[str]
    calendar: str


def _units(text_el: etree._Element) -> list[etree._Element]:
    """The document and the documents embedded in it that may have writers of their own."""
    found = [text_el]
    for element in text_el.iter(tei("div"), tei("floatingText")):
        if local_name(element) in _UNITS or element.get("type") in _UNIT_DIV_TYPES:
            found.append(element)
    return found


def _unit_of(element: etree._Element, units: set[etree._Element], text_el: etree._Element) -> etree._Element:
    for ancestor in element.iterancestors():
        if ancestor in units:
            return ancestor
    return text_el


def _calendars(
    text_el: etree._Element,
    names: NameRecogniser,
    register: Register,
    explicit: bool,
    doc_date: datetime.date | None,
    meta_author: str | None,
) -> tuple[dict[etree._Element, CalendarDecision], str]:
    """The calendar decision of the document and of each embedded document, and the statement for the header."""
    units = _units(text_el)
    main = decide(find_writer(text_el, names, register, meta_author), explicit, doc_date)
    decisions = {text_el: main}
    statements = [main.statement]
    for index, unit in enumerate(units[1:], start=1):
        writer = find_writer(unit, names, register)
        decision = decide(writer, explicit, doc_date) if writer is not None else main
        decisions[unit] = decision
        if decision.old_style != main.old_style:
            kind = unit.get("type") or local_name(unit)
            statements.append(f"Embedded {kind} {index}: {decision.statement}")
    return decisions, " ".join(statements)


def _choose(spans: list[_Span]) -> list[_Span]:
    """Non-overlapping spans: longer first, a date before a name of the same length."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.tag != "date", s.start))
    taken: list[_Span] = []
    # The taken spans never overlap, so sorted by start their ends are sorted too: a new span
    # can only overlap its two neighbours (bisect, not a scan: a 10 MB paragraph has 10^5 spans).
    starts: list[int] = []
    ends: list[int] = []
    for span in ordered:
        at = bisect.bisect_right(starts, span.start)
        if at and ends[at - 1] > span.start and span.end > starts[at - 1]:
            continue
        if at < len(starts) and starts[at] < span.end and span.start < ends[at]:
            continue
        starts.insert(at, span.start)
        ends.insert(at, span.end)
        taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def annotate_text(
    text_el: etree._Element,
    register: Register,
    *,
    meta_date: str | None = None,
    fallback_date: str | None = None,
    meta_author: str | None = None,
) -> Annotation:
    """Mark names and dates in ``text_el`` in place; return the standOff and what the header says of it.

    ``fallback_date`` (e.g. from the file name) dates the document only when
    neither the metadata nor the text does.
    """
    names = NameRecogniser(register)
    blocks = containers(text_el)
    flats = [(block, flatten(block)) for block in blocks]
    flats = [(block, flat) for block, flat in flats if flat.text.strip()]
    whole = "\n".join(flat.text for _, flat in flats)
    doc_date, doc_year = _doc_date(text_el, meta_date, fallback_date)
    explicit = old_style_evidence(whole)
    julian_dates = old_style_dates(whole)
    decisions, calendar = _calendars(text_el, names, register, explicit, doc_date, meta_author)
    unit_set = set(decisions)
    persons = DocumentPersons(register)
    when = doc_date.isoformat() if doc_date else (f"{doc_year:04d}" if doc_year else None)
    notes: list[str] = []
    found: list[tuple[Flat, list[DateMatch], list[NameMatch]]] = []
    for container, flat in flats:
        parent = container.getparent()
        in_heading = local_name(container) in _HEADING or (
            parent is not None and local_name(parent) in ("front", "opener")
        )
        context = DateContext(
            doc_date=doc_date,
            doc_year=doc_year,
            old_style=decisions[_unit_of(container, unit_set, text_el)].old_style,
            in_heading=in_heading,
            julian_dates=julian_dates,
        )
        dates = find_dates(flat.text, context)
        notes.extend(f"Date check: {date.problem}" for date in dates if date.problem)
        evidence = persons.heading_persons(flat.text)
        if local_name(container) == "signed":
            evidence += persons.signature(flat.text)
        matches = _with_evidence(names.find(flat.text, when), evidence)
        by_context = persons.by_context(flat.text, matches)
        if by_context:
            matches = sorted(matches + by_context, key=lambda m: m.start)
        persons.learn(flat.text, matches)
        found.append((flat, dates, matches))
    for flat, dates, matches in found:
        taken = [(m.start, m.end) for m in matches] + [(d.start, d.end) for d in dates]
        matches = [persons.resolve(flat.text, m) for m in matches + persons.coreference(flat.text, taken)]
        spans = [_Span(d.start, d.end, "date", tuple(sorted(d.attrs.items()))) for d in dates]
        for name in matches:
            attrs: list[tuple[str, str]] = [("type", "ship")] if name.tag == "name" else []
            if name.ref:
                attrs.append(("ref", "#" + name.ref))
            if name.cert:
                attrs.append(("cert", name.cert))
            spans.append(_Span(name.start, name.end, name.tag, tuple(attrs)))
        wrapping = []
        for span in _choose(spans):
            element = E(span.tag)
            for key, value in span.attrs:
                element.set(key, value)
            wrapping.append((span.start, span.end, element))
        wrap_all(flat, wrapping)
    standoff = build_standoff(text_el, register, persons)
    return Annotation(standoff, sorted(set(notes), key=notes.index), calendar)


def _with_evidence(matches: list[NameMatch], evidence: list[NameMatch]) -> list[NameMatch]:
    """Structural persons (heading parentheses, signatures) replace what overlaps them, except a
    register person of the same span, which keeps its ref and gains the evidence."""
    if not evidence:
        return matches
    kept = list(matches)
    for person in evidence:
        same = [m for m in kept if (m.start, m.end) == (person.start, person.end) and m.tag == "persName" and m.ref]
        if same:
            continue
        kept = [m for m in kept if m.end <= person.start or m.start >= person.end]
        kept.append(person)
    return sorted(kept, key=lambda m: m.start)


def build_standoff(
    text_el: etree._Element, register: Register, persons: DocumentPersons | None = None
) -> etree._Element:
    """``standOff`` with exactly the entries the text refers to: the register's, in order of first
    mention, and the document's own persons (``local-…``) after them."""
    lists: dict[str, etree._Element] = {}
    seen: set[str] = set()
    for element in text_el.iter(tei("persName"), tei("placeName"), tei("orgName")):
        ref = element.get("ref", "")
        if not ref.startswith("#"):
            continue
        key = ref[1:]
        if key in seen:
            continue
        seen.add(key)
        entry = register.entries.get(key)
        if entry is None or key in _RESERVED_IDS:
            continue
        list_name = _LIST_FOR[entry.kind]
        if list_name not in lists:
            lists[list_name] = E(list_name)
        copied = _clean_copy(entry.element)
        copied.set(xml("id"), key)
        lists[list_name].append(copied)
    if persons is not None:
        local = persons.entries(seen)
        if local:
            lists.setdefault("listPerson", E("listPerson")).extend(local)
    standoff = E("standOff")
    for list_name in ("listPerson", "listPlace", "listOrg"):
        if list_name in lists:
            standoff.append(lists[list_name])
    return standoff


def _clean_copy(element: etree._Element) -> etree._Element:
    """A copy of a register entry without comments, in the TEI namespace only."""
    copied = etree.fromstring(etree.tostring(element))
    for comment in [node for node in copied.iter() if not isinstance(node.tag, str)]:
        parent = comment.getparent()
        if parent is not None:
            if comment.tail:
                previous = comment.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + comment.tail
                else:
                    parent.text = (parent.text or "") + comment.tail
            parent.remove(comment)
    return copied
