"""Date recognition and calendar normalisation for Soviet documents of 1917-1924.

Pure string functions (no lxml): ``find_dates`` returns spans and the TEI
attributes for ``<date>``, the caller wraps them. The grammar is general
English date usage of the period (day-first and month-first dates, ordinals,
abbreviations, weekdays, ranges, dual Old/New-Style dates, numeric dates,
months and years), because the toolkit runs on documents it has never seen.

Calendar policy (docs/encoding.md section 4): ``@when`` is always Gregorian. Russia
used the Julian calendar until 31 January 1918 (Julian), followed by
14 February 1918 (Gregorian). A date is read as Old Style when it says so (an
O.S. marker, the earlier half of a dual date) or, unmarked, when the document
shows Old-Style practice, the date falls before the switch-over, and the text
is not an editor's heading.

Speed: regexes are compiled once; the scan only tries the grammar at cheap
anchors (digits, month and weekday names), and every quantifier is bounded so
no input can make the regex engine backtrack badly.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from convertdate import julian

__all__ = [
    "DateContext",
    "DateMatch",
    "document_date",
    "document_year",
    "find_dates",
    "gregorian_to_julian",
    "julian_to_gregorian",
    "old_style_dates",
    "old_style_evidence",
]


# ---------------------------------------------------------------------------
# Public types


@dataclass(frozen=True)
class DateContext:
    """What the surrounding document tells about the dates in a piece of its text."""

    doc_date: datetime.date | None  # the document's own (Gregorian) date: supplies missing years
    doc_year: int | None  # when only the document's year is known
    old_style: bool  # the document's own practice shows that it uses Old-Style dates
    in_heading: bool = False  # an editor's heading or dateline: New Style unless marked
    #: Julian ISO dates that the document marks as Old Style somewhere (``old_style_dates``):
    #: the same date written elsewhere without a marker, even in a heading, is that Old-Style day.
    julian_dates: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DateMatch:
    """One date found in a string: its span, its TEI attributes and any inconsistency."""

    start: int
    end: int
    attrs: dict[str, str]
    problem: str | None = None


# ---------------------------------------------------------------------------
# Calendar arithmetic (via convertdate: no hand-made day counts)

#: Last day of the Julian calendar in Russia (Julian reckoning).
JULIAN_LAST: tuple[int, int, int] = (1918, 1, 31)
#: Unmarked dates earlier than this year are never read as Old Style: in the
#: documents of the period they are mostly foreign events (the Paris Commune).
IMPLICIT_JULIAN_FROM = 1900

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


def _valid_gregorian(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
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


# ---------------------------------------------------------------------------
# Vocabulary

_MONTHS_FULL = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_MONTH_NUM = {name[:3].lower(): i + 1 for i, name in enumerate(_MONTHS_FULL)}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ABBR = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_NUM = {name[:2].lower(): i for i, name in enumerate(_WEEKDAYS)}
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}

_ORD_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORD_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
_ORD_WORDS.update(
    {
        "tenth": 10,
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "thirtieth": 30,
        "thirty-first": 31,
    }
)
_ORD_WORDS.update({f"twenty-{w}": 20 + i + 1 for i, w in enumerate(_ORD_UNITS)})


def _month_number(word: str) -> int:
    return _MONTH_NUM[word[:3].lower()]


def _is_full_month(word: str) -> bool:
    return word.rstrip(".").capitalize() in _MONTHS_FULL and not word.endswith(".")


# ---------------------------------------------------------------------------
# Regex building blocks. Every repetition is bounded: no catastrophic backtracking.

_WS = r"[ \t\xa0]"
_SP = rf"(?:{_WS}{{1,6}}(?:\r?\n{_WS}{{0,8}})?|\r?\n{_WS}{{0,8}})"  # at most one line break
_OSP = rf"(?:{_SP})?"


def _alts(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH_WORDS = [*_MONTHS_FULL, *(m.upper() for m in _MONTHS_FULL)]
_MONTH_ABBR_WORDS = [*(a + r"\.?" for a in _MONTHS_ABBR), *(a.upper() + r"\.?" for a in _MONTHS_ABBR)]
_MONTH = rf"(?:{_alts(_MONTH_WORDS)}|{_alts(_MONTH_ABBR_WORDS)})(?![A-Za-z0-9])"
_WEEKDAY = (
    rf"(?:{_alts([*_WEEKDAYS, *(w.upper() for w in _WEEKDAYS)])}"
    rf"|(?:{_alts(list(_WEEKDAYS_ABBR))})\.)(?![A-Za-z])"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|d)?(?!\w)"
_YEAR = r"(?:1[0-9][0-9][0-9]|20[0-9][0-9])(?![\w])(?![.,][0-9])"
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


_C = re.compile
# month-first: "Monday, December 6", "Dec. 6th", "December the 6th"
_MD_RE = _C(rf"(?:{_g('wd', _WEEKDAY)},?{_SP})?{_g('m', _MONTH)}{_SP}(?:the{_SP})?{_g('d', _DAY)}")
# day-first: "6 December", "6th of December", "Monday, the 6th of December"
_DM_RE = _C(rf"(?:{_g('wd', _WEEKDAY)},?{_SP}(?:the{_SP})?)?{_g('d', _DAY)}{_SP}(?:of{_SP})?{_g('m', _MONTH)}")
# a month on its own (a year or a range may follow)
_M_RE = _C(_g("m", _MONTH))
# "24-25 October", "13/26 January", "24 to 25 October"
_DDM_SEP = rf"{_OSP}[-\u2013\u2014]{_OSP}|/|{_SP}(?:to|till|until|and){_SP}"
_DDM_RE = _C(
    rf"{_g('d1', _DAY)}{_g('sep', _DDM_SEP)}"
    rf"(?:the{_SP})?{_g('d2', _DAY)}{_SP}(?:of{_SP})?{_g('m', _MONTH)}"
)
# "5 (18) December": an Old-Style day, the New-Style day in brackets, their month
_D_PAREN_DM_RE = _C(rf"{_g('d1', _DAY)}{_OSP}[(\[]{_OSP}{_g('d2', _DAY)}{_OSP}[)\]]{_SP}(?:of{_SP})?{_g('m', _MONTH)}")
# ", 1917" / " 1917" / " of 1917" after a day or month
_YEAR_TAIL_RE = _C(rf"(?:,{_OSP}|{_SP})(?:of{_SP})?{_g('y', _YEAR)}")
_ISO_RE = _C(r"(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![\w-])")
_DOT_RE = _C(rf"(?P<a>[0-9]{{1,2}})\.(?P<b>[0-9]{{1,2}})\.(?P<y>{_YEAR})")
_SLASH_RE = _C(rf"(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})/(?P<y>{_YEAR})(?!/)")
# "6.XII.1917", "24.II" (Russian usage: the month in Roman numerals)
_ROMAN_RE = _C(
    rf"(?P<d>[0-9]{{1,2}})(?:\.{_WS}?|/){_g('r', _ROMAN_MONTH)}(?![A-Za-z0-9])"
    rf"(?:(?:\.{_WS}?|/|{_WS}){_g('y', _YEAR)})?"
)
# "19180210": the compact form of archive page titles
_BASIC_RE = _C(r"(?P<y>1[89][0-9]{2}|20[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])(?![\w])(?![.,][0-9])")
_BARE_YEAR_RE = _C(r"(?:1[89][0-9]{2}|20[0-9]{2})(?![\w])(?![.,][0-9])")
_BARE_DAY_RE = _C(rf"(?:the{_SP})?{_g('d', _DAY)}")
_SHORT_YEAR_RE = _C(r"[0-9]{2}(?![\w])(?![.,][0-9])")
# "the 7th inst." (this month), "ult." (last month), "prox." (next month)
_INST_RE = _C(rf"{_g('d', _DAY)}{_SP}(?P<k>inst|instant|ult|ultimo|prox|proximo)(?![A-Za-z])")

# calendar markers: "O.S.", "(N.S.)", "[old style]", "new style"
_MARK_RE = _C(
    rf",?{_OSP}(?:(?P<o>[(\[]){_OSP})?"
    rf"(?P<mk>[OoNn]\.{_WS}?[Ss](?:\.|(?![A-Za-z]))|[Oo]ld[ -][Ss]tyle|[Nn]ew[ -][Ss]tyle|OLD STYLE|NEW STYLE)"
    rf"(?(o){_OSP}[)\]])"
)
_RANGE_SEP_RE = _C(rf"{_OSP}(?P<h>[-\u2013\u2014]){_OSP}|{_SP}(?P<w>to|till|until|through|and){_SP}|(?P<s>/)")
_OPEN_RE = _C(rf"{_OSP}[(\[]{_OSP}")
_CLOSE_RE = _C(rf"{_OSP}[)\]]")
_CLOSE_OPEN_RE = _C(rf"{_OSP}[)\]]{_OSP}[(\[]{_OSP}")
_SLASH_SEP_RE = _C(rf"{_OSP}/{_OSP}")

# What may follow the day that starts a date: a word, a bracket, a dash, a slash, a dot.
_DAY_LEAD_RE = _C(r"[0-9]{1,2}(?:st|nd|rd|th|d)?(?:[ \t\xa0\r\n]{0,8}[A-Za-z(\[\-\u2013\u2014/]|[./])")
# The scan only tries the grammar where a date can begin.
_ANCHOR_RE = _C(
    r"[0-9]+|J(?:an|u[nl]|AN|U[NL])|F(?:eb|EB|ri|RI)|M(?:a[ry]|A[RY]|on|ON)|A(?:pr|ug|PR|UG)"
    r"|S(?:ep|EP|at|AT|un|UN)|O(?:ct|CT)|N(?:ov|OV)|D(?:ec|EC)|T(?:ue|hu|UE|HU)|W(?:ed|ED)"
)
_URL_RE = _C(r"(?:https?://|ftp://|www\.)[^\s<>\"]{1,2000}", re.IGNORECASE)

# context before and after the match (searched on a short window)
_ORD_OF_RE = _C(rf"(?i:\b(?P<w>{_alts(list(_ORD_WORDS))})(?:{_SP}|-)of{_SP})$")
_MONTH_CONTEXT_RE = _C(
    r"(?i:(?:\b(?:in|of|since|until|till|during|before|after|by|from|throughout|early|late|"
    r"about|around)[ \t\xa0\n]{1,4}|\bmid-))$"
)
_MAY_CONTEXT_RE = _C(r"(?i:(?:\b(?:in|since|until|till|during|early|late)[ \t\xa0\n]{1,4}|\bmid-))$")
_EVENT_AFTER_RE = _C(
    r"[ \t\xa0\n]{1,4}(?:[Rr]evolution|[Dd]ays|[Mm]anifesto|[Ii]nsurrection|[Uu]prising|[Rr]ising"
    r"|[Ss]trikes?|[Oo]ffensive|[Ee]vents|[Cc]risis|[Cc]oup|[Rr]evolt|[Dd]ecree|[Tt]heses|[Cc]onference"
    r"|[Pp]lenum|[Cc]ongress|[Rr]egime|[Gg]overnment|[Aa]rmistice|[Rr]evolutionaries|[Pp]arty)(?![A-Za-z])"
)
_YEAR_INTRO_RE = _C(
    r"(?i:\b(?:in|since|until|till|by|before|after|during|year|spring|summer|autumn|winter)[ \t\xa0\n]{1,4})$"
)
_RANGE_INTRO_RE = _C(r"(?i:\b(?:from|between)[ \t\xa0\n]{1,4}(?:the[ \t\xa0\n]{1,4})?)$")
_BETWEEN_RE = _C(r"(?i:\bbetween[ \t\xa0\n]{1,4}(?:the[ \t\xa0\n]{1,4})?)$")
_NOT_YEAR_BEFORE_RE = _C(
    r"(?i:(?:\b(?:no|nos|nr|p|pp|page|pages|vol|vols|art|arts|article|col|cols|fol|fols|ff|number|"
    r"numbers|fig|para|paragraph|section|sec|ch|chap|chapter|tel|telegram|order|decree|file|folio|"
    r"line|lines|item|point|clause|document|doc|ref|nearly|approximately|some|total\s+of|altogether)\.?"
    r"|[#\u2116\u00a7$\u00a3\u20ac+=\u00d7])"
    r"[ \t\xa0]{0,3})$"
)
_NOT_YEAR_AFTER_RE = _C(
    r"[ \t\xa0]{0,3}(?:%|per[ \t]?cent|percent|[-\u2013]?(?:men|soldiers|troops|roubles|rubles|pounds|"
    r"dollars|marks|francs|kronen|crowns|lire|versts|miles|kilometres|kilometers|km|metres|meters|feet|"
    r"yards|tons|tonnes|poods|puds|desyatins|dessiatines|acres|hectares|persons|people|prisoners|guns|"
    r"rifles|workers|peasants|copies|members|delegates|votes|deputies|officers|cases|households|"
    r"families|children|women|horses|wagons|cars|ships|vessels|aeroplanes|shells|cartridges|bayonets|"
    r"sabres|inhabitants|refugees|killed|wounded|hours|strong|head|pieces|units|volumes|pages|"
    r"times)(?![A-Za-z]))"
)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# ---------------------------------------------------------------------------
# Parsed pieces


@dataclass
class _Pt:
    """A point in time as written: any of year, month, day may be missing."""

    start: int
    end: int  # end of the surface (ends on a word character)
    stop: int  # end of what was consumed (markers, periods)
    y: int | None
    m: int | None
    d: int | None
    kind: str  # "date" | "month" | "year" | "day" | "numeric"
    core_end: int = -1  # end of the surface without its own year
    wd: int | None = None
    mark: str | None = None  # "O" (Old Style) | "N" (New Style)
    y_order: str = ""  # for numeric dates: how the fields were read


@dataclass
class _Unit:
    """A point or a range (``b`` is its end)."""

    a: _Pt
    b: _Pt | None
    stop: int
    mark: str | None = None

    @property
    def start(self) -> int:
        return self.a.start

    @property
    def end(self) -> int:
        return self.b.end if self.b is not None else self.a.end


def _day(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _marker(text: str, pos: int) -> tuple[str | None, int]:
    """An O.S./N.S. marker right after ``pos``: ("O"|"N"|None, position after it)."""
    mm = _MARK_RE.match(text, pos)
    if mm is None:
        return None, pos
    return ("O" if mm.group("mk")[0] in "Oo" else "N"), mm.end()


def _tail(text: str, pt: _Pt) -> _Pt:
    """Extend a day-month or month point with a marker, a year and another marker."""
    pos = pt.end
    mark, after = _marker(text, pos)
    if mark is not None:
        pt.mark, pt.stop = mark, after
        pos = after
    if pt.y is None:
        ym = _YEAR_TAIL_RE.match(text, pos)
        if ym is not None and not _NOT_YEAR_AFTER_RE.match(text, ym.end()):
            pt.core_end = pt.end
            pt.y = int(ym.group("y"))
            pt.end = pt.stop = ym.end()
            mark2, after2 = _marker(text, pt.end)
            if mark2 is not None:
                pt.mark, pt.stop = mark2, after2
    if pt.kind == "month" and pt.y is not None:
        pt.kind = "monthyear"
    return pt


def _numeric(text: str, pos: int) -> list[_Pt]:
    """Numeric dates at ``pos``: ISO, D.M.Y, slashes, Roman months, YYYYMMDD, a bare year."""
    cands: list[_Pt] = []
    for rx, order in ((_ISO_RE, "ymd"), (_BASIC_RE, "basic")):
        mo = rx.match(text, pos)
        if mo is not None:
            y, m, d = int(mo.group("y")), int(mo.group("m")), int(mo.group("d"))
            cands.append(_Pt(pos, mo.end(), mo.end(), y, m, d, "numeric", y_order=order))
    for rx, order in ((_DOT_RE, "dmy"), (_SLASH_RE, "slash")):
        mo = rx.match(text, pos)
        if mo is not None:
            a, b, y = int(mo.group("a")), int(mo.group("b")), int(mo.group("y"))
            if order == "slash":
                # Web-archive retrieval dates are US style (M/D/Y); period documents D/M/Y.
                order = "mdy" if y >= 1990 else "dmy"
                if not _valid_gregorian(y, *((a, b) if order == "mdy" else (b, a))):
                    order = "dmy" if order == "mdy" else "mdy"
            m, d = (a, b) if order == "mdy" else (b, a)
            if 1 <= m <= 12:
                cands.append(_Pt(pos, mo.end(), mo.end(), y, m, d, "numeric", y_order=order))
    mo = _ROMAN_RE.match(text, pos)
    if mo is not None:
        y_roman = int(mo.group("y")) if mo.group("y") else None
        m, d = _ROMAN[mo.group("r")], int(mo.group("d"))
        cands.append(_Pt(pos, mo.end(), mo.end(), y_roman, m, d, "numeric", y_order="roman"))
    mo = _BARE_YEAR_RE.match(text, pos)
    if mo is not None:
        cands.append(_Pt(pos, mo.end(), mo.end(), int(mo.group(0)), None, None, "year"))
    return cands


def _day_month(mo: re.Match[str], pos: int) -> _Pt:
    wd = mo.group("wd")
    weekday = _WEEKDAY_NUM[wd[:2].lower()] if wd else None
    return _Pt(pos, mo.end(), mo.end(), None, _month_number(mo.group("m")), _day(mo.group("d")), "date", wd=weekday)


def _point(text: str, pos: int, *, bare_day: bool = False, bare_month: bool = True) -> _Pt | None:
    """The longest point-in-time form that starts at ``pos``."""
    cands: list[_Pt] = []
    digit = text[pos : pos + 1].isdigit()
    for rx in (_DM_RE,) if digit else (_MD_RE, _DM_RE):
        mo = rx.match(text, pos)
        if mo is not None:
            cands.append(_tail(text, _day_month(mo, pos)))
    if digit:
        cands.extend(_numeric(text, pos))
    else:
        mo = _M_RE.match(text, pos)
        if mo is not None:
            pt = _tail(text, _Pt(pos, mo.end(), mo.end(), None, _month_number(mo.group("m")), None, "month"))
            if pt.y is not None or (bare_month and _is_full_month(mo.group("m"))):
                cands.append(pt)
    if bare_day:
        mo = _BARE_DAY_RE.match(text, pos)
        if mo is not None:
            cands.append(_Pt(mo.start("d"), mo.end(), mo.end(), None, None, _day(mo.group("d")), "day"))
    if not cands:
        return None
    best = max(cands, key=lambda p: p.end)  # max() keeps the first of equals: the order above
    if best.kind in ("numeric", "year"):
        mark, after = _marker(text, best.end)
        if mark is not None:
            best.mark, best.stop = mark, after
    return best


# ---------------------------------------------------------------------------
# Composition: ranges and dual dates


def _range_end(text: str, a: _Pt, seg_start: int) -> _Unit:
    """``a`` extended to a range when a connector and a fitting end follow."""
    unit = _Unit(a, None, a.stop, a.mark)
    sep = _RANGE_SEP_RE.match(text, a.end if a.mark is None else a.stop)
    if sep is None:
        return unit
    word = sep.group("w")
    window = text[max(seg_start, a.start - 24) : a.start]
    if word == "and" and not _BETWEEN_RE.search(window):
        return unit
    if sep.group("s") and a.kind != "year":
        return unit  # "October 25/November 7" is a dual date, handled elsewhere
    pos = sep.end()
    b: _Pt | None
    if a.kind == "year":
        b = _point(text, pos, bare_month=False)
        if b is None or b.kind != "year":
            b = None
            if not word:
                ym = _SHORT_YEAR_RE.match(text, pos)
                if ym is not None and a.y is not None:
                    y2 = a.y // 100 * 100 + int(ym.group(0))
                    if y2 > a.y:
                        b = _Pt(pos, ym.end(), ym.end(), y2, None, None, "year")
    elif a.kind in ("month", "monthyear"):
        b = _point(text, pos, bare_month=True)
        if b is not None and (b.m is None or b.kind == "numeric"):
            b = None
    else:  # a day and a month
        b = _point(text, pos, bare_day=True, bare_month=False)
        if b is not None and b.kind == "day":
            b.m = a.m
            # "March 3 to 17" needs "from"/"between" or a year after it to be a range
            if word and not _RANGE_INTRO_RE.search(window) and not _YEAR_TAIL_RE.match(text, b.end):
                b = None
        elif b is not None and b.kind not in ("date", "numeric"):
            b = None
    if b is None:
        return unit
    if b.kind == "day":  # "October 24-25, 1917": the year after the day is the range's
        b = _tail(text, b)
        b.kind = "date"
    if not _ordered(a, b):
        return unit
    return _Unit(a, b, b.stop, b.mark or a.mark)


def _ordered(a: _Pt, b: _Pt) -> bool:
    """Can ``b`` end a range that ``a`` starts? (A missing year may still wrap to the next.)"""
    if a.m is None or b.m is None:
        return a.m is None and b.m is None and a.y is not None and b.y is not None and a.y < b.y
    if a.y is not None and b.y is not None:
        return (a.y, a.m, a.d or 0) < (b.y, b.m, b.d or 32)
    return (a.m, a.d or 0) != (b.m, b.d or 0)


def _unit_at(text: str, pos: int, seg_start: int) -> _Unit | None:
    """A point or a range starting at ``pos``."""
    if text[pos : pos + 1].isdigit():
        mo = _DDM_RE.match(text, pos)
        if mo is not None and mo.group("sep").strip() != "/":
            mon = _month_number(mo.group("m"))
            a = _Pt(pos, mo.end("d1"), mo.end("d1"), None, mon, _day(mo.group("d1")), "date")
            b = _tail(text, _Pt(mo.start("d2"), mo.end(), mo.end(), None, mon, _day(mo.group("d2")), "date"))
            sep = mo.group("sep").strip()
            between = sep != "and" or _BETWEEN_RE.search(text[max(seg_start, pos - 24) : pos])
            if between and b.d is not None and a.d is not None and a.d < b.d:
                return _Unit(a, b, b.stop, b.mark)
    start = _point(text, pos)
    if start is None:
        return None
    return _range_end(text, start, seg_start)


def _is_dated_unit(u: _Unit) -> bool:
    return u.a.m is not None and u.a.d is not None and (u.b is None or (u.b.m is not None and u.b.d is not None))


# ---------------------------------------------------------------------------
# Resolution: years from context, calendars, attributes


def _approx_delta(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """Rough days from ``b`` to ``a`` (31-day months are fine for choosing a year)."""
    return (a[0] - b[0]) * 372 + (a[1] - b[1]) * 31 + (a[2] - b[2])


def _context_year(ctx: DateContext, m: int, d: int | None, jul: bool) -> int | None:
    """The year of a yearless date: near the document's date, in the past rather than the future.

    A date more than half a year after the document's date is taken from the year
    before ("December 28" in a letter of 10 January); one within a month after the
    New Year that follows is taken from the next year ("January 3" on 28 December).
    """
    if ctx.doc_date is not None:
        ref = (ctx.doc_date.year, ctx.doc_date.month, ctx.doc_date.day)
        if jul:
            try:
                ref = gregorian_to_julian(*ref)
            except ValueError:
                return None
        y = ref[0]
        delta = _approx_delta((y, m, d or 15), ref)
        if delta > 186:
            y -= 1
        elif delta < -186 and _approx_delta((y + 1, m, d or 15), ref) <= 31:
            y += 1
        return y if 1 <= y <= 9999 else None
    return ctx.doc_year if ctx.doc_year is not None and 1 <= ctx.doc_year <= 9999 else None


def _implicit_julian(ctx: DateContext, y: int | None, m: int | None, d: int | None) -> bool:
    """An unmarked date is Old Style in an Old-Style document, before the switch-over."""
    if not ctx.old_style or ctx.in_heading or y is None or m is None:
        return False
    return y >= IMPLICIT_JULIAN_FROM and (y, m, d or 1) <= JULIAN_LAST


def _probe_year(m: int, d: int | None) -> int:
    """A stand-in year (13-day era) to convert a yearless Old-Style date."""
    return 1916 if (m, d) == (2, 29) else 1917


@dataclass
class _Res:
    """A resolved point: its calendar reading and the Gregorian equivalent."""

    y: int | None
    m: int | None
    d: int | None
    jul: bool
    gy: int | None = None
    gm: int | None = None
    gd: int | None = None
    ok: bool = True


def _convert(y: int | None, m: int | None, d: int | None, jul: bool) -> _Res:
    """Validate in the point's own calendar and compute its Gregorian form."""
    if m is None:
        return _Res(y, None, None, False, y, None, None, True)
    if d is None:
        # a month: kept as written in both calendars (the gold's convention)
        return _Res(y, m, None, jul, y, m, None, True)
    if not jul:
        ok = _valid_gregorian(y if y is not None else _probe_year(m, d), m, d)
        return _Res(y, m, d, False, y, m, d, ok)
    py = y if y is not None else _probe_year(m, d)
    try:
        g = julian_to_gregorian(py, m, d)
    except ValueError:  # no such Julian day, or beyond year 9999
        return _Res(y, m, d, True, ok=False)
    return _Res(y, m, d, True, g.year if y is not None else None, g.month, g.day, True)


