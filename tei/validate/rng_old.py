"""Any RELAX NG or XSD schema a user names: jing's verdicts, fast, with jing's error lines.

* **RELAX NG** — a RELAX NG validator here (James Clark's derivative
  algorithm, the one jing uses, with jing's recovery: skip an unexpected
  element, ignore a bad attribute, report an unfinished element at its end
  tag) walks the document against the full grammar and reports every error
  where jing reports it, with the names allowed at that point. Patterns are
  interned and derivatives memoised, so a document costs about one dictionary
  lookup per element once the patterns it meets are known, and the grammar is
  built lazily: only the defines a document reaches are ever compiled. That
  is why tei_all needs no separate compile step (libxml2 takes about 6 s to
  compile it, and mis-judges some TEI content models; it is not used here).
* **XSD** — a user's XSD is compiled and run by libxml2 (``etree.XMLSchema``),
  whose messages are reworded here with the lines and columns of the source.

Datatypes are those of XML Schema (the library every TEI schema uses) and
RELAX NG's built-in ``string`` and ``token``.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lxml import etree

from tei import safexml
from tei.diagnostics import Diagnostic
from tei.errors import InputError
from tei.ns import XML_NS
from tei.validate.xsd import Locator, display_name, log_entries, name_list, safe_parser, source_line

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_DATATYPES = "http://www.w3.org/2001/XMLSchema-datatypes"
XSD_NS = "http://www.w3.org/2001/XMLSchema"

QName = tuple[str, str]


def _rng(tag: str) -> str:
    return f"{{{RNG_NS}}}{tag}"


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{" + RNG_NS + "}"):
        return ""
    return tag[len(RNG_NS) + 2 :]


def _qname(element: etree._Element) -> QName:
    tag = element.tag
    assert isinstance(tag, str)
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


def element_names(root: etree._Element) -> frozenset[QName]:
    """The (namespace, local name) of every element in a document."""
    return frozenset(_qname(e) for e in root.iter() if isinstance(e.tag, str))


# ================================================================================================
# Loading a schema
# ================================================================================================


@dataclass
class RngSchema:
    """A RELAX NG schema (XML syntax) as loaded, with its pattern model built on first use."""

    path: Path
    root: etree._Element
    _grammar: Grammar | None = None

    def grammar(self) -> Grammar:
        """The pattern model for the derivative validator (built once per process and schema file)."""
        if self._grammar is None:
            self._grammar = Grammar(self.path, self.root)
        return self._grammar


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read the schema: {exc.strerror}", path=str(path)) from exc
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def _parse_schema_file(path: Path) -> etree._Element:
    """The root of a schema file (a fresh tree each call: pruning and loading change trees)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the schema: {exc.strerror or exc}", path=str(path)) from exc
    try:
        root = safexml.fromstring(data, str(path), parser=safe_parser(), base_url=str(path.resolve()))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the schema is not well-formed XML: {exc}", path=str(path)) from exc
    return root


@functools.lru_cache(maxsize=8)
def _load_rng(key: tuple[str, int, int]) -> RngSchema:
    path = Path(key[0])
    root = _parse_schema_file(path)
    if root.tag not in (_rng("grammar"), _rng("element")) and not (
        isinstance(root.tag, str) and root.tag.startswith("{" + RNG_NS + "}")
    ):
        raise InputError(
            "not a RELAX NG schema in XML syntax (its root is not in the RELAX NG namespace)", path=str(path)
        )
    return RngSchema(path, root)


def load_rng(path: Path) -> RngSchema:
    """The schema at ``path``, loaded once per process (reloaded when the file changes)."""
    return _load_rng(_file_key(path))


# ================================================================================================
# Names
# ================================================================================================


def _inherited_ns(element: etree._Element) -> str:
    node: etree._Element | None = element
    while node is not None:
        value = node.get("ns")
        if value is not None:
            return value
        node = node.getparent()
    return ""


def _resolve_qname(text: str, context: etree._Element, default_ns: str) -> QName:
    text = text.strip()
    if ":" in text:
        prefix, local = text.split(":", 1)
        if prefix == "xml":
            return XML_NS, local
        return (context.nsmap or {}).get(prefix) or "", local
    return default_ns, text


def _xml_name_class(node: etree._Element) -> NameClass:
    """The name class of an ``element``/``attribute`` pattern or of a name-class element."""
    kind = _local(node)
    if kind in ("element", "attribute"):
        name = node.get("name")
        if name is not None:
            default = _inherited_ns(node) if kind == "element" else node.get("ns", "")
            return NameClass("name", *_resolve_qname(name, node, default))
        first = next((c for c in node if _local(c)), None)
        if first is None:
            return NameClass("choice")
        return _xml_name_class(first)
    if kind == "name":
        return NameClass("name", *_resolve_qname(node.text or "", node, _inherited_ns(node)))
    children = [c for c in node if _local(c)]
    if kind == "anyName":
        exc = children[0] if children and _local(children[0]) == "except" else None
        return NameClass("any", excepted=_except_class(exc))
    if kind == "nsName":
        exc = children[0] if children and _local(children[0]) == "except" else None
        return NameClass("ns", _inherited_ns(node), excepted=_except_class(exc))
    if kind == "choice":
        return NameClass("choice", alternatives=tuple(_xml_name_class(c) for c in children))
    return NameClass("choice")


def _except_class(node: etree._Element | None) -> NameClass | None:
    if node is None:
        return None
    return NameClass("choice", alternatives=tuple(_xml_name_class(c) for c in node if _local(c)))


# ================================================================================================
# Name classes and patterns
# ================================================================================================


@dataclass(frozen=True)
class NameClass:
    """A RELAX NG name class: ``name``, ``any`` (anyName), ``ns`` (nsName) or ``choice``."""

    kind: str
    namespace: str = ""
    local: str = ""
    excepted: NameClass | None = None
    alternatives: tuple[NameClass, ...] = ()

    def contains(self, name: QName) -> bool:
        """Whether the name class allows ``name``."""
        if self.kind == "name":
            return (self.namespace, self.local) == name
        if self.kind == "any":
            return self.excepted is None or not self.excepted.contains(name)
        if self.kind == "ns":
            return name[0] == self.namespace and (self.excepted is None or not self.excepted.contains(name))
        return any(alternative.contains(name) for alternative in self.alternatives)

    def describe(self, attribute: bool = False) -> list[str]:
        """Readable names for messages."""
        if self.kind == "name":
            if attribute and not self.namespace:
                return [self.local]
            if attribute and self.namespace != XML_NS:
                return [f"{{{self.namespace}}}{self.local}"]
            return [display_name(f"{{{self.namespace}}}{self.local}" if self.namespace else self.local)]
        if self.kind == "any":
            return ["any attribute" if attribute else "any element"]
        if self.kind == "ns":
            return [f"any {'attribute' if attribute else 'element'} in namespace {self.namespace or '(none)'}"]
        return [text for alternative in self.alternatives for text in alternative.describe(attribute)]


EMPTY, NOT_ALLOWED, TEXT, CHOICE, GROUP, INTERLEAVE, ONE_OR_MORE, LIST, DATA, VALUE, ATTRIBUTE, ELEMENT, AFTER = range(
    13
)


