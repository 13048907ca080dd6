"""Loading a RELAX NG schema: its files, its syntax (section 3) and its simplification (section 4).

The whole schema is read and checked before any document: every file it
includes or refers to (only local regular files, each once per chain — a
loop is an error, not a stack overflow), every element and attribute of the
RELAX NG vocabulary against the syntax of section 3, every datatype and
parameter against its library, every ``ref`` against a ``define``. Then the
rules of section 4 turn it into the simplified :class:`Grammar` (``mixed``,
``optional``, ``zeroOrMore`` rewritten; ``include`` overrides and
``combine`` applied; nested grammars flattened; non-element defines
expanded, a reference cycle that no element breaks refused; ``notAllowed``
and ``empty`` propagated). An incorrect schema raises :class:`SchemaError`
with the file, line and rule; :mod:`restrictions` then applies section 7.

The rules are implemented directly on the lxml trees rather than by
rewriting XML, which keeps the load of tei_all near 0.5 s.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from tei import safexml
from tei.errors import InputError
from tei.validate.rng.datatypes import (
    BUILTIN,
    Context,
    DatatypeError,
    make_datatype,
    value_of,
)
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
    Grammar,
    NameClass,
)
from tei.validate.rng.names import is_ncname
from tei.validate.schemafiles import read_schema_file

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XMLNS_NS = "http://www.w3.org/2000/xmlns"
_RNG = "{" + RNG_NS + "}"
#: How many files a schema may consist of (tei_all is one; a hostile schema could name thousands).
MAX_FILES = 1000

Where = tuple[str, int]


class SchemaError(Exception):
    """An incorrect schema: what rule it breaks, in which file, at which line."""

    def __init__(self, message: str, where: Where | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = where[0] if where else ""
        self.line = where[1] if where else 0

    def to_input_error(self) -> InputError:
        return InputError(f"incorrect RELAX NG schema: {self.message}", path=self.path or None, line=self.line or None)


# -- the schema before simplification -----------------------------------------------------------------


class _Scope:
    """One ``grammar`` element: its defines (``None`` names the start) and the grammar around it."""

    def __init__(self, parent: _Scope | None, where: Where) -> None:
        self.parent = parent
        self.where = where
        self.defines: dict[str | None, list[tuple[str | None, _Raw, Where]]] = {}


@dataclass(eq=False)
class _Raw:
    """A pattern as written (after section 4.1–4.15), before references are resolved."""

    kind: str
    a: Any = None
    b: Any = None
    where: Where = ("", 0)


@dataclass(frozen=True)
class _Ctx:
    """What an element inherits: its file and base URI, ``ns``, ``datatypeLibrary``, its grammar."""

    path: Path
    base: str
    ns: str = ""
    library: str = BUILTIN
    scope: _Scope | None = None


_ATTRIBUTES: dict[str, frozenset[str]] = {
    kind: frozenset(names)
    for kind, names in {
        "element": {"name"},
        "attribute": {"name"},
        "group": set(),
        "interleave": set(),
        "choice": set(),
        "optional": set(),
        "zeroOrMore": set(),
        "oneOrMore": set(),
        "list": set(),
        "mixed": set(),
        "ref": {"name"},
        "parentRef": {"name"},
        "empty": set(),
        "text": set(),
        "value": {"type"},
        "data": {"type"},
        "notAllowed": set(),
        "externalRef": {"href"},
        "grammar": set(),
        "param": {"name"},
        "except": set(),
        "div": set(),
        "include": {"href"},
        "start": {"combine"},
        "define": {"name", "combine"},
        "name": set(),
        "anyName": set(),
        "nsName": set(),
    }.items()
}
_TEXT_CONTENT = frozenset({"value", "param", "name"})
_NAME_CLASSES = frozenset({"name", "anyName", "nsName", "choice"})


def _local(element: etree._Element) -> str | None:
    """The local name of a RELAX NG element; None for anything else."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith(_RNG):
        return tag[len(_RNG) :]
    return None


