"""Conversion speed: whole commands on the samples, the Dickens novel against lxml's own parse+write, batch use.

Run: python bench/convert.py [--repeat N]. Prints, for each target of issues 5 and 14:

1. a bundled sample converted to each format as a whole command (a fresh
   Python process: start-up, imports, stylesheet compilation, transform,
   write): target under 0.3 s. It runs ``python -m tei.cli convert`` when the
   CLI has that command, else ``python -c`` calling ``tei.transform.run_convert``
   (which is what the command will call), and says which;
2. ENG18530_Dickens.xml (2.2 MB) to HTML, parse + transform + serialise,
   against lxml parsing and writing the same file: target at most 5x;
3. batch use: the first conversion in a process (compiles the stylesheet)
   against the following ones (cached), and the compile time itself;
4. where valgrind is installed, the same Dickens comparison in instructions
   executed (callgrind), which other work on the machine does not change:
   ``xsltproc`` with the HTML stylesheet against ``xmllint`` parsing and
   writing the file (both libxml2, no Python).

Each figure is the best of N runs, in wall-clock time and in CPU time (for a
whole command, the child process's user + system time): on a machine shared
with other work the wall clock measures the neighbours too, the CPU time
much less so.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DICKENS = SHARED / "corpus" / "eltec-eng" / "level1" / "ENG18530_Dickens.xml"


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the machine)."""
    return min(timeit.repeat(action, number=1, repeat=repeat))


def best_cpu(repeat: int, action: Callable[[], object]) -> float:
    """The least CPU time (this process's) of ``repeat`` runs, in seconds."""
    return min(timeit.repeat(action, number=1, repeat=repeat, timer=time.process_time))


def best_command(repeat: int, command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child) of a whole command, each the best of ``repeat``."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return min(walls), min(cpus)


def cli_has_convert() -> bool:
    """Is ``tei convert`` wired into the CLI yet?"""
    result = subprocess.run(
        [sys.executable, "-m", "tei.cli", "convert", "--help"], cwd=REPO, capture_output=True, text=True
    )
    return result.returncode == 0