def _years_for(u: _Unit, ya: int | None) -> tuple[int | None, int | None]:
    """Years of a unit's start and end once the start's year is known."""
    a, b = u.a, u.b
    if b is None:
        return ya, None
    yb = b.y
    if yb is None and ya is not None:
        yb = ya
        if a.m is not None and b.m is not None and (b.m, b.d or 0) < (a.m, a.d or 0):
            yb = ya + 1
    return ya, yb


def _start_year(u: _Unit, shared: int | None) -> int | None:
    a, b = u.a, u.b
    if a.y is not None:
        return a.y
    if shared is not None:
        return shared
    if b is not None and b.y is not None:
        if a.m is not None and b.m is not None and (a.m, a.d or 0) > (b.m, b.d or 0):
            return b.y - 1
        return b.y
    return None


def _resolve_unit(u: _Unit, ctx: DateContext, shared: int | None, cal: str | None) -> tuple[_Res, _Res | None]:
    """Years and calendar of a unit; ``cal`` is "O"/"N" when marked, else the context decides."""
    a = u.a
    ya = _start_year(u, shared)
    if cal is None:
        cal = u.mark
    if ya is None and a.m is not None:
        if cal == "O":
            ya = _context_year(ctx, a.m, a.d, True)
        elif cal == "N":
            ya = _context_year(ctx, a.m, a.d, False)
        else:
            y0 = _context_year(ctx, a.m, a.d, False)
            if _implicit_julian(ctx, y0, a.m, a.d):
                y1 = _context_year(ctx, a.m, a.d, True)
                if _implicit_julian(ctx, y1, a.m, a.d):
                    ya, cal = y1, "O"
                else:
                    ya = y0
            else:
                ya = y0
    if cal is None:
        known = ctx.julian_dates and a.d is not None and _iso(ya, a.m, a.d) in ctx.julian_dates
        cal = "O" if known or _implicit_julian(ctx, ya, a.m, a.d) else "G"
    jul = cal == "O"
    ya, yb = _years_for(u, ya)
    ra = _convert(ya, a.m, a.d, jul)
    rb = _convert(yb, u.b.m, u.b.d, jul) if u.b is not None else None
    return ra, rb


