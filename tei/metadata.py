"""Metadata the text cannot tell: the sidecar ``NAME.meta.toml`` or ``--meta FILE``.

Why a frozen dataclass with known keys: a misspelt key must be an error a user
can act on, not a silently missing licence in an archive's header.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

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


def parse_meta(data: bytes, path: str) -> Metadata:
    """Parse TOML bytes into Metadata; unknown keys and wrong types are errors."""
    try:
        raw: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError("the metadata file is not UTF-8 text", path=path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}; fix the syntax (strings need quotes)", path=path) from exc
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
            values[key] = dict(sorted(value.items()))
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if not isinstance(value, str):
            raise InputError(f"metadata key {key!r} must be a string, not {type(value).__name__}", path=path)
        values[key] = value.strip()
    return Metadata(**values)


def load_meta(path: Path) -> Metadata:
    """Read and parse a metadata file, with a one-line error when it cannot be read."""
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a metadata file", path=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read metadata file: {exc.strerror}", path=str(path)) from exc
    return parse_meta(data, str(path))


def sidecar_for(input_path: Path) -> Path:
    """The sidecar file that belongs to an input: ``note.txt`` -> ``note.meta.toml``."""
    return input_path.with_name(input_path.stem + ".meta.toml")
