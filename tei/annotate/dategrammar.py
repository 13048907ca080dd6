"""The date grammar: English date forms of the period as regexes, and the parser of points and ranges.

Day-first and month-first dates, ordinals, abbreviations, weekdays, ranges,
numeric dates (ISO, D.M.Y, Roman months, compact archive dates), months and
years. The words are data (dates.toml); the shapes are here. Every repetition
is bounded, so no input can make the regex engine backtrack badly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.annotate.calendar import RETRIEVAL_FROM, valid_gregorian
from tei.annotate.vocabulary import date_words

WORDS = date_words()

# ---------------------------------------------------------------------------
# Vocabulary (dates.toml)

MONTHS_FULL = WORDS.months
MONTHS_ABBR = WORDS.month_abbreviations
MONTH_NUM = {name[:3].lower(): i + 1 for i, name in enumerate(MONTHS_FULL)}
WEEKDAYS = WORDS.weekdays
WEEKDAYS_ABBR = WORDS.weekday_abbreviations
WEEKDAY_NUM = {name[:2].lower(): i for i, name in enumerate(WEEKDAYS)}
_ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
ROMAN = {numeral: i + 1 for i, numeral in enumerate(_ROMAN_NUMERALS)}
ORD_WORDS = dict(WORDS.ordinals)


def month_number(word: str) -> int:
    return MONTH_NUM[word[:3].lower()]


def is_full_month(word: str) -> bool:
    return word.rstrip(".").capitalize() in MONTHS_FULL and not word.endswith(".")


def _words_rx(words: tuple[str, ...]) -> str:
    """Literal words as an alternation, longest first; a space inside a phrase is any space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _either_case(words: tuple[str, ...]) -> str:
    """Words whose first letter may be written in either case ("[Rr]evolution")."""
    return "|".join(
        f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in sorted(words, key=len, reverse=True)
    )


def _marker_rx(forms: tuple[str, ...]) -> str:
    """Calendar markers: "O.S." also as "O. S.", "o.s", "O.S"; "old style" also "Old-Style", "OLD STYLE"."""
    out = []
    for form in forms:
        if "." in form:
            letters = [c for c in form if c.isalpha()]
            first, *rest = letters
            body = rf"[{first.upper()}{first.lower()}]\."
            for index, letter in enumerate(rest):
                last = index == len(rest) - 1
                body += rf"{WS}?[{letter.upper()}{letter.lower()}]" + (r"(?:\.|(?![A-Za-z]))" if last else r"\.")
            out.append(body)
        else:
            words = form.split()
            out.append("[ -]".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words))
            out.append(re.escape(form.upper()))
    return "|".join(out)


# ---------------------------------------------------------------------------
# Regex building blocks. Every repetition is bounded: no catastrophic backtracking.

WS = r"[ \t\xa0]"
SP = rf"(?:{WS}{{1,6}}(?:\r?\n{WS}{{0,8}})?|\r?\n{WS}{{0,8}})"  # at most one line break
OSP = rf"(?:{SP})?"


def alts(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


MONTH_WORDS = [*MONTHS_FULL, *(m.upper() for m in MONTHS_FULL)]
MONTH_ABBR_WORDS = [*(a + r"\.?" for a in MONTHS_ABBR), *(a.upper() + r"\.?" for a in MONTHS_ABBR)]
MONTH = rf"(?:{alts(MONTH_WORDS)}|{alts(MONTH_ABBR_WORDS)})(?![A-Za-z0-9])"
WEEKDAY = (
    rf"(?:{alts([*WEEKDAYS, *(w.upper() for w in WEEKDAYS)])}"
    rf"|(?:{alts(list(WEEKDAYS_ABBR))})\.)(?![A-Za-z])"
)
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|d)?(?!\w)"
YEAR = r"(?:1[0-9][0-9][0-9]|20[0-9][0-9])(?![\w])(?![.,][0-9])"
ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"


def g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


