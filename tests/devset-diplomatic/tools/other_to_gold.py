#!/usr/bin/env python3
"""Gold for the documents from other collections (not FRUS), TEST or DEV split.

Usage::

    python tests/devset-diplomatic/tools/other_to_gold.py                    # test-other/NAME.json
    python tests/devset-diplomatic/tools/other_to_gold.py --split dev-other  # dev-other/NAME.json
    python tests/devset-diplomatic/tools/other_to_gold.py --check [--split dev-other]  # fail if one differs

The texts ``SPLIT/NAME.txt`` were typed by hand from the pages named in
``SPLIT-sources.json`` (which also holds each document's heading, dateline,
dateline date and signatures); the entities are in ``full-SPLIT/NAME.tsv``
(the TSV format of ``frus_to_text.py``). Every document is annotated for all
four types. A dateline date is ``[surface, when]``, or ``[surface, when,
when_julian]`` for an Old Style date printed with its New Style day
(``July 10 (23), 1914``). Deterministic; stdlib only besides the shared helpers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from frus_to_text import ENTITY_TYPES, apply_edits, finish, read_full

HERE = Path(__file__).resolve().parent
SPLITS = ("test-other", "dev-other")


def build(name: str, meta: dict[str, Any], split: str = "test-other") -> str:
    text = (HERE.parent / split / f"{name}.txt").read_text(encoding="utf-8")
    ents: list[dict[str, Any]] = []
    if meta.get("dateline_date"):
        surface, when, *julian = meta["dateline_date"]
        line_at = text.find(meta["dateline"])
        at = text.find(surface, line_at)
        if line_at < 0 or at < 0 or at > line_at + len(meta["dateline"]):
            raise SystemExit(f"{name}: dateline date {surface!r} not in the dateline {meta['dateline']!r}")
        ent = {"type": "date", "text": surface, "start": at, "when": when, "role": "dateline"}
        if julian:
            ent["when_julian"] = julian[0]
        ents.append(ent)
    apply_edits(text, ents, read_full(HERE / f"full-{split}" / f"{name}.tsv"), name)
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
    parser.add_argument("--check", action="store_true", help="compare with SPLIT/ instead of writing")
    parser.add_argument("--split", choices=SPLITS, default="test-other", help="which folder (default test-other)")
    args = parser.parse_args(argv)
    sources = json.loads((HERE / f"{args.split}-sources.json").read_text(encoding="utf-8"))
    stale = 0
    for name in sorted(sources):
        content = build(name, sources[name], args.split)
        path = HERE.parent / args.split / f"{name}.json"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                print(f"{path}: differs from what the builder makes", file=sys.stderr)
                stale += 1
        else:
            path.write_text(content, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