def _attrs(ra: _Res, rb: _Res | None, explicit_gregorian: bool) -> dict[str, str]:
    """TEI attributes for a resolved point or range."""
    out: dict[str, str] = {}
    if ra.jul:
        out["calendar"] = JULIAN
    elif explicit_gregorian:
        out["calendar"] = GREGORIAN
    if rb is None:
        out["when"] = _iso(ra.gy, ra.gm, ra.gd)
        if ra.jul:
            out["when-custom"] = _iso(ra.y, ra.m, ra.d)
    else:
        out["from"] = _iso(ra.gy, ra.gm, ra.gd)
        out["to"] = _iso(rb.gy, rb.gm, rb.gd)
        if ra.jul:
            out["from-custom"] = _iso(ra.y, ra.m, ra.d)
            out["to-custom"] = _iso(rb.y, rb.m, rb.d)
    if ra.jul:
        out["datingMethod"] = JULIAN
    return out


def _emit(
    text: str,
    u: _Unit,
    ra: _Res,
    rb: _Res | None,
    *,
    end: int | None = None,
    explicit_gregorian: bool = False,
    problem: str | None = None,
) -> DateMatch:
    start, stop = u.start, u.end if end is None else end
    while stop > start and not _is_word_char(text[stop - 1]):
        stop -= 1
    surface = text[start:stop]
    if not ra.ok or (rb is not None and not rb.ok):
        calendar = "Julian" if ra.jul else "Gregorian"
        return DateMatch(start, stop, {}, f"{surface!r} is not a date in the {calendar} calendar")
    attrs = _attrs(ra, rb, explicit_gregorian)
    if any(not v or v.endswith("-") for v in attrs.values()):
        return DateMatch(start, stop, {}, f"{surface!r}: no year could be found")
    if rb is not None and ra.gy is not None and rb.gy is not None and attrs["from"] > attrs["to"]:
        return DateMatch(start, stop, {}, f"{surface!r}: the range ends before it starts")
    wd = u.a.wd
    if wd is not None and ra.gy is not None and ra.gd is not None and ra.gm is not None and problem is None:
        actual = datetime.date(ra.gy, ra.gm, ra.gd).weekday()
        if actual != wd:
            problem = f"{surface!r}: that day was a {_WEEKDAYS[actual]}, not a {_WEEKDAYS[wd]}"
    return DateMatch(start, stop, attrs, problem)


