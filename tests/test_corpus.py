"""tei corpus: a teiCorpus of the samples and the dev set, valid against tei_all, every @ref resolving."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TEI_ALL, Jing, run_tei
from corpus_support import encoded_collection
from lxml import etree

from tei.corpus.teicorpus import CorpusOptions, build_corpus
from tei.ns import TEI_NS, XML_NS

NS = {"t": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "corpus.xml"
    done = run_tei("corpus", str(encoded_collection()), "-o", str(out), "--title", "Soviet foreign policy",
                   cwd=Path.cwd())
    assert done.returncode == 0, done.stderr
    assert "tei corpus:" in done.stderr
    return out


def _ids(root: etree._Element) -> list[str]:
    return [str(element.get(XML_ID)) for element in root.iter() if isinstance(element.tag, str) and element.get(XML_ID)]


def test_corpus_holds_every_document_and_one_stand_off(corpus_file: Path) -> None:
    root = etree.parse(str(corpus_file)).getroot()
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    members = root.findall("t:TEI", NS)
    assert len(members) == len(list(encoded_collection().glob("*.xml"))) >= 20
    assert root.findall("t:standOff", NS) and not root.findall("t:TEI/t:standOff//t:person", NS)
    # every document keeps its own header
    assert all(member.find("t:teiHeader/t:fileDesc/t:titleStmt/t:title", NS) is not None for member in members)
    header = root.find("t:teiHeader", NS)
    assert header.findtext("t:fileDesc/t:titleStmt/t:title", namespaces=NS) == "Soviet foreign policy"
    assert header.find("t:fileDesc/t:extent/t:measure[@unit='documents']", NS).get("quantity") == str(len(members))
    assert header.findall("t:fileDesc/t:publicationStmt/t:availability/t:licence", NS)
    assert header.findall("t:fileDesc/t:sourceDesc/t:listBibl/t:bibl", NS)
    creation = header.findall("t:profileDesc/t:creation/t:date", NS)
    assert [date.get("calendar") for date in creation] == ["#gregorian", "#julian"]
    assert creation[0].get("from") <= creation[0].get("to")


def test_ids_unique_and_every_pointer_resolves(corpus_file: Path) -> None:
    root = etree.parse(str(corpus_file)).getroot()
    ids = _ids(root)
    assert len(ids) == len(set(ids))
    known = set(ids)
    refs = 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("ref", "target", "calendar", "datingMethod", "corresp"):
            for token in (element.get(attribute) or "").split():
                if token.startswith("#"):
                    refs += 1
                    assert token[1:] in known, f"{attribute}={token} at line {element.sourceline}"
    assert refs > 300
    # each entry of the merged standOff says which documents mention it
    for entry in root.iterfind("t:standOff//t:person", NS):
        note = entry.find("t:note[@type='mentions']", NS)
        assert note is not None and note.findall("t:ref", NS)


def test_register_entries_merged_across_documents(corpus_file: Path) -> None:
    root = etree.parse(str(corpus_file)).getroot()
    lenin = root.xpath("t:standOff//t:person[@xml:id='lenin']", namespaces=NS)
    assert len(lenin) == 1
    mentioning = {ref.get("target") for ref in lenin[0].iterfind("t:note[@type='mentions']/t:ref", NS)}
    assert len(mentioning) >= 5
    assert root.xpath("count(//t:TEI//t:persName[@ref='#lenin'])", namespaces=NS) >= 10


def test_corpus_valid_against_tei_all_with_jing(corpus_file: Path, jing: Jing) -> None:
    assert jing.errors(corpus_file) == []


def test_tei_validate_accepts_the_corpus(corpus_file: Path, shared: Path) -> None:
    project = run_tei("validate", str(corpus_file), cwd=Path.cwd())
    assert project.returncode == 0, project.stdout + project.stderr
    assert not TEI_ALL.is_file() or run_tei("validate", "--schema", str(TEI_ALL), str(corpus_file),
                                            cwd=Path.cwd()).returncode == 0


def test_tei_convert_accepts_the_corpus(corpus_file: Path, tmp_path: Path) -> None:
    done = run_tei("convert", str(corpus_file), "--to", "text", "-o", str(tmp_path / "corpus.txt"), cwd=Path.cwd())
    assert done.returncode == 0, done.stderr
    assert "TROTSKY" in (tmp_path / "corpus.txt").read_text("utf-8")


def test_same_input_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    for out in (a, b):
        assert run_tei("corpus", str(encoded_collection()), "-o", str(out), cwd=Path.cwd()).returncode == 0
    assert a.read_bytes() == b.read_bytes()


# -- merging and renaming on small documents of our own ----------------------------------------------

def _doc(tmp: Path, name: str, entries: str, text: str) -> Path:
    path = tmp / f"{name}.xml"
    path.write_text(
        f"""<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>{name}</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>made for a test</p></sourceDesc></fileDesc>
