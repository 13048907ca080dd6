"""The reader's model of diplomatic correspondence, on documents of the genre composed for these tests.

The texts are written here in the shape of telegrams, despatches, notes,
memoranda and minutes of the period (names and numbers invented); the
diplomatic dev split (tests/devset-diplomatic) measures the same rules on
real documents.
"""

from __future__ import annotations

import pytest
from lxml import etree

from tei.header import HeaderFacts, build_header
from tei.ns import E
from tei.readers import letters as L
from tei.readers import read_markdown, read_plain
from tei.readers.blocks import split_blocks
from tei.wordcheck import first_difference, source_words, tei_words

NS = {"t": "http://www.tei-c.org/ns/1.0"}

TELEGRAM = """The Consul at Odessa (Wheeler) to the Secretary of State
[Telegram]
File No. 861.00/1234
Odessa, December 14, 1917, 2 [12] p.m. [Received December 15, 9 a.m.]

2089. Your 2369 [2396], December 10, 4 p.m. Situation here unchanged. Banks closed since the 12th.

1. Food short.

Wheeler
"""

DESPATCH = """The Ambassador in Japan (Morrow) to the Secretary of State

No. 1234

Tokyo, April 2, 1918.
[Received May 1.]

Sir: I have the honor to enclose herewith a copy and translation of a note from the Minister for Foreign \
Affairs, dated March 30, in reply to my note of March 12.

The Minister informs me that the Imperial Government has no objection to the proposal.

I have the honor to be, Sir, your obedient servant,

Dwight W. Morrow.

[Enclosure 1—Translation]

The Japanese Minister for Foreign Affairs (Hoshino) to the American Ambassador (Morrow)

Tokyo, March 30, 1918.

Monsieur l'Ambassadeur: I have the honor to acknowledge the receipt of your note of March 12.

I avail myself of this opportunity to renew to your excellency the assurance of my highest consideration.

(Signed) K. Hoshino
"""

LAYOUT_1914 = """The Minister in Sweden (Brandt) to the Secretary of State
File No. 763.72/1001
American Legation,
Stockholm, September 14, 1914, 12 noon.
[Received September 15, 2:35 p.m.]

[Telegram]

The Government has declared its neutrality.

Brandt
"""

MEMORANDUM = """Memorandum by the Counselor for the Department of State (Parker)

[Washington,] January 7, 1918.

The French Ambassador called this morning and left with me a memorandum on the question of shipping.

F. L. P.

Approved:
R. L.
Secretary
"""

MINUTES = """Notes of a Conversation Held at the Quai d'Orsay, Paris, on Monday, January 13, 1919, at 4 p.m.

BC-1

Present: the delegates of the five Powers.

1. The question of the small powers was taken up first.

2. It was agreed to meet again on the following day.
"""

HEADLESS = """American Legation,
Stockholm, March 3, 1918.

Dear Mr. Secretary: Mr. Brandt called on me yesterday with a message from the delegation.

Very sincerely yours,
Ira Nelson Morris
"""


def xs(element: etree._Element, path: str) -> str:
    return " ".join(str(element.xpath(f"string({path})", namespaces=NS)).split())


def xp(element: etree._Element, path: str) -> list[etree._Element]:
    found = element.xpath(path, namespaces=NS)
    assert isinstance(found, list)
    return found  # type: ignore[return-value]


def test_telegram() -> None:
    text, _ = read_plain(TELEGRAM)
    div = xp(text, "t:body/t:div")[0]
    assert div.get("type") == "telegram"
    assert xs(div, "t:head") == "The Consul at Odessa (Wheeler) to the Secretary of State"
    assert xs(div, "t:opener/t:note[@type='transmission']") == "[Telegram]"
    assert xs(div, "t:opener/t:note[@type='file']/t:idno[@type='file']") == "861.00/1234"
    assert xs(div, "t:opener/t:dateline") == "Odessa, December 14, 1917, 2 12 p.m."
    assert xp(div, "t:opener/t:dateline/t:time/t:supplied[@reason='correction']")
    received = xp(div, "t:opener/t:note[@type='received']")[0]
    assert xs(received, ".") == "[Received December 15, 9 a.m.]"
    assert xp(received, "t:time")[0].get("when") == "09:00:00"
    first = xp(div, "t:p")[0]
    assert xs(first, "t:idno[@type='serial']") == "2089"  # the telegram's number, not a list label
    assert xs(first, "t:supplied[@reason='correction']") == "2396"
    assert xs(div, "t:list/t:label") == "1."  # a list after it is still a list
    assert xs(div, "t:closer/t:signed") == "Wheeler"
    assert not xp(text, "t:front") and not xp(text, "t:back")


