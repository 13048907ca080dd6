"""``tei site``: a static, self-contained edition site of a collection, rebuilt incrementally.

Layout of SITE (every link relative, every page works from ``file://``)::

    index.html                     the collection: description, facts, ways in, search form
    documents/index.html           documents by date (both calendars); authors.html by author
    documents/DOC.html             the reading edition with the site around it
    documents/DOC.xml .txt .fo .tex   the TEI, plain text, XSL-FO and LaTeX, to download
    persons/ places/ organisations/ names/   index.html and one page per entry
    timeline.html  search.html     the documents in time; offline full-text search
    assets/                        site.css, search.js, search-index.js, text/DOC.js
    .tei-site.json                 the state of the last build (content keys, what was written)

Incremental like ``tei batch``: a document whose bytes (and the options and
toolkit version) are unchanged is not read again; its summary comes from the
state. Its page is rebuilt only when what it links to changed (the entity ids
of its names, its neighbours by date). The indexes, timeline and search index
are rendered every time from the summaries and written only where their bytes
changed. Files of the last build that belong to nothing now (a removed
document, a vanished entry) are deleted; nothing else in SITE is touched.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from tei import __version__, safexml
from tei.corpus.authority import Authority
from tei.corpus.dates import date_label
from tei.corpus.documents import KINDS, DocumentInfo, EntryInfo, MentionInfo, members, read_documents
from tei.corpus.entities import Collection, fold, merge
from tei.corpus.site.edition import PageMention, site_edition
from tei.corpus.site.html import Nav
from tei.corpus.site.pages import KIND_FOLDERS, KIND_TITLES, SitePages, sorted_documents
from tei.corpus.site.search import SearchDoc, index_script, terms_of, text_script
from tei.corpus.sources import SourceFile, check_site_folder, iter_sources
from tei.corpus.teicorpus import HEADER_IDS
from tei.errors import InputError, OutputError, TeiError
from tei.ns import XML_NS, E, local_name, tei
from tei.outputs import file_hashes, write_atomic
from tei.serialize import to_bytes

__all__ = ["STATE_NAME", "SiteOptions", "SiteResult", "build_site"]

STATE_NAME = ".tei-site.json"
STATE_FORMAT = 2
ASSETS = Path(__file__).resolve().parent / "assets"
#: Download formats: (label, format name for tei.transform, suffix).
DOWNLOADS = (
    ("TEI P5 (XML)", "tei", ".xml"),
    ("Plain text", "text", ".txt"),
    ("XSL-FO, for a PDF with Apache FOP", "fo", ".fo"),
    ("LaTeX, for a PDF with lualatex", "latex", ".tex"),
)


@dataclass(frozen=True)
class SiteOptions:
    """What the site says of the collection beyond its documents; ``build_date`` only from SOURCE_DATE_EPOCH."""

    title: str | None = None
    description: str | None = None
    publisher: str | None = None
    build_date: str | None = None
    force: bool = False

    def digest(self) -> str:
        return hashlib.sha256(json.dumps([self.title, self.description, self.publisher, self.build_date,
                                          __version__]).encode()).hexdigest()


@dataclass
class SiteResult:
    """What a build did."""

    documents: int = 0
    read: int = 0
    pages: int = 0
    written: int = 0
    removed: int = 0
    failed: int = 0
    entities: int = 0
    messages: list[str] = field(default_factory=list)


Tell = Callable[[TeiError], None]


# -- summaries in the state file -------------------------------------------------------------------


def _entry_key(entry: EntryInfo, table: dict[str, Any], keys: dict[EntryInfo, str]) -> str:
    """Register entries recur in every document that names them: the state keeps each once, by content."""
    key = keys.get(entry)
    if key is None:
        data = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
        data["authorities"] = [list(item) for item in entry.authorities]
        key = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:20]
        table.setdefault(key, data)
        keys[entry] = key
    return key


_ENTRY_FIELDS = tuple(item.name for item in fields(EntryInfo))
_DOC_FIELDS = tuple(item.name for item in fields(DocumentInfo) if item.name not in ("entries", "mentions"))


def _doc_to_json(doc: DocumentInfo, table: dict[str, Any], keys: dict[EntryInfo, str]) -> dict[str, Any]:
    data = {name: getattr(doc, name) for name in _DOC_FIELDS}
    data["mentions"] = [[m.kind, m.target, m.text, m.line, m.in_header] for m in doc.mentions]
    data["entries"] = [_entry_key(entry, table, keys) for entry in doc.entries]
    return data


def _entry_from_json(entry: dict[str, Any]) -> EntryInfo:
    return EntryInfo(**{**entry, "names": tuple(entry["names"]),
                        "authorities": tuple(Authority(*item) for item in entry["authorities"]),
                        "coordinates": tuple(entry["coordinates"]) if entry["coordinates"] else None})


def _doc_from_json(data: dict[str, Any], table: dict[str, EntryInfo]) -> DocumentInfo:
    entries = tuple(table[key] for key in data["entries"])
    mentions = tuple(MentionInfo(*mention) for mention in data["mentions"])
    return DocumentInfo(**{
        **data,
        "authors": tuple(data["authors"]),
        "languages": tuple(tuple(item) for item in data["languages"]),
        "licences": tuple(tuple(item) for item in data["licences"]),
        "sources": tuple(data["sources"]),
        "entries": entries,
        "mentions": mentions,
    })


@dataclass
class _Record:
    """One document of the site: its summary and what the build knows of its files."""

    doc: DocumentInfo
    source: str
    terms: str
    outputs: dict[str, str]
    base_id: str = ""
    page_digest: str = ""
    page_sha: str = ""
    mentions: list[PageMention] = field(default_factory=list)
    pager: list[tuple[str, str, str]] = field(default_factory=list)

    def to_json(self, table: dict[str, Any], keys: dict[EntryInfo, str]) -> dict[str, Any]:
        return {
            "doc": _doc_to_json(self.doc, table, keys),
            "base_id": self.base_id,
            "terms": self.terms,
            "outputs": self.outputs,
            "page_digest": self.page_digest,
            "page_sha": self.page_sha,
            "mentions": [[m.anchor, m.entity, m.text, m.before, m.after] for m in self.mentions],
            "pager": [list(item) for item in self.pager],
        }

    @classmethod
    def from_json(cls, source: str, data: dict[str, Any], table: dict[str, EntryInfo]) -> _Record:
        return cls(
            doc=_doc_from_json(data["doc"], table),
            source=source,
            terms=data["terms"],
            outputs=dict(data["outputs"]),
            base_id=data.get("base_id", ""),
            page_digest=data.get("page_digest", ""),
            page_sha=data.get("page_sha", ""),
            mentions=[PageMention(*item) for item in data.get("mentions", [])],
            pager=[(item[0], item[1], item[2]) for item in data.get("pager", [])],
        )


def _load_state(site: Path, options: SiteOptions) -> dict[str, Any]:
    path = site / STATE_NAME
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT or data.get("tool") != __version__:
        return {"files": data.get("files", {})} if isinstance(data, dict) else {}
    if data.get("options") != options.digest() or options.force:
        return {"files": data.get("files", {})}
    return data


def _intern(doc: DocumentInfo, pool: dict[EntryInfo, EntryInfo]) -> DocumentInfo:
    """The same register entry in many documents becomes one object (memory grows with entries, not mentions)."""
    from dataclasses import replace

    return replace(doc, entries=tuple(pool.setdefault(entry, entry) for entry in doc.entries))


def _write_state(path: Path, options: SiteOptions, sources: dict[str, dict[str, Any]], files: dict[str, str]) -> None:
    """The state file, written piece by piece into a temporary file that is then renamed into place."""
    import os
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    table: dict[str, Any] = {}
    keys: dict[EntryInfo, str] = {}
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(json.dumps({"format": STATE_FORMAT, "tool": __version__, "options": options.digest()})[:-1])
            stream.write(',"sources":{')
            for position, (name, item) in enumerate(sorted(sources.items())):
                stream.write(("," if position else "") + json.dumps(name) + ':{"key":' + json.dumps(item["key"])
                             + ',"docs":[')
                stream.write(",".join(json.dumps(record.to_json(table, keys), ensure_ascii=False, separators=(",", ":"))
                                      for record in item["docs"]))
                stream.write("]}")
            stream.write('},"entries":')
            stream.write(json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
            stream.write(',"files":')
            stream.write(json.dumps(dict(sorted(files.items())), separators=(",", ":")))
            stream.write("}")
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write the site's state: {exc.strerror}", path=str(path)) from exc


def _intact(site: Path, outputs: dict[str, str]) -> bool:
    for rel, sha in outputs.items():
        try:
            if file_hashes(site / rel)["sha256"] != sha:
                return False
        except OSError:
            return False
    return True


# -- writing ------------------------------------------------------------------------------------------


class _Writer:
    """Writes a file of the site only when its bytes differ; remembers what belongs to this build."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.files: dict[str, str] = {}
        self.written = 0

    def put(self, rel: str, data: bytes) -> str:
        target = self.site / rel
        sha = hashlib.sha256(data).hexdigest()
        self.files[rel] = sha
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                return sha
        except OSError:
            pass
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder: {exc.strerror}", path=str(target.parent)) from exc
        write_atomic(target, data)
        self.written += 1
        return sha

    def keep(self, outputs: dict[str, str]) -> None:
        self.files.update(outputs)


