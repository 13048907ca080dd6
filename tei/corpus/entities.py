"""One register for a collection: the entries and mentions of every document merged into entities.

Merging rules (the issue's, and nothing cleverer):

- entries that share an authority identifier (Wikidata, GeoNames, VIAF…,
  from their ``idno``s, or a ``@ref`` that names the record directly) are
  one entity;
- register entries (no ``@cert``) with the same ``xml:id``, kind and
  standard name are one entity: the same register wrote them;
- a document-local entry (``@cert``: the encoder wrote it for a name its
  register lacks) is merged with nothing but by an authority identifier: two
  documents' "General X" may be two people;
- a name with no ``@ref`` (ELTeC's ``rs``, a name the encoder could not
  identify) is indexed by its written form: the same kind and form in any
  document make one unidentified entry, as in a printed index of names
  (nothing says they are one person).

Each entity gets one id for the whole collection: a register entry keeps its
``xml:id``; a document-local entry becomes ``DOC-ID`` (so that two documents'
``p1`` cannot clash); an entity known only by an authority ``SCHEME-VALUE``; an unidentified
name ``KIND-FORM``;
an id already taken gets ``-2``, ``-3``… in collection order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tei.corpus.authority import Authority
from tei.corpus.documents import KINDS, DocumentInfo, EntryInfo, document_id

__all__ = ["Collection", "Entity", "Mention", "merge"]


@dataclass(frozen=True)
class Mention:
    """A name in a document as written: document id, line, text; ``in_header`` for a header author."""

    document: str
    line: int
    text: str
    in_header: bool = False


@dataclass(frozen=True)
class Entity:
    """A person, place, organisation or unidentified name of the collection."""

    id: str
    kind: str
    standard: str
    names: tuple[str, ...]
    forms: tuple[str, ...]
    authorities: tuple[Authority, ...]
    birth: str
    death: str
    coordinates: tuple[float, float] | None
    note: str
    role: str
    cert: str
    identified: bool
    mentions: tuple[Mention, ...]
    documents: tuple[str, ...]
    entries: tuple[tuple[str, str], ...]

    @property
    def local(self) -> bool:
        """Only document-local entries (no register entry, no authority) describe it."""
        return bool(self.cert) and not self.authorities


@dataclass(frozen=True)
class Collection:
    """The merged view of a collection: its documents in order, its entities, and how pointers map."""

    documents: tuple[DocumentInfo, ...]
    entities: tuple[Entity, ...]
    #: (document id, "#local-id" | "scheme:value") -> entity id
    targets: dict[tuple[str, str], str]
    #: (kind, written form casefolded) -> entity id, for unlinked names
    forms: dict[tuple[str, str], str]

    def entity(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    @property
    def _by_id(self) -> dict[str, Entity]:
        cached: dict[str, Entity] | None = self.__dict__.get("_by_id_cache")
        if cached is None:
            cached = {entity.id: entity for entity in self.entities}
            object.__setattr__(self, "_by_id_cache", cached)
        return cached

    def document(self, doc_id: str) -> DocumentInfo:
        cached: dict[str, DocumentInfo] | None = self.__dict__.get("_docs_cache")
        if cached is None:
            cached = {doc.id: doc for doc in self.documents}
            object.__setattr__(self, "_docs_cache", cached)
        return cached[doc_id]

    def targets_of(self, doc_id: str) -> list[tuple[str, str]]:
        """A document's pointers (``#local-id`` or ``scheme:value``) and the entity ids they lead to."""
        cached: dict[str, list[tuple[str, str]]] | None = self.__dict__.get("_targets_cache")
        if cached is None:
            cached = {}
            for (document, target), entity in self.targets.items():
                cached.setdefault(document, []).append((target, entity))
            object.__setattr__(self, "_targets_cache", cached)
        return cached.get(doc_id, [])

    def id_map(self, doc_id: str) -> dict[str, str]:
        """A document's own entry ids -> the collection's ids (what its ``@ref="#x"`` become)."""
        return {target[1:]: entity for target, entity in self.targets_of(doc_id) if target.startswith("#")}


class _Groups:
    """Union-find over node keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.order: dict[tuple[str, ...], int] = {}

    def add(self, key: tuple[str, ...]) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.order[key] = len(self.order)

    def find(self, key: tuple[str, ...]) -> tuple[str, ...]:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.order[rb] < self.order[ra]:
            ra, rb = rb, ra
        self.parent[rb] = ra


def fold(text: str) -> str:
    """A written form as compared: whitespace collapsed, case folded."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def _entry_key(doc: DocumentInfo, entry: EntryInfo) -> tuple[str, ...]:
    return ("entry", doc.id, entry.local_id)


def _auth_key(authority: Authority) -> tuple[str, ...]:
    return ("auth", authority.scheme, authority.value)


def _form_key(kind: str, text: str) -> tuple[str, ...]:
    return ("form", kind, fold(text))