def test_despatch_with_enclosure() -> None:
    text, report = read_plain(DESPATCH)
    despatch, enclosure = xp(text, "t:body/t:div")
    assert despatch.get("type") == "despatch"  # a numbered letter
    assert xs(despatch, "t:opener/t:note[@type='serial']/t:idno") == "1234"
    assert xs(despatch, "t:opener/t:salute") == "Sir:"
    assert xs(despatch, "t:p[1]").startswith("I have the honor to enclose")
    assert xs(despatch, "t:closer/t:salute") == "I have the honor to be, Sir, your obedient servant,"
    assert xs(despatch, "t:closer/t:signed") == "Dwight W. Morrow."
    assert enclosure.get("type") == "enclosure" and enclosure.get("n") == "1"
    assert [xs(h, ".") for h in xp(enclosure, "t:head")] == [
        "[Enclosure 1—Translation]",
        "The Japanese Minister for Foreign Affairs (Hoshino) to the American Ambassador (Morrow)",
    ]
    assert xp(enclosure, "t:head[1]")[0].get("type") == "label"
    assert xs(enclosure, "t:opener/t:dateline") == "Tokyo, March 30, 1918."
    assert xs(enclosure, "t:opener/t:salute") == "Monsieur l'Ambassadeur:"
    assert xs(enclosure, "t:closer/t:salute").startswith("I avail myself")
    assert xs(enclosure, "t:closer/t:signed") == "(Signed) K. Hoshino"
    assert any("correspondence" in decision for decision in report.decisions)


def test_1914_layout_office_line_and_late_telegram_line() -> None:
    text, _ = read_plain(LAYOUT_1914)
    opener = xp(text, "//t:opener")[0]
    assert [child.get("type") or etree.QName(child).localname for child in opener] == [
        "file",
        "dateline",
        "received",
        "transmission",
    ]
    assert xs(opener, "t:dateline") == "American Legation, Stockholm, September 14, 1914, 12 noon."
    assert xp(opener, "t:dateline/t:time")[0].get("when") == "12:00:00"


def test_memorandum_with_initials_and_approval() -> None:
    text, _ = read_plain(MEMORANDUM)
    div = xp(text, "t:body/t:div")[0]
    assert div.get("type") == "memorandum"
    assert xs(div, "t:opener/t:dateline/t:supplied") == "Washington,"
    assert [xs(s, ".") for s in xp(div, "t:closer/t:signed")] == ["F. L. P.", "Approved: R. L. Secretary"]


def test_minutes_heading_with_its_date() -> None:
    text, _ = read_plain(MINUTES)
    div = xp(text, "t:body/t:div")[0]
    assert div.get("type") == "minutes"
    assert xs(div, "t:head").startswith("Notes of a Conversation")
    assert xs(div, "t:opener/t:note[@type='serial']/t:idno") == "BC-1"
    assert xs(div, "t:list/t:label[1]") == "1."


def test_letter_without_heading() -> None:
    text, _ = read_plain(HEADLESS)
    div = xp(text, "t:body/t:div")[0]
    assert div.get("type") == "letter"
    assert xs(div, "t:opener/t:dateline") == "American Legation, Stockholm, March 3, 1918."
    assert xs(div, "t:opener/t:salute") == "Dear Mr. Secretary:"
    assert xs(div, "t:closer/t:salute") == "Very sincerely yours,"
    assert xs(div, "t:closer/t:signed") == "Ira Nelson Morris"


def test_markdown_letter() -> None:
    text, _ = read_markdown("**" + TELEGRAM.replace("\n", "**\n", 1))
    assert xs(text, "//t:div/t:head") == "The Consul at Odessa (Wheeler) to the Secretary of State"


