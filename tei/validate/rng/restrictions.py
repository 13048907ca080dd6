"""Section 7 of the RELAX NG specification, and the ID rules of its DTD-compatibility annex.

Run once on the simplified grammar, before any document is read:

* 7.1 prohibited paths (an attribute in an attribute, an element in a list,
  a group in a ``data/except``, anything but elements and choices in the
  start…), and 7.3's rule that an attribute with an open name class
  (``anyName``, ``nsName``) repeats;
* 7.2 string sequences: element content mixes data with nothing but
  attributes (``<group><data/><element/></group>`` is refused);
* 7.3 duplicate attributes: the two sides of a group or interleave never
  allow the same attribute;
* 7.4 interleave: its two sides never allow the same element, and not both
  text;
* DTD compatibility (the "ID-type" rules jing applies): an attribute typed
  ID, IDREF or IDREFS has a plain name, sits in an element with plain
  names, and every declaration of that element/attribute pair agrees on the
  type. The result is the map the validator checks IDs with.

Each violation raises :class:`SchemaError` at the pattern's file and line.
"""

from __future__ import annotations

from tei.validate.rng.datatypes import DatatypeError, datatype_of
from tei.validate.rng.grammar import (
    ATTRIBUTE,
    CHOICE,
    DATA,
    EMPTY,
    GROUP,
    INTERLEAVE,
    LIST,
    NOT_ALLOWED,
    ONE_OR_MORE,
    REF,
    TEXT,
    VALUE,
    DatatypeSpec,
    NameClass,
    QName,
)
from tei.validate.rng.simplify import LoadedSchema, SchemaError, Where

__all__ = ["check_restrictions"]

_IN_ATTRIBUTE = 1
_IN_ONE_OR_MORE = 2
_IN_REPEATED_GROUP = 4
_IN_LIST = 8
_IN_EXCEPT = 16
_IN_START = 32

_EMPTY_CONTENT, _COMPLEX_CONTENT, _SIMPLE_CONTENT = 0, 1, 2


class _Names:
    """A set of names as plain names plus open name classes (fast overlap tests for big TEI elements)."""

    __slots__ = ("open", "plain")

    def __init__(self, plain: frozenset[QName] = frozenset(), open_classes: tuple[NameClass, ...] = ()) -> None:
        self.plain = plain
        self.open = open_classes

    def union(self, other: _Names) -> _Names:
        if not other.plain and not other.open:
            return self
        if not self.plain and not self.open:
            return other
        return _Names(self.plain | other.plain, self.open + other.open)

    def overlaps(self, other: _Names) -> bool:
        if self.plain & other.plain:
            return True
        for name_class in self.open:
            if any(name_class.contains(name) for name in other.plain):
                return True
            for other_class in other.open:
                if _classes_overlap(name_class, other_class):
                    return True
        return any(other_class.contains(name) for other_class in other.open for name in self.plain)


def _classes_overlap(first: NameClass, second: NameClass) -> bool:
    """Whether some name is in both classes (one of their representative names is)."""
    names = [*first.representatives(), *second.representatives()]
    return any(first.contains(name) and second.contains(name) for name in names)


def _names_of(name_class: NameClass) -> _Names:
    if name_class.is_open():
        return _Names(frozenset(), (name_class,))
    return _Names(frozenset(name_class.names()))


