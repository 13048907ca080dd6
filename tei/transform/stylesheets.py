"""Compiling stylesheets safely, once per process, and their parameters.

Safety: a stylesheet, and every stylesheet it includes or imports, is read
through :mod:`tei.safexml` (no entities, no DTD, no network, size limits),
by a resolver that also confines it to ``transforms/`` and the user's own
stylesheet's folder. libxslt would otherwise parse an included file itself,
substituting any external entity it declares (a way to read /etc/passwd
into the output). At run time the stylesheet may read files only through
the same resolver and may not write files or use the network.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lxml import etree

from tei import safexml
from tei.errors import InputError, TeiError, UsageError
from tei.resources import transforms_dir
from tei.transform.formats import get_format
from tei.transform.messages import first_line, stylesheet_failure

__all__ = [
    "StylesheetError",
    "check_params",
    "compile_stylesheet",
    "parse_params",
    "stylesheet_param_defaults",
    "stylesheet_params",
    "stylesheet_path",
]

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


class StylesheetError(UsageError):
    """A stylesheet (the user's ``--xslt``, or a broken install) cannot be read or compiled (exit 2)."""


class _SafeStylesheetResolver(etree.Resolver):
    """Hands libxslt every file a stylesheet names, read by :mod:`tei.safexml`, from the allowed folders only."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__()
        self.roots = tuple(root.resolve() for root in roots)

    def resolve(self, system_url: str, public_id: str, context: object = None) -> Any:
        parsed = urlparse(system_url)
        if parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
            raise StylesheetError(f"refusing to load {system_url!r}: stylesheets may not use the network")
        target = Path(unquote(parsed.path) if parsed.scheme == "file" else system_url).resolve()
        if not any(target.is_relative_to(root) for root in self.roots):
            raise StylesheetError(f"refusing to load {target}: outside {', '.join(map(str, self.roots))}")
        try:
            tree = safexml.parse_file(target)
        except InputError as exc:  # declares an entity, over a limit, unreadable
            raise StylesheetError(exc.message, path=str(target), line=exc.line) from exc
        except etree.XMLSyntaxError as exc:
            raise StylesheetError(
                f"not well-formed XML: {first_line(str(exc))}", path=str(target), line=exc.lineno
            ) from exc
        # Re-serialised, the file has no DOCTYPE left for libxml2 to act on.
        resolver: Any = self  # lxml-stubs 0.5 lacks resolve_string's base_url
        return resolver.resolve_string(etree.tostring(tree), context, base_url=target.as_uri())


def _access_control() -> etree.XSLTAccessControl:
    """Reading files goes through the resolver; writing and network are off."""
    make: Any = etree.XSLTAccessControl  # lxml-stubs 0.5 does not know its keywords
    access: etree.XSLTAccessControl = make(
        read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
    )
    return access


@functools.lru_cache(maxsize=32)
def _compile(path: str, stamp: tuple[int, int], thread: int) -> etree.XSLT:
    """Compile a stylesheet; cached by path and (mtime, size) so an edited ``--xslt`` is recompiled, and
    by thread: libxslt's compiled stylesheet and the log its warnings are read from are not safe to
    share between threads running at once (two threads on one crashed with a double free)."""
    stylesheet = Path(path)
    resolver = _SafeStylesheetResolver([transforms_dir(), stylesheet.parent])
    parser = safexml.safe_parser(resolver=resolver)
    try:
        document = safexml.parse_file(stylesheet, parser=parser)
        return etree.XSLT(document, access_control=_access_control())
    except StylesheetError:
        raise
    except InputError as exc:  # over a limit, or declaring entities
        raise StylesheetError(exc.message, path=path, line=exc.line) from exc
    except etree.XMLSyntaxError as exc:
        raise StylesheetError(f"not well-formed XML: {first_line(str(exc))}", path=path, line=exc.lineno) from exc
    except etree.XSLTParseError as exc:
        message, where, line = stylesheet_failure(exc.error_log, exc)
        raise StylesheetError(f"not a usable XSLT 1.0 stylesheet: {message}", path=where or path, line=line) from exc
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


def stylesheet_path(fmt: str, xslt: Path | None) -> Path:
    """The user's stylesheet, else the format's."""
    if xslt is not None:
        return xslt.resolve()
    return get_format(fmt).path


def compile_stylesheet(fmt: str, xslt: Path | None = None) -> etree.XSLT:
    """The compiled stylesheet of a format (or the user's ``xslt``), compiled once per process (and
    thread)."""
    path = stylesheet_path(fmt, xslt)
    return _compile(str(path), _stamp(path), threading.get_ident())


@functools.lru_cache(maxsize=32)
def _declared(path: str, stamp: tuple[int, int]) -> Mapping[str, str]:
    """Top-level xsl:param names of a stylesheet and everything it imports or includes, with the
    default of each when it is a string literal ('' otherwise). The importing stylesheet's wins."""
    found: dict[str, str] = {}
    seen: set[Path] = set()
    pending = [Path(path)]
    while pending:
        current = pending.pop(0).resolve()
        if current in seen or not current.is_file():
            continue
        seen.add(current)
        try:
            root = safexml.parse_file(current).getroot()
        except (etree.XMLSyntaxError, TeiError):
            continue
        for child in root:
            if child.tag == f"{{{XSL_NS}}}param" and child.get("name"):
                default = child.get("select") or ""
                literal = default[1:-1] if len(default) >= 2 and default[0] == default[-1] == "'" else ""
                found.setdefault(str(child.get("name")), literal)
            elif child.tag in (f"{{{XSL_NS}}}import", f"{{{XSL_NS}}}include") and child.get("href"):
                href = str(child.get("href"))
                if "://" not in href:
                    pending.append(current.parent / href)
    return found


def stylesheet_params(fmt: str, xslt: Path | None = None) -> frozenset[str]:
    """The parameters a format's stylesheet declares (documented in ``transforms/README.md``)."""
    path = stylesheet_path(fmt, xslt)
    return frozenset(_declared(str(path), _stamp(path)))


def stylesheet_param_defaults(fmt: str, xslt: Path | None = None) -> Mapping[str, str]:
    """The declared parameters and their literal defaults (the fonts a format names, for instance)."""
    path = stylesheet_path(fmt, xslt)
    return _declared(str(path), _stamp(path))


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


def check_params(fmt: str, xslt: Path | None, params: Mapping[str, str]) -> None:
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
