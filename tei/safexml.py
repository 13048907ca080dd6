"""The one safe way the toolkit parses XML: untrusted files never leak, fetch, hang or blow up memory.

Why one module: every command reads XML written by someone else (a deposit,
a user's register, a stylesheet's input), and each place that built its own
``XMLParser`` was one more place to get a flag wrong. Every parse goes
through here (``tests/hostile/`` holds the documents that prove it).

What a parse here promises:

- no external entity, external DTD or external parameter entity is ever
  loaded, from the disk or the network (``resolve_entities=False``,
  ``load_dtd=False``, ``no_network=True``, and a resolver that refuses
  anything libxml2 would still ask for);
- a document that declares entities in its DOCTYPE is refused (InputError):
  they would be left unexpanded, so its text would silently be wrong, and
  they are what XXE and entity bombs are made of; libxml2's amplification
  limit stops a bomb before the declaration check even runs;
- XInclude is processed only when asked (:attr:`XmlOptions.xinclude`), and
  then only for regular files inside the including document's real folder
  (never a URL-decoded form of its path), parsed by these same rules, at
  most :data:`MAX_INCLUDE_DEPTH` levels deep and :data:`MAX_INCLUSIONS`
  inclusions in all; ``xi:fallback`` is used for a missing file, ``xpointer``
  is followed for an id or a child sequence and refused otherwise;
- files over :data:`MAX_BYTES`, elements nested deeper than
  :data:`MAX_DEPTH`, text nodes over 10 MB are refused with one line
  (InputError, exit 2) unless :attr:`XmlOptions.huge_tree` is set; only
  regular files are read (:mod:`tei.files`).

Ordinary well-formedness errors stay ``etree.XMLSyntaxError``: each caller
words them for its own readers (validate's diagnostics, convert's one line).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lxml import etree

from tei import files
from tei.errors import InputError

__all__ = [
    "DEFAULT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "XmlOptions",
    "fromstring",
    "limit_error",
    "parse_file",
    "read_bytes",
    "read_stdin",
    "root_tag",
    "safe_parser",
]

#: Largest input accepted without ``huge_tree`` (50 MiB; the largest ELTeC novel is under 3 MB).
MAX_BYTES = files.MAX_BYTES
#: libxml2's nesting limit without XML_PARSE_HUGE (2048 with it).
MAX_DEPTH = 256
HUGE_MAX_DEPTH = 2048
#: How many levels of XInclude may nest.
MAX_INCLUDE_DEPTH = 8
#: How many inclusions one document may make in all (eight files each including the next ten times would be 10**8).
MAX_INCLUSIONS = 1000
#: The largest input even with ``huge_tree`` (4 GiB is beyond what an lxml tree holds sensibly).
HUGE_MAX_BYTES = files.HUGE_MAX_BYTES

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
_HINT_HUGE = "if the file is trusted, use --huge to lift the limits"


@dataclass(frozen=True)
class XmlOptions:
    """How permissive a parse is; the default is the safe one."""

    #: Lift the size, depth and text-node limits (trusted input only).
    huge_tree: bool = False
    #: Process ``xi:include`` (local files in the document's folder only).
    xinclude: bool = False

    @property
    def max_bytes(self) -> int:
        return HUGE_MAX_BYTES if self.huge_tree else MAX_BYTES


DEFAULT = XmlOptions()


class _RefuseExternal(etree.Resolver):
    """Answers every request libxml2 makes for an external resource with nothing."""

    def resolve(self, system_url: str, public_id: str, context: object = None) -> Any:
        resolver: Any = self  # lxml-stubs 0.5 lacks resolve_empty
        return resolver.resolve_empty(context)


def safe_parser(
    *,
    recover: bool = False,
    huge_tree: bool = False,
    collect_ids: bool = True,
    resolver: etree.Resolver | None = None,
) -> etree.XMLParser:
    """A parser that never fetches anything and never expands entities (no XXE, no billion laughs).

    ``resolver`` replaces the one that refuses every external resource: a
    stylesheet's parser passes one that allows ``xsl:import`` inside its folders.
    """
    make: Any = etree.XMLParser  # lxml-stubs 0.5 lacks collect_ids
    parser: etree.XMLParser = make(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=huge_tree,
        recover=recover,
        collect_ids=collect_ids,
        remove_comments=False,
    )
    parser.resolvers.add(resolver if resolver is not None else _RefuseExternal())
    return parser


def _too_big(name: str, size: int, options: XmlOptions) -> InputError:
    hint = None if options.huge_tree else _HINT_HUGE
    return files.too_big(name, size, options.max_bytes, what="XML", hint=hint)


def read_bytes(path: str | Path, options: XmlOptions = DEFAULT) -> bytes:
    """The bytes of an XML file, refused (InputError, exit 2) when special, unreadable or over the size limit."""
    hint = None if options.huge_tree else _HINT_HUGE
    return files.read_regular(
        path, limit=options.max_bytes, what="XML", hint=hint, folder="is a folder; name the XML files in it"
    )


def read_stdin(options: XmlOptions = DEFAULT, *, name: str = "<stdin>") -> bytes:
    """Standard input's bytes, reading no more than the size limit allows."""
    return files.read_stdin(limit=options.max_bytes, what="XML", hint=None if options.huge_tree else _HINT_HUGE)