# -- pass 1: documents --------------------------------------------------------------------------------


def _standalone(member: etree._Element, shared: list[etree._Element]) -> etree._Element:
    """A member of a teiCorpus as a TEI document of its own, with the corpus entries it refers to."""
    tree = copy.deepcopy(member)
    if not shared:
        return tree
    refs = {token[1:] for element in tree.iter() if isinstance(element.tag, str)
            for token in (element.get("ref") or "").split() if token.startswith("#")}
    lists: dict[str, etree._Element] = {}
    for stand_off in shared:
        for entry in stand_off.iter(tei("person"), tei("personGrp"), tei("place"), tei("org")):
            if entry.get(f"{{{XML_NS}}}id") in refs:
                name = {"person": "listPerson", "personGrp": "listPerson", "place": "listPlace", "org": "listOrg"}[
                    local_name(entry)]
                lists.setdefault(name, E(name)).append(copy.deepcopy(entry))
    if lists:
        header = tree.find(tei("teiHeader"))
        position = list(tree).index(header) + 1 if header is not None else 0
        tree.insert(position, E("standOff", *lists.values()))
    return tree


def _convert(tree: etree._Element, fmt: str) -> bytes:
    from tei.transform import convert_tree

    return convert_tree(tree, fmt)


def _parse_source(source: SourceFile, data: bytes) -> etree._Element:
    try:
        root = safexml.fromstring(data, source.path, base_url=str(Path(source.path).resolve()))
    except etree.XMLSyntaxError as exc:
        message = (exc.msg or str(exc)).strip().splitlines()[0] if (exc.msg or str(exc)).strip() else "error"
        raise InputError(f"not well-formed XML: {message}", path=source.path, line=exc.lineno or None) from exc
    if root.tag not in (tei("TEI"), tei("teiCorpus")):
        raise InputError(
            f"not a TEI document: the root is <{local_name(root) or root.tag}>, not <TEI> or <teiCorpus> in the "
            "TEI namespace; name TEI files only", path=source.path)
    return root