class _Checker:
    def __init__(self, loaded: LoadedSchema) -> None:
        self.grammar = loaded.grammar
        self.rows = loaded.grammar.rows
        self.where = loaded.where
        self.visited: set[tuple[int, int]] = set()
        self.content_types: dict[int, int] = {}
        self.attributes: dict[int, _Names] = {}
        self.elements: dict[int, tuple[_Names, bool]] = {}
        self.checked: set[int] = set()

    def fail(self, message: str, row: int) -> SchemaError:
        where: Where | None = self.where.get(row)
        return SchemaError(message, where)

    def run(self) -> None:
        self.paths(self.grammar.start, _IN_START)
        for _, content in self.grammar.elements:
            self.paths(content, 0)
            self.content_type(content)
            self.duplicates(content)

    # -- 7.1 (and the open-attribute rule of 7.3) --

    def paths(self, row: int, flags: int) -> None:
        if (row, flags) in self.visited:
            return
        self.visited.add((row, flags))
        kind, a, b = self.rows[row]
        if flags & _IN_START and kind not in (CHOICE, REF, NOT_ALLOWED):
            raise self.fail(f"the start pattern may contain only elements and choices, not {_shown(kind)}", row)
        if flags & _IN_EXCEPT and kind not in (CHOICE, DATA, VALUE, NOT_ALLOWED):
            raise self.fail(f"<data><except> may contain only data, value and choice, not {_shown(kind)}", row)
        if kind == ATTRIBUTE:
            if flags & _IN_ATTRIBUTE:
                raise self.fail("an attribute may not contain an attribute", row)
            if flags & _IN_REPEATED_GROUP:
                raise self.fail("an attribute may not be inside a group or interleave inside oneOrMore", row)
            if flags & _IN_LIST:
                raise self.fail("a list may not contain an attribute", row)
            if a.is_open() and not flags & _IN_ONE_OR_MORE:
                raise self.fail("an attribute with anyName or nsName must be inside oneOrMore (or zeroOrMore)", row)
            self.paths(b, flags | _IN_ATTRIBUTE)
        elif kind == REF:
            if flags & _IN_ATTRIBUTE:
                raise self.fail("an attribute may not contain an element", row)
            if flags & _IN_LIST:
                raise self.fail("a list may not contain an element", row)
        elif kind == TEXT:
            if flags & _IN_LIST:
                raise self.fail("a list may not contain text", row)
        elif kind == LIST:
            if flags & _IN_LIST:
                raise self.fail("a list may not contain a list", row)
            self.paths(a, flags | _IN_LIST)
        elif kind in (GROUP, INTERLEAVE):
            if kind == INTERLEAVE and flags & _IN_LIST:
                raise self.fail("a list may not contain an interleave", row)
            inner = flags | (_IN_REPEATED_GROUP if flags & _IN_ONE_OR_MORE else 0)
            self.paths(a, inner)
            self.paths(b, inner)
        elif kind == ONE_OR_MORE:
            self.paths(a, flags | _IN_ONE_OR_MORE)
        elif kind == CHOICE:
            self.paths(a, flags)
            self.paths(b, flags)
        elif kind == DATA and b is not None:
            self.paths(b, (flags & ~(_IN_START | _IN_ONE_OR_MORE | _IN_REPEATED_GROUP)) | _IN_EXCEPT)

    # -- 7.2 --

    def content_type(self, row: int) -> int:
        found = self.content_types.get(row)
        if found is not None:
            return found
        kind, a, b = self.rows[row]
        if kind in (EMPTY, ATTRIBUTE, NOT_ALLOWED):
            result = _EMPTY_CONTENT
        elif kind in (TEXT, REF):
            result = _COMPLEX_CONTENT
        elif kind in (DATA, VALUE, LIST):
            result = _SIMPLE_CONTENT
        elif kind == CHOICE:
            result = max(self.content_type(a), self.content_type(b))
        elif kind == ONE_OR_MORE:
            result = self.content_type(a)
            if result == _SIMPLE_CONTENT:
                raise self.fail("data, value or list may not repeat in an element's content", row)
        else:
            first, second = self.content_type(a), self.content_type(b)
            if not _groupable(first, second):
                what = "a group" if kind == GROUP else "an interleave"
                raise self.fail(
                    f"{what} may not combine data, value or list with elements, text or other data", row
                )
            result = max(first, second)
        self.content_types[row] = result
        return result

    # -- 7.3 and 7.4 --

    def attribute_names(self, row: int) -> _Names:
        found = self.attributes.get(row)
        if found is not None:
            return found
        kind, a, b = self.rows[row]
        if kind == ATTRIBUTE:
            result = _names_of(a)
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            result = self.attribute_names(a).union(self.attribute_names(b))
        elif kind == ONE_OR_MORE:
            result = self.attribute_names(a)
        else:
            result = _Names()
        self.attributes[row] = result
        return result

    def element_names(self, row: int) -> tuple[_Names, bool]:
        """The names of the elements a pattern allows at its own level, and whether it allows text."""
        found = self.elements.get(row)
        if found is not None:
            return found
        kind, a, b = self.rows[row]
        if kind == REF:
            result = (_names_of(self.grammar.elements[a][0]), False)
        elif kind == TEXT:
            result = (_Names(), True)
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            first, second = self.element_names(a), self.element_names(b)
            result = (first[0].union(second[0]), first[1] or second[1])
        elif kind == ONE_OR_MORE:
            result = self.element_names(a)
        else:
            result = (_Names(), False)
        self.elements[row] = result
        return result

    def duplicates(self, row: int) -> None:
        stack = [row]
        while stack:
            current = stack.pop()
            if current in self.checked:
                continue
            self.checked.add(current)
            kind, a, b = self.rows[current]
            if kind in (GROUP, INTERLEAVE):
                if self.attribute_names(a).overlaps(self.attribute_names(b)):
                    raise self.fail("the same attribute is allowed twice on one element", current)
                if kind == INTERLEAVE:
                    first, second = self.element_names(a), self.element_names(b)
                    if first[0].overlaps(second[0]):
                        raise self.fail("the two sides of an interleave allow the same element", current)
                    if first[1] and second[1]:
                        raise self.fail("both sides of an interleave allow text", current)
                stack.extend((a, b))
            elif kind == CHOICE:
                stack.extend((a, b))
            elif kind == ONE_OR_MORE:
                stack.append(a)


def _groupable(first: int, second: int) -> bool:
    return first == _EMPTY_CONTENT or second == _EMPTY_CONTENT or first == second == _COMPLEX_CONTENT


def _shown(kind: str) -> str:
    return {REF: "an element", TEXT: "text", EMPTY: "empty"}.get(kind, f"<{kind}>")


