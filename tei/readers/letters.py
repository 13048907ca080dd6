"""Diplomatic correspondence: which lines of a document are its heading, opener and closer.

Why a module of its own: telegrams, despatches, letters, notes and memoranda
share one shape that the general block grammar does not know — a heading
(``The Consul at Beirut (Knabenshue) to the Secretary of State``), editorial
lines (``[Telegram]``, ``File No. 860f.51/410``), a dateline with a clock time,
a received line, a salutation; the body; a closing formula and a signature;
enclosures of the same shape. This module reads lines and says what they are
(no TEI here); ``structure.py`` builds the elements. Its words come from
``tei/data/correspondence.toml`` (``vocabulary.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei.readers import blocks as B
from tei.readers.vocabulary import Correspondence, correspondence

# Kinds of lines at the top of a letter (opener) and at its foot (closer).
HEADING = "heading"
TITLE = "title"
FILE = "file"
SERIAL = "serial"
SUBJECT = "subject"
OFFICE = "office"
DATELINE = "dateline"
RECEIVED = "received"
SALUTE = "salute"
TRANSMISSION = "transmission"
VERSION = "version"
CLASSIFICATION = "classification"
ENCLOSURE = "enclosure"
SIGNED = "signed"

#: Opener kinds that show a document is a letter (one is enough after a heading, two without one).
_EVIDENCE = frozenset({DATELINE, FILE, RECEIVED, TRANSMISSION, VERSION, SALUTE})

_BRACKET_LINE = re.compile(r"^\[\s*(?P<inner>[^\[\]]{1,160}?)\s*\]\s*\.?$")
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TELEGRAM_NUMBER = re.compile(r"^(?P<number>\d{1,4})\.\s+(?=\S)")


@dataclass(frozen=True)
class Item:
    """A line (or lines) of an opener or closer: its kind and its text as typed (stripped)."""

    kind: str
    text: str


@dataclass
class Unit:
    """One letter: the main document or an enclosure, with its opener and closer lines."""

    division: str
    marker: str | None = None  # the enclosure line ("[Enclosure 1—Translation]")
    opening: list[Item] = field(default_factory=list)
    body: list[B.Block] = field(default_factory=list)
    closing: list[Item] = field(default_factory=list)



@dataclass
class Letters:
    """A document read as correspondence: its letters in order and the blocks of its back."""

    units: list[Unit]
    back: list[B.Block]


# -- one line --------------------------------------------------------------------------------


def _first_word(text: str) -> str:
    match = _FIRST_WORD.search(text)
    return match.group(0).lower().rstrip(".") if match else ""


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _title_case(text: str, v: Correspondence) -> bool:
    """Most content words capitalised: a heading, not a sentence."""
    content = [t for t in B.words(text) if len(t) > 3 and t.lower() not in v.function_words]
    if not content:
        return False
    return sum(1 for t in content if _capitalised(t)) * 5 >= len(content) * 4


def heading_division(line: str, vocabulary: Correspondence | None = None) -> str | None:
    """The division type when ``line`` is a letter's heading (``X (Name) to Y``, ``Memorandum by …``)."""
    v = vocabulary or correspondence()
    if not line or len(line) > 300 or line.endswith((":", ";", ",")) or B.count_words(line, 45) > 45:
        return None
    if not line[0].isupper() or not _title_case(line, v):
        return None
    if line.endswith(".") and len(B.words(line)[-1]) > 3 and not B.YEAR_RE.search(line[-8:]):
        return None
    first = _first_word(line)
    if first in v.papers:
        return v.papers[first] if B.count_words(line, 3) >= 3 else None
    joined = re.search(r"\s(?:to|To|TO)\s+(?=[A-Z]|the\s|all\s)", line)
    if joined is None:
        return None
    sender = line[: joined.start()]
    if first in v.not_senders or re.search(r"\bfrom\b", sender, re.IGNORECASE):
        return None
    return "letter"


