"""The JSON report of a corpus run, written as the results come (memory stays flat).

Entries are streamed into a temporary file beside the report and the file is
renamed into place at the end — the same promise as
:func:`tei.outputs.write_atomic` (an earlier report is never half
overwritten) without holding a million entries in memory. The shape::

    {"tool": "tei 0.1.0", "outdir": "...", "options": {...},
     "documents": [{"input", "status", "outputs": [{"path", "sha256"}],
                    "diagnostics": [{"file", "line", "col", "severity", "message", "rule"}],
                    "error", "seconds"}, ...],
     "summary": {"done", "failed", "skipped", "total", "seconds", "complete"}}
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from tei.errors import OutputError
from tei.outputs import check_target, install

__all__ = ["ReportWriter"]


class ReportWriter:
    """Streams report entries to a temporary file; :meth:`close` renames it into place."""

    def __init__(self, path: Path, header: dict[str, Any]) -> None:
        self.path = path
        folder = path.parent if str(path.parent) else Path(".")
        if path.is_dir() and not path.is_symlink():
            raise OutputError("is a folder; give a file name for --report", path=str(path))
        check_target(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise OutputError(f"cannot write the report here: {exc.strerror}", path=str(path)) from exc
        self.temporary = Path(temporary)
        self.stream: IO[str] = os.fdopen(handle, "w", encoding="utf-8")
        self.first = True
        head = json.dumps(header, ensure_ascii=False, indent=1)[:-2]  # without the closing "\n}"
        self.stream.write(head + ',\n "documents": [')

    def add(self, entry: dict[str, Any]) -> None:
        self.stream.write(("\n  " if self.first else ",\n  ") + json.dumps(entry, ensure_ascii=False))
        self.first = False

    def close(self, summary: dict[str, Any]) -> None:
        """Finish the JSON and rename it into place."""
        try:
            self.stream.write("\n ],\n \"summary\": " + json.dumps(summary) + "\n}\n")
            self.stream.close()
            install(self.temporary, self.path)
        except OSError as exc:
            self.temporary.unlink(missing_ok=True)
            raise OutputError(f"cannot write the report: {exc.strerror}", path=str(self.path)) from exc

    def abort(self) -> None:
        self.stream.close()
        self.temporary.unlink(missing_ok=True)
