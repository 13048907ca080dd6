"""Helpers for the transform tests: words of each output format, the TEI's reading words, external renderers.

Why words: docs/encoding.md 1 promises that nothing of the source is lost, and the
conversions must keep that promise. Each output format hides its words in a
different syntax (HTML elements, FO blocks, LaTeX commands), so each has its
own word extractor here; all compare with :func:`tei.wordcheck.words`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from lxml import etree

from tei.ns import TEI_NS, local_name
from tei.wordcheck import words

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FOP_CONFIG = REPO / "transforms" / "fo" / "fop.xconf"
FO_NS = "http://www.w3.org/1999/XSL/Format"


def _names(text: str) -> frozenset[str]:
    """A set of element names written as one string (easier to read than a list of quoted names)."""
    return frozenset(text.split())


#: The editor's side of a choice: not words of the source (tei.wordcheck._EDITORIAL).
EDITORIAL = frozenset({"corr", "expan", "reg"})
#: A note whose parent is one of these stands between paragraphs; elsewhere it is a footnote.
FOOTNOTE_PARENTS = _names(
    "div div1 div2 div3 div4 div5 div6 div7 body front back text group floatingText lg sp listBibl"
)


def reading_words(root: etree._Element, *, furniture: bool = True, notes: bool = True) -> list[str]:
    """Words of the TEI ``<text>`` in order: without fw when ``furniture`` is false, without footnotes when
    ``notes`` is false; never the editor's side of a choice."""
    text_el = root.find(f"{{{TEI_NS}}}text")
    assert text_el is not None, "no TEI <text>"
    out: list[str] = []

    def skip(element: etree._Element) -> bool:
        name = local_name(element)
        if name in EDITORIAL and local_name(element.getparent()) == "choice":
            return True
        if name == "fw" and not furniture:
            return True
        parent = element.getparent()
        return name == "note" and not notes and parent is not None and local_name(parent) not in FOOTNOTE_PARENTS

    def visit(element: etree._Element) -> None:
        if not isinstance(element.tag, str) or skip(element):
            return
        out.extend(words(element.text or ""))
        for child in element:
            visit(child)
            out.extend(words(child.tail or ""))

    visit(text_el)
    return out


#: TEI elements that sit inside a word's line without separating words ("obed<hi>t</hi>" is one word).
TEI_INLINE = _names(
    "hi emph foreign term mentioned title persName placeName orgName name rs date time num measure ref "
    "ptr unclear del add sic abbr orig seg c g q said soCalled distinct gloss choice corr reg expan "
    "supplied"
)
HTML_BLOCKS = _names(
    "p div section article main header footer nav aside li ol ul dl dt dd h1 h2 h3 h4 h5 h6 blockquote "
    "table tr td th caption br hr figure figcaption details summary"
)
#: FO inline objects that can sit inside a word (a footnote's mark does not: it separates).
FO_INLINE = frozenset({"inline", "basic-link", "page-number", "page-number-citation", "leader"})


def _joined(parts: list[str]) -> list[str]:
    return words("".join(parts))


