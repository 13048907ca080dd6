"""One ``teiCorpus`` file of a collection: a corpus header, one merged standOff, the documents.

The documents keep their own headers and text. Their ``standOff`` entries
move into the corpus's one ``standOff`` (merged by :mod:`tei.corpus.entities`)
and their ``@ref``s are rewritten to its ids, so every pointer resolves in the
one file; every other ``xml:id`` of a document that would clash (every
document declares ``julian`` in its calendarDesc) becomes ``DOC.ID`` and the
document's pointers to it follow. Each entry says which documents mention it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei import __version__
from tei.corpus.dates import date_label, julian_iso, julian_label
from tei.corpus.documents import DocumentInfo, members, parse, read_documents
from tei.corpus.entities import Collection, Entity, merge
from tei.corpus.sources import iter_sources
from tei.errors import InputError, TeiError
from tei.ns import NSMAP, XML_NS, E, local_name, tei

__all__ = ["CorpusOptions", "CorpusResult", "build_corpus", "corpus_tree", "read_collection"]

_XML_ID = f"{{{XML_NS}}}id"
_ENTRY_TAGS = (tei("person"), tei("personGrp"), tei("place"), tei("org"))
_LIST_TAGS = frozenset(tei(tag) for tag in ("listPerson", "listPlace", "listOrg"))
#: Children after which an entry's own notes may not come (nested entries, by the TEI content models).
_NESTED = frozenset(("place", "listPlace", "person", "personGrp", "org", "listPerson", "listOrg", "listEvent"))
_LATE = frozenset(("note", "bibl", "biblStruct", "listBibl", "linkGrp", "link", "ptr", "event")) | _NESTED
_NAME_OF = {"person": "persName", "place": "placeName", "org": "orgName"}
#: ids the corpus header itself declares.
HEADER_IDS = ("julian", "gregorian")


@dataclass(frozen=True)
class CorpusOptions:
    """What the corpus header says beyond what the documents give (all optional)."""

    title: str | None = None
    publisher: str | None = None
    description: str | None = None
    change_date: str | None = None


@dataclass(frozen=True)
class CorpusResult:
    """What was built: the collection, how many sources failed."""

    collection: Collection
    failed: int


Tell = Callable[[TeiError], None]


def read_collection(
    sources: Sequence[str], *, skip: Sequence[Path] = (), tell: Tell | None = None, keep_trees: bool = False
) -> tuple[Collection, int, dict[str, etree._Element]]:
    """Read every TEI document under ``sources`` and merge their entities.

    A source that cannot be read or is not TEI is told through ``tell`` and
    counted; the others go on. With ``keep_trees`` the parsed ``TEI``
    elements are returned by document id (the corpus needs them).
    """
    documents: list[DocumentInfo] = []
    trees: dict[str, etree._Element] = {}
    failed = 0
    used: set[str] = set()
    seen = 0
    for source in iter_sources(sources, skip):
        seen += 1
        try:
            root = parse(source)
        except TeiError as exc:
            failed += 1
            if tell is not None:
                tell(exc)
            continue
        found = read_documents(source, root)
        elements = [member for member, _ in members(root)]
        for doc, element in zip(found, elements, strict=True):
            unique = _unique_doc_id(doc.id, used)
            used.add(unique)
            if unique != doc.id:
                doc = _renamed(doc, unique)
            documents.append(doc)
            if keep_trees:
                trees[doc.id] = element
    if not seen:
        raise InputError(
            f"no TEI (.xml) file in {', '.join(sources)}; plain text must be encoded first "
            "(tei batch SRC -d OUT, then name OUT)"
        )
    return merge(documents, reserved=set(HEADER_IDS) | used), failed, trees


def _unique_doc_id(doc_id: str, used: set[str]) -> str:
    if doc_id not in used and doc_id not in HEADER_IDS:
        return doc_id
    number = 2
    while f"{doc_id}-{number}" in used:
        number += 1
    return f"{doc_id}-{number}"


def _renamed(doc: DocumentInfo, doc_id: str) -> DocumentInfo:
    from dataclasses import replace

    return replace(doc, id=doc_id)


def build_corpus(sources: Sequence[str], options: CorpusOptions, *, skip: Sequence[Path] = (),
                 tell: Tell | None = None) -> tuple[etree._Element, CorpusResult]:
    """The ``teiCorpus`` of the documents under ``sources`` (see the module's docstring)."""
    collection, failed, trees = read_collection(sources, skip=skip, tell=tell, keep_trees=True)
    return corpus_tree(collection, trees, options), CorpusResult(collection, failed)


def corpus_tree(collection: Collection, trees: dict[str, etree._Element], options: CorpusOptions) -> etree._Element:
    """Assemble the teiCorpus from the merged collection and the documents' parsed trees."""
    entry_elements = _entry_elements(collection, trees)
    in_stand_off = [entity for entity in collection.entities if entity.identified and entity.mentions]
    corpus_ids = {entity.id for entity in in_stand_off} | set(HEADER_IDS) | {doc.id for doc in collection.documents}
    member_ids = _member_id_counts(trees)
    root = etree.Element(tei("teiCorpus"), nsmap=NSMAP)
    names: dict[str, str] = {}
    for doc in collection.documents:
        for ident, name in doc.languages:
            names.setdefault(ident, name)
    languages = sorted(names.items())
    if len(languages) == 1:
        root.set(f"{{{XML_NS}}}lang", languages[0][0])
    root.append(_header(collection, options, languages))
    stand_off = _stand_off(collection, in_stand_off, entry_elements)
    if stand_off is not None:
        root.append(stand_off)
    for doc in collection.documents:
        member = copy.deepcopy(trees[doc.id])
        _prepare_member(member, doc, collection, corpus_ids, member_ids)
        root.append(member)
    return root


# -- members ----------------------------------------------------------------------------------------


def _entry_elements(collection: Collection, trees: dict[str, etree._Element]) -> dict[tuple[str, str], etree._Element]:
    """(document id, entry id) -> the entry's element (its own standOff's, or a source corpus's)."""
    found: dict[tuple[str, str], etree._Element] = {}
    for doc in collection.documents:
        tree = trees[doc.id]
        scopes = [child for child in tree if local_name(child) == "standOff"]
        parent = tree.getparent()
        while parent is not None:
            scopes += [child for child in parent if local_name(child) == "standOff"]
            parent = parent.getparent()
        for scope in scopes:
            for element in scope.iter(*_ENTRY_TAGS):
                key = (doc.id, element.get(_XML_ID, ""))
                if key[1] and key not in found:
                    found[key] = element
    return found


def _member_id_counts(trees: dict[str, etree._Element]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for tree in trees.values():
        for element in tree.iter():
            value = element.get(_XML_ID) if isinstance(element.tag, str) else None
            if value and element is not tree and not _is_entry(element):
                counts[value] = counts.get(value, 0) + 1
    return counts


def _is_entry(element: etree._Element) -> bool:
    return element.tag in _ENTRY_TAGS and any(local_name(a) == "standOff" for a in element.iterancestors())


def _prepare_member(
    member: etree._Element,
    doc: DocumentInfo,
    collection: Collection,
    corpus_ids: set[str],
    member_ids: dict[str, int],
) -> None:
    """Move the member's entries out, point its refs at the corpus's, rename its clashing ids."""
    member.set(_XML_ID, doc.id)
    for stand_off in [child for child in member if local_name(child) == "standOff"]:
        for listing in [child for child in stand_off.iter() if child.tag in _LIST_TAGS]:
            for entry in [child for child in listing if child.tag in _ENTRY_TAGS]:
                listing.remove(entry)
        for listing in [child for child in stand_off.iter() if child.tag in _LIST_TAGS]:
            if not any(isinstance(child.tag, str) and local_name(child) not in ("head", "desc") for child in listing):
                parent = listing.getparent()
                if parent is not None:
                    parent.remove(listing)
        if not any(isinstance(child.tag, str) for child in stand_off):
            member.remove(stand_off)
    pointers = {f"#{local}": f"#{entity}" for local, entity in collection.id_map(doc.id).items()}
    for element in member.iter():
        if not isinstance(element.tag, str) or element is member:
            continue
        value = element.get(_XML_ID)
        if value and (value in corpus_ids or member_ids.get(value, 0) > 1):
            renamed = f"{doc.id}.{value}"
            element.set(_XML_ID, renamed)
            pointers[f"#{value}"] = f"#{renamed}"
    authority_targets = {target: entity for target, entity in collection.targets_of(doc.id)
                         if not target.startswith("#")}
    for element in member.iter():
        if not isinstance(element.tag, str):
            continue
        for key, raw in element.attrib.items():
            name, value = str(key), str(raw)
            if name == _XML_ID or "#" not in value:
                continue
            tokens = value.split()
            changed = [pointers.get(token, token) for token in tokens]
            if changed != tokens:
                element.set(name, " ".join(changed))
        ref = element.get("ref")
        if ref and authority_targets:
            _add_authority_pointer(element, ref, authority_targets, collection)


def _add_authority_pointer(
    element: etree._Element, ref: str, targets: dict[str, str], collection: Collection
) -> None:
    """A ``@ref`` naming an authority record directly also points to its corpus entry."""
    from tei.corpus.authority import authority_from_ref

    tokens = ref.split()
    extra = []
    for token in tokens:
        authority = authority_from_ref(token)
        if authority is None:
            continue
        entity = targets.get(f"{authority.scheme}:{authority.value}")
        if entity and f"#{entity}" not in tokens and f"#{entity}" not in extra:
            extra.append(f"#{entity}")
    if extra:
        element.set("ref", " ".join(tokens + extra))


# -- the merged standOff ----------------------------------------------------------------------------


def _stand_off(
    collection: Collection, entities: Sequence[Entity], elements: dict[tuple[str, str], etree._Element]
) -> etree._Element | None:
    lists = {"person": E("listPerson"), "place": E("listPlace"), "org": E("listOrg")}
    for entity in entities:
        if entity.kind not in lists:
            continue
        lists[entity.kind].append(_entity_element(collection, entity, elements))
    kept = [listing for listing in lists.values() if len(listing)]
    if not kept:
        return None
    return E("standOff", *kept)


def _entity_element(
    collection: Collection, entity: Entity, elements: dict[tuple[str, str], etree._Element]
) -> etree._Element:
    sources = [elements[key] for key in entity.entries if key in elements]
    if sources:
        element = copy.deepcopy(sources[0])
        for inner in element.iter():
            if inner is not element and isinstance(inner.tag, str) and inner.get(_XML_ID):
                del inner.attrib[_XML_ID]
        if not isinstance(element.tag, str) or element.tag not in _ENTRY_TAGS:
            element = E(entity.kind)
    else:
        element = E(entity.kind)
    element.set(_XML_ID, entity.id)
    element.tail = None
    name_tag = _NAME_OF[entity.kind]
    present = {_text(child) for child in element if local_name(child) in (name_tag, "name")}
    new_names = [name for name in ([entity.standard, *entity.names]) if name and name not in present]
    for number, name in enumerate(dict.fromkeys(new_names)):
        kind = "standard" if not present and number == 0 else "variant"
        _insert_name(element, E(name_tag, name, type=kind))
        present.add(name)
    idnos = {(child.get("type") or "", _text(child)) for child in element if local_name(child) == "idno"}
    for authority in entity.authorities:
        if (authority.scheme, authority.value) in idnos or any(value == authority.uri for _, value in idnos):
            continue
        value = authority.uri if authority.scheme == "uri" else authority.value
        _insert_before(element, E("idno", value, type=authority.scheme), _LATE)
    _insert_before(element, _mentions_note(collection, entity), _NESTED)
    return element


def _text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", "".join(str(part) for part in element.itertext())).strip()


def _insert_name(element: etree._Element, name: etree._Element) -> None:
    position = 0
    for index, child in enumerate(element):
        if local_name(child) in ("persName", "placeName", "orgName", "name", "geogName"):
            position = index + 1
    element.insert(position, name)


def _insert_before(element: etree._Element, new: etree._Element, stops: Iterable[str]) -> None:
    stop = frozenset(stops)
    for index, child in enumerate(element):
        if local_name(child) in stop:
            element.insert(index, new)
            return
    element.append(new)


def _mentions_note(collection: Collection, entity: Entity) -> etree._Element:
    counts: dict[str, int] = {}
    for mention in entity.mentions:
        counts[mention.document] = counts.get(mention.document, 0) + 1
    note = E("note", "Mentioned in ", type="mentions")
    for number, doc_id in enumerate(entity.documents):
        if doc_id not in counts:
            continue
        if number:
            note[-1].tail = (note[-1].tail or "") + "; "
        ref = E("ref", collection.document(doc_id).title, target=f"#{doc_id}")
        note.append(ref)
        ref.tail = f" ({counts[doc_id]})"
    if len(note):
        note[-1].tail = (note[-1].tail or "") + "."
    return note


# -- the corpus header ------------------------------------------------------------------------------


def _header(collection: Collection, options: CorpusOptions, languages: list[tuple[str, str]]) -> etree._Element:
    docs = collection.documents
    title = options.title or f"A collection of {len(docs)} TEI document{'s' if len(docs) != 1 else ''}"
    words = sum(doc.words for doc in docs)
    title_stmt = E(
        "titleStmt",
        E("title", title),
        E("respStmt", E("resp", "Corpus assembled from its documents' TEI"), E("name", f"tei toolkit {__version__}")),
    )
    extent = E(
        "extent",
        E("measure", f"{len(docs)} document{'s' if len(docs) != 1 else ''}", unit="documents", quantity=str(len(docs))),
        ", ",
        E("measure", f"{words} words", unit="words", quantity=str(words)),
    )
    publication = E("publicationStmt")
    if options.publisher:
        publication.append(E("publisher", options.publisher))
    else:
        publication.append(E("authority", "Not stated: no publisher was given for this corpus."))
    availability = E("availability")
    licences: dict[tuple[str, str], list[str]] = {}
    for doc in docs:
        for stated in doc.licences:
            licences.setdefault(stated, []).append(doc.id)
    for (text, target), owners in sorted(licences.items()):
        licence = E("licence", f"{text or target} ", target=target or None)
        licence.append(E("ref", f"({len(owners)} document{'s' if len(owners) != 1 else ''})",
                         target=" ".join(f"#{owner}" for owner in owners)))
        availability.append(licence)
    availability.append(E("p", "Each document states its own licence in its header; they are gathered here."
                          if licences else "None of the documents states a licence."))
    publication.append(availability)
    source_desc = E("sourceDesc")
    sources: dict[str, list[str]] = {}
    for doc in docs:
        for source in doc.sources:
            sources.setdefault(source, []).append(doc.id)
    if sources:
        listing = E("listBibl")
        for text, owners in sorted(sources.items()):
            listing.append(E("bibl", text, " ", E("ref", f"({len(owners)} document{'s' if len(owners) != 1 else ''})",
                                                  target=" ".join(f"#{owner}" for owner in owners))))
        source_desc.append(listing)
    else:
        source_desc.append(E("p", "The documents do not describe their sources."))
    file_desc = E("fileDesc", title_stmt, extent, publication)
    if options.description:
        file_desc.append(E("notesStmt", E("note", options.description, type="description")))
    file_desc.append(source_desc)
    encoding = E(
        "encodingDesc",
        E("appInfo", E("application", E("label", "tei"), E("desc", "Corpus assembled by tei corpus."),
                       ident="tei", version=__version__)),
        E("editorialDecl", E("interpretation", E(
            "p",
            "The persons, places and organisations of the documents are gathered in the corpus's standOff and "
            "every @ref of the documents points there. Entries are merged when they share an authority "
            "identifier or are the same register entry (same xml:id and standard name); an entry a document "
            "declared for itself (with @cert) is merged only by an authority identifier and takes the "
            "document's id as a prefix. Other ids of a document that would clash in this file take the "
            "document's id as a prefix (DOC.ID). Each entry's note of type mentions lists the documents "
            "that mention it.",
        ))),
    )
    profile = E("profileDesc")
    creation = _creation(docs)
    if creation is not None:
        profile.append(creation)
    if languages:
        profile.append(E("langUsage", *[E("language", name, ident=ident) for ident, name in languages]))
    profile.append(E(
        "calendarDesc",
        E("calendar", E("p", "Julian calendar (Old Style)."), xml_id="julian"),
        E("calendar", E("p", "Gregorian calendar (New Style)."), xml_id="gregorian"),
    ))
    header = E("teiHeader", file_desc, encoding, profile)
    if options.change_date:
        header.append(E("revisionDesc", E("change", f"Corpus assembled with tei {__version__}.",
                                          when=options.change_date)))
    return header


def _creation(docs: Sequence[DocumentInfo]) -> etree._Element | None:
    dates = sorted(doc.date for doc in docs if doc.date)
    if not dates:
        return None
    first, last = dates[0], dates[-1]
    dated = sum(1 for doc in docs if doc.date)
    creation = E("creation", f"{dated} of the {len(docs)} documents are dated, from ")
    gregorian = E("date", f"{date_label(first)} to {date_label(last)}", from_=first, to=last,
                  calendar="#gregorian")
    creation.append(gregorian)
    first_julian, last_julian = julian_iso(first), julian_iso(last)
    if first_julian and last_julian:
        gregorian.tail = " (Gregorian), that is "
        creation.append(E(
            "date",
            f"{julian_label(first).removesuffix(' (Julian)')} to {julian_label(last).removesuffix(' (Julian)')}",
            calendar="#julian", datingMethod="#julian", from_=first, to=last,
            **{"from-custom": first_julian, "to-custom": last_julian},
        ))
        creation[-1].tail = " (Julian)."
    else:
        gregorian.tail = "."
    return creation
