"""Encoding throughput on a large plain text (the Dickens novel of ../shared as text), and start-up.

Run: python bench/encode.py [--repeat N]. Prints MB/s for structure + header
(``--no-annotate``) and for the whole encode with names and dates; the whole
encode on the first quarter, half and all of the text (seconds per MB should
stay flat: linear in the input); a small document (the 3 KB sample note) as a
whole command, with the register cache warm and with it turned off; and the
time of ``tei --version``. Times are the best of N runs (``--repeat``), or the
median of 5 for commands; CPU seconds of the process are printed beside wall
seconds, because on a shared machine the wall clock also measures the others.
"""

from __future__ import annotations

import argparse
import os
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
    options = EncodeOptions(change_date="2026-01-01")
    for share in (4, 2, 1):
        part = data[: len(data) // share]
        part = part[: part.rfind(b"\n\n") + 1] if share > 1 else part
        seconds = best_of(args.repeat, lambda p=part: to_bytes(encode(p, options, name="dickens.txt")))
        size = len(part) / 1_000_000
        print(f"{'whole encode, ' + f'{size:.2f} MB':32s} {seconds:6.2f} s  {seconds / size:6.3f} s/MB")
    note = REPO / "tei" / "examples" / "trotsky-note-to-allied-ambassadors-1917-12-06.txt"
    command = [sys.executable, "-m", "tei.cli", "encode", str(note), "-o", os.devnull]
    for label, extra in (("warm register cache", {}), ("no register cache", {"TEI_NO_CACHE": "1"})):
        wall, cpu = command_times(command, extra)
        print(f"{'note (3 KB), ' + label:32s} {wall:6.3f} s  (CPU {cpu:.3f} s; median of 5)")
    wall, cpu = command_times([sys.executable, "-m", "tei.cli", "--version"], {})
    print(f"{'tei --version':32s} {wall:6.3f} s  (CPU {cpu:.3f} s; median of 5)")


def command_times(command: list[str], extra: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU seconds of a command (after one run that fills the caches)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), **extra}
    subprocess.run(command, check=True, capture_output=True, cwd=REPO, env=env)
    walls, cpus = [], []
    for _ in range(5):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=REPO, env=env)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return statistics.median(walls), statistics.median(cpus)


if __name__ == "__main__":
    main()
