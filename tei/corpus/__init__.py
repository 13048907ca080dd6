"""A collection as a whole: one teiCorpus, one register across documents, entity exports, a static site.

- :func:`read_collection` reads the TEI documents under files and folders and
  merges their entries into entities (:mod:`tei.corpus.entities`);
- :func:`build_corpus` makes the ``teiCorpus`` (:mod:`tei.corpus.teicorpus`);
- :func:`export_entities` writes CSV, JSON, JSON-LD or TEI (:mod:`tei.corpus.export`);
- :func:`build_site` writes the static edition site (:mod:`tei.corpus.site`).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CorpusOptions",
    "SiteOptions",
    "build_corpus",
    "build_site",
    "export_entities",
    "read_collection",
]

_LAZY = {
    "CorpusOptions": ("tei.corpus.teicorpus", "CorpusOptions"),
    "build_corpus": ("tei.corpus.teicorpus", "build_corpus"),
    "read_collection": ("tei.corpus.teicorpus", "read_collection"),
    "export_entities": ("tei.corpus.export", "export_entities"),
    "SiteOptions": ("tei.corpus.site", "SiteOptions"),
    "build_site": ("tei.corpus.site", "build_site"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module_name, attribute = _LAZY[name]
        return getattr(importlib.import_module(module_name), attribute)
    raise AttributeError(f"module 'tei.corpus' has no attribute {name!r}")
