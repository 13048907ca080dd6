"""A collection's own facts from a TOML file: title, publisher, description (for its header and home page)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tei.errors import InputError

__all__ = ["CORPUS_KEYS", "read_corpus_meta"]

#: The keys a collection's metadata file may hold (all optional strings).
CORPUS_KEYS = ("title", "publisher", "description")


def read_corpus_meta(path: Path) -> dict[str, str]:
    """The metadata of ``path``; InputError (one line, with the file) for anything else."""
    from tei.metadata import check_value, read_meta_bytes

    try:
        data = tomllib.loads(read_meta_bytes(path).decode("utf-8"))
    except RecursionError:
        raise InputError("not usable TOML: tables or arrays nested too deeply", path=str(path)) from None
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
        check_value(key, value.strip(), str(path))
        values[key] = value.strip()
    return values
