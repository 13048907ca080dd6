"""One document through the pipeline: read, (encode), validate, convert, write; never raises.

Runs in a worker process (or on a Dask worker), so everything it takes and
returns is small and picklable: an :class:`~tei.batch.discover.InputFile`,
what the state remembers of it, the :class:`BatchOptions`; a :class:`Record`.

Decisions:

- ``.txt``/``.md`` inputs are encoded from the very bytes that were hashed
  for the incremental key (``tei.encode.read_source`` and ``encode_source``,
  the two halves of ``encode_file``: the sidecar ``NAME.meta.toml`` when
  there is one);
- ``.xml`` inputs are TEI as given: the ``tei`` output is a byte copy (with
  ``--xinclude``, the document with its inclusions made, so the key covers
  the included files too);
- an existing output file is replaced only if the state recorded it (tei
  wrote it there for this input), it already holds the new bytes, or
  ``force`` is set: a file tei did not write is never overwritten;
- a document that is well-formed but does not validate *fails* (its
  diagnostics go to the report) and its outputs are still written — the TEI
  so that the diagnostics' line numbers can be looked up, the derivatives
  because the stylesheets do not need a valid document. The state does not
  remember a failed document, so it is done again on every run until it
  is fixed. A document that cannot be read or parsed writes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from tei.batch.discover import InputFile
from tei.batch.state import Previous, document_key, file_sha256
from tei.diagnostics import Diagnostic
from tei.encode import EncodeOptions, Source
from tei.errors import OutputError, TeiError, UsageError
from tei.safexml import DEFAULT, XmlOptions
from tei.transform import FORMATS

#: Output formats of a batch run: ``tei`` plus the converter's formats.
TEI_FORMAT = "tei"
FORMAT_NAMES = (TEI_FORMAT, *FORMATS)
DEFAULT_FORMATS = ("tei", "html", "text")

__all__ = [
    "DEFAULT_FORMATS",
    "FORMAT_NAMES",
    "BatchOptions",
    "Record",
    "output_rel",
    "parse_formats",
    "process",
]


def parse_formats(text: str) -> tuple[str, ...]:
    """``"tei,html"`` -> ``("tei", "html")``; unknown names are a usage error."""
    known = FORMAT_NAMES
    chosen: list[str] = []
    for part in text.split(","):
        name = part.strip().lower()
        if not name:
            continue
        if name not in known:
            raise UsageError(f"--to {text!r}: unknown format {name!r}; use some of {','.join(known)}")
        if name not in chosen:
            chosen.append(name)
    if not chosen:
        raise UsageError(f"--to {text!r}: name at least one of {','.join(known)}")
    return tuple(chosen)


def _suffix(fmt: str) -> str:
    return ".xml" if fmt == TEI_FORMAT else FORMATS[fmt].suffix


def output_rel(stem: str, fmt: str, *, format_folders: bool = False) -> str:
    """Where the ``fmt`` output of an input goes, relative to the output folder (POSIX form)."""
    rel = f"{stem}{_suffix(fmt)}"
    return str(PurePosixPath(fmt) / rel) if format_folders else rel


@dataclass(frozen=True)
class BatchOptions:
    """Everything that decides a document's outputs (and so is part of its incremental key)."""

    outdir: Path
    formats: tuple[str, ...] = DEFAULT_FORMATS
    encode: EncodeOptions = field(default_factory=EncodeOptions)
    #: Validate against this XSD/RELAX NG instead of the project's schema and rules.
    schema: Path | None = None
    schema_sha256: str | None = None
    force: bool = False
    #: ``OUTDIR/<format>/<rel>`` instead of ``OUTDIR/<rel>`` (the layout of a deposit's payload).
    format_folders: bool = False
    #: How XML inputs are parsed: ``--huge`` and ``--xinclude``.
    xml: XmlOptions = DEFAULT
    #: The SHA-256 of each register's content (:func:`with_content_keys` fills it in).
    register_sha256: tuple[str, ...] | None = None

    def key_options(self) -> dict[str, Any]:
        """The options that change outputs, for the incremental key (not ``force``, not the folder).

        Registers and the schema count by their content, not their path: an
        edited register must redo the documents.
        """
        enc = self.encode
        return {
            "formats": list(self.formats),
            "input_format": enc.input_format,
            "encoding": enc.encoding,
            "change_date": enc.change_date,
            "annotate": enc.annotate,
            "registers": list(self.register_sha256 or [str(p) for p in enc.register_paths]),
            "meta": repr(enc.meta),
            "schema": self.schema_sha256,
            "format_folders": self.format_folders,
            "xinclude": self.xml.xinclude,
        }