class Pattern:
    """One node of a (hash-consed) pattern; derivatives are memoised on it."""

    __slots__ = ("a", "b", "content", "has_data", "kind", "memo", "nullable", "uid")

    def __init__(self, kind: int, a: Any, b: Any, nullable: bool, has_data: bool, uid: int) -> None:
        self.kind = kind
        self.a = a
        self.b = b
        self.nullable = nullable
        self.has_data = has_data
        self.uid = uid
        self.memo: dict[Any, Pattern] = {}
        self.content: Callable[[], Pattern] | None = None


@dataclass(frozen=True)
class Datatype:
    """A datatype of a ``data`` or ``value`` pattern: library, name, parameters (facets)."""

    library: str
    name: str
    params: tuple[tuple[str, str], ...] = ()

    def check(self, value: str) -> str | None:
        """None if ``value`` is of this type, else why not."""
        return check_datatype(self, value)

    def equal(self, value: str, expected: str) -> bool:
        """Whether ``value`` equals the ``value`` pattern's ``expected`` in this type."""
        if (self.library == "" and self.name == "string") or (self.library == XSD_DATATYPES and self.name == "string"):
            return value == expected
        left, right = " ".join(value.split()), " ".join(expected.split())
        if self.library == XSD_DATATYPES and self.name in _NUMERIC:
            try:
                return Decimal(left) == Decimal(right)
            except InvalidOperation:
                return left == right
        return left == right


