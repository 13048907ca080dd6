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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei import safexml
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
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score(entities_from_tei(root), entities_from_gold(gold), name=tei_path.stem)