def with_content_keys(options: BatchOptions) -> BatchOptions:
    """``options`` with the SHA-256 of its registers' and schema's content (read once, in the parent).

    Raises InputError when one cannot be read.
    """
    from tei import files
    from tei.validate import rng

    changes: dict[str, Any] = {}
    if options.register_sha256 is None:
        changes["register_sha256"] = tuple(
            hashlib.sha256(files.read_regular(path, hint=None)).hexdigest() for path in options.encode.register_paths
        )
    if options.schema is not None and options.schema_sha256 is None:
        from tei.validate.schemafiles import read_schema_file

        rng.schema_kind(options.schema)  # one line (exit 2) for a missing, special or unusable schema file
        changes["schema_sha256"] = hashlib.sha256(read_schema_file(options.schema)).hexdigest()
    return dataclasses.replace(options, **changes) if changes else options


@dataclass(frozen=True)
class Record:
    """The outcome of one input: compact, picklable, what the report and the state are made of."""

    input: str
    rel: str
    status: str  # "done" | "failed" | "skipped"
    outputs: tuple[tuple[str, str], ...] = ()  # (path relative to the output folder, sha256)
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    seconds: float = 0.0
    key: str | None = None

    def problem(self) -> str | None:
        """One line saying why it failed, or None."""
        if self.error:
            return f"{self.input}: {self.error}"
        errors = [d for d in self.diagnostics if d.severity == "error"]
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            return errors[0].format() + more
        return None

    def to_json(self, outdir: Path) -> dict[str, Any]:
        """The report's entry for this input."""
        return {
            "input": self.input,
            "status": self.status,
            "outputs": [{"path": str(outdir / rel), "sha256": sha} for rel, sha in self.outputs],
            "diagnostics": [{"file": d.file, **d.to_json()} for d in self.diagnostics],
            "error": self.error,
            "seconds": round(self.seconds, 4),
        }


def _read(item: InputFile, options: BatchOptions) -> Source:
    """The input's bytes and its sidecar's (text inputs); an XML input with its inclusions made (``--xinclude``)."""
    if item.problem:
        from tei.errors import InputError

        raise InputError(item.problem, path=item.path)
    if item.is_text:
        from tei.encode import read_source

        return read_source(item.path, options.encode)
    from tei import safexml

    data = safexml.read_bytes(item.path, options.xml)
    if options.xml.xinclude and b"XInclude" in data:
        from lxml import etree

        from tei.serialize import to_bytes

        try:
            root = safexml.fromstring(
                data, item.path, options=options.xml, base_url=str(Path(item.path).resolve())
            )
        except etree.XMLSyntaxError:
            return Source(item.path, data)  # validation reports it
        data = to_bytes(root)
    return Source(item.path, data)


def _up_to_date(previous: Previous | None, key: str, outdir: Path) -> bool:
    if previous is None or previous.key != key:
        return False
    return all(file_sha256(outdir / rel) == sha for rel, sha in previous.outputs)


def _write(options: BatchOptions, previous: Previous | None, rel: str, data: bytes) -> tuple[str, str]:
    """Write one output, unless that would replace a file tei did not write (the state knows what it wrote)."""
    from tei.outputs import write_atomic

    target = options.outdir / rel
    digest = hashlib.sha256(data).hexdigest()
    recorded = previous is not None and rel in dict(previous.outputs)
    replaceable = options.force or recorded or not target.is_file() or target.is_symlink()
    if not replaceable and file_sha256(target) not in (digest, None):
        raise OutputError(
            "a file is already there that tei did not write; it is not replaced: "
            "move it away, or run again with --force to replace it",
            path=str(target),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data)
    return rel, digest


def _message(exc: TeiError) -> str:
    return exc.message + (f" (line {exc.line})" if exc.line else "")


