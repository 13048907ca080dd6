"""Split a text into blocks (runs of non-blank lines) and say what each block is.

Why: every structural decision of the readers (title block, paragraph, list,
furniture, citation) is a decision about a block or a line; keeping the
classification here keeps the tree building in ``structure.py`` simple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_RE = re.compile(rf"\b(?:{MONTHS})\b\.?", re.IGNORECASE)
YEAR_RE = re.compile(r"\b1[6-9]\d\d\b|\b20\d\d\b")
NUMERIC_DATE_RE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d\d-\d\d\b")
DATE_FILLER = re.compile(
    rf"^(?:\d{{1,4}}(?:st|nd|rd|th)?|{MONTHS}|of|the|and|to|or|old|new|style|O|N|S|OS|NS|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|\*(?:\s*\*){2,}|_{3,}|={3,})\s*$")
NAVIGATION_RE = re.compile(r"^\s*(?:\[[^\[\]\n]{1,40}\]\s*){2,}$")
LIST_ITEM_RE = re.compile(r"^\s*(?P<label>\(?(?P<n>\d{1,3}|[a-z]|[ivx]{1,5})[.)])(?P<space>\s*)(?P<rest>\S.*)$")
BULLET_RE = re.compile(r"^\s*(?P<label>[-*+•])\s+(?P<rest>\S.*)$")
_MD_HEADING_START = re.compile(r"\s{0,3}#{1,6}\s+")
CITATION_RE = re.compile(
    r"(?:\bpp?\.\s*\d+|\b[Vv]ol(?:ume)?\.?\s*[\divxlcIVXLC]+|\b[Nn]o\.\s*\d+|\bpages?\s+\d+|"
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?,\s*[ivxlcdm]+\b)"
)
SOURCE_LINE_RE = re.compile(r"^(?:Source|From|Sources?|Original source|Reference)\s*:", re.IGNORECASE)
META_LINE_RE = re.compile(
    r"^(?:Written|First [Pp]ublished|Published|Source|Translated|Translation|Transcri(?:bed|ption)[\w/ ]*|"
    r"HTML Markup|Markup|Proofread(?:ed)?|Online Version|Public Domain|Copyleft|Delivered|Original Source|"
    r"Editor|Edited|Notes?)\s*:\s*\S"
)
URL_ONLY_RE = re.compile(r"^\s*<?https?://\S+?>?\s*$")
SALUTE_RE = re.compile(
    r"^(?:To\s|Dear\b|Gentlemen\b|Sirs?\b|Mr\.?\s|Monsieur\b|Your\s+Excellenc|Excellenc|Citizens?\b|Comrades?\b)"
)
CLOSER_HINT_RE = re.compile(
    r"\((?:Signed|Sgd\.?)\)|^(?:Signed|Sgd\.)\b|^Yours\b|^I (?:have the honour|remain)|"
    r"\b(?:People's|People’s) Commissar\b|\bChairman\b|\bSecretary\b|\bCommissar for\b|"
    r"\bPresident of\b|\bMinister\b",
)
TERMINAL_RE = re.compile(r"[.!?:;…\"”’)\]*]\s*$")
REACTION_WORDS = re.compile(
    r"\b(?:applause|applauding|laughter|cheers|cheering|uproar|noise|commotion|ovation|voices?|shouts?|"
    r"exclamations?|interruptions?|hear|bravo|hisses|hissing|whistling|stir|sensation|movement|"
    r"cries|prolonged|stormy|loud)\b",
    re.IGNORECASE,
)
DOC_TYPES = (
    ("decree", "decree"),
    ("note", "note"),
    ("report", "report"),
    ("speech", "speech"),
    ("address", "speech"),
    ("telegram", "telegram"),
    ("radiogram", "telegram"),
    ("wireless", "telegram"),
    ("appeal", "appeal"),
    ("proclamation", "appeal"),
    ("manifesto", "manifesto"),
    ("declaration", "declaration"),
    ("statement", "declaration"),
    ("resolution", "resolution"),
    ("treaty", "treaty"),
    ("agreement", "treaty"),
    ("letter", "letter"),
    ("interview", "interview"),
    ("memorandum", "memorandum"),
    ("reply", "reply"),
    ("answer", "reply"),
    ("protest", "protest"),
    ("order", "order"),
    ("instruction", "order"),
    ("message", "message"),
    ("communiqu", "message"),
    ("ultimatum", "note"),
    ("circular", "note"),
    ("regulation", "decree"),
    ("law", "decree"),
    ("constitution", "decree"),
    ("programme", "declaration"),
    ("theses", "declaration"),
)


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines: the lines (indentation kept) and the 1-based first line."""

    lines: tuple[str, ...]
    lineno: int

    @cached_property
    def text(self) -> str:
        """The lines without indentation or trailing spaces, joined by newlines."""
        return "\n".join(line.strip() for line in self.lines)

    @cached_property
    def one_line(self) -> str:
        """The lines joined by single spaces: for classification only."""
        return " ".join(line.strip() for line in self.lines)


