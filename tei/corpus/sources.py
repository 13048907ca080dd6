"""Finding the TEI documents of a collection, and keeping outputs away from them.

A collection is named by files and folders (``tei batch`` output, a folder of
TEI, single files). Folders are walked recursively in sorted order, hidden
names skipped, and only ``.xml`` files are taken: a ``tei batch`` folder also
holds ``.txt``, ``.html``, ``.fo`` and ``.tex`` derivatives of each document,
which are not documents of their own. As in ``tei batch``, symbolic links
inside a folder are not followed (a link could lead anywhere on the machine):
each ``.xml`` link, each linked folder and each subfolder that cannot be read
is a source with a ``problem``, which its reader reports instead of reading.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tei.errors import InputError, UsageError

__all__ = ["SourceFile", "check_output_file", "check_site_folder", "iter_sources"]

_LINK = (
    "is a symbolic link; links inside a source folder are not followed "
    "(name the file or folder it points to on the command line)"
)


@dataclass(frozen=True)
class SourceFile:
    """One TEI file: where it is and its name relative to the folder it was found in (POSIX form)."""

    path: str
    rel: str
    #: Why this entry is not read (a link inside a folder, an unreadable folder), else None.
    problem: str | None = None

    def check(self) -> None:
        """Raise the entry's problem as an InputError (one line naming it)."""
        if self.problem:
            raise InputError(self.problem, path=self.path)

    @property
    def stem(self) -> str:
        return str(PurePosixPath(self.rel).with_suffix(""))


def _check_named(sources: Sequence[str]) -> None:
    if not sources:
        raise UsageError("name at least one TEI file or folder")
    for source in sources:
        path = Path(source)
        if source == "-":
            raise UsageError("a collection is read from files and folders, not standard input; name them")
        if not path.exists():
            raise InputError("no such file or folder; check the path", path=source)
        if path.is_file() and not source.lower().endswith(".xml"):
            hint = " (encode it first: tei batch SRC -d OUT, then name OUT)" if source.lower().endswith(
                (".txt", ".md")
            ) else ""
            raise InputError(f"not a TEI file: name .xml files or folders of them{hint}", path=source)


def iter_sources(sources: Sequence[str], skip: Sequence[Path] = ()) -> Iterator[SourceFile]:
    """Every ``.xml`` file under ``sources`` in a stable order; ``skip`` (outputs) is never read.

    Raises InputError/UsageError for a source that does not exist or is not TEI
    before anything is yielded.
    """
    _check_named(sources)
    skipped = {item.resolve() for item in skip}
    seen: set[Path] = set()
    for source in sources:
        path = Path(source)
        if path.is_file():
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield SourceFile(source, path.name)
            continue
        unreadable: list[OSError] = []
        for folder, dirs, files in os.walk(path, onerror=unreadable.append):
            here = Path(folder)
            for name in sorted(dirs):
                if not name.startswith(".") and (here / name).is_symlink():
                    yield SourceFile(str(here / name), (here / name).relative_to(path).as_posix(), _LINK)
            dirs[:] = sorted(
                name
                for name in dirs
                if not name.startswith(".")
                and not (here / name).is_symlink()
                and (here / name).resolve() not in skipped
            )
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(".xml"):
                    continue
                full = here / name
                if full.is_symlink():
                    yield SourceFile(str(full), full.relative_to(path).as_posix(), _LINK)
                    continue
                resolved = full.resolve()
                if resolved in skipped or resolved in seen:
                    continue
                seen.add(resolved)
                yield SourceFile(str(full), full.relative_to(path).as_posix())
        for error in unreadable:
            where = str(error.filename or path)
            reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
            yield SourceFile(where, where, f"this folder cannot be read ({reason}); its files were not read")


def check_output_file(output: Path, sources: Sequence[str]) -> None:
    """Refuse an output file that is one of the sources, named or found in a folder (it would be overwritten)."""
    from tei.outputs import same_file

    target = output.resolve()
    for source in sources:
        if Path(source).resolve() == target:
            raise UsageError(f"the output {output} is one of the inputs; choose another output path")
    if output.is_dir():
        raise UsageError(f"{output} is a folder; name the output file")
    if output.exists():
        for found in iter_sources(sources):
            if same_file(found.path, output):
                raise UsageError(
                    f"the output {output} is the input {found.path} (found in a source folder); "
                    "choose another output path"
                )


def check_site_folder(site: Path, sources: Sequence[str]) -> None:
    """The site folder may neither be nor lie inside a source, nor contain one.

    Otherwise the site's own files (its TEI downloads) would be read back as
    documents, or a rebuild's removals could reach a source.
    """
    target = site.resolve()
    if site.exists() and not site.is_dir():
        raise UsageError(f"-d {site}: is a file, not a folder")
    for source in sources:
        where = Path(source).resolve()
        if target == where or target.is_relative_to(where) or where.is_relative_to(target):
            raise UsageError(
                f"the site folder {site} and the source {source} overlap; choose a site folder outside the "
                "sources that holds none of them"
            )
