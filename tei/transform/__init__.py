"""TEI -> HTML, XSL-FO, LaTeX and plain text through the XSLT 1.0 stylesheets in ``transforms/``.

Why XSLT and not Python writers: the stylesheets are the product a TEI user
can read, adapt and run anywhere (xsltproc, Saxon, an XML editor); this module
only finds them (the :data:`FORMATS` registry), compiles each once per process,
runs them safely, and writes the results by the CLI's contract (docs/cli.md).

Safety: inputs are parsed without entities, DTDs or network; a stylesheet may
read files only inside ``transforms/`` (or, for ``--xslt``, its own folder) and
may not write files or use the network.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO
from urllib.parse import unquote, urlparse

from lxml import etree

from tei import safexml
from tei.errors import InputError, ProcessingError, TeiError, UsageError, each, read_error
from tei.ns import TEI_NS
from tei.outputs import Writer, make_folder, plan_targets
from tei.resources import transforms_dir
from tei.safexml import DEFAULT, XmlOptions

__all__ = [
    "FORMATS",
    "Format",
    "StylesheetError",
    "TransformError",
    "compile_stylesheet",
    "convert_file",
    "convert_tree",
    "parse_params",
    "run_convert",
    "stylesheet_params",
]

XSL_NS = "http://www.w3.org/1999/XSL/Transform"


class StylesheetError(UsageError):
    """A stylesheet (the user's ``--xslt``, or a broken install) cannot be read or compiled (exit 2)."""


class TransformError(ProcessingError):
    """A stylesheet failed on one document (exit 1); other documents go on."""


@dataclass(frozen=True)
class Format:
    """One output format: its stylesheet (relative to ``transforms_dir()``), file suffix, media type."""

    name: str
    stylesheet: str
    suffix: str
    media_type: str
    description: str

    @property
    def path(self) -> Path:
        """Absolute path of the stylesheet, wherever the package is installed."""
        return transforms_dir() / self.stylesheet


#: The output formats by name; the CLI's ``--to`` choices are its keys.
FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        "html": Format("html", "html/tei-to-html.xsl", ".html", "text/html", "self-contained HTML5 reading edition"),
        "fo": Format("fo", "fo/tei-to-fo.xsl", ".fo", "application/xslfo+xml", "XSL-FO 1.1 for Apache FOP (PDF)"),
        "latex": Format("latex", "latex/tei-to-latex.xsl", ".tex", "application/x-latex", "LaTeX for lualatex (PDF)"),
        "text": Format("text", "text/tei-to-text.xsl", ".txt", "text/plain", "plain reading text"),
    }
)