C = re.compile
# month-first: "Monday, December 6", "Dec. 6th", "December the 6th"
# "December [4]": a day the editor supplied in brackets
MD_RE = C(
    rf"(?:{g('wd', WEEKDAY)},?{SP})?{g('m', MONTH)}{SP}(?:the{SP})?(?:\[{g('bd', DAY)}\]|{g('d', DAY)})"
)
# day-first: "6 December", "6th of December", "Monday, the 6th of December"
DM_RE = C(rf"(?:{g('wd', WEEKDAY)},?{SP}(?:the{SP})?)?{g('d', DAY)}{SP}(?:of{SP})?{g('m', MONTH)}")
# a month on its own (a year or a range may follow)
M_RE = C(g("m", MONTH))
# "24-25 October", "13/26 January", "24 to 25 October"
DDM_SEP = rf"{OSP}[-\u2013\u2014]{OSP}|/|{SP}(?:{_words_rx(WORDS.day_range_connectors)}){SP}"
DDM_RE = C(
    rf"{g('d1', DAY)}{g('sep', DDM_SEP)}"
    rf"(?:the{SP})?{g('d2', DAY)}{SP}(?:of{SP})?{g('m', MONTH)}"
)
# "5 (18) December": an Old-Style day, the New-Style day in brackets, their month
D_PAREN_DM_RE = C(rf"{g('d1', DAY)}{OSP}[(\[]{OSP}{g('d2', DAY)}{OSP}[)\]]{SP}(?:of{SP})?{g('m', MONTH)}")
# ", 1917" / " 1917" / " of 1917" after a day or month
YEAR_TAIL_RE = C(rf"(?:,{OSP}|{SP})(?:of{SP})?{g('y', YEAR)}")
ISO_RE = C(r"(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![\w-])")
DOT_RE = C(rf"(?P<a>[0-9]{{1,2}})\.(?P<b>[0-9]{{1,2}})\.(?P<y>{YEAR})")
SLASH_RE = C(rf"(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})/(?P<y>{YEAR})(?!/)")
# "6.XII.1917", "24.II" (Russian usage: the month in Roman numerals)
ROMAN_RE = C(
    rf"(?P<d>[0-9]{{1,2}})(?:\.{WS}?|/){g('r', ROMAN_MONTH)}(?![A-Za-z0-9])"
    rf"(?:(?:\.{WS}?|/|{WS}){g('y', YEAR)})?"
)
# "19180210": the compact form of archive page titles
BASIC_RE = C(r"(?P<y>1[89][0-9]{2}|20[0-9]{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])(?![\w])(?![.,][0-9])")
BARE_YEAR_RE = C(r"(?:1[89][0-9]{2}|20[0-9]{2})(?![\w])(?![.,][0-9])")
BARE_DAY_RE = C(rf"(?:the{SP})?{g('d', DAY)}")
SHORT_YEAR_RE = C(r"[0-9]{2}(?![\w])(?![.,][0-9])")
# "the 7th inst." (this month), "ult." (last month), "prox." (next month)
INST_RE = C(rf"{g('d', DAY)}{SP}(?P<k>{_words_rx(tuple(WORDS.relative_months))})(?![A-Za-z])")

# calendar markers: "O.S.", "(N.S.)", "[old style]", "new style"
MARK_RE = C(
    rf",?{OSP}(?:(?P<o>[(\[]){OSP})?"
    rf"(?:(?P<old>{_marker_rx(WORDS.old_markers)})|(?P<new>{_marker_rx(WORDS.new_markers)}))"
    rf"(?(o){OSP}[)\]])"
)
RANGE_SEP_RE = C(rf"{OSP}(?P<h>[-\u2013\u2014]){OSP}|{SP}(?P<w>{_words_rx(WORDS.range_connectors)}){SP}|(?P<s>/)")
OPEN_RE = C(rf"{OSP}[(\[]{OSP}")
CLOSE_RE = C(rf"{OSP}[)\]]")
CLOSE_OPEN_RE = C(rf"{OSP}[)\]]{OSP}[(\[]{OSP}")
SLASH_SEP_RE = C(rf"{OSP}/{OSP}")

