"""The long fuzzing campaign: generated documents through encode -> validate -> convert (every format).

    python bench/fuzz.py [--examples 3000] [--seed 20260131] [--only NAME]

Not part of the test suite (it takes minutes); ``tests/test_pipeline_properties.py``
runs the same checks on a budget. Each case is drawn by hypothesis from
``tests/pipeline_support.py``, by five generators:

- ``plain/markdown`` and ``noisy``: generated documents (structure, lists,
  footers, dual dates, Markdown; noise spliced in: unbalanced Markdown,
  control characters, odd Unicode, markup-like text, impossible dates),
  through ``check_pipeline``;
- ``metadata``: a document with a sidecar of drawn values, refused with a
  TeiError or encoded valid (``check_metadata``);
- ``repeated``: one line repeated up to 2,000 times, or one huge line
  (a quarter of ``--examples``);
- ``folders``: source folders with special files (FIFOs, a link to
  ``/dev/zero``), links out of the folder, to a sibling and to a folder, and
  odd names, through ``tei batch`` and ``tei deposit`` (``check_folder``;
  a fiftieth of ``--examples`` cases, each of several documents).

A failure is shrunk by hypothesis and printed; the exit status is 1. The
figures of the last run are in README.md ("Fuzzing") and SECURITY.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from pipeline_support import (
    check_folder,
    check_metadata,
    check_pipeline,
    folder_cases,
    metadata_documents,
    noisy_documents,
    repeated_documents,
)
from test_properties import documents


def _pipeline(case: Any) -> tuple[int, bool]:
    return 1, check_pipeline(*case)


def _metadata(case: Any) -> tuple[int, bool]:
    return 1, check_metadata(*case)


def _folder(case: Any) -> tuple[int, bool]:
    return check_folder(case), True


def _counted(
    check: Callable[[Any], tuple[int, bool]], counts: dict[str, int], failures: list[Any]
) -> Callable[[Any], None]:
    """The test hypothesis runs: ``check`` one case, count its documents, remember a failing case."""

    def one(case: Any) -> None:
        try:
            documents_met, encoded = check(case)
        except BaseException:
            failures.append(case)  # the last one is hypothesis's shrunk example
            raise
        counts["documents"] += documents_met
        counts["encoded" if encoded else "refused"] += documents_met

    return one


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3_000, help="documents per document generator")
    parser.add_argument("--seed", type=int, default=20260131)
    parser.add_argument("--only", help="run one generator (plain/markdown, noisy, metadata, repeated, folders)")
    args = parser.parse_args()
    counts = {"documents": 0, "encoded": 0, "refused": 0}
    generators: list[tuple[str, Any, Callable[[Any], tuple[int, bool]], int]] = [
        ("plain/markdown", documents(), _pipeline, args.examples),
        ("noisy", noisy_documents(), _pipeline, args.examples),
        ("metadata", metadata_documents(), _metadata, args.examples),
        ("repeated", repeated_documents(), _pipeline, max(1, args.examples // 4)),
        ("folders", folder_cases(), _folder, max(1, args.examples // 50)),
    ]
    failed = False
    started = time.perf_counter()
    for name, strategy, check, examples in generators:
        if args.only and name != args.only:
            continue
        failures: list[Any] = []
        run = seed(args.seed)(
            settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
                given(strategy)(_counted(check, counts, failures))
            )
        )
        before, clock = counts["documents"], time.perf_counter()
        try:
            run()
        except Exception as exc:  # hypothesis has printed the shrunk example
            failed = True
            print(f"{name}: FAILED: {type(exc).__name__}: {str(exc)[:500]}", file=sys.stderr)
            if failures:
                print(f"{name}: smallest failing case:", file=sys.stderr)
                print(repr(failures[-1])[:5000], file=sys.stderr)
        met, seconds = counts["documents"] - before, time.perf_counter() - clock
        print(f"{name}: {examples} cases, {met} documents in {seconds:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    print(
        f"{counts['documents']} documents ({counts['encoded']} encoded, {counts['refused']} refused with a TeiError) "
        f"in {elapsed:.0f} s: {'FAILED' if failed else 'no failure'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
