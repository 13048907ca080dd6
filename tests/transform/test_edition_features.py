"""What editions written elsewhere need (issue 14), in every format, on tests/transform/fixtures/edition.xml.

The critical apparatus with its sigla, the editorial policy (reading and
diplomatic), quotation marks by language, nested and gloss lists, notes at
the back numbered and linked both ways, names written as names, both
calendars visible without hovering, the rendition vocabulary, languages,
TEI examples and MathML; and TEI that is not quite what the stylesheets
expect (P4, no namespace, a repeated xml:id, a corpus, unknown elements).
"""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from lxml import etree
from transform_support import FIXTURES, FO_NS, fo_words, has, tex_words, text_words

from tei.transform import convert_document, convert_file, convert_tree

EDITION = FIXTURES / "edition.xml"
FEATURES = FIXTURES / "features.xml"
FORMATS = ("html", "fo", "latex", "text")


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    """The edition fixture in every format (reading edition), as text."""
    return {fmt: convert_file(EDITION, fmt).data.decode("utf-8") for fmt in FORMATS}


@pytest.fixture(scope="module")
def page(outputs: dict[str, str]) -> etree._Element:
    return html5lib.parse(outputs["html"], treebuilder="lxml", namespaceHTMLElements=False).getroot()


def flat(text: str) -> str:
    return " ".join(text.split())


def html_text(element: etree._Element) -> str:
    return flat("".join(element.itertext()))


# --- the editorial policy ----------------------------------------------------------------------------


def test_reading_edition_shows_the_editors_side(outputs: dict[str, str]) -> None:
    text = flat(outputs["text"])
    assert "The document was received by the Committee, which accepted it." in text
    assert "recieved" not in text and "Cttee." not in text and "rejected" not in text
    for fmt in ("html", "fo", "latex"):
        assert "recieved" not in outputs[fmt].replace("As printed: recieved", "")
        assert "rejected" in outputs[fmt]  # struck through where the format can strike
    assert '<del class="del strike" title="Deleted in the source">rejected</del> <ins class="add">accepted</ins>' in (
        outputs["html"]
    )
    assert 'text-decoration="line-through">rejected' in outputs["fo"]
    assert "\\strikeThrough{rejected}" in outputs["latex"]


def test_diplomatic_edition_shows_the_sources_side() -> None:
    text = flat(convert_file(EDITION, "text", {"edition": "diplomatic"}).data.decode("utf-8"))
    assert "The document was recieved by the Cttee., which [[rejected]] ⸌accepted⸍ it." in text
    html = convert_file(EDITION, "html", {"edition": "diplomatic"}).data.decode("utf-8")
    assert 'title="Corrected: received">recieved</span>' in html


# --- the critical apparatus ------------------------------------------------------------------------


def test_apparatus_in_every_format(outputs: dict[str, str], page: etree._Element) -> None:
    text = outputs["text"]
    assert "The delegation arrived[a] at noon and at once[b] asked" in flat(text)
    assert "Apparatus\n\n[a] arrived A] came B C\n[b] at once A B] om. C" in text
    # HTML: the lemma, a lettered mark leading to the Apparatus section, the entry as a tooltip.
    app = page.find(".//span[@class='app']")
    mark = app.find("a[@class='app-mark']")
    assert app.find("span[@class='lem']").text == "arrived" and mark.text == "a"
    assert mark.get("href") == "#app.1" and mark.get("aria-describedby") == "apptip.1"
    assert app.find("span[@class='app-tip']").text == "arrived A] came B C"
    entry = page.find(".//li[@id='app.1']")
    assert html_text(entry) == "a arrived A] came B C"
    assert entry.find("a").get("href") == "#appref.1"
    assert "Witnesses: A The telegram as received in Petrograd; B The copy kept at Brest-Litovsk; C" in (
        html_text(page.find(".//section[@class='notes apparatus']"))
    )
    # Print: lettered footnotes with the readings and sigla.
    fo = etree.fromstring(outputs["fo"].encode())
    bodies = " | ".join(flat("".join(b.itertext())) for b in fo.iter(f"{{{FO_NS}}}footnote-body"))
    assert "aarrived A] came B C" in bodies and "bat once A B] om. C" in bodies  # mark, then the entry
    assert "\\teifootnote{a}{arrived \\textit" not in outputs["latex"]  # sigla are styled, not raw
    assert re.search(r"\\teifootnote\{a\}\{arrived .*A.*\] came .*B C", outputs["latex"])


