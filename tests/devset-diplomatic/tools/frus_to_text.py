#!/usr/bin/env python3
"""Turn raw FRUS ``<div type="document">`` files into typed text and silver gold.

Usage::

    python tests/devset-diplomatic/tools/frus_to_text.py            # raw/ -> dev/, dev2/ and test/
    python tests/devset-diplomatic/tools/frus_to_text.py --check    # fail if dev/, dev2/ or test/ differs

Not part of the ``tei`` package: a one-off, deterministic converter for the
diplomatic dev set (stdlib + lxml). Each ``raw/VOLUME-dN.xml`` becomes
``SPLIT/VOLUME-dN.txt`` laid out as a typist would copy the printed page, and
``SPLIT/VOLUME-dN.json`` with the gold computed from the FRUS markup (exact
offsets into the .txt), then corrected by hand and, for fully annotated
documents, completed from a TSV. SPLIT is ``dev``, ``dev2`` (the second DEV
batch, listed by name in ``dev2-documents.txt``) or ``test`` (by volume,
``TEST_VOLUMES``); the hand work of the dev split is in ``corrections.json``
and ``full/``, that of the second batch in ``dev2-corrections.json`` and
``full-dev2/``, that of the test split in ``test-corrections.json`` and
``full-test/`` (kept apart so that rule writers need not open them). The
README beside this folder states every layout and gold convention.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
WRAP = f'<wrap xmlns="{TEI}" xmlns:frus="{FRUS}">'

# Private-use marks carried through whitespace normalisation: open/close per kind.
MARKS = {"pers": ("\ue000", "\ue001"), "dldate": ("\ue002", "\ue003")}
OPEN = {v[0]: k for k, v in MARKS.items()}
CLOSE = {v[1]: k for k, v in MARKS.items()}
# A clock time or query after the date inside a FRUS <date>: not part of the date.
DATE_TAIL = re.compile(
    r"(\s*[—,-]\s*(\d{1,2}(:\d\d)?\s*([ap]\.\s?m\.|noon|midnight)|noon|midnight)|\s*\(\?\))\.?\s*$"
)
LB = "\ue010"  # a <lb/>: a new typed line
ENTITY_TYPES = ("persName", "placeName", "orgName", "date")


def local(el: etree._Element) -> str:
    tag = el.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


@dataclass
class Line:
    """One typed line (or paragraph) and the marked spans inside it."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def inline(el: etree._Element, *, marks: bool = True, skip: frozenset[str] = frozenset()) -> str:
    """The printed text of an element, with marks around persons and the dateline date.

    Notes (footnotes) and page breaks are dropped; whitespace that only comes from
    FRUS's pretty-printing (a run holding a newline at the inner edge of an element)
    is dropped, so ``(<persName>\\n <hi>House</hi>\\n</persName>)`` types as ``(House)``.
    """
    parts: list[str] = []

    def edge(text: str, first: bool, last: bool) -> str:
        if first and text.strip() == "" and "\n" in text:
            return ""
        if last and "\n" in text and text.strip() == "":
            return ""
        return text

    def visit(node: etree._Element) -> None:
        name = local(node)
        kind = None
        if marks and name == "persName":
            kind = "pers"
        elif marks and name == "date" and node.get("dlmark") == "1":
            kind = "dldate"
        if kind:
            parts.append(MARKS[kind][0])
        children = [c for c in node if isinstance(c.tag, str)]
        parts.append(edge(node.text or "", True, not children))
        for i, child in enumerate(children):
            cname = local(child)
            if cname not in ("note", "pb", "lb") and cname not in skip:
                visit(child)
            elif cname == "lb":
                parts.append(LB)
            parts.append(edge(child.tail or "", False, i == len(children) - 1))
        if kind:
            parts.append(MARKS[kind][1])

    visit(el)
    return "".join(parts)