def _dual(text: str, ua: _Unit, ub: _Unit, shared: int | None, ctx: DateContext) -> list[DateMatch] | None:
    """Two matches for an Old-Style/New-Style pair, checked against each other.

    Two dates more than a month apart are not a dual date at all (None).
    """
    pairs = [(ua, ub), (ub, ua)]
    if ua.mark == "O" or ub.mark == "N":
        sides = [pairs[0]]
    elif ub.mark == "O" or ua.mark == "N":
        sides = [pairs[1]]
    else:
        sides = pairs
    for ju, gu in sides:
        found = _consistent(ju, gu, shared, ctx)
        if found is not None:
            jr, gr = found
            return _dual_matches(text, ua, ub, ju, jr, gr, None)
    # The parts disagree: mark both, each with its own reading, and say so.
    ju, gu = sides[0]
    if ju.a.m is None or gu.a.m is None:
        return None
    gap = ((gu.a.m - 1) * 31 + (gu.a.d or 1) - (ju.a.m - 1) * 31 - (ju.a.d or 1)) % 372
    if min(gap, 372 - gap) > 31:
        return None
    if len(sides) == 2 and gap > 186:
        ju, gu = gu, ju
    jr = _resolve_unit(ju, ctx, shared, "O")
    gr = _resolve_unit(gu, ctx, shared, "N")
    ja, g_a = jr[0], gr[0]
    expected = _iso(ja.gy, ja.gm, ja.gd) if ja.ok else "no date"
    problem = (
        f"dual date does not agree: Old Style {text[ju.start : ju.end]!r} is {expected} "
        f"(New Style), but the New-Style part {text[gu.start : gu.end]!r} reads "
        f"{_iso(g_a.gy, g_a.gm, g_a.gd)}"
    )
    return _dual_matches(text, ua, ub, ju, jr, gr, problem)


