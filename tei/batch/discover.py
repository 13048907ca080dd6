"""Finding the inputs of a corpus run, one at a time (a generator: memory stays flat).

Rules:

- a file named on the command line is an input if it ends in ``.txt``,
  ``.md`` or ``.xml``; any other file named there is a usage error; a
  symbolic link named there is followed (the user named it);
- a folder is walked recursively in sorted order (so every run meets the
  inputs in the same order); files with those suffixes are inputs, the rest
  (``NAME.meta.toml`` sidecars, ``.json``, scripts…) are ignored, and so are
  hidden files and folders (names starting with ``.``);
- inside a folder, symbolic links are never followed, to files or to
  folders: a link could lead anywhere on the machine (``/etc``, a private
  key) and its target would be deposited. Each link with an input's suffix,
  and each linked folder, is reported as a failed input that names the link;
  so is a special file (a FIFO, a device, a socket) with an input's suffix,
  a subfolder that cannot be read, and a BagIt bag found among the sources
  (an earlier deposit must not come back as documents). Nothing is skipped
  without a word;
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
    #: Why this entry cannot be an input (a link, a special file, an unreadable folder…), else None.
    problem: str | None = None

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
    """Every input under ``sources``, in order, lazily; the output folder is skipped; refused entries say why."""
    out = outdir.resolve() if outdir is not None else None
    for source in sources:
        path = Path(source)
        if path.is_file():
            yield InputFile(source, path.name)
            continue
        if not path.is_dir():
            yield InputFile(source, path.name, _special(path))
            continue
        yield from _walk(path, path, out)


def _walk(top: Path, folder: Path, out: Path | None) -> Iterator[InputFile]:
    """One folder's inputs, in sorted order, then its subfolders' (depth first, as ``os.walk``)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        yield InputFile(
            str(folder), _rel(folder, top), f"this folder cannot be read ({reason}); its files were not processed"
        )
        return
    if any(entry.name == "bagit.txt" for entry in entries):
        yield InputFile(
            str(folder),
            _rel(folder, top),
            "is a BagIt bag (it holds bagit.txt), not a folder of sources; move it out of the source folder",
        )
        return
    subfolders: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        full = Path(entry.path)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file(follow_symlinks=False)
        except OSError:
            is_link, is_dir, is_file = False, False, False
        if is_link:
            if entry.name.lower().endswith(SUFFIXES) or full.is_dir():
                yield InputFile(
                    str(full),
                    _rel(full, top),
                    "is a symbolic link; links inside a source folder are not followed "
                    "(name the file or folder it points to on the command line)",
                )
            continue
        if is_dir:
            if out is None or full.resolve() != out:
                subfolders.append(full)
            continue
        if not entry.name.lower().endswith(SUFFIXES):
            continue
        if is_file:
            yield InputFile(str(full), _rel(full, top))
        else:
            yield InputFile(str(full), _rel(full, top), _special(full))
    for subfolder in subfolders:
        yield from _walk(top, subfolder, out)


def _rel(path: Path, top: Path) -> str:
    return path.relative_to(top).as_posix() if path != top else path.name


def _special(path: Path) -> str:
    """Why a path that is neither a regular file nor a folder is not an input."""
    from tei.files import file_kind

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "no such file or folder (a broken link?)"
    return f"is {file_kind(mode)}, not a regular file; tei reads only regular files"
