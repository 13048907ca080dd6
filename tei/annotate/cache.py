"""The compiled register, cached in memory and on disk, keyed by the content of everything it depends on.

Why: reading the register (several thousand entries of XML) and compiling its
written forms into tries costs more than encoding a small document; a user who
encodes one note at a time, or a batch with ``--register``, would pay it for
every document. So the result is kept:

- in this process, by content key: a batch reads a user's register once;
- on disk (``$TEI_CACHE_DIR``, else ``$XDG_CACHE_HOME/tei``, else
  ``~/.cache/tei``), as a pickle of plain data. The key is the SHA-256 of the
  register files' bytes, the vocabulary files, the annotator's own source
  files, the toolkit's and Python's versions: any edit makes a new key.

A cache file is never trusted blindly: it must carry its key and the SHA-256
of its payload, belong to the current user, and unpickle with an unpickler
that refuses every class but the matcher's own plain types. Anything wrong
(corrupt, stale, foreign, unreadable) and the register is rebuilt and the file
rewritten (atomically; a cache that cannot be written is simply not kept).
``TEI_NO_CACHE=1`` turns the disk cache off.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import tei
from tei.annotate import matcher
from tei.annotate.matcher import Node, RegisterMatcher, Target, Tries, build_tries
from tei.annotate.names import remember_matcher
from tei.annotate.register import LazyEntries, Register, builtin_files, load_register
from tei.annotate.vocabulary import vocabulary_files

#: Bump when the layout of the cached payload changes.
FORMAT = "tei-register-cache 4"
_MAGIC = FORMAT.encode("ascii") + b"\n"
#: Cache files kept per folder (the newest); older ones are removed.
_KEEP = 8

_MEMORY: dict[str, Register] = {}


def cache_dir() -> Path | None:
    """Where cache files live; None when the disk cache is off."""
    if os.environ.get("TEI_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("TEI_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg:
        return Path(xdg) / "tei"
    home = Path.home() if "HOME" in os.environ or sys.platform == "win32" else None
    return home / ".cache" / "tei" if home is not None else None


def _source_files() -> list[Path]:
    """The annotator's own code: a new version of the matcher never reads an old cache."""
    return sorted(Path(matcher.__file__).parent.glob("*.py"))


def register_key(paths: Sequence[Path], include_builtin: bool = True) -> str:
    """SHA-256 over everything the compiled register depends on (file names do not count, bytes do)."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\n{tei.__version__}\n{sys.version_info[:2]}\n{include_builtin}\n".encode())
    groups = (
        ("builtin", builtin_files() if include_builtin else []),
        ("vocabulary", list(vocabulary_files())),
        ("code", _source_files()),
        ("user", [Path(p) for p in paths]),
    )
    for label, files in groups:
        digest.update(f"[{label} {len(files)}]\n".encode())
        for path in files:
            data = path.read_bytes()
            digest.update(f"{len(data)}\n".encode())
            digest.update(data)
    return digest.hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    """Refuses every global but the matcher's plain ``Target`` tuple and ``frozenset``."""

    _ALLOWED: ClassVar[dict[tuple[str, str], type]] = {
        ("tei.annotate.matcher", "Target"): Target,
        ("builtins", "frozenset"): frozenset,
    }

    def find_class(self, module: str, name: str) -> Any:
        allowed = self._ALLOWED.get((module, name))
        if allowed is None:
            raise pickle.UnpicklingError(f"refused global {module}.{name} in a register cache")
        return allowed


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(data: bytes) -> Any:
    return _PlainUnpickler(io.BytesIO(data)).load()


def _payload(register: Register, tries: Tries) -> bytes:
    """Plain data only: entries as tuples, the tries as nested dicts (the capitals trie pickled apart,
    to be read only by a document that has a name in capitals)."""
    entries = {
        e.id: (e.kind, e.standard, e.variants, e.ambiguous, e.xml, e.nationality, e.periods)
        for e in register.entries.values()
    }
    upper = tries.upper() if callable(tries.upper) else tries.upper
    data = {
        "entries": entries,
        "exact": tries.exact,
        "upper": _dumps(upper),
        "starts": tries.starts,
        "forenames": tries.forenames,
        "upper_firsts": tries.upper_firsts,
        "initials": tries.initials,
    }
    return _dumps(data)


def _upper_loader(blob: bytes) -> Callable[[], Node]:
    def load() -> Node:
        upper = _loads(blob)
        if not isinstance(upper, dict):
            raise ValueError("malformed capitals trie in a register cache")
        return upper

    return load


def _from_payload(payload: bytes) -> tuple[Register, Tries]:
    data = _loads(payload)
    if not isinstance(data, dict):
        raise ValueError("not a register cache")
    entries, exact, upper, starts = data["entries"], data["exact"], data["upper"], data["starts"]
    forenames, upper_firsts, initials = data["forenames"], data["upper_firsts"], data["initials"]
    if not (isinstance(entries, dict) and isinstance(exact, dict) and isinstance(upper, bytes)):
        raise ValueError("malformed register cache")
    if not (isinstance(starts, str) and isinstance(forenames, frozenset) and isinstance(upper_firsts, frozenset)):
        raise ValueError("malformed register cache")
    for ident, row in entries.items():
        if not (isinstance(ident, str) and isinstance(row, tuple) and len(row) == 7 and isinstance(row[4], bytes)):
            raise ValueError("malformed entry in a register cache")
    if not isinstance(initials, dict):
        raise ValueError("malformed register cache")
    tries = Tries(exact, _upper_loader(upper), starts, forenames, upper_firsts, initials)
    return Register(LazyEntries(entries)), tries


def _read(path: Path, key: str) -> tuple[Register, Tries] | None:
    """The cached register at ``path`` if it is whole, ours and for ``key``; None otherwise."""
    try:
        stat = path.stat()
        if hasattr(os, "getuid") and stat.st_uid != os.getuid():
            return None  # planted by someone else: not ours to unpickle
        data = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(head):
        return None
    rest = data[len(head) :]
    check, _, payload = rest.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode("ascii") != check:
        return None
    try:
        return _from_payload(payload)
    except Exception:  # a damaged cache of any kind is rebuilt, never fatal
        return None


def _write(folder: Path, path: Path, key: str, payload: bytes) -> None:
    """Write atomically (temporary file, rename); a cache that cannot be written is not kept."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".register-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + key.encode("ascii") + b"\n")
                out.write(hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n")
                out.write(payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("register-*.cache"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)


def cached_register(paths: Sequence[Path | str] = (), *, include_builtin: bool = True) -> Register:
    """The register (built-in merged with ``paths``) with its matcher compiled, from the caches if possible.

    Errors in a user's register are raised as by ``load_register`` (they are never cached).
    """
    files = [Path(p) for p in paths]
    try:
        key = register_key(files, include_builtin)
    except OSError:
        return load_register(files, include_builtin=include_builtin)  # the loader says what is wrong
    register = _MEMORY.get(key)
    if register is not None:
        return register
    folder = cache_dir()
    path = folder / f"register-{key[:40]}.cache" if folder is not None else None
    loaded = _read(path, key) if path is not None else None
    if loaded is not None:
        register, tries = loaded
    else:
        register = load_register(files, include_builtin=include_builtin)
        tries = build_tries(register.forms())
        if folder is not None and path is not None:
            _write(folder, path, key, _payload(register, tries))
    remember_matcher(register, RegisterMatcher(tries))
    _MEMORY[key] = register
    return register