def command_for(tei_file: Path, fmt: str, output: Path, use_cli: bool) -> list[str]:
    if use_cli:
        return [sys.executable, "-m", "tei.cli", "convert", str(tei_file), "--to", fmt, "-o", str(output)]
    code = (
        "import sys; from pathlib import Path; from tei.transform import run_convert; "
        f"sys.exit(run_convert([{str(tei_file)!r}], fmt={fmt!r}, output=Path({str(output)!r})))"
    )
    return [sys.executable, "-c", code]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from lxml import etree

    from tei.encode import EncodeOptions, encode_file
    from tei.resources import examples_dir
    from tei.serialize import to_bytes
    from tei.transform import FORMATS, compile_stylesheet, convert_file, convert_tree, read_tei
    from tei.transform.stylesheets import _compile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # 1. whole commands on the samples
        use_cli = cli_has_convert()
        how = "python -m tei.cli convert" if use_cli else "python -c 'run_convert(...)' (tei convert not wired yet)"
        print(f"1. a sample to each format as a whole command, via {how}; best of {args.repeat}:")
        bare_wall, bare_cpu = best_command(args.repeat, [sys.executable, "-c", "pass"])
        print(f"   (a bare `python -c pass` takes {bare_wall * 1000:.0f} ms here, {bare_cpu * 1000:.0f} ms CPU)")
        for sample in sorted(examples_dir().glob("*.txt")):
            tei_file = folder / f"{sample.stem}.xml"
            tei_file.write_bytes(to_bytes(encode_file(str(sample), EncodeOptions(change_date="2026-01-01"))))
            for fmt in FORMATS:
                output = folder / f"{sample.stem}{FORMATS[fmt].suffix}"
                command = command_for(tei_file, fmt, output, use_cli)
                wall, cpu = best_command(args.repeat, command)
                verdict = "ok" if wall <= 0.3 else ("ok in CPU time" if cpu <= 0.3 else "OVER the 0.3 s target")
                print(f"   {sample.stem[:32]:32} {fmt:6} {wall * 1000:6.0f} ms ({cpu * 1000:4.0f} ms CPU)  {verdict}")

        # 2. Dickens to HTML against lxml parse + write
        if DICKENS.is_file():
            size = DICKENS.stat().st_size / 1_000_000
            print(f"2. {DICKENS.name} ({size:.1f} MB) to HTML, in process, best of {args.repeat}:")
            target = folder / "dickens.out"
            parser_ = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

            def lxml_round_trip() -> None:
                target.write_bytes(etree.tostring(etree.parse(str(DICKENS), parser_), encoding="UTF-8"))

            def convert_html() -> None:
                target.write_bytes(convert_file(DICKENS, "html").data)

            compile_stylesheet("html")
            baseline = best_of(args.repeat, lxml_round_trip)
            ours = best_of(args.repeat, convert_html)
            baseline_cpu = best_cpu(args.repeat, lxml_round_trip)
            ours_cpu = best_cpu(args.repeat, convert_html)
            ratio, ratio_cpu = ours / baseline, ours_cpu / baseline_cpu
            verdict = "ok" if ratio <= 5 else ("ok in CPU time" if ratio_cpu <= 5 else "OVER the 5x target")
            print(f"   lxml parse + write  {baseline * 1000:7.1f} ms ({baseline_cpu * 1000:7.1f} ms CPU)")
            print(
                f"   tei convert to html {ours * 1000:7.1f} ms ({ours_cpu * 1000:7.1f} ms CPU) "
                f"= {ratio:.1f}x ({ratio_cpu:.1f}x in CPU)  {verdict}"
            )
            tree = read_tei(str(DICKENS))
            for fmt in FORMATS:
                seconds = best_cpu(max(1, args.repeat // 2), lambda f=fmt: convert_tree(tree, f))
                print(f"   (transform only, {fmt:5}: {seconds * 1000:7.1f} ms CPU)")
        else:
            print(f"2. skipped: {DICKENS} is not there (this part needs ../shared)")

        # 3. batch use: compiled once per process
        print("3. batch use in one process:")
        _compile.cache_clear()
        sample_tei = next(folder.glob("*.xml"))
        for fmt in FORMATS:
            start = time.perf_counter()
            compile_stylesheet(fmt)
            compiled = time.perf_counter() - start
            first_start = time.perf_counter()
            convert_file(sample_tei, fmt)
            first = time.perf_counter() - first_start
            again = best_of(args.repeat, lambda f=fmt: convert_file(sample_tei, f))
            print(
                f"   {fmt:6} compile {compiled * 1000:6.1f} ms; then per document {again * 1000:6.1f} ms "
                f"(first {first * 1000:.1f} ms)"
            )
        info = _compile.cache_info()
        print(f"   stylesheet cache: {info.currsize} compiled, {info.hits} hits, {info.misses} misses")

        # 4. instructions, where valgrind can count them
        if DICKENS.is_file() and shutil.which("valgrind") and shutil.which("xsltproc") and shutil.which("xmllint"):
            print(f"4. {DICKENS.name} in instructions executed (callgrind; independent of the machine's load):")
            stylesheet = REPO / "transforms" / "html" / "tei-to-html.xsl"
            ours = instructions(["xsltproc", "-o", str(folder / "d.html"), str(stylesheet), str(DICKENS)], folder)
            baseline = instructions(["xmllint", "--output", str(folder / "d.xml"), str(DICKENS)], folder)
            ratio = ours / baseline
            verdict = "ok" if ratio <= 5 else "OVER the 5x target"
            print(f"   xmllint parse + write   {baseline / 1e6:7.0f} M instructions")
            print(f"   xsltproc to html        {ours / 1e6:7.0f} M instructions = {ratio:.1f}x  {verdict}")
        else:
            print("4. skipped: valgrind, xsltproc, xmllint or ../shared is missing")


def instructions(command: list[str], folder: Path) -> int:
    """Instructions a command executes, counted by valgrind's callgrind."""
    out = folder / "callgrind.out"
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise SystemExit(f"callgrind said nothing countable: {result.stderr[-300:]}")
    return int(match.group(1))


if __name__ == "__main__":
    main()