def to_line(raw: str) -> Line:
    """Collapse whitespace and turn marks into spans."""
    raw = re.sub(r"\s+", " ", raw)
    # A space just inside a mark moves outside it.
    for o in OPEN:
        raw = raw.replace(o + " ", " " + o)
    for c in CLOSE:
        raw = raw.replace(" " + c, c + " ")
    raw = re.sub(r" +", " ", raw).strip()
    text: list[str] = []
    spans: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []
    for ch in raw:
        if ch in OPEN:
            stack.append((OPEN[ch], len(text)))
        elif ch in CLOSE:
            kind, start = stack.pop()
            if len(text) > start:
                spans.append((start, len(text), kind))
        else:
            text.append(ch)
    out = "".join(text)
    # Strip spaces the marks left at the ends.
    lead = len(out) - len(out.lstrip())
    out = out.strip()
    spans = [(s - lead, e - lead, k) for s, e, k in spans]
    return Line(out, sorted(spans))


def split_lb(el: etree._Element) -> list[Line]:
    """An element whose <lb/>s separate typed lines."""
    return [to_line(part) for part in inline(el).split(LB) if part.strip()]


class Layout:
    """Collects blocks (lists of lines) and the document-level facts."""

    def __init__(self) -> None:
        self.blocks: list[list[Line]] = []
        self.tight: list[bool] = []
        self.heading = ""
        self.dateline: str | None = None
        self.signed: list[str] = []
        self.sig_spans: list[tuple[int, int]] = []  # (block, line) of signature lines

    def add(self, lines: list[Line], *, tight: bool = False) -> None:
        """A block; consecutive ``tight`` blocks (heading, opener lines) take no blank line between."""
        lines = [ln for ln in lines if ln.text]
        if lines:
            self.blocks.append(lines)
            self.tight.append(tight)


def paragraphs(el: etree._Element, out: Layout) -> None:
    """Paragraph-like content: p, list items, quotes, each a block of its own."""
    name = local(el)
    if name in ("list",):
        label = ""
        for child in el:
            if not isinstance(child.tag, str):
                continue
            cname = local(child)
            if cname == "label":
                label = to_line(inline(child)).text
            elif cname == "item":
                nested = [c for c in child if isinstance(c.tag, str) and local(c) in ("list", "p", "quote")]
                if nested:
                    head = to_line(inline(child, skip=frozenset({"list", "p", "quote"})))
                    out.add([prefix(label, head)])
                    for n in nested:
                        paragraphs(n, out)
                else:
                    out.add([prefix(label, to_line(inline(child)))])
                label = ""
        return
    if name == "quote":
        for child in el:
            if isinstance(child.tag, str):
                paragraphs(child, out)
        return
    if name == "p":
        nested = [c for c in el if isinstance(c.tag, str) and local(c) in ("list", "quote")]
        if nested:
            out.add([to_line(inline(el, skip=frozenset({"list", "quote"})))])
            for n in nested:
                paragraphs(n, out)
        else:
            out.add(split_lb(el) if el.find(f"{{{TEI}}}lb") is not None else [to_line(inline(el))])
        return
    out.add([to_line(inline(el))])


def prefix(label: str, line: Line) -> Line:
    if not label:
        return line
    shift = len(label) + 1
    return Line(f"{label} {line.text}", [(s + shift, e + shift, k) for s, e, k in line.spans])


