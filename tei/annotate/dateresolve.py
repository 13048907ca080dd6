"""Resolving what the grammar parsed: missing years from the document's date, the calendar, TEI attributes.

Calendar policy (docs/encoding.md section 4): ``@when`` is always Gregorian. A date
is read as Old Style when it says so (an O.S. marker, the earlier half of a
dual date) or, unmarked, when the document's evidence says it uses Old Style
(``DateContext.old_style``), the date falls before the switch-over, and the
text is not an editor's heading. Dual dates are checked against each other.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tei.annotate.calendar import (
    GREGORIAN,
    IMPLICIT_JULIAN_FROM,
    JULIAN,
    JULIAN_LAST,
    gregorian_to_julian,
    iso,
    julian_to_gregorian,
    valid_gregorian,
)
from tei.annotate.dategrammar import WEEKDAYS, Pt, Unit, is_word_char

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
# Resolution: years from context, calendars, attributes


def approx_delta(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """Rough days from ``b`` to ``a`` (31-day months are fine for choosing a year)."""
    return (a[0] - b[0]) * 372 + (a[1] - b[1]) * 31 + (a[2] - b[2])


def context_year(ctx: DateContext, m: int, d: int | None, jul: bool) -> int | None:
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
        delta = approx_delta((y, m, d or 15), ref)
        if delta > 186:
            y -= 1
        elif delta < -186 and approx_delta((y + 1, m, d or 15), ref) <= 31:
            y += 1
        return y if 1 <= y <= 9999 else None
    return ctx.doc_year if ctx.doc_year is not None and 1 <= ctx.doc_year <= 9999 else None


def implicit_julian(ctx: DateContext, y: int | None, m: int | None, d: int | None) -> bool:
    """An unmarked date is Old Style in an Old-Style document, before the switch-over."""
    if not ctx.old_style or ctx.in_heading or y is None or m is None:
        return False
    return y >= IMPLICIT_JULIAN_FROM and (y, m, d or 1) <= JULIAN_LAST


def probe_year(m: int, d: int | None) -> int:
    """A stand-in year (13-day era) to convert a yearless Old-Style date."""
    return 1916 if (m, d) == (2, 29) else 1917


@dataclass
class Res:
    """A resolved point: its calendar reading and the Gregorian equivalent."""

    y: int | None
    m: int | None
    d: int | None
    jul: bool
    gy: int | None = None
    gm: int | None = None
    gd: int | None = None
    ok: bool = True


def convert(y: int | None, m: int | None, d: int | None, jul: bool) -> Res:
    """Validate in the point's own calendar and compute its Gregorian form."""
    if m is None:
        return Res(y, None, None, False, y, None, None, True)
    if d is None:
        # a month: kept as written in both calendars (the gold's convention)
        return Res(y, m, None, jul, y, m, None, True)
    if not jul:
        ok = valid_gregorian(y if y is not None else probe_year(m, d), m, d)
        return Res(y, m, d, False, y, m, d, ok)
    py = y if y is not None else probe_year(m, d)
    try:
        g = julian_to_gregorian(py, m, d)
    except ValueError:  # no such Julian day, or beyond year 9999
        return Res(y, m, d, True, ok=False)
    return Res(y, m, d, True, g.year if y is not None else None, g.month, g.day, True)


def years_for(u: Unit, ya: int | None) -> tuple[int | None, int | None]:
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


def start_year(u: Unit, shared: int | None) -> int | None:
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


