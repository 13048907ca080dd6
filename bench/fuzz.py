"""The long fuzzing campaign: generated documents through encode -> validate -> convert (every format).

    python bench/fuzz.py [--examples 12000] [--seed 20260131]

Not part of the test suite (it takes minutes); ``tests/test_pipeline_properties.py``
runs the same check on a budget. Each document is drawn by hypothesis from
``tests/pipeline_support.py`` (the property tests' generators with noise spliced
in: unbalanced Markdown, control characters, odd Unicode, markup-like text,
impossible dates) and must pass ``check_pipeline``. A failure is shrunk by
hypothesis and printed; the exit status is 1. The figures of the last run are
in README.md ("Fuzzing") and SECURITY.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hypothesis import HealthCheck, given, seed, settings
from pipeline_support import check_pipeline, noisy_documents
from test_properties import documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=12_000, help="documents per generator (two generators)")
    parser.add_argument("--seed", type=int, default=20260131)
    args = parser.parse_args()
    counts = {"documents": 0, "encoded": 0, "refused": 0}

    failures: list[tuple[str, bool]] = []

    def one(doc: tuple[str, bool]) -> None:
        counts["documents"] += 1
        try:
            counts["encoded" if check_pipeline(*doc) else "refused"] += 1
        except BaseException:
            failures.append(doc)  # the last one is hypothesis's shrunk example
            raise

    started = time.perf_counter()
    failed = False
    for name, strategy in (("plain/markdown", documents()), ("noisy", noisy_documents())):
        run = seed(args.seed)(
            settings(
                max_examples=args.examples,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )(given(strategy)(one))
        )
        before = counts["documents"]
        try:
            run()
        except Exception as exc:  # hypothesis has printed the shrunk example
            failed = True
            print(f"{name}: FAILED: {type(exc).__name__}: {str(exc)[:500]}", file=sys.stderr)
            if failures:
                print(f"{name}: smallest failing document (markdown={failures[-1][1]}):", file=sys.stderr)
                print(repr(failures[-1][0]), file=sys.stderr)
        print(f"{name}: {counts['documents'] - before} documents", flush=True)
    elapsed = time.perf_counter() - started
    print(
        f"{counts['documents']} documents ({counts['encoded']} encoded, {counts['refused']} refused with a TeiError) "
        f"in {elapsed:.0f} s: {'FAILED' if failed else 'no failure'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