def _doc_trees(root: etree._Element) -> list[etree._Element]:
    return [_standalone(member, shared) if shared else member for member, shared in members(root)]


def _read_source(
    source: SourceFile, data: bytes, writer: _Writer, used: set[str], tell: Tell
) -> list[_Record]:
    """Summarise a changed source and write its downloads and search text."""
    root = _parse_source(source, data)
    found = read_documents(source, root)
    records = []
    for doc, tree in zip(found, _doc_trees(root), strict=True):
        base_id = doc.id
        doc = _unique(doc, used)
        outputs: dict[str, str] = {}
        text = ""
        for _label, fmt, suffix in DOWNLOADS:
            rel = f"documents/{doc.id}{suffix}"
            try:
                if fmt == "tei":
                    content = data if root.tag == tei("TEI") else to_bytes(copy.deepcopy(tree))
                else:
                    content = _convert(tree, fmt)
            except TeiError as exc:
                tell(TeiError(f"no {fmt} download: {exc.message}", path=source.path))
                continue
            outputs[rel] = writer.put(rel, content)
            if fmt == "text":
                text = content.decode("utf-8", "replace")
        rel = f"assets/text/{doc.id}.js"
        outputs[rel] = writer.put(rel, text_script(doc.id, text))
        records.append(_Record(doc=doc, source=source.path, terms=terms_of(text), outputs=outputs, base_id=base_id))
    return records


def _unique_id(base: str, used: set[str]) -> str:
    """The first of ``base``, ``base-2``, ``base-3``… not yet used (documents in discovery order)."""
    doc_id = base
    number = 2
    while doc_id in used or doc_id in HEADER_IDS:
        doc_id = f"{base}-{number}"
        number += 1
    return doc_id


def _unique(doc: DocumentInfo, used: set[str]) -> DocumentInfo:
    from dataclasses import replace

    doc_id = _unique_id(doc.id, used)
    used.add(doc_id)
    return doc if doc_id == doc.id else replace(doc, id=doc_id)


# -- pages of entities ---------------------------------------------------------------------------------


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80] or "entry"