def _dual_matches(
    text: str,
    ua: _Unit,
    ub: _Unit,
    ju: _Unit,
    jr: tuple[_Res, _Res | None],
    gr: tuple[_Res, _Res | None],
    problem: str | None,
) -> list[DateMatch]:
    out = []
    for u in (ua, ub):
        ra, rb = jr if u is ju else gr
        out.append(_emit(text, u, ra, rb, explicit_gregorian=u is not ju, problem=problem))
    return out


def _consistent(
    ju: _Unit, gu: _Unit, shared: int | None, ctx: DateContext
) -> tuple[tuple[_Res, _Res | None], tuple[_Res, _Res | None]] | None:
    """Readings of a dual date with ``ju`` as Old Style, if the two halves agree."""
    a, g = ju.a, gu.a
    if a.m is None or a.d is None or g.m is None or g.d is None:
        return None
    if a.y is not None:
        cands = [a.y]
    elif shared is not None:
        cands = [shared, shared - 1]
    elif g.y is not None:
        cands = [g.y, g.y - 1]
    else:
        cy = _context_year(ctx, a.m, a.d, True)
        cands = [cy] if cy is not None else []
    yearless = not cands
    if yearless:
        cands = [_probe_year(a.m, a.d), 1890]  # 13-day and 12-day eras
    for jy in cands:
        try:
            gdate = julian_to_gregorian(jy, a.m, a.d)
        except ValueError:
            continue
        if (gdate.month, gdate.day) != (g.m, g.d):
            continue
        if g.y is not None and g.y != gdate.year:
            continue
        jr = _resolve_unit(_Unit(_with_year(a, None if yearless else jy), ju.b, ju.stop, "O"), ctx, None, "O")
        gy = None if yearless else gdate.year
        gr = _resolve_unit(_Unit(_with_year(g, gy), gu.b, gu.stop, "N"), ctx, None, "N")
        if yearless:
            jr = (_strip_year(jr[0]), _strip_year(jr[1]) if jr[1] is not None else None)
            gr = (_strip_year(gr[0]), _strip_year(gr[1]) if gr[1] is not None else None)
        if ju.b is not None and gu.b is not None:
            jb, gb = jr[1], gr[1]
            if jb is None or gb is None or (jb.gm, jb.gd) != (gb.gm, gb.gd):
                return None
        elif (ju.b is None) != (gu.b is None):
            return None
        return jr, gr
    return None


