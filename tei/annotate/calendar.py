"""Calendar arithmetic: Julian (Old Style) and Gregorian (New Style) days, via ``convertdate``.

Why a module: the date grammar, the resolution of years and calendars, the
evidence about a document's calendar and the validator's rules all convert
between the two calendars; the dates of the switch-over in Russia are data
(``[calendar]`` of dates.toml).
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from convertdate import julian

from tei.annotate.vocabulary import date_words

_WORDS = date_words()

#: Last day of the Julian calendar in Russia (Julian reckoning).
JULIAN_LAST: tuple[int, int, int] = (_WORDS.julian_last.year, _WORDS.julian_last.month, _WORDS.julian_last.day)
#: First Gregorian day in Russia.
GREGORIAN_FIRST: datetime.date = _WORDS.gregorian_first
#: Unmarked dates earlier than this year are never read as Old Style: in the
#: documents of the period they are mostly foreign events (the Paris Commune).
IMPLICIT_JULIAN_FROM = _WORDS.implicit_julian_from
#: Dates from this year on are web-archive retrieval dates, never the date of a period document.
RETRIEVAL_FROM = _WORDS.retrieval_from

JULIAN = "#julian"
GREGORIAN = "#gregorian"


@lru_cache(maxsize=4096)
def julian_to_gregorian(y: int, m: int, d: int) -> datetime.date:
    """The Gregorian date of Julian ``y-m-d``; ``ValueError`` if that Julian date does not exist.

    Cached: a document repeats its few dates many times.
    """
    if not 1 <= m <= 12 or not 1 <= y <= 9999:
        raise ValueError(f"not a Julian date: {y}-{m}-{d}")
    julian.legal_date(y, m, d)
    gy, gm, gd = julian.to_gregorian(y, m, d)
    return datetime.date(int(gy), int(gm), int(gd))


@lru_cache(maxsize=1024)
def gregorian_to_julian(y: int, m: int, d: int) -> tuple[int, int, int]:
    """The Julian ``(year, month, day)`` of Gregorian ``y-m-d``.

    A tuple, not a ``datetime.date``: Julian dates such as 1900-02-29 have no
    proleptic-Gregorian ``date`` object.
    """
    datetime.date(y, m, d)  # validates
    jy, jm, jd = julian.from_gregorian(y, m, d)
    return int(jy), int(jm), int(jd)


def valid_gregorian(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    """ISO 8601 / XML Schema form at the precision given (``--MM-DD`` when the year is unknown)."""
    if y is None:
        if m is None:
            return ""
        return f"--{m:02d}" if d is None else f"--{m:02d}-{d:02d}"
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"

