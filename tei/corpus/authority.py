"""Authority identifiers (Wikidata, GeoNames, VIAF, GND…): one spelling for each, and its URI.

Why: the same person is ``<idno type="wikidata">Q33391</idno>`` in one
document, ``ref="https://www.wikidata.org/wiki/Q33391"`` in another and
``viaf:…`` in a third. Entities are merged on these identifiers, so each is
reduced to a ``(scheme, value)`` pair first; the URI is what JSON-LD's
``sameAs`` and the site's links use.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Authority", "authority_from_idno", "authority_from_ref"]


class Authority(NamedTuple):
    """An identifier in an authority file: ``("wikidata", "Q33391")``; ``uri`` may be empty."""

    scheme: str
    value: str

    @property
    def uri(self) -> str:
        """The identifier's canonical URI ("" when the scheme has none known here)."""
        template = _URIS.get(self.scheme)
        if template:
            return template.format(self.value)
        if self.scheme == "uri":
            return self.value
        return ""

    @property
    def label(self) -> str:
        return f"{_LABELS.get(self.scheme, self.scheme)} {self.value}"

    @property
    def page(self) -> str:
        """The address a reader's link goes to (the human-readable page where it differs from the URI)."""
        template = _PAGES.get(self.scheme)
        return template.format(self.value) if template else self.uri


_URIS = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "geonames": "https://sws.geonames.org/{}/",
    "viaf": "http://viaf.org/viaf/{}",
    "gnd": "https://d-nb.info/gnd/{}",
    "lccn": "http://id.loc.gov/authorities/names/{}",
    "isni": "https://isni.org/isni/{}",
    "orcid": "https://orcid.org/{}",
    "tgn": "http://vocab.getty.edu/tgn/{}",
    "ulan": "http://vocab.getty.edu/ulan/{}",
}
_PAGES = {
    "wikidata": "https://www.wikidata.org/wiki/{}",
    "geonames": "https://www.geonames.org/{}",
    "viaf": "https://viaf.org/viaf/{}",
}
_LABELS = {
    "wikidata": "Wikidata",
    "geonames": "GeoNames",
    "viaf": "VIAF",
    "gnd": "GND",
    "lccn": "LCNAF",
    "isni": "ISNI",
    "orcid": "ORCID",
    "tgn": "TGN",
    "ulan": "ULAN",
    "uri": "URI",
}
#: idno/@type spellings -> scheme.
_TYPE_ALIASES = {"wd": "wikidata", "wikidata": "wikidata", "geonames": "geonames", "geoname": "geonames",
                 "viaf": "viaf", "gnd": "gnd", "lccn": "lccn", "lc": "lccn", "isni": "isni", "orcid": "orcid",
                 "tgn": "tgn", "ulan": "ulan", "uri": "uri", "url": "uri"}
_URL_PATTERNS = [
    ("wikidata", re.compile(r"^https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(?:Special:EntityPage/)?(Q\d+)/?$")),
    ("geonames", re.compile(r"^https?://(?:www\.|sws\.)?geonames\.org/(\d+)(?:/.*)?$")),
    ("viaf", re.compile(r"^https?://(?:www\.)?viaf\.org/viaf/(\d+)/?$")),
    ("gnd", re.compile(r"^https?://d-nb\.info/gnd/([0-9X-]+)/?$")),
    ("lccn", re.compile(r"^https?://id\.loc\.gov/authorities/names/(\w+)(?:\.html)?/?$")),
    ("orcid", re.compile(r"^https?://orcid\.org/([0-9X-]{19})/?$")),
    ("tgn", re.compile(r"^https?://vocab\.getty\.edu/(?:page/)?tgn/(\d+)/?$")),
    ("ulan", re.compile(r"^https?://vocab\.getty\.edu/(?:page/)?ulan/(\d+)/?$")),
]
_VALUE_FORMS = {
    "wikidata": re.compile(r"^Q\d+$"),
    "geonames": re.compile(r"^\d+$"),
    "viaf": re.compile(r"^\d+$"),
}
_PREFIXED = re.compile(r"^(wd|wikidata|geonames|viaf|gnd|lccn|isni|orcid|tgn|ulan):(\S+)$", re.IGNORECASE)


def _from_url(value: str) -> Authority | None:
    for scheme, pattern in _URL_PATTERNS:
        match = pattern.match(value)
        if match:
            return Authority(scheme, match.group(1))
    if re.match(r"^https?://\S+$", value):
        return Authority("uri", value)
    return None


def authority_from_idno(kind: str | None, value: str) -> Authority | None:
    """An entry's ``<idno type=KIND>VALUE</idno>`` as an Authority, or None when it is not one.

    A URL is read by its form whatever the type says; a bare value needs a
    known type (and, for Wikidata, GeoNames and VIAF, the right form).
    """
    value = value.strip()
    if not value:
        return None
    found = _from_url(value)
    if found is not None:
        return found
    scheme = _TYPE_ALIASES.get((kind or "").strip().lower())
    if scheme is None or scheme == "uri":
        return None
    form = _VALUE_FORMS.get(scheme)
    if scheme == "wikidata":
        value = value.upper()
    if form is not None and not form.match(value):
        return None
    return Authority(scheme, value)


def authority_from_ref(token: str) -> Authority | None:
    """A ``@ref`` token that names an authority record directly (a URL or ``viaf:123``), else None."""
    token = token.strip()
    match = _PREFIXED.match(token)
    if match:
        return authority_from_idno(match.group(1), match.group(2))
    return _from_url(token)
