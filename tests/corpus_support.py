"""The collection the corpus, entity and site tests share: the samples and the dev set, encoded once.

``encoded_collection()`` runs ``tei batch`` once per test process over the
dev set's 20 documents (with their sidecars) and, where ``../shared`` is
present, the two samples, and returns the folder of TEI it wrote.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import REPO, SHARED

DEVSET = REPO / "tests" / "devset"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@functools.lru_cache(maxsize=1)
def _workdir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tei-corpus-tests-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@functools.lru_cache(maxsize=1)
def encoded_collection() -> Path:
    """A folder of TEI: ``tei batch`` output of the dev set (and the samples when ../shared is there)."""
    inputs = _workdir() / "inputs"
    inputs.mkdir()
    for path in sorted(DEVSET.glob("*.txt")) + sorted(DEVSET.glob("*.meta.toml")):
        shutil.copy(path, inputs / path.name)
    samples = SHARED / "samples"
    if samples.is_dir():
        for path in sorted(samples.glob("*.txt")):
            shutil.copy(path, inputs / path.name)
    out = _workdir() / "batch"
    done = subprocess.run(
        [sys.executable, "-m", "tei.cli", "batch", str(inputs), "-d", str(out), "--to", "tei", "-j", "2", "-q"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    # Exit 1 (a document invalid by the project's rules) still writes its TEI; only a crash is fatal here.
    assert done.returncode in (0, 1), done.stderr
    assert len(list(out.glob("*.xml"))) >= 20, done.stderr
    return out


def copy_collection(target: Path) -> Path:
    """A private copy of the encoded collection (for tests that change or remove documents)."""
    shutil.copytree(encoded_collection(), target, ignore=shutil.ignore_patterns(".*"))
    return target


def chromium() -> str | None:
    """The Chromium executable, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")
