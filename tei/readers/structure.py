"""Blocks -> the TEI ``<text>``: front (title block), body (divisions), back (sources).

Decisions follow docs/encoding.md sections 1 and 2. Every character of a block
that is a word ends up in a text node, in source order; only markup syntax
(Markdown markers, list bullets, bracket delimiters) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from tei.ns import E, local_name, tei
from tei.readers import blocks as B
from tei.readers import letters as L
from tei.readers.inline import Inline, MixedContent, append_inline, parse_inline
from tei.readers.vocabulary import correspondence


@dataclass
class ReadReport:
    """What the reader did that the header's editorialDecl should say."""

    joined_paragraphs: int = 0
    footers: int = 0
    decisions: list[str] = field(default_factory=list)


@dataclass
class _Div:
    """A division being built: its type, optional head, and content elements."""

    type: str
    head: etree._Element | None = None
    content: list[etree._Element] = field(default_factory=list)
    embedded: bool = False


class _Builder:
    """Builds the TEI text from blocks; one instance per document."""

    def __init__(self, blocks: list[B.Block], markdown: bool, report: ReadReport) -> None:
        self.blocks = blocks
        self.markdown = markdown
        self.report = report

    # -- inline helpers -------------------------------------------------

    def inline(self, text: str) -> list[Inline]:
        return parse_inline(text, markdown=self.markdown)

    def element(self, tag: str, text: str, **attrs: str) -> etree._Element:
        element = E(tag, **attrs)
        append_inline(element, self.inline(text))
        return element

    def line_content(self, line: str) -> str:
        """A title-block line without its emphasis markers (they are title-page typography)."""
        stripped = line.strip()
        if self.markdown:
            stripped = B.strip_emphasis(stripped)
            stripped = B.heading_text(stripped)
        return stripped

    # -- the document ---------------------------------------------------

    def build(self) -> etree._Element:
        letters = L.read_letters(self.blocks, markdown=self.markdown)
        if letters is not None:
            return self._build_letters(letters)
        blocks = list(self.blocks)
        front_blocks, body_start = self._front_extent(blocks)
        back_start = self._back_start(blocks, body_start)
        front, opener, title_text = self._front(front_blocks)
        doc_type = B.document_type(title_text)
        body_blocks = blocks[body_start:back_start]
        closer_blocks = self._closer_extent(body_blocks)
        body_main = body_blocks[: len(body_blocks) - len(closer_blocks)]

        outer = E("div", type=doc_type)
        for element in opener:
            outer.append(element)
        divs = self._divisions(body_main, doc_type)
        if len(divs) == 1 and divs[0].head is None:
            for element in divs[0].content:
                outer.append(element)
        else:
            for div in divs:
                if not div.content and div.head is None:
                    continue
                child = E("div", type=div.type)
                if div.head is not None:
                    child.append(div.head)
                for element in div.content:
                    child.append(element)
                if len(child) == 0:
                    continue
                outer.append(child)
        if closer_blocks:
            outer.append(self._closer(closer_blocks))
        if len(outer) == 0:
            outer.append(E("p"))
        body = E("body", outer)
        text = E("text")
        if len(front):
            text.append(front)
        text.append(body)
        back = self._back(blocks[back_start:])
        if back is not None:
            text.append(back)
        return text

    # -- correspondence -------------------------------------------------

    def _build_letters(self, letters: L.Letters) -> etree._Element:
        """A telegram, despatch, letter or memorandum: one division per letter, enclosures after it."""
        self.report.decisions.append(
            "The text was read as correspondence: its heading is the division's head; editorial lines "
            "([Telegram], file and serial numbers, the received line), the dateline and the salutation form "
            "the opener; closing formulas and signatures the closer; each enclosure is a division of its own."
        )
        body = E("body")
        for unit in letters.units:
            body.append(self._letter_div(unit))
        text = E("text", body)
        back = self._back(letters.back)
        if back is not None:
            text.append(back)
        return text

    def _letter_div(self, unit: L.Unit) -> etree._Element:
        div = E("div", type=unit.division)
        if unit.marker is not None:
            number = re.search(r"\d+", unit.marker)
            if number:
                div.set("n", number.group(0))
            div.append(E("head", unit.marker, type="label"))
        opener: etree._Element | None = None

        def current_opener() -> etree._Element:
            nonlocal opener
            if opener is None:
                opener = E("opener")
                div.append(opener)
            return opener

        for item in unit.opening:
            if item.kind in (L.HEADING, L.TITLE):
                div.append(self.element("head", item.text))
                opener = None
            else:
                current_opener().append(self._letter_line(item))
        body_blocks = list(unit.body)
        if body_blocks:
            first = body_blocks[0]
            end = L.salutation_end(first.text)
            if end is not None and first.text[end:].strip():
                current_opener().append(self.element("salute", first.text[:end]))
                rest = first.text[end:].lstrip()
                body_blocks[0] = B.Block(tuple(rest.split("\n")), first.lineno)
        divs = self._divisions(
            body_blocks, unit.division, numbered=L.telegram_number(body_blocks) is not None, titled=True
        )
        before_body = len(div)
        if len(divs) == 1 and divs[0].head is None:
            for element in divs[0].content:
                div.append(element)
        else:
            for part in divs:
                if not part.content and part.head is None:
                    continue
                child = E("div", type=part.type)
                if part.head is not None:
                    child.append(part.head)
                for element in part.content:
                    child.append(element)
                if len(child):
                    div.append(child)
        if unit.closing:
            if len(div) == before_body:  # TEI allows a closer only after some content (as build() does, an empty p)
                div.append(E("p"))
            closer = E("closer")
            for item in unit.closing:
                closer.append(self._letter_line(item))
            div.append(closer)
        return div

    def _letter_line(self, item: L.Item) -> etree._Element:
        """The TEI of one opener or closer line of a letter."""
        if item.kind == L.DATELINE:
            return self._timed(E("dateline"), item.text)
        if item.kind == L.RECEIVED:
            inner = item.text
            match = re.fullmatch(r"(\[\s*)(.*?)(\s*\]\s*\.?)", inner, re.DOTALL)
            note = E("note", type="received")
            if match:
                append_inline(note, [match.group(1)])
                self._timed(note, match.group(2))
                append_inline(note, [match.group(3)])
            else:
                self._timed(note, inner)
            return note
        if item.kind in (L.FILE, L.SERIAL):
            parts = L.file_number(item.text) if item.kind == L.FILE else L.serial_number(item.text)
            if parts is not None:
                label, number, rest = parts
                return E("note", label, E("idno", number, type=item.kind), rest, type=item.kind)
            return E("note", item.text, type=item.kind)
        if item.kind in (L.TRANSMISSION, L.VERSION, L.CLASSIFICATION):
            return E("note", item.text, type=item.kind)
        if item.kind == L.SUBJECT:
            return self.element("note", item.text, type="subject")
        if item.kind == L.SALUTE:
            return self.element("salute", item.text)
        return self.element("signed", item.text)

    def _timed(self, element: etree._Element, text: str) -> etree._Element:
        """``text`` read inline into ``element``, each clock time (``10 p.m.``, ``noon``) a ``time``."""
        items: list[Inline] = []
        position = 0
        for match in correspondence().clock.finditer(text):
            items.extend(self.inline(text[position : match.start()]))
            when = _clock_when(match.group(0))
            items.append(_with_items(E("time", when=when), self.inline(match.group(0))))
            position = match.end()
        items.extend(self.inline(text[position:]))
        append_inline(element, items)
        return element

    # -- front ----------------------------------------------------------

    def _front_extent(self, blocks: list[B.Block]) -> tuple[list[B.Block], int]:
        """The title block and the short blocks after it, up to the first paragraph."""
        index = 0
        taken: list[B.Block] = []
        while index < len(blocks):
            block = blocks[index]
            if B.is_navigation(block) and not taken:
                taken.append(block)
                index += 1
                continue
            content = [b for b in taken if not B.is_navigation(b)]
            author_only = (
                len(content) == 1
                and len(content[0].lines) == 1
                and _looks_like_person(content[0].lines[0])
                and len(content[0].lines[0].split()) >= 2
                and all(len(B.words(line)) <= 15 for line in block.lines)
            )
            if not self._is_front_block(block, first=not content or author_only):
                break
            taken.append(block)
            index += 1
            if len(taken) >= 6:
                break
        if index >= len(blocks):
            # A document that is only short lines: keep the first block as its title.
            return blocks[:1], min(1, len(blocks))
        return taken, index

    def _is_front_block(self, block: B.Block, *, first: bool) -> bool:
        lines = [line.strip() for line in block.lines]
        if B.SEPARATOR_RE.match(lines[0]) or (len(lines) == 1 and B.is_list_item(lines[0])):
            return False
        if any(len(line) > 110 for line in lines) or len(lines) > 8:
            return False
        if all(B.META_LINE_RE.match(B.strip_emphasis(line)) for line in lines):
            return True
        if first:
            # A first block of one short sentence ending in a full stop is a paragraph.
            return not (len(lines) == 1 and len(B.words(lines[0])) > 8 and lines[0].endswith("."))
        if all(B.is_date_line(line) or B.is_citation_line(line) for line in lines):
            return True
        if len(lines) == 1 and _looks_like_subtitle(lines[0]):
            return True
        return all(B.SALUTE_RE.match(line) and line.endswith((",", ":", "!")) for line in lines)

    def _front(self, blocks: list[B.Block]) -> tuple[etree._Element, list[etree._Element], str]:
        """Front matter, the elements that open the first division, and the title text.

        After the title block come datelines, salutations, citation lines and
        metadata lines. In the usual order (metadata, then dateline/salutation,
        then citation) they become front metadata, an ``opener`` and a ``bibl``;
        in any other order they all stay in ``front`` so that no line moves.
        """
        front = E("front")
        doc_title: etree._Element | None = None
        title_texts: list[str] = []
        items: list[tuple[str, str]] = []  # (kind, line) after the title block, in source order
        first_content = True

        title_lines: list[str] = []

        def flush_title() -> None:
            nonlocal doc_title
            if not title_lines:
                return
            if doc_title is None or front[-1] is not doc_title:
                # A new docTitle after anything else in front, so that no line moves before it.
                doc_title = E("docTitle")
                front.append(doc_title)
            kind = "main" if not title_texts else "sub"
            doc_title.append(self.element("titlePart", "\n".join(title_lines), type=kind))
            title_texts.append(" ".join(title_lines))
            title_lines.clear()

        for block in blocks:
            if B.is_navigation(block):
                items.append(("nav", block.text))
                continue
            lines = [self.line_content(line) for line in block.lines]
            if all(B.META_LINE_RE.match(line) for line in lines):
                items.extend(("meta", line) for line in lines)
                continue
            if not first_content:
                for line in lines:
                    if B.is_date_line(line):
                        items.append(("date", line))
                    elif B.is_citation_line(line):
                        items.append(("citation", line))
                    elif B.SALUTE_RE.match(line) and line.endswith((",", ":", "!")):
                        items.append(("salute", line))
                    else:
                        items.append(("subtitle", line))
                continue
            if (
                len(lines) == 1
                and _looks_like_person(lines[0])
                and len(lines[0].split()) >= 2
                and block is not blocks[-1]
                and not title_texts
            ):
                self._flush_nav_and_meta(front, items)
                front.append(E("docAuthor", *self.inline(lines[0])))
                continue
            first_content = False
            self._flush_nav_and_meta(front, items)
            for position, line in enumerate(lines):
                if B.is_date_line(line):
                    flush_title()
                    front.append(E("docDate", *self.inline(line)))
                elif B.is_citation_line(line) and len(lines) > 1:
                    flush_title()
                    front.append(E("listBibl", self._citation(line)))
                elif position == 0 and len(lines) > 1 and _looks_like_person(line):
                    front.append(E("docAuthor", *self.inline(line)))
                elif (title_texts or title_lines) and _looks_like_meeting(line):
                    flush_title()
                    assert doc_title is not None
                    doc_title.append(self.element("titlePart", line, type="desc"))
                elif line.lower().startswith("by ") and len(B.words(line)) <= 6:
                    flush_title()
                    front.append(self.element("byline", line))
                else:
                    title_lines.append(line)
            flush_title()
        opening = self._opening(front, items)
        _keep_front_valid(front)
        return front, opening, " ".join(title_texts)

    def _flush_nav_and_meta(self, front: etree._Element, items: list[tuple[str, str]]) -> None:
        """Navigation and metadata lines seen before the title go to the front as they are."""
        for kind, line in items:
            if kind == "nav":
                front.append(E("fw", line, type="navigation"))
            else:
                self._metadata_div(front).append(self.element("p", line))
        items.clear()

    def _doc_title(self, front: etree._Element) -> etree._Element:
        """The front's ``docTitle`` when it is the last thing there, else a new one (order is kept)."""
        last = front[-1] if len(front) else None
        if last is not None and local_name(last) == "docTitle":
            return last
        title = E("docTitle")
        front.append(title)
        return title

    def _metadata_div(self, front: etree._Element) -> etree._Element:
        last = front[-1] if len(front) else None
        if last is not None and local_name(last) == "div" and last.get("type") == "metadata":
            return last
        div = E("div", type="metadata")
        front.append(div)
        return div

    def _opening(self, front: etree._Element, items: list[tuple[str, str]]) -> list[etree._Element]:
        """Place the lines after the title: opener + bibl when their order allows, else front."""
        order = {"nav": 0, "meta": 0, "subtitle": 0, "date": 1, "salute": 1, "citation": 2}
        ranks = [order[kind] for kind, _ in items]
        if ranks != sorted(ranks):
            for kind, line in items:
                if kind == "date":
                    front.append(E("docDate", *self.inline(line)))
                elif kind == "citation":
                    front.append(E("listBibl", self._citation(line)))
                elif kind == "nav":
                    front.append(E("fw", line, type="navigation"))
                elif kind == "meta":
                    self._metadata_div(front).append(self.element("p", line))
                elif kind == "subtitle":
                    front.append(self.element("titlePart", line, type="sub"))
                else:
                    front.append(self.element("p", line))
            return []
        opener_parts: list[etree._Element] = []
        citations: list[etree._Element] = []
        for kind, line in items:
            if kind == "nav":
                front.append(E("fw", line, type="navigation"))
            elif kind == "meta":
                self._metadata_div(front).append(self.element("p", line))
            elif kind == "subtitle":
                self._doc_title(front).append(self.element("titlePart", line, type="sub"))
            elif kind == "date":
                opener_parts.append(E("dateline", *self.inline(line)))
            elif kind == "salute":
                opener_parts.append(self.element("salute", line))
            else:
                citations.append(self._citation(line))
        opening: list[etree._Element] = []
        if opener_parts:
            opening.append(E("opener", *opener_parts))
        return opening + citations

    def _citation(self, line: str) -> etree._Element:
        """``Trotsky, iii, 2, p. 192`` -> bibl with author and biblScope parts."""
        bibl = E("bibl", type="citation")
        match = re.fullmatch(
            r"(?P<author>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?),\s*(?P<volume>[ivxlcdmIVXLCDM]+|\d{1,3}),\s*"
            r"(?:(?P<part>[ivxlcdm]+|\d{1,3}),\s*)?(?P<page>pp?\.\s*\d+(?:\s*[-–]\s*\d+)?)\.?",
            line.strip(),
        )
        if not match:
            append_inline(bibl, self.inline(line))
            etree.strip_tags(bibl, tei("stage"))  # TEI has no stage in bibl: keep its words as text
            return bibl
        bibl.append(E("author", match.group("author")))
        bibl[-1].tail = ", "
        bibl.append(E("biblScope", match.group("volume"), unit="volume"))
        if match.group("part"):
            bibl[-1].tail = ", "
            bibl.append(E("biblScope", match.group("part"), unit="part"))
        bibl[-1].tail = ", "
        bibl.append(E("biblScope", match.group("page"), unit="page"))
        rest = line.strip()[match.end("page") :]
        if rest:
            bibl[-1].tail = rest
        return bibl

    # -- back -----------------------------------------------------------

    def _back_start(self, blocks: list[B.Block], body_start: int) -> int:
        """Index of the first trailing block that is source citation or navigation."""
        index = len(blocks)
        while index > body_start + 1:
            block = blocks[index - 1]
            if B.is_navigation(block) or B.is_closing_citation(block) or B.is_page_number(block):
                index -= 1
                continue
            break
        return index

    def _back(self, blocks: list[B.Block]) -> etree._Element | None:
        if not blocks:
            return None
        back = E("back")
        source: etree._Element | None = None
        for block in blocks:
            if B.is_navigation(block):
                back.append(E("fw", block.text, type="navigation"))
                source = None
                continue
            if B.is_page_number(block):
                back.append(self.element("fw", block.text, type="pageNum"))
                source = None
                continue
            if source is None:
                source = E("div", type="source")
                back.append(source)
            source.append(self._source_bibl(block))
        return back

    def _source_bibl(self, block: B.Block) -> etree._Element:
        """A closing citation: italics dropped, a quoted title becomes ``title``."""
        bibl = E("bibl")
        lines = [line.strip() for line in block.lines]
        for position, line in enumerate(lines):
            content = B.strip_emphasis(line) if self.markdown else line
            if position:
                append_inline(bibl, ["\n"])
            title = re.match(r"^(?P<open>[“\"])(?P<title>[^”\"]{1,200}?)(?P<close>[”\"])", content)
            if title:
                append_inline(bibl, [title.group("open")])
                bibl.append(E("title", *self.inline(title.group("title"))))
                append_inline(bibl, [title.group("close")])
                append_inline(bibl, self.inline(content[title.end() :]))
            elif _looks_like_work_title(content) and len(lines) == 1:
                bibl.append(E("title", *self.inline(content)))
            else:
                append_inline(bibl, self.inline(content))
        etree.strip_tags(bibl, tei("stage"))  # TEI has no stage in bibl: keep its words as text
        return bibl

    # -- body -----------------------------------------------------------

    def _closer_extent(self, blocks: list[B.Block]) -> list[B.Block]:
        """Trailing signature blocks: ``(Signed) …``, ``People's Commissar …``, ``Yours …``."""
        taken: list[B.Block] = []
        for block in reversed(blocks):
            lines = [line.strip() for line in block.lines]
            if len(lines) > 6 or any(len(line) > 90 for line in lines):
                break
            if not any(B.CLOSER_HINT_RE.search(line) for line in lines) and not (
                taken and all(_looks_like_person(line) or B.is_date_line(line) for line in lines)
            ):
                break
            if B.is_heading(block) and not any(B.CLOSER_HINT_RE.search(line) for line in lines):
                break
            taken.insert(0, block)
        if len(taken) == len(blocks):
            return []
        return taken

    def _closer(self, blocks: list[B.Block]) -> etree._Element:
        closer = E("closer")
        for block in blocks:
            for line in block.lines:
                content = line.strip()
                if B.is_date_line(content):
                    closer.append(E("dateline", *self.inline(content)))
                elif re.match(r"^(?:Yours|I (?:have the honour|remain))", content):
                    closer.append(self.element("salute", content))
                else:
                    closer.append(self.element("signed", content))
        return closer

    def _divisions(
        self, blocks: list[B.Block], doc_type: str, *, numbered: bool = False, titled: bool = False
    ) -> list[_Div]:
        """Cut the body at headings and separators into divisions with their content.

        ``numbered``: the first block opens with a telegram's number (``59. Your …``), kept as an
        ``idno`` at the head of its paragraph instead of starting a list. ``titled``: a line in
        title case without a full stop is a heading too (the items of a bulletin or memorandum).
        """
        divs: list[_Div] = [_Div(type="opening")]
        index = 0
        # The paragraph that a following block may continue (joined in mid-sentence or across a footer).
        pending: MixedContent | None = None

        def finish() -> None:
            nonlocal pending
            if pending is not None:
                pending.close()
            pending = None

        while index < len(blocks):
            block = blocks[index]
            current = divs[-1]
            first = block.lines[0]
            if B.SEPARATOR_RE.match(first):
                finish()
                divs.append(_Div(type="remarks" if current.embedded else "section"))
                index += 1
                continue
            if B.is_navigation(block):
                finish()
                current.content.append(E("fw", block.text, type="navigation"))
                index += 1
                continue
            if B.is_footer(block) and index + 1 < len(blocks):
                fw = self._footer(block)
                self.report.footers += 1
                nxt = blocks[index + 1]
                if (
                    pending is not None
                    and _is_paragraph_block(nxt)
                    and (not B.ends_sentence(pending.last_text) or B.starts_lowercase(nxt.text))
                ):
                    pending.add([fw, E("pb"), "\n", *self.inline(nxt.text)])
                    self.report.joined_paragraphs += 1
                    index += 2
                    continue
                finish()
                current.content.extend([fw, E("pb")])
                index += 1
                continue
            if B.is_heading(block) or (titled and L.is_section_title(block.text)):
                finish()
                head_text = B.heading_text(block.text)
                kind = B.document_type(head_text, default="section") if B.is_heading(block) else "section"
                div = _Div(type=kind, head=self.element("head", _strip_heading(head_text, self.markdown)))
                div.embedded = kind != "section"
                divs.append(div)
                index += 1
                continue
            if numbered and index == 0:
                number = L.telegram_number(blocks)
                assert number is not None
                paragraph = E("p")
                current.content.append(paragraph)
                rest = block.text.lstrip()[number.end("number") :]
                pending = MixedContent(paragraph).add(
                    [E("idno", number.group("number"), type="serial"), *self.inline(rest)]
                )
                index += 1
                continue
            if B.is_list_item(first):
                finish()
                items: list[B.Block] = []
                while index < len(blocks) and B.is_list_item(blocks[index].lines[0]):
                    items.append(blocks[index])
                    index += 1
                current.content.append(self._list(items))
                continue
            if block.text.startswith(">") and self.markdown:
                finish()
                quote = E("quote")
                quote.append(self.element("p", re.sub(r"(?m)^>\s?", "", block.text)))
                current.content.append(quote)
                index += 1
                continue
            if pending is not None and not B.ends_sentence(pending.last_text) and B.starts_lowercase(block.text):
                pending.add(["\n", *self.inline(block.text)])
                self.report.joined_paragraphs += 1
                index += 1
                continue
            finish()
            paragraph = E("p")
            current.content.append(paragraph)
            pending = MixedContent(paragraph).add(self.inline(block.text))
            index += 1
        finish()
        if len(divs) > 1 and not divs[0].content:
            divs.pop(0)
        elif len(divs) == 1:
            divs[0].type = doc_type
        return divs

    def _footer(self, block: B.Block) -> etree._Element:
        content = B.strip_emphasis(block.lines[0]) if self.markdown else block.lines[0].strip()
        kind = "pageNum" if B.is_page_number(block) else "footer"
        return self.element("fw", content, type=kind)

    def _list(self, blocks: list[B.Block]) -> etree._Element:
        """Numbered or bulleted items; numbers are kept as ``label`` text."""
        ordered = bool(B.LIST_ITEM_RE.match(blocks[0].lines[0]))
        lst = E("list", type="ordered" if ordered else "bulleted")
        unlabelled: list[etree._Element] = []
        for block in blocks:
            groups: list[list[str]] = []
            for line in block.lines:
                if B.is_list_item(line) or not groups:
                    groups.append([line])
                else:
                    groups[-1].append(line)
            for group in groups:
                first = group[0]
                rest_lines = "\n".join(line.strip() for line in group[1:])
                match = B.LIST_ITEM_RE.match(first)
                if match:
                    label = match.group("label")
                    body = match.group("rest") + ("\n" + rest_lines if rest_lines else "")
                    lst.append(E("label", label))
                    lst.append(self.element("item", body, n=match.group("n")))
                    continue
                bullet = B.BULLET_RE.match(first)
                body = (bullet.group("rest") if bullet else first.strip()) + ("\n" + rest_lines if rest_lines else "")
                lst.append(self.element("item", body))
                unlabelled.append(lst[-1])
        if unlabelled and len(unlabelled) != len(lst):  # numbered and bulleted items mixed
            # TEI wants every item labelled once one is: an empty label (the bullet is not a word).
            for item in unlabelled:
                item.addprevious(E("label"))
        return lst


