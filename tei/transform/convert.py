"""Converting documents: one tree to bytes with warnings, one file, and what ``tei convert`` does.

Nothing here prints: a conversion returns its bytes and its warnings
(:class:`Conversion`); :func:`run_convert` hands every message to a callback
the caller gives (the CLI prints them, one line each, on standard error)
and writes results where it is told.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from tei import safexml
from tei.errors import InputError, ProcessingError, TeiError, UsageError, each, read_error
from tei.outputs import Writer, make_folder, plan_targets
from tei.safexml import DEFAULT, XmlOptions
from tei.transform.fonts import describe_missing, uncovered_characters
from tei.transform.formats import get_format
from tei.transform.messages import first_line, join_counts, stylesheet_failure, stylesheet_messages
from tei.transform.prepare import prepare
from tei.transform.stylesheets import check_params, compile_stylesheet, stylesheet_param_defaults

__all__ = [
    "Conversion",
    "ConvertOutcome",
    "TransformError",
    "convert_document",
    "convert_file",
    "convert_tree",
    "read_tei",
    "run_convert",
]


class TransformError(ProcessingError):
    """A stylesheet failed on one document (exit 1); other documents go on."""


@dataclass(frozen=True)
class Conversion:
    """The converted document and what could not be shown in it (one line each)."""

    data: bytes
    warnings: tuple[str, ...] = ()


@dataclass
class ConvertOutcome:
    """What a :func:`run_convert` call did: its exit status and its messages, in order."""

    status: int = 0
    messages: list[str] = field(default_factory=list)


def _font_warning(data: bytes, fmt: str, xslt: Path | None, values: Mapping[str, str]) -> list[str]:
    """One line naming the characters of a printed format that no font has."""
    chosen = get_format(fmt)
    if xslt is not None or not chosen.uses_fonts:
        return []
    text = data.decode("utf-8", errors="replace")
    if text.isascii():
        return []
    defaults = stylesheet_param_defaults(fmt)
    families = [values.get("font", defaults.get("font", ""))]
    families += values.get("fallback-fonts", defaults.get("fallback-fonts", "")).split(",")
    missing = uncovered_characters(text, [family for family in families if family.strip()])
    if not missing:
        return []
    return [
        f"characters no installed font has (they will not print): {describe_missing(missing)}; install a "
        "font that has them (Chinese, Japanese, Korean: Debian's fonts-droid-fallback; medieval private-use "
        "characters: a MUFI font such as Junicode) and name it with --param fallback-fonts=…"
    ]


def convert_document(
    root: etree._Element | etree._ElementTree,
    fmt: str,
    params: Mapping[str, str] | None = None,
    *,
    xslt: Path | None = None,
) -> Conversion:
    """Transform a parsed document to ``fmt`` (html, fo, latex, text), with its warnings.

    ``params`` are stylesheet parameters as plain strings (quoted for XSLT
    here); unknown names are refused. Raises :class:`TransformError` when the
    stylesheet fails on this document.
    """
    values = dict(params or {})
    check_params(fmt, xslt, values)
    transform = compile_stylesheet(fmt, xslt)
    prepared = prepare(root)
    warnings = list(prepared.warnings)
    quoted = {name: etree.XSLT.strparam(value) for name, value in values.items()}
    if xslt is None:
        for name, value in prepared.params.items():
            quoted.setdefault(name, etree.XSLT.strparam(value))
    run: Any = transform  # lxml-stubs 0.5 types **params as the profile_run flag
    try:
        result = run(prepared.tree, **quoted)
    except etree.XSLTApplyError as exc:
        message, where, line = stylesheet_failure(getattr(transform, "error_log", None), exc)
        place = f"{where}:{line}: " if where and line else f"{where}: " if where else ""
        raise TransformError(f"the {fmt} stylesheet failed: {place}{message}") from exc
    data = bytes(result)
    messages = stylesheet_messages(getattr(transform, "error_log", None))
    if not prepared.is_tei:
        # Every element of a document that is not TEI is unknown: the warning that it is not TEI says it all.
        messages = [line for line in messages if not re.match(r"(unknown element <|\d+ unknown elements )", line)]
    warnings += messages
    warnings += _font_warning(data, fmt, xslt, values)
    return Conversion(data, tuple(join_counts(warnings)))


def convert_tree(
    root: etree._Element | etree._ElementTree,
    fmt: str,
    params: Mapping[str, str] | None = None,
    *,
    xslt: Path | None = None,
) -> bytes:
    """The bytes of :func:`convert_document` (for callers that have nowhere to put warnings)."""
    return convert_document(root, fmt, params, xslt=xslt).data


def read_tei(path: str, options: XmlOptions = DEFAULT) -> etree._ElementTree:
    """Parse a TEI file (``-`` for standard input) safely (:mod:`tei.safexml`), with one-line errors."""
    # A repeated xml:id is read all the same (safexml); prepare() reports the repeats and the stylesheets
    # keep the ids of their output unique.
    parser = safexml.safe_parser(huge_tree=options.huge_tree)
    try:
        return safexml.parse_file(path, options=options, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"not well-formed XML: {first_line(exc.msg or str(exc))}", path=path, line=exc.lineno or None
        ) from exc
    except OSError as exc:
        raise read_error(exc, path) from exc


def convert_file(
    path: str | Path,
    fmt: str,
    params: Mapping[str, str] | None = None,
    xslt: Path | None = None,
    options: XmlOptions = DEFAULT,
) -> Conversion:
    """Parse one TEI file and transform it; errors carry the file's name."""
    name = str(path)
    tree = read_tei(name, options)
    try:
        return convert_document(tree, fmt, params, xslt=xslt)
    except TransformError as exc:
        raise TransformError(exc.message, path=name) from exc