# What may follow the day that starts a date: a word, a bracket, a dash, a slash, a dot.
DAY_LEAD_RE = C(r"[0-9]{1,2}(?:st|nd|rd|th|d)?(?:[ \t\xa0\r\n]{0,8}[A-Za-z(\[\-\u2013\u2014/]|[./])")
# The scan only tries the grammar where a date can begin.
def _anchor_rx() -> str:
    """Digits, or the first three letters of a month or weekday name (as written or in capitals).

    Grouped by first letter behind a one-class look-ahead: the engine then rejects
    almost every position of a text with one test, which keeps the scan fast.
    """
    names = (*MONTHS_FULL, *MONTHS_ABBR, *WEEKDAYS, *WEEKDAYS_ABBR)
    prefixes = {w[:3] for w in names} | {w[:3].upper() for w in names}
    by_first: dict[str, list[str]] = {}
    for prefix in sorted(prefixes):
        by_first.setdefault(prefix[0], []).append(re.escape(prefix[1:]))
    groups = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    return rf"(?=[0-9{''.join(sorted(by_first))}])(?:[0-9]+|{groups})"


ANCHOR_RE = C(_anchor_rx())
URL_RE = C(r"(?:https?://|ftp://|www\.)[^\s<>\"]{1,2000}", re.IGNORECASE)

# context before and after the match (searched on a short window)
ORD_OF_RE = C(rf"(?i:\b(?P<w>{alts(list(ORD_WORDS))})(?:{SP}|-)of{SP})$")
_SPACE = r"[ \t\xa0\n]{1,4}"
MONTH_CONTEXT_RE = C(rf"(?i:(?:\b(?:{_words_rx(WORDS.month_context)}){_SPACE}|\bmid-))$")
MAY_CONTEXT_RE = C(rf"(?i:(?:\b(?:{_words_rx(WORDS.may_context)}){_SPACE}|\bmid-))$")
EVENT_AFTER_RE = C(rf"{_SPACE}(?:{_either_case(WORDS.event_after)})(?![A-Za-z])")
YEAR_INTRO_RE = C(rf"(?i:\b(?:{_words_rx(WORDS.year_intro)}){_SPACE})$")
RANGE_INTRO_RE = C(rf"(?i:\b(?:{_words_rx(WORDS.range_intro)}){_SPACE}(?:the{_SPACE})?)$")
BETWEEN_RE = C(rf"(?i:\bbetween{_SPACE}(?:the{_SPACE})?)$")
NOT_YEAR_BEFORE_RE = C(
    rf"(?i:(?:\b(?:{_words_rx(WORDS.not_year_before)})\.?"
    rf"|[{''.join(re.escape(sign) for sign in WORDS.not_year_signs)}])"
    r"[ \t\xa0]{0,3})$"
)
#: A clock time after a number: ":30 p.m.", " noon" (the number is an hour, not a day).
CLOCK_AFTER_RE = C(rf"(?:[:.][0-5][0-9])?{OSP}(?:{_words_rx(WORDS.clock_words)})(?![A-Za-z])", re.IGNORECASE)
SERIAL_OWNER_RE = C(rf"(?i:\b(?:{_words_rx(WORDS.serial_owners)})['\u2019]s[ \t\xa0]{{1,3}})$")
NOT_YEAR_AFTER_RE = C(
    rf"[ \t\xa0]{{0,3}}(?:%|per[ \t]?cent|percent|[-\u2013]?(?:{_words_rx(WORDS.not_year_after)})(?![A-Za-z]))"
)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"



# ---------------------------------------------------------------------------
# Parsed pieces


@dataclass
class Pt:
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
class Unit:
    """A point or a range (``b`` is its end)."""

    a: Pt
    b: Pt | None
    stop: int
    mark: str | None = None

    @property
    def start(self) -> int:
        return self.a.start

    @property
    def end(self) -> int:
        return self.b.end if self.b is not None else self.a.end


def day_number(s: str) -> int:
    return int(s.rstrip("stndrh"))


def marker(text: str, pos: int) -> tuple[str | None, int]:
    """An O.S./N.S. marker right after ``pos``: ("O"|"N"|None, position after it)."""
    mm = MARK_RE.match(text, pos)
    if mm is None:
        return None, pos
    return ("O" if mm.group("old") else "N"), mm.end()


