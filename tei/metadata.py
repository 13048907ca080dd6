"""Metadata the text cannot tell: the sidecar ``NAME.meta.toml`` or ``--meta FILE``.

Why a frozen dataclass with known keys: a misspelt key must be an error a user
can act on, not a silently missing licence in an archive's header.
"""

from __future__ import annotations

import datetime
import functools
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tei import files
from tei.errors import InputError


@dataclass(frozen=True)
class Metadata:
    """Header facts supplied by an editor; every field is optional."""

    title: str | None = None
    author: str | None = None
    editor: str | None = None
    publisher: str | None = None
    pub_place: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    source: str | None = None
    source_author: str | None = None
    source_editor: str | None = None
    source_publisher: str | None = None
    source_date: str | None = None
    volume: str | None = None
    part: str | None = None
    page: str | None = None
    url: str | None = None
    accessed: str | None = None
    date: str | None = None
    language: str | None = None
    note: str | None = None
    corrections: dict[str, str] = field(default_factory=dict)


KEYS = tuple(f.name for f in fields(Metadata))
#: Keys whose value, when written as an ISO date (1917, 1917-11, 1917-11-08), becomes a ``@when``.
DATE_KEYS = ("date", "source_date", "accessed")
#: Keys whose value becomes a ``@target`` (an xs:anyURI without spaces in the schema).
URL_KEYS = ("url", "licence_url")
#: A URL in metadata points outside the document, so it must be absolute: a scheme, then a colon.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: The longest value a key may have: a header field, not a document (a 20 MB title would break the XML limits).
MAX_VALUE_CHARS = 10_000

# Characters XML 1.0 forbids: a header holding one could not be written.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
# xs:language, the type of xml:lang and language/@ident (a BCP 47 tag such as en, ru, de-AT).
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def check_iso_date(value: str) -> str | None:
    """Why ``value`` (written like an ISO date) is not a real date, else None; other text is not checked."""
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        datetime.date(int(year) or 1, int(month or 1), int(day or 1))
    except ValueError:
        return f"{value!r} is not a real date (write YYYY, YYYY-MM or YYYY-MM-DD)"
    if int(year) == 0:
        return f"{value!r}: there is no year 0"
    return None


@functools.cache
def _uri_schema() -> Any:
    """The schema's own test of a pointer (``tei:data.pointer``: xs:anyURI without spaces), compiled once."""
    from lxml import etree

    from tei import safexml

    document = safexml.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="u"><xs:simpleType>'
        b'<xs:restriction base="xs:anyURI"><xs:pattern value="\\S+"/></xs:restriction>'
        b"</xs:simpleType></xs:element></xs:schema>",
        "<uri schema>",
    )
    return etree.XMLSchema(document)


def is_uri(value: str) -> bool:
    """True when ``value`` is a pointer the project's schema accepts in ``@target`` (a URI, no spaces)."""
    from lxml import etree

    element = etree.Element("u")
    element.text = value
    return bool(_uri_schema().validate(element))


def check_value(key: str, value: str, path: str) -> None:
    """One-line errors (naming ``path`` and ``key``) for a value a header could not hold validly."""
    if len(value) > MAX_VALUE_CHARS:
        raise InputError(
            f"metadata key {key!r} is {len(value):,} characters long, over the limit of {MAX_VALUE_CHARS:,}",
            path=path,
        )
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        raise InputError(
            f"metadata key {key!r} holds the control character U+{ord(bad.group()):04X}, which XML does not "
            "allow; remove it",
            path=path,
        )
    if key == "language" and value and not _LANGUAGE.fullmatch(value):
        raise InputError(
            f"metadata key 'language' is {value!r}, not a language tag; write a BCP 47 tag such as en, ru or de-AT",
            path=path,
        )
    if key in URL_KEYS and value and not (_SCHEME.match(value) and is_uri(value)):
        raise InputError(
            f"metadata key {key!r} is {value[:80]!r}, not a URL; write it as https://… with spaces as %20",
            path=path,
        )
    if key in DATE_KEYS:
        problem = check_iso_date(value)
        if problem:
            raise InputError(f"metadata key {key!r}: {problem}", path=path)


def parse_meta(data: bytes, path: str) -> Metadata:
    """Parse TOML bytes into Metadata; unknown keys, wrong types and values a header cannot hold are errors."""
    try:
        raw: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError("the metadata file is not UTF-8 text", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}; fix the syntax (strings need quotes)", path=path) from exc
    except RecursionError:
        raise InputError("not usable TOML: tables or arrays nested too deeply", path=path) from None
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise InputError(f"unknown metadata key {key!r}; known keys are: {known}", path=path)
        if key == "corrections":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise InputError('"corrections" must be a table of "as printed" = "corrected" strings', path=path)
            for printed, corrected in value.items():
                check_value(f"corrections.{printed[:40]}", printed, path)
                check_value(f"corrections.{printed[:40]}", corrected, path)
                if not printed.strip():
                    raise InputError('"corrections" has an empty "as printed" text; remove that line', path=path)
            values[key] = dict(sorted(value.items()))
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if not isinstance(value, str):
            raise InputError(f"metadata key {key!r} must be a string, not {type(value).__name__}", path=path)
        value = value.strip()
        check_value(key, value, path)
        values[key] = value
    return Metadata(**values)


def read_meta_bytes(path: Path) -> bytes:
    """The bytes of a metadata file: a regular file of at most 1 MB, with one-line errors."""
    return files.read_regular(
        path,
        limit=files.MAX_SIDECAR_BYTES,
        what="a metadata file",
        hint=None,
        folder="is a folder, not a metadata file",
    )


def load_meta(path: Path) -> Metadata:
    """Read and parse a metadata file, with a one-line error when it cannot be read."""
    return parse_meta(read_meta_bytes(path), str(path))


def sidecar_bytes(input_path: str) -> tuple[bytes, str] | None:
    """The sidecar of an input (its bytes and name) when there is one; standard input has none.

    A sidecar that exists but is not a regular file (a FIFO, a device) is an
    error, not silently skipped: its facts would be missing from the header.
    """
    if input_path == "-":
        return None
    sidecar = sidecar_for(Path(input_path))
    if not sidecar.exists() and not sidecar.is_symlink():
        return None
    return read_meta_bytes(sidecar), str(sidecar)


def sidecar_for(input_path: Path) -> Path:
    """The sidecar file that belongs to an input: ``note.txt`` -> ``note.meta.toml``."""
    return input_path.with_name(input_path.stem + ".meta.toml")