class Patterns:
    """The pattern factory: hash-consing keeps patterns canonical, so memoisation pays."""

    def __init__(self) -> None:
        self._interned: dict[tuple[Any, ...], Pattern] = {}
        self._uid = 0
        self.empty = self._make(EMPTY, None, None, True, False)
        self.not_allowed = self._make(NOT_ALLOWED, None, None, False, False)
        self.text = self._make(TEXT, None, None, True, False)

    def _make(self, kind: int, a: Any, b: Any, nullable: bool, has_data: bool) -> Pattern:
        self._uid += 1
        return Pattern(kind, a, b, nullable, has_data, self._uid)

    def _intern(self, key: tuple[Any, ...], kind: int, a: Any, b: Any, nullable: bool, has_data: bool) -> Pattern:
        found = self._interned.get(key)
        if found is None:
            found = self._make(kind, a, b, nullable, has_data)
            self._interned[key] = found
        return found

    def choice(self, *patterns: Pattern) -> Pattern:
        alternatives: dict[int, Pattern] = {}
        for pattern in patterns:
            if pattern.kind == CHOICE:
                for inner in pattern.a:
                    alternatives[inner.uid] = inner
            elif pattern.kind != NOT_ALLOWED:
                alternatives[pattern.uid] = pattern
        if not alternatives:
            return self.not_allowed
        if len(alternatives) == 1:
            return next(iter(alternatives.values()))
        ordered = tuple(alternatives[k] for k in sorted(alternatives))
        key = (CHOICE, *(p.uid for p in ordered))
        return self._intern(
            key, CHOICE, ordered, None, any(p.nullable for p in ordered), any(p.has_data for p in ordered)
        )

    def group(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        return self._intern((GROUP, a.uid, b.uid), GROUP, a, b, a.nullable and b.nullable, a.has_data or b.has_data)

    def interleave(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        if a.kind == EMPTY:
            return b
        if b.kind == EMPTY:
            return a
        if a.uid > b.uid:
            a, b = b, a
        return self._intern(
            (INTERLEAVE, a.uid, b.uid), INTERLEAVE, a, b, a.nullable and b.nullable, a.has_data or b.has_data
        )

    def one_or_more(self, a: Pattern) -> Pattern:
        if a.kind in (NOT_ALLOWED, EMPTY):
            return a
        return self._intern((ONE_OR_MORE, a.uid), ONE_OR_MORE, a, None, a.nullable, a.has_data)

    def after(self, a: Pattern, b: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED or b.kind == NOT_ALLOWED:
            return self.not_allowed
        return self._intern((AFTER, a.uid, b.uid), AFTER, a, b, False, a.has_data)

    def list_of(self, a: Pattern) -> Pattern:
        if a.kind == NOT_ALLOWED:
            return a
        return self._intern((LIST, a.uid), LIST, a, None, False, True)

    def data(self, datatype: Datatype, excepted: Pattern | None) -> Pattern:
        key = (DATA, datatype, excepted.uid if excepted is not None else 0)
        return self._intern(key, DATA, datatype, excepted, False, True)

    def value(self, datatype: Datatype, value: str) -> Pattern:
        return self._intern((VALUE, datatype, value), VALUE, datatype, value, False, True)

    def attribute(self, name_class: NameClass, content: Pattern) -> Pattern:
        return self._intern((ATTRIBUTE, name_class, content.uid), ATTRIBUTE, name_class, content, False, False)

    def element(self, name_class: NameClass, content: Callable[[], Pattern]) -> Pattern:
        """An element pattern; its content is built on first use (grammars recurse through elements)."""
        pattern = self._make(ELEMENT, name_class, None, False, False)
        pattern.content = content
        return pattern


def _element_content(pattern: Pattern) -> Pattern:
    if pattern.b is None:
        assert pattern.content is not None
        pattern.b = pattern.content()
    content: Pattern = pattern.b
    return content


# ================================================================================================
# The grammar: RELAX NG XML syntax -> patterns
# ================================================================================================


class _Scope:
    """One ``grammar``: its defines and start, and the grammar around it (for parentRef)."""

    def __init__(self, parent: _Scope | None) -> None:
        self.parent = parent
        self.defines: dict[str, list[etree._Element]] = {}
        self.start: list[etree._Element] = []
        self.built: dict[str, Pattern] = {}
        self.building: set[str] = set()


class Grammar:
    """A RELAX NG schema as patterns, with the facts the validator needs besides them."""

    def __init__(self, path: Path, root: etree._Element) -> None:
        self.path = path
        self.patterns = Patterns()
        self.elements: list[tuple[NameClass, Pattern]] = []
        self.id_attributes: set[QName] = set()
        self.idref_attributes: dict[QName, bool] = {}  # name -> True for IDREFS
        self._all_built = False
        self._scopes: list[_Scope] = []
        self.start = self._top(root, path)

    # -- loading ----------------------------------------------------------------------------

    def _load(self, href: str, base: etree._Element, path: Path) -> tuple[etree._Element, Path]:
        base_url = base.getroottree().docinfo.URL
        folder = Path(base_url).parent if base_url else path.parent
        target = (folder / href).resolve()
        if "://" in href:
            raise InputError(f"the schema refers to {href}; only local files can be included", path=str(path))
        return _parse_schema_file(target), target

    def _top(self, root: etree._Element, path: Path) -> Pattern:
        if _local(root) == "grammar":
            scope = self._grammar_scope(root, None, path)
            return self._start_of(scope)
        return self._pattern(root, None, path)

    def _grammar_scope(self, grammar: etree._Element, parent: _Scope | None, path: Path) -> _Scope:
        scope = _Scope(parent)
        self._scopes.append(scope)
        self._collect(grammar, scope, path, overridden=set())
        return scope

    def _collect(self, container: etree._Element, scope: _Scope, path: Path, overridden: set[str]) -> None:
        """Gather a grammar's components, following include and div."""
        for child in container:
            kind = _local(child)
            if kind == "define":
                name = child.get("name", "")
                if name not in overridden:
                    scope.defines.setdefault(name, []).append(child)
            elif kind == "start":
                if "#start" not in overridden:
                    scope.start.append(child)
            elif kind == "div":
                self._collect(child, scope, path, overridden)
            elif kind == "include":
                included, target = self._load(child.get("href", ""), child, path)
                overrides = {c.get("name", "") for c in child.iter(_rng("define"))}
                if child.xpath("./r:start | ./r:div//r:start", namespaces={"r": RNG_NS}):
                    overrides.add("#start")
                self._collect(included, scope, target, overridden | overrides)
                self._collect(child, scope, path, overridden)

    def _start_of(self, scope: _Scope) -> Pattern:
        if not scope.start:
            return self.patterns.not_allowed
        return self._combine(scope.start, scope)

    def _combine(self, nodes: list[etree._Element], scope: _Scope) -> Pattern:
        parts = [self._children_group(node, scope) for node in nodes]
        if len(parts) == 1:
            return parts[0]
        how = next((n.get("combine") for n in nodes if n.get("combine")), "choice")
        result = parts[0]
        for part in parts[1:]:
            result = (
                self.patterns.interleave(result, part) if how == "interleave" else self.patterns.choice(result, part)
            )
        return result

    def _define(self, name: str, scope: _Scope) -> Pattern:
        built = scope.built.get(name)
        if built is not None:
            return built
        nodes = scope.defines.get(name)
        if not nodes:
            raise InputError(f"the schema refers to a define '{name}' that does not exist", path=str(self.path))
        if name in scope.building:
            raise InputError(f"the schema's define '{name}' refers to itself outside an element", path=str(self.path))
        scope.building.add(name)
        pattern = self._combine(nodes, scope)
        scope.building.discard(name)
        scope.built[name] = pattern
        return pattern

    def _children_group(self, node: etree._Element, scope: _Scope | None) -> Pattern:
        result = self.patterns.empty
        for child in node:
            if _local(child):
                result = self.patterns.group(result, self._pattern(child, scope, self.path))
        return result

    def _pattern(self, node: etree._Element, scope: _Scope | None, path: Path) -> Pattern:
        p = self.patterns
        kind = _local(node)
        if kind == "element":
            name_class = _xml_name_class(node)
            children = [c for c in node if _local(c)]
            body = children if node.get("name") is not None else children[1:]

            def content(body: list[etree._Element] = body) -> Pattern:
                result = p.empty
                for child in body:
                    result = p.group(result, self._pattern(child, scope, path))
                return result

            element = p.element(name_class, content)
            self.elements.append((name_class, element))
            return element
        if kind == "attribute":
            name_class = _xml_name_class(node)
            children = [c for c in node if _local(c)]
            body = children if node.get("name") is not None else children[1:]
            value = p.text if not body else self._sequence(body, scope, path)
            self._note_id_type(name_class, body)
            return p.attribute(name_class, value)
        if kind in ("group", "start", "define"):
            return self._sequence([c for c in node if _local(c)], scope, path)
        if kind == "choice":
            return p.choice(*[self._pattern(c, scope, path) for c in node if _local(c)])
        if kind == "interleave":
            result = p.empty
            for child in node:
                if _local(child):
                    result = p.interleave(result, self._pattern(child, scope, path))
            return result
        if kind == "optional":
            return p.choice(self._sequence([c for c in node if _local(c)], scope, path), p.empty)
        if kind == "zeroOrMore":
            return p.choice(p.one_or_more(self._sequence([c for c in node if _local(c)], scope, path)), p.empty)
        if kind == "oneOrMore":
            return p.one_or_more(self._sequence([c for c in node if _local(c)], scope, path))
        if kind == "mixed":
            return p.interleave(p.text, self._sequence([c for c in node if _local(c)], scope, path))
        if kind == "list":
            return p.list_of(self._sequence([c for c in node if _local(c)], scope, path))
        if kind == "empty":
            return p.empty
        if kind == "text":
            return p.text
        if kind == "notAllowed":
            return p.not_allowed
        if kind == "data":
            datatype = _datatype(node)
            excepted = node.find(_rng("except"))
            excepted_pattern = None
            if excepted is not None:
                excepted_pattern = p.choice(*[self._pattern(c, scope, path) for c in excepted if _local(c)])
            return p.data(datatype, excepted_pattern)
        if kind == "value":
            return p.value(_datatype(node, default="token"), node.text or "")
        if kind == "ref":
            assert scope is not None
            return self._define(node.get("name", ""), scope)
        if kind == "parentRef":
            assert scope is not None and scope.parent is not None
            return self._define(node.get("name", ""), scope.parent)
        if kind == "grammar":
            inner = self._grammar_scope(node, scope, path)
            return self._start_of(inner)
        if kind == "externalRef":
            loaded, target = self._load(node.get("href", ""), node, path)
            if loaded.get("ns") is None and node.get("ns") is not None:
                loaded.set("ns", _inherited_ns(node))
            elif loaded.get("ns") is None:
                inherited = _inherited_ns(node)
                if inherited:
                    loaded.set("ns", inherited)
            if _local(loaded) == "grammar":
                return self._start_of(self._grammar_scope(loaded, None, target))
            return self._pattern(loaded, None, target)
        return p.empty

    def _sequence(self, nodes: list[etree._Element], scope: _Scope | None, path: Path) -> Pattern:
        result = self.patterns.empty
        for node in nodes:
            result = self.patterns.group(result, self._pattern(node, scope, path))
        return result

    def _note_id_type(self, name_class: NameClass, body: list[etree._Element]) -> None:
        """Remember attributes typed ID/IDREF/IDREFS, for jing's ID checks."""
        if name_class.kind != "name" or len(body) != 1 or _local(body[0]) != "data":
            return
        datatype = _datatype(body[0])
        if datatype.library != XSD_DATATYPES:
            return
        name = (name_class.namespace, name_class.local)
        if datatype.name == "ID":
            self.id_attributes.add(name)
        elif datatype.name in ("IDREF", "IDREFS"):
            self.idref_attributes[name] = datatype.name == "IDREFS"

    def all_elements(self) -> list[tuple[NameClass, Pattern]]:
        """Every element pattern of the grammar (building every define once)."""
        if not self._all_built:
            for scope in list(self._scopes):
                for name in list(scope.defines):
                    self._define(name, scope)
            self._all_built = True
        return self.elements


def _datatype(node: etree._Element, default: str = "") -> Datatype:
    library = ""
    walker: etree._Element | None = node
    while walker is not None:
        value = walker.get("datatypeLibrary")
        if value is not None:
            library = value
            break
        walker = walker.getparent()
    name = node.get("type")
    if name is None:
        library, name = "", default or "token"
    params = tuple((param.get("name", ""), param.text or "") for param in node.iter(_rng("param")))
    return Datatype(library, name.strip(), params)


# ================================================================================================
# Datatypes (XML Schema Part 2, as the RELAX NG datatype library)
# ================================================================================================

_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
_NCNAME = f"[{_NAME_START}][{_NAME_CHAR}]*"
_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{4,}|\d{4})"
_LEXICAL_SOURCES: dict[str, str] = {
    "boolean": r"true|false|1|0",
    "decimal": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)",
    "integer": r"[+-]?\d+",
    "double": r"[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)|-?INF|NaN",
    "duration": r"-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?",
    "dateTime": rf"({_YEAR})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?{_TZ}"
    rf"|({_YEAR})-(\d\d)-(\d\d)T24:00:00(?:\.0+)?{_TZ}",
    "time": rf"(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?|24:00:00(?:\.0+)?){_TZ}",
    "date": rf"({_YEAR})-(\d\d)-(\d\d){_TZ}",
    "gYearMonth": rf"({_YEAR})-(\d\d){_TZ}",
    "gYear": rf"({_YEAR}){_TZ}",
    "gMonthDay": rf"--(\d\d)-(\d\d){_TZ}",
    "gDay": rf"---(0[1-9]|[12]\d|3[01]){_TZ}",
    "gMonth": rf"--(0[1-9]|1[0-2]){_TZ}",
    "hexBinary": r"(?:[0-9a-fA-F]{2})*",
    "base64Binary": r"(?:[A-Za-z0-9+/] ?){0,}(?:=\s?){0,2}",
    "Name": f"[{_NAME_START}:][{_NAME_CHAR}:]*",
    "NCName": _NCNAME,
    "QName": f"(?:{_NCNAME}:)?{_NCNAME}",
    "NMTOKEN": f"[{_NAME_CHAR}:]+",
    "language": r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*",
}


@functools.lru_cache(maxsize=64)
def _lexical_pattern(name: str) -> re.Pattern[str] | None:
    """The compiled lexical form of a type (compiled on first use: the name classes are large)."""
    source = _LEXICAL_SOURCES.get(name)
    return re.compile(source) if source is not None else None


_NUMERIC = frozenset(
    [
        "decimal",
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
        "double",
        "float",
    ]
)
_INTEGER_RANGES: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None),
    "nonNegativeInteger": (0, None),
    "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1),
    "long": (-(2**63), 2**63 - 1),
    "int": (-(2**31), 2**31 - 1),
    "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1),
    "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1),
    "unsignedByte": (0, 255),
}
_DESCRIPTIONS = {
    "date": "an ISO date such as 1917-11-08",
    "gYear": "a year such as 1917",
    "gYearMonth": "a year and month such as 1917-11",
    "dateTime": "a date and time such as 1917-11-08T10:00:00",
    "time": "a time such as 10:00:00",
    "NCName": "an XML name without a colon",
    "Name": "an XML name",
    "ID": "an XML name without a colon",
    "IDREF": "an XML name without a colon",
    "language": "a language tag such as en or ru",
    "anyURI": "a URI",
    "boolean": "true or false",
    "token": "a string",
}


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        astronomical = year + 1 if year < 0 else year
        leap = astronomical % 4 == 0 and (astronomical % 100 != 0 or astronomical % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _lexical(name: str, value: str) -> bool:
    """Whether ``value`` (whitespace already processed) is in the lexical space of an XSD type."""
    if name in _INTEGER_RANGES:
        integer = _lexical_pattern("integer")
        if integer is None or not integer.fullmatch(value):
            return False
        low, high = _INTEGER_RANGES[name]
        number = int(value)
        return (low is None or number >= low) and (high is None or number <= high)
    if name == "float":
        name = "double"
    if name in ("ID", "IDREF", "ENTITY"):
        name = "NCName"
    if name in ("IDREFS", "ENTITIES", "NMTOKENS"):
        item = "NMTOKEN" if name == "NMTOKENS" else "NCName"
        tokens = value.split()
        compiled = _lexical_pattern(item)
        return bool(tokens) and compiled is not None and all(compiled.fullmatch(t) for t in tokens)
    if name in ("string", "normalizedString", "token"):
        return True
    if name == "anyURI":
        return not re.search(r"[\s<>\"{}|\\^`]|%(?![0-9A-Fa-f]{2})", value)
    pattern = _lexical_pattern(name)
    if pattern is None:
        return True  # a type this validator does not know: do not invent errors
    match = pattern.fullmatch(value)
    if match is None:
        return False
    if name in ("date", "dateTime", "gYearMonth", "gYear"):
        groups = [g for g in match.groups() if g is not None]
        year = int(groups[0])
        if year == 0:
            return False
        if len(groups) >= 2 and not 1 <= int(groups[1]) <= 12:
            return False
        if len(groups) >= 3 and not 1 <= int(groups[2]) <= _days_in_month(year, int(groups[1])):
            return False
    if name == "gMonthDay":
        month, day = int(match.group(1)), int(match.group(2))
        return 1 <= month <= 12 and 1 <= day <= _days_in_month(2000, month)
    return True


def _no_control_or_space(value: str) -> bool:
    return bool(value) and all(unicodedata.category(c)[0] not in "CZ" for c in value)


def _no_xml_space(value: str) -> bool:
    return bool(value) and not any(c in " \t\n\r" for c in value)


#: XSD patterns that TEI uses on most attributes, checked without translating them.
_KNOWN_PATTERNS: dict[str, Callable[[str], bool]] = {
    r"[^\p{C}\p{Z}]+": _no_control_or_space,
    r"\S+": _no_xml_space,
}


@functools.lru_cache(maxsize=512)
def _pattern_matcher(pattern: str) -> Callable[[str], bool] | None:
    """A test for an XSD regular expression (whole-value match); None if it cannot be translated."""
    known = _KNOWN_PATTERNS.get(pattern)
    if known is not None:
        return known
    try:
        from elementpath.regex import translate_pattern

        compiled = re.compile(translate_pattern(pattern, anchors=False))
    except Exception:  # an expression the translator does not know: do not invent errors
        return None
    return lambda value: compiled.fullmatch(value) is not None


def check_datatype(datatype: Datatype, raw: str) -> str | None:
    """None if ``raw`` is a value of ``datatype``, else a short reason."""
    name = datatype.name
    if datatype.library == "":
        return None
    if datatype.library != XSD_DATATYPES:
        return None
    value = raw if name == "string" else (raw.replace("\t", " ").replace("\n", " ").replace("\r", " "))
    if name not in ("string", "normalizedString"):
        value = " ".join(value.split())
    if not _lexical(name, value):
        described = _DESCRIPTIONS.get(name, f"a valid {name}")
        return f"must be {described}"
    for param, expected in datatype.params:
        problem = _facet(name, param, expected, value)
        if problem:
            return problem
    return None


def _number(name: str, value: str) -> Decimal | float | None:
    try:
        if name in ("double", "float"):
            return float(value.replace("INF", "inf"))
        return Decimal(value)
    except (InvalidOperation, ValueError):
        return None


def _facet(name: str, param: str, expected: str, value: str) -> str | None:
    if param == "pattern":
        matcher = _pattern_matcher(expected)
        if matcher is not None and not matcher(value):
            return f"must match the regular expression {expected!r}"
        return None
    if param in ("length", "minLength", "maxLength"):
        size = len(value.split()) if name in ("IDREFS", "ENTITIES", "NMTOKENS") else len(value)
        limit = int(expected)
        if (
            (param == "length" and size != limit)
            or (param == "minLength" and size < limit)
            or (param == "maxLength" and size > limit)
        ):
            return f"must have {param.replace('L', ' l').lower()} {limit}"
        return None
    if param in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive") and name in _NUMERIC:
        number, bound = _number(name, value), _number(name, expected)
        if number is None or bound is None or (isinstance(number, float) and math.isnan(number)):
            return None
        ok = {
            "minInclusive": number >= bound,
            "maxInclusive": number <= bound,
            "minExclusive": number > bound,
            "maxExclusive": number < bound,
        }[param]
        words = {
            "minInclusive": "at least",
            "maxInclusive": "at most",
            "minExclusive": "more than",
            "maxExclusive": "less than",
        }
        return None if ok else f"must be {words[param]} {expected}"
    if param in ("totalDigits", "fractionDigits") and name in _NUMERIC:
        try:
            digits = Decimal(value).as_tuple()
        except InvalidOperation:
            return None
        exponent = digits.exponent if isinstance(digits.exponent, int) else 0
        fraction = max(0, -exponent)
        total = len(digits.digits)
        if param == "totalDigits" and total > int(expected):
            return f"must have at most {expected} digits"
        if param == "fractionDigits" and fraction > int(expected):
            return f"must have at most {expected} digits after the point"
    return None


# ================================================================================================
# Derivatives (James Clark, "An algorithm for RELAX NG validation")
# ================================================================================================


class Derivatives:
    """The derivative functions over one grammar's patterns, memoised on the patterns."""

    def __init__(self, patterns: Patterns) -> None:
        self.p = patterns

    def _apply_after(self, pattern: Pattern, f: Callable[[Pattern], Pattern]) -> Pattern:
        if pattern.kind == AFTER:
            return self.p.after(pattern.a, f(pattern.b))
        if pattern.kind == CHOICE:
            return self.p.choice(*[self._apply_after(alt, f) for alt in pattern.a])
        return self.p.not_allowed

    def start_tag_open(self, pattern: Pattern, name: QName, recover: bool = False) -> Pattern:
        key = ("sto", name, recover)
        found = pattern.memo.get(key)
        if found is not None:
            return found
        p = self.p
        kind = pattern.kind
        if kind == CHOICE:
            result = p.choice(*[self.start_tag_open(alt, name, recover) for alt in pattern.a])
        elif kind == ELEMENT:
            result = p.after(_element_content(pattern), p.empty) if pattern.a.contains(name) else p.not_allowed
        elif kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            result = p.choice(
                self._apply_after(self.start_tag_open(a, name, recover), lambda x: p.interleave(x, b)),
                self._apply_after(self.start_tag_open(b, name, recover), lambda x: p.interleave(a, x)),
            )
        elif kind == ONE_OR_MORE:
            a = pattern.a
            rest = p.choice(pattern, p.empty)
            result = self._apply_after(self.start_tag_open(a, name, recover), lambda x: p.group(x, rest))
        elif kind == GROUP:
            a, b = pattern.a, pattern.b
            result = self._apply_after(self.start_tag_open(a, name, recover), lambda x: p.group(x, b))
            if a.nullable or recover:
                result = p.choice(result, self.start_tag_open(b, name, recover))
        elif kind == AFTER:
            b = pattern.b
            result = self._apply_after(self.start_tag_open(pattern.a, name, recover), lambda x: p.after(x, b))
        else:
            result = p.not_allowed
        pattern.memo[key] = result
        return result

    def attribute(self, pattern: Pattern, name: QName, value: str, check_value: bool = True) -> Pattern:
        """The derivative by one attribute.

        Why in two steps: attribute values are mostly unique (ids, dates), so a
        memo keyed by value rarely hits. The derivative for "every attribute
        pattern of this name accepts the value" is memoised by name alone; the
        value is then checked against those few patterns only.
        """
        if not check_value:
            return self._attribute(pattern, name)
        leaves = self._attribute_leaves(pattern, name)
        if not leaves:
            return self.p.not_allowed
        accepted = [self.value_matches(leaf.b, value) for leaf in leaves]
        if all(accepted):
            return self._attribute(pattern, name)
        if not any(accepted):
            return self.p.not_allowed
        return self._attribute_checked(pattern, name, value)

    def _attribute_leaves(self, pattern: Pattern, name: QName) -> tuple[Pattern, ...]:
        key = ("leaves", name)
        found: tuple[Pattern, ...] | None = pattern.memo.get(key)  # type: ignore[assignment]
        if found is not None:
            return found
        kind = pattern.kind
        if kind == ATTRIBUTE:
            result: tuple[Pattern, ...] = (pattern,) if pattern.a.contains(name) else ()
        elif kind in (AFTER, ONE_OR_MORE):
            result = self._attribute_leaves(pattern.a, name)
        elif kind in (GROUP, INTERLEAVE):
            result = self._attribute_leaves(pattern.a, name) + self._attribute_leaves(pattern.b, name)
        elif kind == CHOICE:
            result = tuple(leaf for alt in pattern.a for leaf in self._attribute_leaves(alt, name))
        else:
            result = ()
        pattern.memo[key] = result  # type: ignore[assignment]
        return result

    def _attribute(self, pattern: Pattern, name: QName) -> Pattern:
        """The derivative by an attribute whose value every matching attribute pattern accepts."""
        key = ("att", name)
        found = pattern.memo.get(key)
        if found is not None:
            return found
        p = self.p
        kind = pattern.kind
        if kind == AFTER:
            result = p.after(self._attribute(pattern.a, name), pattern.b)
        elif kind == CHOICE:
            result = p.choice(*[self._attribute(alt, name) for alt in pattern.a])
        elif kind == GROUP:
            a, b = pattern.a, pattern.b
            result = p.choice(p.group(self._attribute(a, name), b), p.group(a, self._attribute(b, name)))
        elif kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            result = p.choice(p.interleave(self._attribute(a, name), b), p.interleave(a, self._attribute(b, name)))
        elif kind == ONE_OR_MORE:
            result = p.group(self._attribute(pattern.a, name), p.choice(pattern, p.empty))
        elif kind == ATTRIBUTE:
            result = p.empty if pattern.a.contains(name) else p.not_allowed
        else:
            result = p.not_allowed
        pattern.memo[key] = result
        return result

    def _attribute_checked(self, pattern: Pattern, name: QName, value: str) -> Pattern:
        """The derivative by an attribute whose value some matching patterns accept and some do not."""
        p = self.p
        kind = pattern.kind
        if kind == AFTER:
            return p.after(self._attribute_checked(pattern.a, name, value), pattern.b)
        if kind == CHOICE:
            return p.choice(*[self._attribute_checked(alt, name, value) for alt in pattern.a])
        if kind == GROUP:
            a, b = pattern.a, pattern.b
            return p.choice(
                p.group(self._attribute_checked(a, name, value), b), p.group(a, self._attribute_checked(b, name, value))
            )
        if kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            return p.choice(
                p.interleave(self._attribute_checked(a, name, value), b),
                p.interleave(a, self._attribute_checked(b, name, value)),
            )
        if kind == ONE_OR_MORE:
            return p.group(self._attribute_checked(pattern.a, name, value), p.choice(pattern, p.empty))
        if kind == ATTRIBUTE and pattern.a.contains(name) and self.value_matches(pattern.b, value):
            return p.empty
        return p.not_allowed

    def value_matches(self, pattern: Pattern, value: str) -> bool:
        """Whether an attribute value (or a whole text) matches ``pattern``."""
        if pattern.nullable and not value.strip():
            return True
        return self.text(pattern, value).nullable

    def start_tag_close(self, pattern: Pattern, recover: bool = False) -> Pattern:
        key = ("stc", recover)
        found = pattern.memo.get(key)
        if found is not None:
            return found
        p = self.p
        kind = pattern.kind
        if kind == AFTER:
            result = p.after(self.start_tag_close(pattern.a, recover), pattern.b)
        elif kind == CHOICE:
            result = p.choice(*[self.start_tag_close(alt, recover) for alt in pattern.a])
        elif kind == GROUP:
            result = p.group(self.start_tag_close(pattern.a, recover), self.start_tag_close(pattern.b, recover))
        elif kind == INTERLEAVE:
            result = p.interleave(self.start_tag_close(pattern.a, recover), self.start_tag_close(pattern.b, recover))
        elif kind == ONE_OR_MORE:
            result = p.one_or_more(self.start_tag_close(pattern.a, recover))
        elif kind == ATTRIBUTE:
            result = p.empty if recover else p.not_allowed
        else:
            result = pattern
        pattern.memo[key] = result
        return result

    def text(self, pattern: Pattern, value: str, recover: bool = False) -> Pattern:
        if not pattern.has_data:
            key: tuple[Any, ...] = ("txt", recover)
        elif len(value) <= 64:
            key = ("txt", recover, value)
        else:
            return self._text(pattern, value, recover)
        found = pattern.memo.get(key)
        if found is None:
            found = self._text(pattern, value, recover)
            if len(pattern.memo) < 4096:
                pattern.memo[key] = found
        return found

    def _text(self, pattern: Pattern, value: str, recover: bool) -> Pattern:
        p = self.p
        kind = pattern.kind
        if kind == CHOICE:
            return p.choice(*[self.text(alt, value, recover) for alt in pattern.a])
        if kind == INTERLEAVE:
            a, b = pattern.a, pattern.b
            return p.choice(
                p.interleave(self.text(a, value, recover), b), p.interleave(a, self.text(b, value, recover))
            )
        if kind == GROUP:
            a, b = pattern.a, pattern.b
            result = p.group(self.text(a, value, recover), b)
            return p.choice(result, self.text(b, value, recover)) if a.nullable else result
        if kind == AFTER:
            return p.after(self.text(pattern.a, value, recover), pattern.b)
        if kind == ONE_OR_MORE:
            return p.group(self.text(pattern.a, value, recover), p.choice(pattern, p.empty))
        if kind == TEXT:
            return pattern
        if kind == VALUE:
            return p.empty if recover or pattern.a.equal(value, pattern.b) else p.not_allowed
        if kind == DATA:
            if recover:
                return p.empty
            if pattern.a.check(value) is not None:
                return p.not_allowed
            if pattern.b is not None and self.value_matches(pattern.b, value):
                return p.not_allowed
            return p.empty
        if kind == LIST:
            if recover:
                return p.empty
            state = pattern.a
            for token in value.split():
                state = self.text(state, token)
            return p.empty if state.nullable else p.not_allowed
        return p.not_allowed

    def end_tag(self, pattern: Pattern, recover: bool = False) -> Pattern:
        key = ("end", recover)
        found = pattern.memo.get(key)
        if found is not None:
            return found
        p = self.p
        if pattern.kind == CHOICE:
            result = p.choice(*[self.end_tag(alt, recover) for alt in pattern.a])
        elif pattern.kind == AFTER:
            result = pattern.b if (pattern.a.nullable or recover) else p.not_allowed
        else:
            result = p.not_allowed
        pattern.memo[key] = result
        return result


# -- what a state allows, for messages ----------------------------------------------------------


def _startable(pattern: Pattern, seen: set[int] | None = None) -> list[NameClass]:
    """The name classes of the elements that may start at this point."""
    seen = seen if seen is not None else set()
    if pattern.uid in seen:
        return []
    seen.add(pattern.uid)
    kind = pattern.kind
    if kind == CHOICE:
        return [nc for alt in pattern.a for nc in _startable(alt, seen)]
    if kind == GROUP:
        found = _startable(pattern.a, seen)
        return found + _startable(pattern.b, seen) if pattern.a.nullable else found
    if kind == INTERLEAVE:
        return _startable(pattern.a, seen) + _startable(pattern.b, seen)
    if kind in (ONE_OR_MORE,):
        return _startable(pattern.a, seen)
    if kind == AFTER:
        return _startable(pattern.a, seen)
    if kind == ELEMENT:
        return [pattern.a]
    return []


def _text_allowed(pattern: Pattern) -> bool:
    kind = pattern.kind
    if kind == TEXT:
        return True
    if kind == CHOICE:
        return any(_text_allowed(alt) for alt in pattern.a)
    if kind == GROUP:
        return _text_allowed(pattern.a) or (pattern.a.nullable and _text_allowed(pattern.b))
    if kind == INTERLEAVE:
        return _text_allowed(pattern.a) or _text_allowed(pattern.b)
    if kind in (ONE_OR_MORE,):
        return _text_allowed(pattern.a)
    if kind == AFTER:
        return _text_allowed(pattern.a)
    return kind in (DATA, VALUE, LIST)


def _attribute_classes(pattern: Pattern, required: bool = False) -> list[NameClass]:
    """Attribute name classes allowed (or, with ``required``, all required) in this state."""
    kind = pattern.kind
    if kind == ATTRIBUTE:
        return [pattern.a]
    if kind == AFTER:
        return _attribute_classes(pattern.a, required)
    if kind in (GROUP, INTERLEAVE):
        return _attribute_classes(pattern.a, required) + _attribute_classes(pattern.b, required)
    if kind == ONE_OR_MORE:
        return _attribute_classes(pattern.a, required)
    if kind == CHOICE:
        if not required:
            return [nc for alt in pattern.a for nc in _attribute_classes(alt)]
        sets = [_attribute_classes(alt, True) for alt in pattern.a]
        common = set(sets[0]).intersection(*sets[1:]) if sets else set()
        return [nc for nc in sets[0] if nc in common] if sets else []
    return []


def _attribute_value_patterns(pattern: Pattern, name: QName) -> list[Pattern]:
    kind = pattern.kind
    if kind == ATTRIBUTE:
        return [pattern.b] if pattern.a.contains(name) else []
    if kind in (AFTER, ONE_OR_MORE):
        return _attribute_value_patterns(pattern.a, name)
    if kind in (GROUP, INTERLEAVE):
        return _attribute_value_patterns(pattern.a, name) + _attribute_value_patterns(pattern.b, name)
    if kind == CHOICE:
        return [v for alt in pattern.a for v in _attribute_value_patterns(alt, name)]
    return []


def _expected_values(pattern: Pattern, out: list[str], types: list[str]) -> None:
    kind = pattern.kind
    if kind == VALUE:
        out.append(pattern.b)
    elif kind == DATA:
        types.append(pattern.a.name)
    elif kind == CHOICE:
        for alt in pattern.a:
            _expected_values(alt, out, types)
    elif kind == LIST:
        types.append("list")
        _expected_values(pattern.a, out, types)
    elif kind in (ONE_OR_MORE, GROUP):
        _expected_values(pattern.a, out, types)
    elif kind == TEXT:
        types.append("string")


# ================================================================================================
# Walking a document
# ================================================================================================


@dataclass
class _Walk:
    """One validation run: the derivatives, where to report, and what was reported."""

    grammar: Grammar
    derive: Derivatives
    name: str
    locator: Locator
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _names: dict[str, QName] = field(default_factory=dict)

    def report(self, position: tuple[int, int], message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic(self.name, position[0], position[1], "error", message, rule))

    def qname(self, tag: str) -> QName:
        found = self._names.get(tag)
        if found is None:
            found = _qname_of_attribute(tag)
            self._names[tag] = found
        return found

    def document(self, root: etree._Element) -> None:
        patterns = self.grammar.patterns
        self.element(root, patterns.after(self.grammar.start, patterns.empty), None)

    def element(self, element: etree._Element, state: Pattern, parent: etree._Element | None) -> Pattern:
        d, p = self.derive, self.grammar.patterns
        name = self.qname(str(element.tag))
        current = d.start_tag_open(state, name)
        if current.kind == NOT_ALLOWED:
            shown = _shown(element)
            where = f"'{_shown(parent)}'" if parent is not None else "the document"
            recovered = d.start_tag_open(state, name, recover=True)
            if recovered.kind != NOT_ALLOWED:
                missing = name_list(n for nc in _startable(state) for n in nc.describe())
                self.report(
                    self.locator.element(element),
                    f"element '{shown}' is not allowed yet in {where}: {missing or 'required content'} must come first",
                    "rng:element-too-early",
                )
                current = recovered
            else:
                allowed = [n for nc in _startable(state) for n in nc.describe()]
                place = f"in {where}" if parent is not None else "as the root element"
                elsewhere = [pattern for nc, pattern in self.grammar.all_elements() if nc.contains(name)]
                message = f"element '{shown}' is not allowed {place}"
                if not elsewhere:
                    message += " (the schema has no such element)"
                message += f"; allowed here: {name_list(allowed)}" if allowed else "; no element is allowed here"
                self.report(self.locator.element(element), message, "rng:element-not-allowed")
                if not elsewhere:
                    return state
                content = p.choice(*[_element_content(pattern) for pattern in elsewhere])
                current = p.after(content, state)
        for key, raw in element.attrib.items():
            attribute, value = str(key), str(raw)
            attribute_name = self.qname(attribute)
            following = d.attribute(current, attribute_name, value)
            if following.kind == NOT_ALLOWED:
                following = self._bad_attribute(element, current, attribute, attribute_name, value)
            current = following
        closed = d.start_tag_close(current)
        if closed.kind == NOT_ALLOWED:
            required = [n for nc in _attribute_classes(current, required=True) for n in nc.describe(True)]
            missing = ", ".join(f"'{n}'" for n in sorted(set(required))) or "a required attribute"
            plural = "s" if len(set(required)) > 1 else ""
            self.report(
                self.locator.element(element),
                f"element '{_shown(element)}' needs attribute{plural} {missing}",
                "rng:attribute-missing",
            )
            closed = d.start_tag_close(current, recover=True)
        current = self._children(element, closed)
        ended = d.end_tag(current)
        if ended.kind == NOT_ALLOWED:
            needed = name_list(n for nc in _startable(current) for n in nc.describe())
            inside = _after_content(current)
            if not needed and inside is not None and _text_allowed(inside):
                what = "text"
            else:
                what = needed if "," not in needed else f"one of {needed}"
            self.report(
                self.locator.end(element),
                f"element '{_shown(element)}' is incomplete: {what or 'more content'} is required before its end",
                "rng:incomplete",
            )
            ended = d.end_tag(current, recover=True)
        return ended

    def _bad_attribute(
        self, element: etree._Element, state: Pattern, attribute: str, name: QName, value: str
    ) -> Pattern:
        shown = _shown(element)
        shown_attribute = display_name(attribute)
        values = _attribute_value_patterns(state, name)
        position = self.locator.attribute(element, attribute)
        if values:
            self.report(
                position,
                f"@{shown_attribute} '{value}' is not valid on '{shown}': {self._value_expectation(values, value)}",
                "rng:attribute-value",
            )
            return self.derive.attribute(state, name, value, check_value=False)
        allowed = [n for nc in _attribute_classes(state) for n in nc.describe(True)]
        message = f"attribute '{shown_attribute}' is not allowed on '{shown}'"
        message += f"; allowed here: {name_list(allowed)}" if allowed else "; it takes no attributes"
        self.report(position, message, "rng:attribute-not-allowed")
        return state

    def _value_expectation(self, patterns: list[Pattern], value: str) -> str:
        values: list[str] = []
        types: list[str] = []
        reasons: list[str] = []
        for pattern in patterns:
            _expected_values(pattern, values, types)
            for data in _data_patterns(pattern):
                reason = data.a.check(value)
                if reason:
                    reasons.append(reason)
        if values and not types:
            return f"use one of {name_list(values, 20)}"
        if reasons:
            return reasons[0] + (f" (or one of {name_list(values, 8)})" if values else "")
        return "it is not a value this attribute takes"

    def _children(self, element: etree._Element, state: Pattern) -> Pattern:
        d = self.derive
        if len(element) == 0 or not any(isinstance(c.tag, str) for c in element):
            text = _all_text(element)
            following = d.text(state, text)
            if not text.strip():
                following = self.grammar.patterns.choice(state, following)
            if following.kind == NOT_ALLOWED:
                following = self._bad_text(element, state, text, None)
            return following
        pending: list[str] = [element.text or ""]
        previous: etree._Element | None = None
        current = state
        for child in element:
            if isinstance(child.tag, str):
                current = self._text_chunk(element, current, "".join(pending), previous)
                current = self.element(child, current, element)
                previous = child
                pending = [child.tail or ""]
            else:
                if not isinstance(child, (etree._Comment, etree._ProcessingInstruction)):
                    pending.append("&entity;")
                pending.append(child.tail or "")
        return self._text_chunk(element, current, "".join(pending), previous)

    def _text_chunk(
        self, element: etree._Element, state: Pattern, text: str, previous: etree._Element | None
    ) -> Pattern:
        if not text.strip():
            return state
        following = self.derive.text(state, text)
        if following.kind == NOT_ALLOWED:
            return self._bad_text(element, state, text, previous)
        return following

    def _bad_text(self, element: etree._Element, state: Pattern, text: str, previous: etree._Element | None) -> Pattern:
        shown = _shown(element)
        recovered = self.derive.text(state, text, recover=True)
        position = self.locator.text(element, after=previous)
        if recovered.kind != NOT_ALLOWED and not _text_allowed_plain(state):
            reason = self._content_reason(state, text)
            self.report(
                position, f"the content '{_short(text)}' of '{shown}' is not valid: {reason}", "rng:content-value"
            )
            return recovered
        allowed = name_list(n for nc in _startable(state) for n in nc.describe())
        message = f"text is not allowed in '{shown}' here"
        message += f"; put it inside one of {allowed}" if allowed else ""
        self.report(position, message, "rng:text-not-allowed")
        return state

    def _content_reason(self, state: Pattern, text: str) -> str:
        values: list[str] = []
        types: list[str] = []
        inside = _after_content(state) or state
        _expected_values(inside, values, types)
        for data in _data_patterns(inside):
            reason: str | None = data.a.check(text)
            if reason:
                return reason
        if values:
            return f"use one of {name_list(values, 20)}"
        return "it is not what the schema expects here"

    def check_ids(self, root: etree._Element) -> None:
        """jing's ID checks: ID values unique, IDREF values pointing to an ID."""
        if not self.grammar.id_attributes and not self.grammar.idref_attributes:
            return
        seen: dict[str, etree._Element] = {}
        for namespace, local in sorted(self.grammar.id_attributes):
            clark = f"{{{namespace}}}{local}" if namespace else local
            for value in _attribute_values(root, namespace, local):
                element = value.getparent()
                key = str(value).strip()
                if key in seen:
                    first = self.locator.attribute(seen[key], clark)[0]
                    self.report(
                        self.locator.attribute(element, clark),
                        f"{display_name(clark)} '{key}' is used twice (first at line {first}); make it unique",
                        "rng:duplicate-id",
                    )
                else:
                    seen[key] = element
        for (namespace, local), many in sorted(self.grammar.idref_attributes.items()):
            clark = f"{{{namespace}}}{local}" if namespace else local
            for value in _attribute_values(root, namespace, local):
                tokens = str(value).split() if many else [str(value).strip()]
                for token in tokens:
                    if token not in seen:
                        self.report(
                            self.locator.attribute(value.getparent(), clark),
                            f"@{display_name(clark)} '{token}' refers to no ID in this document",
                            "rng:idref",
                        )


def _attribute_values(root: etree._Element, namespace: str, local: str) -> list[Any]:
    """The values (lxml smart strings, with getparent) of every attribute with this name."""
    found = root.xpath(
        "descendant-or-self::*/@*[local-name() = $local and namespace-uri() = $namespace]",
        local=local,
        namespace=namespace,
    )
    return list(found) if isinstance(found, list) else []


def _shown(element: etree._Element) -> str:
    return display_name(element.tag, element) if isinstance(element.tag, str) else "?"


def _qname_of_attribute(attribute: str) -> QName:
    if attribute.startswith("{"):
        namespace, local = attribute[1:].split("}", 1)
        return namespace, local
    return "", attribute


def _after_content(pattern: Pattern) -> Pattern | None:
    if pattern.kind == AFTER:
        content: Pattern = pattern.a
        return content
    if pattern.kind == CHOICE:
        for alt in pattern.a:
            found = _after_content(alt)
            if found is not None:
                return found
    return None


def _text_allowed_plain(pattern: Pattern) -> bool:
    """Whether plain ``text`` (not only data) is allowed here."""
    kind = pattern.kind
    if kind == TEXT:
        return True
    if kind == CHOICE:
        return any(_text_allowed_plain(alt) for alt in pattern.a)
    if kind == GROUP:
        return _text_allowed_plain(pattern.a) or (pattern.a.nullable and _text_allowed_plain(pattern.b))
    if kind in (INTERLEAVE,):
        return _text_allowed_plain(pattern.a) or _text_allowed_plain(pattern.b)
    if kind in (ONE_OR_MORE, AFTER):
        return _text_allowed_plain(pattern.a)
    return False


def _data_patterns(pattern: Pattern, seen: set[int] | None = None) -> Iterator[Pattern]:
    seen = seen if seen is not None else set()
    if pattern.uid in seen:
        return
    seen.add(pattern.uid)
    if pattern.kind == DATA:
        yield pattern
    elif pattern.kind == CHOICE:
        for alt in pattern.a:
            yield from _data_patterns(alt, seen)
    elif pattern.kind in (GROUP, INTERLEAVE):
        yield from _data_patterns(pattern.a, seen)
        yield from _data_patterns(pattern.b, seen)
    elif pattern.kind in (ONE_OR_MORE, AFTER, LIST):
        yield from _data_patterns(pattern.a, seen)


def _all_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child, (etree._Comment, etree._ProcessingInstruction)):
            parts.append("&entity;")
        parts.append(child.tail or "")
    return "".join(parts)


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def explain_rng(schema: RngSchema, root: etree._Element, name: str, locator: Locator) -> list[Diagnostic]:
    """Every error of the document against the full grammar, where jing reports them."""
    grammar = schema.grammar()
    walk = _Walk(grammar, Derivatives(grammar.patterns), name, locator)
    walk.document(root)
    walk.check_ids(root)
    return walk.diagnostics


