"""One diagnostic record and its one text format, shared by every validator.

Leaf module. Positions are 1-based; 0 means "unknown".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem found in a file: where, how bad, what, and which rule said so."""

    file: str
    line: int
    col: int
    severity: str  # "error" | "warning" | "info"
    message: str
    rule: str

    def format(self) -> str:
        """``FILE:LINE:COL: severity: MESSAGE [RULE]`` — the one text form."""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, Any]:
        """The JSON form used by ``tei validate --format json`` and batch reports."""
        data = asdict(self)
        del data["file"]
        return data