@contextmanager
def _deep_recursion(limit: int = 20_000) -> Iterator[None]:
    """Room for deeply nested schemas (Python 3.11 keeps Python frames off the C stack)."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


# -- loading ------------------------------------------------------------------------------------------


@dataclass
class LoadedSchema:
    """A checked, simplified schema and the files it was read from (with their bytes' hashes)."""

    grammar: Grammar
    files: dict[str, str] = field(default_factory=dict)
    where: dict[int, Where] = field(default_factory=dict)


class Loader:
    """Reads one schema (all its files) into a simplified grammar; one instance per load."""

    def __init__(self, main: Path) -> None:
        self.main = main.resolve()
        self.files: dict[str, bytes] = {}
        self.stack: list[Path] = []
        self.grammar = Grammar()
        self.where: dict[int, Where] = {}
        self.scopes: list[_Scope] = []
        self.references: list[_Raw] = []

    # -- files --

    def _read(self, path: Path, where: Where | None) -> etree._Element:
        if len(self.files) >= MAX_FILES and str(path) not in self.files:
            raise SchemaError(f"the schema consists of more than {MAX_FILES} files", where)
        try:
            data = self.files.get(str(path))
            if data is None:
                data = read_schema_file(path)
                self.files[str(path)] = data
        except InputError as exc:
            if where is None:
                raise
            raise SchemaError(f"cannot read {path}: {exc.message}", where) from exc
        try:
            root = safexml.fromstring(data, str(path), parser=safexml.safe_parser(), base_url=path.as_uri())
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if isinstance(exc.lineno, int) else 0
            raise SchemaError(f"not well-formed XML: {exc.msg}", (str(path), line)) from exc
        except InputError as exc:
            raise SchemaError(exc.message, (str(path), exc.line or 0)) from exc
        if root is None:
            raise SchemaError("the file holds no element", (str(path), 1))
        return root

    @contextmanager
    def _entering(self, path: Path, where: Where) -> Iterator[None]:
        if path in self.stack:
            chain = " -> ".join(p.name for p in [*self.stack[self.stack.index(path) :], path])
            raise SchemaError(f"the schema includes itself in a loop ({chain})", where)
        self.stack.append(path)
        try:
            yield
        finally:
            self.stack.pop()

    def _href(self, element: etree._Element, ctx: _Ctx) -> Path:
        where = self._where(element, ctx)
        href = element.get("href")
        if href is None:
            raise SchemaError(f"<{_local(element)}> needs an href attribute", where)
        if "#" in href:
            raise SchemaError(f"href {href!r} has a fragment identifier, which RELAX NG does not allow", where)
        target = urljoin(ctx.base, href.strip())
        parsed = urlparse(target)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            raise SchemaError(f"href {href!r} is not a local file; only local files can be included", where)
        return Path(unquote(parsed.path)).resolve()

    # -- entry --

    def load(self) -> LoadedSchema:
        try:
            with _deep_recursion():
                root = self._read(self.main, None)
                ctx = _Ctx(self.main, self.main.as_uri())
                if _local(root) is None:
                    raise SchemaError(
                        "not a RELAX NG schema in XML syntax: its root is not in the RELAX NG namespace",
                        (str(self.main), _line(root)),
                    )
                with self._entering(self.main, (str(self.main), 0)):
                    top = self._pattern(root, ctx)
                _Expander(self).run(top)
        except RecursionError:
            raise SchemaError(
                "the schema nests patterns or definitions too deeply to be followed", (str(self.main), 0)
            ) from None
        import hashlib

        hashes = {path: hashlib.sha256(data).hexdigest() for path, data in self.files.items()}
        return LoadedSchema(self.grammar, hashes, self.where)

    # -- syntax --

    def _where(self, element: etree._Element, ctx: _Ctx) -> Where:
        return (str(ctx.path), _line(element))

    def _enter(self, element: etree._Element, ctx: _Ctx, kind: str) -> _Ctx:
        """Check the element's attributes (section 3) and return what its content inherits."""
        allowed = _ATTRIBUTES.get(kind)
        where = self._where(element, ctx)
        if allowed is None:
            raise SchemaError(f"<{kind}> is not a RELAX NG element", where)
        changes: dict[str, Any] = {}
        for key, raw in element.attrib.items():
            name, value = str(key), str(raw)
            if name.startswith("{"):
                namespace = name[1:].split("}", 1)[0]
                if namespace == RNG_NS:
                    raise SchemaError(f"attributes in the RELAX NG namespace are not allowed ({name})", where)
                if namespace == XML_NS and name.endswith("}base"):
                    changes["base"] = urljoin(ctx.base, value)
                continue
            if name == "ns":
                changes["ns"] = value
            elif name == "datatypeLibrary":
                changes["library"] = self._library(value, where)
            elif name not in allowed:
                raise SchemaError(f"<{kind}> has no attribute {name!r}", where)
        if kind in ("define", "start"):
            combine = element.get("combine")
            if combine is not None and combine.strip() not in ("choice", "interleave"):
                raise SchemaError(f"combine must be choice or interleave, not {combine!r}", where)
        return replace(ctx, **changes) if changes else ctx

    @staticmethod
    def _library(value: str, where: Where) -> str:
        if value == "":
            return value
        scheme, colon, rest = value.partition(":")
        if not colon or not rest or re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", scheme) is None:
            raise SchemaError(f"datatypeLibrary {value!r} is not an absolute URI", where)
        if "#" in value:
            raise SchemaError(f"datatypeLibrary {value!r} has a fragment identifier", where)
        if re.search(r"%(?![0-9A-Fa-f]{2})|[\s<>\"{}|\\^`]", value):
            raise SchemaError(f"datatypeLibrary {value!r} is not a valid URI", where)
        return value

    def _children(self, element: etree._Element, ctx: _Ctx, kind: str) -> list[etree._Element]:
        """The RELAX NG child elements; foreign elements are annotations, other text is an error."""
        where = self._where(element, ctx)
        if kind not in _TEXT_CONTENT and (element.text or "").strip():
            raise SchemaError(f"text is not allowed inside <{kind}>", where)
        found: list[etree._Element] = []
        for child in element:
            if kind not in _TEXT_CONTENT and (child.tail or "").strip():
                raise SchemaError(f"text is not allowed inside <{kind}>", where)
            if not isinstance(child.tag, str):
                continue
            if kind in _TEXT_CONTENT:
                raise SchemaError(f"<{kind}> holds text only, not elements", self._where(child, ctx))
            if _local(child) is not None:
                found.append(child)
        return found

    def _ncname(self, element: etree._Element, ctx: _Ctx, attribute: str = "name") -> str:
        value = element.get(attribute)
        where = self._where(element, ctx)
        if value is None:
            raise SchemaError(f"<{_local(element)}> needs a {attribute} attribute", where)
        value = value.strip()
        if not is_ncname(value):
            raise SchemaError(f"{attribute} {value!r} is not an XML name without a colon", where)
        return value

    def _qname(self, text: str, element: etree._Element, default_ns: str, where: Where) -> tuple[str, str]:
        text = text.strip()
        if ":" in text:
            prefix, local = text.split(":", 1)
            if not is_ncname(prefix) or not is_ncname(local):
                raise SchemaError(f"{text!r} is not a qualified name", where)
            if prefix == "xml":
                return XML_NS, local
            namespace = (element.nsmap or {}).get(prefix)
            if namespace is None:
                raise SchemaError(f"the prefix {prefix!r} of {text!r} is not declared", where)
            return namespace, local
        if not is_ncname(text):
            raise SchemaError(f"{text!r} is not an XML name", where)
        return default_ns, text

    # -- patterns --

    def _pattern(self, element: etree._Element, ctx: _Ctx) -> _Raw:
        kind = _local(element) or ""
        where = self._where(element, ctx)
        if kind in ("define", "start", "div", "include", "param", "except", "name", "anyName", "nsName"):
            raise SchemaError(f"<{kind}> is not allowed where a pattern is expected", where)
        ctx = self._enter(element, ctx, kind)
        children = self._children(element, ctx, kind)
        if kind == "element":
            return self._element(element, ctx, children, where)
        if kind == "attribute":
            return self._attribute(element, ctx, children, where)
        if kind in ("group", "interleave", "choice"):
            patterns = self._patterns(children, ctx, kind, where)
            result = patterns[0]
            for pattern in patterns[1:]:
                result = _Raw(kind, result, pattern, where)
            return result
        if kind in ("optional", "zeroOrMore", "oneOrMore", "list", "mixed"):
            inner = self._group(self._patterns(children, ctx, kind, where), where)
            if kind == "optional":
                return _Raw(CHOICE, inner, _Raw(EMPTY, where=where), where)
            if kind == "zeroOrMore":
                return _Raw(CHOICE, _Raw(ONE_OR_MORE, inner, where=where), _Raw(EMPTY, where=where), where)
            if kind == "mixed":
                return _Raw(INTERLEAVE, inner, _Raw(TEXT, where=where), where)
            return _Raw(ONE_OR_MORE if kind == "oneOrMore" else LIST, inner, where=where)
        if kind in ("empty", "text", "notAllowed"):
            if children:
                raise SchemaError(f"<{kind}/> must be empty", where)
            return _Raw(kind, where=where)
        if kind in ("ref", "parentRef"):
            if children:
                raise SchemaError(f"<{kind}> must be empty", where)
            name = self._ncname(element, ctx)
            scope = ctx.scope
            if kind == "parentRef":
                scope = scope.parent if scope is not None else None
                if scope is None:
                    raise SchemaError(f"<parentRef name={name!r}> is not inside a nested grammar", where)
            elif scope is None:
                raise SchemaError(f"<ref name={name!r}> is not inside a grammar", where)
            reference = _Raw("refname", name, scope, where)
            self.references.append(reference)
            return reference
        if kind == "value":
            return self._value(element, ctx, where)
        if kind == "data":
            return self._data(element, ctx, children, where)
        if kind == "externalRef":
            if children:
                raise SchemaError("<externalRef> must be empty", where)
            target = self._href(element, ctx)
            with self._entering(target, where):
                root = self._read(target, where)
                if _local(root) is None:
                    raise SchemaError(f"{target.name} is not a RELAX NG schema", where)
                return self._pattern(root, replace(ctx, path=target, base=target.as_uri(), library=BUILTIN))
        if kind == "grammar":
            return self._grammar(element, ctx, where)
        raise SchemaError(f"<{kind}> is not a RELAX NG pattern", where)

    def _patterns(self, children: list[etree._Element], ctx: _Ctx, kind: str, where: Where) -> list[_Raw]:
        if not children:
            raise SchemaError(f"<{kind}> must contain at least one pattern", where)
        return [self._pattern(child, ctx) for child in children]

    @staticmethod
    def _group(patterns: list[_Raw], where: Where) -> _Raw:
        result = patterns[0]
        for pattern in patterns[1:]:
            result = _Raw(GROUP, result, pattern, where)
        return result

    def _element(self, element: etree._Element, ctx: _Ctx, children: list[etree._Element], where: Where) -> _Raw:
        name = element.get("name")
        if name is not None:
            name_class = NameClass("name", *self._qname(name, element, ctx.ns, where))
        else:
            if not children:
                raise SchemaError("<element> needs a name attribute or a name class", where)
            name_class = self._name_class(children[0], ctx, None)
            children = children[1:]
        if not children:
            raise SchemaError("<element> must contain a pattern (use <empty/> for no content)", where)
        content = self._group([self._pattern(child, ctx) for child in children], where)
        return _Raw("element", name_class, content, where)

    def _attribute(self, element: etree._Element, ctx: _Ctx, children: list[etree._Element], where: Where) -> _Raw:
        name = element.get("name")
        if name is not None:
            own_ns = element.get("ns", "")
            name_class = NameClass("name", *self._qname(name, element, own_ns, where))
        else:
            if not children:
                raise SchemaError("<attribute> needs a name attribute or a name class", where)
            name_class = self._name_class(children[0], ctx, None)
            children = children[1:]
        _check_attribute_name(name_class, where)
        if len(children) > 1:
            raise SchemaError("<attribute> may contain at most one pattern", where)
        content = self._pattern(children[0], ctx) if children else _Raw(TEXT, where=where)
        return _Raw(ATTRIBUTE, name_class, content, where)

    def _name_class(self, element: etree._Element, ctx: _Ctx, inside: str | None) -> NameClass:
        kind = _local(element) or ""
        where = self._where(element, ctx)
        if kind not in _NAME_CLASSES:
            raise SchemaError(f"<{kind or element.tag}> is not a name class (name, anyName, nsName, choice)", where)
        ctx = self._enter(element, ctx, kind)
        children = self._children(element, ctx, kind)
        if kind == "name":
            return NameClass("name", *self._qname(element.text or "", element, ctx.ns, where))
        if kind == "choice":
            if not children:
                raise SchemaError("<choice> must contain at least one name class", where)
            classes = [self._name_class(child, ctx, inside) for child in children]
            result = classes[0]
            for other in classes[1:]:
                result = NameClass("choice", alternatives=(result, other))
            return result
        if inside == "anyName" and kind == "anyName":
            raise SchemaError("an <except> of <anyName> may not contain <anyName>", where)
        if inside == "nsName" and kind in ("anyName", "nsName"):
            raise SchemaError(f"an <except> of <nsName> may not contain <{kind}>", where)
        excepted = None
        if children:
            if len(children) > 1 or _local(children[0]) != "except":
                raise SchemaError(f"<{kind}> may contain only one <except>", where)
            except_element = children[0]
            except_ctx = self._enter(except_element, ctx, "except")
            members = self._children(except_element, except_ctx, "except")
            if not members:
                raise SchemaError("<except> must contain at least one name class", self._where(except_element, ctx))
            context = kind if inside is None else ("nsName" if inside == "nsName" or kind == "nsName" else inside)
            classes = [self._name_class(member, except_ctx, context) for member in members]
            excepted = classes[0]
            for other in classes[1:]:
                excepted = NameClass("choice", alternatives=(excepted, other))
        if kind == "anyName":
            return NameClass("any", excepted=excepted)
        return NameClass("ns", ctx.ns, excepted=excepted)

    def _datatype_context(self, element: etree._Element, ctx: _Ctx) -> tuple[tuple[str, str], ...]:
        prefixes = [(prefix, uri) for prefix, uri in (element.nsmap or {}).items() if prefix]
        prefixes.append(("", ctx.ns))
        return tuple(sorted(prefixes))

    def _value(self, element: etree._Element, ctx: _Ctx, where: Where) -> _Raw:
        type_name = element.get("type")
        if type_name is None:
            library, name = BUILTIN, "token"
        else:
            library, name = ctx.library, self._ncname(element, ctx, "type")
        text = element.text or ""
        context = Context(self._datatype_context(element, ctx))
        try:
            datatype = make_datatype(library, name, [], context)
            value_of(datatype, text, context)
        except DatatypeError as exc:
            raise SchemaError(str(exc), where) from exc
        spec = DatatypeSpec(library, name, (), context.prefixes if datatype.context_dependent else ())
        return _Raw(VALUE, spec, text, where)

    def _data(self, element: etree._Element, ctx: _Ctx, children: list[etree._Element], where: Where) -> _Raw:
        name = self._ncname(element, ctx, "type")
        params: list[tuple[str, str]] = []
        excepted: _Raw | None = None
        for index, child in enumerate(children):
            kind = _local(child)
            child_where = self._where(child, ctx)
            if kind == "param":
                if excepted is not None:
                    raise SchemaError("<param> must come before <except> in <data>", child_where)
                param_ctx = self._enter(child, ctx, "param")
                self._children(child, param_ctx, "param")
                params.append((self._ncname(child, param_ctx), child.text or ""))
            elif kind == "except":
                if index != len(children) - 1:
                    raise SchemaError("<data> may contain only one <except>, after its parameters", child_where)
                except_ctx = self._enter(child, ctx, "except")
                members = self._children(child, except_ctx, "except")
                patterns = self._patterns(members, except_ctx, "except", child_where)
                excepted = patterns[0]
                for pattern in patterns[1:]:
                    excepted = _Raw(CHOICE, excepted, pattern, child_where)
            else:
                raise SchemaError(f"<{kind}> is not allowed in <data>", child_where)
        context = Context(self._datatype_context(element, ctx))
        try:
            datatype = make_datatype(ctx.library, name, params, context)
        except DatatypeError as exc:
            raise SchemaError(str(exc), where) from exc
        spec = DatatypeSpec(ctx.library, name, tuple(params), context.prefixes if datatype.context_dependent else ())
        return _Raw(DATA, spec, excepted, where)

    # -- grammars --

    def _grammar(self, element: etree._Element, ctx: _Ctx, where: Where) -> _Raw:
        scope = _Scope(ctx.scope, where)
        self.scopes.append(scope)
        inner = replace(ctx, scope=scope)
        self._components(element, inner, "grammar", frozenset(), include_allowed=True)
        if None not in scope.defines:
            raise SchemaError("the grammar has no <start>", where)
        return _Raw("refname", None, scope, where)

    def _components(
        self,
        container: etree._Element,
        ctx: _Ctx,
        kind: str,
        overridden: frozenset[str | None],
        *,
        include_allowed: bool,
    ) -> set[str | None]:
        """Record the defines and starts of a grammar (or div, or include); return the names it has."""
        scope = ctx.scope
        assert scope is not None
        defined: set[str | None] = set()
        for child in self._children(container, ctx, kind):
            child_kind = _local(child) or ""
            where = self._where(child, ctx)
            if child_kind not in ("start", "define", "div", "include") or (
                child_kind == "include" and not include_allowed
            ):
                raise SchemaError(f"<{child_kind}> is not allowed in a <{kind}>", where)
            child_ctx = self._enter(child, ctx, child_kind)
            if child_kind in ("start", "define"):
                name = None if child_kind == "start" else self._ncname(child, child_ctx)
                patterns = self._children(child, child_ctx, child_kind)
                if child_kind == "start" and len(patterns) != 1:
                    raise SchemaError("<start> must contain exactly one pattern", where)
                defined.add(name)
                if name in overridden:
                    continue
                content = self._group(self._patterns(patterns, child_ctx, child_kind, where), where)
                combine = child.get("combine")
                scope.defines.setdefault(name, []).append((combine.strip() if combine else None, content, where))
            elif child_kind == "div":
                defined |= self._components(child, child_ctx, "div", overridden, include_allowed=include_allowed)
            else:
                defined |= self._include(child, child_ctx, overridden, where)
        return defined

    def _include(
        self, element: etree._Element, ctx: _Ctx, overridden: frozenset[str | None], where: Where
    ) -> set[str | None]:
        own = _component_names(element)
        target = self._href(element, ctx)
        with self._entering(target, where):
            root = self._read(target, where)
            if _local(root) != "grammar":
                raise SchemaError(f"{target.name}, named by <include>, is not a <grammar>", where)
            file_ctx = replace(ctx, path=target, base=target.as_uri(), library=BUILTIN)
            root_ctx = self._enter(root, file_ctx, "grammar")
            included = self._components(root, root_ctx, "grammar", overridden | own, include_allowed=True)
        for name in sorted(own - included, key=lambda n: n or ""):
            what = "a <start>" if name is None else f"a define {name!r}"
            raise SchemaError(f"<include> overrides {what} that {target.name} does not have", where)
        return included | self._components(element, ctx, "include", overridden, include_allowed=False)


def _component_names(element: etree._Element) -> frozenset[str | None]:
    """The start (None) and define names among an element's components (looking into div)."""
    names: set[str | None] = set()
    for child in element:
        kind = _local(child)
        if kind == "start":
            names.add(None)
        elif kind == "define":
            names.add((child.get("name") or "").strip())
        elif kind == "div":
            names |= _component_names(child)
    return frozenset(names)


def _check_attribute_name(name_class: NameClass, where: Where) -> None:
    """Section 4.16: an attribute may not be named xmlns, nor be in the xmlns namespace."""
    if name_class.kind == "name":
        if name_class.namespace == "" and name_class.local == "xmlns":
            raise SchemaError("an attribute may not be named xmlns", where)
        if name_class.namespace == XMLNS_NS:
            raise SchemaError(f"an attribute may not be in the namespace {XMLNS_NS}", where)
    elif name_class.kind == "ns" and name_class.namespace == XMLNS_NS:
        raise SchemaError(f"an attribute may not be in the namespace {XMLNS_NS}", where)
    for part in (*name_class.alternatives, *([name_class.excepted] if name_class.excepted else [])):
        _check_attribute_name(part, where)


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 0


# -- sections 4.17–4.21: combine, flatten, expand -------------------------------------------------------------


class _Expander:
    """Resolves references into the simplified grammar: element defines, everything else expanded."""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader
        self.grammar = loader.grammar
        self.where = loader.where
        self.elements: dict[int, int] = {}  # id(raw element) -> element index
        self.pending: list[tuple[_Raw, int]] = []
        self.defines: dict[tuple[int, str | None], int] = {}
        self.expanding: set[tuple[int, str | None]] = set()
        self.combined: dict[tuple[int, str | None], _Raw] = {}

    def run(self, top: _Raw) -> None:
        # Sections 4.17 and 4.18 hold for every define and ref, reachable or not.
        for scope in self.loader.scopes:
            for name in scope.defines:
                self.combine(scope, name, scope.where)
        for reference in self.loader.references:
            self.combine(reference.b, reference.a, reference.where)
        self.grammar.start = self.expand(top)
        while self.pending:
            raw, index = self.pending.pop()
            content = self.expand(raw.b)
            self.grammar.elements[index] = (raw.a, content)
        self.loader.grammar, self.loader.where = _reachable(self.grammar, self.where)

    def add(self, kind: str, a: Any, b: Any, where: Where) -> int:
        row = self.grammar.add(kind, a, b)
        self.where.setdefault(row, where)
        return row

    def kind(self, row: int) -> str:
        return self.grammar.rows[row][0]

    def expand(self, raw: _Raw) -> int:
        kind = raw.kind
        where = raw.where
        if kind == "refname":
            return self.reference(raw.b, raw.a, where)
        if kind == "element":
            index = self.elements.get(id(raw))
            if index is None:
                index = len(self.grammar.elements)
                self.grammar.elements.append((raw.a, -1))
                self.elements[id(raw)] = index
                self.pending.append((raw, index))
            return self.add(REF, index, None, where)
        if kind in (EMPTY, NOT_ALLOWED, TEXT):
            return self.add(kind, None, None, where)
        if kind == VALUE:
            return self.add(VALUE, raw.a, raw.b, where)
        if kind == DATA:
            excepted = self.expand(raw.b) if raw.b is not None else None
            if excepted is not None and self.kind(excepted) == NOT_ALLOWED:
                excepted = None
            return self.add(DATA, raw.a, excepted, where)
        if kind == ATTRIBUTE:
            content = self.expand(raw.b)
            if self.kind(content) == NOT_ALLOWED:
                return content
            return self.add(ATTRIBUTE, raw.a, content, where)
        if kind in (ONE_OR_MORE, LIST):
            inner = self.expand(raw.a)
            inner_kind = self.kind(inner)
            if inner_kind == NOT_ALLOWED or (kind == ONE_OR_MORE and inner_kind == EMPTY):
                return inner
            return self.add(kind, inner, None, where)
        first, second = self.expand(raw.a), self.expand(raw.b)
        return self.binary(kind, first, second, where)

    def binary(self, kind: str, first: int, second: int, where: Where) -> int:
        """Sections 4.20 and 4.21: notAllowed and empty propagate."""
        first_kind, second_kind = self.kind(first), self.kind(second)
        if kind == CHOICE:
            if first_kind == NOT_ALLOWED:
                return second
            if second_kind == NOT_ALLOWED:
                return first
            if first_kind == EMPTY and second_kind == EMPTY:
                return first
            if second_kind == EMPTY:
                first, second = second, first
            return self.add(CHOICE, first, second, where)
        if NOT_ALLOWED in (first_kind, second_kind):
            return self.add(NOT_ALLOWED, None, None, where)
        if first_kind == EMPTY:
            return second
        if second_kind == EMPTY:
            return first
        return self.add(kind, first, second, where)

    def reference(self, scope: _Scope, name: str | None, where: Where) -> int:
        key = (id(scope), name)
        found = self.defines.get(key)
        if found is not None:
            return found
        if key in self.expanding:
            label = "the start" if name is None else f"define {name!r}"
            raise SchemaError(f"{label} refers to itself without an <element> in between", where)
        self.expanding.add(key)
        row = self.expand(self.combine(scope, name, where))
        self.expanding.discard(key)
        self.defines[key] = row
        return row

    def combine(self, scope: _Scope, name: str | None, where: Where) -> _Raw:
        """Section 4.17: the defines (or starts) of one name, combined."""
        key = (id(scope), name)
        found = self.combined.get(key)
        if found is not None:
            return found
        entries = scope.defines.get(name)
        if not entries:
            raise SchemaError(f"<ref> to {name!r}, which the grammar does not define", where)
        plain = [entry for entry in entries if entry[0] is None]
        label = "<start>" if name is None else f"define {name!r}"
        if len(plain) > 1:
            raise SchemaError(f"{label} is given twice without a combine attribute", plain[1][2])
        methods = {entry[0] for entry in entries if entry[0] is not None}
        if len(methods) > 1:
            raise SchemaError(f"{label} is combined both by choice and by interleave", entries[-1][2])
        method = methods.pop() if methods else CHOICE
        result = entries[0][1]
        for _, content, entry_where in entries[1:]:
            result = _Raw(method, result, content, entry_where)
        self.combined[key] = result
        return result


def _reachable(grammar: Grammar, where: dict[int, Where]) -> tuple[Grammar, dict[int, Where]]:
    """Only what the start reaches (section 4.19 after 4.20: notAllowed may have cut elements off)."""
    rows = grammar.rows
    reached_rows: set[int] = set()
    reached_elements: list[int] = []
    seen_elements: set[int] = set()
    stack = [grammar.start]
    while stack:
        row = stack.pop()
        if row in reached_rows:
            continue
        reached_rows.add(row)
        kind, a, b = rows[row]
        if kind == REF:
            if a not in seen_elements:
                seen_elements.add(a)
                reached_elements.append(a)
                stack.append(grammar.elements[a][1])
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            stack.extend((a, b))
        elif kind in (ONE_OR_MORE, LIST):
            stack.append(a)
        elif kind == ATTRIBUTE or (kind == DATA and b is not None):
            stack.append(b)
    element_numbers = {old: new for new, old in enumerate(sorted(reached_elements))}
    compact = Grammar()
    row_numbers: dict[int, int] = {}
    compact_where: dict[int, Where] = {}
    for old in sorted(reached_rows):
        kind, a, b = rows[old]
        if kind == REF:
            a = element_numbers[a]
        elif kind in (CHOICE, GROUP, INTERLEAVE):
            a, b = row_numbers[a], row_numbers[b]
        elif kind in (ONE_OR_MORE, LIST):
            a = row_numbers[a]
        elif kind == ATTRIBUTE or (kind == DATA and b is not None):
            b = row_numbers[b]
        new = compact.add(kind, a, b)
        row_numbers[old] = new
        if old in where:
            compact_where.setdefault(new, where[old])
    compact.start = row_numbers[grammar.start]
    compact.elements = [
        (grammar.elements[old][0], row_numbers[grammar.elements[old][1]]) for old in sorted(reached_elements)
    ]
    return compact, compact_where


def load(path: Path) -> LoadedSchema:
    """The checked, simplified grammar of the schema at ``path`` (section 7 not yet applied)."""
    return Loader(path).load()
