"""``tei validate --schema X.rng``: jing's verdicts and lines on real TEI, IDs, the disk cache, duplicate ids.

The agreement tests run jing and the toolkit on every file of the ELTeC
corpus and the TEI Stylesheets test inputs (../shared/corpus), against
tei_all and tei_lite, and compare the lines reported per file. They are
what the README's agreement figures come from, so they run in the default
suite (about 20 s, most of it jing).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SHARED, TEI_ALL, Jing, run_tei

from tei.validate import validate_bytes, validate_file
from tei.validate.rng import cache, load_rng
from tei.validate.rng.grammar import Grammar

TEI_LITE = SHARED / "reference" / "tei" / "tei_lite.rng"
CORPUS = SHARED / "corpus"
RNG = 'xmlns="http://relaxng.org/ns/structure/1.0"'
TEI = "http://www.tei-c.org/ns/1.0"


def corpus_files() -> list[Path]:
    return sorted((CORPUS / "eltec-eng").rglob("*.xml")) + sorted((CORPUS / "tei-stylesheets-test2").rglob("*.xml"))


def jing_lines(schema: Path, files: list[Path]) -> dict[Path, set[int]]:
    """Per file, the lines of jing's errors (without its "first occurrence of ID" notes), one call for all."""
    found: dict[Path, set[int]] = {f.resolve(): set() for f in files}
    for line in Jing(schema).errors(*files):
        match = re.match(r"^(.*?):(\d+):\d+: (?:fatal|error|fatal error): (.*)$", line)
        if match and "first occurrence of ID" not in match.group(3):
            found.setdefault(Path(match.group(1)).resolve(), set()).add(int(match.group(2)))
    return found


def our_lines(schema: Path, files: list[Path]) -> dict[Path, set[int]]:
    return {f.resolve(): {d.line for d in validate_file(f, schema=schema)} for f in files}


@pytest.mark.parametrize("schema", [TEI_ALL, TEI_LITE], ids=["tei_all", "tei_lite"])
def test_corpus_same_lines_as_jing(jing: Jing, schema: Path) -> None:
    """Every ELTeC novel and every TEI Stylesheets test input: jing's verdict, and errors on jing's lines."""
    files = corpus_files()
    if not files or not schema.is_file():
        pytest.skip("the corpus or the schema is not in ../shared")
    expected = jing_lines(schema, files)
    actual = our_lines(schema, files)
    assert {str(f): lines for f, lines in actual.items() if lines != expected.get(f)} == {}
    assert sum(1 for lines in actual.values() if lines) >= 10  # the comparison is not vacuous
    if schema == TEI_ALL:  # ELTeC level 1 breaks tei_all in textDesc; its corrected copies are valid
        eltec = CORPUS / "eltec-eng"
        assert all(actual[f.resolve()] for f in (eltec / "level1").glob("*.xml"))
        assert not any(actual[f.resolve()] for f in (eltec / "level1-valid").glob("*.xml"))


# -- where errors are reported (jing's positions) ------------------------------------------------------

SMALL = f"""<element name="a" {RNG}><zeroOrMore><element name="b"><attribute name="x"/><text/></element>
</zeroOrMore></element>"""


def test_positions_are_jings(tmp_path: Path) -> None:
    schema = tmp_path / "s.rng"
    schema.write_text(SMALL, encoding="utf-8")
    data = b'<a>\n  <b\n   x="1"\n   y="2">hello</b>\n  <c\n  />\n  text\n  more\n  <b x="1">t</b></a>\n'
    found = [(d.line, d.col, d.rule) for d in validate_bytes(data, name="d.xml", schema=schema)]
    assert found == [
        (4, 10, "rng:attribute-not-allowed"),  # after the start tag's ">"
        (6, 5, "rng:element-not-allowed"),
        (7, 7, "rng:text-not-allowed"),  # one per line of text, at its end
        (8, 7, "rng:text-not-allowed"),
    ]


def test_inside_an_unknown_element_validation_goes_on(tmp_path: Path) -> None:
    """The children of an element the schema does not allow there are checked against their own declarations."""
    schema = tmp_path / "s.rng"
    schema.write_text(
        f'<grammar {RNG}><start><element name="doc"><zeroOrMore><ref name="p"/></zeroOrMore></element></start>'
        '<define name="p"><element name="p"><attribute name="n"/><empty/></element></define></grammar>',
        encoding="utf-8",
    )
    data = b'<doc>\n<unknown>\n<p/>\n<p n="1" m="2"/>\n</unknown>\n</doc>'
    found = [(d.line, d.col, d.rule) for d in validate_bytes(data, name="d.xml", schema=schema)]
    assert found == [  # where jing reports them
        (2, 10, "rng:element-not-allowed"),
        (3, 5, "rng:attribute-missing"),
        (4, 17, "rng:attribute-not-allowed"),
    ]