# -- DTD compatibility: ID types --------------------------------------------------------------------------


class _IdTypes:
    def __init__(self, checker: _Checker) -> None:
        self.checker = checker
        self.rows = checker.rows
        self.types: dict[tuple[QName, QName], str] = {}
        self.untyped: list[tuple[NameClass, NameClass, int]] = []
        self.attribute_rows: dict[int, tuple[int, ...]] = {}
        self.id_types: dict[int, str | None] = {}
        self.checked: set[int] = set()

    def run(self) -> dict[tuple[QName, QName], str]:
        typed: list[tuple[NameClass, NameClass, str, int]] = []
        for _, content in self.checker.grammar.elements:
            self.outside_attributes(content)
        for element_class, content in self.checker.grammar.elements:
            for row in self.attributes_in(content):
                _, name_class, value = self.rows[row]
                id_type = self.id_type(value)
                if id_type is None:
                    self.untyped.append((element_class, name_class, row))
                    continue
                if name_class.kind != "name":
                    raise self.checker.fail(f"an attribute typed {id_type} must have a plain name", row)
                if element_class.is_open():
                    raise self.checker.fail(
                        f"an element with an attribute typed {id_type} must have plain names, not anyName or nsName",
                        row,
                    )
                typed.append((element_class, name_class, id_type, row))
        for element_class, name_class, id_type, row in typed:
            attribute = (name_class.namespace, name_class.local)
            for element in element_class.names():
                known = self.types.get((element, attribute))
                if known is not None and known != id_type:
                    raise self.checker.fail(_conflict(element, attribute), row)
                self.types[(element, attribute)] = id_type
        if self.types:
            for element_class, name_class, row in self.untyped:
                if element_class.is_open() or name_class.is_open():
                    pairs = [p for p in self.types if element_class.contains(p[0]) and name_class.contains(p[1])]
                else:
                    pairs = [
                        (element, attribute)
                        for element in element_class.names()
                        for attribute in name_class.names()
                        if (element, attribute) in self.types
                    ]
                if pairs:
                    raise self.checker.fail(_conflict(*pairs[0]), row)
        return self.types

    def outside_attributes(self, row: int) -> None:
        """ID-typed data must be an attribute's value: anywhere else in an element's content it is an error."""
        stack = [row]
        while stack:
            current = stack.pop()
            if current in self.checked:
                continue
            self.checked.add(current)
            kind, a, b = self.rows[current]
            if kind in (DATA, VALUE):
                if _spec_id_type(a) is not None:
                    raise self.checker.fail(
                        f"data typed {_spec_id_type(a)} may only be the value of an attribute, not element content",
                        current,
                    )
                if kind == DATA and b is not None:
                    stack.append(b)
            elif kind in (CHOICE, GROUP, INTERLEAVE):
                stack.extend((a, b))
            elif kind in (ONE_OR_MORE, LIST):
                stack.append(a)

    def attributes_in(self, row: int) -> tuple[int, ...]:
        found = self.attribute_rows.get(row)
        if found is not None:
            return found
        kind, a, b = self.rows[row]
        if kind == ATTRIBUTE:
            result: tuple[int, ...] = (row,)
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            result = tuple(dict.fromkeys(self.attributes_in(a) + self.attributes_in(b)))
        elif kind == ONE_OR_MORE:
            result = self.attributes_in(a)
        else:
            result = ()
        self.attribute_rows[row] = result
        return result

    def id_type(self, row: int) -> str | None:
        if row in self.id_types:
            return self.id_types[row]
        kind, a, _ = self.rows[row]
        result: str | None = None
        if kind in (DATA, VALUE):
            result = _spec_id_type(a)
        elif self.has_id_type(row):
            raise self.checker.fail("data typed ID, IDREF or IDREFS must be the whole content of its attribute", row)
        self.id_types[row] = result
        return result

    def has_id_type(self, row: int) -> bool:
        kind, a, b = self.rows[row]
        if kind in (DATA, VALUE):
            return _spec_id_type(a) is not None
        if kind in (CHOICE, GROUP, INTERLEAVE):
            return self.has_id_type(a) or self.has_id_type(b)
        if kind in (ONE_OR_MORE, LIST):
            return self.has_id_type(a)
        return False


def _spec_id_type(spec: DatatypeSpec) -> str | None:
    try:
        return datatype_of(spec).id_type
    except DatatypeError:
        return None


def _conflict(element: QName, attribute: QName) -> str:
    def shown(name: QName) -> str:
        return f"{{{name[0]}}}{name[1]}" if name[0] else name[1]

    return f"conflicting ID types for attribute {shown(attribute)!r} of element {shown(element)!r}"


def check_restrictions(loaded: LoadedSchema) -> None:
    """Apply section 7 and the ID rules; fill ``loaded.grammar.ids``. SchemaError on the first violation."""
    checker = _Checker(loaded)
    checker.run()
    loaded.grammar.ids = _IdTypes(checker).run()

