"""Load and merge TEI registers of persons, places and organisations.

Why a module of its own: the register is data that users extend
(``--register FILE``), so reading it must be strict about what is wrong with a
file (with its line) and relaxed about how the file is wrapped (a full TEI
document, a ``standOff``, or a bare ``listPerson``/``listPlace``/``listOrg``).
Built-in entries come first; a user's entry with the same ``xml:id`` replaces
the built-in one, new ids are added.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from lxml import etree

from tei import safexml
from tei.errors import InputError
from tei.ns import TEI_NS, XML_NS
from tei.resources import data_dir

#: Entry element -> (kind, its name element).
_KINDS = {"person": ("person", "persName"), "place": ("place", "placeName"), "org": ("org", "orgName")}
_LISTS = {"listPerson": "person", "listPlace": "place", "listOrg": "org"}
_XML_ID = f"{{{XML_NS}}}id"
_NCNAME = re.compile(r"^[^\W\d][\w.\-]*$")

#: Tokens of a form: words, and single punctuation characters.
_FORM_TOKEN = re.compile(r"\w+|[^\w\s]")
#: Apostrophe look-alikes read as ``'`` so that ``Workers’`` matches ``Workers'``.
APOSTROPHES = frozenset("'’‘ʼ`´′")
#: Hyphen and dash look-alikes: ignored inside names (``All-Russian`` = ``All–Russian``).
DASHES = frozenset("-‐‑‒–—―")
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")


class FormTarget(NamedTuple):
    """What a written form of a name points to, and in which period it means that (ISO dates, open if None)."""

    ref: str
    kind: str
    ambiguous: bool
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Entry:
    """One register entry; ``xml`` is the serialised ``<person>``/``<place>``/``<org>`` for a standOff.

    The element is kept as bytes and parsed only when a document refers to the
    entry: a register of thousands of entries then loads (and caches) cheaply.
    """

    id: str
    kind: str
    standard: str
    variants: tuple[str, ...]
    ambiguous: bool
    xml: bytes
    #: ``note type="nationality"``: the state the person or body served ("Russian", "American"…).
    nationality: str | None = None
    #: Forms that name this entry only in a period: (form, from, to), from ``@from``/``@to``
    #: (or ``@notBefore``/``@notAfter``) on the name element.
    periods: tuple[tuple[str, str | None, str | None], ...] = ()

    @functools.cached_property
    def element(self) -> etree._Element:
        """The entry element (a fresh parse of ``xml``, owned by this entry)."""
        return safexml.fromstring(self.xml, self.id, parser=safexml.safe_parser(collect_ids=False))


class LazyEntries(Mapping[str, "Entry"]):
    """Entries kept as plain tuples and made ``Entry`` objects on first access (for the cache).

    Why: a document refers to a few dozen of several thousand entries; building
    all of them would cost more than the rest of loading.
    """

    def __init__(self, rows: Mapping[str, tuple[Any, ...]]) -> None:
        self._rows = rows
        self._made: dict[str, Entry] = {}

    def __getitem__(self, key: str) -> Entry:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Entry(key, *self._rows[key])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows


@dataclass(frozen=True, eq=False)
class Register:
    """Entries by ``xml:id``. Identity equality, so that a register can key the recogniser's cache."""

    entries: Mapping[str, Entry]

    def forms(self) -> Mapping[tuple[str, ...], tuple[FormTarget, ...]]:
        """Every written form as a normalised token key (see :func:`form_key`) -> what it names."""
        return self._forms

    @functools.cached_property
    def _forms(self) -> Mapping[tuple[str, ...], tuple[FormTarget, ...]]:
        index: dict[tuple[str, ...], list[FormTarget]] = {}
        for entry in self.entries.values():
            target = FormTarget(entry.id, entry.kind, entry.ambiguous)
            for written in _written_forms(entry):
                key = form_key(written)
                if not key:
                    continue
                period = next(((a, b) for form, a, b in entry.periods if form_key(form) == key), None)
                if period is not None:
                    target = FormTarget(entry.id, entry.kind, entry.ambiguous, *period)
                else:
                    target = FormTarget(entry.id, entry.kind, entry.ambiguous)
                targets = index.setdefault(key, [])
                if target not in targets:
                    targets.append(target)
        return MappingProxyType({key: tuple(value) for key, value in index.items()})


def normalise_token(token: str) -> str:
    """One token as the matcher compares it: apostrophe look-alikes become ``'``."""
    if len(token) == 1 and token in APOSTROPHES:
        return "'"
    return token


def form_key(text: str) -> tuple[str, ...]:
    """A name as a token tuple: whitespace-free, apostrophes unified, hyphens dropped.

    Why tokens: any run of whitespace (line breaks, footers read as a space)
    then matches, and a word can only match whole (``Russia`` never inside
    ``Russian``).
    """
    return tuple(normalise_token(tok) for tok in _FORM_TOKEN.findall(text) if tok not in DASHES)


def _written_forms(entry: Entry) -> Iterator[str]:
    """The standard form, the variants, and derived forms a text may use.

    ``Lenin, Vladimir`` (catalogue order) also yields ``Vladimir Lenin``; a trailing
    parenthetical qualifier (``Georgia (country)``) is dropped.
    """
    for name in (entry.standard, *entry.variants):
        plain = _PAREN_TAIL.sub("", name).strip() or name
        yield plain
        if entry.kind == "person" and plain.count(",") == 1:
            surname, forenames = (part.strip() for part in plain.split(","))
            if surname and forenames:
                yield f"{forenames} {surname}"