_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def _input_parser(options: XmlOptions = DEFAULT) -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or touches the network (:mod:`tei.safexml`)."""
    return safexml.safe_parser(huge_tree=options.huge_tree)


class _ConfinedResolver(etree.Resolver):
    """Lets a stylesheet import/include files only under the allowed folders; nothing from the network."""

    def __init__(self, roots: Sequence[Path]) -> None:
        super().__init__()
        self.roots = tuple(root.resolve() for root in roots)

    def resolve(self, system_url: str, public_id: str, context: object = None) -> Any:
        parsed = urlparse(system_url)
        if parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
            raise StylesheetError(f"refusing to load {system_url!r}: stylesheets may not use the network")
        target = Path(unquote(parsed.path) if parsed.scheme == "file" else system_url).resolve()
        if not any(target.is_relative_to(root) for root in self.roots):
            raise StylesheetError(f"refusing to load {target}: outside {', '.join(map(str, self.roots))}")
        return None  # allowed: let libxml2 load it as usual


def _access_control() -> etree.XSLTAccessControl:
    """Reading files is confined by the resolver; writing and network are off."""
    make: Any = etree.XSLTAccessControl  # lxml-stubs 0.5 does not know its keywords
    access: etree.XSLTAccessControl = make(
        read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
    )
    return access


@functools.lru_cache(maxsize=32)
def _compile(path: str, stamp: tuple[int, int]) -> etree.XSLT:
    """Compile a stylesheet; cached by path and (mtime, size) so an edited ``--xslt`` is recompiled."""
    stylesheet = Path(path)
    roots = [transforms_dir(), stylesheet.parent]
    parser = safexml.safe_parser(resolver=_ConfinedResolver(roots))
    try:
        document = safexml.parse_file(stylesheet, parser=parser)
        return etree.XSLT(document, access_control=_access_control())
    except StylesheetError:
        raise
    except InputError as exc:  # over a limit, or declaring entities
        raise StylesheetError(exc.message, path=path, line=exc.line) from exc
    except etree.XMLSyntaxError as exc:
        raise StylesheetError(f"not well-formed XML: {_first_line(str(exc))}", path=path, line=exc.lineno) from exc
    except etree.XSLTParseError as exc:
        raise StylesheetError(
            f"not a usable XSLT 1.0 stylesheet: {_log_message(exc.error_log, exc)}", path=path
        ) from exc
    except OSError as exc:
        raise StylesheetError(f"cannot read the stylesheet: {exc.strerror or exc}", path=path) from exc


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise StylesheetError("no such stylesheet; check the path", path=str(path)) from exc
    except OSError as exc:
        raise StylesheetError(f"cannot read the stylesheet: {exc.strerror}", path=str(path)) from exc
    return status.st_mtime_ns, status.st_size


def _stylesheet_path(fmt: str, xslt: Path | None) -> Path:
    if xslt is not None:
        return xslt.resolve()
    return _format(fmt).path


def _format(fmt: str) -> Format:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(sorted(FORMATS))}") from None


def compile_stylesheet(fmt: str, xslt: Path | None = None) -> etree.XSLT:
    """The compiled stylesheet of a format (or the user's ``xslt``), compiled once per process."""
    path = _stylesheet_path(fmt, xslt)
    return _compile(str(path), _stamp(path))


@functools.lru_cache(maxsize=32)
def _declared_params(path: str, stamp: tuple[int, int]) -> frozenset[str]:
    """Top-level xsl:param names of a stylesheet and of everything it imports or includes."""
    names: set[str] = set()
    seen: set[Path] = set()
    pending = [Path(path)]
    while pending:
        current = pending.pop().resolve()
        if current in seen or not current.is_file():
            continue
        seen.add(current)
        try:
            root = safexml.parse_file(current).getroot()
        except (etree.XMLSyntaxError, TeiError):
            continue
        for child in root:
            if child.tag == f"{{{XSL_NS}}}param" and child.get("name"):
                names.add(str(child.get("name")))
            elif child.tag in (f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include") and child.get("href"):
                href = str(child.get("href"))
                if "://" not in href:
                    pending.append(current.parent / href)
    return frozenset(names)


def stylesheet_params(fmt: str, xslt: Path | None = None) -> frozenset[str]:
    """The parameters a format's stylesheet declares (documented in ``transforms/README.md``)."""
    path = _stylesheet_path(fmt, xslt)
    return _declared_params(str(path), _stamp(path))


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["furniture=1", "lang=ru"]`` -> ``{"furniture": "1", "lang": "ru"}``; the CLI's ``--param``."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not _PARAM_NAME.match(name):
            raise UsageError(f"--param {pair!r}: write it as NAME=VALUE (for example furniture=1)")
        params[name] = value
    return params


def _check_params(fmt: str, xslt: Path | None, params: Mapping[str, str]) -> None:
    """Refuse a parameter the stylesheet does not declare: a typo must not pass silently."""
    if not params:
        return
    declared = stylesheet_params(fmt, xslt)
    for name in params:
        if not _PARAM_NAME.match(name):
            raise UsageError(f"parameter name {name!r} is not a valid XSLT name")
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise UsageError(f"the {fmt} stylesheet has no parameter {name!r}; it has: {known}")


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


def _log_message(log: object, exc: BaseException) -> str:
    """The first error line of an lxml error log, else the exception's first line."""
    for entry in log or ():  # type: ignore[attr-defined]
        message = str(getattr(entry, "message", "")).strip()
        if message:
            line = getattr(entry, "line", 0)
            return f"{message} (stylesheet line {line})" if line else message
    return _first_line(str(exc))


def convert_tree(
    root: etree._Element | etree._ElementTree,
    fmt: str,
    params: Mapping[str, str] | None = None,
    *,
    xslt: Path | None = None,
) -> bytes:
    """Transform a parsed TEI document to the bytes of ``fmt`` (html, fo, latex, text).

    ``params`` are stylesheet parameters as plain strings (quoted for XSLT
    here); unknown names are refused. Raises :class:`TransformError` when the
    stylesheet fails on this document.
    """
    values = dict(params or {})
    _check_params(fmt, xslt, values)
    transform = compile_stylesheet(fmt, xslt)
    quoted = {name: etree.XSLT.strparam(value) for name, value in values.items()}
    run: Any = transform  # lxml-stubs 0.5 types **params as the profile_run flag
    try:
        result = run(root, **quoted)
    except etree.XSLTApplyError as exc:
        log = getattr(transform, "error_log", None)
        raise TransformError(f"the {fmt} stylesheet failed: {_log_message(log, exc)}") from exc
    return bytes(result)


def read_tei(path: str, options: XmlOptions = DEFAULT) -> etree._ElementTree:
    """Parse a TEI file (``-`` for standard input) safely (:mod:`tei.safexml`), with one-line errors."""
    parser = _input_parser(options)
    try:
        return safexml.parse_file(path, options=options, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"not well-formed XML: {_first_line(exc.msg or str(exc))}", path=path, line=exc.lineno or None
        ) from exc
    except OSError as exc:
        raise read_error(exc, path) from exc


def _check_tei(root: etree._Element, name: str) -> None:
    """The built-in stylesheets match TEI elements only: anything else would convert to an empty page."""
    tag = root.tag if isinstance(root.tag, str) else ""
    if not tag.startswith(f"{{{TEI_NS}}}"):
        namespace = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
        local = tag.rsplit("}", 1)[-1]
        where = f"in the namespace {namespace}" if namespace else "in no namespace"
        raise InputError(
            f"not a TEI document: its root <{local}> is {where}; a TEI file starts with "
            f'<TEI xmlns="{TEI_NS}">',
            path=name,
        )


def convert_file(
    path: str | Path,
    fmt: str,
    params: Mapping[str, str] | None = None,
    xslt: Path | None = None,
    options: XmlOptions = DEFAULT,
) -> bytes:
    """Parse one TEI file and transform it; errors carry the file's name."""
    name = str(path)
    tree = read_tei(name, options)
    if xslt is None:
        _check_tei(tree.getroot(), name)
    try:
        return convert_tree(tree, fmt, params, xslt=xslt)
    except TransformError as exc:
        raise TransformError(exc.message, path=name) from exc


def _report_to_stderr(error: TeiError) -> None:
    sys.stderr.write(f"tei: {error}\n")
    sys.stderr.flush()


def run_convert(
    files: Sequence[str],
    *,
    fmt: str,
    output: Path | None = None,
    outdir: Path | None = None,
    params: Mapping[str, str] | None = None,
    xslt: Path | None = None,
    stdout: BinaryIO | None = None,
    report: Callable[[TeiError], None] | None = None,
    options: XmlOptions = DEFAULT,
    force: bool = False,
) -> int:
    """What ``tei convert FILE… --to FMT [-o OUT | -d DIR] [--param N=V] [--xslt F]`` does; returns the exit status.

    Usage errors (both -o and -d, several inputs without -d, an unknown format
    or parameter, an unusable stylesheet) raise before anything is written.
    A failing document is reported through ``report`` (default: one line on
    standard error) and the others go on; the status is the worst one.
    With ``outdir``, a file there that tei did not write is not replaced
    unless ``force`` (:class:`tei.outputs.Writer`).
    """
    chosen = _format(fmt)
    values = dict(params or {})
    targets = plan_targets(list(files), output, outdir, chosen.suffix, also_read=[xslt] if xslt else [])
    compile_stylesheet(fmt, xslt)  # a broken stylesheet is a usage error, raised once
    _check_params(fmt, xslt, values)
    if outdir is not None:
        make_folder(outdir, option="-d")
    sink = stdout if stdout is not None else sys.stdout.buffer
    tell = report or _report_to_stderr
    writer = Writer(force=force)

    def convert_one(pair: tuple[str, Path | None]) -> None:
        item, target = pair
        data = convert_file(item, fmt, values, xslt, options)
        if target is None:
            sink.write(data)
            sink.flush()
        else:
            writer.write(target, data, named=output is not None)

    try:
        return each(zip(files, targets, strict=True), convert_one, tell, name=lambda pair: pair[0])
    finally:
        writer.save()
