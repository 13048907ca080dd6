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
#: The source's side of a choice.
SOURCE_SIDE = frozenset({"sic", "orig", "abbr"})
#: A note whose parent is one of these stands between paragraphs; elsewhere it is a footnote.
FOOTNOTE_PARENTS = _names(
    "div div1 div2 div3 div4 div5 div6 div7 body front back text group floatingText lg sp listBibl"
)
#: Elements whose words are not reading text (transforms/common/traversal.xsl shows them nowhere).
HIDDEN = _names(
    "teiHeader standOff index interp interpGrp span spanGrp link linkGrp join joinGrp alt altGrp fs fLib fvLib "
    "certainty precision respons witDetail binaryObject handShift timeline listAnnotation specList specDesc "
    "attRef classRef elementRef macroRef moduleRef dataRef divGen metamark substJoin listTranspose listChange "
    "facsimile gap"
)
TEI_OR_EXAMPLE = (TEI_NS, "http://www.tei-c.org/ns/Examples")


def _texts(root: etree._Element) -> list[etree._Element]:
    """The <text> of a TEI document, or of each document of a teiCorpus."""
    found = root.findall(f"{{{TEI_NS}}}text") or root.findall(f".//{{{TEI_NS}}}TEI/{{{TEI_NS}}}text")
    assert found, "no TEI <text>"
    return found


def reading_words(
    root: etree._Element,
    *,
    furniture: bool = True,
    notes: bool = True,
    edition: str = "reading",
    strikes: bool = True,
    apparatus: bool = False,
) -> list[str]:
    """Words of the reading text under the editorial policy of transforms/README.md, in order, as a
    reader sees them: inline markup joins ("obed<hi>t</hi>" is "obedt"), any other element separates.

    Reading edition: a choice's editor's side (corr, expan, reg); the source's
    (sic, orig, abbr) in the diplomatic one. Deletions are words only where
    the format strikes them through (``strikes``: every format but plain
    text) or in the diplomatic edition. An apparatus counts its lemma (and,
    with ``apparatus``, its other readings too). Without ``furniture`` no fw;
    without ``notes`` no footnotes. Never the header, an identifier inside a
    name, or the elements that are not reading text (HIDDEN).
    """
    diplomatic = edition == "diplomatic"
    parts: list[str] = []

    def skip(element: etree._Element) -> bool:
        name = local_name(element)
        parent = element.getparent()
        parent_name = local_name(parent) if parent is not None else ""
        if name in HIDDEN:
            return True
        if parent_name == "choice":
            siblings = {local_name(child) for child in parent if isinstance(child.tag, str)}
            if not diplomatic and name in SOURCE_SIDE and siblings & EDITORIAL:
                return True
            if diplomatic and name in EDITORIAL and siblings & SOURCE_SIDE:
                return True
        if (name == "am" and not diplomatic) or (name == "ex" and diplomatic):
            return True
        if name == "del" and not (strikes or diplomatic):
            return True
        if name in ("rdg", "rdgGrp") and parent_name in ("app", "rdgGrp") and not apparatus:
            return parent.find(f"{{{TEI_NS}}}lem") is not None or parent.index(element) > 0
        if name == "idno" and parent_name in ("persName", "orgName", "placeName", "name", "author", "editor"):
            return True
        if name == "fw" and not furniture:
            return True
        return name == "note" and not notes and parent is not None and parent_name not in FOOTNOTE_PARENTS

    def visit(element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        name = local_name(element)
        if skip(element) or (name == "lb" and element.get("break") != "no"):
            parts.append(" ")
            return
        previous = element.getprevious()
        if name == "add" and previous is not None and local_name(previous) == "del":
            parts.append(" ")  # a substitution: the deleted and the added words stay apart
        separate = name not in TEI_INLINE
        if separate:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            visit(child)
            parts.append(child.tail or "")
        if separate:
            parts.append(" ")

    for text in _texts(root):
        visit(text)
    return _joined(parts)


def kept_share(have: list[str], want: list[str]) -> float:
    """The share of the words of ``want`` (as a multiset) that ``have`` has: 1.0 when nothing is lost."""
    if not want:
        return 1.0
    folded = [word.casefold() for word in have]
    return 1 - sum(missing_words(folded, [word.casefold() for word in want]).values()) / len(want)


#: TEI elements that sit inside a word's line without separating words ("obed<hi>t</hi>" is one word).
TEI_INLINE = _names(
    "hi emph foreign term mentioned title persName placeName orgName name rs date time num measure ref "
    "ptr unclear del add sic abbr orig seg c g q said soCalled distinct gloss choice corr reg expan "
    "supplied ex am lb surplus damage restore subst app lem locus"
)
HTML_BLOCKS = _names(
    "p div section article main header footer nav aside li ol ul dl dt dd h1 h2 h3 h4 h5 h6 blockquote "
    "table tr td th caption br hr figure figcaption details summary"
)
#: FO inline objects that can sit inside a word (a footnote's mark does not: it separates).
FO_INLINE = frozenset({"inline", "basic-link", "page-number", "page-number-citation", "leader"})


def _joined(parts: list[str]) -> list[str]:
    return words("".join(parts))


def joined_tei_words(root: etree._Element, *, strikes: bool = True) -> list[str]:
    """The reading edition's words (:func:`reading_words`), every note and the furniture included."""
    return reading_words(root, strikes=strikes)


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
        separate = (
            element.tag in HTML_BLOCKS
            or element.tag.startswith("{http://www.w3.org/1998/Math/MathML}")
            or element.tag in ("mi", "mn", "mo", "mtext")
            or bool({"block", "noteref", "app-mark", "app-tip", "date-gloss"} & set(classes))
        )
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


#: Commands whose arguments are not text (ids, URLs, colours, bookmarks, languages), removed with them.
_TEX_NON_TEXT = re.compile(
    r"\\(?:(?:teilabel|teianchor|label|hypertarget|hyperlink|href|color|getpagerefnumber|begin|end|teifootnote"
    r"|foreignlanguage|babelprovide)"
    r"|pdfbookmark(?:\[[^\]]*\])?\{[^{}]*\}|color\[HTML\]|babelprovide\[[^\]]*\])\{[^{}]*\}"
)
#: Font and colour switches: they sit inside words ("obed{\itshape t}").
_TEX_STYLE = re.compile(
    r"\\(?:itshape|bfseries|scshape|upshape|slshape|normalfont|small|footnotesize|scriptsize|large|Large|LARGE"
    r"|textsuperscript|textsubscript|underline|underLine|strikeThrough|teiuline|teiwave|teidstrike|MakeUppercase"
    r"|teiperson|teiplace|teiorg|teiuncertain|teigloss|teifw|sffamily|ttfamily|centering|raggedleft|raggedright)"
    r"(?![A-Za-z])\s?|\\/|\\addfontfeatures\{[^{}]*\}"
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
    body = body.replace("\\textbackslash{}", " ").replace("\\textasciicircum{}", "^").replace("\\textasciitilde{}", "~")
    body = body.replace("\\ ", " ").replace("~", " ")
    body = _TEX_ESCAPE.sub(r"\1", body)
    body = _TEX_COMMAND.sub(" ", body)
    return words(body.replace("}{", " ").replace("{", "").replace("}", ""))


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
