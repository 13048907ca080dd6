"""What the collection needs to know of each TEI document, read once: facts, register entries, mentions.

A :class:`DocumentInfo` is small and plain (strings, tuples) so that the site
can keep it in its state file and rebuild indexes without parsing unchanged
documents again. The tree itself is not kept.

Mentions are the ``persName``, ``placeName``, ``orgName``, ``geogName``,
``name`` and ``rs`` elements outside ``standOff`` (and a header ``author``
whose ``@ref`` names the person), each with its line and the text as written.
Entries are the ``person``, ``place`` and ``org`` elements of ``standOff``
(for a member of a ``teiCorpus``, also those of the corpus's ``standOff``
that it refers to). An entry carrying ``@cert`` is document-local: the
encoder wrote it for a name its register lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from tei import safexml
from tei.corpus.authority import Authority, authority_from_idno, authority_from_ref
from tei.corpus.dates import iso_prefix
from tei.corpus.sources import SourceFile
from tei.errors import InputError, read_error
from tei.ns import TEI_NS, XML_NS, local_name, tei

__all__ = [
    "KINDS",
    "DocumentInfo",
    "EntryInfo",
    "MentionInfo",
    "document_id",
    "read_documents",
]

#: The kinds of entity, in the order they are shown.
KINDS = ("person", "place", "org", "name")
_ENTRY_KIND = {"person": "person", "personGrp": "person", "place": "place", "org": "org"}
_NAME_KIND = {"persName": "person", "placeName": "place", "geogName": "place", "orgName": "org"}
_TYPE_KIND = {
    "person": "person", "persname": "person", "people": "person", "character": "person",
    "place": "place", "placename": "place", "location": "place", "settlement": "place", "country": "place",
    "city": "place", "region": "place", "geogname": "place",
    "org": "org", "orgname": "org", "organisation": "org", "organization": "org", "institution": "org",
}
_MENTION_TAGS = frozenset(tei(tag) for tag in ("persName", "placeName", "orgName", "geogName", "name", "rs"))
_XML_ID = f"{{{XML_NS}}}id"
_SPACE = re.compile(r"\s+")
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9._-]+")


def norm(text: str | None) -> str:
    """Whitespace collapsed and trimmed."""
    return _SPACE.sub(" ", text or "").strip()


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return norm("".join(str(part) for part in element.itertext()))


@dataclass(frozen=True)
class EntryInfo:
    """One ``person``/``place``/``org`` of a document's standOff."""

    local_id: str
    kind: str
    standard: str
    names: tuple[str, ...]
    authorities: tuple[Authority, ...]
    birth: str = ""
    death: str = ""
    coordinates: tuple[float, float] | None = None
    note: str = ""
    role: str = ""
    cert: str = ""
    line: int = 0

    @property
    def local(self) -> bool:
        """Written by the encoder for this document only (it carries ``@cert``)."""
        return bool(self.cert)


@dataclass(frozen=True)
class MentionInfo:
    """One name in the text: its kind, what it points to, the text as written and its line.

    ``target`` is ``#ID`` (an entry of the document), an authority as
    ``scheme:value`` (a ``@ref`` that names one directly) or "" (unlinked).
    """

    kind: str
    target: str
    text: str
    line: int
    in_header: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    """The facts of one document that the corpus, the exports and the site use."""

    id: str
    rel: str
    path: str
    title: str
    authors: tuple[str, ...]
    date: str
    date_source: str
    languages: tuple[tuple[str, str], ...]
    licences: tuple[tuple[str, str], ...]
    publisher: str
    sources: tuple[str, ...]
    words: int
    entries: tuple[EntryInfo, ...]
    mentions: tuple[MentionInfo, ...]
    member: int = 0
    own_id: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def entry(self, local_id: str) -> EntryInfo | None:
        for item in self.entries:
            if item.local_id == local_id:
                return item
        return None


def document_id(stem: str) -> str:
    """An xml:id-safe, URL-safe name for a document: ``a/Note 1`` -> ``a-Note-1``; never starts with a digit."""
    slug = _NCNAME_BAD.sub("-", stem.replace("/", "-")).strip("-.") or "document"
    if not re.match(r"[A-Za-z_]", slug):
        slug = "d-" + slug
    return slug


