"""The output formats: each one's stylesheet, file suffix and media type (the CLI's ``--to`` choices)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from tei.errors import UsageError
from tei.resources import transforms_dir

__all__ = ["FORMATS", "Format", "get_format"]


@dataclass(frozen=True)
class Format:
    """One output format: its stylesheet (relative to ``transforms_dir()``), file suffix, media type."""

    name: str
    stylesheet: str
    suffix: str
    media_type: str
    description: str
    #: Does the format embed fonts (so that characters no font has are worth a warning)?
    uses_fonts: bool = False

    @property
    def path(self) -> Path:
        """Absolute path of the stylesheet, wherever the package is installed."""
        return transforms_dir() / self.stylesheet


#: The output formats by name; the CLI's ``--to`` choices are its keys.
FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        "html": Format("html", "html/tei-to-html.xsl", ".html", "text/html", "self-contained HTML5 reading edition"),
        "fo": Format(
            "fo", "fo/tei-to-fo.xsl", ".fo", "application/xslfo+xml", "XSL-FO 1.1 for Apache FOP (PDF)", True
        ),
        "latex": Format(
            "latex", "latex/tei-to-latex.xsl", ".tex", "application/x-latex", "LaTeX for lualatex (PDF)", True
        ),
        "text": Format("text", "text/tei-to-text.xsl", ".txt", "text/plain", "plain reading text"),
    }
)


def get_format(fmt: str) -> Format:
    """The format called ``fmt``; UsageError naming the others when there is none."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(sorted(FORMATS))}") from None