<profileDesc><creation><date when="1918-01-0{len(name) % 9 + 1}"/></creation><calendarDesc>
<calendar xml:id="julian"><p>Julian</p></calendar></calendarDesc></profileDesc></teiHeader>
<standOff><listPerson>{entries}</listPerson></standOff>
<text><body><p xml:id="para">{text}</p></body></text></TEI>""",
        "utf-8",
    )
    return path


def test_local_entries_renamed_register_entries_merged_authorities_joined(tmp_path: Path) -> None:
    _doc(tmp_path, "a", '<person xml:id="lenin"><persName>Lenin</persName></person>'
         '<person xml:id="p1" cert="medium"><persName>General Knox</persName></person>'
         '<person xml:id="x"><persName>Ioffe</persName><idno type="wikidata">Q311263</idno></person>',
         '<persName ref="#lenin">Lenin</persName> and <persName ref="#p1">Knox</persName> and '
         '<persName ref="#x">Ioffe</persName> <date calendar="#julian" when="1918-01-14">1 January</date>')
    _doc(tmp_path, "bb", '<person xml:id="lenin"><persName>Lenin</persName></person>'
         '<person xml:id="p1" cert="low"><persName>Mr. Smith</persName></person>'
         '<person xml:id="joffe"><persName>Adolph Joffe</persName>'
         '<idno type="wikidata">https://www.wikidata.org/wiki/Q311263</idno></person>',
         '<persName ref="#lenin">Lenin</persName>, <persName ref="#p1">Smith</persName>, '
         '<persName ref="#joffe">Joffe</persName>')
    root, result = build_corpus([str(tmp_path)], CorpusOptions())
    persons = {entry.get(XML_ID): entry for entry in root.iterfind("t:standOff//t:person", NS)}
    # the same register entry in two documents: one entry; local p1 of each document: two, renamed by document
    assert set(persons) == {"lenin", "a-p1", "bb-p1", "x"}
    assert persons["a-p1"].get("cert") == "medium"
    # the same Wikidata id under two spellings: one entry with both names
    names = {name.text for name in persons["x"].iterfind("t:persName", NS)}
    assert names == {"Ioffe", "Adolph Joffe"}
    members = {member.get(XML_ID): member for member in root.iterfind("t:TEI", NS)}
    assert [n.get("ref") for n in members["bb"].iterfind(".//t:persName", NS)] == ["#lenin", "#bb-p1", "#x"]
    # other clashing ids (each document's para and julian) become DOC.ID, with their pointers
    assert members["a"].find("t:text//t:p", NS).get(XML_ID) == "a.para"
    assert members["a"].find("t:text//t:date", NS).get("calendar") == "#a.julian"
    assert result.failed == 0


def test_broken_source_is_told_and_the_rest_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _doc(src, "good", "", "text")
    (src / "broken.xml").write_text("<TEI><p></TEI>", "utf-8")
    (src / "other.xml").write_text("<html/>", "utf-8")
    out = tmp_path / "c.xml"
    done = run_tei("corpus", str(src), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 1
    assert "broken.xml:1: not well-formed XML" in done.stderr
    assert "other.xml" in done.stderr and "not a TEI document" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(etree.parse(str(out)).getroot().findall("t:TEI", NS)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["notes.txt", "-o", "c.xml"], "encode it first"),
        (["missing", "-o", "c.xml"], "no such file or folder"),
        (["empty", "-o", "c.xml"], "no TEI (.xml) file"),
        (["good.xml", "-o", "good.xml"], "is one of the inputs"),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "notes.txt").write_text("text", "utf-8")
    (tmp_path / "empty").mkdir()
    _doc(tmp_path, "good", "", "text")
    before = (tmp_path / "good.xml").read_bytes()
    done = run_tei("corpus", *args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert (tmp_path / "good.xml").read_bytes() == before
    assert not (tmp_path / "c.xml").exists()
