"""The encoder: input bytes -> a complete TEI document (header, standOff, text).

Data flow: source.decode -> readers -> annotate (names, dates) -> header ->
the TEI root. Serialising is left to ``tei.serialize`` so that every writer
produces the same bytes.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei import __version__, files
from tei.errors import UsageError
from tei.header import HeaderFacts, build_header
from tei.metadata import Metadata, parse_meta, read_meta_bytes, sidecar_bytes
from tei.ns import NSMAP, tei
from tei.readers import READERS, detect_format
from tei.source import decode

INPUT_FORMATS = ("auto", "plain", "markdown")


@dataclass(frozen=True)
class EncodeOptions:
    """How to encode: input format, metadata, registers, the change date."""

    input_format: str = "auto"
    encoding: str | None = None
    meta: Metadata = field(default_factory=Metadata)
    register_paths: tuple[Path, ...] = ()
    change_date: str | None = None
    annotate: bool = True
    #: Lift the 50 MB limit on text input (trusted files only); it changes no output.
    huge: bool = False

    @property
    def max_bytes(self) -> int:
        return files.HUGE_MAX_BYTES if self.huge else files.MAX_BYTES


_NAME_DATE = re.compile(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?:-([01][0-9])-([0-3][0-9]))?(?![0-9])")


def date_in_file_name(name: str) -> str | None:
    """The date an archive's file name gives (``note-1918-02-04.txt`` -> ``1918-02-04``), else None.

    Why: archives name files by date; when the text itself states no date, it
    is the only evidence of the year that year-less dates ("December 6") need.
    It only resolves such dates; the header's creation date is never taken
    from it (docs/encoding.md: no invented facts).
    """
    stem = Path(name).name.split(".")[0] if name not in ("", "-") else ""
    match = _NAME_DATE.search(stem)
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def encode(data: bytes, options: EncodeOptions = EncodeOptions(), *, name: str = "<stdin>") -> etree._Element:
    """Encode the bytes of one document as a TEI root element."""
    if options.input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown input format {options.input_format!r}; use one of {', '.join(INPUT_FORMATS)}")
    if len(data) > options.max_bytes:
        hint = None if options.huge else files.HINT_HUGE
        raise files.too_big(name, len(data), options.max_bytes, what="text", hint=hint)
    source = decode(data, path=name, encoding=options.encoding)
    input_format = detect_format(source.text) if options.input_format == "auto" else options.input_format
    text_el, report = READERS[input_format](source.text)
    standoff = None
    calendar = None
    decisions: list[str] = []
    if report.joined_paragraphs:
        decisions.append(
            f"{report.joined_paragraphs} paragraph(s) broken by a page footer or a blank line in mid-sentence "
            "were joined."
        )
    decisions.extend(report.decisions)
    if options.meta.corrections:
        from tei.annotate.corrections import apply_corrections

        apply_corrections(text_el, options.meta.corrections)
    if options.annotate:
        from tei.annotate import annotate_text
        from tei.annotate.cache import cached_register

        register = cached_register(options.register_paths)
        name_date = date_in_file_name(name)
        annotation = annotate_text(
            text_el,
            register,
            meta_date=options.meta.date,
            fallback_date=name_date,
            meta_author=options.meta.author,
        )
        standoff = annotation.standoff
        decisions.extend(annotation.notes)
        calendar = annotation.calendar
    facts = HeaderFacts(
        sha256=source.sha256,
        tool_version=__version__,
        input_name=Path(name).name if name != "-" else "<stdin>",
        input_format=input_format,
        change_date=options.change_date,
        normalisations=source.notes,
        decisions=tuple(decisions),
        calendar=calendar,
        meta=options.meta,
    )
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set("{http://www.w3.org/XML/1998/namespace}lang", options.meta.language or "en")
    root.append(build_header(text_el, facts, standoff))
    if standoff is not None and len(standoff):
        root.append(standoff)
    root.append(text_el)
    return root


def read_input(path: str, *, huge: bool = False) -> bytes:
    """The bytes of an input file (``-`` for standard input): a regular file within the size limit."""
    limit = files.HUGE_MAX_BYTES if huge else files.MAX_BYTES
    hint = None if huge else files.HINT_HUGE
    if path == "-":
        return files.read_stdin(limit=limit, what="text", hint=hint)
    return files.read_regular(
        path,
        limit=limit,
        what="text",
        hint=hint,
        folder="is a folder; name the files in it (or use tei batch for folders)",
    )


@dataclass(frozen=True)
class Source:
    """An input as read: its bytes and its metadata file's (sidecar or ``--meta``), both part of what it is."""

    path: str
    data: bytes
    meta: bytes | None = None
    meta_name: str | None = None


def read_source(path: str, options: EncodeOptions = EncodeOptions(), *, meta_path: Path | None = None) -> Source:
    """Read an input and its metadata: ``meta_path`` if given, else the sidecar ``NAME.meta.toml`` if there is one."""
    data = read_input(path, huge=options.huge)
    if meta_path is not None:
        return Source(path, data, read_meta_bytes(meta_path), str(meta_path))
    sidecar = sidecar_bytes(path)
    if sidecar is None:
        return Source(path, data)
    return Source(path, data, sidecar[0], sidecar[1])


def encode_source(source: Source, options: EncodeOptions = EncodeOptions()) -> etree._Element:
    """Encode an input read by :func:`read_source`; its metadata file, if any, replaces ``options.meta``."""
    if source.meta is not None and source.meta_name is not None:
        options = dataclasses.replace(options, meta=parse_meta(source.meta, source.meta_name))
    return encode(source.data, options, name=source.path)


def encode_file(
    path: str, options: EncodeOptions = EncodeOptions(), *, meta_path: Path | None = None
) -> etree._Element:
    """Encode one file, reading its sidecar ``NAME.meta.toml`` unless ``meta_path`` names one."""
    return encode_source(read_source(path, options, meta_path=meta_path), options)