# -- IDs -----------------------------------------------------------------------------------------------


def _tei(body: str) -> bytes:
    return (
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    ).encode()


def test_duplicate_xml_id_is_a_diagnostic(shared: Path) -> None:
    if not TEI_ALL.is_file():
        pytest.skip("tei_all.rng is not in ../shared")
    data = _tei('<p xml:id="a">one</p>\n<p xml:id="a">two</p>')
    found = [(d.line, d.rule) for d in validate_bytes(data, name="d.xml", schema=TEI_ALL)]
    assert found == [(2, "rng:duplicate-id")]


def test_ids_inside_egxml_are_not_ids(shared: Path) -> None:
    """tei_all gives xml:id no ID type in the Examples namespace: jing says valid, so do we."""
    if not TEI_ALL.is_file():
        pytest.skip("tei_all.rng is not in ../shared")
    example = (
        '<egXML xmlns="http://www.tei-c.org/ns/Examples"><p xml:id="a">x</p><p xml:id="a">y</p></egXML>'
    )
    data = _tei(f'<p xml:id="a">one</p><p>{example}</p>')
    assert validate_bytes(data, name="d.xml", schema=TEI_ALL) == []


def test_duplicate_xml_id_does_not_stop_convert(tmp_path: Path) -> None:
    source = REPO / "tests" / "diagnostics" / "duplicate-id.xml"
    result = run_tei("convert", str(source), "--to", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


# -- the disk cache ----------------------------------------------------------------------------------------


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TEI_CACHE_DIR", str(folder))
    monkeypatch.delenv("TEI_NO_CACHE", raising=False)
    return folder


def _schema_with_include(folder: Path, element: str) -> Path:
    (folder / "part.rng").write_text(
        f'<grammar {RNG}><define name="x"><element name="{element}"><text/></element></define></grammar>',
        encoding="utf-8",
    )
    main = folder / "main.rng"
    main.write_text(f'<grammar {RNG}><include href="part.rng"/><start><ref name="x"/></start></grammar>', "utf-8")
    return main


def test_cache_is_written_and_read(tmp_path: Path, cache_dir: Path) -> None:
    from tei.validate.rng import _load

    main = _schema_with_include(tmp_path, "x")
    assert cache.read(main.resolve(), main.read_bytes()) is None
    _load.cache_clear()
    schema = load_rng(main)
    entries = list(cache_dir.glob("*.json"))
    assert len(entries) == 1
    data = json.loads(entries[0].read_bytes())
    assert set(data["files"]) == {str(main.resolve()), str((tmp_path / "part.rng").resolve())}
    again = cache.read(main.resolve(), main.read_bytes())
    assert again is not None and again[0].to_data() == schema.grammar.to_data()


def test_cache_notices_an_edited_include(tmp_path: Path, cache_dir: Path) -> None:
    from tei.validate.rng import _load

    main = _schema_with_include(tmp_path, "x")
    _load.cache_clear()
    load_rng(main)
    _schema_with_include(tmp_path, "y")  # the include changes, the main file does not
    assert cache.read(main.resolve(), main.read_bytes()) is None
    _load.cache_clear()
    assert [d.rule for d in validate_bytes(b"<x/>", name="d.xml", schema=main)] == ["rng:element-not-allowed"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"not json",
        lambda raw: raw.replace(b'"rows":[', b'"rows":[["group",0,0],', 1),  # a row that refers to itself
        lambda raw: raw.replace(b'"ref",0', b'"ref",99', 1),
        lambda raw: raw.replace(b'"start":', b'"start":"x","old":', 1),
    ],
)
def test_damaged_cache_entry_is_ignored(tmp_path: Path, cache_dir: Path, damage: object) -> None:
    from tei.validate.rng import _load

    main = _schema_with_include(tmp_path, "x")
    _load.cache_clear()
    load_rng(main)
    [entry] = cache_dir.glob("*.json")
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert cache.read(main.resolve(), main.read_bytes()) is None
    _load.cache_clear()
    assert validate_bytes(b"<x>t</x>", name="d.xml", schema=main) == []
    assert validate_bytes(b"<y/>", name="d.xml", schema=main) != []


