"""Finding the TEI documents of a collection, and keeping outputs away from them.

A collection is named by files and folders (``tei batch`` output, a folder of
TEI, single files). Folders are walked recursively in sorted order, hidden
names skipped, and only ``.xml`` files are taken: a ``tei batch`` folder also
holds ``.txt``, ``.html``, ``.fo`` and ``.tex`` derivatives of each document,
which are not documents of their own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tei.errors import InputError, UsageError

__all__ = ["SourceFile", "check_output_file", "check_site_folder", "iter_sources"]


@dataclass(frozen=True)
class SourceFile:
    """One TEI file: where it is and its name relative to the folder it was found in (POSIX form)."""

    path: str
    rel: str

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
        for folder, dirs, files in os.walk(path):
            here = Path(folder)
            dirs[:] = sorted(
                name for name in dirs if not name.startswith(".") and (here / name).resolve() not in skipped
            )
            for name in sorted(files):
                if name.startswith(".") or not name.lower().endswith(".xml"):
                    continue
                full = here / name
                resolved = full.resolve()
                if resolved in skipped or resolved in seen:
                    continue
                seen.add(resolved)
                yield SourceFile(str(full), full.relative_to(path).as_posix())


def check_output_file(output: Path, sources: Sequence[str]) -> None:
    """Refuse an output file that is one of the named sources (it would be overwritten or read back)."""
    target = output.resolve()
    for source in sources:
        if Path(source).resolve() == target:
            raise UsageError(f"the output {output} is one of the inputs; choose another output path")
    if output.is_dir():
        raise UsageError(f"{output} is a folder; name the output file")


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