# ================================================================================================
# The layer: a named schema, RELAX NG or XSD
# ================================================================================================


def schema_kind(path: Path) -> str:
    """``rng`` or ``xsd``, from the file's root element (not its name); InputError if neither."""
    return _schema_kind_cached(_file_key(path))


def _root_tag(path: Path) -> str:
    """The root element's name, read without building the whole tree."""
    try:
        return safexml.root_tag(path)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the schema is not well-formed XML: {exc}", path=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read the schema: {exc.strerror or exc}", path=str(path)) from exc


def _kind_of(path: Path) -> str:
    if path.suffix == ".rnc":
        raise InputError(
            "RELAX NG compact syntax (.rnc) is not supported; convert it to .rng with trang", path=str(path)
        )
    tag = _root_tag(path)
    if tag.startswith("{" + RNG_NS + "}"):
        return "rng"
    if tag == f"{{{XSD_NS}}}schema":
        return "xsd"
    raise InputError("not a schema: its root is neither RELAX NG (grammar) nor XML Schema (xs:schema)", path=str(path))


@functools.lru_cache(maxsize=16)
def _schema_kind_cached(key: tuple[str, int, int]) -> str:
    return _kind_of(Path(key[0]))


def check_named_schema(root: etree._Element, name: str, locator: Locator, schema: Path) -> list[Diagnostic]:
    """Diagnostics of ``root`` against a RELAX NG or XSD file; InputError if the schema is unusable."""
    key = _file_key(schema)
    if _schema_kind_cached(key) == "xsd":
        return check_user_xsd(root, name, locator, schema)
    return check_rng(root, name, locator, load_rng(schema))