def resolve_unit(u: Unit, ctx: DateContext, shared: int | None, cal: str | None) -> tuple[Res, Res | None]:
    """Years and calendar of a unit; ``cal`` is "O"/"N" when marked, else the context decides."""
    a = u.a
    ya = start_year(u, shared)
    if cal is None:
        cal = u.mark
    if ya is None and a.m is not None:
        if cal == "O":
            ya = context_year(ctx, a.m, a.d, True)
        elif cal == "N":
            ya = context_year(ctx, a.m, a.d, False)
        else:
            y0 = context_year(ctx, a.m, a.d, False)
            if implicit_julian(ctx, y0, a.m, a.d):
                y1 = context_year(ctx, a.m, a.d, True)
                if implicit_julian(ctx, y1, a.m, a.d):
                    ya, cal = y1, "O"
                else:
                    ya = y0
            else:
                ya = y0
    if cal is None:
        known = ctx.julian_dates and a.d is not None and iso(ya, a.m, a.d) in ctx.julian_dates
        cal = "O" if known or implicit_julian(ctx, ya, a.m, a.d) else "G"
    jul = cal == "O"
    ya, yb = years_for(u, ya)
    ra = convert(ya, a.m, a.d, jul)
    rb = convert(yb, u.b.m, u.b.d, jul) if u.b is not None else None
    return ra, rb


def tei_attrs(ra: Res, rb: Res | None, explicit_gregorian: bool) -> dict[str, str]:
    """TEI attributes for a resolved point or range."""
    out: dict[str, str] = {}
    if ra.jul:
        out["calendar"] = JULIAN
    elif explicit_gregorian:
        out["calendar"] = GREGORIAN
    if rb is None:
        out["when"] = iso(ra.gy, ra.gm, ra.gd)
        if ra.jul:
            out["when-custom"] = iso(ra.y, ra.m, ra.d)
    else:
        out["from"] = iso(ra.gy, ra.gm, ra.gd)
        out["to"] = iso(rb.gy, rb.gm, rb.gd)
        if ra.jul:
            out["from-custom"] = iso(ra.y, ra.m, ra.d)
            out["to-custom"] = iso(rb.y, rb.m, rb.d)
    if ra.jul:
        out["datingMethod"] = JULIAN
    return out


def emit(
    text: str,
    u: Unit,
    ra: Res,
    rb: Res | None,
    *,
    end: int | None = None,
    explicit_gregorian: bool = False,
    problem: str | None = None,
) -> DateMatch:
    start, stop = u.start, u.end if end is None else end
    while stop > start and not is_word_char(text[stop - 1]):
        stop -= 1
    if stop < len(text) and text[stop] == "]" and text.count("[", start, stop) > text.count("]", start, stop):
        stop += 1  # "December [4]": the editor's bracket closes inside the date
    surface = text[start:stop]
    if not ra.ok or (rb is not None and not rb.ok):
        calendar = "Julian" if ra.jul else "Gregorian"
        return DateMatch(start, stop, {}, f"{surface!r} is not a date in the {calendar} calendar")
    attrs = tei_attrs(ra, rb, explicit_gregorian)
    if any(not v or v.endswith("-") for v in attrs.values()):
        return DateMatch(start, stop, {}, f"{surface!r}: no year could be found")
    if rb is not None and ra.gy is not None and rb.gy is not None and attrs["from"] > attrs["to"]:
        return DateMatch(start, stop, {}, f"{surface!r}: the range ends before it starts")
    wd = u.a.wd
    if wd is not None and ra.gy is not None and ra.gd is not None and ra.gm is not None and problem is None:
        actual = datetime.date(ra.gy, ra.gm, ra.gd).weekday()
        if actual != wd:
            problem = f"{surface!r}: that day was a {WEEKDAYS[actual]}, not a {WEEKDAYS[wd]}"
    return DateMatch(start, stop, attrs, problem)