def merge(documents: Sequence[DocumentInfo], reserved: Iterable[str] = ()) -> Collection:
    """Merge the documents' entries and mentions into the collection's entities (deterministic)."""
    groups = _Groups()
    register_ids: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for doc in documents:
        for entry in doc.entries:
            key = _entry_key(doc, entry)
            groups.add(key)
            for authority in entry.authorities:
                groups.add(_auth_key(authority))
                groups.union(key, _auth_key(authority))
            if not entry.local:
                same = (entry.local_id, entry.kind, fold(entry.standard))
                if same in register_ids:
                    groups.union(register_ids[same], key)
                else:
                    register_ids[same] = key
        for mention in doc.mentions:
            if mention.target.startswith("#"):
                continue
            if mention.target:
                scheme, _, value = mention.target.partition(":")
                groups.add(_auth_key(Authority(scheme, value)))
            else:
                groups.add(_form_key(mention.kind, mention.text))

    members: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key in groups.parent:
        members.setdefault(groups.find(key), []).append(key)
    entries = {_entry_key(doc, entry): (doc, entry) for doc in documents for entry in doc.entries}
    mentions_of: dict[tuple[str, ...], list[tuple[DocumentInfo, str, Mention]]] = {}
    for doc in documents:
        for mention in doc.mentions:
            node: tuple[str, ...]
            if mention.target.startswith("#"):
                node = ("entry", doc.id, mention.target[1:])
            elif mention.target:
                scheme, _, value = mention.target.partition(":")
                node = ("auth", scheme, value)
            else:
                node = _form_key(mention.kind, mention.text)
            if node not in groups.parent:
                continue
            item = Mention(doc.id, mention.line, mention.text, mention.in_header)
            mentions_of.setdefault(groups.find(node), []).append((doc, mention.kind, item))

    taken = set(reserved)
    doc_order = {doc.id: number for number, doc in enumerate(documents)}
    built: list[Entity] = []
    targets: dict[tuple[str, str], str] = {}
    forms: dict[tuple[str, str], str] = {}
    for root in sorted(members, key=lambda key: groups.order[key]):
        keys = sorted(members[root], key=lambda key: groups.order[key])
        found = mentions_of.get(root, [])
        group_entries = [entries[key] for key in keys if key in entries]
        if not group_entries and not found:
            continue
        entity_id = _unique(_candidate_id(keys, group_entries), taken)
        taken.add(entity_id)
        built.append(_entity(entity_id, keys, group_entries, found, doc_order))
        for key in keys:
            if key[0] == "entry":
                targets[(key[1], "#" + key[2])] = entity_id
            elif key[0] == "auth":
                for doc, _, _ in found:
                    targets[(doc.id, f"{key[1]}:{key[2]}")] = entity_id
            else:
                forms[(key[1], key[2])] = entity_id
    kind_order = {kind: number for number, kind in enumerate(KINDS)}
    built.sort(key=lambda entity: (kind_order.get(entity.kind, 9), fold(entity.standard), entity.id))
    return Collection(tuple(documents), tuple(built), targets, forms)


def _candidate_id(keys: list[tuple[str, ...]], group_entries: list[tuple[DocumentInfo, EntryInfo]]) -> str:
    for _doc, entry in group_entries:
        if not entry.local:
            return entry.local_id
    if group_entries:
        doc, entry = group_entries[0]
        return f"{doc.id}-{entry.local_id}"
    for key in keys:
        if key[0] == "auth":
            return document_id(f"{key[1]}-{key[2]}")[:80]
    kind, text = keys[0][1], keys[0][2]
    return document_id(f"{kind}-{text}")[:100].rstrip("-.")


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"


def _entity(
    entity_id: str,
    keys: list[tuple[str, ...]],
    group_entries: list[tuple[DocumentInfo, EntryInfo]],
    found: list[tuple[DocumentInfo, str, Mention]],
    doc_order: dict[str, int],
) -> Entity:
    ordered = sorted(group_entries, key=lambda item: (item[1].local, doc_order[item[0].id]))
    names: list[str] = []
    authorities: list[Authority] = []
    roles: list[str] = []
    for _doc, entry in ordered:
        names += [name for name in entry.names if name not in names]
        authorities += [authority for authority in entry.authorities if authority not in authorities]
        if entry.role and entry.role not in roles:
            roles.append(entry.role)
    for key in keys:
        if key[0] == "auth":
            authority = Authority(key[1], key[2])
            if authority not in authorities:
                authorities.append(authority)
    counts = Counter(mention.text for _, _, mention in found)
    forms = tuple(sorted(counts, key=lambda text: (-counts[text], text)))
    kinds = Counter(kind for _, kind, _ in found if kind != "name")
    if ordered:
        kind = ordered[0][1].kind
    elif kinds:
        kind = sorted(kinds, key=lambda item: (-kinds[item], item))[0]
    elif keys[0][0] == "form":
        kind = keys[0][1]
    else:
        kind = "name"
    standard = names[0] if names else (forms[0] if forms else entity_id)
    mentions = sorted(
        (mention for _, _, mention in found), key=lambda m: (doc_order[m.document], m.line, not m.in_header, m.text)
    )
    mentioning = {m.document for m in mentions} | {doc.id for doc, _ in ordered}
    documents = tuple(sorted(mentioning, key=doc_order.__getitem__))

    def first(attribute: str) -> str:
        for _, entry in ordered:
            value = getattr(entry, attribute)
            if value:
                return str(value)
        return ""

    coordinates = next((entry.coordinates for _, entry in ordered if entry.coordinates), None)
    cert = "" if any(not entry.local for _, entry in ordered) else first("cert")
    return Entity(
        id=entity_id,
        kind=kind,
        standard=standard,
        names=tuple(names),
        forms=forms,
        authorities=tuple(authorities),
        birth=first("birth"),
        death=first("death"),
        coordinates=coordinates,
        note=first("note"),
        role="; ".join(roles),
        cert=cert,
        identified=bool(ordered) or bool(authorities),
        mentions=tuple(mentions),
        documents=documents,
        entries=tuple((doc.id, entry.local_id) for doc, entry in ordered),
    )
