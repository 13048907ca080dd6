"""tei: plain-text historical documents -> TEI P5, validated and transformed.

The public API (``__all__``): encode (``encode``, ``encode_file``,
``EncodeOptions``, ``Metadata``, ``to_bytes``), validate (``validate_file``,
``validate_bytes``, ``validate_tree``, ``Diagnostic``), convert
(``convert_file``, ``convert_tree``, ``FORMATS``), the safe parser's options
(``XmlOptions``) and the base of every error (``TeiError``). It is imported
lazily so that ``tei --version`` stays fast.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "Diagnostic",
    "EncodeOptions",
    "Metadata",
    "TeiError",
    "XmlOptions",
    "__version__",
    "convert_file",
    "convert_tree",
    "encode",
    "encode_file",
    "to_bytes",
    "validate_bytes",
    "validate_file",
    "validate_tree",
]

_LAZY = {
    "EncodeOptions": ("tei.encode", "EncodeOptions"),
    "encode": ("tei.encode", "encode"),
    "encode_file": ("tei.encode", "encode_file"),
    "Metadata": ("tei.metadata", "Metadata"),
    "to_bytes": ("tei.serialize", "to_bytes"),
    "validate_bytes": ("tei.validate", "validate_bytes"),
    "validate_file": ("tei.validate", "validate_file"),
    "validate_tree": ("tei.validate", "validate_tree"),
    "Diagnostic": ("tei.diagnostics", "Diagnostic"),
    "FORMATS": ("tei.transform", "FORMATS"),
    "convert_file": ("tei.transform", "convert_file"),
    "convert_tree": ("tei.transform", "convert_tree"),
    "XmlOptions": ("tei.safexml", "XmlOptions"),
    "TeiError": ("tei.errors", "TeiError"),
}


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        return getattr(importlib.import_module(module_name), attribute)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