# --- quotations ------------------------------------------------------------------------------------


def test_quotation_marks_by_language_and_depth(outputs: dict[str, str]) -> None:
    for fmt in ("text", "html", "fo"):
        text = flat(re.sub(r"<[^>]+>", "", outputs[fmt]))
        assert "said: “We accept ‘in principle’ the proposal”" in text, fmt
        assert "wrote « nous attendons la réponse ; elle viendra ! »" in text, fmt
        assert "added „das ist unmöglich“" in text, fmt
        assert "Our answer was that we would wait." in text, fmt  # indirect speech has no marks
    assert "«\u202fnous" in outputs["text"]  # a narrow no-break space inside French guillemets


def test_block_quotations_are_set_off() -> None:
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "tei-stylesheets-test2"
    source = corpus / "testQuotations1.xml"
    if not source.is_file():
        pytest.skip("../shared/corpus is not present")
    html = convert_file(source, "html").data.decode("utf-8")
    assert html.count('class="block quote-block') >= 3  # display quotations inside paragraphs
    assert "“This is a quote" not in html and '"This is a quote' in html  # the source's own marks are kept


# --- lists -----------------------------------------------------------------------------------------


def test_nested_lists_in_every_format(outputs: dict[str, str], page: etree._Element) -> None:
    text = outputs["text"]
    assert " 1. Evacuation of the occupied territory:\n\n      – Courland,\n      – Lithuania, with\n\n" in text
    assert "         i. Vilna\n        ii. Kovno\n 2. An armistice" in text
    outer = page.find(".//ol[@class='list ordered']")
    inner = outer.find(".//ul[@class='list bulleted']")
    innermost = inner.find(".//ol[@class='list ordered']")
    assert [s.text for s in innermost.iter("span") if s.get("class") == "label"] == ["i.", "ii."]
    fo = etree.fromstring(outputs["fo"].encode())
    assert fo.xpath("count(//fo:list-block//fo:list-block//fo:list-block)", namespaces={"fo": FO_NS}) == 1
    assert outputs["latex"].count("\\begin{teilist}") == 3
    assert "\\item[{ii.}]" in outputs["latex"]


def test_gloss_lists(outputs: dict[str, str], page: etree._Element) -> None:
    assert "Rada\n    The Ukrainian Central Council." in outputs["text"]
    gloss = page.find(".//dl[@class='list gloss']")
    assert [dt.text for dt in gloss.iter("dt")] == ["Rada", "Sovnarkom"]
    assert "\\begin{teiglosslist}" in outputs["latex"] and "\\item[{Rada}]" in outputs["latex"]


# --- notes -----------------------------------------------------------------------------------------


def test_back_notes_are_numbered_and_linked_both_ways(page: etree._Element) -> None:
    note = page.find(".//div[@id='n1']")
    assert note.find("span[@class='note-mark']").text == "1"
    back = note.find("a[@class='note-back']")
    caller = page.find(f".//a[@id='{back.get('href')[1:]}']")
    assert caller is not None and caller.get("href") == "#n1" and caller.text == "[1]"


