"""Property tests over generated diplomatic documents: every word kept, valid, the same bytes twice.

The generator puts together the parts of the genre in any order a typist
might: headings, editorial lines, datelines with clock times and corrected
hours, received lines, salutations, numbered telegrams, lists, closing
formulas, signatures, approval blocks and enclosures, plus noise.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pipeline_support import NOISE, check_pipeline
from test_properties import sentences

from tei.encode import EncodeOptions, encode
from tei.serialize import to_bytes

HEADINGS = st.sampled_from(
    [
        "The Consul at Odessa (Wheeler) to the Secretary of State",
        "The Secretary of State to the Ambassador in France (Sharp)",
        "President Wilson to the Special Representative (House)",
        "Memorandum by the Counselor for the Department of State (Parker)",
        "Notes of a Conversation Held at the Quai d'Orsay, Paris, on Monday, January 13, 1919, at 4 p.m.",
        "The Greek Legation to the Department of State",
    ]
)
EDITORIAL = st.sampled_from(
    [
        "[Telegram]",
        "[Paraphrase]",
        "[Translation]",
        "[Circular telegram]",
        "File No. 861.00/1234",
        "File No. Paris Peace Conf. 184/109",
        "No. 3847",
        "Memorandum No. 77",
        "Subject: Procedure.",
        "BC-1",
        "Memorandum",
    ]
)
DATELINES = st.sampled_from(
    [
        "Paris, September 9, 1914, 10 p.m.",
        "Odessa, December 14, 1917, 2 [12] p.m.",
        "Prague, June 17, 1925—1 p.m.",
        "[Washington,] 14 November, 1918.",
        "Washington [November 10, 1918(?).]",
        "U. S. S. “George Washington,” December 7, 1918—5 p.m.",
        "London [undated].",
        "American Embassy,\nBerlin, September 12, 1914, 9 a.m.",
        "Petrograd, October 26 (November 8), 1917, midnight.",
    ]
)
RECEIVED = st.sampled_from(
    ["[Received September 10, 9:20 a.m.]", "[Received 3:15 p.m.]", "[Received November 19, 1918.]", ""]
)
SALUTES = st.sampled_from(
    ["Sir: ", "My Dear Mr. Ambassador: ", "Excellency: ", "Monsieur l'Ambassadeur: ", "Dear Sir,\n", ""]
)
CLOSINGS = st.sampled_from(
    [
        "I have the honor to be, Sir, your obedient servant,",
        "Accept [etc.]",
        "Cordially and sincerely yours,",
        "By direction of the American Commissioners.",
        "",
    ]
)
SIGNATURES = st.sampled_from(
    [
        "Wheeler",
        "R. C. Patterson, Jr.\nCaptain, U. S. A.",
        "[Woodrow Wilson]",
        "F. L. P.",
        "(Signed) K. Hoshino",
        "Am[erican] Mission",
        "Approved:\nJ. C. Grew\nSecretary",
        "",
    ]
)


@st.composite
def letter(draw: st.DrawFn, *, enclosure: bool = False) -> str:
    lines: list[str] = []
    if enclosure:
        lines.append(draw(st.sampled_from(["[Enclosure]", "[Enclosure 1—Translation]", "[Annex]"])))
    if draw(st.booleans()):
        lines.append(draw(HEADINGS))
    lines.extend(draw(st.lists(EDITORIAL, max_size=3)))
    if draw(st.booleans()):
        lines.append(draw(DATELINES))
        if received := draw(RECEIVED):
            lines.append(received)
    blocks = ["\n".join(lines)] if lines else []
    body: list[str] = []
    for number in range(draw(st.integers(1, 4))):
        text = draw(sentences())
        if number == 0:
            serial = draw(st.sampled_from(["", "59. ", "2089. Your 2369 [2396], 2 [12] p.m. ", "1. "]))
            text = draw(SALUTES) + serial + text
        elif draw(st.booleans()):
            text = f"{number + 1}. {text}"
        if draw(st.integers(0, 5)) == 0:
            text += " " + draw(NOISE)
        body.append(text)
    blocks.extend(body)
    if closing := draw(CLOSINGS):
        blocks.append(closing)
    if signature := draw(SIGNATURES):
        blocks.append(signature)
    return "\n\n".join(block for block in blocks if block)


@st.composite
def diplomatic_documents(draw: st.DrawFn) -> tuple[str, bool]:
    parts = [draw(letter())]
    parts.extend(draw(st.lists(letter(enclosure=True), max_size=2)))
    markdown = draw(st.booleans())
    text = "\n\n".join(parts) + "\n"
    if markdown:
        first, _, rest = text.partition("\n")
        text = f"**{first}**\n{rest}" if first.strip() else text
    return text, markdown


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diplomatic_documents())
def test_letters_keep_every_word_and_stay_valid(doc: tuple[str, bool]) -> None:
    text, markdown = doc
    check_pipeline(text, markdown)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diplomatic_documents())
def test_letters_with_heading_and_signature_get_their_parts(doc: tuple[str, bool]) -> None:
    """A heading with a dateline gives a head and an opener/dateline; a final name line is closer/signed."""
    text, markdown = doc
    first = text.split("\n", 1)[0].strip("*")
    root = encode(text.encode(), EncodeOptions(input_format="markdown" if markdown else "plain", annotate=False))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    lines = text.split("\n")
    if first.startswith(("The ", "President ")) and any(
        line.startswith(("Paris,", "Prague,", "Odessa,", "[Washington,]")) for line in lines[1:6]
    ):
        assert root.xpath("string(//t:body/t:div[1]/t:head[1])", namespaces=ns) == first
        assert root.xpath("//t:body/t:div[1]/t:opener/t:dateline", namespaces=ns)
    etree.fromstring(to_bytes(root))
