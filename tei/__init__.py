"""tei: plain-text historical documents -> TEI P5, validated and transformed.

The public API is imported lazily so that ``tei --version`` stays fast.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "EncodeOptions",
    "Metadata",
    "__version__",
    "build_corpus",
    "build_site",
    "encode",
    "encode_file",
    "export_entities",
    "read_collection",
]

_LAZY = {
    "EncodeOptions": ("tei.encode", "EncodeOptions"),
    "encode": ("tei.encode", "encode"),
    "encode_file": ("tei.encode", "encode_file"),
    "Metadata": ("tei.metadata", "Metadata"),
    "build_corpus": ("tei.corpus.teicorpus", "build_corpus"),
    "build_site": ("tei.corpus.site", "build_site"),
    "export_entities": ("tei.corpus.export", "export_entities"),
    "read_collection": ("tei.corpus.teicorpus", "read_collection"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        return getattr(importlib.import_module(module_name), attribute)
    raise AttributeError(f"module 'tei' has no attribute {name!r}")
