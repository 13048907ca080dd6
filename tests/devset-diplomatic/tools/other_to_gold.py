#!/usr/bin/env python3
"""Gold for the test split's documents from other collections (not FRUS).

Usage::

    python tests/devset-diplomatic/tools/other_to_gold.py           # test-other/NAME.json from the hand work
    python tests/devset-diplomatic/tools/other_to_gold.py --check   # fail if a NAME.json differs

The texts ``test-other/NAME.txt`` were typed by hand from the pages named in
``test-other-sources.json`` (which also holds each document's heading, dateline,
dateline date and signatures); the entities are in ``full-test-other/NAME.tsv``
(the TSV format of ``frus_to_text.py``). Every document is annotated for all
four types. Deterministic; stdlib only besides the shared helpers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from frus_to_text import ENTITY_TYPES, apply_edits, finish, read_full

HERE = Path(__file__).resolve().parent
FOLDER = HERE.parent / "test-other"


def build(name: str, meta: dict[str, Any]) -> str:
    text = (FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    ents: list[dict[str, Any]] = []
    if meta.get("dateline_date"):
        surface, when = meta["dateline_date"]
        line_at = text.find(meta["dateline"])
        at = text.find(surface, line_at)
        if line_at < 0 or at < 0 or at > line_at + len(meta["dateline"]):
            raise SystemExit(f"{name}: dateline date {surface!r} not in the dateline {meta['dateline']!r}")
        ents.append({"type": "date", "text": surface, "start": at, "when": when, "role": "dateline"})
    apply_edits(text, ents, read_full(HERE / "full-test-other" / f"{name}.tsv"), name)
    gold = {
        "title": meta["title"],
        "author": None,
        "date": meta["date"],
        "heading": meta["heading"],
        "dateline": meta["dateline"],
        "signed": meta["signed"],
        "annotated": list(ENTITY_TYPES),
        "entities": ents,
    }
    gold = finish(text, gold)
    gold["source"] = meta["source"]
    return json.dumps(gold, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with test-other/ instead of writing")
    args = parser.parse_args(argv)
    sources = json.loads((HERE / "test-other-sources.json").read_text(encoding="utf-8"))
    stale = 0
    for name in sorted(sources):
        content = build(name, sources[name])
        path = FOLDER / f"{name}.json"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                print(f"{path}: differs from what the builder makes", file=sys.stderr)
                stale += 1
        else:
            path.write_text(content, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
