"""Score name and date markup against gold annotations (the JSON form of ../shared/gold).

Why in the package: editors tune registers on their own annotated documents,
and the tests hold the toolkit to its figures. Scoring follows the gold
README: outermost entity elements anywhere in TEI ``<text>`` are compared with
the gold entities as multisets of (type, surface text); matched dates are then
checked for ``@when`` (and ``@to``) and for their Old-Style marking.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei import files, safexml
from tei.ns import TEI_NS, local_name

ENTITY_TAGS = ("persName", "placeName", "orgName", "date")
_SKIP_TEXT = frozenset({"fw", "note", "pb", "lb"})


@dataclass(frozen=True)
class Entity:
    """One annotated mention: its type, surface text, and date attributes if any."""

    type: str
    text: str
    when: str | None = None
    to: str | None = None
    julian: str | None = None


@dataclass
class Score:
    """Counts for one document or a whole set; figures are derived."""

    true_positive: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    dates_matched: int = 0
    when_correct: int = 0
    julian_checked: int = 0
    julian_correct: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.true_positive.update(other.true_positive)
        self.predicted.update(other.predicted)
        self.gold.update(other.gold)
        self.dates_matched += other.dates_matched
        self.when_correct += other.when_correct
        self.julian_checked += other.julian_checked
        self.julian_correct += other.julian_correct
        self.misses.extend(other.misses)
        self.spurious.extend(other.spurious)
        self.wrong_dates.extend(other.wrong_dates)

    def prf(self, types: tuple[str, ...]) -> tuple[float, float, float]:
        """Precision, recall and F1 over the given entity types."""
        tp = sum(self.true_positive[t] for t in types)
        predicted = sum(self.predicted[t] for t in types)
        gold = sum(self.gold[t] for t in types)
        precision = tp / predicted if predicted else 1.0
        recall = tp / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def when_accuracy(self) -> float:
        return self.when_correct / self.dates_matched if self.dates_matched else 1.0

    @property
    def julian_accuracy(self) -> float:
        return self.julian_correct / self.julian_checked if self.julian_checked else 1.0

    def table(self) -> str:
        """A human-readable table of the figures."""
        rows = ["type         P      R      F1    gold  found"]
        for label, types in (
            ("persName", ("persName",)),
            ("placeName", ("placeName",)),
            ("orgName", ("orgName",)),
            ("names", ("persName", "placeName", "orgName")),
            ("date", ("date",)),
        ):
            p, r, f = self.prf(types)
            gold = sum(self.gold[t] for t in types)
            found = sum(self.predicted[t] for t in types)
            rows.append(f"{label:10s} {p:6.3f} {r:6.3f} {f:6.3f} {gold:6d} {found:6d}")
        rows.append(f"@when accuracy {self.when_accuracy:.3f} over {self.dates_matched} matched dates")
        rows.append(f"Julian marking {self.julian_accuracy:.3f} over {self.julian_checked} dates")
        return "\n".join(rows)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _surface(element: etree._Element) -> str:
    """The text of an entity without furniture or notes inside it."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        parts.append(node.text or "")
        for child in node:
            if local_name(child) not in _SKIP_TEXT:
                visit(child)
            parts.append(child.tail or "")

    visit(element)
    return _norm("".join(parts))


def entities_from_tei(root: etree._Element) -> list[Entity]:
    """Outermost persName/placeName/orgName/date elements under TEI ``<text>``, in order."""
    text_el = root if local_name(root) == "text" else root.find(f"{{{TEI_NS}}}text")
    if text_el is None:
        return []
    found: list[Entity] = []

    def visit(element: etree._Element) -> None:
        for child in element:
            name = local_name(child)
            if name in ENTITY_TAGS:
                julian = None
                if child.get("calendar") == "#julian" or child.get("datingMethod") == "#julian":
                    julian = child.get("when-custom") or child.get("from-custom") or ""
                found.append(
                    Entity(
                        type=name,
                        text=_surface(child),
                        when=child.get("when") or child.get("from"),
                        to=child.get("to"),
                        julian=julian,
                    )
                )
            elif name:
                visit(child)

    visit(text_el)
    return found


