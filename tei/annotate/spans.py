"""Wrap character spans of mixed content in new elements without losing a character.

Why this is hard: lxml keeps text in ``.text`` and ``.tail`` slots spread over
many nodes. ``flatten`` lays a container's text out as one string and remembers
which slot each character came from; ``wrap`` maps a span back and moves the
text (and any milestones in between) into the new element. A span whose ends
belong to different parents would cross an element boundary: it is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from tei.ns import local_name, text_content

#: Elements read as one space: furniture and milestones that may interrupt a name.
TRANSPARENT = frozenset({"fw", "pb", "lb", "cb", "gb", "note", "milestone", "anchor", "figure", "gap"})
#: Elements whose text is never annotated and never part of a match (shown as U+FFFC).
OPAQUE = frozenset(
    {
        "ref",
        "ptr",
        "title",
        "biblScope",
        "label",
        "idno",
        "num",
        "code",
        "corr",
        "expan",
        "reg",
        "persName",
        "placeName",
        "orgName",
        "date",
        "name",
        "rs",
        "geogName",
        "roleName",
        "measure",
        "time",
    }
)
#: Elements whose content is annotated as a container of its own (they may sit inside a paragraph).
BLOCKS = frozenset(
    {
        "p",
        "ab",
        "head",
        "item",
        "titlePart",
        "docAuthor",
        "docDate",
        "dateline",
        "salute",
        "signed",
        "byline",
        "fw",
        "bibl",
        "l",
        "cell",
        "trailer",
        "argument",
        "docImprint",
        "meeting",
        "stage",
        "note",
        "closer",
        "opener",
    }
)
_OPAQUE_CHAR = "\ufffc"
_BRACKETS = {"supplied": ("[", "]")}


@dataclass
class _Segment:
    """One text slot: ``owner`` holds it as ``.text`` when ``child`` is None, else ``child.tail``."""

    start: int
    length: int
    owner: etree._Element
    child: etree._Element | None

    def get(self) -> str:
        return (self.owner.text if self.child is None else self.child.tail) or ""

    def set(self, value: str) -> None:
        if self.child is None:
            self.owner.text = value or None
        else:
            self.child.tail = value or None


@dataclass
class Flat:
    """The flattened text of a container and where each mappable character came from."""

    text: str
    segments: list[_Segment] = field(default_factory=list)

    def segment_at(self, offset: int) -> _Segment | None:
        """The slot holding character ``offset`` (None for virtual characters)."""
        low, high = 0, len(self.segments) - 1
        while low <= high:
            mid = (low + high) // 2
            segment = self.segments[mid]
            if offset < segment.start:
                high = mid - 1
            elif offset >= segment.start + segment.length:
                low = mid + 1
            else:
                return segment
        return None


def flatten(container: etree._Element) -> Flat:
    """Lay out the annotatable text of ``container`` as one string."""
    parts: list[str] = []
    segments: list[_Segment] = []
    position = 0

    def add(text: str, owner: etree._Element | None, child: etree._Element | None) -> None:
        nonlocal position
        if not text:
            return
        if owner is not None:
            segments.append(_Segment(position, len(text), owner, child))
        parts.append(text)
        position += len(text)

    def walk(element: etree._Element) -> None:
        add(element.text or "", element, None)
        for child in element:
            name = local_name(child)
            if not name:  # comment or processing instruction
                pass
            elif name in TRANSPARENT or name in BLOCKS:
                add(" ", None, None)
            elif name in OPAQUE:
                add(_OPAQUE_CHAR * max(1, len(text_content(child))), None, None)
            else:
                open_mark, close_mark = _BRACKETS.get(name, ("", ""))
                add(open_mark, None, None)
                walk(child)
                add(close_mark, None, None)
            add(child.tail or "", element, child)

    walk(container)
    return Flat("".join(parts), segments)


def wrap(flat: Flat, start: int, end: int, element: etree._Element) -> bool:
    """Move ``flat.text[start:end]`` into ``element``; False (and no change) if it would cross a boundary.

    Spans of one container must be wrapped right to left so that earlier offsets stay valid.
    """
    if start >= end:
        return False
    first = flat.segment_at(start)
    last = flat.segment_at(end - 1)
    if first is None or last is None or first.owner is not last.owner:
        return False
    owner = first.owner
    children = list(owner)
    first_index = -1 if first.child is None else children.index(first.child)
    last_index = -1 if last.child is None else children.index(last.child)
    if last_index < first_index:
        return False
    first_text = first.get()
    cut = start - first.start
    if first is last:
        inner = first_text[cut : end - first.start]
        element.text = inner
        element.tail = first_text[end - first.start :] or None
        first.set(first_text[:cut])
        owner.insert(first_index + 1, element)
        return True
    last_text = last.get()
    last_cut = end - last.start
    element.text = first_text[cut:] or None
    moved = children[first_index + 1 : last_index + 1]
    first.set(first_text[:cut])
    for child in moved:
        element.append(child)  # appending moves the child together with its tail
    moved[-1].tail = last_text[:last_cut] or None
    element.tail = last_text[last_cut:] or None
    owner.insert(first_index + 1, element)
    return True


def wrap_all(flat: Flat, spans: Sequence[tuple[int, int, etree._Element]]) -> None:
    """Wrap non-overlapping spans given in order of ``start``: the same result as :func:`wrap` right to left.

    Why not a loop over ``wrap``: each call copies its slot's text and lists its
    parent's children, so a paragraph of one 10 MB line with 10^5 names took
    hours. Runs of spans inside one slot are cut out of it in one pass here.
    """
    index = len(spans) - 1
    while index >= 0:
        start, end, element = spans[index]
        slot = flat.segment_at(start) if start < end else None
        if slot is None or flat.segment_at(end - 1) is not slot:
            wrap(flat, start, end, element)
            index -= 1
            continue
        run = index
        while run > 0:
            before_start, before_end = spans[run - 1][0], spans[run - 1][1]
            if before_start >= before_end or flat.segment_at(before_start) is not slot:
                break
            if flat.segment_at(before_end - 1) is not slot:
                break
            run -= 1
        _wrap_run(slot, spans[run : index + 1])
        index = run - 1


def _wrap_run(slot: _Segment, run: Sequence[tuple[int, int, etree._Element]]) -> None:
    """Cut ascending, non-overlapping spans out of one text slot, each into its element."""
    text = slot.get()
    base = slot.start
    slot.set(text[: run[0][0] - base])
    previous: etree._Element | None = slot.child
    for number, (start, end, element) in enumerate(run):
        following = run[number + 1][0] if number + 1 < len(run) else None
        element.text = text[start - base : end - base]
        element.tail = (text[end - base : following - base] if following is not None else text[end - base :]) or None
        if previous is None:
            slot.owner.insert(0, element)
        else:
            previous.addnext(element)
        previous = element


def containers(root: etree._Element) -> list[etree._Element]:
    """The block elements under ``root`` whose text is annotated, in document order."""
    found: list[etree._Element] = []

    def visit(element: etree._Element, inside_opaque: bool) -> None:
        for child in element:
            name = local_name(child)
            if not name:
                continue
            opaque = inside_opaque or name in OPAQUE
            if name in BLOCKS and not opaque:
                found.append(child)
            visit(child, opaque)

    visit(root, False)
    return found