def _kind_of_name(element: etree._Element) -> str:
    name = local_name(element)
    if name in _NAME_KIND:
        return _NAME_KIND[name]
    return _TYPE_KIND.get((element.get("type") or "").strip().lower(), "")


def _date_value(element: etree._Element) -> str:
    for attribute in ("when", "from", "notBefore", "to", "notAfter"):
        value = element.get(attribute)
        if value and iso_prefix(value):
            return iso_prefix(value)
    match = re.search(r"\b(1\d{3}|20\d{2})\b", _text(element))
    return match.group(1) if match else ""


def _first_date(root: etree._Element, paths: list[tuple[str, str]]) -> tuple[str, str]:
    for path, source in paths:
        for element in root.iterfind(path, {"t": TEI_NS}):
            value = _date_value(element)
            if value:
                return value, source
    return "", ""


_DATE_PATHS = [
    ("t:teiHeader/t:profileDesc/t:creation/t:date", "creation"),
    ("t:teiHeader/t:profileDesc/t:creation//t:date", "creation"),
    ("t:text/t:front//t:docDate", "docDate"),
    ("t:text//t:opener/t:dateline//t:date", "dateline"),
    ("t:teiHeader/t:fileDesc/t:sourceDesc//t:bibl[@type='firstEdition']//t:date", "first edition"),
    ("t:teiHeader/t:fileDesc/t:sourceDesc//t:date", "source"),
]


def _entry(element: etree._Element, kind: str) -> EntryInfo:
    names: list[str] = []
    standard = ""
    name_tag = {"person": "persName", "place": "placeName", "org": "orgName"}[kind]
    for child in element:
        if local_name(child) in (name_tag, "name", "geogName") and _text(child):
            text = _text(child)
            if child.get("type") == "standard" and not standard:
                standard = text
            if text not in names:
                names.append(text)
    standard = standard or (names[0] if names else element.get(_XML_ID, ""))
    if standard in names:
        names.remove(standard)
    names.insert(0, standard)
    authorities: list[Authority] = []
    for idno in element.iterfind("t:idno", {"t": TEI_NS}):
        found = authority_from_idno(idno.get("type"), _text(idno))
        if found is not None and found not in authorities:
            authorities.append(found)
    for token in (element.get("sameAs") or "").split():
        found = authority_from_ref(token)
        if found is not None and found not in authorities:
            authorities.append(found)
    birth = death = ""
    if kind == "person":
        born = element.find(tei("birth"))
        died = element.find(tei("death"))
        birth = _date_value(born) if born is not None else ""
        death = _date_value(died) if died is not None else ""
        if born is not None and not birth:
            birth = _text(born)
        if died is not None and not death:
            death = _text(died)
    coordinates = None
    geo = element.find(f"{tei('location')}/{tei('geo')}")
    if geo is not None:
        numbers = re.findall(r"-?\d+(?:\.\d+)?", _text(geo))
        if len(numbers) >= 2:
            lat, lon = float(numbers[0]), float(numbers[1])
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                coordinates = (lat, lon)
    note = ""
    for child in element.iterfind("t:note", {"t": TEI_NS}):
        if child.get("type") not in ("ambiguous", "mentions"):
            note = _text(child)
            break
    role = norm(element.get("role"))
    if not role:
        for child in element:
            if local_name(child) in ("occupation", "roleName", "state", "desc") and _text(child):
                role = _text(child)
                break
    return EntryInfo(
        local_id=element.get(_XML_ID, ""),
        kind=kind,
        standard=standard,
        names=tuple(names),
        authorities=tuple(authorities),
        birth=birth,
        death=death,
        coordinates=coordinates,
        note=note,
        role=role,
        cert=norm(element.get("cert")),
        line=element.sourceline if isinstance(element.sourceline, int) else 0,
    )