#: What TEI allows in ``front`` after its first ``div`` (divisions, bibliographies, model.global).
_AFTER_FRONT_DIV = frozenset(
    {"div", "listBibl", "fw", "pb", "lb", "cb", "milestone", "note", "anchor", "gap", "figure"}
)


def _keep_front_valid(front: etree._Element) -> None:
    """Title-page parts after a ``div`` in ``front`` (a subtitle after a metadata line) become paragraphs.

    TEI allows ``docTitle``, ``docDate``, ``p``… in ``front`` only before its
    first ``div``; so that no line moves, later ones become ``p`` (``@rend``
    says what they were) in a ``div type="titlepage"`` of their own.
    """
    seen_div = False
    holder: etree._Element | None = None
    for child in list(front):
        name = local_name(child)
        if name == "div":
            seen_div = True
            holder = child if child.get("type") == "titlepage" else None
            continue
        if not seen_div or not name or name in _AFTER_FRONT_DIV:
            holder = None if name else holder
            continue
        if holder is None:
            holder = E("div", type="titlepage")
            child.addprevious(holder)
        parts = list(child) if name == "docTitle" else [child]
        for part in parts:
            kind = local_name(part)
            rend = f"{kind} {part.get('type')}" if part.get("type") else kind
            for attribute in list(part.attrib):
                del part.attrib[attribute]
            part.tag = tei("p")
            part.set("rend", rend or "")
            holder.append(part)
        if name == "docTitle":
            front.remove(child)