def test_notes_stay_out_of_contents_bookmarks_and_titles(outputs: dict[str, str], page: etree._Element) -> None:
    assert page.find(".//title").text == "Telegram to Leon Trotsky, with Variants — Citizen Adolph Joffe"
    fo = etree.fromstring(outputs["fo"].encode())
    titles = [b.text for b in fo.iter(f"{{{FO_NS}}}bookmark-title")]
    assert "The telegram of 1 January" in titles
    assert "\\pdfbookmark[0]{The telegram of 1 January}" in outputs["latex"]
    assert "note" not in " ".join(titles)


# --- names -----------------------------------------------------------------------------------------


def test_names_with_parts_and_identifiers(outputs: dict[str, str], page: etree._Element) -> None:
    assert "To Leon Trotsky," in outputs["text"] and "Q33391" not in outputs["text"]
    salute = page.find(".//p[@class='salute']")
    assert html_text(salute) == "To Leon Trotsky,"
    # The header's author: one name, its parts in reading order, no identifiers.
    assert '<meta name="author" content="Citizen Adolph Joffe">' in outputs["html"]
    assert re.search(r"<dc:creator[^>]*>Citizen Adolph Joffe</dc:creator>", outputs["fo"])
    assert "pdfauthor={Citizen Adolph Joffe}" in outputs["latex"]
    for fmt in ("html", "fo", "latex"):
        assert "4973133" not in outputs[fmt] and "Ioffe" not in outputs[fmt]


def test_html_name_contract(page: etree._Element) -> None:
    """The static site relies on it: <a class="name KIND" href="#REGISTER-ID" id="UNIQUE-MENTION-ID">."""
    data = convert_file(FEATURES, "html").data
    features = html5lib.parse(data, treebuilder="lxml", namespaceHTMLElements=False)
    names = [a for a in features.iter("a") if "name" in (a.get("class") or "").split()]
    assert names
    ids = [element.get("id") for element in features.iter() if isinstance(element.tag, str) and element.get("id")]
    for name in names:
        kind = name.get("class").split()[1]
        assert kind in ("person", "place", "org")
        assert name.get("href").startswith("#") and name.get("href")[1:] in ids
        assert name.get("id") and ids.count(name.get("id")) == 1
    for time in features.iter("time"):
        assert time.get("datetime")
    paragraphs = [p for p in features.iter("p") if p.getparent().tag in ("section", "div")]
    main = features.find(".//main")
    plain = [p for p in main.iter("p") if (p.get("class") or "") == ""]
    assert plain and all(p.get("id") for p in plain)
    headings = [h for h in main.iter() if isinstance(h.tag, str) and re.fullmatch(r"h[2-6]", h.tag)]
    assert headings and all(h.get("id") for h in headings)
    assert paragraphs


# --- dates -----------------------------------------------------------------------------------------


def test_both_calendars_without_hovering(outputs: dict[str, str], page: etree._Element) -> None:
    assert "Brest-Litovsk, 1 January 1918 [N.S. 14 January 1918]" in outputs["text"]
    gloss = page.find(".//span[@class='date-gloss']")
    assert gloss is not None and gloss.text == "[N.S. 14 January 1918]"
    assert "[N.S. 14 January 1918]</fo:inline>" in outputs["fo"]
    assert "\\teigloss{[N.S. 14 January 1918]}" in outputs["latex"]


# --- rendition -------------------------------------------------------------------------------------


def test_rendition_vocabulary(outputs: dict[str, str], page: etree._Element) -> None:
    spans = {span.text: span for span in page.iter("span") if "hi" in (span.get("class") or "").split()}
    assert "smallcaps" in spans["small-capital"].get("class").split()
    assert "underline-double" in spans["underlined twice"].get("class").split()
    assert "strike" in spans["struck"].get("class").split()
    assert "color: #b00000" in spans["red"].get("style")
    assert "mono" in spans["typewriter"].get("class").split()
    assert spans["unknown rendition"].get("class") == "hi"  # left plain, never italic
    assert page.find(".//sup[@class='hi superscript']").text == "2"
    assert "\\teiuline{underlined twice}" in outputs["latex"]
    assert "\\color[HTML]{B00000}red" in outputs["latex"]
    assert 'border-bottom-style="double" border-bottom-width="1.6pt" padding-bottom="0.3pt">underlined twice' in (
        outputs["fo"]
    )
    assert 'color="#b00000">red' in outputs["fo"]
    assert "{unknown rendition}" not in outputs["latex"] and "\\itshape unknown" not in outputs["latex"]