def dateline_lines(dl: etree._Element, out: Layout, *, opener: bool = True, own: bool = True) -> None:
    """The dateline (place, date, time) and a [Received …] part on its own line.

    ``own`` is false for an enclosure's dateline: typed the same way, but its date
    is not the document's dateline date."""
    dates = dl.findall(f".//{{{TEI}}}date")
    if own and dates and dates[0].get("when") and re.search(r"\d", "".join(dates[0].itertext())):
        dates[0].set("dlmark", "1")
    lines = split_lb(dl)
    for d in dates:
        d.attrib.pop("dlmark", None)
    if not lines:
        return
    # The dateline proper is the line holding the date (older volumes print
    # "American Embassy," on a line of its own above it).
    at = next((i for i, ln in enumerate(lines) if any(k == "dldate" for _, _, k in ln.spans)), 0)
    for ln in lines[:at]:
        out.add([ln], tight=opener)
    first, rest = lines[at], lines[at + 1 :]
    # Trim a clock time out of the dateline date span (the time is not a date).
    spans = []
    for s, e, k in first.spans:
        if k == "dldate":
            m = DATE_TAIL.search(first.text[s:e])
            if m:
                e = s + m.start()
            # The sentence's full stop inside FRUS's <date> (Lansing papers) is not the date's.
            if first.text[s:e].endswith(".") and first.text[s:e - 1][-1:].isdigit():
                e -= 1
        spans.append((s, e, k))
    first = Line(first.text, spans)
    out.dateline = first.text
    out.add([first], tight=opener)
    for ln in rest:
        out.add([ln], tight=opener)


def source_lines(note: etree._Element, out: Layout) -> None:
    """FRUS's source note -> ``[Telegram]`` and ``File No. …`` lines as printed in older volumes."""
    text = " ".join("".join(note.itertext()).split())
    number, _, kind = text.partition(":")
    lines = []
    if "telegram" in kind.lower() or text.lower().endswith("telegram"):
        lines.append(Line("[Telegram]"))
    if re.search(r"\d", number):
        number = re.sub(r"^File No\.\s*", "", number.strip())
        lines.append(Line(f"File No. {number}"))
    for ln in lines:
        out.add([ln], tight=True)


def closer_lines(cl: etree._Element, out: Layout, *, own: bool = True) -> None:
    """Closing lines; a dateline inside the closer stays a dateline (printed last).

    A signature FRUS left untagged is a person: the whole <signed> text is one
    persName (FRUS tags signatures in some volumes and not in others)."""
    children = [c for c in cl if isinstance(c.tag, str)]
    # A dateline printed below the signature (an executive order, a letter closing
    # with its place and date) is typed below it; one above it (or alone) first.
    late = [c for i, c in enumerate(children)
            if local(c) == "dateline" and any(local(p) == "signed" for p in children[:i])]
    for child in children:
        if local(child) == "dateline" and child not in late:
            dateline_lines(child, out, opener=False, own=own)
    for signed in cl.iter(f"{{{TEI}}}signed"):
        items = list(signed.iter(f"{{{TEI}}}item"))
        if items:
            # Joint signatures (a list of names) are typed one name a line.
            for item in items[:-1]:
                etree.SubElement(item, f"{{{TEI}}}lb")
            out.signed.extend(to_line(inline(item, marks=False).replace(LB, "")).text for item in items)
            continue
        # A <signed> holding a title line below the name (<lb/>) is the name line.
        parts = [part for part in inline(signed, marks=False).split(LB) if part.strip()]
        out.signed.append(to_line(parts[0] if parts else "").text)
        if signed.find(f".//{{{TEI}}}persName") is None:
            wrapper = etree.SubElement(signed, f"{{{TEI}}}persName")
            wrapper.text = signed.text
            signed.text = None
            for kid in list(signed):
                if kid is not wrapper:
                    wrapper.append(kid)
            # Move the wrapper's tail-less content back in order.
            signed.remove(wrapper)
            signed.insert(0, wrapper)
    lines = [to_line(part) for part in inline(cl, skip=frozenset({"dateline"})).split(LB) if part.strip()]
    out.add(lines)
    for child in late:
        dateline_lines(child, out, opener=False, own=own)


def opener_lines(op: etree._Element, out: Layout, *, own: bool = True) -> None:
    """An opener's parts, each typed on its own line; text standing in the opener
    itself (``F. O. NO. 53]`` before the dateline of an enclosure) is a line too."""
    if (op.text or "").strip():
        out.add([to_line(op.text or "")], tight=True)
    for part in op:
        if not isinstance(part.tag, str):
            continue
        if local(part) == "dateline":
            dateline_lines(part, out, own=own)
        elif local(part) != "lb":
            out.add(split_lb(part), tight=True)
        if (part.tail or "").strip():
            out.add([to_line(part.tail or "")], tight=True)


