"""The RELAX NG validator against the specification's test suite and the XSD datatype suite (../shared).

The suites are read in place (``tests/rng_suites.py`` says how they are
expanded into checks); without ../shared these tests skip. The figures
asserted here are the ones the RELAX NG package's README reports.
"""

from __future__ import annotations

import pytest
from rng_suites import SUITES, Outcome, spectest_outcomes, xsdtest_outcomes

from tei.validate.rng.datatypes import XSD, Context, DatatypeError, make_datatype, value_of
from tei.validate.rng.names import is_ncname
from tei.validate.rng.xsdregex import RegexError, compile_regex


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_NO_CACHE", "1")


def _tally(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for outcome in outcomes:
        ok, total = totals.get(outcome.kind, (0, 0))
        totals[outcome.kind] = (ok + outcome.ok, total + 1)
    return totals


def test_spec_suite_every_case() -> None:
    if not (SUITES / "spectest.xml").is_file():
        pytest.skip("the RELAX NG test suite is not in ../shared/reference/relaxng")
    outcomes = list(spectest_outcomes())
    assert [f"{o.case} [{o.kind}] {o.detail}" for o in outcomes if not o.ok] == []
    assert not any("crash" in o.detail for o in outcomes)
    assert _tally(outcomes) == {"incorrect": (213, 213), "valid": (289, 289), "invalid": (291, 291)}


def test_xsd_datatype_suite() -> None:
    if not (SUITES / "xsdtest.xml").is_file():
        pytest.skip("the XSD datatype suite is not in ../shared/reference/relaxng")
    outcomes = list(xsdtest_outcomes())
    assert len(outcomes) == 2779
    failures = [o for o in outcomes if not o.ok]
    # The only three (README of tei/validate/rng): ID-typed element content is an incorrect schema under
    # DTD compatibility, as jing says; documents declaring unparsed entities (ENTITY, ENTITIES) are refused.
    assert [o.case.split()[0] for o in failures] == ["ID", "ENTITY", "ENTITIES"]
    assert "may only be the value of an attribute" in failures[0].detail
    assert all("declares an external entity" in o.detail for o in failures[1:])
    assert len(outcomes) - len(failures) == 2776


# -- pieces ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        ("(a+)+$", "a" * 40, False),
        ("(a+)+$", "a" * 40 + "$", True),  # ^ and $ are ordinary characters in XSD
        (r"\d{4}", "1850", True),
        (r"\d{4}", "١٨٥٠", True),  # \d is any decimal digit (Nd), as in XSD and jing
        (r"[a-z-[aeiou]]+", "bcd", True),
        (r"[a-z-[aeiou]]+", "bad", False),
        (r"[^\p{C}\p{Z}]+", "a b", False),
        (r"\p{IsBasicLatin}+", "abc", True),
        (r"\i\c*", "xml:id", True),
        ("a|b|", "", True),
        (".", "\n", False),
    ],
)
def test_xsd_regex(pattern: str, value: str, matches: bool) -> None:
    assert compile_regex(pattern).matches(value) is matches


@pytest.mark.parametrize("pattern", ["{", "a}", "x{a", "[]a]", "[a-c-e]", "a**", r"\p{IsNoSuchBlock}", r"[a-\d]", "(a"])
def test_xsd_regex_refuses(pattern: str) -> None:
    with pytest.raises(RegexError):
        compile_regex(pattern)


def test_xsd_regex_is_linear_on_nested_repeats() -> None:
    """A classic backtracking trap runs once over the value (a hang here would time out the suite)."""
    regex = compile_regex("(a|aa)*b")
    assert regex.matches("a" * 100_000) is False


@pytest.mark.parametrize(
    ("type_name", "first", "second", "equal"),
    [
        ("boolean", "1", "true", True),
        ("decimal", "1.0", "+01", True),
        ("double", "NaN", "NaN", True),
        ("float", "1e39", "INF", True),
        ("dateTime", "2001-12-01T19:45:00Z", "2001-12-01T20:45:00+01:00", True),
        ("dateTime", "2001-12-01T19:45:00", "2001-12-01T19:45:00Z", False),
        ("duration", "P1Y", "P12M", False),
        ("hexBinary", "0aFF", "0AFF", True),
    ],
)
def test_value_equality(type_name: str, first: str, second: str, equal: bool) -> None:
    datatype = make_datatype(XSD, type_name, [])
    assert (value_of(datatype, first, Context()) == datatype.value(second)) is equal


@pytest.mark.parametrize(
    ("type_name", "value", "valid"),
    [
        ("gYear", "1850", True),
        ("gYear", "١٨٥٠", False),  # the built-in types read ASCII digits only
        ("time", "23:59:60", True),  # jing accepts a leap second…
        ("time", "24:00:00", False),  # …and refuses 24:00:00
        ("date", "0000-01-01", False),
        ("anyURI", "foo$bar:stuff", False),
        ("NCName", "ี", False),  # a combining mark cannot start a name (XML 1.0 second edition)
    ],
)
def test_lexical_spaces(type_name: str, value: str, valid: bool) -> None:
    assert make_datatype(XSD, type_name, []).valid(value) is valid


@pytest.mark.parametrize(
    ("type_name", "params"),
    [
        ("string", [("maxLength", "abc")]),
        ("string", [("minInclusive", "1")]),
        ("integer", [("pattern", "[a-")]),
        ("date", [("totalDigits", "3")]),
        ("token", [("enumeration", "a")]),
        ("nosuchtype", []),
    ],
)
def test_bad_parameters_are_schema_errors(type_name: str, params: list[tuple[str, str]]) -> None:
    with pytest.raises(DatatypeError):
        make_datatype(XSD, type_name, params)


def test_names_fast_path_and_unicode() -> None:
    assert is_ncname("p-1.2_x")
    assert is_ncname("Иван")
    assert not is_ncname("1abc")
    assert not is_ncname("a:b")