def split_blocks(text: str) -> list[Block]:
    """Cut ``text`` at blank lines; a separator line is a block of its own even without blanks."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or SEPARATOR_RE.match(line):
            if current:
                blocks.append(Block(tuple(current), start))
                current = []
            if line.strip():
                blocks.append(Block((line,), number))
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append(Block(tuple(current), start))
    return [piece for block in blocks for piece in _split_long_lines(block)]


#: A line this long is a whole paragraph: web copies put one paragraph on each line.
PARAGRAPH_LINE = 160


def _split_long_lines(block: Block) -> list[Block]:
    """Split a block whose lines are paragraphs of their own (no blank lines between them)."""
    if len(block.lines) < 2 or not any(len(line.strip()) >= PARAGRAPH_LINE for line in block.lines):
        return [block]
    if len(block.lines) == 1 and md_heading(block.lines[0]) is not None:
        return [block]
    pieces: list[Block] = []
    current: list[str] = [block.lines[0]]
    start = block.lineno
    for offset in range(1, len(block.lines)):
        previous, line = block.lines[offset - 1], block.lines[offset]
        if len(previous.strip()) >= PARAGRAPH_LINE or len(line.strip()) >= PARAGRAPH_LINE:
            pieces.append(Block(tuple(current), start))
            current, start = [], block.lineno + offset
        current.append(line)
    pieces.append(Block(tuple(current), start))
    return pieces


def words(text: str) -> list[str]:
    """The words of a string, for classification."""
    return _WORD_RE.findall(text)


def count_words(text: str, limit: int) -> int:
    """The number of words in ``text``, counting no further than ``limit + 1``.

    Why: the line tests ask "at most N words?" of lines that may be megabytes
    long; listing every word of such a line for each test cost memory and time.
    """
    count = 0
    for _ in _WORD_RE.finditer(text):
        count += 1
        if count > limit:
            break
    return count


def md_heading(text: str) -> str | None:
    """The text of a Markdown heading (``## Title ##`` -> ``Title``), or None when it is not one.

    Written without a regular expression for the closing hashes: ``(.*?)\\s*#*\\s*$``
    tried the whole suffix at every character, quadratic on a long run of ``#``.
    """
    start = _MD_HEADING_START.match(text)
    if start is None:
        return None
    rest = text[start.end() :].rstrip().rstrip("#").rstrip()
    return None if "\n" in rest else rest


def heading_text(text: str) -> str:
    """A heading block's text without Markdown heading syntax."""
    rest = md_heading(text)
    return text if rest is None else rest


def strip_emphasis(line: str) -> str:
    """A line without Markdown emphasis markers around it (``**x**``, ``*x*``, ``_x_``)."""
    stripped = line.strip()
    for marker in ("***", "**", "__", "*", "_"):
        if len(stripped) > 2 * len(marker) and stripped.startswith(marker) and stripped.endswith(marker):
            return stripped[len(marker) : -len(marker)].strip()
    return stripped


def is_date_line(line: str) -> bool:
    """A short line that is a date (with perhaps a place before it): a dateline or docDate."""
    plain = strip_emphasis(line)
    if not 0 < count_words(plain, 12) <= 12:
        return False
    tokens = words(plain)
    has_month = bool(MONTH_RE.search(plain))
    has_year = bool(YEAR_RE.search(plain))
    if NUMERIC_DATE_RE.search(plain) and len(tokens) <= 6:
        return True
    if not (has_month and (has_year or re.search(r"\d", plain))) and not (has_year and len(tokens) <= 3):
        return False
    other = [t for t in tokens if not DATE_FILLER.match(t)]
    # A place before the date ("Moscow, 6 December 1917") is allowed; prose is not.
    return len(other) <= 3 and all(t[0].isupper() for t in other)


def is_citation_line(line: str) -> bool:
    """A source reference such as ``Trotsky, iii, 2, p. 192`` or ``Vol. 26, pp. 249-53``."""
    plain = strip_emphasis(line)
    return count_words(plain, 25) <= 25 and bool(CITATION_RE.search(plain)) and not plain.endswith((":",))


def is_heading(block: Block) -> bool:
    """A short block in capitals (``DECREE ON PEACE``) or a Markdown heading."""
    if len(block.lines) == 1 and md_heading(block.lines[0]) is not None:
        return True
    if len(block.lines) > 3:
        return False
    text = strip_emphasis(block.one_line)
    if count_words(text, 16) > 16 or text.endswith((",", ";")):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_list_item(line: str) -> bool:
    """A numbered (``1.``, ``2)``, ``(a)``) or bulleted line."""
    match = LIST_ITEM_RE.match(line)
    if match:
        rest = match.group("rest")
        # "1917. The..." is not an item; neither is "I. e." — require a word start after the label.
        return bool(re.match(r"[\w\"“‘'(\[*]", rest))
    return bool(BULLET_RE.match(line)) and not SEPARATOR_RE.match(line)


def is_navigation(block: Block) -> bool:
    """Website navigation: a line of bracketed links such as ``[Subject] [Author] [Date]``."""
    return all(NAVIGATION_RE.match(line) for line in block.lines)


def is_footer(block: Block) -> bool:
    """A page/site footer such as ``*Source: Marxist Internet Archive*`` interrupting the text."""
    if len(block.lines) != 1:
        return False
    plain = strip_emphasis(block.lines[0])
    if len(plain) > 100:
        return False
    return bool(SOURCE_LINE_RE.match(plain)) or bool(re.fullmatch(r"[-–—\s]*\d{1,4}[-–—\s]*", plain))


def is_page_number(block: Block) -> bool:
    """A line that is only a page number (``12``, ``- 12 -``)."""
    return len(block.lines) == 1 and bool(re.fullmatch(r"[-–—\s]*\d{1,4}[-–—\s]*", strip_emphasis(block.lines[0])))


def is_closing_citation(block: Block) -> bool:
    """A source line at the end: italics, a URL, ``Source:``, or a short title without a full stop."""
    lines = [line.strip() for line in block.lines]
    if all(URL_ONLY_RE.match(line) or _is_wrapped_emphasis(line) for line in lines):
        return True
    if any(SOURCE_LINE_RE.match(strip_emphasis(line)) or META_LINE_RE.match(strip_emphasis(line)) for line in lines):
        return True
    if all(is_citation_line(line) or URL_ONLY_RE.match(line) for line in lines):
        return True
    if len(lines) == 1 and count_words(lines[0], 12) <= 12:
        tokens = words(lines[0])
        capitals = [t for t in tokens if t[0].isupper()]
        return (
            0 < len(tokens) <= 12
            and not TERMINAL_RE.search(lines[0])
            and len(capitals) >= max(1, len(tokens) // 2)
            and not is_heading(block)
        )
    return False


def _is_wrapped_emphasis(line: str) -> bool:
    return len(line) > 2 and line.startswith(("*", "_")) and line.rstrip().endswith(("*", "_"))


def ends_sentence(text: str) -> bool:
    """Whether a block ends where a paragraph may end."""
    return bool(TERMINAL_RE.search(text.rstrip()))


def starts_lowercase(text: str) -> bool:
    """Whether a block starts in the middle of a sentence."""
    for char in text.lstrip(" *_\"“‘'("):
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def document_type(title: str, default: str = "document") -> str:
    """The ``div/@type`` a title suggests: ``NOTE FROM TROTSKY`` -> ``note``."""
    lowered = title.lower()
    best: tuple[int, str] | None = None
    for keyword, kind in DOC_TYPES:
        match = re.search(rf"\b{keyword}", lowered)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else default