def attachment_lines(att: etree._Element, out: Layout) -> None:
    """An enclosure (``frus:attachment``) typed after the covering document, as printed:
    its ``[Enclosure]`` line and heading tight above its own dateline, then its
    paragraphs and its closing. Only the covering document's heading, dateline and
    signature are the document-level facts, so those of the enclosure are kept
    aside and restored."""
    heading, dateline, signed = out.heading, out.dateline, list(out.signed)
    for child in att:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "head":
            out.add([to_line(inline(child))], tight=True)
        elif name == "opener":
            opener_lines(child, out, own=False)
            continue
        elif name == "dateline":
            dateline_lines(child, out, own=False)
        elif name == "closer":
            closer_lines(child, out, own=False)
        elif name == "postscript":
            for p in child:
                if isinstance(p.tag, str):
                    paragraphs(p, out)
        elif name == "pb":
            continue
        elif name == "attachment":
            attachment_lines(child, out)
        else:
            paragraphs(child, out)
    out.heading, out.dateline = heading, dateline
    out.signed[:] = signed


def convert(raw_xml: str) -> tuple[str, dict[str, Any]]:
    root = etree.fromstring((WRAP + raw_xml + "</wrap>").encode("utf-8"))
    doc = root[0]
    out = Layout()
    when_doc = (doc.get(f"{{{FRUS}}}doc-dateTime-min") or "")[:10]
    for child in doc:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "note" and child.get("type") == "source":
            source_lines(child, out)
        elif name == "head":
            line = to_line(inline(child))
            out.heading = line.text
            out.blocks.insert(0, [line])
            out.tight.insert(0, True)
        elif name == "opener":
            opener_lines(child, out)
        elif name == "dateline":
            dateline_lines(child, out)
        elif name == "closer":
            closer_lines(child, out)
        elif name == "postscript":
            for p in child:
                if isinstance(p.tag, str):
                    paragraphs(p, out)
        elif name in ("p", "list", "quote"):
            paragraphs(child, out)
        elif name == "pb":
            continue
        elif name == "attachment":
            attachment_lines(child, out)
        else:
            paragraphs(child, out)
    # Lay out: blocks separated by a blank line; the heading, the [..] and file lines,
    # the dateline and received line each on their own line.
    text_parts: list[str] = []
    entities: list[dict[str, Any]] = []
    pos = 0
    dl_when = None
    for i, block in enumerate(out.blocks):
        if i and not (out.tight[i] and out.tight[i - 1]):
            text_parts.append("\n")
            pos += 1
        for ln in block:
            for s, e, k in ln.spans:
                entities.append({"kind": k, "start": pos + s, "end": pos + e})
            text_parts.append(ln.text + "\n")
            pos += len(ln.text) + 1
    text = "".join(text_parts).rstrip("\n") + "\n"
    dl_date = None
    for d in doc.iter(f"{{{TEI}}}date"):
        if d.getparent() is not None and local(d.getparent()) == "dateline" and d.get("when"):
            dl_date = d.get("when", "")[:10]
            break
    gold: list[dict[str, Any]] = []
    for ent in entities:
        surface = text[ent["start"]: ent["end"]]
        if ent["kind"] == "pers":
            gold.append({"type": "persName", "text": surface, "start": ent["start"]})
        elif ent["kind"] == "dldate" and dl_date:
            dl_when = dl_date
            gold.append({"type": "date", "text": surface, "start": ent["start"], "when": dl_date, "role": "dateline"})
    meta = {
        "title": out.heading,
        "author": None,
        "date": dl_when or when_doc,
        "heading": out.heading,
        "dateline": out.dateline,
        "signed": out.signed,
        "annotated": ["persName", "date:dateline"],
        "entities": gold,
    }
    return text, meta