def bracket_kind(line: str, vocabulary: Correspondence | None = None) -> str | None:
    """The kind of a whole-line editorial bracket: ``[Telegram]``, ``[Received …]``, ``[Enclosure 1]``."""
    v = vocabulary or correspondence()
    match = _BRACKET_LINE.match(line)
    if match is None:
        return None
    first = _first_word(match.group("inner"))
    for kind, words in (
        (RECEIVED, v.received),
        (ENCLOSURE, v.enclosure),
        (TRANSMISSION, v.transmission),
        (VERSION, v.version),
        (CLASSIFICATION, v.classification),
    ):
        if first in words or first.rstrip(".") in words:
            return kind
    return None


def bare_kind(line: str, vocabulary: Correspondence | None = None) -> str | None:
    """The same lines typed without brackets: ``Telegram``, ``Paraphrase of Telegram``, ``Enclosure 1``.

    Only short lines of the line-type words themselves (with numbers, dashes and
    function words), so that no sentence starting with such a word is taken.
    """
    v = vocabulary or correspondence()
    if "[" in line or B.count_words(line, 4) > 4:
        return None
    tokens = [t.lower() for t in B.words(line)]
    if not tokens:
        return None
    known = v.transmission | v.version | v.classification | v.enclosure
    if not all(t in known or t in v.function_words or t.isdigit() for t in tokens):
        return None
    for kind, words in (
        (ENCLOSURE, v.enclosure),
        (TRANSMISSION, v.transmission),
        (VERSION, v.version),
        (CLASSIFICATION, v.classification),
    ):
        if tokens[0] in words:
            return kind
    return None


def is_received_line(line: str, vocabulary: Correspondence | None = None) -> bool:
    """``[Received September 10, 9:20 a.m.]``, or the same without brackets."""
    v = vocabulary or correspondence()
    if bracket_kind(line, v) == RECEIVED:
        return True
    return _first_word(line) in v.received and bool(re.search(r"\d|noon|midnight", line)) and len(line) <= 80


def file_number(line: str, vocabulary: Correspondence | None = None) -> tuple[str, str, str] | None:
    """``File No. 763.72/836`` -> (label, number, rest); also ``861.00/217: Telegram`` (a source note)."""
    v = vocabulary or correspondence()
    stripped = line.strip()
    match = re.match(r"(?P<label>(?P<word>[A-Za-z]+)\s+Nos?\.\s*)(?P<number>\S.*?)(?P<rest>\.?)$", stripped)
    if match and match.group("word").lower() in v.file_prefix:
        return match.group("label"), match.group("number"), match.group("rest")
    if B.count_words(stripped, 10) > 10:
        return None
    note = re.match(r"(?P<label>(?:[A-Z][\w.]*\s+){0,4})(?P<number>.+?)(?P<rest>(?::\s*[A-Z]\w*)?\.?)$", stripped)
    if note and v.file_number.fullmatch(note.group("number")):
        return note.group("label"), note.group("number"), note.group("rest")
    return None


def serial_number(line: str, vocabulary: Correspondence | None = None) -> tuple[str, str, str] | None:
    """``No. 3847``, ``Memorandum No. 77``, ``BC-1`` -> (label, number, rest)."""
    v = vocabulary or correspondence()
    stripped = line.strip()
    match = v.serial_line.match(stripped)
    if match:
        return match.group("label"), match.group("number"), match.group("after")
    return ("", stripped, "") if v.minutes_number.fullmatch(stripped) else None


def is_subject_line(line: str, vocabulary: Correspondence | None = None) -> bool:
    """``Subject: Procedure.``"""
    v = vocabulary or correspondence()
    head, colon, rest = line.partition(":")
    return bool(colon) and head.strip().lower() in v.subject and bool(rest.strip()) and len(line) <= 200


def is_title_line(line: str, vocabulary: Correspondence | None = None) -> bool:
    """A paper's own title on a line of its own: ``Memorandum``, ``Note Verbale``."""
    v = vocabulary or correspondence()
    tokens = B.words(line) if B.count_words(line, 3) <= 3 else []
    return bool(tokens) and tokens[0].lower() in v.titles and all(_capitalised(t) for t in tokens)


