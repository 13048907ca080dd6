"""Reader decisions, one structure at a time, on small made-up documents."""

from __future__ import annotations

from lxml import etree

from tei.readers import detect_format, read_markdown, read_plain

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def xp(element: etree._Element, path: str) -> list[etree._Element]:
    result = element.xpath(path, namespaces=NS)
    assert isinstance(result, list)
    return result  # type: ignore[return-value]


def xs(element: etree._Element, path: str) -> str:
    """The string value of an XPath expression."""
    return str(element.xpath(f"string({path})", namespaces=NS))


def test_detect_format() -> None:
    assert detect_format("**Title**  \nText with <sup>[A]</sup>\n") == "markdown"
    assert detect_format("TITLE\n\nPlain text (with brackets) [and more].\n") == "plain"


def test_caps_title_dateline_and_citation() -> None:
    text = (
        "DECREE ON LAND\n\n8 November 1917\nLenin, xxii, p. 23\n\nThe land is the people's, now and for ever after.\n"
    )
    element, _ = read_plain(text)
    assert xs(element, "//t:titlePart") == "DECREE ON LAND"
    assert xp(element, "//t:body/t:div[@type='decree']/t:opener/t:dateline")
    bibl = xp(element, "//t:bibl[@type='citation']")[0]
    assert xs(bibl, "t:author") == "Lenin"
    assert xs(bibl, "t:biblScope[@unit='page']") == "p. 23"


def test_numbered_list_keeps_labels() -> None:
    text = "NOTE\n\nWe propose the following terms to all:\n\n1.To stop.\n\n2) To talk.\n\n(3) To agree.\n"
    element, _ = read_plain(text)
    assert [e.text for e in xp(element, "//t:list/t:label")] == ["1.", "2)", "(3)"]
    assert [e.get("n") for e in xp(element, "//t:list/t:item")] == ["1", "2", "3"]
    assert xs(element, "//t:item[1]") == "To stop."


def test_footer_joins_interrupted_paragraph() -> None:
    text = (
        "**Title**\n\nThe government proposes to begin at once the talks in order to\n\n"
        "*Source: Marxist Internet Archive*\n\nfacilitate negotiations with all.\n\nNext paragraph here.\n"
    )
    element, report = read_markdown(text)
    paragraphs = xp(element, "//t:body//t:p")
    assert len(paragraphs) == 2
    assert xp(paragraphs[0], "t:fw[@type='footer']")[0].text == "Source: Marxist Internet Archive"
    assert xp(paragraphs[0], "t:fw/following-sibling::*[1][self::t:pb]")
    assert report.footers == 1


def test_footer_between_paragraphs_stays_between() -> None:
    text = "**Title**\n\nA complete sentence ends here.\n\n*Source: Archive*\n\nAnother one starts here.\n"
    element, _ = read_markdown(text)
    assert len(xp(element, "//t:body//t:p")) == 2
    assert xp(element, "//t:div/t:fw[@type='footer']")


def test_blank_line_in_mid_sentence_joins() -> None:
    element, report = read_plain("TITLE\n\nThis sentence is broken by a page, irrespective\n\nalso of this.\n")
    assert len(xp(element, "//t:body//t:p")) == 1
    assert report.joined_paragraphs == 1


def test_inline_conventions() -> None:
    text = (
        "**Title**\n\nThe [aggressive] troops left on (26 October) [8 November]. <sup>[A]</sup> "
        "Then (*Prolonged Applause*) and <https://example.org/a>.\n"
    )
    element, _ = read_markdown(text)
    assert [e.text for e in xp(element, "//t:supplied")] == ["aggressive", "8 November"]
    note = xp(element, "//t:note")[0]
    assert note.get("n") == "A" and note.get("place") == "foot"
    assert xp(note, "t:gap[@reason='not-in-source']")
    assert xs(element, "//t:stage[@type='reaction']") == "Prolonged Applause"
    assert xp(element, "//t:ref/@target") == ["https://example.org/a"]


def test_separator_and_embedded_document() -> None:
    text = (
        "**Report on Things**\n\nOpening words of the speaker, at length.\n\nDECREE ON PEACE\n\n"
        "The decree text itself.\n\n---\n\nClosing remarks follow here.\n"
    )
    element, _ = read_markdown(text)
    types = [d.get("type") for d in xp(element, "//t:body/t:div/t:div")]
    assert types == ["opening", "decree", "remarks"]
    assert xs(element, "//t:div[@type='decree']/t:head") == "DECREE ON PEACE"


