"""The project's rules that XPath 1.0 cannot say, as Python, with ``tei:`` ids.

* ``tei:date-invalid`` — ``@when``/``@from``/``@to``/``@notBefore``/``@notAfter``
  are real dates (no 30 February), and a Julian or Gregorian ``@when-custom``
  (and ``-custom`` kin) is a real date in its own calendar (1900-02-29 exists
  in the Julian calendar, not in the Gregorian).
* ``tei:date-order`` — ``@from`` is not after ``@to`` (nor ``@notBefore``
  after ``@notAfter``), compared as the periods they name (1917-11 ends on
  1917-11-30).
* ``tei:julian-mismatch`` — a date whose ``@datingMethod`` is the Julian
  calendar has a ``@when`` that is the Gregorian equivalent of its
  ``@when-custom`` (``convertdate.julian``).
* ``tei:pointer-list`` — each ``#id`` of a pointer list (``@ref="#a #b"``,
  ``@calendar``) resolves; rules.sch checks single pointers, but XPath 1.0
  cannot split a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from tei.diagnostics import Diagnostic
from tei.ns import TEI_NS, XML_NS
from tei.validate.positions import Locator

_DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
_CUSTOM = {f"{name}-custom": name for name in _DATE_ATTRIBUTES}
#: Elements whose @from/@to are not dates (page ranges, anchors, witnesses).
_NOT_DATES = frozenset({"biblScope", "citedRange", "app", "locus", "span", "spanGrp", "alt", "join", "link"})
_POINTER_LISTS = ("ref", "target", "corresp", "calendar")
_MONTHS = (
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
_TZ = r"(?:Z|[+-]\d\d:\d\d)?"
_SHAPES = (
    ("dateTime", re.compile(rf"(-?\d{{4,}})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?{_TZ}")),
    ("date", re.compile(rf"(-?\d{{4,}})-(\d\d)-(\d\d){_TZ}")),
    ("gYearMonth", re.compile(rf"(-?\d{{4,}})-(\d\d){_TZ}")),
    ("gYear", re.compile(rf"(-?\d{{4,}}){_TZ}")),
    ("time", re.compile(rf"(\d\d):(\d\d):(\d\d)(?:\.\d+)?{_TZ}")),
    ("gMonthDay", re.compile(rf"--(\d\d)-(\d\d){_TZ}")),
    ("gMonth", re.compile(rf"--(\d\d){_TZ}")),
    ("gDay", re.compile(rf"---(\d\d){_TZ}")),
)


# -- dates ----------------------------------------------------------------------------------------


def _leap(year: int, calendar: str) -> bool:
    astronomical = year + 1 if year < 0 else year  # XML Schema 1.0 has no year 0: -0001 is 1 BC
    if calendar == "julian":
        return astronomical % 4 == 0
    return astronomical % 4 == 0 and (astronomical % 100 != 0 or astronomical % 400 == 0)


def _days(year: int, month: int, calendar: str) -> int:
    if month == 2:
        return 29 if _leap(year, calendar) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def temporal_problem(value: str, calendar: str = "gregorian") -> str | None:
    """None if ``value`` is an ISO date, partial date, time or date-time; else what is wrong with it."""
    text = value.strip()
    for kind, shape in _SHAPES:
        match = shape.fullmatch(text)
        if match is None:
            continue
        groups = [int(g) for g in match.groups() if g is not None]
        if kind in ("dateTime", "date", "gYearMonth", "gYear"):
            year = groups[0]
            digits = match.group(1).lstrip("-")
            if year == 0:
                return "there is no year 0000 (1 BC is written -0001)"
            if len(digits) > 4 and digits.startswith("0"):
                return "a year of more than four digits cannot start with 0"
            if len(groups) > 1 and not 1 <= groups[1] <= 12:
                return f"there is no month {groups[1]:02d}; months run from 01 to 12"
            if len(groups) > 2:
                month, day = groups[1], groups[2]
                days = _days(year, month, calendar)
                if not 1 <= day <= days:
                    in_calendar = " in the Julian calendar" if calendar == "julian" else ""
                    return f"{_MONTHS[month - 1]} {match.group(1)} has {days} days{in_calendar}"
            if kind == "dateTime" and (groups[3] > 23 or groups[4] > 59 or groups[5] > 59):
                return "the time is not a time of day (hh:mm:ss, hours 00-23)"
            return None
        if kind == "time" and (groups[0] > 23 or groups[1] > 59 or groups[2] > 59):
            return "it is not a time of day (hh:mm:ss, hours 00-23)"
        if kind in ("gMonthDay", "gMonth") and not 1 <= groups[0] <= 12:
            return f"there is no month {groups[0]:02d}; months run from 01 to 12"
        if kind == "gMonthDay" and not 1 <= groups[1] <= _days(2000, groups[0], calendar):
            return f"{_MONTHS[groups[0] - 1]} never has {groups[1]} days"
        if kind == "gDay" and not 1 <= groups[0] <= 31:
            return "a day of the month runs from 01 to 31"
        return None
    return _shape_hint(text)


def _shape_hint(text: str) -> str:
    """What a date that is not in ISO form should look like."""
    parts = re.split(r"[./\-\s]+", text)
    numbers = [p for p in parts if p.isdigit()]
    if len(numbers) == 3 and len(parts) == 3:
        if len(numbers[0]) == 4:
            year, month, day = numbers
        elif len(numbers[2]) == 4:
            day, month, year = numbers
        else:
            year = month = day = ""
        if year and month and day and int(month) <= 12:
            return f"write it as YYYY-MM-DD: {year}-{int(month):02d}-{int(day):02d}"
    if len(numbers) == 2 and len(parts) == 2 and len(numbers[0]) == 4 and int(numbers[1]) <= 12:
        return f"write it as YYYY-MM: {numbers[0]}-{int(numbers[1]):02d}"
    return "write it as YYYY-MM-DD, YYYY-MM or YYYY (for example 1917-11-08)"


def explain_temporal(value: str) -> str:
    """Why ``value`` is not an ISO date (for the schema layers' messages)."""
    return temporal_problem(value) or "it is not an ISO date"


def _period(value: str, calendar: str = "gregorian") -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and last day named by a year, year-month, date or date-time; None for other forms."""
    text = value.strip()
    if temporal_problem(text, calendar) is not None:
        return None
    match = re.match(r"(-?\d{4,})(?:-(\d\d)(?:-(\d\d))?)?", text)
    if match is None or text.startswith("--"):
        return None
    year = int(match.group(1))
    if match.group(3):
        day = (year, int(match.group(2)), int(match.group(3)))
        return day, day
    if match.group(2):
        month = int(match.group(2))
        return (year, month, 1), (year, month, _days(year, month, calendar))
    return (year, 1, 1), (year, 12, 31)


# -- the document -------------------------------------------------------------------------------


def check_rules(root: etree._Element, name: str, locator: Locator) -> list[Diagnostic]:
    """Diagnostics of the Python rules, in document order."""
    ids: dict[str, etree._Element] = {}
    for element in root.iter():
        if isinstance(element.tag, str):
            value = element.get(f"{{{XML_NS}}}id")
            if value is not None:
                ids.setdefault(value, element)
    found: list[Diagnostic] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.attrib:
            continue
        for rule, attribute, message in _check_element(element, ids):
            line, col = locator.attribute(element, attribute)
            found.append(Diagnostic(name, line, col, "error", message, rule))
    return found


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _check_element(element: etree._Element, ids: dict[str, etree._Element]) -> Iterator[tuple[str, str, str]]:
    local = _local(element)
    attrib = element.attrib
    datable = local not in _NOT_DATES
    for attribute in _DATE_ATTRIBUTES:
        value = attrib.get(attribute)
        if value is None or (attribute in ("from", "to") and not datable):
            continue
        problem = temporal_problem(value)
        if problem:
            yield "tei:date-invalid", attribute, f"@{attribute} '{value}' is not a date: {problem}"
    method = _calendar_of(attrib.get("datingMethod"), ids)
    if method is not None:
        for custom in _CUSTOM:
            value = attrib.get(custom)
            if value is None:
                continue
            problem = temporal_problem(value, method)
            if problem:
                label = method.capitalize()
                yield "tei:date-invalid", custom, f"@{custom} '{value}' is not a {label} date: {problem}"
    if datable:
        yield from _order(attrib, "from", "to", "gregorian")
    yield from _order(attrib, "notBefore", "notAfter", "gregorian")
    if method is not None:
        yield from _order(attrib, "from-custom", "to-custom", method)
        yield from _order(attrib, "notBefore-custom", "notAfter-custom", method)
    if method == "julian" and datable:
        yield from _julian(attrib)
    yield from _pointer_lists(element, ids)


def _calendar_of(pointer: str | None, ids: dict[str, etree._Element]) -> str | None:
    """``julian`` or ``gregorian`` when @datingMethod points to such a declared calendar."""
    if not pointer or not pointer.strip().startswith("#"):
        return None
    target = ids.get(pointer.strip()[1:])
    if target is None or target.tag != f"{{{TEI_NS}}}calendar":
        return None
    words = (pointer + " " + " ".join(str(t) for t in target.itertext())).lower()
    if "julian" in words:
        return "julian"
    if "gregorian" in words:
        return "gregorian"
    return None


def _order(attrib: etree._Attrib, first: str, last: str, calendar: str) -> Iterator[tuple[str, str, str]]:
    start, end = attrib.get(first), attrib.get(last)
    if start is None or end is None:
        return
    start_period, end_period = _period(start, calendar), _period(end, calendar)
    if start_period is None or end_period is None:
        return
    if start_period[0] > end_period[1]:
        yield (
            "tei:date-order",
            first,
            f"@{first} '{start}' is after @{last} '{end}'; the period cannot end before it starts: "
            "swap them or correct one",
        )


def _julian(attrib: etree._Attrib) -> Iterator[tuple[str, str, str]]:
    from convertdate import julian

    for attribute in _DATE_ATTRIBUTES:
        custom, written = attrib.get(f"{attribute}-custom"), attrib.get(attribute)
        if custom is None or written is None:
            continue
        match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", custom.strip())
        if match is None or temporal_problem(custom, "julian") or temporal_problem(written):
            continue
        year, month, day = (int(g) for g in match.groups())
        gregorian = _iso_date(*julian.to_gregorian(year, month, day))
        if written.strip() != gregorian:
            yield (
                "tei:julian-mismatch",
                attribute,
                f"@{attribute} '{written}' is not the Gregorian date of @{attribute}-custom '{custom}' (Julian): "
                f"that is {gregorian}; correct @{attribute} or @{attribute}-custom",
            )


def _iso_date(year: int, month: int, day: int) -> str:
    """An XML Schema date for an astronomical year (year 0 is 1 BC, written -0001; 10000 has five digits)."""
    if year <= 0:
        return f"-{1 - year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _pointer_lists(element: etree._Element, ids: dict[str, etree._Element]) -> Iterator[tuple[str, str, str]]:
    for attribute in _POINTER_LISTS:
        value = element.get(attribute)
        if value is None:
            continue
        tokens = value.split()
        if len(tokens) < 2:
            continue  # one pointer: rules.sch checks it
        for token in tokens:
            if not token.startswith("#"):
                continue
            target = ids.get(token[1:])
            if target is None:
                yield (
                    "tei:pointer-list",
                    attribute,
                    f"@{attribute} '{value}': '{token}' points to no xml:id in this document; "
                    f'add an element with xml:id="{token[1:]}" or correct the pointer',
                )
            elif attribute == "calendar" and target.tag != f"{{{TEI_NS}}}calendar":
                yield (
                    "tei:pointer-list",
                    attribute,
                    f"@calendar '{value}': '{token}' is not a calendar declared in calendarDesc",
                )