def test_grammar_data_round_trip(shared: Path) -> None:
    if not TEI_LITE.is_file():
        pytest.skip("tei_lite.rng is not in ../shared")
    from tei.validate.rng.restrictions import check_restrictions
    from tei.validate.rng.simplify import Loader

    loaded = Loader(TEI_LITE).load()
    check_restrictions(loaded)
    data = json.loads(json.dumps(loaded.grammar.to_data()))
    assert Grammar.from_data(data).to_data() == loaded.grammar.to_data()


def test_whole_schema_is_checked_before_any_document(tmp_path: Path) -> None:
    """An error in a part of the schema no document reaches still makes the schema unusable (exit 2)."""
    schema = tmp_path / "s.rng"
    schema.write_text(
        f'<grammar {RNG}><start><element name="x"><empty/></element></start>'
        '<define name="unused"><element name="y"><data type="nosuch"/></element></define></grammar>',
        encoding="utf-8",
    )
    (tmp_path / "x.xml").write_text("<x/>", encoding="utf-8")
    result = run_tei("validate", "--schema", str(schema), "x.xml", cwd=tmp_path)
    assert result.returncode == 2
    assert "s.rng:1" in result.stderr and "nosuch" in result.stderr


def test_jing_is_the_reference_here(jing: Jing) -> None:
    """Sanity: the jing these tests compare with is installed and answers."""
    assert shutil.which("jing")
    assert jing.errors(REPO / "tests" / "diagnostics" / "valid-annotated.xml") == []


# -- mutated documents ----------------------------------------------------------------------------------

MUTATION_SOURCES = [
    REPO / "tests" / "diagnostics" / "valid-annotated.xml",
    CORPUS / "tei-stylesheets-test2" / "testNotes1.xml",
    CORPUS / "tei-stylesheets-test2" / "testQuotations1.xml",
    CORPUS / "tei-stylesheets-test2" / "testEgXml1.xml",
]


def _mutants(folder: Path, count: int, seed: int) -> list[Path]:
    """Documents with one to three random edits each: attributes dropped, added or spoiled, elements renamed,
    removed, moved or invented, stray text, elements of an unknown namespace (a fixed seed: the same each run)."""
    import random

    from lxml import etree

    chooser = random.Random(seed)
    sources = [p for p in MUTATION_SOURCES if p.is_file()]
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    made = []
    for number in range(count):
        tree = etree.parse(str(chooser.choice(sources)))
        elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)][1:]
        for _ in range(chooser.randint(1, 3)):
            element = chooser.choice(elements)
            parent = element.getparent()
            namespace = str(element.tag).split("}")[0] + "}" if str(element.tag).startswith("{") else ""
            edit = chooser.randrange(8)
            if edit == 0 and element.attrib:
                del element.attrib[chooser.choice(sorted(element.attrib))]
            elif edit == 1:
                name = chooser.choice(["n", "type", "when", "rend", "foo", xml_id, "target"])
                element.set(name, chooser.choice(["x y", "1917-02-30", "#nowhere", "", "a", "12"]))
            elif edit == 2:
                element.tag = namespace + chooser.choice(["p", "hi", "div", "foo", "note", "lb", "head", "item"])
            elif edit == 3 and parent is not None:
                parent.remove(element)
            elif edit == 4:
                element.text = (element.text or "") + " stray text\nmore "
            elif edit == 5 and parent is not None:
                invented = etree.Element(namespace + chooser.choice(["p", "list", "bogus", "title", "date"]))
                parent.insert(max(0, parent.index(element) - 1), invented)
            elif edit == 6:
                alien = etree.SubElement(element, "{urn:x}alien")
                etree.SubElement(alien, namespace + "p").set("bad", "1")
            elif edit == 7 and parent is not None and len(parent) > 1:
                parent.remove(element)
                parent.insert(chooser.randrange(len(parent) + 1), element)
        target = folder / f"mutant-{number:03d}.xml"
        tree.write(str(target), encoding="utf-8")
        made.append(target)
    return made


@pytest.mark.parametrize(
    ("schema", "count", "seed"), [(TEI_ALL, 80, 7), (TEI_LITE, 40, 11)], ids=["tei_all", "tei_lite"]
)
def test_mutated_documents_same_lines_as_jing(jing: Jing, tmp_path: Path, schema: Path, count: int, seed: int) -> None:
    if not schema.is_file() or not all(p.is_file() for p in MUTATION_SOURCES):
        pytest.skip("the schema or the documents to mutate are not in ../shared")
    files = _mutants(tmp_path, count, seed)
    expected = jing_lines(schema, files)
    actual = our_lines(schema, files)
    assert {f.name: (sorted(expected[f]), sorted(lines)) for f, lines in actual.items() if lines != expected[f]} == {}
    assert sum(1 for lines in expected.values() if lines) >= count // 3