def _strip_heading(text: str, markdown: bool) -> str:
    return B.strip_emphasis(text) if markdown else text


def _is_paragraph_block(block: B.Block) -> bool:
    return not (
        B.is_heading(block) or B.is_footer(block) or B.is_navigation(block) or B.SEPARATOR_RE.match(block.lines[0])
    )


_PERSON_STOP = re.compile(
    r"\b(?:on|of|the|to|and|for|in|from|with|by|at|a|an|note|report|decree|speech|appeal|telegram|"
    r"letter|treaty|declaration|resolution|statement|congress|conference|government|soviet|peace|war|"
    r"documents?|policy|committee|party|republic|people|workers|session|meeting)\b",
    re.IGNORECASE,
)


def _looks_like_person(line: str) -> bool:
    """A short line of capitalised words and initials: ``Vladimir Lenin``, ``G. V. Chicherin``."""
    tokens = line.replace(".", ". ").split()
    if not 1 <= len(tokens) <= 5 or _PERSON_STOP.search(line):
        return False
    return all(token[0].isupper() for token in tokens) and not B.is_date_line(line)


def _looks_like_subtitle(line: str) -> bool:
    """A short line after the title that is not a sentence, a heading in capitals or a list item."""
    plain = B.strip_emphasis(line)
    tokens = B.words(plain)
    if not 0 < len(tokens) <= 20 or len(plain) > 110 or B.is_list_item(plain):
        return False
    if plain.endswith((":", ";", ",")) or B.is_heading(B.Block((plain,), 0)):
        return False
    quoted = plain[0] in "\"“‘'(" and plain[-1] in "\"”’')"
    capitals = sum(1 for token in tokens if token[0].isupper() or token[0].isdigit())
    title_case = capitals * 2 >= len(tokens)
    return title_case and (quoted or not plain.endswith((".", "!", "?")))


