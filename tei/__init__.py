"""tei: plain-text historical documents -> TEI P5, validated and transformed.

The public API (``__all__``): encode (``encode``, ``encode_file``,
``EncodeOptions``, ``Metadata``, ``to_bytes``), validate (``validate_file``,
``validate_bytes``, ``validate_tree``, ``Diagnostic``), convert
(``convert_file``, ``convert_tree``, ``FORMATS``), the collection
(``read_collection``, ``build_corpus``, ``export_entities``, ``build_site``),
the safe parser's options (``XmlOptions``) and the base of every error
(``TeiError``). It is imported
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
    "build_corpus",
    "build_site",
    "convert_file",
    "convert_tree",
    "encode",
    "encode_file",
    "export_entities",
    "read_collection",
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
    "build_corpus": ("tei.corpus.teicorpus", "build_corpus"),
    "build_site": ("tei.corpus.site", "build_site"),
    "export_entities": ("tei.corpus.export", "export_entities"),
    "read_collection": ("tei.corpus.teicorpus", "read_collection"),
}


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        return getattr(importlib.import_module(module_name), attribute)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