# --- languages -------------------------------------------------------------------------------------


def test_languages_drive_each_format(outputs: dict[str, str], page: etree._Element) -> None:
    assert page.get("lang") == "en"
    assert page.find(".//span[@lang='fr']") is not None
    fo = etree.fromstring(outputs["fo"].encode())
    assert fo.get("language") == "en" and fo.get("hyphenate") == "true"
    assert fo.xpath("//fo:inline[@language='fr']", namespaces={"fo": FO_NS})
    assert "\\babelprovide[import]{french}" in outputs["latex"] and "\\babelprovide[import]{german}" in outputs["latex"]
    assert "\\foreignlanguage{french}{" in outputs["latex"]
    assert "réponse~;" in outputs["latex"] and "viendra~!" in outputs["latex"]  # never a line starting with ;


# --- TEI examples and mathematics ---------------------------------------------------------------------


def test_egxml_is_shown_as_xml(outputs: dict[str, str], page: etree._Element) -> None:
    code = page.find(".//pre[@class='code-block']/code")
    assert code.text == '<app>\n  <lem wit="#wA">arrived</lem>\n  <rdg wit="#wB">came</rdg>\n</app>'
    assert '    <app>\n      <lem wit="#wA">arrived</lem>' in outputs["text"]
    assert 'linefeed-treatment="preserve"' in outputs["fo"]
    assert "\\mbox{}\\ \\ <lem\\ wit=\"\\#wA\">arrived</lem>\\par" in outputs["latex"]


def test_egxml_text_over_two_lines_starts_at_the_margin() -> None:
    """A text running over lines leaves the later lines less indented: the first still starts the example."""
    example = '<egXML xmlns="http://www.tei-c.org/ns/Examples">\n      <del>dead as a\ndodo</del>\n    </egXML>'
    text = convert_tree(etree.fromstring(_tei(f"<text><body>{example}</body></text>")), "text").decode()
    assert "    <del>dead as a\n    dodo</del>" in text


def test_mathml_passes_through_html_and_is_text_elsewhere(page: etree._Element) -> None:
    math = page.find(".//{http://www.w3.org/1998/Math/MathML}math")
    assert math is not None and math.find("{http://www.w3.org/1998/Math/MathML}mfrac") is not None
    html_warnings = convert_file(EDITION, "html").warnings
    assert not [warning for warning in html_warnings if "MathML" in warning]
    for fmt in ("fo", "latex", "text"):
        conversion = convert_file(EDITION, fmt)
        assert "x = (1)/(2)" in conversion.data.decode("utf-8")
        warning = "1 MathML formula(s) are shown as linear text, not typeset (the first: x = (1)/(2))"
        assert warning in conversion.warnings


# --- TEI that is not quite what the stylesheets expect ------------------------------------------------


def _tei(body: str, *, root: str = '<TEI xmlns="http://www.tei-c.org/ns/1.0">', end: str = "</TEI>") -> bytes:
    header = "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>"
    return f"{root}{header}{body}{end}".encode()


