"""Validation: the diagnostics suite, `tei validate`'s outputs, the schema's promises, jing's verdicts."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, GOLDEN, REPO, SHARED, TEI_ALL, Jing
from lxml import etree

from tei.errors import InputError, UsageError
from tei.validate import run_validate, validate_bytes, validate_file, validate_tree
from tei.validate.rules import temporal_problem
from tei.validate.xsd import Locator, parse

DIAGNOSTICS = REPO / "tests" / "diagnostics"
CASES = sorted(p.stem for p in DIAGNOSTICS.glob("*.xml"))
BROKEN = [c for c in CASES if (DIAGNOSTICS / f"{c}.expected").read_text(encoding="utf-8").strip()]
VALID = [c for c in CASES if c not in BROKEN]
DEVSET = REPO / "tests" / "devset"
TEI_LITE = SHARED / "reference" / "tei" / "tei_lite.rng"
ELTEC = SHARED / "corpus" / "eltec-eng"
SCHEMAS = REPO / "schemas"
RNG_NS = "http://relaxng.org/ns/structure/1.0"


# -- the diagnostics suite --------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_diagnostics(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each document gives exactly the diagnostic lines of its .expected file."""
    monkeypatch.chdir(DIAGNOSTICS)
    expected = (DIAGNOSTICS / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    actual = [d.format() for d in validate_file(f"{case}.xml")]
    assert actual == expected


def test_enough_broken_documents() -> None:
    assert len(BROKEN) >= 25
    lines = [line for c in BROKEN for line in (DIAGNOSTICS / f"{c}.expected").read_text().splitlines()]
    rules = {line.rsplit("[", 1)[-1] for line in lines}
    assert {r.split(":")[0] for r in rules} == {"xml", "xsd", "sch", "tei"}


def test_every_diagnostic_has_a_position_and_a_rule() -> None:
    pattern = re.compile(r"^[\w.-]+\.xml:[1-9]\d*:[1-9]\d*: error: .+ \[(xml|xsd|sch|tei):[\w-]+\]$")
    for case in BROKEN:
        for line in (DIAGNOSTICS / f"{case}.expected").read_text(encoding="utf-8").splitlines():
            assert pattern.match(line), line


# -- run_validate: what `tei validate` prints -------------------------------------------------


def test_text_format_and_exit_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DIAGNOSTICS)
    out, err, status = run_validate(["valid-annotated.xml", "unknown-element.xml"], schema=None, fmt="text")
    assert out == (DIAGNOSTICS / "unknown-element.expected").read_text(encoding="utf-8")
    assert err == ["2 files checked, 1 invalid, 1 error"]
    assert status == 1


def test_all_valid_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DIAGNOSTICS)
    out, err, status = run_validate(["valid-annotated.xml"], schema=None, fmt="text")
    assert (out, err, status) == ("", ["1 file checked, 0 invalid, 0 errors"], 0)


def test_json_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DIAGNOSTICS)
    out, err, status = run_validate(["valid-annotated.xml", "several-problems.xml"], schema=None, fmt="json")
    report = json.loads(out)
    assert [entry["file"] for entry in report] == ["valid-annotated.xml", "several-problems.xml"]
    assert [entry["valid"] for entry in report] == [True, False]
    assert report[0]["errors"] == []
    errors = report[1]["errors"]
    assert all(set(error) == {"line", "col", "message", "rule"} for error in errors)
    assert [(e["line"], e["rule"]) for e in errors] == [
        (26, "xsd:attribute-missing"),
        (32, "tei:date-invalid"),
        (53, "sch:ref-resolves"),
    ]
    assert err == ["2 files checked, 1 invalid, 3 errors"]
    assert status == 1


def test_not_well_formed_is_reported_with_line_and_column(tmp_path: Path) -> None:
    target = tmp_path / "broken.xml"
    target.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n</TEI>\n', encoding="utf-8")
    out, _, status = run_validate([str(target)], schema=None, fmt="text")
    assert status == 1
    assert out.startswith(f"{target}:3:7: error: not well-formed XML: end tag </TEI> does not match")
    assert out.rstrip().endswith("[xml:not-well-formed]")


def test_missing_file_exits_2_and_the_others_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DIAGNOSTICS)
    out, err, status = run_validate(["no-such-file.xml", "unknown-element.xml"], schema=None, fmt="text")
    assert status == 2
    assert err[0] == "tei: no-such-file.xml: no such file; check the path"
    assert err[-1] == "1 file checked, 1 invalid, 1 error, 1 could not be read"
    assert out == (DIAGNOSTICS / "unknown-element.expected").read_text(encoding="utf-8")


