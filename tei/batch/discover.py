"""Finding the inputs of a corpus run, one at a time (a generator: memory stays flat).

Rules:

- a file named on the command line is an input if it ends in ``.txt``,
  ``.md`` or ``.xml``; any other file named there is a usage error;
- a folder is walked recursively in sorted order (so every run meets the
  inputs in the same order); files with those suffixes are inputs, the rest
  (``NAME.meta.toml`` sidecars, ``.json``, scripts…) are ignored, and so are
  hidden files and folders (names starting with ``.``);
- the output folder is never walked, so a run never reads its own results;
- each input carries a relative name: a file named directly keeps its own
  name, a file found in a folder its path relative to that folder. Outputs
  mirror that relative path under the output folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tei.errors import InputError, UsageError

#: Suffixes that are encoded first (plain text and light Markdown).
TEXT_SUFFIXES = (".txt", ".md")
#: Suffixes that are taken as TEI.
XML_SUFFIXES = (".xml",)
SUFFIXES = TEXT_SUFFIXES + XML_SUFFIXES

__all__ = ["SUFFIXES", "TEXT_SUFFIXES", "XML_SUFFIXES", "InputFile", "check_sources", "iter_inputs"]


@dataclass(frozen=True)
class InputFile:
    """One input: where it is, and its name relative to the folder it was found in (POSIX form)."""

    path: str
    rel: str

    @property
    def stem(self) -> str:
        """The relative name without its suffix: the key outputs are named after."""
        return str(PurePosixPath(self.rel).with_suffix(""))

    @property
    def is_text(self) -> bool:
        return self.path.lower().endswith(TEXT_SUFFIXES)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def check_sources(sources: Sequence[str], outdir: Path) -> None:
    """Refuse sources that cannot be read, have the wrong suffix, or lie inside the output folder.

    A source inside the output folder (or the output folder itself) is refused
    because outputs there could overwrite inputs or be read back as inputs.
    """
    if not sources:
        raise UsageError("name at least one input file or folder")
    out = outdir.resolve()
    for source in sources:
        path = Path(source)
        if not path.exists():
            raise InputError("no such file or folder; check the path", path=source)
        if path.is_file() and not source.lower().endswith(SUFFIXES):
            raise InputError(f"not an input tei batch knows; name {', '.join(SUFFIXES)} files or folders", path=source)
        if _inside(path.resolve(), out):
            raise UsageError(
                f"{source} is inside the output folder {outdir}; outputs would overwrite or be read as inputs, "
                "so choose an output folder outside the inputs"
            )


def iter_inputs(sources: Sequence[str], outdir: Path | None = None) -> Iterator[InputFile]:
    """Every input under ``sources``, in order, lazily; the output folder is skipped."""
    out = outdir.resolve() if outdir is not None else None
    for source in sources:
        path = Path(source)
        if path.is_file():
            yield InputFile(source, path.name)
            continue
        for folder, dirs, files in os.walk(path):
            here = Path(folder)
            dirs[:] = sorted(
                name
                for name in dirs
                if not name.startswith(".") and (out is None or (here / name).resolve() != out)
            )
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                    continue
                full = here / name
                yield InputFile(str(full), full.relative_to(path).as_posix())