@pytest.mark.parametrize(
    "document",
    [
        "NOTE FROM TROTSKY TO THE ALLIED AMBASSADORS ON THE\nNEGOTIATIONS\n\n6 December 1917\n"
        "Trotsky, iii, 2, p. 192\n\nThe negotiations are being conducted by the delegates of the powers.\n",
        "Radiogram from Moscow to One and All, November 10, 1918\n\nTo all frontier Soviets\n\n"
        "According to the latest information the soldiers have arrested a delegation.\n",
        "5 April 1918\nKluchnikov & Sabanin, ii, p. 137\n\nA report has been received from Siberia.\n\nLenin\n",
    ],
)
def test_titles_about_letters_are_not_letters(document: str) -> None:
    """A title naming a letter (``Note from X to Y``) or a dated statement without salutation keeps its title page."""
    assert L.read_letters(split_blocks(document)) is None


@pytest.mark.parametrize("document", [TELEGRAM, DESPATCH, LAYOUT_1914, MEMORANDUM, MINUTES, HEADLESS])
def test_every_word_is_kept(document: str) -> None:
    text, _ = read_plain(document)
    assert first_difference(source_words(document, markdown=False), tei_words(text)) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Paris, September 9, 1914, 10 p.m.", True),
        ("Prague, June 17, 1925—1 p.m.", True),
        ("Beirut, October 23, 1925—midnight.", True),
        ("[Washington,] 14 November, 1918.", True),
        ("Washington [November 10, 1918(?).]", True),
        ("U. S. S. “George Washington,” December 7, 1918—5 p.m.", True),
        ("London [undated].", True),
        ("November 11, 1918", True),
        ("Petrograd, October 26 (November 8), 1917.", True),
        ("On board the U.S.S. Brooklyn, Vladivostok, March 20, 1918, 6 p.m.", True),
        ("Your September 16, 12 noon, was received here today and answered.", False),
        ("Following from Keeley:", False),
        ("The French Ambassador called on December 5.", False),
    ],
)
def test_dateline_lines(line: str, expected: bool) -> None:
    assert L.is_dateline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Knabenshue", True),
        ("R. C. Patterson, Jr.", True),
        ("[Woodrow Wilson]", True),
        ("D. Lloyd George", True),
        ("L. Åström", True),
        ("F. L. P.", True),
        ("Tahir el Jazairely", True),
        ("(Signed) I. Motono", True),
        ("Frank L. Polk, Acting Secretary", True),
        ("Await with much interest your further telegrams.", False),
        ("Repeated to Paris.", False),
        ("1. Food short.", False),
    ],
)
def test_signature_lines(line: str, expected: bool) -> None:
    assert L.is_signature(line) is expected


@pytest.mark.parametrize(
    ("text", "salute"),
    [
        ("Sir: I have the honor to report", "Sir:"),
        ("My Dear Mr. Ambassador: I need not tell you", "My Dear Mr. Ambassador:"),
        ("Excellency: I have the honor", "Excellency:"),
        ("Monsieur le Ministre: J'ai l'honneur", "Monsieur le Ministre:"),
        ("Dear Sir,", "Dear Sir,"),
        ("Mr. Lansing stated: the Department agrees", None),
        ("Subject: Procedure.", None),
        ("Following from Keeley: the city is quiet", None),
    ],
)
def test_salutations(text: str, salute: str | None) -> None:
    end = L.salutation_end(text)
    assert (text[:end] if end is not None else None) == salute


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I have the honor to be, Sir, your obedient servant,", True),
        ("Accept [etc.]", True),
        ("Accept, Excellency, the renewed assurances of my highest consideration.", True),
        ("Cordially and sincerely yours,", True),
        ("By direction of the American Commissioners.", True),
        ("Accept my heartiest and warmest congratulations on the triumphant conclusion of an armistice.", False),
        ("Yours of the 12th received and the matter is being looked into.", False),
    ],
)
def test_closing_formulas(line: str, expected: bool) -> None:
    assert L.is_closing_formula(line) is expected


@pytest.mark.parametrize(
    ("line", "division"),
    [
        ("The Consul at Beirut (Knabenshue) to the Secretary of State", "letter"),
        ("President Wilson to the Special Representative (House)", "letter"),
        ("The Commission to Negotiate Peace to President Wilson", "letter"),
        ("Memorandum by the Administrative Officer of the Commission (Patterson)", "memorandum"),
        ("Bulletin No. 20 of the Commission to Negotiate Peace, February 17, 1919", "bulletin"),
        ("Note to the Allied Ambassadors", None),
        ("Letter to Georgy Chicherin, February 25, 1922", None),
        ("Radiogram from Moscow to One and All", None),
        ("The Government agreed to the proposal.", None),
    ],
)
def test_headings(line: str, division: str | None) -> None:
    assert L.heading_division(line) == division