def test_missing_file_in_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DIAGNOSTICS)
    out, _, status = run_validate(["no-such-file.xml"], schema=None, fmt="json")
    assert status == 2
    assert json.loads(out) == [
        {
            "file": "no-such-file.xml",
            "valid": False,
            "errors": [{"line": 0, "col": 0, "message": "cannot be read", "rule": "io:unreadable"}],
        }
    ]


def test_unreadable_schema_exits_2(tmp_path: Path) -> None:
    valid = str(DIAGNOSTICS / "valid-annotated.xml")
    out, err, status = run_validate([valid], schema=tmp_path / "none.rng", fmt="text")
    assert (out, status) == ("", 2)
    assert "no such schema file" in err[0]
    not_schema = tmp_path / "plain.xml"
    not_schema.write_text("<root/>", encoding="utf-8")
    out, err, status = run_validate([str(DIAGNOSTICS / "valid-annotated.xml")], schema=not_schema, fmt="text")
    assert status == 2 and "not a schema" in err[0]


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        run_validate(["x.xml"], schema=None, fmt="yaml")


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DIAGNOSTICS / "when-30-february.xml").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out, _, status = run_validate(["-"], schema=None, fmt="text")
    assert status == 1
    assert out.startswith("<stdin>:32:27: error: @when '1917-02-30' is not a date: February 1917 has 28 days")


def test_validate_file_raises_only_when_it_cannot_validate(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        validate_file(tmp_path / "absent.xml")
    with pytest.raises(InputError):
        validate_file(DIAGNOSTICS / "valid-annotated.xml", schema=tmp_path / "absent.rng")
    assert validate_file(DIAGNOSTICS / "not-well-formed-mismatch.xml")  # invalid, not an exception


def test_validate_tree_without_source_uses_sourceline_only() -> None:
    root = etree.fromstring((DIAGNOSTICS / "when-30-february.xml").read_bytes())
    [diagnostic] = validate_tree(root, name="memory")
    assert (diagnostic.line, diagnostic.col, diagnostic.rule) == (32, 0, "tei:date-invalid")


# -- positions --------------------------------------------------------------------------------


def test_positions_with_crlf_and_multiline_tags() -> None:
    data = b'<a>\r\n  <b\r\n     x="1"\r\n     y="2">text</b>\r\n  <c/>\r\n</a>'
    root, _ = parse(data, "t.xml")
    assert root is not None
    locator = Locator.for_source(root, data)
    b, c = root[0], root[1]
    assert locator.element(b) == (2, 3)
    assert locator.attribute(b, "y") == (4, 6)
    assert locator.end(b) == (4, 16)
    assert locator.text(b) == (4, 12)
    assert locator.element(c) == (5, 3) == locator.end(c)
    assert locator.end(root) == (6, 1)


def test_duplicate_xml_id_is_a_schema_error_not_a_parse_error() -> None:
    found = validate_bytes((DIAGNOSTICS / "duplicate-id.xml").read_bytes(), name="d.xml")
    assert [(d.line, d.rule) for d in found] == [(42, "xsd:duplicate-id"), (52, "sch:ref-kind")]


# -- the Python rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "calendar", "problem"),
    [
        ("1917-11-08", "gregorian", None),
        ("1917-11", "gregorian", None),
        ("1917", "gregorian", None),
        ("1916-02-29", "gregorian", None),
        ("1900-02-29", "julian", None),
        ("1900-02-29", "gregorian", "February 1900 has 28 days"),
        ("1917-02-30", "gregorian", "February 1917 has 28 days"),
        ("1917-13-01", "gregorian", "there is no month 13; months run from 01 to 12"),
        ("0000", "gregorian", "there is no year 0000 (1 BC is written -0001)"),
        ("8.11.1917", "gregorian", "write it as YYYY-MM-DD: 1917-11-08"),
        ("1917/11", "gregorian", "write it as YYYY-MM: 1917-11"),
        ("November 1917", "gregorian", "write it as YYYY-MM-DD, YYYY-MM or YYYY (for example 1917-11-08)"),
    ],
)
def test_temporal_problem(value: str, calendar: str, problem: str | None) -> None:
    assert temporal_problem(value, calendar) == problem


# -- the project's schema keeps its promises -----------------------------------------------------