def joined_tei_words(root: etree._Element) -> list[str]:
    """Words of TEI ``<text>`` as a reader sees them: inline markup joins ("obed<hi>t</hi>" is "obedt"),
    any other element separates; never the editor's side of a choice."""
    text_el = root.find(f"{{{TEI_NS}}}text")
    assert text_el is not None, "no TEI <text>"
    parts: list[str] = []

    def visit(element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        name = local_name(element)
        if name in EDITORIAL and local_name(element.getparent()) == "choice":
            return
        separate = name not in TEI_INLINE
        if separate:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            visit(child)
            parts.append(child.tail or "")
        if separate:
            parts.append(" ")

    visit(text_el)
    return _joined(parts)


def html_words(data: bytes) -> list[str]:
    """Words of an HTML page's <main> (the text and its notes); block elements separate words."""
    import html5lib

    document = html5lib.parse(data, treebuilder="lxml", namespaceHTMLElements=False)
    main = document.find(".//main")
    assert main is not None, "the page has no <main>"
    parts: list[str] = []

    def visit(element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            parts.append(element.tail or "")
            return
        classes = (element.get("class") or "").split()
        separate = element.tag in HTML_BLOCKS or "block" in classes or "noteref" in classes
        if separate:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            visit(child)
        if separate:
            parts.append(" ")
        parts.append(element.tail or "")

    visit(main)
    return _joined(parts)


def fo_words(data: bytes) -> list[str]:
    """Words of an FO document's flow (the body text and the footnotes in it); blocks separate words."""
    root = etree.fromstring(data)
    flows = root.findall(f".//{{{FO_NS}}}flow")
    assert flows, "the FO has no fo:flow"
    parts: list[str] = []

    def visit(element: etree._Element) -> None:
        separate = local_name(element) not in FO_INLINE
        if separate:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                visit(child)
            parts.append(child.tail or "")
        if separate:
            parts.append(" ")

    for flow in flows:
        visit(flow)
    return _joined(parts)


#: Commands whose arguments are not text (ids, URLs, colours, bookmarks), removed with them.
_TEX_NON_TEXT = re.compile(
    r"\\(?:(?:teilabel|label|hypertarget|hyperlink|href|color|getpagerefnumber|begin|end|teifootnote)"
    r"|pdfbookmark(?:\[[^\]]*\])?\{[^{}]*\})\{[^{}]*\}"
)
#: Font and colour switches: they sit inside words ("obed{\itshape t}").
_TEX_STYLE = re.compile(
    r"\\(?:itshape|bfseries|scshape|upshape|slshape|normalfont|small|footnotesize|scriptsize|large|Large|LARGE"
    r"|textsuperscript|textsubscript|underline|teiperson|teiplace|teiorg|teiuncertain|sffamily|ttfamily)(?![A-Za-z])\s?"
    r"|\\/"
)
_TEX_ESCAPE = re.compile(r"\\([{}$&#_%])")
_TEX_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)")


def tex_words(data: bytes) -> list[str]:
    """Words of a LaTeX document's body: commands and their non-text arguments removed, style switches
    joined into the words they sit in."""
    source = data.decode("utf-8")
    body = source[source.index("\\begin{document}") + len("\\begin{document}") : source.rindex("\\end{document}")]
    body = _TEX_NON_TEXT.sub(" ", body)
    body = _TEX_STYLE.sub("", body)
    body = _TEX_ESCAPE.sub(r"\1", body)
    body = _TEX_COMMAND.sub(" ", body)
    return words(body.replace("{", "").replace("}", ""))


def text_words(data: bytes) -> list[str]:
    """Words of a plain-text output."""
    return words(data.decode("utf-8"))


def missing_words(have: list[str], want: list[str]) -> Counter[str]:
    """What ``want`` has that ``have`` lacks (as multisets): empty when nothing is lost."""
    return Counter(want) - Counter(have)


def has(tool: str) -> bool:
    return shutil.which(tool) is not None


def run_fop(fo_file: Path, timeout: int = 600) -> tuple[Path, str]:
    """Render an FO file to PDF with the project's FOP configuration; return the PDF and FOP's messages."""
    pdf = fo_file.with_suffix(".pdf")
    result = subprocess.run(
        ["fop", "-c", str(FOP_CONFIG), "-fo", str(fo_file), "-pdf", str(pdf)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    messages = result.stdout + result.stderr
    assert result.returncode == 0 and pdf.is_file(), f"FOP failed on {fo_file.name}:\n{messages[-4000:]}"
    return pdf, messages


def run_lualatex(tex_file: Path, timeout: int = 900) -> tuple[Path, str]:
    """Compile a LaTeX file once with lualatex (no shell escape); return the PDF and the log."""
    result = subprocess.run(
        ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex_file.name],
        cwd=tex_file.parent,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    log_file = tex_file.with_suffix(".log")
    log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.is_file() else result.stdout
    pdf = tex_file.with_suffix(".pdf")
    assert result.returncode == 0 and pdf.is_file(), f"lualatex failed on {tex_file.name}:\n{log[-4000:]}"
    return pdf, log


def pdf_pages(pdf: Path) -> int:
    """Number of pages (pdfinfo), 0 when poppler-utils is missing."""
    if not has("pdfinfo"):
        return 0
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    match = re.search(r"^Pages:\s+(\d+)", result.stdout, re.M)
    return int(match.group(1)) if match else 0