def test_file_and_serial_numbers() -> None:
    assert L.file_number("File No. Paris Peace Conf. 184/109") == ("File No. ", "Paris Peace Conf. 184/109", "")
    assert L.file_number("Paris Peace Conference 861.00/217: Telegram") == (
        "Paris Peace Conference ",
        "861.00/217",
        ": Telegram",
    )
    assert L.serial_number("Memorandum No. 77") == ("Memorandum No. ", "77", "")
    assert L.serial_number("No. 3847.") == ("No. ", "3847", ".")
    assert L.file_number("The Government has no file on this matter.") is None


def _header_of(opener: etree._Element) -> etree._Element:
    text = E("text", E("body", E("div", opener, E("p", "Text."))))
    return build_header(text, HeaderFacts(sha256="0" * 64, tool_version="0", input_name="x.txt", input_format="plain"))


def test_creation_date_from_the_dateline() -> None:
    dateline = E(
        "dateline",
        E("placeName", "Petrograd"),
        ", ",
        E("date", "October 26", calendar="#julian", when="1917-11-08", **{"when_custom": "1917-10-26"}),
        " (",
        E("date", "November 8", when="1917-11-08"),
        "), 1917, ",
        E("time", "10 p.m.", when="22:00:00"),
    )
    header = _header_of(E("opener", dateline))
    date = xp(header, "t:profileDesc/t:creation/t:date")[0]
    assert date.text == "October 26 (November 8), 1917"  # the date as written, without the place or the hour
    assert date.get("when") == "1917-11-08" and date.get("calendar") == "#julian"


def test_undated_dateline_is_bounded_by_the_received_date() -> None:
    opener = E(
        "opener",
        E("dateline", "London ", E("supplied", "undated"), "."),
        E("note", "[Received ", E("date", "November 19, 1918", when="1918-11-19"), ".]", type="received"),
    )
    date = xp(_header_of(opener), "t:profileDesc/t:creation/t:date")[0]
    assert date.get("notAfter") == "1918-11-19" and date.get("when") is None
    undated = _header_of(E("opener", E("dateline", "London ", E("supplied", "undated"), ".")))
    assert xs(undated, "t:profileDesc/t:creation") == "As the dateline gives it: London [undated]."


def test_genre_variants_typed_without_brackets_or_blank_lines() -> None:
    document = (
        "The Ambassador in Russia (Fenwick) to the Secretary of State\n"
        "Telegram\n"
        "Petrograd, March 14, 1917, 11 p.m.\n"
        "Received March 15, 9 a.m.\n\n"
        "Unable to send a cablegram since the eleventh. The situation is\n"
        "quiet tonight and the Duma sits.\n"
        "Fenwick\n\n"
        "Enclosure\n\n"
        "Petrograd, March 13, 1917.\n\n"
        "Sir: The text of the proclamation follows.\n\n"
        "Respectfully yours,\nA. B. Carter\n"
    )
    text, _ = read_plain(document)
    letter, enclosure = xp(text, "t:body/t:div")
    assert letter.get("type") == "telegram"
    assert xs(letter, "t:opener/t:note[@type='transmission']") == "Telegram"
    assert xs(letter, "t:opener/t:note[@type='received']") == "Received March 15, 9 a.m."
    assert xs(letter, "t:p").endswith("The situation is quiet tonight and the Duma sits.")
    assert xs(letter, "t:closer/t:signed") == "Fenwick"
    assert enclosure.get("type") == "enclosure" and xs(enclosure, "t:head[@type='label']") == "Enclosure"
    assert xs(enclosure, "t:closer/t:signed") == "A. B. Carter"
    assert first_difference(source_words(document, markdown=False), tei_words(text)) is None


def test_a_wrapped_paragraph_line_is_not_a_signature() -> None:
    document = (
        "The Consul at Odessa (Wheeler) to the Secretary of State\n[Telegram]\n"
        "Odessa, December 14, 1917, 2 p.m.\n\n"
        "The delegates left this morning for\nPetrograd.\n"
    )
    text, _ = read_plain(document)
    assert not xp(text, "//t:closer")
    assert xs(text, "//t:p").endswith("for Petrograd.")