# --- corrections and full annotation -------------------------------------------------

WORD = r"(?<![\w’'-]){}(?![\w-])"


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every raw-substring occurrence (str.find from every position)."""
    found, i = [], text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def overlaps(ents: list[dict[str, Any]], start: int, end: int) -> bool:
    return any(start < e["start"] + len(e["text"]) and e["start"] < end for e in ents)


def apply_edits(text: str, ents: list[dict[str, Any]], edits: list[dict[str, Any]], name: str) -> None:
    """Apply hand corrections: ``add`` (all free word-bounded matches, or the n-th raw
    occurrence) and ``remove`` (the n-th raw occurrence's entity)."""
    for edit in edits:
        needle = edit["text"]
        starts = occurrences(text, needle)
        if not starts:
            raise SystemExit(f"{name}: {needle!r} not in text")
        if edit["op"] == "remove":
            start = starts[edit.get("occurrence", 1) - 1]
            before = len(ents)
            ents[:] = [e for e in ents if not (e["start"] == start and e["text"] == needle)]
            if len(ents) == before:
                raise SystemExit(f"{name}: nothing to remove at {needle!r}")
            continue
        if "occurrence" in edit:
            chosen = [starts[edit["occurrence"] - 1]]
        else:
            pattern = re.compile(WORD.format(re.escape(needle)))
            chosen = [m.start() for m in pattern.finditer(text)]
        added = 0
        for start in chosen:
            if overlaps(ents, start, start + len(needle)):
                continue
            ent = {"type": edit.get("type", "persName"), "text": needle, "start": start}
            for key in ("when", "to", "when_julian", "to_julian"):
                if key in edit:
                    ent[key] = edit[key]
            ents.append(ent)
            added += 1
        if not added and edit.get("strict", True):
            raise SystemExit(f"{name}: add {needle!r} found no free occurrence")


def read_full(path: Path) -> list[dict[str, Any]]:
    """``type<TAB>text[<TAB>when[/to]][<TAB>occurrence][<TAB>when_julian[/to_julian]]`` per line;
    ``#`` comments. The Julian column is for Old Style dates (``July 10`` of ``July 10 (23), 1914``)."""
    edits = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        edit: dict[str, Any] = {"op": "add", "type": cols[0], "text": cols[1].replace("\\n", "\n")}
        if len(cols) > 2 and cols[2]:
            when, _, to = cols[2].partition("/")
            edit["when"] = when
            if to:
                edit["to"] = to
        if len(cols) > 3 and cols[3]:
            edit["occurrence"] = int(cols[3])
        if len(cols) > 4 and cols[4]:
            julian, _, to_julian = cols[4].partition("/")
            edit["when_julian"] = julian
            if to_julian:
                edit["to_julian"] = to_julian
        edits.append(edit)
    # Longest first, so a long name is placed before the shorter names inside it.
    return sorted(edits, key=lambda e: -len(e["text"]))


def finish(text: str, meta: dict[str, Any]) -> dict[str, Any]:
    ents = meta["entities"]
    ents.sort(key=lambda e: e["start"])
    for e in ents:
        e["occurrence"] = occurrences(text, e["text"]).index(e["start"]) + 1
    ordered = []
    for e in ents:
        item = {"type": e["type"], "text": e["text"], "occurrence": e["occurrence"], "start": e["start"]}
        for key in ("when", "to", "when_julian", "to_julian", "role"):
            if key in e:
                item[key] = e[key]
        ordered.append(item)
    meta["entities"] = ordered
    return meta


def split_of(name: str) -> str:
    """``test`` for the volumes reserved for the blind test split; ``dev2`` for the
    documents of the second DEV batch (listed in ``dev2-documents.txt``); else ``dev``."""
    if name.rsplit("-", 1)[0] in TEST_VOLUMES:
        return "test"
    return "dev2" if name in DEV2_DOCUMENTS else "dev"


def build(name: str, corrections: dict[str, Any]) -> tuple[str, str]:
    raw = (ROOT / "raw" / f"{name}.xml").read_text(encoding="utf-8")
    text, meta = convert(raw)
    fix = corrections.get(name, {})
    if fix.get("edits"):
        apply_edits(text, meta["entities"], fix["edits"], name)
    full = HERE / FULL[split_of(name)] / f"{name}.tsv"
    if full.exists():
        apply_edits(text, meta["entities"], read_full(full), name)
        meta["annotated"] = list(ENTITY_TYPES)
    meta["source"] = source_of(name, raw)
    meta = finish(text, meta)
    return text, json.dumps(meta, ensure_ascii=False, indent=1) + "\n"


COMMITS = {
    "frus1914Supp": "13a56f8e55b799a01b5fe4f97cc9adf1779ca2ed",
    "frus1917Supp02v02": "0383e70904ac8b414368c29e3aa34a04bc290c0a",
    "frus1914-20v01": "0386f315c0d2b2bfa782a841ccb92548e0630838",
    "frus1924v02": "c214b8fed54c9fe7e60f68c9834ce5b6a50bf1b2",
    "frus1919Parisv01": "00b298df415d8124c98685da0ea6b077240ab070",
    "frus1919Parisv11": "04bdb4fc161f4f0f043de9c5e8cc7c1b51ea9466",
    "frus1925v02": "02a5dfbce8bf900323251aa143a9df93d17beb82",
    "frus1927v01": "1de1594175cc4d1baa80d9417f673891b4ffbc0b",
    "frus1930v01": "d5fcc2401ddc5d871610270c0e80d3cb249273d7",
    "frus1901": "55c7589bb440638be773edf3568124870b2f992f",
    "frus1901China": "d5fcc2401ddc5d871610270c0e80d3cb249273d7",
}


# Volumes of the blind TEST split (README, "Split policy"): no rule is written from them.
TEST_VOLUMES = frozenset({"frus1917Supp02v02", "frus1914-20v01", "frus1914-20v02", "frus1924v02"})
CORRECTIONS = {"dev": "corrections.json", "test": "test-corrections.json", "dev2": "dev2-corrections.json"}
FULL = {"dev": "full", "test": "full-test", "dev2": "full-dev2"}
# The second DEV batch (README, "The second DEV batch"): documents chosen for variety,
# some from the first batch's volumes, so they are listed by name, not by volume.
DEV2_DOCUMENTS = frozenset(
    line.strip()
    for line in (HERE / "dev2-documents.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def source_of(name: str, raw: str) -> dict[str, str]:
    volume, docid = name.rsplit("-", 1)
    if volume not in COMMITS:
        raise SystemExit(f"{name}: add the commit {volume}.xml was read at to COMMITS in {Path(__file__).name}")
    return {
        "repo": "HistoryAtState/frus",
        "path": f"volumes/{volume}.xml",
        "commit": COMMITS[volume],
        "xml:id": docid,
        "url": f"https://history.state.gov/historicaldocuments/{volume}/{docid}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with dev/, dev2/ and test/ instead of writing")
    parser.add_argument("names", nargs="*", help="only these documents")
    args = parser.parse_args(argv)
    corrections = {
        split: json.loads((HERE / file).read_text(encoding="utf-8")) if (HERE / file).exists() else {}
        for split, file in CORRECTIONS.items()
    }
    names = args.names or sorted(p.stem for p in (ROOT / "raw").glob("*.xml"))
    stale = 0
    for name in names:
        split = split_of(name)
        folder = ROOT / split
        folder.mkdir(exist_ok=True)
        text, gold = build(name, corrections[split])
        for suffix, content in ((".txt", text), (".json", gold)):
            path = folder / f"{name}{suffix}"
            if args.check:
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    print(f"{path}: differs from what the converter makes", file=sys.stderr)
                    stale += 1
            else:
                path.write_text(content, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