def _entries_of(stand_offs: list[etree._Element]) -> dict[str, EntryInfo]:
    found: dict[str, EntryInfo] = {}
    for stand_off in stand_offs:
        for element in stand_off.iter(tei("person"), tei("personGrp"), tei("place"), tei("org")):
            local_id = element.get(_XML_ID)
            if local_id and local_id not in found:
                found[local_id] = _entry(element, _ENTRY_KIND[local_name(element)])
    return found


def _in_stand_off(element: etree._Element) -> bool:
    return any(local_name(ancestor) == "standOff" for ancestor in element.iterancestors())


def _mentions(root: etree._Element, entries: dict[str, EntryInfo]) -> list[MentionInfo]:
    header = root.find(tei("teiHeader"))
    found: list[MentionInfo] = []
    if header is not None:
        for author in header.iterfind("t:fileDesc/t:titleStmt/t:author[@ref]", {"t": TEI_NS}):
            if not any(child.tag in _MENTION_TAGS and child.get("ref") for child in author.iter()):
                found += _targets(author, "person", entries, in_header=True)
    for element in root.iter(*_MENTION_TAGS):
        if _in_stand_off(element):
            continue
        in_header = header is not None and any(ancestor is header for ancestor in element.iterancestors())
        if in_header and not element.get("ref"):
            continue
        found += _targets(element, _kind_of_name(element), entries, in_header=in_header)
    return found


def _targets(
    element: etree._Element, kind: str, entries: dict[str, EntryInfo], *, in_header: bool
) -> list[MentionInfo]:
    text = _text(element)
    line = element.sourceline if isinstance(element.sourceline, int) else 0
    if not text:
        return []
    targets: list[tuple[str, str]] = []
    for token in (element.get("ref") or "").split():
        if token.startswith("#"):
            entry = entries.get(token[1:])
            if entry is not None:
                targets.append((token, kind or entry.kind))
            continue
        authority = authority_from_ref(token)
        if authority is not None:
            targets.append((f"{authority.scheme}:{authority.value}", kind or "name"))
    if not targets:
        return [MentionInfo(kind or "name", "", text, line, in_header)]
    return [MentionInfo(found_kind, target, text, line, in_header) for target, found_kind in targets]


def _titles(header: etree._Element | None) -> str:
    if header is None:
        return ""
    for title in header.iterfind("t:fileDesc/t:titleStmt/t:title", {"t": TEI_NS}):
        if title.get("type") not in ("sub", "alt", "short") and _text(title):
            return _text(title)
    return ""


def _authors(header: etree._Element | None) -> tuple[str, ...]:
    if header is None:
        return ()
    names: list[str] = []
    for author in header.iterfind("t:fileDesc/t:titleStmt/t:author", {"t": TEI_NS}):
        name = _text(author)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _licences(header: etree._Element | None) -> tuple[tuple[str, str], ...]:
    if header is None:
        return ()
    found: list[tuple[str, str]] = []
    for availability in header.iterfind("t:fileDesc/t:publicationStmt/t:availability", {"t": TEI_NS}):
        licences = availability.findall(tei("licence"))
        for licence in licences:
            item = (_text(licence), norm(licence.get("target")))
            if (item[0] or item[1]) and item not in found:
                found.append(item)
        if not licences and _text(availability):
            item = (_text(availability), "")
            if item not in found:
                found.append(item)
    return tuple(found)


def _publisher(header: etree._Element | None) -> str:
    if header is None:
        return ""
    for path in ("publisher", "distributor", "authority"):
        element = header.find(f"{tei('fileDesc')}/{tei('publicationStmt')}/{tei(path)}")
        if element is not None and _text(element):
            return _text(element)
    return ""


def _sources(header: etree._Element | None) -> tuple[str, ...]:
    if header is None:
        return ()
    found: list[str] = []
    source_desc = header.find(f"{tei('fileDesc')}/{tei('sourceDesc')}")
    if source_desc is None:
        return ()
    for bibl in source_desc.iter(tei("bibl"), tei("biblStruct"), tei("msDesc")):
        title = bibl.find(f".//{tei('title')}")
        text = _text(title) if title is not None else _text(bibl)
        text = text[:300]
        if text and text not in found:
            found.append(text)
    if not found and _text(source_desc):
        found.append(_text(source_desc)[:300])
    return tuple(found)


