"""A collection's own facts from a TOML file: title, publisher, description (for its header and home page)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tei.errors import InputError, read_error

__all__ = ["CORPUS_KEYS", "read_corpus_meta"]

#: The keys a collection's metadata file may hold (all optional strings).
CORPUS_KEYS = ("title", "publisher", "description")


def read_corpus_meta(path: Path) -> dict[str, str]:
    """The metadata of ``path``; InputError (one line, with the file) for anything else."""
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise read_error(exc, str(path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError("not UTF-8 text; save the metadata file as UTF-8", path=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", path=str(path)) from exc
    values: dict[str, str] = {}
    for key, value in data.items():
        if key not in CORPUS_KEYS:
            known = ", ".join(CORPUS_KEYS)
            raise InputError(f"unknown key {key!r}; a collection's metadata has {known}", path=str(path))
        if not isinstance(value, str):
            raise InputError(f"{key} must be a string", path=str(path))
        values[key] = value.strip()
    return values