def _encode_samples() -> list[tuple[str, bytes]]:
    from tei.encode import EncodeOptions, encode_file
    from tei.serialize import to_bytes

    documents = []
    for source in sorted(EXAMPLES.glob("*.txt")) + sorted(DEVSET.glob("*.txt")):
        for annotate in (True, False):
            try:
                root = encode_file(str(source), EncodeOptions(change_date="2026-01-01", annotate=annotate))
            except ImportError:
                continue  # the annotator is not installed in this tree yet
            except Exception as exc:  # an encoder crash is the encoder tests' business
                documents.append((f"{source.name} (annotate={annotate}) did not encode: {exc!r}", b""))
                continue
            documents.append((f"{source.stem}-{'annotated' if annotate else 'plain'}.xml", to_bytes(root)))
    return documents


@pytest.fixture(scope="module")
def samples() -> list[tuple[str, bytes]]:
    return _encode_samples()


def test_encoded_samples_validate(samples: list[tuple[str, bytes]]) -> None:
    encoded = [(name, data) for name, data in samples if data]
    if not encoded:
        pytest.skip("the encoder produced no sample in this tree")
    problems = [d.format() for name, data in encoded for d in validate_bytes(data, name=name)]
    assert problems == []


def test_golden_files_validate() -> None:
    goldens = sorted(GOLDEN.glob("*/expected.xml"))
    if not goldens:
        pytest.skip("no golden files yet")
    assert [d.format() for path in goldens for d in validate_file(path)] == []


