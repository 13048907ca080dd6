"""A user's own XML Schema (``--schema F.xsd``): compiled and run by libxml2, its messages reworded.

The schema file and every file it includes, imports or redefines (local
files only) are first read the way every schema is read
(:mod:`tei.validate.schemafiles`: regular files, size limit) and parsed by
:mod:`tei.safexml`, so a schema that declares entities is refused in one
line instead of having them silently dropped. libxml2 then compiles it
(once per process) and validates; its messages are reworded with the
document's real lines and columns, in time linear in the number of errors.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from tei import safexml
from tei.diagnostics import Diagnostic
from tei.errors import InputError
from tei.validate.positions import Locator, display_name, log_entries, source_line
from tei.validate.schemafiles import read_schema_file

__all__ = ["check_user_xsd", "compile_user_xsd"]

XSD_NS = "http://www.w3.org/2001/XMLSchema"
_REFERENCES = (f"{{{XSD_NS}}}include", f"{{{XSD_NS}}}import", f"{{{XSD_NS}}}redefine", f"{{{XSD_NS}}}override")
#: How many files one XSD may pull in (a loop of includes is followed once per file).
MAX_FILES = 500


def _parse_checked(path: Path) -> etree._Element:
    data = read_schema_file(path, what="XML Schema")
    try:
        root = safexml.fromstring(data, str(path), parser=safexml.safe_parser(), base_url=path.as_uri())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XML Schema is not well-formed XML: {exc}", path=str(path)) from exc
    if root is None:
        raise InputError("the XML Schema holds no element", path=str(path))
    return root


def _check_files(main: Path) -> etree._Element:
    """Read the schema and every local file it refers to by the safe rules; the main file's root."""
    seen: set[Path] = set()
    pending = [main.resolve()]
    root: etree._Element | None = None
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        if len(seen) >= MAX_FILES:
            raise InputError(f"the XML Schema pulls in more than {MAX_FILES} files", path=str(main))
        seen.add(path)
        element = _parse_checked(path)
        if root is None:
            root = element
        for reference in element.iter(*_REFERENCES):
            location = reference.get("schemaLocation")
            if not location:
                continue
            parsed = urlparse(location)
            if parsed.scheme not in ("", "file"):
                raise InputError(
                    f"the XML Schema refers to {location}; only local files can be used",
                    path=str(path),
                    line=source_line(reference) or None,
                )
            pending.append((path.parent / unquote(parsed.path)).resolve())
    assert root is not None
    return root


@functools.lru_cache(maxsize=8)
def _compiled(key: tuple[str, int, int]) -> etree.XMLSchema:
    path = Path(key[0])
    root = _check_files(path)
    try:
        return etree.XMLSchema(root.getroottree())
    except etree.XMLSchemaParseError as exc:
        raise InputError(f"the XML Schema cannot be compiled: {exc}", path=str(path)) from exc


def compile_user_xsd(path: Path) -> etree.XMLSchema:
    """The compiled schema (once per process and file version); InputError when it cannot be used."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read the XML Schema: {exc.strerror or exc}", path=str(path)) from exc
    return _compiled((str(path.resolve()), stat.st_mtime_ns, stat.st_size))


_LIBXML_ELEMENT = re.compile(
    r"^Element '(?P<element>[^']+)'(?:, attribute '(?P<attribute>[^']+)')?: (?P<rest>.*)$", re.DOTALL
)
_CLARK = re.compile(r"\{([^}]*)\}([\w.\-]+)")


def check_user_xsd(root: etree._Element, name: str, locator: Locator, schema: Path) -> list[Diagnostic]:
    """A user's XSD, run by libxml2, its messages reworded with positions from the source."""
    compiled = compile_user_xsd(schema)
    if compiled.validate(root.getroottree()):
        return []
    by_line: dict[tuple[str, int], etree._Element] = {}
    for element in root.iter(etree.Element):
        by_line.setdefault((str(element.tag), source_line(element)), element)
    diagnostics = []
    for entry in log_entries(compiled.error_log):
        line = int(entry.line or 0)
        message = str(entry.message).strip()
        match = _LIBXML_ELEMENT.match(message)
        position = (line, 0)
        if match:
            tag = match.group("element")
            found = by_line.get((_clark(tag, root), line))
            attribute = match.group("attribute")
            if found is not None:
                position = locator.attribute(found, attribute) if attribute else locator.element(found)
            subject = f"'{display_name(tag)}'" + (f" @{display_name(attribute)}" if attribute else "")
            message = f"{subject}: {_readable(match.group('rest'))}"
        diagnostics.append(Diagnostic(name, position[0], position[1], "error", message.rstrip("."), "xsd:invalid"))
    return diagnostics


def _clark(tag: str, root: etree._Element) -> str:
    """libxml2 names elements in Clark notation already, or unqualified; ``prefix:name`` is looked up."""
    if tag.startswith("{") or ":" not in tag:
        return tag
    prefix, local = tag.split(":", 1)
    namespace = (root.nsmap or {}).get(prefix)
    return f"{{{namespace}}}{local}" if namespace else tag


def _readable(text: str) -> str:
    """libxml2's message with Clark names shown as a person reads them."""
    return _CLARK.sub(lambda m: display_name("{" + m.group(1) + "}" + m.group(2)), " ".join(text.split()))