def clock_times(text: str, vocabulary: Correspondence | None = None) -> list[re.Match[str]]:
    """The clock times of a dateline or received line (``10 p.m.``, ``9:20 a.m.``, ``noon``)."""
    v = vocabulary or correspondence()
    return list(v.clock.finditer(text))


def is_dateline(line: str, vocabulary: Correspondence | None = None) -> bool:
    """Place, date and clock time: ``Paris, September 9, 1914, 10 p.m.``, ``[Washington,] 14 November, 1918.``,
    ``U. S. S. “George Washington,” December 7, 1918—5 p.m.``, ``London [undated].``, ``November 11, 1918``."""
    v = vocabulary or correspondence()
    if not line or len(line) > 160 or line.endswith((":", ";")):
        return False
    plain = v.clock.sub(" ", B.strip_emphasis(line)).replace("(?)", " ")
    undated = v.undated.search(plain)
    if undated:
        plain = plain[: undated.start()] + " " + plain[undated.end() :]
    plain = re.sub(r"[\[\]()“”\"‘’«»]", " ", plain)
    if B.count_words(plain, 20) > 20:
        return False
    tokens = B.words(plain)
    has_month = bool(B.MONTH_RE.search(plain))
    dated = (has_month and bool(re.search(r"\d", plain))) or bool(B.NUMERIC_DATE_RE.search(plain))
    if not dated and not (undated and tokens):
        return False
    if dated and not (B.YEAR_RE.search(plain) or re.search(r"\d", plain)):
        return False
    place = [t for t in tokens if not B.DATE_FILLER.match(t)]
    if len(place) > v.max_place_words:
        return False
    return all(_capitalised(t) or t.lower() in v.place_words for t in place)


def split_received(line: str, vocabulary: Correspondence | None = None) -> tuple[str, str] | None:
    """A dateline with its received line on the same line: ``Moscow, … 12 p.m. [Received …]``."""
    v = vocabulary or correspondence()
    at = line.rfind("[")
    if at <= 0:
        return None
    head, tail = line[:at].rstrip(), line[at:]
    return (head, tail) if is_received_line(tail, v) and is_dateline(head, v) else None


def is_office_line(line: str, following: str | None, vocabulary: Correspondence | None = None) -> bool:
    """``American Embassy,`` above a dateline: part of the place."""
    v = vocabulary or correspondence()
    if following is None or not line.endswith(",") or B.count_words(line, v.office_max_words) > v.office_max_words:
        return False
    return _title_case(line, v) and is_dateline(following, v)


def salutation_end(text: str, vocabulary: Correspondence | None = None) -> int | None:
    """Where a salutation at the head of a paragraph ends (``Sir:``, ``My Dear Mr. Ambassador:``), or None.

    A whole line ending in a comma is a salutation too (``Dear Sir,``); inside a
    paragraph only a colon ends one, as FRUS prints them.
    """
    v = vocabulary or correspondence()
    first_line = text.split("\n", 1)[0].strip()
    match = re.match(r"(?P<salute>[^:\n]{1,80}?:)(?=\s|$)", first_line)
    if match is None and first_line.endswith(",") and len(first_line) <= 80:
        candidate = first_line
    elif match is not None:
        candidate = match.group("salute")
    else:
        return None
    tokens = B.words(candidate)
    if not tokens or len(tokens) > v.salute_max_words:
        return None
    lowered = [t.lower() for t in tokens]
    first = candidate.split()[0].lower()
    if first not in v.salute_first and lowered[0] not in v.salute_first:
        two = " ".join(candidate.lower().split()[:2])
        if two not in v.salute_first_two:
            return None
    lower_allowed = v.function_words | v.salute_lower
    for token in candidate.rstrip(":,").split():
        bare = token.strip("()")
        for article in v.elided:
            if bare.lower().startswith(article) and len(bare) > len(article):
                bare = bare[len(article) :]
                break
        if not (_capitalised(bare) or bare.lower() in lower_allowed):
            return None
    offset = text.find(candidate)
    return offset + len(candidate)