def entities_from_gold(data: dict[str, Any]) -> list[Entity]:
    """Gold entities from the JSON form of ../shared/gold."""
    return [
        Entity(
            type=item["type"],
            text=_norm(item["text"]),
            when=item.get("when"),
            to=item.get("to"),
            julian=item.get("when_julian"),
        )
        for item in data.get("entities", [])
    ]


def score(predicted: list[Entity], gold: list[Entity], *, name: str = "") -> Score:
    """Compare two entity lists as multisets of (type, text), pairing in document order."""
    result = Score()
    by_key_pred: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    by_key_gold: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for entity in predicted:
        by_key_pred[(entity.type, entity.text)].append(entity)
        result.predicted[entity.type] += 1
    for entity in gold:
        by_key_gold[(entity.type, entity.text)].append(entity)
        result.gold[entity.type] += 1
    for key in sorted(set(by_key_pred) | set(by_key_gold)):
        preds, golds = by_key_pred.get(key, []), by_key_gold.get(key, [])
        matched = min(len(preds), len(golds))
        result.true_positive[key[0]] += matched
        for _ in range(len(golds) - matched):
            result.misses.append(f"{name}: missed {key[0]} {key[1]!r}")
        for _ in range(len(preds) - matched):
            result.spurious.append(f"{name}: spurious {key[0]} {key[1]!r}")
        if key[0] != "date":
            continue
        for want, got in zip(golds, preds, strict=False):
            result.dates_matched += 1
            if want.when == got.when and (want.to or None) == (got.to or None):
                result.when_correct += 1
            else:
                result.wrong_dates.append(
                    f"{name}: date {key[1]!r}: gold when={want.when} to={want.to}, got when={got.when} to={got.to}"
                )
            result.julian_checked += 1
            if (want.julian or None) == (got.julian or None):
                result.julian_correct += 1
            else:
                result.wrong_dates.append(f"{name}: date {key[1]!r}: gold Julian={want.julian}, got {got.julian}")
    return result


def score_files(tei_path: Path, gold_path: Path) -> Score:
    """Score one encoded TEI file against one gold JSON file."""
    root = safexml.parse_file(tei_path).getroot()
    gold = json.loads(files.read_regular(gold_path, hint=None).decode("utf-8"))
    return score(entities_from_tei(root), entities_from_gold(gold), name=tei_path.stem)


# --- documents with partial gold, structure facts, and whole folders ------------------

DATELINE_ONLY = "date:dateline"


def annotated_types(gold: dict[str, Any]) -> tuple[frozenset[str], bool]:
    """The entity types a gold file is complete for, and whether only its dateline date is gold.

    Why: silver gold made from another edition's markup (FRUS tags persons and
    dateline dates, not places or organisations) must not count the toolkit's
    places as false positives. Absent ``annotated`` means all four types.
    """
    declared = gold.get("annotated")
    if declared is None:
        return frozenset(ENTITY_TAGS), False
    types = frozenset(t for t in declared if t in ENTITY_TAGS)
    return types, DATELINE_ONLY in declared and "date" not in types


def _text_of(element: etree._Element) -> str:
    """A dateline's or signature's text as a reader sees it: ``supplied`` in its square brackets.

    Why: the gold keeps the brackets of the printed line (``[Washington,] 14 November``),
    which the encoder turns into ``supplied`` and the reading edition prints again.
    """
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        supplied = local_name(node) == "supplied"
        parts.append(("[" if supplied else "") + (node.text or ""))
        for child in node:
            if local_name(child) not in _SKIP_TEXT:
                visit(child)
            parts.append(child.tail or "")
        if supplied:
            parts.append("]")

    visit(element)
    return _norm("".join(parts))


