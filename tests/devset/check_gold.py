#!/usr/bin/env python3
"""Check gold entity annotations against their source texts (stdlib only).

Usage::

    python tests/devset/check_gold.py                      # the dev set beside this script
    python tests/devset/check_gold.py ../shared/gold --texts ../shared/samples
    python tests/devset/check_gold.py --strict tests/devset  # also sidecar/meta checks

For every ``NAME.json`` in each directory the source is ``NAME.txt`` in the
``--texts`` directory, else beside the JSON, else in ``../samples``.  Checked:

* the top level has ``title``, ``author`` (str or null), ``date`` (ISO date or year)
  and ``entities``;
* each entity has a known ``type``, ``text == source[start:start + len(text)]``,
  and ``occurrence`` is the 1-based index of ``start`` among all raw-substring
  occurrences of ``text`` (``str.find`` from every position, so matches inside
  longer words count);
* entities are sorted by ``start`` and do not overlap;
* dates have a ``when``; ``when``/``when_julian``/``to``/``to_julian`` are valid
  ISO dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); a day-precise Julian date
  is the Gregorian one minus 13 days (1900-02-29 to 1918) or 12 days (1800s);
  ``to`` is not before ``when``; non-dates carry none of these keys.

``--strict`` adds dev-set rules: the text is UTF-8, 1-8 KB and ends with a
newline, and ``NAME.meta.toml`` exists with the required keys.

Prints one row per document (persName, placeName, orgName, date counts) and
exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPES = ("persName", "placeName", "orgName", "date")
DATE_KEYS = ("when", "when_julian", "to", "to_julian")
ENTITY_KEYS = {"type", "text", "occurrence", "start", "role", *DATE_KEYS}  # role: "dateline"
META_KEYS = ("title", "date", "source", "url", "licence", "note")
ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Report:
    name: str
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def error(self, msg: str) -> None:
        self.errors.append(f"{self.name}: {msg}")


def parse_iso(value: object) -> tuple[int, int | None, int | None] | None:
    """Return (year, month, day) for a valid ISO date or year-month or year, else None."""
    if not isinstance(value, str):
        return None
    m = ISO.match(value)
    if not m:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day is not None:
            dt.date(year, int(month or 0), int(day))
        elif month is not None and not 1 <= int(month) <= 12:
            return None
    except ValueError:
        return None
    return year, int(month) if month else None, int(day) if day else None


def julian_offset(year: int, month: int, day: int) -> int | None:
    """Days between the Julian and Gregorian calendars for a Julian date (1800-1918)."""
    if (year, month, day) >= (1900, 3, 1) or (year == 1900 and month == 2 and day == 29):
        return 13 if year <= 1918 else None
    if (year, month, day) >= (1800, 3, 1):
        return 12
    return None


def occurrences(source: str, text: str) -> list[int]:
    """All start offsets of text in source, overlapping matches included."""
    found: list[int] = []
    i = source.find(text)
    while i != -1:
        found.append(i)
        i = source.find(text, i + 1)
    return found


def check_dates(rep: Report, where: str, ent: dict[str, Any]) -> None:
    if "when" not in ent:
        rep.error(f"{where}: date without 'when'")
    parsed: dict[str, tuple[int, int | None, int | None]] = {}
    for key in DATE_KEYS:
        if key in ent:
            p = parse_iso(ent[key])
            if p is None:
                rep.error(f"{where}: {key}={ent[key]!r} is not an ISO date")
            else:
                parsed[key] = p
    for greg_key, jul_key in (("when", "when_julian"), ("to", "to_julian")):
        g, j = parsed.get(greg_key), parsed.get(jul_key)
        if jul_key in ent and greg_key not in ent:
            rep.error(f"{where}: {jul_key} without {greg_key}")
        if g and j and g[2] is not None and j[2] is not None and j[1] is not None and g[1] is not None:
            offset = julian_offset(j[0], j[1], j[2])
            delta = (dt.date(g[0], g[1], g[2]) - dt.date(j[0], j[1], j[2])).days
            if offset is None or delta != offset:
                rep.error(f"{where}: {greg_key}={ent[greg_key]} is not Julian {ent[jul_key]} + {offset} days")
    if "when" in parsed and "to" in parsed and ent["to"] < ent["when"][: len(ent["to"])]:
        rep.error(f"{where}: to={ent['to']} is before when={ent['when']}")


def check_doc(json_path: Path, text_dir: Path | None, strict: bool) -> Report:
    name = json_path.stem
    rep = Report(name)
    candidates = [d / f"{name}.txt" for d in (text_dir, json_path.parent, json_path.parent.parent / "samples") if d]
    text_path = next((p for p in candidates if p.is_file()), None)
    if text_path is None:
        rep.error(f"no source text ({', '.join(map(str, candidates))})")
        return rep
    raw = text_path.read_bytes()
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.error(f"source is not UTF-8: {exc}")
        return rep
    gold: Any = json.loads(json_path.read_text(encoding="utf-8"))
    if not isinstance(gold, dict):
        rep.error("top level is not an object")
        return rep
    for key in ("title", "author", "date", "entities"):
        if key not in gold:
            rep.error(f"missing top-level key {key!r}")
    if not isinstance(gold.get("title"), str):
        rep.error("title is not a string")
    if gold.get("author") is not None and not isinstance(gold.get("author"), str):
        rep.error("author is neither a string nor null")
    doc_date = parse_iso(gold.get("date"))
    if doc_date is None or (doc_date[1] is not None and doc_date[2] is None):
        rep.error(f"date {gold.get('date')!r} is neither YYYY-MM-DD nor YYYY")

    prev_end, prev_start = 0, -1
    for n, ent in enumerate(gold.get("entities", []), 1):
        where = f"entity {n}"
        if not isinstance(ent, dict):
            rep.error(f"{where}: not an object")
            continue
        unknown = set(ent) - ENTITY_KEYS
        if unknown:
            rep.error(f"{where}: unknown keys {sorted(unknown)}")
        typ, text, start, occ = ent.get("type"), ent.get("text"), ent.get("start"), ent.get("occurrence")
        if typ not in TYPES:
            rep.error(f"{where}: unknown type {typ!r}")
            continue
        if not isinstance(text, str) or not text or not isinstance(start, int) or not isinstance(occ, int):
            rep.error(f"{where}: text/start/occurrence missing or of the wrong type")
            continue
        where = f"entity {n} {typ} {text!r}@{start}"
        rep.counts[typ] += 1
        if source[start : start + len(text)] != text:
            rep.error(f"{where}: source has {source[start : start + len(text)]!r}")
        else:
            found = occurrences(source, text)
            if found.index(start) + 1 != occ:
                rep.error(f"{where}: occurrence {occ}, but it is occurrence {found.index(start) + 1}")
        if start <= prev_start:
            rep.error(f"{where}: not sorted by start")
        if start < prev_end:
            rep.error(f"{where}: overlaps the previous entity")
        prev_start, prev_end = start, max(prev_end, start + len(text))
        if typ == "date":
            check_dates(rep, where, ent)
        elif any(k in ent for k in DATE_KEYS):
            rep.error(f"{where}: date attributes on a {typ}")

    if strict:
        if not 1024 <= len(raw) <= 8192:
            rep.error(f"text is {len(raw)} bytes, not 1-8 KB")
        if not source.endswith("\n"):
            rep.error("text does not end with a newline")
        meta_path = json_path.with_name(f"{name}.meta.toml")
        if not meta_path.is_file():
            rep.error(f"missing {meta_path.name}")
        else:
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
            for key in META_KEYS:
                if not meta.get(key):
                    rep.error(f"{meta_path.name}: missing {key!r}")
            if meta.get("date") and str(meta["date"]) != gold.get("date"):
                rep.error(f"{meta_path.name}: date {meta['date']} differs from the gold date {gold.get('date')}")
    return rep


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[here], help="directories of gold NAME.json files")
    ap.add_argument("--texts", type=Path, help="directory of the NAME.txt sources (default: beside the JSON)")
    ap.add_argument("--strict", action="store_true", help="also check dev-set sidecars and text size")
    args = ap.parse_args(argv)

    reports = [check_doc(p, args.texts, args.strict) for d in args.dirs for p in sorted(d.glob("*.json"))]
    if not reports:
        print("no gold files found", file=sys.stderr)
        return 1
    width = max(len(r.name) for r in reports)
    header = f"{'doc':<{width}}  {'persName':>8}  {'placeName':>9}  {'orgName':>7}  {'date':>5}  {'total':>5}"
    print(header)
    print("-" * len(header))
    total: Counter[str] = Counter()
    for r in reports:
        total.update(r.counts)
        c = r.counts
        print(
            f"{r.name:<{width}}  {c['persName']:>8}  {c['placeName']:>9}  {c['orgName']:>7}  {c['date']:>5}  "
            f"{sum(c.values()):>5}"
        )
    print("-" * len(header))
    print(
        f"{f'TOTAL ({len(reports)} docs)':<{width}}  {total['persName']:>8}  {total['placeName']:>9}  "
        f"{total['orgName']:>7}  {total['date']:>5}  {sum(total.values()):>5}"
    )
    errors = [e for r in reports for e in r.errors]
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"{len(reports) - sum(1 for r in reports if r.errors)} passed, {sum(1 for r in reports if r.errors)} failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
