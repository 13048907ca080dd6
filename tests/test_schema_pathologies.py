"""Hostile and broken schemas, and documents built to be slow: one line and exit 2, or a verdict — never a hang.

Each case runs ``tei validate`` in a fresh process (``conftest.run_tei``).
The subprocess timeout only catches a hang; speed itself is measured in
``bench/validate.py``. SECURITY.md lists these promises.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, run_tei

DIAGNOSTICS = REPO / "tests" / "diagnostics"
RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"'
XSD_LIBRARY = 'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"'
HANG = 120


def validate(schema: Path, document: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_tei("validate", "--schema", str(schema), str(document), cwd=cwd, timeout=HANG)


def refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2, one line on standard error naming the problem, no traceback."""
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    target = tmp_path / "x.xml"
    target.write_text("<x/>", encoding="utf-8")
    return target


def test_include_loop_is_refused(tmp_path: Path, document: Path) -> None:
    (tmp_path / "a.rng").write_text(
        f'<grammar {RNG}><include href="b.rng"/><start><ref name="x"/></start></grammar>', encoding="utf-8"
    )
    (tmp_path / "b.rng").write_text(
        f'<grammar {RNG}><include href="a.rng"/><define name="x"><element name="x"><empty/></element></define>'
        "</grammar>",
        encoding="utf-8",
    )
    refused(validate(tmp_path / "a.rng", document, tmp_path), "b.rng:1", "includes itself in a loop")


def test_external_ref_loop_is_refused(tmp_path: Path, document: Path) -> None:
    (tmp_path / "e.rng").write_text(f'<element name="x" {RNG}><externalRef href="e.rng"/></element>', encoding="utf-8")
    refused(validate(tmp_path / "e.rng", document, tmp_path), "e.rng:1", "loop")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ('<data type="string"><param name="maxLength">abc</param></data>', ("maxLength", "non-negative integer")),
        ('<data type="string"><param name="pattern">[a-</param></data>', ("invalid regular expression",)),
        ('<data type="noSuchType"/>', ("no datatype",)),
        ('<value type="integer">twelve</value>', ("not a integer",)),
    ],
)
def test_bad_datatype_use_is_refused(tmp_path: Path, document: Path, data: str, words: tuple[str, ...]) -> None:
    schema = tmp_path / "s.rng"
    schema.write_text(f'<element name="x" {RNG} {XSD_LIBRARY}>{data}</element>', encoding="utf-8")
    refused(validate(schema, document, tmp_path), "s.rng:1", *words)


def test_unknown_datatype_library_is_refused(tmp_path: Path, document: Path) -> None:
    schema = tmp_path / "s.rng"
    schema.write_text(
        f'<element name="x" {RNG} datatypeLibrary="http://example.com/none"><data type="string"/></element>',
        encoding="utf-8",
    )
    refused(validate(schema, document, tmp_path), "unknown datatype library")