def _local(element: etree._Element) -> str | None:
    """Local name of a TEI (or un-namespaced) element; None for other namespaces and non-elements."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return local if namespace == TEI_NS else None
    return tag


def _text(element: etree._Element) -> str:
    """An element's text content with whitespace runs made single spaces."""
    return " ".join(etree.tostring(element, method="text", encoding="unicode", with_tail=False).split())


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _entry(element: etree._Element, kind: str, path: str) -> Entry:
    """Read one entry element; raise InputError for what makes it unusable."""
    name_tag = _KINDS[kind][1]
    line = _line(element)
    ident = element.get(_XML_ID) or ""
    if not ident.strip():
        raise InputError(
            f"<{kind}> without xml:id: every register entry needs a unique xml:id for @ref to point to",
            path=path,
            line=line,
        )
    if not _NCNAME.match(ident):
        raise InputError(
            f'xml:id "{ident}" is not a valid XML name: use letters, digits, ".", "-", "_", not starting with a digit',
            path=path,
            line=line,
        )
    names = [child for child in element if _local(child) == name_tag]
    texts = [(child, _text(child)) for child in names]
    texts = [(child, text) for child, text in texts if text]
    if not texts:
        raise InputError(
            f'<{kind} xml:id="{ident}"> has no {name_tag} with text: give it at least <{name_tag} type="standard">',
            path=path,
            line=line,
        )
    standard_child, standard = next(
        ((child, text) for child, text in texts if child.get("type") == "standard"), texts[0]
    )
    variants: list[str] = []
    periods: list[tuple[str, str | None, str | None]] = []
    for child, text in texts:
        if child is not standard_child and text != standard and text not in variants:
            variants.append(text)
        start = child.get("from") or child.get("notBefore")
        end = child.get("to") or child.get("notAfter")
        if start or end:
            periods.append((text, _iso_day(start, path, child), _iso_day(end, path, child)))
    ambiguous = any(_local(child) == "note" and child.get("type") == "ambiguous" for child in element)
    nationality = next(
        (_text(child) for child in element if _local(child) == "note" and child.get("type") == "nationality"), None
    )
    detached = copy.deepcopy(element)
    detached.tail = None
    return Entry(
        ident,
        kind,
        standard,
        tuple(variants),
        ambiguous,
        etree.tostring(detached),
        nationality or None,
        tuple(periods),
    )


_ISO = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def _iso_day(value: str | None, path: str, element: etree._Element) -> str | None:
    """A period bound as a comparable ISO string; a year or month is widened to its first day."""
    if value is None:
        return None
    if not _ISO.match(value):
        raise InputError(
            f'@from/@to "{value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)', path=path, line=_line(element)
        )
    return value


def _parse(path: Path) -> etree._Element:
    """Parse a register file safely (no entities, DTDs or network).

    ``collect_ids=False`` leaves duplicate and malformed ``xml:id`` values to our own
    checks, whose messages say which entry and what to do.
    """
    parser = safexml.safe_parser(collect_ids=False)
    try:
        data = safexml.read_bytes(path)
    except InputError as exc:
        raise InputError(f"cannot read register: {exc.message}", path=str(path)) from exc
    if not data.strip():
        raise InputError(
            "register is empty; it must be a TEI file with listPerson, listPlace or listOrg", path=str(path)
        )
    try:
        root = safexml.fromstring(data, str(path), parser=parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        raise InputError(
            f"register is not well-formed XML ({exc.msg}); fix the XML and try again",
            path=str(path),
            line=line,
        ) from exc
    if root is None:
        raise InputError(
            "register is empty; it must be a TEI file with listPerson, listPlace or listOrg", path=str(path)
        )
    return root


def _in_list(element: etree._Element, kind: str) -> bool:
    """True when an entry element sits inside the list of its kind (``person`` in ``listPerson``)."""
    return any(_LISTS.get(_local(ancestor) or "") == kind for ancestor in element.iterancestors())


def _load_file(path: Path) -> dict[str, Entry]:
    """All entries of one register file, by id, in document order."""
    root = _parse(path)
    shown = str(path)
    lists = [element for element in root.iter() if _local(element) in _LISTS]
    if not lists:
        raise InputError(
            "register has no listPerson, listPlace or listOrg; a register is a TEI file whose standOff "
            "(or root) holds those lists",
            path=shown,
            line=_line(root),
        )
    entries: dict[str, Entry] = {}
    lines: dict[str, int | None] = {}
    for element in root.iter():
        kind = _local(element)
        if kind not in _KINDS or not _in_list(element, kind):
            continue
        entry = _entry(element, kind, shown)
        if entry.id in entries:
            first = lines[entry.id]
            where = f" (first at line {first})" if first else ""
            raise InputError(
                f'duplicate xml:id "{entry.id}"{where}: ids must be unique within a register',
                path=shown,
                line=_line(element),
            )
        entries[entry.id] = entry
        lines[entry.id] = _line(element)
    if not entries:
        raise InputError(
            f"register {path.name} has no entries; add person, place or org entries or leave the file out",
            path=shown,
            line=_line(lists[0]),
        )
    return entries


def builtin_files() -> list[Path]:
    """The built-in register files, in the order they are merged."""
    folder = data_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("register*.xml"))


@functools.cache
def builtin_register() -> Register:
    """The register shipped in ``tei/data/register*.xml`` (files merged in name order), loaded once."""
    entries: dict[str, Entry] = {}
    for path in builtin_files():
        entries.update(_load_file(path))
    return Register(MappingProxyType(entries))


def load_register(paths: Sequence[Path | str], *, include_builtin: bool = True) -> Register:
    """The built-in register (unless excluded) merged with the user's files, later files winning by id."""
    entries: dict[str, Entry] = dict(builtin_register().entries) if include_builtin else {}
    if not paths and include_builtin:
        return builtin_register()
    for path in paths:
        entries.update(_load_file(Path(path)))
    return Register(MappingProxyType(entries))