def _entity_pages(collection: Collection) -> dict[str, str]:
    """Entity id -> its page from the site root; names unique even on a case-insensitive disk."""
    pages: dict[str, str] = {}
    taken: set[str] = {"index"}
    for entity in sorted(collection.entities, key=lambda item: item.id):
        base = _slug(entity.id)
        name = base
        number = 2
        while name in taken:
            name = f"{base}-{number}"
            number += 1
        taken.add(name)
        pages[entity.id] = f"{KIND_FOLDERS[entity.kind]}/{name}.html"
    return pages


def _page_digest(record: _Record, collection: Collection, pages: dict[str, str], pager: list[tuple[str, str, str]],
                 nav: Nav, key: str) -> str:
    doc = record.doc
    links = sorted((target, entity, pages.get(entity, "")) for target, entity in collection.targets_of(doc.id))
    forms = sorted({
        (mention.kind, fold(mention.text), collection.forms.get((mention.kind, fold(mention.text)), ""))
        for mention in doc.mentions if not mention.target
    })
    forms_pages = [(kind, text, entity, pages.get(entity, "")) for kind, text, entity in forms]
    payload = [key, links, forms_pages, pager, nav.title, list(nav.sections), nav.footer, __version__]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


# -- the build ------------------------------------------------------------------------------------------


