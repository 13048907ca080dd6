"""The public API: what ``tei.__all__`` names exists, and the README's example runs as written."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

import tei


def test_every_public_name_exists() -> None:
    """``tei`` exported only the encoder; validate and convert are public too."""
    for name in ("validate_file", "validate_bytes", "convert_file", "convert_tree", "FORMATS", "XmlOptions"):
        assert name in tei.__all__
    for name in tei.__all__:
        assert getattr(tei, name) is not None, name
    assert set(tei.__all__) <= set(dir(tei))


def test_the_readme_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    shutil.copy(EXAMPLES / "trotsky-note-to-allied-ambassadors-1917-12-06.txt", tmp_path / "note.txt")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(code.group(1), "README.md", "exec"), namespace)  # the example, exactly as a reader copies it
    assert (tmp_path / "note.xml").is_file()
    assert capsys.readouterr().out == ""  # the sample is valid: nothing to print
    html, text = namespace["html"], namespace["text"]
    assert isinstance(html, bytes) and html.startswith(b"<!DOCTYPE html>")
    assert isinstance(text, bytes) and b"NEGOTIATIONS" in text
    assert os.path.getsize(tmp_path / "note.xml") > 10_000