def limit_error(log: Any, name: str, *, huge_tree: bool = False) -> InputError | None:
    """The one-line InputError for a parse that hit a resource limit (from the parser's error log), else None."""
    hint = "the limit holds even with --huge" if huge_tree else _HINT_HUGE
    for entry in log or ():
        if str(getattr(entry, "type_name", "")) != "ERR_RESOURCE_LIMIT" and "too big" not in str(entry.message):
            continue
        message = str(entry.message)
        line = entry.line if isinstance(entry.line, int) and entry.line > 0 else None
        if "amplification" in message or "entity" in message.lower():
            return InputError(
                "entity expansion over the limit (an entity bomb?); the file is refused: "
                "remove the DOCTYPE's entity declarations",
                path=name,
                line=line,
            )
        if "depth" in message.lower():
            depth = HUGE_MAX_DEPTH if huge_tree else MAX_DEPTH
            return InputError(
                f"elements nested more than {depth} levels deep; the file is refused ({hint})",
                path=name,
                line=line,
            )
        return InputError(
            f"a text, name, attribute or comment is over libxml2's 10 MB limit; the file is refused ({hint})",
            path=name,
            line=line,
        )
    return None


#: libxml2's errors about xml:id values: validity errors, not well-formedness errors.
_ID_ERRORS = frozenset({"DTD_ID_REDEFINED", "DTD_XMLID_VALUE", "DTD_XMLID_TYPE"})


def _only_id_errors(log: Any) -> bool:
    """Whether a failed parse failed only on xml:id values (nothing fatal)."""
    entries = [entry for entry in log or () if entry.level >= etree.ErrorLevels.ERROR]
    return bool(entries) and all(str(entry.type_name) in _ID_ERRORS for entry in entries)


def _check_declarations(tree: etree._ElementTree, name: str) -> None:
    """Refuse a DOCTYPE that declares entities: unexpanded they change the text; expanded they are XXE."""
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    declared: Any = dtd  # lxml-stubs 0.5 lacks iterentities
    iterentities = declared.iterentities
    for entity in iterentities():
        kind = "an external entity" if entity.system_url else "an entity"
        raise InputError(
            f"the DOCTYPE declares {kind} (&{entity.name};); entities are never expanded in untrusted "
            "files: write the text itself and remove the declaration",
            path=name,
        )


def fromstring(
    data: bytes,
    name: str,
    *,
    options: XmlOptions = DEFAULT,
    parser: etree.XMLParser | None = None,
    base_url: str | None = None,
) -> etree._Element:
    """The root of ``data`` parsed safely.

    Raises InputError (exit 2) for a file over a limit or a DOCTYPE with
    entity declarations; ``etree.XMLSyntaxError`` for any other
    well-formedness error (``parser.error_log`` holds the details when a
    parser is given). The root is None only for a ``recover`` parser that
    found no element.
    """
    if len(data) > options.max_bytes:
        raise _too_big(name, len(data), options)
    used = parser if parser is not None else safe_parser(huge_tree=options.huge_tree)
    try:
        root = etree.fromstring(data, used, base_url=base_url) if base_url else etree.fromstring(data, used)
    except etree.XMLSyntaxError as exc:
        refused = limit_error(used.error_log, name, huge_tree=options.huge_tree)
        if refused is not None:
            raise refused from None
        if not _only_id_errors(used.error_log):
            raise exc
        # A duplicate or malformed xml:id is a validity error, which the schema layers report; the
        # document is well-formed, so it is read (and can be converted) all the same.
        lenient = safe_parser(recover=True, huge_tree=options.huge_tree)
        root = etree.fromstring(data, lenient, base_url=base_url) if base_url else etree.fromstring(data, lenient)
    if root is None:  # a recover parser that found no element
        return root  # type: ignore[return-value]
    _check_declarations(root.getroottree(), name)
    if options.xinclude:
        folder = base_folder(base_url)
        _xinclude(root, _Inclusions(folder.resolve(), options), folder, name, 0)
    return root