def dual(text: str, ua: Unit, ub: Unit, shared: int | None, ctx: DateContext) -> list[DateMatch] | None:
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
        found = consistent(ju, gu, shared, ctx)
        if found is not None:
            jr, gr = found
            return dual_matches(text, ua, ub, ju, jr, gr, None)
    # The parts disagree: mark both, each with its own reading, and say so.
    ju, gu = sides[0]
    if ju.a.m is None or gu.a.m is None:
        return None
    gap = ((gu.a.m - 1) * 31 + (gu.a.d or 1) - (ju.a.m - 1) * 31 - (ju.a.d or 1)) % 372
    if min(gap, 372 - gap) > 31:
        return None
    if len(sides) == 2 and gap > 186:
        ju, gu = gu, ju
    jr = resolve_unit(ju, ctx, shared, "O")
    gr = resolve_unit(gu, ctx, shared, "N")
    ja, g_a = jr[0], gr[0]
    expected = iso(ja.gy, ja.gm, ja.gd) if ja.ok else "no date"
    problem = (
        f"dual date does not agree: Old Style {text[ju.start : ju.end]!r} is {expected} "
        f"(New Style), but the New-Style part {text[gu.start : gu.end]!r} reads "
        f"{iso(g_a.gy, g_a.gm, g_a.gd)}"
    )
    return dual_matches(text, ua, ub, ju, jr, gr, problem)


def dual_matches(
    text: str,
    ua: Unit,
    ub: Unit,
    ju: Unit,
    jr: tuple[Res, Res | None],
    gr: tuple[Res, Res | None],
    problem: str | None,
) -> list[DateMatch]:
    out = []
    for u in (ua, ub):
        ra, rb = jr if u is ju else gr
        out.append(emit(text, u, ra, rb, explicit_gregorian=u is not ju, problem=problem))
    return out


def consistent(
    ju: Unit, gu: Unit, shared: int | None, ctx: DateContext
) -> tuple[tuple[Res, Res | None], tuple[Res, Res | None]] | None:
    """Readings of a dual date with ``ju`` as Old Style, if the two halves agree."""
    a, g = ju.a, gu.a
    if a.m is None or a.d is None or g.m is None or g.d is None:
        return None
    if a.y is not None:
        cands = [a.y]
    elif shared is not None:
        # the year written after both parts ("December 29 (January 11), 1918") is the year of
        # the later, New-Style part when the two straddle a New Year
        cands = [shared, shared - 1]
        if a.m == 12 and g.m == 1:
            cands = [shared - 1, shared]
    elif g.y is not None:
        cands = [g.y, g.y - 1]
    else:
        cy = context_year(ctx, a.m, a.d, True)
        cands = [cy] if cy is not None else []
    yearless = not cands
    if yearless:
        cands = [probe_year(a.m, a.d), 1890]  # 13-day and 12-day eras
    for jy in cands:
        try:
            gdate = julian_to_gregorian(jy, a.m, a.d)
        except ValueError:
            continue
        if (gdate.month, gdate.day) != (g.m, g.d):
            continue
        if g.y is not None and g.y != gdate.year:
            continue
        jr = resolve_unit(Unit(with_year(a, None if yearless else jy), ju.b, ju.stop, "O"), ctx, None, "O")
        gy = None if yearless else gdate.year
        gr = resolve_unit(Unit(with_year(g, gy), gu.b, gu.stop, "N"), ctx, None, "N")
        if yearless:
            jr = (strip_year(jr[0]), strip_year(jr[1]) if jr[1] is not None else None)
            gr = (strip_year(gr[0]), strip_year(gr[1]) if gr[1] is not None else None)
        if ju.b is not None and gu.b is not None:
            jb, gb = jr[1], gr[1]
            if jb is None or gb is None or (jb.gm, jb.gd) != (gb.gm, gb.gd):
                return None
        elif (ju.b is None) != (gu.b is None):
            return None
        return jr, gr
    return None


def with_year(p: Pt, y: int | None, *, trim: bool = False) -> Pt:
    """A copy with another year; ``trim`` drops the written year from the surface (it is shared)."""
    end = p.core_end if trim and p.core_end >= 0 else p.end
    return Pt(p.start, end, p.stop, y, p.m, p.d, p.kind, p.core_end, p.wd, p.mark)


def strip_year(r: Res) -> Res:
    return Res(None, r.m, r.d, r.jul, None, r.gm, r.gd, r.ok)