def tail(text: str, pt: Pt) -> Pt:
    """Extend a day-month or month point with a marker, a year and another marker."""
    pos = pt.end
    mark, after = marker(text, pos)
    if mark is not None:
        pt.mark, pt.stop = mark, after
        pos = after
    if pt.y is None:
        ym = YEAR_TAIL_RE.match(text, pos)
        if ym is not None and not NOT_YEAR_AFTER_RE.match(text, ym.end()):
            pt.core_end = pt.end
            pt.y = int(ym.group("y"))
            pt.end = pt.stop = ym.end()
            mark2, after2 = marker(text, pt.end)
            if mark2 is not None:
                pt.mark, pt.stop = mark2, after2
    if pt.kind == "month" and pt.y is not None:
        pt.kind = "monthyear"
    return pt


def numeric(text: str, pos: int) -> list[Pt]:
    """Numeric dates at ``pos``: ISO, D.M.Y, slashes, Roman months, YYYYMMDD, a bare year."""
    cands: list[Pt] = []
    for rx, order in ((ISO_RE, "ymd"), (BASIC_RE, "basic")):
        mo = rx.match(text, pos)
        if mo is not None:
            y, m, d = int(mo.group("y")), int(mo.group("m")), int(mo.group("d"))
            cands.append(Pt(pos, mo.end(), mo.end(), y, m, d, "numeric", y_order=order))
    for rx, order in ((DOT_RE, "dmy"), (SLASH_RE, "slash")):
        mo = rx.match(text, pos)
        if mo is not None:
            a, b, y = int(mo.group("a")), int(mo.group("b")), int(mo.group("y"))
            if order == "slash":
                # Web-archive retrieval dates are US style (M/D/Y); period documents D/M/Y.
                order = "mdy" if y >= RETRIEVAL_FROM else "dmy"
                if not valid_gregorian(y, *((a, b) if order == "mdy" else (b, a))):
                    order = "dmy" if order == "mdy" else "mdy"
            m, d = (a, b) if order == "mdy" else (b, a)
            if 1 <= m <= 12:
                cands.append(Pt(pos, mo.end(), mo.end(), y, m, d, "numeric", y_order=order))
    mo = ROMAN_RE.match(text, pos)
    if mo is not None:
        y_roman = int(mo.group("y")) if mo.group("y") else None
        m, d = ROMAN[mo.group("r")], int(mo.group("d"))
        cands.append(Pt(pos, mo.end(), mo.end(), y_roman, m, d, "numeric", y_order="roman"))
    mo = BARE_YEAR_RE.match(text, pos)
    if mo is not None:
        cands.append(Pt(pos, mo.end(), mo.end(), int(mo.group(0)), None, None, "year"))
    return cands


def day_month(mo: re.Match[str], pos: int) -> Pt:
    wd = mo.group("wd")
    weekday = WEEKDAY_NUM[wd[:2].lower()] if wd else None
    day = mo.group("d") or mo.groupdict().get("bd") or ""
    return Pt(pos, mo.end(), mo.end(), None, month_number(mo.group("m")), day_number(day), "date", wd=weekday)


def point(text: str, pos: int, *, bare_day: bool = False, bare_month: bool = True) -> Pt | None:
    """The longest point-in-time form that starts at ``pos``."""
    cands: list[Pt] = []
    digit = text[pos : pos + 1].isdigit()
    for rx in (DM_RE,) if digit else (MD_RE, DM_RE):
        mo = rx.match(text, pos)
        if mo is not None:
            cands.append(tail(text, day_month(mo, pos)))
    if digit:
        cands.extend(numeric(text, pos))
    else:
        mo = M_RE.match(text, pos)
        if mo is not None:
            pt = tail(text, Pt(pos, mo.end(), mo.end(), None, month_number(mo.group("m")), None, "month"))
            if pt.y is not None or (bare_month and is_full_month(mo.group("m"))):
                cands.append(pt)
    if bare_day:
        mo = BARE_DAY_RE.match(text, pos)
        if mo is not None:
            cands.append(Pt(mo.start("d"), mo.end(), mo.end(), None, None, day_number(mo.group("d")), "day"))
    if not cands:
        return None
    best = max(cands, key=lambda p: p.end)  # max() keeps the first of equals: the order above
    if best.kind in ("numeric", "year"):
        mark, after = marker(text, best.end)
        if mark is not None:
            best.mark, best.stop = mark, after
    return best


