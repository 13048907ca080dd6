"""Offline full-text search: an index built here, read by a small script of the site's own.

Why not a server or a WebAssembly engine: the site must work from ``file://``,
where a page may not ``fetch`` files; a classic ``<script src>`` may load. So
the index is a script (``assets/search-index.js``) that defines one object,
and each document's text for result snippets is a script of its own
(``assets/text/DOC.js``), loaded only for the results shown.

Terms are words folded to lower case without diacritics (``Tchitchérine`` ->
``tchitcherine``); a query matches documents that contain every query word as
a word or a word's beginning (``negotiat`` finds ``negotiations``), ranked by
tf-idf with words of the title counting more.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["SearchDoc", "index_script", "js_literal", "terms_of", "text_script", "tokens"]

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """The search words of a text: lower case, diacritics removed, split on anything not a letter or digit."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [word for word in _WORD.findall(plain.replace("_", " ")) if word]


def terms_of(text: str) -> str:
    """A document's term counts, compact for the state file: ``"term:count term:count"`` in sorted order."""
    counts = Counter(tokens(text))
    return " ".join(f"{term}:{counts[term]}" for term in sorted(counts))


@dataclass(frozen=True)
class SearchDoc:
    """One document of the index: its page, title, date label, author, and its term counts (see terms_of)."""

    key: str
    url: str
    title: str
    date: str
    author: str
    terms: str
    title_terms: str
    text: str


def js_literal(value: object) -> str:
    """JSON that is safe inside a script file and a ``<script>`` element: no ``<``, no line separators."""
    return json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c")


def index_script(docs: Sequence[SearchDoc]) -> bytes:
    """``assets/search-index.js``: every document and, per term, its postings ``[doc, weight, …]``.

    Weights are tf-idf (log-scaled term frequency × inverse document frequency),
    with title terms weighted three times, rounded to 3 decimals so that the
    file is the same bytes for the same documents. Two passes over the
    documents' compact term strings, postings in typed arrays: memory stays
    near the size of the index itself.
    """
    frequency: Counter[str] = Counter()
    for doc in docs:
        frequency.update(_counts(doc).keys())
    total = len(docs)
    numbers: dict[str, array[int]] = {}
    weights: dict[str, array[float]] = {}
    for number, doc in enumerate(docs):
        for term, count in _counts(doc).items():
            if term not in numbers:
                numbers[term] = array("i")
                weights[term] = array("d")
            numbers[term].append(number)
            weights[term].append((1 + math.log(count)) * math.log(1 + total / frequency[term]))
    parts = ['window.TEI_SEARCH_INDEX = {"docs":',
             js_literal([[doc.url, doc.title, doc.date, doc.author, doc.key] for doc in docs]), ',"terms":{']
    for position, term in enumerate(sorted(numbers)):
        pairs = zip(numbers[term], weights[term], strict=True)
        postings = ",".join(f"{doc},{_weight(weight)}" for doc, weight in pairs)
        parts.append(("," if position else "") + js_literal(term) + ":[" + postings + "]")
    parts.append("}};\n")
    return "".join(parts).encode()


def _weight(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def _counts(doc: SearchDoc) -> dict[str, int]:
    counts = _parse_terms(doc.terms)
    for term, count in _parse_terms(doc.title_terms).items():
        counts[term] = counts.get(term, 0) + 3 * count
    return counts


def _parse_terms(value: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in value.split():
        term, _, count = item.rpartition(":")
        counts[term] = counts.get(term, 0) + int(count)
    return counts


def text_script(key: str, text: str) -> bytes:
    """``assets/text/DOC.js``: the reading text of one document, for result snippets."""
    return f"window.TEI_SEARCH_TEXT({js_literal(key)}, {js_literal(_compact(text))});\n".encode()


def _compact(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def all_terms(texts: Iterable[str]) -> set[str]:
    """Every term of some texts (for tests)."""
    return {term for text in texts for term in tokens(text)}
