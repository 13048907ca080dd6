"""Any schema a user names with ``--schema``: RELAX NG (the toolkit's own validator) or XSD (libxml2).

RELAX NG, by job:

* :mod:`.simplify` — reading the schema's files and the syntax and
  simplification rules of sections 3 and 4 of the specification;
* :mod:`.restrictions` — section 7 and the ID rules of DTD compatibility;
* :mod:`.datatypes` and :mod:`.xsdregex` — the built-in and XML Schema
  datatype libraries, with patterns matched in linear time;
* :mod:`.grammar` — the simplified grammar as plain data;
  :mod:`.cache` keeps it on disk between processes;
* :mod:`.patterns` — the pattern algebra and its derivatives;
* :mod:`.matcher` and :mod:`.messages` — walking a document as jing does,
  and saying what was expected.

A schema is loaded and checked completely before any document is read; an
incorrect one raises InputError (exit 2) naming its file, line and rule.
The README beside this file lists what was measured against the RELAX NG
test suites and jing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei import safexml
from tei.diagnostics import Diagnostic
from tei.errors import InputError
from tei.validate.positions import Locator
from tei.validate.rng import cache
from tei.validate.rng.grammar import Grammar
from tei.validate.rng.matcher import Matcher
from tei.validate.rng.patterns import Patterns
from tei.validate.schemafiles import describe_special, read_schema_file

__all__ = ["RngSchema", "check_named_schema", "check_rng", "load_rng", "schema_kind"]

XSD_NS = "http://www.w3.org/2001/XMLSchema"
RNG_NS = "http://relaxng.org/ns/structure/1.0"


@dataclass
class RngSchema:
    """A checked, simplified RELAX NG schema; its patterns are built once, on first use."""

    path: Path
    grammar: Grammar
    files: dict[str, str]
    _patterns: Patterns | None = None

    def patterns(self) -> Patterns:
        if self._patterns is None:
            self._patterns = Patterns(self.grammar)
        return self._patterns


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise InputError("no such schema file; check the path given to --schema", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the schema: {exc.strerror or exc}", path=str(path)) from exc
    special = describe_special(stat.st_mode)
    if special is not None:
        raise InputError(f"is {special}, not a schema file; give the path of a regular file", path=str(path))
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=8)
def _load(key: tuple[str, int, int]) -> RngSchema:
    path = Path(key[0])
    main_bytes = read_schema_file(path)
    cached = cache.read(path, main_bytes)
    if cached is not None:
        return RngSchema(path, cached[0], cached[1])
    from tei.validate.rng.restrictions import check_restrictions
    from tei.validate.rng.simplify import Loader, SchemaError

    try:
        loaded = Loader(path).load()
        check_restrictions(loaded)
    except SchemaError as exc:
        raise exc.to_input_error() from None
    cache.write(path, loaded.files, loaded.grammar)
    return RngSchema(path, loaded.grammar, loaded.files)


def load_rng(path: Path) -> RngSchema:
    """The checked schema at ``path``: once per process (and per file version), from the disk cache if fresh."""
    return _load(_file_key(path))


def check_rng(root: etree._Element, name: str, locator: Locator, schema: RngSchema) -> list[Diagnostic]:
    """Every error of the document against the schema, where jing reports them."""
    matcher = Matcher(schema.patterns(), schema.grammar.ids, name, locator)
    matcher.document(root)
    return matcher.diagnostics


# -- which kind of schema ---------------------------------------------------------------------------------


def _root_tag(path: Path) -> str:
    data = read_schema_file(path)
    try:
        root = safexml.fromstring(data, str(path), parser=safexml.safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        raise InputError(f"the schema is not well-formed XML: {exc.msg}", path=str(path), line=line) from exc
    return str(root.tag) if root is not None else ""


@functools.lru_cache(maxsize=16)
def _kind(key: tuple[str, int, int]) -> str:
    path = Path(key[0])
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


def schema_kind(path: Path) -> str:
    """``rng`` or ``xsd``, from the file's root element (not its name); InputError if neither."""
    return _kind(_file_key(path))


def check_named_schema(root: etree._Element, name: str, locator: Locator, schema: Path) -> list[Diagnostic]:
    """Diagnostics of ``root`` against a RELAX NG or XSD file; InputError if the schema is unusable."""
    if schema_kind(schema) == "xsd":
        from tei.validate.user_xsd import check_user_xsd

        return check_user_xsd(root, name, locator, schema)
    return check_rng(root, name, locator, load_rng(schema))
