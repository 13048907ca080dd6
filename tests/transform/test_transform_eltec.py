"""TEI that this project did not write: the ELTeC novels of ../shared convert to every format, losing nothing.

Two novels go all the way (strict HTML5, FOP and lualatex render them);
the whole corpus (level 1 and level 2) converts to every format with its
words kept (marked slow: run with -m slow; bench/render_corpus.py also
renders it). Skipped when ../shared is absent (a fresh clone has none).
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest
from lxml import etree
from transform_support import (
    fo_words,
    has,
    html_words,
    joined_tei_words,
    missing_words,
    run_fop,
    run_lualatex,
    tex_words,
    text_words,
)

from tei.transform import FORMATS, convert_tree, read_tei

#: Small, and between them: a liminal front, back notes with refs, word-level markup (the other
#: novels are rendered by bench/render_corpus.py, and their words checked by the slow test below).
NOVELS = ["level1/ENG18952_Wells.xml", "level2/ENG18910_Yeats.xml"]
EXTRACT = {"html": html_words, "fo": fo_words, "latex": tex_words, "text": text_words}


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    folder = shared / "corpus" / "eltec-eng"
    if not folder.is_dir():
        pytest.skip("../shared/corpus/eltec-eng is not present")
    return folder


def _params(fmt: str) -> dict[str, str]:
    return {"furniture": "1"} if fmt == "text" else {}


@pytest.mark.parametrize("novel", NOVELS)
def test_novel_converts_and_renders(novel: str, corpus: Path, tmp_path: Path) -> None:
    tree = read_tei(str(corpus / novel))
    expected = joined_tei_words(tree.getroot())
    outputs = {fmt: convert_tree(tree, fmt, _params(fmt)) for fmt in FORMATS}
    for fmt, data in outputs.items():
        lost = missing_words(EXTRACT[fmt](data), expected)
        assert not lost, f"{fmt} lost words: {lost.most_common(10)}"
    html5lib.HTMLParser(strict=True).parse(outputs["html"])
    etree.fromstring(outputs["fo"])
    stem = Path(novel).stem
    if has("fop"):
        fo_file = tmp_path / f"{stem}.fo"
        fo_file.write_bytes(outputs["fo"])
        _, messages = run_fop(fo_file)
        assert "not available in font" not in messages
    if has("lualatex"):
        tex = tmp_path / f"{stem}.tex"
        tex.write_bytes(outputs["latex"])
        _, log = run_lualatex(tex)
        assert "Missing character" not in log


@pytest.mark.slow
def test_whole_corpus_converts_without_losing_text(corpus: Path) -> None:
    """Every novel to every format (about two minutes on two cores: python -m pytest -m slow)."""
    files = sorted((corpus / "level1").glob("*.xml")) + sorted((corpus / "level2").glob("*.xml"))
    assert len(files) >= 12
    for path in files:
        tree = read_tei(str(path))
        expected = joined_tei_words(tree.getroot())
        for fmt in FORMATS:
            data = convert_tree(tree, fmt, _params(fmt))
            lost = missing_words(EXTRACT[fmt](data), expected)
            assert not lost, f"{path.name} to {fmt} lost words: {lost.most_common(10)}"


def test_word_level_punctuation_is_joined(corpus: Path) -> None:
    """ELTeC level 2 separates every word and mark: the reading text must not show "book , ’ thought"."""
    tree = read_tei(str(corpus / "level2" / "ENG18652_Carroll.xml"))
    for fmt in ("text", "html"):
        data = convert_tree(tree, fmt, {"width": "0"} if fmt == "text" else {}).decode("utf-8")
        assert "what is the use of a book,’ thought Alice" in data
        assert "conversations in it, ‘and what" in data
