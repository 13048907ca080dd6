"""Date recognition and calendars: every form of the grammar, the switch-over, the samples' gold.

The tables say what a careful editor would mark (span and TEI attributes); the
property tests say what must hold for any input at all.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei.annotate.dates import (
    DateContext,
    DateMatch,
    document_date,
    document_year,
    find_dates,
    gregorian_to_julian,
    julian_to_gregorian,
    old_style_dates,
    old_style_evidence,
)

D = datetime.date
NS17 = DateContext(D(1917, 11, 8), 1917, old_style=False)
OS17 = DateContext(D(1917, 11, 8), 1917, old_style=True)
HEAD17 = DateContext(D(1917, 11, 8), 1917, old_style=True, in_heading=True)
JAN18 = DateContext(D(1918, 1, 10), 1918, old_style=True)
DEC17 = DateContext(D(1917, 12, 28), 1917, old_style=False)
Y1920 = DateContext(None, 1920, old_style=False)
UNDATED = DateContext(None, None, old_style=False)

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def greg(when: str) -> dict[str, str]:
    return {"when": when}


def ns(when: str) -> dict[str, str]:
    """The New-Style half of a dual date or an N.S.-marked date."""
    return {"calendar": "#gregorian", "when": when}


def jul(when: str, custom: str) -> dict[str, str]:
    return {"calendar": "#julian", "when": when, "when-custom": custom, "datingMethod": "#julian"}


def rng(start: str, end: str) -> dict[str, str]:
    return {"from": start, "to": end}


def jrng(start: str, end: str, jstart: str, jend: str) -> dict[str, str]:
    return {
        "calendar": "#julian", "from": start, "to": end,
        "from-custom": jstart, "to-custom": jend, "datingMethod": "#julian",
    }  # fmt: skip


def found(text: str, ctx: DateContext) -> list[tuple[str, dict[str, str]]]:
    return [(text[m.start : m.end], m.attrs) for m in find_dates(text, ctx)]


# ---------------------------------------------------------------------------
# The forms

Expected = list[tuple[str, dict[str, str]]]

FORMS: list[tuple[str, DateContext, Expected]] = [
    # full dates, day-first and month-first, ordinals, abbreviations, weekdays
    ("On 6 December 1917 the note", NS17, [("6 December 1917", greg("1917-12-06"))]),
    ("December 6, 1917", NS17, [("December 6, 1917", greg("1917-12-06"))]),
    ("December 6,1917", NS17, [("December 6,1917", greg("1917-12-06"))]),
    ("December 6th 1917", NS17, [("December 6th 1917", greg("1917-12-06"))]),
    ("on the 6th December", NS17, [("6th December", greg("1917-12-06"))]),
    ("on the 6th of December", NS17, [("6th of December", greg("1917-12-06"))]),
    ("the 25th of October, 1917", NS17, [("25th of October, 1917", greg("1917-10-25"))]),
    ("on the 22d of October", NS17, [("22d of October", greg("1917-10-22"))]),
    ("Dec. 6 was", NS17, [("Dec. 6", greg("1917-12-06"))]),
    ("Sept. 1st, 1918", NS17, [("Sept. 1st, 1918", greg("1918-09-01"))]),
    ("Feb 10 1918", NS17, [("Feb 10 1918", greg("1918-02-10"))]),
    ("on 6 Dec. the", NS17, [("6 Dec", greg("1917-12-06"))]),
    ("January the 5th", NS17, [("January the 5th", greg("1917-01-05"))]),
    ("Thursday, December 6, 1917", NS17, [("Thursday, December 6, 1917", greg("1917-12-06"))]),
    ("Thursday, 6 December 1917", NS17, [("Thursday, 6 December 1917", greg("1917-12-06"))]),
    ("OCTOBER 26, 1917", NS17, [("OCTOBER 26, 1917", greg("1917-10-26"))]),
    ("on the first of May", NS17, [("first of May", greg("1917-05-01"))]),
    ("the Twenty-fifth of October 1917", NS17, [("Twenty-fifth of October 1917", greg("1917-10-25"))]),
    ("Moscow,\n6 December\n1917", NS17, [("6 December\n1917", greg("1917-12-06"))]),
    # numeric dates
    ("Marxist Internet Archive. 2/11/2011.", NS17, [("2/11/2011", greg("2011-02-11"))]),
    ("retrieved 12/25/2010", NS17, [("12/25/2010", greg("2010-12-25"))]),
    ("dated 6/12/1917", NS17, [("6/12/1917", greg("1917-12-06"))]),
    ("dated 6.12.1917", NS17, [("6.12.1917", greg("1917-12-06"))]),
    ("dated 06.12.1917", NS17, [("06.12.1917", greg("1917-12-06"))]),
    ("ISO 1917-12-06 form", NS17, [("1917-12-06", greg("1917-12-06"))]),
    ("dated 6.XII.1917", NS17, [("6.XII.1917", greg("1917-12-06"))]),
    ("the 8.III convocation", DateContext(D(1922, 2, 24), 1922, False), [("8.III", greg("1922-03-08"))]),
    ("Leon Trotsky 19180210 Declaration", NS17, [("19180210", greg("1918-02-10"))]),
    # months and years at their precision
    ("in March 1917", NS17, [("March 1917", greg("1917-03"))]),
    ("March, 1918", NS17, [("March, 1918", greg("1918-03"))]),
    ("in March of 1917", NS17, [("March of 1917", greg("1917-03"))]),
    ("Dec. 1917", NS17, [("Dec. 1917", greg("1917-12"))]),
    ("It happened in March.", NS17, [("March", greg("1917-03"))]),
    ("ever since October the", NS17, [("October", greg("1917-10"))]),
    ("at the end of September", NS17, [("September", greg("1917-09"))]),
    ("in mid-March", NS17, [("March", greg("1917-03"))]),
    ("In May the Congress", NS17, [("May", greg("1917-05"))]),
    ("May 1918", NS17, [("May 1918", greg("1918-05"))]),
    ("May 1, 1918", NS17, [("May 1, 1918", greg("1918-05-01"))]),
    ("the Revolution of 1905", NS17, [("1905", greg("1905"))]),
    ("in 1917.", NS17, [("1917", greg("1917"))]),
    ("(1920)", NS17, [("1920", greg("1920"))]),
    ("in December", DateContext(D(1918, 1, 10), 1918, False), [("December", greg("1917-12"))]),
    ("in May", Y1920, [("May", greg("1920-05"))]),
    # ranges
    ("the Revolution of October 24-25 and", NS17, [("October 24-25", rng("1917-10-24", "1917-10-25"))]),
    ("October 24\u201325, 1917", NS17, [("October 24\u201325, 1917", rng("1917-10-24", "1917-10-25"))]),
    ("24-25 October 1917", NS17, [("24-25 October 1917", rng("1917-10-24", "1917-10-25"))]),
    ("from the 1st to the 15th of March", NS17, [("1st to the 15th of March", rng("1917-03-01", "1917-03-15"))]),
    ("between 24 and 25 October", NS17, [("24 and 25 October", rng("1917-10-24", "1917-10-25"))]),
    ("the night of 25/26 October", NS17, [("25/26 October", rng("1917-10-25", "1917-10-26"))]),
    ("October 24 to November 2", NS17, [("October 24 to November 2", rng("1917-10-24", "1917-11-02"))]),
    ("from March 3 to 17", NS17, [("March 3 to 17", rng("1917-03-03", "1917-03-17"))]),
    ("December 28 to January 5, 1918", NS17, [("December 28 to January 5, 1918", rng("1917-12-28", "1918-01-05"))]),
    ("between 1905 and 1907", NS17, [("1905 and 1907", rng("1905", "1907"))]),
    ("the war of 1914-1918", NS17, [("1914-1918", rng("1914", "1918"))]),
    ("the war of 1914\u201318", NS17, [("1914\u201318", rng("1914", "1918"))]),
    ("from 1917 to 1920", NS17, [("1917 to 1920", rng("1917", "1920"))]),
    ("from February to October 25, 1917", NS17, [("February to October 25, 1917", rng("1917-02", "1917-10-25"))]),
    ("March 1917 to February 1918", NS17, [("March 1917 to February 1918", rng("1917-03", "1918-02"))]),
    # dual dates: two matches, the shared year in neither
    (
        "October 26 (November 8), 1917",
        NS17,
        [("October 26", jul("1917-11-08", "1917-10-26")), ("November 8", ns("1917-11-08"))],
    ),
    (
        "26 October (8 November) 1917",
        NS17,
        [("26 October", jul("1917-11-08", "1917-10-26")), ("8 November", ns("1917-11-08"))],
    ),
    (
        "decree on peace (26 October) [8 November] and",
        DateContext(D(1917, 12, 6), 1917, True),
        [("26 October", jul("1917-11-08", "1917-10-26")), ("8 November", ns("1917-11-08"))],
    ),
    (
        "November 8 [October 26 O.S.], 1917",
        NS17,
        [("November 8", ns("1917-11-08")), ("October 26", jul("1917-11-08", "1917-10-26"))],
    ),
    (
        "10 December (27 November)",
        NS17,
        [("10 December", ns("1917-12-10")), ("27 November", jul("1917-12-10", "1917-11-27"))],
    ),
    (
        "October 25/November 7, 1917",
        NS17,
        [("October 25", jul("1917-11-07", "1917-10-25")), ("November 7", ns("1917-11-07"))],
    ),
    ("13/26 January 1918", NS17, [("13", jul("1918-01-26", "1918-01-13")), ("26 January", ns("1918-01-26"))]),
    ("1st/14th January, 1918", NS17, [("1st", jul("1918-01-14", "1918-01-01")), ("14th January", ns("1918-01-14"))]),
    (
        "31 January/13 February 1918",
        NS17,
        [("31 January", jul("1918-02-13", "1918-01-31")), ("13 February", ns("1918-02-13"))],
    ),
    ("December 2 (15), 1917", NS17, [("December 2", jul("1917-12-15", "1917-12-02")), ("15", ns("1917-12-15"))]),
    ("on 5 (18) December 1917", NS17, [("5", jul("1917-12-18", "1917-12-05")), ("18", ns("1917-12-18"))]),
    (
        "December 20, 1917 (January 2, 1918)",
        NS17,
        [("December 20, 1917", jul("1918-01-02", "1917-12-20")), ("January 2, 1918", ns("1918-01-02"))],
    ),
    (
        "19 January (1 February) 1918",
        NS17,
        [("19 January", jul("1918-02-01", "1918-01-19")), ("1 February", ns("1918-02-01"))],
    ),
    (
        "the 25th October (7th November)",
        NS17,
        [("25th October", jul("1917-11-07", "1917-10-25")), ("7th November", ns("1917-11-07"))],
    ),
    ("Oct. 24/Nov. 6", NS17, [("Oct. 24", jul("1917-11-06", "1917-10-24")), ("Nov. 6", ns("1917-11-06"))]),
    (
        "October 24-25 (November 6-7), 1917",
        NS17,
        [
            ("October 24-25", jrng("1917-11-06", "1917-11-07", "1917-10-24", "1917-10-25")),
            ("November 6-7", {"calendar": "#gregorian", "from": "1917-11-06", "to": "1917-11-07"}),
        ],
    ),
    ("January 1 (13), 1890", NS17, [("January 1", jul("1890-01-13", "1890-01-01")), ("13", ns("1890-01-13"))]),
    # calendar markers
    ("October 25, 1917 (O.S.)", NS17, [("October 25, 1917", jul("1917-11-07", "1917-10-25"))]),
    ("October 25 O.S. the", NS17, [("October 25", jul("1917-11-07", "1917-10-25"))]),
    ("January 22, 1918, old style", NS17, [("January 22, 1918", jul("1918-02-04", "1918-01-22"))]),
    ("November 7 (N.S.)", OS17, [("November 7", ns("1917-11-07"))]),
    ("November 7 [new style]", OS17, [("November 7", ns("1917-11-07"))]),
    # unmarked dates in an Old-Style document
    ("In the Manifesto of March 14, we", OS17, [("March 14", jul("1917-03-27", "1917-03-14"))]),
    (
        "the Revolution of October 24-25 and",
        OS17,
        [("October 24-25", jrng("1917-11-06", "1917-11-07", "1917-10-24", "1917-10-25"))],
    ),
    (
        "from February to October 25, 1917.",
        OS17,
        [("February to October 25, 1917", jrng("1917-02", "1917-11-07", "1917-02", "1917-10-25"))],
    ),
    ("in March 1917", OS17, [("March 1917", jul("1917-03", "1917-03"))]),
    ("6.12.1917", OS17, [("6.12.1917", jul("1917-12-19", "1917-12-06"))]),
    ("in 1905", OS17, [("1905", greg("1905"))]),  # a year has no calendar to mark
    ("the Commune of March 18, 1871", OS17, [("March 18, 1871", greg("1871-03-18"))]),
    ("6 December 1917", HEAD17, [("6 December 1917", greg("1917-12-06"))]),  # an editor's heading
    ("October 25, 1917 (O.S.)", HEAD17, [("October 25, 1917", jul("1917-11-07", "1917-10-25"))]),
    ("February 10, 1918", OS17, [("February 10, 1918", greg("1918-02-10"))]),  # after the switch-over
    ("May 5, 1920", OS17, [("May 5, 1920", greg("1920-05-05"))]),
    ("2/11/2011", OS17, [("2/11/2011", greg("2011-02-11"))]),
    # missing years
    ("December 28", JAN18, [("December 28", jul("1918-01-10", "1917-12-28"))]),
    ("January 3", DEC17, [("January 3", greg("1918-01-03"))]),
    ("December 12", DateContext(D(1917, 12, 6), 1917, False), [("December 12", greg("1917-12-12"))]),
    ("March 14", Y1920, [("March 14", greg("1920-03-14"))]),
    ("your note of the 7th inst.", NS17, [("7th inst", greg("1917-11-07"))]),
    ("the 28th ult.", NS17, [("28th ult", greg("1917-10-28"))]),
    ("December 6", UNDATED, [("December 6", greg("--12-06"))]),
    ("(26 October) [8 November]", UNDATED, [("26 October", jul("--11-08", "--10-26")), ("8 November", ns("--11-08"))]),
]


@pytest.mark.parametrize(("text", "ctx", "expected"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_forms(text: str, ctx: DateContext, expected: Expected) -> None:
    assert found(text, ctx) == expected


NOT_DATES: list[str] = [
    "for a period of not less than three months",
    "suspended for one week in order to",
    "to last for twenty-eight days.",
    "in the fourth year of war",
    "for two years and 48 hours",
    "the 14 points of the President",
    "1.To proclaim that the proposed armistice",
    "3. That the Moon Islands be evacuated.",
    "Trotsky, iii, 2, p. 192",
    "Telegram No. 1917 was",
    "pp. 1917 and p. 1918",
    "an army of 1918 men and 1800 versts",
    "some 1900 prisoners",
    "1,917,000 roubles and 1917.5 tons",
    "March on Petrograd!",
    "the October Revolution and the February revolution",
    "since October Revolution",
    "we may come, they may not",
    "MAY WE",
    "Jan Smuts and Mary and Mayor Marx",
    "on the 5th",
    "on Friday evening",
    "at 7.32 a. m. and 5.05 am",
    "file 861.00/217",
    "in the 1890s",
    "https://www.marxists.org/archive/lenin/works/1917/oct/25-26/26b.htm",
    "<http://example.org/1917/12/06/page>",
    "in March",  # no year is known: nothing to say
    "A26 October",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    ctx = NS17 if text != "in March" else UNDATED
    assert found(text, ctx) == []


def test_year_before_a_plural_noun() -> None:
    assert found("In 1917 workers seized the land", NS17) == [("1917", greg("1917"))]
    assert found("until 1920 troops stayed", NS17) == [("1920", greg("1920"))]
    assert found("an army of 1918 men", NS17) == []


def test_dates_next_to_non_dates() -> None:
    text = "On 6 December 1917, No. 1918, they agreed for three months from 1 January 1918."
    assert [s for s, _ in found(text, NS17)] == ["6 December 1917", "1 January 1918"]


# ---------------------------------------------------------------------------
# Calendars and the switch-over


def test_switch_over_arithmetic() -> None:
    assert julian_to_gregorian(1918, 1, 31) == D(1918, 2, 13)
    assert gregorian_to_julian(1918, 2, 13) == (1918, 1, 31)
    assert gregorian_to_julian(1918, 2, 14) == (1918, 2, 1)
    assert julian_to_gregorian(1917, 10, 25) == D(1917, 11, 7)
    assert julian_to_gregorian(1900, 2, 29) == D(1900, 3, 13)  # a Julian leap day only
    assert julian_to_gregorian(1890, 1, 1) == D(1890, 1, 13)  # 12 days in the 19th century
    with pytest.raises(ValueError):
        julian_to_gregorian(1917, 2, 29)
    with pytest.raises(ValueError):
        gregorian_to_julian(1900, 2, 29)


def test_switch_over_in_an_old_style_document() -> None:
    assert found("January 31, 1918", OS17) == [("January 31, 1918", jul("1918-02-13", "1918-01-31"))]
    assert found("February 1, 1918", OS17) == [("February 1, 1918", greg("1918-02-01"))]
    assert found("February 14, 1918", OS17) == [("February 14, 1918", greg("1918-02-14"))]
    assert found("in January 1918", OS17) == [("January 1918", jul("1918-01", "1918-01"))]
    assert found("in February 1918", OS17) == [("February 1918", greg("1918-02"))]


def test_julian_leap_day_is_checked_in_its_own_calendar() -> None:
    assert found("February 29, 1900", OS17) == [("February 29, 1900", jul("1900-03-13", "1900-02-29"))]
    (match,) = find_dates("February 29, 1900", NS17)
    assert match.attrs == {} and match.problem


def test_dual_date_that_does_not_agree_is_reported() -> None:
    text = "October 26 (November 9), 1917"
    first, second = find_dates(text, NS17)
    assert (text[first.start : first.end], first.attrs) == ("October 26", jul("1917-11-08", "1917-10-26"))
    assert (text[second.start : second.end], second.attrs) == ("November 9", ns("1917-11-09"))
    assert first.problem and second.problem and "1917-11-08" in first.problem


def test_twelve_days_apart_is_wrong_in_1917() -> None:
    matches = find_dates("January 1 (13), 1917", NS17)
    assert len(matches) == 2 and all(m.problem for m in matches)


def test_far_apart_dates_in_brackets_are_not_a_dual_date() -> None:
    matches = find_dates("March 3 (June 5) 1918", NS17)
    assert all(m.problem is None and "calendar" not in m.attrs for m in matches)


def test_impossible_dates_carry_a_problem_and_no_when() -> None:
    (match,) = find_dates("on 30 February 1917", NS17)
    assert (match.start, match.end, match.attrs) == (3, 19, {})
    assert match.problem is not None and "not a date" in match.problem


def test_weekday_that_does_not_fit_is_reported() -> None:
    (match,) = find_dates("Monday, December 6, 1917", NS17)
    assert match.attrs == greg("1917-12-06")
    assert match.problem is not None and "Thursday" in match.problem
    (ok,) = find_dates("Thursday, December 6, 1917", NS17)
    assert ok.problem is None


def test_same_date_marked_elsewhere_is_old_style_even_in_a_heading() -> None:
    text = "22 January, 1918\n\nYesterday, January 22, 1918, old style, we"
    assert old_style_dates(text) == frozenset({"1918-01-22"})
    ctx = DateContext(D(1918, 2, 4), 1918, old_style=True, in_heading=True, julian_dates=old_style_dates(text))
    assert found("22 January, 1918", ctx) == [("22 January, 1918", jul("1918-02-04", "1918-01-22"))]
    assert found("23 January, 1918", ctx) == [("23 January, 1918", greg("1918-01-23"))]


# ---------------------------------------------------------------------------
# Document-level evidence


def test_old_style_evidence() -> None:
    assert old_style_evidence("It was October 26 (November 8), 1917.")
    assert old_style_evidence("between (26 October) [8 November] and")
    assert old_style_evidence("on October 25 (O.S.) the")
    assert not old_style_evidence("On December 6, 1917 the note was sent (see p. 5).")
    assert not old_style_evidence("the old style of diplomacy")
    assert not old_style_evidence("December 6 (December 9)")  # a dual that does not agree shows no practice
    assert not old_style_evidence("")


def test_document_date_and_year() -> None:
    assert document_date("NOTE\n\n6 December 1917\nTrotsky, iii, 2, p. 192\n\nText.") == D(1917, 12, 6)
    assert document_date("**Report**\n**October 26 (November 8), 1917**\n\nText") == D(1917, 11, 8)
    assert document_date("Title\n\n10 February\n\n[From the Review, 20 February, 1918, p. 929.]\n") == D(1918, 2, 10)
    assert document_date("Title\n\nSome text without a date.\n\nRetrieved 2/11/2011") is None
    assert document_date("Title\n\n(1920)\n") is None
    assert document_year("Title\n\n(1920)\n") == 1920
    assert document_date("") is None and document_year("") is None
    text = "CALLING EVERYBODY\n\n22 January, 1918\n\nToday, January 22, 1918, old style, the Congress met."
    assert document_date(text) == D(1918, 2, 4)


# ---------------------------------------------------------------------------
# The shared samples against their gold

SAMPLES = {
    # sample name -> the end of the editor's heading (read as New Style unless marked)
    "lenin-report-on-peace-1917-11-08": "1917**\n",
    "trotsky-note-to-allied-ambassadors-1917-12-06": "6 December 1917\n",
}


def _as_gold(text: str, offset: int, match: DateMatch) -> dict[str, object]:
    attrs = match.attrs
    entity: dict[str, object] = {
        "text": text[match.start : match.end],
        "start": match.start + offset,
        "when": attrs.get("when") or attrs.get("from"),
    }
    for key, attr in (("when_julian", "when-custom"), ("to", "to"), ("to_julian", "to-custom")):
        if attr in attrs or (key == "when_julian" and "from-custom" in attrs):
            entity[key] = attrs.get(attr) or attrs.get("from-custom")
    return entity


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_match_gold(shared: Path, name: str) -> None:
    text = (shared / "samples" / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    doc_date = document_date(text)
    assert doc_date is not None and doc_date.isoformat() == gold["date"]
    assert old_style_evidence(text)
    cut = text.index(SAMPLES[name]) + len(SAMPLES[name])
    body = DateContext(doc_date, doc_date.year, old_style_evidence(text), julian_dates=old_style_dates(text))
    heading = DateContext(doc_date, doc_date.year, body.old_style, in_heading=True, julian_dates=body.julian_dates)
    got = [_as_gold(text[:cut], 0, m) for m in find_dates(text[:cut], heading)]
    got += [_as_gold(text[cut:], cut, m) for m in find_dates(text[cut:], body)]
    keys = ("text", "start", "when", "when_julian", "to", "to_julian")
    want = [{k: e[k] for k in keys if k in e} for e in gold["entities"] if e["type"] == "date"]
    assert got == want


DEVSET = Path(__file__).resolve().parents[1] / "devset"


def test_devset_dates_measure() -> None:
    """On the twenty unseen dev-set documents: spans and @when close to the hand-made gold.

    A measure, not a fit: the few misses are judgement calls (Old Style without
    a marker), OCR damage (``15.111``) and years that only the narrative gives.
    """
    tp = fp = fn = agree = 0
    for gold_file in sorted(DEVSET.glob("*.json")):
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        year = int(gold["date"][:4])
        day = D.fromisoformat(gold["date"]) if len(gold["date"]) == 10 else None
        body = DateContext(day, year, old_style_evidence(text), julian_dates=old_style_dates(text))
        heading = DateContext(day, year, body.old_style, in_heading=True, julian_dates=body.julian_dates)
        lines = text.splitlines(keepends=True)
        cut = sum(len(line) for line in lines[: next((i for i, t in enumerate(lines) if not t.strip()), 0)])
        got = {
            (m["start"], m["text"]): m for m in [_as_gold(text[:cut], 0, m) for m in find_dates(text[:cut], heading)]
        }
        got.update(
            {(m["start"], m["text"]): m for m in [_as_gold(text[cut:], cut, m) for m in find_dates(text[cut:], body)]}
        )
        want = {(e["start"], e["text"]): e for e in gold["entities"] if e["type"] == "date"}
        tp += len(got.keys() & want.keys())
        fp += len(got.keys() - want.keys())
        fn += len(want.keys() - got.keys())
        agree += sum(got[k]["when"] == want[k]["when"] for k in got.keys() & want.keys())
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.9
    assert agree / tp >= 0.8


# ---------------------------------------------------------------------------
# Properties: any input at all

ISO = re.compile(r"(?:\d{4}(?:-\d\d(?:-\d\d)?)?|--\d\d(?:-\d\d)?)")
CONTEXTS = st.builds(
    DateContext,
    doc_date=st.none() | st.dates(),
    doc_year=st.none() | st.integers(min_value=-5, max_value=10001),
    old_style=st.booleans(),
    in_heading=st.booleans(),
)
TOKENS = [
    "October", "26", "(", "November", "8", ")", ",", "1917", "[", "]", "O.S.", "N.S.", "-", "\u2013", "to",
    "and", "between", "from", "the", "6th", "of", "Dec.", "Monday", "/", "12", "31", "30", "February", "29",
    "1900", "1918", "January", "13", "2/11/2011", "6.12.1917", "XII", ".", "\n", "in", "May", "March", "1905",
    "19", "inst.", "first", "old style", "No.", "2099", "9999", "0", "http://x.org/", "\u00a0", "May,", "19180210",
]  # fmt: skip
DATEISH = st.lists(st.sampled_from(TOKENS), max_size=14).map(lambda ts: " ".join(ts) if len(ts) % 2 else "".join(ts))


def _check_matches(text: str, matches: list[DateMatch]) -> None:
    last = 0
    for m in matches:
        assert last <= m.start < m.end <= len(text)
        surface = text[m.start : m.end]
        assert surface[0].isalnum() and surface[-1].isalnum(), surface
        for key in ("when", "from", "to", "when-custom", "from-custom", "to-custom"):
            value = m.attrs.get(key)
            if value is None:
                continue
            assert ISO.fullmatch(value), value
            if len(value) == 10 and key in ("when", "from", "to"):
                datetime.date.fromisoformat(value)
        assert not ("when" in m.attrs and ("from" in m.attrs or "to" in m.attrs))
        assert ("from" in m.attrs) == ("to" in m.attrs)
        if m.attrs.get("calendar") == "#julian":
            assert m.attrs.get("datingMethod") == "#julian"
        if not m.attrs:
            assert m.problem
        last = m.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200), ctx=CONTEXTS)
def test_any_text_is_safe(text: str, ctx: DateContext) -> None:
    _check_matches(text, find_dates(text, ctx))
    old_style_evidence(text)
    document_date(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=DATEISH, ctx=CONTEXTS)
def test_date_like_text_is_safe(text: str, ctx: DateContext) -> None:
    _check_matches(text, find_dates(text, ctx))
    assert isinstance(old_style_dates(text), frozenset)


@settings(deadline=None)
@given(day=st.dates(min_value=D(1800, 1, 1), max_value=D(2099, 12, 31)), month_first=st.booleans())
def test_written_dates_read_back(day: datetime.date, month_first: bool) -> None:
    month = MONTHS[day.month - 1]
    text = f"on {month} {day.day}, {day.year} we" if month_first else f"on {day.day} {month} {day.year} we"
    (match,) = find_dates(text, NS17)
    assert match.attrs == greg(day.isoformat())
    assert text[match.start : match.end] == text[3:-3]


@settings(deadline=None)
@given(day=st.dates(min_value=D(1800, 3, 14), max_value=D(1918, 2, 13)))
def test_generated_dual_dates_agree(day: datetime.date) -> None:
    jy, jm, jd = gregorian_to_julian(day.year, day.month, day.day)
    text = f"{MONTHS[jm - 1]} {jd}, {jy} ({MONTHS[day.month - 1]} {day.day}, {day.year})"
    first, second = find_dates(text, UNDATED)
    assert first.problem is None and second.problem is None
    assert first.attrs == jul(day.isoformat(), f"{jy:04d}-{jm:02d}-{jd:02d}")
    assert second.attrs == ns(day.isoformat())


# ---------------------------------------------------------------- numbers that are not years


@pytest.mark.parametrize(
    "text",
    [
        "2089. Your 2369 of December 15 received.",
        "1918. Your telegram of December 15 received.",
        "Your 1918 of December 15 received.",
        "My 1917 was sent on December 16.",
        "Department's 1918, December 15, 6 p.m.",
        "the Embassy's 1919 has not arrived",
        "File No. 861.00/1918",
        "a credit of roubles 1918 was opened",
        "at 12 p.m. on the quay",
        "received 1,918 rifles",
    ],
)
def test_serial_numbers_sums_and_times_are_not_years(text: str) -> None:
    years = [surface for surface, attrs in found(text, DEC17) if len(attrs.get("when", "")) == 4]
    assert years == []


def test_a_far_future_number_is_not_a_year_but_a_citation_year_is() -> None:
    assert found("We reported 2045 cases to the committee", DEC17) == []
    assert found("in 2045 the treaty ends", DEC17) == [("2045", greg("2045"))]
    cited = "Source: Collected Works, Progress Publishers, Moscow, Volume 26, 1972, pp. 312-313"
    assert ("1972", greg("1972")) in found(cited, DEC17)


def test_a_bracketed_date_is_the_editors_and_not_shifted_again() -> None:
    """In an Old-Style text, a date the editor adds in square brackets is New Style."""
    text = "the decree of the 29th [January 11, 1918] was published"
    assert found(text, JAN18) == [("January 11, 1918", greg("1918-01-11"))]
    assert found("the decree of December 29 [January 11, 1918]", JAN18) == [
        ("December 29", jul("1918-01-11", "1917-12-29")),
        ("January 11", ns("1918-01-11")),  # the shared year is not annotated on its own
    ]
