"""The whole pipeline on one generated document, and the documents: shared by the property tests and bench/fuzz.py.

``check_pipeline`` asserts what the toolkit promises for any input: encode
raises nothing but TeiError; its output is well-formed, valid against the
project's schema and rules, keeps every word, and is the same bytes twice;
every output format converts.
"""

from __future__ import annotations

from hypothesis import strategies as st
from test_properties import documents

from tei import safexml
from tei.encode import EncodeOptions, encode
from tei.errors import TeiError
from tei.serialize import to_bytes
from tei.source import decode
from tei.transform import FORMATS, convert_tree
from tei.validate import validate_bytes
from tei.wordcheck import first_difference, source_words, tei_words

#: Fragments that stress the readers: unbalanced Markdown, controls, odd Unicode, long words, markup-like text.
NOISE = st.sampled_from(
    [
        "**unclosed bold",
        "*half",
        "_under",
        "`code",
        "[link](http://x",
        "<sup>[A]",
        "</sup>",
        "> quote",
        "# ",
        "&amp; &lt;tag&gt; <p> </TEI> ]]> <!-- -->",
        "\x01\x02\x0b\x0c\x1b\x7f",
        "\u200b\u200e\ufeff",
        "\u0301\u0308",
        "Ḉhicherin Ωmega 你好 مرحبا",
        "x" * 300,
        "1917-02-30",
        "31 February 1918",
        "(12) [25] December, 1917",
        "O.S.",
        "N.S.",
        "\t\t",
        "---",
        "1.",
        "*",
    ]
)


@st.composite
def noisy_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A generated document with noise spliced in at random line starts and word gaps."""
    text, markdown = draw(documents())
    pieces = text.split(" ")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(pieces)))
        pieces.insert(at, draw(NOISE))
    return " ".join(pieces), markdown


def check_pipeline(text: str, markdown: bool) -> bool:
    """Run encode -> validate -> convert on ``text``; False when encode refused it (a TeiError), else True."""
    data = text.encode("utf-8")
    options = EncodeOptions(input_format="markdown" if markdown else "plain", change_date="2026-01-01")
    try:
        root = encode(data, options, name="generated.txt")
    except TeiError:
        return False
    first = to_bytes(root)
    assert to_bytes(encode(data, options, name="generated.txt")) == first, "same input, different bytes"
    reparsed = safexml.fromstring(first, "generated.xml")
    problems = validate_bytes(first, name="generated.xml")
    assert problems == [], [d.format() for d in problems]
    source = decode(data, path="generated.txt").text
    lost = first_difference(source_words(source, markdown=markdown), tei_words(reparsed))
    assert lost is None, lost
    for fmt in FORMATS:
        assert convert_tree(reparsed, fmt), fmt
    return True