def is_closing_formula(text: str, vocabulary: Correspondence | None = None) -> bool:
    """``I have the honor to be, Sir, your obedient servant,``, ``Accept [etc.]``, ``Cordially yours,``."""
    v = vocabulary or correspondence()
    line = " ".join(text.split())
    if not line or B.count_words(line, v.closing_max_words) > v.closing_max_words:
        return False
    if v.closing_authority.match(line):
        return True
    if not v.closing_starts.match(line):
        return False
    tokens = B.words(line)
    return line.endswith(",") or (bool(tokens) and tokens[-1].lower() in v.closing_ends)


def _name_tokens(text: str, v: Correspondence) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= v.signature_max_words:
        return False
    letters = 0
    for position, token in enumerate(tokens):
        bare = re.sub(r"[\[\]]", "", token)
        if re.fullmatch(r"(?:[^\W\d_]\.){1,3}", bare):  # an initial or initials: "R.", "J.C."
            continue
        if bare.lower() in v.particles and 0 < position < len(tokens) - 1:
            continue
        if not re.fullmatch(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*\.?", bare) or not bare[0].isupper():
            return False
        letters += 1
    return letters > 0 or len(tokens) >= 2


def is_signature(line: str, vocabulary: Correspondence | None = None) -> bool:
    """A signature: ``Knabenshue``, ``R. C. Patterson, Jr.``, ``[Woodrow Wilson]``, ``(Signed) I. Motono``."""
    v = vocabulary or correspondence()
    text = line.strip()
    lowered = text.lower()
    for word in sorted(v.signed_words, key=len, reverse=True):
        if lowered.startswith(word + " "):
            text = text[len(word) :].strip()
            break
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    text = text.rstrip(".").strip()
    if not text or len(text) > 80:
        return False
    name, _, rest = text.partition(",")
    if rest and rest.strip().lower() not in v.suffixes and not is_office(rest, v):
        return False
    return _name_tokens(name, v)


def is_office(line: str, vocabulary: Correspondence | None = None) -> bool:
    """A line of office below a signature: ``Captain, U. S. A.``, ``Secretary``, ``Acting Secretary of State``."""
    v = vocabulary or correspondence()
    text = line.strip().rstrip(".,")
    if not text or B.count_words(text, v.signature_office_max_words) > v.signature_office_max_words:
        return False
    tokens = B.words(text)
    return bool(tokens) and all(_capitalised(t) or t.lower() in v.function_words for t in tokens)


def is_section_title(text: str, vocabulary: Correspondence | None = None) -> bool:
    """A title inside a letter's body: one line in title case, no full stop, not a name.

    ``Confidential Character of Reports of Minutes of Quai d’Orsay Conversations`` (an
    item of a bulletin); not ``Following from Keeley:``, not a quoted signature.
    """
    v = vocabulary or correspondence()
    if "\n" in text or len(text) > 160 or B.TERMINAL_RE.search(text) or text.endswith((",", "—", "-")):
        return False
    if not 3 <= B.count_words(text, 16) <= 16 or not text[:1].isupper():
        return False
    return _title_case(text, v) and not is_signature(text, v)


def is_approval(line: str, vocabulary: Correspondence | None = None) -> bool:
    """``Approved:`` heading an approval block."""
    v = vocabulary or correspondence()
    return line.strip().lower().rstrip(":") in v.approval or line.strip().lower() in v.approval


def telegram_number(body: list[B.Block]) -> re.Match[str] | None:
    """The number opening a letter's body (``59. Your September 8, …``) when it is not a list's first label.

    A list goes on with the next number in a later block; a telegram's number does not.
    """
    if not body:
        return None
    match = _TELEGRAM_NUMBER.match(body[0].lines[0].strip())
    if match is None:
        return None
    following = re.compile(rf"^\(?{int(match.group('number')) + 1}[.)]\s")
    return None if any(following.match(block.lines[0].strip()) for block in body[1:]) else match


# -- the document ------------------------------------------------------------------------------


@dataclass
class _Cursor:
    """A position in the blocks: block index and line index."""

    block: int = 0
    line: int = 0


def _clean(line: str, markdown: bool) -> str:
    """A line as the classifiers read it: stripped, and in Markdown without emphasis around it."""
    return B.strip_emphasis(line) if markdown else line.strip()


def _line_at(blocks: list[B.Block], cursor: _Cursor, markdown: bool = False) -> str | None:
    if cursor.block >= len(blocks):
        return None
    return _clean(blocks[cursor.block].lines[cursor.line], markdown)


def _advance(blocks: list[B.Block], cursor: _Cursor) -> None:
    cursor.line += 1
    if cursor.line >= len(blocks[cursor.block].lines):
        cursor.block += 1
        cursor.line = 0


def _next_line(blocks: list[B.Block], cursor: _Cursor, markdown: bool) -> str | None:
    probe = _Cursor(cursor.block, cursor.line)
    _advance(blocks, probe)
    return _line_at(blocks, probe, markdown)


def _opener_item(line: str, following: str | None, seen: set[str], v: Correspondence) -> list[Item] | None:
    """What an opener line is, or None where the opener ends."""
    bracket = bracket_kind(line, v)
    if bracket in (TRANSMISSION, VERSION, CLASSIFICATION):
        return [Item(bracket, line)]
    if bracket is None and not is_title_line(line, v):
        bare = bare_kind(line, v)
        if bare == ENCLOSURE:
            return None
        if bare is not None:
            return [Item(bare, line)]
    if bracket == ENCLOSURE:
        return None
    if bracket == RECEIVED or (DATELINE in seen and is_received_line(line, v)):
        return [Item(RECEIVED, line)]
    if file_number(line, v) is not None and FILE not in seen:
        return [Item(FILE, line)]
    if DATELINE not in seen:
        both = split_received(line, v)
        if both is not None:
            return [Item(DATELINE, both[0]), Item(RECEIVED, both[1])]
        if is_dateline(line, v):
            return [Item(DATELINE, line)]
        if is_office_line(line, following, v):
            return [Item(OFFICE, line)]
    if serial_number(line, v) is not None:
        return [Item(SERIAL, line)]
    if is_subject_line(line, v):
        return [Item(SUBJECT, line)]
    if is_title_line(line, v) and TITLE not in seen:
        return [Item(TITLE, line)]
    end = salutation_end(line, v)
    if end is not None and end >= len(line):
        return [Item(SALUTE, line)]
    return None


def _read_opener(
    blocks: list[B.Block], cursor: _Cursor, unit: Unit, *, heading: bool, markdown: bool, v: Correspondence
) -> None:
    """Take the opener lines at ``cursor`` into ``unit.opening`` (a heading first when ``heading``)."""
    seen: set[str] = set()
    while True:
        line = _line_at(blocks, cursor, markdown)
        if line is None:
            return
        following = _next_line(blocks, cursor, markdown)
        if heading and HEADING not in seen:
            division = heading_division(line, v)
            if division is not None:
                unit.opening.append(Item(HEADING, line))
                unit.division = division
                seen.add(HEADING)
                _advance(blocks, cursor)
                continue
        items = _opener_item(line, following, seen, v)
        if items is None:
            return
        for item in items:
            if item.kind == OFFICE:
                # The office line and the dateline below it are one dateline.
                _advance(blocks, cursor)
                dateline = _line_at(blocks, cursor, markdown) or ""
                item = Item(DATELINE, f"{line}\n{dateline}")
            unit.opening.append(item)
            seen.add(item.kind)
        _advance(blocks, cursor)
        if SALUTE in seen:
            return


def _closer_items(lines: list[str], v: Correspondence) -> list[Item] | None:
    """A block at the foot of a letter read as closer lines, or None when it is body text."""
    items: list[Item] = []
    signed: list[str] = []

    def flush() -> None:
        if signed:
            items.append(Item(SIGNED, "\n".join(signed)))
            signed.clear()

    approval = False
    for line in lines:
        if is_approval(line, v) and not signed:
            approval = True
            signed.append(line)
        elif (signed or approval) and not (len(signed) == 1 and approval) and is_office(line, v):
            signed.append(line)
        elif is_dateline(line, v) and not signed:
            items.append(Item(DATELINE, line))
        elif is_signature(line, v):
            if signed and not approval:
                flush()
            signed.append(line)
        elif is_closing_formula(line, v):
            flush()
            items.append(Item(SALUTE, line))
        elif serial_number(line, v) is not None and not signed:
            items.append(Item(SERIAL, line))
        else:
            return None
        if approval and len(signed) >= 2 and not is_signature(signed[1], v):
            return None
    flush()
    return items


def _closer_tail(lines: list[str], v: Correspondence) -> int | None:
    """Where the closer lines at the end of a block of prose begin, or None.

    The line before them must end a sentence, so that the last line of a wrapped
    paragraph (``… to\nPetrograd.``) is never taken for a signature.
    """
    for cut in range(1, len(lines)):
        tail = _closer_items(lines[cut:], v)
        if tail and any(item.kind == SIGNED for item in tail) and B.TERMINAL_RE.search(lines[cut - 1]):
            return cut
    return None


def _read_closer(body: list[B.Block], unit: Unit, markdown: bool, v: Correspondence) -> list[B.Block]:
    """Take the closer blocks from the end of ``body`` into ``unit.closing``; the rest is the body."""
    end = len(body)
    closing: list[Item] = []  # block by block from the foot up; put in reading order at the end
    while end > 0:
        block = body[end - 1]
        whole = [_clean(line, markdown) for line in block.lines] if len(block.lines) <= 8 else []
        if not closing and len(block.lines) > 1 and (not whole or _closer_items(whole, v) is None):
            # The signature typed right under the last paragraph, without a blank line.
            last = [_clean(line, markdown) for line in block.lines[-5:]]
            cut = _closer_tail(last, v)
            if cut is not None and cut > 0:
                cut += len(block.lines) - len(last)
                body = [*body[: end - 1], B.Block(block.lines[:cut], block.lineno)]
                body.append(B.Block(block.lines[cut:], block.lineno + cut))
                end += 1
                block = body[end - 1]
        if len(block.lines) > 8:
            break
        items = _closer_items([_clean(line, markdown) for line in block.lines], v)
        if items is None:
            # A closing formula of several lines ("I have the honor to be,\nSir,\nyour obedient servant,").
            if closing and is_closing_formula(block.one_line, v):
                items = [Item(SALUTE, block.text)]
            else:
                break
        closing.extend(reversed(items))
        end -= 1
    closing.reverse()
    if not any(item.kind == SIGNED for item in closing) and not any(item.kind == DATELINE for item in closing):
        return body
    if end == 0 and len(body) > 0:
        # Everything read as a closer: keep the first block as the body.
        return body
    unit.closing = closing
    return body[:end]


def _split_at(blocks: list[B.Block], cursor: _Cursor) -> list[B.Block]:
    """The blocks from ``cursor`` on, the current block cut at its line."""
    if cursor.block >= len(blocks):
        return []
    block = blocks[cursor.block]
    rest = blocks[cursor.block + 1 :]
    if cursor.line == 0:
        return [block, *rest]
    cut = B.Block(block.lines[cursor.line :], block.lineno + cursor.line)
    return [cut, *rest]


def _strict_back_start(blocks: list[B.Block]) -> int:
    """Trailing blocks that are surely not the letter: URLs, ``Source:`` lines, navigation, page numbers."""
    index = len(blocks)
    while index > 1:
        block = blocks[index - 1]
        lines = [B.strip_emphasis(line) for line in block.lines]
        sources = all(
            B.URL_ONLY_RE.match(line) or B.SOURCE_LINE_RE.match(line) or B.META_LINE_RE.match(line) for line in lines
        )
        if B.is_navigation(block) or B.is_page_number(block) or sources:
            index -= 1
            continue
        break
    return index


def _dateline_index(unit: Unit) -> int:
    """Where the dateline stands among the opener's lines (their number when there is none)."""
    return next((i for i, item in enumerate(unit.opening) if item.kind == DATELINE), len(unit.opening))


def _is_letter(unit: Unit, kinds: set[str], body: list[B.Block], before: int, v: Correspondence) -> bool:
    """Whether the opening lines show a letter.

    A heading needs one editorial line beside it (a dateline, file number, [Telegram],
    received line or salutation), or a date in itself when it heads a paper
    (``Notes of a Conversation … January 13, 1919``). Without a heading, the
    opening lines must hold a dateline and the letter address its reader at once (a salutation).
    """
    evidence = kinds & _EVIDENCE
    if HEADING in kinds:
        if evidence:
            return True
        heading = next(item.text for item in unit.opening if item.kind == HEADING)
        return _first_word(heading) in v.papers and bool(B.MONTH_RE.search(heading) and B.YEAR_RE.search(heading))
    if DATELINE not in kinds:
        return False
    return SALUTE in kinds or (bool(body) and salutation_end(body[0].text, v) is not None)


def read_letters(blocks: list[B.Block], *, markdown: bool = False) -> Letters | None:
    """The document as correspondence, or None when it does not have the shape of one.

    In Markdown, emphasis around a whole line (``**The Consul … to …**``) is typography: the
    lines are read, and kept, without it.
    """
    if not blocks:
        return None
    v = correspondence()
    back_start = _strict_back_start(blocks)
    content, back = blocks[:back_start], blocks[back_start:]
    # Enclosures start at a block whose first line is an enclosure line.
    starts = [0] + [
        index
        for index in range(1, len(content))
        if ENCLOSURE in (bracket_kind(first := _clean(content[index].lines[0], markdown), v), bare_kind(first, v))
    ]
    units: list[Unit] = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(content)
        part = content[start:stop]
        unit = Unit(division="letter")
        cursor = _Cursor()
        if number > 0:
            unit.marker = _clean(part[0].lines[0], markdown)
            unit.division = "enclosure"
            _advance(part, cursor)
        else:
            # A source-note line (file number, [Telegram]) may stand above the heading.
            while (line := _line_at(part, cursor, markdown)) is not None and (
                file_number(line, v) is not None or bracket_kind(line, v) in (TRANSMISSION, VERSION)
            ):
                unit.opening.append(Item(FILE if file_number(line, v) else bracket_kind(line, v) or "", line))
                _advance(part, cursor)
                if cursor.block > 0 or len(unit.opening) > 2:
                    break
        before = len(unit.opening)
        _read_opener(part, cursor, unit, heading=True, markdown=markdown, v=v)
        kinds = {item.kind for item in unit.opening}
        body = _split_at(part, cursor)
        if number == 0 and not _is_letter(unit, kinds, body, before, v):
            return None
        if number > 0:
            unit.division = "enclosure"
        elif unit.division == "letter":
            titles = [item for item in unit.opening if item.kind == TITLE]
            if titles:
                unit.division = v.papers.get(_first_word(titles[0].text), unit.division)
            if any(item.kind == SERIAL for item in unit.opening[: _dateline_index(unit)]):
                unit.division = v.serial_division
            for item in unit.opening:
                if item.kind == TRANSMISSION:
                    word = _first_word(item.text.strip("[]"))
                    unit.division = v.division.get(word, word)
                    break
        unit.body = _read_closer(body, unit, markdown, v)
        units.append(unit)
    return Letters(units=units, back=back)