# ---------------------------------------------------------------------------
# Composition: ranges and dual dates


def range_end(text: str, a: Pt, seg_start: int) -> Unit:
    """``a`` extended to a range when a connector and a fitting end follow."""
    unit = Unit(a, None, a.stop, a.mark)
    sep = RANGE_SEP_RE.match(text, a.end if a.mark is None else a.stop)
    if sep is None:
        return unit
    word = sep.group("w")
    window = text[max(seg_start, a.start - 24) : a.start]
    if word == "and" and not BETWEEN_RE.search(window):
        return unit
    if sep.group("s") and a.kind != "year":
        return unit  # "October 25/November 7" is a dual date, handled elsewhere
    pos = sep.end()
    b: Pt | None
    if a.kind == "year":
        b = point(text, pos, bare_month=False)
        if b is None or b.kind != "year":
            b = None
            if not word:
                ym = SHORT_YEAR_RE.match(text, pos)
                if ym is not None and a.y is not None:
                    y2 = a.y // 100 * 100 + int(ym.group(0))
                    if y2 > a.y:
                        b = Pt(pos, ym.end(), ym.end(), y2, None, None, "year")
    elif a.kind in ("month", "monthyear"):
        b = point(text, pos, bare_month=True)
        if b is not None and (b.m is None or b.kind == "numeric"):
            b = None
    else:  # a day and a month
        b = point(text, pos, bare_day=True, bare_month=False)
        if b is not None and b.kind == "day" and (a.y is not None or CLOCK_AFTER_RE.match(text, b.end)):
            b = None  # "June 17, 1925—1 p.m.": an hour after a full date, not the end of a range
        if b is not None and b.kind == "day":
            b.m = a.m
            # "March 3 to 17" needs "from"/"between" or a year after it to be a range
            if word and not RANGE_INTRO_RE.search(window) and not YEAR_TAIL_RE.match(text, b.end):
                b = None
        elif b is not None and b.kind not in ("date", "numeric"):
            b = None
    if b is None:
        return unit
    if b.kind == "day":  # "October 24-25, 1917": the year after the day is the range's
        b = tail(text, b)
        b.kind = "date"
    if not ordered(a, b):
        return unit
    return Unit(a, b, b.stop, b.mark or a.mark)


def ordered(a: Pt, b: Pt) -> bool:
    """Can ``b`` end a range that ``a`` starts? (A missing year may still wrap to the next.)"""
    if a.m is None or b.m is None:
        return a.m is None and b.m is None and a.y is not None and b.y is not None and a.y < b.y
    if a.y is not None and b.y is not None:
        return (a.y, a.m, a.d or 0) < (b.y, b.m, b.d or 32)
    return (a.m, a.d or 0) != (b.m, b.d or 0)


def unit_at(text: str, pos: int, seg_start: int) -> Unit | None:
    """A point or a range starting at ``pos``."""
    if text[pos : pos + 1].isdigit():
        mo = DDM_RE.match(text, pos)
        if mo is not None and mo.group("sep").strip() != "/":
            mon = month_number(mo.group("m"))
            a = Pt(pos, mo.end("d1"), mo.end("d1"), None, mon, day_number(mo.group("d1")), "date")
            b = tail(text, Pt(mo.start("d2"), mo.end(), mo.end(), None, mon, day_number(mo.group("d2")), "date"))
            sep = mo.group("sep").strip()
            between = sep != "and" or BETWEEN_RE.search(text[max(seg_start, pos - 24) : pos])
            if between and b.d is not None and a.d is not None and a.d < b.d:
                return Unit(a, b, b.stop, b.mark)
    start = point(text, pos)
    if start is None:
        return None
    return range_end(text, start, seg_start)


def is_dated_unit(u: Unit) -> bool:
    return u.a.m is not None and u.a.d is not None and (u.b is None or (u.b.m is not None and u.b.d is not None))

