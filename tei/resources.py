"""The only code that knows where schemas/, transforms/ and data/ live.

In a wheel, ``schemas`` and ``transforms`` are shipped inside the package as
``tei/_schemas`` and ``tei/_transforms``; in a source checkout they are the
top-level folders beside ``tei/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(installed: str, checkout: str) -> Path:
    """The installed copy when there is one, else the checkout's folder."""
    inside = _PACKAGE / installed
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / checkout


def schemas_dir() -> Path:
    """Folder of the project's XSD and Schematron files."""
    return _locate("_schemas", "schemas")


def transforms_dir() -> Path:
    """Folder of the XSLT stylesheets, one subfolder per output format."""
    return _locate("_transforms", "transforms")


def data_dir() -> Path:
    """Folder of the built-in data (the register)."""
    return _PACKAGE / "data"


def examples_dir() -> Path:
    """Folder of the bundled sample texts used by ``tei demo``."""
    return _PACKAGE / "examples"
