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
  then only for files inside the including document's folder, parsed by
  these same rules, at most :data:`MAX_INCLUDE_DEPTH` levels deep;
- files over :data:`MAX_BYTES`, elements nested deeper than
  :data:`MAX_DEPTH`, text nodes over 10 MB are refused with one line
  (InputError, exit 2) unless :attr:`XmlOptions.huge_tree` is set.

Ordinary well-formedness errors stay ``etree.XMLSyntaxError``: each caller
words them for its own readers (validate's diagnostics, convert's one line).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lxml import etree

from tei.errors import InputError, read_error

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
MAX_BYTES = 50 * 1024 * 1024
#: libxml2's nesting limit without XML_PARSE_HUGE (2048 with it).
MAX_DEPTH = 256
HUGE_MAX_DEPTH = 2048
#: How many levels of XInclude may nest.
MAX_INCLUDE_DEPTH = 8
#: The largest input even with ``huge_tree`` (4 GiB is beyond what an lxml tree holds sensibly).
HUGE_MAX_BYTES = 4 * 1024 * 1024 * 1024

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


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def _too_big(name: str, size: int, options: XmlOptions) -> InputError:
    if options.huge_tree:
        return InputError(f"the file is {_size(size)}, over the limit of {_size(options.max_bytes)}", path=name)
    return InputError(
        f"the file is {_size(size)}, over the limit of {_size(options.max_bytes)} for XML; {_HINT_HUGE}", path=name
    )


def read_bytes(path: str | Path, options: XmlOptions = DEFAULT) -> bytes:
    """The bytes of an XML file, refused (InputError, exit 2) when unreadable or over the size limit."""
    target = Path(path)
    name = str(path)
    try:
        size = target.stat().st_size
        if target.is_file() and size > options.max_bytes:
            raise _too_big(name, size, options)
        return target.read_bytes()
    except OSError as exc:
        raise read_error(exc, name, folder="is a folder; name the XML files in it") from exc


def read_stdin(options: XmlOptions = DEFAULT, *, name: str = "<stdin>") -> bytes:
    """Standard input's bytes, reading no more than the size limit allows."""
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(
            f"standard input is over the limit of {_size(options.max_bytes)} for XML"
            + ("" if options.huge_tree else f"; {_HINT_HUGE}"),
            path=name,
        )
    return data


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
        folder = Path(unquote(urlparse(base_url).path)).parent if base_url else Path.cwd()
        _xinclude(root, folder, folder, name, options, 0)
    return root


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


def _xinclude(root: etree._Element, folder: Path, here: Path, name: str, options: XmlOptions, depth: int) -> None:
    """Replace each ``xi:include`` with the local file it names; refuse anything outside ``folder``."""
    includes = list(root.iter(f"{{{XINCLUDE_NS}}}include"))
    if includes and depth >= MAX_INCLUDE_DEPTH:
        raise InputError(f"XInclude nested more than {MAX_INCLUDE_DEPTH} levels deep (a loop?)", path=name)
    for include in includes:
        href = include.get("href") or ""
        line = include.sourceline if isinstance(include.sourceline, int) else None
        parsed = urlparse(href)
        if not href or parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
            raise InputError(
                f"XInclude of {href!r} refused: only files in the document's folder may be included",
                path=name,
                line=line,
            )
        target = (here / unquote(parsed.path)).resolve()
        if not target.is_relative_to(folder.resolve()):
            raise InputError(
                f"XInclude of {href!r} refused: it is outside the document's folder {folder}", path=name, line=line
            )
        mode = include.get("parse", "xml")
        if mode == "text":
            content = read_bytes(target, options)
            try:
                text = content.decode(include.get("encoding") or "utf-8")
            except (UnicodeDecodeError, LookupError) as exc:
                raise InputError(f"XInclude of {href!r}: not readable as text", path=name, line=line) from exc
            _replace_with_text(include, text)
        elif mode == "xml":
            try:
                included = parse_file(target, options=XmlOptions(options.huge_tree, False)).getroot()
            except etree.XMLSyntaxError as exc:
                raise InputError(f"XInclude of {href!r}: not well-formed XML", path=name, line=line) from exc
            _xinclude(included, folder, target.parent, str(target), options, depth + 1)
            _replace_with_element(include, included)
        else:
            raise InputError(f"XInclude parse={mode!r} is neither xml nor text", path=name, line=line)


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
    included.tail = include.tail
    parent.replace(include, included)