def _tei_elements(root: etree._Element, path: str) -> list[etree._Element]:
    text_el = root if local_name(root) == "text" else root.find(f"{{{TEI_NS}}}text")
    if text_el is None:
        return []
    return list(text_el.iterfind(path, {"t": TEI_NS}))


@dataclass
class DocumentScore:
    """One document's entity score plus the structure and dateline facts."""

    entities: Score
    persons_signature: tuple[int, int] = (0, 0)  # (found, gold) among persons in signatures
    persons_elsewhere: tuple[int, int] = (0, 0)
    dateline_date: bool | None = None  # None: the gold has no dateline date
    dateline_found: bool | None = None  # None: the gold has no dateline
    signature_found: bool | None = None  # None: the gold has no signature
    notes: list[str] = field(default_factory=list)


def _signature_regions(text: str, signed: list[str]) -> list[tuple[int, int]]:
    regions = []
    for sig in signed:
        at = text.rfind(sig)
        if at != -1:
            regions.append((at, at + len(sig)))
    return regions


def score_document(root: etree._Element, gold: dict[str, Any], *, text: str = "", name: str = "") -> DocumentScore:
    """Score one encoded document against its gold, honouring ``annotated``.

    With ``date:dateline`` only the dateline date is gold for dates: other
    predicted dates are not false positives, and the dateline date must be found
    (same surface text) with the right ``@when``. Persons in signatures are told
    apart from the others by their offsets in ``text`` (the gold's own source),
    matching predicted names in document order, so a surname found once in the
    heading does not also count for the signature.
    """
    types, dateline_only = annotated_types(gold)
    gold_items = list(gold.get("entities", []))
    predicted = entities_from_tei(root)
    gold_entities = entities_from_gold(gold)
    keep_gold = [
        (item, ent)
        for item, ent in zip(gold_items, gold_entities, strict=True)
        if ent.type in types or (dateline_only and ent.type == "date" and item.get("role") == "dateline")
    ]
    scored_types = set(types) | ({"date"} if dateline_only else set())
    kept_pred = [e for e in predicted if e.type in scored_types]
    if dateline_only:
        wanted = Counter(_norm(item["text"]) for item, ent in keep_gold if ent.type == "date")
        filtered: list[Entity] = []
        for ent in kept_pred:
            if ent.type != "date":
                filtered.append(ent)
            elif wanted[ent.text] > 0:
                wanted[ent.text] -= 1
                filtered.append(ent)
        kept_pred = filtered
    result = DocumentScore(score(kept_pred, [ent for _, ent in keep_gold], name=name))

    if "persName" in types:
        regions = _signature_regions(text, list(gold.get("signed") or []))
        available = Counter(e.text for e in predicted if e.type == "persName")
        sig = [0, 0]
        other = [0, 0]
        for item, ent in keep_gold:
            if ent.type != "persName":
                continue
            start = int(item.get("start", -1))
            in_sig = any(a <= start < b for a, b in regions)
            bucket = sig if in_sig else other
            bucket[1] += 1
            if available[ent.text] > 0:
                available[ent.text] -= 1
                bucket[0] += 1
        result.persons_signature = (sig[0], sig[1])
        result.persons_elsewhere = (other[0], other[1])

    dl_gold = [(item, ent) for item, ent in keep_gold if item.get("role") == "dateline"]
    if dl_gold:
        want = dl_gold[0][1]
        got = [e for e in predicted if e.type == "date" and e.text == want.text]
        ok = bool(got) and (got[0].when or "")[:10] == want.when
        result.dateline_date = ok
        if not ok:
            result.notes.append(
                f"{name}: dateline date {want.text!r}: gold {want.when}, got {[g.when for g in got] or 'nothing'}"
            )
    if "dateline" in gold:
        expected = gold.get("dateline")
        if expected:
            found = [_norm(_text_of(d)) for d in _tei_elements(root, ".//t:opener/t:dateline")]
            # An opener/dateline that also holds a line above the date ("American Embassy,") counts.
            result.dateline_found = any(_norm(expected) in f for f in found)
            if not result.dateline_found:
                result.notes.append(f"{name}: dateline {expected!r} not an opener/dateline (got {found})")
    if "signed" in gold:
        signatures = [s for s in gold.get("signed") or [] if s]
        if signatures:
            found_signed = [_norm(_text_of(s)) for s in _tei_elements(root, ".//t:closer/t:signed")]
            result.signature_found = all(any(_norm(s) in f for f in found_signed) for s in signatures)
            if not result.signature_found:
                result.notes.append(f"{name}: signature {signatures} not in closer/signed (got {found_signed})")
    return result


