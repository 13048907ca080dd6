"""Encoding throughput on a large plain text (the Dickens novel of ../shared as text).

Run: python bench/encode.py [--repeat N]. Prints MB/s for structure + header
(``--no-annotate``) and for the whole encode with names and dates, and the
time of ``tei --version``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DICKENS = SHARED / "corpus" / "eltec-eng" / "level1" / "ENG18530_Dickens.xml"


def novel_as_text(path: Path) -> bytes:
    """The paragraphs of a TEI novel as plain text, blank lines between them."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//t:body//t:p", ns)]
    title = "BLEAK HOUSE\n\n"
    return (title + "\n\n".join(p for p in paragraphs if p) + "\n").encode("utf-8")


def best_of(repeat: int, action: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from tei.encode import EncodeOptions, encode
    from tei.serialize import to_bytes

    if not DICKENS.is_file():
        sys.exit(f"{DICKENS} is not there: this benchmark needs ../shared")
    data = novel_as_text(DICKENS)
    megabytes = len(data) / 1_000_000
    print(f"input: {DICKENS.name} as plain text, {megabytes:.2f} MB")
    for label, options in (
        ("structure + header", EncodeOptions(annotate=False, change_date="2026-01-01")),
        ("whole encode (names + dates)", EncodeOptions(change_date="2026-01-01")),
    ):
        encode(data[:20000], options, name="warm.txt")
        seconds = best_of(args.repeat, lambda o=options: to_bytes(encode(data, o, name="dickens.txt")))
        print(f"{label:32s} {seconds:6.2f} s  {megabytes / seconds:6.2f} MB/s")
    version_times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tei.cli", "--version"], check=True, capture_output=True, cwd=REPO)
        version_times.append(time.perf_counter() - start)
    print(f"{'tei --version':32s} {statistics.median(version_times):6.3f} s (median of 5)")


if __name__ == "__main__":
    main()