def _looks_like_meeting(line: str) -> bool:
    return bool(
        re.search(r"\b(?:Congress|Conference|Session|Meeting|Assembly|Plenum|Soviet|Committee|Council)\b", line)
    )


def _looks_like_work_title(line: str) -> bool:
    if ":" in line or B.SOURCE_LINE_RE.match(line):
        return False
    tokens = B.words(line)
    return 0 < len(tokens) <= 12 and not B.TERMINAL_RE.search(line) and not B.URL_ONLY_RE.match(line)


#: Elements whose content may hold ``stage`` (model.inter) in the project's schema and in TEI.
_STAGE_PARENTS = frozenset(
    {"ab", "add", "body", "cell", "corr", "del", "div", "emph", "head", "hi", "item", "l", "note", "p"}
    | {"postscript", "q", "quote", "ref", "reg", "salute", "seg", "sic", "signed", "stage", "supplied"}
    | {"title", "titlePart", "trailer", "unclear", "orig"}
)


def _unwrap_misplaced_stage(root: etree._Element) -> None:
    """An audience reaction read in a dateline, citation or byline stays as text: TEI has no stage there."""
    parents = {
        parent
        for stage in root.iter(tei("stage"))
        if (parent := stage.getparent()) is not None and local_name(parent) not in _STAGE_PARENTS
    }
    for parent in parents:
        for stage in parent.findall(tei("stage")):
            etree.strip_tags(stage, tei("stage"))  # a stage inside it goes too
        etree.strip_tags(parent, tei("stage"))