def _languages(root: etree._Element) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for language in root.iterfind("t:teiHeader/t:profileDesc/t:langUsage/t:language", {"t": TEI_NS}):
        ident = norm(language.get("ident"))
        if ident and ident not in [item[0] for item in found]:
            found.append((ident, _text(language) or ident))
    lang = root.get(f"{{{XML_NS}}}lang")
    if not found and lang:
        found.append((lang, lang))
    return tuple(found)


def _words(root: etree._Element) -> int:
    text = root.find(tei("text"))
    if text is None:
        return 0
    return sum(len(str(part).split()) for part in text.itertext())


def describe(
    root: etree._Element,
    doc_id: str,
    rel: str,
    path: str,
    *,
    shared: list[etree._Element] | None = None,
    member: int = 0,
) -> DocumentInfo:
    """The :class:`DocumentInfo` of one ``TEI`` element (``shared``: a corpus's standOffs it may point into).

    Its entries are all of its own standOff's, and those of ``shared`` that it refers to.
    """
    header = root.find(tei("teiHeader"))
    own = [child for child in root if local_name(child) == "standOff"]
    own_entries = _entries_of(own)
    entries = {**_entries_of(list(shared or [])), **own_entries}
    mentions = _mentions(root, entries)
    used = {mention.target[1:] for mention in mentions if mention.target.startswith("#")}
    kept = tuple(entry for key, entry in sorted(entries.items()) if key in own_entries or key in used)
    date, date_source = _first_date(root, _DATE_PATHS)
    return DocumentInfo(
        id=doc_id,
        rel=rel,
        path=path,
        title=_titles(header) or PurePosixPath(rel).stem,
        authors=_authors(header),
        date=date,
        date_source=date_source,
        languages=_languages(root),
        licences=_licences(header),
        publisher=_publisher(header),
        sources=_sources(header),
        words=_words(root),
        entries=kept,
        mentions=tuple(mentions),
        member=member,
        own_id=root.get(_XML_ID, ""),
    )


def parse(source: SourceFile, options: safexml.XmlOptions = safexml.DEFAULT) -> etree._Element:
    """The root of a source file, parsed safely; InputError (with file and line) when it is not TEI."""
    source.check()
    try:
        root = safexml.parse_file(source.path, options=options).getroot()
    except etree.XMLSyntaxError as exc:
        message = (exc.msg or str(exc)).strip().splitlines()[0] if (exc.msg or str(exc)).strip() else "error"
        raise InputError(f"not well-formed XML: {message}", path=source.path, line=exc.lineno or None) from exc
    except OSError as exc:
        raise read_error(exc, source.path) from exc
    if root.tag not in (tei("TEI"), tei("teiCorpus")):
        raise InputError(
            f"not a TEI document: the root is <{local_name(root) or root.tag}>, not <TEI> or <teiCorpus> in the "
            "TEI namespace; name TEI files only",
            path=source.path,
            line=root.sourceline if isinstance(root.sourceline, int) else None,
        )
    return root


def members(root: etree._Element) -> Iterator[tuple[etree._Element, list[etree._Element]]]:
    """The ``TEI`` documents of a root (itself, or a teiCorpus's members, nested ones too) with shared standOffs."""
    if root.tag == tei("TEI"):
        yield root, []
        return
    shared = [child for child in root if local_name(child) == "standOff"]
    for child in root:
        if child.tag == tei("TEI"):
            yield child, shared
        elif child.tag == tei("teiCorpus"):
            for member, inner in members(child):
                yield member, shared + inner


def read_documents(source: SourceFile, root: etree._Element) -> list[DocumentInfo]:
    """The documents of one parsed source: one for a TEI file, one per member for a teiCorpus."""
    base = document_id(source.stem)
    if root.tag == tei("TEI"):
        return [describe(root, base, source.rel, source.path)]
    found = []
    for number, (member, shared) in enumerate(members(root), start=1):
        own = member.get(_XML_ID)
        doc_id = document_id(own) if own else f"{base}-{number}"
        found.append(describe(member, doc_id, f"{source.rel}#{number}", source.path, shared=shared, member=number))
    return found
