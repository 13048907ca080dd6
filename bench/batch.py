"""Corpus runs: ``tei batch`` throughput at -j 1 and -j 2, and peak memory as the corpus grows.

Run: python bench/batch.py [--documents 200] [--sizes 100,250,500,1000]. Prints:

1. the ELTeC novels (``../shared/corpus/eltec-eng/level1-valid``) plus the
   bundled samples repeated to ``--documents`` inputs, through
   ``tei batch --to tei,html,text`` as a whole command (fresh output folder
   each time) at ``-j 1`` and ``-j 2``: documents per second and the
   speed-up (target >= 1.7 on 2 cores);
2. the peak resident memory of the largest process of a run (the command,
   or its biggest worker; ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` measured
   from a fresh wrapper process per run) as a corpus of small generated
   documents grows from 100 to 1,000: it should stay flat.

The ELTeC novels fail the project's Schematron rule ``sch:sha256`` (they were
not encoded by this toolkit, so their headers hold no SHA-256 of a source):
they are reported as failed but still validated and converted, so they count
fully in the timing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEI_SHARED", REPO.parent / "shared"))
ELTEC = SHARED / "corpus" / "eltec-eng" / "level1-valid"
EXAMPLES = REPO / "tei" / "examples"

SMALL = """MEMORANDUM No. {n}

Moscow, {day} January 1921

The People's Commissariat for Foreign Affairs informs the Government of Great Britain
that the delegation led by Krassin will arrive in London on the {day}th.

Paragraph {n}: Chicherin asks that the trade negotiations begun at Copenhagen go on
without delay, and that the prisoners held at Reval be exchanged.

G. CHICHERIN
"""


def build_corpus(folder: Path, documents: int) -> dict[str, int]:
    """The ELTeC novels plus the samples repeated to ``documents`` inputs."""
    folder.mkdir(parents=True)
    novels = sorted(ELTEC.glob("*.xml")) if ELTEC.is_dir() else []
    for novel in novels:
        shutil.copy(novel, folder / novel.name)
    samples = sorted(EXAMPLES.glob("*.txt"))
    repeats = max(0, documents - len(novels))
    for index in range(repeats):
        sample = samples[index % len(samples)]
        shutil.copy(sample, folder / f"{index:04d}-{sample.name}")
    return {"novels": len(novels), "samples": repeats}


def small_corpus(folder: Path, documents: int) -> None:
    folder.mkdir(parents=True)
    for index in range(documents):
        text = SMALL.format(n=index + 1, day=index % 27 + 1)
        (folder / f"memo-{index:05d}.txt").write_text(text, encoding="utf-8")


def run_batch(source: Path, out: Path, jobs: int, report: Path) -> tuple[float, dict[str, int]]:
    command = [sys.executable, "-m", "tei.cli", "batch", str(source), "-d", str(out), "-j", str(jobs), "-q"]
    command += ["--to", "tei,html,text", "--report", str(report)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"tei batch failed: {result.stderr.strip()}")
    summary: dict[str, int] = json.loads(report.read_text(encoding="utf-8"))["summary"]
    return elapsed, summary


WRAPPER = """
import resource, subprocess, sys
result = subprocess.run(sys.argv[1:], capture_output=True)
if result.returncode not in (0, 1):
    sys.exit(result.stderr.decode())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_memory(source: Path, out: Path, jobs: int) -> int:
    """Peak RSS (KiB) of the largest process of one run, from a fresh wrapper process."""
    command = [sys.executable, "-m", "tei.cli", "batch", str(source), "-d", str(out), "-j", str(jobs), "-q"]
    result = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(f"tei batch failed: {result.stderr.strip()}")
    return int(result.stdout.strip())


def _burn(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for number in range(2 * 10**7):
        total += number
    return time.perf_counter() - start


def machine_speedup() -> float:
    """What two processes of pure Python get over one right now: the ceiling for -j 2 on this machine."""
    import multiprocessing

    one = _burn(0)
    with multiprocessing.Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [0, 1], chunksize=1)
        two = time.perf_counter() - start
    return 2 * one / two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--sizes", default="100,250,500,1000")
    parser.add_argument("--repeat", type=int, default=1, help="runs per -j value; the fastest counts")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    ceiling = machine_speedup()
    print(f"   two CPU-bound Python processes run {ceiling:.2f}x as fast as one here now (the ceiling for -j 2)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        counts = build_corpus(folder / "corpus", args.documents)
        total = counts["novels"] + counts["samples"]
        print(f"1. {total} documents ({counts['novels']} ELTeC novels, {counts['samples']} sample copies), "
              "tei batch --to tei,html,text:")
        rates: dict[int, float] = {}
        for jobs in (1, 2):
            best = float("inf")
            for attempt in range(args.repeat):
                out = folder / f"out-j{jobs}-{attempt}"
                elapsed, summary = run_batch(folder / "corpus", out, jobs, folder / f"report-j{jobs}.json")
                best = min(best, elapsed)
                shutil.rmtree(out)
            rates[jobs] = total / best
            print(
                f"   -j {jobs}: {best:6.2f} s, {rates[jobs]:6.1f} documents/s "
                f"(done {summary['done']}, failed {summary['failed']}, skipped {summary['skipped']})"
            )
        print(
            f"   speed-up -j 2 / -j 1: {rates[2] / rates[1]:.2f} (target >= 1.7 on 2 cores; "
            f"machine ceiling now {machine_speedup():.2f})"
        )
        print("2. peak memory of the largest process, small generated documents:")
        for size in (int(part) for part in args.sizes.split(",")):
            source = folder / f"small-{size}"
            small_corpus(source, size)
            one = peak_memory(source, folder / f"mem1-{size}", 1)
            two = peak_memory(source, folder / f"mem2-{size}", 2)
            print(f"   {size:6d} documents: -j 1 {one / 1024:7.1f} MiB, -j 2 {two / 1024:7.1f} MiB")
            shutil.rmtree(source)


if __name__ == "__main__":
    main()