def _with_year(p: _Pt, y: int | None, *, trim: bool = False) -> _Pt:
    """A copy with another year; ``trim`` drops the written year from the surface (it is shared)."""
    end = p.core_end if trim and p.core_end >= 0 else p.end
    return _Pt(p.start, end, p.stop, y, p.m, p.d, p.kind, p.core_end, p.wd, p.mark)


def _strip_year(r: _Res) -> _Res:
    return _Res(None, r.m, r.d, r.jul, None, r.gm, r.gd, r.ok)


# ---------------------------------------------------------------------------
# The scan


def _month_alone_ok(text: str, u: _Unit, seg_start: int) -> bool:
    """A month without a day or year is a date only after "in", "of", "since"..."""
    a = u.a
    window = text[max(seg_start, a.start - 16) : a.start]
    rx = _MAY_CONTEXT_RE if a.m == 5 else _MONTH_CONTEXT_RE
    if not rx.search(window):
        return False
    return _EVENT_AFTER_RE.match(text, a.end) is None


def _year_alone_ok(text: str, a: _Pt, end: int, seg_start: int) -> bool:
    """A four-digit number is a year unless it is a page, a number or a count."""
    s = a.start
    if s >= 2 and text[s - 1] in ".,:/" and text[s - 2].isdigit():
        return False
    if s >= 1 and text[s - 1] in "-\u2013/" and s >= 2 and text[s - 2].isdigit():
        return False
    window = text[max(seg_start, s - 14) : s]
    if _NOT_YEAR_BEFORE_RE.search(window):
        return False
    # "in 1917 workers seized..." is a year; "an army of 1918 men" is a count
    return _YEAR_INTRO_RE.search(window) is not None or _NOT_YEAR_AFTER_RE.match(text, end) is None


def _ordinal_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """ "the twenty-fifth of" before a month: (start of the word, day)."""
    window_start = max(floor, pos - 32)
    mo = _ORD_OF_RE.search(text, window_start, pos)
    if mo is None:
        return None
    return mo.start("w"), _ORD_WORDS[mo.group("w").lower()]


