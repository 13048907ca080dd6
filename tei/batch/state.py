"""The incremental state of a corpus run: ``OUTDIR/.tei-batch.json``.

For each input that was done (by its relative name) it keeps the key (a
SHA-256 over the input's bytes, its sidecar's bytes, the options and the
toolkit's version) and the SHA-256 of every output written. A later run skips
an input when its key is the same and every output is still there with the
same bytes; timestamps play no part. An input that failed on its content (not
well-formed, or invalid) is recorded with its diagnostics and reported failed
again, without being redone, while it is unchanged; one that failed for any
other reason (unreadable, an output not writable) is not recorded, so it is
tried again.
The file is written atomically at the end of a run (and when it is
interrupted), so a crash leaves the previous state, never half a file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tei import __version__
from tei.diagnostics import Diagnostic
from tei.errors import InputError
from tei.files import is_regular, read_regular
from tei.outputs import file_hashes, write_atomic

STATE_NAME = ".tei-batch.json"
STATE_FORMAT = 1

__all__ = ["STATE_NAME", "Previous", "State", "document_key", "file_sha256"]


@dataclass(frozen=True)
class Previous:
    """What the state remembers of one input: its key, its outputs (relative path -> sha256), its diagnostics.

    ``diagnostics`` is non-empty only for an input that failed on its content.
    """

    key: str
    outputs: tuple[tuple[str, str], ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file, or None when it cannot be read."""
    try:
        return file_hashes(path)["sha256"]
    except OSError:
        return None


def document_key(data: bytes, sidecar: bytes | None, options: Mapping[str, Any]) -> str:
    """The content key of one input: its bytes, its sidecar's, the options and the toolkit version."""
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(data).digest())
    digest.update(hashlib.sha256(sidecar).digest() if sidecar is not None else b"-")
    digest.update(json.dumps(dict(options), sort_keys=True, default=str).encode())
    digest.update(__version__.encode())
    return digest.hexdigest()


@dataclass
class State:
    """The state file's content: the previous run's records and this run's, by relative input name."""

    path: Path
    previous: dict[str, Previous] = field(default_factory=dict)
    current: dict[str, Previous] = field(default_factory=dict)

    @classmethod
    def load(cls, outdir: Path) -> State:
        """The state in ``outdir``; an absent, unreadable or foreign file is an empty state (everything is redone)."""
        path = outdir / STATE_NAME
        state = cls(path)
        if path.is_symlink() or not is_regular(path):
            return state  # a state file is a regular file tei wrote; anything else is not read (a FIFO would hang)
        try:
            raw = json.loads(read_regular(path, hint=None).decode("utf-8"))
        except (InputError, ValueError):
            return state
        if not isinstance(raw, dict) or raw.get("format") != STATE_FORMAT:
            return state
        documents = raw.get("documents")
        if not isinstance(documents, dict):
            return state
        for rel, entry in documents.items():
            try:
                outputs = tuple((str(name), str(sha)) for name, sha in entry["outputs"].items())
                diagnostics = tuple(
                    Diagnostic(
                        str(d["file"]), int(d["line"]), int(d["col"]), str(d["severity"]), str(d["message"]),
                        str(d["rule"]),
                    )
                    for d in entry.get("diagnostics", [])
                )
                state.previous[str(rel)] = Previous(str(entry["key"]), outputs, diagnostics)
            except (KeyError, TypeError, AttributeError, ValueError):
                continue
        return state

    def get(self, rel: str) -> Previous | None:
        return self.previous.get(rel)

    def record(self, rel: str, entry: Previous) -> None:
        """Remember a done, up-to-date or content-failed input."""
        self.current[rel] = entry

    def save(self) -> None:
        """Write the state atomically; inputs this run did not meet keep their earlier records."""
        merged = {**self.previous, **self.current}
        documents: dict[str, Any] = {}
        for rel, entry in sorted(merged.items()):
            documents[rel] = {"key": entry.key, "outputs": dict(entry.outputs)}
            if entry.diagnostics:
                documents[rel]["diagnostics"] = [{"file": d.file, **d.to_json()} for d in entry.diagnostics]
        data = {"format": STATE_FORMAT, "tool": f"tei {__version__}", "documents": documents}
        write_atomic(self.path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))
