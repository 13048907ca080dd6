"""Date recognition and calendar normalisation for historical documents.

Pure string functions (no lxml): ``find_dates`` returns spans and the TEI
attributes for ``<date>``, the caller wraps them. The grammar
(``dategrammar``) is general English date usage of the period, because the
toolkit runs on documents it has never seen; ``dateresolve`` supplies years
and calendars; this module scans a string and reads a document's own date.

Speed: the scan only tries the grammar at cheap anchors (digits, month and
weekday names).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from bisect import bisect_right

from tei.annotate.calendar import (
    GREGORIAN,
    JULIAN,
    RETRIEVAL_FROM,
    gregorian_to_julian,
    julian_to_gregorian,
)
from tei.annotate.dategrammar import (
    ANCHOR_RE,
    BARE_DAY_RE,
    CLOSE_OPEN_RE,
    CLOSE_RE,
    D_PAREN_DM_RE,
    DAY_LEAD_RE,
    DDM_RE,
    EVENT_AFTER_RE,
    INST_RE,
    M_RE,
    MAY_CONTEXT_RE,
    MONTH_CONTEXT_RE,
    NOT_YEAR_AFTER_RE,
    NOT_YEAR_BEFORE_RE,
    OPEN_RE,
    ORD_OF_RE,
    ORD_WORDS,
    SERIAL_OWNER_RE,
    SLASH_SEP_RE,
    URL_RE,
    WORDS,
    YEAR_INTRO_RE,
    YEAR_TAIL_RE,
    Pt,
    Unit,
    day_number,
    is_dated_unit,
    marker,
    month_number,
    range_end,
    tail,
    unit_at,
)
from tei.annotate.dateresolve import (
    DateContext,
    DateMatch,
    dual,
    emit,
    resolve_unit,
    with_year,
)

__all__ = [
    "GREGORIAN",
    "JULIAN",
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
# The scan


def _month_alone_ok(text: str, u: Unit, seg_start: int) -> bool:
    """A month without a day or year is a date only after "in", "of", "since"..."""
    a = u.a
    window = text[max(seg_start, a.start - 16) : a.start]
    rx = MAY_CONTEXT_RE if a.m == 5 else MONTH_CONTEXT_RE
    if not rx.search(window):
        return False
    return EVENT_AFTER_RE.match(text, a.end) is None


_LINE_START = re.compile(r"(?:^|\n)[ \t\xa0]*$")
_SERIAL_AFTER = re.compile(r"\.[ \t\xa0]+\S")


def _year_alone_ok(text: str, a: Pt, end: int, seg_start: int, ctx: DateContext) -> bool:
    """A four-digit number is a year unless it is a page, a serial number, a sum or a count."""
    s = a.start
    if s >= 2 and text[s - 1] in ".,:/" and text[s - 2].isdigit():
        return False
    if s >= 1 and text[s - 1] in "-\u2013/" and s >= 2 and text[s - 2].isdigit():
        return False
    window = text[max(seg_start, s - 14) : s]
    if NOT_YEAR_BEFORE_RE.search(window) or SERIAL_OWNER_RE.search(text, max(seg_start, s - 20), s):
        return False
    if _LINE_START.search(text, max(seg_start, s - 12), s) and _SERIAL_AFTER.match(text, end):
        return False  # "2089. Your 2369 of December 15": a numbered telegram
    introduced = YEAR_INTRO_RE.search(window) is not None
    if (
        not introduced
        and a.y is not None
        and ctx.doc_year is not None
        and a.y > ctx.doc_year + WORDS.future_margin
        and not _BIBLIO_RE.search(_line_around(text, s, end))
    ):
        return False  # "Your 2089" in a telegram of 1917: a number, not a year to come
    # "in 1917 workers seized..." is a year; "an army of 1918 men" is a count
    return introduced or NOT_YEAR_AFTER_RE.match(text, end) is None


def _line_around(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


def _ordinal_before(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """ "the twenty-fifth of" before a month: (start of the word, day)."""
    window_start = max(floor, pos - 32)
    mo = ORD_OF_RE.search(text, window_start, pos)
    if mo is None:
        return None
    return mo.start("w"), ORD_WORDS[mo.group("w").lower()]


_EDITORIAL_BRACKET = re.compile(r"\[[ \t]{0,2}$")


def _parse_at(text: str, p: int, floor: int, ctx: DateContext) -> tuple[list[DateMatch], int] | None:
    """Matches starting at anchor ``p`` (never before ``floor``) and where the scan goes on.

    A date that opens a square bracket is the editor's (``… [January 11, 1918]``): like a
    heading, it is New Style unless it says otherwise, and never shifted again.
    """
    if not ctx.in_heading and ctx.old_style and _EDITORIAL_BRACKET.search(text, max(floor, p - 3), p):
        ctx = dataclasses.replace(ctx, in_heading=True)
    if text[p].isdigit():
        inst = INST_RE.match(text, p)
        if inst is not None and ctx.doc_date is not None:
            shift = WORDS.relative_months[inst.group("k")]
            mi = ctx.doc_date.month - 1 + shift
            y, mth = ctx.doc_date.year + mi // 12, mi % 12 + 1
            a = Pt(p, inst.end(), inst.end(), y, mth, day_number(inst.group("d")), "date")
            ra, _ = resolve_unit(Unit(a, None, a.stop), ctx, None, None)
            return [emit(text, Unit(a, None, a.stop), ra, None)], inst.end()
        dual = _compact_dual(text, p, ctx)
        if dual is not None:
            return dual
    else:
        ordinal = _ordinal_before(text, p, floor)
        if ordinal is not None:
            mo = M_RE.match(text, p)
            if mo is not None:
                pt = tail(
                    text, Pt(ordinal[0], mo.end(), mo.end(), None, month_number(mo.group("m")), ordinal[1], "date")
                )
                u = range_end(text, pt, floor)
                ra, rb = resolve_unit(u, ctx, None, None)
                return [emit(text, u, ra, rb)], u.stop
    ua = unit_at(text, p, floor)
    if ua is None:
        return None
    # dual dates: "A (B)", "A [B O.S.]", "(A) [B]", "A/B"
    if is_dated_unit(ua):
        found = _dual_after(text, ua, floor, ctx)
        if found is not None:
            return found
    a = ua.a
    if ua.b is None and a.kind == "month" and not _month_alone_ok(text, ua, floor):
        return None
    if (a.kind == "year" or a.y_order == "basic") and not _year_alone_ok(text, a, ua.end, floor, ctx):
        return None
    undated = ctx.doc_date is None and ctx.doc_year is None
    if undated and a.m is not None and a.y is None and ua.b is None and a.d is None:
        return None  # a month in an undated document: nothing to say about it
    ra, rb = resolve_unit(ua, ctx, None, None)
    return [emit(text, ua, ra, rb, explicit_gregorian=ua.mark == "N")], ua.stop


def _dual_after(text: str, ua: Unit, floor: int, ctx: DateContext) -> tuple[list[DateMatch], int] | None:
    pos = ua.stop
    bracketed = ua.start > floor and text[ua.start - 1] in "(["
    seps = []
    if bracketed:
        seps.append(CLOSE_OPEN_RE.match(text, pos))
    seps.append(OPEN_RE.match(text, pos))
    seps.append(SLASH_SEP_RE.match(text, pos))
    for sep in seps:
        if sep is None:
            continue
        ub = unit_at(text, sep.end(), floor)
        if (ub is None or not is_dated_unit(ub)) and sep.group(0).strip()[-1:] in "([":
            ub = _bare_day_unit(text, sep.end(), ua)
        if ub is None or not is_dated_unit(ub):
            continue
        if (ua.b is None) != (ub.b is None):
            continue
        stop = ub.stop
        closing = sep.group(0).strip()[-1:] in "(["
        if closing:
            cl = CLOSE_RE.match(text, stop)
            if cl is None:
                continue
            stop = cl.end()
        shared = None
        if ua.a.y is None and ub.a.y is None and (ub.b is None or ub.b.y is None):
            ym = YEAR_TAIL_RE.match(text, stop)
            if ym is not None and not NOT_YEAR_AFTER_RE.match(text, ym.end()):
                shared = int(ym.group("y"))
                stop = ym.end()
                mark, after = marker(text, stop)
                if mark is not None:
                    stop = after
        elif ua.a.y is None and ub.a.y is not None and ub.b is None:
            shared = ub.a.y  # "October 25/November 7, 1917": the year is both parts'
            ub = Unit(with_year(ub.a, None, trim=True), None, ub.stop, ub.mark)
        matches = dual(text, ua, ub, shared, ctx)
        if matches is not None:
            return matches, stop
    return None


def _bare_day_unit(text: str, pos: int, ua: Unit) -> Unit | None:
    """The "(18)" of "December 5 (18)": a day in the month of the date before it."""
    mo = BARE_DAY_RE.match(text, pos)
    if mo is None or ua.b is not None or ua.a.d is None or ua.a.m is None:
        return None
    d = day_number(mo.group("d"))
    if d <= ua.a.d:
        return None
    return Unit(Pt(mo.start("d"), mo.end(), mo.end(), ua.a.y, ua.a.m, d, "date"), None, mo.end())


def _compact_dual(text: str, p: int, ctx: DateContext) -> tuple[list[DateMatch], int] | None:
    """ "13/26 January 1918" or "5 (18) December": the Julian day, the Gregorian day, their month."""
    mo = D_PAREN_DM_RE.match(text, p)
    paren = mo is not None
    if mo is None:
        mo = DDM_RE.match(text, p)
        if mo is None or mo.group("sep").strip() != "/":
            return None
    mon = month_number(mo.group("m"))
    d1, d2 = day_number(mo.group("d1")), day_number(mo.group("d2"))
    if not paren and d2 - d1 not in (12, 13):
        if d2 - d1 == 1:  # "the night of 25/26 October": a range
            a = Pt(p, mo.end("d1"), mo.end("d1"), None, mon, d1, "date")
            b = tail(text, Pt(mo.start("d2"), mo.end(), mo.end(), None, mon, d2, "date"))
            u = Unit(a, b, b.stop, b.mark)
            ra, rb = resolve_unit(u, ctx, None, None)
            return [emit(text, u, ra, rb)], u.stop
        return None
    a = Pt(p, mo.end("d1"), mo.end("d1"), None, mon, d1, "date")
    b = Pt(mo.start("d2"), mo.end(), mo.end(), None, mon, d2, "date")
    b = tail(text, b)
    shared = b.y
    b = with_year(b, None, trim=True)
    if paren:
        b.end = mo.end("d2")  # "18": the bracket is the editor's, the month is both days'
    stop = max(b.stop, mo.end())
    marks = (None, None) if paren else ("O", "N")
    ua, ub = Unit(a, None, a.stop, marks[0]), Unit(b, None, b.stop, marks[1])
    matches = dual(text, ua, ub, shared, ctx)
    return (matches, stop) if matches is not None else None


def _url_spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for mo in URL_RE.finditer(text):
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
    for anchor in ANCHOR_RE.finditer(text):
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
            if size <= 2 and DAY_LEAD_RE.match(text, p) is None:
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
_OS_HINT_RE = re.compile(r"[(\[/]|[OoNn]\.\s?[Ss]|[Ss]tyle|STYLE")


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


_DATELINE = WORDS.dateline


def _head(text: str, lines: int = _DATELINE["head_lines"], chars: int = _DATELINE["head_chars"]) -> str:
    """The title block: the first lines of a text."""
    kept: list[str] = []
    count = 0
    for line in text[:chars].splitlines(keepends=True):
        kept.append(line)
        count += bool(line.strip())
        if count >= lines:
            break
    return "".join(kept)


_BIBLIO_RE = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in WORDS.bibliographic_abbreviations)})\."
    rf"|\b(?:{'|'.join(re.escape(w) for w in WORDS.bibliographic_words)})\b"
    rf"|\b(?:{'|'.join(re.escape(w) for w in WORDS.bibliographic_prefixes)})\w*"
)
_FOOTNOTE_LINE_RE = re.compile(r"[ \t]*(?:\[[0-9]{1,3}\]|[0-9]{1,3}\.?[ \t])")
_LETTERS_RE = re.compile(r"[^\W\d_]{2,}")


def _dateline_score(head: str, m: DateMatch, year: int, filled: bool) -> int:
    """Lower is more like a dateline: a short line of its own, not a citation or a footnote."""
    line_start = head.rfind("\n", 0, m.start) + 1
    line_end = head.find("\n", m.end)
    line = head[line_start : line_end if line_end >= 0 else len(head)]
    rest = line[: m.start - line_start] + " " + line[m.end - line_start :]
    score = min(len(_LETTERS_RE.findall(rest)), _DATELINE["max_letters"])
    score += _DATELINE["bibliographic"] if _BIBLIO_RE.search(rest) else 0
    score += _DATELINE["footnote"] if m.start > line_start and _FOOTNOTE_LINE_RE.match(line) else 0
    score += _DATELINE["filled_year"] if filled else 0
    score += _DATELINE["retrieval"] if year >= RETRIEVAL_FROM else 0
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
        if v[:4].isdigit() and int(v[:4]) < RETRIEVAL_FROM
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
    if best is None or best[0] >= _DATELINE["reject_at"]:
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
        if value[:4].isdigit() and int(value[:4]) < RETRIEVAL_FROM:
            return int(value[:4])
    return None