def _parse_at(text: str, p: int, floor: int, ctx: DateContext) -> tuple[list[DateMatch], int] | None:
    """Matches starting at anchor ``p`` (never before ``floor``) and where the scan goes on."""
    if text[p].isdigit():
        inst = _INST_RE.match(text, p)
        if inst is not None and ctx.doc_date is not None:
            shift = {"i": 0, "u": -1, "p": 1}[inst.group("k")[0]]
            mi = ctx.doc_date.month - 1 + shift
            y, mth = ctx.doc_date.year + mi // 12, mi % 12 + 1
            a = _Pt(p, inst.end(), inst.end(), y, mth, _day(inst.group("d")), "date")
            ra, _ = _resolve_unit(_Unit(a, None, a.stop), ctx, None, None)
            return [_emit(text, _Unit(a, None, a.stop), ra, None)], inst.end()
        dual = _compact_dual(text, p, ctx)
        if dual is not None:
            return dual
    else:
        ordinal = _ordinal_before(text, p, floor)
        if ordinal is not None:
            mo = _M_RE.match(text, p)
            if mo is not None:
                pt = _tail(
                    text, _Pt(ordinal[0], mo.end(), mo.end(), None, _month_number(mo.group("m")), ordinal[1], "date")
                )
                u = _range_end(text, pt, floor)
                ra, rb = _resolve_unit(u, ctx, None, None)
                return [_emit(text, u, ra, rb)], u.stop
    ua = _unit_at(text, p, floor)
    if ua is None:
        return None
    # dual dates: "A (B)", "A [B O.S.]", "(A) [B]", "A/B"
    if _is_dated_unit(ua):
        found = _dual_after(text, ua, floor, ctx)
        if found is not None:
            return found
    a = ua.a
    if ua.b is None and a.kind == "month" and not _month_alone_ok(text, ua, floor):
        return None
    if (a.kind == "year" or a.y_order == "basic") and not _year_alone_ok(text, a, ua.end, floor):
        return None
    undated = ctx.doc_date is None and ctx.doc_year is None
    if undated and a.m is not None and a.y is None and ua.b is None and a.d is None:
        return None  # a month in an undated document: nothing to say about it
    ra, rb = _resolve_unit(ua, ctx, None, None)
    return [_emit(text, ua, ra, rb, explicit_gregorian=ua.mark == "N")], ua.stop


def _dual_after(text: str, ua: _Unit, floor: int, ctx: DateContext) -> tuple[list[DateMatch], int] | None:
    pos = ua.stop
    bracketed = ua.start > floor and text[ua.start - 1] in "(["
    seps = []
    if bracketed:
        seps.append(_CLOSE_OPEN_RE.match(text, pos))
    seps.append(_OPEN_RE.match(text, pos))
    seps.append(_SLASH_SEP_RE.match(text, pos))
    for sep in seps:
        if sep is None:
            continue
        ub = _unit_at(text, sep.end(), floor)
        if (ub is None or not _is_dated_unit(ub)) and sep.group(0).strip()[-1:] in "([":
            ub = _bare_day_unit(text, sep.end(), ua)
        if ub is None or not _is_dated_unit(ub):
            continue
        if (ua.b is None) != (ub.b is None):
            continue
        stop = ub.stop
        closing = sep.group(0).strip()[-1:] in "(["
        if closing:
            cl = _CLOSE_RE.match(text, stop)
            if cl is None:
                continue
            stop = cl.end()
        shared = None
        if ua.a.y is None and ub.a.y is None and (ub.b is None or ub.b.y is None):
            ym = _YEAR_TAIL_RE.match(text, stop)
            if ym is not None and not _NOT_YEAR_AFTER_RE.match(text, ym.end()):
                shared = int(ym.group("y"))
                stop = ym.end()
                mark, after = _marker(text, stop)
                if mark is not None:
                    stop = after
        elif ua.a.y is None and ub.a.y is not None and ub.b is None:
            shared = ub.a.y  # "October 25/November 7, 1917": the year is both parts'
            ub = _Unit(_with_year(ub.a, None, trim=True), None, ub.stop, ub.mark)
        matches = _dual(text, ua, ub, shared, ctx)
        if matches is not None:
            return matches, stop
    return None


def _bare_day_unit(text: str, pos: int, ua: _Unit) -> _Unit | None:
    """The "(18)" of "December 5 (18)": a day in the month of the date before it."""
    mo = _BARE_DAY_RE.match(text, pos)
    if mo is None or ua.b is not None or ua.a.d is None or ua.a.m is None:
        return None
    d = _day(mo.group("d"))
    if d <= ua.a.d:
        return None
    return _Unit(_Pt(mo.start("d"), mo.end(), mo.end(), ua.a.y, ua.a.m, d, "date"), None, mo.end())


def _compact_dual(text: str, p: int, ctx: DateContext) -> tuple[list[DateMatch], int] | None:
    """ "13/26 January 1918" or "5 (18) December": the Julian day, the Gregorian day, their month."""
    mo = _D_PAREN_DM_RE.match(text, p)
    paren = mo is not None
    if mo is None:
        mo = _DDM_RE.match(text, p)
        if mo is None or mo.group("sep").strip() != "/":
            return None
    mon = _month_number(mo.group("m"))
    d1, d2 = _day(mo.group("d1")), _day(mo.group("d2"))
    if not paren and d2 - d1 not in (12, 13):
        if d2 - d1 == 1:  # "the night of 25/26 October": a range
            a = _Pt(p, mo.end("d1"), mo.end("d1"), None, mon, d1, "date")
            b = _tail(text, _Pt(mo.start("d2"), mo.end(), mo.end(), None, mon, d2, "date"))
            u = _Unit(a, b, b.stop, b.mark)
            ra, rb = _resolve_unit(u, ctx, None, None)
            return [_emit(text, u, ra, rb)], u.stop
        return None
    a = _Pt(p, mo.end("d1"), mo.end("d1"), None, mon, d1, "date")
    b = _Pt(mo.start("d2"), mo.end(), mo.end(), None, mon, d2, "date")
    b = _tail(text, b)
    shared = b.y
    b = _with_year(b, None, trim=True)
    if paren:
        b.end = mo.end("d2")  # "18": the bracket is the editor's, the month is both days'
    stop = max(b.stop, mo.end())
    marks = (None, None) if paren else ("O", "N")
    ua, ub = _Unit(a, None, a.stop, marks[0]), _Unit(b, None, b.stop, marks[1])
    matches = _dual(text, ua, ub, shared, ctx)
    return (matches, stop) if matches is not None else None


def _url_spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for mo in _URL_RE.finditer(text):
        starts.append(mo.start())
        ends.append(mo.end())
    return starts, ends