def base_folder(base_url: str | None) -> Path:
    """The folder of a document from its base: a filesystem path as given, or a ``file:`` URL decoded.

    Why not always URL-decode: a folder may really be named ``..%2F..`` or
    ``%2e%2e``; decoding a path that is not a URL would widen the folder
    XInclude is confined to.
    """
    if not base_url:
        return Path.cwd()
    if base_url.startswith("file:"):
        return Path(unquote(urlparse(base_url).path)).parent
    return Path(base_url).parent


def parse_file(
    path: str | Path, *, options: XmlOptions = DEFAULT, parser: etree.XMLParser | None = None
) -> etree._ElementTree:
    """A file (``-`` for standard input) parsed by :func:`fromstring`'s rules; InputError when unreadable."""
    name = str(path)
    if name == "-":
        data = read_stdin(options)
        return etree.ElementTree(fromstring(data, "<stdin>", options=options, parser=parser))
    data = read_bytes(path, options)
    root = fromstring(data, name, options=options, parser=parser, base_url=str(Path(path).resolve()))
    return root.getroottree()


def root_tag(path: str | Path) -> str:
    """The root element's name (Clark notation), read without building the tree; "" when there is none.

    Raises ``etree.XMLSyntaxError`` or OSError like a parse.
    """
    for _, element in etree.iterparse(
        str(path), events=("start",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    ):
        return str(element.tag)
    return ""


# -- XInclude, confined -------------------------------------------------------------------------


@dataclass
class _Inclusions:
    """What one document's XInclude processing may do, and has done so far."""

    folder: Path
    options: XmlOptions
    count: int = 0
    size: int = 0
    cache: dict[Path, bytes] = field(default_factory=dict)

    def read(self, target: Path, href: str, name: str, line: int | None) -> bytes:
        """The bytes of an included file (read once), counted against the limits on inclusions."""
        self.count += 1
        if self.count > MAX_INCLUSIONS:
            raise InputError(
                f"more than {MAX_INCLUSIONS} XInclude inclusions in one document (an inclusion bomb?); "
                "the document is refused",
                path=name,
                line=line,
            )
        data = self.cache.get(target)
        if data is None:
            try:
                data = read_bytes(target, self.options)
            except InputError as exc:
                raise _ResourceError(f"XInclude of {href!r}: {exc.message}", path=name, line=line) from exc
            self.cache[target] = data
        self.size += len(data)
        if self.size > self.options.max_bytes:
            raise InputError(
                f"the XInclude inclusions add up to more than {files.size_text(self.options.max_bytes)}; "
                "the document is refused" + ("" if self.options.huge_tree else f" ({_HINT_HUGE})"),
                path=name,
                line=line,
            )
        return data


class _ResourceError(InputError):
    """An included file that is missing or cannot be read: ``xi:fallback`` applies."""


def _xinclude(root: etree._Element, state: _Inclusions, here: Path, name: str, depth: int) -> None:
    """Replace each ``xi:include`` with the local file it names; refuse anything outside the document's folder."""
    includes = [element for element in root.iter(f"{{{XINCLUDE_NS}}}include") if not _inside_fallback(element, root)]
    if includes and depth >= MAX_INCLUDE_DEPTH:
        raise InputError(f"XInclude nested more than {MAX_INCLUDE_DEPTH} levels deep (a loop?)", path=name)
    for include in includes:
        line = include.sourceline if isinstance(include.sourceline, int) else None
        try:
            _include_one(include, state, here, name, depth, line)
        except _ResourceError:
            fallback = include.find(f"{{{XINCLUDE_NS}}}fallback")
            if fallback is None:
                raise
            _xinclude(fallback, state, here, name, depth)
            _replace_with_children(include, fallback)


def _inside_fallback(element: etree._Element, root: etree._Element) -> bool:
    """True for an include inside an ``xi:fallback`` below ``root``: it is processed only if the fallback is used."""
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag == f"{{{XINCLUDE_NS}}}fallback":
            return True
        parent = parent.getparent()
    return False


def _include_one(
    include: etree._Element, state: _Inclusions, here: Path, name: str, depth: int, line: int | None
) -> None:
    href = include.get("href") or ""
    xpointer = include.get("xpointer")
    parsed = urlparse(href)
    if not href:
        raise InputError(
            "XInclude without href (an inclusion from the same document) is not supported; include another file",
            path=name,
            line=line,
        )
    if parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
        raise InputError(
            f"XInclude of {href!r} refused: only files in the document's folder may be included",
            path=name,
            line=line,
        )
    target = (here / unquote(parsed.path)).resolve()
    if not target.is_relative_to(state.folder):
        raise InputError(
            f"XInclude of {href!r} refused: it is outside the document's folder {state.folder}", path=name, line=line
        )
    if not target.exists():
        raise _ResourceError(f"XInclude of {href!r}: no such file", path=name, line=line)
    mode = include.get("parse", "xml")
    if mode == "text":
        if xpointer is not None:
            raise InputError("XInclude with parse='text' may not have an xpointer", path=name, line=line)
        content = state.read(target, href, name, line)
        try:
            text = content.decode(include.get("encoding") or "utf-8")
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"XInclude of {href!r}: not readable as text", path=name, line=line) from exc
        _replace_with_text(include, text)
    elif mode == "xml":
        data = state.read(target, href, name, line)
        try:
            included = fromstring(
                data, str(target), options=XmlOptions(state.options.huge_tree, False), base_url=str(target)
            )
        except etree.XMLSyntaxError as exc:
            raise InputError(f"XInclude of {href!r}: not well-formed XML", path=name, line=line) from exc
        _xinclude(included, state, target.parent, str(target), depth + 1)
        if xpointer is not None:
            included = _point(included, xpointer, href, name, line)
        _replace_with_element(include, included)
    else:
        raise InputError(f"XInclude parse={mode!r} is neither xml nor text", path=name, line=line)


