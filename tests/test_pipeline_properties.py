"""Property tests over the whole pipeline: encode -> validate (project schema; tei_all by jing) -> convert.

The long campaign (10,000+ documents) is ``python bench/fuzz.py``; this is its
budgeted form for every test run.
"""

from __future__ import annotations

from pathlib import Path

from conftest import Jing
from hypothesis import HealthCheck, given, settings
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

from tei.encode import EncodeOptions, encode
from tei.errors import TeiError
from tei.serialize import to_bytes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_pipeline_on_generated_documents(doc: tuple[str, bool]) -> None:
    check_pipeline(*doc)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy_documents())
def test_pipeline_on_noisy_documents(doc: tuple[str, bool]) -> None:
    check_pipeline(*doc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(metadata_documents())
def test_pipeline_with_generated_metadata(doc: tuple[str, bool, bytes]) -> None:
    """A sidecar is refused with a TeiError, or the document encodes to valid TEI with it."""
    check_metadata(*doc)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repeated_documents())
def test_pipeline_on_repeated_lines(doc: tuple[str, bool]) -> None:
    check_pipeline(*doc)


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(folder_cases())
def test_batch_and_deposit_on_folders_with_special_files(entries: list[tuple[str, str, str]]) -> None:
    """FIFOs, links out of the folder, odd names: no hang, no traceback, no secret read, bags that verify."""
    check_folder(entries)


def test_generated_documents_are_valid_tei_all(tmp_path: Path, jing: Jing) -> None:
    """Thirty generated documents written out and checked by jing against tei_all in one run."""
    written: list[Path] = []

    @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(noisy_documents())
    def collect(doc: tuple[str, bool]) -> None:
        text, markdown = doc
        options = EncodeOptions(input_format="markdown" if markdown else "plain", change_date="2026-01-01")
        try:
            root = encode(text.encode(), options, name="generated.txt")
        except TeiError:
            return
        path = tmp_path / f"gen-{len(written):03}.xml"
        path.write_bytes(to_bytes(root))
        written.append(path)

    collect()
    assert len(written) >= 20
    assert jing.errors(*written) == []


def test_fuzz_findings_stay_fixed() -> None:
    """What bench/fuzz.py found: a title-page line after a metadata line gave docTitle after a div in front."""
    assert check_pipeline("THE\n\nSource: Marxist Internet Archive\n\nGovernment\n\nthe\n", False)
    assert check_pipeline(
        "THE\n\nOctober 26 (November 8), 1917\n\nSource: Marxist Internet Archive\n\n"
        "[Subject] **unclosed bold [Author] [Date]\n\nthe\n",
        False,
    )
    # A closing line with an audience reaction read as a citation: TEI has no stage in bibl.
    assert check_pipeline("**the**\n\n---\n\nthe (*Prolonged Applause*) the: the\n", True)
    assert check_pipeline("THE\n\nthe\n\nthe: (Applause) the\n", False)
    # ... and in a dateline.
    assert check_pipeline("THE\n\nthe (Applause) 1917\n\nthe\n", False)
    # A numbered list with a bulleted item: every item needs its label.
    assert check_pipeline("THE\n\nTHE THE\n\n1. the the\n * **unclosed bold", False)
    # A stray HTML tag inside parentheses stayed as literal text ("sup" became a word).
    assert check_pipeline("**the the the the**\n\nOctober 26 (November </sup> 8), 1917\n\nthe\n", True)
    # A document without a date: creation held a <p>, which TEI does not allow there.
    assert check_pipeline("A NOTE\n\nThe peace of the peoples.\n", False)
    # Read as a letter with an opener and a closer but nothing between (the second fuzz campaign):
    # TEI allows a closer only after some content.
    assert check_pipeline("THE TO PEACE\n\n6 December 1917\n\n---\n\nTHE\n", False)