def run_convert(
    files: Sequence[str],
    *,
    fmt: str,
    output: Path | None = None,
    outdir: Path | None = None,
    params: Mapping[str, str] | None = None,
    xslt: Path | None = None,
    stdout: BinaryIO | None = None,
    report: Callable[[str], None] | None = None,
    fail: Callable[[TeiError], None] | None = None,
    options: XmlOptions = DEFAULT,
    force: bool = False,
) -> ConvertOutcome:
    """What ``tei convert FILE… --to FMT [-o OUT | -d DIR] [--param N=V] [--xslt F]`` does.

    Usage errors (both -o and -d, several inputs without -d, an unknown
    format or parameter, an unusable stylesheet) raise before anything is
    written. A failing document is handed to ``fail`` and the others go on;
    the status is the worst one. A warning ("FILE: warning: …") goes to
    ``report`` as it happens. Both end up in the outcome's messages, in
    order. A result without a target goes to ``stdout``. With ``outdir``, a
    file there that tei did not write is not replaced unless ``force``
    (:class:`tei.outputs.Writer`).
    """
    chosen = get_format(fmt)
    values = dict(params or {})
    targets = plan_targets(list(files), output, outdir, chosen.suffix, also_read=[xslt] if xslt else [])
    compile_stylesheet(fmt, xslt)  # a broken stylesheet is a usage error, raised once
    check_params(fmt, xslt, values)
    if any(target is None for target in targets) and stdout is None:
        raise UsageError("no output named (-o or -d) and no standard output given")
    if outdir is not None:
        make_folder(outdir, option="-d")
    outcome = ConvertOutcome()
    writer = Writer(force=force)

    def warn(message: str) -> None:
        outcome.messages.append(message)
        if report is not None:
            report(message)

    def failed(error: TeiError) -> None:
        outcome.messages.append(str(error))
        if fail is not None:
            fail(error)

    def convert_one(pair: tuple[str, Path | None]) -> None:
        item, target = pair
        conversion = convert_file(item, fmt, values, xslt, options)
        for warning in conversion.warnings:
            warn(f"{item}: warning: {warning}")
        if target is None:
            assert stdout is not None
            stdout.write(conversion.data)
            stdout.flush()
        else:
            writer.write(target, conversion.data, named=output is not None)

    try:
        outcome.status = each(zip(files, targets, strict=True), convert_one, failed, name=lambda pair: pair[0])
    finally:
        writer.save()
    return outcome
