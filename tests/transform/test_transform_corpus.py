"""TEI this project did not write: the TEI Consortium's stylesheet test documents (../shared).

A representative sample of issue 14's "done when": each document converts to
every format; HTML and plain text keep at least 99 % of the words of the
reading text (the editorial policy of transforms/README.md); FOP renders the
FO and lualatex compiles the LaTeX of two of them without an error. The
whole corpus, every document rendered, is bench/render_corpus.py (minutes,
not part of the suite). Skipped when ../shared is absent.
"""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from lxml import etree
from transform_support import has, html_words, kept_share, reading_words, run_fop, run_lualatex, text_words

from tei.transform import FORMATS, convert_document, read_tei
from tei.transform.prepare import prepare

#: Every top-level test document but the two largest (2.7 MB and 0.5 MB: the sweep has them).
CONVERTED = [
    "generalP5.xml",
    "testBibliography1.xml",
    "testBinaryObjects1.xml",
    "testCorpus1.xml",
    "testEgXml1.xml",
    "testMathML.xml",
    "testNotes1.xml",
    "testP4Input1.xml",
    "testQuotations1.xml",
    "testRendition1.xml",
    "testStructure1.xml",
    "testToRdf1.xml",
    "testWhitespace1.xml",
]
#: Rendered by FOP and lualatex: the rendition vocabulary of others, a corpus of several documents (notes,
#: MathML, TEI examples and quotations are rendered from tests/transform/fixtures in test_transform_outputs).
RENDERED = ["testRendition1.xml", "testCorpus1.xml"]


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    folder = shared / "corpus" / "tei-stylesheets-test2"
    if not folder.is_dir():
        pytest.skip("../shared/corpus/tei-stylesheets-test2 is not present")
    return folder


def _convert(path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    tree = read_tei(str(path))
    outputs = {fmt: convert_document(tree, fmt, {"furniture": "1"} if fmt == "text" else None).data for fmt in FORMATS}
    return prepare(tree).tree.getroot(), outputs


@pytest.mark.parametrize("name", CONVERTED)
def test_converts_to_every_format_keeping_the_words(name: str, corpus: Path) -> None:
    root, outputs = _convert(corpus / name)
    html5lib.HTMLParser(strict=True).parse(outputs["html"])
    etree.fromstring(outputs["fo"])
    assert outputs["latex"].rstrip().endswith(b"\\end{document}")
    html = kept_share(html_words(outputs["html"]), reading_words(root))
    text = kept_share(text_words(outputs["text"]), reading_words(root, strikes=False))
    assert html >= 0.99 and text >= 0.99, (html, text)


@pytest.mark.parametrize("name", RENDERED)
def test_renders_without_errors(name: str, corpus: Path, tmp_path: Path) -> None:
    _, outputs = _convert(corpus / name)
    stem = Path(name).stem
    if has("fop"):
        fo_file = tmp_path / f"{stem}.fo"
        fo_file.write_bytes(outputs["fo"])
        _, messages = run_fop(fo_file)
        assert "SEVERE" not in messages and "not available in font" not in messages, messages[-2000:]
    if has("lualatex"):
        tex = tmp_path / f"{stem}.tex"
        tex.write_bytes(outputs["latex"])
        _, log = run_lualatex(tex)
        assert not re.search(r"^! ", log, re.M) and "Missing character" not in log
