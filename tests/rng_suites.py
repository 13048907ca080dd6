"""The RELAX NG conformance suites of ../shared/reference/relaxng, run against the toolkit's validator.

``spectest.xml`` is James Clark's test suite for the RELAX NG specification;
``xsdtest.xml`` tests the XML Schema datatype library. Both are read in
place (their README says how). Each case is written to a temporary folder
and checked through the same library calls ``tei validate --schema`` makes.

xsdtest is expanded into checks as follows (2,779 in all): each ``valid``
and ``invalid`` value against ``<data type="T"/>``; in each ``equiv``, each
value as ``<value type="T">`` against every other value of the same
``equiv`` (valid when they are in the same class); for each ``lessThan`` or
``incomparable`` pair (a, b), b against the four order facets with bound a,
and a against them with bound b (for incomparable pairs every one fails);
for each ``length n``, the value against ``length`` n, n+1, n-1 (when n >
0), ``minLength`` n and n+1, ``maxLength`` n and n+1. A schema the
validator refuses accepts no document (jing's runs are counted the same
way).

Run directly (``python tests/rng_suites.py``) it prints the counts and every
failure.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEI_SHARED", REPO.parent / "shared"))
SUITES = SHARED / "reference" / "relaxng"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_LIBRARY = "http://www.w3.org/2001/XMLSchema-datatypes"


@dataclass
class Outcome:
    """One check: what the suite expects, what the toolkit said."""

    case: str
    kind: str  # "incorrect", "valid", "invalid"
    ok: bool
    detail: str = ""


def _read_suite(name: str) -> etree._Element:
    # The suite files are trusted reference data; spectest.xml declares one internal entity (&dii;).
    parser = etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=False)
    return etree.parse(str(SUITES / name), parser).getroot()


def _write_resources(container: etree._Element, folder: Path) -> None:
    for child in container:
        if child.tag == "resource":
            content = [c for c in child if isinstance(c.tag, str)]
            data = etree.tostring(content[0], encoding="utf-8") if content else (child.text or "").encode()
            (folder / child.get("name", "")).write_bytes(data)
        elif child.tag == "dir":
            sub = folder / child.get("name", "")
            sub.mkdir(exist_ok=True)
            _write_resources(child, sub)


def _instance_bytes(holder: etree._Element) -> bytes:
    content = [c for c in holder if isinstance(c.tag, str)]
    return etree.tostring(content[0], encoding="utf-8") if content else b""


def _check_schema(path: Path) -> str | None:
    """None if the schema is accepted, else the one-line message."""
    from tei.errors import InputError
    from tei.validate.rng import load_rng

    try:
        load_rng(path)
    except InputError as exc:
        return str(exc)
    return None


def _validate(schema: Path, data: bytes, name: str) -> list[str]:
    from tei.validate import validate_bytes

    return [d.format() for d in validate_bytes(data, name=name, schema=schema)]


def spectest_outcomes() -> Iterator[Outcome]:
    """Every check of spectest.xml, in order."""
    root = _read_suite("spectest.xml")
    for number, case in enumerate(root.iter("testCase"), 1):
        section = case.findtext("section") or "?"
        label = f"case {number} (section {section})"
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            _write_resources(case, folder)
            incorrect = case.find("incorrect")
            correct = case.find("correct")
            schema_holder = incorrect if incorrect is not None else correct
            assert schema_holder is not None
            schema = folder / "schema.rng"
            schema.write_bytes(_instance_bytes(schema_holder))
            try:
                problem = _check_schema(schema)
            except Exception as exc:  # a crash is a failure of its own kind
                yield Outcome(label, "incorrect" if incorrect is not None else "valid", False, f"crash: {exc!r}")
                continue
            if incorrect is not None:
                yield Outcome(label, "incorrect", problem is not None, "accepted" if problem is None else problem)
                continue
            if problem is not None:
                for holder in case:
                    if holder.tag in ("valid", "invalid"):
                        yield Outcome(label, holder.tag, False, f"correct schema refused: {problem}")
                continue
            for index, holder in enumerate(h for h in case if h.tag in ("valid", "invalid")):
                data = _instance_bytes(holder)
                try:
                    found = _validate(schema, data, f"{label}-{index}.xml")
                except Exception as exc:
                    yield Outcome(label, holder.tag, False, f"crash: {exc!r}")
                    continue
                expected_valid = holder.tag == "valid"
                detail = "; ".join(found[:3]) if found else "no error"
                yield Outcome(label, holder.tag, (not found) == expected_valid, f"{data[:80]!r}: {detail}")


def _data_schema(type_name: str, params: list[tuple[str, str]]) -> bytes:
    element = etree.Element(f"{{{RNG_NS}}}element", name="doc", datatypeLibrary=XSD_LIBRARY, nsmap={None: RNG_NS})
    data = etree.SubElement(element, f"{{{RNG_NS}}}data", type=type_name)
    for name, value in params:
        etree.SubElement(data, f"{{{RNG_NS}}}param", name=name).text = value
    return etree.tostring(element, encoding="utf-8")


def _value_schema(type_name: str, value: etree._Element) -> bytes:
    nsmap = {k: v for k, v in (value.nsmap or {}).items() if k is not None}
    nsmap[None] = RNG_NS
    element = etree.Element(f"{{{RNG_NS}}}element", name="doc", datatypeLibrary=XSD_LIBRARY, nsmap=nsmap)
    etree.SubElement(element, f"{{{RNG_NS}}}value", type=type_name).text = value.text or ""
    return etree.tostring(element, encoding="utf-8")


def _document(value: etree._Element) -> bytes:
    nsmap = {k: v for k, v in (value.nsmap or {}).items() if k is not None}
    element = etree.Element("doc", nsmap=nsmap)
    element.text = value.text or ""
    subset = value.get("internalSubset")
    body = etree.tostring(element, encoding="utf-8")
    if subset is not None:
        return f"<!DOCTYPE doc [\n{subset}\n]>\n".encode() + body
    return body


def xsdtest_checks() -> Iterator[tuple[str, bytes, bytes, bool]]:
    """(label, schema, document, expected valid) for each of xsdtest.xml's checks."""
    root = _read_suite("xsdtest.xml")
    for datatype in root.iter("datatype"):
        name = datatype.get("name", "")
        plain = _data_schema(name, [])
        for holder in datatype:
            if holder.tag in ("valid", "invalid"):
                yield f"{name} {holder.tag} {holder.text!r}", plain, _document(holder), holder.tag == "valid"
        for equiv in datatype.findall("equiv"):
            classes = equiv.findall("class")
            values = [(i, v) for i, c in enumerate(classes) for v in c.findall("value")]
            for index, value in values:
                schema = _value_schema(name, value)
                for other_index, other in values:
                    if other is value:
                        continue
                    label = f"{name} value {value.text!r} vs {other.text!r}"
                    yield label, schema, _document(other), index == other_index
        for pair in [*datatype.findall("lessThan"), *datatype.findall("incomparable")]:
            low, high = pair.findall("value")
            ordered = pair.tag == "lessThan"
            for facet, expected in (
                ("minInclusive", True),
                ("minExclusive", True),
                ("maxInclusive", False),
                ("maxExclusive", False),
            ):
                label = f"{name} {pair.tag} {low.text!r} {high.text!r}: {high.text!r} with {facet} {low.text!r}"
                yield label, _data_schema(name, [(facet, low.text or "")]), _document(high), ordered and expected
                label = f"{name} {pair.tag} {low.text!r} {high.text!r}: {low.text!r} with {facet} {high.text!r}"
                yield label, _data_schema(name, [(facet, high.text or "")]), _document(low), ordered and not expected
        for length in datatype.findall("length"):
            size = int(length.get("value", "0"))
            value = length.find("value")
            holder = value if value is not None else length
            document = _document(holder)
            checks = [("length", size, True), ("length", size + 1, False)]
            if size > 0:
                checks.append(("length", size - 1, False))
            checks += [("minLength", size, True), ("minLength", size + 1, False)]
            checks += [("maxLength", size, True), ("maxLength", size + 1, True)]
            for facet, limit, expected in checks:
                label = f"{name} length {holder.text!r} with {facet} {limit}"
                yield label, _data_schema(name, [(facet, str(limit))]), document, expected