def process(item: InputFile, previous: Previous | None, options: BatchOptions) -> Record:
    """Run one input through the pipeline and say what happened; every error becomes a failed Record."""
    start = time.perf_counter()
    key: str | None = None
    outputs: list[tuple[str, str]] = []
    diagnostics: list[Diagnostic] = []

    def record(status: str, error: str | None = None) -> Record:
        return Record(
            item.path,
            item.rel,
            status,
            tuple(outputs),
            tuple(diagnostics),
            error,
            time.perf_counter() - start,
            key,
        )

    try:
        source = _read(item, options)
        key = document_key(source.data, source.meta, options.key_options())
        if not options.force and _up_to_date(previous, key, options.outdir):
            assert previous is not None
            return _from_state(item, previous, key, time.perf_counter() - start)
        from tei import safexml
        from tei.validate import validate_bytes

        tei_rel = output_rel(item.stem, TEI_FORMAT, format_folders=options.format_folders)
        parsing = dataclasses.replace(options.xml, xinclude=False)  # inclusions were made when it was read
        if item.is_text:
            from tei.encode import encode_source
            from tei.serialize import to_bytes

            tei_bytes = to_bytes(encode_source(source, options.encode))
            name = str(options.outdir / tei_rel) if TEI_FORMAT in options.formats else item.path
        else:
            tei_bytes, name = source.data, item.path
        diagnostics.extend(validate_bytes(tei_bytes, name=name, schema=options.schema, options=parsing))
        try:
            root = safexml.fromstring(tei_bytes, name, options=parsing)
        except etree.XMLSyntaxError as exc:
            return record("failed", None if diagnostics else f"not well-formed XML: {exc}")
        for fmt in options.formats:
            rel = output_rel(item.stem, fmt, format_folders=options.format_folders)
            if fmt == TEI_FORMAT:
                outputs.append(_write(options, previous, rel, tei_bytes))
            else:
                from tei.transform import convert_document

                conversion = convert_document(root, fmt)
                outputs.append(_write(options, previous, rel, conversion.data))
                diagnostics.extend(
                    Diagnostic(str(options.outdir / rel), 0, 0, "warning", message, f"convert:{fmt}")
                    for message in conversion.warnings
                )
    except TeiError as exc:
        return record("failed", _message(exc))
    except Exception as exc:  # a bug must not stop a corpus run; the report names it
        return record("failed", f"internal error ({type(exc).__name__}): {exc}")
    failed = any(d.severity == "error" for d in diagnostics)
    return record("failed" if failed else "done")


def already_done(item: InputFile, previous: Previous | None, options: BatchOptions) -> Record | None:
    """The ``skipped`` Record of an input whose outputs are up to date, else None (it needs work).

    Cheap (read, hash, compare): the parent runs it so that up-to-date inputs
    never reach, or start, a pool of workers.
    """
    if previous is None or options.force:
        return None
    start = time.perf_counter()
    try:
        source = _read(item, options)
    except TeiError:
        return None  # process() reports it
    key = document_key(source.data, source.meta, options.key_options())
    if not _up_to_date(previous, key, options.outdir):
        return None
    return _from_state(item, previous, key, time.perf_counter() - start)


def _from_state(item: InputFile, previous: Previous, key: str, seconds: float) -> Record:
    """An unchanged input's Record from the state: skipped, or failed again with its recorded diagnostics."""
    status = "failed" if any(d.severity == "error" for d in previous.diagnostics) else "skipped"
    return Record(item.path, item.rel, status, previous.outputs, previous.diagnostics, None, seconds, key)


def warm_up(options: BatchOptions) -> None:
    """Fill this process's caches (register, schema and rules, stylesheets) with a one-line document.

    Why: pool workers are forked from this process; warmed here, the caches
    are inherited instead of being built again in every worker (about 0.5 s each).
    """
    from tei.encode import encode
    from tei.serialize import to_bytes
    from tei.transform import convert_tree
    from tei.validate import validate_bytes

    try:
        root = encode(b"Warm-up.\n", options.encode, name="warm-up.txt")
        parsing = dataclasses.replace(options.xml, xinclude=False)
        validate_bytes(to_bytes(root), name="warm-up.xml", schema=options.schema, options=parsing)
        for fmt in options.formats:
            if fmt != TEI_FORMAT:
                convert_tree(root, fmt)
    except TeiError:
        pass  # the real documents will report whatever is wrong


def process_task(task: tuple[InputFile, Previous | None], options: BatchOptions) -> Record:
    """:func:`process` on one ``(input, previous)`` pair: the callable sent to pool and Dask workers."""
    return process(task[0], task[1], options)