def _description(collection: Collection, options: SiteOptions) -> str:
    if options.description:
        return options.description
    docs = collection.documents
    dated = sorted(doc.date for doc in docs if doc.date)
    text = f"{len(docs)} TEI document{'s' if len(docs) != 1 else ''}"
    if dated:
        text += f", dated from {date_label(dated[0])} to {date_label(dated[-1])}"
    authors = sorted({author for doc in docs for author in doc.authors})
    if authors:
        shown = authors[:4]
        text += ", by " + (", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0])
        if len(authors) > 4:
            text += f" and {len(authors) - 4} more"
    counts = {kind: sum(1 for entity in collection.entities if entity.kind == kind) for kind in KINDS}
    text += (f". The {counts['person']} persons, {counts['place']} places and {counts['org']} organisations they "
             "mention are indexed, each with every mention; every document can be read here and downloaded as "
             "TEI, plain text, XSL-FO and LaTeX.")
    return text


def build_site(sources: Sequence[str], site: Path, options: SiteOptions, *, tell: Tell) -> SiteResult:
    """Build or update the static site of the TEI documents under ``sources`` in ``site``."""
    check_site_folder(site, sources)
    try:
        site.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the site folder: {exc.strerror}", path=str(site)) from exc
    state = _load_state(site, options)
    old_sources: dict[str, Any] = state.get("sources", {})
    entry_table = {key: _entry_from_json(value) for key, value in state.get("entries", {}).items()}
    pool: dict[EntryInfo, EntryInfo] = {}
    old_files: dict[str, str] = state.get("files", {})
    writer = _Writer(site)
    result = SiteResult()
    records: list[_Record] = []
    keys: dict[str, str] = {}
    new_sources: dict[str, dict[str, Any]] = {}
    used: set[str] = set()
    seen = 0
    for source in iter_sources(sources, skip=[site]):
        seen += 1
        try:
            source.check()
            data = safexml.read_bytes(source.path)
        except TeiError as exc:
            result.failed += 1
            tell(exc)
            continue
        key = hashlib.sha256(
            hashlib.sha256(data).digest() + source.rel.encode() + options.digest().encode()
        ).hexdigest()
        name = str(Path(source.path).resolve())
        previous = old_sources.get(name)
        reused: list[_Record] | None = None
        if previous is not None and previous.get("key") == key:
            candidates = [_Record.from_json(source.path, item, entry_table) for item in previous["docs"]]
            trial = set(used)
            fits = True
            for record in candidates:
                expected = _unique_id(record.base_id, trial)
                trial.add(expected)
                fits = fits and expected == record.doc.id and _intact(site, record.outputs)
            if fits:
                reused = candidates
                used.update(record.doc.id for record in candidates)
                for record in candidates:
                    writer.keep(record.outputs)
        if reused is None:
            try:
                reused = _read_source(source, data, writer, used, tell)
            except TeiError as exc:
                result.failed += 1
                tell(exc)
                continue
            result.read += len(reused)
        for record in reused:
            record.doc = _intern(record.doc, pool)
        records += reused
        for record in reused:
            keys[record.doc.id] = key
        new_sources[name] = {"key": key, "docs": reused}
    if not seen:
        raise InputError(
            f"no TEI (.xml) file in {', '.join(sources)}; plain text must be encoded first "
            "(tei batch SRC -d OUT, then name OUT)"
        )

    collection = merge([record.doc for record in records], reserved=set(HEADER_IDS) | used)
    pages = _entity_pages(collection)
    title = options.title or f"A collection of {len(records)} TEI document{'s' if len(records) != 1 else ''}"
    sections = [("Documents", "documents/index.html"), ("Timeline", "timeline.html")]
    sections += [(KIND_TITLES[kind], f"{KIND_FOLDERS[kind]}/index.html") for kind in KINDS
                 if kind != "name" or any(entity.kind == "name" for entity in collection.entities)]
    footer = f"{title}: an edition site built by tei {__version__} from {len(records)} TEI documents"
    footer += f" on {options.build_date}." if options.build_date else "."
    if options.publisher:
        footer += f" Published by {options.publisher}."
    nav = Nav(title=title, sections=tuple(sections), footer=footer)

    by_id = {record.doc.id: record for record in records}
    ordered = sorted_documents(collection.documents)
    doc_pages = {doc.id: f"documents/{doc.id}.html" for doc in ordered}
    rebuild: dict[str, list[_Record]] = {}
    for number, doc in enumerate(ordered):
        record = by_id[doc.id]
        pager = []
        if number:
            pager.append(("prev", ordered[number - 1].title, f"{ordered[number - 1].id}.html"))
        if number + 1 < len(ordered):
            pager.append(("next", ordered[number + 1].title, f"{ordered[number + 1].id}.html"))
        digest = _page_digest(record, collection, pages, pager, nav, keys[doc.id])
        page_rel = doc_pages[doc.id]
        if digest == record.page_digest and _intact(site, {page_rel: record.page_sha}):
            writer.keep({page_rel: record.page_sha})
            continue
        record.page_digest = digest
        record.pager = pager
        rebuild.setdefault(record.source, []).append(record)
    for source_path, waiting in rebuild.items():
        try:
            data = safexml.read_bytes(source_path)
            root = _parse_source(SourceFile(source_path, Path(source_path).name), data)
        except TeiError as exc:
            tell(exc)
            result.failed += 1
            continue
        trees = _doc_trees(root)
        for record in waiting:
            tree = trees[record.doc.member - 1] if record.doc.member else trees[0]
            try:
                raw = _convert(tree, "html")
                downloads = [(label, f"{record.doc.id}{suffix}") for label, _, suffix in DOWNLOADS
                             if f"documents/{record.doc.id}{suffix}" in record.outputs]
                html, mentions = site_edition(
                    raw, doc=record.doc, collection=collection, pages=pages, nav=nav,
                    pager=record.pager, downloads=downloads,
                )
            except TeiError as exc:
                tell(TeiError(exc.message, path=source_path))
                result.failed += 1
                continue
            record.mentions = mentions
            record.page_sha = writer.put(doc_pages[record.doc.id], html)
            result.pages += 1

    view = SitePages(
        nav=nav,
        collection=collection,
        description=_description(collection, options),
        doc_pages=doc_pages,
        entity_pages=pages,
        page_mentions={record.doc.id: record.mentions for record in records},
    )
    writer.put("index.html", view.home())
    writer.put("documents/index.html", view.by_date())
    writer.put("documents/authors.html", view.by_author())
    writer.put("timeline.html", view.timeline())
    writer.put("search.html", view.search())
    for kind in KINDS:
        if kind != "name" or any(entity.kind == "name" for entity in collection.entities):
            writer.put(f"{KIND_FOLDERS[kind]}/index.html", view.entity_index(kind))
    for entity in collection.entities:
        writer.put(pages[entity.id], view.entity_page(entity))
    search_docs = [
        SearchDoc(key=doc.id, url=doc_pages[doc.id], title=doc.title, date=date_label(doc.date),
                  author="; ".join(doc.authors), terms=by_id[doc.id].terms, title_terms=terms_of(doc.title), text="")
        for doc in ordered
    ]
    writer.put("assets/search-index.js", index_script(search_docs))
    for asset in ("site.css", "search.js"):
        writer.put(f"assets/{asset}", (ASSETS / asset).read_bytes())

    for rel in sorted(set(old_files) - set(writer.files)):
        target = (site / rel).resolve()
        if ".." in PurePosixPath(rel).parts or not target.is_relative_to(site.resolve()):
            continue
        try:
            target.unlink()
            result.removed += 1
        except FileNotFoundError:
            pass
        except OSError as exc:
            tell(OutputError(f"cannot remove a file of the last build: {exc.strerror}", path=str(target)))
    _write_state(site / STATE_NAME, options, new_sources, writer.files)
    result.documents = len(records)
    result.entities = len(collection.entities)
    result.written = writer.written
    return result
