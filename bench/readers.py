"""Reader time and memory on hostile shapes (issue 11): linear, or not.

Run: python bench/readers.py [--repo PATH] [--units 10000,40000] [--limit 120] [--encode]

Each shape of ``tests/reader_shapes.py`` is read (``detect_format`` and the
reader) at each number of units in a fresh process, so that a hang is cut off
after ``--limit`` seconds and the peak memory is the process's own. With
``--repo`` another checkout's readers are measured on the same inputs (the
figures before and after a change). ``--encode`` also times the whole
``encode`` (readers, names, dates, header) on the cases issue 11 reported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from reader_shapes import SHAPES  # noqa: E402

_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys, time
    sys.path[:0] = [sys.argv[1], sys.argv[2]]
    from reader_shapes import shape
    from tei.readers import READERS, detect_format
    name, units, whole = sys.argv[3], int(sys.argv[4]), sys.argv[5] == "encode"
    text, input_format = shape(name, units)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if whole:
        from tei.encode import EncodeOptions, encode
        encode(text.encode("utf-8"), EncodeOptions(input_format=input_format), name="bench.txt")
    else:
        detect_format(text)
        READERS[input_format](text)
    seconds = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    print(json.dumps({"bytes": len(text.encode("utf-8")), "seconds": seconds, "mib": grown / 1024}))
    """
)


def measure(repo: Path, name: str, units: int, limit: float, whole: bool) -> dict[str, float] | None:
    """One shape at one size in a fresh process; None when it ran past ``limit``."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(repo), str(REPO / "tests"), name, str(units),
             "encode" if whole else "read"],
            capture_output=True,
            text=True,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode != 0:
        raise SystemExit(f"{name}: {result.stderr.strip().splitlines()[-1]}")
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout whose readers are measured")
    parser.add_argument("--units", default="10000,40000")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a run counts as a hang")
    parser.add_argument("--encode", action="store_true", help="time the whole encode on the issue's cases")
    parser.add_argument("--shapes", default="", help="'|'-separated shape names (default: all)")
    args = parser.parse_args()
    sizes = [int(part) for part in args.units.split(",")]
    names = args.shapes.split("|") if args.shapes else list(SHAPES)
    whole = args.encode
    print(f"readers of {args.repo} ({'whole encode' if whole else 'detect_format + reader'}), limit {args.limit:.0f} s")
    print("| shape | " + " | ".join(f"{n:,} units" for n in sizes) + " |")
    print("| --- | " + " | ".join("---" for _ in sizes) + " |")
    for name in names:
        cells = []
        for units in sizes:
            figures = measure(args.repo, name, units, args.limit, whole)
            if figures is None:
                cells.append(f"> {args.limit:.0f} s")
                break
            cells.append(f"{figures['seconds']:.2f} s, {figures['bytes'] / 1e6:.2f} MB, +{figures['mib']:.0f} MiB")
        cells += [""] * (len(sizes) - len(cells))
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
