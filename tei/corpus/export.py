"""The collection's entities for other tools: CSV, JSON, JSON-LD (schema.org) and TEI.

One row (object, node, entry) per entity: its type, standard name, the forms
seen in the documents, authority ids, life dates or coordinates where known,
and its mentions (document, line, the text as written). The JSON-LD carries
its own ``@context`` (nothing is fetched to read it): ``Person``, ``Place``,
``Organization`` (``Thing`` for a name of no known kind) with ``sameAs`` for
the authority URIs, and each document a ``CreativeWork`` that ``mentions``
them. The TEI is a document whose ``standOff`` ``tei encode --register`` accepts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

from lxml import etree

from tei import __version__
from tei.corpus.entities import Collection, Entity
from tei.errors import UsageError
from tei.ns import E
from tei.serialize import to_bytes

__all__ = ["EXPORT_FORMATS", "entity_record", "export_entities"]

_SCHEMA_TYPES = {"person": "Person", "place": "Place", "org": "Organization", "name": "Thing"}
_CSV_SCHEMES = ("wikidata", "geonames", "viaf")
#: Characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _mentions_by_document(entity: Entity) -> list[tuple[str, list[tuple[int, str]]]]:
    grouped: dict[str, list[tuple[int, str]]] = {}
    for mention in entity.mentions:
        grouped.setdefault(mention.document, []).append((mention.line, mention.text))
    return list(grouped.items())


def entity_record(collection: Collection, entity: Entity) -> dict[str, Any]:
    """One entity as plain data (the JSON export's objects; the other formats are written from it)."""
    record: dict[str, Any] = {
        "id": entity.id,
        "type": entity.kind,
        "name": entity.standard,
        "identified": entity.identified,
        "forms": list(entity.forms),
        "names": list(entity.names),
        "authorities": [
            {"scheme": authority.scheme, "id": authority.value, "uri": authority.uri}
            for authority in entity.authorities
        ],
    }
    if entity.kind == "person" or entity.birth or entity.death:
        record["birth"] = entity.birth or None
        record["death"] = entity.death or None
    if entity.kind == "place" or entity.coordinates:
        record["latitude"] = entity.coordinates[0] if entity.coordinates else None
        record["longitude"] = entity.coordinates[1] if entity.coordinates else None
    if entity.role:
        record["role"] = entity.role
    if entity.cert:
        record["cert"] = entity.cert
    if entity.note:
        record["note"] = entity.note
    record["documents"] = list(entity.documents)
    record["mentions"] = [
        {"document": mention.document, "line": mention.line, "text": mention.text}
        | ({"header": True} if mention.in_header else {})
        for mention in entity.mentions
    ]
    return record


def _documents(collection: Collection) -> list[dict[str, Any]]:
    return [
        {"id": doc.id, "path": doc.rel, "title": doc.title, "date": doc.date or None, "authors": list(doc.authors)}
        for doc in collection.documents
    ]


def _json(collection: Collection) -> bytes:
    data = {
        "tool": f"tei {__version__}",
        "documents": _documents(collection),
        "entities": [entity_record(collection, entity) for entity in collection.entities],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv(collection: Collection) -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(
        ["id", "type", "name", "identified", "forms", *_CSV_SCHEMES, "other_ids", "birth", "death",
         "latitude", "longitude", "documents", "mention_count", "mentions"]
    )
    for entity in collection.entities:
        ids = {a.scheme: a.value for a in entity.authorities if a.scheme in _CSV_SCHEMES}
        others = [authority.uri or f"{authority.scheme}:{authority.value}" for authority in entity.authorities
                  if authority.scheme not in _CSV_SCHEMES]
        row = [
            entity.id,
            entity.kind,
            entity.standard,
            "yes" if entity.identified else "no",
            "\n".join(entity.forms),
            *[ids.get(scheme, "") for scheme in _CSV_SCHEMES],
            "\n".join(others),
            entity.birth,
            entity.death,
            f"{entity.coordinates[0]:g}" if entity.coordinates else "",
            f"{entity.coordinates[1]:g}" if entity.coordinates else "",
            "\n".join(entity.documents),
            str(len(entity.mentions)),
            "\n".join(f"{mention.document}:{mention.line}: {mention.text}" for mention in entity.mentions),
        ]
        writer.writerow([_cell(value) for value in row])
    return stream.getvalue().encode("utf-8")


#: The JSON-LD context, inline: reading the export needs no network.
JSONLD_CONTEXT: Mapping[str, Any] = {
    "@vocab": "https://schema.org/",
    "sameAs": {"@type": "@id"},
    "mentions": {"@type": "@id"},
    "subjectOf": {"@type": "@id"},
    "alternateName": {"@container": "@set"},
}


def _jsonld(collection: Collection) -> bytes:
    graph: list[dict[str, Any]] = []
    for doc in collection.documents:
        node: dict[str, Any] = {"@id": f"#{doc.id}", "@type": "CreativeWork", "name": doc.title}
        if doc.date:
            node["dateCreated"] = doc.date
        if doc.authors:
            node["author"] = list(doc.authors)
        if doc.languages:
            node["inLanguage"] = [ident for ident, _ in doc.languages]
        mentioned = [entity.id for entity in collection.entities if doc.id in entity.documents]
        if mentioned:
            node["mentions"] = [f"#{entity_id}" for entity_id in mentioned]
        graph.append(node)
    for entity in collection.entities:
        node = {"@id": f"#{entity.id}", "@type": _SCHEMA_TYPES[entity.kind], "name": entity.standard}
        alternates = [form for form in dict.fromkeys([*entity.names[1:], *entity.forms]) if form != entity.standard]
        if alternates:
            node["alternateName"] = alternates
        same = [authority.uri for authority in entity.authorities if authority.uri]
        if same:
            node["sameAs"] = same
        if entity.kind == "person":
            if entity.birth:
                node["birthDate"] = entity.birth
            if entity.death:
                node["deathDate"] = entity.death
        if entity.coordinates:
            node["geo"] = {"@type": "GeoCoordinates", "latitude": entity.coordinates[0],
                           "longitude": entity.coordinates[1]}
        description = "; ".join(part for part in (entity.role, entity.note) if part)
        if not entity.identified:
            description = "Not identified: indexed by its written form." + (f" {description}" if description else "")
        if description:
            node["description"] = description
        node["subjectOf"] = [f"#{doc_id}" for doc_id in entity.documents]
        graph.append(node)
    data = {"@context": dict(JSONLD_CONTEXT), "@graph": graph}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def _tei(collection: Collection) -> bytes:
    lists: dict[str, etree._Element] = {
        "person": E("listPerson"), "place": E("listPlace"), "org": E("listOrg"),
        "name": E("list", type="unidentified-names"),
    }
    for entity in collection.entities:
        lists[entity.kind].append(_tei_entry(collection, entity))
    kept = [listing for listing in lists.values() if len(listing)]
    count = len(collection.documents)
    documents = f"{count} document{'s' if count != 1 else ''}"
    header = E(
        "teiHeader",
        E("fileDesc",
          E("titleStmt", E("title", f"Persons, places and organisations of {documents}"),
            E("respStmt", E("resp", "Exported by tei entities"), E("name", f"tei toolkit {__version__}"))),
          E("publicationStmt", E("p", "An export of the entities of a collection, for exchange with other tools.")),
          E("sourceDesc", E("listBibl", *[E("bibl", E("title", doc.title), " ", E("ref", doc.rel, target=doc.rel))
                                          for doc in collection.documents]))),
    )
    body = E("body", E("p", f"The persons, places and organisations that {documents} mention, with the forms seen "
                            "and where; they are in the standOff."))
    root = E("TEI", header, *([E("standOff", *kept)] if kept else []), E("text", body))
    return to_bytes(root)


def _tei_entry(collection: Collection, entity: Entity) -> etree._Element:
    name_tag = {"person": "persName", "place": "placeName", "org": "orgName", "name": "name"}[entity.kind]
    names = [E(name_tag, entity.standard, type="standard")]
    names += [E(name_tag, name, type="variant") for name in entity.names[1:]]
    names += [E(name_tag, form, type="seen") for form in entity.forms
              if form not in entity.names and form != entity.standard]
    mentions = E("note", "Mentioned in ", type="mentions")
    for number, (doc_id, lines) in enumerate(_mentions_by_document(entity)):
        doc = collection.document(doc_id)
        if number:
            mentions[-1].tail = "; "
        mentions.append(E("ref", doc.title, target=doc.rel))
        where = ", ".join(str(line) for line, _ in lines)
        mentions[-1].tail = f" (line{'s' if len(lines) != 1 else ''} {where})"
    if len(mentions):
        mentions[-1].tail = (mentions[-1].tail or "") + "."
    if entity.kind == "name":
        return E("item", *names, E("note", "Not identified: indexed by its written form.", type="unidentified"),
                 mentions, xml_id=entity.id)
    element = E(entity.kind, xml_id=entity.id, cert=entity.cert or ("unknown" if not entity.identified else None))
    for name in names:
        element.append(name)
    if entity.kind == "person":
        if entity.birth:
            element.append(E("birth", when=entity.birth) if _iso(entity.birth) else E("birth", entity.birth))
        if entity.death:
            element.append(E("death", when=entity.death) if _iso(entity.death) else E("death", entity.death))
    if entity.coordinates:
        element.append(E("location", E("geo", f"{entity.coordinates[0]:g} {entity.coordinates[1]:g}")))
    for authority in entity.authorities:
        element.append(E("idno", authority.uri if authority.scheme == "uri" else authority.value,
                         type=authority.scheme))
    if entity.role:
        element.append(E("note", entity.role, type="role"))
    if entity.note:
        element.append(E("note", entity.note))
    if not entity.identified:
        element.append(E("note", "Not identified: indexed by its written form.", type="unidentified"))
    element.append(mentions)
    return element


def _iso(value: str) -> bool:
    from tei.corpus.dates import iso_prefix

    return bool(value) and iso_prefix(value) == value


#: Export formats by name -> writer.
EXPORT_FORMATS: Mapping[str, Callable[[Collection], bytes]] = {
    "csv": _csv,
    "json": _json,
    "jsonld": _jsonld,
    "tei": _tei,
}


def export_entities(collection: Collection, fmt: str) -> bytes:
    """The collection's entities as the bytes of ``fmt`` (csv, json, jsonld, tei)."""
    try:
        writer = EXPORT_FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}") from None
    return writer(collection)