def xsdtest_outcomes() -> Iterator[Outcome]:
    from tei.errors import InputError

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        schemas: dict[bytes, Path] = {}
        for label, schema_bytes, document, expected in xsdtest_checks():
            schema = schemas.get(schema_bytes)
            if schema is None:
                schema = folder / f"s{len(schemas)}.rng"
                schema.write_bytes(schema_bytes)
                schemas[schema_bytes] = schema
            try:
                problem = _check_schema(schema)
                if problem is not None:  # an unusable schema accepts no document (as the jing run is counted)
                    yield Outcome(label, "valid" if expected else "invalid", not expected, f"schema refused: {problem}")
                    continue
                found = _validate(schema, document, "doc.xml")
            except InputError as exc:
                yield Outcome(label, "valid" if expected else "invalid", False, f"refused: {exc}")
                continue
            except Exception as exc:
                yield Outcome(label, "valid" if expected else "invalid", False, f"crash: {exc!r}")
                continue
            yield Outcome(label, "valid" if expected else "invalid", (not found) == expected, "; ".join(found[:2]))


def main() -> None:
    os.environ.setdefault("TEI_NO_CACHE", "1")
    which = sys.argv[1] if len(sys.argv) > 1 else "both"
    for suite, outcomes in (("spectest", spectest_outcomes), ("xsdtest", xsdtest_outcomes)):
        if which not in ("both", suite):
            continue
        totals: dict[str, list[int]] = {}
        for outcome in outcomes():
            counts = totals.setdefault(outcome.kind, [0, 0])
            counts[0] += outcome.ok
            counts[1] += 1
            if not outcome.ok:
                print(f"FAIL {suite} {outcome.case} [{outcome.kind}] {outcome.detail}"[:400])
        summary = ", ".join(f"{kind} {ok}/{total}" for kind, (ok, total) in sorted(totals.items()))
        print(f"{suite}: {summary}")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
