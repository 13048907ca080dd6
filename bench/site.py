"""``tei site``: build time for 1,000 documents, rebuild time after one change, peak memory as the collection grows.

Run: python bench/site.py [--documents 1000] [--sizes 250,500,1000]. It encodes the
dev set (``tests/devset``, 20 documents with their sidecars) once with
``tei batch``, copies the TEI to ``--documents`` files (``copy-NNNN-NAME.xml``),
and measures, each as a whole command in a fresh process (the build is one
process: it uses one core):

1. a first build into an empty folder (target < 60 s for 1,000 documents);
2. a rebuild after one document changed (a word of its text; target < 5 s);
3. a rebuild with nothing changed;
4. the peak resident memory of a first build (``getrusage(RUSAGE_CHILDREN)``
   from a wrapper process) for each of ``--sizes``: it should grow far less
   than the collection.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "devset"
WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def encode_devset(folder: Path) -> list[Path]:
    """The dev set through tei batch: its TEI files."""
    inputs = folder / "devset"
    inputs.mkdir(parents=True)
    for path in list(DEVSET.glob("*.txt")) + list(DEVSET.glob("*.meta.toml")):
        shutil.copy(path, inputs / path.name)
    out = folder / "devset-tei"
    subprocess.run([sys.executable, "-m", "tei.cli", "batch", str(inputs), "-d", str(out), "--to", "tei", "-q"],
                   cwd=REPO, capture_output=True)
    return sorted(out.glob("*.xml"))


def copies(tei: list[Path], folder: Path, documents: int) -> Path:
    folder.mkdir(parents=True)
    for number in range(documents):
        source = tei[number % len(tei)]
        shutil.copy(source, folder / f"copy-{number:04d}-{source.name}")
    return folder


def site_command(source: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "tei.cli", "site", str(source), "-d", str(site), "--title", "Bench collection"]


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall time, CPU time (user + system of the command: what it costs on one core) and its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"tei site failed: {result.stderr.strip()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu, result.stderr.strip().splitlines()[-1]


def peak_memory(command: list[str]) -> int:
    result = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(f"tei site failed: {result.stderr.strip()}")
    return int(result.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--sizes", default="250,500,1000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tei-bench-site-") as temporary:
        work = Path(temporary)
        tei = encode_devset(work)
        print(f"dev set: {len(tei)} TEI documents, {sum(p.stat().st_size for p in tei) / 1024:.0f} KiB")
        source = copies(tei, work / "collection", args.documents)
        site = work / "site"
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        first, cpu, line = timed(site_command(source, site))
        print(f"first build, {args.documents} documents: {first:.2f} s wall, {cpu:.2f} s CPU "
              f"({args.documents / cpu:.1f} documents per CPU second)")
        print(f"  {line}")
        files = [p for p in site.rglob("*") if p.is_file()]
        print(f"  site: {len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB")
        changed = sorted(source.glob("*.xml"))[len(tei) // 2]
        text = changed.read_text("utf-8")
        body = text.index("<body>")
        changed.write_text(text[:body] + text[body:].replace("<p>", "<p>Changed. ", 1), "utf-8")
        again, cpu, line = timed(site_command(source, site))
        print(f"rebuild after one document changed: {again:.2f} s wall, {cpu:.2f} s CPU")
        print(f"  {line}")
        unchanged, cpu, line = timed(site_command(source, site))
        print(f"rebuild with nothing changed: {unchanged:.2f} s wall, {cpu:.2f} s CPU")
        print(f"  {line}")
        for size in [int(value) for value in args.sizes.split(",") if value]:
            folder = copies(tei, work / f"memory-{size}", size)
            out = work / f"memory-site-{size}"
            kib = peak_memory(site_command(folder, out))
            print(f"peak memory, first build of {size} documents: {kib / 1024:.1f} MiB")
            shutil.rmtree(out)
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