def find_dates(text: str, ctx: DateContext) -> list[DateMatch]:
    """All dates in ``text``: non-overlapping, in text order, with TEI ``<date>`` attributes.

    Text inside URLs is skipped. A match with empty ``attrs`` and a ``problem``
    is a date-shaped string that is not a real date (``30 February 1917``).
    """
    out: list[DateMatch] = []
    url_starts, url_ends = _url_spans(text) if "/" in text or "www" in text else ([], [])
    floor = 0
    for anchor in _ANCHOR_RE.finditer(text):
        p = anchor.start()
        if p < floor or (p > 0 and text[p - 1].isalnum()):
            continue
        if url_starts:
            i = bisect_right(url_starts, p) - 1
            if i >= 0 and p < url_ends[i]:
                continue
        if text[p].isdigit():
            size = anchor.end() - p
            if size > 2 and size not in (4, 8):
                continue  # no date starts with such a number
            if size <= 2 and _DAY_LEAD_RE.match(text, p) is None:
                continue  # a day is followed by a month, a connector, a bracket or a separator
        found = _parse_at(text, p, floor, ctx)
        if found is None:
            continue
        matches, stop = found
        kept = [m for m in matches if m.start >= floor and m.end > m.start]
        if not kept:
            continue
        if url_starts:
            stop_url = bisect_right(url_starts, stop - 1)
            if stop_url > 0 and url_starts[stop_url - 1] > p:
                kept = [m for m in kept if m.end <= url_starts[stop_url - 1]]
                if not kept:
                    continue
        out.extend(kept)
        floor = max(stop, kept[-1].end)
    return out


# ---------------------------------------------------------------------------
# Document-level guesses

_NEUTRAL = DateContext(doc_date=None, doc_year=None, old_style=False)
_HEADING = DateContext(doc_date=None, doc_year=None, old_style=False, in_heading=True)
_OS_HINT_RE = _C(r"[(\[/]|[OoNn]\.\s?[Ss]|[Ss]tyle|STYLE")


def old_style_evidence(text: str) -> bool:
    """Does the document itself show Old-Style practice (an O.S. marker or a dual date)?

    Only explicit evidence counts: an unmarked date says nothing about its calendar.
    """
    if not _OS_HINT_RE.search(text):
        return False
    return any(m.attrs.get("calendar") == JULIAN and m.problem is None for m in find_dates(text, _NEUTRAL))


def old_style_dates(text: str) -> frozenset[str]:
    """The Julian ISO dates (``YYYY-MM-DD``) that the document explicitly marks as Old Style.

    For ``DateContext.julian_dates``: a document that says "January 22, 1918, old
    style" once means the same day by an unmarked "22 January, 1918" in its heading.
    """
    if not _OS_HINT_RE.search(text):
        return frozenset()
    return frozenset(
        value
        for m in find_dates(text, _NEUTRAL)
        if m.attrs.get("calendar") == JULIAN and m.problem is None
        for value in (m.attrs.get("when-custom"), m.attrs.get("from-custom"), m.attrs.get("to-custom"))
        if value is not None and len(value) == 10 and not value.startswith("-")
    )


def _head(text: str, lines: int = 14, chars: int = 2500) -> str:
    kept: list[str] = []
    count = 0
    for line in text[:chars].splitlines(keepends=True):
        kept.append(line)
        count += bool(line.strip())
        if count >= lines:
            break
    return "".join(kept)


_BIBLIO_RE = _C(
    r"\b(?:pp?|[Vv]ol|[Nn]os?|[Ee]d|[Cc]h)\.|\b(?:[Ss]ource|[Pp]ublished|[Pp]ublishers?|[Ff]rom|[Tt]ranscri\w*|"
    r"[Oo]nline|[Tt]ranslated|[Ee]dition|[Pp]ress|[Rr]eview|[Vv]olume|[Pp]age|ISBN|[Cc]opyright)\b"
)
_FOOTNOTE_LINE_RE = _C(r"[ \t]*(?:\[[0-9]{1,3}\]|[0-9]{1,3}\.?[ \t])")
_LETTERS_RE = _C(r"[^\W\d_]{2,}")


def _dateline_score(head: str, m: DateMatch, year: int, filled: bool) -> int:
    """Lower is more like a dateline: a short line of its own, not a citation or a footnote."""
    line_start = head.rfind("\n", 0, m.start) + 1
    line_end = head.find("\n", m.end)
    line = head[line_start : line_end if line_end >= 0 else len(head)]
    rest = line[: m.start - line_start] + " " + line[m.end - line_start :]
    score = min(len(_LETTERS_RE.findall(rest)), 40)
    score += 30 if _BIBLIO_RE.search(rest) else 0
    score += 40 if m.start > line_start and _FOOTNOTE_LINE_RE.match(line) else 0
    score += 10 if filled else 0
    score += 100 if year >= 1990 else 0
    return score


def document_date(text: str) -> datetime.date | None:
    """The document's (Gregorian) date from its title block: the best dateline-like full date.

    A day and month without a year take the year that the title block names
    most. Dates in citation lines, footnotes and long prose lines count less;
    dates from 1990 on (retrieval dates of web archives) and dates that look
    like no dateline at all are not taken: None is better than a wrong year.
    """
    head = _head(text)
    matches = find_dates(head, _HEADING)
    years = [
        int(v[:4])
        for m in matches
        for v in (m.attrs.get("when") or m.attrs.get("from") or "",)
        if v[:4].isdigit() and int(v[:4]) < 1990
    ]
    common = max(set(years), key=lambda y: (years.count(y), -years.index(y))) if years else None
    best: tuple[int, int, datetime.date] | None = None
    for m in matches:
        value = m.attrs.get("when") or m.attrs.get("from") or ""
        filled = value.startswith("--") and len(value) == 7 and common is not None
        if filled:
            value = f"{common:04d}{value[1:]}"
        if len(value) != 10 or value.startswith("-"):
            continue
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            continue
        score = _dateline_score(head, m, day.year, filled)
        if best is None or score < best[0]:
            best = (score, m.start, day)
    if best is None or best[0] >= 40:
        return None
    day = best[2]
    if day.isoformat() in old_style_dates(text):
        # the document itself says that this written date is Old Style
        return julian_to_gregorian(day.year, day.month, day.day)
    return day


def document_year(text: str) -> int | None:
    """The document's year from its title block when no full date is there (the first year before 1990)."""
    day = document_date(text)
    if day is not None:
        return day.year
    for m in find_dates(_head(text), _HEADING):
        value = m.attrs.get("when") or m.attrs.get("from") or ""
        if value[:4].isdigit() and int(value[:4]) < 1990:
            return int(value[:4])
    return None