def test_navigation_and_closing_citation() -> None:
    text = "TITLE\n\nThe body of the text is here.\n\nDocuments on Soviet Foreign Policy\n\n[Subject] [Author] [Date]\n"
    element, _ = read_plain(text)
    assert xs(element, "//t:back/t:div[@type='source']/t:bibl/t:title") == "Documents on Soviet Foreign Policy"
    assert xs(element, "//t:back/t:fw[@type='navigation']") == "[Subject] [Author] [Date]"


def test_markdown_title_block_roles() -> None:
    text = (
        "**Vladimir Lenin**  \n**Report on Peace**  \n**Second Congress of Soviets**  \n"
        "**October 26 (November 8), 1917**\n\nThe question of peace is a burning question.\n"
    )
    element, _ = read_markdown(text)
    assert xs(element, "//t:docAuthor") == "Vladimir Lenin"
    assert xs(element, "//t:titlePart[@type='main']") == "Report on Peace"
    assert xs(element, "//t:titlePart[@type='desc']") == "Second Congress of Soviets"
    assert xs(element, "//t:docDate") == "October 26 (November 8), 1917"


def test_closer_with_signature() -> None:
    text = (
        "NOTE\n\nWe ask for an answer to this note without delay, as before.\n\n"
        "People's Commissar for Foreign Affairs,\nL. TROTSKY\n"
    )
    element, _ = read_plain(text)
    assert [e.text for e in xp(element, "//t:closer/t:signed")] == [
        "People's Commissar for Foreign Affairs,",
        "L. TROTSKY",
    ]


def test_metadata_lines_at_the_top() -> None:
    text = "**Title**\n\nWritten: 1918\nSource: Collected Works\n\nThe text begins here, and goes on for a while.\n"
    element, _ = read_markdown(text)
    assert len(xp(element, "//t:front/t:div[@type='metadata']/t:p")) == 2


def test_author_line_then_title_and_subtitles() -> None:
    text = (
        "Georgi Chicherin\n\nThe Language of Bolshevik Diplomacy\n\n“Ours Is a People’s Government” – Chicherin\n\n"
        "(October 1918)\n\nFrom The Militant, Vol. VI No. 54, 9 December 1933, p. 3.\n\n"
        "In your message of January 8th to the Congress you spoke of your profound sympathy for Russia.\n"
    )
    element, _ = read_plain(text)
    assert xs(element, "//t:front/t:docAuthor") == "Georgi Chicherin"
    assert xs(element, "//t:titlePart[@type='main']") == "The Language of Bolshevik Diplomacy"
    assert xs(element, "//t:titlePart[@type='sub']").startswith("“Ours Is")
    assert xs(element, "//t:opener/t:dateline") == "(October 1918)"
    assert xs(element, "//t:bibl[@type='citation']").startswith("From The Militant")


def test_one_paragraph_per_line_is_split() -> None:
    long_line = "The Council of People's Commissars lodges a protest over the movement of troops. " * 3
    element, _ = read_plain(f"A WIRELESS MESSAGE\n{long_line.strip()}\n{long_line.strip()}\n")
    assert len(xp(element, "//t:body//t:p")) == 2
    assert xs(element, "//t:titlePart") == "A WIRELESS MESSAGE"


def test_bracketed_number_after_a_number_is_a_correction_not_a_marker() -> None:
    text = "TITLE\n\nYour 2369 [2396] of December 12, 2 [12] p.m., received.[4] Sent at 5[6].\n"
    element, _ = read_plain(text)
    corrections = xp(element, "//t:supplied[@reason='correction']")
    assert [e.text for e in corrections] == ["2396", "12", "6"]
    assert [e.get("n") for e in xp(element, "//t:note")] == ["4"]  # after a full stop: a footnote marker
    assert "2 12 p.m." in " ".join(xs(element, "//t:p").replace("\n", " ").split())


def test_markdown_heading_syntax() -> None:
    from tei.readers.blocks import md_heading

    assert md_heading("## Report on Peace ##") == "Report on Peace"
    assert md_heading("# C#") == "C"
    assert md_heading("#hashtag") is None
    assert md_heading("# one\ntwo") is None
    assert md_heading("# " + "#" * 50_000 + "x") == "#" * 50_000 + "x"


def test_mixed_content_appends_in_order() -> None:
    from tei.ns import E
    from tei.readers.inline import MixedContent

    paragraph = E("p", "Start ")
    content = MixedContent(paragraph)
    content.add(["one ", E("hi", "two"), " three", " four"]).add([E("note", "silent"), "\n"])
    assert content.last_text == "\n"
    content.add([E("fw", "footer")])
    assert content.last_text == "\n"  # furniture is not where a sentence ends
    content.close()
    assert etree.tostring(paragraph, encoding="unicode").endswith(
        ">Start one <hi>two</hi> three four<note>silent</note>\n<fw>footer</fw></p>"
    )
