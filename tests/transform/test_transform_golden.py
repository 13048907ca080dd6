"""Golden files: every format of both bundled samples, and of the hand-made fixture.

The samples' TEI is made as ``tei encode --date 2026-01-01 tei/examples/NAME.txt``
makes it, so these files follow the encoder: when it changes, review the
diff and accept it with ``pytest --update-golden``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import EXAMPLES, GOLDEN
from lxml import etree
from transform_support import FIXTURES

from tei.encode import EncodeOptions, encode_file
from tei.transform import FORMATS, convert_tree

SAMPLES = sorted(path.stem for path in EXAMPLES.glob("*.txt"))
#: Fixture files under tests/transform/fixtures/ with golden outputs of their own.
FIXTURE_CASES = {"transform-features": FIXTURES / "features.xml", "transform-edition": FIXTURES / "edition.xml"}


def sample_tei(stem: str) -> etree._Element:
    """The TEI of a bundled sample, as the CLI encodes it with --date 2026-01-01."""
    return encode_file(str(EXAMPLES / f"{stem}.txt"), EncodeOptions(change_date="2026-01-01"))


def check_golden(expected_path: Path, actual: bytes, update: bool) -> None:
    if update or not expected_path.exists():
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_bytes(actual)
        if not update:
            pytest.fail(f"golden file {expected_path} was missing and has been written: review it")
        return
    expected = expected_path.read_bytes()
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.decode("utf-8").splitlines(),
                actual.decode("utf-8").splitlines(),
                "expected",
                "actual",
                lineterm="",
                n=2,
            )
        )
        pytest.fail(f"output differs from {expected_path} (pytest --update-golden to accept):\n{diff[:6000]}")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("stem", SAMPLES)
def test_sample_golden(stem: str, fmt: str, update_golden: bool) -> None:
    actual = convert_tree(sample_tei(stem), fmt)
    check_golden(GOLDEN / stem / f"expected{FORMATS[fmt].suffix}", actual, update_golden)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", sorted(FIXTURE_CASES))
def test_fixture_golden(case: str, fmt: str, update_golden: bool) -> None:
    actual = convert_tree(etree.parse(str(FIXTURE_CASES[case])), fmt)
    check_golden(GOLDEN / case / f"expected{FORMATS[fmt].suffix}", actual, update_golden)
