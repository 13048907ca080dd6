"""What each output format must show, on the bundled samples and the hand-made fixtures.

Words first (nothing of the reading text is lost), then each format's own
promises: strict HTML5, valid FO that FOP renders, LaTeX that lualatex
compiles with all ten specials escaped, plain text that adds only the
edition's own apparatus.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import html5lib
import pytest
from conftest import EXAMPLES
from lxml import etree
from transform_support import (
    FIXTURES,
    FO_NS,
    fo_words,
    has,
    html_words,
    missing_words,
    pdf_pages,
    reading_words,
    run_fop,
    run_lualatex,
    tex_words,
    text_words,
)

from tei.encode import EncodeOptions, encode_file
from tei.ns import TEI_NS
from tei.transform import convert_tree
from tei.wordcheck import words

FEATURES = FIXTURES / "features.xml"
EDITION = FIXTURES / "edition.xml"
SAMPLES = sorted(path.stem for path in EXAMPLES.glob("*.txt"))
DOCUMENTS = ["fixture", "edition", *SAMPLES]
#: Rendered by FOP and lualatex (each takes seconds): the two fixtures and one sample.
RENDERED = ["fixture", "edition", SAMPLES[0]]
#: Words the plain text may add to the reading text: list numbers and letters, note and apparatus marks,
#: the other calendar of a date ("[N.S. 8 November 1917]"), sigla, the headings of the notes at the end.
ADDED = re.compile(
    r"^(\d+|[a-z]{1,2}|[ivxlc]+|[A-Z]|N|S|O|om|Notes|Apparatus|image|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)$"
)
SPECIALS = "\\{}$&#^_~%"


def document(name: str) -> etree._Element:
    if name == "fixture":
        return etree.parse(str(FEATURES)).getroot()
    if name == "edition":
        return etree.parse(str(EDITION)).getroot()
    return encode_file(str(EXAMPLES / f"{name}.txt"), EncodeOptions(change_date="2026-01-01"))


@pytest.fixture(scope="module")
def documents() -> dict[str, etree._Element]:
    return {name: document(name) for name in DOCUMENTS}


# --- nothing lost ----------------------------------------------------------------------------------


def apparatus_words(root: etree._Element) -> set[str]:
    """Words the text repeats or shows besides the reading text: the lemmas again in the apparatus,
    the markup of TEI examples (shown as code), the placeholder of a note whose text is lost."""
    found = set(words("note text not in source"))
    for lemma in root.iter(f"{{{TEI_NS}}}lem"):
        found.update(words(" ".join(lemma.itertext())))
    for example in root.iter("{http://www.tei-c.org/ns/Examples}*"):
        found.update(words(etree.QName(example).localname))
        for attribute, value in example.attrib.items():
            found.update(words(etree.QName(attribute).localname + " " + value))
    return found


def is_subsequence(wanted: list[str], got: list[str]) -> bool:
    """Are the words of ``wanted`` all in ``got``, in the same order?"""
    remaining = iter(got)
    return all(word in remaining for word in wanted)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_adds_only_the_editions_apparatus(name: str, documents: dict[str, etree._Element]) -> None:
    """With its furniture, the text has every word of the reading text and adds only apparatus."""
    root = documents[name]
    output = text_words(convert_tree(root, "text", {"furniture": "1"}))
    wanted = reading_words(root, strikes=False, apparatus=True)
    assert not missing_words(output, wanted)
    extra = Counter(output) - Counter(wanted)
    assert not [word for word in extra if not (ADDED.match(word) or word in apparatus_words(root))], sorted(extra)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_keeps_the_order_of_the_reading_text(name: str, documents: dict[str, etree._Element]) -> None:
    root = documents[name]
    data = convert_tree(root, "text").decode("utf-8")
    body = data.split("\n――――――――――――\n")[0]
    assert is_subsequence(reading_words(root, furniture=False, notes=False, strikes=False), words(body))
    assert not missing_words(words(data), reading_words(root, furniture=False, strikes=False))


@pytest.mark.parametrize("name", DOCUMENTS)
@pytest.mark.parametrize("fmt", ["html", "fo", "latex"])
def test_every_format_keeps_the_words(name: str, fmt: str, documents: dict[str, etree._Element]) -> None:
    root = documents[name]
    extract = {"html": html_words, "fo": fo_words, "latex": tex_words}[fmt]
    assert not missing_words(extract(convert_tree(root, fmt)), reading_words(root))


def test_furniture_is_left_out_of_the_reading_text(documents: dict[str, etree._Element]) -> None:
    text = convert_tree(documents["fixture"], "text").decode("utf-8")
    assert "Marxist Internet Archive⟧" not in text and "[Subject]" not in text
    with_furniture = convert_tree(documents["fixture"], "text", {"furniture": "1", "width": "0"}).decode("utf-8")
    assert "⟦Source: Marxist Internet Archive⟧ |" in with_furniture
    assert "⟦[Subject] [Author] [Date]⟧" in with_furniture
    for fmt in ("html", "fo", "latex"):
        assert b"Subject" not in convert_tree(documents["fixture"], fmt, {"furniture": "0"})


# --- HTML ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_html_is_strict_html5(name: str, documents: dict[str, etree._Element]) -> None:
    data = convert_tree(documents[name], "html")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(data)  # raises on the first parse error
    assert data.startswith(b"<!DOCTYPE html>\n<html lang=")


def _page(data: bytes) -> etree._Element:
    return html5lib.parse(data, treebuilder="lxml", namespaceHTMLElements=False).getroot()


def test_html_is_self_contained_and_accessible(documents: dict[str, etree._Element]) -> None:
    data = convert_tree(documents["fixture"], "html")
    page = _page(data)
    assert page.get("lang") == "en"
    assert len(page.findall(".//h1")) == 1
    for landmark in ("header", "main", "nav", "footer"):
        assert page.find(f".//{landmark}") is not None, landmark
    levels = [int(h.tag[1]) for h in page.iter() if isinstance(h.tag, str) and re.fullmatch(r"h[1-6]", h.tag)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert not page.findall(".//script") and not page.findall(".//img") and not page.findall(".//link")
    assert not re.search(rb"(src|href)=\"(https?:)?//[^\"]*\.(css|js|woff2?|png|jpe?g)", data)
    assert b":focus-visible" in data and b"prefers-color-scheme" in data
    ids = [element.get("id") for element in page.iter() if isinstance(element.tag, str) and element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for link in page.iter("a"):
        href = link.get("href", "")
        if href.startswith("#"):
            assert href[1:] in ids, f"dangling link {href}"


def test_html_header_panel_has_the_facts(documents: dict[str, etree._Element]) -> None:
    page = _page(convert_tree(documents["fixture"], "html"))
    facts = " ".join(page.find(".//header").itertext())
    for fact in (
        "26 October 1917 (Julian) = 8 November 1917 (Gregorian)",
        "Documents on Soviet Foreign Policy",
        "CC BY-SA 4.0",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "Test Press",
    ):
        assert fact in facts


def test_html_dates_in_both_calendars(documents: dict[str, etree._Element]) -> None:
    page = _page(convert_tree(documents["fixture"], "html"))
    times = {t.text: t for t in page.iter("time")}
    julian = times["October 26"]
    assert julian.get("datetime") == "1917-11-08" and julian.get("tabindex") == "0"
    assert julian.get("title") == "26 October 1917 (Julian) = 8 November 1917 (Gregorian)"
    assert times["November 8"].get("title") == "8 November 1917 (Gregorian) = 26 October 1917 (Julian)"
    assert times["December 1917"].get("datetime") == "1917-12"
    ranges = [
        s for s in page.iter("span") if "date" in (s.get("class") or "").split() and s.text == "3 and 15 December"
    ]
    assert ranges and ranges[0].get("tabindex") == "0"
    assert "3 December 1917 (Gregorian) = 20 November 1917 (Julian)" in ranges[0].get("title")


def test_html_names_link_to_the_index_with_authorities(documents: dict[str, etree._Element]) -> None:
    page = _page(convert_tree(documents["fixture"], "html"))
    lenin = [a for a in page.iter("a") if a.get("href") == "#lenin"]
    assert lenin and "person" in lenin[0].get("class").split()
    entry = page.find(".//li[@id='lenin']")
    assert entry is not None
    hrefs = [a.get("href") for a in entry.iter("a")]
    assert "https://www.wikidata.org/wiki/Q1394" in hrefs and "https://viaf.org/viaf/101787139" in hrefs
    assert any(href and href.startswith("#nm.") for href in hrefs)
    place = page.find(".//li[@id='petrograd']")
    assert "https://www.geonames.org/498817" in [a.get("href") for a in place.iter("a")]
    uncertain = [s for s in page.iter("span") if "uncertain" in (s.get("class") or "").split()]
    assert any(s.text == "Kerensky" and "person" in s.get("class").split() for s in uncertain)
    index = page.find(".//nav[@class='index']")
    assert index is not None and "Kerensky" in " ".join(index.itertext())


def test_html_notes_gap_supplied_stage_furniture(documents: dict[str, etree._Element]) -> None:
    data = convert_tree(documents["fixture"], "html")
    page = _page(data)
    notes = page.find(".//section[@class='notes']")
    assert notes is not None
    marks = [a.text for a in notes.iter("a") if a.get("class") == "note-back"]
    assert marks == ["A", "1", "B", "2", "3"]  # the note in a note is in parentheses, in every format
    assert "note text not in source" in " ".join(notes.itertext())
    assert "Outer note (inner note) ends." in " ".join("".join(notes.itertext()).split())
    assert b'<span class="supplied" title="Supplied by the editor">[' in data
    assert any(s.get("class") == "stage italic" for s in page.iter("span"))
    assert any((s.get("class") or "").startswith("fw fw-footer") for s in page.iter("span"))
    assert any(s.get("class") == "pb" and s.text == "p. 2" for s in page.iter("span"))
    labels = [s.text for s in page.iter("span") if s.get("class") == "label"]
    assert labels[:5] == ["1.", "2.", "3.", "•", "•"]


def test_html_unknown_elements_keep_their_text(documents: dict[str, etree._Element]) -> None:
    text = " ".join(_page(convert_tree(documents["fixture"], "html")).find(".//main").itertext())
    assert "unknown element's text" in text and "doubly unknown" in text


# --- XSL-FO ----------------------------------------------------------------------------------------


def test_fo_structure(documents: dict[str, etree._Element]) -> None:
    root = etree.fromstring(convert_tree(documents["fixture"], "fo"))
    fo = {"fo": FO_NS}
    master = root.find(".//fo:simple-page-master", fo)
    assert master.get("page-width") == "210mm" and master.get("page-height") == "297mm"
    assert root.xpath(
        "//fo:static-content[@flow-name='head-rest']//text()[contains(., 'Note on Peace')]", namespaces=fo
    )
    assert root.xpath("//fo:static-content[@flow-name='foot']//fo:page-number", namespaces=fo)
    assert len(root.xpath("//fo:footnote", namespaces=fo)) == 5  # the note in a note is in parentheses
    assert "Noto Serif" in root.get("font-family") and "DejaVu" in root.get("font-family")
    assert root.xpath("//fo:block[@id='index-of-names']", namespaces=fo)
    assert root.xpath(
        "//fo:basic-link[@external-destination=\"url('https://www.wikidata.org/wiki/Q1394')\"]", namespaces=fo
    )
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = set(root.xpath("//@internal-destination | //fo:page-number-citation/@ref-id", namespaces=fo))
    assert targets <= set(ids)
    letter = etree.fromstring(convert_tree(documents["fixture"], "fo", {"paper": "letter"}))
    assert letter.find(".//fo:simple-page-master", fo).get("page-width") == "8.5in"


@pytest.mark.skipif(not has("fop"), reason="Apache FOP is not installed (apt-get install fop)")
@pytest.mark.parametrize("name", RENDERED)
def test_fop_renders_a_pdf(name: str, documents: dict[str, etree._Element], tmp_path: Path) -> None:
    fo_file = tmp_path / f"{name}.fo"
    fo_file.write_bytes(convert_tree(documents[name], "fo"))
    pdf, messages = run_fop(fo_file)
    assert "not available in font" not in messages, "a glyph is missing from the fonts"
    assert "SEVERE" not in messages
    if has("pdfinfo"):
        assert pdf_pages(pdf) >= 1


# --- LaTeX -----------------------------------------------------------------------------------------


def test_latex_escapes_all_ten_specials(documents: dict[str, etree._Element]) -> None:
    data = convert_tree(documents["fixture"], "latex").decode("utf-8")
    line = next(line for line in data.splitlines() if "All ten LaTeX specials" in line)
    assert (
        "back\\textbackslash{}slash, \\{braces\\}, \\$100 \\& 50\\% of \\#3, x\\textasciicircum{}2, "
        "snake\\_case, a\\textasciitilde{}tilde." in line
    )
    # The title (with & and _) is escaped in every place it appears.
    assert "Note on Peace \\& the “Special” Characters — a test\\_case" in data
    assert "test_case" not in data.replace("test\\_case", "")
    body = data[data.index("\\begin{document}") :]
    body = re.sub(r"\\directlua\{.*?\n\}", "", body, flags=re.S)
    body = re.sub(r"\\color\[HTML\]\{[0-9A-F]{6}\}", "", body).replace(" & ", " ")
    unescaped = re.findall(r"(?<!\\)[#$%&_^~]", body)
    assert set(unescaped) <= {"~"}, unescaped  # ~ only as the ties we write ourselves (p.~12, before a gloss)


def test_latex_is_a_complete_document(documents: dict[str, etree._Element]) -> None:
    data = convert_tree(documents["fixture"], "latex").decode("utf-8")
    assert data.count("\\documentclass") == 1 and data.rstrip().endswith("\\end{document}")
    assert "\\usepackage{fontspec}" in data and "Ligatures=TeXOff" in data
    assert data.count("\\teifootnote{") == 5
    assert "\\section*{Index of names}" in data and "\\href{https://www.wikidata.org/wiki/Q1394}" in data


@pytest.mark.skipif(not has("lualatex"), reason="lualatex is not installed (apt-get install texlive-luatex)")
@pytest.mark.parametrize("name", RENDERED)
def test_lualatex_compiles(name: str, documents: dict[str, etree._Element], tmp_path: Path) -> None:
    tex = tmp_path / f"{name}.tex"
    tex.write_bytes(convert_tree(documents[name], "latex"))
    pdf, log = run_lualatex(tex)
    assert "Missing character" not in log, "a glyph is missing from the fonts"
    assert not re.search(r"^! ", log, re.M)
    if has("pdfinfo"):
        assert pdf_pages(pdf) >= 1


# --- plain text ------------------------------------------------------------------------------------


def test_text_layout(documents: dict[str, etree._Element]) -> None:
    text = convert_tree(documents["fixture"], "text").decode("utf-8")
    assert " 1. To proclaim an armistice on the Baltic front;" in text
    assert " 3. An item of two paragraphs.\n\n    Its second paragraph." in text
    assert "  • An unlabelled item" in text
    assert "DECREE on PEACE[2]\n==================" in text
    assert "    Arise, ye workers from your slumber,\n    Arise, ye prisoners of want." in text
    assert "[A] note text not in source" in text and "[1] A note with text" in text
    assert "[8 November]" in text and "(Prolonged Applause)" in text
    assert "Petrograd, 6 December 1917 [O.S. 23 November 1917]" in text
    assert all(len(line) <= 72 for line in text.splitlines() if " " in line.strip())
    unwrapped = convert_tree(documents["fixture"], "text", {"width": "0"}).decode("utf-8")
    assert (
        "Lenin spoke in Petrograd on 26 October [8 November]; the Petrograd Soviet and Kerensky were named" in unwrapped
    )
    assert "between 3 and 15 December [O.S. 20 November – 2 December 1917]" in unwrapped
    with_header = convert_tree(documents["fixture"], "text", {"header": "1"}).decode("utf-8")
    assert with_header.startswith("Note on Peace & the “Special” Characters — a test_case\n")
    assert "SHA-256: 0123456789abcdef" in with_header