def test_a_repeated_xml_id_converts_with_unique_ids(tmp_path: Path) -> None:
    doc = tmp_path / "dup.xml"
    doc.write_bytes(
        _tei('<text><body><p xml:id="x">One <ref target="#x">see</ref></p><p xml:id="x">Two</p></body></text>')
    )
    for fmt in FORMATS:
        conversion = convert_file(doc, fmt)
        assert "xml:id 'x' is used by 2 elements: the output anchors the first, links go to it" in conversion.warnings
    html = convert_file(doc, "html").data.decode("utf-8")
    assert html.count('id="x"') == 1 and 'href="#x"' in html
    fo = etree.fromstring(convert_file(doc, "fo").data)
    ids = fo.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_p4_and_a_missing_namespace_are_read_as_tei(tmp_path: Path) -> None:
    p4 = tmp_path / "p4.xml"
    p4.write_bytes(b'<TEI.2><teiHeader><fileDesc><titleStmt><title>Old</title></titleStmt></fileDesc></teiHeader>'
                   b'<text><body><div0 id="d"><head>Part</head><p>Words <hi rend="italic">here</hi>.</p></div0>'
                   b"</body></text></TEI.2>")
    conversion = convert_file(p4, "text")
    assert "Words here." in conversion.data.decode("utf-8")
    assert conversion.warnings[0].startswith("a TEI P4 document (<TEI.2>): read as TEI P5")
    bare = tmp_path / "bare.xml"
    bare.write_bytes(_tei("<text><body><p>Bare words.</p></body></text>", root="<TEI>"))
    conversion = convert_file(bare, "html")
    assert b"Bare words." in conversion.data
    assert "not TEI's" in conversion.warnings[0]


def test_a_document_that_is_not_tei_converts_to_its_text(tmp_path: Path) -> None:
    page = tmp_path / "page.xml"
    page.write_bytes(
        b'<div xmlns="http://www.w3.org/1999/xhtml"><h3>Heading</h3><p>Some text.</p><ul><li>An item</li></ul></div>'
    )
    for fmt in FORMATS:
        conversion = convert_file(page, fmt)
        assert conversion.warnings == (
            "not a TEI document (its root <div> is in the namespace http://www.w3.org/1999/xhtml): only its text "
            'is shown; a TEI file starts with <TEI xmlns="http://www.tei-c.org/ns/1.0">',
        )
        assert "Some text." in conversion.data.decode("utf-8")


def test_a_corpus_converts_to_one_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.xml"
    one = _tei("<text><body><div><head>First</head><p>In the first.</p></div></body></text>", root="<TEI>")
    two = _tei("<text><body><div><head>Second</head><p>In the second.</p></div></body></text>", root="<TEI>")
    corpus.write_bytes(
        b'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Both</title>'
        b"</titleStmt></fileDesc></teiHeader>" + one.replace(b"<title>T</title>", b"<title>One</title>")
        + two.replace(b"<title>T</title>", b"<title>Two</title>") + b"</teiCorpus>"
    )
    text = convert_file(corpus, "text").data.decode("utf-8")
    assert text.index("One\n===") < text.index("In the first.") < text.index("Two\n===") < text.index("In the second.")
    page = html5lib.parse(convert_file(corpus, "html").data, treebuilder="lxml", namespaceHTMLElements=False)
    assert [h.text for h in page.iter("h2")][:2] == ["One", "First"] or "One" in [h.text for h in page.iter("h2")]
    assert [h.tag for h in page.iter() if isinstance(h.tag, str) and h.text == "First"] == ["h3"]


def test_a_bare_hi_is_italic_an_unknown_rendition_plain() -> None:
    """A hi that says nothing of its look is print's usual highlighting; one whose look is unknown is not guessed."""
    root = etree.fromstring(
        _tei('<text><body><p><hi>bare</hi>, <hi rend="blink">odd</hi>, <foreign xml:lang="ja">日本</foreign></p>'
             "</body></text>")
    )
    page = html5lib.parse(convert_tree(root, "html"), treebuilder="lxml", namespaceHTMLElements=False)
    spans = {span.text: span.get("class") for span in page.iter("span")}
    assert spans["bare"] == "hi italic" and spans["odd"] == "hi" and spans["日本"] == "foreign"  # CJK: no italic
    assert '<fo:inline font-style="italic">bare</fo:inline>, odd,' in convert_tree(root, "fo").decode()