def test_valid_against_project_schema_is_valid_against_tei_all(
    jing: Jing, samples: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    """Every document the project's schema accepts (rules aside), jing accepts against tei_all."""
    schema_errors = re.compile(r"\[(xsd:|xml:|tei:date-invalid)")  # date errors are the XSD's too
    files = [
        DIAGNOSTICS / f"{case}.xml"
        for case in CASES
        if not schema_errors.search((DIAGNOSTICS / f"{case}.expected").read_text(encoding="utf-8"))
    ]
    files += sorted(GOLDEN.glob("*/expected.xml"))
    for name, data in samples:
        if data and not validate_bytes(data, name=name):
            target = tmp_path / name
            target.write_bytes(data)
            files.append(target)
    assert jing.errors(*files) == []


def test_schema_is_a_subset_of_tei_all(shared: Path) -> None:
    """Every child and attribute the XSD allows, tei_all allows; every attribute tei_all requires, it requires."""
    import xmlschema

    grammar = etree.parse(str(TEI_ALL)).getroot()
    defines: dict[str, list[etree._Element]] = {}
    for define in grammar.iter(f"{{{RNG_NS}}}define"):
        defines.setdefault(define.get("name", ""), []).append(define)
    elements = {}
    for nodes in defines.values():
        for define in nodes:
            element = define.find(f"{{{RNG_NS}}}element")
            if element is not None and element.get("name"):
                elements[element.get("name")] = element

    def walk(pattern: etree._Element, want: str, required: bool = False) -> set[str]:
        found: set[str] = set()
        for child in pattern:
            if not isinstance(child.tag, str) or not child.tag.startswith(f"{{{RNG_NS}}}"):
                continue
            kind = etree.QName(child).localname
            if required and kind in ("optional", "zeroOrMore"):
                continue
            if kind == "ref":
                for define in defines[child.get("name", "")]:
                    inner = define.find(f"{{{RNG_NS}}}element")
                    if inner is None:
                        found |= walk(define, want, required)
                    elif want == "children":
                        found.add(inner.get("name", ""))
            elif kind == "element":
                if want == "children":
                    found.add(child.get("name", "*"))
            elif kind == "attribute":
                if want == "attributes":
                    found.add(child.get("name", "*"))
            elif kind == "text":
                if want == "text":
                    found.add("#text")
            elif kind == "choice" and required:
                options = [walk(_wrap(x), want, True) for x in child if isinstance(x.tag, str)]
                found |= set.intersection(*options) if options else set()
            else:
                found |= walk(child, want, required)
        return found

    schema = xmlschema.XMLSchema10(str(SCHEMAS / "tei-toolkit.xsd"))
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()

    def visit(declaration: object) -> None:
        name = declaration.local_name  # type: ignore[attr-defined]
        xsd_type = declaration.type  # type: ignore[attr-defined]
        key = (name, str(xsd_type.name or id(xsd_type)))
        if key in seen:
            return
        seen.add(key)
        if name not in elements:
            problems.append(f"{name}: not a TEI element")
            return
        tei = elements[name]
        children: set[str] = set()
        content = getattr(xsd_type, "content", None)
        for child in getattr(content, "iter_elements", lambda: [])():
            children.add(child.local_name)
            visit(child)
        if children - walk(tei, "children"):
            problems.append(f"{name}: children tei_all does not allow: {sorted(children - walk(tei, 'children'))}")
        if getattr(xsd_type, "mixed", False) and not walk(tei, "text"):
            problems.append(f"{name}: text, which tei_all does not allow")
        attributes = {_xml_name(a) for a in xsd_type.attributes if a}
        extra = attributes - walk(tei, "attributes")
        if extra:
            problems.append(f"{name}: attributes tei_all does not allow: {sorted(extra)}")
        required = {_xml_name(a) for a, v in xsd_type.attributes.items() if a and v.use == "required"}
        if walk(tei, "attributes", required=True) - required:
            problems.append(f"{name}: tei_all requires {sorted(walk(tei, 'attributes', required=True) - required)}")

    visit(schema.elements["TEI"])
    assert len(seen) > 100
    assert problems == []


def _wrap(node: etree._Element) -> etree._Element:
    holder = etree.Element(f"{{{RNG_NS}}}group")
    holder.append(etree.fromstring(etree.tostring(node)))
    return holder


def _xml_name(name: str) -> str:
    return "xml:" + name.split("}")[1] if name.startswith("{http://www.w3.org/XML/1998/namespace}") else name


def test_rules_are_valid_iso_schematron() -> None:
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed")
    import lxml.isoschematron

    iso = Path(lxml.isoschematron.__file__).parent / "resources" / "rng" / "iso-schematron.rng"
    result = subprocess.run(["jing", str(iso), str(SCHEMAS / "rules.sch")], capture_output=True, text=True)
    assert [line for line in result.stdout.splitlines() if "warning" not in line] == []


def test_every_assertion_has_an_id() -> None:
    rules = etree.parse(str(SCHEMAS / "rules.sch"))
    asserts = rules.xpath("//sch:assert | //sch:report", namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"})
    assert isinstance(asserts, list) and asserts
    assert all(isinstance(a, etree._Element) and a.get("id") for a in asserts)


# -- --schema: any RELAX NG or XSD, with jing's verdicts -------------------------------------------


def _jing_lines(jing: Jing, files: list[Path]) -> dict[str, set[int]]:
    """Per file, the lines at which jing reports errors (without "first occurrence" notes).

    jing stops at a file that is not well-formed, so those are run one per call.
    """
    lines: dict[str, set[int]] = {str(f.resolve()): set() for f in files}
    well_formed = [f for f in files if parse(f.read_bytes(), f.name)[0] is not None]
    batches = [well_formed] + [[f] for f in files if f not in well_formed]
    for batch in batches:
        if not batch:
            continue
        for line in jing.errors(*batch):
            match = re.match(r"^(.*?):(\d+):\d+: (?:fatal|error|fatal error): (.*)$", line)
            if match and "first occurrence of ID" not in match.group(3):
                lines.setdefault(str(Path(match.group(1)).resolve()), set()).add(int(match.group(2)))
    return lines


def _our_lines(files: list[Path], schema: Path) -> dict[str, set[int]]:
    return {str(f.resolve()): {d.line for d in validate_file(f, schema=schema)} for f in files}


def test_eltec_level1_errors_are_those_of_textdesc(shared: Path) -> None:
    dickens = ELTEC / "level1" / "ENG18530_Dickens.xml"
    if not dickens.is_file():
        pytest.skip("the ELTeC sample is not in ../shared")
    found = [(d.line, d.rule) for d in validate_file(dickens, schema=TEI_ALL)]
    assert found == [
        (62, "rng:element-not-allowed"),
        (63, "rng:element-not-allowed"),
        (64, "rng:element-not-allowed"),
        (65, "rng:element-not-allowed"),
        (66, "rng:incomplete"),
    ]


def test_diagnostics_documents_against_tei_all_same_lines_as_jing(jing: Jing) -> None:
    files = [DIAGNOSTICS / f"{case}.xml" for case in CASES]
    assert _our_lines(files, TEI_ALL) == _jing_lines(jing, files)


def test_tei_lite_same_verdicts_as_jing(jing: Jing, tmp_path: Path) -> None:
    if not TEI_LITE.is_file():
        pytest.skip("tei_lite.rng is not in ../shared")
    files = [DIAGNOSTICS / f"{case}.xml" for case in CASES]
    lite = Jing(TEI_LITE)
    expected = {name: bool(lines) for name, lines in _jing_lines(lite, files).items()}
    assert {name: bool(lines) for name, lines in _our_lines(files, TEI_LITE).items()} == expected


def test_corpus_in_one_call(shared: Path) -> None:
    files = [str(p) for p in sorted((ELTEC / "level1-valid").glob("*.xml"))]
    if not files:
        pytest.skip("the ELTeC sample is not in ../shared")
    out, err, status = run_validate(files, schema=TEI_ALL, fmt="text")
    assert (out, status) == ("", 0)
    assert err == [f"{len(files)} files checked, 0 invalid, 0 errors"]


def test_named_xsd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DIAGNOSTICS)
    schema = SCHEMAS / "tei-toolkit.xsd"
    assert validate_file("valid-annotated.xml", schema=schema) == []
    found = validate_file("unknown-element.xml", schema=schema)
    assert [(d.line, d.col, d.rule) for d in found] == [(52, 83, "xsd:invalid")]
    assert found[0].message.startswith("'underline': This element is not expected")


# -- the RELAX NG engine on grammars unlike TEI's --------------------------------------------------

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <include href="parts.rng"><define name="title"><element name="title"><text/></element></define></include>
  <start><element name="doc">
    <attribute name="id"><data type="ID"/></attribute>
    <optional><attribute name="see"><data type="IDREFS"/></attribute></optional>
    <interleave><ref name="title"/><zeroOrMore><ref name="item"/></zeroOrMore></interleave>
    <optional><element><nsName ns="urn:other"/><empty/></element></optional>
    <externalRef href="tail.rng"/>
  </element></start>
</grammar>"""
PARTS = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <define name="title"><element name="heading"><text/></element></define>
  <define name="item"><element name="item">
    <attribute name="n"><data type="positiveInteger"><param name="maxInclusive">9</param></data></attribute>
    <optional><attribute name="kind"><choice><value>a</value><value>b</value></choice></attribute></optional>
    <list><oneOrMore><data type="date"/></oneOrMore></list>
  </element></define>
</grammar>"""
TAIL = """<element name="tail" ns="urn:t" xmlns="http://relaxng.org/ns/structure/1.0"><mixed><zeroOrMore>
  <element name="b"><text/></element></zeroOrMore></mixed></element>"""
DOCUMENTS = {
    "ok": '<doc xmlns="urn:t" id="d1" see="d1"><item n="2">1917-11-08 1917-11-09</item><title>T</title>'
    '<o xmlns="urn:other"/><tail>a <b>b</b> c</tail></doc>',
    "interleave-order": '<doc xmlns="urn:t" id="d1"><item n="1">1917-01-01</item><title>T</title><tail/></doc>',
    "bad-value": '<doc xmlns="urn:t" id="d1"><title>T</title><item n="12" kind="c">1917-02-30</item><tail/></doc>',
    "bad-idref": '<doc xmlns="urn:t" id="d1" see="d2"><title>T</title><tail/></doc>',
    "override": '<doc xmlns="urn:t" id="d1"><heading>T</heading><tail/></doc>',
    "missing": '<doc xmlns="urn:t"><title>T</title></doc>',
    "foreign": '<doc xmlns="urn:t" id="d1"><title>T</title><x xmlns="urn:x"/><tail/></doc>',
}


def test_rng_engine_agrees_with_jing_on_other_grammars(tmp_path: Path) -> None:
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed")
    (tmp_path / "main.rng").write_text(GRAMMAR, encoding="utf-8")
    (tmp_path / "parts.rng").write_text(PARTS, encoding="utf-8")
    (tmp_path / "tail.rng").write_text(TAIL, encoding="utf-8")
    files = []
    for name, text in DOCUMENTS.items():
        (tmp_path / f"{name}.xml").write_text(text, encoding="utf-8")
        files.append(tmp_path / f"{name}.xml")
    schema = tmp_path / "main.rng"
    expected = _jing_lines(Jing(schema), files)
    actual = _our_lines(files, schema)
    assert {k: bool(v) for k, v in actual.items()} == {k: bool(v) for k, v in expected.items()}
    assert not actual[str((tmp_path / "ok.xml").resolve())]
    assert not actual[str((tmp_path / "interleave-order.xml").resolve())]
    messages = [d.message for d in validate_file(tmp_path / "bad-value.xml", schema=schema)]
    assert any("must be at most 9" in m for m in messages)
    assert any("use one of a, b" in m for m in messages)