def test_incorrect_schema_names_file_line_and_rule(tmp_path: Path, document: Path) -> None:
    schema = tmp_path / "s.rng"
    schema.write_text(
        f'<grammar {RNG}>\n<start>\n<element name="x"><attribute name="a"/>\n<attribute name="a"/></element>\n'
        "</start>\n</grammar>",
        encoding="utf-8",
    )
    refused(validate(schema, document, tmp_path), "s.rng:3", "the same attribute is allowed twice")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_schema_that_is_a_fifo(tmp_path: Path, document: Path) -> None:
    fifo = tmp_path / "schema.rng"
    os.mkfifo(fifo)
    refused(validate(fifo, document, tmp_path), "named pipe (FIFO)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_schema_that_is_a_device(tmp_path: Path, document: Path) -> None:
    refused(validate(Path("/dev/zero"), document, tmp_path), "character device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_include_of_a_special_file(tmp_path: Path, document: Path, target: str) -> None:
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo.rng")
        target = "fifo.rng"
    schema = tmp_path / "s.rng"
    schema.write_text(
        f'<grammar {RNG}><include href="{target}"/><start><element name="x"><empty/></element></start></grammar>',
        encoding="utf-8",
    )
    refused(validate(schema, document, tmp_path), "s.rng:1", "not a schema file")


def test_user_xsd_declaring_an_entity(tmp_path: Path, document: Path) -> None:
    schema = tmp_path / "s.xsd"
    schema.write_text(
        '<!DOCTYPE xs:schema [<!ENTITY t "x">]>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        '<xs:element name="x" type="xs:string" fixed="&t;"/></xs:schema>',
        encoding="utf-8",
    )
    refused(validate(schema, document, tmp_path), "s.xsd", "declares an entity")


def test_nested_repeats_in_a_pattern_match_in_linear_time(tmp_path: Path) -> None:
    """``(a+)+$`` against 40 ``a``: a backtracking engine takes minutes; jing 0.7 s."""
    schema = tmp_path / "s.rng"
    schema.write_text(
        f'<element name="x" {RNG} {XSD_LIBRARY}><attribute name="v"><data type="string">'
        "<param name=\"pattern\">(a+)+$</param></data></attribute><empty/></element>",
        encoding="utf-8",
    )
    target = tmp_path / "x.xml"
    target.write_text(f'<x v="{"a" * 40}b"/>', encoding="utf-8")
    result = validate(schema, target, tmp_path)
    assert result.returncode == 1
    assert "must match the pattern" in result.stdout


def test_interleave_of_many_optional_elements(tmp_path: Path) -> None:
    options = "".join(f'<optional><element name="e{i}"><empty/></element></optional>' for i in range(24))
    schema = tmp_path / "s.rng"
    schema.write_text(f'<element name="x" {RNG}><interleave>{options}</interleave></element>', encoding="utf-8")
    target = tmp_path / "x.xml"
    target.write_text("<x>" + "".join(f"<e{i}/>" for i in reversed(range(24))) + "<e0/><bad/></x>", encoding="utf-8")
    result = validate(schema, target, tmp_path)
    assert result.returncode == 1
    assert [line.split(": error: ")[1].split(" ")[1] for line in result.stdout.splitlines()] == ["'e0'", "'bad'"]


def _many_attributes(tmp_path: Path, count: int) -> Path:
    source = (DIAGNOSTICS / "valid-annotated.xml").read_text(encoding="utf-8")
    attributes = " ".join(f'a{i}="v"' for i in range(count))
    target = tmp_path / f"attributes-{count}.xml"
    target.write_text(source.replace("<p>", f"<p {attributes}>", 1), encoding="utf-8")
    return target


def test_many_attributes_with_the_project_schema(tmp_path: Path) -> None:
    """5,000 bad attributes on one element: 5,000 diagnostics (this took more than 300 s before)."""
    target = _many_attributes(tmp_path, 5000)
    result = run_tei("validate", str(target), cwd=tmp_path, timeout=HANG)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5000
    assert all("[xsd:attribute-not-allowed]" in line for line in lines)
    assert lines[0].split(": error: ")[1].startswith("attribute 'a0' is not allowed on 'p'; allowed here:")


def test_many_attributes_with_a_relax_ng_schema(tmp_path: Path, shared: Path) -> None:
    tei_all = shared / "reference" / "tei" / "tei_all.rng"
    if not tei_all.is_file():
        pytest.skip("tei_all.rng is not in ../shared")
    target = _many_attributes(tmp_path, 10_000)
    result = run_tei("validate", "--schema", str(tei_all), str(target), cwd=tmp_path, timeout=HANG)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 10_000


@pytest.mark.parametrize("custom", ["9999-12-19", "0001-01-01"])
def test_julian_dates_at_the_ends_of_the_calendar(tmp_path: Path, custom: str) -> None:
    source = (DIAGNOSTICS / "valid-annotated.xml").read_text(encoding="utf-8")
    date = f'<date when="1917-01-01" when-custom="{custom}" datingMethod="#julian">then</date>'
    target = tmp_path / "julian.xml"
    target.write_text(source.replace("</p>", f" {date}</p>", 1), encoding="utf-8")
    result = run_tei("validate", str(target), cwd=tmp_path, timeout=HANG)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert "[tei:julian-mismatch]" in result.stdout


def test_many_distinct_unknown_elements(tmp_path: Path, shared: Path) -> None:
    """20,000 elements of 20,000 names the schema does not know: 98 s and 890 MB before, now linear."""
    tei_all = shared / "reference" / "tei" / "tei_all.rng"
    if not tei_all.is_file():
        pytest.skip("tei_all.rng is not in ../shared")
    source = (DIAGNOSTICS / "valid-annotated.xml").read_text(encoding="utf-8")
    target = tmp_path / "unknown.xml"
    target.write_text(source.replace("<p>", "<p>" + "".join(f"<u{i}/>" for i in range(20_000)), 1), encoding="utf-8")
    result = run_tei("validate", "--schema", str(tei_all), str(target), cwd=tmp_path, timeout=HANG)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 20_000
    assert all("(the schema has no such element)" in line for line in lines)
