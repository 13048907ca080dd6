"""Writing results safely: temporary file, then rename; never the input itself.

Why: a failing run must leave whatever the user had untouched (DEVELOPERS.md).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tei.errors import OutputError, UsageError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    if path.is_dir():
        raise OutputError("is a folder; give a file name with -o, or use -d for a folder", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("the folder for this output does not exist; create it first", path=str(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", path=str(path)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path=str(path)) from exc


def output_path(input_path: str, outdir: Path, suffix: str) -> Path:
    """Name an output after its input: ``note.txt`` -> ``OUTDIR/note.xml``."""
    name = "stdin" if input_path == "-" else Path(input_path).name
    stem = name[: -len(".meta.toml")] if name.endswith(".meta.toml") else Path(name).stem
    return outdir / f"{stem}{suffix}"


def check_not_input(output: Path, inputs: list[str]) -> None:
    """Refuse to write over one of the inputs."""
    for item in inputs:
        if item != "-" and Path(item).exists() and output.exists() and output.resolve() == Path(item).resolve():
            raise UsageError(f"output {output} is the same file as the input; choose another output path")


def plan_targets(inputs: list[str], output: Path | None, outdir: Path | None, suffix: str) -> list[Path | None]:
    """Where each input's result goes by the CLI contract (None: standard output).

    Checked before anything is written: -o and -d together, several inputs
    without -d, two inputs with the same output name, an output that is an input.
    """
    if output is not None and outdir is not None:
        raise UsageError("give either -o FILE or -d FOLDER, not both")
    if not inputs:
        raise UsageError("name at least one input file (or - for standard input)")
    if len(inputs) > 1 and outdir is None:
        raise UsageError("several inputs need -d FOLDER for their results")
    if outdir is not None:
        if outdir.exists() and not outdir.is_dir():
            raise UsageError(f"-d {outdir}: is a file, not a folder")
        targets: list[Path | None] = [output_path(item, outdir, suffix) for item in inputs]
        names = [target for target in targets if target is not None]
        if len(set(names)) != len(names):
            raise UsageError("two inputs would give the same output name in -d; rename one of them")
    else:
        targets = [output]
    for target in targets:
        if target is not None:
            check_not_input(target, inputs)
    return targets


def file_hashes(path: Path, algorithms: Sequence[str] = ("sha256",)) -> dict[str, str]:
    """Hex digests of a file by algorithm name, read once in 1 MiB blocks (OSError if unreadable)."""
    digests = {name: hashlib.new(name) for name in algorithms}
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            for digest in digests.values():
                digest.update(block)
    return {name: digest.hexdigest() for name, digest in digests.items()}