def check_rng(root: etree._Element, name: str, locator: Locator, schema: RngSchema) -> list[Diagnostic]:
    """Every error of the document against the grammar, with jing's verdict (see the module's docstring)."""
    return explain_rng(schema, root, name, locator)


@functools.lru_cache(maxsize=8)
def _user_xsd(key: tuple[str, int, int]) -> etree.XMLSchema:
    path = Path(key[0])
    try:
        return etree.XMLSchema(etree.parse(str(path), safe_parser()))
    except etree.XMLSchemaParseError as exc:
        raise InputError(f"the XML Schema cannot be compiled: {exc}", path=str(path)) from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XML Schema is not well-formed XML: {exc}", path=str(path)) from exc


_LIBXML_ELEMENT = re.compile(
    r"^Element '(?P<element>[^']+)'(?:, attribute '(?P<attribute>[^']+)')?: (?P<rest>.*)$", re.DOTALL
)
_CLARK = re.compile(r"\{([^}]*)\}([\w.\-]+)")


def check_user_xsd(root: etree._Element, name: str, locator: Locator, schema: Path) -> list[Diagnostic]:
    """A user's XSD, run by libxml2, its messages reworded with positions from the source."""
    compiled = _user_xsd(_file_key(schema))
    if compiled.validate(root.getroottree()):
        return []
    diagnostics = []
    for entry in log_entries(compiled.error_log):
        line = int(entry.line or 0)
        message = str(entry.message).strip()
        match = _LIBXML_ELEMENT.match(message)
        position = (line, 0)
        if match:
            tag = match.group("element")
            element = _element_at(root, tag, line)
            attribute = match.group("attribute")
            if element is not None:
                position = locator.attribute(element, attribute) if attribute else locator.element(element)
            subject = f"'{display_name(tag)}'" + (f" @{display_name(attribute)}" if attribute else "")
            message = f"{subject}: {_readable(match.group('rest'))}"
        diagnostics.append(Diagnostic(name, position[0], position[1], "error", message.rstrip("."), "xsd:invalid"))
    return diagnostics


def _element_at(root: etree._Element, tag: str, line: int) -> etree._Element | None:
    for element in root.iter(tag if "{" in tag or ":" not in tag else None):
        if source_line(element) == line:
            return element
    return None


def _readable(text: str) -> str:
    """libxml2's message with Clark names shown as a person reads them."""
    return _CLARK.sub(lambda m: display_name("{" + m.group(1) + "}" + m.group(2)), " ".join(text.split()))