_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_ELEMENT_SCHEME = re.compile(r"^element\(([A-Za-z_][\w.\-]*)?((?:/[1-9][0-9]*)*)\)$")


def _point(root: etree._Element, xpointer: str, href: str, name: str, line: int | None) -> etree._Element:
    """The element an ``xpointer`` names: a bare ``id``, or ``element(id/1/2)`` / ``element(/1/2)``.

    Other XPointer schemes (``xpointer(...)``, ``xmlns(...)``) are refused:
    a pointer the toolkit cannot follow must not silently include the whole file.
    """
    pointer = xpointer.strip()
    start: etree._Element | None
    steps: list[int] = []
    shorthand = _NCNAME.match(pointer)
    scheme = _ELEMENT_SCHEME.match(pointer)
    if shorthand:
        start = _by_id(root, pointer)
    elif scheme and (scheme.group(1) or scheme.group(2)):
        steps = [int(step) for step in scheme.group(2).split("/") if step]
        identifier = scheme.group(1)
        start = _by_id(root, identifier) if identifier else (root if steps.pop(0) == 1 else None)
    else:
        raise InputError(
            f"XInclude xpointer {xpointer!r} is not supported: use an xml:id, element(id) or element(/1/2)",
            path=name,
            line=line,
        )
    for step in steps:
        children = [child for child in start if isinstance(child.tag, str)] if start is not None else []
        start = children[step - 1] if step <= len(children) else None
    if start is None:
        raise InputError(f"XInclude xpointer {xpointer!r} finds nothing in {href!r}", path=name, line=line)
    return start


def _by_id(root: etree._Element, identifier: str) -> etree._Element | None:
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    for element in root.iter():
        if isinstance(element.tag, str) and element.get(xml_id) == identifier:
            return element
    return None


def _replace_with_text(include: etree._Element, text: str) -> None:
    parent = include.getparent()
    if parent is None:
        raise InputError("the root element cannot be an XInclude of text")
    addition = text + (include.tail or "")
    previous = include.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + addition
    else:
        parent.text = (parent.text or "") + addition
    parent.remove(include)


def _replace_with_element(include: etree._Element, included: etree._Element) -> None:
    parent = include.getparent()
    if parent is None:
        raise InputError("the root element cannot be an XInclude")
    if included.getparent() is not None:  # an element an xpointer picked: detach it with its own content only
        included = copy.deepcopy(included)
    included.tail = include.tail
    parent.replace(include, included)


def _replace_with_children(include: etree._Element, fallback: etree._Element) -> None:
    """Put a fallback's content (text and elements) where its include was."""
    parent = include.getparent()
    if parent is None:
        raise InputError("the root element cannot be an XInclude")
    position = parent.index(include)
    previous = include.getprevious()
    lead = fallback.text or ""
    if lead:
        if previous is not None:
            previous.tail = (previous.tail or "") + lead
        else:
            parent.text = (parent.text or "") + lead
    children = list(fallback)
    tail = include.tail or ""
    parent.remove(include)
    for offset, child in enumerate(children):
        parent.insert(position + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif tail:
        before = parent[position - 1] if position > 0 else None
        if before is not None:
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