@dataclass
class SplitScore:
    """A whole folder's figures."""

    documents: int = 0
    entities: Score = field(default_factory=Score)
    persons_signature: list[int] = field(default_factory=lambda: [0, 0])
    persons_elsewhere: list[int] = field(default_factory=lambda: [0, 0])
    dateline_date: list[int] = field(default_factory=lambda: [0, 0])
    dateline_found: list[int] = field(default_factory=lambda: [0, 0])
    signature_found: list[int] = field(default_factory=lambda: [0, 0])
    full_documents: int = 0
    full: Score = field(default_factory=Score)
    notes: list[str] = field(default_factory=list)

    def add(self, doc: DocumentScore, *, full: bool) -> None:
        self.documents += 1
        self.entities.add(doc.entities)
        if full:
            self.full_documents += 1
            self.full.add(doc.entities)
        for total, part in (
            (self.persons_signature, doc.persons_signature),
            (self.persons_elsewhere, doc.persons_elsewhere),
        ):
            total[0] += part[0]
            total[1] += part[1]
        for total, flag in (
            (self.dateline_date, doc.dateline_date),
            (self.dateline_found, doc.dateline_found),
            (self.signature_found, doc.signature_found),
        ):
            if flag is not None:
                total[0] += int(flag)
                total[1] += 1
        self.notes.extend(doc.notes)

    def report(self) -> str:
        """The figures as lines of text."""

        def ratio(pair: list[int]) -> str:
            return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "n/a (0)"

        p, r, f = self.entities.prf(("persName",))
        lines = [
            f"documents {self.documents}",
            f"persons P/R/F1 {p:.3f} / {r:.3f} / {f:.3f} "
            f"(gold {self.entities.gold['persName']}, found {self.entities.predicted['persName']})",
            f"persons recall in signatures {ratio(self.persons_signature)}",
            f"persons recall elsewhere {ratio(self.persons_elsewhere)}",
            f"dateline date right {ratio(self.dateline_date)}",
            f"dateline found {ratio(self.dateline_found)}",
            f"signature found {ratio(self.signature_found)}",
        ]
        if self.full_documents:
            lines.append(f"fully annotated documents {self.full_documents}:")
            lines.extend("  " + row for row in self.full.table().splitlines())
        return "\n".join(lines)


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """Every ``NAME.txt`` with a ``NAME.json`` beside it, sorted by name."""
    texts = sorted(folder.glob("*.txt"))
    return [(txt, txt.with_suffix(".json")) for txt in texts if txt.with_suffix(".json").exists()]


def evaluate_folder(folder: Path, encode_text: Callable[[Path], etree._Element]) -> SplitScore:
    """Encode every .txt of a folder with ``encode_text`` and score it against its .json."""
    total = SplitScore()
    for txt, gold_path in gold_pairs(folder):
        gold = json.loads(files.read_regular(gold_path, hint=None).decode("utf-8"))
        root = encode_text(txt)
        text = files.read_regular(txt, hint=None).decode("utf-8")
        doc = score_document(root, gold, text=text, name=txt.stem)
        total.add(doc, full=set(annotated_types(gold)[0]) == set(ENTITY_TAGS))
    return total


if __name__ == "__main__":  # python -m tei.evaluate FOLDER...: the same as `tei evaluate`
    import sys

    from tei.cli import cli

    cli(["evaluate", *sys.argv[1:]])