def _with_items(element: etree._Element, items: list[Inline]) -> etree._Element:
    append_inline(element, items)
    return element


def _clock_when(clock: str) -> str | None:
    """``10 p.m.`` -> ``22:00:00``; None where the hour is ambiguous (``12 p.m.``, ``midnight``).

    An hour the editor corrected (``2 [12] p.m.``) counts as corrected.
    """
    lowered = re.sub(r"^\s*\d{1,2}(?:[:.]\d{2})?\s*\[([^\]]*)\]", r"\1", clock.lower())
    if "noon" in lowered:
        return "12:00:00"
    match = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m", lowered)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if not 1 <= hour <= 11 or minute > 59:
        return None
    if match.group(3) == "p":
        hour += 12
    return f"{hour:02d}:{minute:02d}:00"


def build_text(text: str, *, markdown: bool) -> tuple[etree._Element, ReadReport]:
    """Read a whole document into a TEI ``<text>`` element and a report of decisions."""
    report = ReadReport()
    blocks = B.split_blocks(text)
    if markdown:
        blocks = [B.Block(tuple(line.rstrip() for line in b.lines), b.lineno) for b in blocks]
    builder = _Builder(blocks, markdown, report)
    element = builder.build()
    _unwrap_misplaced_stage(element)
    corrections = sum(1 for _ in element.iter(tei("supplied")) if _.get("reason") == "correction")
    if corrections:
        report.decisions.append(
            f"{corrections} bracketed number(s) right after a number (2 [12] p.m.) were read as the editor's "
            'corrections (supplied reason="correction"), not as footnote markers; the printed number stays.'
        )
    return element, report
