"""The simplified grammar of a RELAX NG schema (section 4.19 of the specification), as plain data.

After simplification a schema is a start pattern and a list of element
definitions; every other ``define`` has been expanded, ``ref`` points only
to elements, and each pattern is one of twelve kinds with at most two
operands. Patterns live in one table (:class:`Grammar.rows`), each row
``(kind, a, b)`` with child patterns given by row number and equal rows
stored once, so the grammar is a small DAG even for tei_all (whose
attribute classes are shared by hundreds of elements).

The same rows are what the restrictions check reads, what the validator
builds its patterns from (lazily, one element at a time) and what the
persistent cache stores (:meth:`Grammar.to_data`, JSON-compatible, read
back by :meth:`Grammar.from_data`, which rejects anything malformed).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

QName = tuple[str, str]

# Pattern kinds (row[0]).
EMPTY = "empty"
NOT_ALLOWED = "notAllowed"
TEXT = "text"
CHOICE = "choice"
GROUP = "group"
INTERLEAVE = "interleave"
ONE_OR_MORE = "oneOrMore"
LIST = "list"
DATA = "data"
VALUE = "value"
ATTRIBUTE = "attribute"
REF = "ref"
KINDS = frozenset({EMPTY, NOT_ALLOWED, TEXT, CHOICE, GROUP, INTERLEAVE, ONE_OR_MORE, LIST, DATA, VALUE, ATTRIBUTE, REF})


@dataclass(frozen=True)
class NameClass:
    """A name class: ``name`` (namespace, local), ``any`` (anyName), ``ns`` (nsName) or ``choice``.

    ``excepted`` is the except of ``any``/``ns``; ``alternatives`` the two
    sides of a ``choice``.
    """

    kind: str
    namespace: str = ""
    local: str = ""
    excepted: NameClass | None = None
    alternatives: tuple[NameClass, ...] = ()

    def contains(self, name: QName) -> bool:
        if self.kind == "name":
            return self.namespace == name[0] and self.local == name[1]
        if self.kind == "any":
            return self.excepted is None or not self.excepted.contains(name)
        if self.kind == "ns":
            return name[0] == self.namespace and (self.excepted is None or not self.excepted.contains(name))
        return any(alternative.contains(name) for alternative in self.alternatives)

    def specificity(self, name: QName) -> int:
        """How closely the class names ``name`` (jing's rule for finding an element's declaration)."""
        if self.kind == "name":
            return 2 if self.contains(name) else -1
        if self.kind == "ns":
            return 1 if self.contains(name) else -1
        if self.kind == "any":
            return 0 if self.contains(name) else -1
        return max((alternative.specificity(name) for alternative in self.alternatives), default=-1)

    def is_open(self) -> bool:
        """Whether the class holds infinitely many names (anyName or nsName inside)."""
        if self.kind in ("any", "ns"):
            return True
        return any(alternative.is_open() for alternative in self.alternatives)

    def names(self) -> list[QName]:
        """The plain names of the class (those given by ``name``; open parts are left out)."""
        if self.kind == "name":
            return [(self.namespace, self.local)]
        if self.kind == "choice":
            return [n for alternative in self.alternatives for n in alternative.names()]
        return []

    def representatives(self) -> Iterator[QName]:
        """Names that stand for every region of the class (for overlap tests, section 7.3/7.4)."""
        if self.kind == "name":
            yield (self.namespace, self.local)
        elif self.kind == "ns":
            yield (self.namespace, "\x00")
        elif self.kind == "any":
            yield ("\x00", "\x00")
        if self.excepted is not None:
            yield from self.excepted.representatives()
        for alternative in self.alternatives:
            yield from alternative.representatives()

    def to_data(self) -> list[Any]:
        if self.kind == "name":
            return ["N", self.namespace, self.local]
        if self.kind == "any":
            return ["A", self.excepted.to_data() if self.excepted else None]
        if self.kind == "ns":
            return ["S", self.namespace, self.excepted.to_data() if self.excepted else None]
        return ["C", [alternative.to_data() for alternative in self.alternatives]]

    @staticmethod
    def from_data(data: Any) -> NameClass:
        kind = data[0]
        if kind == "N":
            return NameClass("name", _str(data[1]), _str(data[2]))
        if kind == "A":
            return NameClass("any", excepted=NameClass.from_data(data[1]) if data[1] is not None else None)
        if kind == "S":
            excepted = NameClass.from_data(data[2]) if data[2] is not None else None
            return NameClass("ns", _str(data[1]), excepted=excepted)
        if kind == "C":
            return NameClass("choice", alternatives=tuple(NameClass.from_data(item) for item in data[1]))
        raise ValueError(f"bad name class {kind!r}")


@dataclass(frozen=True)
class DatatypeSpec:
    """A datatype as the schema names it: library, type, parameters, and the namespaces in scope."""

    library: str
    name: str
    params: tuple[tuple[str, str], ...] = ()
    context: tuple[tuple[str, str], ...] = ()

    def to_data(self) -> list[Any]:
        return [self.library, self.name, [list(p) for p in self.params], [list(c) for c in self.context]]

    @staticmethod
    def from_data(data: Any) -> DatatypeSpec:
        return DatatypeSpec(
            _str(data[0]),
            _str(data[1]),
            tuple((_str(p[0]), _str(p[1])) for p in data[2]),
            tuple((_str(c[0]), _str(c[1])) for c in data[3]),
        )


Row = tuple[str, Any, Any]


@dataclass
class Grammar:
    """The simplified grammar: pattern rows, the start pattern and the element definitions."""

    rows: list[Row] = field(default_factory=list)
    start: int = 0
    #: Per element definition: its name class and its content pattern (a row number).
    elements: list[tuple[NameClass, int]] = field(default_factory=list)
    #: DTD compatibility: (element name, attribute name) -> ID, IDREF or IDREFS.
    ids: dict[tuple[QName, QName], str] = field(default_factory=dict)
    _index: dict[Row, int] = field(default_factory=dict, repr=False)

    def add(self, kind: str, a: Any = None, b: Any = None) -> int:
        """The row number of ``(kind, a, b)``, adding it once."""
        row = (kind, a, b)
        found = self._index.get(row)
        if found is None:
            found = len(self.rows)
            self.rows.append(row)
            self._index[row] = found
        return found

    def to_data(self) -> dict[str, Any]:
        """The grammar as JSON-compatible data (for the persistent cache)."""
        rows: list[list[Any]] = []
        for kind, a, b in self.rows:
            if kind in (DATA, VALUE) or kind == ATTRIBUTE:
                rows.append([kind, a.to_data(), b])
            else:
                rows.append([kind, a, b])
        return {
            "rows": rows,
            "start": self.start,
            "elements": [[nc.to_data(), content] for nc, content in self.elements],
            "ids": [[*element, *attribute, kind] for (element, attribute), kind in sorted(self.ids.items())],
        }

    @staticmethod
    def from_data(data: Any) -> Grammar:
        """The grammar of :meth:`to_data`'s output; ValueError (or TypeError…) when it is malformed."""
        grammar = Grammar()
        raw_rows = data["rows"]
        count = len(raw_rows)
        for index, raw in enumerate(raw_rows):
            # A row refers only to rows before it, so the table has no cycle (a damaged cache cannot make one).
            kind, a, b = raw
            if kind not in KINDS:
                raise ValueError(f"bad row kind {kind!r}")
            if kind in (DATA, VALUE):
                spec = DatatypeSpec.from_data(a)
                if kind == DATA:
                    if b is not None:
                        _row(b, index)
                    grammar.rows.append((kind, spec, b))
                else:
                    grammar.rows.append((kind, spec, _str(b)))
            elif kind == ATTRIBUTE:
                grammar.rows.append((kind, NameClass.from_data(a), _row(b, index)))
            elif kind in (GROUP, INTERLEAVE, CHOICE):
                grammar.rows.append((kind, _row(a, index), _row(b, index)))
            elif kind in (ONE_OR_MORE, LIST):
                grammar.rows.append((kind, _row(a, index), None))
            elif kind == REF:
                if not isinstance(a, int) or a < 0 or a >= len(data["elements"]):
                    raise ValueError("bad element reference")
                grammar.rows.append((kind, a, None))
            else:
                grammar.rows.append((kind, None, None))
        grammar.start = _row(data["start"], count)
        grammar.elements = [(NameClass.from_data(nc), _row(content, count)) for nc, content in data["elements"]]
        for item in data["ids"]:
            element, attribute = (_str(item[0]), _str(item[1])), (_str(item[2]), _str(item[3]))
            if item[4] not in ("ID", "IDREF", "IDREFS"):
                raise ValueError("bad ID type")
            grammar.ids[(element, attribute)] = item[4]
        grammar._index = {row: i for i, row in enumerate(grammar.rows)}
        return grammar


def _row(value: Any, count: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < count:
        raise ValueError("bad row reference")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value
