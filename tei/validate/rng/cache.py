"""The checked, simplified grammar of a schema, kept on disk so that the next process skips the load.

Loading and checking tei_all takes about 0.3 s; a command that validates one
file would spend most of its time there. So the result is written to the
user's cache folder (``$TEI_CACHE_DIR``, else ``$XDG_CACHE_HOME/tei/rng``,
else ``~/.cache/tei/rng``), named by the SHA-256 of the main schema file's
bytes, and records the SHA-256 of every file the schema was read from and
of the toolkit code that checks and simplifies schemas. An
entry is used only if every one of those files still has those bytes, so an
edited include is never missed.

The entry is JSON, not pickle: reading it runs no code whatever it holds.
It is read back by :meth:`Grammar.from_data`, which checks every row (kinds,
references only to earlier rows, strings where strings belong); an entry
that is truncated, corrupt, from another version or tampered with is
ignored and rebuilt. ``TEI_NO_CACHE=1`` turns the cache off. Writing is
atomic (a temporary file renamed into place) and failures to write are
silent: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tei.validate.rng.grammar import Grammar

#: Bump when the grammar's data format or the checks that produce it change.
FORMAT = 1
MAX_ENTRY_BYTES = 64 * 1024 * 1024


def cache_folder() -> Path | None:
    """Where entries live; None when caching is off."""
    if os.environ.get("TEI_NO_CACHE"):
        return None
    explicit = os.environ.get("TEI_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei" / "rng"


def _entry_path(folder: Path, main_hash: str) -> Path:
    return folder / f"{main_hash}.json"


#: The modules whose code decides what a cached grammar holds: an entry made by other code is not used.
_PRODUCERS = ("simplify.py", "restrictions.py", "datatypes.py", "names.py", "xsdregex.py", "grammar.py", "cache.py")


@functools.lru_cache(maxsize=1)
def _tool_version() -> str:
    from tei import __version__

    digest = hashlib.sha256()
    folder = Path(__file__).resolve().parent
    for name in _PRODUCERS:
        with contextlib.suppress(OSError):
            digest.update((folder / name).read_bytes())
    return f"{__version__}/{FORMAT}/{digest.hexdigest()[:16]}"


def file_hash(path: str) -> str | None:
    from tei.validate.schemafiles import read_schema_file

    try:
        return hashlib.sha256(read_schema_file(Path(path))).hexdigest()
    except Exception:  # any reason the file cannot be read: the entry is not usable
        return None


def read(main: Path, main_bytes: bytes) -> tuple[Grammar, dict[str, str]] | None:
    """The cached grammar of ``main`` and its files' hashes, if a valid entry matches every file."""
    folder = cache_folder()
    if folder is None:
        return None
    main_hash = hashlib.sha256(main_bytes).hexdigest()
    path = _entry_path(folder, main_hash)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
        if len(raw) > MAX_ENTRY_BYTES:
            return None
        data: Any = json.loads(raw)
        if not isinstance(data, dict) or data.get("version") != _tool_version():
            return None
        files = data["files"]
        if not isinstance(files, dict) or files.get(str(main)) != main_hash:
            return None
        for name, digest in files.items():
            if name != str(main) and file_hash(name) != digest:
                return None
        grammar = Grammar.from_data(data["grammar"])
        return grammar, {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None


def write(main: Path, files: dict[str, str], grammar: Grammar) -> None:
    """Store an entry (silently giving up when the folder cannot be written)."""
    folder = cache_folder()
    if folder is None or str(main) not in files:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = json.dumps(
            {"version": _tool_version(), "files": files, "grammar": grammar.to_data()}, separators=(",", ":")
        ).encode()
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(payload)
            os.replace(temporary, _entry_path(folder, files[str(main)]))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except (OSError, ValueError, TypeError, RecursionError):
        return
