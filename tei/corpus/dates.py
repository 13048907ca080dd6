"""A document's date in words, in both calendars: ``6 December 1917 (23 November 1917 O.S.)``.

The collection's documents are listed and placed on the timeline by their
Gregorian ISO date (``1917-12-06``, or ``1917-12``/``1917`` when that is all
that is known); a full day also gets its Julian (Old Style) equivalent,
computed with ``convertdate`` like the encoder's dates.
"""

from __future__ import annotations

import datetime
import re

from convertdate import julian

__all__ = ["date_label", "iso_prefix", "julian_iso", "julian_label"]

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_ISO = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_prefix(value: str) -> str:
    """The ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` at the start of an ISO value, "" when there is none."""
    match = _ISO.match(value.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    if day and month:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return f"{year}-{month}" if 1 <= int(month) <= 12 else year
        return f"{year}-{month}-{day}"
    if month and 1 <= int(month) <= 12:
        return f"{year}-{month}"
    return year


def _parts(iso: str) -> tuple[int, int | None, int | None]:
    pieces = [int(piece) for piece in iso.split("-") if piece]
    return pieces[0], (pieces[1] if len(pieces) > 1 else None), (pieces[2] if len(pieces) > 2 else None)


def date_label(iso: str) -> str:
    """``1917-12-06`` -> ``6 December 1917``; ``1917-12`` -> ``December 1917``; "" -> ""."""
    if not iso:
        return ""
    year, month, day = _parts(iso)
    if month is None:
        return str(year)
    if day is None:
        return f"{MONTHS[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def julian_iso(iso: str) -> str:
    """The Julian (Old Style) ``YYYY-MM-DD`` of a full Gregorian ISO date; "" for a month or year."""
    if len(iso) != 10:
        return ""
    year, month, day = _parts(iso)
    assert month is not None and day is not None
    jy, jm, jd = julian.from_gregorian(year, month, day)
    return f"{int(jy):04d}-{int(jm):02d}-{int(jd):02d}"


def julian_label(iso: str) -> str:
    """``1917-12-06`` -> ``23 November 1917 (Julian)``; "" when the date is not a full day."""
    other = julian_iso(iso)
    return f"{date_label(other)} (Julian)" if other else ""