def test_unknown_elements_keep_their_text_and_are_reported() -> None:
    for fmt in FORMATS:
        conversion = convert_file(FEATURES, fmt)
        assert "unknown element <unknownElement>: its text is shown plainly" in conversion.warnings
        assert "unknown element's text" in conversion.data.decode("utf-8").replace("’", "'")


def test_a_name_mentioned_thousands_of_times_is_indexed() -> None:
    """libxslt stops at 3,000 nested calls: the index's links to 3,500 mentions must not nest one per mention."""
    paragraph = "<p>" + " and ".join(['<placeName ref="#r">Russia</placeName>'] * 100) + "</p>"
    stand_off = '<standOff><listPlace><place xml:id="r"><placeName>Russia</placeName></place></listPlace></standOff>'
    root = etree.fromstring(_tei(f"{stand_off}<text><body>{paragraph * 35}</body></text>"))
    html = convert_tree(root, "html").decode()
    assert html.count('aria-label="Russia, mention ') == 3500 and 'aria-label="Russia, mention 3500"' in html
    latex = convert_tree(root, "latex").decode()
    assert latex.count("\\getpagerefnumber{") == 3500


def test_many_unknown_elements_are_one_warning() -> None:
    """A customisation's own vocabulary (26 names in a TEI test document) is one line, not one per name."""
    body = " ".join(f'<x{n} xmlns="urn:custom">word {n}</x{n}>' for n in range(12)) + '<x0 xmlns="urn:custom"/>'
    conversion = convert_document(etree.fromstring(_tei(f"<text><body><p>{body}</p></body></text>")), "text")
    assert conversion.warnings == (
        "12 unknown elements (13 in all), their text shown plainly: <x0> ×2, <x1>, <x2>, <x3>, <x4>, <x5>, <x6>, "
        "<x7>, and 4 more",
    )
    assert "word 0 word 1" in conversion.data.decode()


def test_images_and_binary_objects_are_reported(tmp_path: Path) -> None:
    doc = tmp_path / "img.xml"
    doc.write_bytes(_tei('<text><body><figure><graphic url="a.png"><desc>A map</desc></graphic></figure>'
                         "<p>x<binaryObject>QUJD</binaryObject></p></body></text>"))
    for fmt in FORMATS:
        conversion = convert_file(doc, fmt)
        assert "1 image(s) (graphic, media) are not embedded: each is shown as [image]" in conversion.warnings
        assert "1 binaryObject(s) (embedded data) are not shown" in conversion.warnings
        data = conversion.data.decode("utf-8")
        assert "[image: A map]" in data and "QUJD" not in data


def test_characters_no_font_has_are_reported_once(tmp_path: Path) -> None:
    if not has("fc-list"):
        pytest.skip("fontconfig (fc-list) is not installed")
    doc = tmp_path / "pua.xml"
    doc.write_bytes(_tei("<text><body><p>Medieval \ue425\uef91 letters, twice: \ue425.</p></body></text>"))
    for fmt in ("fo", "latex"):
        warnings = [w for w in convert_file(doc, fmt).warnings if w.startswith("characters no installed font")]
        assert len(warnings) == 1
        assert "\ue425 \uef91 (U+E425 U+EF91)" in warnings[0]
    assert not [w for w in convert_file(doc, "html").warnings if "font" in w]


# --- word extraction sanity ---------------------------------------------------------------------------


def test_the_words_of_each_format_are_comparable(outputs: dict[str, str]) -> None:
    for extract, fmt in ((fo_words, "fo"), (tex_words, "latex"), (text_words, "text")):
        found = extract(outputs[fmt].encode())
        assert "Brest" in found and "Kovno" in found, fmt


def test_convert_tree_and_document_agree() -> None:
    tree = etree.parse(str(EDITION))
    assert convert_tree(tree, "text") == convert_document(tree, "text").data
