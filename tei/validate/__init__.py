"""Validation: the project's schema and rules, or any schema a user names.

Validation returns diagnostics; an exception (``tei.errors.InputError``)
only means "could not validate": the file or the schema cannot be read.

Without ``schema``: the project's XSD (``schemas/tei-toolkit.xsd``), its
Schematron rules (``schemas/rules.sch``) and the Python rules
(``tei.validate.rules``). With ``schema``: that RELAX NG (``.rng``, XML
syntax; :mod:`tei.validate.rng`, jing's verdicts and lines) or XSD file
(:mod:`tei.validate.user_xsd`) alone. The schema is loaded and checked
whole before any document is read.

``run_validate`` is what ``tei validate`` prints. The diagnostics *are* its
data, so they go to standard output, one per line; the summary line goes to
standard error, like every other message that is not data.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from tei.diagnostics import Diagnostic
from tei.errors import InputError, TeiError, UsageError, each
from tei.safexml import DEFAULT, XmlOptions, read_stdin
from tei.validate import rules, schematron, xsd
from tei.validate.positions import Locator

__all__ = ["FORMATS", "run_validate", "validate_bytes", "validate_file", "validate_tree"]

#: The output formats of ``tei validate --format``.
FORMATS = ("text", "json")


def validate_tree(root: etree._Element, *, name: str) -> list[Diagnostic]:
    """The project's schema and rules on an in-memory tree (positions from ``sourceline`` only)."""
    return _project(root, name, Locator(root, None))


def validate_bytes(
    data: bytes, *, name: str, schema: Path | None = None, options: XmlOptions = DEFAULT
) -> list[Diagnostic]:
    """Diagnostics of a document given as bytes; empty means valid.

    Raises InputError when the document is over a limit or declares
    entities (:mod:`tei.safexml`): it is refused, not validated.
    """
    base = str(Path(name).resolve()) if options.xinclude and Path(name).is_file() else None
    root, problems = xsd.parse(data, name, options, base_url=base)
    if root is None:
        return problems
    locator = Locator.for_source(root, data)
    if schema is None:
        return _project(root, name, locator)
    from tei.validate import rng  # only for --schema: the project's own path never needs it

    return _tidy(rng.check_named_schema(root, name, locator, schema))


def validate_file(path: str | Path, *, schema: Path | None = None, options: XmlOptions = DEFAULT) -> list[Diagnostic]:
    """Diagnostics of one file; empty means valid.

    Raises InputError only when it cannot validate: the file or the schema
    cannot be read, or the schema is not a usable RELAX NG or XSD file.
    """
    if schema is not None:
        _check_schema(schema)
    data = xsd.read_bytes(path, options)
    return validate_bytes(data, name=str(path), schema=schema, options=options)


def _check_schema(schema: Path) -> None:
    """Refuse an unusable schema before any document is read; a RELAX NG schema is loaded and checked whole."""
    from tei.validate import rng

    if rng.schema_kind(schema) == "rng":
        rng.load_rng(schema)
    else:
        from tei.validate.user_xsd import compile_user_xsd

        compile_user_xsd(schema)


def _project(root: etree._Element, name: str, locator: Locator) -> list[Diagnostic]:
    found = xsd.check_project_xsd(root, name, locator)
    found += schematron.check_schematron(root, name, locator)
    found += rules.check_rules(root, name, locator)
    return _tidy(found)


def _tidy(found: list[Diagnostic]) -> list[Diagnostic]:
    """In source order, each problem once: a rule's diagnostic replaces the schema's identical one."""
    kept: dict[tuple[int, int, str], Diagnostic] = {}
    for diagnostic in found:
        key = (diagnostic.line, diagnostic.col, diagnostic.message)
        current = kept.get(key)
        if current is None or (current.rule.startswith("xsd:") and diagnostic.rule.startswith("tei:")):
            kept[key] = diagnostic
    return sorted(kept.values(), key=lambda d: (d.line, d.col, d.rule, d.message))


def run_validate(
    files: Sequence[str], *, schema: Path | None, fmt: str, options: XmlOptions = DEFAULT
) -> tuple[str, list[str], int]:
    """What ``tei validate`` prints: (standard output, standard-error lines, exit status).

    Exit status: 0 all valid, 1 a document is invalid, 2 a file or the
    schema could not be read (the other files are still checked).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    errors: list[str] = []
    if schema is not None:
        try:
            _check_schema(schema)
        except InputError as exc:
            return "", [f"tei: {exc}"], exc.exit_status
    results: list[tuple[str, list[Diagnostic]]] = []
    unreadable: list[str] = []

    names = ["<stdin>" if item == "-" else item for item in files]

    def check(item: str) -> None:
        name = "<stdin>" if item == "-" else item
        data = read_stdin(options) if item == "-" else xsd.read_bytes(item, options)
        results.append((name, validate_bytes(data, name=name, schema=schema, options=options)))

    def cannot(exc: TeiError) -> None:  # one line; the file counts as unread and the others go on
        errors.append(f"tei: {exc}")
        unreadable.append(names[len(results) + len(unreadable)])

    each(files, check, cannot, name=lambda item: "<stdin>" if item == "-" else item)
    invalid = sum(1 for _, found in results if found)
    count = sum(len(found) for _, found in results)
    if fmt == "json":
        report = [
            {
                "file": name,
                "valid": not found,
                "errors": [{"line": d.line, "col": d.col, "message": d.message, "rule": d.rule} for d in found],
            }
            for name, found in results
        ]
        report += [
            {
                "file": name,
                "valid": False,
                "errors": [{"line": 0, "col": 0, "message": "cannot be read", "rule": "io:unreadable"}],
            }
            for name in unreadable
        ]
        out = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    else:
        out = "".join(d.format() + "\n" for _, found in results for d in found)
    errors.append(_summary(len(results), invalid, count, len(unreadable)))
    status = 2 if unreadable else (1 if invalid else 0)
    return out, errors, status


def _summary(checked: int, invalid: int, count: int, unreadable: int) -> str:
    def plural(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"

    text = f"{plural(checked, 'file')} checked, {invalid} invalid, {plural(count, 'error')}"
    if unreadable:
        text += f", {unreadable} could not be read"
    return text
